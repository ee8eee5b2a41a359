"""Who gives a toll when the news spells out a rank or puts an aside between the claimant and
its verb: "said the army spokesman, Brigadier General X", "the ministry, in its weekly
bulletin, said". Every sentence, body, person and place is invented."""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from tests.factories import claimants_by_figure


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Shells killed five soldiers at Kerova, said the Ruritanian army spokesman, "
            "Brigadier General Fadi Nasser Al-Baruni.",
            "Fadi Nasser Al-Baruni",
        ),
        ("Shells killed five soldiers, said the army spokesman, Major Ivo Brandt.", "Ivo Brandt"),
        (
            "Shells killed five soldiers, said the police spokesman, Lieutenant Colonel Ana Sorel.",
            "Ana Sorel",
        ),
        # no rank: as before
        ("Shells killed five soldiers, said the army spokesman, Ivo Brandt.", "Ivo Brandt"),
    ],
)
def test_a_spelled_out_rank_is_no_part_of_the_apposed_name(text: str, claimant: str) -> None:
    assert claimants_by_figure(text) == {5: claimant}


def test_the_full_name_after_a_rank_resolves_the_surname_later_in_the_snippet() -> None:
    text = (
        "Shells killed five soldiers, said the army spokesman, Brigadier General Omar "
        "Al-Baruni. Al-Baruni said nearly forty people had been killed since January."
    )
    assert claimants_by_figure(text) == {5: "Omar Al-Baruni", 40: "Omar Al-Baruni"}


def test_a_rank_is_no_name_of_the_person_a_title_introduces() -> None:
    events = extract_events(
        Snippet(text="Shells hit Kerova, said the army spokesman, Colonel Marta Ivanic.")
    )
    names = {a.name for e in events for a in e.actors if a.kind == "person"}
    assert names == {"Marta Ivanic"}


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        (
            "The Ruritanian health ministry, in its weekly bulletin, said 61 people had died.",
            61,
            "Ruritanian health ministry",
        ),
        ("The army, in a daily update, said four soldiers were killed.", 4, "army"),
        ("The ministry, in its report to parliament, said 12 people were wounded.", 12, "ministry"),
    ],
)
def test_an_aside_naming_the_channel_is_no_claimant(text: str, figure: int, claimant: str) -> None:
    assert claimants_by_figure(text) == {figure: claimant}


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        (
            "On Sunday, artillery shelled positions near Kerova, killing four soldiers and "
            "wounding eleven, said Colonel Marat Idris, spokesman of the Ruritanian army.",
            4,
            "Marat Idris",
        ),
        (
            "Shells hit the market, killing nine people, said the district governor, Ana Sorel.",
            9,
            "Ana Sorel",
        ),
        # the head before the participle's phrase speaks when no one follows the verb
        ("The army, quoting field commanders, said four soldiers died.", 4, "army"),
    ],
)
def test_a_participles_phrase_before_the_verb_is_no_speaker(
    text: str, figure: int, claimant: str
) -> None:
    assert claimants_by_figure(text)[figure] == claimant


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "At least eight civilians were killed when a shell hit a school, according to the "
            "head of the health centre, Anna Kolar.",
            "Anna Kolar",
        ),
        (
            "At least eight civilians were killed when a shell hit a school, according to the "
            "head of the district health centre, Sister Anna Kolar.",
            "Anna Kolar",
        ),
        ("Eight were killed, said the spokesman, Dr. Anna Kolar.", "Anna Kolar"),
        (
            "Eight were killed, said the spokesman for the regional government, Ivo Brandt.",
            "Ivo Brandt",
        ),
    ],
)
def test_a_name_apposed_to_a_title_in_lower_case_is_the_claimant(text: str, claimant: str) -> None:
    assert claimants_by_figure(text) == {8: claimant}


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        # "put the toll at" with a number word, a quotation, a possessive before the noun
        (
            "The rebels' spokesman, Marek Dolan, put the number of soldiers killed at fourteen.",
            14,
            "Marek Dolan",
        ),
        (
            "The rebels' spokesman, Marek Dolan, put the army's dead at \"more than twenty\".",
            20,
            "Marek Dolan",
        ),
        # "notes that" with a manner or an aside before "that"
        (
            "The Government notes, however, that at least 140 of its personnel remain "
            "unaccounted for.",
            140,
            "Government",
        ),
        (
            "The Special Envoy notes with concern that more than 30,000 people remain displaced.",
            30000,
            "Special Envoy",
        ),
        # a reduced relative apposed to the head: the head speaks
        (
            "The Kerova Monitor, known as KM, now estimates that 1,100 people have been killed.",
            1100,
            "Kerova Monitor",
        ),
        ("The Front, led by Ana Vell, said 40 fighters were killed.", 40, "Front"),
    ],
)
def test_who_puts_notes_or_estimates_a_toll_is_its_claimant(
    text: str, figure: int, claimant: str
) -> None:
    assert claimants_by_figure(text)[figure] == claimant
