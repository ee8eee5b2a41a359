"""Who gives a figure (branch state/claims10): the speaker of a later clause of its own ("...;
Benin says it lost seven soldiers", "..., while the front claims to have lost fewer than 50"),
and a generic plural subject ("Partners estimate", "Agencies have recorded") that names no
one. Every sentence, body, person, place and group is invented."""

import pytest

from tests.factories import claimants_by_figure


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        (
            "Benin and Niger blame each other for the raid on Kandi-Nord. The Nigerien army says"
            " 15 raiders were killed; Benin says it lost seven soldiers.",
            7,
            "Benin",
        ),
        (
            "Kenya and Somalia clashed at Dif-Amuma on Sunday. The Kenyan army said 30 Somali"
            " soldiers were killed, while Somalia claims to have lost fewer than ten men.",
            10,
            "Somalia",
        ),
    ],
)
def test_a_later_clauses_own_speaker_gives_its_figures(
    text: str, figure: int, claimant: str
) -> None:
    claimants = claimants_by_figure(text)
    assert claimants[figure] == claimant
    # the first clause's figure stays its own speaker's
    assert claimants[15 if figure == 7 else 30] != claimant


def test_a_later_clause_without_a_speaker_keeps_the_sentences() -> None:
    text = (
        "Chad's army and the Tibesti Front clashed near Bardai-Zoui. The army said eight"
        " soldiers were killed, while 11 more were wounded."
    )
    claimants = claimants_by_figure(text)
    assert claimants[11] == claimants[8]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Partners estimate that 14,000 people remain displaced near Sesheke-Ndola.", 14000),
        ("Agencies have recorded 27 people wounded by unexploded shells since March.", 27),
        ("Responders said 12 people were injured when the bridge at Kaoma-Lui collapsed.", 12),
    ],
)
def test_a_generic_plural_subject_names_no_one(text: str, figure: int) -> None:
    assert claimants_by_figure(text)[figure] == "unattributed"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Malawi's army and the Shire Valley Movement (SVM) have fought since May. An air"
            " strike on an SVM base near Nsanje-Ruo, which the movement says killed seven of its"
            " fighters, has hardened its stance.",
            "Shire Valley Movement",
        ),
        (
            "The Kavala Rights Monitor has tracked the war since 2023. A shell that hit the school"
            " in Mbala-Rise, which the Monitor says killed five pupils, was fired from the hills.",
            "Kavala Rights Monitor",
        ),
    ],
)
def test_the_speaker_of_a_relative_clause_is_named_without_its_pronoun(
    text: str, claimant: str
) -> None:
    (found,) = set(claimants_by_figure(text).values())
    assert claimant in found


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # the person of that rank named before, not the person named last
        (
            "Major General Tendai Okello-Mara, the army spokesman, said drones had struck a camp"
            " near Yeri-Lomuk. Mwale called the claim an invention. The general later said 23"
            " people from the camp were still missing.",
            "Tendai Okello-Mara",
        ),
        # a person the snippet gave no title, named right before
        (
            "VIENTIANE-NORD, March 20 - Sisouk said 14 soldiers had been killed since Monday. The"
            " colonel later added that four soldiers were missing.",
            "Sisouk",
        ),
    ],
)
def test_a_rank_alone_is_the_person_named_before(text: str, claimant: str) -> None:
    claimants = claimants_by_figure(text)
    assert claimant in {claimants.get(23), claimants.get(4)}


def test_a_rank_alone_is_not_a_person_of_another_title() -> None:
    text = (
        "Minister Ana Kuvale-Rett opened the session at Kasane-Nord. The colonel said 31 soldiers"
        " were killed."
    )
    assert claimants_by_figure(text)[31] != "Ana Kuvale-Rett"


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        (
            "District commissioner Grace Phiri-Banda visited Mwami-Chipata after the raid."
            " Phiri-Banda, the district commissioner, said 11 villagers were killed.",
            11,
            "Grace Phiri-Banda",
        ),
        (
            "Kalinde-Moyo, the ombudsman, now puts the number of people unaccounted for at five.",
            5,
            "Kalinde-Moyo",
        ),
    ],
)
def test_a_surname_apposed_to_the_speakers_title_speaks(
    text: str, figure: int, claimant: str
) -> None:
    assert claimants_by_figure(text)[figure] == claimant


def test_a_state_apposed_to_a_title_is_no_surname() -> None:
    text = "Malawi, the ministry said, lost 12 soldiers in the clash near Mchinji-Sela."
    assert claimants_by_figure(text)[12] != "Malawi"
