"""Who speaks and who claims: a speaker or claimant resolved through the snippet (pronouns and
surnames to the person named before, "the ministry" to the body named before), never "He"."""

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from streams.core.lexicon import alternation, load
from streams.core.read.gates import gated
from streams.core.read.gazetteer import (
    ActorMention,
    find_mentions,
)

PERSONAL_PRONOUNS = frozenset({"he", "she"})

# The claimant of a figure the narrator gives (the fold's casualty_claims.UNATTRIBUTED).
UNATTRIBUTED = "unattributed"

BODY_HEADS = frozenset(load("casualties")["body_heads"])
BARE_SPEAKERS = frozenset(load("casualties")["bare_speakers"])
# Last words of a body's name besides the heads a lower-case body has ("State Border Service",
# "Health Ministry", "state media").
INSTITUTION_HEADS = frozenset(load("casualties")["possessed_body_heads"])
KIND_NOUNS: dict[str, str] = {
    noun: kind for kind, nouns in load("casualties")["kind_nouns"].items() for noun in nouns
}
# "a spokesperson for the Chilean health ministry", "a statement from the army": the body.
ROLE_OF = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?(?:"
    + "|".join(load("casualties")["role_of_body"])
    + r")\s+(?:from|by|for|of|at|with)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)


@cache
def _demonyms() -> dict[str, str]:
    actors: list[dict[str, Any]] = load("actors")["actors"]
    return {a["name"]: a["demonyms"][0] for a in actors if a.get("demonyms")}


BODY_KINDS = ("organisation", "armed_group", "state")


@cache
def state_names() -> dict[str, str]:
    """A state's name and aliases (casefolded) -> its first demonym."""
    actors: list[dict[str, Any]] = load("actors")["actors"]
    forms: dict[str, str] = {}
    for a in actors:
        if a.get("kind") == "state" and a.get("demonyms"):
            for form in (a["name"], *a.get("aliases", ())):
                forms.setdefault(form.casefold(), a["demonyms"][0])
    return forms


# "Peru's health ministry", "Chile’s Defence Ministry": a state's body named by its possessive.
_STATE_POSSESSIVE = re.compile(
    r"^(?:the\s+)?(?P<state>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['\u2019]s\s+(?P<body>\S.*)$"
)


# "State television reported", "the Front's radio said": an outlet tells a figure, it does not
# give it; the figure is unattributed (the outlet's own name stays in the sentence quoted).
_OUTLET = re.compile(
    r"(?:^(?:[Tt]he\s+)?|\s)(?:" + alternation(load("speech")["outlet_heads"]) + r")$",
    re.IGNORECASE,
)
# The heads as the text ends in them; ("",) lets every claimant through to the regex should a
# head be written as a pattern rather than words.
_OUTLET_ENDS = (
    tuple(head.lower() for head in load("speech")["outlet_heads"])
    if all(re.fullmatch(r"[a-z ]+", head) for head in load("speech")["outlet_heads"])
    else ("",)
)


def is_outlet(claimant: str | None) -> bool:
    """A claimant that is a news outlet named by its kind ("state television", "the rebels'
    radio", "the private daily"): it reports, the figure has no claimant of its own. A state's
    own media named with their state ("Peru's state broadcaster", "Bolivian state television")
    speak as its organ and stay the claimant."""
    if not claimant:
        return False
    trimmed = claimant.strip().rstrip(".,;:")
    # An ASCII claimant lower-cases as IGNORECASE reads it: one that ends in no outlet's head
    # cannot match (most claimants are not outlets; a test of the end is cheaper than a search).
    if trimmed.isascii() and not trimmed.lower().endswith(_OUTLET_ENDS):
        return False
    if _OUTLET.search(trimmed) is None:
        return False
    named = as_named(claimant) or ""
    return named.split(" ", 1)[0] not in _state_demonyms()


def claimant_of(named: str | None) -> str | None:
    """The claimant a figure is filed under: none of its own when an outlet tells it
    (`UNATTRIBUTED`), none when the words are no name (`name_shaped`), else the name as a body
    is called by (`as_named`)."""
    if is_outlet(named):
        return UNATTRIBUTED
    return as_named(named) if named is None or name_shaped(named) else None


# Words no name of a person or body holds: a relative clause ("a group that tracks the
# fighting"), an auxiliary or a verb of giving ("the Mechanism was unable", "the ministry gave
# a different"), a bare pronoun ("We"), a preposition before a determiner ("In its"), a verb in
# -ed before its object ("impacted the post of").
_NO_NAME = re.compile(
    r"(?<![\w'’-])(?:that|which|who|whom|whose|was|were|is|are|has|have|had|been|will|would|"
    r"could|should|can|gave|gives|believes)(?![\w'’-])"
    r"|^(?:[Ww]e|[Tt]hey|[Ii]t|[Hh]e|[Ss]he|I|[Yy]ou)$"
    r"|^(?:[Ii]n|[Oo]n|[Aa]t|[Bb]y|[Ff]or|[Ff]rom|[Ww]ith|[Aa]fter|[Bb]efore|[Dd]uring|[Ss]ince)\s+"
    r"(?:its|their|his|her|our|the|a|an|this|that)(?![\w'’-])"
    r"|^[a-z]+ed\s+(?:the|a|an|its|their)(?![\w'’-])"
)


def name_shaped(words: str) -> bool:
    """Whether words a reading took for a claimant can be a name (`_NO_NAME`)."""
    return _NO_NAME.search(words.strip()) is None


@cache
def _state_demonyms() -> frozenset[str]:
    return frozenset(state_names().values())


def as_named(claimant: str | None) -> str | None:
    """A claimant's name in the form a body is called by: "Peru's health ministry" is the
    Peruvian health ministry (its state's demonym, as "the Peruvian health ministry" says), and
    no stop or comma trails it."""
    if not claimant:
        return claimant
    # "The rebel-run health office said", "A UN spokesperson said": a body named by its kind,
    # without its article.
    words = re.sub(r"^(?:[Tt]he\s+(?=[a-z])|An?\s+)", "", claimant.strip().rstrip(".,;:"))
    owned = _STATE_POSSESSIVE.match(words)
    if owned is None:
        return words
    demonym = state_names().get(owned.group("state").casefold())
    body = owned.group("body")
    if demonym is None or body.split()[-1].casefold() not in BODY_HEADS | INSTITUTION_HEADS:
        return words
    return f"{demonym} {body}"


# Words before a speaker that are not part of the name: "On Monday the network put ...".
LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:On|By|Late|Early|Earlier|Later)\s+(?:on\s+)?[A-Z]\w+(?:\s+\d{1,2})?"
    r"|(?:Last|This|Earlier\s+this|Later\s+that)\s+(?:week|month|year|morning|evening)"
    r"|Meanwhile|Separately|However|Yesterday|Today|Earlier|Later),?\s+(?=[Tt]he\s|[A-Z])"
)

