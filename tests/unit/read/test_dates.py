"""Dates resolved against the publication time, across week, month and year ends."""

import re
from datetime import UTC, date, datetime

import pytest

from streams.core.read import dates
from streams.core.read.dates import resolve_date
from streams.core.read.sentences import split_sentences
from tests.corpus import dev_texts

NEW_YEAR = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)  # a Friday
LEAP = datetime(2024, 3, 1, tzinfo=UTC)  # the day after 29 February


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        ("The envoys met on Monday.", NEW_YEAR, date(2025, 12, 29), date(2025, 12, 29), "day"),
        ("The envoys met on Friday.", NEW_YEAR, date(2026, 1, 2), date(2026, 1, 2), "day"),
        ("They met last month in Doha.", NEW_YEAR, date(2025, 12, 1), date(2025, 12, 31), "month"),
        (
            "Fighting resumed on December 30.",
            NEW_YEAR,
            date(2025, 12, 30),
            date(2025, 12, 30),
            "day",
        ),
        (
            "The deal was signed in February 2025.",
            NEW_YEAR,
            date(2025, 2, 1),
            date(2025, 2, 28),
            "month",
        ),
        ("The sides will meet next week.", NEW_YEAR, date(2026, 1, 5), date(2026, 1, 11), "week"),
        ("Shelling was reported yesterday.", LEAP, date(2024, 2, 29), date(2024, 2, 29), "day"),
        ("The truce began last month.", LEAP, date(2024, 2, 1), date(2024, 2, 29), "month"),
        (
            "Troops withdrew three days ago.",
            NEW_YEAR,
            date(2025, 12, 30),
            date(2025, 12, 30),
            "day",
        ),
        (
            "Talks resume in the coming weeks.",
            NEW_YEAR,
            date(2026, 1, 2),
            date(2026, 2, 13),
            "vague",
        ),
        (
            "More meetings are planned in the near future.",
            NEW_YEAR,
            date(2026, 1, 2),
            date(2026, 3, 3),
            "vague",
        ),
        ("They last met in October.", NEW_YEAR, date(2025, 10, 1), date(2025, 10, 31), "month"),
        ("The summit is set for March.", NEW_YEAR, date(2026, 3, 1), date(2026, 3, 31), "month"),
    ],
)
def test_expressions_resolve_against_the_publication_date(
    text: str, published: datetime, start: date, end: date, precision: str
) -> None:
    resolved = resolve_date(text, published)
    assert resolved is not None, text
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)


def test_relative_words_without_a_publication_date_resolve_to_nothing() -> None:
    assert resolve_date("The envoys met on Monday.", None) is None
    resolved = resolve_date("The envoys met on 3 May 2025.", None)
    assert resolved is not None and resolved.start == date(2025, 5, 3)


def test_a_sentence_without_a_date_has_none() -> None:
    assert resolve_date("The talks were productive.", NEW_YEAR) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # A weekday followed by its calendar date: the calendar date says which one.
        ("The truce begins on Monday, January 12, officials said.", date(2026, 1, 12), None, "day"),
        ("The accord was signed on Tuesday, 30 December 2025.", date(2025, 12, 30), None, "day"),
        # The weekend before the week of publication (a Friday), and the one after it.
        (
            "Last weekend's talks in Oslo were cordial.",
            date(2025, 12, 27),
            date(2025, 12, 28),
            "week",
        ),
        ("They will meet again next weekend.", date(2026, 1, 3), date(2026, 1, 4), "week"),
    ],
)
def test_explicit_dates_after_weekdays_and_weekends(
    text: str, start: date, end: date | None, precision: str
) -> None:
    found = resolve_date(text, NEW_YEAR)
    assert found is not None
    assert (found.start, found.end, found.precision) == (start, end or start, precision)


