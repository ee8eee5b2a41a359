"""The snippet's process key (branch state/keys10): a round-up's items of other pairs key no
snippet, and a side of a known conflict is told with its neighbour by their own border.

Every sentence is invented (places, people, groups, figures); none is news text.
"""

from collections import Counter
from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

PUBLISHED = datetime(2042, 5, 4, tzinfo=UTC)


def _keys(text: str) -> Counter[str]:
    """Events per process key."""
    return Counter(e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED)))


def _key_of(text: str, words: str) -> set[str]:
    """The keys of the events read from the sentences holding `words`."""
    found = extract_events(Snippet(text=text, published_at=PUBLISHED))
    return {e.process for e in found if words in e.sentence.text}


# 1. A round-up's item of another pair keys no snippet --------------------------------------

LIVE_PARAGRAPHS = (
    "LIVE: Gabon talks resume in Brazzaville; Cameroonian round set for Douala\n\n"
    "08:00 — Good morning from Brazzaville, where the second round of Gabon's talks opens this "
    "morning in a former railway hall.\n\n"
    "09:40 — The facilitator tells us the first day will be proximity talks.\n\n"
    "13:15 — Cameroon and the Nkam Freedom Movement (FNM) will hold their next round in Douala "
    "on April 30, Chad's foreign ministry said. The Cameroonian army said two FNM fighters were "
    "killed at the weekend.\n\n"
    "16:20 — The Gabonese delegations are now sitting face to face for the first time today."
)


def test_a_live_blogs_item_paragraph_of_another_pair_keys_no_snippet() -> None:
    keys = _keys(LIVE_PARAGRAPHS)
    assert "CM--GA" not in keys
    assert _key_of(LIVE_PARAGRAPHS, "sitting face to face") == {"GA"}
    # the item keeps its own pair
    assert _key_of(LIVE_PARAGRAPHS, "next round in Douala") == {"CM--FNM"}


LIVE_ENTRIES = (
    "LIVE: Kampala talks, day two\n\n"
    "09:30 — Day two has begun, with the delegations split into two working groups. "
    "11:05 — A member of the Ruvu Valley Front (RVF) delegation told us the front wants its "
    "fighters freed first. 13:20 — In Dodoma, a Tanzanian government spokesperson said the talks "
    'were "serious but slow". 15:40 — In the same hotel, Norwegian diplomats are holding '
    "separate consultations with officials from Peru and Ecuador on fishing quotas. 18:10 — The "
    "plenary has ended for the day; talks resume tomorrow at nine."
)


def test_a_timestamped_entry_inside_one_paragraph_is_an_item() -> None:
    assert _key_of(LIVE_ENTRIES, "plenary has ended") == {"RVF--TZ"}
    assert _key_of(LIVE_ENTRIES, "Day two has begun") == {"RVF--TZ"}
    assert "RVF--TZ" not in _key_of(LIVE_ENTRIES, "Norwegian diplomats")


DIGEST = (
    "Across the region: what we are watching this week\n\n"
    "Zambia: The second round of talks with the Luangwa Liberation Front (LLF) will open in "
    "Lilongwe on 22 June. A mine laid by the front hit an army truck near Chisenga-Mwale, the "
    "army said.\n\n"
    "Philippines: Government troops and fighters of the Samar Upland Front clashed near "
    "Lumbang-Ilaya, killing four, the army said.\n\n"
    "Angola–Namibia: Boundary talks ended in Windhoek on Friday without agreement, and both "
    "foreign ministries said they would meet again in Rundu in July."
)


def test_a_digests_sections_of_other_processes_key_no_snippet() -> None:
    assert _key_of(DIGEST, "second round of talks with the Luangwa") == {"LLF--ZM"}
    assert "LLF--ZM" not in _key_of(DIGEST, "Boundary talks ended in Windhoek")
    assert "LLF--ZM" not in _key_of(DIGEST, "Government troops and fighters")


def test_a_digest_section_labelled_by_no_side_is_no_item() -> None:
    # "Summit:" names no side: its sentences may be the lead's process ("the two presidents")
    text = (
        "Around the region\n\n"
        "Guyana–Suriname: The second round will open in Paramaribo on 2 June. On Sunday Guyana "
        "freed 14 Surinamese fishermen.\n\n"
        "Belize–Honduras: Honduran gunboats shelled a Belizean post on the cays, Belize said.\n\n"
        "Summit: Leaders of 30 countries met in Santo Domingo. The two presidents held talks on "
        "its margins for an hour. On the sidelines, Mexico's president met the mediators."
    )
    assert _key_of(text, "held talks on its margins") == {"GY--SR"}
    assert "GY--SR" not in _key_of(text, "Honduran gunboats")


def test_a_wire_storys_short_paragraphs_are_no_items() -> None:
    # one-sentence paragraphs without entries or sections: a story of its own, keyed as before
    text = (
        "Shelling shook the capital on Saturday as talks began in Jeddah.\n\n"
        "Saudi Arabia and the United States said the two sides had agreed a seven-day truce.\n\n"
        "The fighting between the Sudanese army and the Rapid Support Forces began in April."
    )
    assert _keys(text) == _keys(text.replace("\n\n", " "))


