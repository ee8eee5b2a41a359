"""What a talks report says of a meeting: held, planned, cancelled, postponed or historical;
its days, its numbered round, its delegation heads."""

import re
from datetime import timedelta
from functools import cache

from schemas.events import SIDE_KINDS, Actor, Event, EventDate, TalksEvent
from schemas.state import (
    DelegationHead,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.clusterkit import (
    Window,
)
from streams.core.fold.foldkit import published_day
from streams.core.lexicon import load, place_kinds

# An undated report of a meeting speaks of the days just before it was published; an undated
# plan, of the days just after.
UNDATED_PAST = timedelta(days=2)


UNDATED_FUTURE = timedelta(days=7)


# A meeting dated this long before the report that tells of it is a historical mention.
HISTORY = timedelta(days=120)


_FULL_STOPS = (".", "!", "?", "\u2026")
_CLOSERS = "\"'\u201d\u2019)"
# A sentence ends with a full stop or a closing quote or bracket; a headline ends with neither.
_SENTENCE_ENDS = _FULL_STOPS + tuple(_CLOSERS)


def _told_date(event: Event) -> EventDate | None:
    """The date the sentence gives, unless "since" or the start of a war introduces it (when
    something began, not when the meeting was held)."""
    when = event.date
    if when is None:
        return None
    text = event.sentence.text
    if when.text and (
        _when_something_began(when.text, text)
        # "the meeting, originally planned for Banjul on June 25, was moved": the date it had,
        # not the day it met; a put-off keeps it, to name the plan it puts off
        or (
            cues.introduced_by("old_date", when.text, text, adjacent=True)
            and not is_cancelled(event)
            and not is_postponed(event)
        )
    ):
        return None
    return when


def _when_something_began(phrase: str, text: str) -> bool:
    """A date "since" or a war's start introduces, unless the since-clause's own verb tells a
    meeting ("since the first round ended in February": the meeting's date)."""
    return (
        cues.round_cue("background_date", phrase)
        or cues.introduced_by("background_date", phrase, text)
    ) and not cues.introduced_by("meeting_since", phrase, text)


def own_date(event: Event) -> EventDate | None:
    """The date of the meeting itself: not a date that "since" introduces (when something
    started), nor, for a plan, the day it was reported ("said on Thursday that further meetings
    were planned")."""
    when = _told_date(event)
    if when is None:
        return None
    if (_plan_words(event) or event.modality == "planned") and not held_besides_plan(event):
        day = published_day(event)
        if day is not None and when.end <= day:
            return None
        return when
    return _with_days_told(event, when)


# Longest run of days a report may give a round ("after ten days of talks").
_DAYS_TOLD_LIMIT = 14


def _with_days_told(event: Event, when: EventDate) -> EventDate:
    """A report dated to one day that says the talks ran N days up to it ("closed in Lima on
    Tuesday after two days") tells the round's days: the N days ending on that day. Only a
    placed report: days reaching back from an unplaced one would join it to whatever meeting
    ended the day before."""
    if not isinstance(event, TalksEvent) or event.venue is None:
        return when
    if when.precision != "day" or when.start != when.end:
        return when
    days = cues.days_told(event.sentence.text)
    if days is None or not 1 < days <= _DAYS_TOLD_LIMIT:
        return when
    return when.model_copy(update={"start": when.end - timedelta(days=days - 1)})


def held_besides_plan(event: Event) -> bool:
    """A meeting reported held on a past day in a sentence that also speaks of one to come ("met
    in Lisbon on Thursday and agreed to meet again next month", "the talks, which opened on
    Monday, are expected to last a week"): the words of the plan's clause taken out, a held cue
    is left, and the sentence's date is a day (or week) already past."""
    if event.type != "talks":
        return False
    when, day = _told_date(event), published_day(event)
    if when is None or day is None or when.precision not in ("day", "week") or when.end > day:
        return False
    # The plan's words must be found to be taken out: a modality alone does not say where.
    if not _plan_words(event):
        return False
    text = event.sentence.text
    return _held_cue(text, cues.without_clause("plan", text))


def past_window(event: Event) -> Window | None:
    when = own_date(event)
    if when is not None:
        return (when.start, when.end)
    return undated_past_window(event)


def undated_past_window(event: Event) -> Window | None:
    """The days an undated report of something done may speak of: those just before it."""
    if event.published_at is not None:
        day = event.published_at.date()
        return (day - UNDATED_PAST, day)
    return None


def future_window(event: Event) -> Window | None:
    when = own_date(event)
    if when is not None and when.precision != "vague":
        return (when.start, when.end)
    if event.published_at is not None:
        day = event.published_at.date()
        return (day, day + UNDATED_FUTURE)
    return None


def _is_future(event: Event) -> bool:
    """Dated from its publication day on and running past it: it cannot have been held yet."""
    if event.date is None or event.published_at is None:
        return False
    day = event.published_at.date()
    return event.date.start >= day and event.date.end > day


def _plan_words(event: Event) -> bool:
    return cues.round_cue("plan", event.sentence.text)


def _is_meeting(event: Event) -> bool:
    # A sentence on the state of the talks ("deadlocked", "productive") is not a meeting, nor is
    # a call ("a phone call between") or the report of an announcement.
    return (
        event.type == "talks"
        and event.subtype != "status"
        and event.modality != "negated"
        and not cues.round_cue("not_meeting", event.sentence.text)
        and not other_track(event)
        and not _visit(event)
        and not preparatory(event)
        and not _sidelines(event)
        and not internal(event)
        and not _one_side_consults_a_third(event)
    )


# What a meeting was about, after who met: "held talks with the UN envoy about the dispute with
# Tanzania" (the side named there is the subject, not a participant).
_SUBJECT_OF_MEETING = re.compile(
    r"\b(?:about|over|on|regarding|concerning)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:dispute|conflict|war|crisis|border|ceasefire|truce|talks|negotiations|mediation|process)\b"
    r"|\b(?:to|in order to)\s+(?:ask|seek|request|discuss|brief|press|urge)\b",
    re.IGNORECASE,
)
_BOTH_SIDES = re.compile(r"\b(?:both|two|the) (?:sides|parties|delegations|camps)\b", re.IGNORECASE)
_WITH_A_THIRD = re.compile(r"\b(?:with|received|receives|met|meets)\s+(?:the\s+)?$", re.IGNORECASE)


def _one_side_consults_a_third(event: Event) -> bool:
    """One side meeting a third party about the conflict ("Malawi's foreign minister held talks
    with the UN envoy in Geneva about the dispute with Tanzania"): a consultation, no meeting of
    the sides. One side of the process named before what the meeting was about, a body or state
    outside it named as whom it met, and no words of both sides meeting."""
    text = event.sentence.text
    subject = _SUBJECT_OF_MEETING.search(text)
    if subject is None:
        return False
    who_met = text[: subject.start()]
    if _BOTH_SIDES.search(who_met):
        return False
    codes = set(event.process.split("--"))
    sides = {
        a.name
        for a in event.actors
        if a.role == "party" and a.kind in SIDE_KINDS and a.mention and a.mention in who_met
    }
    if len(sides) != 1:
        return False
    return any(
        a.role in ("mentioned", "mediator")
        and a.kind in ("organisation", "state")
        and (a.country or a.name) not in codes
        and a.mention
        and (at := who_met.find(a.mention)) > 0
        and _WITH_A_THIRD.search(who_met, max(0, at - 12), at) is not None
        for a in event.actors
    )


def internal(event: Event) -> bool:
    """A meeting of one side's own body ("Peru's parliament met in Lima to debate the
    ceasefire", "the cabinet held an emergency meeting", "a session of the Security Council"):
    no meeting between the sides. A plural ("the parliaments of Chile and Peru") is not one, nor
    a member who meets the other side ("the speaker of Peru's parliament met Chilean envoys")."""
    text = cues.without_cue("internal_member", event.sentence.text)
    return cues.round_cue("internal_meeting", text)


def preparatory(event: Event) -> bool:
    """A meeting held to prepare talks ("technical teams met in Arica to prepare the second
    round", "consultations with the mediator ahead of the next round"): no round itself."""
    return cues.round_cue("preparatory", event.sentence.text)


def _sidelines(event: Event) -> bool:
    """A gathering of others attended ("attended a regional summit"), one side meeting a third
    party on its margins, or a body meeting beside the talks themselves ("a technical committee
    met on the sidelines of the main talks"): no round of the process. Two sides named meeting
    on the margins ("the presidents of Chile and Peru met on the sidelines of the summit in
    Quito") is a meeting of the process, as is a round the sentence numbers there."""
    text = event.sentence.text
    if cues.round_cue("sidelines_round", text):
        return False
    if cues.round_cue("multilateral_gathering", text) or cues.round_cue("sidelines_of_talks", text):
        return True
    if not cues.round_cue("sidelines", text):
        return False
    purpose = _PURPOSE.search(text)
    who_met = text[: purpose.start()] if purpose else text
    return len(_sides_named(event, who_met)) < 2 and not cues.round_cue("pair_of_sides", who_met)


def _sides_named(event: Event, within: str | None = None) -> set[str]:
    """The sides of the process the event names (those named in the words `within`, if given)."""
    return {
        a.name
        for a in event.actors
        if a.role == "party"
        and a.kind in SIDE_KINDS
        and (within is None or (a.mention is not None and a.mention in within))
    }


def _visit(event: Event) -> bool:
    """A visit of one side to a third country ("the prime minister visited Rome, where he met
    Italian officials"): one party named, no other side of the process, and no one in a third
    party's role (an envoy visiting a side is mediation, and stays a meeting)."""
    text = event.sentence.text
    if not cues.round_cue("visit", text) or cues.round_cue("visitor_mediates", text):
        return False
    roles = {a.role for a in event.actors}
    return len(_sides_named(event)) <= 1 and not roles & {"mediator", "host"}


def other_track(event: Event) -> bool:
    """Talks between others ("Meanwhile, Brazil and Argentina held talks on trade"): two or
    more states or armed groups named, none of them a party of this process nor a third party
    in a role of it, or a meeting the sentence calls a separate process. A snippet has one
    process key, so such a meeting comes keyed as this one."""
    if cues.round_cue("separate_track", event.sentence.text):
        return True  # "a national dialogue with the opposition, a separate process"
    sides = [a for a in event.actors if a.kind in SIDE_KINDS]
    if len(sides) >= 2 and all(a.role == "mentioned" for a in sides):
        return True
    return _one_side_at_an_outsiders(event, sides) or _at_an_outsiders_home(event, sides)


def _one_side_at_an_outsiders(event: Event, sides: list[Actor]) -> bool:
    """One side of the process and a state outside it, named together ("Chadian and Cameroonian
    officials", "officials of Chad and Cameroon"), meeting in that state ("met in Yaounde for
    their border commission"): a track of its own. Not when a third party in a role of this
    process is named, nor for a side and guarantors named apart ("the government and the rebels
    met in Mexico City, with Norway and Mexico as guarantors")."""
    codes = set(event.process.split("--"))
    parties = [a for a in sides if a.role == "party"]
    outsiders = [a for a in sides if a.role == "mentioned" and a.country and a.country not in codes]
    if len(parties) != 1 or not outsiders:
        return False
    if any(a.role in ("mediator", "host") for a in event.actors):
        return False
    found = _venue_place(event)
    if found is None:
        return False
    text = event.sentence.text
    return any(found[0] == a.country and _named_together(text, parties[0], a) for a in outsiders)


# Where a meeting's purpose starts ("met X in Y to ask for help with Z"): a side named after it
# is what the meeting was about, not who met.
_PURPOSE = re.compile(
    r"\b(?:to|in order to|so as to)\s+(?:ask|seek|request|discuss|brief|press|urge)\b"
)


# A state's people as whom one met: "met a senior Ruritanian official", "talks with the US envoy".
_MET_BEFORE = re.compile(
    r"\b(?:(?:met|meets|meeting|talks with|met with|spoke with)(?:\s+[\w-]+){0,3}"
    # "held talks in Ankara on Sunday with his Turkish counterpart"
    r"|(?:met|meets|meeting|talks|consultations|discussions)\b[^.;,]{0,50}?\bwith(?:\s+[\w-]+){0,2})"
    r"\s+$",
    re.IGNORECASE,
)


# The outsider's people named as go-betweens ("met the American envoy in Washington"): the
# outsider mediates, and the meeting may be a round.
_MEDIATING_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:envoys?|mediators?|negotiators?|delegations?|facilitators?)\b",
    re.IGNORECASE,
)


