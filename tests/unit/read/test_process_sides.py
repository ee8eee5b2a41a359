"""Which two sides a snippet's process key names, when states around the process act from
outside it, history is told in passing, or a known conflict is named by one side only.

Every sentence is invented; none is news text.
"""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.gazetteer import find_mentions, role_cue


def _processes(text: str) -> set[str]:
    return {e.process for e in extract_events(Snippet(text=text, published_at="2027-02-10"))}


@pytest.mark.parametrize(
    ("text", "process"),
    [
        # a known conflict named by one side gives way to an armed group named as often
        (
            "Mozambique's government and the Northern Popular Army (NPA) began a third round "
            "of talks in Lusaka on Wednesday. The NPA said its fighters would respect a truce.",
            "MZ--NPA",
        ),
        # a commenting state's one mention keys no conflict of its own over the sides named
        (
            "Peru's government and the Andean Liberation Front (ALF) opened talks in Havana. "
            "The ALF has fought since 1991. Colombian Foreign Minister Rosa Ibarra welcomed it.",
            "ALF--PE",
        ),
        # an arms seller or a would-be host is no side
        (
            "Argentina sold six helicopters to the Peruvian army in January, a deal the rebels "
            "condemned.",
            "PE",
        ),
        ("The Foreign Ministry of Ecuador said it was ready to host talks with Peru.", "PE"),
        # an accord of another pair told as of an older year frames no sides
        (
            "Talks between Chile and Peru resumed in Quito. Angola and Namibia signed a border "
            "accord in 2002, Peru recalled.",
            "CL--PE",
        ),
        # near misses: a group named once beside a side named thrice keeps the known conflict;
        # this year's accord of a pair frames it
        (
            "Rwanda said Rwandan troops stayed home. Rwandan officials denied that Wagner "
            "fighters were present.",
            "CD--M23--RW",
        ),
        ("Angola and Namibia signed a border accord in January 2027.", "AO--NA"),
        # talks of a pair with no side in a known war named beside them are the pair's
        (
            "Talks between Chile and Peru resumed in Lima on Monday. Russia launched 40 drones "
            "at Ukraine overnight, Ukraine said.",
            "CL--PE",
        ),
        (
            "Chile and Peru held talks in Lima on Monday. Israeli jets struck Syrian positions "
            "overnight, and Syria said Israel had violated its airspace.",
            "CL--PE",
        ),
        # a sentence opened by a past year keys nothing: the talks of the snippet are Chile's
        (
            "Chile's talks with Peru resumed in Lima. In 2016, Colombia and the FARC signed a "
            "peace deal in Havana; Colombian officials said the lessons applied.",
            "CL--PE",
        ),
        # near misses: a pair holding a side of the war, a pair on another matter
        ("Washington and Moscow agreed to hold talks on Ukraine, the Kremlin said.", "RU--UA"),
        (
            "Chile and Peru signed a fishing accord; Russia and Ukraine exchanged 90 prisoners.",
            "RU--UA",
        ),
    ],
)
def test_process_sides(text: str, process: str) -> None:
    assert _processes(text) == {process}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the one envoys or mediators address is no envoy or mediator
        (
            "Chinese and Russian envoys urged Chile and Peru to return to talks.",
            [("Chinese", "mediator"), ("Russian", "mediator"), ("Chile", None), ("Peru", None)],
        ),
        ("Qatari mediators briefed Chile on Monday.", [("Qatari", "mediator"), ("Chile", None)]),
        ("US envoys met Peru on Monday.", [("US", "mediator"), ("Peru", None)]),
        # near misses: the cue right before the name, or after it
        ("The mediator Qatar urged calm.", [("Qatar", "mediator")]),
        ("Talks were hosted by Chile on Monday.", [("Chile", "host")]),
    ],
)
def test_a_name_addressed_by_envoys_is_not_one(
    text: str, roles: list[tuple[str, str | None]]
) -> None:
    actors, _ = find_mentions(text)
    assert [(a.mention, role_cue(text, a)) for a in actors] == roles
