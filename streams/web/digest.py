"""What an operator reads first, picked from a process's state: pure functions of JSON-able data.

The state fold may grow fields (a richer status "because", round flags, exchange breakdowns):
everything here reads keys defensively, so a missing or new key never breaks a page. Both the
overview (through `brief`, cached per table value in `data`) and the process page use these
picks, so the card and the page's summary say the same thing.
"""

from collections.abc import Iterable, Mapping
from typing import Any

UNASSIGNED = "unassigned"
UNATTRIBUTED = "unattributed"  # the claimant of a figure no one is reported to have given
# Words for the codes of the extraction (statement subtypes and position stances).
STANCE_WORDS = {
    "public_statement": "stated",
    "quotation": "quoted",
    "reject": "rejected",
    "disapprove": "criticised",
    "threaten": "threatened",
    "demand": "demanded",
    "praise": "praised",
    "pledge": "pledged",
    "appeal": "appealed",
    "positive": "positive",
    "negative": "negative",
    "neutral": "neutral",
}
PRECISION_WORDS = {
    "day": "date set",
    "week": "within a week",
    "month": "within a month",
    "quarter": "within a quarter",
    "year": "within a year",
    "vague": "vague",
}
# Plans whose state says so, under any of the names the fold may give the flag.
PLAN_FLAGS = ("postponed", "cancelled", "passed", "held")
NOT_A_ROUND = {"cancelled", "postponed", "optional", "planned"}


def words(code: Any) -> str:
    """A human word for an extraction code; unknown codes lose their underscores."""
    if code is None or code == "":
        return "mentioned"
    return STANCE_WORDS.get(str(code), str(code).replace("_", " "))


def process_name(process: str, parties: Iterable[Mapping[str, Any]] | None) -> str:
    """ "Russia – Ukraine": each side of the key ("RU--UA") named by the party that stands for
    it, in the key's order; a side no party stands for keeps its code ("AM – Azerbaijan"), and
    parties the key does not name follow. The key itself when no party is known."""
    if process == UNASSIGNED:
        return "Reports with no process"
    listed = [p for p in parties or [] if isinstance(p, Mapping) and p.get("name")]
    if not listed:
        return process
    used: set[int] = set()
    names = []
    for side in (s for s in process.split("--") if s):
        found = next(
            (i for i, p in enumerate(listed) if i not in used and _stands_for(p, side)), None
        )
        if found is None and "-" in side:  # a group named in another language ("CO-ELN")
            country = side.partition("-")[0]
            found = next(
                (
                    i
                    for i, p in enumerate(listed)
                    if i not in used
                    and p.get("kind") not in (None, "state")
                    and p.get("country") == country
                ),
                None,
            )
        if found is None:
            names.append(side)
        else:
            used.add(found)
            names.append(str(listed[found]["name"]))
    names += [str(p["name"]) for i, p in enumerate(listed) if i not in used]
    return " – ".join(dict.fromkeys(names))


def _stands_for(party: Mapping[str, Any], side: str) -> bool:
    """A state stands for its country code; a group for "CC-NAME" when NAME is its initials or
    the start of its name ("SD-RSF": Rapid Support Forces, "YE-HOUTHI": Houthis)."""
    country, _, group = side.partition("-")
    if not group:
        if party.get("kind") in (None, "state"):
            return party.get("country") == country
        return "".join(str(party.get("name")).split()).casefold() == side.casefold()
    if party.get("kind") in (None, "state"):
        return False
    words = [w for w in str(party.get("name")).replace("'s", "").split() if w[:1].isupper()]
    initials = "".join(w[0] for w in words).casefold()
    compact = "".join(str(party.get("name")).split()).casefold()
    return group.casefold() in (initials,) or compact.startswith(group.casefold())


