"""A dependency-free progress line on stderr: counts and rate, redrawn in place on a terminal."""

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int | None = None, stream: TextIO = sys.stderr) -> None:
        self.label, self.total, self.stream = label, total, stream
        self.count = 0
        self._started = time.monotonic()
        self._drawn = 0.0
        self._live = stream.isatty()

    def advance(self, step: int = 1) -> None:
        self.count += step
        now = time.monotonic()
        if self._live and now - self._drawn > 0.1:
            self._drawn = now
            self.stream.write("\r" + self._line(now))
            self.stream.flush()

    def _line(self, now: float) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = self.count / elapsed
        if self.total:
            done = self.count / self.total
            bar = "#" * int(done * 30)
            return f"{self.label} [{bar:<30}] {self.count}/{self.total} {rate:,.0f}/s"
        return f"{self.label} {self.count} {rate:,.0f}/s"

    def close(self) -> None:
        self.stream.write(("\r" if self._live else "") + self._line(time.monotonic()) + "\n")
        self.stream.flush()
