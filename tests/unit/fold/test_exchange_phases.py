"""Exchanges released in phases, told with running totals, rates, dates of their own and
bodies beside them: invented sentences and stories, read and folded as `parley state` does."""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events
from tests.factories import placed

SWAP = "prisoner exchange"
TO_DATE = "releases to date"


def _measures(*snippets: tuple[str, str]) -> tuple[list[tuple[str, str, str, int | None]], int]:
    """Every measure of prisoners or remains of every process, (window start, kind, status,
    count), and the people exchanged summed over the processes (as the bench does)."""
    events = []
    for n, (day, text) in enumerate(snippets):
        published = datetime.fromisoformat(day).replace(hour=18, tzinfo=UTC)
        events += extract_events(Snippet(id=f"p-{n}", text=text, published_at=published))
    states = project_tables(placed(events))["negotiations"].values()
    rows = sorted(
        (str(m.window_start), m.kind, m.status, m.count)
        for st in states
        for m in st.measures
        if m.kind in (SWAP, TO_DATE, "bodies returned", "release recalled")
    )
    return rows, sum(st.prisoners_exchanged for st in states)


def _one(text: str) -> tuple[str, str, int | None]:
    rows, _ = _measures(("2031-05-10", text))
    assert len(rows) == 1, rows
    return rows[0][1:]


@pytest.mark.parametrize(
    ("text", "expected", "tally"),
    [
        # A running total told in a clause after a release: the release is one swap, and the
        # total it states a report beside it (branch state/exchanges9).
        (
            "Paraguay freed 5 hostages on Sunday in exchange for 150 Bolivian prisoners, "
            "bringing to 9 the number of hostages freed since the deal took effect.",
            (SWAP, "done", 155),
            9,
        ),
        (
            "Bolivia released 40 Paraguayan prisoners on Sunday, bringing the total number "
            "freed this year to 310.",
            (SWAP, "done", 40),
            310,
        ),
        (
            "Bolivia released 40 Paraguayan prisoners on Sunday, raising the tally of those "
            "freed since March to 310.",
            (SWAP, "done", 40),
            310,
        ),
        # Near misses: the running total told alone is no swap; its figure is the total's.
        (
            "That brings the total number of prisoners freed by Bolivia and Paraguay to 310.",
            (TO_DATE, "done", 310),
            None,
        ),
        (
            "The release brought to 310 the number of prisoners freed by Bolivia and Paraguay "
            "since January.",
            (TO_DATE, "done", 310),
            None,
        ),
    ],
)
def test_a_running_total_after_a_release_leaves_the_release_its_count(
    text: str, expected: tuple[str, str, int | None], tally: int | None
) -> None:
    if tally is None:
        assert _one(text) == expected
        return
    rows, _ = _measures(("2031-05-10", text))
    assert [row[1:] for row in rows] == sorted([expected, (TO_DATE, "done", tally)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A swap done, told with its rate: the people of both sides, not the rate.
        (
            "Paraguay freed 6 hostages on Tuesday, and Bolivia released 180 prisoners, 30 for "
            "each hostage.",
            (SWAP, "done", 186),
        ),
        (
            "Bolivia released 90 prisoners on Friday and Paraguay freed 3 hostages, 30 "
            "prisoners per hostage.",
            (SWAP, "done", 93),
        ),
        # Near misses: the rate alone is a deal's terms, counting no one.
        ("Bolivia will release 30 prisoners for each hostage freed by Paraguay.", None),
        (
            "Bolivia released 30 prisoners for each hostage freed by Paraguay.",
            (SWAP, "agreed", None),
        ),
        # "N each" is still a side's count.
        (
            "Bolivia and Paraguay swapped 40 prisoners on Friday, 20 from each side.",
            (SWAP, "done", 40),
        ),
    ],
)
def test_a_rate_is_no_count_and_no_side(
    text: str, expected: tuple[str, str, int | None] | None
) -> None:
    if expected is None:
        assert _one(text)[2] is None and _one(text)[1] != "done"
    else:
        assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paraguay freed 6 hostages on Tuesday in the delayed third phase of the swap with "
            "Bolivia.",
            (SWAP, "done", 6),
        ),
        (
            "Bolivia released 45 Paraguayan prisoners on Friday in a postponed second phase.",
            (SWAP, "done", 45),
        ),
        # Near misses: the phase itself put off.
        (
            "The third phase of the swap between Bolivia and Paraguay was delayed on Tuesday.",
            (SWAP, "agreed", None),
        ),
        (
            "The release of 45 Paraguayan prisoners by Bolivia was postponed on Friday.",
            (SWAP, "agreed", 45),
        ),
    ],
)
def test_a_phase_named_delayed_is_done_when_told_freed(
    text: str, expected: tuple[str, str, int | None]
) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bolivia and Paraguay have swapped prisoners twice this year.", (TO_DATE, "done", None)),
        (
            "Bolivia and Paraguay have exchanged prisoners three times since March.",
            (TO_DATE, "done", None),
        ),
        # Near misses: "three times more" compares, it counts no releases.
        (
            "Bolivia and Paraguay swapped 40 prisoners on Friday, three times more than in March.",
            (SWAP, "done", 40),
        ),
    ],
)
def test_releases_counted_by_how_often_are_a_running_total(
    text: str, expected: tuple[str, str, int | None]
) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Remains returned with a swap named only as a time or a frame: bodies, not a swap.
        (
            "Peru returned the remains of 30 soldiers to Chile on Sunday, a week after the "
            "prisoner swap.",
            ("bodies returned", "done", 30),
        ),
        (
            "Peru handed over the bodies of 12 soldiers to Chile on Sunday under the prisoner "
            "exchange deal.",
            ("bodies returned", "done", 12),
        ),
        # Near misses: live prisoners named beside the bodies are a swap.
        (
            "Peru handed over 20 prisoners and the bodies of 12 soldiers to Chile on Sunday.",
            (SWAP, "done", 20),
        ),
        (
            "Chile and Peru exchanged the bodies of fallen soldiers and 40 prisoners of war on "
            "Sunday.",
            (SWAP, "done", 40),
        ),
    ],
)
def test_bodies_beside_a_swap_named_as_a_noun_stay_bodies(
    text: str, expected: tuple[str, str, int | None]
) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # A later group told with a date of its own is another release.
        (
            "In March, Chile and Peru exchanged 60 prisoners, and in July Peru freed 25 sick "
            "prisoners.",
            60,
        ),
        (
            "Chile freed 40 Peruvian soldiers last week, and on Monday Peru released 12 Chileans.",
            40,
        ),
        # Near misses: one date for both groups, or one at the end of the sentence.
        (
            "Chile freed 40 Peruvian soldiers on Monday, and Peru released 12 Chileans in return.",
            52,
        ),
        ("Bolivia released 50 Paraguayan detainees and 3 wounded on Friday.", 53),
        (
            "On Friday Bolivia released 50 Paraguayan prisoners, and on Friday Paraguay freed "
            "30 Bolivian prisoners.",
            80,
        ),
    ],
)
def test_groups_freed_on_days_of_their_own_are_not_added(text: str, count: int) -> None:
    (_, kind, status, n) = _measures(("2031-11-09", text))[0][0]
    assert (kind, status, n) == (SWAP, "done", count)


