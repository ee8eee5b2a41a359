"""Text cues of the negotiations fold, read from `streams/lexicon/issues.json`: pure matching."""

import re
from functools import cache, lru_cache

from streams.core.lexicon import compile_words, load, word_pattern


@cache
def _issue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    issues: dict[str, list[str]] = load("issues")["issues"]
    return tuple((name, compile_words(patterns)) for name, patterns in sorted(issues.items()))


@cache
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    kinds: list[tuple[str, list[str]]] = load("issues")["measure_kinds"]
    return tuple((name, compile_words(patterns)) for name, patterns in kinds)


# The folds ask the same cue of the same sentence many times (each table, each test of held,
# planned, historical...): the answer of each (lexicon, cue, sentence) is kept for a while.
_ASKED = 16384


def has(cue: str, text: str) -> bool:
    """Whether the sentence carries a cue of the named list (sticking, stalled, collapse, ...)."""
    return _found("issues", cue, text)


@lru_cache(maxsize=_ASKED)
def _found(lexicon: str, cue: str, text: str) -> bool:
    return _file_pattern(lexicon, cue).search(text) is not None


_NEGATOR = re.compile(r"\b(?:not|never|no longer|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)


def negated_cue(cue: str, text: str) -> bool:
    """Whether a cue of the named list is itself negated ("have not collapsed")."""
    return any(
        _NEGATOR.search(text, max(0, m.start() - 24), m.start())
        for m in _file_pattern("issues", cue).finditer(text)
    )


@cache
def _any_issue() -> re.Pattern[str]:
    issues: dict[str, list[str]] = load("issues")["issues"]
    return compile_words([p for patterns in issues.values() for p in patterns])


def issues_in(text: str) -> tuple[str, ...]:
    # Most sentences name no issue: one search of every issue's words says so at once.
    if _any_issue().search(text) is None:
        return ()
    return tuple(name for name, pattern in _issue_patterns() if pattern.search(text))


def measure_kind(text: str) -> str | None:
    """The first kind of measure the sentence names, in the lexicon's order of specificity."""
    for name, pattern in _kind_patterns():
        if pattern.search(text):
            return name
    return None


@cache
def settlement_kinds() -> frozenset[str]:
    return frozenset(load("issues")["settlement_kinds"])


@cache
def _collapse_subtypes() -> frozenset[str]:
    return frozenset(load("issues")["collapse_subtypes"])


def collapse_subtype(subtype: str | None) -> bool:
    return subtype is not None and subtype in _collapse_subtypes()


@cache
def _file_pattern(lexicon: str, name: str) -> re.Pattern[str]:
    patterns: list[str] = load(lexicon)[name]
    return compile_words(patterns)


def round_cue(cue: str, text: str) -> bool:
    """Whether the sentence carries a cue of the rounds lexicon (held_meeting, plan, ...)."""
    return _found("rounds", cue, text)


# Number words as the figures' lexicon reads them ("three days of talks").
_DAY_COUNTS: dict[str, int] = load("casualties")["number_words"]


def days_told(text: str) -> int | None:
    """How many days of talks a report says ran up to its day ("after three days of talks")."""
    if "days" not in text:
        return None  # no count of days: no search
    match = _file_pattern("rounds", "days_told").search(text)
    if match is None:
        return None
    days = match.group("days").lower()
    return _DAY_COUNTS.get(days) or (int(days) if days.isdigit() else None)


def round_cue_at(cue: str, text: str) -> int | None:
    """Where a cue of the rounds lexicon first occurs in the sentence, or None."""
    match = _file_pattern("rounds", cue).search(text)
    return match.start() if match else None


@lru_cache(maxsize=_ASKED)
def without_cue(cue: str, text: str, lexicon: str = "rounds") -> str:
    """The sentence with the words of a cue of the lexicon (rounds by default) blanked out
    (offsets kept)."""
    return _file_pattern(lexicon, cue).sub(lambda m: " " * len(m.group(0)), text)


_CLAUSE_END = re.compile(r"[,;:(\u2013\u2014]|$")


def without_clause(cue: str, text: str) -> str:
    """The sentence with each rounds-lexicon cue blanked out from its first word to the end of
    its clause (the next comma, semicolon or dash; offsets kept): "met on Thursday and agreed to
    meet again next month" keeps "met on Thursday and"."""
    spans: list[tuple[int, int]] = []
    for match in _file_pattern("rounds", cue).finditer(text):
        stop = _CLAUSE_END.search(text, match.end())
        spans.append((match.start(), stop.start() if stop else len(text)))
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def exchange_cue(cue: str, text: str) -> bool:
    """Whether the sentence carries a cue of the exchanges lexicon (bodies, ratio, ...)."""
    return _found("exchanges", cue, text)


def introduced_by(cue: str, phrase: str, text: str, adjacent: bool = False) -> bool:
    """Whether a cue of the rounds lexicon opens the clause that holds `phrase` ("since ..."),
    or, `adjacent`, stands right before it ("said on Tuesday")."""
    if not phrase or _file_pattern("rounds", cue).search(text) is None:
        return False  # no cue word at all: nothing to introduce the phrase
    # Where the phrase stands, the text before it must end in the cue and its gap: one pattern
    # per cue, searched up to each place the phrase stands, instead of a pattern per phrase
    # (phrases are as many as the dates told, and each compile cost more than the searches).
    # A cue right against the phrase is a whole word only when the phrase opens with no letter.
    before = _cue_then_gap(cue, adjacent, touching=_WORDISH.match(phrase) is None)
    return any(before.search(text, 0, at) for at in _places(phrase, text))


# A character that continues a word: a cue word may not end right before it.
_WORDISH = re.compile(r"[\w-]")
# What may stand between a cue and the phrase it opens. A clause ends at a comma: in "held since
# March, as a gesture, on November 1" "since" opens the clause of March, not of November 1.
_ADJACENT_GAP = r"\s+"
_CLAUSE_GAP = r"[^.;:,]{%d,80}"


@cache
def _cue_then_gap(cue: str, adjacent: bool, touching: bool) -> re.Pattern[str]:
    """The cue's words and the gap after them, at the end of the text searched (`endpos`: the
    place of the phrase)."""
    words: list[str] = load("rounds")[cue]
    gap = _ADJACENT_GAP if adjacent else _CLAUSE_GAP % (0 if touching else 1)
    return re.compile(rf"{word_pattern(words)}{gap}\Z", re.IGNORECASE)


def _places(phrase: str, text: str) -> list[int]:
    """Every index where `phrase` stands in `text`, in any case, overlapping ones too."""
    if phrase.isascii() and text.isascii():
        low, target = text.lower(), phrase.lower()
        found, at = [], low.find(target)
        while at >= 0:
            found.append(at)
            at = low.find(target, at + 1)
        return found
    return [m.start() for m in _literal(phrase).finditer(text)]


@lru_cache(maxsize=1024)
def _literal(phrase: str) -> re.Pattern[str]:
    return re.compile(f"(?={re.escape(phrase)})", re.IGNORECASE)
