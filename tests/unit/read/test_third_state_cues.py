"""Third states a snippet names beside a government and its armed group (branch state/devtracks,
from the errors of the training tracks): a state that offers the venue, signs as a witness, is
thanked for its facilitation, sends a (singular) envoy, or is only the place of the talks ("the
Seychellois capital") is no side; a group introduced under an acronym of its name in another
language ("the Grand Sud Liberation Army (ALGS)") is one.

Every sentence is invented (places, people, groups and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.acronyms import stands_for
from streams.core.read.extract import extract_events
from streams.core.read.gazetteer import find_mentions, role_cue
from streams.core.read.introduced import Group, introduced_groups
from streams.core.roles import role_near

PUBLISHED = datetime(2031, 5, 10, tzinfo=UTC)


def _keys(text: str) -> list[str]:
    return sorted({e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED))})


def _role(text: str, name: str) -> str | None:
    at = text.index(name)
    return role_near(text, at, at + len(name))


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Ghana had offered to host the next round.", "Ghana", "host"),
        ("The Togolese government has offered to host the talks.", "Togolese", "host"),
        ("Mauritius is providing the venue for the second round.", "Mauritius", "host"),
        ("Peru offered its conference centre for the talks.", "Peru", "host"),
        ("Norway, Ghana and the African Union signed as witnesses.", "Ghana", "observer"),
        ("Norway acted as witness at the signing.", "Norway", "observer"),
        ("The minister thanked Norway for its patient facilitation.", "Norway", "facilitator"),
        # near misses: another offer, witnesses who speak, the one who thanks, a side's word
        ("Ghana had offered to send troops to the border.", "Ghana", None),
        ("The witnesses said Ghanaian soldiers fired first.", "Ghanaian", None),
        ("Chile thanked Norway for its patient facilitation.", "Chile", None),
        ("Peru praised Norway for its facilitation of the talks.", "Peru", None),
        ("Togo said the talks would move to another venue.", "Togo", None),
    ],
)
def test_a_role_word_near_a_third_state(text: str, name: str, role: str | None) -> None:
    assert _role(text, name) == role


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a demonym before "capital" names a place, whether or not its capital is listed
        ("The talks resumed in the Seychellois capital on Monday.", []),
        ("The talks resumed in the Norwegian capital on Monday.", []),
        # near misses: the state's people or forces, its capital as an actor
        ("Seychellois troops reached the island on Monday.", ["SC"]),
        ("Norwegian officials said the talks had resumed.", ["NO"]),
    ],
)
def test_a_demonym_before_capital_is_no_actor(text: str, codes: list[str]) -> None:
    actors, _ = find_mentions(text)
    assert [m.code for m in actors] == codes


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Norwegian envoy Ingrid Haugland said the gap was narrow.", "Norwegian", "mediator"),
        ("The talks were arranged through the Botswanan envoy.", "Botswanan", "mediator"),
        # near misses: the envoy addresses the state; a state's troops
        ("The envoy met Norway's foreign minister on Monday.", "Norway", None),
        ("Botswanan troops crossed the river on Monday.", "Botswanan", None),
    ],
)
def test_a_singular_envoy_is_a_mediator_cue(text: str, name: str, role: str | None) -> None:
    actors, _ = find_mentions(text)
    (mention,) = [m for m in actors if m.mention == name]
    assert role_cue(text, mention) == role


@pytest.mark.parametrize(
    ("acronym", "name", "fits"),
    [
        ("MUJ", "Movement for Unity and Justice", True),
        ("ALGS", "Grand Sud Liberation Army", True),
        ("FPP", "Highlands Popular Front", True),
        ("NF", "Northern Front", True),
        # near misses: a letter of no word, too many or too few letters
        ("ELN", "National Liberation Army", False),
        ("AB", "Northern Front", False),
        ("NLFAB", "Northern Front", False),
        ("F", "Northern Front", False),
    ],
)
def test_an_acronym_stands_for_a_name_in_any_language(acronym: str, name: str, fits: bool) -> None:
    assert stands_for(acronym, name) is fits


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (
            "Delegates of the Grand Sud Liberation Army (ALGS) arrived on Monday.",
            [Group("Grand Sud Liberation Army", "ALGS")],
        ),
        (
            "The Highlands Popular Front (FPP) freed three aid workers.",
            [Group("Highlands Popular Front", "FPP")],
        ),
        # near misses: no head word of a group, letters of no word of the name
        ("The Grand Sud Liberation Council (ALGS) met on Monday.", []),
        ("The Northern Front (AB) met on Monday.", []),
    ],
)
def test_a_group_introduced_under_a_translated_acronym(text: str, groups: list[Group]) -> None:
    actors, _ = find_mentions(text)
    assert introduced_groups(text, actors) == groups


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "Chile and the ALF rebels signed a ceasefire on Thursday. Norway and Ghana signed as "
            "witnesses. Ghana's minister said the guns would fall silent.",
            ["ALF--CL"],
        ),
        (
            "The government delegation returned from the talks. The minister thanked Norway for "
            "its patient facilitation and Ghana for its support.",
            ["unassigned"],
        ),
        (
            "The talks between the government and the rebels resumed in the Seychellois capital. "
            "A delegate said Chile would attend.",
            ["CL"],
        ),
        (
            "Chile's negotiator said the gap was narrow. Norwegian envoy Ingrid Haugland said the "
            "sides were close.",
            ["CL"],
        ),
        (
            "Delegates of Chile's government and the Grand Sud Liberation Army (ALGS) met on "
            "Monday, with Norway's envoy in the chair. Norway said it was pleased.",
            ["ALGS--CL"],
        ),
        # near misses: the two sides framed by their meeting stay the key
        (
            "Chile and Peru met in Lima on Monday. The Peruvian envoy said the gap was narrow.",
            ["CL--PE"],
        ),
        (
            "Chile and Peru signed the accord on Monday, and Brazil signed as a witness.",
            ["CL--PE"],
        ),
    ],
)
def test_third_states_key_no_process(text: str, keys: list[str]) -> None:
    assert _keys(text) == keys


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The three, a Peruvian and a Bolivian, work for a charity.", []),
        ("He is a Bolivian.", []),
        # near misses: the demonym before a noun, or as the subject
        ("A Bolivian soldier was killed on Monday.", ["BO"]),
        ("The Bolivian said no to the plan.", ["BO"]),
    ],
)
def test_a_demonym_for_one_person_is_no_actor(text: str, codes: list[str]) -> None:
    actors, _ = find_mentions(text)
    assert [m.code for m in actors] == codes


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # the states a speaker thanks helped the talks
        (
            "The rebel chairman thanked Norway and Ghana and said the ALF rebels would attend.",
            ["ALF"],
        ),
        # near misses: a side that thanks; a state whose own city hosts the talks stays a side
        ("Chile thanked Peru for the release of the prisoners on Monday.", ["CL--PE"]),
        (
            "Chile and Peru met in Lima on Monday, Peru's foreign ministry said.",
            ["CL--PE"],
        ),
        (
            "The ALF rebels said on Monday that talks would be held in Santiago. Chile's "
            "government confirmed the date.",
            ["ALF--CL"],
        ),
    ],
)
def test_thanked_states_key_no_process(text: str, keys: list[str]) -> None:
    assert _keys(text) == keys
