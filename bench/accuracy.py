"""Accuracy of the snippet -> events core on the dev corpus, tune and check splits side by side.

The split is defined once, in bench/split.json. The check split stands in for unseen news: only
its totals and per-type figures are printed, never its sentences (`-v` lists tune errors only).
`--split invented` scores the invented held-out tracks of bench/invented/ the same way (totals
and per-type figures only), `--split all` prints every split side by side.
`--typer rules|model|both` measures each component of the sentence typer on its own.
"""

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas.events import EVENT_TYPES
from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
INVENTED = Path(__file__).resolve().parent / "invented"
TRAINING = Path(__file__).resolve().parents[1] / "training"  # invented development tracks
SPLIT = json.loads((Path(__file__).resolve().parent / "split.json").read_text(encoding="utf-8"))
MACRO_TYPES = ("talks", "strike", "statement")
Unit = tuple[str, set[str], set[str]]  # (text, gold, predicted)


def _predict(text: str, published_at: str | None = None) -> dict[int, set[str]]:
    """Predicted types per sentence start offset."""
    snippet = Snippet(text=text, published_at=published_at)
    by_sentence: dict[int, set[str]] = {}
    for event in extract_events(snippet):
        by_sentence.setdefault(event.sentence.start, set()).add(event.type)
    return by_sentence


