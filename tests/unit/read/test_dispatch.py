"""Alternations grouped by first character find exactly the matches of the regex as written."""

import gc
import json
import re
from typing import Any

import pytest

from streams.core.lexicon import compile_words, load, word_pattern
from streams.core.read import classify, dates, figures, gazetteer, modality, speech  # noqa: F401
from streams.core.read.dispatch import dispatched
from streams.core.read.gates import GatedPattern
from streams.core.read.sentences import split_sentences
from tests.corpus import DEV

INVENTED = [
    "She said it; he TOLD them, and they Spoke at length in Arica.",
    "The Samba band, the SAX player and the salt traders met at Sal Rei.",
    "A season of sunsets: the sun and the sea over the sand at Punta Sal.",
    "Peace talks, a peace deal, a peace plan and a pact were signed by Chile and Peru.",
    "abd acd abc ac c ab d",
    "",
]


def _matches(regex: re.Pattern[str], text: str) -> list[Any]:
    return [(m.span(), m.groups(), m.lastgroup, m.lastindex) for m in regex.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(?<![\w-])(?:said|says|told|stated|spoke|stressed)(?![\w-])", re.IGNORECASE),
        (r"(?<![\w-])(?:said|says|told|stated|spoke|stressed)(?![\w-])", 0),
        # Mixed case under IGNORECASE: "Sam", "sal", "SAX" and "s" are one group, in order.
        (r"(?:Sam|sal|SAX|s)\w*", re.IGNORECASE),
        (r"(?:Sam|sal|SAX|s)\w*", 0),
        # Capture groups inside the branches keep their numbers and names.
        (r"(?:(?P<a>sea)|(?P<b>sun)\w*|s(a)nd|(?P<c>sal))", 0),
        # A branch that opens otherwise ends a run: "sun" stays after "\w+son".
        (r"(?:sea|\w+son|sun|season)", 0),
        (r"(?:ab|a|)c", 0),
        (r"(?<=(?:ab|ac))d", 0),
        (r"peace (?:talks|deal)|peace plan|pact|peace", re.IGNORECASE),
        (r"(?P<x>(?:ab|ac|a))(?(x)c|d)", 0),
    ],
)
def test_grouped_alternations_find_the_same_matches(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    grouped = dispatched(plain)
    assert grouped.pattern == plain.pattern
    assert grouped.groupindex == plain.groupindex
    for text in INVENTED:
        assert _matches(grouped, text) == _matches(plain, text), text
        assert _matches(grouped, text.upper()) == _matches(plain, text.upper())


@pytest.mark.parametrize(
    ("pattern", "grouped"),
    [
        (r"(?:said|says|told|spoke)", True),  # s + (aid|ays|poke), t + old
        (r"(?:peace|pact|truce)", True),
        (r"(?:said|told)", False),  # no two branches share a first character
        (r"(?i:said|spoke)", False),  # a group with flags of its own is left alone
        (r"(?:\w+son|sun)", False),
    ],
)
def test_grouping_happens_only_where_branches_share_a_first_literal(
    pattern: str, grouped: bool
) -> None:
    plain = re.compile(pattern)
    assert (dispatched(plain) is not plain) is grouped


def _dev_sentences() -> list[str]:
    texts = [
        json.loads(line)["text"]
        for line in (DEV / "events.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return [s.text for text in texts for s in split_sentences(text)] + INVENTED


def test_every_rule_regex_matches_as_written_on_dev_sentences() -> None:
    sentences = _dev_sentences()
    lowered = [s.lower() for s in sentences]
    built = [o for o in gc.get_objects() if isinstance(o, GatedPattern)]
    assert len(built) > 100
    changed = 0
    for gate in built:
        plain = re.compile(gate.pattern, gate.regex.flags)
        changed += gate.regex is not plain and gate.regex != plain
        for text in sentences:
            assert _matches(gate.regex, text) == _matches(plain, text), gate.pattern[:80]
        if gate.lower is not None:
            lower_plain = re.compile(gate.lower.pattern, gate.lower.flags)
            for text in lowered:
                assert _matches(gate.lower, text) == _matches(lower_plain, text)
    assert changed > 20  # the lexicon alternations are grouped


@pytest.mark.parametrize(
    ("lexicon", "key"),
    [
        ("speech", "media"),
        ("speech", "anonymous"),
        ("speech", "documents"),
        ("rounds", "background_clause"),
        ("rounds", "next_clause"),
        ("roles", "runs_exchange"),
    ],
)
def test_lexicon_word_regexes_match_as_written(lexicon: str, key: str) -> None:
    words = load(lexicon)[key]
    grouped = compile_words(words)
    plain = re.compile(word_pattern(words), re.IGNORECASE)
    for text in _dev_sentences():
        assert _matches(grouped, text) == _matches(plain, text)
