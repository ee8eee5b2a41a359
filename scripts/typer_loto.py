"""The learned typer judged on what it was not trained on: leave one track out, k-fold the rest.

Each track (the tune tracks of bench/split.json and the invented development tracks of
training/) is left out in turn: the model is trained on everything else and scores it. The
dataset items (events.jsonl) and the dev halves of the probe sets (train_typer.PROBE_SETS) are
cut into K folds, each left out the same way. The check tracks, bench/invented/ and the probe
sets' held halves are never read. Every way of combining the model with the rules is then
scored on the held-out units only, its per-type thresholds chosen on the held-out predictions
of every other fold (never with the held-out unit's gold):
`model@0.5` and `model` the model alone (its features include the rule labels: a stacked model
deciding every type) at 0.5 or at per-type thresholds; `add` the rules plus what the model adds
above a threshold; `veto` the rules minus labels the model scores below a threshold;
`add+veto` both. A guard on the additions (branch read/guard) suffixes the way: `add@anchor`
adds a type only to a sentence holding a word of it (`typer.anchored`,
streams/lexicon/typer_anchors.json), `add@words` only where the sentence's words alone (no rule
or context feature) speak for it, `add@best` chooses per type between no guard and the anchor
on the same pool (what train_typer.py ships as `guard`), `add@filter` keeps the unguarded
thresholds and drops their additions that no word of the type anchors.

The rules were written while reading the tune tracks, events.jsonl and the probe dev halves,
so "rules" there is an optimistic figure; the training tracks were written before their authors
read any rule, so they are the fairest comparison. The rules were later tuned on the training
tracks too, so a held-out training track is scored with the rule labels of before the rules
read it (train_typer.OUT_OF_SAMPLE), as text they never read has them; the models are trained
on today's labels, as the shipped one is. `--in-sample-rules` scores with today's labels.

    .venv/bin/python scripts/typer_loto.py                    # the table, every source
    .venv/bin/python scripts/typer_loto.py --folds 5          # K for items and probes
    .venv/bin/python scripts/typer_loto.py --grouped --folds 6  # tracks in 6 groups too: 6 fits
    .venv/bin/python scripts/typer_loto.py --grouped --folds 6 --classes --average  # read/typer3
    .venv/bin/python scripts/typer_loto.py --sources tune,items  # train on fewer sources
    .venv/bin/python scripts/typer_loto.py --tests            # also the rule tests' sentences
    .venv/bin/python scripts/typer_loto.py --save /tmp/held.pickle  # keep the predictions ...
    .venv/bin/python scripts/typer_loto.py --load /tmp/held.pickle  # ... and score them again
    .venv/bin/python scripts/typer_loto.py --load /tmp/held.pickle --additions  # list them
"""

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_typer  # noqa: E402
from train_typer import TYPES, Unit  # noqa: E402

from streams.core.read.typer import anchored  # noqa: E402

MACRO3 = ("talks", "strike", "statement")  # bench/accuracy.py's macro-F1
# One sentence of a held-out unit: its rule labels, the model's probabilities, its text and,
# per type, the sum of its word, prefix and suffix weights (the words' own evidence: no rule,
# context or bias feature).
Sentence = tuple[set[str], dict[str, float], str, dict[str, float]]
# A held-out prediction: the unit's gold, its rule labels, and its sentences; a track unit has
# one sentence, an item one per sentence.
Held = tuple[set[str], set[str], list[Sentence]]
Combiner = Callable[[Sentence], set[str]]
FOLDS = 5
GRID = [i / 20 for i in range(1, 20)]
SOURCES = ("tune", "training", "items", "probes")
TRACKS = "every track (tune + training)"
# Held-out training tracks scored with the rule labels of before the rules read them.
UNSEEN_RULES = "--in-sample-rules" not in sys.argv


@dataclass
class Group:
    """Held-out predictions of one group: a left-out track, or one source's share of a fold.

    `fold` names what was left out together (a track, or "fold 3": its items and its probe
    sentences); `split` is where the group is reported ("tune", "training", "items", "probes").
    """

    fold: str
    split: str
    held: list[Held]


