"""Armed groups a snippet introduces itself: "the Northern Liberation Front (NLF)", "NLF rebels".

News names more armed groups than any lexicon lists. A group introduced by its name and an
acronym in brackets is an actor of that snippet (not a lexicon entry), named by either form in
the sentences that follow; an acronym before a fighters noun ("NLF rebels") names one too.
A feed tells a process over many snippets, and only the first spells the group out: a later
one names it by its acronym in a belligerent's context ("the armed group FRK", "the FRK
delegation", "held by the KLM"), or by its name alone ("the Movement for Unity and Justice"),
which is coded by its initials as the snippet that spelled out the acronym codes it, so that
every snippet of the process keys it alike.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from streams.core.acronyms import stands_for
from streams.core.lexicon import alternation, load
from streams.core.read.dispatch import dispatched
from streams.core.read.frames import JOINERS, to_verb
from streams.core.read.gates import gated
from streams.core.read.gazetteer import ActorMention, PlaceMention, is_actor_form

_LEX = load("actors")["introduced_groups"]
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAP = rf"[{_UPPER}][\w’'-]*"
# The small words a group's name may hold between its capitalised words ("Front for the
# Liberation of X"); they give no letter to its acronym.
_SMALL_WORDS = ("for", "of", "the", "and", "de", "del", "la", "du", "des", "el", "y", "pour")
_SMALL = frozenset(_SMALL_WORDS)
_SMALL_WORD = "|".join(_SMALL_WORDS)
# A capitalised name of up to eight words (small joining words allowed inside), an acronym in
# brackets right after it.
_INTRODUCED = re.compile(
    rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|{_SMALL_WORD})){{1,8}}?)"
    r"\s*\((?P<acronym>[A-Z][A-Z0-9-]{1,7})\)"
)
_HEADS = re.compile(r"(?<!\w)" + alternation(_LEX["heads"]) + r"(?!\w)")
# A name with its acronym in brackets may also end in a head that, told bare, names no group.
_BRACKETED_HEADS = re.compile(
    r"(?<!\w)" + alternation([*_LEX["heads"], *_LEX["bracketed_heads"]]) + r"(?!\w)"
)
# Either behind the sentence's keyword gate, for the scan of every sentence (`named_groups`).
_ANY_HEADS_GATED = gated(_BRACKETED_HEADS.pattern)
# The patterns that open with an acronym test its start after its first capital ("(?<![\w-].)"
# there is "(?<![\w-])" before it): opening with a character class, the engine skips to the
# capitals instead of trying every position of the sentence.
_ACRONYM_FIGHTERS = re.compile(
    r"(?P<acronym>[A-Z](?<![\w-].)[A-Z0-9]{1,6})\s+" + alternation(_LEX["fighters"]) + r"\b"
)
# "talks between the Peruvian government and the ALF", "between the ALF and the government": an
# acronym framed as the other side of a government names a group of its own.
# "the Government of Tajikistan and the ZPG": the government named by its state after "of".
_GOVERNMENT = (
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}?"
    + alternation([*_LEX["government_words"], *(w.title() for w in _LEX["government_words"])])
    + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*)?"
)
_FRAMED_ACRONYM = gated(
    rf"\bbetween\s+(?:{_GOVERNMENT}\s+and\s+the\s+(?P<after>[A-Z][A-Z0-9]{{1,6}})"
    rf"|the\s+(?P<before>[A-Z][A-Z0-9]{{1,6}})\s+and\s+{_GOVERNMENT})\b"
)
# "Mozambique and the NPA exchanged 25 prisoners": an acronym joined to a state before a verb of
# agreement or exchange (actors.json party_frames) is the state's other side.
_AND_THE_ACRONYM = r"\s+and\s+the\s+(?P<acronym>[A-Z][A-Z0-9]{1,6})"
_AND_ACRONYM_VERB = re.compile(r"(?:['’]s)?" + JOINERS + _AND_THE_ACRONYM + to_verb("verbs"))
# "talks between Colombia and the SF", "between the SF and Colombia": an acronym framed as the
# other side of a state named there.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$")
_STATE_AND_ACRONYM = re.compile(r"(?:['’]s)?" + JOINERS + _AND_THE_ACRONYM + r"\b")
_ACRONYM_AND = re.compile(r"\bbetween\s+the\s+(?P<acronym>[A-Z][A-Z0-9]{1,6})\s+and\s+(?:the\s+)?$")
# "Colombia and the SF met in Quito": a verb of meeting frames them too.
_AND_ACRONYM_MEETS = re.compile(r"(?:['’]s)?" + JOINERS + _AND_THE_ACRONYM + to_verb("meet_verbs"))
_AND_THE = re.compile(r"a(?<!\w.)nd\s+the\s")  # "\band\s+the\s", the word start tested after "a"
# "the armed group FRK", "held by the KLM"; "the FPP delegation", "the KLM's commander", "the
# FPP will free".
_BARE_ACRONYM = r"(?P<acronym>[A-Z][A-Z0-9]{1,6})(?![\w-])"


def _opening_letters_first(patterns: list[str], boundary: str = r"\b") -> str:
    """The alternation of `patterns` at a word start (what `boundary` before it reads), the start
    tested after each first letter, so that the engine skips to the letters a match opens with;
    the boundary first when a branch opens otherwise or holds a bare "|". The branches of one
    letter share its test, in their order (longest first, as `alternation` orders them), so that
    the engine tries only those of the letter it stands on (grouped further: `dispatch.py`)."""
    ordered = sorted(patterns, key=len, reverse=True)
    if not all(
        p[:1].isalpha() and p[1:2] not in ("?", "*", "+", "{") and "|" not in p for p in ordered
    ):
        return boundary + alternation(patterns)
    rests: dict[str, list[str]] = {}
    for p in ordered:
        rests.setdefault(p[0], []).append(p[1:])
    return (
        "(?:"
        + "|".join(letter + r"(?<!\w.)(?:" + "|".join(r) + ")" for letter, r in rests.items())
        + ")"
    )


_CUED_BEFORE = dispatched(
    re.compile(_opening_letters_first(_LEX["cues_before"]) + r"\s+(?:the\s+)?" + _BARE_ACRONYM)
)
# Where the gate of `_ANY_HEADS_GATED` opens (it keeps the stems of the whole words), its heads
# searched from their first letters.
_ANY_HEADS = dispatched(
    re.compile(
        _opening_letters_first([*_LEX["heads"], *_LEX["bracketed_heads"]], r"(?<!\w)") + r"(?!\w)"
    )
)
_CUED_AFTER = re.compile(
    r"(?P<acronym>[A-Z](?<![\w-].)(?<![A-Z]\s.)[A-Z0-9]{1,6})(?![\w-])"
    + r"(?:['’]s)?\s+(?:said\s+(?:on\s+[A-Z][a-z]+\s+)?(?:that\s+)?(?:it|they)\s+)?"
    + r"(?:(?:will|would|has|had|have|did|also|then)\s+)?"
    + alternation(_LEX["cues_after"])
    + r"\b"
)
_NOT_GROUPS = frozenset(_LEX["not_groups"])
# "the Movement for Unity and Justice": two or more capitalised words after "the", small words
# only between them ("STATEMENT OF THE UPLAND ARMY" in a heading's capitals too).
_NAMED = re.compile(
    rf"\b(?:[Tt]he|THE)\s+(?P<name>{_CAP}(?:\s+(?:(?:{_SMALL_WORD})\s+)*"
    rf"{_CAP}){{1,7}})"
)
# What every acronym above starts with: a capital, then a capital, digit or hyphen.
_ACRONYM_START = re.compile(r"[A-Z][A-Z0-9-]")


@dataclass(frozen=True, slots=True)
class Group:
    """A group a snippet introduces: its name as written and its acronym (its party code);
    `shown`, where set, names it instead of `name` (the snippet's own word for it)."""

    name: str
    acronym: str
    shown: str | None = None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _SMALL)


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _named(words_before: str, letters: str) -> str | None:
    """The name an acronym stands for: the last run of the words before it whose first word
    starts with the acronym's first letter and whose initials hold its letters in order ("the
    Government of Chile and the Northern Front (NF)" -> "Northern Front"); else, for a name
    told in translation, the whole run of capitalised words before it when the acronym can
    stand for them ("the Grand Sud Liberation Army (ALGS)")."""
    words = words_before.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _SMALL or words[i][0] != letters[0]:
            continue
        if _subsequence(letters, _initials(" ".join(words[i:]))):
            return " ".join(words[i:])
    # The capitalised words right before the acronym, with no small word among them ("the
    # Highlands Popular Front (FPP)", not "Delegates of the ..."); the longest run that fits.
    start = len(words)
    while start > 0 and words[start - 1] not in _SMALL and words[start - 1][0].isupper():
        start -= 1
    for i in range(start, len(words) - 1):
        run = " ".join(words[i:])
        if words[i] != "The" and stands_for(letters, run):
            return run
    return _translated(words, letters)


