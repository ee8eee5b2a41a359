"""Table values for the views: this worker's keys, the other workers' keys, or a past state.

With several workers each holds the partitions assigned to it. A list view asks every worker
named in the partition assignment for the keys it holds (`/api/ui/local/{table}`) and merges
them; a per-key view is routed to the owner by `table_route` instead. With `as_of`, the values
are folded from the event log up to that time (`streams.kafka.history`), which any worker can do.
"""

import asyncio
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

import aiohttp
import orjson

from schemas.state import NegotiationState
from streams import codec
from streams.app import app, settings
from streams.core.fold.counterparts import join_marks
from streams.kafka import history
from streams.tables import TABLES
from streams.web import digest
from streams.web.log import EventLog

events_log = EventLog(settings)
V = TypeVar("V")


def local_values(table: str, keys: Iterable[str] | None = None) -> dict[str, Any]:
    """Every key of a table this worker holds (or those of `keys` it holds), with its state as
    JSON-able data."""
    values = {}
    held = holds(table)
    stored = TABLES[table]
    pairs = stored.items() if keys is None else ((key, stored.get(key)) for key in keys)
    for key, raw in pairs:
        if raw and held(key):
            values[key] = codec.entry_state_json(raw)
    return values


def holds(table: str) -> Callable[[str], bool]:
    """Whether a key of `table` lies in a partition this worker actively holds.

    The in-memory store keeps the keys of partitions a rebalance moved away, and those it
    replicates as a standby: neither is this worker's to serve, and either may be stale (after
    a kill -9 a survivor listed a state one event behind the owner's, for good).
    """
    assignor = app.assignor

    def held(key: str) -> bool:
        try:
            tp = _key_partition(table, key)
        except Exception:  # no metadata for the topic yet: nothing to tell keys apart by
            return True
        return bool(assignor.is_active(tp))

    return held


@lru_cache(maxsize=65_536)
def _key_partition(table: str, key: str) -> Any:
    """The changelog partition of a key: fixed (Parley's partition count is), so hashed once
    rather than on every list request for every key."""
    changelog = TABLES[table].changelog_topic
    return app.producer.key_partition(
        changelog.get_topic_name(), changelog.prepare_key(key, None)[0]
    )


_summaries: dict[str, tuple[Any, Any, dict[str, Any]]] = {}


def summary(state: dict[str, Any], claims: dict[str, Any] | None = None) -> dict[str, Any]:
    """The overview's card of one process (`digest.brief`); the full state is on its page.

    The card also names the process's third parties (`counterparts.third_parties`): with the
    keys, all the overview needs to find which processes the joined view shows inside others."""
    card = digest.brief(state, claims)
    card["third_parties"] = sorted(state_third_parties(state))
    return card


def state_third_parties(state: dict[str, Any]) -> frozenset[str]:
    """`counterparts.join_marks` of a state as JSON: its third parties and the aliases its
    snippets state ("LFM=GML"), what the joins read. Only the fields it reads are validated:
    the whole state would cost three times the card (2 ms for a state of 120 KB)."""
    named = {k: state[k] for k in ("process", "mediators", "hosts", "aliases") if k in state}
    return join_marks(NegotiationState.model_validate(named))


def local_summaries() -> dict[str, Any]:
    """Cards of this worker's processes, each built again only when its values changed.

    Parsing every full state on each overview request cost ~20 ms per request for a thousand
    processes, which queued requests up at 66 per second. The card also names the latest
    casualty figures, from the claims table, whose keys are the same processes.
    """
    values = {}
    table = TABLES["negotiations"]
    claims_table = TABLES["casualty_claims"]
    held = holds("negotiations")
    for key, raw in table.items():
        if not raw or not held(key):
            continue
        raw_claims = claims_table.get(key)
        cached = _summaries.get(key)
        if cached is None or _changed(cached[0], raw) or _changed(cached[1], raw_claims):
            claims = codec.entry_state_json(raw_claims) if raw_claims else None
            cached = (raw, raw_claims, summary(codec.entry_state_json(raw), claims))
            _summaries[key] = cached
        values[key] = cached[2]
    return values


def _changed(kept: Any, now: Any) -> bool:
    return kept is not now and kept != now


def local_value(table: str, key: str) -> Any:
    raw = TABLES[table].get(key)
    return codec.entry_state_json(raw) if raw else None


def _own_url() -> str:
    return str(app.conf.canonical_url).rstrip("/")