def _at_an_outsiders_home(event: Event, sides: list[Actor]) -> bool:
    """One side meeting the people of a state outside the process in that state ("the minister
    met a senior Ruritanian official in Strelsau to ask for help against the rebels'
    smugglers"): one side's business abroad. Not when a third party of this process is named in
    its role, nor when two sides of the process are named as meeting (outside a possessive or
    the meeting's purpose)."""
    found = _venue_place(event)
    if found is None or any(a.role in ("mediator", "host") for a in event.actors):
        return False
    text = event.sentence.text
    codes = set(event.process.split("--"))
    met_outsider = any(
        a.role == "mentioned"
        and a.kind == "state"
        and a.country == found[0]
        and a.country not in codes
        and a.mention
        and (at := text.find(a.mention)) > 0
        and _MET_BEFORE.search(text, max(0, at - 40), at) is not None
        and _MEDIATING_AFTER.match(text, at + len(a.mention)) is None
        for a in sides
    )
    if not met_outsider:
        return False
    purpose = _PURPOSE.search(text)
    cut = purpose.start() if purpose else len(text)
    met = {
        a.name
        for a in sides
        if a.role == "party"
        and a.mention
        and 0 <= text.find(a.mention) < cut
        and not _possessor(a, text)
    }
    return len(met) <= 1


