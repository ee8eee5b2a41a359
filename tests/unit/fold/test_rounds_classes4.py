"""Invented sentences for issue 14's classes of branch state/rounds4 (phantom rounds of a feed's
explainers and live blogs): a signing dated after the report, a host counted by times, entries
of a key-dates list, a place left when talks moved, a group named by where it was promised, an
accord named by where it was agreed, a meeting on an unrelated matter, a site of the host city,
a question whether a party would host.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read import typer
from streams.core.read.classify import _learned, classify_sentences
from streams.core.read.dates import resolve_date, timeline_entry
from streams.core.read.extract import extract_events
from streams.core.read.frames import other_topic
from streams.core.read.modality import modality_at
from tests.factories import rows_and_plans, state_from_snippets

FRI = datetime(2035, 4, 20, 18, tzinfo=UTC)  # a Friday


def _talks_venues(text: str) -> list[str | None]:
    events = extract_events(Snippet(id="x-1", text=text, published_at=FRI))
    return [getattr(e, "venue", None) for e in events if e.type == "talks"]


def test_a_signing_dated_after_the_report_is_no_meeting_held() -> None:
    # a future signing at a place: the plan, not a round held there
    rows, _ = rows_and_plans(
        "A ceasefire agreement will be signed by Chile and Peru in Quito on May 25.",
        FRI,
    )
    assert rows == []


def test_a_signing_told_as_done_is_still_a_meeting() -> None:
    rows, _ = rows_and_plans(
        "Chile and Peru signed a ceasefire agreement in Quito on Thursday.", FRI
    )
    assert [venue for venue, _ in rows] == ["Quito"]


@pytest.mark.parametrize(
    "text",
    [
        "Ecuador mediates and Norway observes; Portugal hosted the surveyors once, and Spain "
        "has signed on as a guarantor.",
        "Portugal has hosted them twice, without mediating.",
    ],
)
def test_a_host_counted_by_times_reports_no_meeting(text: str) -> None:
    rows, _ = rows_and_plans(f"Chile and Peru are in talks. {text}", FRI)
    assert rows == []


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("11-12 May: second round, moved from Quito to Lima.", True),
        ("11 February — The joint committee meets for the first time.", True),
        ("23–25 March: first round in Quito.", True),
        ("March 3: the presidents speak by phone.", True),
        ("2031 — Talks in Cuenca collapse.", True),
        ("On March 3 the presidents spoke by phone.", False),
        ("The talks: a guide.", False),
        ("10 soldiers — all of them conscripts — were freed.", False),
    ],
)
def test_an_entry_of_key_dates_is_told_by_its_opening(text: str, entry: bool) -> None:
    assert timeline_entry(text) is entry


def test_an_entry_of_key_dates_carries_no_place_from_the_entry_before() -> None:
    text = (
        "Key dates\n\n18-20 March: first round between Chile and Peru in Quito.\n\n"
        "4 April: the two presidents speak by phone.\n\n"
        "11 April: the joint committee of Chile and Peru meets for the first time."
    )
    assert _talks_venues(text)[1:] == [None, None]


def test_a_date_that_names_a_cause_is_not_the_date_a_round_moved_to() -> None:
    text = "11-12 May: second round, moved from Quito to Lima after the April 22 shooting."
    found = resolve_date(text, FRI)
    assert found is not None and found.text == "11-12 May"
    # the date told right after the move still is the new one
    moved = resolve_date("The round was moved to Lima on May 14 after the clash.", FRI)
    assert moved is not None and moved.text == "May 14"


def test_the_place_a_round_moved_from_is_not_its_venue() -> None:
    assert _talks_venues(
        "Chile and Peru: second round of talks, moved from Quito to Lima last week."
    ) == ["Lima"]


def test_a_group_named_by_where_it_was_promised_met_where_its_verb_says() -> None:
    text = (
        "The working group of Chile and Peru promised in Quito met in Lisbon on Wednesday and "
        "Thursday, hosted by the Portuguese government."
    )
    assert _talks_venues(text) == ["Lisbon"]


@pytest.mark.parametrize(
    "text",
    [
        "Both sides said the hotline agreed in Quito had been used within minutes of the clash.",
        "The truce reached in Cuenca last month has held, Chile and Peru said.",
    ],
)
def test_a_thing_named_by_where_it_was_agreed_reports_no_meeting(text: str) -> None:
    rows, _ = rows_and_plans(f"Chile and Peru traded fire on Tuesday. {text}", FRI)
    assert rows == []


def test_agreeing_at_a_place_is_still_a_meeting_there() -> None:
    rows, _ = rows_and_plans(
        "Chile and Peru agreed in Quito on Thursday to extend the ceasefire.",
        FRI,
    )
    assert [venue for venue, _ in rows] == ["Quito"]


def test_a_meeting_on_an_unrelated_matter_keys_its_own_pair_not_the_story() -> None:
    unrelated = (
        "In a separate room, the envoy is chairing a meeting of Kyrgyz and Tajik water officials "
        "on an unrelated canal dispute."
    )
    assert other_topic(unrelated)
    assert not other_topic("Kyrgyz and Tajik officials met to discuss the border.")
    text = (
        "Chile and Peru opened talks in Quito on Friday. The Chilean and Peruvian delegations "
        f"sat down at noon. {unrelated} Chile's negotiator said the talks were useful."
    )
    events = extract_events(Snippet(id="x-1", text=text, published_at=FRI))
    keys = {e.sentence.index: e.process for e in events if e.type == "talks"}
    assert keys[2] == "KG--TJ"  # the other pair's own meeting: keyed apart, no row of CL--PE
    assert {key for index, key in keys.items() if index != 2} == {"CL--PE"}


def test_a_site_no_gazetteer_holds_is_where_in_the_city_they_met() -> None:
    state = state_from_snippets(
        "CL--PE",
        (
            "2035-04-20",
            "LIVE: second day of the Lima round between Chile and Peru\n\n"
            "08:40 — The Chilean delegation, which flew into Lima yesterday morning, is back at "
            "the Ventura conference hall for the decisive day.\n\n"
            "11:15 — Talks between Chile and Peru resumed after a two-hour break.",
        ),
    )
    assert [r.venue for r in state.rounds] == ["Lima"]


def test_whether_makes_a_meeting_a_question() -> None:
    text = "It is unclear whether talks between Chile and Peru can resume before June."
    at = text.find("talks")
    assert modality_at(text, at, at + 5) == "hypothetical"


def test_a_learned_talks_label_is_read_at_a_word_of_meeting() -> None:
    text = 'Asked whether Peru would host a round in Lima, Soto said: "Everything in its time."'
    label = _learned("talks", text, 0.7)
    assert typer.anchored("talks", label.cue or "")
    assert label.modality != "actual"


def test_the_classes_keep_the_fold_laws() -> None:
    text = (
        "Key dates\n\n18-20 March: first round between Chile and Peru in Quito.\n\n"
        "11-12 May: second round, moved from Quito to Lima after the April 22 shooting."
    )
    events = extract_events(
        Snippet(id="x-1", text=text, published_at=datetime(2035, 5, 20, tzinfo=UTC))
    )
    once = project_tables(events)["negotiations"]
    again = project_tables(list(reversed(events)) + events[:1])["negotiations"]
    assert once == again


@pytest.mark.parametrize(
    ("sentence", "talks"),
    [
        ("It was due in Cuenca on June 24, but it has been put back to July 6.", True),
        ("They were initially scheduled for the first week of May.", True),
        ("It has now been postponed, the ministry said.", True),
        # the same words with no meeting told before them refer to nothing
        ("It was due in Cuenca on June 24.", False),
    ],
)
def test_a_plan_told_of_a_pronoun_refers_to_the_meeting_before(sentence: str, talks: bool) -> None:
    before = ["When is the next round of talks between Chile and Peru?"] if talks else []
    texts = [*before, sentence]
    labels = classify_sentences(texts, [False] * len(texts))
    assert ("talks" in {label.type for label in labels[-1]}) is talks


def test_a_signing_planned_at_a_place_is_the_next_meeting() -> None:
    state = state_from_snippets(
        "CL--PE",
        (
            "2035-04-20",
            "Negotiators for Chile and Peru initialled a ceasefire text in Quito on Thursday. "
            "The text will be signed by the two foreign ministers at a ceremony in Lima later "
            "this month, the mediator said.",
        ),
    )
    assert state.next_meeting is not None and state.next_meeting.venue == "Lima"


def test_a_plan_put_back_to_a_date_moves_to_it() -> None:
    found = resolve_date("The round was put back to July 6 at Peru's request.", FRI)
    assert found is not None and found.text == "July 6"
    state = state_from_snippets(
        "CL--PE",
        (
            "2035-04-20",
            "The next round of talks between Chile and Peru was due in Cuenca on June 24, but it "
            "has been put back to July 6 at Peru's request.",
        ),
    )
    nxt = state.next_meeting
    assert nxt is not None and nxt.date is not None and nxt.date.start.isoformat() == "2035-07-06"


def test_a_telephone_hotline_agreed_at_a_meeting_is_no_call() -> None:
    rows, _ = rows_and_plans(
        "Senior commanders of the Chilean and Peruvian armies met for five hours on Thursday at "
        "the Rellin crossing and agreed to open a direct telephone hotline.",
        FRI,
    )
    assert len(rows) == 1
    calls, _ = rows_and_plans(
        "The presidents of Chile and Peru spoke by telephone on Thursday.", FRI
    )
    assert calls == []


def test_the_place_a_round_had_been_expected_in_is_not_its_venue() -> None:
    # The plan that did not hold names no venue, and the later sentences keep the venue of the
    # meeting the snippet told first.
    venues = _talks_venues(
        "Chile and Peru ended two days of talks in Lima on Thursday. The round had been "
        "expected in Quito, but Ecuador asked Peru to host it once Chile's delegation agreed "
        "to travel to Lima, the mediator said. Artillery shelled a border post on Wednesday, "
        "as the delegations met."
    )
    assert venues == ["Lima", "Lima", "Lima"]
