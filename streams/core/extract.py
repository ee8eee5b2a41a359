"""Snippet -> typed events: split, classify, attach actors/places/figures, key by process."""

import re
from collections import Counter
from collections.abc import Iterable, Sequence

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
from streams.core.casualties import find_figures
from streams.core.classify import Label, classify_sentence
from streams.core.dates import resolve_date
from streams.core.gazetteer import ActorMention, PlaceMention, find_mentions, role_cue
from streams.core.sentences import Sentence, quote_states, split_sentences
from streams.core.speech import find_speech

UNASSIGNED = "unassigned"
_BELLIGERENT_KINDS = frozenset({"state", "armed_group", "person"})
_VENUE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"]{8,})[”\"]")


def principal_parties(
    mentions: Iterable[ActorMention], non_parties: Iterable[str] = (), limit: int = 2
) -> list[str]:
    """Codes of the most-mentioned belligerents, sorted; mediators, hosts and bodies are not.

    Ties go to the actor named first, so the result depends only on the text.
    """
    excluded = set(non_parties)
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for order, mention in enumerate(mentions):
        if mention.kind in _BELLIGERENT_KINDS and mention.code not in excluded:
            counts[mention.code] += 1
            first_seen.setdefault(mention.code, order)
    ranked = sorted(counts, key=lambda code: (-counts[code], first_seen[code]))
    return sorted(ranked[:limit])


def process_key(
    mentions: Iterable[ActorMention], non_parties: Iterable[str] = (), limit: int = 2
) -> str:
    """Key of a negotiation process: its principal parties' codes joined by "-", or "unassigned"."""
    return "-".join(principal_parties(mentions, non_parties, limit)) or UNASSIGNED


def _non_parties(text: str, mentions: Sequence[ActorMention]) -> set[str]:
    """Codes that act as mediator or host anywhere in the snippet, unless they also fight."""
    return {m.code for m in mentions if role_cue(text, m)}


def _actor_role(
    mention: ActorMention, text: str, label: Label, parties: set[str], speaker: range | None
) -> str:
    cue = role_cue(text, mention)
    if cue:
        return cue
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
    parties: set[str],
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
                mention=mention.mention,
            )
        )
    return tuple(actors)


def _places(text: str, mentions: Sequence[PlaceMention]) -> tuple[Place, ...]:
    """Places, venue-like ones ("in Doha", "at Camp David") first: the fold reads the first."""
    unique: dict[str, Place] = {}
    ordered = sorted(mentions, key=lambda m: not _VENUE.search(text, max(0, m.start - 4), m.start))
    for m in ordered:
        unique.setdefault(m.name, Place(name=m.name, country=m.country, mention=m.mention))
    return tuple(unique.values())


def _speaker_span(sentence: Sentence, inside_quote: bool) -> tuple[range | None, str | None]:
    acts = [a for a in find_speech(sentence.text, inside_quote) if a.speaker]
    if not acts:
        return None, None
    act = acts[0]
    at = sentence.text.find(act.speaker)
    return (range(at, at + len(act.speaker)) if at >= 0 else None), act.speaker


def _quantities(sentence: Sentence, claimant: str | None) -> tuple[Quantity, ...]:
    return tuple(
        Quantity(
            value=figure.value,
            qualifier=figure.qualifier,
            unit=figure.unit,
            claimant=claimant,
            text=figure.text,
        )
        for figure in find_figures(sentence.text)
    )


def _quote(sentence: Sentence, speaker: str | None) -> Quote | None:
    match = _QUOTED.search(sentence.text)
    return Quote(text=match.group(1).strip(), speaker=speaker) if match else None


def extract_events(snippet: Snippet) -> list[Event]:
    """All events of a snippet, one per (sentence, type), sharing the snippet's process key."""
    text = snippet.text
    sentences = split_sentences(text)
    in_quote = quote_states(text, sentences)
    found = [(s, *find_mentions(s.text)) for s in sentences]
    all_mentions = [m for _, actors, _ in found for m in actors]
    non_parties = set().union(*(_non_parties(s.text, a) for s, a, _ in found)) if found else set()
    parties = set(principal_parties(all_mentions, non_parties))
    process = "-".join(sorted(parties)) or UNASSIGNED
    events: list[Event] = []
    for (sentence, actors, places), inside in zip(found, in_quote, strict=True):
        labels = classify_sentence(sentence.text, inside)
        if not labels:
            continue
        speaker_span, speaker = _speaker_span(sentence, inside)
        date: EventDate | None = resolve_date(sentence.text, snippet.published_at)
        for label in labels:
            cls = EVENT_CLASSES[label.type]
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
                    ),
                    actors=_actors(sentence, actors, label, parties, speaker_span),
                    places=_places(sentence.text, places),
                    date=date,
                    quantities=(
                        _quantities(sentence, speaker) if label.type == "casualty_report" else ()
                    ),
                    quote=_quote(sentence, speaker) if label.type == "statement" else None,
                )
            )
    return events
