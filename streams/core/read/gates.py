"""Keyword gates: literal stems any match of a regex must contain, checked before the regex runs."""

import copy
import importlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import starmap
from operator import itemgetter, sub
from typing import Any

from streams.core.read.dispatch import compile_grouped, dispatched, opening_literals
from streams.core.read.stems import (
    _FUNCTION_WORDS,
    Stems,
    _selectivity,
    branch_needs,
    fold,
    required_needs,
    required_stems,
    with_branches,
)

# The stdlib regex parser has no public API or stubs; it is stable across 3.11+ and only read here.
_sre: Any = importlib.import_module("re._parser")
_casefix: Any = importlib.import_module("re._casefix")
_sre_module: Any = importlib.import_module("_sre")
try:  # pyahocorasick: finds every stem in one C pass; the regex scanner below does without it
    _ahocorasick: Any = importlib.import_module("ahocorasick")
except ImportError:  # pragma: no cover - depends on the environment
    _ahocorasick = None
# The stem set of each gate: a scan's result holds i where a stem of gate i occurs. The result
# is a set of gate numbers, not a mask of bits: a sentence tests a few hundred gates, and a test
# of a high bit of a mask of some 2,000 bits costs a pass over the mask (and a new integer).
_STEMS: list[Stems] = []
_NEED_GATES: dict[Stems, int] = {}  # the gate of each stem set of a pattern's needs
_enabled = True


def new_automaton() -> Any:
    """An empty Aho-Corasick automaton, or None without pyahocorasick."""
    return None if _ahocorasick is None else _ahocorasick.Automaton()


# An automaton hit is (end index, value): the value is the tuple of a stem's gates.
_GATES_OF_HIT = itemgetter(1)


class _Scanner:
    """Finds, in one regex pass, every stem that starts anywhere in a folded text."""

    def __init__(self, groups: list[Stems]) -> None:
        own: dict[str, set[int]] = {}
        for gate, stems in enumerate(groups):
            for stem in stems:
                own.setdefault(stem, set()).add(gate)
        # The lookahead finds the longest stem at each position; shorter stems starting there
        # are its prefixes, so each stem's gates include those of its stem prefixes.
        self.gates = {
            stem: frozenset().union(*(own.get(stem[:n], ()) for n in range(1, len(stem) + 1)))
            for stem in own
        }
        self.regex = re.compile("(?=(" + _trie(sorted(own)) + "))")
        # An Aho-Corasick automaton reports every occurrence of every stem, prefixes included,
        # so it maps each stem to its own gates only.
        self.automaton: Any = None
        if _ahocorasick is not None and own:
            self.automaton = _ahocorasick.Automaton()
            for stem, gates in own.items():
                self.automaton.add_word(stem, tuple(sorted(gates)))
            self.automaton.make_automaton()

    def scan(self, text: str) -> frozenset[int]:
        return self.scan_folded(fold(text))

    def scan_folded(self, folded: str) -> frozenset[int]:
        if self.automaton is not None:
            # Joined in C (union, map): no bytecode runs for each stem found.
            return frozenset().union(*map(_GATES_OF_HIT, self.automaton.iter(folded)))
        return self.scan_regex(folded)

    def scan_regex(self, folded: str) -> frozenset[int]:
        gates = self.gates
        return frozenset().union(*(gates[stem] for stem in set(self.regex.findall(folded))))


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


# Lower-cased characters that IGNORECASE also matches to another character (ſ and s, µ and μ, the
# Greek sigmas...): in a text holding none of them, comparing lower-cased characters exactly is
# what IGNORECASE does. Only "İ" lower-cases to two characters (so the length check catches it),
# and str.lower agrees with the regex engine's lower-casing on every other character.
_AMBIGUOUS = re.compile(
    "["
    + "".join(
        re.escape(chr(c))
        for key, others in _casefix._EXTRA_CASES.items()
        for c in (key, *others)
        if c >= 128
    )
    + "]"
)


def lowered(text: str) -> str | None:
    """`text` lower-cased character by character, or None when a case-sensitive regex over it
    could differ from a case-insensitive regex over `text` (see `_AMBIGUOUS`)."""
    low = text.lower()
    # Every ambiguous character is outside ASCII: an ASCII text (an O(1) test) holds none.
    if len(low) != len(text) or (not low.isascii() and _AMBIGUOUS.search(low)):
        return None
    return low


class _Last:
    """The stems found in the last text scanned, keyed by the identity of that text object.

    Every rule module reads the same sentence object: one pass serves all of their gates, and
    an identity check is cheaper than hashing the sentence for a cache lookup. The reference
    held here keeps the object alive, so its identity cannot be reused by another text. A scan
    replaces the whole record (readers never see one half-updated, even across threads).
    """

    __slots__ = ("ascii", "low", "present", "text")

    def __init__(self, text: str | None, present: frozenset[int], low: str | None) -> None:
        self.text = text
        self.present = present
        self.low = low
        # Whether the lower-cased text takes the ASCII forms of the regexes (`ascii_safe`).
        self.ascii = low is not None and ascii_safe(low)


