"""A person who mediates, titled by an organisation in the sentence ("the UN envoy Marta Lind"),
is listed under that organisation, not as a mediator of their own.

Every sentence is invented; none is news text.
"""

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events


def _mediators(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    tables = project_tables(extract_events(Snippet(text=text, published_at="2027-02-10")))
    return [
        (m.name, m.role, m.people) for s in tables["negotiations"].values() for m in s.mediators
    ]


@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        (
            "Chile and Peru held talks in Geneva on Monday, mediated by the UN envoy Marta Lind.",
            [("United Nations", "mediator", ("Marta Lind",))],
        ),
        (
            "Chile and Peru held talks in Geneva, mediated by Marta Lind, the UN envoy.",
            [("United Nations", "mediator", ("Marta Lind",))],
        ),
        # near misses: no organisation in the title, an organisation named apart from her
        (
            "Chile and Peru held talks in Geneva, mediated by the veteran diplomat Marta Lind.",
            [("Marta Lind", "mediator", ())],
        ),
        (
            "Chile and Peru held talks in Geneva, mediated by the envoy Marta Lind, the UN said.",
            [("Marta Lind", "mediator", ())],
        ),
    ],
)
def test_a_person_titled_by_an_organisation_is_listed_under_it(
    text: str, mediators: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert _mediators(text) == mediators