def _translated(words: list[str], letters: str) -> str | None:
    """A name whose acronym comes from its own language, where the translation changed a word
    ("the Armed Union of the Highland Peoples (UAPS)", "the Lambaran Freedom Movement (GML)"):
    a capitalised run before the bracket (small words inside it) with a group head, as many
    words as the acronym has letters (give or take one; the closest count, then the shortest),
    and at least half of the acronym's letters among its initials. The bracket says the two
    name one group."""
    fits: list[tuple[int, str]] = []
    i = len(words)
    while i > 0:
        j = i
        while j > 1 and j < len(words) and words[j - 1] in _SMALL:
            j -= 1  # "Union of the Highland": small words between capitalised ones
        if not (words[j - 1][0].isupper() and words[j - 1] not in _SMALL):
            break
        i = j - 1
        name = " ".join(words[i:])
        if words[i] == "The" or not _BRACKETED_HEADS.search(name):
            continue
        if i and words[i - 1][0].isupper() and words[i - 1] not in _SMALL:
            continue  # "Ana Vell of the Kessari Front": a run inside a longer name is none
        heads = _initials(name).upper()
        shared = sum(1 for c in letters if c in heads)
        if abs(len(heads) - len(letters)) <= 1 and 2 * shared >= len(letters):
            fits.append((abs(len(heads) - len(letters)), name))
    return min(fits, key=lambda fit: fit[0])[1] if fits else None


