"""One process per negotiation (branch state/keys9): two keys that each name the other's second
side a third party keep one process on a tie (the neighbours' testimony, then key order).

Every sentence is invented (places, people, groups, figures); none is news text.
"""

import itertools
from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.counterparts import joins, with_counterparts
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

PUBLISHED = datetime(2041, 4, 14, tzinfo=UTC)


def _keys(text: str) -> set[str]:
    return {e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED))}


def _joins(table: dict[str, set[str]]) -> list[tuple[str, str]]:
    return joins({k: frozenset(v) for k, v in table.items()})


# 1. The mutual-host tie ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "found"),
    [
        # as many third parties each: the neighbours say which state is the third party. The
        # government's own reports name Senegal the host: "OLF--SN" joins, whatever key order says
        (
            {"GA--OLF": {"SN"}, "OLF--SN": {"GA"}, "GA": {"SN"}},
            [("OLF--SN", "GA--OLF"), ("GA", "GA--OLF")],
        ),
        (
            {"GA--OLF": {"SN"}, "OLF--SN": {"GA"}, "SN": {"GA"}},
            [("GA--OLF", "OLF--SN"), ("SN", "OLF--SN")],
        ),
        # the group's own reports (the shared side) name Zambia the mediator
        (
            {"MW--SVA": {"ZM"}, "SVA--ZM": {"MW"}, "SVA": {"ZM"}},
            [("SVA--ZM", "MW--SVA"), ("SVA", "MW--SVA")],
        ),
        # another process of a shared code that names one of them a third party testifies too
        (
            {"GA--OLF": {"SN"}, "OLF--SN": {"GA"}, "GA--XLF": {"SN"}},
            [("OLF--SN", "GA--OLF")],
        ),
        # nothing to tell them apart: the first in key order joins, so one process stays
        ({"GA--OLF": {"SN"}, "OLF--SN": {"GA"}}, [("GA--OLF", "OLF--SN")]),
        ({"BJ--MRF": {"TG"}, "MRF--TG": {"BJ"}}, [("BJ--MRF", "MRF--TG")]),
        # the reports keyed to no process, and keys sharing no code, testify to nothing
        (
            {"GA--OLF": {"SN"}, "OLF--SN": {"GA"}, "unassigned": {"GA"}, "KE--TZ": {"GA"}},
            [("GA--OLF", "OLF--SN")],
        ),
        # unequal evidence: the key naming fewer other third parties joins, as before
        ({"KBF--NA": {"BW", "AO"}, "BW--KBF": {"NA"}, "BW": {"NA"}}, [("BW--KBF", "KBF--NA")]),
    ],
)
def test_a_mutual_tie_keeps_one_process(
    table: dict[str, set[str]], found: list[tuple[str, str]]
) -> None:
    assert _joins(table) == found


