"""A regex tried only where one of its opening literals stands finds the matches of the regex."""

import importlib
import re
from typing import Any

import pytest

from streams.core.read.dispatch import dispatched, opening_literals
from streams.core.read.gates import AtOpenings

_parser: Any = importlib.import_module("re._parser")

TEXTS = [
    "the envoys said they met at Arica; the envoy then told reporters the talks stalled.",
    "Heavy fighting and fierce fighting, then fighting again near Sal Rei; a fighter fled.",
    "she resaid it, said-so said: said",
    "met met, remet; metal mets met",
    "",
    "said " * 400,  # longer than a sentence: search falls back to the plain regex
]


def _openings(pattern: str) -> frozenset[str] | None:
    return opening_literals(_parser.parse(pattern, 0))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<![\w-])(?:said|told)(?![\w-])", {"said", "told"}),
        # An optional opening word: the match opens with it or with what follows.
        (
            r"(?<![\w-])(?:(?:heavy |fierce )?fighting)",
            {"heavy fighting", "fierce fighting", "fighting"},
        ),
        (r"(?:a|)bc", {"abc", "bc"}),
        (r"(?P<verb>met|told) (?:at|in)", {"met ", "told "}),
        (r"(?:ab)+c", {"ab"}),
    ],
)
def test_opening_literals_are_what_every_match_opens_with(pattern: str, expected: set[str]) -> None:
    assert _openings(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"ab?c",  # opens with one character only: too many places to try
        r"[st]aid",  # a class, not a literal
        r"(?:a|b)*c",  # a repeat that may match nothing
        r"\w+ said",
        r"(?:said|)",  # a match may be empty
        r"(?i:said)",  # a group with flags of its own
    ],
)
def test_no_opening_literals_where_a_match_may_open_otherwise(pattern: str) -> None:
    assert _openings(pattern) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![\w-])(?:said|says|told)(?![\w-])",
        r"(?<![\w-])(?:(?:heavy |fierce )?fighting)(?![\w-])",
        r"(?<![\w-])(?:met|mets|metal)",
        r"(?<![\w-])(?P<who>envoys?) (?:said|told|met)",
        r"(?:said|sai)d?",
    ],
)
def test_tried_at_openings_finds_the_matches_of_the_regex(pattern: str) -> None:
    plain = re.compile(pattern)
    openings = _openings(pattern)
    assert openings is not None
    at = AtOpenings(plain, openings)
    for text in TEXTS:
        spans = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in at.finditer(text)] == spans
        first = plain.search(text)
        found = at.search(text)
        assert (found and found.span()) == (first and first.span())
        # Slices are the plain regex's.
        assert [m.span() for m in at.finditer(text, 5, 40)] == [
            m.span() for m in plain.finditer(text, 5, 40)
        ]
        later, plain_later = at.search(text, 5), plain.search(text, 5)
        assert (later and later.span()) == (plain_later and plain_later.span())


def test_a_word_boundary_goes_only_before_a_lookbehind_that_a_word_character_follows() -> None:
    # Nothing to group in either: only the boundary changes the regex.
    bounded = re.compile(r"(?<![\w-])(?:told|said)")
    assert dispatched(bounded) is not bounded
    quoted = re.compile(r"(?<![\w-])(?:told|“said)")  # a match may open with a quotation mark
    assert dispatched(quoted) is quoted
    for text in [*TEXTS, "-said “said x“said"]:
        for regex in (bounded, quoted):
            assert [m.span() for m in dispatched(regex).finditer(text)] == [
                m.span() for m in regex.finditer(text)
            ]