# Unicode \s also matches four ASCII control characters (the file, group, record and unit
# separators) that the ASCII \s does not; on any other ASCII text, \w, \d, \s and \b agree.
_UNICODE_ONLY_SPACES = re.compile("[\x1c-\x1f]")


def ascii_safe(text: str) -> bool:
    """Whether a case-sensitive regex matches `text` exactly where its `ascii_form` does."""
    return text.isascii() and _UNICODE_ONLY_SPACES.search(text) is None


def ascii_form(regex: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive `regex` with ASCII classes (`re.ASCII`), its alternations grouped: on an
    `ascii_safe` text it finds the same matches with the same groups. The engine tests an ASCII
    class by a table, a Unicode one by calls into the character database (four for a space
    tested against \\w)."""
    if regex.flags & re.IGNORECASE:
        # A case-insensitive regex may match ASCII text by a non-ASCII literal ("ſ" is an "s").
        raise ValueError("only a case-sensitive regex has an exact ASCII form")
    flags = regex.flags & ~re.UNICODE | re.ASCII
    return compile_grouped(regex.pattern, flags, _sre.parse(regex.pattern, flags))


def is_ascii_lowered(low: str) -> bool:
    """`ascii_safe(low)`, read from the gates' record where `low` is the text it lower-cased."""
    last = _LAST
    return last.ascii if low is last.low else ascii_safe(low)


_LAST = _Last(None, frozenset(), None)
# The scans of the last few texts, by identity: the extractor reads a snippet's sentences in
# passes (names and roles of all, then each in turn), so a single record would scan each twice.
# Each record holds its text, so an id cannot be reused while its record is kept.
_RECENT: dict[int, _Last] = {}
_RECENT_SIZE = 64


def _refresh(text: str) -> _Last:
    global _LAST
    last = _RECENT.get(id(text))
    if last is not None and last.text is text:
        _LAST = last
        return last
    low = lowered(text)
    scanner = _scanner(len(_STEMS))
    # fold() of a text that lower-cases safely is its lower-casing.
    found = scanner.scan_folded(low) if low is not None else scanner.scan(text)
    _LAST = last = _Last(text, found, low)
    if len(_RECENT) >= _RECENT_SIZE:
        _RECENT.clear()
    _RECENT[id(text)] = last
    return last


def _present(text: str) -> frozenset[int]:
    last = _LAST
    return (last if text is last.text else _refresh(text)).present


def _reset() -> None:
    global _LAST
    _LAST = _Last(None, frozenset(), None)
    _RECENT.clear()


def lower_of(text: str) -> str | None:
    """`lowered(text)`, cached with the gate scan of the same text object; None while gates
    are off, so that every caller takes its case-insensitive reference path then."""
    if not _enabled:
        return None
    last = _LAST
    return (last if text is last.text else _refresh(text)).low


def view(text: str) -> tuple[frozenset[int], str | None]:
    """`present(text)` and `lower_of(text)` at once, for a caller that checks the `gate` and
    runs the `lower` or `regex` of many GatedPatterns itself."""
    if not _enabled:
        return _every_gate(), None
    last = _LAST
    if text is not last.text:
        last = _refresh(text)
    return last.present, last.low


def present(text: str) -> frozenset[int]:
    """The gates whose stems occur in `text` (every gate while gates are off)."""
    if not _enabled:
        return _every_gate()
    last = _LAST
    return (last if text is last.text else _refresh(text)).present


def _every_gate() -> frozenset[int]:
    return frozenset(range(len(_STEMS)))


@contextmanager
def ungated() -> Iterator[None]:
    """Run every regex unconditionally (to check that gates never change a result)."""
    global _enabled
    _enabled = False
    try:
        yield
    finally:
        _enabled = True


def _weak(stems: Stems) -> bool:
    """A stem set that most sentences hit (a function word, a stem of a letter or two): worth
    no gate of its own."""
    return any(len(s.strip()) < 3 or s.strip() in _FUNCTION_WORDS for s in stems)


def _need_gate(stems: Stems) -> int:
    gate = _NEED_GATES.get(stems)
    if gate is None:
        gate = _NEED_GATES[stems] = len(_STEMS)
        _STEMS.append(stems)
        _reset()
    return gate


def _needs(parsed: Any, own: Stems) -> tuple[frozenset[int], ...]:
    """The pattern's needs (`stems.required_needs`) as sets of gates, weak sets left out
    (a need is then only weaker); () when they prove no more than the pattern's own stems
    `own` (one stem set, or an alternation whose branches each need one set, those sets
    together `own`: a branch's stem is found exactly where one of `own` is)."""
    needs = required_needs(parsed)
    if needs is None:
        return ()
    kept = [[stems for stems in need if not _weak(stems)] for need in needs]
    if any(not need for need in kept) or (len(kept) == 1 and len(set(kept[0])) == 1):
        return ()
    if all(len(need) == 1 for need in kept) and frozenset().union(*(n[0] for n in kept)) == own:
        return ()
    # Smallest first, ties by gate numbers: the same order on every run.
    sets = sorted({frozenset(map(_need_gate, need)) for need in kept}, key=_size_then_gates)
    # A need that holds another's gates is met only where that one is: the smaller suffices.
    minimal: list[frozenset[int]] = []
    for need in sets:
        if not any(other <= need for other in minimal):
            minimal.append(need)
    return tuple(minimal)


def _size_then_gates(need: frozenset[int]) -> tuple[int, list[int]]:
    return len(need), sorted(need)


def meets(present: frozenset[int], needs: tuple[frozenset[int], ...]) -> bool:
    """Whether the gates `present` hold every gate of one of the `needs` (`NeedIndex.met` is
    the same test, faster)."""
    return any(need <= present for need in needs)


class NeedIndex:
    """`meets(present, needs)` for one pattern's needs without a test of each need: a veto
    group has dozens, and most sentences meet none. A need of one gate is met where that gate
    is present, so one set test serves all of them; a need of several gates is tested only
    where its most selective gate (`_key_gate`) is present."""

    __slots__ = ("keyed", "keys", "single")

    def __init__(self, needs: tuple[frozenset[int], ...]) -> None:
        self.single = frozenset(gate for need in needs if len(need) == 1 for gate in need)
        keyed: dict[int, list[frozenset[int]]] = {}
        for need in needs:
            if len(need) > 1:
                keyed.setdefault(_key_gate(need), []).append(need)
        self.keyed = {key: tuple(group) for key, group in keyed.items()}
        self.keys = frozenset(keyed)

    def met(self, present: frozenset[int]) -> bool:
        if self.single and not self.single.isdisjoint(present):
            return True
        if self.keys:
            for key in self.keys.intersection(present):
                for need in self.keyed[key]:
                    if need <= present:
                        return True
        return False


def _key_gate(need: frozenset[int]) -> int:
    """The gate of a need least often present: its stems the longest (`stems._selectivity`);
    ties go to the lowest number, so the choice is the same on every run."""
    return max(sorted(need), key=lambda gate: _selectivity(_STEMS[gate]))


# Longer texts are searched by the plain regex (`AtOpenings.search`); sentences are shorter.
_LONG = 1000


class AtOpenings:
    """A case-sensitive regex whose every match opens with one of a few literals (its
    `opening_literals`), searched only where one of them occurs.

    The engine tries a regex that opens with a lookbehind ("(?<![\\w-])said") at every position
    of the text; one Aho-Corasick pass finds the few positions where an opening literal stands,
    and the regex is tried there alone, in order, each after the end of the last match: the
    matches of `finditer` and `search`, since no match opens anywhere else and none is empty.
    """

    __slots__ = ("automaton", "flags", "groupindex", "pattern", "regex")

    def __init__(self, regex: re.Pattern[str], openings: frozenset[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.flags = regex.flags
        self.groupindex = regex.groupindex
        self.automaton: Any = None
        if _ahocorasick is not None:
            self.automaton = _ahocorasick.Automaton()
            for literal in openings:
                self.automaton.add_word(literal, len(literal) - 1)
            self.automaton.make_automaton()

    def _starts(self, text: str) -> list[int]:
        # Each hit is (end index, length - 1): its start, computed in C (starmap).
        return sorted(set(starmap(sub, self.automaton.iter(text))))

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        # Over a slice, the plain regex: a caller that walks a long text slice by slice would
        # otherwise pay a pass over the whole text for each.
        if self.automaton is None or pos or endpos < len(text):
            return self.regex.finditer(text, pos, endpos)
        found = []
        end = 0
        match = self.regex.match
        for start in self._starts(text):
            if start >= end:
                matched = match(text, start)
                if matched is not None:
                    found.append(matched)
                    end = matched.end()
        return iter(found)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # The engine's search stops at the first match, this pass does not: over a long text
        # (a sentence of thousands of characters), the plain regex.
        if self.automaton is None or pos or endpos < len(text) or len(text) > _LONG:
            return self.regex.search(text, pos, endpos)
        match = self.regex.match
        for start in self._starts(text):
            matched = match(text, start)
            if matched is not None:
                return matched
        return None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)


class Relaxed:
    """A case-insensitive regex with groups of their own case ("(?-i:[Tt]he [A-Z]\\w+ round)"),
    run where a relaxed regex over the lower-cased text finds a candidate.

    No regex over the lower-cased text matches exactly where such a regex does (the case its
    groups test is gone), and a group of its own flags also keeps the regex from being grouped
    by first character (`dispatch.py`): the engine tries every branch, case-insensitively, at
    every position. The relaxed regex (`_relaxed`) matches the lower-cased text wherever the
    regex matches the text, and more: it is searched, cheaply, and the regex itself is only
    tried at a position it finds, each after the end of the last match. Those are the matches of
    `finditer` and `search`, since the regex matches nowhere the relaxed one does not, and
    never the empty string.
    """

    __slots__ = ("ascii", "candidates", "regex")

    def __init__(
        self,
        regex: re.Pattern[str],
        candidates: re.Pattern[str],
        ascii_candidates: re.Pattern[str] | None = None,
    ) -> None:
        self.regex = regex
        self.candidates = candidates
        # The same, its candidates found by their ASCII form (`ascii_form`), for an
        # `ascii_safe` lower-cased text.
        self.ascii: Relaxed = self
        if ascii_candidates is not None:
            self.ascii = Relaxed(regex, ascii_candidates)

    def finditer(self, text: str, low: str) -> list[re.Match[str]]:
        """`regex.finditer(text)`; `low` is `lowered(text)`."""
        found = []
        candidate = self.candidates.search(low)
        match = self.regex.match
        while candidate is not None:
            at = candidate.start()
            matched = match(text, at)
            if matched is not None:
                found.append(matched)
                at = matched.end() - 1
            candidate = self.candidates.search(low, at + 1)
        return found

    def search(self, text: str, low: str) -> re.Match[str] | None:
        """`regex.search(text)`; `low` is `lowered(text)`."""
        candidate = self.candidates.search(low)
        while candidate is not None:
            matched = self.regex.match(text, candidate.start())
            if matched is not None:
                return matched
            candidate = self.candidates.search(low, candidate.start() + 1)
        return None


class AnyCase:
    """A case-insensitive regex run over the lower-cased text, for a caller without the gates'
    scan of it (a speaker's words): its case-sensitive variant where that is exact
    (`case_sensitive`), else its `Relaxed` form; the regex itself over a text that does not
    lower-case safely (`lowered`). Matches are the regex's: spans, and groups too except where
    the case-sensitive variant ran (read the words from the text).
    """

    __slots__ = ("lower", "regex", "relaxed")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.lower = case_sensitive(regex)
        self.relaxed = None
        if self.lower is None:
            self.relaxed = _relaxed(regex, _sre.parse(regex.pattern, regex.flags), False)

    def search(self, text: str) -> re.Match[str] | None:
        low = lowered(text)
        if low is not None:
            if self.lower is not None:
                return self.lower.search(low)
            if self.relaxed is not None:
                return self.relaxed.search(text, low)
        return self.regex.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lowered(text)
        if low is not None:
            if self.lower is not None:
                return self.lower.finditer(low)
            if self.relaxed is not None:
                return iter(self.relaxed.finditer(text, low))
        return self.regex.finditer(text)


class _CannotRelax(Exception):
    """A construct whose relaxation is not proved to match more: keep the regex as it is."""


# Matches any character: what a negative test of a case-sensitive group relaxes to.
_ANY_CHARACTER = (
    _sre.IN,
    [(_sre.CATEGORY, _sre.CATEGORY_SPACE), (_sre.CATEGORY, _sre.CATEGORY_NOT_SPACE)],
)
_REPEAT_OPS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT})


