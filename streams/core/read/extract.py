"""Snippet -> typed events: split, classify, attach actors/places/figures, key by process."""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import pairwise

from schemas.events import (
    EVENT_CLASSES,
    Actor,
    Event,
    EventDate,
    Place,
    Quantity,
    Quote,
    SentenceRef,
)
from schemas.ids import event_id
from schemas.snippet import Snippet
from streams.core.lexicon import load
from streams.core.read import typer
from streams.core.read.classify import Label, classify_sentence, classify_sentences
from streams.core.read.conflicts import join_codes, match_conflict
from streams.core.read.dates import resolve_date
from streams.core.read.figures import find_attribution, find_exchanged, find_figures
from streams.core.read.furniture import furniture
from streams.core.read.gazetteer import (
    ActorMention,
    PlaceMention,
    find_mentions,
    media_cue,
    role_cue,
)
from streams.core.read.geo import find_towns
from streams.core.read.sentences import Sentence, quote_states, split_sentences
from streams.core.read.speech import find_speech
from streams.core.read.titles import find_titled_people, with_people

UNASSIGNED = "unassigned"
_BELLIGERENT_KINDS = frozenset({"state", "armed_group", "person"})
_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
# A place named as where talks are: "talks in", "a meeting at the", "negotiations held in".
_TALKS_IN = re.compile(
    r"\b(?:talks|negotiations|meeting|meetings|round|summit|consultations)[\u201d\"\u2019]?"
    r"(?: (?:were|was) held| held| conducted)? (?:in|at) (?:the )?$",
    re.IGNORECASE,
)


def party_codes(mentions: Iterable[ActorMention], non_parties: Iterable[str] = ()) -> list[str]:
    """Codes of the belligerents named, in text order; mediators, hosts and bodies are not."""
    excluded = set(non_parties)
    return [m.code for m in mentions if m.kind in _BELLIGERENT_KINDS and m.code not in excluded]


def _top_codes(codes: Sequence[str], limit: int = 2) -> list[str]:
    """The most-named codes, sorted; ties go to the code named first, so only the text matters."""
    counts = Counter(codes)
    first_seen = {code: codes.index(code) for code in counts}
    ranked = sorted(counts, key=lambda code: (-counts[code], first_seen[code]))
    return sorted(ranked[:limit])


def _process(
    mentions: Iterable[ActorMention], non_parties: Iterable[str]
) -> tuple[str, frozenset[str]]:
    """Process key and party codes: a known conflict's, else the two most-named belligerents'.

    Keying by a known conflict keeps one process under one key whichever of its parties,
    leaders or capitals a short snippet happens to name.
    """
    mentions = list(mentions)
    codes = party_codes(mentions, non_parties)
    # "Russian envoys met ..." reads like a mediator cue, but a side of a known conflict sends
    # envoys too: when no conflict matches without the cued codes, try again with them.
    conflict = match_conflict(codes) or match_conflict(party_codes(mentions))
    if conflict:
        return conflict.key, conflict.principals
    top = _top_codes(codes)
    return join_codes(top) or UNASSIGNED, frozenset(top)


def process_key(mentions: Iterable[ActorMention], non_parties: Iterable[str] = ()) -> str:
    """Key of the negotiation process the mentions point to, or "unassigned"."""
    return _process(mentions, non_parties)[0]


def _non_parties(text: str, mentions: Sequence[ActorMention]) -> set[str]:
    """Codes that act as mediator or host anywhere in the snippet, unless they also fight."""
    return {m.code for m in mentions if role_cue(text, m)}


def _actor_role(
    mention: ActorMention,
    text: str,
    label: Label,
    parties: frozenset[str],
    speaker: range | None,
) -> str:
    cue = role_cue(text, mention)
    if cue and not (cue == "mediator" and mention.code in parties):
        return cue  # a principal of the process is never its mediator
    if speaker is not None and mention.start in speaker:
        return "speaker"
    if label.type == "strike" and mention.kind != "organisation":
        # Cheap SVO reading: named before the trigger (or after "by") attacks, after it is hit.
        before_trigger = mention.end <= label.start
        by_agent = text[max(0, mention.start - 3) : mention.start] == "by "
        return "attacker" if before_trigger or by_agent else "target"
    if mention.code in parties:
        return "party"
    return "mentioned"


