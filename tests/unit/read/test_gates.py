"""Keyword gates: derived stems are necessary for a match, and gating never changes a result."""

import json
import re
from pathlib import Path

import pytest

from schemas.snippet import Snippet
from streams.core.read import gates
from streams.core.read.extract import extract_events
from streams.core.read.gates import gated, ungated
from streams.core.read.stems import _sre, fold, required_needs, required_stems

DEV = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "dev"


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        (r"(?<![\w-])(?:air ?strikes?|shell\w+)(?![\w-])", {"strike", "shell"}),
        (r"peace (?:talks|deal)", {"peace talks", "peace deal"}),
        (r"(?:talks|mediat\w*)", {"talks", "mediat"}),
        (r"\d+ (?:killed|dead)", {"killed", "dead"}),
    ],
)
def test_stems_are_literals_every_match_contains(pattern: str, stems: set[str]) -> None:
    assert required_stems(re.compile(pattern, re.IGNORECASE)) == stems


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        # A positive lookaround tests text: its words are required like the match's own.
        (r"(?<=the brigade called )(?:retreat|halt)", {"the brigade called "}),
        (r"called(?:(?<=group called)|(?<=unit called))", {"group called", "unit called"}),
        (r"envoys? (?=arrived in )", {"arrived in "}),
        # A negative one tests for text that must be absent: it requires nothing.
        (r"(?<!never )signed(?! nothing)", {"signed"}),
    ],
)
def test_a_positive_lookaround_requires_its_words(pattern: str, stems: set[str]) -> None:
    assert required_stems(re.compile(pattern, re.IGNORECASE)) == stems


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        # The parser takes a shared prefix out of an alternation ("me" before "eting|ets|et|t"):
        # the prefix and each branch's leading letters are one stem again.
        (r"(?:meeting|meets|meet|met)", {"meeting", "meets", "meet", "met"}),
        (r"(?:seize|seized|sent) ", {"seize", "seized", "sent"}),
        (r"\bre(?:sumed|started)\b", {"resumed", "restarted"}),
    ],
)
def test_a_prefix_the_parser_factors_out_stays_on_its_branches(
    pattern: str, stems: set[str]
) -> None:
    assert required_stems(re.compile(pattern, re.IGNORECASE)) == stems


_EACH_SIDE = r"(?:meeting|meets|meet|met) (?:each|either) side"


def test_the_words_around_an_alternation_are_no_run() -> None:
    # Taken out to split the needs by branch, the first alternation leaves a seam: "me" and
    # " e" on either side of it never stand together as "me e".
    found = required_needs(_sre.parse(_EACH_SIDE, re.IGNORECASE))
    assert found is not None
    assert all(frozenset({"me e"}) not in need for need in found)
    regex = gated(_EACH_SIDE, re.IGNORECASE)
    for sentence in (
        "The Tarn envoys were meeting each side in turn.",
        "Osk met either side at Velmar.",
        "Osk meets each side; Brask met neither.",
        "The Tarn envoys met at Velmar.",
    ):
        assert (regex.search(sentence) is None) == (regex.regex.search(sentence) is None)
        assert [m.span() for m in regex.scan(sentence)] == [
            m.span() for m in regex.regex.finditer(sentence)
        ]


_OFFERS = r"(?<![\w-])(?:(?<=offering to )(?:free|swap)|(?<=proposing to )(?:free|swap))(?![\w-])"


def test_needs_hold_the_words_of_a_lookbehind() -> None:
    found = required_needs(_sre.parse(_OFFERS, re.IGNORECASE))
    assert found is not None
    assert [[set(stems) for stems in need] for need in found] == [
        [{"offering to "}, {"free", "swap"}],
        [{"proposing to "}, {"free", "swap"}],
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tarn rebels are offering to free nine herders.",
        "Tarn is proposing to swap the two pilots.",
        "OFFERING TO FREE the pilots was never said.",
        "The rebels will free nine herders on Monday.",  # "free" alone: the gate stays shut
        "Rebels offering to talk were told to swap seats.",
        "Offering to\nfree them, the envoy left.",
    ],
)
def test_a_lookbehind_gate_never_hides_a_match(sentence: str) -> None:
    regex = gated(_OFFERS, re.IGNORECASE)
    assert [m.span() for m in regex.scan(sentence)] == [
        m.span() for m in regex.regex.finditer(sentence)
    ]
    assert (regex.search(sentence) is None) == (regex.regex.search(sentence) is None)


def test_a_lookbehind_gate_stays_shut_without_its_words() -> None:
    # "free" and "swap" are common; "offering to " and "proposing to " are not.
    regex = gated(_OFFERS, re.IGNORECASE)
    present, _ = gates.view("The rebels will free nine herders and swap two pilots.")
    assert not regex.opens(present)
    present, _ = gates.view("The rebels are offering to free nine herders.")
    assert regex.opens(present)


@pytest.mark.parametrize("pattern", [r"(?:talks|\w+)", r"(?:talks)?\d+", r"[a-z]+"])
def test_no_gate_when_a_match_needs_no_literal(pattern: str) -> None:
    assert required_stems(re.compile(pattern)) is None