def _relaxed(regex: re.Pattern[str], parsed: Any, own_case_only: bool = True) -> Relaxed | None:
    """The `Relaxed` form of a case-insensitive regex with groups of their own case (or any
    case-insensitive regex, without `own_case_only`); None for any other regex, or one that may
    match the empty string.

    The relaxed regex is case-sensitive, over the lower-cased text. Outside the groups of their
    own case it is the regex lower-cased, exactly (`case_sensitive`). Inside them every letter
    stands for its lower case, which the lower-cased text holds wherever the group matched;
    a negative test there (a negative lookahead, "[^A-Z]") is dropped or matches any character,
    since the lower-cased text no longer tells what it tested; and so is a negative lookaround
    anywhere that holds such a group. Every change only lets more text match, and nothing in
    the regex (back-references, atomic groups) lets more text in one place match less overall.
    """
    if not regex.flags & re.IGNORECASE or regex.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    if parsed.getwidth()[0] == 0:
        return None
    try:
        if own_case_only and not _own_case(parsed.data):
            return None
        body = _relax(parsed.data, sensitive=False)
    except _CannotRelax:
        return None
    # The compiler reads the case flag from the parser's state too.
    state = copy.copy(parsed.state)
    state.flags &= ~re.IGNORECASE
    tree = _sre.SubPattern(state, body)
    if tree.getwidth()[0] == 0:
        return None  # it would find a candidate at every position
    flags = regex.flags & ~re.IGNORECASE
    # The candidates' ASCII form, compiled from the same tree (`ascii_form` reads the source,
    # which is not the relaxed regex's).
    ascii_state = copy.copy(state)
    ascii_state.flags = state.flags & ~re.UNICODE | re.ASCII
    ascii_tree = _sre.SubPattern(ascii_state, body)
    return Relaxed(
        regex,
        compile_grouped(regex.pattern, flags, tree),
        compile_grouped(regex.pattern, flags & ~re.UNICODE | re.ASCII, ascii_tree),
    )


