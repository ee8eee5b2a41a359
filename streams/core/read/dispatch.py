"""Alternations grouped by first character: the same regex, tried one group per character.

The regex engine tries the branches of an alternation one after another. It rejects a branch
that opens with a literal character other than the text's at once, but it still visits every
branch: a lexicon alternation of 300 words costs 300 visits at every word start. Grouped by
their first character ("said|says|told" -> "s(?:aid|ays)|told"), the branches are visited a
group at a time, and only the group of the text's character goes further.

The grouping keeps every match: branches whose first characters differ cannot both match at
one position, and within a group (and across any branch that opens otherwise, which stays
where it stood) the branches keep their order, so the engine finds the same match with the
same groups. Capture groups keep their numbers: the tree is rewritten after parsing.

A word-start lookbehind ("(?<![\\w-])said") gets a word boundary in front of it where every
match of what follows opens with a word character: the boundary is then implied (the character
before is no word character, the next one is), so no match changes, but the engine, which tries
the regex at every position of the text, rejects a position inside a word with one test of the
two characters around it instead of running the lookbehind's sub-pattern.
"""

import importlib
import re
from typing import Any

# The stdlib regex parser and compiler have no public API or stubs; stable across 3.11+.
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")
_sre: Any = importlib.import_module("_sre")
_REPEATS = frozenset({_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT})
_ASSERTS = frozenset({_parser.ASSERT, _parser.ASSERT_NOT})


def dispatched(regex: re.Pattern[str], parsed: Any = None) -> re.Pattern[str]:
    """`regex` compiled from its parse tree with every alternation grouped by first character;
    `regex` itself when nothing groups or a group sets its own flags. `parsed` is the stdlib
    parser's tree of `regex`, when the caller has it already (it is not changed)."""
    if parsed is None:
        parsed = _parser.parse(regex.pattern, regex.flags)
    tree = _grouped(parsed, regex.flags)
    return regex if tree is None else _compile(regex.pattern, regex.flags, parsed.state, tree)


def compile_grouped(pattern: str, flags: int, parsed: Any) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, grouped where it can be, from `parsed` (the stdlib parser's
    tree of `pattern`): a caller that has the tree compiles it once, not once more plain."""
    return _compile(pattern, flags, parsed.state, _grouped(parsed, flags) or parsed)


def _grouped(parsed: Any, flags: int) -> Any:
    """The tree with its alternations grouped; None when nothing groups or a group sets its own
    flags."""
    rewrite = _Rewrite(parsed.state, bool(flags & re.IGNORECASE))
    try:
        tree = rewrite.sequence(parsed)
    except _OwnFlags:
        return None
    return tree if rewrite.grouped or rewrite.bounded else None


def _compile(pattern: str, flags: int, state: Any, tree: Any) -> re.Pattern[str]:
    # As re._compiler.compile does, but with the source kept: `pattern` still reads as written
    # (and a copy compiled from it is the same regex, ungrouped).
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    compiled: re.Pattern[str] = _sre.compile(
        pattern,
        flags | state.flags,
        _compiler._code(tree, flags),
        state.groups - 1,
        state.groupdict,
        tuple(indexgroup),
    )
    return compiled


class _OwnFlags(Exception):
    """A group sets its own flags ("(?i:...)"): the case of its literals is not the regex's."""


