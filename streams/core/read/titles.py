"""People introduced by a title: "Bordurian President Ana Vell", "Valdoria's top negotiator X".

News names far more people than any gazetteer lists. A title right before a capitalised name
marks a person, and the actor that owns the title ("Estonian", "Ukraine's", "Trump's") gives
that person's country.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from streams.core.lexicon import alternation, load
from streams.core.read.gates import gated, lowered
from streams.core.read.gazetteer import ActorMention

_LEX = load("titles")
_TITLE = re.compile(
    r"(?<![\w-])(?:(?:" + alternation(_LEX["modifiers"]) + r")\s+){0,3}"
    r"(?:" + alternation(_LEX["titles"]) + r")(?![\w-])",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"(?<![\w-])" + alternation(_LEX["honorifics"]) + r"(?=\s)")
_PARTICLE = alternation(_LEX["name_particles"])
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# A name word: capitalised ("Vell", "Al-Amin", "McNab"), an initial ("T."), or a lower-case
# particle joined to one ("al-Burhan", "bin Salman").
_WORD = rf"(?:[{_UPPER}]\.(?=\s)|(?:(?:{_PARTICLE})[-\s])?[{_UPPER}][^\W\d_]*(?:-[^\W\d_]+)*)"
# What may stand between a title and the name: its complement ("envoy for Yemen", "President
# of Ukraine"), a comma, an honorific ("army commander Gen. X").
_COMPLEMENT = (
    rf"(?:\s+(?:for|to|of|on)\s+(?:the\s+)?[{_UPPER}][\w.’'-]*(?:\s+[{_UPPER}][\w.’'-]*){{0,3}}"
    # "the head of the district health centre, Ana Vell": a complement in lower case, when a
    # comma closes it before the name
    r"|\s+(?:for|of|at)\s+(?:the|its|their)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}(?=,)"
    r")?"
)
# A spelled-out rank between the title and the name is part of neither ("the army spokesman,
# Brigadier General X"): without it the name would end four words in, before the surname.
_RANK = alternation(_LEX["ranks"])
_NAME = re.compile(
    rf"{_COMPLEMENT}\s*,?\s+(?:(?:{_RANK})\s+(?=[{_UPPER}]))?"
    rf"(?:{alternation(_LEX['honorifics'])}\s+)?"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})"
)
_NOT_NAMES = frozenset(_LEX["not_names"])


def _literal_head(pattern: str) -> str:
    """The literal start of a lexicon pattern: "spokes(?:man|woman)" -> "spokes"."""
    return re.split(r"[\\(\[?*+.{|]", pattern, maxsplit=1)[0].split()[0]


# Many sentences hold no title word: a set look-up of their words skips the full regex, which
# costs several times more (a case-insensitive alternation cannot use a literal prefix scan).
_TITLE_HEADS = frozenset(_literal_head(p).lower() for p in (*_LEX["titles"], *_LEX["honorifics"]))
_LOWER_WORD = re.compile(r"[a-z]+")
# A title head is a word of the sentence only where the gate scan found it: most sentences have
# none, and the scan is shared with every other gated pattern of the sentence.
_HEADS_GATE = gated(alternation(sorted(_TITLE_HEADS)))


def _first_words(patterns: list[str]) -> frozenset[str] | None:
    """Lower-case first letter runs of plain word patterns ("defen[cs]e" -> defence, defense).

    None when a pattern holds other regex syntax: the callers then scan with the full regex.
    """
    words: set[str] = set()
    for pattern in patterns:
        variants = [""]
        for part in re.split(r"(\[[a-z]+\])", pattern.lower().replace("\\.?", "")):
            options = list(part[1:-1]) if part.startswith("[") else [part]
            variants = [v + o for v in variants for o in options]
        for variant in variants:
            if not re.fullmatch(r"[a-z][a-z -]*", variant):
                return None
            words.add(re.split(r"[ -]", variant, maxsplit=1)[0])
    return frozenset(words)


# A title or honorific can only start at a letter run not preceded by a word character or a
# hyphen whose lower-cased run is a first word of one of their patterns: trying the regexes
# there alone (in text order, skipping starts inside the last match) finds what `finditer` finds.
_TITLE_FIRST = _first_words([*_LEX["modifiers"], *_LEX["titles"]])
_HONORIFIC_FIRST = _first_words(_LEX["honorifics"])
# (The start test after the first letter: see gazetteer._NAME_WORD.)
_CUE_START = re.compile(r"[a-z](?<![\w-].)[a-z]*")
# "Ukraine's envoy", "Estonian President"; "Bolivia's health minister", "Peru's defence ministry
# spokesman": the words of a portfolio may stand between the owner and the title's head.
_OWNER_GAP = re.compile(
    r"^(?:['’]s)?\s*(?:(?:" + alternation(load("casualties")["institution_words"]) + r")\s+){0,3}$",
    re.IGNORECASE,
)


def _owner(text: str, start: int, actors: Sequence[ActorMention]) -> ActorMention | None:
    """The actor that owns a title: named right before it ("Estonian", "Ukraine's")."""
    for actor in actors:
        if actor.end <= start and _OWNER_GAP.match(text[actor.end : start]):
            return actor
    return None


def _clean(name: str) -> str | None:
    words = name.split()
    while words and words[-1].endswith("."):  # "Smith." ends the sentence, not the name
        words[-1] = words[-1][:-1]
        if len(words[-1]) <= 1:
            words.pop()
    if not words or words[0] in _NOT_NAMES:
        return None
    return " ".join(words)


def _cues(text: str) -> list[tuple[re.Match[str], str | None]]:
    """Title matches (with their words) and honorific matches (None), in text order."""
    low = lowered(text)
    if low is None or _TITLE_FIRST is None or _HONORIFIC_FIRST is None:
        cues: list[tuple[re.Match[str], str | None]] = [
            (m, m.group(0)) for m in _TITLE.finditer(text)
        ]
        cues += [(m, None) for m in _HONORIFIC.finditer(text)]
        return sorted(cues, key=lambda c: c[0].start())
    titles: list[tuple[re.Match[str], str | None]] = []
    honorifics: list[tuple[re.Match[str], str | None]] = []
    title_end = honorific_end = 0
    for run in _CUE_START.finditer(low):
        word = run.group(0)
        start = run.start()
        if start >= title_end and word in _TITLE_FIRST:
            match = _TITLE.match(text, start)
            if match is not None:
                titles.append((match, match.group(0)))
                title_end = match.end()
        if start >= honorific_end and word in _HONORIFIC_FIRST:
            match = _HONORIFIC.match(text, start)
            if match is not None:
                honorifics.append((match, None))
                honorific_end = match.end()
    if not honorifics:
        return titles
    return sorted([*titles, *honorifics], key=lambda c: c[0].start())


def find_titled_people(text: str, actors: Sequence[ActorMention]) -> list[ActorMention]:
    """People named after a title or honorific, with title and country; known people enriched.

    A person the gazetteer already knows keeps its canonical entry and gains the title.
    """
    if not _HEADS_GATE.may_match(text):
        return []
    low = text.lower()
    if _TITLE_HEADS.isdisjoint(_LOWER_WORD.findall(low)):
        return []
    return people_after_cues(text, actors, _cues(text))


def people_after_cues(
    text: str, actors: Sequence[ActorMention], cues: Iterable[tuple[re.Match[str], str | None]]
) -> list[ActorMention]:
    """The person named after each cue (title or honorific), cues in text order."""
    people: list[ActorMention] = []
    known = {(a.start, a.end): a for a in actors if a.kind == "person"}
    taken_until = -1
    for cue, title in cues:
        if cue.start() < taken_until:
            continue
        match = _NAME.match(text, cue.end())
        if match is None:
            continue
        name = _clean(match.group("name"))
        if name is None:
            continue
        start = match.start("name")
        end = start + len(name)
        taken_until = end
        gazetteer_hit = next(
            (a for (s, e), a in known.items() if s >= start and e <= end + 2), None
        )
        if gazetteer_hit is not None:
            people.append(replace(gazetteer_hit, title=title))
            continue
        if any(a.kind != "person" and a.start < end and start < a.end for a in actors):
            # "an envoy of the United Nations": the words after the title are a body's name.
            continue
        owner = _owner(text, cue.start(), actors)
        country = owner.country if owner else None
        people.append(ActorMention(start, end, name, name, country or "", country, "person", title))
    return people


def with_people(
    actors: Sequence[ActorMention], people: Sequence[ActorMention]
) -> list[ActorMention]:
    """The sentence's actors with titled people added or enriched, in text order."""
    replaced = {(p.start, p.end) for p in people}
    kept = [a for a in actors if (a.start, a.end) not in replaced]
    return sorted([*kept, *people], key=lambda a: a.start)