def _own_case(items: Any) -> bool:
    """Whether a parsed sequence holds a group that sets its own case ("(?-i:...)")."""
    for op, av in items:
        if op is _sre.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE or _own_case(av[3].data):
                return True
        elif op is _sre.BRANCH:
            if any(_own_case(branch.data) for branch in av[1]):
                return True
        elif op in _REPEAT_OPS or op is _sre.POSSESSIVE_REPEAT:
            if _own_case(av[2].data):
                return True
        elif op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            if _own_case(av[1].data):
                return True
        elif op is _sre.ATOMIC_GROUP and _own_case(av.data):
            return True
    return False


def _relax(items: Any, sensitive: bool) -> list[tuple[Any, Any]]:
    """A parsed sequence relaxed (see `_relaxed`); `sensitive`: inside a group of its own case."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append((op, _sre_lower(av)))
        elif op is _sre.NOT_LITERAL:
            out.append(_ANY_CHARACTER if sensitive else (op, _sre_lower(av)))
        elif op is _sre.IN:
            out.append(_relax_set(av, sensitive))
        elif op is _sre.ANY or op is _sre.AT:
            out.append((op, av))
        elif op is _sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~re.IGNORECASE:
                raise _CannotRelax  # a group of other flags of its own (verbose, dotall...)
            inner = True if del_flags else False if add_flags else sensitive
            out.append((op, (group, 0, 0, _sre.SubPattern(sub.state, _relax(sub.data, inner)))))
        elif op is _sre.BRANCH:
            branches = [_sre.SubPattern(b.state, _relax(b.data, sensitive)) for b in av[1]]
            out.append((op, (av[0], branches)))
        elif op in _REPEAT_OPS:
            low, high, sub = av
            out.append((op, (low, high, _sre.SubPattern(sub.state, _relax(sub.data, sensitive)))))
        elif op is _sre.ASSERT:
            direction, sub = av
            body = _sre.SubPattern(sub.state, _relax(sub.data, sensitive))
            out.append((op, (direction, body)))
        elif op is _sre.ASSERT_NOT:
            direction, sub = av
            if not sensitive and not _own_case(sub.data):
                body = _sre.SubPattern(sub.state, _relax(sub.data, sensitive))
                out.append((op, (direction, body)))
            # else dropped: a test it failed may pass once relaxed
        else:
            # Back-references and conditions read what matched; atomic groups and possessive
            # repeats keep less of a longer match.
            raise _CannotRelax
    return out


def _relax_set(members: Any, sensitive: bool) -> tuple[Any, Any]:
    """A character set ("[A-Z\\d]") relaxed: its letters lower-cased."""
    if sensitive and (_sre.NEGATE, None) in members:
        return _ANY_CHARACTER
    out: list[tuple[Any, Any]] = []
    for op, av in members:
        if op is _sre.LITERAL:
            out.append((op, _sre_lower(av)))
        elif op is _sre.RANGE:
            low, high = av
            if ord("A") <= low <= high <= ord("Z"):
                out.append((op, (low + 32, high + 32)))
            elif (ord("a") <= low <= high <= ord("z")) or all(
                chr(c).lower() == chr(c).upper() for c in range(low, high + 1)
            ):
                out.append((op, av))
            elif sensitive:
                return _ANY_CHARACTER
            else:
                raise _CannotRelax  # a range of cased characters matched in any case
        else:
            out.append((op, av))  # NEGATE, and the classes (\w, \d, \s) hold no case
    return (_sre.IN, out)


class Unnamed:
    """A regex whose alternation is of capture groups ("(?P<c01>said|told)|(?P<c02>urged)"),
    which the engine cannot group by first character (`dispatch.py`): it tries each group's
    branches in turn at every position. The same regex without its groups, their branches in
    one alternation, matches at the same positions with the same spans and is grouped: it
    finds each match, and the regex is matched there alone for its groups.
    """

    __slots__ = ("flags", "groupindex", "locate", "pattern", "regex")

    def __init__(self, regex: re.Pattern[str], locate: re.Pattern[str]) -> None:
        self.regex = regex
        self.locate = locate
        self.pattern = regex.pattern
        self.flags = regex.flags
        self.groupindex = regex.groupindex

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        match = self.regex.match
        found = []
        for located in self.locate.finditer(text, pos, endpos):
            matched = match(text, located.start(), endpos)
            assert matched is not None  # the same regex, its groups aside
            found.append(matched)
        return iter(found)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        located = self.locate.search(text, pos, endpos)
        return None if located is None else self.regex.match(text, located.start(), endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)


def unnamed(regex: re.Pattern[str], parsed: Any = None) -> re.Pattern[str] | Unnamed:
    """`regex` as an `Unnamed` where an alternation of it holds branches that are each a
    capture group; else `regex` itself. `parsed` is the parser's tree of `regex`, if known."""
    if parsed is None:
        parsed = _sre.parse(regex.pattern, regex.flags)
    try:
        items, merged = _without_groups(parsed.data)
    except _CannotRelax:
        return regex
    if not merged:
        return regex
    state = copy.copy(parsed.state)
    state.groupdict = {}
    state.groupwidths = [None]  # group 0, the match: no other
    tree = _sre.SubPattern(state, items)
    return Unnamed(regex, compile_grouped(regex.pattern, regex.flags, tree))


