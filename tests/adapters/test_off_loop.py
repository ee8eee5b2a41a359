"""The broker report's own loop (streams/web/health.OffLoop): work runs off the caller's loop."""

import asyncio
import threading
import time

import pytest

from streams.web.health import OffLoop


@pytest.mark.asyncio
async def test_work_runs_on_another_thread_and_loop_and_returns_its_result() -> None:
    off = OffLoop()

    async def where() -> tuple[int, asyncio.AbstractEventLoop]:
        return threading.get_ident(), asyncio.get_running_loop()

    thread, loop = await off.run(where())
    assert thread != threading.get_ident()
    assert loop is not asyncio.get_running_loop()
    assert (await off.run(where()))[1] is loop, "one loop, kept between reports"


@pytest.mark.asyncio
async def test_the_callers_loop_keeps_running_while_the_work_holds_its_own() -> None:
    off = OffLoop()

    async def hog() -> str:
        time.sleep(0.3)  # CPU-bound work that never yields, like decoding a large report
        return "done"

    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.ensure_future(tick())
    assert await off.run(hog()) == "done"
    ticker.cancel()
    assert ticks >= 5, "the caller's loop was held by the work"


@pytest.mark.asyncio
async def test_errors_reach_the_caller_and_a_timeout_cancels_the_work() -> None:
    off = OffLoop()

    async def fails() -> None:
        raise ConnectionError("no broker")

    with pytest.raises(ConnectionError):
        await off.run(fails())

    cancelled = threading.Event()

    async def slow() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    with pytest.raises(TimeoutError):
        await asyncio.wait_for(off.run(slow()), 0.1)
    assert await asyncio.to_thread(cancelled.wait, 5)