def other_workers() -> list[str]:
    """Web addresses of the other workers that hold table partitions, from the assignment."""
    try:
        hosts = app.router.tables_metadata()
    except Exception:  # no assignment yet: this worker is all we know
        return []
    own = _own_url()
    return sorted({str(h).rstrip("/") for h in hosts} - {own})


async def _fetch_remote(url: str) -> Any:
    async with app.http_client.get(url, timeout=aiohttp.ClientTimeout(total=10)) as response:
        response.raise_for_status()
        return orjson.loads(await response.read())


async def cluster_values(table: str, brief: bool = False) -> tuple[dict[str, Any], list[str]]:
    """A table merged over every worker, and the workers that could not be reached.

    `brief`: the negotiations table as overview summaries.
    """
    local = local_summaries() if brief else local_values(table)
    return await _gathered(local, f"/api/ui/local/{table}", [("brief", "1")] if brief else [])


_third_parties: dict[str, tuple[Any, list[str]]] = {}


def local_third_parties() -> dict[str, list[str]]:
    """Each process this worker holds, with its third parties (what the process page needs to
    find the joins), each read again only when its value changed. Apart from the cards: those
    also read the claims table, which cost the process page 3 ms a request at 1,000 keys."""
    values = {}
    held = holds("negotiations")
    for key, raw in TABLES["negotiations"].items():
        if not raw or not held(key):
            continue
        cached = _third_parties.get(key)
        if cached is None or _changed(cached[0], raw):
            cached = (raw, sorted(state_third_parties(codec.entry_state_json(raw))))
            _third_parties[key] = cached
        values[key] = cached[1]
    return values


async def _gathered(
    local: dict[str, Any], path: str, params: list[tuple[str, str]]
) -> tuple[dict[str, Any], list[str]]:
    """`local` merged with the `values` every other worker answers at `path`, and the workers
    that did not answer."""
    merged = dict(local)
    others = other_workers()
    query = ("?" + urlencode(params)) if params else ""
    answers = await asyncio.gather(
        *(_fetch_remote(f"{host}{path}{query}") for host in others), return_exceptions=True
    )
    missing = []
    for host, answer in zip(others, answers, strict=True):
        if isinstance(answer, BaseException) or not isinstance(answer, dict):
            missing.append(host)
            continue
        merged.update(answer.get("values", {}))
    return merged, missing


async def cluster_third_parties() -> tuple[dict[str, frozenset[str]], list[str]]:
    """Every process of every worker with its third parties (small: no state travels), and the
    workers that could not be reached."""
    merged, missing = await _gathered(
        local_third_parties(), "/api/ui/local/negotiations", [("third_parties", "1")]
    )
    return {key: frozenset(codes or ()) for key, codes in merged.items()}, missing


async def cluster_keys(table: str, keys: set[str]) -> tuple[dict[str, Any], list[str]]:
    """The states of `keys` of a table, wherever they are held (one request per other worker)."""
    local = local_values(table, sorted(keys))
    if not keys - set(local):
        return local, []
    return await _gathered(
        local, f"/api/ui/local/{table}", [("key", key) for key in sorted(keys - set(local))]
    )


async def tables_as_of(as_of: datetime, process: str | None = None) -> dict[str, dict[str, Any]]:
    """Every table as it stood at `as_of` (table -> process -> state), folded from the event log.

    `streams.kafka.history` reads the log and folds it with the same pure folds as the agents.
    """
    return await history.tables_as_of(as_of, process)


async def table_values(
    table: str, as_of: datetime | None, process: str | None = None
) -> tuple[dict[str, Any], list[str]]:
    """(key -> state, unreachable workers) for a table, now or at `as_of`."""
    if as_of is not None:
        past = await tables_as_of(as_of, process)
        values = dict(past.get(table, {}))
        if process is not None:
            values = {k: v for k, v in values.items() if k == process}
        return values, []
    if process is not None:
        value = local_value(table, process)
        return ({process: value} if value is not None else {}), []
    return await cluster_values(table)


class Kept(Generic[V]):
    """What was computed from a state of the data, kept while that state lasts: a value is
    served again only for the same key and an equal version (a log length, the table values
    it was drawn from). The `limit` newest keys are kept; a question asked once does not stay."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: dict[Any, tuple[Any, V]] = {}

    def get(self, key: Any, version: Any) -> V | None:
        kept = self._items.get(key)
        return kept[1] if kept is not None and kept[0] == version else None

    def put(self, key: Any, version: Any, value: V) -> V:
        self._items.pop(key, None)
        if len(self._items) >= self.limit:
            self._items.pop(next(iter(self._items)))
        self._items[key] = (version, value)
        return value
