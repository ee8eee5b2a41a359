"""The stages of a swap as a feed tells them (issue 14, branch state/exchanges5): a release
wanted or demanded frees no one; buses that turned back and nobody crossed halt a swap; a part
of a swap named by its number is no swap; a swap told completed is done; a deal halted and then
carried out is one swap; "the same day" is the day of the sentence before. Invented sentences."""

from datetime import date

from schemas.snippet import Snippet
from schemas.state import Measure, NegotiationState
from streams.core.read.extract import extract_events
from tests.factories import state_from_snippets

SWAP = "prisoner exchange"


def _swaps(state: NegotiationState) -> list[Measure]:
    return [m for m in state.measures if m.kind == SWAP]


def _done(state: NegotiationState) -> list[tuple[int | None, date | None]]:
    return sorted(
        ((m.count, m.date.start if m.date else None) for m in _swaps(state) if m.status == "done"),
        key=str,
    )


def test_people_held_and_wanted_freed_are_no_release() -> None:
    state = state_from_snippets(
        "AO--NA",
        (
            "2036-03-03",
            "Angola and Namibia agreed on Tuesday to exchange 40 detainees each by March 20. "
            "Angola's negotiator said Namibia was holding 52 Angolan herders and wanted every "
            "one of them freed.",
        ),
        (
            "2036-03-04",
            "The ministry said the group still holds 20 guards and demands that 60 of its "
            "fighters be freed in return.",
        ),
    )
    assert _done(state) == []
    assert state.prisoners_exchanged == 0


def test_a_release_told_before_a_demand_is_done() -> None:
    state = state_from_snippets(
        "AO--NA",
        (
            "2036-03-04",
            "Namibia freed 14 Angolan herders on Tuesday and demands that 30 of its rangers "
            "be released in return.",
        ),
    )
    assert [c for c, _ in _done(state)] == [14]


def test_buses_that_turned_back_with_nobody_crossing_halt_the_swap() -> None:
    state = state_from_snippets(
        "AO--NA",
        ("2036-05-10", "Angola and Namibia agreed on Saturday to exchange 40 detainees each."),
        (
            "2036-05-21",
            "Buses carrying 40 Angolan detainees turned back at the Ombala post on Wednesday, "
            "and nobody crossed in either direction.",
        ),
        (
            "2036-05-22",
            "None of the 40 Namibian soldiers held by Angola was released, officials said.",
        ),
    )
    assert _done(state) == []
    assert any(m.status == "collapsed" for m in _swaps(state))
    assert state.prisoners_exchanged == 0


def test_some_of_the_people_freed_are_no_swap_of_their_own() -> None:
    state = state_from_snippets(
        "AO--NA",
        (
            "2036-06-08",
            "Angola and Namibia exchanged 44 soldiers on Monday at the Ombala post. Four of the "
            "officers returned are wounded. Six of the soldiers freed had been held since June.",
        ),
    )
    assert [c for c, _ in _done(state)] == [44]
    assert state.prisoners_exchanged == 44


def test_an_exchange_told_completed_is_done() -> None:
    state = state_from_snippets(
        "AO--NA",
        ("2036-05-10", "Angola and Namibia agreed on Saturday to swap 40 herders for 40."),
        (
            "2036-05-26",
            "Key dates of the herders' dispute between Angola and Namibia. May 10 - deal to "
            "swap 40 for 40. May 21 - the prisoner exchange was completed after a four-day "
            "delay.",
        ),
    )
    assert _done(state) == [(80, date(2036, 5, 21))]


def test_a_deal_halted_and_then_carried_out_is_one_swap_of_its_count() -> None:
    state = state_from_snippets(
        "AO--NA",
        ("2036-04-10", "Angola and Namibia agreed on Friday to exchange 75 prisoners each."),
        (
            "2036-04-21",
            "The second exchange of prisoners between Angola and Namibia was halted on Tuesday "
            "at the Ombala post. Buses carrying 75 Angolan prisoners turned back.",
        ),
        (
            "2036-04-26",
            "Angola and Namibia said the second exchange was completed on Saturday after a "
            "five-day delay.",
        ),
    )
    assert _done(state) == [(150, date(2036, 4, 26))]
    assert state.prisoners_exchanged == 150


def _dated(text: str, published: str) -> list[tuple[int, date | None]]:
    snippet = Snippet(id="sd-01", text=text, published_at=f"{published}T18:00:00Z")
    return [
        (e.sentence.index, e.date.start if e.date else None)
        for e in extract_events(snippet)
        if e.type == "prisoner_exchange"
    ]


def test_the_same_day_is_the_day_of_the_sentence_before() -> None:
    got = _dated(
        "Angola handed over 16 Namibian herders at the Ombala post on Monday. Namibia freed "
        "11 Angolan soldiers the same day. The next day, Namibia released nine Angolan fishermen.",
        "2036-10-08",
    )
    assert got == [(0, date(2036, 10, 6)), (1, date(2036, 10, 6)), (2, date(2036, 10, 7))]


def test_the_same_day_skips_a_planned_date_told_in_between() -> None:
    got = _dated(
        "Angola freed 16 Namibian herders on Monday. The sides will meet again on October 20. "
        "On the same day, Namibia released 11 Angolan soldiers.",
        "2036-10-08",
    )
    assert got == [(0, date(2036, 10, 6)), (2, date(2036, 10, 6))]


def test_the_same_day_without_a_day_before_stays_undated() -> None:
    got = _dated("Namibia released 11 Angolan soldiers the same day.", "2036-10-08")
    assert got == [(0, None)]


def test_lists_handed_over_are_a_step_of_the_deal_not_a_release() -> None:
    # Branch state/rounds5: "both sides have handed over lists" frees no one.
    state = state_from_snippets(
        "AO--NA",
        (
            "2036-03-02",
            "Angola and Namibia opened talks in Lusaka on Tuesday. Prisoners of war are the first "
            "item, and both sides have handed over lists, the mediator said.",
        ),
        (
            "2036-03-04",
            "Angola and Namibia agreed on Thursday to exchange 40 prisoners of war each within "
            "ten days.",
        ),
    )
    assert _done(state) == []
    assert state.prisoners_exchanged == 0
