"""The operator pages show negotiations joined, as `parley state` does (streams/web/joined.py):
the overview and the process page over one worker and over two, now and `as_of`, and as stored.

The tables are filled with the folds of invented stories (tests/data/one_sided_stories.json, and
two invented talks reports of a side and its mediator); the other worker is this one's own
`/api/ui/local/{table}` handler answering for the keys that worker holds.
"""

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast
from unittest.mock import patch
from urllib.parse import urlsplit

import orjson
import pytest
from aiohttp.test_utils import make_mocked_request
from faust.exceptions import SameNode

from schemas.events import Actor, Event, Quantity
from schemas.snippet import Snippet
from schemas.state import NegotiationState
from streams import codec
from streams.app import app
from streams.core.fold.counterparts import with_counterparts
from streams.core.fold.folds import project_tables
from streams.core.read import typer
from streams.core.read.extract import extract_events
from streams.kafka.history import published_by, tables_json
from streams.tables import TABLES
from streams.web import data, joined, pages, system_pages
from tests.factories import make_event, mediator, party

STORIES = json.loads(
    (Path(__file__).parents[1] / "data" / "one_sided_stories.json").read_text("utf-8")
)


def _story_events() -> list[Event]:
    records = [*STORIES["state_pair"], *STORIES["government_group"], *STORIES["two_counterparts"]]
    events = [
        e
        for r in records
        for e in extract_events(Snippet(id=r["id"], text=r["text"], published_at=r["published_at"]))
    ]
    # A side and the mediator of its process, keyed apart ("GH--TD" beside "MUJ--TD").
    mujara = Actor(name="Mujara Union", kind="armed_group", role="party")
    events += [
        make_event(
            "talks",
            snippet="m-1",
            process="MUJ--TD",
            text="Delegations of Chad and the Mujara Union met in Kebbora, with Ghana mediating.",
            actors=(party("Chad", "TD"), mujara, mediator("Ghana", "GH")),
            published=datetime(2032, 3, 2, tzinfo=UTC),
        ),
        make_event(
            "talks",
            snippet="m-2",
            process="GH--TD",
            text="Ghana's envoy met Chad's negotiators in Kebbora.",
            actors=(mediator("Ghana", "GH"), party("Chad", "TD")),
            published=datetime(2032, 3, 9, tzinfo=UTC),
        ),
        # A toll told by the group alone, keyed "WPF": in the view, its officers are Honduras's.
        make_event(
            "casualty_report",
            snippet="w-1",
            process="WPF",
            text="The army said WPF fighters had fired on a post in Olancho, killing six officers.",
            actors=(Actor(name="WPF", kind="armed_group", role="party", mention="WPF"),),
            quantities=(Quantity(value=6, unit="killed", text="killing six", claimant="army"),),
            published=datetime(2032, 3, 10, tzinfo=UTC),
        ),
    ]
    return events


with typer.mode("rules"):  # the core's own typing, whichever modules were imported before
    EVENTS = _story_events()
TABLE_STATES = project_tables(EVENTS)
STORED = cast(dict[str, NegotiationState], TABLE_STATES["negotiations"])
VIEW = with_counterparts(STORED)
SHOWN_INSIDE = {"PY": "PY--UY", "UY": "PY--UY", "HN": "HN--WPF", "WPF": "HN--WPF"}
SHOWN_INSIDE["GH--TD"] = "MUJ--TD"
# Two workers: this one holds the two-sided processes, the other the keys joined into them.
HERE = {"PY--UY", "HN--WPF", "MUJ--TD"}
OTHER = "http://other-worker:6066"


def _past_view(as_of: datetime) -> dict[str, NegotiationState]:
    """The joined view of what was published by `as_of`, as `parley state --as-of` shows it."""
    states = project_tables(published_by(EVENTS, as_of))["negotiations"]
    return with_counterparts(cast(dict[str, NegotiationState], states))


def _json(state: NegotiationState) -> dict[str, Any]:
    return state.model_dump(mode="json")


class Workers:
    """Which worker the code runs as: its keys are those `holds` says it holds."""

    def __init__(self) -> None:
        self.serving: set[str] | None = None  # None: one worker holds every key
        self.remote_calls: list[str] = []
        self.down_for_states = False  # the other worker stops answering for full states

    def holds(self, table: str) -> Any:
        return lambda key: self.serving is None or key in self.serving

    def others(self) -> list[str]:
        return [] if self.serving is None else [OTHER]

    async def fetch(self, url: str) -> Any:
        """The other worker's `/api/ui/local/{table}` handler, run as that worker."""
        self.remote_calls.append(url)
        if self.down_for_states and "key=" in url:
            raise ConnectionError(url)
        parts = urlsplit(url)
        mine, self.serving = (
            self.serving,
            set(STORED) - (self.serving or set()),
        )
        try:
            request: Any = make_mocked_request("GET", parts.path + "?" + parts.query)
            view = system_pages.LocalTableApi(app, app.web)
            response = await view.get(request, parts.path.rsplit("/", 1)[-1])
        finally:
            self.serving = mine
        return orjson.loads(response.body)