def held_out(
    folds: int, sources: Sequence[str] = SOURCES, tests: bool = False, grouped: bool = False
) -> list[Group]:
    """Held-out predictions: each track (tune and training/) left out in turn, and the dataset
    items and probe dev halves in `folds` folds, each model trained on everything else of
    `sources` (and on the harvested test sentences with `tests`, never scored). `grouped`: the
    tracks too in `folds` groups (by name, every folds-th), each left out with the items and
    probes of its fold: `folds` models instead of one per track, still held out by track."""
    tracks: dict[tuple[str, str], list[Unit]] = {}
    if "tune" in sources:
        tracks |= {("tune", t): us for t, us in train_typer.tune_units().items()}
    if "training" in sources:
        tracks |= {("training", t): us for t, us in train_typer.training_units().items()}
    # What a left-out track is scored on: its units with the rule labels of text never read.
    scored = dict(tracks)
    if "training" in sources and UNSEEN_RULES:
        unseen = train_typer.training_units(out_of_sample=True)
        scored |= {("training", t): us for t, us in unseen.items()}
    pooled = {
        "items": train_typer.item_units() if "items" in sources else [],
        "probes": train_typer.probe_dev_units() if "probes" in sources else [],
    }
    extra = train_typer.test_units() if tests else []
    shares = {name: [units[i::folds] for i in range(folds)] for name, units in pooled.items()}
    if grouped:
        return _grouped(tracks, scored, shares, extra, folds)
    out = []
    for key, units in tracks.items():
        rest = [u for k, us in tracks.items() if k != key for u in us]
        rest += [u for us in pooled.values() for u in us] + extra
        model = train_typer.fit(rest)
        out.append(Group(key[1], key[0], [_predict(model, u) for u in scored[key]]))
        print(f"  held out {key[0]} track {key[1]}: {len(units)} sentences", file=sys.stderr)
    everything = [u for us in tracks.values() for u in us]
    for i in range(folds):
        if not any(parts[i] for parts in shares.values()):
            continue
        rest = everything + extra
        rest += [u for parts in shares.values() for j, p in enumerate(parts) if j != i for u in p]
        model = train_typer.fit(rest)
        for name, parts in shares.items():
            if parts[i]:
                out.append(Group(f"fold {i + 1}", name, [_predict(model, u) for u in parts[i]]))
        sizes = ", ".join(f"{len(parts[i])} {name}" for name, parts in shares.items())
        print(f"  held out fold {i + 1}: {sizes}", file=sys.stderr)
    return out


def _grouped(
    tracks: dict[tuple[str, str], list[Unit]],
    scored: dict[tuple[str, str], list[Unit]],
    shares: dict[str, list[list[Unit]]],
    extra: list[Unit],
    folds: int,
) -> list[Group]:
    """`held_out` with the tracks left out in `folds` groups, each with its fold of the rest."""
    keys = sorted(tracks)
    out = []
    for i in range(folds):
        left = set(keys[i::folds])
        rest = [u for k in keys if k not in left for u in tracks[k]] + extra
        rest += [u for parts in shares.values() for j, p in enumerate(parts) if j != i for u in p]
        model = train_typer.fit(rest)
        fold = f"fold {i + 1}"
        out += [Group(fold, k[0], [_predict(model, u) for u in scored[k]]) for k in sorted(left)]
        for name, parts in shares.items():
            if parts[i]:
                out.append(Group(fold, name, [_predict(model, u) for u in parts[i]]))
        print(f"  held out {fold}: {len(left)} tracks and their share", file=sys.stderr)
    return out


_WORD_FEATURES = ("w:", "p:", "s:")


def save_held(groups: list[Group], path: Path) -> None:
    """Held-out predictions to a file, as plain data (scoring them again needs no training)."""
    path.write_bytes(pickle.dumps([(g.fold, g.split, g.held) for g in groups]))


