"""Accuracy of the snippet -> events core on the dev corpus: per-type P/R/F1 and confusions."""

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas.events import EVENT_TYPES
from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
MACRO_TYPES = ("talks", "strike", "statement")
Pair = tuple[set[str], set[str]]


def _predict(text: str, published_at: str | None = None) -> dict[int, set[str]]:
    """Predicted types per sentence start offset."""
    snippet = Snippet(text=text, published_at=published_at)
    by_sentence: dict[int, set[str]] = {}
    for event in extract_events(snippet):
        by_sentence.setdefault(event.sentence.start, set()).add(event.type)
    return by_sentence


def _item_pairs() -> list[tuple[str, set[str], set[str]]]:
    pairs = []
    for line in (CORPUS / "events.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        predicted = set().union(*_predict(item["text"]).values()) if item["text"] else set()
        gold = set(item["labels"]) - {"other"}
        pairs.append((item["text"], gold, predicted))
    return pairs


def _sentence_pairs() -> list[tuple[str, set[str], set[str]]]:
    pairs = []
    for story in sorted((CORPUS / "stories").glob("*.sentences.jsonl")):
        snippets = {}
        for line in story.with_name(story.name.replace(".sentences", "")).read_text().splitlines():
            record = json.loads(line)
            snippets[record["id"]] = record
        predictions: dict[str, dict[int, set[str]]] = {}
        for line in story.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            snippet = snippets[row["snippet_id"]]
            if row["snippet_id"] not in predictions:
                predictions[row["snippet_id"]] = _predict(snippet["text"], snippet["published_at"])
            predicted = predictions[row["snippet_id"]].get(row["start"], set())
            pairs.append((row["text"], set(row["labels"]) - {"other"}, predicted))
    return pairs


def report(title: str, pairs: list[tuple[str, set[str], set[str]]], verbose: bool) -> float:
    """Print per-type scores and return macro-F1 over talks, strike and statement."""
    print(f"\n== {title}: {len(pairs)} units")
    print(f"{'type':<18}{'P':>6}{'R':>6}{'F1':>6}{'support':>9}{'FP':>5}{'FN':>5}")
    f1s: dict[str, float] = {}
    for kind in EVENT_TYPES:
        tp = sum(1 for _, g, p in pairs if kind in g and kind in p)
        fp = sum(1 for _, g, p in pairs if kind not in g and kind in p)
        fn = sum(1 for _, g, p in pairs if kind in g and kind not in p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s[kind] = f1
        print(f"{kind:<18}{precision:>6.2f}{recall:>6.2f}{f1:>6.2f}{tp + fn:>9}{fp:>5}{fn:>5}")
    other_ok = sum(1 for _, g, p in pairs if not g and not p)
    print(f"{'other (exact)':<18}{other_ok:>6} of {sum(1 for _, g, _ in pairs if not g)}")
    macro = sum(f1s[k] for k in MACRO_TYPES) / len(MACRO_TYPES)
    print(f"macro-F1 (talks, strike, statement): {macro:.3f}")
    confusions: Counter[str] = Counter()
    for _, gold, predicted in pairs:
        for kind in predicted - gold:
            confusions[f"FP {kind} (gold: {'+'.join(sorted(gold)) or 'other'})"] += 1
        for kind in gold - predicted:
            confusions[f"FN {kind} (predicted: {'+'.join(sorted(predicted)) or 'nothing'})"] += 1
    print("confusions:", ", ".join(f"{k} x{n}" for k, n in confusions.most_common(12)))
    if verbose:
        for text, gold, predicted in pairs:
            if gold != predicted:
                print(f"  gold={sorted(gold)} pred={sorted(predicted)} | {text[:160]}")
    return macro


def main() -> None:
    verbose = "-v" in sys.argv
    report("dev/events.jsonl (per item)", _item_pairs(), verbose)
    report("dev/stories (per sentence)", _sentence_pairs(), verbose)


if __name__ == "__main__":
    main()
