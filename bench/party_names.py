"""The state bench's yardstick for names: does a party, mediator or host the fold names match a
gold entry, whatever style the gold file names it in.

Gold files name one actor in many styles: "Chile", "Government of Chile", "the Chilean federal
government", "Chile's government", "Republic of Chile"; "the SF (Southern Front)", "Southern
Front (SF)", "SF"; with `party_aliases` lists keyed by the party's name or a short form of it; one
mediator in `mediators_or_hosts` and again, glossed otherwise, in a track's `mediators`. The fold
names actors by their gazetteer name (`actors.json`: "Colombia", "National Liberation Army") or,
for a group a snippet introduces, by its name or acronym as written. A gold entry is the set of
its forms (`gold_forms`), each also read through the gazetteer; a predicted name matches an entry
holding its form, or, an acronym, a form whose initials spell it.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

from streams.core.acronyms import initials
from streams.core.lexicon import load

# Words that qualify a state's government in a gold name ("the Ethiopian federal government").
_GOVERNMENT_QUALIFIERS = (
    r"(?:(?:federal|national|central|transitional|interim|de facto|legitimate"
    r"|(?:internationally )?recogni[sz]ed) )*"
)
_GOVERNMENT_NOUNS = r"(?:government|authorities)"
# "Government of X", "the Federal Government of X", "Republic of X", "Federal Republic of X".
_OF_STATE = re.compile(
    rf"^{_GOVERNMENT_QUALIFIERS}(?:government|(?:\w+ ){{0,2}}republic) of (?:the )?(?P<x>.+)$"
)
# "X government", "X's government", "the Xian federal government", "X authorities".
_STATE_GOVERNMENT = re.compile(rf"^(?P<x>.+?)(?:'s)? {_GOVERNMENT_QUALIFIERS}{_GOVERNMENT_NOUNS}$")
# A bracketed acronym: "(DRC)", "(M23)", "(ICRC)"; not "(05)", "(Angola)", "(typo in 06)".
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&./-]{1,7}$")


def norm(name: str) -> str:
    """A name as the bench compares it: accents dropped ("Lomé", "Lome": the gazetteer writes
    either), case folded, a leading "the" and punctuation gone."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = name.casefold().replace("\u2019", "'").strip()
    name = re.sub(r"^the ", "", name)
    return re.sub(r"[^\w' ]+", " ", name).strip()


def _initials(name: str) -> str:
    return initials(norm(name))


def _spells(acronym: str, name: str) -> bool:
    """The acronym's letters, in order, are initials of the name's words ("TPLF" and "Tigray
    People's Liberation Front")."""
    letters = iter(_initials(name))
    short = norm(acronym).replace(" ", "")
    return bool(short) and short[0] == _initials(name)[:1] and all(c in letters for c in short)