# Published on Thursday 9 April 2026.
_THURSDAY = datetime(2026, 4, 9, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The envoys met on Tuesday and Wednesday.", date(2026, 4, 7), date(2026, 4, 8)),
        ("They negotiated from Monday to Thursday.", date(2026, 4, 6), date(2026, 4, 9)),
        ("Talks were held on March 3 and 4 in the port.", date(2026, 3, 3), date(2026, 3, 4)),
        ("Talks were held March 3-5 at the lake.", date(2026, 3, 3), date(2026, 3, 5)),
        ("Talks were held on 3-4 March in the port.", date(2026, 3, 3), date(2026, 3, 4)),
        ("Talks were held on 12 to 14 February.", date(2026, 2, 12), date(2026, 2, 14)),
        # a number that is not a day: one day
        ("On March 3 and 40 soldiers were freed.", date(2026, 3, 3), date(2026, 3, 3)),
        ("Talks on Monday and a vote later.", date(2026, 4, 6), date(2026, 4, 6)),
    ],
)
def test_a_span_of_days_is_read_whole(text: str, start: date, end: date) -> None:
    when = resolve_date(text, _THURSDAY)
    assert when is not None
    assert (when.start, when.end, when.precision) == (start, end, "day")


def test_a_plan_moved_is_dated_by_its_new_date() -> None:
    text = "The round planned for this week was postponed to April 20 at the mediators' request."
    when = resolve_date(text, _THURSDAY)
    assert when is not None and (when.start, when.text) == (date(2026, 4, 20), "April 20")
    # without a date after the move, the sentence's first date stands
    when = resolve_date("The talks set for Monday were postponed indefinitely.", _THURSDAY)
    assert when is not None and when.start == date(2026, 4, 6)


def test_a_weekday_of_a_plan_is_the_one_to_come() -> None:
    plan = resolve_date("The delegations are due to reconvene on Monday.", _THURSDAY)
    assert plan is not None and plan.start == date(2026, 4, 13)
    report = resolve_date("The delegations met on Monday and will meet again.", _THURSDAY)
    assert report is not None and report.start == date(2026, 4, 6)
    # "are due back" is a plan too, though it has no "to"
    back = resolve_date(
        "The first day of talks has ended, and the envoys are due back at the table on Monday.",
        _THURSDAY,
    )
    assert back is not None and back.start == date(2026, 4, 13)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # a time from publication in a clause that looks ahead (published Friday 2 January 2026)
        ("The sides will meet again in two weeks.", date(2026, 1, 13), date(2026, 1, 19), "week"),
        (
            "The delegations agreed to meet again in two weeks.",
            date(2026, 1, 13),
            date(2026, 1, 19),
            "week",
        ),
        ("The envoys are due to return in three days.", date(2026, 1, 5), date(2026, 1, 5), "day"),
        (
            "Talks are expected to resume in a month's time.",
            date(2026, 2, 1),
            date(2026, 2, 28),
            "month",
        ),
        # "within": the days up to then, no day of its own
        ("The sides will meet within ten days.", date(2026, 1, 2), date(2026, 1, 12), "vague"),
    ],
)
def test_a_time_from_now_dates_a_plan(text: str, start: date, end: date, precision: str) -> None:
    found = resolve_date(text, NEW_YEAR)
    assert found is not None
    assert (found.start, found.end, found.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels killed 30 villagers in two weeks.",  # a duration, not a date
        "The sides agreed in three days of talks to keep the truce.",  # "of": a duration
    ],
)
def test_a_duration_is_no_date(text: str) -> None:
    assert resolve_date(text, NEW_YEAR) is None


def test_a_plan_after_a_holiday_or_an_event_is_vague_and_a_past_one_is_no_date() -> None:
    found = resolve_date("The sides will meet again after Ramadan, officials said.", NEW_YEAR)
    assert found is not None
    assert (found.precision, found.text, found.start) == (
        "vague",
        "after Ramadan",
        date(2026, 1, 2),
    )
    later = resolve_date("Talks are expected to resume after the summer recess.", NEW_YEAR)
    assert later is not None and later.precision == "vague"
    assert resolve_date("Fighting erupted after the elections.", NEW_YEAR) is None