@pytest.fixture()
def workers() -> Iterator[Workers]:
    app.finalize()
    for table in TABLES.values():
        table.data.clear()
    for name, states in TABLE_STATES.items():
        for key, state in states.items():
            TABLES[name].data[key] = codec.encode_entry(state, {})
    at = Workers()

    async def as_of_tables(as_of: datetime, process: str | None = None) -> Any:
        return tables_json(published_by(EVENTS, as_of), process)

    with (
        patch.object(data, "holds", at.holds),
        patch.object(data, "other_workers", at.others),
        patch.object(data, "_fetch_remote", at.fetch),
        patch.object(data, "tables_as_of", as_of_tables),
        patch.object(app.router, "route_req", side_effect=SameNode()),
        # Each test starts with nothing drawn: what a page keeps is tested within one test.
        patch.object(joined, "_joined_cards", data.Kept(limit=64)),
        patch.object(joined, "_found", data.Kept(limit=4)),
        patch.object(pages, "_process_pages", data.Kept(limit=256)),
    ):
        yield at
    for table in TABLES.values():
        table.data.clear()


# Overview -----------------------------------------------------------------------------------


@pytest.mark.parametrize("two_workers", [False, True])
@pytest.mark.asyncio
async def test_the_overview_shows_each_process_once_with_what_it_includes(
    workers: Workers, two_workers: bool
) -> None:
    workers.serving = HERE if two_workers else None
    cards, missing = await pages.overview_data(None)
    assert missing == []
    assert sorted(cards) == sorted(VIEW) == sorted(HERE | {"BJ--GH", "GH", "GH--TG"})
    assert not set(cards) & set(SHOWN_INSIDE)
    assert cards["PY--UY"]["joined"] == ["PY", "UY"]
    assert cards["MUJ--TD"]["joined"] == ["GH--TD"]
    assert cards["PY--UY"]["event_count"] == sum(
        STORED[k].event_count for k in ("PY", "PY--UY", "UY")
    )
    for key, state in VIEW.items():
        expected = data.summary(_json(state))
        assert {k: v for k, v in cards[key].items() if k not in ("joined", "claims")} == {
            k: v for k, v in expected.items() if k != "claims"
        }
    # A process that absorbs nothing keeps its card as stored.
    assert "joined" not in cards["BJ--GH"]


@pytest.mark.asyncio
async def test_the_overview_fetches_full_states_only_for_the_joined_and_keeps_them(
    workers: Workers,
) -> None:
    workers.serving = HERE
    await pages.overview_data(None)
    asked = [u for u in workers.remote_calls if "key=" in u]
    assert len(asked) == 1  # one request for every state the joins need, to the one other worker
    assert all(f"key={k}" in asked[0] for k in ("GH--TD", "HN", "PY", "UY", "WPF"))
    assert "BJ--GH" not in asked[0]
    workers.remote_calls.clear()
    await pages.overview_data(None)
    assert not [u for u in workers.remote_calls if "key=" in u]  # cards unchanged: kept


@pytest.mark.asyncio
async def test_a_join_whose_states_did_not_arrive_is_not_made(workers: Workers) -> None:
    workers.serving, workers.down_for_states = HERE, True
    cards, missing = await pages.overview_data(None)
    assert missing == [OTHER]
    # Nothing disappears: the keys keep their own cards, as stored.
    assert sorted(cards) == sorted(STORED)
    assert all("joined" not in card for card in cards.values())
    workers.down_for_states = False
    cards, missing = await pages.overview_data(None)
    assert missing == [] and cards["PY--UY"]["joined"] == ["PY", "UY"]


@pytest.mark.asyncio
async def test_the_overview_as_stored_lists_every_key(workers: Workers) -> None:
    cards, _ = await pages.overview_data(None, stored=True)
    assert sorted(cards) == sorted(STORED)
    assert all("joined" not in card for card in cards.values())


@pytest.mark.asyncio
async def test_the_past_overview_is_joined_too(workers: Workers) -> None:
    # Before the government-and-group story and the mediated talks: only the pair's first days.
    as_of = datetime(2032, 2, 6, tzinfo=UTC)
    cards, _ = await pages.overview_data(as_of)
    past = _past_view(as_of)
    assert sorted(cards) == sorted(past)
    for key, state in past.items():
        assert cards[key]["event_count"] == state.event_count
    stored, _ = await pages.overview_data(as_of, stored=True)
    assert len(stored) > len(cards)


