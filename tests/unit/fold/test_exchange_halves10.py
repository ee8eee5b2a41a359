"""Halves told in two sentences, demonym counts and lists of groups (branch state/exchanges10).

The other side's half of a swap is often told in the sentence after the first half, as its
answer ("Twelve soldiers crossed back on Wednesday. In return, Mauritania handed over 36
detainees"; "... were freed in return"; "In turn, ..."; "In exchange, ..."): it joins the release
told before it in the snippet, whether or not the reading named the first half's side, and the
swap's count is their sum. People counted by their nationality's plural ("20 Malians") are a
count; a release ranked among the year's ("the second exchange ... this year") is one swap; a
group that names no side of its own ("Benin freed 14 soldiers and three engineers") is one more
of the side before it; a person named before a counted group ("freed a priest and two nurses")
is counted with it.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

from schemas.snippet import Snippet
from streams.core.fold.counterparts import joined_tables
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events
from streams.core.read.figures import find_exchanged


def _states(*snippets: tuple[str, str]):  # type: ignore[no-untyped-def]
    """Every process the snippets make, as `parley state` shows them (keys are another
    branch's: a snippet that names one side only is shown in the process it belongs to)."""
    events = []
    for n, (day, text) in enumerate(snippets):
        published = datetime.fromisoformat(day).replace(hour=18, tzinfo=UTC)
        events += extract_events(Snippet(id=f"x-{n}", text=text, published_at=published))
    return list(joined_tables(project_tables(events))["negotiations"].values())


def _total(*snippets: tuple[str, str]) -> int:
    return sum(st.prisoners_exchanged for st in _states(*snippets))


def _done(*snippets: tuple[str, str]) -> list[tuple[int | None, dict[str, int]]]:
    return [
        (m.count, dict(m.count_by_side))
        for st in _states(*snippets)
        for m in st.measures
        if m.status == "done" and m.kind == "prisoner exchange"
    ]


# --- the other side's half told in the next sentence --------------------------------------


def test_in_return_opening_the_next_sentence_joins_the_half_before_it() -> None:
    told = (
        "2036-05-04",
        "ASUNCIÓN, May 4 — Eighteen Paraguayan soldiers held in Bolivia crossed the Tarija bridge "
        "on Saturday in the first stage of the exchange. In return, Paraguay handed over 30 "
        "Bolivian detainees, the Red Cross said.",
    )
    assert [count for count, _ in _done(told)] == [48]
    assert _total(told) == 48


def test_in_return_at_the_end_of_the_next_sentence() -> None:
    told = (
        "2036-03-09",
        "Twelve Chilean sailors held by Peru walked free on Sunday. Forty Peruvian detainees were "
        "released from Arica prison in return, the Red Cross said.",
    )
    assert [count for count, _ in _done(told)] == [52]


def test_in_turn_and_in_exchange_open_the_answer() -> None:
    for opener in ("In turn,", "In exchange,"):
        told = (
            "2036-11-10",
            "Nine Uzbek border guards were released by Tajikistan on Sunday at the Qarsh gate. "
            f"{opener} Uzbekistan freed 21 Tajik detainees, the mediators said.",
        )
        assert [count for count, _ in _done(told)] == [30], opener


def test_the_answer_of_the_same_count_told_again_is_no_second_half() -> None:
    # The headline and the answer tell the same 200; the half before it is the four.
    told = (
        "2036-02-21",
        "Four more Tanzanians free; 200 detainees released\n\nFour Tanzanian hostages were "
        "released on Sunday in the second batch of the exchange with Malawi. In return, Malawi "
        "freed 200 detainees from Kuvo prison.",
    )
    counts = [count for count, _ in _done(told)]
    assert 204 in counts
    assert 400 not in counts


def test_nothing_asked_in_return_is_no_answer() -> None:
    swap = ("2036-03-09", "Malawi and Tanzania exchanged 100 prisoners at Kasumulu on Sunday.")
    alone = (
        "2036-03-09",
        "A day earlier, Tanzania freed six road engineers, without asking anything in return, its "
        "spokesman said.",
    )
    counts = sorted(count or 0 for count, _ in _done(swap, alone))
    assert 106 not in counts


def test_a_release_in_another_snippet_is_no_half() -> None:
    first = ("2036-05-04", "Eighteen Paraguayan soldiers crossed the Tarija bridge on Saturday.")
    later = ("2036-05-20", "In return, Paraguay handed over 30 Bolivian detainees on Monday.")
    assert 48 not in [count for count, _ in _done(first, later)]


# --- demonym counts --------------------------------------------------------------------------


def test_a_demonym_plural_is_a_count_of_people() -> None:
    found = find_exchanged("Kenya freed 45 Ugandans and Uganda released 38 Kenyans on Tuesday.")
    assert [f.value for f in found] == [45, 38]
    assert [f.value for f in find_exchanged("exchanged 16 Tajiks for 16 Uzbeks")] == [16, 16]
    assert [f.value for f in find_exchanged("freed 88 Senegalese at the border")] == [88]


def test_a_demonym_before_a_noun_is_counted_once() -> None:
    assert [f.value for f in find_exchanged("freed 36 Malian detainees")] == [36]


def test_a_gapped_swap_of_demonyms() -> None:
    told = (
        "2036-06-18",
        "Bolivia released 25 Paraguayans and Paraguay 25 Bolivians on Wednesday at the Tarija "
        "bridge.",
    )
    assert [count for count, _ in _done(told)] == [50]


# --- a release ranked among the year's -------------------------------------------------------


def test_the_second_exchange_this_year_is_one_swap() -> None:
    told = (
        "2036-05-03",
        "Kenya released 20 Ugandan prisoners and Uganda released 20 Kenyan detainees at the "
        "Suam crossing, the second exchange between the two countries this year.",
    )
    assert [count for count, _ in _done(told)] == [40]


# --- lists of groups -------------------------------------------------------------------------


def test_a_group_that_names_no_side_adds_to_the_side_before_it() -> None:
    told = (
        "2036-07-02",
        "LOMÉ, July 2 — Niger released 30 detainees and Benin freed 14 soldiers and three "
        "engineers on Tuesday, in an exchange at the Kalo well.",
    )
    assert _done(told) == [(47, {"Benin": 17, "Niger": 30})]


def test_a_person_named_before_a_counted_group_is_counted() -> None:
    told = (
        "2036-08-13",
        "Benin on Monday freed a priest and two nurses held since the Kalo clashes, the mediator "
        "said.",
    )
    assert [count for count, _ in _done(told)] == [3]


def test_a_person_among_a_group_is_not_added() -> None:
    told = ("2036-08-13", "Benin on Monday freed 12 nurses, including a priest, the mediator said.")
    assert [count for count, _ in _done(told)] == [12]


# --- some of those freed, counted by no one ----------------------------------------------------


_SWAP = ("2036-06-25", "Kenya and Uganda exchanged 56 prisoners at the Suam crossing on Tuesday.")


def test_among_those_freed_counting_no_one_is_no_new_release() -> None:
    for told in (
        "Portugal, whose citizens were among those freed, urged both sides to return to talks.",
        "'I counted every night,' said Amina Oduya, whose son was among the soldiers released.",
        "A police officer freed in the June exchange attends a prayer for the dead in Kitgum.",
    ):
        later = ("2036-08-20", told)
        done = _done(_SWAP, later)
        assert done == [(56, {})] or [c for c, _ in done] == [56], told
        assert _total(_SWAP, later) == 56


def test_a_release_told_with_its_count_is_still_a_swap() -> None:
    later = (
        "2036-08-20",
        "Kenya and Uganda exchanged 40 prisoners at the Suam crossing on Tuesday, among them "
        "soldiers freed in the June fighting.",
    )
    assert 40 in [c for c, _ in _done(_SWAP, later)]
