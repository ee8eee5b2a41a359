"""The snippet's process key (branch state/keys11): a known war's state and a neighbour that the
snippet calls two states, a country's all-capitals label heading a bulletin, foreign hostages
named by nationality and trade, and a state thanked for its good offices.

Every sentence is invented (places, people, groups, figures); none is news text.
"""

from collections import Counter
from datetime import UTC, datetime

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.frames import outsiders
from streams.core.read.gazetteer import find_mentions

PUBLISHED = datetime(2043, 5, 4, tzinfo=UTC)


def _keys(text: str) -> Counter[str]:
    """Events per process key."""
    return Counter(e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED)))


# 1. A known war's state and a neighbour the snippet calls two states ------------------------

BOTH_GOVERNMENTS = (
    "First joint patrol sails on the Lurio shoals\n\n"
    "A Tanzanian patrol boat and a Mozambican corvette sailed together on Monday. The fisheries "
    "commission agreed in Dodoma will meet in Pemba on October 2, Mozambique's fisheries ministry "
    "said. Both governments have now freed all the fishermen they held, in two handovers."
)

TWO_NEIGHBOURS = (
    "ANALYSIS: A thaw on the ridge\n\n"
    "The ridge crisis was the worst between the two neighbours in a decade. Nigeria's army now "
    "says four of its soldiers died; Benin puts its own dead at six. Officials in both capitals "
    "say they expect the talks in Cotonou to deal with the grazing routes."
)

COMMON_BORDER = (
    "The chiefs of staff of Nigeria and Benin spoke by telephone on Tuesday for the first time "
    "since the truce and agreed to meet in Cotonou. They reviewed the situation along the common "
    "border, the Nigerian army said."
)


def test_both_governments_tell_the_two_states_own_dispute() -> None:
    keys = _keys(BOTH_GOVERNMENTS)
    assert "MZ--TZ" in keys
    assert "IS--MZ" not in keys


def test_the_two_neighbours_and_both_capitals_tell_the_two_states_own_crisis() -> None:
    keys = _keys(TWO_NEIGHBOURS)
    assert "BJ--NG" in keys
    assert "NG--NG-BOKOHARAM" not in keys


def test_their_common_border_tells_the_two_states_own_talks() -> None:
    keys = _keys(COMMON_BORDER)
    assert "BJ--NG" in keys
    assert "NG--NG-BOKOHARAM" not in keys


def test_control_two_governments_beside_the_wars_group_named_keep_the_war() -> None:
    # The war's group is named: "both governments" may be allies against it.
    text = (
        "Nigeria's government and Boko Haram negotiators met in Doha on Tuesday for talks on the "
        "release of abducted schoolgirls. Both governments, Nigeria and Niger, said the girls "
        "would be flown to Maiduguri."
    )
    assert "NG--NG-BOKOHARAM" in _keys(text)


def test_control_two_states_words_beside_a_war_of_two_states_decide_nothing() -> None:
    # The war's other side is a state: "the two countries" may be the war's own two sides.
    text = (
        "Kyrgyzstan and Kazakhstan said on Monday that the two countries would keep pressing for "
        "talks on the Batken line."
    )
    assert "KG--KZ" not in _keys(text)


# 2. A country's all-capitals label heading a bulletin ----------------------------------------


def test_a_capitals_country_label_names_the_state_the_group_fights() -> None:
    text = (
        "CHAD: Dorvik Flash Update 2 (as of 28 February)\n\n"
        "On 26 February the Dorvik Liberation Front (DLF) released two engineers to the observer "
        "team at Beyoro. The talks in Libreville are due to resume on 20 March."
    )
    keys = _keys(text)
    assert "DLF--TD" in keys
    assert "DLF" not in keys


def test_a_capitals_label_of_several_words_names_its_state() -> None:
    text = (
        "CENTRAL AFRICAN REPUBLIC: Ombella situation report\n\n"
        "The Ombella People's Front (OPF) freed four detained teachers on Monday, the monitoring "
        "mission said."
    )
    assert "CF--OPF" in _keys(text)


def test_control_a_capitals_label_naming_no_state_keys_nothing_new() -> None:
    text = (
        "WHAT WE KNOW SO FAR: the Dorvik talks\n\n"
        "The Dorvik Liberation Front (DLF) released two engineers on Monday."
    )
    assert set(_keys(text)) <= {"DLF", "unassigned"}


