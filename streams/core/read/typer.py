"""A small learned sentence typer: one linear model per event type over sparse text features.

Features are lower-cased words, word prefixes and suffixes (a cheap stand-in for character
n-grams: "pounded", "pounding" and "pounds" share "p:pound"), a number shape, the quotation
state, the rule labels of the sentence and those of its neighbours, and the word classes of
`typer_anchors.json` the sentence holds for types the rules did not label (`silent_classes`;
talks excepted; only for weights trained with them: measured and not shipped, see the docs).
Word bigrams and character 4-grams were measured and dropped: held out, they lowered the model
(scripts/typer_loto.py).
Inference is a dot product over a dict of weights shipped as data in
`streams/lexicon/typer.json`; the weights are trained by `scripts/train_typer.py` on the tune
split, the invented development tracks of `training/`, the dataset items and the probe sets'
dev halves (never on check, `bench/invented/` or a held half).

In mode "both" the model adds labels the rules missed (`add` types, above a per-type threshold;
a `guard` type only to a sentence holding a word of its type, `anchored`) and drops a rule label
it scores below that type's `veto` threshold (0: never); thresholds and guards are chosen on
held-out predictions, by track (scripts/typer_loto.py). See docs/extraction.md,
"The learned typer", for which mode is the default and the figures that chose it.
"""

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import chain, repeat
from typing import Any

from streams.core.lexicon import load
from streams.core.read.gates import case_sensitive, lower_of, lowered, new_automaton

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d,.]*")
# The same tokens in ASCII text (most sentences): ASCII classes are tested by table where
# Unicode ones are tested by category, and the opening class lets the engine skip to a
# candidate; after a letter, letters run on as in `_TOKEN`'s first branch, after a digit, as
# in its second. Half the instructions of `_TOKEN` (the second lookbehind, redundant, saves a
# quarter more); tests/unit/read/test_typer.py compares the two.
_ASCII_TOKEN = re.compile(
    r"[A-Za-z0-9](?:(?<=[A-Za-z])[A-Za-z]*(?:'[A-Za-z]+)?|(?<=[0-9])[0-9,.]*)"
)
_PREFIX = 5  # long words also count by their first five letters ...
_SUFFIX = 3  # ... and their last three
RULE_WEIGHT = 8  # a rule label counts as this many features: it generalises, words less so
# Types whose word classes are no feature (read/typer3): the talks words the guard needs ("call",
# "table", "host", "session") are everyday words; held out by track their classes gained no more
# than the other types' alone, and lowered talks on the dataset items and the probe dev halves.
CLASSLESS = frozenset({"talks"})


def features(
    text: str,
    rule_types: frozenset[str] | set[str],
    inside_quote: bool,
    context: tuple[set[str], set[str]] | None = None,
    classes: bool = False,
) -> list[str]:
    """The sparse features of one sentence (duplicates allowed: they count twice).

    `classes`: also the word classes of types the rules did not label (`silent_classes`), for
    a model trained with them (`Model.classes`; off in the shipped file, docs/extraction.md).

    `context` is (rule types of the previous sentence, rule types of the other sentences of the
    snippet): news refers back ("the attack", "the group was taken to ..."), so a sentence's
    neighbours say what its anaphora point to.
    """
    words = tokens(text)
    out = ["bias"]
    out += ["w:" + t for t in words]
    out += ["p:" + t for t in prefixes(words)]
    out += ["s:" + t for t in suffixes(words)]
    return out + _sentence_features(text, rule_types, inside_quote, context, classes)


def tokens(text: str) -> list[str]:
    """The sentence's words as features: lower-cased, except that names do not carry over from
    one conflict to the next (a capitalised word inside the sentence is only "N", a name) and
    numbers are only "0"."""
    if text.isascii():
        found = _ASCII_TOKEN.findall(text)
        # In ASCII, digits sort before capitals and capitals before small letters.
        words = [t.lower() if t >= "a" else "N" if t >= "A" else "0" for t in found]
        if words and words[0] == "N":
            words[0] = found[0].lower()  # the first word is not taken for a name
        return words
    return [
        ("0" if not t[0].isalpha() else "N" if t[0].isupper() and i else t.lower())
        for i, t in enumerate(_TOKEN.findall(text))
    ]


