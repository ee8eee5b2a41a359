"""Time travel (`?as_of=`) reads the log once per log state and folds off the event loop
(issue 16, D8): each new `as_of` used to read the whole log from Kafka again."""

import threading
from datetime import UTC, datetime
from unittest.mock import patch

import pytest

from streams.kafka import history
from tests.factories import make_event


@pytest.mark.asyncio
async def test_a_new_as_of_on_an_unchanged_log_folds_again_without_reading_it_again() -> None:
    reads: list[int] = []
    folded_in: list[str] = []
    events = [make_event("talks")]

    async def log_size(settings: object) -> dict[str, int]:
        return {"parley.events.talks/0": 1}

    async def read_log(settings: object) -> history.LogSnapshot:
        reads.append(1)
        return history.LogSnapshot(events, {"parley.events.talks/0": 1}, 0)

    def tables_json(found: list, process: str | None = None) -> dict:
        folded_in.append(threading.current_thread().name)
        return {"negotiations": {"n": len(found)}}

    history._cache.clear()
    history._snapshot = None
    with (
        patch.object(history, "log_size", log_size),
        patch.object(history, "read_log", read_log),
        patch.object(history, "tables_json", tables_json),
    ):
        for day in (1, 2, 3, 3):
            await history.tables_as_of(datetime(2030, 1, day, tzinfo=UTC), settings=object())
    assert len(reads) == 1
    assert len(folded_in) == 3  # the repeated as_of is answered from the cache
    assert all(name != threading.main_thread().name for name in folded_in)
