"""Events told inside reported speech (issue 13, branch read/speech-events).

Every sentence is invented. LABELS.md: a sentence carries every type it reports, whether told by
the narrator or as the content of said / announced / denied; the speaker adds `statement`. What
the speaker *is* adds nothing: a mediator or an envoy who speaks names no mediation or talks of
its own ("the mediator said the deal was signed" reports the deal and the saying). Demands that
"were met" are fulfilled, not a meeting.
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# The speaker is a mediator or an envoy: the title is no talks; the content keeps its own type.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The truce will be signed in Tacna on Friday, the mediator said.", {"agreement"}),
        ("The envoy said the convoy of food aid had reached Puno at dawn.", {"aid"}),
        (
            "The mediators announced that 80 detainees had been freed on Sunday.",
            {"prisoner_exchange"},
        ),
        ("The Norwegian envoy, Kari Berg, confirmed that the deal had collapsed.", {"agreement"}),
        ("Rebel drones struck the fuel depot in Ilo, said the UN envoy.", {"strike"}),
        ("According to the mediators, the ceasefire was extended by a week.", {"agreement"}),
        ("The go-betweens told reporters the sanctions on the port had been lifted.", {"sanction"}),
        (
            "The guarantors warned that the hostages would be released only in stages.",
            {"prisoner_exchange"},
        ),
    ],
)
def test_a_speaking_mediator_is_no_talks(text: str, expected: set[str]) -> None:
    found = types(text)
    assert "talks" not in found
    assert expected | {"statement"} <= found


# Near misses: the mediator or envoy mediates, meets or travels to talks; that is talks.
@pytest.mark.parametrize(
    "text",
    [
        "The envoy met rebel commanders in the hills on Tuesday.",
        "Brazil and Mexico are acting as mediators between Chile and Peru.",
        "The mediators shuttled between the two hotels for a second day.",
        "The envoy said he would meet both delegations in Arica next week.",
        "The mediator said the talks would resume in Lima on Monday.",
        "Chile said the envoy would hold talks with the Southern Front in Quito.",
        "The Southern Front asked Norway to mediate, its spokesman said.",
    ],
)
def test_mediation_and_meetings_stay_talks(text: str) -> None:
    assert "talks" in types(text)


# Demands, conditions or targets that were met are fulfilled, not a meeting.
@pytest.mark.parametrize(
    "text",
    [
        "The rebels said they would keep the pilots until their demands were met.",
        "Peru will not sign unless its conditions are fully met, the minister said.",
        "The aid targets for the month were not met, the agency said.",
        "Officials said the requirements had been met for the loan to go ahead.",
    ],
)
def test_demands_met_are_no_meeting(text: str) -> None:
    assert "talks" not in types(text)


# Near misses: parties or envoys that met are a meeting.
@pytest.mark.parametrize(
    "text",
    [
        "The two delegations met in Arica to discuss the rebels' demands.",
        "Envoys of both sides met on Monday, the mediator said.",
        "Negotiators met behind closed doors to go over the conditions of the truce.",
    ],
)
def test_parties_that_met_are_talks(text: str) -> None:
    assert "talks" in types(text)


# A release told as the captives' new state, in speech or not: free, freed, released, home.
@pytest.mark.parametrize(
    "text",
    [
        "The ministry said the two pilots were free and on their way to Lima.",
        "The nine fishermen have been released, the coast guard confirmed.",
        '"The hostages are home," the president told the nation.',
        "The rebels denied that the kidnapped engineers had been set free.",
        "All the detainees are now free, the mediator announced.",
        "The abducted students were let go near the river, the governor said.",
    ],
)
def test_captives_told_free_are_a_release(text: str) -> None:
    assert "prisoner_exchange" in types(text)


# Near misses: free to act, released from hospital, documents released, troops back home.
@pytest.mark.parametrize(
    "text",
    [
        "Civilians are free to leave the valley, the army said.",
        "The wounded soldiers were released from hospital on Friday.",
        "The casualty figures were released by the ministry on Monday.",
        "The valley is free of mines now, the governor said.",
        "The troops are back home after the exercise.",
        "The people are free to choose their leaders, the president said.",
    ],
)
def test_other_freedoms_are_no_release(text: str) -> None:
    assert "prisoner_exchange" not in types(text)


# A call or contact between leaders told in speech: talks.
@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister said she had spoken with her Chilean counterpart on Friday.",
        "The president talked to his counterpart from Peru about the border, the palace said.",
        "The prime minister said he had spoken with the rebel leader twice this month.",
        "Officials said the two governments were in regular contact through intermediaries.",
        "The army denied any secret contacts with the Southern Front.",
    ],
)
def test_calls_and_contacts_between_leaders_are_talks(text: str) -> None:
    assert "talks" in types(text)


# Near misses: talking to the press or the families, speaking of a counterpart.
@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke highly of her counterpart.",
        "The president talked with the families of the victims.",
        "The minister had been in contact with the press about the case.",
        "Officials said they were in touch with the relatives of the missing men.",
    ],
)
def test_talking_to_others_is_no_talks(text: str) -> None:
    assert "talks" not in types(text)


# Talks told by their course, which a speaking mediator no longer stands in for: the sides engaged
# constructively, gaps between the parties narrowed or remain.
@pytest.mark.parametrize(
    "text",
    [
        "The envoy said the two delegations had engaged constructively in Arica.",
        "Both parties engaged in good faith over two days, the mediators said.",
        "The third session narrowed the differences between the two sides, the envoy said.",
        "Gaps between the delegations remain on the map of the buffer zone, a diplomat said.",
    ],
)
def test_the_course_of_talks_is_talks(text: str) -> None:
    assert "talks" in types(text)


# Near misses: engaged in fighting, gaps in society or in the polls.
@pytest.mark.parametrize(
    "text",
    [
        "The reforms narrowed the gap between rich and poor, the minister said.",
        "The army engaged rebel positions with artillery.",
        "The gap between the parties in the opinion polls has narrowed, the survey found.",
    ],
)
def test_other_gaps_and_engagements_are_no_talks(text: str) -> None:
    assert "talks" not in types(text)


# Military aid told as a package, a tranche or a delivery of arms, or as arms received from a
# state; arms seized or bought from smugglers are no aid.
@pytest.mark.parametrize(
    "text",
    [
        "The minister announced a fresh package of armoured vehicles for the army of Peru.",
        "Chile denied that it had received weapons from its northern neighbour.",
        "A second tranche of ammunition will reach Lima next month, the embassy said.",
        "The rebels claimed the government had obtained air-defence systems from Brazil.",
    ],
)
def test_arms_given_or_received_are_aid(text: str) -> None:
    assert "aid" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The militia received arms from smugglers across the river, the police said.",
        "A consignment of weapons was seized at the port of Arica.",
        "The army received new rifles from the factory in Callao.",
    ],
)
def test_arms_seized_or_bought_are_no_aid(text: str) -> None:
    assert "aid" not in types(text)
