"""Roles an analyst can trust (issue 14, branch state/roles2): roles are read before the process
key is chosen, so a mediator or host never keys the process, nor becomes its party.

Every sentence is invented; none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

FRI = datetime(2031, 3, 7, 18, tzinfo=UTC)


def _read(text: str) -> tuple[list[str], list[str], dict[str, str]]:
    """Process keys, parties and third parties (name -> role) of a one-snippet story."""
    states = project_tables(extract_events(Snippet(text=text, published_at=FRI)))["negotiations"]
    parties = sorted({p.name for st in states.values() for p in st.parties})
    third = {m.name: m.role for st in states.values() for m in (*st.mediators, *st.hosts)}
    return sorted(states), parties, third


@pytest.mark.parametrize(
    ("text", "keys", "parties", "third"),
    [
        # a mediator or facilitator whose own state has a known conflict keys nothing
        (
            "Chile and Peru held talks in Lima under Turkish mediation on Tuesday.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Turkey": "mediator"},
        ),
        (
            "Chile and Peru held a new round of talks, facilitated by Colombia, in Quito.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Colombia": "facilitator"},
        ),
        (
            "Talks between Chile and Peru, which Turkey hosted in Ankara, ended on Friday.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Turkey": "host"},
        ),
        (
            "Chile and Peru met in Bogota on Monday, in talks brokered by Colombia and Turkey.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Colombia": "mediator", "Turkey": "mediator"},
        ),
        # near misses: an envoy noun is no firm cue, a side of a known conflict sends envoys
        (
            "Russian envoys met Ukrainian officials in a hotel on Monday.",
            ["RU--UA"],
            ["Russia", "Ukraine"],
            {},
        ),
        (
            "Saudi and Omani envoys met Houthi leaders in Sanaa on Monday.",
            ["YE--YE-HOUTHI"],
            ["Houthis"],
            {"Oman": "mediator", "Saudi Arabia": "mediator"},
        ),
        # the object of "hosted" is a guest, not a host: the guests still key the process
        (
            "Norway hosted Iranian and Israeli officials for indirect talks on Monday.",
            ["IL--IR"],
            ["Iran", "Israel"],
            {"Norway": "host"},
        ),
    ],
)
def test_a_mediator_never_keys_the_process(
    text: str, keys: list[str], parties: list[str], third: dict[str, str]
) -> None:
    assert _read(text) == (keys, parties, third)


@pytest.mark.parametrize(
    ("text", "keys", "parties", "third"),
    [
        # a rebel group the lexicon does not know, introduced with its acronym
        (
            "The Chilean government and the Northern Liberation Front (NLF) signed a ceasefire "
            "in Havana on Monday, with Cuba and Norway as guarantors.",
            ["CL--NLF"],
            ["Chile", "Northern Liberation Front"],
            {"Cuba": "guarantor", "Norway": "guarantor"},
        ),
        (
            "Talks between the Government of Chile and the Northern Front (NF) opened in Quito. "
            "NF negotiators said the talks were useful.",
            ["CL--NF"],
            ["Chile", "Northern Front"],
            {},
        ),
        (
            "Negotiators for Chile and the NLF rebels met in Oslo on Tuesday under Norwegian "
            "mediation.",
            ["CL--NLF"],
            ["Chile", "NLF"],
            {"Norway": "mediator"},
        ),
        # near miss: a body with an acronym is no armed group, and no party
        (
            "The United Nations Development Programme (UNDP) and Chile signed an aid accord.",
            ["CL"],
            ["Chile"],
            {},
        ),
    ],
)
def test_groups_a_snippet_introduces_are_parties(
    text: str, keys: list[str], parties: list[str], third: dict[str, str]
) -> None:
    assert _read(text) == (keys, parties, third)


@pytest.mark.parametrize(
    ("text", "keys", "parties"),
    [
        # third states that only welcome or comment are no parties, however often named
        (
            "Chile and Peru signed a border accord in Quito on Friday. The United States and "
            "Brazil welcomed the deal, and Brazil said it was ready to help.",
            ["CL--PE"],
            ["Chile", "Peru"],
        ),
        # a commenting state with a known conflict of its own does not take the key over
        (
            "Chile and Peru signed a border accord in Quito on Friday. Turkey welcomed the accord "
            "and Turkish officials said Turkey would send observers.",
            ["CL--PE"],
            ["Chile", "Peru"],
        ),
        (
            "Talks between the Chilean government and the Northern Front (NF) resumed. Colombia "
            "said Colombia hoped for a deal.",
            ["CL--NF"],
            ["Chile", "Northern Front"],
        ),
        # near misses: a known conflict with both sides named keeps its key; a pair not framed
        # (only welcomed) does not make the sides
        (
            "Russia and Ukraine signed a grain deal; Chile and Peru welcomed it.",
            ["RU--UA"],
            ["Russia", "Ukraine"],
        ),
        (
            "Saudi and Omani envoys met Houthi leaders in Sanaa; Chile and Peru welcomed the "
            "talks.",
            ["YE--YE-HOUTHI"],
            ["Houthis"],
        ),
    ],
)
def test_the_sides_a_sentence_frames_key_the_process(
    text: str, keys: list[str], parties: list[str]
) -> None:
    found_keys, found_parties, _ = _read(text)
    assert (found_keys, found_parties) == (keys, parties)