def prefixes(words: list[str]) -> list[str]:
    return [t[:_PREFIX] for t in words if len(t) > _PREFIX + 1]  # "N", "0" are short


def suffixes(words: list[str]) -> list[str]:
    return [t[-_SUFFIX:] for t in words if len(t) > _SUFFIX + 2]


def _sentence_features(
    text: str,
    rule_types: frozenset[str] | set[str],
    inside_quote: bool,
    context: tuple[set[str], set[str]] | None,
    classes: bool = False,
) -> list[str]:
    """The features after the words: rule labels, quotation state, context, word classes."""
    out = (["r:" + kind for kind in rule_types] if rule_types else ["r:none"]) * RULE_WEIGHT
    if inside_quote:
        out.append("q:inside")
    if text[:1] in "\"“'‘":
        out.append("q:opens")
    if context is not None:
        previous, others = context
        out += ["c:prev:" + kind for kind in previous]
        out += ["c:doc:" + kind for kind in others]
    if not classes:
        return out
    return out + ["a:" + name for name in silent_classes(text, rule_types)]


def silent_classes(text: str, rule_types: frozenset[str] | set[str]) -> list[str]:
    """The word classes of `typer_anchors.json` ("strike:verbs", "aid:nouns") with a word in
    the sentence, of the types the rules did not label, in file order: a word of a type the
    rules read but dropped (a modality, a veto, a scope) is evidence the model weighs, and a
    class generalises where a word unseen in training does not ("skirmished" is a strike verb).
    """
    # Lowered here, not taken from the gates' scan (`lower_of`): the features are also built
    # for a text no rule has read (training, tests).
    found = _class_bits(text, lowered(text))
    if not found:
        return []
    return [
        name
        for bit, (kind, name) in enumerate(_class_names())
        if found >> bit & 1 and kind not in rule_types and kind not in CLASSLESS
    ]


def context_of(ruled: list[set[str]], index: int) -> tuple[set[str], set[str]]:
    """(Rule types of the previous sentence, of every other sentence) for sentence `index`."""
    previous = ruled[index - 1] if index else set()
    others: set[str] = set()
    for i, types in enumerate(ruled):
        if i != index:
            others |= types
    return previous, others


@cache
def _anchors() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
    """Per type, one regex of its words (`streams/lexicon/typer_anchors.json`), and the same
    regex case-sensitive over the lower-cased sentence (`gates.case_sensitive`): an engine
    running a case-insensitive alternation tries every word at every word boundary."""
    out = {}
    for kind, words in _anchor_words().items():
        # A stem ("negotiat*") opens a word; a whole word must end where the entry does.
        branches = [re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + r"\b" for w in words]
        regex = re.compile(r"\b(?:" + "|".join(branches) + ")", re.IGNORECASE)
        out[kind] = (regex, case_sensitive(regex))
    return out


def anchor_starts(kind: str, text: str) -> frozenset[int]:
    """Where the words of a type (its anchors) start in the sentence; none for a type without."""
    anchors = _anchors().get(kind)
    if anchors is None:
        return frozenset()
    return frozenset(m.start() for m in anchors[0].finditer(text))


@cache
def _anchor_words() -> dict[str, list[str]]:
    return {
        kind: sorted({w for entries in classes.values() for w in entries})
        for kind, classes in load("typer_anchors")["types"].items()
    }


@cache
def _class_names() -> tuple[tuple[str, str], ...]:
    """(type, "type:class") of every word class of typer_anchors.json, in file order: bit i of
    a class mask is the i-th."""
    return tuple(
        (kind, f"{kind}:{name}")
        for kind, classes in load("typer_anchors")["types"].items()
        for name in classes
    )


@cache
def _class_regexes() -> tuple[re.Pattern[str], ...]:
    """One regex per word class, as `_anchors` per type (the path without the automaton)."""
    out = []
    for classes in load("typer_anchors")["types"].values():
        for words in classes.values():
            branches = [
                re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + r"\b" for w in words
            ]
            out.append(re.compile(r"\b(?:" + "|".join(branches) + ")", re.IGNORECASE))
    return tuple(out)


