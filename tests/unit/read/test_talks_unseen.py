"""Talks told in phrasing the training writers reported missed (issue 13, branch read/talks).

Every sentence is invented. LABELS.md: talks are negotiations, meetings or calls between parties
or their envoys about the conflict, mediation and consultations, also talks planned, cancelled or
refused; a meeting unrelated to any dispute is not talks. The table, the channel and the
mediator's errand are idioms of negotiation; the same words about a dinner, a TV channel or a
trade fair are not.
"""

from datetime import UTC, datetime

import pytest

from streams.core.read.classify import classify_sentence
from tests.factories import rows_and_plans


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# The table and the room as the place of negotiation; the channel as its line.
@pytest.mark.parametrize(
    "text",
    [
        "The government and the Coastal Union are back at the table in Tacna.",
        "Both teams went back to the negotiating table after a week's pause.",
        "The rebels will not come back to the table until the curfew is lifted.",
        "The Andean Front's negotiators walked out of the talks on Friday night.",
        "Bolivia's team stormed out of the session in Sucre after an hour.",
        "Ecuador and Peru kept a secret channel open through the Holy See.",
        "A back-channel between the two general staffs has been active since May.",
        "The Lisbon channel between the junta and the rebels was set up in March.",
        "The junta has said it will never sit at a table with the Coastal Union.",
        "Chile and Peru are in contact through the Swiss embassy about the trawler crews.",
        "The Red Cross is in touch with both sides about the missing sailors.",
    ],
)
def test_table_and_channel_idioms_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The family was back at the table for the evening meal.",
        "The guests came back to the table for dessert.",
        "The pupils walked out of the classroom when the bell rang.",
        "The state channel showed the match between Chile and Bolivia.",
        "A new irrigation channel runs between the two villages.",
        "The shipping channel between the two islands was dredged last year.",
        "She kept a seat at the table for her brother.",
        "Readers can stay in touch with the newspaper through its website.",
        "The gallery is in contact with the owners about the stolen vase.",
    ],
)
def test_the_same_words_elsewhere_are_not(text: str) -> None:
    assert "talks" not in types(text)


# The mediator's errand: messages carried, sides sounded out, each side met in turn, the two
# brought together or hosted.
@pytest.mark.parametrize(
    "text",
    [
        "A Mexican diplomat has been passing messages between the two presidents since June.",
        "The bishop relayed messages back and forth between the army and the Coastal Union.",
        "The Swiss envoy is sounding out the two camps on a harvest truce.",
        "The mediator met each delegation separately on Thursday.",
        "The facilitator spoke with both sides one after the other in Sucre.",
        "Panama is trying to bring the two defence ministers together next month.",
        "Uruguay's president hosted the two leaders at his residence on Sunday.",
        "The border commanders talked by video link for an hour on Monday.",
        "The two foreign ministers spoke over a secure phone line late on Tuesday.",
    ],
)
def test_a_mediators_errand_is_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The courier was passing parcels between the two shops.",
        "The company is sounding out investors about a new bond.",
        "The teacher met each pupil's parents at the school fair.",
        "The museum hosted the two painters at a reception on Sunday.",
    ],
)
def test_errands_outside_a_negotiation_are_not(text: str) -> None:
    assert "talks" not in types(text)


# A body of the parties meeting, or not meeting, is talks; a negotiating team's make-up is too.
@pytest.mark.parametrize(
    "text",
    [
        "The joint border commission did not meet in April.",
        "The liaison committee has not met since the incident at the dam.",
        "The ceasefire monitoring committee meets every Friday in Tacna.",
        "The military working group will meet again in Arica next week.",
        "The government team is headed by the deputy interior minister.",
        "The rebel negotiating team includes two former commanders and a lawyer.",
        "The round planned for Monday in Sucre did not take place.",
    ],
)
def test_bodies_that_meet_or_not_and_teams_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The school board did not meet in April.",
        "The trade delegation flew home after the wine fair in Mendoza.",
        "A delegation of farmers visited the new dam on Tuesday.",
        "The football team is led by a new coach this season.",
        "The government will not meet the unions' wage demands this year.",
        "A video urged the two governments to meet the kidnappers' demands.",
    ],
)
def test_other_bodies_delegations_and_demands_are_not(text: str) -> None:
    assert "talks" not in types(text)