# A relative pronoun before a speaker: "..., which the movement says killed seven".
RELATIVE_OPENER = re.compile(r"^(?:which|that|whom)\s+(?=the\s|[A-Z])")

# Words after a speaker that are not part of the name: "He also said", "Smith later told".
TRAILING = re.compile(
    r"\s+(?:also|later|further|again|then|now|too|himself|herself|itself|separately|earlier)$",
    re.IGNORECASE,
)

# "A year earlier he had put the toll at ...": the person named before gives the figure.
PRONOUN_CLAIM = re.compile(
    r"\b(?:he|she)\s+(?:had\s+|has\s+)?(?:put|puts|estimated|estimates|gave|gives|cited|cites"
    r"|reported|reports|said|says|told|tells)\b",
    re.IGNORECASE,
)

# "Its latest count ...", "The civilian deaths it has verified ...": a sentence that opens with
# a toll a body keeps or checks, by its pronoun, names no one before it: the pronoun is the body
# named last before the sentence ("The ministry has raised its toll" is the ministry's own).
ITS_COUNT = re.compile(
    r"^\W*(?:Its\s+(?:[\w-]+\s+){0,2}(?:count|tally|toll|total|figures?)\b"
    r"|The\s+(?:[\w-]+\s+){1,3}it\s+(?:has\s+|had\s+)?(?:verified|recorded|counted|documented"
    r"|registered|confirmed)\b)"
)