def _without_groups(items: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """A parsed sequence with its capture groups made plain, and every branch of an
    alternation that is only a group (or a plain one) replaced by the group's branches, in
    their order; and whether any was. A back-reference keeps the groups (`_CannotRelax`)."""
    out: list[tuple[Any, Any]] = []
    merged = False
    for op, av in items:
        if op is _sre.GROUPREF or op is _sre.GROUPREF_EXISTS:
            raise _CannotRelax
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            inner, changed = _without_groups(sub.data)
            merged = merged or changed
            out.append((op, (None, add_flags, del_flags, _sre.SubPattern(sub.state, inner))))
        elif op is _sre.BRANCH:
            branches = []
            for branch in av[1]:
                inner, changed = _without_groups(branch.data)
                merged = merged or changed
                if (
                    len(inner) == 1
                    and inner[0][0] is _sre.SUBPATTERN
                    and not (inner[0][1][1] or inner[0][1][2])
                ):
                    body = inner[0][1][3]
                    if len(body.data) == 1 and body.data[0][0] is _sre.BRANCH:
                        branches += body.data[0][1][1]
                        merged = True
                        continue
                branches.append(_sre.SubPattern(branch.state, inner))
            out.append((op, (av[0], branches)))
        elif op in _REPEAT_OPS or op is _sre.POSSESSIVE_REPEAT:
            low, high, sub = av
            inner, changed = _without_groups(sub.data)
            merged = merged or changed
            out.append((op, (low, high, _sre.SubPattern(sub.state, inner))))
        elif op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            direction, sub = av
            inner, changed = _without_groups(sub.data)
            merged = merged or changed
            out.append((op, (direction, _sre.SubPattern(sub.state, inner))))
        elif op is _sre.ATOMIC_GROUP:
            inner, changed = _without_groups(av.data)
            merged = merged or changed
            out.append((op, _sre.SubPattern(av.state, inner)))
        else:
            out.append((op, av))
    return out, merged


class _NoMatch:
    """A pattern that matches nowhere: no branch of a pattern may match the text."""

    __slots__ = ()

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Any]:
        return iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> None:
        return None


