"""Scans of split + classify rewritten to run faster (perf/classify5) find exactly what their
old forms found. Every sentence is invented; the fuzz strings are random."""

import random
import re

import pytest

from streams.core.read import classify, figures, gates, modality, speech, typer
from streams.core.read.classify import classify_sentence
from streams.core.read.gates import AtOpenings, GatedPattern, Unnamed, ascii_form, ascii_safe

_SENTENCES = [
    "Envoys of the Tarn Front and the Osk government met in Velmar for a third round of talks.",
    "Shelling killed four herders near Brask, and a drone strike hit the Kessari depot at dawn.",
    "The two sides exchanged 40 prisoners each, the Velmar mediators said on Friday.",
    "Both parties signed a ceasefire agreement, but the talks were called off after the raid.",
    "Aid convoys with food and medicine reached Osk; the relief agency said 12 trucks crossed.",
    "The Osk council would not meet again, and no talks are planned, an official told reporters.",
    "At least 1,450 people were killed and 3 400 wounded, the health office of Brask said.",
    "Talks? Talking. Talkative talkers; re-talks, talks-talks, talks_2, (talks) 'talks' 9talks",
    "",
]


def _fuzz(seed: str, alphabet: list[str], count: int = 200) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(["", " "]).join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        for _ in range(count)
    ]


# Words of the rules and pieces of them, with the characters where \w, \s and \b decide.
_WORDS = [
    "talks", "talk", "met", "meet", "meeting", "killed", "kill", "called", "aid", "said", "the",
    "of", "round", "strike", "drone", "prisoners", "exchanged", "40", "1,450", "four", "not",
    "would", "planned", "ceasefire", "signed", "agreement", "-", "_", ",", ".", ";", "'", "\t",
    " ", "(", ")", "a", "9", "The", "Tarn", "Round", "Front", "Talks", "Osk",
]  # fmt: skip
_TEXTS = [*_SENTENCES, *_fuzz("ascii", _WORDS)]


def _gated_patterns() -> list[GatedPattern]:
    """The gated patterns of the rules, the speech verbs and the figures."""
    patterns: list[GatedPattern] = [speech._VERBS, speech._ATTRIBUTION, figures._REPORT]
    for rules in classify._RULES.values():
        patterns += [regex for _, regex, _ in rules.groups]
        patterns += list(rules.exclude)
    return patterns


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def test_ascii_safe_text_is_ascii_without_the_separators_unicode_takes_for_spaces() -> None:
    assert ascii_safe("Talks resumed in Osk.\t(9 envoys)")
    assert not ascii_safe("Talks resumed in Osk\x1cVelmar")  # \s in Unicode, not in ASCII
    assert not ascii_safe("Talks resumed in Ōsk")
    assert ascii_safe("")


def test_only_a_case_sensitive_regex_has_an_ascii_form() -> None:
    with pytest.raises(ValueError, match="case-sensitive"):
        ascii_form(re.compile("said", re.IGNORECASE))
    form = ascii_form(re.compile(r"(?<![\w-])said\b"))
    assert form.flags & re.ASCII and not form.flags & re.UNICODE


def test_the_ascii_forms_of_the_lower_case_variants_find_the_same_matches() -> None:
    kinds: set[str] = set()
    for pattern in _gated_patterns():
        if pattern.lower is None:
            continue
        lower, form = pattern.lower, pattern.ascii_lower()
        kinds.add(type(lower).__name__)
        if isinstance(lower, AtOpenings):
            assert form is lower  # tried at a few positions: kept as it is
            continue
        assert isinstance(form, type(lower))
        for text in _TEXTS:
            low = text.lower()
            assert _spans(form.finditer(low)) == _spans(lower.finditer(low)), (lower, text)
            found, first = form.search(low), lower.search(low)
            assert (found and found.span()) == (first and first.span())
            if isinstance(lower, Unnamed):
                # The located matches are the regex's own, with its groups.
                assert _spans(form.regex.finditer(low)) == _spans(lower.regex.finditer(low))
    assert {"Pattern", "Unnamed", "AtOpenings"} <= kinds


def test_the_ascii_forms_of_the_modality_cues_find_the_same_matches() -> None:
    for lower, form in zip(modality._LOWER, modality._ASCII, strict=True):
        assert lower is not None and form is not None
        for text in _TEXTS:
            low = text.lower()
            assert [(m.span(), m.lastgroup) for m in form.finditer(low)] == [
                (m.span(), m.lastgroup) for m in lower.finditer(low)
            ]
            # Windows end inside the text: a lookahead sees no further than the window's end.
            assert [m.span() for m in form.finditer(low, 3, len(low) - 4)] == [
                m.span() for m in lower.finditer(low, 3, len(low) - 4)
            ]


def test_classifying_with_ascii_forms_reads_what_the_unicode_forms_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentences = [*_SENTENCES, *_fuzz("classify", _WORDS, 60)]

    def read() -> list[list[classify.Label]]:
        gates._reset()  # no record of an earlier scan: each sentence is scanned again
        speech.find_speech.cache_clear()
        figures.find_figures.cache_clear()
        with typer.mode("both"):
            return [classify_sentence(text) for text in sentences]

    with_ascii = read()
    monkeypatch.setattr(gates, "ascii_safe", lambda text: False)
    assert read() == with_ascii
    gates._reset()


def test_the_ascii_forms_of_the_relaxed_candidates_find_the_same_candidates() -> None:
    relaxed = [p.relaxed for p in _gated_patterns() if p.relaxed is not None]
    assert relaxed  # talks' verbal triggers, named rounds, ground clashes ...
    for each in relaxed:
        assert each.ascii is not each and each.ascii.regex is each.regex
        for text in _TEXTS:
            low = text.lower()
            assert [m.span() for m in each.ascii.candidates.finditer(low)] == [
                m.span() for m in each.candidates.finditer(low)
            ]
            assert _spans(each.ascii.finditer(text, low)) == _spans(each.finditer(text, low))
            assert _spans(each.finditer(text, low)) == _spans(each.regex.finditer(text))
