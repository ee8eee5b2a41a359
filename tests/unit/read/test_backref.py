"""Outcomes told through a back-reference subject, read through the sentence before (read/backref).

"The men were flown home." names no swap; after "The two sides swapped 40 detainees." it is the
swap's outcome. Constructions marked `follows` (lexicon/constructions.json) read a subject that
only refers back (a definite plural, a counted group, a pronoun) with an outcome verb class, and
count only right after a sentence of their type (`classify.referring_back`). All sentences are
invented.
"""

import pytest

from streams.core.lexicon import load
from streams.core.read import constructions
from streams.core.read.classify import classify_sentences


def last_types(*sentences: str) -> set[str]:
    """The types of a snippet's last sentence, read after the sentences before it."""
    labels = classify_sentences(list(sentences), [False] * len(sentences))
    return {label.type for label in labels[-1]}


SWAP = "Norvia and Calder swapped 64 detainees at the Rellin bridge on Tuesday."
RELEASE = "The Coastal Front freed 9 kidnapped engineers on Sunday."
BODIES = "The two armies exchanged the bodies of 30 fallen soldiers."
CONVOY = "A convoy of 14 trucks carrying medicines and flour reached the besieged town of Oskar."
STRIKE = "A drone struck a fuel depot outside Marlow on Saturday."


@pytest.mark.parametrize(
    ("antecedent", "sentence", "kind"),
    [
        (SWAP, "The men were driven to a base near Corva before dawn.", "prisoner_exchange"),
        (SWAP, "The 32 Norvians reached their home towns by Thursday.", "prisoner_exchange"),
        (SWAP, "They crossed the bridge one by one shortly after ten.", "prisoner_exchange"),
        (SWAP, "All 64 were handed to a team of doctors at the border.", "prisoner_exchange"),
        (SWAP, "Most of them were greeted by relatives waving banners.", "prisoner_exchange"),
        (SWAP, "The remaining 20 are due to cross next month.", "prisoner_exchange"),
        (SWAP, "Half of them boarded two buses for the capital.", "prisoner_exchange"),
        (RELEASE, "The nine landed in Corva on an army plane.", "prisoner_exchange"),
        (
            RELEASE,
            "The engineers were reunited with their families on Monday.",
            "prisoner_exchange",
        ),
        (RELEASE, "Both groups were home before nightfall.", "prisoner_exchange"),
        (BODIES, "The coffins were unloaded at the airport in Corva.", "prisoner_exchange"),
        (BODIES, "The remains reached the capital late on Friday.", "prisoner_exchange"),
        (CONVOY, "The trucks were unloaded at a school on Friday.", "aid"),
        (CONVOY, "Its cargo was distributed to 400 families.", "aid"),
        (CONVOY, "A second batch of the lorries rolled into the square at noon.", "aid"),
        (CONVOY, "All 14 made it back to the depot the next day.", "aid"),
        (CONVOY, "They were waved through the last checkpoint at dawn.", "aid"),
        (STRIKE, "The blast levelled two houses nearby.", "strike"),
        (STRIKE, "The explosion leveled a row of shops.", "strike"),
        (STRIKE, "It set three tankers ablaze.", "strike"),
        # Not "the depot": a military target destroyed is a strike alone (read/strikes).
        (
            "A drone struck a grain warehouse outside Marlow on Saturday.",
            "The warehouse was destroyed in minutes.",
            "strike",
        ),
        (STRIKE, "The missiles tore through the roof of a warehouse.", "strike"),
        # Inside reported speech, and a counted group named by an unknown plural.
        (SWAP, "Officials said the men had landed in Corva by evening.", "prisoner_exchange"),
        (SWAP, "The army said all 64 were taken to a clinic.", "prisoner_exchange"),
        (SWAP, "The 32 Calderites arrived in the capital by bus.", "prisoner_exchange"),
        (
            "Rebels fired 12 rockets at the port of Sela.",
            "Two of them wrecked a fuel tank.",
            "strike",
        ),
    ],
)
def test_an_outcome_told_by_a_back_reference_takes_its_antecedents_type(
    antecedent: str, sentence: str, kind: str
) -> None:
    assert kind not in last_types(sentence)  # alone it names no event
    assert kind in last_types(antecedent, sentence)