def item_units() -> list[Unit]:
    units = []
    for line in (CORPUS / "events.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        predicted = set().union(*_predict(item["text"]).values()) if item["text"] else set()
        units.append((item["text"], set(item["labels"]) - {"other"}, predicted))
    return units


def sentence_units(tracks: list[str], root: Path = CORPUS / "stories") -> list[Unit]:
    units = []
    for track in tracks:
        story = root / f"{track}.sentences.jsonl"
        snippets = {}
        for line in (root / f"{track}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            snippets[record["id"]] = record
        predictions: dict[str, dict[int, set[str]]] = {}
        for line in story.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            snippet = snippets[row["snippet_id"]]
            if row["snippet_id"] not in predictions:
                predictions[row["snippet_id"]] = _predict(snippet["text"], snippet["published_at"])
            predicted = predictions[row["snippet_id"]].get(row["start"], set())
            units.append((row["text"], set(row["labels"]) - {"other"}, predicted))
    return units


def training_tracks() -> list[str]:
    return sorted(
        p.name.removesuffix(".sentences.jsonl") for p in TRAINING.glob("*.sentences.jsonl")
    )


def scores(units: list[Unit]) -> dict[str, tuple[float, float, float, int, int, int]]:
    """Per type: precision, recall, F1, support, false positives, false negatives."""
    out = {}
    for kind in EVENT_TYPES:
        tp = sum(1 for _, g, p in units if kind in g and kind in p)
        fp = sum(1 for _, g, p in units if kind not in g and kind in p)
        fn = sum(1 for _, g, p in units if kind in g and kind not in p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = (precision, recall, f1, tp + fn, fp, fn)
    return out


def macro_f1(units: list[Unit]) -> float:
    table = scores(units)
    return sum(table[k][2] for k in MACRO_TYPES) / len(MACRO_TYPES)


def weighted_f1(units: list[Unit]) -> float:
    table = scores(units)
    support = sum(row[3] for row in table.values())
    return sum(row[2] * row[3] for row in table.values()) / support if support else 0.0


def _confusions(units: list[Unit], limit: int = 8) -> str:
    counts: Counter[str] = Counter()
    for _, gold, predicted in units:
        for kind in predicted - gold:
            counts[f"FP {kind} (gold: {'+'.join(sorted(gold)) or 'other'})"] += 1
        for kind in gold - predicted:
            counts[f"FN {kind} (pred: {'+'.join(sorted(predicted)) or 'nothing'})"] += 1
    return ", ".join(f"{k} x{n}" for k, n in counts.most_common(limit))


def report(columns: dict[str, list[Unit]]) -> None:
    """Per-type P/R/F1 (support) for each column side by side, then the totals."""
    tables = {name: scores(units) for name, units in columns.items()}
    head = f"{'type':<18}" + "".join(f"| {name:<25}" for name in columns)
    print(head)
    print(f"{'':<18}" + "".join(f"| {'P':>5}{'R':>6}{'F1':>6}{'sup':>6}  " for _ in columns))
    for kind in EVENT_TYPES:
        row = f"{kind:<18}"
        for name in columns:
            p, r, f, support, _, _ = tables[name][kind]
            row += f"| {p:>5.2f}{r:>6.2f}{f:>6.2f}{support:>6}  "
        print(row)
    for label, fn in (("macro-F1 talks/strike/stmt", macro_f1), ("weighted F1", weighted_f1)):
        print(f"{label:<27}" + "   ".join(f"{name}={fn(u):.3f}" for name, u in columns.items()))
    for name, units in columns.items():
        others = sum(1 for _, g, _ in units if not g)
        exact = sum(1 for _, g, p in units if g == p)
        ok = sum(1 for _, g, p in units if not g and not p)
        print(f"{name}: {len(units)} units, exact {exact}, other kept empty {ok} of {others}")
        print(f"  confusions: {_confusions(units)}")


def track_line(name: str, units: list[Unit]) -> str:
    """One track's totals: macro-F1 and P/R of each macro type, no sentence (a held track's
    line as well as a development track's)."""
    table = scores(units)
    cells = "  ".join(f"{k} P/R {table[k][0]:.2f}/{table[k][1]:.2f}" for k in MACRO_TYPES)
    return f"{name:<32} macro-F1 {macro_f1(units):.3f}  {cells}  ({len(units)} sentences)"


def _chosen(tracks: str | None, without: str | None) -> list[str]:
    """The training tracks `--tracks` names (all when unset), less those `--without` names."""
    known = training_tracks()
    named = [t for t in (tracks or "").split(",") if t]
    left_out = {t for t in (without or "").split(",") if t}
    unknown = sorted((set(named) | left_out) - set(known))
    if unknown:
        raise SystemExit(f"unknown training tracks: {', '.join(unknown)}")
    return [t for t in (named or known) if t not in left_out]


@contextmanager
def _typer(mode: str) -> Iterator[None]:
    from streams.core.read import typer

    if mode == "shipped":
        from bench.common import shipped_mode

        mode = shipped_mode()

    with typer.mode(mode):
        yield


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "-v", action="store_true", help="list tune-split errors (and training's; never check)"
    )
    parser.add_argument("--typer", default="shipped", choices=("shipped", "rules", "model", "both"))
    parser.add_argument(
        "--split",
        default="dev",
        choices=("dev", "invented", "training", "all"),
        help="dev: tune, check and events.jsonl (the default); invented: the held-out invented "
        "tracks of bench/invented/ beside tune; training: the invented development tracks of "
        "training/ beside tune, per track too; all: tune, check, invented and events.jsonl",
    )
    parser.add_argument(
        "--tracks",
        help="with --split training: only these training tracks (comma-separated), e.g. a "
        "branch's held tracks scored at its start and end",
    )
    parser.add_argument(
        "--without",
        "--exclude",
        help="with --split training: leave out these training tracks (comma-separated), e.g. a "
        "branch's held tracks while it debugs the others with -v",
    )
    args = parser.parse_args()
    with _typer(args.typer):
        tune = sentence_units(SPLIT["tune"])
        check = sentence_units(SPLIT["check"]) if args.split in ("dev", "all") else []
        invented = (
            sentence_units(SPLIT["invented"], INVENTED) if args.split in ("invented", "all") else []
        )
        items = item_units() if args.split in ("dev", "all") else []
        training = (
            {t: sentence_units([t], TRAINING) for t in _chosen(args.tracks, args.without)}
            if args.split == "training"
            else {}
        )
    print(f"== sentence typing, strict multi-label (typer: {args.typer})\n")
    if args.split == "dev":
        report({"tune": tune, "check": check, "events.jsonl": items})
    elif args.split == "invented":
        report({"tune": tune, "invented": invented})
    elif args.split == "training":
        report({"tune": tune, "training": [u for units in training.values() for u in units]})
        print()
        for track, units in training.items():
            print(track_line(track, units))
    else:
        report({"tune": tune, "check": check, "invented": invented, "events.jsonl": items})
    if check:
        gap = macro_f1(tune) - macro_f1(check)
        print(f"\ntune - check macro-F1 gap: {gap:+.3f} (should stay <= 0.05)")
    if invented:
        gap = macro_f1(tune) - macro_f1(invented)
        print(f"tune - invented macro-F1 gap: {gap:+.3f}")
    if args.v:
        errors = tune + [u for units in training.values() for u in units]
        for text, gold, predicted in errors:
            if gold != predicted:
                print(f"  gold={sorted(gold)} pred={sorted(predicted)} | {text[:200]}")


if __name__ == "__main__":
    main()