def test_a_month_recalled_without_a_year_is_the_past_one() -> None:
    rows, total = _measures(
        (
            "2031-11-08",
            "Chile and Peru exchanged 200 prisoners on Friday. The first swap, in March, freed "
            "60 prisoners.",
        ),
    )
    # March of the same year, before the report: not next March.
    assert rows == [
        ("2031-03-01", SWAP, "done", 60),
        ("2031-11-07", SWAP, "done", 200),
    ]
    assert total == 260


# A hostage deal released in phases a week apart, one phase put off, then carried out.
PHASED = (
    (
        "2031-03-02",
        "Bolivia and Paraguay agreed on Sunday to a phased exchange under which 33 hostages "
        "held by Paraguay would be freed in return for 990 Bolivian prisoners over six weeks.",
    ),
    (
        "2031-03-09",
        "Paraguay freed 4 hostages on Sunday in the first phase of the deal, and Bolivia "
        "released 120 prisoners in return, the Red Cross said.",
    ),
    (
        "2031-03-16",
        "In the second phase on Sunday, Paraguay handed 5 hostages to the Red Cross in exchange "
        "for 150 Bolivian prisoners, bringing to 9 the number of hostages freed since the deal "
        "took effect.",
    ),
    (
        "2031-03-22",
        "The third phase of the exchange between Bolivia and Paraguay, due on Sunday, was "
        "postponed over the lists of names.",
    ),
    (
        "2031-03-25",
        "Paraguay freed 6 hostages on Tuesday in the delayed third phase, and Bolivia released "
        "180 prisoners, 30 for each hostage.",
    ),
)