def test_folding_keeps_case_insensitive_matches_visible() -> None:
    # "İ".lower() is two characters; IGNORECASE still matches it to "i".
    regex = gated(r"istanbul talks", re.IGNORECASE)
    assert fold("İSTANBUL") == "istanbul"
    assert regex.search("The İstanbul talks resumed.") is not None
    assert regex.search("The Ankara talks resumed.") is None


def _dev_snippets() -> list[Snippet]:
    snippets = [
        Snippet(text=json.loads(line)["text"])
        for line in (DEV / "events.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    for track in sorted((DEV / "stories").glob("*.jsonl")):
        if ".sentences." in track.name:
            continue
        for line in track.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            snippets.append(
                Snippet(id=record["id"], text=record["text"], published_at=record["published_at"])
            )
    return snippets


def test_gated_and_ungated_extraction_are_identical_on_all_dev_texts() -> None:
    snippets = _dev_snippets()
    gated_events = [[e.model_dump() for e in extract_events(s)] for s in snippets]
    with ungated():
        plain_events = [[e.model_dump() for e in extract_events(s)] for s in snippets]
    assert gated_events == plain_events
    assert sum(map(len, gated_events)) > 500


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        (r"(?:were|was|have been) (?:\w+ )?(?:hit|shelled)", {"hit", "shelled"}),
        (r"(?:swaps?|releases?) of (?:\w+ )?detainees", {"detainees"}),
    ],
)
def test_function_words_never_make_the_gate(pattern: str, stems: set[str]) -> None:
    # "was" or " of " would open the gate for nearly every sentence.
    assert required_stems(re.compile(pattern, re.IGNORECASE)) == stems


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        # One list per branch, each with the sets of the words around the alternation.
        (
            r"(?<![\w-])(?:ceasefire (?:talks|deal)|peace envoy)(?![\w-])",
            [
                [{"ceasefire "}, {"ceasefire talks", "ceasefire deal"}, {"talks", "deal"}],
                [{"peace envoy"}],
            ],
        ),
        # No alternation at the top: one list of every required set.
        (r"rebels? (?:\w+ )?freed (?:\w+ )?hostages", [[{"rebel"}, {"freed "}, {"hostages"}]]),
        # An alternation inside a group, a literal after it.
        (
            r"(?:(?:truce|armistice) signed|accord reached) in",
            [[{" in"}, {"truce", "armistice"}, {" signed"}], [{" in"}, {"accord reached"}]],
        ),
    ],
)
def test_needs_are_the_sets_every_match_of_a_branch_hits(
    pattern: str, needs: list[list[set[str]]]
) -> None:
    found = required_needs(_sre.parse(pattern, re.IGNORECASE))
    assert found is not None
    assert [[set(stems) for stems in need] for need in found] == needs


@pytest.mark.parametrize("pattern", [r"(?:truce signed|\w+)", r"(?:envoys?|[a-z]+)\d"])
def test_no_needs_when_a_branch_needs_no_literal(pattern: str) -> None:
    assert required_needs(_sre.parse(pattern, re.IGNORECASE)) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:talks\b|mediat|envoys?\b)",  # a list of words, each branch one stem
        r"(?:truce|armistice|ceasefire)",
    ],
)
def test_no_needs_when_each_branch_needs_one_of_the_gate_stems(pattern: str) -> None:
    # "one branch's stem is found" is "one of the gate's stems is found": the bit says it, and
    # needs would only add a bit per branch to every sentence's scan.
    regex = gated(pattern, re.IGNORECASE)
    assert regex.gate is not None
    assert regex.needs == ()
    for sentence in ("The envoy left Lima.", "Talks resumed.", "The truce held.", "Rain fell."):
        found = regex.search(sentence)
        assert (found is None) == (regex.regex.search(sentence) is None)


_CAPTORS = (
    r"(?<![\w-])(?:rebels? (?:\w+ )?(?:freed|released) (?:\w+ )?hostages|envoys? met)(?![\w-])"
)


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [
        ("The Southern Front rebels freed nine hostages near Tarapaca.", True),
        ("Two envoys met at the border post on Monday.", True),
        ("The rebels freed the road to Arica but kept the bridge.", False),  # no "hostages"
        ("Nine hostages were freed by the army near Tarapaca.", False),  # no "rebel"
        ("The envoy left Lima before the vote.", False),  # "envoy" without "met"
        ("The Chilean envoy left and was never seen again.", False),
        # A gate reads words, not their order: it opens, and the regex finds nothing.
        ("The Chilean envoy was never met at the airport.", True),
    ],
)
def test_a_gate_with_needs_opens_only_where_every_set_of_a_branch_occurs(
    sentence: str, opens: bool
) -> None:
    regex = gated(_CAPTORS, re.IGNORECASE)
    assert regex.needs
    present, _ = gates.view(sentence)
    assert regex.opens(present) is opens
    # Closed gates never hide a match: the gated search is the plain regex's.
    assert (regex.search(sentence) is not None) == (regex.regex.search(sentence) is not None)
    assert [m.span() for m in regex.scan(sentence)] == [
        m.span() for m in regex.regex.finditer(sentence)
    ]