def introduced_groups(text: str, known: Sequence[ActorMention]) -> list[Group]:
    """Groups a sentence introduces, in text order; none that the lexicon already knows
    (`known`: the sentence's lexicon actors)."""
    if not _ACRONYM_START.search(text):
        return []  # every pattern below needs an acronym: most sentences have none
    taken = [(a.start, a.end) for a in known]
    groups: dict[str, Group] = {}
    # A name introduced with its acronym needs the bracket: most sentences with capitals have none.
    bracketed = _INTRODUCED.finditer(text) if "(" in text else ()
    for match in bracketed:
        acronym = match.group("acronym")
        letters = re.sub(r"[^A-Z]", "", acronym)
        name = _named(match.group("name"), letters)
        if name is None or not _BRACKETED_HEADS.search(name):
            continue
        start = match.end("name") - len(name)
        if is_actor_form(acronym) or any(s < match.end() and start < e for s, e in taken):
            continue  # the lexicon knows it: its own entry names it
        groups.setdefault(acronym, Group(name, acronym))
    framed = [
        (m.start(g), m.group(g))
        for m in _FRAMED_ACRONYM.finditer(text)
        for g in ("after", "before")
        if m.group(g)
    ]
    if _AND_THE.search(text):
        framed += [
            (m.start("acronym"), m.group("acronym"))
            for state in known
            if state.kind == "state"
            for m in [
                _AND_ACRONYM_VERB.match(text, state.end)
                or _AND_ACRONYM_MEETS.match(text, state.end)
                or (
                    _STATE_AND_ACRONYM.match(text, state.end)
                    if _BETWEEN_BEFORE.search(text, max(0, state.start - 16), state.start)
                    else None
                )
            ]
            if m is not None
        ]
    if " between the " in text:
        framed += [
            (m.start("acronym"), m.group("acronym"))
            for state in known
            if state.kind == "state"
            for m in [_ACRONYM_AND.search(text, max(0, state.start - 30), state.start)]
            if m is not None
        ]
    fighters = [(m.start("acronym"), m.group("acronym")) for m in _ACRONYM_FIGHTERS.finditer(text)]
    cued = [
        (m.start("acronym"), m.group("acronym"))
        for pattern in (_CUED_BEFORE, _CUED_AFTER)
        for m in pattern.finditer(text)
    ]
    for start, acronym in sorted(fighters + framed + cued):
        if acronym in groups or acronym in _NOT_GROUPS or is_actor_form(acronym):
            continue
        if any(s <= start < e for s, e in taken):
            continue
        groups[acronym] = Group(acronym, acronym)
    return list(groups.values())


