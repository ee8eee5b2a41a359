"""The two sides a sentence frames: "talks between Chile and Peru", "Chile and Peru signed".

A state that welcomes a deal, comments on it or fights a war of its own elsewhere is named in
news about a process as often as its sides are; the words around a pair of names tell which
two the process is between. The frames are data (`actors.json` "party_frames").
"""

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from schemas.events import SIDE_KINDS
from streams.core.lexicon import alternation, load, word_pattern
from streams.core.read.gates import gated
from streams.core.read.gazetteer import ActorMention, PlaceMention
from streams.core.read.venues import in_venue_context

_LEX = load("actors")["party_frames"]
# "Chile's government and ...", "the Chilean delegation ...": words of a side after its name.
JOINERS = r"(?:\s+" + alternation(_LEX["joiners"]) + r")?"
# "(ALF)" after a group's name.
_ACRONYM_AFTER = r"(?:\s*\([A-Z][A-Za-z0-9-]{1,9}\))?"


def to_verb(verbs: str) -> str:
    """From the end of a pair's second side to its verb ("... have finally met"): up to two
    words before a verb of the class `verbs` (a party_frames list); a verb of meeting may take
    "again" and is not one of `meet_not_after` ("met with" a third party, "met separately")."""
    before = r"(?:\s+" + alternation(_LEX["before_verb"]) + r"){0,2}\s+"
    if verbs != "meet_verbs":
        return before + alternation(_LEX[verbs]) + r"\b"
    not_after = r"\b(?!\s+(?:" + "|".join(_LEX["meet_not_after"]) + r")\b)"
    return before + r"(?:again\s+)?" + alternation(_LEX[verbs]) + not_after


# What may stand between the two names: "Chile and Peru", "the Chilean government and the NLF".
_JOIN = re.compile(r"(?:['’]s)?" + JOINERS + r"\s*,?\s+(?:and|&)\s+(?:the\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_VERB_AFTER = re.compile(_ACRONYM_AFTER + JOINERS + to_verb("verbs"))

# "Chile and Peru met in Lima", "the Chilean and Peruvian delegations will meet again": the two
# sides of a meeting; not "met with" a third party, nor "met separately".
_MEET_AFTER = re.compile(
    _ACRONYM_AFTER
    + JOINERS
    + to_verb("meet_verbs")
    # what follows the verb: a place, a time, a manner, or the sentence's end; not an object
    # ("Chile and Peru met Bolivian envoys" met a third party)
    + r"(?=\s*(?:[,.;:)\u2014\u2013-]|$)|\s+(?:"
    + "|".join(_LEX["meet_next"])
    + r"|\w+day)\b)"
)
_LISTED = re.compile(r",\s*$")
# "Brazil and Spain met in Madrid to discuss the crisis between Chile and Peru": third states
# meeting about the conflict are no sides of it.
_ABOUT_CONFLICT = re.compile(alternation(load("rounds")["about_conflict"]), re.IGNORECASE)

# "talks between", "the accord signed on Friday between": a word of talks shortly before.
_TALK_NOUN = re.compile(r"\b" + alternation(_LEX["talk_nouns"]) + r"\b", re.IGNORECASE)
# "Cuba and Norway agreed to keep hosting the talks": third parties acting, in the same clause.
_THIRD_PARTY_ACT = re.compile(
    r"[^.;:,]{0,40}?\b" + alternation(_LEX["third_party_acts"]) + r"\b", re.IGNORECASE
)

# "Separately, Bolivia and Paraguay signed ...": a sentence that says it turns to other news.
_OTHER_TOPIC = gated(r"^\W*" + alternation(_LEX["other_topic_openers"]) + r"\b", re.IGNORECASE)
# "signed a trade deal", "arms talks between": the deal or talks are about something else than
# the conflict, and the two are no sides of a process.
_OTHER_MATTER = re.compile(
    r"\b"
    + alternation(_LEX["non_process_objects"])
    + r"\s+(?:deals?|agreements?|pacts?|accords?|treat(?:y|ies)|contracts?|talks|negotiations|"
    r"cooperation|dispute|war|ties)\b"
    r"|\b(?:on|over|about)\s+(?:[\w-]+\s+){0,2}" + alternation(_LEX["non_process_objects"]) + r"\b",
    re.IGNORECASE,
)
# "Chile's talks with Peru", "Chile held talks with Peru", "Chile signed a truce with Peru": a
# word of talks or a deal between the two names, then "with".
_WITH_FRAME = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,4}?"
    + alternation([n for n in _LEX["talk_nouns"] if n != "relations"])
    + r"\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the Chile-Peru talks": two sides joined by a hyphen before a word of talks.