ORGANISATION_NOUNS = frozenset(
    {
        "organisation",
        "organization",
        "agency",
        "body",
        "charity",
        "tank",
        "institute",
        "institution",
        "centre",
        "center",
        "group",
        "study",
        "report",
        "monitor",
        "observatory",
        # "the network", "the alliance": the nouns an apposition may give a body's kind by
        *load("casualties")["described_body_nouns"],
    }
)

# Last words of a body named by its kind in lower case besides a state's ("a diocesan aid
# network", "the regional monitoring group").
KIND_HEADS = (ORGANISATION_NOUNS - {"report", "study", "body"}) | {
    h.casefold() for h in load("casualties")["organisation_heads"]
}

# A state's armed forces by their kind: "the army said" in a snippet of one state is its army.
FORCE_HEADS = frozenset(load("casualties")["force_heads"])

# Every last word of a body named by its kind: "the Monitor" and "the Ministry" refer back alike.
HEAD_WORDS = BODY_HEADS | KIND_HEADS

# Searched in each sentence without a claimant (up to twice): behind its gate, since a figure
# word ("toll", "count") is rare.
# "SACM's latest count is ...": a body by its acronym too.
POSSESSIVE = gated(
    r"(?:\b[Tt]he\s+(?P<owner>(?:[\w-]+\s+){0,3}[\w-]+)|\b(?P<acronym>[A-Z]{2,6}))['\u2019]s\s+"
    r"(?:\w+\s+){0,2}(?:total|toll|figures?|count|estimates?|tally|data|tallies|update)\b",
)
# "the war's toll", "the attack's toll", "the week's toll": what a toll is of, not who counts.
TOLL_OF_NOUNS = frozenset(
    load("casualties")["background_nouns"] + load("casualties")["toll_of_nouns"]
)


def _possessive_owner(text: str) -> str | None:
    """The body whose count a sentence gives by its possessive ("the think tank's total", "ULO's
    latest count"), not what the toll is of ("the war's toll")."""
    for found in POSSESSIVE.finditer(text):
        owner = found.group("owner")
        if owner is None:
            return found.group("acronym")
        if owner.split()[-1].casefold() not in TOLL_OF_NOUNS:
            return f"the {owner}"
    return None


# "The institute put the number of soldiers killed at ...": a body by its kind puts a toll.
# "The rebels put the toll at ...", "the ministry has revised its count": a side or a state's
# body by its kind too, resolved to the one named before.
PUT_BY_KIND = gated(
    r"\bthe\s+((?:[\w-]+\s+)?(?:"
    + "|".join(sorted({*ORGANISATION_NOUNS, *KIND_NOUNS, *BODY_HEADS}))
    + r"))\s+(?:(?:has|have|had|also|now|meanwhile)\s+)*(?:"
    + "|".join(sorted({*load("casualties")["toll_verbs"], "estimated", "estimates"}))
    + r")\s+(?:the|its|their)"
    r"\s+(?:[\w-]+\s+)?(?:" + "|".join(load("casualties")["toll_objects"]) + r")\b",
    re.IGNORECASE,
)


# Words after a body's name that are not part of it: "according to the ministry on Friday".
AFTER_NAME = re.compile(
    r"\s+(?:on|in|at|last|this|late|early|earlier|yesterday|today|which|who|that|citing|as)\b.*$"
    r"|[.,;:!?]+$"
)


