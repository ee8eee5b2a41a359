"""One-sided processes joined to their counterpart: the negotiation states as a reader sees them.

A snippet that names one side only ("Chile's delegation returned from the second round of talks
in Havana") is keyed to that side's own process ("CL"): the reading sees one snippet, and the
fold cannot move a report from one key to another (the tables are partitioned by key). Its round
then shows twice, once under "CL" and once under "CL--PE", and a swap told by one side is
counted twice.

`with_counterparts` is a view over the states: a one-sided state whose side is a side of exactly
one two-sided process is joined into that process and no longer listed apart. The join unites
their reports (the bounded report lists every state keeps, `*_items`) and recomputes rounds,
plans, measures and the next meeting from them, exactly as folding both states' events under the
two-sided key would; parties, mediators, status signals and recent events are united by name,
issues as their fold would keep them. The view is a function of the table's contents, so it keeps
the fold laws (any order, duplicates, one at a time = all at once): the tables themselves and the
event log are unchanged.
A one-sided state stays apart when no two-sided process, or more than one, has its side, and a
mediator or host is never a side: only the codes of a key are.
A snippet that names one side beside a mediator or host and no other side ("Angola arranged the
call with the FRK's leader") is keyed by that pair; the view joins such a state first into the
only other two-sided process that has that side and names the party its mediator,
facilitator, guarantor, observer or host. A third party keyed alone stays apart.
A group named by its English name in one snippet ("the Lambaran Freedom Movement", coded by its
initials, LFM) and by the acronym of its own language in another ("the GML") is one party when
some snippet states the alias ("the movement, known by its Malay initials GML"): its events
carry "LFM=GML", the state keeps it (`aliases`), and the view shows the keys of the two codes
as one process ("LFM--MY" inside "GML--MY"), before any other join. A one-sided state beside
several two-sided processes of its side joins the only one whose own state names one of its
third parties (the host of the rounds it tells). Two keys that each name the other's second side
a third party ("CM--FPM" names Equatorial Guinea its host, "FPM--GQ" names Cameroon) are each
other's only candidate: the one whose own state names fewer other third parties joins the
other (the process told by more reports names more of its mediators, hosts and observers); with
as many, the one whose second side the keys beside them (those sharing a code, one-sided keys
too) name a third party more often; with that even too, the first in key order: a tie keeps one
process.
"""

from collections.abc import Mapping

from schemas.events import UNASSIGNED
from schemas.state import CasualtyClaims, NegotiationState, Participant
from streams.core.fold.casualty_claims import joined_claims
from streams.core.fold.clusterkit import add_report
from streams.core.fold.measures import (
    MEASURE_CLUSTERING,
    MEASURE_REPORT_LIMIT,
    linked_measures,
    operations,
    prisoners_by_side,
    prisoners_exchanged,
    with_outcomes,
)
from streams.core.fold.meetings import meetings
from streams.core.fold.negotiations import RECENT_LIMIT, recency
from streams.core.fold.next_meetings import next_meeting
from streams.core.fold.participants import hosts
from streams.core.fold.placement import placed
from streams.core.fold.positions import merged_issues
from streams.core.fold.process_status import status, with_signal
from streams.core.fold.rounds import add_round

SEPARATOR = "--"


def sides(process: str) -> tuple[str, ...]:
    """The party codes of a process key ("CL--PE" -> CL, PE)."""
    return () if process == UNASSIGNED else tuple(process.split(SEPARATOR))


def counterpart(process: str, keys: list[str]) -> str | None:
    """The two-sided process a one-sided key belongs to: the only key among `keys` with two or
    more sides, one of them this one; None when there is none, or more than one."""
    own = sides(process)
    if len(own) != 1:
        return None
    found = [k for k in keys if len(sides(k)) > 1 and own[0] in sides(k)]
    return found[0] if len(found) == 1 else None


