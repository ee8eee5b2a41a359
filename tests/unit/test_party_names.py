"""The state bench's name yardstick (bench/party_names.py) on invented gold in every naming style
gold files use: a state and its government, groups with and without acronyms, alias lists keyed
either way, one mediator listed twice; and the near misses that name someone else."""

import pytest

from bench.party_names import find, gold_entries, gold_forms, matched, same_actor


def _matches(predicted: str, gold: str, aliases: tuple[str, ...] = ()) -> bool:
    return find(predicted, [gold_forms(gold, aliases)]) is not None


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Chile", "Chile"),
        ("Chile", "the Republic of Chile"),
        # A state's government, in the styles gold files name it (the old yardstick missed all).
        ("Chile", "Government of Chile"),
        ("Chile", "the Government of Chile"),
        ("Chile", "Federal Government of Chile"),
        ("Peru", "Peruvian government"),
        ("Peru", "the Peruvian federal government"),
        ("Peru", "Peru's transitional government"),
        ("Peru", "the Peruvian authorities"),
        ("Peru", "Lima government"),
        ("Peru", "the internationally recognised government of Peru"),
        ("Peru", "Peru's internationally recognized government"),
        ("Chile", "Government of the Republic of Chile"),
        ("Chile", "the Federal Democratic Republic of Chile"),
        # Accents dropped, as the bench's places drop them: the gazetteer writes "Asunción".
        ("Paraguay", "the Asuncion government"),
        ("Frente Patriótico del Sur", "Frente Patriotico del Sur"),
        # Groups with and without their acronym, either way round.
        ("Southern Front", "Southern Front (SF)"),
        ("SF", "the Southern Front (SF)"),
        ("Southern Front", "the SF (Southern Front)"),
        ("SF", "Southern Front"),
        ("Southern Front", "SF"),
        ("Coastal Alliance", "Southern Front / Coastal Alliance (CA)"),
        ("CA", "Southern Front / Coastal Alliance (CA)"),
        # A group the gazetteer knows, named by the gold in its other form.
        ("National Liberation Army", "ELN"),
        ("National Liberation Army", "the ELN (National Liberation Army)"),
        ("Kurdistan Workers' Party", "PKK"),
        # An organisation by its acronym or a gazetteer alias.
        ("International Committee of the Red Cross", "ICRC"),
        ("Intergovernmental Authority on Development", "IGAD (led by Kenya)"),
    ],
)
def test_a_name_matches_its_gold_in_any_style(predicted: str, gold: str) -> None:
    assert _matches(predicted, gold)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Chile", "Peru"),
        ("Chile", "Government of Peru"),
        # A government that is not a state's, or a state's army or society, is someone else.
        ("Chile", "Government of National Unity"),
        ("Chile", "Chilean-backed government"),
        ("Chile", "the Chilean army"),
        ("Chile", "Chilean Red Cross"),
        ("Peru", "Peru Libre government"),
        ("Peru", "Tacna regional government"),
        ("Peru", "Lima city government"),
        ("Peru", "Government of Lima"),
        ("Peru", "the recognised opposition of Peru"),
        ("Chile", "Government of the Republic of Peru"),
        # A gloss in brackets is no name of the entry: a person of Peru is not Peru.
        ("Peru", "Ana Ruiz (Peru)"),
        ("Peru", "Ana Ruiz (President of Peru)"),
        ("Peru", "Ana Ruiz (Peru) - Lima process"),
        ("05", "Southern Front (05)"),
        # Near acronyms and longer names.
        ("SF", "Southern Coastal Front"),
        ("SF", "Special Forces Front"),
        ("Southern Front", "Southern Front Youth League"),
        ("Southern Front", "SFC"),
        ("Southern Front", "Coastal Alliance (CA)"),
        ("CA", "the SF (Southern Front)"),
        # Another name with the same initials, when the gold spells its acronym out: the
        # initials stand in only for a group the gold names by its acronym alone.
        ("Sierra Fighters", "Southern Front (SF)"),
        ("Sierra Fighters", "the SF (Southern Front)"),
        # An acronym the gold gives otherwise: "SF" is not the Southern Front (SOF).
        ("SF", "Southern Front (SOF)"),
        ("SF", "the SOF (Southern Front)"),
        # States whose names hold each other.
        ("Republic of the Congo", "Democratic Republic of the Congo"),
        ("Democratic Republic of the Congo", "Republic of the Congo"),
    ],
)
def test_a_name_does_not_match_someone_else(predicted: str, gold: str) -> None:
    assert not _matches(predicted, gold)


