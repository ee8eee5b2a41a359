"""Keyword gates: literal stems any match of a regex must contain, checked before the regex runs."""

import importlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

# The stdlib regex parser has no public API or stubs; it is stable across 3.11+ and only read here.
_sre: Any = importlib.import_module("re._parser")
# Characters that IGNORECASE matches to an ASCII letter although str.lower() does not give it
# ("İ".lower() is two characters): folding them keeps a gate from hiding a real match.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ZERO_WIDTH = frozenset({_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT})
_REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT})

Stems = frozenset[str]


def fold(text: str) -> str:
    """Text lower-cased the way a case-insensitive regex compares ASCII letters."""
    return text.translate(_FOLD).lower()


def _better(a: Stems | None, b: Stems | None) -> Stems | None:
    """The more selective of two stem sets: longer shortest stem, then fewer stems."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _item_stems(op: Any, av: Any) -> Stems | None:
    if op is _sre.SUBPATTERN:
        return _sequence_stems(av[-1])
    if op is _sre.ATOMIC_GROUP:
        return _sequence_stems(av)
    if op in _REPEATS:
        return _sequence_stems(av[2]) if av[0] >= 1 else None
    if op is _sre.BRANCH:
        branches = [_sequence_stems(branch) for branch in av[1]]
        if any(b is None for b in branches):
            return None  # one alternative needs no literal: nothing is required
        return frozenset().union(*branches)  # type: ignore[arg-type]
    return None


def _sequence_stems(items: Any) -> Stems | None:
    """Stems of a sequence: its best literal run or the best required set of one of its items."""
    best: Stems | None = None
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run.strip():
            best = _better(best, frozenset({run}))
        run = ""
        if op is not None and op not in _ZERO_WIDTH:
            best = _better(best, _item_stems(op, av))
    return best


def required_stems(pattern: re.Pattern[str]) -> Stems | None:
    """Lower-case ASCII strings, one of which every match contains; None when none is certain."""
    stems = _sequence_stems(_sre.parse(pattern.pattern, pattern.flags))
    return stems if stems and all(s.strip() for s in stems) else None


_STEMS: list[Stems] = []  # stem set of each gate; bit i of a scan result stands for gate i
_enabled = True


class _Scanner:
    """Finds, in one regex pass, every stem that starts anywhere in a folded text."""

    def __init__(self, groups: list[Stems]) -> None:
        masks: dict[str, int] = {}
        for bit, stems in enumerate(groups):
            for stem in stems:
                masks[stem] = masks.get(stem, 0) | 1 << bit
        # The lookahead finds the longest stem at each position; shorter stems starting there
        # are its prefixes, so each stem's mask includes those of its stem prefixes.
        self.masks = {
            stem: _or(masks.get(stem[:n], 0) for n in range(1, len(stem) + 1)) for stem in masks
        }
        self.regex = re.compile("(?=(" + _trie(sorted(masks)) + "))")

    def scan(self, text: str) -> int:
        found = 0
        for stem in set(self.regex.findall(fold(text))):
            found |= self.masks[stem]
        return found


def _or(values: Any) -> int:
    result = 0
    for value in values:
        result |= value
    return result


def _trie(words: list[str]) -> str:
    """Regex of a word list factored by prefix; longer continuations are tried first."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(tree)


def _node_regex(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _node_regex(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


@lru_cache(maxsize=1)
def _scanner(count: int) -> _Scanner:
    return _Scanner(_STEMS[:count])


@lru_cache(maxsize=64)
def _present(text: str) -> int:
    # Every rule module scans the same sentence: one pass serves all of its gates.
    return _scanner(len(_STEMS)).scan(text)


@contextmanager
def ungated() -> Iterator[None]:
    """Run every regex unconditionally (to check that gates never change a result)."""
    global _enabled
    _enabled = False
    try:
        yield
    finally:
        _enabled = True


class GatedPattern:
    """A compiled regex that is only run when one of its required stems occurs in the text."""

    __slots__ = ("bit", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        stems = required_stems(regex)
        self.bit = 0
        if stems:
            self.bit = 1 << len(_STEMS)
            _STEMS.append(stems)
            _present.cache_clear()

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def _closed(self, text: str) -> bool:
        return _enabled and self.bit != 0 and not _present(text) & self.bit

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._closed(text) else self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._closed(text) else self.regex.match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return iter(()) if self._closed(text) else self.regex.finditer(text, pos, endpos)


def gated(pattern: str, flags: int = 0) -> GatedPattern:
    """Compile a regex behind a keyword gate derived from its own literals."""
    return GatedPattern(re.compile(pattern, flags))
