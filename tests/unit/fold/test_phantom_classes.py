"""Invented sentences for the phantom classes of issue 14 (branch state/phantoms): a headline's
infinitive is a meeting to come, not one held; a put-off plan keeps the date it had only when
that date is told before the put-off verb (no new date: no next meeting); a bare weekday after
plan words in a long clause is the day to come.

Every sentence is invented (places, people, dates and numbers); none is news text.
"""

from datetime import UTC, date, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.dates import resolve_date
from streams.core.read.extract import extract_events
from tests.factories import rows_and_plans

MON = datetime(2034, 2, 6, 9, tzinfo=UTC)  # a Monday


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Argentina to resume border talks in Montevideo.",
        "Peru's government, rebels to meet in Quito next week",
        "Talks to resume in Lima",
        "Southern Front rebels to join talks in Asuncion",
        "Bolivia, Paraguay to hold new round of talks in Sucre",
        "Envoys to reconvene in Montevideo after two-week break",
    ],
)
def test_a_headline_infinitive_is_a_plan_not_a_row(text: str) -> None:
    rows, plans = rows_and_plans(text, MON)
    assert rows == []
    assert plans == 1


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a verb before "to": the meeting was held, "to" tells its purpose or the plan agreed
        ("Chile and Peru met to resume talks in Lima on Friday.", ("Lima", "2034-02-03")),
        ("Chile and Peru agreed in Lima on Friday to resume talks.", ("Lima", "2034-02-03")),
        (
            "Bolivia and Paraguay sat down in Sucre on Saturday to open a round of talks.",
            ("Sucre", "2034-02-04"),
        ),
        ("Chile and Peru held talks in Lima on Friday.", ("Lima", "2034-02-03")),
    ],
)
def test_a_verb_before_to_is_no_headline_infinitive(text: str, row: tuple[str, str]) -> None:
    rows, _ = rows_and_plans(text, MON)
    assert rows == [row]


def _next(text: str, published: datetime) -> tuple[str | None, str | None] | None:
    states = project_tables(extract_events(Snippet(text=text, published_at=published)))[
        "negotiations"
    ]
    shown = [s.next_meeting for s in states.values() if getattr(s, "next_meeting", None)]
    if not shown:
        return None
    (n,) = shown
    return (n.venue, n.date.start.isoformat() if n.date else None)  # type: ignore[union-attr]


FRI = datetime(2034, 6, 2, 15, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    "text",
    [
        "The next round of talks between Chile and Peru, planned to start in Lima on June 5, "
        "was postponed after an attack on a border post, Brazil said on Friday.",
        "Talks between Chile and Peru planned for June 5 in Lima were postponed on Friday.",
        "The June 5 talks between Bolivia and Paraguay in Sucre were put off, officials said.",
        "A meeting of Chile and Peru set for June 9 in Lima has been delayed indefinitely.",
    ],
)
def test_a_plan_put_off_with_no_new_date_is_no_next_meeting(text: str) -> None:
    assert _next(text, FRI) is None


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Talks between Chile and Peru planned for June 5 in Lima were postponed to June 12.",
            ("Lima", "2034-06-12"),
        ),
        (
            "The June 5 talks between Bolivia and Paraguay in Sucre were put off until June 19.",
            ("Sucre", "2034-06-19"),
        ),
        (
            "Talks between Chile and Peru in Lima were postponed to June 9, officials said.",
            ("Lima", "2034-06-09"),
        ),
    ],
)
def test_a_plan_put_off_to_a_new_date_is_the_next_meeting(
    text: str, shown: tuple[str, str]
) -> None:
    assert _next(text, FRI) == shown


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # plan words far before the weekday, in one clause: the Thursday to come
        (
            "Negotiators from Chile and Peru are expected to open a new round of talks on the "
            "disputed water rights in Lima on Thursday, Brazil said.",
            date(2034, 2, 9),
        ),
        (
            "Delegations of Bolivia and Paraguay are due to sit down for talks about the river "
            "border and the grazing lands in Sucre on Friday.",
            date(2034, 2, 10),
        ),
        # a comma between: the plan words belong to another clause; the Thursday just past
        (
            "Negotiators from Chile and Peru, who will report to their capitals afterwards, "
            "opened a new round of talks in Lima on Thursday.",
            date(2034, 2, 2),
        ),
        (
            "Delegations of Bolivia and Paraguay sat down for long talks about the river border "
            "and the grazing lands in Sucre on Friday.",
            date(2034, 2, 3),
        ),
    ],
)
def test_plan_words_in_the_weekday_clause_put_it_ahead(text: str, day: date) -> None:
    found = resolve_date(text, MON)
    assert found is not None
    assert found.start == day


THU = datetime(2034, 3, 16, 19, tzinfo=UTC)  # a Thursday


def _rows_and_next(
    text: str,
) -> tuple[list[tuple[str | None, str | None]], tuple[str | None, str | None, str | None] | None]:
    rows, _ = rows_and_plans(text, THU)
    states = project_tables(extract_events(Snippet(text=text, published_at=THU)))["negotiations"]
    shown = [s.next_meeting for s in states.values() if getattr(s, "next_meeting", None)]
    if not shown:
        return rows, None
    (n,) = shown
    return rows, (  # type: ignore[union-attr]
        n.venue,
        n.date.start.isoformat() if n.date else None,
        n.when,
    )