@cache
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(any name or alias -> the actor's name, a state's name, alias or demonym -> its name,
    a state's capital standing for it -> its name). Names are read before aliases, so an alias
    never takes another actor's own name."""
    actors = load("actors")["actors"]
    names: dict[str, str] = {}
    states: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for a in actors:
        names.setdefault(norm(a["name"]), a["name"])
    for a in actors:
        for alias in a.get("aliases", ()):
            names.setdefault(norm(alias), a["name"])
        if a["kind"] == "state":
            for form in (a["name"], *a.get("aliases", ()), *a.get("demonyms", ())):
                states.setdefault(norm(form), a["name"])
            for form in a.get("metonyms", ()):
                capitals.setdefault(norm(form), a["name"])
    return names, states, capitals


def same_actor(a: str, b: str) -> bool:
    """Whether two names are one actor of the gazetteer ("Ivory Coast", "Côte d'Ivoire")."""
    found = _read(a)
    return found is not None and found == _read(b)


def _read(form: str) -> str | None:
    """The gazetteer's name for a gold form: the actor it names, or the state whose government
    it names ("Government of Chile", "Chilean federal government", "Republic of Chile", "the
    Lima government"; not "Government of Lima", the city's)."""
    names, states, capitals = _gazetteer()
    n = norm(form)
    if n in names:
        return names[n]
    m = _OF_STATE.match(n)
    if m and m.group("x") in states:
        return states[m.group("x")]
    if m and (inner := _OF_STATE.match(m.group("x"))) and inner.group("x") in states:
        return states[inner.group("x")]  # "Government of the Republic of Chile"
    m = _STATE_GOVERNMENT.match(n)
    if m and (m.group("x") in states or m.group("x") in capitals):
        return states.get(m.group("x")) or capitals[m.group("x")]
    return None


def _raw_forms(name: str) -> set[str]:
    """A gold name and the forms it is written in: 'M23 / Congo River Alliance (AFC)',
    'the TPLF (Tigray People's Liberation Front)'."""
    head = name.split(" (")[0].strip()
    forms = {name, head}
    bare = re.sub(r"^the ", "", head)
    forms.update(part.strip() for part in head.split("/"))
    for inner in re.findall(r"\(([^)]*)\)", name):
        inner = inner.strip()
        # A bracketed acronym names it; so does the name a bracketed-off acronym head stands
        # for. A gloss (a title, a country, a note) does not: "(President of Angola)", "(05)".
        if _ACRONYM.match(inner) or (_ACRONYM.match(bare) and _spells(bare, inner)):
            forms.add(inner)
    return {f for f in forms if f.strip()}


def _own_forms(name: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    raw = _raw_forms(name)
    for alias in aliases:
        raw |= _raw_forms(alias)
    return frozenset(f for f in map(norm, raw) if f)


def gold_forms(name: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    """Every normalised form of a gold entry: its own forms, its aliases' forms, and the
    gazetteer's name of each."""
    raw = _raw_forms(name)
    for alias in aliases:
        raw |= _raw_forms(alias)
    out = {norm(f) for f in raw}
    out.update(norm(read) for f in raw if (read := _read(f)))
    # Acronyms are kept as written too (a normalised form is never upper case): a name the
    # fold gives in full matches the gold's acronym by its initials.
    out.update(b for f in raw if _ACRONYM.match(b := re.sub(r"^the ", "", f.strip())))
    return frozenset(f for f in out if f)


def _joined(entries: list[tuple[frozenset[str], frozenset[str]]]) -> list[frozenset[str]]:
    """Entries (own forms, all forms) that share an own form are one actor: a mediator listed in
    `mediators_or_hosts` and again in a track, glossed otherwise. Not two the gazetteer reads
    as one ("UN Security Council" and "UNICEF"): the gold counts two there."""
    out: list[tuple[frozenset[str], frozenset[str]]] = []
    for own, forms in entries:
        same = [e for e in out if e[0] & own]
        merged = (own.union(*(e[0] for e in same)), forms.union(*(e[1] for e in same)))
        out = [e for e in out if not e[0] & own] + [merged]
    return [forms for _, forms in out]


def gold_entries(process: dict[str, Any]) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """(parties, mediators and hosts) of a gold `process`, one set of forms per actor."""
    names = list(process.get("parties", []))
    for track in process.get("tracks", []) or []:
        names += [p for p in track.get("parties", []) or [] if isinstance(p, str)]
    aliases: dict[str, list[str]] = process.get("party_aliases") or {}
    parties = _joined(
        [(_own_forms(p, aliases.get(p, ())), gold_forms(p, aliases.get(p, ()))) for p in names]
    )
    # Aliases keyed by a short form of the party ("Chile" for "Government of Chile").
    for key, more in aliases.items():
        key_forms = gold_forms(key)
        parties = [
            e | gold_forms(key, more) if key not in names and e & key_forms else e for e in parties
        ]
    mediators = [m["name"] for m in process.get("mediators_or_hosts", [])]
    for track in process.get("tracks", []) or []:
        mediators += list(track.get("mediators", []) or [])
    return parties, _joined([(_own_forms(m), gold_forms(m)) for m in mediators])


def find(name: str, entries: list[frozenset[str]]) -> int | None:
    """The gold entry a predicted name matches: one holding its form, or (a group a snippet
    introduced, which the fold names by its acronym or its name) a form of the other kind
    whose initials or acronym spell it ("SF" and "Southern Front")."""
    n = norm(name)
    for i, forms in enumerate(entries):
        if n in forms:
            return i
    if _ACRONYM.match(name):
        # Not when the gold gives the group another acronym ("Southern Front (SOF)").
        for i, forms in enumerate(entries):
            if not _acronyms(forms) and any(" " in f and _initials(f) == n for f in forms):
                return i
    elif " " in n and len(_initials(n)) > 1:
        # The name of a group the gold gives by its acronym only ("SF"): when the gold spells
        # the acronym out ("Southern Front (SF)"), another name with those initials ("Sierra
        # Fighters") is someone else.
        short = _initials(n)
        for i, forms in enumerate(entries):
            spelled = any(" " in f and _initials(f) == short for f in forms)
            if not spelled and short in _acronyms(forms):
                return i
    return None


def _acronyms(forms: frozenset[str]) -> set[str]:
    """The acronyms among an entry's forms, as written (gold_forms keeps them upper case)."""
    return {f.casefold() for f in forms if f.isupper()}


def matched(predicted: Iterable[str], entries: list[frozenset[str]]) -> int:
    """How many gold entries the predicted names match; two names of one actor count once
    (the second is a name too many, wrong for precision)."""
    return len({find(p, entries) for p in predicted} - {None})