def claimant_words(
    speaker: str | None, words: str | None, actor: ActorMention | None, named: int = 1
) -> str | None:
    """ "Israel's Health Ministry said", "according to the Peruvian defence ministry", "the UN
    refugee agency said": the whole body, not only the state or body its name begins with;
    "authorities in Atlantis and Borduria said": all of them (`named` bodies), not the last."""
    if actor is None or actor.kind == "person" or not words:
        return speaker
    if actor.kind in ("organisation", "armed_group") and actor.mention and _as_written(actor):
        # "UNICEF said", "the ICRC said", "the ELN said": a body or group claims in the name
        # the news calls it by (a gazetteer may file it under another: the United Nations).
        speaker = actor.mention
    if named > 1:
        return LEADING_ARTICLE.sub("", words.strip().rstrip(".,;:"))
    words = LEADING_ARTICLE.sub("", AFTER_NAME.sub("", ROLE_OF.sub("", words.strip())))
    if not words[:1].isupper():
        # "the ministry of Chile said": a body named by its kind and its state.
        words = re.sub(r"^the\s+", "", words)
        return words if BY_PLACE.search(words) and actor.mention in words else speaker
    if _described(words, actor.mention):
        # "medical charity MSF said", "rights group Amnesty International said": a description
        # before the name is no part of it.
        return speaker
    return words if len(words) > len(actor.mention) and actor.mention in words else speaker


def _described(words: str, mention: str) -> bool:
    """Whether `words` are a description in lower case and then the name ("Medical charity
    MSF"); not a name with its state ("the Bolivian Red Cross")."""
    if not words.endswith(mention) or words == mention:
        return False
    before = words[: -len(mention)].split()
    return bool(before) and before[-1].islower() and before[-1] not in ("the", "of", "and", "for")


def _as_written(actor: ActorMention) -> bool:
    """Whether a body's mention names it as well as its gazetteer name: any mention with a word
    of three letters or more ("ICRC", "Red Cross", "UNICEF"); not "UN" or "AU", which a
    claimant's name cannot be matched by."""
    mention = actor.mention or ""
    # "the Front said": a group named again by its name's last word is called by its name.
    head_alone = " " not in mention and actor.name.endswith(f" {mention}")
    return (
        mention != actor.name
        and not head_alone
        and any(len(w) > 2 for w in re.findall(r"\w+", mention))
    )


BY_PLACE = re.compile(r"^[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:in|of|from)\s+[A-ZÀ-ÖØ-Þ]")
LEADING_ARTICLE = re.compile(r"^[Tt]he\s+(?=[A-ZÀ-ÖØ-Þ])")
# "the district hospital's director": a possessive may stand among the words before the head.
DEFINITE = re.compile(r"^the\s+((?:[\w-]+(?:['\u2019]s)?\s+){0,3})([\w-]+)$", re.IGNORECASE)


