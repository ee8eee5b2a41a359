"""Sides of casualty claims (branch state/claims10): "both sides" later in the figure's clause,
a demonym that names a language, the speaker's own people whatever the process was keyed to,
the war as the killer, a side named as the subject of "lost" by the snippet's own acronym, and
"it lost" after a later clause's own speaker. Every sentence, person, place and group is
invented."""

import pytest

from tests.factories import claim_sides

BORDER = "Zambia and Malawi fought along the Luangwa ridge in June. "
REBELS = "Burundi's army and the Rusizi Popular Front have fought since March. "
ELSEWHERE = "Mali's army and the Gourma Front (GF) have fought near Ansongo-Bara since May. "


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (BORDER + "A week of clashes in late May left 23 people dead on both sides.", 23),
        (
            BORDER + "The Kasimba Peace Monitor says 52 civilians have been killed in shelling on"
            " both sides of the border since January.",
            52,
        ),
        # an apposition of the people the figure counts
        (
            BORDER + "The Kareng field hospital said it had treated 85 wounded since Monday,"
            " soldiers and civilians from both sides of the front line.",
            85,
        ),
    ],
)
def test_both_sides_later_in_the_figures_clause(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "both sides"


def test_both_sides_of_another_clause_is_not_the_figures() -> None:
    text = (
        BORDER + "The Chipata-Nyika hospital said 19 people were wounded in the shelling, and"
        " both sides blamed the other."
    )
    assert claim_sides(text)[19] != "both sides"


@pytest.mark.parametrize(
    "text",
    [
        REBELS + "The front, known by its French initials FPR, said it had killed 14 soldiers"
        " near Gatumba-Nord.",
        REBELS + "The front, which goes by its French acronym FPR, said on Sunday its men had"
        " killed 14 soldiers in an ambush.",
    ],
)
def test_a_demonym_naming_a_language_names_no_side(text: str) -> None:
    assert claim_sides(text)[14] == "Burundi"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            ELSEWHERE + "The Nigerien defence ministry said on Monday that 31 of its soldiers had"
            " been killed since March.",
            31,
        ),
        (ELSEWHERE + "Niger's interior ministry puts its own dead at 14, police and herders.", 14),
        (
            ELSEWHERE + "Niger's health ministry puts the number killed on its side since Monday"
            " at 17.",
            17,
        ),
    ],
)
def test_the_speakers_own_people_whatever_the_process(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "Niger"


def test_its_people_after_another_side_named_are_not_the_speakers() -> None:
    text = ELSEWHERE + "The Nigerien defence ministry said the GF had lost 31 of its fighters."
    assert claim_sides(text)[31] == "Gourma Front"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Kyrgyzstan and Tajikistan signed a border accord in Osh-Tal on Monday. The war,"
            " which lasted five weeks, killed at least 140 soldiers.",
            140,
        ),
        (BORDER + "Four days of fighting killed 96 people, a church relief network said.", 96),
    ],
)
def test_the_war_as_the_killer_counts_both_sides(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "both sides"


def test_a_side_that_struck_is_not_both() -> None:
    text = BORDER + "Zambian shelling killed 12 people in Chitipa-Sela, a church network said."
    assert claim_sides(text)[12] != "both sides"


def test_the_snippets_own_acronym_as_the_subject_of_lost() -> None:
    text = (
        "Zambia and the Luangwa Valley Front (LVF) have fought since May. The Zambian army said"
        " the LVF had lost 12 of its fighters near Chansa-Ndola."
    )
    assert claim_sides(text)[12] == "Luangwa Valley Front"


def test_it_lost_is_the_later_clauses_speakers() -> None:
    text = (
        "Benin and Niger blame each other for the raid on Kandi-Nord. The Nigerien army says 15"
        " raiders were killed; Benin says it lost seven soldiers."
    )
    assert claim_sides(text)[7] == "Benin"


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        (
            "Botswana and Namibia traded accusations over the Sedudu-Kasane channel. The BDF said"
            " four of its soldiers were wounded in a landmine blast on Sunday.",
            4,
            "Botswana",
        ),
        (
            "Talks between Kenya and Tanzania on the Chala-Njiro boundary resumed. The TPDF said"
            " two of its soldiers were killed in the clash.",
            2,
            "Tanzania",
        ),
        (
            "Kenya and Uganda met in Busia-Malaba. Kenya handed back the bodies of 12 UPDF"
            " soldiers killed near the lake.",
            12,
            "Uganda",
        ),
    ],
)
def test_a_states_forces_by_initials_no_gazetteer_holds(text: str, figure: int, side: str) -> None:
    assert claim_sides(text)[figure] == side