def mediators(state: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Mediators and hosts that are not also a party (an actor can be read in both roles)."""
    parties = state.get("parties") or []
    taken = {str(p.get("name")) for p in parties if isinstance(p, Mapping)}
    taken |= {str(p.get("country")) for p in parties if isinstance(p, Mapping) and p.get("country")}
    return [
        m
        for m in [*(state.get("mediators") or []), *(state.get("hosts") or [])]
        if isinstance(m, Mapping) and m.get("name") not in taken and m.get("country") not in taken
    ]


def span(item: Mapping[str, Any]) -> tuple[str, str]:
    """(first day, last day) of a round, plan or measure: its date, else its day window."""
    date = item.get("date")
    if isinstance(date, Mapping) and date.get("start"):
        start = str(date["start"])[:10]
        return start, str(date.get("end") or start)[:10]
    start = str(item.get("window_start") or item.get("window_end") or "")[:10]
    return start, str(item.get("window_end") or start)[:10]


def in_date_order(items: Iterable[Mapping[str, Any]] | None) -> list[Mapping[str, Any]]:
    """Oldest first by first day, then last day; undated items last."""
    listed = [i for i in items or [] if isinstance(i, Mapping)]
    return sorted(listed, key=lambda i: (not span(i)[0], span(i), str(i.get("venue") or "")))


def flags(item: Mapping[str, Any]) -> set[str]:
    """The flags the state gives an item: booleans, a `status`, or a `flags` list."""
    found = {name for name in (*PLAN_FLAGS, "optional") if item.get(name) is True}
    status = item.get("status")
    if isinstance(status, str):
        found.add(status)
    listed = item.get("flags")
    if isinstance(listed, list | tuple):
        found.update(str(f) for f in listed)
    return found


def last_round(rounds: Iterable[Mapping[str, Any]] | None) -> Mapping[str, Any] | None:
    """The latest round actually held: not flagged cancelled, postponed or optional; a phone
    call only when no meeting is known."""
    held = [r for r in in_date_order(rounds) if span(r)[0] and not flags(r) & NOT_A_ROUND]
    met = [r for r in held if r.get("format") != "phone"]
    chosen = met or held
    return chosen[-1] if chosen else None


def latest_day(state: Mapping[str, Any]) -> str:
    """The day of the newest report the state has folded: "now" as far as the state knows."""
    return str(state.get("last_published_at") or "")[:10]


def plan_mark(plan: Mapping[str, Any], today: str) -> str:
    """postponed, cancelled, passed or held when the state says so; else passed when its last
    day is before the newest report, else upcoming."""
    marked = flags(plan)
    for name in ("postponed", "cancelled", "held", "passed"):
        if name in marked:
            return name
    end = span(plan)[1]
    return "passed" if end and today and end < today else "upcoming"


def certainty(meeting: Mapping[str, Any]) -> str:
    """How sure the next meeting is: the state's word if it has one, else from its date."""
    given = meeting.get("certainty")
    if isinstance(given, str) and given:
        return given.replace("_", " ")
    date = meeting.get("date")
    if not isinstance(date, Mapping):
        return "no date"
    return PRECISION_WORDS.get(str(date.get("precision")), "date uncertain")


def last_measure(measures: Iterable[Mapping[str, Any]] | None) -> Mapping[str, Any] | None:
    """The newest exchange or agreement, by its days, then by its latest report."""
    listed = [m for m in measures or [] if isinstance(m, Mapping)]
    if not listed:
        return None
    return max(listed, key=lambda m: (span(m)[1], str(m.get("latest_key") or "")))


def sticking_points(issues: Iterable[Mapping[str, Any]] | None, limit: int = 3) -> list[str]:
    """Issues marked as sticking points, most mentioned first."""
    listed = [i for i in issues or [] if isinstance(i, Mapping) and i.get("sticking_point")]
    listed.sort(key=lambda i: (-int(i.get("mentions") or 0), str(i.get("issue"))))
    return [str(i.get("issue")) for i in listed[:limit]]


def latest_claims(claims: Mapping[str, Any] | None, limit: int = 4) -> list[Mapping[str, Any]]:
    """Each claimant's newest figure (killed before other units on the same day); the claimants
    with the newest figures first, unattributed figures last."""
    by_claimant = (claims or {}).get("by_claimant") or {}
    picked = []
    for claimant, items in by_claimant.items():
        listed = [c for c in items or [] if isinstance(c, Mapping)]
        if not listed:
            continue
        best = max(
            listed,
            key=lambda c: (str(c.get("as_of") or ""), c.get("unit") == "killed", _size(c)),
        )
        picked.append({**best, "claimant": best.get("claimant") or claimant})
    # Named claimants first: a figure nobody is reported to give says less than one that has.
    picked.sort(key=lambda c: (str(c.get("as_of") or ""), str(c.get("claimant"))), reverse=True)
    picked.sort(key=lambda c: str(c.get("claimant")) == UNATTRIBUTED)
    return picked[:limit]


def _size(claim: Mapping[str, Any]) -> int:
    for key in ("value", "high", "low"):
        if isinstance(claim.get(key), int):
            return int(claim[key])
    return 0


def sides(by_claimant: Mapping[str, Any] | None) -> list[str]:
    """The sides the claims are about, most claimed first; "side not given" last."""
    counts: dict[str, int] = {}
    for items in (by_claimant or {}).values():
        for claim in items or []:
            if isinstance(claim, Mapping):
                side = str(claim.get("side") or "")
                counts[side] = counts.get(side, 0) + 1
    named = sorted((s for s in counts if s), key=lambda s: (-counts[s], s))
    return [*named, ""] if "" in counts else named


def brief(state: Mapping[str, Any], claims: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The overview's card of one process: the same facts as the page's summary, without the
    citation lists the card does not show (the overview's JSON stays small)."""
    process = str(state.get("process") or "")
    measure = last_measure(state.get("measures"))
    return {
        "process": process,
        "name": process_name(process, state.get("parties")),
        "status": state.get("status"),
        "parties": [_slim(p, _CITATIONS) for p in state.get("parties") or []],
        "mediators": [_slim(m, _CITATIONS) for m in mediators(state)],
        "counts": state.get("counts") or {},
        "event_count": state.get("event_count", 0),
        "last_round": _slim(last_round(state.get("rounds")), _CITATIONS),
        "next_meeting": _slim(state.get("next_meeting"), _CITATIONS),
        # The card links the newest measure's first citation.
        "last_measure": {**measure, "evidence": (measure.get("evidence") or [])[:1]}
        if measure
        else None,
        "sticking_points": sticking_points(state.get("issues")),
        "claims": [_slim(c, ("sources", "snippets")) for c in latest_claims(claims)],
        "recent": (state.get("recent") or [])[:3],
        "last_published_at": state.get("last_published_at"),
    }


_CITATIONS = ("evidence", "outcomes", "snippets", "sources", "formats")


def _slim(item: Any, dropped: tuple[str, ...]) -> Any:
    if not isinstance(item, Mapping):
        return item
    return {k: v for k, v in item.items() if k not in dropped}


def overview_order(cards: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Keys by newest activity first; reports with no process last."""
    return sorted(
        cards,
        key=lambda k: (
            k == UNASSIGNED,
            # Negated text sorts the newest first while keys stay in ascending order.
            _descending(str((cards[k] or {}).get("last_published_at") or "")),
            k,
        ),
    )


def _descending(text: str) -> tuple[int, ...]:
    return (*(-ord(c) for c in text), 1)