def test_control_a_label_of_a_region_named_after_a_state_is_no_state() -> None:
    text = (
        "NIGER DELTA: creek update\n\n"
        "The Delta Creeks Front (DCF) released two engineers on Monday, the company said."
    )
    assert "NE" not in {code for key in _keys(text) for code in key.split("--")}


# 3. Foreign hostages named by nationality and trade ------------------------------------------


def test_hostages_named_by_nationality_and_trade_are_no_side() -> None:
    text = (
        "Three aid workers abducted in January, a Danish nurse, a Chilean engineer and an "
        "Indonesian driver, were freed on Tuesday by the Ombella People's Front (OPF), the "
        "Central African government said."
    )
    keys = _keys(text)
    assert "CL--DK" not in keys
    assert not any("DK" in key.split("--") or "CL" in key.split("--") for key in keys)


def test_a_counted_few_of_a_trade_are_no_side() -> None:
    text = (
        "The Kivara Valley Movement (KVM) released two Austrian geologists on Thursday, handing "
        "them to the mediators at Tassara; Niger's government freed eleven KVM detainees."
    )
    keys = _keys(text)
    assert not any("AT" in key.split("--") for key in keys)


def test_control_soldiers_named_by_demonym_stay_their_states_side() -> None:
    text = "The Liptako People's Front (LPF) freed twelve Burkinabe soldiers on Tuesday."
    assert "BF--LPF" in _keys(text)


# 4. A state lending its good offices ---------------------------------------------------------


def test_a_state_thanked_for_its_good_offices_is_no_side() -> None:
    text = (
        "PRESS RELEASE: Statement by the Government of Lesotho on the Gaborone consultations\n\n"
        "The Government of Lesotho has taken note of the proposal that a second meeting be held "
        "on 3 February. The Government thanks the Government of Botswana for its good offices."
    )
    keys = _keys(text)
    assert "BW--LS" not in keys
    assert "LS" in keys


def test_a_meeting_arranged_through_a_states_good_offices_keeps_its_sides() -> None:
    text = (
        "The Guinean government said on Monday that a second meeting with the Tamba Ridge "
        "Movement (TRM) would be held in Dakar through the good offices of the Republic of "
        "Senegal, and that it was grateful to Senegal's good offices."
    )
    keys = _keys(text)
    assert "GN--TRM" in keys
    assert not any("SN" in key.split("--") for key in keys)


def test_control_a_state_that_thanks_its_counterpart_stays_a_side() -> None:
    text = "Chile thanked Peru for the release of the fishermen and said both would meet in Lima."
    assert "CL--PE" in _keys(text)


# 5. A group's bare acronym after its fighters or detained members; a capital qualifying a
# government word ------------------------------------------------------------------------------


def test_fighters_of_a_bare_acronym_name_a_group_and_the_capitals_regime_its_state() -> None:
    text = (
        "The gallant fighters of the KLF repulsed an attack on the village of Morvale-Teh on 4 "
        "June, killing six soldiers. The Ravenna regime, which says four rebels died, started the "
        "fighting a month after signing the truce. The Front's negotiators took part in a second "
        "session of talks with the government by video link."
    )
    # Ravenna stands for no state in the gazetteer: the group is keyed alone, not unassigned.
    assert "KLF" in _keys(text)


def test_a_capital_before_regime_or_government_is_its_state_acting() -> None:
    text = (
        "The fighters of the KLF freed two soldiers on Monday. The Kinshasa government said the "
        "talks with the KLF would resume in Luanda."
    )
    assert "CD--KLF" in _keys(text)


def test_detained_members_of_a_bare_acronym_are_a_groups_people() -> None:
    text = (
        "Twenty detained members of the KLF and eight government soldiers were handed over at "
        "the Morvale bridge on Friday in the first stage of the release agreed in Luanda, the "
        "Congolese army said."
    )
    keys = _keys(text)
    assert any("KLF" in key.split("--") for key in keys)


def test_control_a_capital_as_a_place_stays_a_place() -> None:
    text = "The fighters of the KLF freed two soldiers near Kinshasa on Monday."
    assert not any("CD" in key.split("--") for key in _keys(text))


# 6. A state listing a group's people on its sanctions list acts from outside ----------------


