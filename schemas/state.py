"""Materialised state: the values of the fold tables, one per process."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.events import EventDate, Modality


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventSummary(_Frozen):
    """A short, citable view of one event inside the state."""

    event_id: str
    type: str
    subtype: str | None = None
    modality: Modality
    snippet_id: str
    source: str | None = None
    published_at: datetime | None = None
    sentence: str


class Evidence(_Frozen):
    """The sentence a fact was read from, and where: cite it."""

    event_id: str
    snippet_id: str
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    sentence: str


class Participant(_Frozen):
    """A party, mediator, facilitator, guarantor, observer or host, with the first sentences that
    name it in that role."""

    name: str
    country: str | None = None
    kind: str = "state"
    role: Literal["party", "mediator", "facilitator", "guarantor", "observer", "host"]
    mentions: int = Field(default=0, description="Events that name it in this role.")
    evidence: tuple[Evidence, ...] = Field(default=(), description="Earliest reports, at most 2.")
    names: dict[str, int] = Field(
        default_factory=dict,
        description="A side named in several ways (its state and its army), with the events "
        "that name it each way; empty when it has one name. The most used is `name`.",
    )
    people: tuple[str, ...] = Field(
        default=(),
        description="People who act for it in this role ('mediated by former president X'), "
        "sorted, at most 3.",
    )


class DelegationHead(_Frozen):
    name: str
    title: str
    country: str | None = None


class Round(_Frozen):
    """One round of talks, held or planned: the reports of the same venue and overlapping days."""

    venue: str | None = None
    venue_country: str | None = Field(
        default=None,
        description="The venue's country code as the reading placed it (towns beyond the "
        "gazetteer too: Quito, EC).",
    )
    window_start: date | None = Field(default=None, description="Days the reports may refer to.")
    window_end: date | None = None
    date: EventDate | None = Field(default=None, description="The most precise dates reported.")
    format: str | None = Field(default=None, description="The format most reports give.")
    formats: dict[str, int] = Field(default_factory=dict, description="Reports per format.")
    delegation_heads: tuple[DelegationHead, ...] = ()
    outcomes: tuple[Evidence, ...] = Field(
        default=(), description="Agreements and exchanges reported with it (same snippet)."
    )
    evidence: tuple[Evidence, ...] = Field(default=(), description="Earliest reports, at most 3.")
    snippets: tuple[str, ...] = Field(default=(), description="Reporting snippets, sorted.")
    corroboration: int = Field(default=0, description="Distinct snippets that report it.")
    reports: int = Field(default=0, description="Sentences that report it.")
    last_reported_at: datetime | None = Field(default=None, description="Its latest report.")
    began: bool = Field(default=False, description="A report says the round began or resumed.")
    ended: bool = Field(default=False, description="A report says the round ended.")
    sides: tuple[str, ...] = Field(
        default=(),
        description="Country codes of the process's sides its reports name as meeting (who met).",
    )
    runs_on: bool = Field(
        default=False,
        description='A report says the talks went on over days ("continued", "a second day of '
        'talks").',
    )
    resumed: bool = Field(
        default=False,
        description='A report says the talks resumed after a pause ("resumed in Quito on '
        'Wednesday"), not that a new round began.',
    )
    moved: bool = Field(
        default=False,
        description='A report says the talks moved to its place ("moved the talks to Quito").',
    )
    referring: bool = Field(
        default=False,
        description='All its reports only refer to a meeting, undated ("during the talks in '
        'Lima"): they join the last meeting held there.',
    )
    ordinals: tuple[int, ...] = Field(
        default=(), description='Round numbers its reports give ("the fourth round").'
    )
    meeting_cue: bool = Field(
        default=False, description="A report of it says a meeting was held (or signed at a venue)."
    )
    cancelled: bool = Field(
        default=False, description="A plan that a report calls off or puts off."
    )
    postponed: bool = Field(
        default=False,
        description="A report that puts a meeting off: earlier plans at its place are no longer "
        "next; with a new date it is itself the plan.",
    )


class NextMeeting(_Frozen):
    """The planned meeting most recently reported and not yet past."""

    date: EventDate | None = None
    venue: str | None = None
    format: str | None = None
    when: str | None = Field(
        default=None, description='The words of a vague time ("soon"), which give no date.'
    )
    reported_at: datetime | None = None
    evidence: tuple[Evidence, ...] = Field(default=(), description="Latest report first.")


ProcessStatusValue = Literal["agreement reached", "collapsed", "stalled", "active", "unknown"]


class StatusSignal(_Frozen):
    """A report that bears on the status of the process, and the status it points to."""

    status: ProcessStatusValue
    evidence: Evidence
    happened_on: date | None = Field(
        default=None,
        description="The day the report says it happened, when before its publication (a "
        "timeline's '22 February: first round'); reports are ordered by it.",
    )


class ProcessStatus(_Frozen):
    status: ProcessStatusValue = "unknown"
    rule: str = Field(default="no talks reported", description="Why this status was chosen.")
    evidence: Evidence | None = None


class Position(_Frozen):
    """What actors said on an issue in one sentence."""

    actors: tuple[str, ...] = ()
    stance: str | None = Field(default=None, description="The statement's verbal act, if any.")
    sticking: bool = Field(default=False, description="The sentence ties the issue to deadlock.")
    when: date | None = Field(default=None, description="Start of the sentence's date.")
    evidence: Evidence


class Issue(_Frozen):
    issue: str
    sticking_point: bool = False
    mentions: int = 0
    positions: tuple[Position, ...] = Field(
        default=(), description="Latest positions, at most 5, oldest first."
    )


MeasureStatus = Literal["announced", "agreed", "done", "collapsed"]


class Measure(_Frozen):
    """An agreement or confidence-building measure; repeated reports of it are its evidence."""

    kind: str
    status: MeasureStatus
    stages: dict[str, int] = Field(default_factory=dict, description="Reports per stage.")
    latest_stage: MeasureStatus = Field(description="The stage of the latest report.")
    latest_key: str = Field(default="", description="Order key of the latest report.")
    count: int | None = Field(default=None, description="People exchanged or released.")
    count_hedged: bool = Field(
        default=False,
        description='The count is only a bound or a round figure ("more than 290", "about 300").',
    )
    each: int | None = Field(
        default=None, description='People each side freed, when told so ("175 each").'
    )
    count_by_side: dict[str, int] = Field(
        default_factory=dict, description="People freed by each side, when the text gives it."
    )
    window_start: date | None = None
    window_end: date | None = None
    date: EventDate | None = None
    evidence: tuple[Evidence, ...] = Field(default=(), description="Earliest reports, at most 3.")
    snippets: tuple[str, ...] = Field(default=(), description="Reporting snippets, sorted.")
    corroboration: int = 0
    ties: tuple[str, ...] = Field(
        default=(),
        description="How a release ties to others of its operation ('continues', 'new').",
    )
    parts: tuple["Measure", ...] = Field(
        default=(),
        description="An exchange run over near days: its releases day by day, each cited.",
    )


class NegotiationState(_Frozen):
    """Everything Parley knows about one process; a pure fold of its events."""

    process: str = Field(description="Process key: sorted codes of the principal parties.")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Codes its events' snippets state name one party ('LFM=GML', sorted): the "
        "view shows the processes of the two codes as one.",
    )
    parties: tuple[Participant, ...] = Field(default=(), description="Sides, by name.")
    mediators: tuple[Participant, ...] = Field(
        default=(), description="Mediators (and hosts named so): never a party of the process."
    )
    hosts: tuple[Participant, ...] = Field(
        default=(),
        description="States where meetings were held that are not parties: from the rounds.",
    )
    event_count: int = 0
    counts: dict[str, int] = Field(default_factory=dict, description="Events per type.")
    status: ProcessStatus = Field(default_factory=ProcessStatus)
    status_signals: tuple[StatusSignal, ...] = Field(
        default=(), description="The latest report of each status, newest first."
    )
    rounds: tuple[Round, ...] = Field(
        default=(),
        description="Meetings held, oldest first: one row per meeting, built from round_reports.",
    )
    round_reports: tuple[Round, ...] = Field(
        default=(),
        description="Reports of talks held, clustered by venue as named and overlapping days.",
    )
    planned: tuple[Round, ...] = Field(default=(), description="Talks announced or expected.")
    past_meetings: tuple[Round, ...] = Field(
        default=(),
        description="Meetings told as history (read as historical, or dated over 120 days before "
        "their report): kept apart, marked, and not counted among the rounds.",
    )
    round_report_items: tuple[Round, ...] = Field(
        default=(),
        description="The reports round_reports is clustered from, one per event: the latest 120 "
        "by (date, publication, event id), so the clusters do not depend on arrival order.",
    )
    planned_items: tuple[Round, ...] = Field(
        default=(), description="The reports planned is clustered from, bounded the same way."
    )
    past_meeting_items: tuple[Round, ...] = Field(
        default=(), description="The reports past_meetings is clustered from, bounded the same way."
    )
    next_meeting: NextMeeting | None = None
    issues: tuple[Issue, ...] = Field(default=(), description="Issues raised, by name.")
    measures: tuple[Measure, ...] = Field(
        default=(),
        description="Agreements and confidence-building measures, oldest first; an exchange "
        "agreed and later done is one measure.",
    )
    measure_reports: tuple[Measure, ...] = Field(
        default=(), description="Reports of measures, clustered by kind and overlapping days."
    )
    measure_report_items: tuple[Measure, ...] = Field(
        default=(),
        description="The reports measure_reports is clustered from, one per event: the latest 120 "
        "by (date, publication, event id).",
    )
    prisoners_exchanged: int = Field(
        default=0, description="People freed in distinct exchanges reported as done."
    )
    prisoners_exchanged_by_side: dict[str, int] = Field(
        default_factory=dict, description="Of those, the people each side freed, where told."
    )
    recent: tuple[EventSummary, ...] = Field(default=(), description="Latest events, newest first.")
    last_published_at: datetime | None = None


Stance = Literal["negative", "positive", "neutral"]
Weapon = Literal["air_drone", "missile_artillery", "ground_clash", "intercepted", "unspecified"]
CasualtyUnit = Literal[
    "killed", "wounded", "missing", "displaced", "captured", "prisoners", "casualties", "people"
]
Qualifier = Literal["exact", "more_than", "at_least", "up_to", "about", "nearly"]


class ClaimSource(_Frozen):
    """One sentence that reported a casualty figure."""

    event_id: str
    snippet_id: str
    source: str | None = None
    sentence: str
    side: str | None = Field(default=None, description="The side this sentence names, if any.")
    side_kind: Literal["state", "armed_group"] | None = Field(
        default=None,
        description='The kind of side the sentence names the figure by, if any ("soldiers", "on'
        ' the government side": the state; "rebels": the armed group); a view that shows this'
        " process inside another reads the side there from it.",
    )


class CasualtyClaim(_Frozen):
    """A casualty figure as one claimant gave it; repeated reports of it are its sources."""

    claimant: str = Field(description='Who gives the figure, or "unattributed".')
    side: str | None = Field(
        default=None, description="The side the figure concerns, as its first source names it."
    )
    side_from: str | None = Field(
        default=None, description="Id of that source: the smallest id of a source naming a side."
    )
    unit: CasualtyUnit
    value: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "exact"
    as_of: date | None = Field(
        default=None, description="The event's date, else the day it was published."
    )
    sources: tuple[ClaimSource, ...] = Field(
        default=(), description="Sorted by event id, at most 5."
    )
    snippets: tuple[str, ...] = Field(default=(), description="Reporting snippets, sorted.")
    corroboration: int = Field(default=0, description="Distinct snippets that report it.")


class CasualtyClaims(_Frozen):
    """Casualty figures of one process by claimant; conflicting figures stay side by side."""

    process: str
    by_claimant: dict[str, tuple[CasualtyClaim, ...]] = Field(
        default_factory=dict,
        description="Claimant -> claims sorted by as-of date, then first event id; the latest 200.",
    )


class StrikeDay(_Frozen):
    """Strikes reported for one day."""

    day: date
    count: int = 0
    by_place: dict[str, int] = Field(default_factory=dict, description='Place, or "unknown".')
    by_weapon: dict[str, int] = Field(default_factory=dict)


class StrikeActivity(_Frozen):
    """Strikes of one process that took place (actual or historical), per day, place and weapon."""

    process: str
    days: tuple[StrikeDay, ...] = Field(
        default=(), description="Oldest first; the latest 730 days with strikes."
    )
    total: int = 0
    by_place: dict[str, int] = Field(default_factory=dict)
    by_weapon: dict[str, int] = Field(default_factory=dict)


class StatementItem(_Frozen):
    """One statement by an actor, with the stance its verbal act implies."""

    event_id: str
    snippet_id: str
    published_at: datetime | None = None
    modality: Modality
    subtype: str | None = Field(default=None, description="The verbal act: reject, pledge, ...")
    stance: Stance
    quote: str | None = None
    sentence: str


class Statements(_Frozen):
    """The latest statements of each speaker in one process."""

    process: str
    by_actor: dict[str, tuple[StatementItem, ...]] = Field(
        default_factory=dict, description="Actor name -> up to 5 statements, newest first."
    )
