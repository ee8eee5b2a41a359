"""Typing classes found on tracks no rule had read (issue 13, branch read/typing11).

Every sentence is invented. The classes were listed from the typing errors of the four training
tracks opened this session (fresh17), and kept only where they gained over every development
track and on the four (docs/notes/typing11.md).
"""

import pytest

from streams.core.read.classify import classify_sentence, classify_sentences


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# An anonymous source named by what it knows ("a person briefed on", "officials close to",
# "a diplomat familiar with"), or a diplomat named by a region, not a state (CONVENTIONS St2),
# makes no statement; a diplomat of a named state does (St1).
@pytest.mark.parametrize(
    "text",
    [
        "The Velmar meeting will open on Monday, a person briefed on the plans said.",
        "A person familiar with the discussions said the Ostrani side had left early.",
        "The call lasted an hour, a person close to the Front's leadership said.",
        "Two officials close to the mediation say the sides are near a deal.",
        "A first joint session is set for Friday, a diplomat briefed on the talks said.",
        "A Western diplomat said the question of grazing rights was left to a joint commission.",
    ],
)
def test_anonymous_sources_make_no_statement(text: str) -> None:
    assert "statement" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "No date has been fixed, a Tessalian diplomat said.",
        "The minister briefed reporters on the second round in Velmar.",
        "A spokesman close to tears said the talks had failed.",
    ],
)
def test_named_diplomats_and_briefings_still_speak(text: str) -> None:
    assert "statement" in types(text)


# A topic told discussed in the passive, or not discussed, is a detail of the talks (A3); a
# bill discussed in a parliament is not.
@pytest.mark.parametrize(
    "text",
    [
        "Compensation for the herders' lost cattle was not discussed, the person said.",
        "The release of the four engineers had been discussed at length.",
        "Grazing rights will be discussed on the second day.",
    ],
)
def test_a_topic_discussed_in_the_passive_is_talks(text: str) -> None:
    assert "talks" in types(text)


def test_a_bill_discussed_in_parliament_is_not_talks() -> None:
    assert "talks" not in types("The budget bill was discussed in parliament on Tuesday.")


# A side that undertook to do something has committed itself under a deal (agreement), as
# have sides that sign a final or joint statement (St7, A4).
@pytest.mark.parametrize(
    "text",
    [
        "Ostrava undertook to free the nine herders by the end of the month.",
        "The Front has undertaken to keep its fighters out of the market towns.",
        "The Velmar round was the first at which the Front signed the final statement.",
        "The rebels took part in the sessions but did not sign the joint communiqué.",
    ],
)
def test_undertakings_and_signed_final_statements_are_agreements(text: str) -> None:
    assert "agreement" in types(text)


def test_an_undertaking_of_another_kind_is_no_agreement() -> None:
    assert "agreement" not in types("The firm undertakes repairs on farm machinery.")


# A capture with a count is a casualty figure (CONVENTIONS P3): the capture verb before the
# figure, the people it takes after it; "detained" counts people of a side, not the men or
# people police arrest.
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted 12 villagers near Karsk on Monday.",
        "Separatist fighters stormed the mine and took six foreign engineers hostage.",
        "The Ostrani army said it had detained nine Velmari gendarmes during the fighting.",
        "Raiders seized two Tessalian aid workers from a clinic in Dorvo.",
        "The militia kidnapped 14 schoolgirls from a boarding school.",
    ],
)
def test_a_capture_with_a_count_is_a_casualty_figure(text: str) -> None:
    assert "casualty_report" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police in Karsk detained 23 people after the march.",
        "Police detained eleven men on suspicion of smuggling fuel.",
        "The rebels seized three villages and two trucks.",
        "The crossing took six hours.",
    ],
)
def test_arrests_and_seized_places_are_no_casualty_figure(text: str) -> None:
    assert "casualty_report" not in types(text)


# A state's trade cut off against another, as a ban or a suspension of exports or imports, is a
# sanction; goods halted by a dock strike are not.
@pytest.mark.parametrize(
    "text",
    [
        "The Ostrani parliament backed a motion suspending exports of fuel to Velmar for 60 days.",
        "Velmar has lifted the suspension of grain exports to Ostrava.",
        "Asked whether Ostrava would lift its fuel export ban, the minister said: 'Not yet.'",
        "The ban on Tessalian imports has cost exporters two million.",
    ],
)
def test_trade_cut_off_against_a_state_is_a_sanction(text: str) -> None:
    assert "sanction" in types(text)


