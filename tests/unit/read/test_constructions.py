"""Constructions: events told by a verb class over an argument class (branch read/frames)."""

import re

import pytest

from schemas.events import EVENT_TYPES
from streams.core.lexicon import load
from streams.core.read import constructions
from streams.core.read.classify import _MACROS, _expand, classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


def groups(text: str, kind: str) -> set[str]:
    """The construction groups of `kind` whose regex matches the sentence."""
    return {
        name
        for name, patterns in constructions.triggers(kind).items()
        if re.search(_expand(patterns[0], _MACROS), text, re.IGNORECASE)
    }


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("walk", {"walk", "walks", "walked", "walking"}),
        ("reach", {"reach", "reaches", "reached", "reaching"}),
        ("free", {"free", "frees", "freed", "freeing"}),
        ("arrive", {"arrive", "arrives", "arrived", "arriving"}),
        ("carry", {"carry", "carries", "carried", "carrying"}),
        ("commit", {"commit", "commits", "committed", "committing"}),
        ("come", {"come", "comes", "came", "coming"}),
        ("fly", {"fly", "flies", "flew", "flown", "flying"}),
        ("be", {"be", "is", "am", "are", "was", "were", "been", "being"}),
    ],
)
def test_inflections_are_generated(lemma: str, forms: set[str]) -> None:
    assert set(constructions.inflections(lemma)) == forms


def test_every_construction_compiles_to_its_type() -> None:
    specs = load("constructions")["constructions"]
    assert specs
    for name, spec in specs.items():
        assert spec["type"] in EVENT_TYPES
        # A back-reference construction joins the type's `follows` groups instead (read/backref).
        where = constructions.follows if spec.get("follows") else constructions.triggers
        assert "frame/" + name in where(spec["type"])


@pytest.mark.parametrize(
    "text",
    [
        "Fourteen seamen held by the navy were back home on Friday.",
        "The kidnapped surveyors came home after five weeks.",
        "The two hostages have finally returned to their families in Orvieto.",
        "Captured gunners rejoined their units after the transfer.",
        "The detainees walked free on a cold morning in Barra.",
        "The abducted teachers reached their village on Tuesday night.",
        "Freed captives landed in Salta after a year in the mountains.",
        "After six years in a cell, the poets regained their freedom.",
        "Eleven miners seized by the Southern Front made it home on Monday.",
    ],
)
def test_captives_told_home(text: str) -> None:
    assert "prisoner_exchange" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The choir came home from its tour of the north.",
        "The striking miners returned to their homes after the strike ended.",
        "The fishermen were back home before the storm.",
        "The ministers landed in Salta for the trade fair.",
        "The nation regained its freedom in 1821.",
        "The tourists reached their hotel late on Sunday.",
    ],
)
def test_others_told_home(text: str) -> None:
    assert "prisoner_exchange" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia released 42 Chileans arrested at the frontier.",
        "The junta freed 9 Peruvians accused of smuggling.",
        "The militia handed back 30 Uruguayans it had detained.",
        "Paraguay will release 15 Brazilian fishermen next week.",
    ],
)
def test_counted_people_released(text: str) -> None:
    assert "prisoner_exchange" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The studio released 12 songs by Chilean artists.",
        "The agency released figures on 40 Peruvian exporters.",
        "The league returned to play with 16 teams.",
    ],
)
def test_counted_things_released(text: str) -> None:
    assert "prisoner_exchange" not in types(text)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Sacks of flour arrived in Tebra on Sunday.", "frame/goods_arrive"),
        ("Medical supplies have now reached the northern valley.", "frame/goods_arrive"),
        ("Relief lorries rolled into the shattered market town.", "frame/goods_arrive"),
        ("Food convoys made their way into the old city.", "frame/goods_arrive"),
        ("Fuel tankers were let into the port district at dawn.", "frame/goods_let_in"),
        ("Aid trucks were finally allowed through the checkpoint.", "frame/goods_let_in"),
        ("The first lorries entered the besieged quarter on Monday.", "frame/vehicles_reach_need"),
        ("Three boats reached the cut-off islands.", "frame/vehicles_reach_need"),
        ("Households in the hill camps received tents and blankets.", "frame/recipients_receive"),
        ("Some 900 families got food vouchers last week.", "frame/recipients_receive"),
        ("Clinics across the district received vaccines on Friday.", "frame/recipients_receive"),
        ("Scouts handed out rations to the displaced.", "frame/goods_given_out"),
        ("Dockers unloaded pallets of medicines from the ferry.", "frame/goods_given_out"),
        ("Japan pledged $30 million for the flooded provinces.", "frame/money_given"),
        ("The bank will provide 45 million euros to rebuild the bridges.", "frame/money_given"),
    ],
)
def test_aid_told_by_its_outcome(text: str, group: str) -> None:
    assert "aid" in types(text)
    assert group in groups(text, "aid")