def test_a_deal_released_in_phases_counts_each_phase_once() -> None:
    rows, total = _measures(*PHASED)
    done = [r for r in rows if r[2] == "done" and r[1] == SWAP]
    # Three phases done, each with both sides' people; the running total and the rate count
    # no one (the hostages' own tally, 9, is a report beside its phase, no total of the
    # process); the deal of 33 for 990 stays agreed beside its phases.
    assert [(r[0], r[3]) for r in done] == [
        ("2031-03-09", 124),
        ("2031-03-16", 155),
        ("2031-03-25", 186),
    ]
    assert ("2031-03-02", SWAP, "agreed", 1023) in rows
    assert total == 124 + 155 + 186


def test_phases_in_any_order_and_twice_add_up_the_same() -> None:
    rows, total = _measures(*PHASED)
    again, total_again = _measures(*reversed(PHASED), *PHASED)
    assert [r for r in again if r[2] == "done"] == [r for r in rows if r[2] == "done"]
    assert total_again == total


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A release done before a halt of what was left is done; a swap named "halted" that
        # goes on is done.
        (
            "Chile released 30 Peruvian prisoners on Sunday in the first stage of a swap, but "
            "Peru halted the second stage.",
            (SWAP, "done", 30),
        ),
        (
            "The halted swap between Chile and Peru resumed on Sunday, when Peru freed 28 "
            "Chilean prisoners.",
            (SWAP, "done", 28),
        ),
        (
            "The suspended exchange between Chile and Peru went ahead on Sunday with 44 "
            "prisoners freed.",
            (SWAP, "done", 44),
        ),
        # Near misses: the exchange itself halted.
        ("The swap of 30 prisoners between Chile and Peru was halted on Sunday.", None),
        (
            "Chile and Peru halted the exchange of 30 prisoners on Sunday after the prisoners "
            "were freed from a camp.",
            None,
        ),
    ],
)
def test_a_halt_of_what_is_left_leaves_the_release_done(
    text: str, expected: tuple[str, str, int | None] | None
) -> None:
    assert _one(text) == (expected or (SWAP, "collapsed", 30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile and Peru have swapped prisoners this year.", (TO_DATE, "done", None)),
        ("Chile and Peru have held two prisoner swaps this year.", (TO_DATE, "agreed", None)),
        ("Chile and Peru have now swapped prisoners three times.", None),
        # Near misses: a swap of a day, and a breakdown naming the year of a capture.
        ("Chile and Peru swapped 60 prisoners on Monday.", (SWAP, "done", 60)),
    ],
)
def test_releases_of_a_year_are_no_swap(
    text: str, expected: tuple[str, str, int | None] | None
) -> None:
    if expected is None:
        assert _one(text)[0] == TO_DATE
    else:
        assert _one(text) == expected


def test_a_year_recap_joins_no_swaps_of_the_year() -> None:
    rows, total = _measures(
        ("2032-01-10", "Chile and Peru exchanged 150 prisoners on Saturday, the Red Cross said."),
        ("2032-02-14", "Chile and Peru swapped 120 prisoners on Saturday at the border."),
        ("2032-02-20", "Chile and Peru have swapped prisoners twice this year, officials said."),
        ("2032-02-21", "Chile and Peru exchanged prisoners this year under a deal."),
    )
    swaps = [(r[0], r[3]) for r in rows if r[1] == SWAP]
    assert swaps == [("2032-01-10", 150), ("2032-02-14", 120)]
    assert total == 270


@pytest.mark.parametrize(
    "one_side",
    [
        "Peru said it had freed 64 Chilean prisoners on Saturday.",
        "Chile's army said 61 Peruvian prisoners were handed to Peru on Saturday.",
        "Chile freed 70 Peruvian detainees on Saturday, the Chilean army said.",
    ],
)
def test_one_side_of_a_swap_told_alone_is_the_swap(one_side: str) -> None:
    rows, total = _measures(
        ("2032-07-05", one_side),
        ("2032-07-06", "Chile and Peru exchanged 125 prisoners on Saturday, the Red Cross said."),
    )
    done = [r for r in rows if r[2] == "done" and r[1] == SWAP]
    assert [r[3] for r in done] == [125]
    assert total == 125


