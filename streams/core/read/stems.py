"""Required stems of a regex: the literal words any match must contain, read from the stdlib
parser's tree; function words rank below any content stem."""

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

# The stdlib regex parser has no public API or stubs; it is stable across 3.11+ and only read here.
_sre: Any = importlib.import_module("re._parser")

# Characters that IGNORECASE matches to an ASCII letter although str.lower() does not give it
# ("İ".lower() is two characters): folding them keeps a gate from hiding a real match.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# Zero-width items that need no text. A positive lookaround (ASSERT) needs its own: "(?<=group
# )called" matches only where "group called" stands, so its words are required too.
_ZERO_WIDTH = frozenset({_sre.AT, _sre.ASSERT_NOT})
_REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT})

Stems = frozenset[str]


def fold(text: str) -> str:
    """Text lower-cased the way a case-insensitive regex compares ASCII letters."""
    return text.translate(_FOLD).lower()


# Function words occur in most sentences: a gate on them opens for nearly every text, however
# long they are ("have been", " of "), so they rank below any content stem.
_FUNCTION_WORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had", "has"),
        *("have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this"),
        *("to", "was", "were", "will", "with", "had been", "has been", "have been", "is being"),
        *("are being", "will be"),
    }
)


def _selectivity(stems: Stems) -> tuple[int, int]:
    return (
        min(0 if s.strip() in _FUNCTION_WORDS else len(s) for s in stems),
        -len(stems),
    )


def _better(a: Stems | None, b: Stems | None) -> Stems | None:
    """The more selective of two stem sets: longer shortest stem (a function word counts as
    none), then fewer stems."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=_selectivity)


def _item_stems(op: Any, av: Any) -> Stems | None:
    if op is _sre.SUBPATTERN:
        return _sequence_stems(av[-1])
    if op is _sre.ATOMIC_GROUP:
        return _sequence_stems(av)
    if op is _sre.ASSERT:
        return _sequence_stems(av[1])  # (direction, what the lookaround tests)
    if op in _REPEATS:
        return _sequence_stems(av[2]) if av[0] >= 1 else None
    if op is _sre.BRANCH:
        branches = [_sequence_stems(branch) for branch in av[1]]
        if any(b is None for b in branches):
            return None  # one alternative needs no literal: nothing is required
        return frozenset().union(*branches)  # type: ignore[arg-type]
    return None


def _pieces(items: Any) -> Iterator[tuple[Stems | None, Any, Any]]:
    """A sequence in order as its literal runs (a one-stem set each, items None) and its other
    items (run None); zero-width items that need no text are left out (`_ZERO_WIDTH`)."""
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run.strip():
            yield frozenset({run}), None, None
            if op is _sre.BRANCH:
                # The parser takes the prefix its branches share out of an alternation ("meet|met"
                # is "me" before "et|t"): the run and each branch's leading letters stand together.
                yield frozenset(run + _leading(branch) for branch in av[1]), None, None
        run = ""
        if op is not None and op not in _ZERO_WIDTH:
            yield None, op, av


def _leading(items: Any) -> str:
    """The literal letters a sequence opens with, lower-cased (as `_pieces` reads a run)."""
    lead = ""
    for op, av in items:
        if op is not _sre.LITERAL or av >= 128:
            break
        lead += chr(av).lower()
    return lead


def _sequence_stems(items: Any) -> Stems | None:
    """Stems of a sequence: its best literal run or the best required set of one of its items."""
    best: Stems | None = None
    for run, op, av in _pieces(items):
        best = _better(best, run if run is not None else _item_stems(op, av))
    return best


def required_stems(pattern: re.Pattern[str], parsed: Any = None) -> Stems | None:
    """Lower-case ASCII strings, one of which every match contains; None when none is certain.

    `parsed` is the stdlib parser's tree of the pattern, when the caller has it already."""
    if parsed is None:
        parsed = _sre.parse(pattern.pattern, pattern.flags)
    stems = _sequence_stems(parsed)
    return stems if stems and all(s.strip() for s in stems) else None