_HYPHEN = re.compile(r"[-–]")
_TALKS_NEXT = re.compile(
    r"\s+(?:[\w-]+\s+)?" + alternation(_LEX["talk_nouns"]) + r"\b", re.IGNORECASE
)
# "The United States imposed sanctions on ...", "Spain said it would send aid": a state acting
# on a conflict from outside it (sanctions, aid, arms sales, comment, offers to host).
# Case-sensitive: the act follows its subject, so it is never the capitalised first word (an
# ignore-case alternation is tried in full at every position of every sentence).
_OUTSIDE_ACT = gated(r"\b" + alternation(_LEX["outside_acts"]) + r"\b")
# How far after its subject an outside act may be: "The Foreign Ministry of Ecuador said on
# Thursday it was ready to host".
OUTSIDE_REACH = 60
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+$", re.IGNORECASE)
_OFFER = re.compile(r"(?:was|is|were|are)\b", re.IGNORECASE)


# "a meeting of Kyrgyz and Tajik officials on an unrelated canal": the sentence sets its own
# matter apart from the process (rounds.json "separate_track"), so its names key nothing.
_SEPARATE_TRACK = gated(word_pattern(load("rounds")["separate_track"]), re.IGNORECASE)


def other_topic(text: str) -> bool:
    """Whether the sentence opens by turning to other news ("Separately, ...", "Elsewhere,")
    or says that what it tells is unrelated to the process."""
    return _OTHER_TOPIC.match(text) is not None or _SEPARATE_TRACK.search(text) is not None


# "In 2016, Colombia and the rebels signed a deal": a sentence opened by a past year is history.
_OPENS_WITH_YEAR = re.compile(
    r"^\W*(?:back\s+)?in\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(\d{4}),",
    re.IGNORECASE,
)


def told_as_history(text: str, year: int | None) -> bool:
    """Whether the sentence opens with a year before `year` ("In 2016, ..."), the snippet's."""
    opening = _OPENS_WITH_YEAR.match(text)
    return year is not None and opening is not None and int(opening.group(1)) < year


def outsiders(text: str, mentions: Sequence[ActorMention]) -> set[int]:
    """Starts of the state mentions that are the subject of an outside act in this sentence
    ("Argentina sold six helicopters to the army", "Colombia welcomed the talks"), and of the
    states joined to it by "and" ("the US and Canada urged")."""
    states = [m for m in mentions if m.kind == "state"]
    # Most sentences name no state: the act pattern need not run over them.
    if not states or not _OUTSIDE_ACT.search(text):
        return set()
    states.sort(key=_end)
    ends = [m.end for m in states]
    found: set[int] = set()
    for act in _OUTSIDE_ACT.finditer(text):
        if _PASSIVE.search(text, 0, act.start()) and not _OFFER.match(act.group(0)):
            continue  # "the talks were welcomed by Brazil": the subject is the talks
        before = bisect_right(ends, act.start())
        subject = _subject(text, states, before, act.start(), mentions)
        if subject is None:
            continue
        found.update(s.start for s in states[_chain_start(text, states, subject) : subject + 1])
    return found


def _end(mention: ActorMention) -> int:
    return mention.end


def _chain_start(text: str, states: Sequence[ActorMention], i: int) -> int:
    """Index of the first name of the "X and Y" chain that ends with states[i]."""
    while i > 0 and _JOIN.match(text[states[i - 1].end : states[i].start]):
        i -= 1
    return i


# A relative clause between commas ("Ana Costa, who hosted the leaders of Chile and Peru,"): the
# names in it are not the subject of the verb after it.
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;:.]{1,100},")
# A name right after a preposition is its object ("leaders of Chile", "aid to Peru"), unless
# the "of" follows a capitalised title ("the Foreign Ministry of Ecuador").
_OBJECT = re.compile(
    r"(?:\b(?:to|in|with|between|from|on|against|at|by|for|into|over)|(?<![A-Z][a-z]{2})"
    r"(?<![A-Z][a-z]{3})(?<![A-Z][a-z]{4})(?<![A-Z][a-z]{5})(?<![A-Z][a-z]{6})(?<![A-Z][a-z]{7})"
    r"\s+of)\s+(?:the\s+)?(?:[\w’'-]+\s+)?$"
)


