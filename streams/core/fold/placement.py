"""Reports keyed to no process placed in the process they belong to: a view over the states.

A snippet that names no side ("Sixty detainees crossed the Yanari bridge on Saturday, the
mediator said") is keyed `unassigned`: the reading sees one snippet, and the sides are named
only in others. Its measures make no swap and no total there (`negotiations._measure`), as its
talks make no round. In the view, a snippet's measure reports are placed in the process whose
reports name what it names: its venue or places, its mediator, its people, a group's own head
word ("the Front"), or the same source. The process that shares the most of those names gets
them, when it is the only one; a snippet that names none of them but the sides' own words ("the
two sides", "the rebels") goes to the only two-sided process of the table. Any other stays in
`unassigned`, unplaced: out of every total, and shown there, not lost.

The placement reads only the table's contents (each process's stored reports, names and
sources), never the order events arrived in, so a snippet told before the ones that name its
sides is placed alike, and the fold laws hold: the tables and the event log are unchanged.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from schemas.events import UNASSIGNED
from schemas.state import Evidence, Measure, NegotiationState
from streams.core.fold.clusterkit import add_report
from streams.core.fold.measures import MEASURE_CLUSTERING, MEASURE_REPORT_LIMIT
from streams.core.lexicon import load, word_pattern

_LEX = load("placement")
_NOT_NAMES = frozenset(_LEX["not_names"])
_GENERIC = frozenset(_LEX["generic_heads"])
_SMALL = frozenset({"of", "the", "de", "del", "la", "du", "des", "el", "and", "for"})
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# A capitalised word (a hyphen's lowercase tail, "ICRC-chartered", is not part of the name).
_WORD = re.compile(rf"[{_UPPER}][\w’']*(?:-[{_UPPER}\d][\w’']*)*")
_RUN = re.compile(rf"{_WORD.pattern}(?:\s+(?:(?:of|the|de|del|la|du|des|el)\s+)*{_WORD.pattern})*")
_SIDE_WORDS = re.compile(word_pattern(_LEX["side_words"]), re.IGNORECASE)
# "JAKARTA, 31 May —": a dateline in capitals names its town.
_SITE = re.compile(r"^[a-z]+://([^/?#]+)")
_DATELINE = re.compile(rf"^([{_UPPER}][{_UPPER}’' -]{{2,}}[{_UPPER}])\s*(?:,|—|–|-)")


def _runs(text: str, opening: bool) -> list[frozenset[str]]:
    """Each name `text` holds, as the set of its tails that start at a capitalised word
    ("International Committee of the Red Cross" -> "Red Cross", "Cross", ...), less the words
    that name nothing alone. `opening`: the text opens a sentence, whose first word is
    capitalised whatever it is (only a run of two names or a dateline counts there)."""
    found: list[frozenset[str]] = []
    dateline = _DATELINE.match(text) if opening else None
    if dateline is not None:
        found.append(frozenset({dateline.group(1).title()}))
    for run in _RUN.finditer(text):
        words = run.group(0).split()
        if opening and run.start() == 0:
            words = words[1:] if len(words) < 2 or words[0] in _NOT_NAMES else words
        tails = set()
        for i, word in enumerate(words):
            if word in _SMALL or word in _NOT_NAMES:
                continue
            tail = words[i:]
            if len(tail) == 1 and (word in _GENERIC or len(word) < 3):
                continue
            tails.add(" ".join(tail))
        if tails:
            found.append(frozenset(tails))
    return found


def _names(text: str, opening: bool) -> set[str]:
    """Every tail of every name of `text` (`_runs`)."""
    return {tail for run in _runs(text, opening) for tail in run}


def _sentence_names(sentences: Iterable[str]) -> set[str]:
    return {name for sentence in sentences for name in _names(sentence, opening=True)}


def _outlet(source: str | None) -> str | None:
    """Who published a report: a source given as an address is its site."""
    if not source:
        return None
    site = _SITE.match(source)
    return site.group(1).removeprefix("www.") if site else source


def _evidence_of(state: NegotiationState) -> Iterable[Evidence]:
    for rounds in (state.round_report_items, state.planned_items, state.past_meeting_items):
        for item in rounds:
            yield from item.evidence
    for measure in state.measure_report_items:
        yield from measure.evidence
    for participant in (*state.parties, *state.mediators, *state.hosts):
        yield from participant.evidence
    for signal in state.status_signals:
        yield signal.evidence


class Known(NamedTuple):
    """What a process's stored state names: its own names (its sides' names, the heads of its
    delegations, the venues of its rounds), every name its reports hold, and its outlets."""

    own: set[str]
    names: set[str]
    outlets: set[str]


def _process_names(state: NegotiationState) -> Known:
    evidence = list(_evidence_of(state))
    own: set[str] = set()
    for party in state.parties:
        for told in (party.name, *party.names, *party.people):
            own |= _names(told, opening=False)
    for rounds in (state.rounds, state.planned):
        for r in rounds:
            for told in (r.venue or "", *(h.name for h in r.delegation_heads)):
                own |= _names(told, opening=False)
    names = own | _sentence_names(e.sentence for e in evidence)
    names |= _sentence_names(r.sentence for r in state.recent)
    for third in (*state.mediators, *state.hosts):
        for told in (third.name, *third.names, *third.people):
            names |= _names(told, opening=False)
    outlets = {_outlet(e.source) for e in evidence} | {_outlet(r.source) for r in state.recent}
    return Known(own, names, {o for o in outlets if o})


def _two_sided(key: str) -> bool:
    return key != UNASSIGNED and "--" in key


def _alone(holders: list[set[str]]) -> set[str]:
    """The processes that alone hold one of the snippet's clues."""
    return {next(iter(keys)) for keys in holders if len(keys) == 1}


