"""Recall where the rules were blind: events referred back to, releases, talks and accords.

Every sentence is invented (issue 13, branch read/recall): each table holds the probes that
exposed a gap, and near misses that must keep their type. A previous sentence of "_" means none.
"""

import pytest

from streams.core.read.classify import classify_sentence, classify_sentences


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


def types_after(previous: str, text: str) -> set[str]:
    texts = [text] if previous == "_" else [previous, text]
    return {label.type for label in classify_sentences(texts, [False] * len(texts))[-1]}


# A definite noun of an event kind ("the operation", "the blast", "the ceremony", "the session"),
# the people of a release ("among them", "most of them had been held") or the terms of an accord
# ("it also provides", "no reported violations") carry the type of the sentence before, when
# that sentence names an event of that kind (README rule 9).
@pytest.mark.parametrize(
    ("previous", "text", "kind"),
    [
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "The operation was completed under the supervision of the Red Cross.",
            "prisoner_exchange",
        ),
        (
            "Rebels released 12 captured soldiers on Friday.",
            "This positive step means families will be together for the holiday, he said.",
            "prisoner_exchange",
        ),
        (
            "The sides swapped 150 detainees in the border town.",
            "The group was taken by bus to the capital.",
            "prisoner_exchange",
        ),
        (
            "The sides swapped 150 detainees in the border town.",
            "The men were driven to a military hospital for checks.",
            "prisoner_exchange",
        ),
        (
            "The government freed 40 rebel fighters under the deal.",
            "The process took six hours.",
            "prisoner_exchange",
        ),
        (
            "The government freed 40 rebel fighters under the deal.",
            "The handover took place at a crossing near the river.",
            "prisoner_exchange",
        ),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "The incident prompted widespread airspace closures.",
            "strike",
        ),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "The attack drew condemnation from the United Nations.",
            "strike",
        ),
        (
            "Artillery shelled the market town at dawn.",
            "The bombardment lasted three hours.",
            "strike",
        ),
        (
            "Missiles hit an army base in the north.",
            "The blast was heard across the city.",
            "strike",
        ),
        (
            "Missiles hit an army base in the north.",
            "The raid was the deadliest this year.",
            "strike",
        ),
        (
            "The two sides signed a ceasefire agreement on Monday.",
            "There have been no reported violations since.",
            "agreement",
        ),
        (
            "The two sides signed a ceasefire agreement on Monday.",
            "Any serious breach by either side would free the other of its duties.",
            "agreement",
        ),
        (
            "The two sides signed a ceasefire agreement on Monday.",
            "The ceremony took place at the foreign ministry.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "The document provides for the withdrawal of troops within 90 days.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "It also provides for a joint border commission.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "Its terms include the return of displaced families.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "The text calls for elections within a year.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "The signing was witnessed by the African Union.",
            "agreement",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "The meeting lasted four hours.",
            "talks",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "The session ended without a joint statement.",
            "talks",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "The encounter took place in a friendly atmosphere.",
            "talks",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "The discussions focused on the border and water rights.",
            "talks",
        ),
        (
            "The delegations negotiated in Jeddah for a week.",
            "The next round is due in two weeks.",
            "talks",
        ),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "The blast killed two guards, the governor said.",
            "strike",
        ),
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "The handover was mediated by the Gulf state.",
            "prisoner_exchange",
        ),
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "Among them were 12 wounded men, the ministry said.",
            "prisoner_exchange",
        ),
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "This humanitarian gesture was welcomed by the United Nations.",
            "prisoner_exchange",
        ),
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "The process was delayed by bad weather at the crossing.",
            "prisoner_exchange",
        ),
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "The returnees were taken to a rehabilitation centre.",
            "prisoner_exchange",
        ),
        (
            "Rebels released 12 captured soldiers on Friday.",
            "They were flown to the capital aboard a military plane.",
            "prisoner_exchange",
        ),
        (
            "Rebels released 12 captured soldiers on Friday.",
            "Most of them had been held for over a year.",
            "prisoner_exchange",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "The event was attended by three heads of state.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "Its provisions include a phased withdrawal.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "The first phase calls for a ceasefire within 48 hours.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "Serious violations have been reported in the east.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "It requires both armies to pull back 10 km.",
            "agreement",
        ),
        (
            "Rebels shelled the airport on Thursday.",
            "The assault forced the closure of the runway.",
            "strike",
        ),
        ("Rebels shelled the airport on Thursday.", "The barrage damaged two aircraft.", "strike"),
        (
            "Rebels shelled the airport on Thursday.",
            "The operation was launched at dawn.",
            "strike",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "The conversation covered trade and the border.",
            "talks",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "The second session is set for Friday.",
            "talks",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "They discussed the border and water rights.",
            "talks",
        ),
        (
            "The rebels handed over 40 captured soldiers to the Red Cross.",
            "The operation took place at a crossing near the river.",
            "prisoner_exchange",
        ),
        (
            "The rebels handed over 40 captured soldiers to the Red Cross.",
            "Many of them had been held since the spring.",
            "prisoner_exchange",
        ),
        (
            "Kidnappers freed three aid workers on Sunday.",
            "All of them were in good health, the agency said.",
            "prisoner_exchange",
        ),
        (
            "The parties signed a truce in the capital on Friday.",
            "Isolated violations were reported in the north on Sunday.",
            "agreement",
        ),
        (
            "The parties signed a truce in the capital on Friday.",
            "The text also provides for a monitoring team.",
            "agreement",
        ),
        (
            "The parties signed a truce in the capital on Friday.",
            "Its terms were not made public.",
            "agreement",
        ),
        (
            "A missile struck a hospital in the city on Monday.",
            "The explosion was heard several kilometres away.",
            "strike",
        ),
        (
            "A missile struck a hospital in the city on Monday.",
            "The incident was condemned by the health ministry.",
            "strike",
        ),
        (
            "The envoys met in Vienna for a second day.",
            "The session lasted late into the night.",
            "talks",
        ),
        (
            "The envoys met in Vienna for a second day.",
            "The encounter was described as frank.",
            "talks",
        ),
        (
            "The envoys met in Vienna for a second day.",
            '"We made real progress, but gaps remain," he said.',
            "talks",
        ),
        (
            "The delegations held a fourth round of negotiations in Cairo.",
            "Officials reported limited progress on the maps.",
            "talks",
        ),
        (
            "The delegations held a fourth round of negotiations in Cairo.",
            "There was no progress on the question of the port.",
            "talks",
        ),
        (
            "The parties signed a truce in the capital on Friday.",
            "The envoy said it must be followed by a withdrawal of troops.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "It will be monitored by a joint commission.",
            "agreement",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "They must now be implemented in full, the mediator said.",
            "agreement",
        ),
    ],
)
def test_a_sentence_referring_back_takes_the_type_of_the_event_named_before(
    previous: str, text: str, kind: str
) -> None:
    assert kind in types_after(previous, text)


