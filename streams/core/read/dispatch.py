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
    return tree if rewrite.grouped else None


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

    def sequence(self, sub: Any) -> Any:
        return _parser.SubPattern(self.state, [self.item(op, av) for op, av in sub.data])

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