def test_a_headline_naming_only_the_leads_side_keeps_it() -> None:
    # "Live: Ecuador peace talks open": the government the body calls "the government"
    text = (
        "Live: Ecuador peace talks open in Uruguay\n\n"
        "09:00 — Good morning from Montevideo, where the government and the Manabí Popular "
        "Resistance Army (MPRA) begin their first round today. "
        "11:15 — The teams are on different floors. "
        "13:30 — Ecuador's trade minister, who flew in with the delegation, met Uruguayan "
        "officials on a beef quota."
    )
    assert _key_of(text, "begin their first round") == {"EC--MPRA"}


def test_a_live_blog_without_an_item_is_keyed_as_before() -> None:
    # the only part naming two sides is the lead: no item
    text = (
        "LIVE: Talks in Gaborone\n\n"
        "09:00 — Namibia and the Aminuis National Front (ANF) opened talks this morning. "
        "12:45 — Botswana's facilitator says the talks are on track. "
        "17:30 — The session has ended."
    )
    assert _key_of(text, "The session has ended") == {"ANF--NA"}


def test_a_state_taking_no_part_in_the_talks_is_no_side() -> None:
    text = (
        "The second round of talks between Zambia and the Luangwa Liberation Front (LLF) will "
        "open in Harare on 11 May. Zimbabwe will take no part in the talks, and Zimbabwe will "
        "send no delegation, Zimbabwe's foreign ministry said."
    )
    assert set(_keys(text)) == {"LLF--ZM"}


# 2. A side of a known conflict told with its neighbour by their own border ------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a boundary commission of the two
        (
            "The Colombia–Ecuador Joint Boundary Commission held its first session in San Isidro "
            "de Mira on Tuesday, and Colombian and Ecuadorian surveyors will walk the line.",
            "CO--EC",
        ),
        # disputed markers settled by the two
        (
            "Colombia and Ecuador settled the last nine disputed markers on Wednesday at the end "
            "of two days of talks in Lima.",
            "CO--EC",
        ),
        # a ceasefire ending their border fighting
        (
            "Mali and Guinea signed a ceasefire in Dakar on Monday, ending two months of border "
            "fighting, Senegal's foreign ministry said.",
            "GN--ML",
        ),
        # their own truce
        (
            "Mozambique and Tanzania agreed on Monday to restore their river truce after two days "
            "of talks in Lusaka.",
            "MZ--TZ",
        ),
        # the demarcation of their border
        (
            "Malian and Guinean delegations met in Dakar on Saturday to discuss the demarcation "
            "of the border, the Senegalese hosts said.",
            "GN--ML",
        ),
        # soldiers of one in the other's custody
        (
            "The 38 Ecuadorian soldiers in Colombian custody went home on Saturday, Ecuador's "
            "defence ministry said.",
            "CO--EC",
        ),
        # an accusation of an attack
        (
            "Mauritania's government accused Mali of carrying out the strike on the market at "
            "Aïn Sefra-Kebir.",
            "ML--MR",
        ),
        # an accusation of breaking their truce
        (
            "Mauritania accuses Mali of violating the Kayes-Nord truce with a drone strike on a "
            "herders' camp.",
            "ML--MR",
        ),
    ],
)
def test_a_known_conflicts_side_and_its_neighbour_told_by_their_border(text: str, key: str) -> None:
    assert set(_keys(text)) == {key}


@pytest.mark.parametrize(
    "text",
    [
        # a power's part: a mediator of the war, its own ceasefire
        "Qatar's envoy met Malian officials in Bamako to discuss the truce with the insurgents.",
        # a channel between powers stays no dispute
        "Washington and Bogotá agreed to restore a hotline on the ceasefire with the rebels.",
        # a side's strike told by outside speakers: no dispute with the speakers
        "Russian drones struck a depot near Lyman-Sortove, French and German officials said.",
    ],
)
def test_a_power_acting_on_the_war_keys_the_known_conflict(text: str) -> None:
    assert not any(k in {"ML--QA", "CO--US"} for k in _keys(text)), (
        "a power acting on the war is no side of a dispute of its own"
    )


# 3. A group named in translation and by its own acronym in one snippet ----------------------


def test_a_translated_name_and_a_bare_acronym_of_its_letters_are_one_group() -> None:
    # "Mouvement de la Savane du Nord": the MSN, told in English as the Northern Savanna Movement
    text = (
        "LIBREVILLE, June 8 — Gabon's government and the Northern Savanna Movement opened their "
        "first talks in Dakar on Monday. The MSN delegation of seven was led by its deputy "
        "commander, Rosine Mabika-Ndong."
    )
    assert set(_keys(text)) == {"GA--MSN"}
    found = extract_events(Snippet(text=text, published_at=PUBLISHED))
    names = {a.name for e in found for a in e.actors if a.kind == "armed_group"}
    assert names == {"MSN"}


@pytest.mark.parametrize(
    "text",
    [
        # the acronym shares no letters with the name: another group
        "Gabon's government and the Northern Savanna Movement opened talks in Dakar on Monday. "
        "The KLA delegation stayed away.",
        # two groups named in full: no acronym to tie
        "Gabon's government, the Northern Savanna Movement and the Coastal Liberation Army opened "
        "talks in Dakar on Monday.",
    ],
)
def test_no_untold_alias_without_one_name_and_one_acronym_that_fit(text: str) -> None:
    assert "GA--MSN" not in _keys(text)