# With no antecedent, or one of another kind, the same words type as nothing of that kind; an
# event noun that is only the object of speech ("would investigate the incident") is not a
# report of it.
@pytest.mark.parametrize(
    ("previous", "text", "kind"),
    [
        (
            "_",
            "The operation was completed under the supervision of the army.",
            "prisoner_exchange",
        ),
        (
            "Government troops shelled the village overnight.",
            "The operation was completed by dawn, the army said.",
            "prisoner_exchange",
        ),
        (
            "_",
            "This positive step means growth will return, the minister said.",
            "prisoner_exchange",
        ),
        ("_", "The incident prompted widespread airspace closures.", "strike"),
        (
            "The ministers met in Geneva on Tuesday.",
            "The incident prompted a protest from the host country.",
            "strike",
        ),
        ("_", "The blast of cold weather closed schools.", "strike"),
        ("_", "There have been no reported violations of human rights law.", "agreement"),
        (
            "The ministers met in Geneva on Tuesday.",
            "The ceremony took place at the foreign ministry.",
            "agreement",
        ),
        ("_", "The document provides for a new tax on imports.", "agreement"),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "Any breach of the perimeter was reported.",
            "agreement",
        ),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "The session of parliament ended early.",
            "talks",
        ),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "The army said it would investigate the incident.",
            "strike",
        ),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "Officials called for calm after the incident, but no inquiry was opened.",
            "strike",
        ),
        ("_", "The event was attended by three heads of state.", "agreement"),
        ("_", "Its provisions include a new tax on fuel.", "agreement"),
        ("_", "It requires a new battery every month.", "agreement"),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "The process was delayed by bad weather.",
            "prisoner_exchange",
        ),
        (
            "The leaders signed a peace accord in the capital.",
            "The operation was completed by noon.",
            "prisoner_exchange",
        ),
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "The operation was launched at dawn.",
            "strike",
        ),
        (
            "Rebels shelled the airport on Thursday.",
            "The session of the court ended early.",
            "talks",
        ),
        ("_", "Among them were 12 wounded men, the ministry said.", "prisoner_exchange"),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "Among them were 12 wounded men, the ministry said.",
            "prisoner_exchange",
        ),
        (
            "The two countries exchanged 90 prisoners of war on Monday.",
            "Some of those who spoke said the wait was long.",
            "prisoner_exchange",
        ),
        (
            "Drones struck a fuel depot near the port on Sunday.",
            "The event was attended by three heads of state.",
            "agreement",
        ),
        (
            "The parties signed a truce in the capital on Friday.",
            "All of them were in good health, the agency said.",
            "prisoner_exchange",
        ),
        (
            "A missile struck a hospital in the city on Monday.",
            "Its terms were not made public.",
            "agreement",
        ),
        (
            "A missile struck a hospital in the city on Monday.",
            "The session lasted late into the night.",
            "talks",
        ),
        ("_", "The session lasted late into the night.", "talks"),
        ("_", "Isolated violations were reported in the north on Sunday.", "agreement"),
        ("_", '"We made real progress, but gaps remain," he said.', "talks"),
        (
            "A missile struck a hospital in the city on Monday.",
            "Officials reported limited progress on the repairs.",
            "talks",
        ),
        (
            "The foreign ministers held talks in Doha on Monday.",
            "It must be followed by a second round, the envoy said.",
            "agreement",
        ),
        ("_", "It must be followed by a withdrawal of troops, the envoy said.", "agreement"),
    ],
)
def test_without_an_antecedent_of_its_kind_a_referring_noun_types_as_nothing(
    previous: str, text: str, kind: str
) -> None:
    assert kind not in types_after(previous, text)