def _outside_states(text: str) -> set[str]:
    """The states the sentence names as acting on the conflict from outside (`outsiders`)."""
    actors, _ = find_mentions(text)
    starts = outsiders(text, actors)
    return {m.code for m in actors if m.start in starts}


def test_a_state_adding_commanders_to_its_sanctions_list_acts_from_outside() -> None:
    text = "The United States added three commanders of the EPO to its sanctions list on Monday."
    assert _outside_states(text) == {"US"}


def test_announced_that_it_keeps_the_states_subject() -> None:
    # "announced that it": the "that" is no new subject of the act.
    assert _outside_states(
        "The Treasury of the United States announced that it included in its list of sanctions "
        "three commanders of the EPO."
    ) == {"US"}
    assert _outside_states("Spain announced that it would send aid to the displaced.") == {"ES"}


def test_control_a_state_reporting_anothers_act_is_no_outsider() -> None:
    assert _outside_states("Chile announced that the rebels welcomed the aid.") == set()


# 7. States consulting both parties; a group holding hostages; a neighbour blamed for mines ----


def test_states_that_consult_both_parties_act_from_outside() -> None:
    assert _outside_states(
        "Gabon and Senegal said they would consult both parties on the date of the next round."
    ) == {"GA", "SN"}


def test_states_consulting_both_parties_are_no_sides_beside_a_group_holding_hostages() -> None:
    text = (
        "The second round of talks in Libreville ended on Saturday without an agreement. The head "
        "of the Government delegation said the group had come to bargain. The ZLM said it was "
        "holding the remaining nine hostages in good health. Gabon and Senegal said they would "
        "consult both parties on the date of the next round."
    )
    keys = _keys(text)
    assert "GA--SN" not in keys
    assert "ZLM" in keys


def test_a_neighbour_blamed_for_laying_mines_is_the_states_own_dispute() -> None:
    text = (
        "A landmine killed two herders near Chirongwe on Sunday, police said. Malawi blamed "
        "Mozambican troops for laying mines after the ceasefire, a charge the Mozambican "
        "delegation to the border talks denied."
    )
    keys = _keys(text)
    assert "MW--MZ" in keys
    assert "IS--MZ" not in keys


# 8. A known war's prior gives way to what only two states have, or to another group's head ---


def test_a_border_war_ended_by_a_state_alone_is_no_news_of_its_known_war() -> None:
    text = (
        "President Tembe Cossa of Mozambique and his neighbour signed the Chirongwe Accord on "
        "Saturday at a summit hosted by Zambia, ending the border war. The two leaders agreed to "
        "release all remaining prisoners of war within three weeks."
    )
    keys = _keys(text)
    assert "IS--MZ" not in keys
    assert "MZ" in keys


def test_a_group_called_the_front_is_no_news_of_the_known_war() -> None:
    text = (
        "MAPUTO, Aug 24 — The army said it killed 11 insurgents in an attack on a Front base near "
        "Lumbo on Saturday. The Front's radio said 14 soldiers died. A government spokesman said "
        "the September round was still possible. The Front said it would not attend any talks "
        "until the third exchange had taken place."
    )
    keys = _keys(text)
    assert "IS--MZ" not in keys
    assert "MZ" in keys


def test_control_the_known_war_named_keeps_its_key() -> None:
    text = (
        "MAPUTO, Aug 24 — The army said it killed 11 Islamic State fighters near Lumbo on "
        "Saturday. Islamic State said 14 soldiers died in the same clash."
    )
    assert "MZ" not in _keys(text)


def test_control_a_front_line_is_no_group() -> None:
    text = (
        "MAPUTO, Aug 24 — The army said it killed 11 insurgents near Lumbo on Saturday, and that "
        "the front line had moved north. Islamic State said 14 soldiers died."
    )
    assert "MZ" not in _keys(text)


def test_a_bare_acronym_that_opens_a_round_with_a_state_is_its_group() -> None:
    text = (
        "Chad and the DLF opened a second round in Libreville on Friday, the Gabonese foreign "
        "ministry said."
    )
    keys = _keys(text)
    assert "DLF--TD" in keys
    assert "GA--TD" not in keys


def test_control_a_known_body_that_opens_a_session_is_no_group() -> None:
    text = "Chad and the AU opened a session on the refugees in Addis Ababa on Friday."
    assert not any("AU" in key.split("--") and len(key.split("--")) == 2 for key in _keys(text))
