"""The pure parts of the web view: escaping, links from data, filters and the chart (no browser)."""

from datetime import UTC, datetime
from typing import Any

import pytest

from streams.web import charts, digest, html, html_overview, html_process, html_views, timeline

HOSTILE = '<script>alert("x")</script>'


def _event(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "e1",
        "type": "strike",
        "process": "RU--UA",
        "snippet_id": "s1",
        "published_at": "2026-02-05T18:00:00Z",
        "sentence": {"index": 0, "start": 0, "end": 10, "text": HOSTILE},
        "actors": [{"name": "Russia", "role": "attacker"}],
        "places": [{"name": "Kharkiv", "region": "Kharkiv Oblast"}],
        "date": {"start": "2026-02-05", "end": "2026-02-05", "precision": "day", "text": "x"},
        "source": HOSTILE,
        "url": "javascript:alert(1)",
    }
    base.update(fields)
    return base


def _cited() -> dict[str, object]:
    return {
        "event_id": HOSTILE,
        "snippet_id": HOSTILE,
        "source": HOSTILE,
        "url": "javascript:alert(1)",
        "published_at": HOSTILE,
        "sentence": HOSTILE,
    }


def _hostile_state() -> dict[str, object]:
    """Every field a page reads, each holding markup, including fields the fold may add."""
    day = {"start": "2026-02-05", "end": "2026-02-05", "precision": HOSTILE, "text": HOSTILE}
    round_ = {
        "venue": HOSTILE,
        "format": HOSTILE,
        "date": day,
        "window_start": HOSTILE,
        "delegation_heads": [{"name": HOSTILE, "title": HOSTILE, "country": HOSTILE}],
        "outcomes": [_cited(), _cited()],
        "evidence": [_cited()],
        "corroboration": HOSTILE,
        "status": HOSTILE,
        "flags": [HOSTILE],
    }
    return {
        "process": HOSTILE,
        "parties": [{"name": HOSTILE, "role": HOSTILE, "evidence": [_cited()]}],
        "mediators": [{"name": HOSTILE, "country": HOSTILE}],
        "status": {"status": HOSTILE, "rule": HOSTILE, "evidence": _cited(), "because": HOSTILE},
        "recent": [_event()],
        "counts": {HOSTILE: HOSTILE},
        "event_count": HOSTILE,
        "rounds": [round_, {**round_, "date": None, "window_end": HOSTILE}],
        "planned": [round_, {**round_, "postponed": True}],
        "next_meeting": {
            "date": day,
            "venue": HOSTILE,
            "format": HOSTILE,
            "reported_at": HOSTILE,
            "certainty": HOSTILE,
            "evidence": [_cited()],
        },
        "issues": [
            {
                "issue": HOSTILE,
                "sticking_point": True,
                "mentions": 3,
                "positions": [
                    {"actors": [HOSTILE], "stance": HOSTILE, "when": HOSTILE, "evidence": _cited()}
                ],
            }
        ],
        "measures": [
            {
                "kind": HOSTILE,
                "status": HOSTILE,
                "stages": {HOSTILE: HOSTILE},
                "count": HOSTILE,
                "date": day,
                "latest_key": HOSTILE,
                "evidence": [_cited()],
            }
        ],
        "prisoners_exchanged": HOSTILE,
        "last_published_at": HOSTILE,
    }


HOSTILE_CLAIMS = {
    "by_claimant": {
        HOSTILE: [
            {
                "claimant": HOSTILE,
                "side": HOSTILE,
                "unit": HOSTILE,
                "value": None,
                "low": HOSTILE,
                "qualifier": HOSTILE,
                "as_of": HOSTILE,
                "sources": [_cited()],
            }
        ]
    }
}


def _hostile_strikes_page(strike_states: dict[str, Any]) -> str:
    """The strikes page of a hostile process whose unplaced strike names a hostile target."""
    unplaced = _event(
        process=HOSTILE,
        modality="actual",
        places=[],
        actors=[{"name": HOSTILE, "role": "target", "kind": "state"}],
    )
    days = {HOSTILE: {"days": [{"day": "2026-02-05", "count": 1, "by_place": {"unknown": 1}}]}}
    named = charts.name_unknown_places(days, charts.unknown_place_index([unplaced]))
    return html_views.strikes_page(
        charts.stacked_bars(charts.strikes_per_day(named, "place"), HOSTILE),
        charts.strikes_per_day(strike_states, "place"),
        {"process": HOSTILE, "by": HOSTILE, "as_of": HOSTILE},
        [HOSTILE],
    )


