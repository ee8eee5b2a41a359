"""Modality of a trigger (actual, planned, negated, hypothetical, historical) from nearby cues."""

import re
from typing import Literal, cast

from streams.core.lexicon import alternation, load

Modality = Literal["actual", "planned", "negated", "hypothetical", "historical"]

_LEX = load("modality")
_BEFORE_CHARS: int = _LEX["window_before"]
_AFTER_CHARS: int = _LEX["window_after"]
_PRIORITY: list[str] = _LEX["priority"]
_CUTS = re.compile("|".join(re.escape(cut) for cut in _LEX["clause_cuts"]), re.IGNORECASE)


def _cue_regex(side: str) -> re.Pattern[str]:
    # One named group per modality, so a single scan finds every cue with its modality.
    groups = [
        f"(?P<{name}>{alternation(_LEX['cues'][name][side])})"
        for name in _PRIORITY
        if _LEX["cues"][name][side]
    ]
    return re.compile(r"(?<![\w'])(?:" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)


_BEFORE = _cue_regex("before")
_AFTER = _cue_regex("after")


def _clause_before(text: str, start: int) -> int:
    """Start of the clause part that governs a trigger at `start` (cut at the last clause cut)."""
    floor = max(0, start - _BEFORE_CHARS)
    last = floor
    for cut in _CUTS.finditer(text, floor, start):
        last = cut.end()
    return last


def _clause_after(text: str, end: int) -> int:
    ceiling = min(len(text), end + _AFTER_CHARS)
    cut = _CUTS.search(text, end, ceiling)
    return cut.start() if cut else ceiling


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around the trigger at text[start:end], within the cue windows."""
    return _clause_before(text, start), _clause_after(text, end)


def modality_at(text: str, start: int, end: int) -> Modality:
    """Modality of the trigger at text[start:end]: the nearest cue in its clause wins."""
    best: tuple[int, int, str] | None = None
    for match in _BEFORE.finditer(text, _clause_before(text, start), start):
        name = cast(str, match.lastgroup)
        key = (start - match.end(), _PRIORITY.index(name), name)
        if best is None or key < best:
            best = key
    for match in _AFTER.finditer(text, end, _clause_after(text, end)):
        name = cast(str, match.lastgroup)
        if name == "negated":
            return "negated"  # "talks scheduled for Friday were called off": the outcome wins
        key = (match.start() - end, _PRIORITY.index(name), name)
        if best is None or key < best:
            best = key
    return cast(Modality, best[2]) if best else "actual"