@pytest.mark.parametrize(
    ("reports", "counts"),
    [
        # Near misses: a side's count on another day, or a bound, is another release.
        (
            (
                ("2032-07-05", "Peru said it had freed 64 Chilean prisoners on Saturday."),
                ("2032-07-13", "Chile and Peru exchanged 125 prisoners on Tuesday."),
            ),
            [64, 125],
        ),
        (
            (
                ("2032-07-05", "Chile and Peru exchanged more than 200 prisoners on Saturday."),
                ("2032-07-05", "Chile and Peru freed 110 prisoners on Saturday."),
            ),
            [110, 200],
        ),
    ],
)
def test_a_side_is_no_part_of_a_swap_of_other_days(
    reports: tuple[tuple[str, str], ...], counts: list[int]
) -> None:
    rows, _ = _measures(*reports)
    assert sorted(r[3] or 0 for r in rows if r[2] == "done") == counts


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Paraguay released 15 sick and elderly Bolivian prisoners on Saturday.", 15),
        ("Paraguay released 15 sick or wounded prisoners on Saturday.", 15),
        ("Paraguay freed 12 wounded Bolivian prisoners on Saturday.", 12),
    ],
)
def test_people_freed_with_joined_descriptions_are_counted(text: str, count: int) -> None:
    assert _one(text) == (SWAP, "done", count)


def test_a_deal_and_its_release_on_one_day_count_the_release() -> None:
    rows, total = _measures(
        ("2032-10-10", "Bolivia and Paraguay will swap 100 prisoners on Saturday, officials said."),
        (
            "2032-10-16",
            "Bolivia and Paraguay exchanged 96 prisoners on Saturday, four fewer than planned.",
        ),
    )
    assert [r for r in rows if r[1] == SWAP] == [("2032-10-16", SWAP, "done", 96)]
    assert total == 96


@pytest.mark.parametrize(
    "halves",
    [
        # Each side's release told in a sentence of its own: one swap of both.
        (
            (
                "2032-09-06",
                "Paraguay freed 4 hostages on Sunday at a border post near Pozo Hondo. In "
                "return, Bolivia released 120 Paraguayan prisoners, the Red Cross said.",
            ),
        ),
        (
            (
                "2032-09-06",
                "Bolivia handed over 120 Paraguayan prisoners on Sunday. Paraguay released 4 "
                "Bolivian hostages the same day, completing the swap.",
            ),
        ),
        # Told in two reports, each dated to the day.
        (
            ("2032-09-05", "Paraguay freed 4 Bolivian hostages on Sunday, the army said."),
            ("2032-09-06", "Bolivia released 120 Paraguayan prisoners on Sunday."),
        ),
    ],
)
def test_each_sides_release_told_apart_is_one_swap_of_both(
    halves: tuple[tuple[str, str], ...],
) -> None:
    for reports in (halves, tuple(reversed(halves)), halves + halves):
        rows, total = _measures(*reports)
        assert [(r[1], r[2], r[3]) for r in rows] == [(SWAP, "done", 124)]
        assert total == 124
    events = []
    for n, (day, text) in enumerate(halves):
        published = datetime.fromisoformat(day).replace(hour=18, tzinfo=UTC)
        events += extract_events(Snippet(id=f"h-{n}", text=text, published_at=published))
    (state,) = project_tables(placed(events))["negotiations"].values()
    assert state.prisoners_exchanged_by_side == {"Bolivia": 120, "Paraguay": 4}