def _united(a: tuple[Participant, ...], b: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """Participants of both, one per name (the two-sided state's entry first)."""
    names = {n for p in a for n in (p.name, *p.names)}
    return (*a, *(p for p in b if p.name not in names))


def join(state: NegotiationState, part: NegotiationState) -> NegotiationState:
    """`state` with the reports of `part` (a one-sided state of one of its sides) added."""
    round_items, round_reports = state.round_report_items, state.round_reports
    for item in part.round_report_items:
        round_items, round_reports = add_round(round_items, round_reports, item, held=True)
    planned_items, planned = state.planned_items, state.planned
    for item in part.planned_items:
        planned_items, planned = add_round(planned_items, planned, item)
    past_items, past = state.past_meeting_items, state.past_meetings
    for item in part.past_meeting_items:
        past_items, past = add_round(past_items, past, item)
    measure_items, measure_reports = state.measure_report_items, state.measure_reports
    for measure in part.measure_report_items:
        measure_items, measure_reports = add_report(
            measure_items, measure_reports, measure, MEASURE_CLUSTERING, MEASURE_REPORT_LIMIT
        )
    measures = (
        operations(linked_measures(measure_reports))
        if measure_reports is not state.measure_reports
        else state.measures
    )
    rounds = meetings(round_reports, state.process) if round_reports else state.rounds
    rounds = with_outcomes(rounds, measures)
    own = set(sides(state.process))
    # "CR--FLCG" joined into "FLCG--HN": Costa Rica, a party of that key only, is the
    # process's mediator or host, not a side of it.
    thirds = third_parties(state) - own
    parties = _united(state.parties, tuple(p for p in part.parties if p.country not in thirds))
    party_names = {n for p in parties for n in (p.name, *p.names)}
    mediators = tuple(
        m
        for m in _united(state.mediators, part.mediators)
        if m.name not in party_names and m.country not in own
    )
    signals = state.status_signals
    for signal in part.status_signals:
        signals = with_signal(signals, signal)
    published = [t for t in (state.last_published_at, part.last_published_at) if t is not None]
    last = max(published) if published else None
    counts = dict(state.counts)
    for kind, n in part.counts.items():
        counts[kind] = counts.get(kind, 0) + n
    # The fold's own order and bound, so the view's list is the fold's of both.
    recent = sorted(
        {r.event_id: r for r in (*state.recent, *part.recent)}.values(), key=recency, reverse=True
    )
    return state.model_copy(
        update={
            "parties": parties,
            "mediators": mediators,
            "hosts": hosts(state.process, rounds, parties, mediators),
            "round_report_items": round_items,
            "round_reports": round_reports,
            "rounds": rounds,
            "planned_items": planned_items,
            "planned": planned,
            "past_meeting_items": past_items,
            "past_meetings": past,
            "measure_report_items": measure_items,
            "measure_reports": measure_reports,
            "measures": measures,
            "prisoners_exchanged": prisoners_exchanged(measures),
            "prisoners_exchanged_by_side": prisoners_by_side(measures),
            "status_signals": signals,
            "status": status(signals),
            "next_meeting": next_meeting(planned, last, rounds),
            "last_published_at": last,
            "issues": merged_issues(state.issues, part.issues),
            "aliases": tuple(sorted({*state.aliases, *part.aliases})),
            "event_count": state.event_count + part.event_count,
            "counts": dict(sorted(counts.items())),
            "recent": tuple(recent[:RECENT_LIMIT]),
        }
    )


def third_parties(state: NegotiationState) -> frozenset[str]:
    """Codes of the states a process names as its mediator, facilitator, guarantor, observer or
    host."""
    return frozenset(
        m.country for m in (*state.mediators, *state.hosts) if m.country and m.kind == "state"
    )


def mediated_counterpart(
    process: str, keys: list[str], third: Mapping[str, frozenset[str]]
) -> str | None:
    """The process a key of one side and a third party belongs to: "GH--TD" when Ghana mediates
    "MUJ--TD" (`third`: each key's third parties). The only other two-sided key that has that
    side and names the party a third party, not a side; None when there is none, or more than
    one."""
    found = mediated_candidates(process, keys, third)
    return found.pop() if len(found) == 1 else None


def mediated_candidates(
    process: str, keys: list[str], third: Mapping[str, frozenset[str]]
) -> set[str]:
    """Every other two-sided key among `keys` that has one side of `process` and names its
    other side a third party (`mediated_counterpart` asks for exactly one)."""
    own = sides(process)
    if len(own) != 2:
        # A third party alone stays apart: its key gathers everything it says alone, on any
        # process (a host's offer, a mediator's other work), not one process's reports.
        return set()
    return {
        k
        for k in keys
        if k != process and len(sides(k)) > 1
        for side, other in (own, own[::-1])
        if side in sides(k) and other in third.get(k, frozenset()) and other not in sides(k)
    }


def join_marks(state: NegotiationState) -> frozenset[str]:
    """What `joins` reads of a state: its third parties (`third_parties`) and the aliases its
    snippets state ("LFM=GML": a code holds no "=")."""
    return third_parties(state) | frozenset(state.aliases)


def _alias_map(marks: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Each code some state's snippet states to be another party's (`aliases` "LFM=GML") -> the
    code it names, followed to its end (the first in code order where a code is given two)."""
    stated: dict[str, str] = {}
    for mark in sorted({m for each in marks.values() for m in each if "=" in m}):
        code, _, other = mark.partition("=")
        if code != other:
            stated.setdefault(code, other)
    ends = {}
    for code in stated:
        end, seen = code, {code}
        while end in stated and stated[end] not in seen:
            end = stated[end]
            seen.add(end)
        ends[code] = end
    return ends


def joins(own_third: Mapping[str, frozenset[str]]) -> list[tuple[str, str]]:
    """(key, process it joins) for every key the view shows inside another process, in the order
    `with_counterparts` joins them: first each key whose codes name, through the aliases a
    snippet stated ("LFM=GML"), the parties of another key ("LFM--MY" into "GML--MY"); then each
    key of a side and a third party; then each one-sided key. `own_third`: each key of the table
    with the third parties and aliases its own state names (`join_marks`). A function of keys,
    third parties and aliases alone, so a reader that holds only those (the overview's cards over
    several workers) finds the same joins as the full view."""
    alias = _alias_map(own_third)
    if not alias:
        return _joins(own_third)
    named: dict[str, list[str]] = {}
    for key in sorted(own_third):
        codes = sorted({alias.get(side, side) for side in sides(key)})
        named.setdefault(SEPARATOR.join(codes) if codes else key, []).append(key)
    # The stored key that stands for each set of parties: the key of their codes' ends, if
    # stored, else the first.
    stands = {name: name if name in keys else keys[0] for name, keys in named.items()}
    found = [(key, stands[name]) for name, keys in named.items() for key in keys]
    found = [(key, into) for key, into in found if key != into]
    marks = {
        name: frozenset(alias.get(c, c) for key in keys for c in own_third[key] if "=" not in c)
        for name, keys in named.items()
    }
    return found + [(stands[key], stands[into]) for key, into in _joins(marks)]


def _joins(own_third: Mapping[str, frozenset[str]]) -> list[tuple[str, str]]:
    """`joins` of keys whose codes name no party twice."""
    own_third = {k: frozenset(c for c in v if "=" not in c) for k, v in own_third.items()}
    keys = sorted(own_third)
    # A process's third parties include those its sides' one-sided states name: those states
    # are about to be joined into it ("Australia guarantees" told by one side alone).
    third = {
        key: own_third[key].union(*(own_third.get(side, frozenset()) for side in sides(key)))
        for key in keys
    }
    # Only processes that share a side can be a key's counterpart: asking those alone keeps
    # the joins linear in the table's size (a thousand processes took 1.5 s asking every key).
    by_side: dict[str, list[str]] = {}
    # Every key of each side, one-sided ones too: the neighbours a mutual pair asks (`_testimony`).
    of_side: dict[str, list[str]] = {}
    for key in keys:
        for side in sides(key):
            of_side.setdefault(side, []).append(key)
            if len(sides(key)) > 1:
                by_side.setdefault(side, []).append(key)
    shown = set(keys)
    found: list[tuple[str, str]] = []
    candidates: dict[str, set[str]] = {}
    for key in keys:
        if len(sides(key)) == 2:
            near = sorted({k for side in sides(key) for k in by_side.get(side, ())})
            candidates[key] = mediated_candidates(key, near, third)
    for key in keys:
        into = next(iter(candidates[key])) if len(candidates.get(key, ())) == 1 else None
        # "CM--FPM" and "FPM--GQ" each name the other's second side a host: one of them joins
        # the other (`_yields`).
        if (
            into is not None
            and key in candidates.get(into, ())
            and not _yields(key, into, own_third, of_side)
        ):
            into = None
        if into is not None and into in shown:
            shown.discard(key)
            found.append((key, into))
    # "CR--FLCG" with two candidates, "FLCG--HN" and "FLCG--PA", the latter itself joined into
    # the former: candidates the view shows as one process are one candidate.
    final = shown_in(found)
    for key in keys:
        ends = {final.get(k, k) for k in candidates.get(key, ())}
        if key in shown and len(ends) == 1 and len(candidates[key]) > 1:
            into = ends.pop()
            if into != key and into in shown and final.get(into, into) == into:
                shown.discard(key)
                found.append((key, into))
    for key in sorted(shown):
        own = sides(key)
        if len(own) != 1:
            continue
        near = [k for k in by_side.get(own[0], ()) if k in shown]
        into = counterpart(key, near) or named_by_both(key, near, own_third)
        if into is not None:
            found.append((key, into))
    return found


def _yields(
    key: str,
    other: str,
    own_third: Mapping[str, frozenset[str]],
    of_side: Mapping[str, list[str]],
) -> bool:
    """Whether `key` joins `other` when each names the other's second side a third party: the
    key whose own state names fewer other third parties joins (the process told by more
    reports names more of its mediators, hosts and observers); with as many, the key whose
    second side its neighbours name a third party more often (`_testimony`: "OLF--SN" beside
    "GA--OLF", Gabon's own reports naming Senegal a host); with that even too, the first in key
    order, so that a tie keeps one process. Each step is the other's mirror, so exactly one of
    the two keys joins."""
    mine, theirs = _named_thirds(key, other, own_third), _named_thirds(other, key, own_third)
    if mine != theirs:
        return mine < theirs
    mine, theirs = _testimony(key, other, own_third, of_side)
    if mine != theirs:
        return mine > theirs
    return key < other


def _testimony(
    key: str,
    other: str,
    own_third: Mapping[str, frozenset[str]],
    of_side: Mapping[str, list[str]],
) -> tuple[int, int]:
    """How many neighbours of two keys that each name the other's second side a third party
    (the other keys that have one of their codes, one-sided ones too) name `key`'s second side
    a third party, and how many name `other`'s: a neighbour's own reports that call a state
    the host or mediator say which of the two it is."""
    mine, theirs = set(sides(key)) - set(sides(other)), set(sides(other)) - set(sides(key))
    near = {k for side in {*sides(key), *sides(other)} for k in of_side.get(side, ())}
    near -= {key, other}
    named = [own_third.get(k, frozenset()) - set(sides(k)) for k in near]
    return sum(1 for n in named if n & mine), sum(1 for n in named if n & theirs)


def _named_thirds(key: str, other: str, third: Mapping[str, frozenset[str]]) -> int:
    """How many third parties `key`'s own state names besides the sides of `other` (`third`: each
    key's own, not those of the one-sided states about to join it): of two keys that each name
    the other's second side a third party, the one told by more reports names more of the
    mediators, hosts and observers of its rounds."""
    return len(third.get(key, frozenset()) - set(sides(other)))


def named_by_both(
    process: str, near: list[str], own_third: Mapping[str, frozenset[str]]
) -> str | None:
    """The process a one-sided key belongs to when several two-sided keys have its side ("GML"
    beside "GML--MY" and "GML--US"): the only one whose own third parties hold one of the
    one-sided state's own (the host of the rounds it tells, its mediator); None otherwise."""
    mine = own_third.get(process, frozenset())
    if not mine or len(near) < 2:
        return None
    found = [k for k in near if mine & own_third.get(k, frozenset())]
    return found[0] if len(found) == 1 else None


def shown_in(found: list[tuple[str, str]]) -> dict[str, str]:
    """Each joined key -> the process it is finally shown in (a key joined into a process that is
    itself joined into another is shown in the latter)."""
    into = dict(found)
    final = {}
    for key in into:
        target = into[key]
        while target in into:
            target = into[target]
        final[key] = target
    return final


def joined_states(
    states: Mapping[str, NegotiationState], found: list[tuple[str, str]]
) -> dict[str, NegotiationState]:
    """`states` with the `found` joins applied in their order (`joins`): the joined keys are
    no longer listed apart. `states` may hold only the keys the joins name."""
    joined = {k: states[k] for k in sorted(states)}
    for key, into in found:
        joined[into] = join(joined[into], joined.pop(key))
    return joined


def with_counterparts(states: Mapping[str, NegotiationState]) -> dict[str, NegotiationState]:
    """The states by process, each state of a side and a third party joined into the process
    that party serves, then each one-sided state into its counterpart's (in key order, so the
    view depends on the table's contents only); last, the measures of snippets keyed to no
    process placed in the process they belong to (`placement.placed`)."""
    found = joins({key: join_marks(state) for key, state in states.items()})
    return placed(joined_states(states, found), join)


def joined_tables(tables: Mapping[str, Mapping[str, object]]) -> dict[str, Mapping[str, object]]:
    """The tables as a reader sees them: the negotiations joined (`with_counterparts`) and the
    casualty claims of each joined key shown in the same process (`joined_claims`)."""
    states: Mapping[str, NegotiationState] = tables["negotiations"]  # type: ignore[assignment]
    found = joins({key: join_marks(state) for key, state in states.items()})
    claims: Mapping[str, CasualtyClaims] = tables.get("casualty_claims", {})  # type: ignore[assignment]
    joined = placed(joined_states(states, found), join)
    thirds = {key: third_parties(state) for key, state in joined.items()}
    return {
        **tables,
        "negotiations": joined,
        "casualty_claims": joined_claims(claims, found, thirds),
    }
