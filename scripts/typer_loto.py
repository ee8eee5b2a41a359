"""The learned typer judged on what it was not trained on: leave one tune track out, k-fold items.

For each of the tune tracks of bench/split.json the model is trained on the other tune tracks
plus events.jsonl and scores the held-out track; for each of K folds of events.jsonl it is
trained on every tune track plus the other folds and scores the held-out items. The check
tracks are never read. Every way of combining the model with the rules is then scored on the
held-out units only, its thresholds chosen without the held-out unit's gold: for a held-out
track, on the held-out predictions of the other tracks and of every item; for a held-out fold,
on every track and the other folds.

The rules were written while reading every tune track and events.jsonl, so "rules" here is
an optimistic figure, and so is anything that leans on them; the model's own columns are
honest.

    .venv/bin/python scripts/typer_loto.py            # the table
    .venv/bin/python scripts/typer_loto.py --folds 5  # K for events.jsonl (default 5)
    .venv/bin/python scripts/typer_loto.py --tests    # also train on the rule tests' sentences
    .venv/bin/python scripts/typer_loto.py --probes   # also train on the invented probe sets

`--probes` also scores the model alone on each probe set of tests/data, trained on the tune
tracks, events.jsonl and the other probe set (and without it), against the rules.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_typer  # noqa: E402
from train_typer import TYPES, Unit  # noqa: E402

MACRO3 = ("talks", "strike", "statement")  # bench/accuracy.py's macro-F1
# A held-out prediction: the unit's gold, its rule labels, and per sentence (rule labels,
# model probabilities); a tune unit has one sentence, an item one per sentence.
Held = tuple[set[str], set[str], list[tuple[set[str], dict[str, float]]]]
Combiner = Callable[[set[str], dict[str, float]], set[str]]
FOLDS = 5
GRID = [i / 20 for i in range(1, 20)]


PROBE_SETS = ("classes_probes.jsonl", "classes_probes2.jsonl")


def held_out(
    folds: int, tests: bool = False, probes: bool = False
) -> tuple[dict[str, list[Held]], list[list[Held]]]:
    """Held-out predictions per tune track and per item fold; `tests`: train on the harvested
    test sentences too, `probes` on the invented probe sets (in every fold: never scored)."""
    tracks = train_typer.tune_units()
    items = train_typer.item_units()
    extra = train_typer.test_units() if tests else []
    if probes:
        extra += [u for name in PROBE_SETS for u in train_typer.probe_units(name)]
    item_folds = [items[i::folds] for i in range(folds)]
    by_track: dict[str, list[Held]] = {}
    for track, units in tracks.items():
        rest = [u for t, us in tracks.items() if t != track for u in us] + items + extra
        model = train_typer.fit(rest)
        by_track[track] = [_predict(model, u) for u in units]
        print(f"  held out {track}: {len(units)} sentences", file=sys.stderr)
    by_fold = []
    tune_all = [u for us in tracks.values() for u in us]
    for i, fold in enumerate(item_folds):
        rest = tune_all + [u for j, f in enumerate(item_folds) if j != i for u in f] + extra
        model = train_typer.fit(rest)
        by_fold.append([_predict(model, u) for u in fold])
        print(f"  held out item fold {i + 1}: {len(fold)} items", file=sys.stderr)
    return by_track, by_fold


def _predict(model: "train_typer.typer.Model", unit: Unit) -> Held:
    sentences = [(rules, model.scores(feats)) for feats, rules in unit.sentences]
    return unit.gold, set().union(*(r for r, _ in sentences)), sentences


def _apply(combine: Combiner, held: Held) -> set[str]:
    out: set[str] = set()
    for rules, scores in held[2]:
        out |= combine(rules, scores)
    return out


def prf(pairs: Sequence[tuple[set[str], set[str]]], kind: str) -> tuple[float, float, float]:
    tp = sum(1 for g, p in pairs if kind in g and kind in p)
    fp = sum(1 for g, p in pairs if kind not in g and kind in p)
    fn = sum(1 for g, p in pairs if kind in g and kind not in p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def _f1(pool: list[Held], kind: str, decide: Callable[[bool, float], bool]) -> float:
    """F1 of one type over a pool when each sentence's decision is `decide(ruled, p)`."""
    tp = fp = fn = 0
    for gold, _, sentences in pool:
        said = any(decide(kind in rules, scores[kind]) for rules, scores in sentences)
        tp += said and kind in gold
        fp += said and kind not in gold
        fn += not said and kind in gold
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# The ways to combine, each a per-type choice made on a pool of held-out predictions:
# `model` the model alone above a threshold; `add` the rules plus the model where they are
# silent above a threshold; `veto` the rules minus a label the model scores below a
# threshold; `add+veto` both (a two-threshold stack over the rule bit and the probability).
# A type departs from the rules only if the pool shows a gain of at least MIN_GAIN.
MIN_GAIN = 0.01


def choose(pool: list[Held], how: str) -> dict[str, tuple[float, float]]:
    """Per type (add threshold, veto threshold); 1.01 never adds, 0.0 never vetoes."""
    out = {}
    for kind in TYPES:
        rules = _f1(pool, kind, lambda r, p: r)
        if how == "model":
            best = max(GRID, key=lambda t: _f1(pool, kind, lambda r, p, t=t: p >= t))
            out[kind] = (best, best)
            continue
        adds = GRID if how in ("add", "add+veto") else [1.01]
        vetoes = GRID if how in ("veto", "add+veto") else [0.0]
        best_f1, best = rules + MIN_GAIN, (1.01, 0.0)
        for a in adds:
            for v in vetoes:
                f1 = _f1(pool, kind, lambda r, p, a=a, v=v: (p >= v) if r else (p >= a))
                if f1 > best_f1 + 1e-9:
                    best_f1, best = f1, (a, v)
        out[kind] = best
    return out


