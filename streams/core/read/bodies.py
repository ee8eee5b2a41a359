"""Mediating bodies a snippet names that no lexicon lists: "talks facilitated by the Lausanne
Dialogue Foundation", "the Ponte Foundation for Dialogue, which mediates".

News names more foundations, religious communities and councils than a lexicon can hold, and
they are often the mediators. A capitalised name with the head noun of such a body (lexicon
`actors.json` `mediating_bodies`) is an organisation of its sentence when a mediator or host
cue touches it (`gazetteer.role_cue`): named with no role, it may be anything, and is left out.
"""

import re
from collections.abc import Sequence

from streams.core.lexicon import alternation, load
from streams.core.read.gazetteer import ActorMention, role_cue

_LEX = load("actors")["mediating_bodies"]
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*"
_SMALL = r"(?:of|for|the|and|de|di|del|della|du|des|la)"
_HEAD = alternation(_LEX["heads"])
# "the Lausanne Dialogue Foundation", "the Ponte Foundation for Dialogue", "the Community of
# Santa Chiara": capitalised words before the head, or "of"/"for" and a capitalised name after.
_BODY = re.compile(
    rf"\b(?P<name>(?:{_CAP}\s+(?:{_SMALL}\s+)?){{0,4}}(?-i:{_HEAD})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?)"
)
_GATE = re.compile(rf"\b(?:{_HEAD})\b")
_NOT_OPENING = frozenset(_LEX["not_opening"])
_ADJECTIVE = re.compile(r"[\w’'-]+-[a-z]+")


def mediating_bodies(text: str, known: Sequence[ActorMention]) -> list[ActorMention]:
    """Bodies of the sentence `text` that mediate or host, none that overlaps a known actor."""
    if _GATE.search(text) is None:
        return []  # most sentences name no such body
    taken = [(a.start, a.end) for a in known]
    found = []
    for match in _BODY.finditer(text):
        name, start, end = _trimmed(match)
        if name is None or " " not in name or any(s < end and start < e for s, e in taken):
            continue
        mention = ActorMention(
            start=start,
            end=end,
            mention=name,
            name=name,
            code=_initials(name),
            country=None,
            kind="organisation",
        )
        if role_cue(text, mention) is not None:
            found.append(mention)
    return found


def _trimmed(match: re.Match[str]) -> tuple[str | None, int, int]:
    """The name without an opening word that starts the sentence or a clause ("Mediators",
    "The"): a body's name opens with its own words."""
    words = match.group("name").split()
    start = match.start("name")
    while words and (
        words[0] in _NOT_OPENING
        or words[0].lower() in ("of", "for", "the")
        # "Lisbon-based", "Church-backed": an adjective before the name
        or _ADJECTIVE.fullmatch(words[0]) is not None
    ):
        start += len(words[0]) + 1
        words = words[1:]
    end = match.end("name")
    if not words:
        return None, start, end
    return match.string[start:end], start, end


def _initials(name: str) -> str:
    letters = [w[0] for w in name.split() if w[0].isupper()]
    return "".join(letters) or name


def one_name_per_body(bodies: Sequence[ActorMention]) -> dict[str, str]:
    """Each shorter name of a body the snippet also names in full ("the Ponte Foundation" after
    "the Ponte Foundation for Dialogue"), with the full name it stands for."""
    names = sorted({b.name for b in bodies}, key=len, reverse=True)
    return {
        short: full
        for i, full in enumerate(names)
        for short in names[i + 1 :]
        if full.startswith(short + " ")
    }