class _Rewrite:
    def __init__(self, state: Any, ignorecase: bool) -> None:
        self.state = state
        self.ignorecase = ignorecase
        self.grouped = False
        self.bounded = False

    def sequence(self, sub: Any) -> Any:
        items = [self.item(op, av) for op, av in sub.data]
        return _parser.SubPattern(self.state, self._bounded(items))

    def _bounded(self, items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        """`items` with a word boundary before each word-start lookbehind that only a word
        character can follow (the module's docstring)."""
        out: list[tuple[Any, Any]] = []
        for i, (op, av) in enumerate(items):
            if (
                _is_word_lookbehind(op, av)
                and out[-1:] != [_BOUNDARY]
                and _opening(items[i + 1 :]) == (True, False)
            ):
                out.append(_BOUNDARY)
                self.bounded = True
            out.append((op, av))
        return out

    def item(self, op: Any, av: Any) -> tuple[Any, Any]:
        if op is _parser.BRANCH:
            return op, (av[0], self.branches([self.sequence(b) for b in av[1]]))
        if op is _parser.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _OwnFlags
            return op, (group, add_flags, del_flags, self.sequence(sub))
        if op in _REPEATS:
            low, high, sub = av
            return op, (low, high, self.sequence(sub))
        if op in _ASSERTS:
            direction, sub = av
            return op, (direction, self.sequence(sub))
        if op is _parser.ATOMIC_GROUP:
            return op, self.sequence(av)
        return op, av  # literals, sets, anchors; a conditional group is left as it is

    def _key(self, branch: Any) -> str | None:
        """The first character every match of the branch opens with, when it is a literal
        that matches only the characters of its key (ASCII: one case class per letter)."""
        if not branch.data:
            return None
        op, av = branch.data[0]
        if op is not _parser.LITERAL or av >= 128:
            return None
        return chr(av).lower() if self.ignorecase else chr(av)

    def branches(self, branches: list[Any]) -> list[Any]:
        """Runs of branches opening with a literal, each grouped by that character in order of
        first appearance; a branch opening otherwise ends a run and keeps its place."""
        out: list[Any] = []
        run: dict[str, list[Any]] = {}
        for branch in branches:
            key = self._key(branch)
            if key is None:
                out += self._flush(run)
                run = {}
                out.append(branch)
            else:
                run.setdefault(key, []).append(branch)
        return out + self._flush(run)

    def _flush(self, run: dict[str, list[Any]]) -> list[Any]:
        out = []
        for members in run.values():
            if len(members) == 1:
                out.append(members[0])
                continue
            self.grouped = True
            rests = self.branches([_parser.SubPattern(self.state, m.data[1:]) for m in members])
            inner = _parser.SubPattern(self.state, [(_parser.BRANCH, (None, rests))])
            first = members[0].data[0]
            out.append(
                _parser.SubPattern(self.state, [first, (_parser.SUBPATTERN, (None, 0, 0, inner))])
            )
        return out


_BOUNDARY = (_parser.AT, _parser.AT_BOUNDARY)
_WORD_CATEGORIES = frozenset({_parser.CATEGORY_WORD, _parser.CATEGORY_DIGIT})


def _is_word_lookbehind(op: Any, av: Any) -> bool:
    """A negative lookbehind of one character class that holds every word character ("(?<!\\w)",
    "(?<![\\w’'-])"): where it holds, the character before is no word character."""
    if op is not _parser.ASSERT_NOT or av[0] != -1:
        return False
    body = av[1].data
    if len(body) != 1 or body[0][0] is not _parser.IN:
        return False
    members = body[0][1]
    return (_parser.NEGATE, None) not in members and (
        _parser.CATEGORY,
        _parser.CATEGORY_WORD,
    ) in members


def _is_word_char(code: int) -> bool:
    # What the engine's word test (and "\\w" in a str regex) accepts; the other cases of a
    # letter are letters too, so this holds under IGNORECASE as well.
    char = chr(code)
    return char.isalnum() or char == "_"


def _opening(items: Any) -> tuple[bool, bool]:
    """(whether every match of the sequence `items` that consumes a character opens with a word
    character, whether it can match the empty string). Unknown items answer (False, True)."""
    for op, av in items:
        word, empty = _item_opening(op, av)
        if not word:
            return False, False
        if not empty:
            return True, False
    return True, True


def _item_opening(op: Any, av: Any) -> tuple[bool, bool]:
    if op is _parser.LITERAL:
        return _is_word_char(av), False
    if op is _parser.IN:
        return all(_member_is_word(member_op, member) for member_op, member in av), False
    if op is _parser.AT or op in _ASSERTS:
        return True, True  # zero width: the next item opens the match
    if op is _parser.BRANCH:
        openings = [_opening(branch.data) for branch in av[1]]
        return all(word for word, _ in openings), any(empty for _, empty in openings)
    if op is _parser.SUBPATTERN:
        return _opening(av[3].data)
    if op is _parser.ATOMIC_GROUP:
        return _opening(av.data)
    if op in _REPEATS:
        low, high, sub = av
        if high == 0:
            return True, True
        word, empty = _opening(sub.data)
        return word, empty or low == 0
    return False, True


def _member_is_word(op: Any, av: Any) -> bool:
    if op is _parser.LITERAL:
        return _is_word_char(av)
    if op is _parser.RANGE:
        low, high = av
        return high - low < 1024 and all(_is_word_char(c) for c in range(low, high + 1))
    if op is _parser.CATEGORY:
        return av in _WORD_CATEGORIES
    return False  # NEGATE and anything else


# More opening literals than this, and trying a regex where each occurs costs more than the
# engine's own scan saves.
_MOST_OPENINGS = 300


class _Unbounded(Exception):
    """A match may open with a character no literal of the regex names."""


def opening_literals(parsed: Any) -> frozenset[str] | None:
    """Literals every match of the case-sensitive parsed regex opens with, one of them each
    ("(?<!\\w)(?:said|told)" -> said, told); None when some match may open otherwise, when a
    literal is a single character or when there are too many to be worth it."""
    try:
        found = _openings(list(parsed.data))
    except _Unbounded:
        return None
    if not found or len(found) > _MOST_OPENINGS or min(map(len, found)) < 2:
        return None
    return frozenset(found)


def _openings(items: list[tuple[Any, Any]]) -> set[str]:
    # Zero-width items only test the position: the match opens with what follows them.
    at = 0
    while at < len(items) and (items[at][0] is _parser.AT or items[at][0] in _ASSERTS):
        at += 1
    items = items[at:]
    if not items:
        raise _Unbounded
    op, av = items[0]
    if op is _parser.LITERAL:
        run = []
        for item_op, item_av in items:
            if item_op is not _parser.LITERAL:
                break
            run.append(chr(item_av))
        return {"".join(run)}
    if op is _parser.SUBPATTERN:
        if av[1] or av[2]:
            raise _Unbounded  # a group with flags of its own
        return _openings(list(av[3].data) + items[1:])
    if op is _parser.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            found |= _openings(list(branch.data) + items[1:])
            if len(found) > _MOST_OPENINGS:
                raise _Unbounded
        return found
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
        return _openings(list(av[2].data) + items[1:]) | _openings(items[1:])
    if op in _REPEATS and av[0] >= 1:
        return _openings(list(av[2].data))
    raise _Unbounded