# One process ---------------------------------------------------------------------------------


def _request(path: str, process: str) -> Any:
    return make_mocked_request("GET", path, match_info={"process": process})


@pytest.mark.parametrize("two_workers", [False, True])
@pytest.mark.asyncio
async def test_the_process_page_joins_and_a_joined_key_redirects_to_it(
    workers: Workers, two_workers: bool
) -> None:
    workers.serving = HERE if two_workers else None
    view = pages.ProcessApi(app, app.web)
    answer = await view.get(_request("/api/ui/process/PY--UY", "PY--UY"), "PY--UY")
    body = orjson.loads(answer.body)
    assert answer.status == 200
    assert body["joined"] == ["PY", "UY"]
    assert body["tables"]["negotiations"] == _json(VIEW["PY--UY"])
    # The casualty claims of a key shown inside a process are shown there, read among its sides.
    group = await view.get(_request("/api/ui/process/HN--WPF", "HN--WPF"), "HN--WPF")
    claims = orjson.loads(group.body)["tables"]["casualty_claims"]["by_claimant"]["army"]
    assert [(c["value"], c["side"]) for c in claims] == [(6, "Honduras")]
    if not two_workers:  # the joined keys live here only when one worker holds them all
        for key, into in SHOWN_INSIDE.items():
            moved = await view.get(_request(f"/api/ui/process/{key}?as_of=", key), key)
            assert moved.status == 303
            assert moved.headers["Location"].startswith(f"/api/ui/process/{into}")
    page = pages.ProcessPage(app, app.web)
    html_answer: Any = await page.get(_request("/ui/process/MUJ--TD", "MUJ--TD"), "MUJ--TD")
    text = html_answer.text
    assert html_answer.status == 200
    assert "Includes reports keyed apart under" in text
    assert "/ui/process/GH--TD?as_stored=1" in text
    # Its live updates follow the key shown inside it too.
    assert 'data-live="process=MUJ--TD%2CGH--TD"' in text


@pytest.mark.asyncio
async def test_a_joined_key_page_redirects_with_its_query(workers: Workers) -> None:
    page = pages.ProcessPage(app, app.web)
    answer = await page.get(_request("/ui/process/UY?fragment=1", "UY"), "UY")
    assert answer.status == 303
    assert answer.headers["Location"] == "/ui/process/PY--UY?fragment=1"


@pytest.mark.asyncio
async def test_as_stored_shows_the_key_as_stored(workers: Workers) -> None:
    view = pages.ProcessApi(app, app.web)
    answer = await view.get(_request("/api/ui/process/UY?as_stored=1", "UY"), "UY")
    body = orjson.loads(answer.body)
    assert answer.status == 200 and body["as_stored"] is True and body["joined"] == []
    assert body["tables"]["negotiations"] == _json(STORED["UY"])
    page = pages.ProcessPage(app, app.web)
    stored: Any = await page.get(_request("/ui/process/PY--UY?as_stored=1", "PY--UY"), "PY--UY")
    assert stored.status == 200 and "Show negotiations joined" in stored.text


@pytest.mark.asyncio
async def test_the_page_as_of_a_past_moment_is_joined(workers: Workers) -> None:
    as_of = "2032-02-06T00:00:00Z"
    past = _past_view(datetime(2032, 2, 6, tzinfo=UTC))
    view = pages.ProcessApi(app, app.web)
    answer = await view.get(_request(f"/api/ui/process/PY--UY?as_of={as_of}", "PY--UY"), "PY--UY")
    body = orjson.loads(answer.body)
    assert body["tables"]["negotiations"] == _json(past["PY--UY"])
    assert body["joined"]
    moved = await view.get(_request(f"/api/ui/process/PY?as_of={as_of}", "PY"), "PY")
    assert moved.status == 303
    assert moved.headers["Location"] == f"/api/ui/process/PY--UY?as_of={as_of}"


@pytest.mark.asyncio
async def test_an_unknown_key_is_still_a_404(workers: Workers) -> None:
    view = pages.ProcessApi(app, app.web)
    answer = await view.get(_request("/api/ui/process/ZZ--ZY", "ZZ--ZY"), "ZZ--ZY")
    assert answer.status == 404


def test_the_joined_json_leaves_out_a_join_whose_state_did_not_arrive() -> None:
    states = {k: _json(v) for k, v in STORED.items() if k != "UY"}
    found = [("PY", "PY--UY"), ("UY", "PY--UY")]
    shown = joined.joined_json(states, found)
    assert "PY" not in shown and "UY" not in shown
    assert shown["PY--UY"]["event_count"] == sum(STORED[k].event_count for k in ("PY", "PY--UY"))
