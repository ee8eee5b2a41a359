"""Invented sentences for the round classes of the seventeenth session, found on development
tracks that had been held out until then: a go-between's channel told as a standing activity
("has been carrying messages between the two sides") reports no meeting; a recap of rounds
whose months lie behind the report is dated behind it (read/dates.py) and so plans nothing.

Every sentence is invented (people, towns, dates and numbers); none is news text. The states are
the lexicon's, as the process keys need them.
"""

import pytest

from tests.factories import state_from_snippets
from tests.unit.fold.test_rounds_classes7 import _HELD, _rows

# --- a go-between's standing channel ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A retired bishop chairs a church council that has been carrying messages between "
        "Malawi and Tanzania, with help from a charity.",
        "The bishop, 71, has spent eight months shuttling between the Malawian and Tanzanian "
        "delegations.",
        "Two charities have been relaying proposals between the Malawian and Tanzanian "
        "delegations.",
    ],
)
def test_a_standing_channel_between_the_sides_is_no_meeting(sentence: str) -> None:
    assert _rows(("2036-06-22", sentence)) == [("Lilongwe", "2036-05-01")]


def test_a_go_between_carrying_messages_at_a_place_on_a_day_still_meets() -> None:
    # near miss: a proximity round, told with its day and place
    rows = _rows(
        (
            "2036-06-22",
            "In Mzuzu on Tuesday, the envoy carried messages between the Malawian and Tanzanian "
            "delegations, who sat in separate rooms.",
        )
    )
    assert "2036-06-17" in [day for _, day in rows]


# --- a meeting held after another one was put off ----------------------------------------------


def test_a_meeting_held_after_another_was_put_off_is_held() -> None:
    rows = _rows(
        (
            "2036-06-22",
            "The foreign ministers of Malawi and Tanzania met on Tuesday and Wednesday in Dodoma, "
            "the mediators said on Thursday, after a summit planned for June 2 was postponed.",
        )
    )
    assert ("Dodoma", "2036-06-17") in rows


def test_a_meeting_put_off_after_another_was_held_is_still_put_off() -> None:
    # near miss: the main clause tells the put-off
    rows = _rows(
        (
            "2036-06-22",
            "The summit of Malawi and Tanzania in Dodoma was postponed on Tuesday, after a round "
            "of talks in Lilongwe ended in acrimony.",
        )
    )
    assert "Dodoma" not in [venue for venue, _ in rows]


# --- a meeting opened in a participle, or entered -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "10:40 - Opening the talks on Monday in Dodoma, the envoy said Malawi and Tanzania had "
        "come to settle the lake border.",
        "11:15 - The Malawian and Tanzanian leaders have gone into closed-door talks in "
        "Dodoma with only their foreign ministers.",
    ],
)
def test_a_meeting_opened_in_a_participle_or_entered_is_held(sentence: str) -> None:
    assert "Dodoma" in [venue for venue, _ in _rows(("2036-06-22", sentence))]


def test_a_session_to_be_opened_is_no_meeting_held() -> None:
    # near miss: the same words in a plan
    rows = _rows(
        (
            "2036-06-22",
            "The envoy will be opening the talks in Dodoma next week, when Malawi and Tanzania "
            "are due to meet.",
        )
    )
    assert "Dodoma" not in [venue for venue, _ in rows]


def test_meetings_named_in_an_after_phrase_are_no_venue_of_the_sentence() -> None:
    rows = _rows(
        (
            "2036-08-10",
            "When the presidents of Malawi and Tanzania signed the lake accord in Dodoma last "
            "month, after a summit in Lilongwe and a round of experts' talks in Mzuzu, the "
            "fishermen allowed themselves to hope.",
        )
    )
    assert [venue for venue, day in rows if day and day.startswith("2036-07")] in ([], ["Dodoma"])


