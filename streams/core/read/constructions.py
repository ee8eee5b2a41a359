"""Constructions: an event told by a verb of a class over an argument of a class.

"The freed fishermen were back home", "the first trucks reached the besieged town", "families
received food parcels": no event noun, but a verb whose argument makes it the event. The verb
classes are lemma phrases and the arguments regex fragments, both data
(`lexicon/constructions.json`); every inflection of a lemma and, for the passive shape, its
participle after a form of "be", are generated here, never listed. Each construction becomes a
trigger group (`frame/<name>`) of its event type, so the classifier gates, vetoes and scores it
like any other trigger.

A construction marked `follows` reads an outcome whose subject only refers back ("The men were
flown to Santiago.", "The trucks crossed at dawn.", "The blast levelled the building."): it
joins its type's `follows` groups, which a sentence carries only right after a sentence of
that type (`classify.referring_back`).
"""

import re
from functools import cache
from typing import Any

from streams.core.lexicon import alternation, load

_VOWELS = frozenset("aeiou")
# What may stand between a subject and its verb: a few words of the same clause ("Twenty
# fishermen held by the coast guard were back home"), never a comma (but in "200,000") or a stop.
_CLAUSE_WORD = r"(?:[^\s,.;:!?]|(?<=\d)[,.](?=\d))+\s+"
_AUX = (
    r"(?:(?:has|have|had|will|would|could|may|might|should|is|are|was|were|be|been|did|do|does)"
    r"\s+(?:not\s+|now\s+|just\s+|finally\s+|safely\s+|already\s+|also\s+|reportedly\s+)?)*"
)
_BE = r"(?:is|are|was|were|be|been|being)\s+(?:[\w-]+ly\s+|not\s+|now\s+|finally\s+)?"
_SUBJECT_WINDOW = 6
# A verb form right after a determiner is a noun ("the guards at the crossing", "a landing").
_NOT_NOUN = r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bthis )(?<!\bthat )"
# A lemma phrase: the verb, then a tail of words or lookarounds ("meet(?! demands)").
_HEAD = re.compile(r"([a-z]+)(.*)", re.DOTALL)


def inflections(lemma: str, lexicon: dict[str, Any] | None = None) -> tuple[str, ...]:
    """Every form of a verb lemma: base, third person, past, participle, -ing."""
    lex = lexicon if lexicon is not None else _lexicon()
    if lemma in lex["irregular"]:
        extra = lex["irregular"][lemma]
        if lemma == "be":
            return ("be", *extra)
        past, participle = extra
    else:
        past = participle = _past(lemma, lemma in lex["double"])
    forms = [lemma, _third(lemma), past, participle, _ing(lemma, lemma in lex["double"])]
    if lemma in lex.get("double_either", ()):
        # British doubles the last consonant, American does not: "levelled", "leveled".
        forms += [_past(lemma, True), _ing(lemma, True)]
    return tuple(dict.fromkeys(forms))


def participle(lemma: str, lexicon: dict[str, Any] | None = None) -> str:
    lex = lexicon if lexicon is not None else _lexicon()
    if lemma in lex["irregular"] and lemma != "be":
        return str(lex["irregular"][lemma][1])
    if lemma in lex.get("double_either", ()):
        return alternation([_past(lemma, True), _past(lemma, False)])
    return _past(lemma, lemma in lex["double"])


def _third(lemma: str) -> str:
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str, double: bool) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ied"
    return lemma + lemma[-1] + "ed" if double else lemma + "ed"


def _ing(lemma: str, double: bool) -> str:
    if lemma.endswith(("ee", "ye", "oe")) or lemma == "be":
        return lemma + "ing"
    if lemma.endswith("e"):
        return lemma[:-1] + "ing"
    return lemma + lemma[-1] + "ing" if double else lemma + "ing"


def _phrase_forms(phrase: str, passive: bool, lex: dict[str, Any]) -> str:
    """A lemma phrase ("walk free", "make it (?:home|back)") as a regex over its inflections."""
    head, tail = _HEAD.fullmatch(phrase).groups()  # type: ignore[union-attr]
    forms = [participle(head, lex)] if passive else list(inflections(head, lex))
    return alternation(forms) + tail


def _argument(names: list[str], lex: dict[str, Any]) -> str:
    parts = [p for name in names for p in lex["arguments"][name]]
    return alternation(parts)


def _verbs(name: str, passive: bool, lex: dict[str, Any]) -> str:
    return alternation([_phrase_forms(p, passive, lex) for p in lex["verbs"][name]])


def compile_construction(spec: dict[str, Any], lex: dict[str, Any] | None = None) -> str:
    """The trigger regex (before macro expansion) of one construction."""
    lex = lex if lex is not None else _lexicon()
    arg = _argument(spec["argument"], lex)
    shape = spec["shape"]
    window = spec.get("window", _SUBJECT_WINDOW)
    gap = f"(?:{_CLAUSE_WORD}){{0,{window}}}?"
    if shape == "object":
        return _verbs(spec["verbs"], False, lex) + r"\s+" + gap + arg
    if shape == "passive":
        pattern = arg + r"\s+" + gap + _BE + _verbs(spec["verbs"], True, lex)
    else:
        pattern = arg + r"\s+" + gap + _AUX + _NOT_NOUN + _verbs(spec["verbs"], False, lex)
    if "object" in spec:
        pattern += r"\s+(?:" + _CLAUSE_WORD + "){0,3}?" + _argument([spec["object"]], lex)
    if "after" in spec:
        pattern += r"\s+" + _argument([spec["after"]], lex)
    return pattern


@cache
def _lexicon() -> dict[str, Any]:
    lex = dict(load("constructions"))
    demonyms = sorted(
        {
            re.escape(_plural(d))
            for actor in load("actors")["actors"]
            for d in actor.get("demonyms", ())
        },
        key=len,
        reverse=True,
    )
    lex["arguments"] = {
        name: [p.replace("{DEMONYMS}", alternation(demonyms)) for p in parts]
        for name, parts in lex["arguments"].items()
    }
    return lex


def _plural(demonym: str) -> str:
    """ "Chilean" -> "Chileans"; "Sudanese" and "Swiss" stay as they are."""
    if demonym.endswith(("ese", "ss", "sh", "ch")):
        return demonym
    return demonym + "s"


def subtypes() -> dict[str, str]:
    """The subtype a construction group reads as ("frame/rams_vessel" -> "ground_clash")."""
    lex = _lexicon()
    return {
        "frame/" + name: spec["subtype"]
        for name, spec in lex["constructions"].items()
        if "subtype" in spec
    }


def triggers(event_type: str) -> dict[str, list[str]]:
    """The construction trigger groups of an event type, as events.json trigger groups."""
    return _groups(event_type, follows=False)


def follows(event_type: str) -> dict[str, list[str]]:
    """The construction groups an event type carries only after a sentence of that type."""
    return _groups(event_type, follows=True)


def _groups(event_type: str, follows: bool) -> dict[str, list[str]]:
    lex = _lexicon()
    return {
        "frame/" + name: [compile_construction(spec, lex)]
        for name, spec in lex["constructions"].items()
        if spec["type"] == event_type and bool(spec.get("follows")) == follows
    }
