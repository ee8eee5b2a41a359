"""A report that sums the process's releases and counts them ("375 released in three transfers
since February") is the tally of the people exchanged up to its day (branch state/rounds6).

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from tests.factories import state_from_snippets


def _total(*snippets: tuple[str, str]) -> int:
    return state_from_snippets("MW--TZ", *snippets).prisoners_exchanged


def test_a_tally_of_counted_releases_is_the_total_beyond_a_missed_swap() -> None:
    # The second swap is told in words the reading may not count; the tally says 90.
    total = _total(
        ("2036-03-06", "Malawi and Tanzania exchanged 60 prisoners at Kasumulu on Thursday."),
        (
            "2036-05-09",
            "In all, 90 Malawian and Tanzanian prisoners have been freed since March in two "
            "releases, the Red Cross said.",
        ),
    )
    assert total == 90


def test_a_tally_stands_over_a_swap_counted_twice() -> None:
    total = _total(
        ("2036-03-06", "Malawi and Tanzania exchanged 60 prisoners at Kasumulu on Thursday."),
        ("2036-03-20", "Malawi and Tanzania exchanged 30 prisoners at Kasumulu on Thursday."),
        (
            "2036-05-09",
            "The Red Cross said 90 Malawian and Tanzanian prisoners had been freed in two "
            "releases since March.",
        ),
    )
    assert total == 90


def test_swaps_after_the_tally_add_to_it() -> None:
    total = _total(
        ("2036-03-06", "Malawi and Tanzania exchanged 60 prisoners at Kasumulu on Thursday."),
        (
            "2036-04-10",
            "In all, 60 Malawian and Tanzanian prisoners have been freed since March in two "
            "releases, the Red Cross said.",
        ),
        ("2036-05-09", "Malawi and Tanzania exchanged 30 prisoners at Kasumulu on Thursday."),
    )
    assert total == 90


def test_a_total_since_a_month_is_the_tally_even_when_it_counts_no_releases() -> None:
    # Before state/exchanges8 it added no one; the training golds count it as the total.
    total = _total(
        ("2036-05-09", "Malawi and Tanzania have freed 361 prisoners since January."),
    )
    assert total == 361