def _venue_place(event: Event) -> tuple[str, str] | None:
    """(country code, kind) of the talks' venue, when the places lexicon knows it."""
    venue = event.venue if isinstance(event, TalksEvent) else None
    return place_kinds().get(venue.casefold()) if venue else None


# Two names joined as one subject: "Chadian and Cameroonian", "Chad, Cameroon".
_JOINED = re.compile(r"\s*(?:and|&|,)\s*")


def _named_together(text: str, a: Actor, b: Actor) -> bool:
    at_a = text.find(a.mention or a.name)
    at_b = text.find(b.mention or b.name)
    if at_a < 0 or at_b < 0:
        return False
    (first, start), (_, end) = sorted([(a, at_a), (b, at_b)], key=lambda x: x[1])
    gap_from = start + len(first.mention or first.name)
    return _JOINED.fullmatch(text, gap_from, end) is not None


def is_cancelled(event: Event) -> bool:
    """A meeting called off or put off ("will not take place", "postponed"); not a meeting
    named by its delay ("the delayed talks finally opened")."""
    return event.type == "talks" and cues.round_cue("cancelled", _put_off_words(event))


def is_postponed(event: Event) -> bool:
    return event.type == "talks" and cues.round_cue("postponed", _put_off_words(event))


def _put_off_words(event: Event) -> str:
    # "days after talks in Quito were called off": another meeting's put-off, not this one's.
    text = cues.without_clause("background_clause", event.sentence.text)
    return cues.without_cue("delay_named", text)


