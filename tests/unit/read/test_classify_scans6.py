"""Gate tests rewritten to run faster (perf/classify6) decide exactly what their old forms
decided: a scan's gates are a set of gate numbers, where they were the bits of one mask. Every
sentence is invented; the fuzz strings are random."""

import random
from functools import reduce
from operator import or_

import pytest

from streams.core.read import classify, gates, stems
from streams.core.read.classify import classify_sentence
from streams.core.read.gates import GatedPattern

_SENTENCES = [
    "Envoys of the Tarn Front and the Osk government met in Velmar for a third round of talks.",
    "Shelling killed four herders near Brask, and a drone strike hit the Kessari depot at dawn.",
    "The two sides exchanged 40 prisoners each, the Velmar mediators said on Friday.",
    "The Tarn rebels are offering to free nine herders; the group called Osk Dawn said so.",
    "Both parties signed a ceasefire agreement, but the talks were called off after the raid.",
    "“We will not meet them,” the Osk envoy said — the talks were put off until June.",
    "İSTANBUL-STYLE TALKS? The ſtrike force of Kessari met nobody.",
    "",
]
_WORDS = [
    "talks", "met", "meeting", "killed", "called", "group called", "offering to", "free", "aid",
    "said", "the", "of", "round", "strike", "drone", "prisoners", "exchanged", "40", "not",
    "planned", "ceasefire", "signed", "agreement", "-", ",", ".", "’", "“", "İ", "Tarn", "Osk",
]  # fmt: skip


def _fuzz(seed: str, count: int = 300) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(["", " "]).join(rng.choice(_WORDS) for _ in range(rng.randint(0, 16)))
        for _ in range(count)
    ]


_TEXTS = [*_SENTENCES, *_fuzz("gates6")]


def _old_mask(folded: str) -> int:
    """The old scan: every stem found ORs the mask of its gates' bits."""
    masks: dict[str, int] = {}
    for gate, stem_set in enumerate(gates._STEMS):
        for stem in stem_set:
            masks[stem] = masks.get(stem, 0) | 1 << gate
    found = [stem for stem in masks if stem in folded]
    return reduce(or_, (masks[stem] for stem in found), 0)


def _bits(mask: int) -> frozenset[int]:
    return frozenset(i for i in range(mask.bit_length()) if mask >> i & 1)


@pytest.mark.parametrize("text", _TEXTS[:40])
def test_the_scan_finds_the_gates_of_the_old_mask(text: str) -> None:
    classify_sentence("Talks resumed.")  # every rule module's gates are registered
    scanner = gates._scanner(len(gates._STEMS))
    folded = stems.fold(text)
    assert scanner.scan_folded(folded) == _bits(_old_mask(folded))
    assert scanner.scan_regex(folded) == scanner.scan_folded(folded)


def _patterns() -> list[GatedPattern]:
    found: list[GatedPattern] = []
    for rules in classify._RULES.values():
        found += [regex for _, regex, _ in rules.groups]
        found += list(rules.exclude)
    return [regex for regex in found if regex.needs]


def _old_meets(mask: int, needs: list[int]) -> bool:
    return any(mask & need == need for need in needs)


def test_meets_decides_as_the_old_masks_did() -> None:
    patterns = _patterns()
    assert patterns
    rng = random.Random("meets6")
    for regex in patterns:
        needs = [sum(1 << gate for gate in need) for need in regex.needs]
        used = sorted(set().union(*regex.needs))
        for _ in range(40):
            present = frozenset(gate for gate in used if rng.random() < 0.6)
            mask = sum(1 << gate for gate in present)
            assert gates.meets(present, regex.needs) is _old_meets(mask, needs)
            assert regex.need_index.met(present) is _old_meets(mask, needs)
        everything = frozenset(used)
        assert gates.meets(everything, regex.needs)
        assert regex.need_index.met(everything)
        assert not regex.need_index.met(frozenset())


def test_the_need_index_tests_each_need_where_its_key_gate_stands() -> None:
    # One need of one gate, two of two gates sharing none: every subset of the five gates.
    needs = (frozenset({7}), frozenset({3, 4}), frozenset({5, 9}))
    index = gates.NeedIndex(needs)
    assert index.single == {7}
    assert set(index.keys) <= {3, 4, 5, 9} and len(index.keys) == 2
    for size in range(1 << 5):
        present = frozenset(g for i, g in enumerate((3, 4, 5, 7, 9)) if size >> i & 1)
        assert index.met(present) is gates.meets(present, needs)
    assert not gates.NeedIndex(()).met(frozenset({1, 2}))


@pytest.mark.parametrize("text", _TEXTS)
def test_the_labels_are_those_of_the_ungated_rules(text: str) -> None:
    fast = classify_sentence(text)
    with gates.ungated():
        plain = classify_sentence(text)
    assert fast == plain


def test_a_type_without_its_stems_is_not_read() -> None:
    talks = classify._RULES["talks"]
    assert talks.gates
    present, _ = gates.view("Rain fell on Brask.")
    assert talks.gates.isdisjoint(present)
    present, _ = gates.view("Talks resumed in Brask.")
    assert not talks.gates.isdisjoint(present)


def test_the_ungated_view_opens_every_gate() -> None:
    with gates.ungated():
        present, low = gates.view("Rain fell on Brask.")
    assert low is None
    assert present == frozenset(range(len(gates._STEMS)))