@cache
def _anchor_literals() -> Any:
    """One Aho-Corasick automaton of every word class's words as literals (a stem without its
    "*"), each valued (length, bits of the classes where it is a stem, bits where it is a whole
    word; bit i: the i-th class of `_class_names`); None without pyahocorasick."""
    automaton = new_automaton()
    if automaton is None:
        return None
    bits: dict[str, tuple[int, int]] = {}
    position = 0
    for classes in load("typer_anchors")["types"].values():
        for words in classes.values():
            for word in words:
                literal = word.removesuffix("*").lower()
                stems, wholes = bits.get(literal, (0, 0))
                if word.endswith("*"):
                    stems |= 1 << position
                else:
                    wholes |= 1 << position
                bits[literal] = (stems, wholes)
            position += 1
    for literal, (stems, wholes) in bits.items():
        automaton.add_word(literal, (len(literal), stems, wholes))
    automaton.make_automaton()
    return automaton


class _LastScan:
    """The class mask of the last sentence scanned, keyed by the identity of its text object:
    mode "both" asks for it twice per sentence (the guard, then the features)."""

    text: str | None = None
    found = 0


_LAST_SCAN = _LastScan()


def _class_bits(text: str, low: str | None) -> int:
    """Bit i set where a word of the i-th class of `_class_names` stands in the sentence: one
    pass of `_anchor_literals` over the lower-cased sentence (a literal counts where a word
    opens, the regexes' leading \\b: every entry opens and ends with a word character, and, for
    a whole word, where one ends too), or the regexes without the automaton. `low` is
    `lowered(text)` (None: the regexes read the sentence as it is)."""
    last = _LAST_SCAN
    if text is last.text:
        return last.found
    automaton = _anchor_literals()
    found = 0
    if low is None or automaton is None:
        for bit, regex in enumerate(_class_regexes()):
            if regex.search(text):
                found |= 1 << bit
    else:
        last_index = len(low) - 1
        for end, (length, stems, wholes) in automaton.iter(low):
            start = end - length + 1
            if start and _is_word(low[start - 1]):
                continue  # inside a word
            found |= stems
            if wholes and (end == last_index or not _is_word(low[end + 1])):
                found |= wholes
    last.text, last.found = text, found
    return found


def anchored(kind: str, text: str) -> bool:
    """Whether the sentence holds a word of `kind` (the guard on the model's additions): a label
    the model adds where no word of its type stands rests only on the neighbours, the rule
    labels and words of other types, and held out such additions were wrong more often."""
    return _anchored(kind, text, lowered(text))


def _anchored(kind: str, text: str, low: str | None) -> bool:
    anchors = _anchors().get(kind)
    if anchors is None:
        return True
    regex, lower = anchors
    return (regex.search(text) if low is None or lower is None else lower.search(low)) is not None


def anchored_among(text: str, kinds: list[str], guard: frozenset[str]) -> list[str]:
    """`kinds` less the `guard` types that are not `anchored` in the sentence, in order: one
    scan finds every class's words at once (`_class_bits`)."""
    if guard.isdisjoint(kinds):
        return kinds
    low = lower_of(text)  # the rules' gate scan lower-cased the sentence; None: gates are off
    if low is None or _anchor_literals() is None:
        return [kind for kind in kinds if kind not in guard or _anchored(kind, text, low)]
    found = _class_bits(text, low)
    bits = _anchor_bits()
    return [kind for kind in kinds if kind not in guard or kind not in bits or found & bits[kind]]


def _is_word(char: str) -> bool:
    """What the regex engine's \\b takes for a word character."""
    return char.isalnum() or char == "_"