def whole_claimant(
    claimant: str | None,
    text: str,
    previous: ActorMention | None,
    surnames: dict[str, ActorMention],
    bodies: Sequence[tuple[str, str]],
) -> str | None:
    """The whole name of who gives a figure: a pronoun or a surname resolves to the person named
    before in the snippet, "the ministry" to the last body named with that word; fragments
    ("according to a") are no claimant."""
    if not claimant:
        if previous and PRONOUN_CLAIM.search(text):
            return previous.name
        if bodies and ITS_COUNT.match(text):
            # "Its running count of the dead stands at 1,980", "the deaths it has verified":
            # the body named last before counts.
            return bodies[-1][0]
        # "the think tank's total came to ...": the body named before, by its kind.
        claimant = _possessive_owner(text)
        if claimant is None:
            by_kind = PUT_BY_KIND.search(text)
            if by_kind is None:
                return None
            claimant = f"the {by_kind.group(1)}"
    words = LEADING_ADVERBIAL.sub("", TRAILING.sub("", claimant.strip()))
    # "a strike on its camp, which the group says killed five": the relative pronoun is no name
    words = RELATIVE_OPENER.sub("", words)
    if words.lower() in PERSONAL_PRONOUNS:
        return previous.name if previous else None
    if words.casefold() in BARE_SPEAKERS:
        return None  # "Officials said", "They said": no one is named
    if words.lower() == "it":
        # "The UN office published its report. It said ...": the body named last before.
        return bodies[-1][0] if bodies else None
    # "El Austral quoted the army as (saying)": who is quoted speaks, not the outlet. Each
    # substitution is tried only where its literal words stand (a substitution by a template
    # costs some microseconds even where nothing matches).
    if "quoted" in words:
        words = QUOTED_AS.sub(r"\g<who>", words)
    # "the Observatory's latest update (puts)": the document's owner gives the figure.
    if "'s" in words or "\u2019s" in words:
        words = OWNED_DOCUMENT.sub(r"\g<owner>", words)
    # "(Doctors) at the Central Hospital of Tacna said": staff speak for their body.
    words = STAFF_AT.sub("the ", ROLE_OF.sub("the ", words))
    if " " not in words and (
        (words[:1].isupper() and words.casefold() in HEAD_WORDS) or words in BODY_HEADS
    ):
        # "the Monitor's count", "Council said": a capitalised head alone refers back as "the
        # monitor" does; "..., police said", "authorities said": the body of the story's state,
        # as "the police said" is.
        words = f"the {words}"
    local = _local_official(words, text)
    if local:
        return local
    definite = DEFINITE.match(words)
    if definite and (
        not CAPITALISED.search(words, 4)
        # "The Ministry said", "The Observatory said": a body's head alone, capitalised, is no
        # name.
        or (not definite.group(1) and definite.group(2).casefold() in HEAD_WORDS)
    ):
        # "the ministry", "the local health bureau": a description, not a name.
        noun = definite.group(2).lower()
        named_so = [
            (name, kind)
            for name, kind in reversed(bodies)
            # a head alone named before ("the Monitor's count") is no name to refer to
            if name.casefold() != noun
        ]
        # A body whose name holds the noun ("the Union": the Highland Defence Union), or that
        # an apposition described by it ("X, a network of volunteers, ... The network says":
        # `figures.find_described_bodies`), before any body of the noun's kind.
        found = next(
            (
                (name, kind)
                for name, kind in named_so
                if noun in name.lower().split() or kind == noun
            ),
            None,
        ) or next(
            (
                (name, kind)
                for name, kind in named_so
                if (
                    # "the monitor": an organisation, not a state's army or ministry named before
                    (
                        noun in ORGANISATION_NOUNS
                        and kind == "organisation"
                        and name.split()[-1].casefold() not in BODY_HEADS
                    )
                    or KIND_NOUNS.get(noun) == kind
                )
            ),
            None,
        )
        if found and found[1] == "state" and found[0] in _demonyms():
            # "Chile's government ... The government said": the Chilean government.
            return f"{_demonyms()[found[0]]} {noun}"
        if found:
            return found[0]
        states = {name for name, kind in bodies if kind == "state" and name in _demonyms()}
        if noun in FORCE_HEADS and len(states) == 1:
            # "Chile and the Upland Front fought ... The army said": the army of the one state
            # the snippet names (of two states named, whose army is untold).
            return f"{_demonyms()[states.pop()]} {noun}"
        # "the local health bureau": a body named by its kind is its claimant, without article.
        bare = noun in BODY_HEADS and (definite.group(1) or words[4].isupper())
        return words[4:] if bare else words
    # "the Atlantean Health Ministry has reported": the name, without its article.
    words = re.sub(r"^[Tt]he\s+(?=\S*[A-ZÀ-ÖØ-Þ])", "", words) if definite else words
    words = LEADING_ARTICLE.sub("", words)
    if not words[:1].isupper():
        # "figures released by the regional health office", "a diocesan aid network has
        # counted": a body named by its kind (without its article).
        words = re.sub(r"^an?\s+", "", words)
        named_by_kind = " " in words and words.rsplit(" ", 1)[1].lower() in HEAD_WORDS
        # "authorities in Moscow and Kyiv", "health officials in Ostia": named by their place.
        named_by_place = BY_PLACE.search(words) is not None
        return words if named_by_kind or named_by_place else None
    if words in surnames:
        return surnames[words].name
    return _spelled_out(words, bodies) or words


