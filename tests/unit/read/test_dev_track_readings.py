"""Readings the training tracks showed wrong (branch state/devtracks): a clause opener is no
part of a speaker (", and the army said"), nor hides a describing apposition the name before it;
a day named without a year is its occurrence nearest to publication both ways ("on January 18"
in a December report is next January), and a date after a dateline is the event's; in a process
between one state and one armed group the forces a figure names give its side; a quoted figure
and hundreds in words are figures; the month "May" is no modal verb.

Every sentence is invented (places, people, groups and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.dates import resolve_date
from streams.core.read.extract import extract_events
from streams.core.read.speech import find_speech


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rebels overran a post at dawn, and the army said nine soldiers were killed.", "the army"),
        ("Fighting flared, with the army saying it had repelled the attack.", "the army"),
        ("The talks stalled, but the mediator said a deal was close.", "the mediator"),
        # an apposition that describes a named body or person: the name speaks
        (
            "The Eastern Ridge Monitoring Network, an independent group of lawyers, said 40 "
            "people had died.",
            "The Eastern Ridge Monitoring Network",
        ),
        ("Ana Ruiz, a spokeswoman, said the talks would resume.", "Ana Ruiz"),
        # near misses: "and" inside a name, a speaker with no opener, a head that is no name, a
        # definite apposition
        (
            "The rebels, a group of about 300 men, said they would attend.",
            "a group of about 300 men",
        ),
        ("Lavrov, the foreign minister, says the talks will resume.", "the foreign minister"),
        ("The Party of Peace and Justice said it would attend.", "The Party of Peace and Justice"),
        ("The health ministry said the clinic had reopened.", "The health ministry"),
    ],
)
def test_a_clause_opener_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    (act,) = find_speech(text)
    assert act.speaker == speaker


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("The next round will be held on January 18.", "2026-12-09", "2027-01-18"),
        ("The talks are due to resume on February 2.", "2026-11-20", "2027-02-02"),
        # near misses: a day earlier in the year, less than half a year back; and the other way
        ("The talks began on October 3.", "2026-12-09", "2026-10-03"),
        ("The first round was held on June 20.", "2026-12-09", "2026-06-20"),
        ("The talks collapsed on December 20.", "2027-02-01", "2026-12-20"),
        # a dateline dates the report; a date after it in the sentence dates the event
        (
            "JOHANNESBURG, Oct 6 — The second round will open in Port Louis on October 19.",
            "2026-10-06",
            "2026-10-19",
        ),
        ("LOMÉ, March 7 (AFP) — The talks ended on Friday.", "2026-03-07", "2026-03-06"),
        # near misses: a dateline alone, a capitalised opening that is no dateline
        ("PORT LOUIS, Sept 16 — The talks ended without a deal.", "2026-09-16", "2026-09-16"),
        ("On Oct 6 the talks opened, and they end on October 19.", "2026-10-20", "2026-10-06"),
    ],
)
def test_a_day_without_a_year_is_the_nearest_one(text: str, published: str, day: str) -> None:
    found = resolve_date(text, datetime.fromisoformat(published).replace(tzinfo=UTC))
    assert found is not None and found.start.isoformat() == day


def _sides(text: str) -> list[tuple[int | None, str | None]]:
    events = extract_events(Snippet(text=text))
    tables = project_tables(events)["casualty_claims"].values()
    return sorted(
        (c.value, c.side)
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    )


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Chile's government and the ALF rebels met on Monday. On Saturday, ALF rebels overran "
            "an army post, and the army said nine of its soldiers were killed.",
            [(9, "Chile")],
        ),
        (
            "Talks between Chile's government and the ALF rebels stalled. The ALF said 14 "
            "soldiers died in the clash.",
            [(14, "Chile")],
        ),
        (
            "Talks between Chile's government and the ALF rebels stalled. The army said 4 "
            "soldiers and 9 rebels were killed.",
            [(4, "Chile"), (9, "ALF")],
        ),
        # near miss: civilians are no side's forces
        (
            "Talks between Chile's government and the ALF rebels stalled. The army said 12 "
            "civilians were killed in the clash.",
            [(12, None)],
        ),
    ],
)
def test_the_forces_a_figure_names_give_its_side(
    text: str, sides: list[tuple[int | None, str | None]]
) -> None:
    assert _sides(text) == sides


def _figures(text: str) -> list[int | None]:
    return [value for value, _ in _sides(text)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a figure quoted as its claimant put it; hundreds in words
        ('A relief network has counted "well over six hundred" dead.', [600]),
        ('The rebels said the army had lost "nearly two hundred men" since May.', [200]),
        ("Officials said two hundred people were killed.", [200]),
        # near misses: "hundred" inside a compound word, a quoted phrase that is no figure
        ("He said 5 hundred-year-old houses burned and 3 people were killed.", [3]),
        ('The "two hundred days" campaign ended as 3 people were killed.', [3]),
    ],
)
def test_quoted_figures_and_hundreds_in_words(text: str, figures: list[int | None]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # the month is no modal verb
        (
            "N'DJAMENA, May 12 — Chile's government freed 52 rebel detainees on Monday, the "
            "Red Cross said.",
            "actual",
        ),
        ("Peru freed 20 prisoners on 3 May, officials said.", "actual"),
        ("Since May, Peru has freed 20 prisoners.", "actual"),
        # near misses: the modal verb, also beside the month
        ("Peru may free 20 prisoners, officials said.", "hypothetical"),
        ("Peru may free 20 prisoners in May, officials said.", "hypothetical"),
    ],
)
def test_the_month_may_is_no_modal(text: str, modality: str) -> None:
    events = extract_events(Snippet(text=text, published_at=datetime(2026, 5, 12, tzinfo=UTC)))
    assert [e.modality for e in events if e.type == "prisoner_exchange"] == [modality]