def load_held(path: Path) -> list[Group]:
    return [Group(*row) for row in pickle.loads(path.read_bytes())]


def _predict(model: "train_typer.typer.Model", unit: Unit) -> Held:
    sentences = []
    for (feats, rules), text in zip(unit.sentences, unit.texts, strict=True):
        weights = model.weights
        rows = [weights[f] for f in feats if f.startswith(_WORD_FEATURES) and f in weights]
        words = {k: sum(row[i] for row in rows) for i, k in enumerate(model.types)}
        sentences.append((rules, model.scores(feats), text, words))
    return unit.gold, set().union(*(s[0] for s in sentences)), sentences


def _apply(combine: Combiner, held: Held) -> set[str]:
    out: set[str] = set()
    for sentence in held[2]:
        out |= combine(sentence)
    return out


@cache
def _anchored(kind: str, text: str) -> bool:
    return anchored(kind, text)  # each sentence is tested once per type, not once per fold


# Guards on an addition: which silent sentences the model may add a type to.
GUARDS: dict[str, Callable[[Sentence, str], bool]] = {
    "": lambda sentence, kind: True,
    "anchor": lambda sentence, kind: _anchored(kind, sentence[2]),
    "words": lambda sentence, kind: sentence[3][kind] > 0.0,
}


def _way(how: str) -> tuple[str, str]:
    """("add", "anchor") for "add@anchor", ("add+veto", "best") for "add@best+veto": the
    combination and its guard ("" none)."""
    base, _, guard = how.partition("@")
    guard, plus, veto = guard.partition("+")
    return base + plus + veto, guard