_OGOOUE = [
    "LIBREVILLE, March 2 — Gabon's government and the Ogowe Hills Front (OHF) opened a first "
    "round of talks in Dakar on Monday, hosted by Senegal. The front's delegation is led by "
    "Jean-Rémy Ndong Mbazo.",
    "Gabon's government said its delegation would return to Dakar, the Senegalese hosts having "
    "offered the venue again.",
    "LIVE: Talks with OHF rebels resume in Libreville\n\n09:00 — The second round of talks "
    "opened this morning in Libreville, the capital, moved from Dakar at the front's request. "
    "11:20 — The President of Senegal spoke by telephone with his Gabonese counterpart to wish "
    "the talks success, the Senegalese presidency said. 17:00 — Talks continue on Wednesday.",
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_tie_shows_one_process_in_any_order_of_arrival(order: tuple[int, ...]) -> None:
    events = [
        e
        for i in order
        for e in extract_events(
            Snippet(
                id=f"ohf-{i}", text=_OGOOUE[i], published_at=datetime(2041, 3, i + 2, tzinfo=UTC)
            )
        )
    ]
    view = with_counterparts(project_tables(events)["negotiations"])
    shown = [k for k in view if k != "unassigned"]
    assert shown == ["GA--OHF"]
    state = view["GA--OHF"]
    assert "Gabon" in {p.name for p in state.parties}
    assert "Senegal" not in {p.name for p in state.parties}
    assert "Senegal" in {m.name for m in (*state.mediators, *state.hosts)}


# 2. The speaker rule where the snippet does not introduce the group -------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a belligerent's side, its involvement in an attack, its own losses: the acronym names
        # the group of the snippet, and the state only telling the news is no side
        (
            "The second round of the Arusha talks will open on March 9, Tanzania's foreign "
            "ministry said on Tuesday. The ministry said the TRLF side had asked for more time.",
            "TRLF",
        ),
        (
            "The KHF side walked out of the talks on Monday, Uganda's foreign ministry said.",
            "KHF",
        ),
        (
            "The round in Mbale was put back a week, Kenya's foreign ministry said on Friday. The "
            "army said nine soldiers had been killed in the clash. The UPF put its own losses at "
            "four dead.",
            "UPF",
        ),
        (
            "The two sides met again in Gitega, a Tanzanian diplomat said. The KHF put their own "
            "losses at two dead.",
            "KHF",
        ),
        # the government named in the headline, the mediator announcing the date
        (
            "Live: second round of Zambia-KLF talks under way\n\n08:05 — Malawi's foreign "
            "ministry announced the new date on Monday, after an inquiry found no proof of KLF "
            "involvement in the bombing. 10:30 — Delegates have broken for consultations.",
            "KLF--ZM",
        ),
    ],
)
def test_a_group_named_only_by_its_acronym_as_a_belligerent(text: str, key: str) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a state's side and a body the lexicon knows are no group
        ("The Kenyan side said the talks with Uganda would resume on Monday.", "KE--UG"),
        ("The ministry said the EU side had asked for more time.", "unassigned"),
    ],
)
def test_a_side_that_is_no_acronym_of_a_group(text: str, key: str) -> None:
    assert _keys(text) == {key}


# 3. A guarantor of a party's safety acts from outside ------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "BUJUMBURA, April 6 — Burundi's government and the Front for the Liberation of "
            "Kibira (FLK) held a first round of talks in Kigoma on Monday. Tanzania has agreed "
            "to guarantee the safety of FLK negotiators travelling to future rounds.",
            "BI--FLK",
        ),
        (
            "The Kumbari Hills Army (KHA) agreed on Tuesday to free the 12 mine workers it holds. "
            "Australia has agreed to guarantee the safety of KHA negotiators travelling to future "
            "rounds.",
            "KHA",
        ),
        (
            "Tanzania has offered to guarantee the security of the FLK delegation on its way to "
            "the second round of talks, the front's spokesman said.",
            "FLK",
        ),
        (
            "Zambia will guarantee the safe passage of the KLF delegation to the talks with "
            "Malawi's government.",
            "KLF--MW",
        ),
        # control: the government guarantees its counterpart's negotiators, named as a side
        # in another sentence, and stays the side
        (
            "Burundi and the FLK opened the second round in Kigoma on Saturday. The Burundian "
            "government agreed to guarantee the safety of FLK negotiators inside the country.",
            "BI--FLK",
        ),
    ],
)
def test_a_guarantor_of_a_partys_safety_is_no_side(text: str, key: str) -> None:
    assert _keys(text) == {key}


# 4. A known conflict's side and its neighbour firing at each other ----------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # people of one wounded or killed by the other's fire, named; fire from one's side
        (
            "Two Kuwaiti coastguards were wounded by Iraqi fire near the Warbah channel on "
            "Tuesday, Kuwait's interior ministry said.",
            "IQ--KW",
        ),
        (
            "Mortar rounds fired from the Iraqi side of the line killed a Jordanian soldier near "
            "Ruwaished on Sunday.",
            "IQ--JO",
        ),
        # controls: fire no one's, or the war's other side named: the known conflict
        (
            "Three Iraqi soldiers were killed by mortar fire near Tal Afar, Jordan's foreign "
            "ministry said.",
            "IQ--IS",
        ),
        (
            "Jordanian doctors treated 12 Iraqi civilians wounded by Islamic State mortar fire "
            "near Rutba.",
            "IQ--IS",
        ),
    ],
)
def test_a_known_sides_neighbour_firing_on_it_is_its_counterpart(text: str, key: str) -> None:
    assert _keys(text) == {key}