# Releases told by who was held (abductees, kidnap victims, jailed rebels) and how they came home.
@pytest.mark.parametrize(
    "text",
    [
        "Twenty captives were handed over to their families at the border crossing.",
        "The abductees were reunited with their families in the capital on Sunday.",
        "Forty detainees were flown home on a chartered plane.",
        "The hostages walked free after nine months in captivity.",
        "The president pardoned 200 political prisoners as part of the peace deal.",
        "The two sides agreed to an all-for-all exchange of prisoners.",
        "The sides agreed to exchange all prisoners on an all for all basis.",
        "The Red Cross acted as a neutral intermediary in the release of the soldiers.",
        "The ICRC acted as neutral intermediary for the transfer of 70 detainees.",
        "Buses carrying the freed men crossed into government territory.",
        "The parties exchanged lists of detainees through the mediators.",
        "Rebels handed over 15 captured policemen to a church delegation.",
        "The civilians held by the militia were set free on Tuesday.",
        "Nine prisoners of war were repatriated via a third country.",
        "The captured pilots were returned to their country in a swap.",
        "Thirty abducted villagers were released by the armed group on Monday.",
        "The hostages were transferred to the custody of the Red Cross.",
        "The released detainees were taken to a hospital for medical checks.",
        "Kidnapped aid workers were freed unharmed after talks with the clan elders.",
        "Eighty soldiers held captive since the spring returned home on Friday.",
        "The deal provides for the release of all abductees held by both sides.",
        "The Red Cross facilitated the return of 12 detained fishermen.",
        "Families gathered at the airport to greet the returning prisoners.",
        "The kidnap victims were handed to local officials on Wednesday.",
        "A plane carrying 150 former captives landed at the military airport.",
        "The men, held since 2021, were released in exchange for two convicted agents.",
        "In return, the government released 60 jailed rebels.",
        "The exchange took place on the bridge over the river.",
        "Both sides handed over the remains of dead soldiers.",
        "The two women were freed in a deal brokered by Qatar.",
        "The court freed all jailed opponents of the former regime.",
        "The two sides agreed to swap all captives held since the war.",
        "The deal calls for the release of 300 detainees in three stages.",
        "A second flight carrying freed hostages left the capital on Saturday.",
        "The lists of prisoners to be exchanged were handed to the mediators.",
        "Buses carrying the released detainees crossed the front line at noon.",
        "The kidnapped engineers were set free on Thursday, their employer said.",
        "The rebels freed six soldiers as a goodwill gesture.",
        "The abductees returned home after eight months in captivity.",
        "The government pardoned 50 rebel fighters under the amnesty.",
        "The bodies of 20 soldiers were repatriated through the crossing.",
        "Hostages held by the militants were released to tribal elders.",
        "Ten fishermen detained at sea were returned to their country.",
        "The freed captives were reunited with their families at the airport.",
        "The junta released about 100 detained activists on Independence Day.",
        "The authorities freed dozens of imprisoned opposition members.",
        "Twelve soldiers captured during the border clashes have crossed back into their country.",
        "Two sailors detained since March have returned home, the ministry said.",
        "The fishermen abducted by pirates had arrived home by Sunday.",
    ],
)
def test_releases_and_returns_of_people_held_are_prisoner_exchanges(text: str) -> None:
    assert "prisoner_exchange" in types(text)


