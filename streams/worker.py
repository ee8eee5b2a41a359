"""Faust's worker with two additions: the log-rate filter from the moment logging is set up,
and a shutdown deadline (docs/hardening.md, "Shutdown")."""

import logging
import os
import threading
from typing import Any

import faust

from streams import lograte
from streams.kafka import shutdown

log = logging.getLogger(__name__)

# Exit code when the deadline ends the stop: not 0, so a supervisor sees an unclean stop.
SHUTDOWN_TIMED_OUT = 70


def _exit_after_deadline(seconds: float) -> None:
    log.critical(
        "shutdown did not finish within %.0f s (PARLEY_SHUTDOWN_TIMEOUT_S), most likely "
        "waiting for an unreachable broker: exiting with code %d without the final commit; "
        "the records since the last commit are read again by the next owner",
        seconds,
        SHUTDOWN_TIMED_OUT,
    )
    for handler in logging.getLogger().handlers:
        handler.flush()
    # os._exit, not sys.exit: the main thread is the one stuck, and must not get a say.
    os._exit(SHUTDOWN_TIMED_OUT)


class ParleyWorker(faust.Worker):
    shutdown_timeout_s = 25.0
    _deadline: threading.Timer | None = None

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        super().on_setup_root_logger(logger, level)
        # At WARN and above Faust adds a terminal spinner that turns on every record and sets
        # the root logger to DEBUG for it, so every debug call of Faust and aiokafka built a
        # record and ran the handlers' filters: 3-9% of a busy worker's CPU (docs/benchmarks.md,
        # issue 17). The spinner keeps turning on the records of the configured level.
        if level:
            logger.setLevel(level)
        # Here, not in an app task: a worker whose broker is gone while it starts never runs
        # its tasks, and its client's reconnect errors were not rate-limited.
        lograte.install()

    async def stop(self) -> None:
        self.arm_shutdown_deadline()
        await super().stop()

    def arm_shutdown_deadline(self) -> None:
        """Once stopping starts, the process ends within the deadline, whatever the stop waits
        for. Exiting without the final commit loses nothing: the design is at-least-once, a
        record whose offset was not committed is read again by the partition's next owner,
        and the fold is idempotent (content ids, offset marks)."""
        if self._deadline is not None:
            return
        shutdown.begin_stop()
        # A thread, not the event loop: the loop is what may be stuck.
        self._deadline = threading.Timer(
            self.shutdown_timeout_s, _exit_after_deadline, args=(self.shutdown_timeout_s,)
        )
        self._deadline.daemon = True
        self._deadline.start()


def worker_class(timeout_s: float) -> type[ParleyWorker]:
    """The worker class for Faust's `Worker` setting, with the configured deadline."""
    attributes: dict[str, Any] = {"shutdown_timeout_s": timeout_s, "__module__": __name__}
    return type("ParleyWorker", (ParleyWorker,), attributes)