_LOCAL_UNITS = alternation(load("casualties")["local_units"])
# "the town's mayor", "the district's police chief": an official of a place by its kind.
_OF_LOCAL_UNIT = re.compile(
    r"^[Tt]he\s+(?P<unit>" + _LOCAL_UNITS + r")['\u2019]s\s+(?P<role>[a-z][\w -]{1,40})$"
)
# "the border town of Chivumbu", "in Lunga-Mbeya": where a sentence names the place.
_UNIT_NAMED = re.compile(r"\b(?:" + _LOCAL_UNITS + r")\s+of\s+(?P<place>[A-ZÀ-ÖØ-Þ][\w'\u2019-]*)")
_CALENDAR_NAMES = frozenset([*calendar.day_name, *filter(None, calendar.month_name)])
_PLACE_NAMED = re.compile(r"\b(?:in|at|near|on|of|from)\s+(?P<place>[A-ZÀ-ÖØ-Þ][\w'\u2019-]*)")


def _local_official(words: str, text: str) -> str | None:
    """ "..., the town's mayor said": the official of the place the sentence names ("mayor of
    Chivumbu"; the place its unit names first, else the last one named before), or of the
    place's kind when it names none ("district governor")."""
    found = _OF_LOCAL_UNIT.match(words)
    if found is None:
        return None
    role, unit = found.group("role"), found.group("unit")
    at = text.find(words)
    before = text[: at if at >= 0 else len(text)]
    named = _UNIT_NAMED.search(before) or next(
        (
            m
            for m in reversed(list(_PLACE_NAMED.finditer(before)))
            if m.group("place") not in _CALENDAR_NAMES
        ),
        None,
    )
    if named is None or named.group("place").casefold() in state_names():
        return f"{unit} {role}"
    return f"{role} of {named.group('place')}"


# "KHCO", "S.R.R.": an acronym of two to six capitals.
_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z]){1,5}\.?")
# Small words an acronym skips: "Observatory for Peace and Justice" is the OPJ.
_UNLETTERED = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le"})


def _spelled_out(words: str, bodies: Sequence[tuple[str, str]]) -> str | None:
    """ "The Kivu Highlands Casualty Observatory (KHCO) keeps a count. The KHCO said ...": an
    acronym whose letters are the initials of a body (not an armed group or a state) named
    before in the snippet is that body, by the whole name an analyst quotes. Groups, and actors
    the gazetteer knows by their acronym, keep it, which keys their claims alike across
    snippets."""
    if _ACRONYM.fullmatch(words) is None or find_mentions(words)[0]:
        return None  # an actor the gazetteer knows by its acronym ("ICRC") keeps it
    letters = words.replace(".", "")
    for name, kind in reversed(bodies):
        if kind in ("armed_group", "state"):
            continue
        initials = "".join(
            w[0] for w in name.replace("-", " ").split() if w.casefold() not in _UNLETTERED
        )
        if initials == letters and name != words:
            return name
    return None


OWNED_DOCUMENT = re.compile(
    r"^(?P<owner>.+?)['\u2019]s\s+(?:[\w-]+\s+){0,2}"
    r"(?:update|report|bulletin|records|figures?|count|tally|estimates?|data|toll|total)$"
)
QUOTED_AS = re.compile(r"^.*?\bquoted\s+(?P<who>.+?)\s+as$")
STAFF_AT = re.compile(r"^at\s+(?:the\s+)?(?=[A-ZÀ-ÖØ-Þ])")
CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w’'-]+")


