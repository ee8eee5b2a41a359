"""Running totals of people freed and the people exchanged (branch state/exchanges8).

The latest running total of the process's people freed is the people exchanged up to its day
(swaps after it add to it), whether or not it counts the releases it sums; its figure is the
one its verb brings the number to, or the largest it counts that is no part it names; a total
many times the swaps told sums a longer time than the feed, and one side's own total is that
side's only.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from tests.factories import state_from_snippets


def _total(*snippets: tuple[str, str]) -> int:
    return state_from_snippets("MW--TZ", *snippets).prisoners_exchanged


_FIRST = ("2036-03-06", "Malawi and Tanzania exchanged 60 prisoners at Kasumulu on Thursday.")
_SECOND = ("2036-04-10", "Malawi and Tanzania exchanged 30 prisoners at Kasumulu on Wednesday.")


def test_a_total_since_a_month_is_the_tally_over_a_missed_release() -> None:
    total = _total(
        _FIRST,
        _SECOND,
        (
            "2036-05-20",
            "The Red Cross said 102 detainees had been released by Malawi and Tanzania "
            "since March.",
        ),
    )
    assert total == 102


def test_a_total_told_by_its_verb_counts_the_figure_it_brings_the_number_to() -> None:
    total = _total(
        _FIRST,
        (
            "2036-04-12",
            "The handover brought to 102 the number of people freed by Malawi and Tanzania "
            "since the war, counting the 12 fishermen freed in March.",
        ),
    )
    assert total == 102


def test_the_number_brought_to_a_figure_after_its_noun() -> None:
    total = _total(
        _FIRST,
        (
            "2036-04-12",
            "That brings the number of detainees freed by Malawi and Tanzania since February "
            "to 75, counting the 15 herders released in March.",
        ),
    )
    assert total == 75


def test_a_part_named_with_the_total_is_no_total() -> None:
    # "With the six ... freed in July": a part of the 96; "together with the 20": of the 80.
    assert (
        _total(
            _FIRST,
            (
                "2036-04-12",
                "With the six road workers freed in March, 96 prisoners have now been released "
                "by Malawi and Tanzania since the talks began, the Red Cross said.",
            ),
        )
        == 96
    )
    assert (
        _total(
            _FIRST,
            (
                "2036-04-12",
                "Together with the 20 prisoners released on 2 March, a total of 80 prisoners have "
                "now returned to their families under the arrangement Malawi and Tanzania "
                "reached.",
            ),
        )
        == 80
    )


def test_people_a_total_leaves_out_are_added_to_it() -> None:
    total = _total(
        _FIRST,
        (
            "2036-04-12",
            "With Tuesday's handover, Malawi and Tanzania have exchanged 84 prisoners since "
            "March, he said, not counting the seven drivers Malawi freed on its own.",
        ),
    )
    assert total == 91


def test_swaps_after_the_latest_total_add_to_it() -> None:
    total = _total(
        _FIRST,
        (
            "2036-03-20",
            "The Red Cross said 66 detainees had been released by Malawi and Tanzania since March.",
        ),
        _SECOND,
    )
    assert total == 96


def test_a_whole_war_total_far_beyond_the_swaps_told_is_no_tally() -> None:
    # 3,771 since the war began, beside a feed that told 90: releases before the feed.
    total = _total(
        _FIRST,
        _SECOND,
        (
            "2036-05-20",
            "In all, the mediator said it has now helped free 3,771 prisoners between the two "
            "countries since the war began.",
        ),
    )
    assert total == 90


def test_one_sides_own_total_is_no_tally_of_the_process() -> None:
    total = _total(
        _FIRST,
        _SECOND,
        (
            "2036-05-20",
            "All 26 herders seized in January are free, and the government has released 64 "
            "prisoners since February.",
        ),
    )
    assert total == 90


def test_a_total_of_people_killed_or_held_is_no_tally() -> None:
    for told in (
        "The monitor said 640 people had been killed since January.",
        "The movement holds nine soldiers captured since the truce took effect.",
    ):
        assert _total(_FIRST, _SECOND, ("2036-05-20", told)) == 90


# --- recaps: a release in the perfect that sums the swaps told before it ---------------------


def _kinds(*snippets: tuple[str, str]) -> list[tuple[str, str, int | None]]:
    state = state_from_snippets("MW--TZ", *snippets)
    return [(m.kind, m.status, m.count) for m in state.measures if m.status == "done"]


def test_an_undated_perfect_that_sums_the_swaps_is_a_recap_not_a_swap() -> None:
    recap = ("2036-07-20", "Malawi and Tanzania have freed 90 prisoners and reopened the ferry.")
    kinds = _kinds(_FIRST, _SECOND, recap)
    assert ("prisoner exchange", "done", 90) not in kinds
    assert ("releases to date", "done", 90) in kinds
    assert _total(_FIRST, _SECOND, recap) == 90


def test_an_undated_perfect_of_another_count_stays_a_release() -> None:
    # "Malawi has freed 25" after swaps of 60 and 30: a release of its own, not their sum.
    told = ("2036-07-20", "Malawi has freed 25 Tanzanian prisoners, the ministry said.")
    assert ("prisoner exchange", "done", 25) in _kinds(_FIRST, _SECOND, told)
    assert _total(_FIRST, _SECOND, told) == 115


def test_a_perfect_since_the_truce_is_a_running_total() -> None:
    told = (
        "2036-07-20",
        "Malawi and Tanzania have freed 90 prisoners since the truce, the mediator said.",
    )
    assert ("prisoner exchange", "done", 90) not in _kinds(_FIRST, _SECOND, told)
    assert _total(_FIRST, _SECOND, told) == 90


def test_a_perfect_over_stages_and_months_is_a_running_total_of_both_groups() -> None:
    told = (
        "2036-07-20",
        "All 30 captives held by Tanzania have been freed, in three stages between March and "
        "July, along with 60 prisoners released by Malawi.",
    )
    assert ("releases to date", "done", 90) in _kinds(_FIRST, _SECOND, told)
    assert _total(_FIRST, _SECOND, told) == 90


def test_near_misses_of_a_recap_since_the_truce_stay_swaps() -> None:
    # The first swap since the truce, and people held since it: releases of their own day.
    for told in (
        "Malawi and Tanzania exchanged 40 prisoners on Monday in the first exchange since "
        "the truce.",
        "Malawi freed 20 Tanzanian soldiers held since the ceasefire on Monday, Tanzania said.",
    ):
        assert any(k == "prisoner exchange" for k, _, _ in _kinds(("2036-11-20", told)))


# --- halves of a staged release whose state side is only "the government" -------------------


def _swaps_of(process: str, *snippets: tuple[str, str]) -> list[tuple[int | None, dict[str, int]]]:
    state = state_from_snippets(process, *snippets)
    return [
        (m.count, dict(m.count_by_side))
        for m in state.measures
        if m.kind == "prisoner exchange" and m.status == "done"
    ]


def test_the_governments_half_answers_the_groups_half_as_one_swap() -> None:
    told = (
        "2036-06-18",
        "Malawi and the Kasu Front (KF) met in Lilongwe last month. The KF on Tuesday released "
        "12 road workers it had held since April, the Red Cross said. In return, the government "
        "freed 24 KF members from the prison at Mbeya-Juu.",
    )
    assert _swaps_of("KF--MW", told) == [(36, {"Kasu Front": 12, "Malawi": 24})]


def test_the_authorities_half_the_same_day_and_the_whole_are_one_swap() -> None:
    told = (
        "2036-06-18",
        "Malawi and the Kasu Front (KF) met in Lilongwe last month. The KF freed eight soldiers "
        "on Wednesday, the Red Cross said. The authorities released 16 KF prisoners the same "
        "day. In all, 24 people were freed on Wednesday.",
    )
    swaps = _swaps_of("KF--MW", told)
    assert [count for count, _ in swaps] == [24]


def test_a_group_keyed_alone_still_has_the_governments_half() -> None:
    # No state named: the side as the text names it, so the halves are still two sides.
    told = (
        "2036-06-18",
        "The Kasu Front (KF) on Tuesday released 12 road workers it had held since April. In "
        "return, the government freed 24 KF members from the prison at Mbeya-Juu.",
    )
    assert _swaps_of("KF", told) == [(36, {"Kasu Front": 12, "government": 24})]


def test_a_rate_for_each_captive_is_no_count_of_the_other_side() -> None:
    # "for each captive" names no other side's release: the government's half stays one-sided.
    told = (
        "2036-06-18",
        "Malawi and the Kasu Front (KF) met in Lilongwe last month. The KF freed 10 soldiers on "
        "Tuesday. The government released 20 KF prisoners in return, keeping to the ratio of "
        "two detainees for each captive.",
    )
    assert _swaps_of("KF--MW", told) == [(30, {"Kasu Front": 10, "Malawi": 20})]


def test_a_government_named_with_its_state_is_that_state() -> None:
    told = (
        "2036-06-18",
        "The Kasu Front (KF) on Tuesday released 12 road workers held since April. In return, "
        "the Malawian government freed 24 KF members.",
    )
    assert _swaps_of("KF--MW", told) == [(36, {"Kasu Front": 12, "Malawi": 24})]


def test_people_who_were_to_have_crossed_were_not_freed() -> None:
    told = (
        "2036-06-18",
        "The four soldiers held by Tanzania and the remaining 30 Tanzanian detainees held by "
        "Malawi were to have crossed the Kasumulu bridge on Saturday.",
    )
    state = state_from_snippets("MW--TZ", told)
    assert [(m.status, m.count) for m in state.measures if m.kind == "prisoner exchange"] == [
        ("collapsed", 34)
    ]
    assert state.prisoners_exchanged == 0


def test_buses_turning_back_is_a_halt() -> None:
    told = (
        "2036-06-18",
        "The exchange between Malawi and Tanzania was going ahead at Kasumulu until the buses "
        "carrying the Tanzanian prisoners began turning back.",
    )
    state = state_from_snippets("MW--TZ", told)
    assert [m.status for m in state.measures if m.kind == "prisoner exchange"] == ["collapsed"]