def test_the_start_lookahead_of_the_date_pattern_changes_no_match() -> None:
    """`dates._STARTS` only says how every alternative begins: without it, the date pattern
    finds the same matches and groups in every dev sentence, in three casings."""
    with_starts = dates._PATTERNS.regex
    opening = r"\b" + dates._STARTS
    assert with_starts.pattern.startswith(opening)
    plain = re.compile(r"\b" + with_starts.pattern[len(opening) :], with_starts.flags)
    texts = [s.text for text in dev_texts() for s in split_sentences(text)]
    texts += ["We meet here  Thursday.", "On\tMonday", "last  FRIDAY, 3 May", "in ٣ days"]
    checked = 0
    for text in texts:
        for variant in (text, text.lower(), text.upper()):
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(variant)]
            assert [(m.span(), m.groupdict()) for m in with_starts.finditer(variant)] == expected
            checked += bool(expected)
    assert checked > 1000  # the dev sentences hold dates to compare


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # plan words before, then the meeting's verb in the past: the day it happened
        ("The third round, originally planned for Harare, opened in Lusaka on Thursday.", 19),
        ("Talks planned by the mediators got under way in Lusaka on Thursday.", 19),
        # plan words alone: the day to come
        ("The talks will resume in Lusaka on Thursday.", 26),
        ("Talks scheduled to open on Thursday were put off.", 26),
    ],
)
def test_a_past_meeting_verb_after_plan_words_dates_the_past(text: str, day: int) -> None:
    friday = datetime(2035, 4, 20, 18, tzinfo=UTC)
    found = resolve_date(text, friday)
    assert found is not None and found.start == date(2035, 4, day)


def test_days_counted_from_the_day_named_before() -> None:
    before = dates.EventDate(
        start=date(2035, 4, 10), end=date(2035, 4, 10), precision="day", text="April 10"
    )
    earlier = dates.day_referred_to("Two days earlier, the front had freed 18 fishermen.", before)
    later = dates.day_referred_to("The army freed them three days later.", before)
    assert earlier is not None and earlier.start == date(2035, 4, 8)
    assert later is not None and later.start == date(2035, 4, 13)
    # counted from the talks, not from the day named before
    assert (
        dates.day_referred_to("Two days before the talks opened, it freed a priest.", before)
        is None
    )


def test_an_opening_day_count_dates_the_sentence_before_a_participles_date() -> None:
    from schemas.snippet import Snippet
    from streams.core.read.extract import extract_events

    friday = datetime(2035, 4, 13, 18, tzinfo=UTC)
    text = (
        "Chile freed 30 prisoners on Tuesday. Two days earlier, Peru had freed 18 Chilean "
        "fishermen detained near the lake in January."
    )
    events = extract_events(Snippet(id="x-1", text=text, published_at=friday))
    second = [e for e in events if e.sentence.index == 1 and e.date is not None]
    assert second and all(e.date.start == date(2035, 4, 8) for e in second if e.date)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The round will be held on the 12th of May in the port.", date(2026, 5, 12), None),
        ("It will meet on the 12th and 13th of May in the port.", date(2026, 5, 12), 13),
        ("The talks end on Friday, the 3rd of April, in the port.", date(2026, 4, 3), None),
    ],
)
def test_an_ordinal_of_a_month_is_its_day(text: str, start: date, end: int | None) -> None:
    when = resolve_date(text, _THURSDAY)
    assert when is not None
    assert (when.start, when.end) == (start, start.replace(day=end) if end else start)


def test_a_count_of_a_month_is_no_day() -> None:
    # near miss: "12 of May's detainees" counts people of the month, no day
    assert resolve_date("The army freed 12 of May's detainees on Tuesday.", _THURSDAY) == (
        resolve_date("The army freed the detainees on Tuesday.", _THURSDAY)
    )


def test_a_dateline_with_an_ordinal_of_a_month_is_the_reports_day() -> None:
    # The dateline's day is when the report was sent: the plan's date is the one after it.
    text = (
        "PORT TOWN, 16th of October — The mediators said the fourth round will be held on "
        "the 12th of November."
    )
    when = resolve_date(text, datetime(2026, 10, 16, 18, tzinfo=UTC))
    assert when is not None and when.start == date(2026, 11, 12)