def test_an_alias_spelling_the_acronym_out_keeps_other_initials_away() -> None:
    assert _matches("Southern Front", "SF", ("Southern Front",))
    assert not _matches("Sierra Fighters", "SF", ("Southern Front",))


def test_aliases_keyed_by_a_short_form_join_their_party() -> None:
    process = {
        "parties": ["Government of Chile", "Southern Front (SF)"],
        "party_aliases": {"Chile": ["La Moneda", "the Chilean delegation"], "SF": ["sureños"]},
    }
    parties, _ = gold_entries(process)
    assert len(parties) == 2
    assert find("La Moneda", parties) == find("Chile", parties) is not None
    assert find("sureños", parties) == find("Southern Front", parties) is not None
    assert find("La Moneda", parties) != find("sureños", parties)


def test_aliases_keyed_by_the_party_name() -> None:
    process = {"parties": ["Peru", "Chile"], "party_aliases": {"Peru": ["Lima", "Palacio Pizarro"]}}
    parties, _ = gold_entries(process)
    assert find("Palacio Pizarro", parties) == find("Peru", parties) != find("Chile", parties)


def test_one_mediator_listed_twice_is_one_gold_mediator() -> None:
    # The old yardstick counted a mediator listed under the process and again, glossed
    # otherwise, under a track as two gold mediators: recall could not reach 1.
    process = {
        "parties": ["Chile", "Peru"],
        "mediators_or_hosts": [
            {"name": "Norway (Foreign Minister Ola Berg)"},
            {"name": "Ecuador"},
        ],
        "tracks": [
            {"parties": ["Chile", "Peru"], "mediators": ["Norway (Ola Berg; envoy Kari Lund)"]},
        ],
    }
    _, mediators = gold_entries(process)
    assert len(mediators) == 2
    assert matched(["Norway", "Ecuador"], mediators) == 2


def test_two_bodies_the_gazetteer_reads_as_one_stay_two_gold_mediators() -> None:
    # Both read as the United Nations: the fold can name only one, and the gold has two.
    process = {"mediators_or_hosts": [{"name": "UN Security Council"}, {"name": "UNICEF"}]}
    _, mediators = gold_entries(process)
    assert len(mediators) == 2
    assert matched(["United Nations"], mediators) == 1


def test_two_names_of_one_actor_count_once() -> None:
    # The old yardstick counted every predicted mediator that matched: "Norway" and "Oslo"
    # for one gold mediator were two right of one.
    _, mediators = gold_entries({"mediators_or_hosts": [{"name": "Norway"}]})
    mediators = [mediators[0] | {"oslo"}]
    assert matched(["Norway", "Oslo"], mediators) == 1
    assert matched(["Sweden"], mediators) == 0


def test_a_wrong_group_with_the_gold_groups_initials_is_not_credited() -> None:
    # Invented gold and state: the fold read the right state and the wrong group, whose name
    # only shares the gold group's initials.
    parties, _ = gold_entries({"parties": ["Government of Chile", "Southern Front (SF)"]})
    assert matched(["Chile", "Sierra Fighters"], parties) == 1
    assert matched(["Chile", "Southern Front"], parties) == 2


def test_a_track_party_is_a_party() -> None:
    process = {"parties": [], "tracks": [{"parties": ["Chile", "Southern Front (SF)"]}]}
    parties, _ = gold_entries(process)
    assert matched(["Chile", "SF", "Peru"], parties) == 2


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ivory Coast", "Côte d'Ivoire", True),
        ("Cape Verde", "Cabo Verde", True),
        ("Turkey", "Türkiye", True),
        ("Ivory Coast", "Ghana", False),
        ("Korimba Front", "Korimba Front", False),  # not in the gazetteer: no actor to share
    ],
)
def test_same_actor_reads_both_names_through_the_gazetteer(a: str, b: str, same: bool) -> None:
    assert same_actor(a, b) is same
