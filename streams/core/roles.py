"""Third-party roles a sentence gives a name: facilitator, guarantor, observer or host.

Shared by the reading (a state so cued is no side of the process it keys) and the participants
fold (which lists it in that role). The cues are data (`roles.json`).
"""

import re
from functools import cache, lru_cache

from streams.core.lexicon import alternation, compile_words, load, word_pattern
from streams.core.read.gates import GatedPattern, gated

# How far from its name a role word may be: "Norway and Cuba, the guarantor countries".
CUE_REACH = 60
# No cue is longer than this (the window searched around a name).
CUE_LONGEST = 60
# A role word before the name ("the guarantors, Norway and Cuba") is nearer.
CUE_BEFORE_REACH = 30
# Words between a name and a role word that part them: the name is a side ("talks between Chile
# and Peru, with Norway as facilitator"), the speaker of another clause ("..., said Chile"), or
# the one who thanks or praises the role's holder ("She thanked Norway for its facilitation").
# The words are data (roles.json: parting_words, thanks, praise).
_PARTED = re.compile(
    r"\b"
    + alternation([w for key in ("parting_words", "thanks", "praise") for w in load("roles")[key]])
    + r"\b",
    re.IGNORECASE,
)


# "Mauritius said it would host a later round": a name that speaks of itself ("said it", "says
# they") takes the role its own words give it; "said" parts no name from its own clause.
_SAYS_ITSELF = re.compile(
    r"\s*(?:said|says|announced|confirmed|added)\s+(?:that\s+)?(?:it|they)\b", re.IGNORECASE
)


# A cue ending in "by", "with", "of" or "from" names its agent after it ("talks between Chile and
# Peru, facilitated by Brazil", "with help from the ICRC"): it never reaches a name before it.
_AGENT_NEXT = re.compile(r"\b(?:by|with|of|from)\W*$", re.IGNORECASE)

# What may stand between a cue that names its agent next and the agent: "with the help of the",
# "in partnership with representatives of the", or the agents before it in a list: "witnessed by
# Brazil and the". Not a comma: "with the support of the ICRC, Kenya handed over".
_NAME = r"(?:the\s+)?(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*)*"
_ARTICLE_ONLY = re.compile(
    rf"\s*(?:(?-i:[a-z])[\w-]*\s+){{0,3}}(?:(?:{_NAME}\s*,\s*)*{_NAME},?\s+and\s+)?(?:the\s+)?",
    re.IGNORECASE,
)

# A clause of its own subject between a name and a role word after it: "Mali and Niger agreed on
# a truce, and ECOWAS will act as observer".
_NEW_SUBJECT = re.compile(r",\s+(?:and|but)\s+(?:the\s+)?(?-i:[A-Z])")

# A role noun after a name that is the object of a preposition is another noun's role: "two
# Lebanese, were handed to the observer team", "Chile agreed a truce watched by an observer
# mission". Not "as" ("Chile, as an observer") nor "of" ("the role of observer").
_OBJECT_OF_PREPOSITION = re.compile(
    r"\b(?:to|by|from|until|before|after|into|towards?|against)\s+"
    r"(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


# The roles a cue word near a name gives it, in roles.json.
CUED_ROLES = ("facilitator", "guarantor", "observer", "host")


@cache
def _role_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lexicon = load("roles")
    return tuple((role, compile_words(lexicon[role])) for role in CUED_ROLES)


# The fold asks again for each event of a sentence and each table it feeds (about three times
# per name in a pass of the bench's events).
@lru_cache(maxsize=4096)
def role_near(text: str, start: int, end: int) -> str | None:
    """Facilitator, guarantor, observer or host, when the sentence says so near the name at
    text[start:end]: the nearest role word after it (within CUE_REACH) or before it (within
    CUE_BEFORE_REACH), with no word between that makes the name a side or another's speaker."""
    best: tuple[int, str] | None = None
    # Only a window around the name can hold a cue in reach: one sentence may name the same
    # state a thousand times.
    low, high = max(0, start - CUE_BEFORE_REACH - CUE_LONGEST), end + CUE_REACH + CUE_LONGEST
    for role, pattern in _role_cues():
        for match in pattern.finditer(text, low, high):
            if match.start() >= end:
                if _AGENT_NEXT.search(match.group(0)):
                    continue  # "facilitated by Brazil" names its agent after it, not before
                gap, between = match.start() - end, text[end : match.start()]
                reach = CUE_REACH
                if _OBJECT_OF_PREPOSITION.search(between) or _NEW_SUBJECT.search(between):
                    continue  # "handed to the observer team": the team's role
            elif match.end() <= start:
                gap, between = start - match.end(), text[match.end() : start]
                if _AGENT_NEXT.search(match.group(0)) and not _ARTICLE_ONLY.fullmatch(between):
                    # "with the support of the ICRC, Kenya handed over": the agent is the ICRC
                    continue
                reach = CUE_BEFORE_REACH
            else:
                continue
            if gap > reach:
                continue
            itself = _SAYS_ITSELF.match(between) if match.start() >= end else None
            if _PARTED.search(between, itself.end() if itself else 0):
                continue
            if best is None or gap < best[0]:
                best = (gap, role)
    return best[1] if best else None


# Every role's cues as one pattern: it matches where one of the roles' patterns does. Built at
# import, so that its gate joins the others before the first sentence is scanned (a gate added
# later rebuilds the shared stem scanner).
_ANY_CUE: GatedPattern = gated(
    word_pattern([cue for role in CUED_ROLES for cue in load("roles")[role]]),
    re.IGNORECASE,
)


def may_have_role(text: str) -> bool:
    """Whether any facilitator, guarantor, observer or host cue is in the text (one scan behind the
    sentence's keyword gate, before the names are asked one by one)."""
    return _ANY_CUE.scan_search(text) is not None