def test_every_value_from_data_is_escaped() -> None:
    state = _hostile_state()
    tables = {
        "negotiations": state,
        "casualty_claims": HOSTILE_CLAIMS,
        "statements": {
            "by_actor": {HOSTILE: [{**_cited(), "stance": HOSTILE, "subtype": HOSTILE}]}
        },
        "strike_activity": {"total": HOSTILE},
    }
    card = digest.brief(state, HOSTILE_CLAIMS)
    strike_states = {HOSTILE: {"days": [{"day": "2026-02-05", "count": 1, "by_place": {}}]}}
    pages = [
        html_overview.overview({HOSTILE: state}, None),
        html_overview.overview({HOSTILE: card, "unassigned": card}, HOSTILE),
        html_overview.overview({HOSTILE: {**card, "joined": [HOSTILE]}}, HOSTILE, stored=True),
        html_process.keying_note(HOSTILE, [HOSTILE], HOSTILE, stored=False)
        + html_process.process_page(HOSTILE, tables, HOSTILE),
        html_process.unknown_process(HOSTILE, {HOSTILE: card}, HOSTILE),
        html_views.timeline_page(
            [_event(), _event(id="e2", type="talks", subtype=HOSTILE)],
            {"actor": HOSTILE},
            [HOSTILE],
            1,
        ),
        html_views.evidence_page(HOSTILE, {"text": HOSTILE, "source": HOSTILE}, [_event()], (0, 5)),
        html_views.table_page("negotiations", {HOSTILE: {"x": HOSTILE}}, HOSTILE, HOSTILE),
        _hostile_strikes_page(strike_states),
    ]
    for page in pages:
        assert "<script>" not in page
        assert "javascript:" not in page
    assert HOSTILE.replace("<", "&lt;").replace(">", "&gt;").split('"')[0] in pages[3]
    assert "(no town named)" in pages[-1]  # the hostile target was named, and escaped


def test_a_joined_card_links_the_keys_it_includes_as_stored_and_each_view_the_other() -> None:
    card = digest.brief({"process": "MUJ--TD", "event_count": 3})
    joined_page = html_overview.overview({"MUJ--TD": {**card, "joined": ["GH--TD", "TD"]}}, None)
    assert "Includes reports keyed apart under" in joined_page
    assert 'href="/ui/process/GH--TD?as_stored=1"' in joined_page
    assert 'href="/ui/process/TD?as_stored=1"' in joined_page
    assert 'href="/ui/process/MUJ--TD"' in joined_page  # the process itself: joined
    assert 'href="/ui?as_stored=1"' in joined_page
    stored_page = html_overview.overview({"TD": card}, "2032-01-01", stored=True)
    assert 'href="/ui/process/TD?as_of=2032-01-01&amp;as_stored=1"' in stored_page
    assert 'href="/ui?as_of=2032-01-01"' in stored_page and "Includes" not in stored_page


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("data:text/html,hi", False),
        (None, False),
    ],
)
def test_only_http_links_are_rendered(url: object, kept: bool) -> None:
    assert (html.safe_url(url) is not None) is kept


def test_filters_select_on_the_server() -> None:
    events = [
        _event(),
        _event(id="e2", type="talks", actors=[{"name": "Steve Witkoff"}], places=[]),
        _event(id="e3", published_at="2026-02-07T00:00:00Z", date=None),
    ]

    def ids(**query: str) -> list[object]:
        types = query.pop("type", "")
        as_of = datetime(2026, 2, 6, tzinfo=UTC) if query.pop("as_of", "") else None
        filters = timeline.parse_filters(query, [types] if types else [], as_of)
        return [e["id"] for e in timeline.select(events, filters)[0]]

    assert ids(type="talks") == ["e2"]
    assert sorted(ids(actor="witkoff")) == ["e2"]
    assert sorted(ids(place="kharkiv")) == ["e1", "e3"]
    assert ids(**{"from": "2026-02-06"}) == ["e3"]
    assert sorted(ids(as_of="yes")) == ["e1", "e2"]
    with pytest.raises(timeline.BadQuery):
        ids(type="bogus")
    with pytest.raises(timeline.BadQuery):
        ids(**{"to": "yesterday"})


