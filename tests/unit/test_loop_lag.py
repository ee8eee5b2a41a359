"""The event-loop stall monitor the health endpoint reports (streams/loop_lag.py)."""

import asyncio
import time

import pytest

from streams.loop_lag import LoopLag


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("wake_ups", "stalls", "longest_ms"),
    [
        ([], 0, 0.0),
        ([0.001, 0.02, 0.099], 0, 0.0),  # late, but under the threshold
        ([0.1], 1, 100.0),  # at the threshold
        ([0.25, 0.003, 1.5, 0.12], 3, 1500.0),
    ],
)
def test_only_wake_ups_later_than_the_threshold_are_stalls(
    wake_ups: list[float], stalls: int, longest_ms: float
) -> None:
    clock = Clock()
    lag = LoopLag(stall_s=0.1, clock=clock)
    for late in wake_ups:
        clock.now += 1
        lag.record(late, clock.now)
    report = lag.report()
    assert report["stalls"] == stalls
    assert report["longest_ms"] == longest_ms
    assert report["stalls_in_window"] == stalls
    assert report["stall_ms"] == 100


def test_the_window_forgets_old_stalls_but_the_totals_keep_them() -> None:
    clock = Clock()
    lag = LoopLag(stall_s=0.1, window_s=60.0, clock=clock)
    lag.record(2.0, clock.now)
    clock.now += 30
    lag.record(0.3, clock.now)
    clock.now += 45  # the first stall is 75 s old, the second 45 s
    report = lag.report()
    assert (report["stalls"], report["longest_ms"]) == (2, 2000.0)
    assert (report["stalls_in_window"], report["longest_in_window_ms"]) == (1, 300.0)
    clock.now += 16
    report = lag.report()
    assert (report["stalls_in_window"], report["longest_in_window_ms"]) == (0, 0.0)


def test_the_monitor_sees_a_loop_held_by_blocking_work() -> None:
    lag = LoopLag(interval_s=0.005, stall_s=0.05)

    async def hold_the_loop() -> None:
        monitor = asyncio.ensure_future(lag.run())
        await asyncio.sleep(0.02)  # the monitor is sleeping
        time.sleep(0.12)  # blocking work on the loop, as a long fold would be
        await asyncio.sleep(0.02)  # the monitor wakes, late
        monitor.cancel()

    asyncio.run(hold_the_loop())
    report = lag.report()
    assert report["stalls"] == 1
    assert report["longest_ms"] >= 50