def by_surname(
    text: str, people: Sequence[ActorMention], surnames: dict[str, ActorMention]
) -> list[ActorMention]:
    """People named earlier in full and here by surname alone ("Ana Vell" ... "Vell said")."""
    if not surnames:
        return list(people)
    taken = [(a.start, a.end) for a in people]
    found = list(people)
    for word in CAPITALISED.finditer(text):
        person = surnames.get(word.group(0))
        if person and not any(s <= word.start() < e for s, e in taken):
            found.append(
                replace(
                    person, start=word.start(), end=word.end(), mention=word.group(0), title=None
                )
            )
    return sorted(found, key=lambda a: a.start)


def resolve_speaker(
    words: str | None,
    span: range | None,
    people: Sequence[ActorMention],
    last_person: ActorMention | None,
) -> ActorMention | None:
    """The actor who speaks: the named one in the speaker's words, a person first; or, for
    "he said", the person named last before (news names a speaker, then refers back)."""
    if span is not None:
        named = [a for a in people if a.start in span]
        persons = [a for a in named if a.kind == "person"]
        if persons or named:
            return (persons or named)[-1]
    if words and words.lower() in PERSONAL_PRONOUNS:
        return last_person
    return None


# "..., said Peru's foreign minister, Diego Salas.": a name apposed right after the speaker's
# title, after its rank where one is spelled out ("the army spokesman, Brigadier General X").
# The speaker's words stop at six: "according to the head of the district health centre,
# Sister X" leaves "centre" in lower case before the comma.
APPOSED = re.compile(
    r"(?:\s+[a-z][\w’'-]*){0,3},\s*(?:(?:"
    + alternation([*load("titles")["ranks"], *load("titles")["honorifics"]])
    + r")\s+)?$"
)


def apposed_person(
    text: str, span: range | None, speaker: ActorMention | None, people: Sequence[ActorMention]
) -> ActorMention | None:
    """The person named in apposition right after a speaker who is a title or a body ("said
    Peru's foreign minister, Diego Salas"), or right before one ("Vidaurre, the army
    spokesman, said": the person whose role the speaker's words give), else the speaker."""
    if span is None or (speaker is not None and speaker.kind == "person"):
        return speaker
    before = next((a for a in reversed(people) if a.kind == "person" and a.end <= span.start), None)
    if before is not None and APPOSED_BEFORE.fullmatch(text, before.end, span.start):
        return before
    after = next((a for a in people if a.kind == "person" and a.start >= span.stop), None)
    if after is None or not APPOSED.fullmatch(text[span.stop : after.start]):
        return speaker
    return after


APPOSED_BEFORE = re.compile(r",\s*")


_INSTITUTION_WORDS = load("casualties")["institution_words"]
# "health ministry spokesman Ana Vell", "the defence ministry": a state's body named by its
# kind alone, at the head of a speaker's words.
_UNOWNED_BODY = re.compile(
    r"^(?:[Tt]he\s+)?((?:(?:"
    + "|".join(_INSTITUTION_WORDS)
    + r")\s+){1,3}(?:"
    + "|".join(sorted(BODY_HEADS))
    # Not "the foreign ministry of Peru": a body of a state it names.
    + r"))(?![\w-])(?!\s+(?:of|in|from)\s+[A-Z])"
)


def unowned_body(speaker_words: str | None) -> str | None:
    """The body of a state a speaker's words name by its kind, without the state: "health
    ministry spokesman Ana Vell" -> "health ministry"; not "the Chilean health ministry"."""
    found = _UNOWNED_BODY.match(speaker_words.strip()) if speaker_words else None
    return found.group(1) if found else None


def state_through_body(claimants: Sequence[str | None], bodies: Sequence[str]) -> str | None:
    """ "Iran said 610 were killed ... health ministry spokesman X said": a state's figures
    given through the one body of it the snippet names by kind are that body's ("Iranian
    health ministry"). Only with one state claiming and one such body; else None."""
    states = {c for c in claimants if c and c.casefold() in state_names()}
    if len(states) != 1 or len(set(bodies)) != 1:
        return None
    state = states.pop()
    return f"{state_names()[state.casefold()]} {bodies[0]}"