@pytest.mark.parametrize(
    ("reports", "counts"),
    [
        # Near misses: each side's release a week apart, or one side twice, are two releases.
        (
            (
                ("2032-09-06", "Paraguay freed 4 Bolivian hostages on Sunday, the army said."),
                ("2032-09-13", "Bolivia released 120 Paraguayan prisoners on Sunday."),
            ),
            [4, 120],
        ),
        (
            (
                ("2032-09-06", "Paraguay freed 40 Bolivian prisoners on Sunday."),
                ("2032-09-06", "Paraguay freed 40 Bolivian prisoners on Sunday, the army said."),
            ),
            [40],
        ),
    ],
)
def test_releases_of_other_days_or_of_one_side_are_no_halves(
    reports: tuple[tuple[str, str], ...], counts: list[int]
) -> None:
    rows, _ = _measures(*reports)
    assert sorted(r[3] or 0 for r in rows if r[2] == "done") == counts


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # Guerrillas and held rebels freed by a state in a swap with an armed group are people.
        (
            "The rebels freed 8 hostages on Sunday, and Peru released 24 jailed guerrillas in "
            "return, the Red Cross said.",
            32,
        ),
        (
            "The rebels freed 7 hostages on Sunday, while Peru freed 21 guerrillas.",
            28,
        ),
        (
            "The rebels freed 6 hostages on Sunday, and Peru released 12 captured militants.",
            18,
        ),
        # Near miss: rebels said to be killed are not freed.
        ("The rebels freed 6 hostages on Sunday, a day after 12 militants were killed.", 6),
    ],
)
def test_guerrillas_freed_in_return_are_counted(text: str, count: int) -> None:
    rows, _ = _measures(("2033-01-16", text))
    assert [(r[1], r[2], r[3]) for r in rows if r[2] == "done"] == [(SWAP, "done", count)]


@pytest.mark.parametrize(
    "breakdown",
    [
        "Among the freed were 5 wounded.",
        "Of the released, 9 were officers.",
        "Among the newly freed were 3 women, the Red Cross said.",
    ],
)
def test_the_freed_named_as_a_noun_are_part_of_the_swap(breakdown: str) -> None:
    rows, total = _measures(
        (
            "2033-03-01",
            "Peru and Bolivia exchanged 30 prisoners and the remains of 14 soldiers on Tuesday, "
            f"the Red Cross said. {breakdown}",
        ),
    )
    assert [(r[1], r[2], r[3]) for r in rows if r[2] == "done" and r[1] == SWAP] == [
        (SWAP, "done", 30)
    ]
    assert total == 30


@pytest.mark.parametrize(
    "reports",
    [
        # Each side tells its own release: the side that speaks of it frees its count.
        (
            (
                "2033-04-04",
                "Bolivia said it had freed 120 Paraguayan prisoners on Sunday. Paraguay said it "
                "had received 118 of its citizens.",
            ),
            (
                "2033-04-05",
                "Paraguay freed 4 Bolivian hostages on Sunday in return, the Red Cross said.",
            ),
        ),
        (
            ("2033-04-04", "Paraguay said it freed 4 Bolivian hostages on Sunday."),
            ("2033-04-04", "Bolivia announced it had released 120 Paraguayan prisoners on Sunday."),
        ),
    ],
)
def test_a_side_that_speaks_of_its_release_frees_its_count(
    reports: tuple[tuple[str, str], ...],
) -> None:
    rows, total = _measures(*reports)
    assert [(r[1], r[2], r[3]) for r in rows if r[2] == "done"] == [(SWAP, "done", 124)]
    assert total == 124


def test_a_speaker_that_is_not_the_subject_frees_no_one() -> None:
    # Near miss: Bolivia says what Paraguay did; only Paraguay's release is told.
    rows, total = _measures(
        ("2033-04-04", "Bolivia said 4 Bolivian hostages were freed by Paraguay on Sunday."),
        ("2033-04-05", "Bolivia released 120 Paraguayan prisoners on Sunday."),
    )
    assert sorted(r[3] or 0 for r in rows if r[2] == "done") == [4, 120]
    assert total == 124


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile and Peru completed the deal on Monday with a final batch of 60 prisoners, "
            "bringing the total exchanged under the deal to 240.",
            (SWAP, "done", 60),
        ),
        (
            "Chile and Peru completed their swap on Monday when the last 60 prisoners were freed.",
            (SWAP, "done", 60),
        ),
        # Near misses: a deal made, not carried out.
        (
            # A deal reached is agreed (as "agreed a deal on the exchange" below), not done.
            "Chile and Peru reached a deal on Monday to swap 60 prisoners next week.",
            (SWAP, "agreed", 60),
        ),
        (
            "Chile and Peru agreed a deal on the exchange of 60 prisoners on Monday.",
            (SWAP, "agreed", 60),
        ),
    ],
)
def test_a_deal_completed_with_its_last_batch_is_done(
    text: str, expected: tuple[str, str, int | None]
) -> None:
    rows, _ = _measures(("2031-05-10", text))
    # The total a clause brings the number to is a report beside the batch (state/exchanges9).
    assert [row[1:] for row in rows if row[1] == SWAP] == [expected]
