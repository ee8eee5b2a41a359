"""Body patterns that open with their capital find what their determiner lookahead found."""

import re

import pytest

from streams.core.read import figures
from streams.core.read.figures import _BODY, _capital, find_bodies

_LEX = figures._LEX
_DETERMINERS = (
    "The|A|An|This|That|It|He|She|They|Each|Every|Both|Either|Neither|All|Some"
    "|Its|Their|His|Her|Our|No|Any"
)
# The two patterns as they were written before the capital moved first.
_NAMED_BODY = re.compile(
    rf"(?P<body>(?!(?:{_DETERMINERS})\b)"
    + _BODY
    + r"(?:\s+(?:"
    + figures.alternation(_LEX["institution_words"])
    + r"))*\s+(?:"
    + figures.alternation(_LEX["body_heads"])
    + r"|(?:"
    + figures.alternation([h.capitalize() for h in _LEX["body_heads"]])
    # the remit after a capitalised head ("Ministry of Home Affairs"), added since
    + r")(?:\s+of\s+[A-Z][\w-]*(?:\s+(?:and\s+|of\s+|for\s+)?[A-Z][\w-]*)*)?"
    + r"))(?![\w-])"
)
_NAMED_ORGANISATION = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|This|That)\s)(?P<body>(?:[A-Z][\w'’.-]*\s+"
    r"(?:(?:for|of|and|on|the|de)\s+)*){1,5}(?:"
    + figures.alternation(_LEX["organisation_heads"])
    + r"))(?![\w-])"
)

SENTENCES = [
    "The Andean Security Institute said 40 fishermen were missing.",
    "An Institute for Peace and Reconciliation of Chile published the figures.",
    "Each Army Command reported losses; Both Ministries denied it.",
    "ThE Coastal Ministry of Health and The Ministry of Health said so.",
    "A Ministry official spoke; Ana Ministry staff did not.",
    "(The) Southern Front Observatory counted 12 dead, x-The Andean Institute said.",
    "Tha Andean Institute, Its Health Ministry and Their Defence Ministry replied.",
    "Anyone from the Peruvian Health Ministry or NoMad Institute of Arica could say.",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_capital_first_patterns_match_as_the_lookahead_forms(sentence: str) -> None:
    for new, old in (
        (figures._NAMED_BODY.regex, _NAMED_BODY),
        (figures._NAMED_ORGANISATION.regex, _NAMED_ORGANISATION),
    ):
        for text in (sentence, sentence.upper()):
            assert [(m.span(), m.groupdict()) for m in new.finditer(text)] == [
                (m.span(), m.groupdict()) for m in old.finditer(text)
            ]


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("The Coastal Health Ministry said 12 died.", ["Coastal Health Ministry"]),
        ("Each Defence Ministry said so.", ["Defence Ministry"]),
        ("Its Interior Ministry said so.", ["Interior Ministry"]),
        ("The Andean Security Institute said so.", ["Andean Security Institute"]),
        ("An Institute said so.", []),
    ],
)
def test_bodies_are_read_without_their_determiner(text: str, bodies: list[str]) -> None:
    assert find_bodies(text) == bodies


def test_capital_opens_the_regex_so_the_engine_can_skip_to_capitals() -> None:
    regex = re.compile(_capital("The|An", r"\b") + r"\w+")
    assert regex.pattern.startswith("[A-Z]")
    assert [m.group() for m in regex.finditer("The Tide and An Anchor, Theo.")] == [
        "Tide",
        "Anchor",
        "Theo",
    ]
