"""Known conflicts (dyads of principal parties) and the one a snippet's belligerents point to."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from streams.core.lexicon import load

_LEX: dict[str, Any] = load("conflicts")
SEPARATOR: str = _LEX["separator"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """One conflict: its process key, display name, and per side its principal and allied codes."""

    key: str
    name: str
    parties: tuple[frozenset[str], frozenset[str]]
    allies: tuple[frozenset[str], frozenset[str]]

    @property
    def principals(self) -> frozenset[str]:
        return self.parties[0] | self.parties[1]

    @property
    def members(self) -> frozenset[str]:
        """Every code on either side: its principals and their allies."""
        return self.principals | self.allies[0] | self.allies[1]


def join_codes(codes: Sequence[str]) -> str:
    """Process key of a set of party codes: sorted, joined by the separator."""
    return SEPARATOR.join(sorted(codes))


def _conflict(entry: dict[str, Any]) -> Conflict:
    sides = entry["sides"]
    if len(sides) != 2:
        raise ValueError(f"conflict {entry['key']!r} must have two sides")
    parties = (frozenset(sides[0]["parties"]), frozenset(sides[1]["parties"]))
    allies = (frozenset(sides[0]["allies"]), frozenset(sides[1]["allies"]))
    conflict = Conflict(entry["key"], entry["name"], parties, allies)
    if any(SEPARATOR in code for code in conflict.members):
        raise ValueError(f"a code of {conflict.key!r} contains the separator {SEPARATOR!r}")
    if conflict.key != join_codes(list(conflict.principals)):
        raise ValueError(f"key {conflict.key!r} is not the sorted codes of its parties")
    return conflict


CONFLICTS: tuple[Conflict, ...] = tuple(_conflict(e) for e in _LEX["conflicts"])
# Only conflicts with a named principal can match: index them by principal, in list order.
_BY_PRINCIPAL: dict[str, tuple[int, ...]] = {}
for _index, _entry in enumerate(CONFLICTS):
    for _code in _entry.principals:
        _BY_PRINCIPAL[_code] = (*_BY_PRINCIPAL.get(_code, ()), _index)


def _support(conflict: Conflict, codes: Sequence[str]) -> tuple[int, int, int, int] | None:
    """Rank of a conflict for belligerent codes in text order; None unless a principal is named.

    Both sides named beats one side, then principal mentions, then all mentions, then the
    earliest mention; allies only add support, so an outside backer never opens a match alone.
    """
    principal_hits = 0
    total_hits = 0
    first = len(codes)
    sides = [False, False]
    for order, code in enumerate(codes):
        for side in (0, 1):
            is_party = code in conflict.parties[side]
            if is_party or code in conflict.allies[side]:
                sides[side] = True
                total_hits += 1
                principal_hits += is_party
                first = min(first, order)
    if not principal_hits:
        return None
    return sum(sides), principal_hits, total_hits, -first


def sides_named(conflict: Conflict, codes: Sequence[str]) -> int:
    """How many of the conflict's two sides the codes name (by a principal or an ally)."""
    rank = _support(conflict, codes)
    return rank[0] if rank else 0


def match_conflict(codes: Sequence[str]) -> Conflict | None:
    """Best-supported known conflict for belligerent codes in text order; ties: listed first."""
    best: Conflict | None = None
    best_rank: tuple[int, int, int, int] | None = None
    candidates = sorted({i for code in set(codes) for i in _BY_PRINCIPAL.get(code, ())})
    for conflict in (CONFLICTS[i] for i in candidates):
        rank = _support(conflict, codes)
        if rank is not None and (best_rank is None or rank > best_rank):
            best, best_rank = conflict, rank
    return best
