"""Named places the gazetteer does not hold: a capitalised name told as a place by a noun of
place after it ("at the Kushna crossing") or by its kind before it ("in the town of Veri").

Meetings at a border post and towns of a local war are rarely in any gazetteer; the text says
they are places. The country stays unknown: only the words are read.
"""

import re
from collections.abc import Sequence

from streams.core.lexicon import alternation, load
from streams.core.read.gazetteer import PlaceMention, is_actor_form
from streams.core.spans import Spans

_LEXICON = load("localities")
_NOT_NAMES = frozenset(_LEXICON["not_names"])

# One to three capitalised words (with diacritics, apostrophes and hyphens inside).
_NAME = r"[A-ZÀ-Þ][\w'’-]*(?: [A-ZÀ-Þ][\w'’-]*){0,2}"

_HEADED = re.compile(rf"\bthe ({_NAME}) ({alternation(_LEXICON['heads'])})(?![\w-])")
_KIND_OF = re.compile(rf"\b(?:the )?(?:{alternation(_LEXICON['kinds'])}) of ({_NAME})(?![\w'’-])")
# Cheap words without which a pattern cannot match.
_GATE_HEADS = tuple(sorted({h.split()[-1] for h in _LEXICON["heads"]}))
_GATE_KINDS = tuple(sorted({k.split()[-1] + " of " for k in _LEXICON["kinds"]}))


def _a_name(words: str) -> bool:
    # An acronym ("the FLC checkpoint") is a group's, a demonym ("the Uzbek border post") a
    # state's: neither names the place.
    first = words.split(" ", 1)[0]
    return (
        first not in _NOT_NAMES
        and not first.isupper()
        and not is_actor_form(words)
        and not is_actor_form(first)
    )


def find_localities(text: str, taken: Sequence[tuple[int, int]]) -> list[PlaceMention]:
    """Places named by their kind or noun, where no actor or gazetteer place already stands
    (`taken`: their spans)."""
    headed = any(word in text for word in _GATE_HEADS)
    kind_of = any(words in text for words in _GATE_KINDS)
    if not headed and not kind_of:
        return []
    spans = Spans(taken)
    found: list[PlaceMention] = []
    for match in _HEADED.finditer(text) if headed else ():
        name = match.group(1)
        start, end = match.start(1), match.end(2)
        if _a_name(name) and not spans.overlaps(start, end):
            found.append(
                PlaceMention(start, end, text[start:end], f"{name} {match.group(2)}", None)
            )
    for match in _KIND_OF.finditer(text) if kind_of else ():
        name = match.group(1)
        start, end = match.start(1), match.end(1)
        if _a_name(name) and not spans.overlaps(start, end):
            found.append(PlaceMention(start, end, name, name, None))
    return found