# "Argentina said the rebels welcomed ...": what the state reports has a subject of its own;
# "Ecuador said on Thursday it was ready to host" keeps the state's, and so does "announced
# that it" (the "that" is no subject: skipped, it is not the word after the verb).
_NEW_SUBJECT = re.compile(
    r"\b(?:said|says|told \w+|added|stated|announced|claimed)\s+(?:that\s+)?"
    r"(?!(?:that|it|they|he|she|its|their|on|in|at|last|this|earlier|later|also)\b)\w",
    re.IGNORECASE,
)


def _subject(
    text: str,
    states: Sequence[ActorMention],
    before: int,
    act: int,
    mentions: Sequence[ActorMention],
) -> int | None:
    """Index in `states` (the first `before` of which end before the act) of the state that is
    the act's subject: the nearest one within OUTSIDE_REACH (relative clauses not counted), no
    clause end, other actor or preposition of its own between."""
    low = max(0, act - 4 * OUTSIDE_REACH)
    clauses = [c.span() for c in _RELATIVE.finditer(text, low, act)]

    def hidden(at: int) -> bool:
        return any(a < at < b for a, b in clauses)

    for i in range(before - 1, -1, -1):
        mention = states[i]
        if mention.end < low:
            return None
        if hidden(mention.start):
            continue
        inner = [(max(a, mention.end), b) for a, b in clauses if b > mention.end]
        span = text[mention.end : act]
        local = [(a - mention.end, b - mention.end) for a, b in inner]
        kept = _strip(span, local)
        if len(kept) > OUTSIDE_REACH or any(c in kept for c in ".;:") or _NEW_SUBJECT.search(kept):
            return None
        if any(
            mention.end <= a.start
            and a.end <= act
            and not hidden(a.start)
            and a.country != mention.country
            for a in mentions
        ):
            return None  # another actor stands between: "Chile said the rebels welcomed"
        # Of "X and Y", the chain's first name decides whether it is an object.
        first = states[_chain_start(text, states, i)]
        head = text[max(0, first.start - 40) : first.start]
        if _OBJECT.search(head):
            return None
        return i
    return None


def _strip(span: str, clauses: list[tuple[int, int]]) -> str:
    kept, last = [], 0
    for a, b in clauses:
        kept.append(span[last:a])
        last = b
    return "".join(kept) + span[last:]


Frame = tuple[str, str, bool]  # the two codes, and whether it frames talks or a deal


# A year in the clause of a frame: "Angola and Namibia signed a border accord in 2002".
# The start is tested after the first digit ("(?<![\w,.])" before it): opening with "1" or "2",
# the engine skips to those digits instead of trying every position of the sentence.
_YEAR = re.compile(r"((?:1(?<![\w,.].)[89]|2(?<![\w,.].)0)\d\d)(?![\w]|,\d)")
# What every year holds: most sentences have none, and this search finds that soonest.
_YEAR_OPENS = re.compile(r"1[89]|20")


def _of_an_older_year(text: str, start: int, end: int, year: int | None) -> bool:
    """Whether the clause around text[start:end] names a year before `year` (the snippet's):
    a pair framed there is history told in passing ("signed a border accord in 2002")."""
    if year is None:
        return False
    low = max(text.rfind(".", 0, start), text.rfind(";", 0, start), start - 60)
    ends = [i for i in (text.find(".", end), text.find(";", end)) if i >= 0]
    high = min([*ends, end + 60])
    return any(int(m.group(1)) < year for m in _YEAR.finditer(text, max(0, low), high))


def _start(mention: ActorMention) -> int:
    return mention.start