# A group's name and the acronym of its own language stated as one: "the movement, known by its
# Malay initials GML", "known in Malay as GML", "the ERC, as it is known in Portuguese", "the LFM
# (its Tetum acronym)". The acronym names the group the snippet named last by its name.
_ALIAS_NOUN = r"(?:initials|acronym|abbreviation)"
_LANGUAGE = rf"[{_UPPER}][\w-]*"
_ALIAS_ACRONYM = r"(?P<acronym>[A-Z][A-Z0-9]{1,7})(?![\w-])"
_STATED_ALIASES = (
    re.compile(
        r"\bknown\s+(?:by\s+(?:its|the)\s+(?:"
        + _LANGUAGE
        + r"\s+)?"
        + _ALIAS_NOUN
        + r"|in\s+"
        + _LANGUAGE
        + r"\s+as)\s+(?:the\s+)?"
        + _ALIAS_ACRONYM
    ),
    re.compile(_ALIAS_ACRONYM + r",\s+as\s+it\s+is\s+(?:known|called)\s+in\s+" + _LANGUAGE),
    re.compile(
        _ALIAS_ACRONYM
        + r"\s+\((?:its|the)\s+(?:"
        + _LANGUAGE
        + r"\s+"
        + _ALIAS_NOUN
        + r"|"
        + _ALIAS_NOUN
        + r"\s+in\s+"
        + _LANGUAGE
        + r")\)"
    ),
)


def stated_aliases(text: str) -> list[tuple[int, str]]:
    """(where, acronym) of each acronym a sentence states to be a group's own-language name
    ("known by its Malay initials GML"): the group is the one named last before `where`."""
    if "known" not in text and "(its " not in text and "(the " not in text:
        return []
    found = [
        (m.start(), m.group("acronym"))
        for pattern in _STATED_ALIASES
        for m in pattern.finditer(text)
    ]
    return sorted(a for a in found if not is_actor_form(a[1]))


def initials_code(name: str) -> str | None:
    """The code a name told without its acronym gets (`named_groups`): its initials, three to
    seven letters."""
    letters = _initials(name).upper()
    return letters if 3 <= len(letters) <= 7 and letters.isalpha() else None


def named_groups(
    text: str, known: Sequence[ActorMention], places: Sequence[PlaceMention] = ()
) -> list[Group]:
    """Groups a sentence names in full without an acronym ("the Movement for Unity and
    Justice"), coded by the initials of their name (three to seven letters); none with a
    lexicon actor or a place inside the name ("the Zambia Army" is the state's)."""
    if "THE " not in text and not (_ANY_HEADS_GATED.may_match(text) and _ANY_HEADS.search(text)):
        return []
    taken = [(a.start, a.end) for a in known] + [(p.start, p.end) for p in places]
    groups: list[Group] = []
    for match in _NAMED.finditer(text):
        for name, start, end in _joined_names(match):
            group = _named_group(name, start, end, taken)
            if group is not None:
                groups.append(group)
    return groups


