"""Who gives a toll in the wire register (issue 14 item 4, branch state/claims2 of the seventh
session): a toll put at a figure past a time or side phrase, a body named in full and later by
the head or the kind noun of its apposition, a second speaker after a comma and a conjunction.
Every sentence, body, person and place is invented."""

import pytest

from streams.core.read.figures import find_attribution, find_described_bodies
from streams.core.read.speech import find_speech
from tests.factories import claimants_by_figure


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a time or a side phrase between the losses and the figure
        (
            "Borduria's interior ministry puts its police losses since 4 June at 31 officers.",
            "Borduria's interior ministry",
        ),
        ("Varga put the brigade's losses since the spring at 70 killed.", "Varga"),
        (
            "The Tessin Observatory puts civilian deaths on the northern side at 95.",
            "Tessin Observatory",
        ),
        # as before: no phrase between them
        ("The Tessin Observatory put the losses at 40.", "Tessin Observatory"),
        # near misses: a clause between them is no phrase of the toll; nothing is put at a figure
        ("The Tessin Observatory puts its losses, it says, at 95.", None),
        ("The Tessin Observatory put its losses behind it.", None),
    ],
)
def test_a_toll_put_at_a_figure_past_a_time_or_side_phrase(text: str, body: str | None) -> None:
    assert find_attribution(text) == body


def test_a_body_named_by_an_apposition_of_its_kind() -> None:
    text = "The Marrow Valley Collective, a network of parish volunteers, counts the dead."
    assert find_described_bodies(text) == [("Marrow Valley Collective", "network")]
    # an apposition of a person's role names no body's kind
    assert find_described_bodies("Ana Pereira-Lutz, a lawyer from Tessin, said so.") == []
    # a speaker after a comma is no apposition: "the monitor" names its own speaker
    assert find_described_bodies("Tessin lost 30 men since May, the monitor said.") == []


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        # the noun of its apposition refers back to the body
        (
            "The Marrow Valley Collective, a network of parish volunteers, has counted the dead "
            "since 2025. The network says 57 people are missing in the valley.",
            57,
            "Marrow Valley Collective",
        ),
        (
            "The Ostrava Lane Watchers, an alliance of farmers' councils, keep a register. The "
            "alliance says 19 people were killed in the raid.",
            19,
            "Ostrava Lane Watchers",
        ),
        # a body that spoke under its name, then "the network"
        (
            "The Upper Dniva Rights Watchers now say 400 people have died since 2024. The "
            "network says a further 36 people are missing.",
            36,
            "Upper Dniva Rights Watchers",
        ),
        # a body named in full, then by its head, recalling a toll
        (
            "Borduria's Ministry of Public Order and Frontier Affairs issued a statement. The "
            "Ministry takes this opportunity to recall that 64 officers have been killed.",
            64,
            "Ministry of Public Order and Frontier Affairs",
        ),
    ],
)
def test_a_body_named_in_full_then_by_a_short_name(text: str, figure: int, claimant: str) -> None:
    assert claimant in claimants_by_figure(text)[figure]


def test_taking_the_opportunity_to_recall_is_a_statement() -> None:
    acts = find_speech("The council takes this opportunity to recall that the truce holds.")
    assert [a.speaker for a in acts] == ["The council"]
    # the infinitive alone is no act
    assert find_speech("The council wants to recall its envoy.") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second speaker after a comma and a conjunction gives the figure of its clause
        (
            "The Tessin Observatory said three herders were killed, and Ivo Lambert-Sarr said "
            "that at least 12 were missing.",
            {3: "Tessin Observatory", 12: "Ivo Lambert-Sarr"},
        ),
        (
            "The Tessin Observatory says 44 people have been killed since May, while the Ostrava "
            "Relief Council lists 16 people as missing.",
            {44: "Tessin Observatory", 16: "Ostrava Relief Council"},
        ),
        # a clause after the comma that names no one is the sentence's speaker's
        (
            "The Tessin Observatory said five herders were killed, and that nine were wounded.",
            {5: "Tessin Observatory", 9: "Tessin Observatory"},
        ),
    ],
)
def test_a_second_speaker_after_a_comma_gives_its_own_clause_s_figure(
    text: str, expected: dict[int, str]
) -> None:
    found = claimants_by_figure(text)
    assert {figure: found.get(figure) for figure in expected} == expected


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        # a surname, then the role the speaker's words give, between commas: the person
        (
            "Colonel Ines Varela-Duarte leads the border brigade. Varela-Duarte, the brigade "
            "commander, said nine soldiers had died at the post.",
            9,
            "Ines Varela-Duarte",
        ),
        # as before: the name after the title
        (
            "Seven soldiers were killed at the post, said the brigade commander, Ines "
            "Varela-Duarte.",
            7,
            "Ines Varela-Duarte",
        ),
    ],
)
def test_a_person_apposed_to_a_speaker_s_role_gives_the_figure(
    text: str, figure: int, claimant: str
) -> None:
    assert claimants_by_figure(text)[figure] == claimant


def test_a_person_named_in_another_clause_is_no_apposition() -> None:
    text = "The brigade met Ines Varela-Duarte; the brigade commander said nine soldiers died."
    assert claimants_by_figure(text)[9] != "Ines Varela-Duarte"


def test_a_body_s_own_release_gives_the_figures_no_one_else_gives() -> None:
    release = (
        "PRESS RELEASE — The Ministry of Frontier Order of Borduria is pleased to announce "
        "that 30 persons were exchanged on Monday at the Ostra-Vel mission. Three of the "
        "returned captives were wounded and are receiving treatment in Ostra-Vel."
    )
    assert claimants_by_figure(release)[3] == "Ministry of Frontier Order of Borduria"
    # near miss: the same sentences as news name no one for the wounded
    news = release.removeprefix("PRESS RELEASE — ")
    news = news.replace("is pleased to announce that", "said on Tuesday that", 1)
    assert claimants_by_figure(news)[3] == "unattributed"


def test_being_pleased_to_announce_is_no_part_of_the_speaker() -> None:
    acts = find_speech("The Tessin Relief Council is pleased to announce that the road is open.")
    assert [a.speaker for a in acts] == ["The Tessin Relief Council"]
