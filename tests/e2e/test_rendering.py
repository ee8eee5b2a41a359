"""The pure parts of the web view: escaping, links from data, filters and the chart (no browser)."""

from datetime import UTC, datetime

import pytest

from streams.web import charts, html, html_process, html_views, timeline

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


def test_every_value_from_data_is_escaped() -> None:
    state = {
        "process": HOSTILE,
        "parties": [{"name": HOSTILE}],
        "recent": [_event()],
        "rounds": [{"venue": HOSTILE, "delegation_heads": [{"name": HOSTILE, "title": HOSTILE}]}],
    }
    pages = [
        html_process.overview({HOSTILE: state}, None),
        html_process.process_page(HOSTILE, {"negotiations": state}, None),
        html_views.timeline_page([_event()], {"actor": HOSTILE}, [HOSTILE], 1),
        html_views.evidence_page(HOSTILE, {"text": HOSTILE, "source": HOSTILE}, [_event()], (0, 5)),
        html_views.table_page("negotiations", {HOSTILE: {"x": HOSTILE}}, HOSTILE, HOSTILE),
    ]
    for page in pages:
        assert "<script>" not in page
        assert "javascript:" not in page


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
