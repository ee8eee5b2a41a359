"""Views of a process derived from its ledger: rounds, next meeting, status, issues, measures.

Every function reads the ledger in a total order and clusters it with order-free rules, so the
views do not depend on the order in which the events arrived.
"""

from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from schemas.state import (
    DelegationHead,
    Evidence,
    Issue,
    Measure,
    MeasureStatus,
    NegotiationFact,
    NextMeeting,
    Position,
    ProcessStatus,
    Round,
)
from streams.core import negotiation_cues as cues

_HELD = ("actual", "historical")
_STAGE: dict[str, int] = {"announced": 0, "agreed": 1, "done": 2}


@dataclass
class _Cluster:
    label: Hashable | None
    facts: list[NegotiationFact] = field(default_factory=list)

    def window(self) -> tuple[date, date] | None:
        spans = [w for w in (cues.window(f) for f in self.facts if f.date) if w]
        if not spans:
            spans = [w for w in (cues.window(f) for f in self.facts) if w]
        if not spans:
            return None
        return (min(s[0] for s in spans), max(s[1] for s in spans))


def cluster(
    facts: list[NegotiationFact],
    label: Callable[[NegotiationFact], Hashable | None],
    slack: int = 1,
) -> list[list[NegotiationFact]]:
    """Reports of the same thing: same label and overlapping dates; a missing label or date joins
    the best matching cluster. Each phase compares against fixed clusters, so order is moot."""
    facts = sorted(facts, key=lambda f: f.event_id)
    dated = [f for f in facts if f.date is not None]
    undated = [f for f in facts if f.date is None]

    # Phase 1: dated, labelled reports; union of same label and overlapping dates.
    labelled = [f for f in dated if label(f) is not None]
    parent = list(range(len(labelled)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(labelled):
        for j in range(i):
            b = labelled[j]
            if label(a) == label(b) and cues.overlaps(cues.window(a), cues.window(b), slack):
                parent[find(i)] = find(j)
    groups: dict[int, _Cluster] = {}
    for i, f in enumerate(labelled):
        groups.setdefault(find(i), _Cluster(label(f))).facts.append(f)
    clusters = list(groups.values())

    # Phase 2: dated reports without a label join the tightest overlapping cluster.
    fixed = [(c, c.window()) for c in clusters]
    loose: list[NegotiationFact] = []
    for f in dated:
        if label(f) is not None:
            continue
        options = [
            (f.snippet_id not in {g.snippet_id for g in c.facts}, _span(w), c.facts[0].event_id, c)
            for c, w in fixed
            if cues.overlaps(cues.window(f), w, slack)
        ]
        if options:
            min(options, key=lambda o: o[:3])[3].facts.append(f)
        else:
            loose.append(f)
    for f in loose:
        home = next((c for c in clusters if c.label is None and _same_day(c, f)), None)
        if home is None:
            clusters.append(_Cluster(None, [f]))
        else:
            home.facts.append(f)

    # Phase 3: undated reports join a compatible cluster around their publication, preferring
    # one from the same snippet, then the latest one; else they group by label and day.
    fixed = [(c, c.window()) for c in clusters]
    rest: list[NegotiationFact] = []
    for f in undated:
        mine = label(f)
        options = [
            (f.snippet_id not in {g.snippet_id for g in c.facts}, _neg(w), c.facts[0].event_id, c)
            for c, w in fixed
            if (mine is None or c.label is None or c.label == mine)
            and cues.overlaps(cues.window(f), w)
        ]
        if options:
            min(options, key=lambda o: o[:3])[3].facts.append(f)
        else:
            rest.append(f)
    # Leftovers group when they share a label and their weeks overlap, or share a day.
    parent = list(range(len(rest)))
    for i, a in enumerate(rest):
        for j in range(i):
            b = rest[j]
            same = label(a) == label(b) and (
                cues.overlaps(cues.window(a), cues.window(b))
                if label(a) is not None
                else _day_window(a) == _day_window(b) and _day_window(a) is not None
            )
            if same:
                parent[find(i)] = find(j)
    rest_groups: dict[int, _Cluster] = {}
    for i, f in enumerate(rest):
        rest_groups.setdefault(find(i), _Cluster(label(f))).facts.append(f)
    clusters.extend(rest_groups.values())
    return [sorted(c.facts, key=cues.key) for c in clusters]


def _span(w: tuple[date, date] | None) -> int:
    return (w[1] - w[0]).days if w else 1 << 30


def _neg(w: tuple[date, date] | None) -> int:
    return -w[1].toordinal() if w else 0


def _same_day(c: _Cluster, f: NegotiationFact) -> bool:
    return any(
        g.date is not None
        and f.date is not None
        and g.date.start == f.date.start
        and g.date.end == f.date.end
        for g in c.facts
    )


def _venue(f: NegotiationFact) -> str | None:
    return f.venue.casefold() if f.venue else None


def _most_common(values: list[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _evidence(facts: list[NegotiationFact]) -> tuple[Evidence, ...]:
    return tuple(cues.evidence(f) for f in sorted(facts, key=cues.key))


def _round(facts: list[NegotiationFact], outcomes: list[NegotiationFact]) -> Round:
    date_ = cues.merged_date([f.date for f in facts if f.date is not None])
    heads: dict[str, DelegationHead] = {}
    for f in sorted(facts, key=lambda f: f.event_id):
        for a in f.actors:
            if a.kind == "person" and a.title and a.name not in heads:
                heads[a.name] = DelegationHead(name=a.name, title=a.title, country=a.country)
    window = (date_.start, date_.end) if date_ else None
    snippets = {f.snippet_id for f in facts}
    # An outcome is reported with the round: same snippet, and dated within the round's days.
    matched = [o for o in outcomes if o.snippet_id in snippets and _within(_day_window(o), window)]
    return Round(
        date=date_,
        venue=_most_common([f.venue for f in facts if f.venue]),
        format=_most_common([f.format for f in facts if f.format]),
        delegation_heads=tuple(heads[n] for n in sorted(heads)),
        outcomes=_evidence(matched),
        evidence=_evidence(facts),
        corroboration=len(snippets),
    )


def _within(inner: tuple[date, date] | None, outer: tuple[date, date] | None) -> bool:
    if inner is None or outer is None:
        return False
    pad = timedelta(days=1)
    return outer[0] - pad <= inner[0] and inner[1] <= outer[1] + pad


def _day_window(f: NegotiationFact) -> tuple[date, date] | None:
    if f.date is not None:
        return (f.date.start, f.date.end)
    if f.published_at is not None:
        return (f.published_at.date(), f.published_at.date())
    return None


def _round_order(r: Round) -> tuple[str, datetime, str]:
    first = r.evidence[0]
    return (
        r.date.start.isoformat() if r.date else "",
        first.published_at or cues.EPOCH,
        first.event_id,
    )


def held_facts(ledger: tuple[NegotiationFact, ...]) -> list[NegotiationFact]:
    # A sentence on the state of the talks ("deadlocked") is not a meeting, and a "held" round
    # dated after its report is an expected one.
    return [
        f
        for f in ledger
        if f.type == "talks"
        and f.modality in _HELD
        and f.subtype != "status"
        and not cues.is_future(f)
    ]


def planned_facts(ledger: tuple[NegotiationFact, ...]) -> list[NegotiationFact]:
    return [
        f
        for f in ledger
        if f.type == "talks"
        and f.subtype != "status"
        and (f.modality == "planned" or (f.modality in _HELD and cues.is_future(f)))
    ]


def rounds(ledger: tuple[NegotiationFact, ...]) -> tuple[Round, ...]:
    outcomes = [f for f in ledger if f.type in ("agreement", "prisoner_exchange")]
    made = [_round(c, outcomes) for c in cluster(held_facts(ledger), _venue)]
    return tuple(sorted(made, key=_round_order))


def planned(ledger: tuple[NegotiationFact, ...]) -> tuple[Round, ...]:
    made = [_round(c, []) for c in cluster(planned_facts(ledger), _venue)]
    return tuple(sorted(made, key=_round_order))


def next_meeting(
    ledger: tuple[NegotiationFact, ...], last_published_at: datetime | None
) -> NextMeeting | None:
    """The meeting of the most recently reported plan, unless it is already past."""
    facts = planned_facts(ledger)
    today = last_published_at.date() if last_published_at else None
    current = [f for f in facts if f.date is None or today is None or f.date.end >= today]
    if not current:
        return None
    latest = max(current, key=cues.key)
    same = next(c for c in cluster(facts, _venue) if latest in c)
    others = sorted((f for f in same if f is not latest), key=cues.key, reverse=True)
    return NextMeeting(
        date=latest.date or cues.merged_date([f.date for f in same if f.date]),
        venue=latest.venue or _most_common([f.venue for f in same if f.venue]),
        format=latest.format or _most_common([f.format for f in same if f.format]),
        reported_at=latest.published_at,
        evidence=tuple(cues.evidence(f) for f in (latest, *others)),
    )


def _reached(f: NegotiationFact) -> bool:
    return (
        f.type == "agreement"
        and f.modality in _HELD
        and measure_kind(f) in cues.settlement_kinds()
        and cues.has("completed", f.sentence)
        and not _collapse(f)
    )


def _collapse(f: NegotiationFact) -> bool:
    return f.type in ("agreement", "talks") and (
        cues.collapse_subtype(f.subtype) or cues.has("collapse", f.sentence)
    )


def status(ledger: tuple[NegotiationFact, ...]) -> ProcessStatus:
    """Status by event time: a late, older report never overrides a newer one."""
    reached = max((f for f in ledger if _reached(f)), key=cues.key, default=None)
    collapse = max((f for f in ledger if _collapse(f)), key=cues.key, default=None)
    held = held_facts(ledger)
    if reached is not None and (collapse is None or cues.key(collapse) < cues.key(reached)):
        return ProcessStatus(
            status="agreement reached",
            rule="an agreement was reached and no later report says it collapsed",
            evidence=cues.evidence(reached),
        )
    if collapse is not None:
        after = [
            f
            for f in held
            if cues.key(f) > cues.key(collapse)
            and not _collapse(f)
            and (
                f.date is None
                or collapse.published_at is None
                or f.date.end >= collapse.published_at.date()
            )
        ]
        if not after:
            return ProcessStatus(
                status="collapsed",
                rule="the latest report on the talks or an agreement says they collapsed or "
                "were suspended, and no round was held since",
                evidence=cues.evidence(collapse),
            )
    statuses = [
        f
        for f in ledger
        if f.type == "talks" and (f.subtype == "status" or cues.has("stalled", f.sentence))
    ]
    latest = max(statuses, key=cues.key, default=None)
    if latest is not None and cues.has("stalled", latest.sentence):
        return ProcessStatus(
            status="stalled",
            rule="the latest report on the state of the talks says they are stalled",
            evidence=cues.evidence(latest),
        )
    if held:
        last = max(held, key=cues.key)
        return ProcessStatus(
            status="active", rule="a round of talks was held", evidence=cues.evidence(last)
        )
    return ProcessStatus()


def _actors(f: NegotiationFact) -> tuple[str, ...]:
    if f.speaker:
        return (f.speaker,)
    speakers = sorted({a.name for a in f.actors if a.role == "speaker"})
    if speakers:
        return tuple(speakers)
    return tuple(sorted({a.name for a in f.actors if a.role == "party"}))


def issues(ledger: tuple[NegotiationFact, ...]) -> tuple[Issue, ...]:
    """Issues raised in talks and statements, one position per sentence."""
    by_sentence: dict[tuple[str, int], list[NegotiationFact]] = {}
    for f in ledger:
        if f.type in ("talks", "statement") and cues.issues_in(f.sentence):
            by_sentence.setdefault((f.snippet_id, f.sentence_index), []).append(f)
    outcome_sentences = {
        (f.snippet_id, f.sentence_index)
        for f in ledger
        if f.type in ("agreement", "prisoner_exchange")
    }
    positions: dict[str, list[Position]] = {}
    for where, facts in by_sentence.items():
        statement = min((f for f in facts if f.type == "statement"), key=cues.key, default=None)
        main = statement or min(facts, key=cues.key)
        sticking = cues.has("sticking", main.sentence)
        # An exchange or accord itself is a measure, not a position on an issue.
        if where in outcome_sentences and not sticking:
            continue
        actors = tuple(sorted({a for f in facts for a in _actors(f)}))
        for name in cues.issues_in(main.sentence):
            positions.setdefault(name, []).append(
                Position(
                    actors=_actors(statement) if statement else actors,
                    stance=statement.subtype if statement else None,
                    places=tuple(sorted({p for f in facts for p in f.places})),
                    sticking=sticking,
                    when=main.date.start if main.date else None,
                    evidence=cues.evidence(main),
                )
            )
    return tuple(
        Issue(
            issue=name,
            sticking_point=any(p.sticking for p in items),
            positions=tuple(
                sorted(
                    items,
                    key=lambda p: (p.evidence.published_at or cues.EPOCH, p.evidence.event_id),
                )
            ),
        )
        for name, items in sorted(positions.items())
    )


def measure_kind(f: NegotiationFact) -> str | None:
    if f.type == "prisoner_exchange":
        return "prisoner exchange"
    return cues.measure_kind(f.sentence)


def _stage(f: NegotiationFact, kind: str) -> MeasureStatus:
    if _collapse(f):
        return "collapsed"
    if f.modality not in _HELD:
        return "announced"
    if cues.has("done", f.sentence):
        return "done"
    if (
        kind == "prisoner exchange"
        and f.type == "prisoner_exchange"
        and not cues.has("completed", f.sentence)
    ):
        return "done"
    return "agreed"


def measures(ledger: tuple[NegotiationFact, ...]) -> tuple[Measure, ...]:
    """Agreements and confidence-building measures; one per kind, count and date window."""
    by_kind: dict[str, list[NegotiationFact]] = {}
    for f in ledger:
        if f.type in ("agreement", "prisoner_exchange") and f.modality != "negated":
            kind = measure_kind(f)
            if kind is not None:
                by_kind.setdefault(kind, []).append(f)
    items: list[Measure] = []
    for kind, facts in by_kind.items():
        for group in cluster(facts, lambda f: f.prisoners, slack=1):
            stages = [(_stage(f, kind), f) for f in group]
            latest_stage, _ = max(stages, key=lambda s: cues.key(s[1]))
            best = max(
                (s for s, _ in stages if s != "collapsed"),
                key=_STAGE.__getitem__,
                default="collapsed",
            )
            counts = sorted({f.prisoners for f in group if f.prisoners is not None})
            items.append(
                Measure(
                    kind=kind,
                    status="collapsed" if latest_stage == "collapsed" else best,
                    count=counts[-1] if counts else None,
                    date=cues.merged_date([f.date for f in group if f.date is not None]),
                    evidence=_evidence(group),
                    corroboration=len({f.snippet_id for f in group}),
                )
            )
    return tuple(sorted(items, key=_measure_order))


def _measure_order(m: Measure) -> tuple[str, datetime, str]:
    first = m.evidence[0]
    return (
        m.date.start.isoformat() if m.date else "",
        first.published_at or cues.EPOCH,
        first.event_id,
    )


def prisoners_exchanged(items: tuple[Measure, ...]) -> int:
    return sum(m.count or 0 for m in items if m.kind == "prisoner exchange" and m.status == "done")