def test_a_groups_acronym_is_not_a_states_forces() -> None:
    text = (
        "Malawi and the Mulanje Defence Front (MDF) have fought since May. The MDF said 9 of"
        " its fighters were killed near Phalombe-Sela."
    )
    assert claim_sides(text)[9] == "Mulanje Defence Front"


GHANA_TOGO = "Ghana and Togo have clashed over the Oti-Kpassa islands since March. "


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            GHANA_TOGO + "On Thursday, according to the Ghanaian army, a Togolese rocket hit a"
            " lorry park in Ketsodzi-Nima, killing four people.",
            4,
        ),
        (
            GHANA_TOGO + "Ghana says Togolese mortars hit a police camp at Aflao-Sela, wounding"
            " five officers.",
            5,
        ),
    ],
)
def test_the_arms_a_side_fires_name_it_as_the_striker(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "Ghana"


def test_both_sides_after_a_comma_closing_the_figures_clause() -> None:
    text = (
        BORDER + "The Kasai Monitoring Network says 1,200 people have been killed in the valley"
        " since 2021, on both sides."
    )
    assert claim_sides(text)[1200] == "both sides"


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        (
            "Kyrgyzstan and Tajikistan swapped prisoners at Osh-Tal on Monday, the Ministry of"
            " Defence of the Kyrgyz Republic said. Eight of the returning servicemen are wounded"
            " and are in hospital, the ministry said.",
            8,
            "Kyrgyzstan",
        ),
        (
            GHANA_TOGO + "The Togolese health ministry said three of the freed soldiers had been"
            " wounded in captivity.",
            3,
            "Togo",
        ),
    ],
)
def test_people_come_home_are_counted_at_home(text: str, figure: int, side: str) -> None:
    assert claim_sides(text)[figure] == side


def test_both_sides_after_nouns_joined_by_and() -> None:
    text = (
        BORDER + "The Kasimba Peace Monitor now counts 47 civilians killed in strikes and shelling"
        " on both sides of the border since May."
    )
    assert claim_sides(text)[47] == "both sides"


@pytest.mark.parametrize(
    "text",
    [
        BORDER + "At least eight people were killed when a drone struck the market in"
        " Kaporo-Sela, a Malawian town near the border, early on Monday.",
        BORDER + "Seventeen people were killed when a missile hit a depot in the Malawian border"
        " town of Chitipa-Nyika, the town's mayor said.",
    ],
)
def test_the_victims_town_by_its_states_demonym(text: str) -> None:
    assert claim_sides(text)[8 if "eight" in text else 17] == "Malawi"


def test_a_town_of_another_clause_is_not_the_victims() -> None:
    text = (
        BORDER + "Twelve Zambian soldiers were killed, and Zambian guns then shelled the Malawian"
        " border town of Chitipa-Nyika."
    )
    assert claim_sides(text)[12] == "Zambia"


def test_on_the_armys_side_is_the_states() -> None:
    text = (
        "Zambia and the Luangwa Valley Front (LVF) have fought since May. Mwila said the front"
        ' had lost three fighters, while "at least twenty" men had died on the army\'s side.'
    )
    assert claim_sides(text)[20] == "Zambia"
