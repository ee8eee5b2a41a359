"""Log lines rate-limited per message (issue 16, D6): a broker outage of 30 s wrote 230,000
ERROR lines (24 MB), the same few messages over and over, which buried everything else.

Each message template (logger, level, format string) may log `burst` lines per `seconds`;
the next line after a quiet spell says how many were left out.
"""

import logging
import time
from collections.abc import Callable


class RateLimit(logging.Filter):
    def __init__(
        self, burst: int = 5, seconds: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.burst, self.seconds, self.clock = burst, seconds, clock
        # template -> [window start, lines let through in it, lines left out]
        self._windows: dict[tuple[str, int, str], list[float]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, str(record.msg)[:300])
        now = self.clock()
        window = self._windows.get(key)
        if window is None or now - window[0] >= self.seconds:
            left_out = int(window[2]) if window else 0
            if len(self._windows) > 10_000:
                self._windows.clear()  # bounded: forgetting only lets a few more lines through
            self._windows[key] = [now, 1, 0]
            if left_out:
                record.msg = f"{record.msg} [{left_out} more like this left out of the log]"
            return True
        if window[1] < self.burst:
            window[1] += 1
            return True
        window[2] += 1
        return False


_shared = RateLimit()


def install(limit: RateLimit | None = None) -> RateLimit:
    """Put one filter on every handler configured so far (Faust's worker sets them up).
    Called more than once (at logging setup, then at app start): one shared filter."""
    limit = limit or _shared
    loggers = [logging.getLogger()]
    loggers += [
        item
        for item in logging.Logger.manager.loggerDict.values()
        if isinstance(item, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if limit not in handler.filters:
                handler.addFilter(limit)
    return limit