# "Ana Vell, the Bordurian defence minister, said": a name of two to four capitalised words,
# then an apposition whose head is a title. The actor inside the apposition owns the title.
_APPOSED = re.compile(
    rf"(?P<name>[{_UPPER}][^\W\d_]+(?:[-\s](?:(?:{_PARTICLE})[-\s])?[{_UPPER}][^\W\d_]+){{1,3}})"
    r",\s+(?:the|a|an|its|their)\s+(?P<apposition>[^,;.]{0,60}?)(?=[,;.]|\s+(?:said|says|told)\b)"
)

# A name right after a preposition of place is a place's ("in X, the town's mayor said").
# "the border town of X, the town's mayor said" too.
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|near|outside|into|(?:"
    + "|".join(sorted({k.split()[-1] for k in load("localities")["kinds"]}))
    + r")\s+of)\s+$"
)

# The words that open every such apposition: where they are absent, `_APPOSED` cannot match.
_APPOSITION_OPENS = re.compile(r",\s+(?:the|a|an|its|their)\s+")


def apposed_people(
    text: str, actors: Sequence[ActorMention], people: Sequence[ActorMention]
) -> list[ActorMention]:
    """People named before an apposition that gives their title ("Ana Vell, the Bordurian
    defence minister,"), with the country of the actor inside it; none already found."""
    if ", " not in text or not _APPOSITION_OPENS.search(text):
        return []
    taken = [(a.start, a.end) for a in (*actors, *people)]
    found: list[ActorMention] = []
    for match in _APPOSED.finditer(text):
        apposition = match.group("apposition")
        title = _TITLE.search(apposition)
        if title is None:
            continue
        start, end = match.span("name")
        name = match.group("name")
        if name.split()[0] in _NOT_NAMES or any(s < end and start < e for s, e in taken):
            continue
        if _PLACE_PREPOSITION.search(text, max(0, start - 20), start):
            continue  # "a school in Lunga-Mbeya, the district's governor said": a place
        at = match.start("apposition")
        owner = next(
            (a for a in actors if at <= a.start < at + len(apposition) and a.kind != "person"),
            None,
        )
        country = owner.country if owner else None
        found.append(
            ActorMention(start, end, name, name, country or "", country, "person", title.group(0))
        )
    return found