def test_strike_chart_sums_processes_and_escapes_labels() -> None:
    states = {
        "A": {"days": [{"day": "2026-02-05", "count": 2, "by_place": {HOSTILE: 2}}]},
        "B": {"days": [{"day": "2026-02-05", "count": 1, "by_place": {"Kyiv": 1}}]},
    }
    days = charts.strikes_per_day(states, "place")
    assert days == [{"day": "2026-02-05", "count": 3, "parts": {HOSTILE: 2, "Kyiv": 1}}]
    svg = charts.stacked_bars(days, "title")
    assert svg.count('class="bar"') == 2
    assert "<script>" not in svg


def test_missing_or_odd_fields_never_break_a_page() -> None:
    odd: dict[str, object] = {
        "rounds": [{}, {"date": None}, {"date": {"start": None}}],
        "planned": [{"window_start": "2020-01-01"}],
        "next_meeting": {"date": None},
        "status": None,
        "issues": [{"positions": [{}]}],
        "measures": [{}],
    }
    for state in ({}, odd):
        tables = {"negotiations": state, "casualty_claims": {"by_claimant": {"x": [{}]}}}
        assert "Last round" in html_process.process_page("X", tables, None)
        assert 'data-process="X"' in html_overview.overview({"X": state}, None)
        assert "X" in html_process.unknown_process("Y", {"X": digest.brief(state)}, None)


def test_a_figure_says_what_is_known_of_it() -> None:
    assert html_overview.figure({"value": 2000, "qualifier": "about", "unit": "killed"}) == (
        "about 2,000 killed"
    )
    assert html_overview.figure({"low": 10, "high": 20, "unit": "killed"}) == "10–20 killed"
    assert html_overview.figure({"low": 10, "unit": "killed", "qualifier": "at_least"}) == (
        "at least 10 killed"
    )
    unknown = html_overview.figure({"qualifier": "about", "unit": "killed"})
    assert "None" not in unknown and unknown == "about an unknown number killed"


def test_timeline_rows_are_sentences_in_event_date_order() -> None:
    sentence = {"index": 0, "start": 0, "end": 10, "text": "x"}
    events = [
        _event(id="a", type="talks", date=None, published_at="2026-02-07T00:00:00Z"),
        _event(id="b", type="statement", date=None, published_at="2026-02-07T00:00:00Z"),
        _event(id="c", snippet_id="s2", sentence=sentence, published_at="2026-02-08T00:00:00Z"),
    ]
    chosen, _ = timeline.select(events, timeline.parse_filters({}, [], None))
    # c happened on 2026-02-05 though published last; a and b are one sentence of 2026-02-07.
    assert [e["id"] for e in chosen] == ["a", "b", "c"]
    assert [[e["id"] for e in group] for group in timeline.by_sentence(chosen)] == [
        ["a", "b"],
        ["c"],
    ]
    page = html_views.timeline_page(chosen, {}, [], 3)
    assert page.count('<tr class="event"') == 2
    assert 'data-types="talks statement"' in page


def test_strike_chart_has_a_time_axis() -> None:
    days = [
        {"day": "2024-12-30", "count": 1, "parts": {"A": 1}},
        {"day": "2025-03-02", "count": 2, "parts": {"A": 2}},
    ]
    svg = charts.stacked_bars(days, "t")
    xs = [float(part.split('"')[0]) for part in svg.split('class="bar" x="')[1:]]
    assert xs[1] - xs[0] > 500  # two months apart, not side by side
    assert "2025-01" in svg and "2025-03" in svg  # ticks carry their year
    assert charts.default_process(
        {"A": {"days": days}, "B": {"days": [{"day": "2026-01-01"}]}}
    ) == ("B")