@pytest.mark.parametrize(
    "text",
    [
        "Lorries loaded with cement reached the new port on Monday.",
        "Food prices reached a record in the capital.",
        "Flood water entered the ground floor of the school.",
        "Families received their voting cards at the town hall.",
        "Farmers got better prices for their maize exports.",
        "Ships entered the bay after the fog lifted.",
        "Workers unloaded crates of wine from the ferry.",
        "The club promised its fans a new stadium.",
        "Commuters crossed the river on the new bridge.",
    ],
)
def test_aid_near_misses(text: str) -> None:
    assert "aid" not in types(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After six years in a cell, the poets regained their freedom.", True),
        ("The last two sailors won their freedom on Sunday.", True),
        ("The nation regained its freedom in 1821.", False),
        ("The club won its third title in a row.", False),
    ],
)
def test_freedom_regained(text: str, expected: bool) -> None:
    assert ("prisoner_exchange" in types(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The graduates walked free from the lecture theatre at noon.", False),
        ("The singer walked free from the studio after the session.", False),
        ("The captives walked free after a mediator's visit.", True),
        ("They walked free after eight months in a jungle camp.", True),
        ("The nurse came home after a year in captivity.", True),
        ("The nurse came home after a year in Lima.", False),
    ],
)
def test_walking_free_needs_a_captive(text: str, expected: bool) -> None:
    assert ("prisoner_exchange" in types(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army chiefs from the two countries met in Arica on Monday.", True),
        ("Envoys of both sides will confer again in Salta.", True),
        ("Ministers of the rival governments sat down in a hotel by the lake.", True),
        ("Officials from both camps spoke for three hours.", True),
        ("The final session of the Arica round opened with the maps.", True),
        ("On the second day of the Salta round, the envoys turned to water.", True),
        ("The school board met on Tuesday to plan the term.", False),
        ("Firms from both countries met the new export targets.", False),
        ("The second day of the first round of voting passed calmly.", False),
        ("The boxer won the final round on points.", False),
    ],
)
def test_talks_of_paired_sides(text: str, expected: bool) -> None:
    assert ("talks" in types(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A gunman shot dead four herders near the dam.", True),
        ("Masked men gunned down two soldiers at a checkpoint.", True),
        ("The rebels said they had captured 40 troops in the raid.", True),
        ("The army captured 3 villages in the valley.", False),
        ("The militia captured 12 tanks and two trucks.", False),
    ],
)
def test_casualties_by_the_agents_verb(text: str, expected: bool) -> None:
    assert ("casualty_report" in types(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The captured crew of the trawler were flown home on Sunday.", True),
        ("Forty men held by the Southern Front since 2021 are free.", True),
        ("The navy handed 14 Peruvian sailors back to Lima.", True),
        ("The rebels freed all 12 Bolivian nationals.", True),
        ("The prisoners are free to receive visits.", False),
        ("The villagers are free of debt now.", False),
        ("The ministry released funds for 3,000 families.", False),
    ],
)
def test_release_variants(text: str, expected: bool) -> None:
    assert ("prisoner_exchange" in types(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aid began flowing into the port on Saturday.", True),
        ("Traffic began flowing into the tunnel again.", False),
    ],
)
def test_aid_flowing(text: str, expected: bool) -> None:
    assert ("aid" in types(text)) is expected
