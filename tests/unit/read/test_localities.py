"""Places no gazetteer holds, told as places by their words: a capitalised name before a noun
of place ("the Kushna crossing") or after its kind ("the town of Veri"). Invented names."""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.localities import find_localities

WED = datetime(2031, 6, 4, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Commanders of both armies met at the Kushna crossing on Sunday.", "Kushna crossing"),
        ("The talks were held at the Orvel border post.", "Orvel border post"),
        ("A shell fell near the Tamsi Valley checkpoint.", "Tamsi Valley checkpoint"),
        ("Fighting reached the town of Veridal overnight.", "Veridal"),
        ("Refugees gathered in the border village of Ossa Nera.", "Ossa Nera"),
    ],
)
def test_a_named_place_by_its_noun_or_kind(text: str, name: str) -> None:
    assert [m.name for m in find_localities(text, [])] == [name]


@pytest.mark.parametrize(
    "text",
    [
        # a demonym or an acronym before the noun: a side's post, not a named place
        "Soldiers shelled the Bolivian checkpoint at dawn.",
        "The KLM checkpoint was abandoned.",
        # a place already read by the gazetteer stays the gazetteer's
        "The delegations crossed the Lima bridge.",
        # no noun of place
        "The Orvel delegation arrived on Tuesday.",
        "The head of Veridal Mining said little.",
    ],
)
def test_no_place_where_the_words_name_none(text: str) -> None:
    taken = [(text.find("Lima"), text.find("Lima") + 4)] if "Lima" in text else []
    assert find_localities(text, taken) == []


def test_a_meeting_moved_to_a_named_crossing_is_planned_there() -> None:
    text = (
        "The third round of talks between Chile and Peru, set for 12 July in Lima, has been "
        "pushed back to 26 July and moved to the Tarapel border crossing, the mediator said."
    )
    talks = [e for e in extract_events(Snippet(text=text, published_at=WED)) if e.type == "talks"]
    assert talks
    assert talks[0].venue == "Tarapel border crossing"
