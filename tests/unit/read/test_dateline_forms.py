"""The dateline's town places talks that name no place: also when a headline stands before the
dateline, and when the dateline spells the town in another form of the gazetteer's
("YAOUNDÉ" is Yaounde)."""

from datetime import UTC, datetime

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.venues import dateline_country, dateline_town

DAY = datetime(2036, 5, 9, 18, tzinfo=UTC)
BODY = (
    "BOGOTÁ, May 9 — Peru and the Northern Front agreed on Thursday to free 40 prisoners each, "
    "at the end of three days of talks."
)


def _venues(text: str) -> list[str | None]:
    events = extract_events(Snippet(id="x-1", text=text, published_at=DAY))
    return [getattr(e, "venue", None) for e in events if e.type == "talks"]


def test_an_accented_dateline_is_the_gazetteers_city() -> None:
    assert dateline_town(BODY) == ("Bogota", "CO")
    assert dateline_country(BODY) == "CO"
    assert dateline_town("YAOUNDÉ (Wire) — The talks ended.") == ("Yaounde", "CM")


def test_a_headline_before_the_dateline_keeps_its_town_the_venue() -> None:
    plain = _venues(BODY)
    headlined = _venues("Peru and rebels agree prisoner release in Colombia\n\n" + BODY)
    assert plain[-1] == "Bogota"
    assert headlined[-1] == "Bogota"


def test_a_headline_with_no_dateline_after_it_places_nothing() -> None:
    # near miss: no dateline under the headline, no town to take
    text = (
        "Peru and rebels agree prisoner release\n\nPeru and the Northern Front agreed on "
        "Thursday to free 40 prisoners each, at the end of three days of talks."
    )
    assert _venues(text)[-1] is None
