"""Modality of a trigger (actual, planned, negated, hypothetical, historical) from nearby cues."""

import re
from typing import Literal, cast

from streams.core.lexicon import alternation, load
from streams.core.read.gates import ascii_form, case_sensitive, is_ascii_lowered, lower_of

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
# The same regexes, case-sensitive over the lower-cased sentence when that is exact (gates.py).
_LOWER = (case_sensitive(_BEFORE), case_sensitive(_AFTER), case_sensitive(_CUTS))
# Their ASCII forms, for an ASCII sentence (`gates.ascii_form`): the cue windows test \w often.
_ASCII = tuple(None if regex is None else ascii_form(regex) for regex in _LOWER)
_RANK = {name: _PRIORITY.index(name) for name in _PRIORITY}


def _regexes(text: str) -> tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The text to scan and the cue, cue and cut regexes to scan it with (only spans differ)."""
    before, after, cuts = _LOWER
    if before is not None and after is not None and cuts is not None:
        low = lower_of(text)
        if low is not None:
            if is_ascii_lowered(low):
                before, after, cuts = _ASCII
            return low, before, after, cuts  # type: ignore[return-value]
    return text, _BEFORE, _AFTER, _CUTS


def _clause_before(text: str, start: int, cuts: re.Pattern[str] = _CUTS) -> int:
    """Start of the clause part that governs a trigger at `start` (cut at the last clause cut)."""
    floor = max(0, start - _BEFORE_CHARS)
    last = floor
    for cut in cuts.finditer(text, floor, start):
        last = cut.end()
    return last


def _clause_after(text: str, end: int, cuts: re.Pattern[str] = _CUTS) -> int:
    ceiling = min(len(text), end + _AFTER_CHARS)
    cut = cuts.search(text, end, ceiling)
    return cut.start() if cut else ceiling


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around the trigger at text[start:end], within the cue windows."""
    subject, _, _, cuts = _regexes(text)
    return _clause_before(subject, start, cuts), _clause_after(subject, end, cuts)


# A phrase between commas right after a trigger: an apposition or a relative clause.
_ASIDE = re.compile(r",\s[^,;:()]{3,90}?,\s")
_NAME_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+$")


def _in_a_name(text: str, at: int) -> bool:
    """Whether a cue word is a word of a name ("Doctors Without Borders", "Reporters Without
    Borders"): capitalised inside the sentence, right after a capitalised word."""
    return (
        text[at : at + 1].isupper() and _NAME_BEFORE.search(text, max(0, at - 40), at) is not None
    )


def _seen_whole(cues: re.Pattern[str], subject: str, at: int, name: str) -> str:
    """The modality of the cue at `at` read with the words after it in view. The scan before a
    trigger ends at the trigger, so a cue's lookahead there sees no further: "would" before the
    trigger "meet" ("said the sides would meet again in May") read as hypothetical, while the
    cue list makes "would meet" a plan."""
    whole = cues.match(subject, at)
    return whole.lastgroup if whole is not None and whole.lastgroup else name


# A that-clause a denial governs ("X denied on Monday that its envoys had met Y"; not "denied any
# shelling and affirmed that four were killed"): the clause cut at "that" hides the denial from
# the trigger's own clause.
_DENIED_THAT = re.compile(
    r"\b(?:denied|denies|deny|denying)\b(?:(?! and |,)[^.;:]){0,50}?\bthat\s[^.;:]*$",
    re.IGNORECASE,
)


def modality_at(text: str, start: int, end: int) -> Modality:
    """Modality of the trigger at text[start:end]: the nearest cue in its clause wins."""
    if "den" in text and _DENIED_THAT.search(text, max(0, start - 160), start):
        return "negated"
    subject, before, after, cuts = _regexes(text)
    best: tuple[int, int, str] | None = None
    for match in before.finditer(subject, _clause_before(subject, start, cuts), start):
        name = cast(str, match.lastgroup)
        if name == "negated" and _in_a_name(text, match.start()):
            continue
        if name == "hypothetical":
            name = _seen_whole(before, subject, match.start(), name)
        key = (start - match.end(), _RANK[name], name)
        if best is None or key < best:
            best = key
    # "A fifth round, devoted to reintegration, will be held in Accra": a phrase between
    # commas right after the trigger delays its predicate; the window runs on past it.
    aside = _ASIDE.match(subject, end)
    after_end = _clause_after(subject, aside.end() if aside else end, cuts)
    for match in after.finditer(subject, end, after_end):
        name = cast(str, match.lastgroup)
        if name == "negated" and _in_a_name(text, match.start()):
            continue
        if name == "negated":
            return "negated"  # "talks scheduled for Friday were called off": the outcome wins
        key = (match.start() - end, _RANK[name], name)
        if best is None or key < best:
            best = key
    return cast(Modality, best[2]) if best else "actual"