@pytest.mark.parametrize(
    ("antecedent", "sentence", "kind"),
    [
        # The same subjects after a sentence that names no such event.
        (
            "The two ministers spoke about fishing rights in Corva.",
            "The men were driven to a base near Corva before dawn.",
            "prisoner_exchange",
        ),
        (
            "Students from Marlow won a prize at a chess tournament.",
            "They crossed the bridge one by one shortly after ten.",
            "prisoner_exchange",
        ),
        (
            "A convoy of 14 trucks carrying gravel left the quarry.",
            "The trucks were unloaded at a school on Friday.",
            "aid",
        ),
        (
            "Workers demolished an old mill outside Marlow.",
            "The blast levelled two houses nearby.",
            "strike",
        ),
        # A plan that did not happen: the subject is told of, no outcome.
        (
            "A swap of 64 detainees was put off again.",
            "The detainees remain in two camps in the east.",
            "prisoner_exchange",
        ),
        (
            "A release of 9 captives was called off.",
            "The captives were taken back to their cells.",
            "prisoner_exchange",
        ),
        (
            "The aid convoy to Oskar was turned back at the checkpoint.",
            "The trucks are still parked at the depot.",
            "aid",
        ),
        # People who are no captives, or verbs that are no outcome.
        (SWAP, "The negotiators flew back to the capital on Friday.", "prisoner_exchange"),
        (SWAP, "The men said they would vote for the mayor.", "prisoner_exchange"),
        (SWAP, "They reached an agreement to meet again in May.", "prisoner_exchange"),
        (SWAP, "The guards at the crossing were given the day off.", "prisoner_exchange"),
        (SWAP, "The two presidents arrived in Corva for a trade fair.", "prisoner_exchange"),
        (SWAP, "All three ministers boarded a plane for Geneva.", "prisoner_exchange"),
        (CONVOY, "The drivers' union asked for higher wages.", "aid"),
        (CONVOY, "It entered into force on Monday.", "aid"),
        (STRIKE, "The ministry said the depot had been empty for a year.", "strike"),
    ],
)
def test_near_misses_take_no_type_from_the_sentence_before(
    antecedent: str, sentence: str, kind: str
) -> None:
    assert kind not in last_types(antecedent, sentence)


def test_back_reference_constructions_join_only_follows() -> None:
    specs = load("constructions")["constructions"]
    names = [name for name, spec in specs.items() if spec.get("follows")]
    assert names
    for name in names:
        kind = specs[name]["type"]
        assert "frame/" + name in constructions.follows(kind)
        assert "frame/" + name not in constructions.triggers(kind)


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("level", {"level", "levels", "levelled", "leveled", "levelling", "leveling"}),
        ("hit", {"hit", "hits", "hitting"}),
        ("tear", {"tear", "tears", "tore", "torn", "tearing"}),
    ],
)
def test_inflections_of_back_reference_verbs(lemma: str, forms: set[str]) -> None:
    assert set(constructions.inflections(lemma)) == forms


@pytest.mark.parametrize(
    ("between", "reached"),
    [
        ('"It is a good day for both nations," the Norvian foreign minister said.', True),
        ("The Calder interior ministry confirmed the figures on Wednesday.", True),
        # A sentence between that reports an event of its own is the nearer antecedent.
        ("The two delegations then met in Corva to prepare a second round.", False),
        ("Fighting flared again near the bridge overnight.", False),
    ],
)
def test_the_antecedent_may_stand_two_back_across_words_only(between: str, reached: bool) -> None:
    assert (
        "prisoner_exchange" in last_types(SWAP, between, "The men landed in Corva at dawn.")
    ) is reached


@pytest.mark.parametrize(
    ("sentence", "strike"),
    [
        # Weapons as the agents of destruction: an attack's effect.
        ("The bombs destroyed the old customs house in Sela.", True),
        ("A bomb destroyed a police car outside the station.", True),
        ("Rockets destroyed three hangars at the airfield.", True),
        # Weapons as the things destroyed, found or defused: no attack.
        ("The bombs were destroyed on site by army engineers.", False),
        ("Police said the explosives destroyed in the raid were decades old.", False),
        ("Two devices found near the school were defused by experts.", False),
    ],
)
def test_weapons_that_destroy_are_no_weapons_destroyed(sentence: str, strike: bool) -> None:
    assert ("strike" in last_types(sentence)) is strike