def place(items: list[Measure], known: Mapping[str, Known]) -> str | None:
    """The process one snippet's measure reports belong to (`known`: what each two-sided
    process names), or None. A process is chosen by what it alone shares with the snippet: first
    among its own names (a side's name or head word, "the Front"; its negotiators; its venues),
    then among every name its reports hold and its outlets; when exactly one process shares such
    a thing. A snippet whose names every fitting process shares, or that two processes each
    share something with alone, cannot be placed; one that shares nothing but the sides' own
    words ("the two sides") goes to the only two-sided process, if there is one."""
    sentences = [e.sentence for m in items for e in m.evidence]
    clues = [run for s in sentences for run in _runs(s, opening=True)]
    outlets = {o for m in items for e in m.evidence if (o := _outlet(e.source))}
    own = [{key for key, k in known.items() if run & k.own} for run in clues]
    alone = _alone(own)
    if not alone:
        clues += [frozenset({o}) for o in outlets]
        held = [{key for key, k in known.items() if run & (k.names | k.outlets)} for run in clues]
        alone = _alone(held)
        if not alone and any(held):
            return None  # every name the snippet shares, more than one process holds
    if alone:
        return alone.pop() if len(alone) == 1 else None
    if any(_SIDE_WORDS.search(s) for s in sentences):
        return next(iter(known)) if len(known) == 1 else None
    return None


def _reports(items: Iterable[Measure]) -> tuple[tuple[Measure, ...], tuple[Measure, ...]]:
    """A bounded list of measure reports and its clusters, folded from `items` (any order)."""
    kept: tuple[Measure, ...] = ()
    clusters: tuple[Measure, ...] = ()
    for item in items:
        kept, clusters = add_report(kept, clusters, item, MEASURE_CLUSTERING, MEASURE_REPORT_LIMIT)
    return kept, clusters


def placements(states: Mapping[str, NegotiationState]) -> dict[str, list[Measure]]:
    """Each process -> the `unassigned` measure reports placed in it (`place`, one snippet at a
    time); a function of the states' contents only."""
    unplaced = states.get(UNASSIGNED)
    if unplaced is None or not unplaced.measure_report_items:
        return {}
    # Only a process with two sides holds swaps that add up: a side or a third party keyed
    # alone is where the view could not place a report either.
    known = {key: _process_names(s) for key, s in states.items() if _two_sided(key)}
    by_snippet: dict[str, list[Measure]] = {}
    for item in unplaced.measure_report_items:
        by_snippet.setdefault(item.snippets[0] if item.snippets else "", []).append(item)
    found: dict[str, list[Measure]] = {}
    for _, items in sorted(by_snippet.items()):
        into = place(items, known)
        if into is not None:
            found.setdefault(into, []).extend(items)
    return found


Join = Callable[[NegotiationState, NegotiationState], NegotiationState]


def with_placements(
    states: Mapping[str, NegotiationState], found: Mapping[str, list[Measure]], join: Join
) -> dict[str, NegotiationState]:
    """`states` with the placed reports joined into their processes (`join`: as a one-sided
    state's reports are, `counterparts.join`) and taken out of `unassigned`, whose other reports
    stay unplaced."""
    if not found:
        return dict(states)
    placed = {id(m) for items in found.values() for m in items}
    shown = dict(states)
    for key, items in sorted(found.items()):
        part = NegotiationState(process=UNASSIGNED, measure_report_items=tuple(items))
        shown[key] = join(shown[key], part)
    rest = states[UNASSIGNED]
    kept, reports = _reports(m for m in rest.measure_report_items if id(m) not in placed)
    shown[UNASSIGNED] = rest.model_copy(
        update={"measure_report_items": kept, "measure_reports": reports}
    )
    return shown


def placed(states: Mapping[str, NegotiationState], join: Join) -> dict[str, NegotiationState]:
    """The states with every `unassigned` snippet's measures placed where they belong."""
    return with_placements(states, placements(states), join)