def moved_to(event: Event) -> bool:
    """A postponement that gives the new date ("postponed to March 20"), or a vague time after
    its verb ("pushed back to the coming weeks"): the plan moved, its place kept."""
    when, day = own_date(event), published_day(event)
    return (
        is_postponed(event)
        and when is not None
        and day is not None
        and (when.start > day if when.precision != "vague" else when.end > day)
        # "initially scheduled for May 20, was postponed": the date it had, not its new one
        and not cues.introduced_by("old_date", when.text, event.sentence.text, adjacent=True)
        and not _dated_before_put_off(event, when.text)
    )


def _dated_before_put_off(event: Event, when: str) -> bool:
    """A put-off names its new date after its verb ("was postponed to June 9", "put off until
    June 9"); a date told before it is the date the plan had ("the round planned to start in
    Oslo on June 5 was postponed", "the June 5 talks were put off")."""
    text = _put_off_words(event)
    verb = cues.round_cue_at("postponed", text)
    at = event.sentence.text.find(when)
    return verb is not None and 0 <= at < verb


def is_historical(event: Event) -> bool:
    """Read as history, or dated long before the report ("the 2016 accord signed in Havana"), or
    undated but told in an earlier year ("they had met in Geneva in 2029")."""
    if event.modality == "historical" or cues.round_cue("file_photo", event.sentence.text):
        return True
    when, day = own_date(event), published_day(event)
    if when is None:
        return event.type == "talks" and (
            older_year(event) or cues.round_cue("undated_history", event.sentence.text)
        )
    if day is None:
        return False
    # "signed in Doha last year": a date no finer than a year, in an earlier year.
    return (day - when.end) > HISTORY or (when.precision == "year" and when.end.year < day.year)


