"""Scans rewritten to run faster (perf/classify7) find exactly what their old forms found: a
gated pattern's lower-case variant without the branches whose needs are absent matches as the
whole variant does. Every sentence is invented; the fuzz strings are random."""

import gc
import random
import re

import pytest

from streams.core.read import classify, gates, stems
from streams.core.read.classify import classify_sentence
from streams.core.read.gates import GatedPattern

_SENTENCES = [
    "Envoys of the Tarn Front and the Osk government met in Velmar for a third round of talks.",
    "Shelling killed four herders near Brask, and a drone strike hit the Kessari depot at dawn.",
    "The Tarn rebels, responsible for attacks on villages in the north, freed nine herders.",
    "Any attack on Velmar will be answered, the Osk envoy said, if the shelling resumes.",
    "Strikes have killed 40 people in Brask since March, the Kessari health office said.",
    "Forty people were killed in attacks on Osk over the past two weeks, medics said.",
    "The talks, mediated by Velmar in May, were called off after the raid on the depot.",
    "“We will not meet them,” the Osk envoy said — the talks were put off until June.",
    "Money changed hands before the 12 hostages were freed in exchange for 30 detainees.",
    "İSTANBUL-STYLE TALKS? The ſtrike force of Kessari met nobody.",
    "",
]
_WORDS = [
    "talks", "met", "killed", "attacks", "on", "villages", "responsible for", "any", "attack",
    "will be answered", "strikes", "have", "since", "so far", "the", "of", "in", "shelling",
    "resumes", "if", "prisoners", "hostages", "freed", "exchange", "40", "not", "toll", "from",
    "mediated", "by", "-", ",", ".", "’", "“", "İ", "Tarn", "Osk",
]  # fmt: skip


def _fuzz(seed: str, count: int = 300) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(["", " "]).join(rng.choice(_WORDS) for _ in range(rng.randint(0, 18)))
        for _ in range(count)
    ]


_TEXTS = [*_SENTENCES, *_fuzz("gates7", 150)]


def _patterns() -> list[GatedPattern]:
    """Every gated pattern with branches: the rules' triggers and vetoes, speech, figures."""
    classify_sentence("Talks resumed.")  # every rule module's patterns are built
    found = [o for o in gc.get_objects() if isinstance(o, GatedPattern)]
    assert any(regex in found for regex in classify._RULES["strike"].exclude)
    return [regex for regex in found if regex.branches is not None]


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...], str | None]]:
    return [(m.span(), m.groups(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


def test_the_rules_have_patterns_with_branches() -> None:
    patterns = _patterns()
    assert len(patterns) > 20
    assert any(regex.branches and len(regex.branches.needs) > 10 for regex in patterns)


@pytest.mark.parametrize("text", _TEXTS)
def test_the_branches_that_may_match_find_what_the_whole_variant_finds(text: str) -> None:
    low = gates.lowered(text)
    if low is None:
        return  # such a text runs the regex itself
    present, _ = gates.view(text)
    ascii = gates.ascii_safe(low)
    rng = random.Random(text)
    for regex in _patterns():
        whole = regex.ascii_lower() if ascii else regex.lower
        assert whole is not None
        expected = _spans(whole.finditer(low))
        assert _spans(regex.lower_form(present, ascii).finditer(low)) == expected
        # More gates than the text holds keep more branches: the matches are the same too.
        needs = regex.branches.needs if regex.branches else ()
        extra = frozenset(gate for need in needs for gate in need if rng.random() < 0.3)
        assert _spans(regex.lower_form(present | extra, ascii).finditer(low)) == expected


@pytest.mark.parametrize("text", _TEXTS)
def test_the_labels_are_those_of_the_whole_variants(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = classify_sentence(text)
    monkeypatch.setattr(gates._Branches, "form", lambda self, present, ascii: None)
    assert classify_sentence(text) == fast
    with gates.ungated():
        assert classify_sentence(text) == fast


def test_with_branches_keeps_the_chosen_branches_in_order() -> None:
    parsed = gates._sre.parse(r"(?<![\w-])(?:freed (\w+)|swapped|(?P<n>\d+) captives)(?![\w-])")
    assert [len(need) for need in stems.branch_needs(parsed) or []] == [1, 1, 1]
    kept = stems.with_branches(parsed, [0, 2])
    regex = gates.compile_grouped("freed-or-captives", 0, kept)
    # Group numbers and names stay those of the whole pattern.
    match = regex.search("They swapped 12 captives and freed Arno.")
    assert match is not None and match.group("n") == "12" and match.lastindex == 2
    assert [m.group(0) for m in regex.finditer("swapped, then freed Arno")] == ["freed Arno"]


def test_a_pattern_without_an_alternation_has_no_branches() -> None:
    assert stems.branch_needs(gates._sre.parse("truce talks")) is None
    with pytest.raises(ValueError):
        stems.with_branches(gates._sre.parse("truce talks"), [0])
    assert gates.gated("truce talks", re.IGNORECASE).branches is None


def test_a_branch_that_needs_no_gate_is_always_kept() -> None:
    # "\d+ dead" needs only a weak stem (" dead" is kept, the digits are none): never left out.
    regex = gates.gated(r"(?<![\w-])(?:truce (?:talks|accord)|\d+ dead|ceasefire held)", re.I)
    assert regex.branches is not None
    assert not regex.branches.needs[1] or len(regex.branches.needs) == 3
    text = "Some 12 dead in Brask as the ceasefire held."
    present, low = gates.view(text)
    assert low is not None
    found = [m.span() for m in regex.lower_form(present, gates.ascii_safe(low)).finditer(low)]
    assert found == [m.span() for m in re.finditer(regex.pattern, text, re.I)]
