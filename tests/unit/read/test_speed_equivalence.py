"""The fast paths of the rule core give exactly the outputs of the plain (ungated) regex paths.

`snapshot` records, for every sentence of the dev corpus (and case variants of it), what the
rule functions return; the test compares a gated run with an ungated one. Run as a script to
save or check a golden file outside the repo while optimising:

    .venv/bin/python -m tests.unit.read.test_speed_equivalence --write /tmp/core-golden.json
    .venv/bin/python -m tests.unit.read.test_speed_equivalence --check /tmp/core-golden.json
"""

import argparse
import importlib
import json
import re
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from streams.core.read import gates, stems
from streams.core.read.classify import classify_sentence
from streams.core.read.dates import resolve_date
from streams.core.read.figures import find_figures
from streams.core.read.gates import case_sensitive, lowered, ungated
from streams.core.read.modality import clause_span, modality_at
from streams.core.read.sentences import quote_states, split_sentences
from streams.core.read.speech import find_speech
from tests.corpus import dev_texts

_sre: Any = importlib.import_module("_sre")
ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
PUBLISHED = datetime(2026, 2, 5, 18, 0, tzinfo=UTC)

EDGE_CASES = [
    "",
    " ",
    "The İstanbul talks resumed on Monday.",
    "ſtrikes hit the KİLLED zone; 12 were killed on 3 March 2025.",
    "At least 1,200 people were killed and 3.5 million displaced, the U.N. said.",
    "Twenty-one civilians were wounded. Hundreds of others are missing.",
    "Officials said no one was killed in the air strike near Goma on Tuesday.",
    '"We will not negotiate," he said. "Never." Talks were called off.',
    "“The talks are deadlocked,” a spokesman for the ministry told Reuters on Feb. 3.",
    "In 2023 a man was killed. The death toll rose to 40 last week.",
    "• Ceasefire talks in Doha… Sanctions were imposed next month!\nA prisoner swap took place.",
]


def corpus_texts() -> list[str]:
    """Every dev text, the seed article and the example snippets."""
    return dev_texts(sentence_files=False, examples=True) + EDGE_CASES


def _date(text: str, published: datetime | None) -> Any:
    found = resolve_date(text, published)
    return found.model_dump(mode="json") if found else None


def _sentence_record(text: str, inside: bool) -> dict[str, Any]:
    labels = classify_sentence(text, inside)
    return {
        "text": text,
        "inside": inside,
        "labels": [asdict(label) for label in labels],
        "speech": [asdict(act) for act in find_speech(text, inside)],
        "figures": [asdict(figure) for figure in find_figures(text)],
        "date": _date(text, PUBLISHED),
        "date_undated": _date(text, None),
        "modality": [
            [modality_at(text, label.start, label.end), *clause_span(text, label.start, label.end)]
            for label in labels
        ],
    }


def snapshot(texts: list[str]) -> list[dict[str, Any]]:
    """Outputs of the rule functions for each text, its sentences and their case variants."""
    find_speech.cache_clear()
    find_figures.cache_clear()
    records: list[dict[str, Any]] = []
    for text in texts:
        sentences = split_sentences(text)
        states = quote_states(text, sentences)
        records.append(
            {"snippet": text, "sentences": [asdict(s) for s in sentences], "quotes": states}
        )
        for sentence, inside in zip(sentences, states, strict=True):
            for variant in (
                sentence.text,
                sentence.text.lower(),
                sentence.text.upper(),
                # Kelvin sign: lower-cases to "k", which IGNORECASE also matches.
                sentence.text.swapcase().replace("k", "\u212a"),
            ):
                records.append(_sentence_record(variant, inside))
        records.append(_sentence_record(text, False))
    return records


def test_gated_paths_give_the_ungated_outputs() -> None:
    texts = corpus_texts()
    gated_run = snapshot(texts)
    with ungated():
        ungated_run = snapshot(texts)
    assert len(gated_run) == len(ungated_run)
    for fast, plain in zip(gated_run, ungated_run, strict=True):
        assert fast == plain


def test_stem_automaton_finds_what_the_stem_regex_finds() -> None:
    scanner = gates._scanner(len(gates._STEMS))
    texts = corpus_texts()
    for text in texts + [s.text for t in texts for s in split_sentences(t)]:
        folded = stems.fold(text)
        assert scanner.scan_folded(folded) == scanner.scan_regex(folded)


def test_cached_results_keep_the_quote_state_apart() -> None:
    text = "Talks will resume."
    assert find_speech(text, True) != find_speech(text, False)


def main() -> None:
    parser = argparse.ArgumentParser(description="save or check a golden snapshot")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--check", type=Path)
    args = parser.parse_args()
    records = snapshot(corpus_texts())
    if args.write:
        args.write.write_text(json.dumps(records, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"wrote {len(records)} records to {args.write}")
        return
    golden = json.loads(args.check.read_text(encoding="utf-8"))
    current = json.loads(json.dumps(records, ensure_ascii=False))
    bad = [i for i, (a, b) in enumerate(zip(golden, current, strict=False)) if a != b]
    if len(golden) != len(current):
        bad.append(min(len(golden), len(current)))
    for i in bad[:5]:
        print("MISMATCH", i, json.dumps(golden[i] if i < len(golden) else None)[:600])
        print("     NOW", i, json.dumps(current[i] if i < len(current) else None)[:600])
    print(f"{len(current)} records, {len(bad)} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()


def test_lowering_is_exact_for_every_character_the_check_lets_through() -> None:
    # lowered() relies on: str.lower gives the engine's lower-casing, one character for one,
    # and keeps word, space and digit characters so; "İ" (two characters) is the exception.
    classes = [re.compile(p) for p in (r"\w", r"\s", r"\d")]
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        low = char.lower()
        if low == char and _sre.unicode_tolower(code) == code:
            continue  # nothing to lower
        if 0xD800 <= code < 0xE000 or lowered(char) is None:
            continue
        assert len(low) == 1 and ord(low) == _sre.unicode_tolower(code), hex(code)
        assert all(bool(c.match(char)) == bool(c.match(low)) for c in classes), hex(code)


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (r"(?<![\w-])(?:air ?strikes?|shell\w+)(?![\w-])", ["AIR STRIKES and Shelling", "x"]),
        (r"[Aa]n?\s+(?:man|woman)\b", ["An Man", "AN WOMAN", "a man"]),
        (r"(?P<Kind>talks)[^A-Z]", ["TALKS.", "talks1"]),
        (r"s\w+", ["ſtrike", "Strike", "KELVIN \u212a"]),
    ],
)
def test_case_sensitive_regex_over_lowered_text_matches_like_ignorecase(
    pattern: str, texts: list[str]
) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    lower = case_sensitive(regex)
    for text in texts:
        low = lowered(text)
        if lower is None or low is None:
            continue
        assert [m.span() for m in lower.finditer(low)] == [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize("pattern", [r"(?-i:Abc)x", r"[A-Z]x", r"(a)\1"])
def test_no_case_sensitive_variant_when_it_could_differ(pattern: str) -> None:
    assert case_sensitive(re.compile(pattern, re.IGNORECASE)) is None


def test_texts_with_ambiguous_case_are_not_lowered() -> None:
    assert lowered("Straße") == "straße"
    assert lowered("İstanbul") is None
    assert lowered("ſtrike") is None
    assert lowered("ΣΟΣ") is None