# Transfers between prisons, arrests, hostage-taking, bail and people never held.
@pytest.mark.parametrize(
    "text",
    [
        "The prison transferred 40 inmates to a new jail in the south.",
        "The company released its quarterly figures on Monday.",
        "The police detained 30 protesters in the capital.",
        "The army handed over the base to the peacekeepers.",
        "The fighters were flown to the front in helicopters.",
        "The hostages were killed when troops stormed the building.",
        "The rebels took 30 hostages in the raid on the village.",
        "Students were reunited with their classmates after the holidays.",
        "Authorities released the journalist on bail pending trial.",
        "The detainees were moved to a prison in the north.",
        "The abductees were last seen near the forest road.",
        "The army released a video of captured fighters.",
        "Police arrested 12 men suspected of kidnapping.",
        "The kidnappers demanded a ransom for the hostages.",
        "The detainees went on hunger strike last week.",
        "The abductees are believed to be held in the forest.",
        "The army released footage of captured fighters.",
        "The detainees were freed on bail after a court hearing.",
        "Troops captured the hill and have returned to their bases.",
        "The rebels who captured the town have crossed into the next province.",
        "Reservists detained in the drill have crossed into the training area.",
    ],
)
def test_custody_that_goes_on_or_begins_is_not_a_prisoner_exchange(text: str) -> None:
    assert "prisoner_exchange" not in types(text)


# A speaker reporting talks: views exchanged, progress made or positions moving closer by the
# sides (not by a company or a laboratory).
@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister said the sides discussed the border and the return of refugees.",
        "The envoy told reporters the negotiations had made progress.",
        "The spokesman said the two delegations had discussed a timetable for withdrawal.",
        "The minister said the two leaders talked by phone for an hour.",
        "He said the parties exchanged views on security arrangements.",
        "The mediator said both sides had engaged constructively over three days.",
        "She said the delegations would reconvene next week in Nairobi.",
        "The envoy said the rounds in Doha had narrowed the gaps between the parties.",
        "The official said the two sides made further progress on the text.",
        "The negotiators said the gap between the parties had narrowed.",
        "The minister said the leaders spoke by telephone on Tuesday.",
        "The president said he discussed the ceasefire with his counterpart.",
        "The delegations have made some headway on prisoner lists, the mediator said.",
        "The president said the talks had made progress on the prisoner file.",
        "The mediator said the delegations exchanged views on the ceasefire map.",
        "Officials said the parties made little progress in the latest round.",
        "The spokesperson told reporters the two sides discussed the release of detainees.",
        "He said the two countries were moving closer on the border question.",
        "Negotiators have made headway on the security annex, a diplomat said.",
    ],
)
def test_talks_reported_by_a_speaker_are_talks(text: str) -> None:
    assert "talks" in types(text)


