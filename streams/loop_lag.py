"""How late the event loop wakes a task that sleeps a few milliseconds: how long something held
the loop (a long fold, a collection, a commit's encoding), which no agent or web request can be
served during. Reported by the health endpoint (docs/benchmarks.md, issue 17)."""

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import Any


class LoopLag:
    """Stalls of the loop: wake-ups later than `stall_s`, counted, with the longest ones."""

    def __init__(
        self,
        interval_s: float = 0.01,
        stall_s: float = 0.1,
        window_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval_s = interval_s
        self.stall_s = stall_s
        self.window_s = window_s
        self._clock = clock
        self.stalls = 0
        self.longest_s = 0.0
        self._recent: deque[tuple[float, float]] = deque()

    def record(self, late_s: float, now: float) -> None:
        """One wake-up, `late_s` seconds after it was due."""
        if late_s < self.stall_s:
            return
        self.stalls += 1
        self.longest_s = max(self.longest_s, late_s)
        self._recent.append((now, late_s))
        self._forget(now)

    def _forget(self, now: float) -> None:
        while self._recent and self._recent[0][0] < now - self.window_s:
            self._recent.popleft()

    def report(self) -> dict[str, Any]:
        """Stalls since start and within the window, in milliseconds."""
        self._forget(self._clock())
        recent = [late for _, late in self._recent]
        return {
            "stall_ms": round(self.stall_s * 1000),
            "stalls": self.stalls,
            "longest_ms": round(self.longest_s * 1000, 1),
            "window_s": self.window_s,
            "stalls_in_window": len(recent),
            "longest_in_window_ms": round(max(recent, default=0.0) * 1000, 1),
        }

    async def run(self) -> None:
        """Sleep `interval_s` again and again, recording how late each wake-up is."""
        while True:
            due = self._clock() + self.interval_s
            await asyncio.sleep(self.interval_s)
            now = self._clock()
            self.record(now - due, now)


monitor = LoopLag()
