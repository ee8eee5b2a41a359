"""Casualty figures in wordings the training tracks do not use (issue 14 item 4, branch
state/claims4): a part of the people apposed between their noun and its verb, and a side's
communiqué that "neutralised" its enemies. Every sentence and place is invented."""

import pytest

from streams.core.read.figures import find_figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 31 people, among them nine children, were killed when shells hit Verrow.",
            [(31, "killed", "at_least")],
        ),
        (
            "Some 40 villagers, most of them women, were wounded in the raid.",
            [(40, "wounded", "about")],
        ),
        ("Troops neutralised 12 insurgents near Lanzo-Ost.", [(12, "killed", "exact")]),
        ('The units "neutralized 31 terrorists", the command said.', [(31, "killed", "exact")]),
        # near misses: things neutralised, and an aside that is no part of the people
        ("The air force neutralised 3 drones over Lanzo-Ost.", []),
        ("At least 31 people, the mayor said, were killed.", []),
    ],
)
def test_figures_in_new_wordings(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert [(f.value, f.unit, f.qualifier) for f in find_figures(text)] == expected


def test_a_part_a_cue_opens_is_not_joined_to_the_figure_after_it() -> None:
    text = (
        "The Verrow Monitor's count is 1,512 dead, including 241 civilians, and some 37,000 "
        "people are still displaced."
    )
    assert [(f.value, f.unit) for f in find_figures(text)] == [
        (1512, "killed"),
        (241, "killed"),
        (37000, "displaced"),
    ]
