"""Talks still missed after read/talks, and their near misses (issue 13, branch read/talks3).

Every sentence is invented. LABELS.md: talks are negotiations, rounds, meetings or calls between
parties or their envoys about the conflict, mediation and consultations, also planned, postponed
or refused; a meeting unrelated to any dispute, or a bare visit, is not talks.
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# A round named by its venue or month, placed in a sequence, counted as held, or a headline's
# verbless return to the table.
@pytest.mark.parametrize(
    "text",
    [
        "The Vessa round, the second this spring, closed without a communique.",
        "The Tarnow sitting is due to end on Friday.",
        "The rebels said they would skip the March round.",
        "Kenya offered to host a later round in Naivasha.",
        "The date of the next sitting is still open.",
        "LIVE: day three of the Kolwe round",
        "Four rounds have been held so far, all of them in Lumbeta.",
        "Junta and Delta Front back at the table in Port Arden",
    ],
)
def test_rounds_named_counted_or_placed_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Senate session ran late into the night over the budget.",
        "The Olympic round of qualifiers starts in Kolwe on Monday.",
        "The second round of voting was held on Sunday.",
        "The Davis Cup round in Vessa was moved indoors.",
        "Day two of the Kolwe tournament was lost to rain.",
        "The family was back at the table for the evening meal.",
        "The Morning session of the school fair opens at nine.",
    ],
)
def test_sittings_of_other_bodies_and_fixtures_are_not(text: str) -> None:
    assert "talks" not in types(text)


# A third party consulting or sounding the sides, its facilitation named as a noun, messages
# carried through intermediaries, a counterpart seen or received, an emissary's errand.
@pytest.mark.parametrize(
    "text",
    [
        "The mediator consulted both parties separately on the prisoner lists.",
        "Uganda has been consulting the junta and the Delta Front about a new venue.",
        "Zambia is sounding the two camps on a date for the next sitting.",
        "The junta thanked Benin for its quiet facilitation of the Kolwe round.",
        "Word was relayed to the militia via tribal elders in Marsa Kebir.",
        "Messages were carried to the Front's command through a church channel.",
        "The defence minister flew to Lome to see his Togolese counterpart about the border.",
        "An emissary of the governor reached the Front's mountain camp on Sunday.",
        "The Front's leaders have not been contacted yet, the mediation office said.",
        "Invitations went to the government and two armed groups, not to the Delta Youth militia.",
    ],
)
def test_consultations_channels_and_emissaries_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bank consulted its clients and staff on a new date for the move.",
        "The doctor consulted both parents on a date for the operation.",
        "The new rules ease visa facilitation for students.",
        "Trade facilitation was the theme of the customs forum.",
        "The phone company sent messages to customers via text about the outage.",
        "Invitations went to two hundred guests for the wedding in Kolwe.",
        "The museum has not been contacted about the stolen vase.",
    ],
)
def test_consulting_contacting_and_inviting_elsewhere_are_not(text: str) -> None:
    assert "talks" not in types(text)


# A negotiating body or format that sits, resumes or goes over a text; two leaders who go over
# a matter together (a readout's verbs); delegates who meet; a readout.
@pytest.mark.parametrize(
    "text",
    [
        "The technical committee of both armies reviewed the map of the buffer zone.",
        "The security track reconvened in Kolwe after a month's pause.",
        "The joint commission sat again in Vessa on Monday.",
        "The two foreign ministers took stock of the truce along the river.",
        "Both presidents went over the lists of detainees, the readout said.",
        "As the delegates met in Lumbeta, the shelling of Marimba went on.",
        "A Kremlin-style readout described the call as frank.",
    ],
)
def test_bodies_leaders_and_delegates_at_work_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents reviewed the troops at the independence parade.",
        "The party delegates met in Kolwe to elect a new chairman.",
        "The sensor readings were reviewed by two engineers.",
        "The school committee sat until late over the timetable.",
    ],
)
def test_the_same_verbs_of_other_bodies_are_not(text: str) -> None:
    assert "talks" not in types(text)


# An organisation's standing delegation, a civil delegation, an envoy's bare visit or office, a
# local council, negotiation as a general practice: no talks between parties.
@pytest.mark.parametrize(
    "text",
    [
        "The head of the Red Crescent delegation in Vessa toured the central prison.",
        "UNHCR delegates registered new arrivals at the border post.",
        "A delegation of flood victims handed the governor a petition.",
        "The special envoy toured a refugee camp near Kolwe on Sunday.",
        "The envoy's spokesman said the office would move to a new building.",
        '"The rains are late this year," said UN envoy Amara Tesfaye.',
        "The town council met on Monday to approve the new bus routes.",
        "Diplomacy is an art of small steps.",
        "Mediation works best when both sides are tired.",
    ],
)
def test_offices_civil_delegations_and_generic_negotiation_are_not(text: str) -> None:
    assert "talks" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The envoy met the rebel commander at a refugee camp near Kolwe.",
        "The Red Cross delegation helped negotiate the release of 30 soldiers.",
        "Mediation resumed in Kolwe on Monday after a week's pause.",
        "The special envoy said the talks would resume on Monday.",
        "The delegation of the EU to the talks arrived in Vessa.",
    ],
)
def test_the_same_actors_at_the_table_stay_talks(text: str) -> None:
    assert "talks" in types(text)


# A neutral intermediary in a release (CONVENTIONS P5), a contact group, facilitators, the gap
# between two positions, the sides back in the same room.
@pytest.mark.parametrize(
    "text",
    [
        "The second phase of releases, facilitated by the ICRC, freed 40 men on each side.",
        "The junta freed 12 fishermen at a handover overseen by the Red Cross.",
        "The Front released 30 soldiers, as agreed with the army through the Red Crescent.",
        "The contact group on the Tarvo highlands gathers in Kolwe after the rains.",
        "A new date was set through the facilitators, the ministry said.",
        "The gap between the two positions is narrower than it looks, the government said.",
        "Both sides will be back in the same room on Monday.",
    ],
)
def test_intermediaries_formats_and_positions_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry received the list through the ICRC office in Kolwe.",
        "The workshop facilitator handed out the forms.",
        "The gap between the two runners narrowed on the last lap.",
        "The twins sat in the same room all winter.",
    ],
)
def test_the_same_words_without_a_negotiation_are_not(text: str) -> None:
    assert "talks" not in types(text)


# An envoy who only restates a stance, and an organisation's head of delegation, speak; they do
# not negotiate.
@pytest.mark.parametrize(
    "text",
    [
        "The special envoy reiterated that there could be no military solution in the highlands.",
        '"Families deserve news," said Lena Aho, the ICRC\'s head of delegation in Kolwe.',
    ],
)
def test_a_title_and_a_restated_stance_are_statements_only(text: str) -> None:
    assert types(text) == {"statement"}


# Two leaders who meet, speak or spend hours together; proposals traded through an embassy; a
# visit to both capitals; teams that sit down again; a junta or a militia as a party.
@pytest.mark.parametrize(
    "text",
    [
        "The two generals spent three hours together in a tent at the Mavu crossing.",
        "The two foreign ministers spoke for an hour on Tuesday about the border.",
        "Proposals were traded through the Omani embassy for most of the winter.",
        "The visit of the Angolan foreign minister to both capitals ended on Friday.",
        "Government and rebel teams will sit down again in Kolwe after the rains.",
        "After the junta and the Front met in Naivasha, the army left two villages.",
    ],
)
def test_leaders_together_and_shuttles_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The two sisters spent three days together at the lake.",
        "Letters were exchanged through the school for the pen-friend scheme.",
        "The class sat down again after the fire drill.",
    ],
)
def test_together_and_again_without_parties_are_not(text: str) -> None:
    assert "talks" not in types(text)


# Headlines and clauses that name a round without an article, attend rounds in any count, trade
# proposals across the table, or make an overture to the other side; a session that did not
# take place.
@pytest.mark.parametrize(
    "text",
    [
        "Kolwe round ends without deal",
        "The Front, which had refused to attend the first two rounds, sent four delegates.",
        "Rebels, army trade proposals in Kolwe as deadline nears",
        "The junta's overture to the Front came after months of silence.",
        "The sitting planned for Monday in Kolwe did not take place.",
    ],
)
def test_headlines_clauses_and_overtures_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The orchestra played the overture to the opera.",
        "The students exchanged drafts of their essays before the deadline.",
        "Qualifying round ends in Kolwe",
    ],
)
def test_the_same_shapes_elsewhere_are_not(text: str) -> None:
    assert "talks" not in types(text)


# A meeting told by its participants' movements: envoys of both sides arrive or are expected.
@pytest.mark.parametrize(
    "text",
    [
        "Ministers from both capitals are expected in Lumbeta on Thursday.",
        "Officers from the two armies arrived at the Mavu crossing at dawn.",
    ],
)
def test_envoys_of_both_sides_converging_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Teams from both countries flew to Kolwe for the final.",
        "Fans from both towns arrived at the stadium early.",
    ],
)
def test_teams_and_fans_converging_are_not(text: str) -> None:
    assert "talks" not in types(text)
