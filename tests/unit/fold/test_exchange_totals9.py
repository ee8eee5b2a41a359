"""Running totals told beside the swaps they add, and per-side tallies (branch state/exchanges9).

A running total told in a clause after the release it adds ("..., bringing to 440 the number
freed since April"; "with this exchange of 33, the number freed since March reaches 88") is a
report of its own beside the swap: the swap keeps its count, the tally is the people exchanged
up to its day. A total of people freed "since the talks" in the perfect, or counted "in three
transfers", is a running total, no swap; one that names its span as the process's ("since
March", "since the Ostrava talks") may count releases the feed told only through it. A tally
told per side ("58 released by Chile and 46 by Peru") is no total of the process.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from tests.factories import state_from_snippets


def _state(*snippets: tuple[str, str]):  # type: ignore[no-untyped-def]
    return state_from_snippets("MW--TZ", *snippets)


def _total(*snippets: tuple[str, str]) -> int:
    return _state(*snippets).prisoners_exchanged


def _done(*snippets: tuple[str, str]) -> list[tuple[str, int | None]]:
    return [(m.kind, m.count) for m in _state(*snippets).measures if m.status == "done"]


_FIRST = ("2036-03-06", "Malawi and Tanzania exchanged 60 prisoners at Kasumulu on Thursday.")
_SECOND = ("2036-04-10", "Malawi and Tanzania exchanged 30 prisoners at Kasumulu on Wednesday.")


# --- a running total told in a clause after the release it adds ------------------------------


def test_a_tally_brought_to_after_the_release_is_kept_beside_the_swap() -> None:
    told = (
        "2036-04-10",
        "Malawi and Tanzania exchanged 30 prisoners at Kasumulu on Wednesday, bringing to 102 "
        "the number of people freed since March, the Red Cross said.",
    )
    assert ("prisoner exchange", 30) in _done(_FIRST, told)
    assert ("releases to date", 102) in _done(_FIRST, told)
    assert _total(_FIRST, told) == 102


def test_the_number_that_reaches_a_figure_after_this_exchange() -> None:
    told = (
        "2036-04-10",
        "The mediator said that, with this exchange of 30 people between Malawi and Tanzania, the "
        "number of detainees freed since March reaches 97, counting seven herders released in "
        "March.",
    )
    assert ("releases to date", 97) in _done(_FIRST, told)
    assert _total(_FIRST, _SECOND, told) == 97


def test_rises_to_and_stands_at_are_tally_verbs() -> None:
    for clause in (
        "the number of prisoners released since March rises to 95",
        "the total of people freed since March now stands at 95",
        "taking the tally of people freed since March to 95",
    ):
        told = (
            "2036-04-10",
            f"Malawi and Tanzania exchanged 30 prisoners on Wednesday, and {clause}.",
        )
        assert _total(_FIRST, told) == 95, clause


def test_a_tally_of_people_helped_home_or_who_recovered_their_liberty() -> None:
    for clause in (
        "bringing to 95 the number of people the Red Cross has helped return home since March",
        "the number of persons who recovered their liberty since March reaches 95",
    ):
        told = ("2036-04-10", f"Malawi and Tanzania exchanged 30 prisoners on Wednesday, {clause}.")
        assert _total(_FIRST, told) == 95, clause


def test_a_clause_counting_the_wounded_or_the_dead_is_no_tally() -> None:
    told = (
        "2036-04-10",
        "Malawi and Tanzania exchanged 30 prisoners on Wednesday, bringing the number of "
        "wounded treated at Kasumulu to 140.",
    )
    assert _total(_FIRST, told) == 90


def test_a_tally_beside_a_deal_is_none() -> None:
    told = (
        "2036-04-10",
        "Malawi and Tanzania agreed to exchange 30 prisoners next month, which would bring "
        "the number of people freed since March to 90.",
    )
    assert ("releases to date", 90) not in _done(_FIRST, told)


def test_the_tally_of_a_sentence_is_folded_once_and_in_any_order() -> None:
    told = (
        "2036-04-10",
        "Malawi and Tanzania exchanged 30 prisoners at Kasumulu on Wednesday, bringing to 102 "
        "the number of people freed since March.",
    )
    assert _total(told, _FIRST) == _total(_FIRST, told) == _total(_FIRST, told, told) == 102


# --- a total since the talks, or counted in transfers, is no swap -----------------------------


def test_a_perfect_since_the_talks_is_a_running_total_not_a_swap() -> None:
    told = (
        "2036-04-10",
        "With today's releases, 96 people have been freed by Malawi and Tanzania since the "
        "Ostrava talks, the mediator said.",
    )
    done = _done(_FIRST, _SECOND, told)
    assert ("prisoner exchange", 96) not in done
    assert ("releases to date", 96) in done
    assert _total(_FIRST, _SECOND, told) == 96


def test_people_held_since_the_talks_are_no_total() -> None:
    told = ("2036-04-10", "Malawi has held 40 fishermen since the Ostrava talks.")
    assert _total(_FIRST, _SECOND, told) == 90


def test_a_count_of_people_freed_in_three_transfers_is_a_running_total() -> None:
    told = (
        "2036-05-20",
        "A: The Red Cross counts 101 people freed by Malawi and Tanzania since March in three "
        "transfers: 60 in the first exchange, the 11 fishermen and 30 in April.",
    )
    done = _done(_FIRST, _SECOND, told)
    assert ("prisoner exchange", 101) not in done
    assert _total(_FIRST, _SECOND, told) == 101


def test_a_tally_over_the_process_span_may_exceed_twice_the_swaps_told() -> None:
    # The feed told one swap of 30; the tally since the month the talks began counts the rest.
    told = (
        "2036-04-10",
        "Malawi and Tanzania exchanged 30 prisoners on Wednesday, bringing to 88 the number "
        "of people freed since March.",
    )
    assert _total(told) == 88


def test_a_whole_war_tally_told_after_a_swap_stays_out() -> None:
    told = (
        "2036-04-10",
        "Malawi and Tanzania exchanged 30 prisoners on Wednesday, bringing to 3,400 the number "
        "of people freed since 2019.",
    )
    assert _total(_FIRST, told) == 90


# --- per-side running totals ----------------------------------------------------------------


def test_a_tally_told_per_side_is_no_total_of_the_process() -> None:
    for told in (
        "With the two exchanges, 58 people have been released by Malawi and 46 by Tanzania so "
        "far, counting relatives freed on bail.",
        "Since March, 70 detainees have been released by Malawi's government and 64 by "
        "Tanzania, officials said.",
    ):
        assert _total(_FIRST, _SECOND, ("2036-05-20", told)) == 90, told


def test_a_tally_of_both_sides_together_is_still_a_total() -> None:
    told = (
        "2036-05-20",
        "The Red Cross said 102 detainees had been released by Malawi and Tanzania since March.",
    )
    assert _total(_FIRST, _SECOND, told) == 102


# --- a release told inside a clause of another sentence --------------------------------------


def _swaps(*snippets: tuple[str, str]) -> list[tuple[str, int | None]]:
    return sorted(
        (str(m.window_start), m.count)
        for m in _state(*snippets).measures
        if m.kind == "prisoner exchange" and m.status == "done"
    )


def test_a_dated_release_in_an_after_clause_is_a_swap_of_its_own() -> None:
    told = (
        "2036-05-20",
        "In the second stage, Malawi and Tanzania exchanged 84 prisoners at Kasumulu on "
        "Tuesday, after 60 on each side went home on April 3, the Red Cross said.",
    )
    assert _swaps(told) == [("2036-04-03", 120), ("2036-05-20", 84)]
    assert _total(told) == 204


def test_a_release_in_a_when_clause_names_its_captives_and_month() -> None:
    told = (
        "2036-05-20",
        "Malawi and Tanzania exchanged 50 prisoners at Kasumulu on Tuesday, the first swap "
        "since 30 detainees were handed over in March.",
    )
    assert ("2036-03-01", 30) in _swaps(told)
    assert _total(told) == 80


def test_a_month_later_than_the_report_is_last_years() -> None:
    told = (
        "2036-02-10",
        "Malawi and Tanzania exchanged 50 prisoners at Kasumulu on Sunday, after 30 "
        "detainees were freed on November 20.",
    )
    assert ("2035-11-20", 30) in _swaps(told)


def test_families_or_delegations_going_home_are_no_release() -> None:
    for clause in (
        "after 40 families went home on April 3",
        "after 12 delegates went home on April 3",
        "after the talks ended on April 3",
    ):
        told = (
            "2036-05-20",
            f"Malawi and Tanzania exchanged 50 prisoners at Kasumulu on Tuesday, {clause}.",
        )
        assert _swaps(told) == [("2036-05-20", 50)], clause


def test_an_inner_release_is_folded_once_in_any_order() -> None:
    told = (
        "2036-05-20",
        "Malawi and Tanzania exchanged 84 prisoners at Kasumulu on Tuesday, after 60 on each "
        "side went home on April 3.",
    )
    again = ("2036-04-05", "Malawi and Tanzania exchanged 120 prisoners on Thursday.")
    assert _total(told, again) == _total(again, told) == _total(again, told, told) == 204


# --- a swap told as N for M with a date between -------------------------------------------------


def test_a_date_between_the_two_figures_of_a_pair_is_no_figure() -> None:
    told = (
        "2036-04-10",
        "Malawi and Tanzania said the last ten herders were handed over at Kasumulu on April 6 "
        "in exchange for 40 prisoners.",
    )
    assert ("prisoner exchange", 50) in _done(told)


def test_a_figure_between_still_breaks_a_pair() -> None:
    told = (
        "2036-04-10",
        "Malawi and Tanzania freed 40 detainees on March 3, 20 for 20, the mediator said.",
    )
    assert ("prisoner exchange", 40) in _done(told)
