"""Gazetteer: actors (states, armed groups, organisations, leaders) and places, from lexicons."""

import re
from dataclasses import dataclass
from typing import Any, Literal

from streams.core.lexicon import alternation, load

ActorKind = Literal["state", "person", "armed_group", "organisation", "other"]
_ACTORS: dict[str, Any] = load("actors")
_PLACES: dict[str, Any] = load("places")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: canonical name, party code, ISO country and the words used."""

    start: int
    end: int
    mention: str
    name: str
    code: str
    country: str | None
    kind: ActorKind


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    mention: str
    name: str
    country: str | None


# surface form -> (actor entry, form kind); forms are case-sensitive proper names.
_ACTOR_FORMS: dict[str, tuple[dict[str, Any], str]] = {}
for _entry in _ACTORS["actors"]:
    for _form_kind in ("metonyms", "demonyms", "aliases"):  # aliases win on collisions
        for _form in _entry.get(_form_kind, []):
            _ACTOR_FORMS[_form] = (_entry, _form_kind)
_PLACE_FORMS: dict[str, dict[str, Any]] = {}
for _entry in _PLACES["places"]:
    for _form in _entry["aliases"]:
        _PLACE_FORMS.setdefault(_form, _entry)


def _names_regex(forms: list[str]) -> re.Pattern[str]:
    # Not gated: nearly every news sentence names an actor or place, so a gate would only cost.
    # Hyphens may join names ("US-Saudi", "Rwanda-backed"), so only letters/digits bound a name.
    return re.compile(r"(?<![\w.])" + alternation([re.escape(f) for f in forms]) + r"(?!\w)")


_ACTOR_RE = _names_regex(list(_ACTOR_FORMS))
_PLACE_RE = _names_regex(list(_PLACE_FORMS))
_LOCATIVE = re.compile(
    r"(?:^|\W)(?:" + "|".join(_ACTORS["locative_prepositions"]) + r")\s+(?:the\s+)?$", re.IGNORECASE
)
# A capital stands for its government when it acts: "Kyiv said", "Moscow's position", "Baku and".
_ACTING = re.compile(
    r"(?:['’]s\b|\s+(?:has|have|had|is|was|were|will|would|says|said|and|accused|denied|rejected|"
    r"warned|insisted|wants|demanded|welcomed|announced|claimed|called|responded|signaled|"
    r"signalled|sees|hopes|blamed|refused|agreed|pledged|vowed|expects|believes|did|does)\b)"
)
_MEDIATOR = re.compile(r"\b" + alternation(_ACTORS["roles"]["mediator"]) + r"\b", re.IGNORECASE)
_HOST = re.compile(r"\b" + alternation(_ACTORS["roles"]["host"]) + r"\b", re.IGNORECASE)
_MEDIA = re.compile(r"\b" + alternation(_ACTORS["roles"]["media"]) + r"\b", re.IGNORECASE)
# A channel number right after a name makes it a brand: "France 24", "Russia 1".
_CHANNEL_NUMBER = re.compile(r" \d{1,2}(?![\d,.:])")


def _actor(match: re.Match[str], entry: dict[str, Any]) -> ActorMention:
    return ActorMention(
        match.start(),
        match.end(),
        match.group(0),
        entry["name"],
        entry["code"],
        entry.get("country"),
        entry["kind"],
    )


def find_mentions(text: str) -> tuple[list[ActorMention], list[PlaceMention]]:
    """Actors and places named in a text; a country after "in"/"from" is a place, not an actor."""
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    for match in _ACTOR_RE.finditer(text):
        entry, form_kind = _ACTOR_FORMS[match.group(0)]
        before = text[max(0, match.start() - 20) : match.start()]
        place = _PLACE_FORMS.get(match.group(0))
        if form_kind == "metonyms" and not _ACTING.match(text, match.end()):
            continue  # a capital used as a place: left to the place pass
        if (form_kind == "metonyms" or (place and entry["kind"] == "state")) and _LOCATIVE.search(
            before
        ):
            continue  # "fighting in Sudan": the country as a place
        actors.append(_actor(match, entry))
        taken.append((match.start(), match.end()))
    for match in _PLACE_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        entry = _PLACE_FORMS[match.group(0)]
        places.append(
            PlaceMention(
                match.start(), match.end(), match.group(0), entry["name"], entry["country"]
            )
        )
    return actors, places


def role_cue(text: str, mention: ActorMention) -> Literal["mediator", "host"] | None:
    """Mediator or host when a role cue touches the mention ("US envoy", "hosted by Qatar")."""
    before = text[max(0, mention.start - 25) : mention.start]
    after = text[mention.end : mention.end + 25]
    window = " ".join(before.split()[-2:] + after.split()[:3])
    if _MEDIATOR.search(window) or after.startswith("-brokered") or after.startswith("-mediated"):
        return "mediator"
    if _HOST.search(window):
        return "host"
    return None


def media_cue(text: str, mention: ActorMention) -> bool:
    """True when the name belongs to a news outlet ("French broadcaster", "Russian state media")."""
    if _CHANNEL_NUMBER.match(text, mention.end):
        return True
    before = text[max(0, mention.start - 25) : mention.start]
    after = text[mention.end : mention.end + 30]
    window = " ".join(before.split()[-1:] + after.split()[:2])
    return _MEDIA.search(window) is not None
