"""Issues and positions: who said what on which issue, the latest few per issue."""

from datetime import datetime

from schemas.events import Event
from schemas.state import (
    Evidence,
    Issue,
    Position,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.citations import report_order
from streams.core.fold.clusterkit import (
    merged_names,
)
from streams.core.fold.rounds import HEAD_LIMIT

POSITION_LIMIT = 5


def _position_actors(event: Event) -> tuple[str, ...]:
    if event.quote and event.quote.speaker:
        return (event.quote.speaker,)
    speakers = sorted({a.name for a in event.actors if a.role == "speaker"})
    if speakers:
        return tuple(speakers)
    return tuple(sorted({a.name for a in event.actors if a.role == "party"}))


def _position_order(p: Position) -> tuple[datetime, str, str]:
    return report_order(p.evidence)


def _sentence_of(p: Position) -> tuple[str, str]:
    return (p.evidence.snippet_id, p.evidence.sentence)


def _merge_positions(a: Position, b: Position) -> Position:
    first = min(a, b, key=lambda p: p.evidence.event_id)
    return first.model_copy(
        update={
            "actors": merged_names(a.actors, b.actors, HEAD_LIMIT),
            "stance": a.stance or b.stance,
            "sticking": a.sticking or b.sticking,
        }
    )


def with_positions(issues: tuple[Issue, ...], event: Event, cite: Evidence) -> tuple[Issue, ...]:
    if event.type not in ("talks", "statement"):
        return issues
    names = cues.issues_in(event.sentence.text)
    if not names:
        return issues
    sticking = cues.has("sticking", event.sentence.text)
    position = Position(
        actors=_position_actors(event),
        stance=event.subtype if event.type == "statement" else None,
        sticking=sticking,
        when=event.date.start if event.date else None,
        evidence=cite,
    )
    by_name = {i.issue: i for i in issues}
    for name in names:
        old = by_name.get(name) or Issue(issue=name)
        positions = {_sentence_of(p): p for p in old.positions}
        same = positions.get(_sentence_of(position))
        # One sentence read as talks and as a statement is one position, told by everyone.
        positions[_sentence_of(position)] = _merge_positions(same, position) if same else position
        kept = sorted(positions.values(), key=_position_order)[-POSITION_LIMIT:]
        by_name[name] = Issue(
            issue=name,
            sticking_point=old.sticking_point or sticking,
            mentions=old.mentions + 1,
            positions=tuple(kept),
        )
    return tuple(by_name[n] for n in sorted(by_name))


def merged_issues(a: tuple[Issue, ...], b: tuple[Issue, ...]) -> tuple[Issue, ...]:
    """The issues of two states' events together, as `with_positions` would have kept them
    folding all the events into one: mentions added, sticking if either is, and the latest
    POSITION_LIMIT positions of both (each side kept its latest, so none older is lost)."""
    by_name = {i.issue: i for i in a}
    for new in b:
        old = by_name.get(new.issue)
        if old is None:
            by_name[new.issue] = new
            continue
        positions = {_sentence_of(p): p for p in old.positions}
        for p in new.positions:
            same = positions.get(_sentence_of(p))
            positions[_sentence_of(p)] = _merge_positions(same, p) if same else p
        by_name[new.issue] = Issue(
            issue=new.issue,
            sticking_point=old.sticking_point or new.sticking_point,
            mentions=old.mentions + new.mentions,
            positions=tuple(sorted(positions.values(), key=_position_order)[-POSITION_LIMIT:]),
        )
    return tuple(by_name[n] for n in sorted(by_name))