_NO_MATCH = _NoMatch()


class _Branches:
    """The lower-case variant of a gated pattern with only the one branch of its alternation
    that may match a text: a veto group or a trigger group of dozens of branches opens where
    one branch's words stand, and the engine would try every branch at every position.

    A branch whose needs (`stems.branch_needs`, as gates) are not all present matches nowhere
    in the text, so the variant without it finds the same matches (`stems.with_branches`).
    Where one branch alone may match (two thirds of the runs over the dev texts), that branch
    runs alone: a variant per branch, compiled on first use. A variant per set of branches
    was measured and dropped: there are too many sets to keep each compiled."""

    __slots__ = ("flags", "forms", "kind", "needs", "source", "tree")

    def __init__(
        self, needs: tuple[frozenset[int], ...], tree: Any, source: str, flags: int, kind: type
    ) -> None:
        self.needs = needs
        self.tree = tree  # the lower-case variant's parse tree
        self.source = source
        self.flags = flags
        self.kind = kind  # of the whole variant: AtOpenings, Unnamed or a compiled regex
        Form = re.Pattern[str] | AtOpenings | Unnamed
        self.forms: dict[int, tuple[Form, Form]] = {}  # by branch

    @staticmethod
    def of(
        parsed: Any, lowered_tree: Any, source: str, flags: int, lower: Any
    ) -> "_Branches | None":
        """The branches of a pattern (`parsed`) and of its lower-case variant (`lowered_tree`,
        the same shape); None when no branch can be left out (one alternation of several
        branches, at least one of which needs gates)."""
        found = branch_needs(parsed)
        if found is None or len(found) < 2:
            return None
        # As `_needs`: a weak stem set is no gate (a need without it is only weaker).
        needs = tuple(
            frozenset(_need_gate(stems) for stems in need if not _weak(stems)) for need in found
        )
        if not any(needs):
            return None
        return _Branches(needs, lowered_tree, source, flags, type(lower))

    def form(self, present: frozenset[int], ascii: bool) -> Any:
        """The variant to run over the lower-cased text (its ASCII form for an `ascii_safe`
        one); None when several branches may match (the whole variant serves)."""
        possible = tuple(map(present.issuperset, self.needs))
        count = possible.count(True)
        if count != 1:
            # None possible: the pattern's own gate may open where no branch's needs stand.
            return None if count else _NO_MATCH
        branch = possible.index(True)
        forms = self.forms.get(branch)
        if forms is None:
            forms = self.forms[branch] = self._compile(branch)
        return forms[ascii]

    def _compile(self, branch: int) -> tuple[Any, Any]:
        tree = with_branches(self.tree, [branch])
        regex = compile_grouped(self.source, self.flags, tree)
        if self.kind is AtOpenings:
            openings = opening_literals(tree)
            if openings is not None:
                # As `ascii_lower`: an AtOpenings runs its regex at a few positions only.
                form = AtOpenings(regex, openings)
                return form, form
        # The ASCII form from the same tree (`ascii_form` reads the source, the whole regex).
        ascii_state = copy.copy(tree.state)
        ascii_state.flags = tree.state.flags & ~re.UNICODE | re.ASCII
        ascii_tree = _sre.SubPattern(ascii_state, tree.data)
        ascii_regex = compile_grouped(self.source, self.flags & ~re.UNICODE | re.ASCII, ascii_tree)
        if self.kind is Unnamed:
            return unnamed(regex, tree), unnamed(ascii_regex, ascii_tree)
        return regex, ascii_regex