def prf(pairs: Sequence[tuple[set[str], set[str]]], kind: str) -> tuple[float, float, float]:
    tp = sum(1 for g, p in pairs if kind in g and kind in p)
    fp = sum(1 for g, p in pairs if kind not in g and kind in p)
    fn = sum(1 for g, p in pairs if kind in g and kind not in p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def _levels(pool: list[Held], kind: str, guard: str = "") -> Counter[tuple[int, int, bool]]:
    """Units counted by (the highest grid level the model reaches on a sentence the rules
    label `kind`, the highest on one they do not that passes `guard`, gold): a level is how
    many GRID thresholds the probability meets (0-19), -1 where there is no such sentence."""
    counts: Counter[tuple[int, int, bool]] = Counter()
    passes = GUARDS[guard]
    for gold, _, sentences in pool:
        ruled = silent = -1
        for sentence in sentences:
            rules, scores = sentence[0], sentence[1]
            level = sum(1 for t in GRID if scores[kind] >= t)
            if kind in rules:
                ruled = max(ruled, level)
            elif passes(sentence, kind):
                silent = max(silent, level)
        counts[(ruled, silent, kind in gold)] += 1
    return counts


def _at(threshold: float) -> int:
    """The level a probability needs to meet `threshold` (0.0: any; above 1: none)."""
    return 0 if threshold <= 0.0 else 99 if threshold > 1.0 else GRID.index(threshold) + 1


def _f1(counts: Counter[tuple[int, int, bool]], add: float, veto: float) -> float:
    """F1 of one type when a ruled sentence keeps its label at `veto` and a silent one gets it
    at `add` (a unit is labelled if any of its sentences is); add = veto: the model alone."""
    a, v = _at(add), _at(veto)
    tp = fp = fn = 0
    for (ruled, silent, gold), n in counts.items():
        said = ruled >= v or silent >= a
        tp += n if said and gold else 0
        fp += n if said and not gold else 0
        fn += n if gold and not said else 0
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# The ways to combine, each a per-type choice made on a pool of held-out predictions:
# `model` the model alone above a threshold; `add` the rules plus the model where they are
# silent above a threshold; `veto` the rules minus a label the model scores below a
# threshold; `add+veto` both (a two-threshold stack over the rule bit and the probability).
# A type departs from the rules only if the pool shows a gain of at least MIN_GAIN.
MIN_GAIN = 0.01


def choose(pool: list[Held], how: str) -> dict[str, tuple[float, float, str]]:
    """Per type (add threshold, veto threshold, guard on the additions); 1.01 never adds, 0.0
    never vetoes. Guard "best" tries none and the anchor: the anchor where it scores higher;
    "filter" keeps the thresholds chosen unguarded and applies the anchor to their additions."""
    out = {}
    base, guard = _way(how)
    for kind in TYPES:
        counts = _levels(pool, kind)
        rules = _f1(counts, 1.01, 0.0)
        if base == "model":
            best = max(GRID, key=lambda t: _f1(counts, t, t))
            out[kind] = (best, best, "")
            continue
        adds = GRID if base in ("add", "add+veto") else [1.01]
        vetoes = GRID if base in ("veto", "add+veto") else [0.0]
        best_f1, best = rules + MIN_GAIN, (1.01, 0.0, "")
        for g in ("", "anchor") if guard == "best" else ("",) if guard == "filter" else (guard,):
            guarded = counts if not g else _levels(pool, kind, g)
            for a in adds:
                for v in vetoes:
                    f1 = _f1(guarded, a, v)
                    if f1 > best_f1 + 1e-9:
                        best_f1, best = f1, (a, v, g)
        if guard == "filter" and best[0] <= 1.0:
            best = (best[0], best[1], "anchor")
        out[kind] = best
    return out


def combiner(thresholds: dict[str, tuple[float, float, str]], how: str) -> Combiner:
    if how == "rules":
        return lambda sentence: set(sentence[0])
    if how == "model":
        return lambda sentence: {k for k in TYPES if sentence[1][k] >= thresholds[k][0]}

    # A rule label stays unless scored below its veto; a silent type is added above its bar,
    # where its guard lets it.
    def mixed(sentence: Sentence) -> set[str]:
        rules, scores = sentence[0], sentence[1]
        out = set()
        for k in TYPES:
            add, veto, guard = thresholds[k]
            if k in rules:
                if scores[k] >= veto:
                    out.add(k)
            elif scores[k] >= add and GUARDS[guard](sentence, k):
                out.add(k)
        return out

    return mixed


HOWS = (
    "rules",
    "model@0.5",
    "model",
    "add",
    "add@anchor",
    "add@words",
    "add@best",
    "add@filter",
    "veto",
    "add+veto",
    "add@best+veto",
    "add@filter+veto",
)


def evaluate(groups: list[Group]) -> dict[str, dict[str, list[tuple[set[str], set[str]]]]]:
    """Per way, per split: (gold, predicted) of the held-out units, each group's thresholds
    chosen on the held-out predictions of every other fold (never on its own gold)."""
    splits = sorted({g.split for g in groups}, key=SOURCES.index)
    out: dict[str, dict[str, list[tuple[set[str], set[str]]]]] = {}
    for how in HOWS:
        pairs: dict[str, list[tuple[set[str], set[str]]]] = {s: [] for s in splits}
        chosen: dict[str, Combiner] = {}
        for group in groups:
            if group.fold not in chosen:
                pool = [h for g in groups if g.fold != group.fold for h in g.held]
                chosen[group.fold] = _combiner_for(how, pool)
            pairs[group.split] += [(h[0], _apply(chosen[group.fold], h)) for h in group.held]
        if "tune" in pairs and "training" in pairs:
            # The yardstick that chooses the shipped mode: every track, each left out.
            pairs[TRACKS] = pairs["tune"] + pairs["training"]
        out[how] = pairs
    return out


def _combiner_for(how: str, pool: list[Held]) -> Combiner:
    if how == "rules":
        return combiner({}, "rules")
    if how == "model@0.5":
        return combiner(dict.fromkeys(TYPES, (0.5, 0.5, "")), "model")
    return combiner(choose(pool, how), "model" if how == "model" else "mixed")


def macro(pairs: list[tuple[set[str], set[str]]], kinds: Sequence[str]) -> float:
    return sum(prf(pairs, k)[2] for k in kinds) / len(kinds)


def weighted(pairs: list[tuple[set[str], set[str]]]) -> float:
    support = {k: sum(1 for g, _ in pairs if k in g) for k in TYPES}
    total = sum(support.values())
    return sum(prf(pairs, k)[2] * support[k] for k in TYPES) / total if total else 0.0


def report(results: dict[str, dict[str, list[tuple[set[str], set[str]]]]]) -> None:
    for split in results["rules"]:
        print(f"\n== {split}, held out: per type P / R / F1")
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


def additions(groups: list[Group]) -> None:
    """Every label `add` adds on the held-out tracks (thresholds from the other folds): right or
    wrong, and whether each guard would let it through. Tracks only: never items or probes."""
    chosen: dict[str, dict[str, tuple[float, float, str]]] = {}
    tally: Counter[tuple[str, bool, bool, bool]] = Counter()
    for group in groups:
        if group.split not in ("tune", "training"):
            continue
        if group.fold not in chosen:
            pool = [h for g in groups if g.fold != group.fold for h in g.held]
            chosen[group.fold] = choose(pool, "add")
        for gold, _, sentences in group.held:
            for sentence in sentences:
                rules, scores, text = sentence[0], sentence[1], sentence[2]
                for kind, (add, _, _) in chosen[group.fold].items():
                    if kind in rules or scores[kind] < add:
                        continue
                    right = kind in gold
                    anchor = GUARDS["anchor"](sentence, kind)
                    words = GUARDS["words"](sentence, kind)
                    tally[(kind, right, anchor, words)] += 1
                    mark = "RIGHT" if right else "WRONG"
                    flags = f"anchor={'y' if anchor else 'n'} words={'y' if words else 'n'}"
                    print(f"{mark} {kind:<17} p={scores[kind]:.2f} {flags} {group.fold}: {text}")
    print("\ntype               right/wrong: all | with an anchor | words > 0")
    for kind in TYPES:

        def count(right: bool, test: Callable[[bool, bool], bool], kind: str = kind) -> int:
            return sum(
                n for (k, r, a, w), n in tally.items() if k == kind and r == right and test(a, w)
            )

        cells = [
            f"{count(True, t)}/{count(False, t)}"
            for t in (lambda a, w: True, lambda a, w: a, lambda a, w: w)
        ]
        print(f"{kind:<18} " + " | ".join(f"{c:>9}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--classes", action="store_true", help="word-class features (read/typer3)")
    parser.add_argument("--average", action="store_true", help="average the later epochs")
    parser.add_argument(
        "--grouped",
        action="store_true",
        help="leave the tracks out in --folds groups, not one by one (faster, read/typer3)",
    )
    parser.add_argument(
        "--in-sample-rules",
        action="store_true",
        help="score held-out training tracks with today's rule labels (tuned on them)",
    )
    parser.add_argument("--tests", action="store_true", help="train on the test sentences too")
    parser.add_argument(
        "--sources",
        default=",".join(SOURCES),
        help="what is trained on and held out, of tune,training,items,probes (default: all)",
    )
    parser.add_argument("--save", type=Path, help="write the held-out predictions to this file")
    parser.add_argument("--load", type=Path, help="score saved predictions (no training)")
    parser.add_argument(
        "--additions", action="store_true", help="list each addition of `add` and its guards"
    )
    args = parser.parse_args()
    sources = args.sources.split(",")
    if unknown := set(sources) - set(SOURCES):
        parser.error(f"unknown sources {sorted(unknown)}")
    groups = (
        load_held(args.load)
        if args.load
        else held_out(args.folds, sources, args.tests, args.grouped)
    )
    if args.save:
        save_held(groups, args.save)
    if args.additions:
        additions(groups)
        return
    report(evaluate(groups))
    print(
        "\nrules: written while reading the tune tracks, events.jsonl and the probe dev halves "
        "(optimistic there); the training tracks were written before their authors read a "
        "rule. Model columns: trained without the held-out units; thresholds chosen on the "
        "other folds."
    )


if __name__ == "__main__":
    main()