# Discussion, progress and closeness outside diplomacy.
@pytest.mark.parametrize(
    "text",
    [
        "The teacher said the students discussed the novel in class.",
        "The minister said prices had made progress toward stability.",
        "The coach said the team talked about the match.",
        "The company said sales were moving closer to targets.",
        "Scientists have made progress on a vaccine.",
        "Engineers said the project has made progress this year.",
        "The economy said to be moving closer to recession.",
        "Researchers reported progress in the trial.",
    ],
)
def test_discussion_and_progress_outside_diplomacy_are_not_talks(text: str) -> None:
    assert "talks" not in types(text)


# Accords by their terms, coming into force, violation, a present-tense "the sides agree to",
# a memorandum "signed in May" and obligations reaffirmed under humanitarian law (README rule 3).
@pytest.mark.parametrize(
    "text",
    [
        "Under the deal, troops will withdraw within 30 days.",
        "The accord stipulates that fighters must disarm within six months.",
        "The truce, which took effect at midnight, has largely held.",
        "Both sides accused each other of violations of the truce.",
        "The ceasefire came into force at dawn.",
        "The agreement expires at the end of the month.",
        "The two sides extended the ceasefire by another 72 hours.",
        "The rebels declared a unilateral ceasefire on Sunday.",
        "The government and the rebels pledged to respect the truce.",
        "The parties committed to allow safe passage for civilians.",
        "The parties reaffirmed their commitment to protect civilians.",
        "The two armies agree to withdraw from the border villages.",
        "The sides agreed to withdraw their troops from the disputed villages.",
        "The truce was broken within hours by heavy shelling.",
        "The memorandum, initialled in May, sets out a timetable for disarmament.",
        "The deal is conditional on the release of all prisoners.",
        "Both sides reaffirmed their obligations under international humanitarian law.",
        "Both sides reaffirmed their commitment to the protection of civilians.",
        "The warring parties agree that aid convoys must pass freely.",
        "The truce has held since it took effect on Friday.",
        "The ceasefire will be extended for another month under the deal.",
        "The memoranda, signed in the capital, cover trade and security.",
        "Both sides accused each other of breaching the ceasefire.",
        "The parties agree on the need for a monitoring team, the mediator said.",
    ],
)
def test_accords_named_by_their_terms_are_agreements(text: str) -> None:
    assert "agreement" in types(text)


# Failed accords, one party's pledges, commitments to other ends and agreement in opinion.
@pytest.mark.parametrize(
    "text",
    [
        "The two sides failed to reach an agreement on the border.",
        "We agree that the weather has been poor this year.",
        "The rebels reaffirmed their commitment to armed struggle.",
        "The two countries agree on little beyond trade, analysts say.",
        "The minister reaffirmed his commitment to reform.",
        "The sides reaffirmed their commitment to a lasting peace.",
        "Analysts agree that the economy will slow.",
        "Critics agree that the plan is too costly.",
    ],
)
def test_failed_accords_and_commitments_to_other_ends_are_not_agreements(text: str) -> None:
    assert "agreement" not in types(text)


# The arrangements of the talks themselves (CONVENTIONS A3): a round's date, venue or agenda, the
# roles of third parties, talks convened: talks, not an agreement reached.
@pytest.mark.parametrize(
    "text",
    [
        "Both delegations said they had agreed that the next round would open in Tarma on May 3.",
        "The envoys agreed on a six-point agenda for the coming session.",
        "Uruguay has agreed to act as guarantor of whatever the two sides sign.",
        "Three states agreed on Friday to convene proximity talks between the factions in Lima.",
        "The invitations went out once both parties had agreed to have observers in the room.",
    ],
)
def test_arrangements_of_the_talks_are_not_agreements(text: str) -> None:
    assert "agreement" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # near misses: an accord reached in the same words' company is still one
        "The two sides agreed on a ceasefire that takes effect at midnight.",
        "The delegations agreed to exchange 40 prisoners each before the next round.",
        "The parties agreed that the truce would be extended by a month.",
    ],
)
def test_an_accord_beside_the_talks_is_still_an_agreement(text: str) -> None:
    assert "agreement" in types(text)