def _all_sets(items: Any) -> list[Stems]:
    """Every stem set a match of a sequence must hit: each literal run, and the sets of each
    item it cannot do without (a group, a repeat of at least one, an alternation's union)."""
    found: list[Stems] = []
    for run, op, av in _pieces(items):
        if run is not None:
            found.append(run)
        elif op is _sre.SUBPATTERN:
            found += _all_sets(av[-1])
        elif op is _sre.ATOMIC_GROUP:
            found += _all_sets(av)
        elif op is _sre.ASSERT:
            found += _all_sets(av[1])
        elif op in _REPEATS and av[0] >= 1:
            found += _all_sets(av[2])
        elif op is _sre.BRANCH:
            union = _item_stems(op, av)
            if union is not None:
                found.append(union)
    return [stems for stems in found if all(s.strip() for s in stems)]


# A zero-width item that ends a literal run (`_pieces`) and needs no text.
_SEAM = (_sre.AT, _sre.AT_BOUNDARY)


def _only_branch(items: Any) -> tuple[list[Any], Any] | None:
    """The sequence's items but its first alternation, and that alternation's branches (looking
    into groups); None when no item is or holds one. Any alternation will do: every match
    takes one of its branches and matches all the other items."""
    for index, (op, av) in enumerate(items):
        if op is _sre.BRANCH:
            # A seam where the alternation stood: the literals on either side of it are no run
            # ("me(?:et|t) e" must not need "me e").
            others = [*items[:index], _SEAM, *items[index + 1 :]]
            return others, av[1]
        if op is _sre.SUBPATTERN:
            inner = _only_branch(list(av[-1]))
            if inner is not None:
                others = [*items[:index], *inner[0], *items[index + 1 :]]
                return others, inner[1]
    return None


def required_needs(parsed: Any) -> list[list[Stems]] | None:
    """Stem sets as a disjunction of conjunctions: every match hits each set of one of the
    lists. One list per branch of the pattern's alternation (with the sets of the words around
    it), else one list; None when some list is empty (a match may need no literal at all)."""
    needs = branch_needs(parsed)
    if needs is None:
        needs = [_all_sets(list(parsed))]
    if any(not need for need in needs):
        return None
    return needs


def branch_needs(parsed: Any) -> list[list[Stems]] | None:
    """Per branch of the pattern's first alternation (`_only_branch`), the stem sets every
    match through that branch hits (an empty list: it may need none); None without one."""
    split = _only_branch(list(parsed))
    if split is None:
        return None
    others, branches = split
    around = _all_sets(others)
    return [around + _all_sets(list(branch)) for branch in branches]


def with_branches(parsed: Any, keep: Sequence[int]) -> Any:
    """The parsed pattern with only the branches `keep` (indices, in order) of its first
    alternation, the one `branch_needs` reads. Where the others match nowhere in a text, the
    pattern matches it exactly as the whole one does: the engine tries an alternation's
    branches in order, and a branch that never leads to a match decides no match."""
    items = _kept(list(parsed), keep)
    if items is None:
        raise ValueError("the pattern has no alternation")
    return _sre.SubPattern(parsed.state, items)


def _kept(items: list[Any], keep: Sequence[int]) -> list[Any] | None:
    """`items` with only the branches `keep` of their first alternation, searched as
    `_only_branch` does; None when no item is or holds one."""
    for index, (op, av) in enumerate(items):
        if op is _sre.BRANCH:
            branches = [av[1][i] for i in keep]
            return [*items[:index], (op, (av[0], branches)), *items[index + 1 :]]
        if op is _sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            inner = _kept(list(sub), keep)
            if inner is not None:
                body = _sre.SubPattern(sub.state, inner)
                return [
                    *items[:index],
                    (op, (group, add_flags, del_flags, body)),
                    *items[index + 1 :],
                ]
    return None
