"""Figures of people: value or range, qualifier and unit."""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.figures import find_attribution, find_exchanged, find_figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 12 people were wounded, and three are missing.",
            [(12, None, None, "at_least", "wounded"), (3, None, None, "exact", "missing")],
        ),
        (
            "The fighting displaced about 450,000 people.",
            [(450000, None, None, "about", "displaced")],
        ),
        ("Up to 140,000 deaths were recorded.", [(140000, None, None, "up_to", "killed")]),
        ("Between 10 and 20 civilians were killed.", [(None, 10, 20, "exact", "killed")]),
        (
            "Officials said 30 to 40 fighters died in the clashes.",
            [(None, 30, 40, "exact", "killed")],
        ),
        ("Five soldiers were captured near the border.", [(5, None, None, "exact", "captured")]),
        ("Some 1.5 million people fled.", [(1500000, None, None, "about", "displaced")]),
        ("Nearly 500 people remain unaccounted for.", [(500, None, None, "nearly", "missing")]),
        (
            "Between 5,000 and 7,000 civilians have been killed.",
            [(None, 5000, 7000, "exact", "killed")],
        ),
        ("From 20 to 30 people died in the raid.", [(None, 20, 30, "exact", "killed")]),
        (
            "An official put the total number of dead on both sides at almost 3,000.",
            [(3000, None, None, "nearly", "killed")],
        ),
    ],
)
def test_figures_have_value_or_range_qualifier_and_unit(text: str, expected: list) -> None:
    got = [(f.value, f.low, f.high, f.qualifier, f.unit) for f in find_figures(text)]
    assert got == expected


def test_numbers_in_dates_calibres_and_years_are_not_figures() -> None:
    assert find_figures("On 13 March 2023, 155mm shells hit the 2nd district.") == ()


def test_prisoner_exchanges_carry_the_number_of_prisoners() -> None:
    snippet = Snippet(text="Russia and Ukraine exchanged 95 prisoners each on Friday.")
    exchange = next(e for e in extract_events(snippet) if e.type == "prisoner_exchange")
    assert [(q.value, q.unit) for q in exchange.quantities] == [(95, "prisoners")]


@pytest.mark.parametrize(
    "text",
    [
        "With the help of the Red Crescent, eleven wounded captives were let go on Monday.",
        "The rebels freed 11 fishermen held since the spring.",
        "Borduria handed over 11 captured troops at the border crossing.",
    ],
)
def test_freed_people_of_any_kind_are_counted(text: str) -> None:
    exchange = next(e for e in extract_events(Snippet(text=text)) if e.type == "prisoner_exchange")
    assert [q.value for q in exchange.quantities] == [11]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The report by the London-based Institute of War Studies put the toll at 300.",
            "Institute of War Studies",
        ),
        ("According to the UN, 40 civilians were killed.", "UN"),
        ("An analysis from Mediazona counted 20,000 dead.", "Mediazona"),
        ("according to local residents, three people died.", None),
        ("The ministry said 12 were killed.", None),
        ("Atlantis's army put the number of its dead at 450.", "Atlantis's army"),
        ("The Health Ministry put the death toll at 300.", "Health Ministry"),
    ],
)
def test_figures_no_one_speaks_are_attributed_to_the_document_or_body_named(
    text: str, claimant: str | None
) -> None:
    assert find_attribution(text) == claimant


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The rebels freed one hundred and twenty prisoners on Sunday.", 120),
        ("Peru freed one hundred twenty-five detainees.", 125),
        ("Bolivia released two hundred prisoners.", 200),
        ("The army handed over three thousand and forty detainees.", 3040),
        # "a hundred" is a number word of its own; the words after it add as well
        ("A hundred and twenty people crossed the bridge, prisoners of both sides.", 120),
        ("The rebels freed a hundred prisoners.", 100),
        ("The army released a thousand and five detainees.", 1005),
    ],
)
def test_number_words_after_a_multiplier_add_to_it(text: str, value: int) -> None:
    assert [f.value for f in find_exchanged(text)] == [value]


def test_a_toll_in_compound_number_words_is_read_whole() -> None:
    (figure,) = find_figures("One hundred and twenty people were killed in Villa Sorel.")
    assert (figure.value, figure.unit) == (120, "killed")
    (figure,) = find_figures("A hundred and twelve people were killed in Villa Sorel.")
    assert (figure.value, figure.unit) == (112, "killed")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a part of a group named without its whole counts the part
        ("The Front released ten of the road workers it seized in April.", [10]),
        ("The group handed over five of its fighters to the Red Cross.", [5]),
        # with the whole named, the whole is read here (the fold counts the part before it)
        ("The rebels released 12 of the 23 passengers they seized.", [23]),
        # a verb after "of the": no group of people counted
        ("Six of the Colombians were wounded and flown to hospital.", []),
    ],
)
def test_a_part_of_a_group_named_without_its_whole_is_counted(text: str, values: list[int]) -> None:
    assert [f.value for f in find_exchanged(text)] == values
