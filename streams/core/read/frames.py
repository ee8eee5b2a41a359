"""The two sides a sentence frames: "talks between Chile and Peru", "Chile and Peru signed".

A state that welcomes a deal, comments on it or fights a war of its own elsewhere is named in
news about a process as often as its sides are; the words around a pair of names tell which
two the process is between. The frames are data (`actors.json` "party_frames").
"""

import re
from collections.abc import Sequence
from itertools import pairwise

from streams.core.lexicon import alternation, load
from streams.core.read.gazetteer import ActorMention

_LEX = load("actors")["party_frames"]
_SIDE_KINDS = frozenset({"state", "armed_group"})
# What may stand between the two names: "Chile and Peru", "the Chilean government and the NLF".
_JOIN = re.compile(r"(?:\s+" + alternation(_LEX["joiners"]) + r")?\s*,?\s+(?:and|&)\s+(?:the\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_VERB_AFTER = re.compile(
    r"(?:\s+"
    + alternation(_LEX["joiners"])
    + r")?(?:\s+"
    + alternation(_LEX["before_verb"])
    + r"){0,2}\s+"
    + alternation(_LEX["verbs"])
    + r"\b"
)


def framed_pairs(text: str, mentions: Sequence[ActorMention]) -> list[tuple[str, str]]:
    """Pairs of side codes the sentence frames as the two sides of talks or a deal."""
    sides = sorted((m for m in mentions if m.kind in _SIDE_KINDS), key=lambda m: m.start)
    pairs: list[tuple[str, str]] = []
    for first, second in pairwise(sides):
        if first.code == second.code or not _JOIN.match(text[first.end : second.start]):
            continue
        between = _BETWEEN.search(text[max(0, first.start - 20) : first.start])
        if between or _VERB_AFTER.match(text, second.end):
            pairs.append((first.code, second.code))
    return pairs