# "Fatou Keita-Diallo runs the district hospital. She said ...": a sentence that opens with a
# name of two to four capitalised words and a verb in the present or of being has a person as
# its subject, whom "she" or the surname refers back to, though no title names her.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = rf"[{_UPPER}][^\W\d_]+(?:-[{_UPPER}]?[^\W\d_]+)*"
_SUBJECT_PERSON = (
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+"
    # a verb, not a plural noun ("Kivu Highlands fighters")
    r"(?:is|was|has|had|(?![a-z]*(?:ers|ors|ians|ists|ies)\s)[a-z]{2,}[^s\W]s)\s"
)
# "The head of the observer team, Ana Vell-Soto, spoke to us": a name apposed to the noun phrase
# a sentence opens with.
_APPOSED_SUBJECT = (
    r"^(?:The|Its|Their|A|An)\s+[^,;:.\"“”]{3,90},\s+"
    rf"(?P<apposed>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),"
)
# Both in one regex, tried in that order (one call per sentence, not two).
_OPENING_PERSON = re.compile(f"{_SUBJECT_PERSON}|{_APPOSED_SUBJECT}")
_NOT_PERSON_WORDS = frozenset(w.casefold() for w in load("titles")["not_names"]) | {
    # "the town of Veri, Kasese District,": a place's kind ends no person's name
    w
    for kind in (*load("localities")["kinds"], *load("localities")["heads"])
    for w in kind.split()
}


def subject_person(text: str, actors: Sequence[ActorMention]) -> ActorMention | None:
    """The person a sentence opens with as its subject, untitled ("Ana Vell-Soto heads the
    clinic") or apposed to its opening noun phrase ("The head of the team, Ana Vell-Soto,"),
    where no actor the gazetteer knows is named there and no word of the name is a body's head,
    a state or a place's kind ("Human Rights Council has", "Kasese District,")."""
    found = _OPENING_PERSON.match(text)
    if found is None:
        return None
    group = "name" if found.start("name") >= 0 else "apposed"
    if any(found.start(group) <= a.start < found.end(group) for a in actors):
        return None
    name = found.group(group)
    words = [w.casefold() for w in name.replace("-", " ").split()]
    if any(
        w in HEAD_WORDS or w in INSTITUTION_HEADS or w in state_names() or w in _NOT_PERSON_WORDS
        for w in words
    ):
        return None
    start = found.start(group)
    return ActorMention(
        start=start,
        end=start + len(name),
        mention=name,
        name=name,
        code="",
        country=None,
        kind="person",
    )


# "Colonel Ana Vell, a spokeswoman for the ministry,": the body a person speaks for, apposed.
_SPEAKS_FOR = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|official|officer)\s+"
    r"(?:for|of|at|with)\s+(?P<body>the\s+(?:[\w-]+\s+){0,2}[\w-]+)\s*[,.;]"
)


@cache
def _state_codes_by_demonym() -> dict[str, str]:
    actors: list[dict[str, Any]] = load("actors")["actors"]
    return {
        d: a["country"]
        for a in actors
        if a.get("kind") == "state" and a.get("country")
        for d in a.get("demonyms", ())
    }


def state_spoken_for(
    text: str, person: ActorMention, bodies: Sequence[tuple[str, str]]
) -> str | None:
    """The country code of the state whose body a person is apposed as speaking for, where
    that body is named before by its kind ("Uzbekistan's defence ministry ... Colonel Ana
    Vell, a spokeswoman for the ministry,": UZ); else None."""
    found = _SPEAKS_FOR.match(text, person.end)
    if found is None:
        return None
    body = as_named(whole_claimant(found.group("body"), text, None, {}, bodies))
    demonym = body.split(" ", 1)[0] if body else ""
    return _state_codes_by_demonym().get(demonym)
