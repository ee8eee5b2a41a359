"""Invented sentences for the classes of branch state/rounds7 (rounds on feeds that carry other
meetings): the same two states meeting on another track (a standing customs or water commission
the sentence sets apart from the talks) hold no round of the process; a multilateral summit told
as "sat at the same table but held no separate meeting" or as leaders of many countries meeting
is none; a summit named by a body ("the SADC summit", "an extraordinary COMESA summit") is a
gathering like "a regional summit", so one side meeting a third party on its margins is none and
the two sides meeting there still are; a headline whose second clause plans the next round
("Lilongwe talks end with swap deal; next round set for Dodoma") places the held talks at the
first place, not the plan's. The status as the training gold reads it: an accord restored at a
round is no new accord (the process is active); one side leaving a body of the accord is no
collapse, nor is a collapse named in a time clause; another pair's truce says nothing of this
process; an accord named by where it was agreed is neither a new accord nor a meeting.

Every sentence is invented (people, towns, bodies' meetings, dates and numbers); none is news
text. The states are the lexicon's, as the process keys need them.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from tests.factories import state_from_snippets

# A round of the process held before the sentence under test, so that the process exists.
_HELD = (
    "2036-05-02",
    "Malawi and Tanzania held talks in Lilongwe on Thursday on the lake border, officials said.",
)


def _rows(*snippets: tuple[str, str]) -> list[tuple[str | None, str | None]]:
    state = state_from_snippets("MW--TZ", _HELD, *snippets)
    return [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds]


# --- the same two states on another track ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Separately, officials of the two governments' joint customs commission met in Karonga "
        "on Thursday to settle a row over lorry fees, a track both ministries said was kept "
        "apart from the border talks.",
        "Same neighbours, different table: the water board that Malawi and Tanzania have run "
        "since 2029 met in Karonga on Thursday to set the summer quotas, as it does every spring.",
        "Malawian and Tanzanian members of the joint trade committee met in Karonga on Thursday "
        "to settle lorry permits.",
        "The fisheries commission of Malawi and Tanzania met in Karonga on Thursday; its chairs "
        "said its work was separate from the peace talks.",
        "Officials of Malawi and Tanzania met in Karonga on Thursday on what both called "
        "a separate matter, the price of lake ferries.",
        "Trade ministers of Malawi and Tanzania met in Karonga on Thursday to discuss financing "
        "for a railway line between the two countries.",
    ],
)
def test_the_pair_on_another_track_holds_no_round(sentence: str) -> None:
    assert _rows(("2036-05-09", sentence)) == [("Lilongwe", "2036-05-01")]


def test_a_body_of_the_process_still_meets() -> None:
    rows = _rows(
        (
            "2036-05-09",
            "The joint ceasefire commission of Malawi and Tanzania met at the Songwe crossing on "
            "Tuesday with both delegations present.",
        )
    )
    assert len(rows) == 2


# --- multilateral summits with no meeting of the two ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "At the summit of Southern African heads of state in Harare on Thursday, the Malawian "
        "and Tanzanian presidents sat at the same table but held no separate meeting, officials "
        "said.",
        "The Malawian and Tanzanian presidents shook hands at the opening dinner in Harare on "
        "Thursday but held no meeting, both delegations said.",
        "Leaders from 14 countries, Malawi and Tanzania among them, met in Harare on Thursday "
        "for a regional summit on roads and power lines.",
        "The presidents of Malawi and Tanzania did not meet separately at the summit in Harare "
        "on Thursday.",
        "There was no bilateral meeting of Malawi and Tanzania at the summit in Harare on "
        "Thursday.",
    ],
)
def test_a_summit_with_no_meeting_of_the_two_is_no_round(sentence: str) -> None:
    assert _rows(("2036-05-09", sentence)) == [("Lilongwe", "2036-05-01")]


# --- summits named by a body -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "At the SADC summit in Harare on Sunday, Malawi's president met Zambia's president on "
        "the margins and thanked him for the mediation.",
        "At an extraordinary COMESA summit in Harare on Sunday, Malawi's president met the "
        "Zambian president.",
        "During the East African Community summit in Harare on Sunday, Tanzania's president met "
        "Kenya's president.",
        "At a summit of the SADC in Harare on Sunday, Malawi's foreign minister met his Zambian "
        "counterpart.",
    ],
)
def test_one_side_with_a_third_party_at_a_bodys_summit_is_no_round(sentence: str) -> None:
    mediated = (
        "2036-05-02",
        "Malawi and Tanzania held talks in Lilongwe on Thursday under Zambian mediation, with "
        "Kenya as an observer, officials said.",
    )
    # The feed's paragraph on the process itself keys the snippet to it.
    release = (
        "Tanzania freed 30 Malawian fishermen on Friday, the third release since the Lilongwe "
        "talks, the Red Cross said. "
    )
    state = state_from_snippets("MW--TZ", mediated, ("2036-05-09", release + sentence))
    assert [r.venue for r in state.rounds] == ["Lilongwe"]


def test_the_two_sides_meeting_at_a_bodys_summit_still_meet() -> None:
    rows = _rows(
        (
            "2036-05-09",
            "At the SADC summit in Harare on Sunday, the presidents of Malawi and Tanzania met "
            "on the margins to discuss the lake border.",
        )
    )
    assert rows == [("Lilongwe", "2036-05-01"), ("Harare", "2036-05-04")]


# --- a headline's second clause plans the next round -----------------------------------------


FRI = datetime(2036, 5, 9, 18, tzinfo=UTC)


def _talks(text: str) -> list[tuple[str | None, str]]:
    events = extract_events(Snippet(id="x-1", text=text, published_at=FRI))
    return [(getattr(e, "venue", None), e.modality) for e in events if e.type == "talks"]


@pytest.mark.parametrize(
    "headline",
    [
        "Lilongwe talks end with new swap deal; next round set for Dodoma",
        "Lilongwe talks end without truce, but next round set for Dodoma",
        "Talks end in Lilongwe with swap deal; next round set for Dodoma",
    ],
)
def test_the_plans_place_in_a_headline_is_not_the_held_talks(headline: str) -> None:
    text = (
        f"{headline}\n\nLILONGWE, May 9 — Malawi and Tanzania ended two days of talks in the "
        "capital on Thursday. The delegations met at a lakeside lodge on Wednesday and Thursday."
    )
    held = [venue for venue, modality in _talks(text) if modality == "actual"]
    assert held and "Dodoma" not in held
    assert set(held) <= {"Lilongwe"}


def test_the_plans_place_in_a_body_clause_is_not_the_held_talks() -> None:
    talks = _talks(
        "Malawi and Tanzania ended the round in Lilongwe on Thursday; the next round is set for "
        "Dodoma in June."
    )
    assert ("Lilongwe", "actual") in talks
    assert ("Dodoma", "actual") not in talks


def test_a_sentence_opening_with_the_next_round_tells_that_round() -> None:
    talks = _talks("The next round opened in Dodoma on Thursday with both delegations present.")
    assert talks and talks[0][0] == "Dodoma"


# --- the status as the training gold reads it: an accord restored, a body left, a collapse in
# a time clause, another pair's truce, an accord named by its place ------------------------

SIGNED = (
    "2036-03-03",
    "Malawi and Tanzania signed a ceasefire agreement in Lusaka on Monday, the mediators said.",
)
SUSPENDED = (
    "2036-03-20",
    "Tanzania suspended the ceasefire with Malawi on Thursday after shelling near Karonga.",
)


@pytest.mark.parametrize(
    "restored",
    [
        "Malawi and Tanzania agreed on Thursday to restore the ceasefire from Saturday, at the end "
        "of three days of talks in Lusaka.",
        "The truce was restored on Thursday at the close of two days of talks between Malawi and "
        "Tanzania in Lusaka.",
    ],
)
def test_an_accord_restored_at_a_round_is_no_new_accord(restored: str) -> None:
    state = state_from_snippets("MW--TZ", SIGNED, SUSPENDED, ("2036-04-10", restored))
    assert state.status.status == "active"


def test_one_side_leaving_a_body_of_the_accord_is_no_collapse() -> None:
    left = (
        "2036-03-20",
        "Malawi said on Thursday that Tanzania was suspending its part in the joint monitoring "
        "committee set up under the ceasefire.",
    )
    state = state_from_snippets("MW--TZ", SIGNED, left)
    assert state.status.status == "agreement reached"


@pytest.mark.parametrize(
    "outcome",
    [
        "By the partial agreement, the Malawian government commits itself to suspend for two "
        "years the granting of new fishing licences in 14 districts.",
        "Under the agreement, Tanzania suspends flights over the disputed shore until the border "
        "is marked.",
    ],
)
def test_suspending_what_is_no_part_of_the_talks_is_no_collapse(outcome: str) -> None:
    held = "Malawi and Tanzania concluded on Tuesday in Lusaka their third round of talks. "
    state = state_from_snippets("MW--TZ", SIGNED, ("2036-04-10", held + outcome))
    assert all(s.status != "collapsed" for s in state.status_signals)


def test_a_partial_agreement_at_a_round_keeps_the_talks_active() -> None:
    partial = (
        "2036-04-10",
        "Malawi and Tanzania concluded their third round of talks in Lusaka on Tuesday with a "
        "first partial agreement on fishing rights.",
    )
    state = state_from_snippets(
        "MW--TZ", ("2036-03-20", "Malawi and Tanzania held talks in Lilongwe on Friday."), partial
    )
    assert state.status.status == "active"


def test_suspending_the_talks_is_still_a_collapse() -> None:
    suspended = ("2036-04-10", "Tanzania suspended the talks with Malawi on Thursday.")
    state = state_from_snippets("MW--TZ", SIGNED, suspended)
    assert state.status.status == "collapsed"


def test_a_collapse_in_a_time_clause_is_no_collapse_now() -> None:
    recalled = (
        "2036-03-20",
        "The Joint Ceasefire Commission of Malawi and Tanzania met in Karonga on Saturday for "
        "the first time since the Tanzanian officers walked out.",
    )
    state = state_from_snippets("MW--TZ", SIGNED, recalled)
    assert all(s.status != "collapsed" for s in state.status_signals)


def test_another_pairs_truce_says_nothing_of_this_process() -> None:
    feed = (
        "2036-04-10",
        "Malawi and Tanzania held talks in Lusaka on Thursday. Elsewhere, Kenya's army said one "
        "of its soldiers was killed overnight, the first death since the Ugandan-brokered truce "
        "with Somalia took effect on Friday.",
    )
    suspended = ("2036-03-20", "The ceasefire between Malawi and Tanzania collapsed on Sunday.")
    state = state_from_snippets("MW--TZ", SIGNED, suspended, feed)
    assert state.status.status == "active"


def test_an_accord_named_by_its_place_is_no_new_accord_nor_meeting() -> None:
    named = (
        "2036-04-10",
        "The 30-day cessation agreed in Lusaka ran out on Monday, and the Security Council called "
        "on Malawi and Tanzania to abide by the cessation of hostilities agreed in Lusaka.",
    )
    suspended = ("2036-03-20", "The ceasefire between Malawi and Tanzania collapsed on Sunday.")
    state = state_from_snippets("MW--TZ", SIGNED, suspended, named)
    assert state.status.status == "collapsed"
    assert [r.date.start.isoformat() for r in state.rounds if r.date] == ["2036-03-03"]


# --- a body's meeting by video later in the month of a round --------------------------------

FIRST_ROUND = (
    "2036-05-02",
    "Malawi and Tanzania ended their first round of talks in Lilongwe on Thursday, the "
    "mediators said.",
)


def test_a_bodys_own_first_meeting_numbers_no_round() -> None:
    committee = (
        "2036-05-15",
        "Malawi and Tanzania: the technical committee set up in Lilongwe held its first meeting "
        "by video link on Tuesday, with Zambian facilitators on the call.",
    )
    state = state_from_snippets("MW--TZ", FIRST_ROUND, committee)
    rows = [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds]
    assert rows == [("Lilongwe", "2036-05-01"), (None, "2036-05-13")]


def test_a_report_dated_by_its_month_widens_no_meetings_days() -> None:
    month = (
        "2036-06-02",
        "Malawi and Tanzania agreed a prisoner swap at the talks in Lilongwe in May, the "
        "mediators said.",
    )
    committee = (
        "2036-05-22",
        "Malawi and Tanzania: the technical committee on the lake's fisheries met by video link "
        "on Tuesday.",
    )
    state = state_from_snippets("MW--TZ", FIRST_ROUND, month, committee)
    rows = [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds]
    assert rows == [("Lilongwe", "2036-05-01"), (None, "2036-05-20")]


def test_a_question_whether_the_sides_met_before_is_no_meeting() -> None:
    rows = _rows(("2036-05-20", "Q: Have Malawi and Tanzania met before?"))
    assert rows == [("Lilongwe", "2036-05-01")]


# --- a place only mentioned takes no meeting told to the day ----------------------------------


def test_a_place_only_mentioned_is_no_venue_of_a_meeting_told_to_the_day() -> None:
    feed = (
        "2036-05-15",
        "The joint ceasefire commission of Malawi and Tanzania met at the border post on "
        "Wednesday with both sides present. Tanzania was not represented in Harare, and the "
        "summit there was given over to roads and power lines.",
    )
    rows = _rows(feed)
    assert rows == [("Lilongwe", "2036-05-01"), (None, "2036-05-14")]


def test_cabo_verde_is_cape_verde() -> None:
    rows = _rows(
        (
            "2036-05-15",
            "Malawi and Tanzania ended three days of talks in the Cabo Verdean capital on "
            "Wednesday, after a first day in Praia's old town.",
        )
    )
    assert rows[-1][0] == "Praia"


# --- a round put off "until February" with no new day ------------------------------------------


@pytest.mark.parametrize(
    "put_off",
    [
        "The third round, due in Dodoma on 12 January, has been postponed until February, the "
        "Zambian envoy said on Wednesday, without giving a new date.",
        "The third round, which Zambia had announced for December 7 in Dodoma, was put off on "
        "Thursday until February at Malawi's request, with no new date.",
    ],
)
def test_a_round_put_off_until_a_month_is_next_in_that_month(put_off: str) -> None:
    state = state_from_snippets("MW--TZ", _HELD, ("2036-12-11", "Malawi and Tanzania: " + put_off))
    nxt = state.next_meeting
    assert nxt is not None and nxt.venue == "Dodoma"
    assert nxt.date is not None and nxt.date.precision == "month"
    assert nxt.date.start.isoformat() == "2037-02-01"


def test_a_round_pushed_back_to_a_vague_time_keeps_its_place() -> None:
    set_for = (
        "2036-11-20",
        "Both delegations said the third round of talks between Malawi and Tanzania would be "
        "held in Dodoma on December 14.",
    )
    pushed = (
        "2036-12-11",
        "DODOMA, Dec 11 — The third round of talks between Malawi and Tanzania, set for Monday in "
        'Dodoma, has been pushed back to "the coming weeks", the Zambian foreign ministry said '
        "on Friday, without giving a new date.",
    )
    state = state_from_snippets("MW--TZ", _HELD, set_for, pushed)
    nxt = state.next_meeting
    assert nxt is not None and nxt.venue == "Dodoma"
    assert nxt.date is None or nxt.date.precision == "vague"


# --- an accord named by where it was made is no venue of the sentence's talks -----------------


def test_an_accord_named_by_its_place_places_no_talks_there() -> None:
    resumed = (
        "2036-05-20",
        "Malawi and Tanzania held talks in Karonga on Monday and Tuesday. In a press statement, "
        "the members of the Security Council welcomed the resumption of talks and called on "
        "Malawi and Tanzania to abide by the cessation of hostilities agreed in Lusaka.",
    )
    venues = [venue for venue, _ in _rows(resumed)]
    assert "Lusaka" not in venues and "Karonga" in venues


def test_an_accord_sealed_at_a_place_on_a_day_is_a_meeting_there() -> None:
    struck = (
        "2036-05-20",
        "Malawi and Tanzania: the accord was sealed in Lusaka on Friday, when the two "
        "presidents met.",
    )
    assert ("Lusaka", "2036-05-16") in _rows(struck)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two days of talks in Lilongwe were the first held on the lake, a venue Tanzania "
        "accepted only after the mediator promised that the next session would be held in Dodoma.",
        "Malawi and Tanzania met in Lilongwe on Thursday, and officials said the next round was "
        "expected in Dodoma.",
    ],
)
def test_the_place_of_a_next_meeting_told_by_its_own_verb_is_the_plans(sentence: str) -> None:
    venues = [venue for venue, _ in _talks(sentence)]
    assert venues and set(venues) == {"Lilongwe"}


# --- a thing named by the place where it was agreed ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Malawi freed on Tuesday the 20 Tanzanian fishermen it held, in a handover at the lake "
        "shore with the facilitation of the Red Cross, a month after the date agreed in Lilongwe.",
        "Malawi freed on Tuesday the 20 Tanzanian fishermen it held, in a handover mediated by the "
        "Red Cross, on the terms set in Lilongwe.",
    ],
)
def test_a_date_or_timetable_agreed_at_a_place_is_no_meeting_there_now(sentence: str) -> None:
    assert _rows(("2036-05-20", sentence)) == [("Lilongwe", "2036-05-01")]


# --- a day something is due by ---------------------------------------------------------------


def test_the_day_an_act_is_due_by_dates_no_meeting() -> None:
    due = (
        "2036-05-20",
        "The delegations of Malawi and Tanzania agreed to free 40 fishermen each by June 15, the "
        "mediators said.",
    )
    state = state_from_snippets("MW--TZ", _HELD, due)
    nxt = state.next_meeting
    assert nxt is None or nxt.date is None or nxt.date.start.isoformat() != "2036-06-15"
    # near miss: a meeting due by a day is planned for it
    meet = (
        "2036-05-20",
        "The delegations of Malawi and Tanzania agreed to meet again in Dodoma by June 15, the "
        "mediators said.",
    )
    planned = state_from_snippets("MW--TZ", _HELD, meet).next_meeting
    assert planned is not None and planned.venue == "Dodoma"


# --- an accord the sides may yet make somewhere ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Malawian president also met Zambia's foreign minister, who said Lusaka would stand "
        "behind any agreement the two sides can reach in Dodoma.",
        "The mediators met Malawi's delegation in Karonga to prepare the deal the parties hope to "
        "sign in Dodoma.",
    ],
)
def test_the_place_of_an_accord_still_to_be_made_is_no_venue(sentence: str) -> None:
    assert "Dodoma" not in [venue for venue, _ in _talks(sentence)]


def test_the_sides_meeting_at_a_place_to_reach_a_deal_still_meet_there() -> None:
    # near miss: the place of the meeting itself, with the accord after it
    venues = [venue for venue, _ in _talks("Malawi and Tanzania met in Dodoma to reach a deal.")]
    assert "Dodoma" in venues


# --- the date a moved meeting had --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting of the joint committee of Malawi and Tanzania, originally planned for "
        "Karonga on May 12, was moved to Dodoma after the ferry was shelled.",
        "The session of Malawi and Tanzania, first set for May 12, was moved to Dodoma.",
    ],
)
def test_the_date_a_moved_meeting_had_dates_no_meeting_held(sentence: str) -> None:
    rows = _rows(("2036-05-20", sentence))
    assert not [row for row in rows if row[1] == "2036-05-12"]


def test_a_meeting_held_on_its_day_keeps_it() -> None:
    # near miss: the day the committee met, told by its own verb
    met = ("2036-05-20", "Malawi and Tanzania's joint committee met in Dodoma on May 12.")
    assert ("Dodoma", "2036-05-12") in _rows(met)