def combiner(thresholds: dict[str, tuple[float, float]], how: str) -> Combiner:
    if how == "rules":
        return lambda rules, scores: set(rules)
    if how == "model":
        return lambda rules, scores: {k for k in TYPES if scores[k] >= thresholds[k][0]}
    # A rule label stays unless scored below its veto; a silent type is added above its bar.
    return lambda rules, scores: {
        k for k in TYPES if scores[k] >= thresholds[k][1 if k in rules else 0]
    }


HOWS = ("rules", "model@0.5", "model", "add", "veto", "add+veto")


def evaluate(
    by_track: dict[str, list[Held]], by_fold: list[list[Held]]
) -> dict[str, dict[str, list[tuple[set[str], set[str]]]]]:
    """Per way, per split ("tune LOTO", "items k-fold"): (gold, predicted) of held-out units."""
    items = [h for fold in by_fold for h in fold]
    out: dict[str, dict[str, list[tuple[set[str], set[str]]]]] = {}
    for how in HOWS:
        tune_pairs, item_pairs = [], []
        for track, held in by_track.items():
            pool = [h for t, hs in by_track.items() if t != track for h in hs] + items
            combine = _combiner_for(how, pool)
            tune_pairs += [(h[0], _apply(combine, h)) for h in held]
        for i, held in enumerate(by_fold):
            pool = [h for hs in by_track.values() for h in hs]
            pool += [h for j, f in enumerate(by_fold) if j != i for h in f]
            combine = _combiner_for(how, pool)
            item_pairs += [(h[0], _apply(combine, h)) for h in held]
        out[how] = {"tune LOTO": tune_pairs, "items k-fold": item_pairs}
    return out


def _combiner_for(how: str, pool: list[Held]) -> Combiner:
    if how == "rules":
        return combiner({}, "rules")
    if how == "model@0.5":
        return combiner(dict.fromkeys(TYPES, (0.5, 0.5)), "model")
    return combiner(choose(pool, how), "model" if how == "model" else "mixed")


def macro(pairs: list[tuple[set[str], set[str]]], kinds: Sequence[str]) -> float:
    return sum(prf(pairs, k)[2] for k in kinds) / len(kinds)


def weighted(pairs: list[tuple[set[str], set[str]]]) -> float:
    support = {k: sum(1 for g, _ in pairs if k in g) for k in TYPES}
    total = sum(support.values())
    return sum(prf(pairs, k)[2] * support[k] for k in TYPES) / total if total else 0.0


def report(results: dict[str, dict[str, list[tuple[set[str], set[str]]]]]) -> None:
    for split in ("tune LOTO", "items k-fold"):
        print(f"\n== {split}: per type P / R / F1 of the held-out units")
        print(f"{'type':<18}{'sup':>5}  " + "".join(f"| {how:<17}" for how in HOWS))
        any_pairs = results["rules"][split]
        for kind in TYPES:
            support = sum(1 for g, _ in any_pairs if kind in g)
            row = f"{kind:<18}{support:>5}  "
            for how in HOWS:
                p, r, f = prf(results[how][split], kind)
                row += f"| {p:>4.2f} {r:>4.2f} {f:>5.3f}  "
            print(row)
        for label, fn in (
            ("macro-F1 talks/strike/stmt", lambda u: macro(u, MACRO3)),
            ("macro-F1 all 8 types", lambda u: macro(u, TYPES)),
            ("weighted F1", weighted),
        ):
            print(f"{label:<25}" + "".join(f"| {fn(results[h][split]):>16.3f} " for h in HOWS))


def probe_cross() -> None:
    """The model alone (0.5) on each probe set, trained on the tune tracks and events.jsonl,
    without and with the other probe set; the rules beside it."""
    base = [u for us in train_typer.tune_units().values() for u in us] + train_typer.item_units()
    sets = {name: train_typer.probe_units(name) for name in PROBE_SETS}
    alone = train_typer.fit(base)
    print("\nmacro-F1 t/s/st (8 types) | rules         | model         | model + other probe set")
    for name, units in sets.items():
        other = [u for n, us in sets.items() if n != name for u in us]
        cells = []
        for model in (alone, train_typer.fit(base + other)):
            held = [_predict(model, u) for u in units]
            pairs = [(h[0], _apply(_at_half, h)) for h in held]
            cells.append(f"{macro(pairs, MACRO3):.3f} ({macro(pairs, TYPES):.3f})")
        rules = [(h[0], h[1]) for h in held]
        cells.insert(0, f"{macro(rules, MACRO3):.3f} ({macro(rules, TYPES):.3f})")
        print(f"{name:<25} | " + " | ".join(cells))


def _at_half(rules: set[str], scores: dict[str, float]) -> set[str]:
    return {kind for kind, p in scores.items() if p >= 0.5}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--tests", action="store_true", help="train on the test sentences too")
    parser.add_argument("--probes", action="store_true", help="train on the probe sets too")
    parser.add_argument("--cross-only", action="store_true", help="only the probe-set table")
    args = parser.parse_args()
    if args.probes or args.cross_only:
        probe_cross()
    if args.cross_only:
        return
    by_track, by_fold = held_out(args.folds, args.tests, args.probes)
    report(evaluate(by_track, by_fold))
    print(
        "\nrules: written while reading every tune track and events.jsonl (optimistic); "
        "model columns: trained without the held-out units; thresholds chosen on the others."
    )


if __name__ == "__main__":
    main()