@cache
def _anchor_bits() -> dict[str, int]:
    """Per type, the mask of its classes in `_class_bits`."""
    out: dict[str, int] = {}
    for bit, (kind, _) in enumerate(_class_names()):
        out[kind] = out.get(kind, 0) | 1 << bit
    return out


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
        # Whether the weights were trained with the word classes as features (`features`).
        self.classes: bool = bool(spec.get("classes", False))
        # Types added only to a sentence holding a word of their type (`anchored`).
        self.guard: frozenset[str] = frozenset(spec.get("guard", ()))
        # The types mode "both" scores: those it may add or veto.
        self.both_types = tuple(k for k in self.types if k in self.add or self.veto[k] > 0.0)
        self._both_set = frozenset(self.both_types)
        self._columns: dict[str, _Rows] = {}

    def scores(self, feats: list[str], kinds: Sequence[str] | None = None) -> dict[str, float]:
        """Probability of each type (of `kinds` only, when given: the dot product is per type)."""
        kinds = self.types if kinds is None else kinds
        weights = self.weights
        rows = [row for row in map(weights.get, feats) if row is not None]
        # Every column summed at once (in C: cheaper than a Python loop over a few columns),
        # in feature order: the same floats as a per-type sum.
        sums = [sum(column) for column in zip(*rows, strict=True)] if rows else []
        index = self.types.index
        return {kind: _probability(sums[index(kind)] if sums else 0.0) for kind in kinds}

    def sentence_scores(
        self,
        text: str,
        rule_types: frozenset[str] | set[str],
        inside_quote: bool,
        context: tuple[set[str], set[str]] | None,
        kinds: Sequence[str],
    ) -> dict[str, float]:
        """`scores(features(text, rule_types, inside_quote, context, self.classes), kinds)`, the
        same floats, for `kinds` among `both_types`: the per-sentence path of mode "both".

        It sums the same weights in the same order, but looks words, prefixes and suffixes up
        as they are (no "w:" strings built), each type in a table of its own column (most
        sentences score one or two types, not all of them); a feature without a weight adds
        0.0, which changes no sum."""
        if not self._both_set.issuperset(kinds):
            feats = features(text, rule_types, inside_quote, context, self.classes)
            return self.scores(feats, kinds)
        if not kinds:
            return {}
        words = tokens(text)
        starts = prefixes(words)
        ends = suffixes(words)
        ruled = rule_types or ("none",)
        opens = text[:1] in "\"“'‘"
        silent = silent_classes(text, rule_types) if self.classes else []
        out = {}
        for kind in kinds:
            table = self._column(kind)
            named = table.named
            zero = repeat(0.0)
            parts: list[Iterable[float]] = [
                (named.get("bias", 0.0),),
                map(table.words.get, words, zero),
                map(table.prefixes.get, starts, zero),
                map(table.suffixes.get, ends, zero),
                [*map(table.rules.get, ruled, zero)] * RULE_WEIGHT,
            ]
            if inside_quote:
                parts.append((named.get("q:inside", 0.0),))
            if opens:
                parts.append((named.get("q:opens", 0.0),))
            if context is not None:
                previous, others = context
                parts.append(map(table.previous.get, previous, zero))
                parts.append(map(table.document.get, others, zero))
            if silent:
                parts.append(map(table.classes.get, silent, zero))
            out[kind] = _probability(sum(chain.from_iterable(parts)))
        return out

    def _column(self, kind: str) -> "_Rows":
        """The weights of one type by feature family, built on first use."""
        rows = self._columns.get(kind)
        if rows is None:
            rows = self._columns[kind] = _Rows(self.weights, self.types.index(kind))
        return rows


class _Rows:
    """The weights of one column by feature family, keyed by what follows the family's tag
    ("w:", "p:", "s:", "r:", "c:prev:", "c:doc:", "a:"; the rest by whole name), so that no feature
    name is built to look one up. A weight is the same float object as in `Model.weights`."""

    def __init__(self, weights: dict[str, list[float]], column: int) -> None:
        Table = dict[str, float]
        self.words: Table = {}
        self.prefixes: Table = {}
        self.suffixes: Table = {}
        self.rules: Table = {}  # "none" for r:none
        self.previous: Table = {}
        self.document: Table = {}
        self.classes: Table = {}  # "strike:verbs" for a:strike:verbs
        self.named: Table = {}
        families = (
            ("w:", self.words),
            ("p:", self.prefixes),
            ("s:", self.suffixes),
            ("r:", self.rules),
            ("c:prev:", self.previous),
            ("c:doc:", self.document),
            ("a:", self.classes),
        )
        for feature, weight in weights.items():
            row = weight[column]
            for tag, family in families:
                if feature.startswith(tag):
                    family[feature[len(tag) :]] = row
                    break
            else:
                self.named[feature] = row


def _probability(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


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
