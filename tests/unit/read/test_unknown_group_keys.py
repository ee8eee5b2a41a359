"""Process keys of conflicts the lexicon does not know, told over many snippets (issue 14): a
group named by its acronym alone in a belligerent's context, or by its full name without the
acronym, keys as the snippet that spelled it out; a wire report datelined in a town of a state
keys "the government" as that state when it names no state.

Every sentence is invented (places, people, groups and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.gazetteer import find_mentions
from streams.core.read.introduced import introduced_groups, named_groups

PUBLISHED = datetime(2031, 5, 10, tzinfo=UTC)


def _keys(text: str, types: tuple[str, ...] = ("talks", "prisoner_exchange")) -> set[str]:
    events = extract_events(Snippet(text=text, published_at=PUBLISHED))
    return {e.process for e in events if e.type in types}


def _acronyms(text: str) -> list[str]:
    actors, _ = find_mentions(text)
    return [g.acronym for g in introduced_groups(text, actors)]


@pytest.mark.parametrize(
    ("text", "acronyms"),
    [
        ("Twelve soldiers held by the QRV came home on Sunday.", ["QRV"]),
        ("The armed group QRV denied the attack.", ["QRV"]),
        ("Fighters of the so-called QRV crossed the river.", ["QRV"]),
        ("The QRV delegation left the hall at noon.", ["QRV"]),
        ("The QRV's commander said the talks would go on.", ["QRV"]),
        ("Talks between the government and the QRV resumed.", ["QRV"]),
        ("Negotiators for the government and the QRV met again.", ["QRV"]),
        ("The QRV freed six engineers on Monday.", ["QRV"]),
        ("He said the QRV negotiates as it fights.", ["QRV"]),
        ("The QRV will free 25 soldiers.", ["QRV"]),
        # near misses: an acronym with no belligerent's context, a known body, a stop word
        ("The QRV published its yearly report on Monday.", []),
        ("The ICRC delegation left the hall at noon.", []),
        ("IDP leaders met the governor on Monday.", []),
        ("PRESS RELEASE: The ministry met donors.", []),
    ],
)
def test_an_acronym_in_a_belligerents_context_is_a_group(text: str, acronyms: list[str]) -> None:
    assert _acronyms(text) == acronyms


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (
            "Talks with the Movement for Unity and Renewal opened.",
            [("Movement for Unity and Renewal", "MUR")],
        ),
        ("The Upland Freedom Army denied it.", [("Upland Freedom Army", "UFA")]),
        # an organ of the group names the group
        (
            "The General Command of the Upland Freedom Army denied it.",
            [("Upland Freedom Army", "UFA")],
        ),
        ("STATEMENT OF THE UPLAND FREEDOM ARMY", [("Upland Freedom Army", "UFA")]),
        # near misses: no head word, a state's own army, two letters only
        ("The Upland Water Board met.", []),
        ("The Zambian Army denied it.", []),
        ("The National Army denied it.", []),
        # two bodies joined by "and the" are no one name
        ("Members of the Armed Forces and the National Police were freed.", []),
        # two of-phrases joined by "and of the", each naming its body
        ("Members of the Army and of the National Guard were killed.", []),
        (
            "Fighters of the Upland Freedom Army and of the Coastal Defence Front met.",
            [("Upland Freedom Army", "UFA"), ("Coastal Defence Front", "CDF")],
        ),
        (
            "The Upland Freedom Army and the Coastal Defence Front met.",
            [("Upland Freedom Army", "UFA"), ("Coastal Defence Front", "CDF")],
        ),
    ],
)
def test_a_group_named_in_full_is_coded_by_its_initials(
    text: str, groups: list[tuple[str, str]]
) -> None:
    actors, places = find_mentions(text)
    assert [(g.name, g.acronym) for g in named_groups(text, actors, places)] == groups


def test_the_name_and_the_acronym_key_alike_in_different_snippets() -> None:
    spelled = "Zambia's government and the Upland Freedom Army (UFA) held talks on Monday."
    named = "The third round of talks between Zambia and the Upland Freedom Army opened on Monday."
    bare = "Zambia and the UFA swapped 40 prisoners on Monday."
    assert _keys(spelled) == _keys(named) == _keys(bare) == {"UFA--ZM"}


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # a dateline in a town of the state: "the government" is its side
        (
            "LUSAKA, May 9 — Talks between the government and the UFA resumed on Friday.",
            {"UFA--ZM"},
        ),
        ("LUSAKA (ZW) — The government swapped 40 prisoners with the rebels.", {"ZM"}),
        # near misses: no dateline; a state named as a side already; no government named
        ("Talks between the government and the UFA resumed on Friday.", {"UFA"}),
        ("LUSAKA, May 9 — Talks between Malawi and the UFA resumed on Friday.", {"MW--UFA"}),
        ("LUSAKA, May 9 — The UFA delegation met the mediator on Friday.", {"UFA"}),
    ],
)
def test_a_dateline_names_the_government_a_snippet_leaves_unnamed(
    text: str, keys: set[str]
) -> None:
    assert _keys(text) == keys
