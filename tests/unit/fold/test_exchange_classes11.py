"""Stages told "N more ...", breakdowns of a group counted, and more (branch state/exchanges11).

A later stage of a staged release is often told "Sixteen more detainees and five soldiers
crossed ..., completing the release of 55 people": the groups told side by side are the stage,
and a figure of another clause after them (the arrangement's whole) no longer drops them; "12
more jailed supporters" counts its people. A group counted and then broken down after a colon,
a comma or a dash ("released 23 people on June 20: nine gendarmes and fourteen farmers") counts
once. A tally told for one side and then for both ("brings to 21 the number freed by Ecuador,
and to 27 the number freed by the two countries") is the whole's; a correction note ("An earlier
version of this story said seven soldiers were freed") tells no release; "released the Kazakh
pilot, who ..." frees one person.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.figures import find_exchanged

# Every process the snippets make and their total, as the tenth halves tests read them (shared).
from tests.unit.fold.test_exchange_halves10 import _states, _total


def _done(*snippets: tuple[str, str]) -> list[int | None]:
    return [
        m.count
        for st in _states(*snippets)
        for m in st.measures
        if m.status == "done" and m.kind == "prisoner exchange"
    ]


# --- a later stage told "N more ..." ------------------------------------------------------


def test_more_before_the_modifiers_of_a_counted_group() -> None:
    figures = find_exchanged("Gabon released 12 more jailed Cameroonian fishermen on Friday.")
    assert [f.value for f in figures] == [12]
    assert [f.value for f in find_exchanged("freed 10 more Namibian detainees")] == [10]
    # "more than" bounds a figure; it names no group
    assert find_exchanged("Gabon released 5 more than it had promised") == ()


def test_a_stage_counted_by_groups_before_the_whole_of_the_arrangement() -> None:
    told = (
        "2036-04-12",
        "LIBREVILLE, April 12 — Sixteen more Cameroonian detainees and five soldiers crossed the "
        "Mvila ford on Friday, completing the release of 60 people agreed in Kribi in March, the "
        "Red Cross said.",
    )
    assert _done(told) == [21]


def test_a_staged_release_of_more_people_with_a_half_recalled() -> None:
    told = (
        "2036-09-06",
        "BATA, Sept 6 — Gabon released 14 more jailed Cameroonian herders on Friday, completing "
        "a swap that freed the last four Gabonese soldiers held by Cameroon, the mediators said.",
    )
    assert _done(told) == [14]


def test_groups_side_by_side_still_sum_and_a_part_still_breaks_them() -> None:
    told = (
        "2036-02-03",
        "Twelve Chilean sailors and 30 Peruvian fishermen were freed on Sunday, the Red Cross "
        "said.",
    )
    assert _done(told) == [42]


# --- a group counted, then broken down ----------------------------------------------------


def test_a_breakdown_after_a_colon_counts_once() -> None:
    told = (
        "2036-07-19",
        "COTONOU, July 19 — Benin and Togo released 25 people held since the spring in a "
        "handover at the Kara bridge on Tuesday: eleven Beninese gendarmes and fourteen Togolese "
        "farmers.",
    )
    assert _done(told) == [25]
    assert _total(told) == 25


def test_groups_of_a_clause_of_their_own_are_no_breakdown_whatever_they_sum_to() -> None:
    told = (
        "2036-07-19",
        "Benin freed 10 Togolese farmers on Tuesday, and Togo released 4 Beninese gendarmes and "
        "6 traders, the Red Cross said.",
    )
    assert _done(told) == [20]


def test_gendarmes_and_cadets_are_people_a_release_counts() -> None:
    assert [f.value for f in find_exchanged("Togo freed nine gendarmes on Monday")] == [9]
    assert [f.value for f in find_exchanged("the four cadets were handed over")] == [4]


# --- a tally told per side and for the whole in one clause ---------------------------------


def test_a_tally_told_for_one_side_and_then_for_both_is_the_whole() -> None:
    told = (
        "2036-03-20",
        "QUITO, March 20 — Ecuador freed 12 Peruvian fishermen on February 9, and Peru released "
        "6 Ecuadorian sailors. Ecuador freed the last 9 Peruvian fishermen on Thursday. The "
        "release brings to 21 the number of Peruvian fishermen freed by Ecuador since February, "
        "and to 27 the number of crew freed by the two countries.",
    )
    assert _total(told) == 27


def test_a_tally_in_words_told_with_the_whole() -> None:
    from streams.core.fold.measures import _tally_also

    found = _tally_also().match(", and to twenty the number freed by both sides")
    assert found is not None and found.group(1) == "twenty"


# --- a correction note ---------------------------------------------------------------------


def test_a_correction_note_recalls_a_wrong_figure_and_tells_no_release() -> None:
    told = (
        "2036-03-05",
        "LIBREVILLE, March 5 — Twelve detained Cameroonian fishermen and six Gabonese soldiers "
        "were handed over at the Mvila ford on Saturday, the Red Cross said. Correction: An "
        "earlier version of this story said seven soldiers were freed; the Red Cross figure is "
        "six.",
    )
    assert _done(told) == [18]
    assert _total(told) == 18


# --- one person named by "the" and a singular noun -----------------------------------------


def test_the_hostage_freed_is_one_person() -> None:
    from streams.core.fold.measures import one_person_freed

    assert one_person_freed("On 2 May Mongolia released the Kazakh pilot, who is ill, at Olgii.")
    assert one_person_freed("The rebels freed the last hostage on Monday.")
    assert not one_person_freed("The rebels released the hostage talks schedule.")
    assert not one_person_freed("They freed the hostage's driver.")
    told = (
        "2036-05-03",
        "ULAANBAATAR, May 3 — Mongolia released the Kazakh pilot, who suffers from asthma, to "
        "Kazakh border guards at the Olgii post on Thursday.",
    )
    assert _done(told) == [1]


# --- the capture's date told after its participle ------------------------------------------


def test_a_date_after_a_participle_of_capture_dates_the_capture_not_the_release() -> None:
    from datetime import date

    from streams.core.read.dates import _first_date

    published = datetime(2036, 4, 15, 18, tzinfo=UTC)
    for text in (
        "Five Nigerien traders abducted in eastern Chad in January were freed on Wednesday.",
        "Seven engineers seized at the Kelo mill in March were released on Wednesday.",
        "Two nurses kidnapped in February walked free on Wednesday.",
    ):
        when = _first_date(text, published)
        assert when is not None and when.start == date(2036, 4, 9), text
    # an active verb and its object: the seizure is the sentence's own event
    when = _first_date("Rebels seized the Kelo mill on Monday.", published)
    assert when is not None and when.start == date(2036, 4, 14)
    # with no other date, the capture's date stays the sentence's
    when = _first_date("Five traders abducted in January are still missing.", published)
    assert when is not None and when.start == date(2036, 1, 1)


def test_a_release_of_captives_taken_in_another_month_is_dated_by_its_own_day() -> None:
    told = (
        "2036-04-15",
        "NIAMEY, April 15 — Five Nigerien traders abducted in eastern Chad in January were freed "
        "on Wednesday by Chad, their families said.",
    )
    swaps = [
        m
        for st in _states(told)
        for m in st.measures
        if m.kind == "prisoner exchange" and m.status == "done"
    ]
    assert [(m.count, str(m.window_start)) for m in swaps] == [(5, "2036-04-09")]


# --- some of those freed, told with no release of their own --------------------------------


def test_some_of_those_freed_told_without_a_release_count_no_one() -> None:
    told = (
        "2036-03-05",
        "LIBREVILLE, March 5 — Twelve detained Cameroonian fishermen and six Gabonese soldiers "
        "were handed over at the Mvila ford on Saturday, the Red Cross said. Three of the "
        "soldiers had been wounded and were taken by ambulance to the hospital at Ntoum.",
    )
    assert _done(told) == [18]
    assert _total(told) == 18


def test_some_of_a_group_freed_is_still_counted() -> None:
    from streams.core.fold.measures import _some_of_those

    assert _some_of_those("Three of the soldiers had been wounded, a nurse said.")
    assert not _some_of_those("Three of the soldiers were freed on Monday.")
    assert not _some_of_those("Three of the soldiers crossed back into Gabon on Monday.")


# --- a total that opens by counting a release told before ----------------------------------


def test_a_total_counting_a_release_told_before_is_no_swap() -> None:
    from streams.core.fold.measures import RUNNING_TOTAL, measure_kind

    first = (
        "2036-05-03",
        "ULAANBAATAR, May 3 — Mongolia released the Kazakh pilot on Thursday at the Olgii post.",
    )
    later = (
        "2036-08-22",
        "ASTANA, Aug 22 — Kazakhstan freed 20 Mongolian herders on Friday in return for five "
        "Kazakh soldiers. Counting the pilot freed in May, Mongolia has released all six people "
        "it seized at the Olgii post, the mediators said.",
    )
    assert sorted(c for c in _done(first, later) if c) == [1, 25]
    text = "Counting the pilot freed in May, Mongolia has released all six people it seized."
    events = extract_events(
        Snippet(id="c", text=text, published_at=datetime(2036, 8, 22, 18, tzinfo=UTC))
    )
    kinds = {measure_kind(e) for e in events if e.type == "prisoner_exchange"}
    assert kinds <= {RUNNING_TOTAL}


# --- "In all, ..." opening an undated sentence after the stages ----------------------------


def test_in_all_opening_an_undated_sentence_after_the_stages_is_no_new_swap() -> None:
    first = (
        "2036-08-12",
        "WINDHOEK, Aug 12 — Namibia and Botswana released 31 people in a handover at the Osk "
        "bridge on Wednesday, the Red Cross said.",
    )
    second = (
        "2036-09-20",
        "GABORONE, Sept 20 — Botswana freed 10 Namibian detainees on Friday, completing the "
        "second stage of the deal. In all, 22 Namibians were freed in exchange for 19 herders, "
        "the mediators said.",
    )
    assert sorted(c for c in _done(first, second) if c) == [10, 31]
    assert _total(first, second) == 41


def test_in_all_with_a_day_of_its_own_is_still_the_swap_told_whole() -> None:
    told = (
        "2036-06-07",
        "In all, Chad and Niger exchanged 80 prisoners on Friday at the Kelo crossing, the Red "
        "Cross said.",
    )
    assert _done(told) == [80]