def test_exports_halted_by_a_strike_are_no_sanction() -> None:
    assert "sanction" not in types("Dockers walked off the job, halting banana exports.")


def types_in_context(texts: list[str]) -> list[set[str]]:
    labels = classify_sentences(texts, [False] * len(texts))
    return [{label.type for label in each} for each in labels]


# A mediator shuttling between two capitals or two delegations is holding talks (A3); a date
# set or not set for a round is a detail of it, told of the round by name or, right after a
# sentence of talks, by back-reference ("No new date was given."); plenipotentiaries are the
# delegates of a negotiation.
@pytest.mark.parametrize(
    "text",
    [
        "The envoy has spent the past week flying between Karsk and Dorvo with a draft text.",
        "Ms Ilves is walking between the two delegations with proposals.",
        "The date of the fourth round in Velmar has not been fixed yet.",
        "Karsk receives the plenipotentiaries of Ostrava and Velmar",
    ],
)
def test_shuttles_round_dates_and_plenipotentiaries_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "No new date was given.",
        "A date has yet to be fixed.",
        "The secretariat said a new date and venue would be announced in due course.",
    ],
)
def test_a_round_date_after_a_sentence_of_talks_is_talks(text: str) -> None:
    first = "The third round of talks in Karsk was postponed on Monday."
    assert "talks" in types_in_context([first, text])[1]


def test_a_release_date_or_a_walk_is_not_talks() -> None:
    first = "The third round of talks in Karsk was postponed on Monday."
    assert "talks" not in types_in_context([first, "No date has been set for the release."])[1]
    assert "talks" not in types("She walked between the kitchen and the garden all morning.")
    assert "talks" not in types("No date has been set.")


# A heading named by a meeting, not a body, is the meeting's record: no one speaks in it.
def test_a_heading_named_by_a_meeting_names_no_speaker() -> None:
    heading = "FINAL COMMUNIQUÉ OF THE FIRST ROUND OF THE DIALOGUE BETWEEN OSTRAVA AND THE FRONT"
    assert types(heading) == {"talks"}
    assert "statement" in types("Communiqué of the General Command of the Velmar Front")


# A body declaring itself ready, or giving another side an ultimatum, speaks (St8): "remains
# ready to", "stands ready for talks", "gave the government 72 hours to", "set dawn as a
# deadline for"; a thing that stands ready does not.
@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Defence Force remains ready to defend every metre of the valley.",
        "The Red Cross stands ready to support a further exchange.",
        "The Front remains ready for talks under the auspices of the regional bloc.",
        "On Saturday a Front commander gave the government 72 hours to pull its troops out.",
        "The foreign minister set 4 a.m. as a deadline for Ostrava to stop its shelling.",
    ],
)
def test_readiness_and_ultimatums_are_statements(text: str) -> None:
    assert "statement" in types(text)


def test_a_thing_that_stands_ready_says_nothing() -> None:
    assert "statement" not in types("The truck stood ready for loading at dawn.")
    assert "statement" not in types("The memorandum gives each side 30 days to withdraw.")


# The terms of a deal told as what a side is to do ("The rebels are to free 38 soldiers") are
# the agreement's; a delegation that is to travel is not.
@pytest.mark.parametrize(
    "text",
    [
        "The rebels are to free 38 soldiers and the government 112 detained fighters.",
        "In that phase the Front is to release 24 of the 33 people it still holds.",
    ],
)
def test_terms_due_are_an_agreement(text: str) -> None:
    assert "agreement" in types(text)


def test_a_journey_due_is_no_agreement() -> None:
    assert "agreement" not in types("The delegation is to return to Karsk on Friday.")


# Leaders who shake hands have met (talks).
@pytest.mark.parametrize(
    "text",
    [
        "The presidents of Ostrava and Velmar shake hands with the panel chair in Karsk.",
        "The two ministers shook hands after signing the accord in Dorvo on Saturday.",
    ],
)
def test_a_handshake_is_a_meeting(text: str) -> None:
    assert "talks" in types(text)


# A body or a joint measure agreed as the verb's object is an agreement, as a swap is ("agree
# joint patrols", "agree a boundary commission"); agreeing to have observers in the room is a
# detail of the talks.
@pytest.mark.parametrize(
    "text",
    [
        "Ostrava, Velmar ministers agree joint patrols of disputed lake",
        "Ostrava and Velmar agree boundary commission and new prisoner release in Karsk",
    ],
)
def test_joint_bodies_and_patrols_agreed_are_agreements(text: str) -> None:
    assert "agreement" in types(text)