def is_held(event: Event) -> bool:
    # Only the present news: a historical mention is not a round of this process's talks.
    return (
        _is_meeting(event)
        and not is_historical(event)
        and not _is_future(event)
        and ((event.modality == "actual" and not _plan_words(event)) or held_besides_plan(event))
        and not is_cancelled(event)
    )


def is_past_meeting(event: Event) -> bool:
    """A meeting told as history ("the sides first met in Oslo in 2019"): kept apart."""
    return (
        _is_meeting(event)
        and is_historical(event)
        and not _plan_words(event)
        and not is_cancelled(event)
        and meeting_cue(event)
    )


def is_planned(event: Event) -> bool:
    return (
        _is_meeting(event)
        and not is_cancelled(event)
        and not held_besides_plan(event)
        and not _deadline_of_an_act(event)
        and (
            event.modality == "planned"
            or (event.modality == "actual" and (_is_future(event) or _plan_words(event)))
        )
    )


def _deadline_of_an_act(event: Event) -> bool:
    """ "The delegations agreed to free 60 prisoners each by July 15": the day something is due
    by, in a sentence that names no meeting, dates no meeting planned."""
    when = own_date(event)
    if when is None or not when.text:
        return False
    text = event.sentence.text
    return cues.introduced_by("deadline", when.text, text, adjacent=True) and not cues.round_cue(
        "meeting_named", text
    )


def _headline(event: Event) -> bool:
    """A headline: so marked by the reading, or words with no full stop before a closing quote
    ('Talks restore truce; next round "in March"')."""
    if event.sentence.kind == "headline":
        return True
    return not event.sentence.text.rstrip().rstrip(_CLOSERS).endswith(_FULL_STOPS)


def headline_held_place(event: Event) -> bool:
    """A headline that tells talks held at a place and then the next meeting ("Talks in Quito
    restore truce; next round in March", "Talks end in Niamey, but date of next round slips"):
    the place is the talks', not the plan's. A place after the next meeting ("talks end, next
    round set for Vienna") is the plan's."""
    venue = event.venue if isinstance(event, TalksEvent) else None
    text = event.sentence.text
    if venue is None or not _headline(event):
        return False
    at_next = cues.round_cue_at("next_meeting_named", text)
    if at_next is None:
        return False
    mention = next((p.mention for p in event.places if p.name == venue and p.mention), venue)
    return 0 <= text.find(mention) < at_next


def meeting_cue(event: Event) -> bool:
    """The report says a meeting was held: "held talks", "met", "ended a round" (a signing placed
    at a venue is one too, see signing_venue); not third states meeting about the conflict."""
    return (
        _held_cue(event.sentence.text)
        and not _others_meet_about_it(event)
        and not _host_recap(event)
        and not _standing_channel(event)
    )


def _standing_channel(event: Event) -> bool:
    """ "The bishop has been carrying messages between the two sides", undated: a go-between's
    channel that goes on, not a meeting; its words were the only held cue."""
    text = event.sentence.text
    return (
        own_date(event) is None
        and cues.round_cue("standing_channel", text)
        and not _held_cue(text, cues.without_cue("standing_channel", text))
    )