def _actors(
    sentence: Sentence,
    mentions: Sequence[ActorMention],
    label: Label,
    parties: frozenset[str],
    speaker: range | None,
) -> tuple[Actor, ...]:
    seen: set[tuple[str, str]] = set()
    actors: list[Actor] = []
    for mention in mentions:
        role = _actor_role(mention, sentence.text, label, parties, speaker)
        if (mention.name, role) in seen:
            continue
        seen.add((mention.name, role))
        actors.append(
            Actor(
                name=mention.name,
                country=mention.country,
                kind=mention.kind,
                role=role,
                title=mention.title,
                mention=mention.mention,
            )
        )
    return tuple(actors)


def _in_venue_context(text: str, mention: PlaceMention) -> bool:
    return _VENUE.search(text, max(0, mention.start - 8), mention.start) is not None


def _after_talks(text: str, mention: PlaceMention) -> bool:
    return _TALKS_IN.search(text, max(0, mention.start - 40), mention.start) is not None


def _places(text: str, mentions: Sequence[PlaceMention]) -> tuple[Place, ...]:
    """Places, venue-like ones ("in Doha", "at Camp David") first: the fold reads the first."""
    unique: dict[str, Place] = {}
    ordered = sorted(mentions, key=lambda m: not _in_venue_context(text, m))
    for m in ordered:
        unique.setdefault(
            m.name, Place(name=m.name, country=m.country, region=m.region, mention=m.mention)
        )
    return tuple(unique.values())


def _speaker_span(sentence: Sentence, inside_quote: bool) -> tuple[range | None, str | None]:
    acts = [a for a in find_speech(sentence.text, inside_quote) if a.speaker]
    if not acts:
        return None, None
    act = acts[0]
    at = sentence.text.find(act.speaker)
    return (range(at, at + len(act.speaker)) if at >= 0 else None), act.speaker


def _quantities(sentence: Sentence, event_type: str, claimant: str | None) -> tuple[Quantity, ...]:
    """Casualty figures for casualty reports, head counts for prisoner exchanges."""
    if event_type == "casualty_report":
        figures = find_figures(sentence.text)
        claimant = claimant or find_attribution(sentence.text)
    elif event_type == "prisoner_exchange":
        figures = find_exchanged(sentence.text)
    else:
        return ()
    return tuple(
        Quantity(
            value=figure.value,
            low=figure.low,
            high=figure.high,
            qualifier=figure.qualifier,
            unit=figure.unit,
            claimant=claimant,
            text=figure.text,
        )
        for figure in figures
    )


_PERSONAL_PRONOUNS = frozenset({"he", "she"})
_BODY_KINDS = ("organisation", "armed_group", "state")
# Words after a speaker that are not part of the name: "He also said", "Smith later told".
_TRAILING = re.compile(
    r"\s+(?:also|later|further|again|then|too|himself|herself|itself|separately|earlier)$",
    re.IGNORECASE,
)
# "A year earlier he had put the toll at ...": the person named before gives the figure.
_PRONOUN_CLAIM = re.compile(
    r"\b(?:he|she)\s+(?:had\s+|has\s+)?(?:put|puts|estimated|estimates|gave|gives|cited|cites"
    r"|reported|reports|said|says|told|tells)\b",
    re.IGNORECASE,
)
_ORGANISATION_NOUNS = frozenset(
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
    }
)
_POSSESSIVE = re.compile(
    r"\bthe\s+((?:[\w-]+\s+)?[\w-]+)['\u2019]s\s+(?:\w+\s+)?(?:total|toll|figures?|count|estimates?|tally|data|tallies)\b",
    re.IGNORECASE,
)


def _claimant_words(
    speaker: str | None, words: str | None, actor: ActorMention | None
) -> str | None:
    """ "Israel's Health Ministry said": the whole body, not only the state its name begins with."""
    if actor is None or actor.kind == "person" or not words or not words[:1].isupper():
        return speaker
    return words if len(words) > len(actor.mention) and actor.mention in words else speaker


_DEFINITE = re.compile(r"^the\s+(?:[\w-]+\s+)?([\w-]+)$", re.IGNORECASE)