# --- translated copy: the meeting told after the verb's times and places --------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The delegations of Malawi and Tanzania celebrated on Thursday and Friday, in the palace "
        "of the chancellery in Dodoma, the second cycle of negotiations.",
        "The delegations of Malawi and Tanzania concluded on Tuesday in Dodoma, after two days "
        "of sessions, the third cycle of negotiations.",
    ],
)
def test_a_meeting_told_after_its_verbs_adverbials_is_held(sentence: str) -> None:
    assert "Dodoma" in [venue for venue, _ in _rows(("2036-06-22", sentence))]


def test_a_verb_far_from_talks_without_the_commas_holds_no_meeting() -> None:
    # near miss: "opened" and "talks" in one run of words, no meeting opened
    rows = _rows(
        (
            "2036-06-22",
            "Gunmen opened fire on a convoy carrying Malawian and Tanzanian officials home from "
            "the border on Tuesday, days before the talks.",
        )
    )
    assert [venue for venue, day in rows if day == "2036-06-17"] == []


# --- meetings of the two sides' people that are no round ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Malawi's president met Tanzania's ambassador in Lilongwe on Monday to protest the "
        "shelling of Karonga.",
        "Malawian and Tanzanian fishermen met on the lake shore on Monday to share their catch, "
        "local radio said.",
    ],
)
def test_a_demarche_or_a_meeting_of_civilians_is_no_round(sentence: str) -> None:
    assert _rows(("2036-06-22", sentence)) == [("Lilongwe", "2036-05-01")]


def test_a_counterpart_met_to_discuss_the_dispute_is_still_a_meeting() -> None:
    # near miss: the same meeting with a purpose of talks
    rows = _rows(
        (
            "2036-06-22",
            "Malawi's foreign minister met Tanzania's foreign minister in Dodoma on Monday to "
            "discuss the lake border.",
        )
    )
    assert ("Dodoma", "2036-06-16") in rows


# --- the mediators' own meetings, and the mediators meeting the sides --------------------------


def test_a_mediators_body_meeting_by_itself_is_no_round() -> None:
    rows = _rows(
        (
            "2036-06-22",
            "The mediation committee of the bloc met in Gaborone on Monday to prepare a report on "
            "the Malawi-Tanzania talks.",
        )
    )
    assert rows == [("Lilongwe", "2036-05-01")]


def test_mediators_meeting_the_sides_delegations_is_a_round() -> None:
    rows = _rows(
        (
            "2036-06-22",
            "Mediators met the Malawian and Tanzanian delegations in Dodoma on Monday to review "
            "the truce.",
        )
    )
    assert ("Dodoma", "2036-06-16") in rows


# --- a status told in other words ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Malawi's foreign minister said on Monday that the talks with Tanzania were going nowhere.",
        "Diplomats said the talks between Malawi and Tanzania had ground to a halt over the "
        "islands.",
    ],
)
def test_talks_going_nowhere_are_stalled(sentence: str) -> None:
    state = state_from_snippets("MW--TZ", _HELD, ("2036-06-22", sentence))
    assert state.status.status == "stalled"


# --- one side consulting a third party ----------------------------------------------------------


def test_one_side_consulting_a_third_party_about_the_conflict_is_no_round() -> None:
    rows = _rows(
        (
            "2036-06-22",
            "Malawi's foreign minister held talks with the UN envoy in Geneva on Monday about the "
            "dispute with Tanzania.",
        )
    )
    assert rows == [("Lilongwe", "2036-05-01")]


def test_both_sides_meeting_a_third_party_about_the_conflict_still_meet() -> None:
    # near miss: the two sides named as who met
    rows = _rows(
        (
            "2036-06-22",
            "Malawi and Tanzania held talks with the UN envoy in Geneva on Monday about their "
            "border dispute.",
        )
    )
    assert ("Geneva", "2036-06-16") in rows


def test_met_here_under_a_dateline_is_a_meeting() -> None:
    # "met her..." was excluded as a person met, and "here" begins with "her"
    rows = _rows(
        ("2036-06-16", "DODOMA, June 16 - Malawian and Tanzanian negotiators met here on Monday.")
    )
    assert ("Dodoma", "2036-06-16") in rows
