"""A small learned sentence typer: one linear model per event type over sparse text features.

Features are lower-cased words, word prefixes and suffixes (a cheap stand-in for character
n-grams: "pounded", "pounding" and "pounds" share "p:pound"), a number shape, the quotation
state, the rule labels of the sentence and those of its neighbours. Word bigrams and character
4-grams were measured and dropped: held out, they lowered the model (scripts/typer_loto.py).
Inference is a dot product over a dict of weights shipped as data in
`streams/lexicon/typer.json`; the weights are trained by `scripts/train_typer.py` on the tune
split, the invented development tracks of `training/`, the dataset items and the probe sets'
dev halves (never on check, `bench/invented/` or a held half).

In mode "both" the model adds labels the rules missed (`add` types, above a per-type threshold)
and drops a rule label it scores below that type's `veto` threshold (0: never); both thresholds
are chosen on held-out predictions, by track (scripts/typer_loto.py). See docs/extraction.md,
"The learned typer", for which mode is the default and the figures that chose it.
"""

import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from streams.core.lexicon import load

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d,.]*")
_PREFIX = 5  # long words also count by their first five letters ...
_SUFFIX = 3  # ... and their last three
RULE_WEIGHT = 8  # a rule label counts as this many features: it generalises, words less so


def features(
    text: str,
    rule_types: frozenset[str] | set[str],
    inside_quote: bool,
    context: tuple[set[str], set[str]] | None = None,
) -> list[str]:
    """The sparse features of one sentence (duplicates allowed: they count twice).

    `context` is (rule types of the previous sentence, rule types of the other sentences of the
    snippet): news refers back ("the attack", "the group was taken to ..."), so a sentence's
    neighbours say what its anaphora point to.
    """
    # Names do not carry over from one conflict to the next: a capitalised word inside the
    # sentence is only "a name"; numbers are only "a number".
    tokens = [
        ("0" if not t[0].isalpha() else "N" if t[0].isupper() and i else t.lower())
        for i, t in enumerate(_TOKEN.findall(text))
    ]
    out = ["bias"]
    out += ["w:" + t for t in tokens]
    out += ["p:" + t[:_PREFIX] for t in tokens if len(t) > _PREFIX + 1]  # "N", "0" are short
    out += ["s:" + t[-_SUFFIX:] for t in tokens if len(t) > _SUFFIX + 2]
    out += (["r:" + kind for kind in rule_types] if rule_types else ["r:none"]) * RULE_WEIGHT
    if inside_quote:
        out.append("q:inside")
    if text[:1] in "\"“'‘":
        out.append("q:opens")
    if context is not None:
        previous, others = context
        out += ["c:prev:" + kind for kind in previous]
        out += ["c:doc:" + kind for kind in others]
    return out


def context_of(ruled: list[set[str]], index: int) -> tuple[set[str], set[str]]:
    """(Rule types of the previous sentence, of every other sentence) for sentence `index`."""
    previous = ruled[index - 1] if index else set()
    others: set[str] = set()
    for i, types in enumerate(ruled):
        if i != index:
            others |= types
    return previous, others


class Model:
    """Weights per feature (one per type), per-type thresholds and the types it may add.

    `veto`: per type, the probability below which mode "both" drops a rule label (0.0, the
    default for a file without it, never drops one)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.types: tuple[str, ...] = tuple(spec["types"])
        self.add: tuple[str, ...] = tuple(k for k in self.types if k in spec["add"])
        self.thresholds: dict[str, float] = dict(spec["thresholds"])
        self.model_thresholds: dict[str, float] = dict(spec["model_thresholds"])
        vetoes = spec.get("veto", {})
        self.veto: dict[str, float] = {k: float(vetoes.get(k, 0.0)) for k in self.types}
        self.weights: dict[str, list[float]] = dict(spec["weights"])

    def scores(self, feats: list[str], kinds: Sequence[str] | None = None) -> dict[str, float]:
        """Probability of each type (of `kinds` only, when given: the dot product is per type)."""
        kinds = self.types if kinds is None else kinds
        weights = self.weights
        rows = [row for row in map(weights.get, feats) if row is not None]
        # Every column summed at once (in C: cheaper than a Python loop over a few columns),
        # in feature order: the same floats as a per-type sum.
        sums = [sum(column) for column in zip(*rows, strict=True)] if rows else []
        index = self.types.index
        return {
            kind: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sums[index(kind)] if sums else 0.0))))
            for kind in kinds
        }


@cache
def model() -> Model:
    """The shipped weights, read on first use: with the rules alone they are never loaded."""
    return Model(load("typer"))


# How the rules and the model combine: "rules", "both" (the rules plus the labels the model
# adds, minus those it vetoes) or "model" (the model decides every type). The entry points set
# it for a process from PARLEY_TYPER (`use`, read in streams.settings: the core reads no
# environment); `mode()` sets it for a block.
_MODES = ("rules", "both", "model")
_MODE = [_MODES[0]]  # the core alone: the rules (processes apply the settings' default)


def use(name: str) -> None:
    """Type sentences with `rules`, `both` or `model` from now on."""
    if name not in _MODES:
        raise ValueError(f"typer mode must be one of {_MODES}, not {name!r}")
    _MODE[0] = name


def current_mode() -> str:
    return _MODE[0]


@contextmanager
def mode(name: str) -> Iterator[None]:
    """Type sentences with `rules`, `both` or `model` inside the block."""
    if name not in _MODES:
        raise ValueError(name)
    previous = _MODE[0]
    _MODE[0] = name
    try:
        yield
    finally:
        _MODE[0] = previous