# The day a truce takes effect is kept only when the sentence tells no other date.
_SEPT_17 = datetime(2036, 9, 17, 8, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Ruritania and the front agreed to a cessation of hostilities from October 1, ending "
            "a second round of talks in Port Town that ran from Monday to Wednesday.",
            date(2036, 9, 15),
            date(2036, 9, 17),
        ),
        (
            "The sides agreed a truce starting at midnight on Sunday, closing talks that opened "
            "on Monday.",
            date(2036, 9, 15),
            date(2036, 9, 15),
        ),
        # near miss: no other date, the truce's day is the sentence's
        ("The sides agreed a truce from October 1.", date(2036, 10, 1), date(2036, 10, 1)),
    ],
)
def test_the_day_a_truce_takes_effect_yields_to_another_date(
    text: str, start: date, end: date
) -> None:
    when = resolve_date(text, _SEPT_17)
    assert when is not None and (when.start, when.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The delegations have broken for the day; talks continue until Thursday.", 18),
        ("The truce runs until Friday, the mediator said.", 19),
        # near miss: told in the past, the Thursday before
        ("The talks continued until Thursday.", 11),
    ],
)
def test_a_present_that_runs_until_a_weekday_looks_ahead(text: str, day: int) -> None:
    when = resolve_date(text, datetime(2036, 9, 16, 16, tzinfo=UTC))  # a Tuesday
    assert when is not None and when.start == date(2036, 9, day)


_OCTOBER = datetime(2031, 10, 20, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # "since" a month names the one behind, however near the next one is
        ("The monitors have counted 310 dead since January.", date(2031, 1, 1)),
        ("The army says 45 soldiers were killed since March.", date(2031, 3, 1)),
        # "in" a month far ahead, in a sentence that tells only what was: the one behind
        ("Two rounds in Velmar, in March and June, produced a truce.", date(2031, 3, 1)),
        ("Since then the delegations have met twice: in Oskar in February.", date(2031, 2, 1)),
        ("The fighting has killed 900 people since it broke out in March.", date(2031, 3, 1)),
        # a sentence that looks ahead keeps the month to come
        ("The sides will meet again in Velmar in March.", date(2032, 3, 1)),
        ("The envoy agreed only to meet them again in February.", date(2032, 2, 1)),
        ("Brenland has offered to host the third round in March.", date(2032, 3, 1)),
        ("The truce holds until January.", date(2032, 1, 1)),
        # the month right after the report stays the one to come
        ("Talks to resume in Velmar in November, envoy says", date(2031, 11, 1)),
        # a month far behind in a clause that only looks ahead: the one to come
        ("The sides agreed to meet again in May.", date(2032, 5, 1)),
        ("The commission's next meeting is planned for June.", date(2032, 6, 1)),
        # ... but not a plan that failed, a past perfect, or "since"
        ("The round planned for May never took place.", date(2031, 5, 1)),
        ("The drill had been planned in June.", date(2031, 6, 1)),
        ("Velmar will free 31 fishermen detained since May.", date(2031, 5, 1)),
    ],
)
def test_a_month_without_a_year_lies_the_way_its_sentence_tells(text: str, start: date) -> None:
    found = resolve_date(text, _OCTOBER)
    assert found is not None and found.precision == "month"
    assert found.start == start


@pytest.mark.parametrize(
    "text",
    [
        "Velmar and Oskar postponed their round in Tarn, planned for June 30, to July 14.",
        "The second round, due to open in Tarn on Monday, has been postponed by a week to July 14.",
    ],
)
def test_a_plan_moved_past_its_object_or_an_aside_is_dated_by_its_new_day(text: str) -> None:
    found = resolve_date(text, datetime(2036, 6, 22, 18, tzinfo=UTC))
    assert found is not None and found.start == date(2036, 7, 14)