def _host_recap(event: Event) -> bool:
    """ "Togo hosted one round without mediating", undated: a host named for rounds told
    elsewhere (an explainer's recap), no report of a meeting of its own."""
    return own_date(event) is None and cues.round_cue("host_recap", event.sentence.text)


def _others_meet_about_it(event: Event) -> bool:
    """ "Foreign ministers from Brazil and Spain met in Madrid to discuss the crisis between Chile
    and Peru": the first actor named, the meeting's subject, is a state outside the process."""
    text = event.sentence.text
    if not cues.round_cue("about_conflict", text):
        return False
    first = next((a for a in event.actors if a.kind in ("state", "armed_group")), None)
    codes = set(event.process.split("--"))
    return first is not None and first.role != "party" and (first.country or "") not in codes


def _held_cue(text: str, words: str | None = None) -> bool:
    """A held cue in the sentence `text` (in `words`, the part of it to look in, when given)."""
    # A headline or caption ("Peace talks in Lisbon") is no sentence: it has no full stop.
    if not text.rstrip().endswith(_SENTENCE_ENDS):
        return False
    # "The first swap since the talks began" dates the swap by the talks: no report of a meeting.
    words = cues.without_cue("background_clause", text if words is None else words)
    # "welcomed the prospect of talks in Lima": talks named as a prospect, not reported held
    words = cues.without_cue("prospect", words)
    # "the talks, which had been postponed twice, opened": times of a delay, no recap of meetings
    return cues.round_cue("held_meeting", words) and not cues.round_cue(
        "recap", cues.without_cue("delay_named", words)
    )


def referring(event: Event) -> bool:
    """An undated sentence that names a meeting at a place without reporting one ("the agreement
    reached at the talks in Lima was welcomed"): its held cue is only the meeting's name."""
    text = event.sentence.text
    when = own_date(event)
    # "During the talks in Lima, ..., Chile said on Tuesday": the day of the statement.
    if when is not None and not (
        when.text and cues.introduced_by("report_date", when.text, text, adjacent=True)
    ):
        return False
    return _held_cue(text) and not _held_cue(text, cues.without_cue("reference", text))


def named_only(event: Event) -> bool:
    """A reference whose only held cue is the talks' name ("Peru's president said on Thursday
    the talks in Lima were Chile's last chance"): it names talks without saying they were held,
    so it joins a meeting held there but makes no row alone. A recap in a verb ("since they met
    in Lima", "had met in Lima") still tells a meeting held."""
    text = event.sentence.text
    return referring(event) and not _held_cue(text, cues.without_cue("named_reference", text))


def signing_reference(event: Event) -> bool:
    """An undated signing that names the accord rather than reports it ("under the accord signed
    in Doha", "the accord, which the sides signed in Doha, calls for"): it refers to the
    signing, as a reference to talks does."""
    return own_date(event) is None and cues.round_cue("signing_reference", event.sentence.text)


def _possessor(actor: Actor, text: str) -> bool:
    """ "President Trump's envoy": the possessor names whom the envoy serves, not who met."""
    if not actor.mention:
        return False
    at = text.find(actor.mention)
    return at >= 0 and text.startswith(("'s", "\u2019s"), at + len(actor.mention))


def heads(event: Event) -> tuple[DelegationHead, ...]:
    return tuple(
        DelegationHead(name=a.name, title=a.title, country=a.country)
        for a in event.actors
        if a.kind == "person"
        and a.title
        and cues.has("delegation_titles", a.title)
        and not _possessor(a, event.sentence.text)
    )


@cache
def _ordinal_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    lexicon = load("rounds")
    words: dict[str, int] = lexicon["ordinals"]
    nouns = "|".join(lexicon["round_nouns"])
    number = "|".join(words) + r"|\d{1,2}(?:st|nd|rd|th)"
    pattern = re.compile(
        rf"\b(?:(?P<ord>{number})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})s?"
        rf"|(?:round|session)\s+(?P<num>\d{{1,2}}|{'|'.join(_CARDINALS)}))\b",
        re.IGNORECASE,
    )
    return pattern, words