@pytest.mark.parametrize(
    ("text", "row", "shown"),
    [
        (
            "Chilean and Peruvian negotiators met for a second day in Lima on Thursday and agreed "
            "to hold their next session in Quito on April 20.",
            ("Lima", "2034-03-16"),
            ("Quito", "2034-04-20", None),
        ),
        (
            "Chile and Peru met in Lima on Thursday and will meet again in Quito on April 2.",
            ("Lima", "2034-03-16"),
            ("Quito", "2034-04-02", None),
        ),
        (
            "Chile and Peru met in Lima on Thursday and agreed to meet again in the coming weeks.",
            ("Lima", "2034-03-16"),
            (None, None, "in the coming weeks"),
        ),
        (
            "Bolivia and Paraguay ended their talks in Sucre on Friday, promising to reconvene "
            "after the elections.",
            ("Sucre", "2034-03-10"),
            (None, None, "after the elections"),
        ),
    ],
)
def test_a_held_report_plans_the_next_meeting_in_a_clause_of_its_own(
    text: str, row: tuple[str, str], shown: tuple[str | None, str | None, str | None]
) -> None:
    assert _rows_and_next(text) == ([row], shown)


@pytest.mark.parametrize(
    ("text", "rows", "shown"),
    [
        # the held meeting's own course, no next meeting
        ("The talks, which opened in Lima on Monday, are expected to last a week.", [], None),
        # a plan of a plan: the sentence's date is the plan's, no second plan
        (
            "Chile and Peru are expected to meet in Lima on Friday and agree to meet again in May.",
            [],
            ("Lima", "2034-03-17", None),
        ),
        # a held meeting and an agreement, no meeting planned
        (
            "Chile and Peru met in Lima on Thursday and agreed on a prisoner swap.",
            [("Lima", "2034-03-16")],
            None,
        ),
        # no held meeting's date before the plan's clause: the sentence's date is the plan's
        (
            "Chile and Peru agreed to meet again in Quito on April 2.",
            [],
            ("Quito", "2034-04-02", None),
        ),
    ],
)
def test_no_next_meeting_clause_where_none_is_planned_beside_a_held_one(
    text: str,
    rows: list[tuple[str, str]],
    shown: tuple[str | None, str | None, str | None] | None,
) -> None:
    assert _rows_and_next(text) == (rows, shown)


SAT = datetime(2034, 5, 13, 12, tzinfo=UTC)  # a Saturday


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # the day of the statement first, then the meeting's day: the plan is on the latter
        (
            "Chile's foreign minister said on Saturday that the sides would meet in Santiago "
            "on June 6.",
            ("Santiago", "2034-06-06"),
        ),
        (
            "Peru's president told reporters on Friday that Chile and Peru will resume talks in "
            "Santiago on June 6.",
            ("Santiago", "2034-06-06"),
        ),
        (
            "Bolivia announced on Thursday that talks with Paraguay would open in Sucre on June 2.",
            ("Sucre", "2034-06-02"),
        ),
    ],
)
def test_a_plan_told_after_the_day_of_its_statement_is_on_its_own_day(
    text: str, shown: tuple[str, str]
) -> None:
    assert _next(text, SAT) == shown


@pytest.mark.parametrize(
    ("text", "first_day"),
    [
        # an interview's day, then the meeting recalled: the meeting's month, not the interview's
        (
            "In an interview on Wednesday, Peru's negotiator said that when the sides met in "
            "Quito in March, Chile had offered nothing.",
            "2034-03-01",
        ),
        (
            "Bolivia's minister said at a news conference on Tuesday that talks held with "
            "Paraguay in Sucre last week had gone well.",
            "2034-05-01",
        ),
        # no date after the statement's: the meeting is dated as before
        ("Chile and Peru met in Quito on Tuesday, Peru's foreign minister said.", "2034-05-09"),
        (
            "Chile and Peru held talks in Quito on Tuesday, Peru's foreign minister said on "
            "Wednesday.",
            "2034-05-09",
        ),
    ],
)
def test_a_meeting_told_after_the_day_of_its_statement_is_on_its_own_day(
    text: str, first_day: str
) -> None:
    events = [e for e in extract_events(Snippet(text=text, published_at=SAT)) if e.type == "talks"]
    assert [e.date.start.isoformat() for e in events if e.date] == [first_day]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a clause that times the meeting by another: its place is no venue
        (
            "Chile and Peru met in Quito on Tuesday, a month after their first meeting in Lima.",
            ("Quito", "2034-05-09"),
        ),
        (
            "Chile and Peru met in Quito on Tuesday, weeks after the talks in Lima.",
            ("Quito", "2034-05-09"),
        ),
        (
            "Bolivia and Paraguay held talks in Sucre on Monday, days after the round in Asuncion.",
            ("Sucre", "2034-05-08"),
        ),
        # no such clause: the place of the meeting
        ("Chile and Peru met in Lima on Tuesday.", ("Lima", "2034-05-09")),
        ("Chile and Peru met in Lima on Tuesday after a month's pause.", ("Lima", "2034-05-09")),
    ],
)
def test_a_place_in_a_clause_timed_by_other_talks_is_no_venue(
    text: str, row: tuple[str, str]
) -> None:
    rows, _ = rows_and_plans(text, SAT)
    assert rows == [row]


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia, Paraguay talks put off. The fourth round of talks between Bolivia and Paraguay, "
        "due in Sucre on March 30, has been postponed, the mediator said on Thursday. The envoy "
        "said the two delegations would meet again in the coming weeks.",
        "Chile and Peru postponed the talks planned for March 25 in Arica. They would meet "
        '"in the coming weeks", a spokesman said.',
    ],
)
def test_a_vague_plan_told_beside_a_put_off_is_the_new_plan(text: str) -> None:
    _, shown = _rows_and_next(text)
    assert shown == (None, None, "in the coming weeks")