class GatedPattern:
    """A compiled regex that is only run when one of its required stems occurs in the text
    and, where the regex needs several words, every stem set of one of its `needs`."""

    __slots__ = (
        "_ascii_lower",
        "branches",
        "gate",
        "lower",
        "need_index",
        "needs",
        "regex",
        "relaxed",
    )

    def __init__(self, regex: re.Pattern[str]) -> None:
        # One parse of the pattern serves the case check, both stem analyses and the regex run,
        # whose alternations are grouped by first character (`dispatch.py`).
        parsed = _sre.parse(regex.pattern, regex.flags)
        self.regex = dispatched(regex, parsed)
        # The same regex, case-sensitive over lower-cased text: the engine skips alternatives
        # by their first character only in case-sensitive regexes.
        lower = _case_sensitive(regex, parsed)
        self.lower: re.Pattern[str] | AtOpenings | Unnamed | None = None
        self._ascii_lower: re.Pattern[str] | AtOpenings | Unnamed | None = None
        if lower is not None:
            openings = opening_literals(lower[1])
            if openings is None:
                self.lower = unnamed(lower[0], lower[1])
            else:
                self.lower = AtOpenings(lower[0], openings)
        # Without a lower-case variant, because groups set their own case: a relaxed one finds
        # where the regex may match.
        self.relaxed = _relaxed(regex, parsed) if lower is None else None
        stems = required_stems(regex, parsed)
        self.gate: int | None = None  # None: no stem is certain, the regex always runs
        self.needs: tuple[frozenset[int], ...] = ()
        if stems:
            self.gate = len(_STEMS)
            _STEMS.append(stems)
            _reset()
            self.needs = _needs(parsed, stems)
        self.need_index = NeedIndex(self.needs)  # `needs` tested fast
        # The lower-case variant without the branches that cannot match a given text.
        self.branches: _Branches | None = None
        if lower is not None and stems:
            self.branches = _Branches.of(
                parsed, lower[1], lower[0].pattern, lower[0].flags, self.lower
            )

    def ascii_lower(self) -> re.Pattern[str] | AtOpenings | Unnamed:
        """`lower` for an `ascii_safe` lower-cased text: its `ascii_form`, compiled on first use.
        An `AtOpenings` keeps its own: it runs its regex at a few positions only."""
        form = self._ascii_lower
        if form is None:
            lower = self.lower
            if isinstance(lower, AtOpenings):
                form = lower
            elif isinstance(lower, Unnamed):
                form = unnamed(ascii_form(lower.regex))
            elif lower is not None:
                form = ascii_form(lower)
            else:
                raise ValueError("no lower-case variant")
            self._ascii_lower = form
        return form

    def lower_form(
        self, present: frozenset[int], ascii: bool
    ) -> re.Pattern[str] | AtOpenings | Unnamed:
        """The lower-case variant to run over a lower-cased text whose gates are `present`
        (`ascii`: the text is `ascii_safe`): without the branches that cannot match it."""
        branches = self.branches
        if branches is not None:
            form = branches.form(present, ascii)
            if form is not None:
                return form  # type: ignore[no-any-return]
        return self.ascii_lower() if ascii else self.lower  # type: ignore[return-value]

    def opens(self, present: frozenset[int]) -> bool:
        """Whether the gates `present` (`view(text)[0]`) let the regex run."""
        if self.gate is None:
            return True
        return self.gate in present and (not self.needs or self.need_index.met(present))

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def _closed(self, text: str) -> bool:
        if self.gate is None or not _enabled:
            return False
        last = _LAST
        found = last.present if text is last.text else _present(text)
        if self.gate not in found:
            return True
        return bool(self.needs) and not self.need_index.met(found)

    def may_match(self, text: str) -> bool:
        """False only when the gate proves that the regex matches nowhere in `text`, nor in any
        slice of it: a cheap precondition for code that looks for the same words another way."""
        return not self._closed(text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # `_closed` inline: a gated pattern is searched more often than it is used otherwise.
        if self.gate is not None and _enabled:
            last = _LAST
            found = last.present if text is last.text else _present(text)
            if self.gate not in found or (self.needs and not self.need_index.met(found)):
                return None
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._closed(text) else self.regex.match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return iter(()) if self._closed(text) else self.regex.finditer(text, pos, endpos)

    def _target(
        self, text: str
    ) -> tuple[re.Pattern[str] | AtOpenings | Unnamed | Relaxed, str] | None:
        """The pattern to run and the string to run it over (the lower-cased text when this
        pattern has a lower-case variant or a relaxed one); None when the gate proves there is
        no match."""
        if not _enabled:
            return self.regex, text
        last = _LAST
        if text is not last.text:
            last = _refresh(text)
        gate = self.gate
        if gate is not None and (
            gate not in last.present or (self.needs and not self.need_index.met(last.present))
        ):
            return None
        if last.low is not None:
            if self.lower is not None:
                return self.lower_form(last.present, last.ascii), last.low
            if self.relaxed is not None:
                return (self.relaxed.ascii if last.ascii else self.relaxed), last.low
        return self.regex, text

    def scan(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """`finditer`, but the matches may be over the lower-cased text: their spans index
        `text`, their strings may be lower-cased (read the words as text[start:end])."""
        target = self._target(text)
        if target is None:
            return iter(())
        pattern, subject = target
        if isinstance(pattern, Relaxed):
            if pos or endpos < len(text):
                return self.regex.finditer(text, pos, endpos)
            return iter(pattern.finditer(text, subject))
        return pattern.finditer(subject, pos, endpos)

    def scan_search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """`search`, with the matches of `scan`."""
        target = self._target(text)
        if target is None:
            return None
        pattern, subject = target
        if isinstance(pattern, Relaxed):
            if pos or endpos < len(text):
                return self.regex.search(text, pos, endpos)
            return pattern.search(text, subject)
        return pattern.search(subject, pos, endpos)


_GROUP_NAME = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|[^\\(]+|\(", re.DOTALL)


def _shape(node: Any, lower: bool) -> Any:
    """Parsed regex as nested tuples; with `lower`, literals as the engine lower-cases them."""
    if isinstance(node, _sre.SubPattern):
        return tuple(_shape(item, lower) for item in node.data)
    if isinstance(node, list | tuple):
        op = node[0] if len(node) == 2 else None
        if op is _sre.LITERAL or op is _sre.NOT_LITERAL:
            return (op, _sre_lower(node[1]) if lower else node[1])
        if op is _sre.SUBPATTERN and (node[1][1] | node[1][2]) & re.IGNORECASE:
            raise ValueError("a group that sets its own case flag")
        if op is _sre.RANGE:
            low, high = node[1]
            if not all(chr(c).lower() == chr(c).upper() for c in range(low, high + 1)) and not (
                ord("a") <= low <= high <= ord("z")
            ):
                raise ValueError("a range of cased characters")
            return node
        if op is _sre.IN and lower:
            # "[Aa]" lower-cases to "[aa]", which the parser reads as the literal "a".
            items = tuple(dict.fromkeys(_shape(item, lower) for item in node[1]))
            single = len(items) == 1 and items[0][0] is _sre.LITERAL
            return items[0] if single else (op, items)
        if op is _sre.GROUPREF or op is _sre.GROUPREF_EXISTS:
            raise ValueError("a back-reference")
        return tuple(_shape(item, lower) for item in node)
    return node


def _sre_lower(code: int) -> int:
    lower: int = _sre_module.unicode_tolower(code)
    return lower


def case_sensitive(regex: re.Pattern[str], parsed: Any = None) -> re.Pattern[str] | None:
    """A case-sensitive regex that matches `lowered(text)` exactly where the case-insensitive
    `regex` matches `text`; None when the regex is not case-insensitive or not provably so.
    `parsed` is the stdlib parser's tree of `regex`, when the caller has it already."""
    found = _case_sensitive(regex, parsed)
    return None if found is None else found[0]


def _case_sensitive(
    regex: re.Pattern[str], parsed: Any = None
) -> tuple[re.Pattern[str], Any] | None:
    """`case_sensitive(regex)` and its parse tree."""
    if not regex.flags & re.IGNORECASE:
        return None
    # Lower-case the letters, but not those of escapes (\W, \S) or of group names.
    source = "".join(
        part if part.startswith(("\\", "(?P")) else part.lower()
        for part in _GROUP_NAME.findall(regex.pattern)
    )
    flags = regex.flags & ~re.IGNORECASE
    try:
        if parsed is None:
            parsed = _sre.parse(regex.pattern, regex.flags)
        lowered_tree = _sre.parse(source, flags)
        if _shape(parsed, True) != _shape(lowered_tree, False):
            return None
        if lowered_tree.state.groupdict != regex.groupindex:
            return None
        # Compiled once, from the tree, with its alternations grouped (`dispatch.py`).
        return compile_grouped(source, flags, lowered_tree), lowered_tree
    except (re.error, ValueError):
        return None


def gated(pattern: str, flags: int = 0) -> GatedPattern:
    """Compile a regex behind a keyword gate derived from its own literals."""
    return GatedPattern(re.compile(pattern, flags))
