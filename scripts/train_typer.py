"""Train the learned sentence typer (streams/lexicon/typer.json) on the tune split and events.jsonl.

Only the tune tracks of bench/split.json and the dataset items are read; the check tracks never
are. Per-type thresholds and the types the model may add to the rules are chosen by
leave-one-track-out cross-validation over the tune tracks. Pure Python and deterministic: the
same data give the same file.

    .venv/bin/python scripts/train_typer.py            # cross-validate, train, write the weights
    .venv/bin/python scripts/train_typer.py --cv-only  # only print the cross-validation figures
"""

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas.events import EVENT_TYPES  # noqa: E402
from streams.core.read import typer  # noqa: E402
from streams.core.read.classify import classify_sentence  # noqa: E402
from streams.core.read.sentences import quote_states, split_sentences  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
OUT = ROOT / "streams" / "lexicon" / "typer.json"
SPLIT = json.loads((ROOT / "bench" / "split.json").read_text(encoding="utf-8"))
TYPES = tuple(EVENT_TYPES)
# A type is added to the rules only if cross-validation shows at least this F1 gain.
MIN_GAIN = 0.01
CONTEXT = "--no-context" not in sys.argv
EPOCHS, RATE, L2, ITEM_WEIGHT, PRUNE = 12, 0.3, 1e-3, 0.5, 0.05
Example = tuple[list[str], set[str], set[str], float]  # features, gold, rule labels, weight


def _rules(text: str, inside: bool) -> set[str]:
    with typer.mode("rules"):
        return {label.type for label in classify_sentence(text, inside)}


def tune_examples() -> dict[str, list[Example]]:
    """Per tune track: one example per reference sentence."""
    out: dict[str, list[Example]] = {}
    for track in SPLIT["tune"]:
        stories = CORPUS / "stories"
        gold: dict[tuple[str, int], set[str]] = {}
        for line in (stories / f"{track}.sentences.jsonl").read_text().splitlines():
            row = json.loads(line)
            gold[(row["snippet_id"], row["start"])] = set(row["labels"]) - {"other"}
        examples = []
        for line in (stories / f"{track}.jsonl").read_text().splitlines():
            record = json.loads(line)
            sentences = split_sentences(record["text"])
            insides = quote_states(record["text"], sentences)
            ruled = [_rules(s.text, inside) for s, inside in zip(sentences, insides, strict=True)]
            for i, (sentence, inside) in enumerate(zip(sentences, insides, strict=True)):
                labels = gold.get((record["id"], sentence.start))
                if labels is None:
                    continue  # a sentence the reference segments differently
                context = typer.context_of(ruled, i) if CONTEXT else None
                feats = typer.features(sentence.text, ruled[i], inside, context)
                examples.append((feats, labels, ruled[i], 1.0))
        out[track] = examples
    return out


def item_examples() -> list[Example]:
    """One example per dataset item: its whole text, its labels, the union of its rule labels."""
    examples = []
    for line in (CORPUS / "events.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if not item["text"]:
            continue
        sentences = split_sentences(item["text"])
        rules: set[str] = set()
        for sentence, inside in zip(sentences, quote_states(item["text"], sentences), strict=True):
            rules |= _rules(sentence.text, inside)
        gold = set(item["labels"]) - {"other"}
        examples.append((typer.features(item["text"], rules, False), gold, rules, ITEM_WEIGHT))
    return examples


def train(examples: list[Example], seed: int = 13) -> dict[str, list[float]]:
    """One-vs-rest logistic regression by AdaGrad with L2; returns weights per feature."""
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(TYPES))
    grads: dict[str, list[float]] = defaultdict(lambda: [1e-8] * len(TYPES))
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            feats, gold, _, weight = examples[index]
            rows = [weights[f] for f in feats]
            for k, kind in enumerate(TYPES):
                score = sum(row[k] for row in rows)
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
                error = weight * (p - (1.0 if kind in gold else 0.0))
                for feat, row in zip(feats, rows, strict=True):
                    g = error + L2 * row[k]
                    acc = grads[feat]
                    acc[k] += g * g
                    row[k] -= RATE * g / math.sqrt(acc[k])
    return dict(weights)


def _f1(pairs: list[tuple[bool, bool]]) -> float:
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _model(weights: dict[str, list[float]]) -> typer.Model:
    half = dict.fromkeys(TYPES, 0.5)
    return typer.Model(
        {
            "types": TYPES,
            "add": TYPES,
            "thresholds": half,
            "model_thresholds": half,
            "weights": weights,
        }
    )


def cross_validate(
    tracks: dict[str, list[Example]], items: list[Example]
) -> list[tuple[dict[str, float], set[str], set[str]]]:
    """Held-out (probabilities, gold, rule labels) of every tune sentence, one track left out."""
    held = []
    for track, examples in tracks.items():
        train_set = [e for t, ex in tracks.items() if t != track for e in ex] + items
        model = _model(train(train_set))
        for feats, gold, rules, _ in examples:
            held.append((model.scores(feats), gold, rules))
        print(f"  fold {track}: {len(examples)} held out", file=sys.stderr)
    return held


def choose(held: list[tuple[dict[str, float], set[str], set[str]]]) -> dict[str, object]:
    """Per type: the threshold to add to the rules and for the model alone; whether to add."""
    grid = [i / 20 for i in range(2, 19)]
    add, thresholds, alone = [], {}, {}
    print(f"{'type':<18}{'rules':>7}{'model':>7}{'both':>7}{'t_both':>8}{'t_model':>8}")
    for kind in TYPES:
        rules_f1 = _f1([(kind in g, kind in r) for _, g, r in held])
        best_alone = max(grid, key=lambda t: _f1([(kind in g, s[kind] >= t) for s, g, _ in held]))
        model_f1 = _f1([(kind in g, s[kind] >= best_alone) for s, g, _ in held])
        best_both = max(
            grid, key=lambda t: _f1([(kind in g, kind in r or s[kind] >= t) for s, g, r in held])
        )
        both_f1 = _f1([(kind in g, kind in r or s[kind] >= best_both) for s, g, r in held])
        thresholds[kind], alone[kind] = best_both, best_alone
        if both_f1 >= rules_f1 + MIN_GAIN:
            add.append(kind)
        print(
            f"{kind:<18}{rules_f1:>7.3f}{model_f1:>7.3f}{both_f1:>7.3f}"
            f"{best_both:>8.2f}{best_alone:>8.2f}{'  add' if kind in add else ''}"
        )
    return {"add": add, "thresholds": thresholds, "model_thresholds": alone}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--no-context", action="store_true", help="without neighbour features")
    args = parser.parse_args()
    tracks = tune_examples()
    items = item_examples()
    print("leave-one-tune-track-out cross-validation (F1 per type):")
    chosen = choose(cross_validate(tracks, items))
    if args.cv_only:
        return
    weights = train([e for ex in tracks.values() for e in ex] + items)
    kept = {
        feat: [round(w, 3) for w in row]
        for feat, row in sorted(weights.items())
        if max(abs(w) for w in row) >= PRUNE
    }
    spec = {
        "_doc": "Learned sentence typer weights: written by scripts/train_typer.py, do not edit.",
        "types": list(TYPES),
        **chosen,
        "weights": kept,
    }
    OUT.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(kept)} features, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