def _whole_claimant(
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
        if previous and _PRONOUN_CLAIM.search(text):
            return previous.name
        # "the think tank's total came to ...": the body named before, by its kind.
        owner = _POSSESSIVE.search(text)
        if owner is None:
            return None
        claimant = f"the {owner.group(1)}"
    words = _TRAILING.sub("", claimant.strip())
    if words.lower() in _PERSONAL_PRONOUNS:
        return previous.name if previous else None
    definite = _DEFINITE.match(words)
    if definite:
        noun = definite.group(1).lower()
        found = next(
            (
                name
                for name, kind in reversed(bodies)
                if noun in name.lower().split()
                or (noun in _ORGANISATION_NOUNS and kind == "organisation")
            ),
            None,
        )
        return found or words
    if not words[:1].isupper():
        return None
    if words in surnames:
        return surnames[words].name
    return words


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w’'-]+")


def _by_surname(
    text: str, people: Sequence[ActorMention], surnames: dict[str, ActorMention]
) -> list[ActorMention]:
    """People named earlier in full and here by surname alone ("Alar Karis" ... "Karis said")."""
    if not surnames:
        return list(people)
    taken = [(a.start, a.end) for a in people]
    found = list(people)
    for word in _CAPITALISED.finditer(text):
        person = surnames.get(word.group(0))
        if person and not any(s <= word.start() < e for s, e in taken):
            found.append(
                replace(
                    person, start=word.start(), end=word.end(), mention=word.group(0), title=None
                )
            )
    return sorted(found, key=lambda a: a.start)


def _speaker_actor(
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
    if words and words.lower() in _PERSONAL_PRONOUNS:
        return last_person
    return None


def _quote(sentence: Sentence, speaker: str | None) -> Quote | None:
    match = _QUOTED.search(sentence.text)
    return Quote(text=match.group(1).strip(), speaker=speaker) if match else None


def extract_events(snippet: Snippet) -> list[Event]:
    """All events of a snippet, one per (sentence, type), sharing the snippet's process key."""
    text = snippet.text
    sentences = split_sentences(text)
    in_quote = quote_states(text, sentences)
    found = [(s, *find_mentions(s.text)) for s in sentences]
    # A news outlet's name ("French broadcaster France 2") reports; it is no party.
    named = [m for s, actors, _ in found for m in actors if not media_cue(s.text, m)]
    non_parties = set().union(*(_non_parties(s.text, a) for s, a, _ in found)) if found else set()
    process, parties = _process(named, non_parties)
    # Countries the snippet names decide which of several same-named towns is meant.
    countries = {m.country for _, a, _ in found for m in a if m.country}
    countries |= {m.country for _, _, p in found for m in p if m.country}
    events: list[Event] = []
    last_person: ActorMention | None = None
    # "Talks in Abu Dhabi ended on Thursday. ... the talks were productive": a meeting the
    # snippet already placed keeps its venue in the sentences that follow.
    held_venue: str | None = None
    surnames: dict[str, ActorMention] = {}
    # Bodies named so far ("the Health Ministry", "the Red Cross"), for "the ministry said".
    bodies: list[tuple[str, str]] = []
    # With the learned typer on, a sentence is typed in its snippet's context (all rule labels
    # first); with the rules alone, in the loop, where its gate scan serves the other readers.
    typed: list[list[Label]] | list[None] = (
        [None] * len(found)
        if typer.current_mode() == "rules"
        else classify_sentences([s.text for s, _, _ in found], in_quote)
    )
    kinds = furniture(text, sentences)
    for (sentence, actors, places), inside, context_labels, kind in zip(
        found, in_quote, typed, kinds, strict=True
    ):
        if kind == "credit":
            continue  # "Photo: X / Telegram" is no news, and its speaker is no speaker
        bodies.extend((a.name, a.kind) for a in actors if a.kind in _BODY_KINDS)
        attributed = find_attribution(sentence.text)
        if attributed:
            bodies.append((attributed, "organisation"))
        # Titled people ("Estonian President Alar Karis") describe the event, but only
        # gazetteer actors decide the process key: an unknown name is no evidence of a side.
        people = with_people(actors, find_titled_people(sentence.text, actors))
        people = _by_surname(sentence.text, people, surnames)
        for person in people:
            if person.kind == "person" and " " in person.name:
                surnames.setdefault(person.name.rsplit(" ", 1)[1], person)
        previous_person = last_person
        last_person = next((a for a in reversed(people) if a.kind == "person"), last_person)
        labels = (
            context_labels
            if context_labels is not None
            else classify_sentence(sentence.text, inside)
        )
        if not labels:
            continue
        speaker_span, speaker_words = _speaker_span(sentence, inside)
        speaker_actor = _speaker_actor(speaker_words, speaker_span, people, previous_person)
        speaker = speaker_actor.name if speaker_actor else speaker_words
        if speaker_actor is not None and speaker_span is not None and speaker_actor not in people:
            # "he said": the person named earlier is mentioned here by the pronoun.
            pronoun = replace(
                speaker_actor,
                start=speaker_span.start,
                end=speaker_span.stop,
                mention=speaker_words or "",
                title=None,
            )
            people = sorted([*people, pronoun], key=lambda a: a.start)
        date: EventDate | None = resolve_date(sentence.text, snippet.published_at)
        taken = [(m.start, m.end) for m in people] + [(m.start, m.end) for m in places]
        towns = find_towns(sentence.text, taken, countries)
        all_places = sorted((*places, *towns), key=lambda m: m.start)
        event_places = _places(sentence.text, all_places)
        # "fighting raged in Khartoum ... talks in Jeddah": the place the talks are said to be in
        # is their venue before any other place after "in".
        venues = [
            m.name
            for m in sorted(all_places, key=lambda m: not _after_talks(sentence.text, m))
            if _in_venue_context(sentence.text, m)
        ]
        for label in labels:
            cls = EVENT_CLASSES[label.type]
            extra: dict[str, object] = {}
            if label.type == "talks":
                held = label.modality in ("actual", "historical") and not _ahead(
                    date, snippet.published_at
                )
                venue, held_venue = _venue(held, venues, held_venue)
                extra = {"format": label.detail, "venue": venue}
            events.append(
                cls(  # type: ignore[arg-type]
                    id=event_id(snippet.id, sentence.start, label.type),
                    snippet_id=snippet.id,
                    process=process,
                    source=snippet.source,
                    url=snippet.url,
                    published_at=snippet.published_at,
                    subtype=label.subtype,
                    modality=label.modality,
                    confidence=label.confidence,
                    cameo=label.cameo,
                    plover=label.plover,
                    sentence=SentenceRef(
                        index=sentence.index,
                        start=sentence.start,
                        end=sentence.end,
                        text=sentence.text,
                        kind=kind,  # narrowed: credit lines were skipped above
                    ),
                    actors=_actors(sentence, people, label, parties, speaker_span),
                    places=event_places,
                    date=date,
                    quantities=_quantities(
                        sentence,
                        label.type,
                        _whole_claimant(
                            _claimant_words(speaker, speaker_words, speaker_actor),
                            sentence.text,
                            previous_person,
                            surnames,
                            bodies,
                        ),
                    ),
                    quote=_quote(sentence, speaker) if label.type == "statement" else None,
                    **extra,
                )
            )
            if label.type == "talks" and label.modality == "actual":
                # "The first round took place on April 12 in Muscat; the second on April 19 in
                # Rome": each further numbered round of the list is a report of its own.
                first = events[-1]
                for start, when, place in _enumerated_rounds(sentence, all_places, snippet):
                    events.append(
                        first.model_copy(
                            update={
                                "id": event_id(snippet.id, start, label.type),
                                "date": when,
                                "venue": place,
                            }
                        )
                    )
    return events


def _ordinal_words() -> str:
    words: dict[str, int] = load("rounds")["ordinals"]
    return "|".join(words)


_ORDINAL_CLAUSE = re.compile(rf"\b(?:the\s+)?(?:{_ordinal_words()})\b", re.IGNORECASE)


def _enumerated_rounds(
    sentence: Sentence, places: Sequence[PlaceMention], snippet: Snippet
) -> list[tuple[int, EventDate, str | None]]:
    """Dates and places of the numbered rounds after the first in a list of rounds, one clause
    each ("; the second on March 3 in Porto; and the third and fourth on March 10 and March 24,
    again in Lisbon"). Offsets stand for the rounds in their event ids."""
    text = sentence.text
    clauses = [m.start() for m in re.finditer(r";\s*", text)]
    if not clauses or not _ORDINAL_CLAUSE.search(text[: clauses[0]]):
        return []
    found = []
    bounds = [*clauses, len(text)]
    for begin, end in pairwise(bounds):
        clause = text[begin:end]
        if not _ORDINAL_CLAUSE.search(clause):
            continue
        inside = [p for p in places if begin <= p.start < end]
        place = inside[-1].name if inside else None
        offset = 0
        while True:
            when = resolve_date(clause[offset:], snippet.published_at)
            if when is None or not when.text:
                break
            at = clause.find(when.text, offset)
            if at < 0:
                break
            found.append((sentence.start + begin + at, when, place))
            offset = at + len(when.text)
    return found


def _ahead(date: EventDate | None, published_at: datetime | None) -> bool:
    """Dated from the publication day on and running past it: a plan, whatever the tense."""
    if date is None or published_at is None:
        return False
    day = published_at.date()
    return date.start >= day and date.end > day


def _venue(is_held: bool, venues: list[str], carried: str | None) -> tuple[str | None, str | None]:
    """(venue of this talks sentence, venue carried forward): held talks inherit, plans do not."""
    own = venues[0] if venues else None
    if not is_held:
        return own, carried
    return own or carried, own or carried
