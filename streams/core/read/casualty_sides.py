"""The side a sentence names as suffering losses: "heavy losses among the NLF rebels", "Chilean
forces suffered heavy casualties". A figure of combatants in the next sentence that names no
side of its own is that side's ("At least 40 fighters were killed")."""

import re
from collections.abc import Sequence

from schemas.events import SIDE_KINDS
from streams.core.lexicon import load
from streams.core.read.gates import GatedPattern
from streams.core.read.gazetteer import ActorMention

_LEX = load("casualties")["loss_side"]
# Behind the sentence's keyword gate: most sentences hold no word of losses.
_BEFORE = GatedPattern(re.compile(_LEX["before_side"], re.IGNORECASE))
_AFTER = GatedPattern(re.compile(_LEX["after_side"], re.IGNORECASE))
_JOINED = re.compile(r"\s*(?:,|and|&)\s*(?:and\s+)?(?:the\s+)?")


def losses_of(text: str, actors: Sequence[ActorMention]) -> str | None:
    """The one side the sentence names as suffering losses, if it names exactly one so."""
    named = [a for a in actors if a.kind in SIDE_KINDS]
    # A gate closed over the sentence is closed over every slice of it.
    before = _BEFORE.regex if _BEFORE.may_match(text) else None
    after = _AFTER.regex if _AFTER.may_match(text) else None
    if not named or (before is None and after is None):
        return None
    sides: set[str] = set()
    for i, a in enumerate(named):
        if (before and before.search(text[max(0, a.start - 40) : a.start])) or (
            after and after.search(text[a.end :])
        ):
            sides.add(a.name)
            # "Chilean and Peruvian forces suffered losses": the sides conjoined before it too
            j = i
            while j > 0 and _JOINED.fullmatch(text, named[j - 1].end, named[j].start):
                j -= 1
                sides.add(named[j].name)
    return sides.pop() if len(sides) == 1 else None