# "the Armed Forces and the National Police": two bodies, each with its own article; "members
# of the Army and of the National Guard": two of-phrases joined, each naming its body.
_AND_THE_NAME = re.compile(r"\s+(?:and|AND)\s+(?:(?:of|OF)\s+)?(?:the|THE)\s+")


def _joined_names(match: re.Match[str]) -> list[tuple[str, int, int]]:
    """The names a match holds, with their spans: one, or each of those joined by "and the"."""
    name, (start, _) = match.group("name"), match.span("name")
    names = []
    at = 0
    for joiner in (*_AND_THE_NAME.finditer(name), None):
        until = joiner.start() if joiner else len(name)
        names.append((name[at:until], start + at, start + until))
        at = joiner.end() if joiner else at
    return names


def _named_group(name: str, start: int, end: int, taken: Sequence[tuple[int, int]]) -> Group | None:
    """The group one capitalised name after "the" names, if it has a group head."""
    if name.isupper():  # a heading in capitals: "STATEMENT OF THE UPLAND FREEDOM ARMY"
        name = " ".join(w.lower() if w.lower() in _SMALL else w.title() for w in name.split())
    # "the General Command of the Grand Sud Liberation Army": an organ of the group named.
    organ, of, group = name.rpartition(" of the ")
    if of and _HEADS.search(group) and " " in group and not _HEADS.search(organ):
        name, start = group, end - len(group)
    # A head that names no group when told bare ("the National Guard") does in a longer name
    # ("the Vardan Valley Guard"), as bracketed it would.
    if not _HEADS.search(name) and not (
        len(name.split()) >= _LONG_NAME and _BRACKETED_HEADS.search(name)
    ):
        return None
    if any(s < end and start < e for s, e in taken):
        return None
    letters = initials_code(name)
    if letters is None or is_actor_form(letters):
        return None
    return Group(name, letters)


# Words of a name told bare that may end in a bracketed head (`_named_group`).
_LONG_NAME = 3
_ALIAS_HEADS = frozenset(_LEX["alias_heads"])
_FIGHTERS = alternation(_LEX["fighters"])


def _alias_head(group: Group) -> str | None:
    """The head word by which a snippet names its group again ("the Front"), if it has one."""
    return next((w for w in group.name.split() if w in _ALIAS_HEADS), None)


def _alias(head: str) -> str:
    """ "the Front said", "a Front commander", "21 Front militants": the head after an article
    (not a name's first word: "the Front Line Unit") or before a fighters noun."""
    word = re.escape(head)
    return (
        rf"|(?:(?<=\b[Tt]he\s)|(?<=\b[Aa]\s)){word}(?![\w-])(?!\s+[{_UPPER}])"
        rf"|(?<![\w-]){word}(?=\s+{_FIGHTERS}\b)"
    )


def group_mentions(
    text: str,
    groups: Sequence[Group],
    known: Sequence[ActorMention],
    places: Sequence[PlaceMention] = (),
) -> list[ActorMention]:
    """Mentions of the snippet's groups in one sentence (by name or acronym), none overlapping
    a lexicon actor or place."""
    taken = [(a.start, a.end) for a in known] + [(p.start, p.end) for p in places]
    found: list[ActorMention] = []
    heads = {group.acronym: _alias_head(group) for group in groups}
    shared = {h for h, n in Counter(heads.values()).items() if h and n > 1}
    for group in groups:
        # A name read from a heading's capitals is named there as written.
        forms = {group.name, group.name.upper(), group.acronym}
        head = heads[group.acronym]
        pattern = re.compile(
            r"(?<![\w-])"
            + alternation([re.escape(f) for f in forms])
            + r"(?![\w-])"
            + (_alias(head) if head and head not in shared else "")
        )
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(
                ActorMention(
                    match.start(),
                    match.end(),
                    match.group(0),
                    group.shown or group.name,
                    group.acronym,
                    None,
                    "armed_group",
                )
            )
    return found
