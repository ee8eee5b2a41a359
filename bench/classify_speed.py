"""Throughput of the rule core on repeated dev texts: sentences/s and peak RSS, as markdown."""

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas.snippet import Snippet
from streams.core.read.classify import classify_sentence
from streams.core.read.extract import extract_events
from streams.core.read.sentences import quote_states, split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _dev_snippets() -> list[Snippet]:
    """Every dev text: the labelled items and the story snippets (with their dates)."""
    snippets = [
        Snippet(text=json.loads(line)["text"])
        for line in (CORPUS / "events.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    for track in sorted((CORPUS / "stories").glob("*.jsonl")):
        if ".sentences." not in track.name:
            for line in track.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                snippets.append(Snippet(text=record["text"], published_at=record["published_at"]))
    return snippets


def _repeat(snippets: list[Snippet], sentences: int) -> tuple[list[Snippet], int]:
    """Snippets cycled until they hold at least `sentences` sentences; and the exact count."""
    per = [len(split_sentences(s.text)) for s in snippets]
    out: list[Snippet] = []
    total = 0
    while total < sentences:
        for snippet, count in zip(snippets, per, strict=True):
            out.append(snippet)
            total += count
            if total >= sentences:
                break
    return out, total


def _split_classify(snippet: Snippet) -> None:
    sentences = split_sentences(snippet.text)
    for sentence, inside in zip(sentences, quote_states(snippet.text, sentences), strict=True):
        classify_sentence(sentence.text, inside)


def _rate(
    work: Callable[[Snippet], object], snippets: list[Snippet], sentences: int, repeat: int = 1
) -> float:
    """Best rate of `repeat` runs: on a shared machine the fastest run is the least disturbed."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for snippet in snippets:
            work(snippet)
        best = min(best, time.perf_counter() - start)
    return sentences / best


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> None:
    from bench.common import use_shipped_typer

    use_shipped_typer()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=100_000, help="sentences per measurement")
    parser.add_argument(
        "--compare-ungated", action="store_true", help="also measure with keyword gates disabled"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per measurement; the best one is reported"
    )
    args = parser.parse_args()
    snippets, total = _repeat(_dev_snippets(), args.sentences)
    modes: list[tuple[str, Callable[[], AbstractContextManager[None]]]] = [("gated", nullcontext)]
    if args.compare_ungated:
        try:
            from streams.core.read.gates import ungated
        except ImportError:  # a tree from before the gates
            pass
        else:
            modes.append(("ungated", ungated))
    print(f"{total} sentences in {len(snippets)} snippets, Python {sys.version.split()[0]}\n")
    print("| path | mode | sentences/s |")
    print("|---|---|---:|")
    for name, work in (("split+classify", _split_classify), ("extract_events", extract_events)):
        for mode, context in modes:
            with context():
                print(f"| {name} | {mode} | {_rate(work, snippets, total, args.repeat):,.0f} |")
    print(f"\npeak RSS: {_peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