_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def meeting_ordinal(event: Event) -> tuple[int, ...]:
    """The number of the round a report tells of, not of one it prepares or plans ("met on
    Thursday to prepare the second round", "met ... and agreed to hold a third round")."""
    text = cues.without_cue("ordinal_not_number", event.sentence.text)
    text = cues.without_clause("preparatory", text)
    if held_besides_plan(event):
        text = cues.without_clause("plan", text)
    return round_ordinal(text)


def round_ordinal(text: str) -> tuple[int, ...]:
    """The number of the round a sentence reports ("the fourth round", "round two"); none when
    it numbers several (a recap: "the first ... and the fourth rounds")."""
    pattern, words = _ordinal_pattern()
    found = set()
    for match in pattern.finditer(text):
        word = (match.group("ord") or match.group("num")).lower()
        value = words.get(word) or _CARDINALS.get(word)
        found.add(value if value is not None else int(re.sub(r"\D", "", word)))
    return tuple(found) if len(found) == 1 else ()


def older_year(event: Event, text: str | None = None) -> bool:
    """The sentence (or the given part of it) names a year before the one it was published in,
    other than as the start of something ("at war since 2029")."""
    day = published_day(event)
    if day is None:
        return False
    text = event.sentence.text if text is None else text
    return any(
        int(m.group(1)) < day.year and not _SINCE.search(text, max(0, m.start() - 12), m.start())
        for m in _YEAR.finditer(text)
    )


_SINCE = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-)?$", re.IGNORECASE)


# A year, not part of a longer number ("1,2012" or "2012,000"); a comma after it may end a
# clause ("signed in Lima in 2012, recalled an official").
_YEAR = re.compile(r"(?<![\w,.])((?:18|19|20)\d\d)(?!\w|,\d)")


def signing_venue(event: Event) -> str | None:
    """Where a signing took place, for an accord signed at a named place ("signed ... in Doha"):
    a signing ceremony is a meeting of the signatories."""
    text = event.sentence.text
    if event.type != "agreement" or event.modality != "actual" or is_historical(event):
        return None
    if _is_future(event):
        return None  # "will be signed in Doha on May 25": dated after the report, not held yet
    if own_date(event) is None and older_year(event):
        return None  # "the 2016 accord signed in Havana": an old signing, named as history
    if not cues.round_cue("signing", text) or _plan_words(event):
        return None
    return _signing_place(event)


def planned_signing_venue(event: Event) -> str | None:
    """Where a signing is planned ("will be signed at a ceremony in Dhaka later this month", "a
    signing ceremony planned in Doha on May 25"): the signatories' next meeting there."""
    if event.type != "agreement" or event.modality in ("negated", "hypothetical", "historical"):
        return None
    if not cues.round_cue("signing", event.sentence.text):
        return None
    ahead = event.modality == "planned" or _is_future(event) or _plan_words(event)
    return _signing_place(event) if ahead else None


def _signing_place(event: Event) -> str | None:
    text = event.sentence.text
    if (
        cues.round_cue("agreement_reference", text)
        and not cues.round_cue("signed", text)
        and not _dated_where_agreed(event)
    ):
        return None  # "the ceasefire agreed in Lima was extended": the accord, named
    # "at the United States Institute of Peace in Washington": a place followed by a capitalised
    # word is part of a name; of the places left, a city names the signing before its country.
    named = [
        place.name
        for place in event.places
        if re.search(
            rf"\b(?:in|at) (?:the )?{re.escape(place.mention or place.name)}\b(?! [A-Z])",
            text,
        )
    ]
    return min(named, key=_is_country_name) if named else None


def _dated_where_agreed(event: Event) -> bool:
    """ "The ceasefire agreed in Lusaka on Friday held": the day right after the place dates the
    meeting that agreed it, so the sentence reports that meeting."""
    when = own_date(event)
    return (
        when is not None
        and bool(when.text)
        and cues.introduced_by("agreed_at_place", when.text, event.sentence.text, adjacent=True)
    )


def _is_country_name(name: str) -> bool:
    found = place_kinds().get(name.casefold())
    return found is not None and found[1] == "country"
