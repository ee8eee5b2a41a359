"""Exchanges that add up (issue 14, branch state/totals2): a one-way release of a group named
with several modifiers or an occupation noun, told beside a swap; its date after a clause of how
long the people were held; a figure in words tied to "each"; a report without a count that
fits a swap and a release of other counts. Invented sentences."""

from datetime import UTC, date, datetime

import pytest

from schemas.state import NegotiationState
from streams.core.read.classify import classify_sentence
from streams.core.read.dates import resolve_date
from streams.core.read.figures import find_exchanged
from tests.factories import state_from_snippets

SWAP = "prisoner exchange"
_state = state_from_snippets


def _done(state: NegotiationState) -> list[tuple[int | None, date | None]]:
    return sorted(
        (
            (m.count, m.window_start)
            for m in state.measures
            if m.kind == SWAP and m.status == "done"
        ),
        key=lambda pair: (pair[0] or 0, pair[1] or date.min),
    )


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("The Front freed six foreign road engineers it had held since May.", 6),
        ("The Front freed three water company linemen in what it called a gesture.", 3),
        ("The governor pardoned and freed 18 hill residents convicted of theft.", 18),
        ("Officials released nine schoolteachers on Friday.", 9),
        ("Peru freed seven Bolivian municipal road workers on Tuesday.", 7),
    ],
)
def test_a_group_freed_named_by_several_modifiers_or_its_occupation_is_typed_and_counted(
    sentence: str, count: int
) -> None:
    assert "prisoner_exchange" in [label.type for label in classify_sentence(sentence)]
    assert [f.value for f in find_exchanged(sentence)] == [count]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two countries released 296 prisoners in Sucre on Monday.",
        "The ministry released 40 pages of the report for soldiers.",
    ],
)
def test_three_modifiers_never_span_a_figure_a_verb_or_a_preposition(sentence: str) -> None:
    assert [f.value for f in find_exchanged(sentence)] in ([296], [])


def test_the_date_a_captivity_began_is_not_the_date_of_the_release() -> None:
    published = datetime(2031, 9, 20, 18, tzinfo=UTC)
    held = resolve_date(
        "The Front had already released nine nurses it had held since March, as a gesture, "
        "on 14 September.",
        published,
    )
    assert held is not None and (held.start, held.end) == (date(2031, 9, 14), date(2031, 9, 14))
    kept = resolve_date(
        "Peru freed seven workers it had kept since April on 12 September.", published
    )
    assert kept is not None and kept.start == date(2031, 9, 12)
    # With no other date the sentence keeps the one it has; a total since a month is no captivity.
    alone = resolve_date("The Front freed four engineers held captive since 3 April.", published)
    assert alone is not None and alone.start == date(2031, 4, 3)
    total = resolve_date("Peru has freed 300 prisoners since January.", published)
    assert total is not None and total.text == "since January"


def test_a_release_dated_after_a_clause_of_how_long_they_were_held_keeps_its_day() -> None:
    state = _state(
        "CL--PE",
        (
            "2031-08-20",
            "Chile and Peru exchanged 60 prisoners on 18 August, 30 from each side. Peru had "
            "already released nine Chilean schoolteachers it had held since February, as a "
            "gesture before the round, on 14 August.",
        ),
    )
    assert _done(state) == [(9, date(2031, 8, 14)), (60, date(2031, 8, 18))]
    assert state.prisoners_exchanged == 69


def test_a_figure_in_words_tied_to_each_side_is_the_half_not_a_reason_to_double() -> None:
    state = _state(
        "BO--PY",
        (
            "2031-11-20",
            "Paraguay and Bolivia exchanged 20 prisoners on 18 November, ten from each side.",
        ),
    )
    (swap,) = [m for m in state.measures if m.kind == SWAP]
    assert (swap.count, swap.count_by_side) == (20, {"Bolivia": 10, "Paraguay": 10})


def test_a_question_tells_no_release_done() -> None:
    state = _state(
        "CL--PE",
        (
            "2031-07-10",
            "Q&A: how the next swap between Chile and Peru will work. Which prisoners are being "
            "exchanged? "
            "Chile will free 20 soldiers, and Peru will release 60 detainees, officials said.",
        ),
    )
    swaps = [m for m in state.measures if m.kind == SWAP]
    assert swaps and all(m.status != "done" for m in swaps)
    assert state.prisoners_exchanged == 0