# An interviewer's turn ("Q: ...") is a question, not a statement; the answerer's turn is one.
@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Q: Will the new bridge in Tacna open before the winter?", False),
        ("Question: How many families still live in the camp?", False),
        ("Q: The ministry says the road is safe.", True),
        ("Mayor Ruiz: We will rebuild the bridge before the winter.", True),
    ],
)
def test_an_interviewers_turn_is_no_statement(text: str, statement: bool) -> None:
    assert ("statement" in types(text)) is statement


# Willingness or refusal to talk, boycotts, a round named by its convener or venue, years of
# bargaining: talks planned, refused or held (LABELS.md counts all of them).
@pytest.mark.parametrize(
    "text",
    [
        "The Coastal Union says it is ready to talk to the junta without conditions.",
        "Bolivia has refused to sit down until its observers are freed.",
        "The rebels boycotted the second round in Sucre.",
        "Peru's team stayed away from the session of the joint border commission.",
        "The first OAS-convened round opens in Asuncion on Monday.",
        "The Tacna round lasted four days and ended without a text.",
        "The accord came after years of bargaining between the government and the rebels.",
        "The two delegations haggled over the wording of the prisoner clause until dawn.",
        "Ecuador's foreign ministry is in touch with both sides about the missing pilots.",
        "The facilitator said the order of the agenda items was still under discussion.",
    ],
)
def test_talks_planned_refused_or_held_in_other_words(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The actor is ready to talk about his new film.",
        "The coach refused to talk to reporters after the match.",
        "The striker pulled out of the second round of the tournament.",
        "Shoppers haggled over the price of avocados at the market.",
        "The health ministry discussed the new vaccine schedule.",
        "The Tuesday round of the cycling race ended in the rain.",
    ],
)
def test_willing_words_outside_a_negotiation_are_not(text: str) -> None:
    assert "talks" not in types(text)


# Stray words: a public consultation, or an envoy's family and belongings, are no talks; the
# same nouns beside talks keep them.
@pytest.mark.parametrize(
    ("text", "talks"),
    [
        ("The city opened public consultations on the new bus lanes.", False),
        ("The agency held consultations with residents about the new dam.", False),
        ("The envoy's son won a chess tournament in Sucre.", False),
        ("The mediator's memoir sold out in a week.", False),
        ("The mediators held consultations with both sides in Tacna.", True),
        ("The envoy's deputy will meet the rebel delegation on Monday.", True),
    ],
)
def test_stray_consultations_and_envoys(text: str, talks: bool) -> None:
    assert ("talks" in types(text)) is talks


# A trigger that holds its own cue is read at its last word: a body that did not meet, a round
# boycotted or that did not take place is talks not held (no round for the state); one that
# meets is held; readiness to talk is hypothetical.
@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The liaison cell did not meet in Tacna on Tuesday.", "negated"),
        ("The round planned for Monday in Sucre did not take place.", "negated"),
        ("The rebels boycotted the third round in Arica on Friday.", "negated"),
        ("Peru's team stayed away from the talks in Quito on Monday.", "negated"),
        ("The junta refused to sit down with the rebels in Lima on Monday.", "negated"),
        ("The joint commission meets every Friday in Tacna.", "actual"),
        ("The liaison committee will meet in Arica next Tuesday.", "planned"),
        ("The Coastal Union is ready to talk to the junta in Lima.", "hypothetical"),
    ],
)
def test_a_cue_inside_the_trigger_sets_the_modality(text: str, modality: str) -> None:
    talks = [label for label in classify_sentence(text) if label.type == "talks"]
    assert [label.modality for label in talks] == [modality]


# The state: talks that did not meet, were boycotted, refused or only offered make no round row;
# a joint body that met does.
@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("The Chile-Peru liaison cell did not meet in Arica on Tuesday.", []),
        ("Chile boycotted the third round of talks with Peru in Arica on Friday.", []),
        ("Chile refused to sit down with Peru in Lima on Monday.", []),
        ("Chile says it is ready to talk to Peru in Lima on Monday.", []),
        (
            "The joint commission of Chile and Peru met in Tacna on Tuesday.",
            [("Tacna", "2030-05-07")],
        ),
    ],
)
def test_talks_not_held_make_no_round(text: str, rows: list[tuple[str, str]]) -> None:
    assert rows_and_plans(text, datetime(2030, 5, 10, tzinfo=UTC))[0] == rows
