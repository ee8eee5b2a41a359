"""People moved or treated are not people freed, and reported speech's "had now been freed
since May" is a running tally, not a new swap (fresh13's humanitarian register). Every sentence
is invented (people, towns, dates and numbers); none is news text."""

from tests.factories import state_from_snippets

SWAP = ("2036-03-06", "Malawi and Tanzania exchanged 60 prisoners at Kasumulu on Thursday.")


def _state(*snippets: tuple[str, str]):  # type: ignore[no-untyped-def]
    return state_from_snippets("MW--TZ", *snippets)


def test_people_evacuated_beside_a_swap_are_no_swap() -> None:
    state = _state(
        (
            "2036-03-06",
            "Malawi and Tanzania exchanged 60 prisoners at Kasumulu on Thursday. The operation "
            "took place during a pause in which 320 wounded civilians were evacuated to Mbeya.",
        )
    )
    assert state.prisoners_exchanged == 60


def test_a_tally_in_reported_speech_is_the_running_total() -> None:
    state = _state(
        SWAP,
        ("2036-04-10", "Malawi and Tanzania exchanged 30 prisoners at Kasumulu on Friday."),
        (
            "2036-04-11",
            "The ICRC said 90 Malawian and Tanzanian prisoners had now been freed since March.",
        ),
    )
    assert state.prisoners_exchanged == 90
    assert sorted(m.count for m in state.measures if m.kind == "prisoner exchange") == [30, 60]


def test_held_since_a_month_is_no_tally() -> None:
    state = _state(
        (
            "2036-04-10",
            "Tanzania's negotiator said Malawi's release of seven Tanzanian road workers on "
            "Friday, whom it had held since January, had been a gift to the talks.",
        )
    )
    assert [m.count for m in state.measures if m.kind == "prisoner exchange"] == [7]
