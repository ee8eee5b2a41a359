"""The two sides a sentence frames: "talks between Chile and Peru", "Chile and Peru signed".

A state that welcomes a deal, comments on it or fights a war of its own elsewhere is named in
news about a process as often as its sides are; the words around a pair of names tell which
two the process is between. The frames are data (`actors.json` "party_frames").
"""

import re
from collections.abc import Sequence
from itertools import pairwise

from streams.core.lexicon import alternation, load
from streams.core.read.gazetteer import SIDE_KINDS, ActorMention

_LEX = load("actors")["party_frames"]
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


# "talks between", "the accord signed on Friday between": a word of talks shortly before.
_TALK_NOUN = re.compile(r"\b" + alternation(_LEX["talk_nouns"]) + r"\b", re.IGNORECASE)
# "Cuba and Norway agreed to keep hosting the talks": third parties acting, in the same clause.
_THIRD_PARTY_ACT = re.compile(
    r"[^.;:,]{0,40}?\b" + alternation(_LEX["third_party_acts"]) + r"\b", re.IGNORECASE
)

Frame = tuple[str, str, bool]  # the two codes, and whether it frames talks or a deal


def framed_pairs(text: str, mentions: Sequence[ActorMention]) -> list[Frame]:
    """Pairs of side codes the sentence frames as the two sides of talks or a deal (True), or
    only as the two sides of something between them ("clashes between", False)."""
    sides = sorted((m for m in mentions if m.kind in SIDE_KINDS), key=lambda m: m.start)
    pairs: list[Frame] = []
    for first, second in pairwise(sides):
        if first.code == second.code or not _JOIN.match(text[first.end : second.start]):
            continue
        head = text[max(0, first.start - 20) : first.start]
        if _BETWEEN.search(head):
            talks = _TALK_NOUN.search(text[max(0, first.start - 50) : first.start]) is not None
            pairs.append((first.code, second.code, talks))
            continue
        verb = _VERB_AFTER.match(text, second.end)
        if verb and not _THIRD_PARTY_ACT.match(text, verb.end()):
            pairs.append((first.code, second.code, True))
    return pairs
