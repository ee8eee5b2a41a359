"""Where talks are held: the venue a sentence names or carries from earlier in the snippet, and
the further rounds of a sentence that lists numbered rounds."""

import re
from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise

from schemas.events import (
    EventDate,
)
from schemas.snippet import Snippet
from streams.core.lexicon import load
from streams.core.read.dates import resolve_date
from streams.core.read.gates import gated
from streams.core.read.gazetteer import (
    PlaceMention,
)
from streams.core.read.sentences import Sentence

# Where a meeting is: "in", "at", or the place a visit went to ("visited Lima, where he met").
VENUE = re.compile(r"\b(?:in|at|visit(?:ed|ing)?|(?:visit|trip) to)\s+(?:the\s+)?$", re.IGNORECASE)

# A place named as where talks are: "talks in", "a meeting at the", "negotiations held in".
TALKS_IN = re.compile(
    r"\b(?:talks|negotiations|meeting|meetings|round|summit|consultations)[\u201d\"\u2019]?"
    r"(?: (?:were|was) held| held| conducted)? (?:in|at) (?:the )?$",
    re.IGNORECASE,
)


# Talks moved to another place: "delegations moved the talks to Quito", "the talks shifted to".
MOVED_TO = gated(
    r"\b(?:(?:moved|relocated|transferred|shifted)\s+(?:the\s+)?(?:\S+\s+){0,2}?"
    r"(?:talks|negotiations|meeting|round|consultations)"
    r"|(?:talks|negotiations|round|consultations)\s+(?:\S+\s+){0,4}?(?:moved|relocated|shifted))"
    r"\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def in_venue_context(text: str, mention: PlaceMention) -> bool:
    return VENUE.search(text, max(0, mention.start - 8), mention.start) is not None or moved_to(
        text, mention
    )


def moved_to(text: str, mention: PlaceMention) -> bool:
    return MOVED_TO.search(text, max(0, mention.start - 60), mention.start) is not None


def after_talks(text: str, mention: PlaceMention) -> bool:
    return TALKS_IN.search(text, max(0, mention.start - 40), mention.start) is not None or moved_to(
        text, mention
    )


def ordinal_words() -> str:
    words: dict[str, int] = load("rounds")["ordinals"]
    return "|".join(words)


ORDINAL_CLAUSE = re.compile(rf"\b(?:the\s+)?(?:{ordinal_words()})\b", re.IGNORECASE)


def enumerated_rounds(
    sentence: Sentence, places: Sequence[PlaceMention], snippet: Snippet
) -> list[tuple[int, EventDate, str | None]]:
    """Dates and places of the numbered rounds after the first in a list of rounds, one clause
    each ("; the second on March 3 in Porto; and the third and fourth on March 10 and March 24,
    again in Lisbon"). Offsets stand for the rounds in their event ids."""
    text = sentence.text
    clauses = [m.start() for m in re.finditer(r";\s*", text)]
    if not clauses or not ORDINAL_CLAUSE.search(text[: clauses[0]]):
        return []
    found = []
    bounds = [*clauses, len(text)]
    for begin, end in pairwise(bounds):
        clause = text[begin:end]
        if not ORDINAL_CLAUSE.search(clause):
            continue
        inside = [p for p in places if begin <= p.start < end]
        place = inside[-1].name if inside else None
        offset = 0
        while True:
            when = resolve_date(clause[offset:], snippet.published_at)
            if when is None or not when.text:
                break
            at = clause.find(when.text, offset)
            if at < 0:
                break
            found.append((sentence.start + begin + at, when, place))
            offset = at + len(when.text)
    return found


def ahead(date: EventDate | None, published_at: datetime | None) -> bool:
    """Dated from the publication day on and running past it: a plan, whatever the tense."""
    if date is None or published_at is None:
        return False
    day = published_at.date()
    return date.start >= day and date.end > day


def choose_venue(
    is_held: bool, venues: list[str], carried: str | None
) -> tuple[str | None, str | None]:
    """(venue of this talks sentence, venue carried forward): held talks inherit, plans do not."""
    own = venues[0] if venues else None
    if not is_held:
        return own, carried
    return own or carried, own or carried