def framed_pairs(
    text: str,
    mentions: Sequence[ActorMention],
    year: int | None = None,
    off_topic: bool | None = None,
) -> list[Frame]:
    """Pairs of side codes the sentence frames as the two sides of talks or a deal (True), or
    only as the two sides of something between them ("clashes between", False); none told as
    of a year before `year`, the one the snippet was published in, and none in a sentence that
    turns to other news (`off_topic`: `other_topic` of the sentence, when the caller knows it)."""
    sides = [m for m in mentions if m.kind in SIDE_KINDS]
    if len(sides) < 2 or (other_topic(text) if off_topic is None else off_topic):
        return []  # most sentences name fewer than two sides: no pair, no pattern to run
    sides.sort(key=_start)
    if year is not None and not (
        _YEAR_OPENS.search(text) and any(int(m.group(1)) < year for m in _YEAR.finditer(text))
    ):
        year = None  # no older year in the sentence: no frame in it is history
    pairs: list[Frame] = []
    for first, second in pairwise(sides):
        if first.code == second.code or _of_an_older_year(text, first.start, second.end, year):
            continue
        gap = text[first.end : second.start]
        if _HYPHEN.fullmatch(gap):
            if _TALKS_NEXT.match(text, second.end) and not _OTHER_MATTER.search(
                text[second.end : second.end + 20]
            ):
                pairs.append((first.code, second.code, True))
            continue
        if _WITH_FRAME.match(gap):
            if not _OTHER_MATTER.search(gap):
                pairs.append((first.code, second.code, True))  # "Chile's talks with Peru"
            continue
        if not _JOIN.match(gap):
            continue
        head = text[max(0, first.start - 20) : first.start]
        if _BETWEEN.search(head):
            before = text[max(0, first.start - 50) : first.start]
            if _OTHER_MATTER.search(before):
                continue  # "trade talks between Chile and Peru"
            talks = _TALK_NOUN.search(before) is not None
            pairs.append((first.code, second.code, talks))
            continue
        verb = _VERB_AFTER.match(text, second.end)
        if (
            verb
            and not _THIRD_PARTY_ACT.match(text, verb.end())
            and not _OTHER_MATTER.search(text[verb.end() : verb.end() + 40])
        ):
            pairs.append((first.code, second.code, True))
            continue
        meet = _MEET_AFTER.match(text, second.end)
        if (
            meet
            and not _LISTED.search(text, max(0, first.start - 3), first.start)
            and not _OTHER_MATTER.search(text[meet.end() : meet.end() + 40])
            and not _ABOUT_CONFLICT.search(text, meet.end(), _clause_end(text, meet.end()))
        ):
            # "Brazil, Uruguay and Peru met": the last two of a list are no pair of sides
            pairs.append((first.code, second.code, True))
    return pairs


def _clause_end(text: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: its full stop or semicolon."""
    ends = [i for i in (text.find(".", start), text.find(";", start)) if i >= 0]
    return min(ends, default=len(text))


_MEETS = re.compile(r"\b" + alternation(_LEX["meet_verbs"]) + r"\b|\bround\b", re.IGNORECASE)
# "the rebels", "guerrilla commanders": an armed side the snippet does not name.
_UNNAMED_FIGHTERS = re.compile(
    r"\b" + alternation(load("actors")["introduced_groups"]["fighters"]) + r"\b", re.IGNORECASE
)

# "Washington's wish", "U.S.-Soviet talks": a metonym or a compound's first half, no place.
_ADJECTIVAL = re.compile(r"['’]s\b|[-–]\w")


def home_hosts(
    text: str, mentions: Sequence[ActorMention], places: Sequence[PlaceMention]
) -> set[str]:
    """Codes of the states in whose territory the sentence's talks are held ("the second cycle
    of talks closed in Quito, Ecuador's foreign ministry said"; "the two sides met in the Cuban
    capital, Cuba said"): the host, which is a side only when the text names it one."""
    if not places or not any(m.kind == "state" for m in mentions):
        return set()
    if not (_TALK_NOUN.search(text) or _MEETS.search(text)):
        return set()
    venues = {
        p.country
        for p in places
        if p.country and not _ADJECTIVAL.match(text, p.end) and in_venue_context(text, p)
    }
    return {m.code for m in mentions if m.kind == "state" and m.code in venues}


def unnamed_fighters(text: str) -> bool:
    """Whether the sentence names an armed side by a common noun only ("the rebels")."""
    return _UNNAMED_FIGHTERS.search(text) is not None


# "after an exchange with Peru", "in talks with Peru": the other side of a swap or talks named
# after "with", the side telling it left unnamed.
_WITH_BEFORE = re.compile(
    r"\b" + alternation(_LEX["talk_nouns"]) + r"\s+with\s+(?:the\s+)?$", re.IGNORECASE
)


def named_after_with(text: str, mention: ActorMention) -> bool:
    """Whether the mention is the other side of talks or a swap told "with" it."""
    return _WITH_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None
