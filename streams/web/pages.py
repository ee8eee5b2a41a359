"""The operator pages (/ui/...) and the JSON behind each (/api/ui/...), on Faust's web server.

Read-only: every view answers GET only. Every page takes ?as_of= for time travel and
?fragment=1 for its body alone (what the live-update script swaps in). Per-key views are routed
to the worker that owns the key; list views merge the keys of every worker.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from faust.web import Request, Response, View

from streams.app import app, settings
from streams.core.fold.counterparts import joins, shown_in
from streams.tables import TABLES, negotiations
from streams.web import (
    charts,
    data,
    digest,
    html,
    html_overview,
    html_process,
    html_views,
    joined,
    timeline,
)
from streams.web.http import (
    SECURITY_HEADERS,
    BadQuery,
    api_of,
    as_of_json,
    as_of_page,
    json_errors,
    json_response,
    page_errors,
    page_response,
    parse_as_of,
    unreachable_notes,
)
from streams.web.log import SnippetLog

snippets_log = SnippetLog(settings)


# Overview -----------------------------------------------------------------------------------


def as_stored(request: Request) -> bool:
    """?as_stored=1: negotiations as the tables store them, by process key (for operators
    debugging keying); by default they are shown joined, as `parley state` shows them."""
    return (request.query.get("as_stored") or "") not in ("", "0")


async def overview_data(
    as_of: datetime | None, stored: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """Each process's summary (status, parties, last round, next meeting, latest events): a key
    the joined view shows inside another process is left out, and that process's card says so
    (`joined`), unless `stored`."""
    if as_of is None:
        cards, missing = await data.cluster_values("negotiations", brief=True)
        if stored:
            return cards, missing
        shown, more = await joined.overview_cards(cards)
        return shown, missing + [m for m in more if m not in missing]
    past = await data.tables_as_of(as_of)
    claims = past.get("casualty_claims", {})
    states = past.get("negotiations", {})
    if not stored:
        return joined.past_overview(states, claims), []
    return {key: data.summary(state, claims.get(key)) for key, state in states.items()}, []


@app.page("/ui")
class OverviewPage(View):
    @page_errors("overview")
    async def get(self, request: Request) -> Response:
        stored = as_stored(request)
        return await as_of_page(
            self,
            request,
            "Negotiation processes" + (" (as stored)" if stored else ""),
            lambda as_of: overview_data(as_of, stored),
            lambda cards, as_of_text: html_overview.overview(cards, as_of_text, stored),
            active="overview",
            live="",
        )


@app.page("/api/ui/overview")
class OverviewApi(View):
    @json_errors
    async def get(self, request: Request) -> Response:
        stored = as_stored(request)
        return await as_of_json(
            self,
            request,
            "processes",
            lambda as_of: overview_data(as_of, stored),
            count=len,
            as_stored=lambda _: stored,
        )


# One process --------------------------------------------------------------------------------


async def process_data(process: str, as_of: datetime | None) -> dict[str, Any]:
    """The process's value in every table, as stored."""
    found: dict[str, Any] = {}
    for table in TABLES:
        values, _ = await data.table_values(table, as_of, process)
        found[table] = values.get(process)
    return found


@dataclass
class ProcessView:
    """One process as the page shows it: its tables (negotiations joined unless asked as
    stored), the keys shown inside it, or the process a joined key is shown in."""

    tables: dict[str, Any] = field(default_factory=dict)
    # The joins that end in this process, in their order (`counterparts.joins`).
    joins: list[tuple[str, str]] = field(default_factory=list)
    shown_in: str | None = None
    missing: list[str] = field(default_factory=list)
    # The states joined in, by key: with the process's own values, the page's version.
    parts: dict[str, Any] = field(default_factory=dict)
    # Their casualty claims, by key: shown in this process too.
    claim_parts: dict[str, Any] = field(default_factory=dict)


async def process_view(
    process: str, as_of: datetime | None, stored: bool, tables: bool = True
) -> ProcessView:
    """The process as a reader sees it (`joined`), or as stored. Without `tables` only the joins
    and the joined-in states are found (the page's cache decides whether it needs the rest)."""
    if stored:
        return ProcessView(await process_data(process, as_of) if tables else {})
    past: dict[str, dict[str, Any]] = {}
    if as_of is None:
        thirds, missing = await data.cluster_third_parties()
    else:
        past = await data.tables_as_of(as_of)
        thirds, missing = joined.thirds_of_states(past.get("negotiations", {})), []
    found = joined.joins_of(thirds) if as_of is None else joins(thirds)
    final = shown_in(found)
    if process in final:
        return ProcessView(shown_in=final[process], missing=missing)
    mine = joined.joins_into(found, process)
    others = {k for pair in mine for k in pair} - {process}
    parts: dict[str, Any] = {}
    claim_parts: dict[str, Any] = {}
    if others and as_of is None:
        parts, more = await data.cluster_keys("negotiations", others)
        claim_parts, more_claims = await data.cluster_keys("casualty_claims", others)
        missing += [m for m in (*more, *more_claims) if m not in missing]
    elif others:
        parts = {k: v for k, v in past.get("negotiations", {}).items() if k in others}
        claim_parts = {k: v for k, v in past.get("casualty_claims", {}).items() if k in others}
    # A join whose state did not arrive (a worker out of reach) is not made, nor listed.
    made = [(k, into) for k, into in mine if {k, into} - {process} <= set(parts)]
    view = ProcessView(joins=made, missing=missing, parts=parts, claim_parts=claim_parts)
    if tables:
        view.tables = (
            await process_data(process, None)
            if as_of is None
            else {table: past.get(table, {}).get(process) for table in TABLES}
        )
        with_joined(process, view)
    return view


def with_joined(process: str, view: ProcessView) -> None:
    """The view's negotiations state with its parts joined in, and their casualty claims."""
    own = view.tables.get("negotiations")
    if view.joins and own:
        states = {**view.parts, process: own}
        view.tables["negotiations"] = joined.joined_json(states, view.joins)[process]
        claims = joined.joined_claims_json(
            process,
            view.tables.get("casualty_claims"),
            view.claim_parts,
            view.joins,
            data.state_third_parties(dict(view.tables["negotiations"])),
        )
        if claims is not None:
            view.tables["casualty_claims"] = claims


def shown_in_location(request: Request, target: str) -> str:
    """The address of the process a joined key is shown in, on the same kind of view (page or
    JSON) and with the same query."""
    prefix = "/api/ui/process/" if request.url.path.startswith("/api/") else "/ui/process/"
    query = request.url.query_string
    return prefix + html.seg(target) + ("?" + query if query else "")


def redirect(view: View, location: str) -> Response:
    return view.bytes(b"", status=303, headers={"Location": location, **SECURITY_HEADERS})


@app.page("/ui/process/{process}")
class ProcessPage(View):
    @page_errors("overview")
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        as_of, as_of_text = parse_as_of(request)
        stored = as_stored(request)
        found = await process_page_now(process, stored) if as_of is None else None
        if found is None:
            shown = await process_view(process, as_of, stored)
            found = shown, rendered_process(process, shown, as_of_text, stored)
        shown, page = found
        if shown.shown_in is not None:
            # A key the joined view shows inside another process: that process's page.
            return redirect(self, shown_in_location(request, shown.shown_in))
        if page is None:
            known, _ = await overview_data(as_of, stored)
            return page_response(
                self,
                request,
                "No such process",
                html_process.unknown_process(process, known, as_of_text, stored),
                active="overview",
                as_of=as_of_text,
                api=api_of(request),
                status=404,
            )
        title, body = page
        return page_response(
            self,
            request,
            title,
            body,
            active="overview",
            as_of=as_of_text,
            api=api_of(request),
            # Events of the keys shown inside this process change it too.
            live=urlencode({"process": ",".join([process, *(k for k, _ in shown.joins)])}),
            notes=unreachable_notes(shown.missing),
        )


def rendered_process(
    process: str, shown: ProcessView, as_of_text: str | None, stored: bool
) -> tuple[str, str] | None:
    """(title, body) of a process page; None when no table has the key."""
    found = shown.tables
    if not any(found.values()):
        return None
    name = digest.process_name(process, (found.get("negotiations") or {}).get("parties"))
    title = name if name == process else f"{name} ({process})"
    keyed = html_process.keying_note(process, [k for k, _ in shown.joins], as_of_text, stored)
    return title, keyed + html_process.process_page(process, found, as_of_text)


# The page of a process as it stands now, kept until one of its table values (or a state joined
# into it) changes: reading and rendering the four values costs a few milliseconds that most
# requests need not pay.
_process_pages: data.Kept[tuple[str, str] | None] = data.Kept(limit=256)


async def process_page_now(
    process: str, stored: bool
) -> tuple[ProcessView, tuple[str, str] | None] | None:
    """(the view, its page) now; None when no table has the key here (a key joined into another
    process may live on another worker: its page is then that process's)."""
    raws = tuple(TABLES[table].get(process) for table in TABLES)
    if not any(raws):
        return None
    shown = await process_view(process, None, stored, tables=False)
    if shown.shown_in is not None:
        return shown, None
    version = (raws, shown.joins, shown.parts, shown.claim_parts)
    page = _process_pages.get((process, stored), version)
    if page is None:
        shown.tables = await process_data(process, None)
        with_joined(process, shown)
        page = rendered_process(process, shown, None, stored)
        _process_pages.put((process, stored), version, page)
    return shown, page


@app.page("/api/ui/process/{process}")
class ProcessApi(View):
    @json_errors
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        as_of, as_of_text = parse_as_of(request)
        stored = as_stored(request)
        shown = await process_view(process, as_of, stored)
        if shown.shown_in is not None:
            return redirect(self, shown_in_location(request, shown.shown_in))
        if not any(shown.tables.values()):
            return json_response(self, {"error": f"no process {process!r}"}, 404)
        return json_response(
            self,
            {
                "process": process,
                "as_of": as_of_text,
                "as_stored": stored,
                # Keys keyed apart whose reports the negotiations state includes.
                "joined": [k for k, _ in shown.joins],
                "tables": shown.tables,
                "unreachable_workers": shown.missing,
            },
        )


# Timeline and evidence ----------------------------------------------------------------------


def types_of(request: Request) -> list[str]:
    """Every `type` parameter (aiohttp's query is a multi-dict; Faust types it as a mapping)."""
    query: Any = request.query
    return [str(value) for value in query.getall("type", [])]


async def timeline_data(request: Request) -> tuple[timeline.Filters, list[Any], int, list[str]]:
    as_of, _ = parse_as_of(request)
    filters = timeline.parse_filters(request.query, types_of(request), as_of)
    records = await data.events_log.events()
    events = [record.data for record in records]
    processes = sorted({str(ev.get("process")) for ev in events if ev.get("process")})
    chosen, total = timeline.select(events, filters)
    return filters, chosen, total, processes


# Drawn once per question and state of the log: at 200 requests/s the selecting and drawing of
# a few thousand rows, not the log, was the bound.
_timeline_bodies: data.Kept[str] = data.Kept(limit=64)


async def timeline_body(request: Request) -> str:
    key = tuple(sorted(request.query.items()))
    version = len(await data.events_log.events())
    body = _timeline_bodies.get(key, version)
    if body is None:
        filters, chosen, total, processes = await timeline_data(request)
        shown = {**filters.as_dict(), "as_of": request.query.get("as_of")}
        body = html_views.timeline_page(chosen, shown, processes, total)
        _timeline_bodies.put(key, version, body)
    return body


@app.page("/ui/timeline")
class TimelinePage(View):
    @page_errors("timeline")
    async def get(self, request: Request) -> Response:
        return page_response(
            self,
            request,
            "Timeline",
            await timeline_body(request),
            active="timeline",
            as_of=request.query.get("as_of") or None,
            api=api_of(request),
            live="",
        )


@app.page("/api/ui/timeline")
class TimelineApi(View):
    @json_errors
    async def get(self, request: Request) -> Response:
        filters, chosen, total, processes = await timeline_data(request)
        return json_response(
            self,
            {
                "filters": {**filters.as_dict(), "as_of": request.query.get("as_of")},
                "events": chosen,
                "count": len(chosen),
                "matched": total,
                "processes": processes,
            },
        )


async def evidence_data(snippet_id: str, event_id: str | None) -> dict[str, Any]:
    snippet = await snippets_log.get(snippet_id)
    events = [
        r.data for r in await data.events_log.events() if r.data.get("snippet_id") == snippet_id
    ]
    events.sort(key=lambda ev: ((ev.get("sentence") or {}).get("start", 0), str(ev.get("type"))))
    span = None
    if snippet is not None and event_id:
        text = str(snippet.get("text") or "")
        for event in events:
            if event.get("id") != event_id:
                continue
            sentence = event.get("sentence") or {}
            start, end = int(sentence.get("start", 0)), int(sentence.get("end", 0))
            if text[start:end] != sentence.get("text"):
                # Offsets that do not fit the text: fall back to finding the sentence.
                found = text.find(str(sentence.get("text") or ""))
                start, end = (
                    (found, found + len(sentence.get("text") or "")) if found >= 0 else (0, 0)
                )
            if end > start:
                span = (start, end)
    return {"snippet_id": snippet_id, "snippet": snippet, "events": events, "highlight": span}


@app.page("/ui/evidence/{snippet_id}")
class EvidencePage(View):
    async def get(self, request: Request, snippet_id: str) -> Response:
        found = await evidence_data(snippet_id, request.query.get("event"))
        body = html_views.evidence_page(
            snippet_id, found["snippet"], found["events"], found["highlight"]
        )
        status = 200 if found["snippet"] is not None else 404
        return page_response(
            self,
            request,
            f"Evidence: snippet {snippet_id}",
            body,
            active="timeline",
            as_of=None,
            api=api_of(request),
            status=status,
        )


@app.page("/api/ui/evidence/{snippet_id}")
class EvidenceApi(View):
    async def get(self, request: Request, snippet_id: str) -> Response:
        found = await evidence_data(snippet_id, request.query.get("event"))
        status = 200 if found["snippet"] is not None else 404
        return json_response(self, found, status)


# Strikes ------------------------------------------------------------------------------------


# Past moments asked once should not pile up.
_place_indexes: data.Kept[charts.PlaceIndex] = data.Kept(limit=16)


async def place_index(as_of: datetime | None) -> charts.PlaceIndex:
    """The states targeted by strikes that name no town, read again only when the log grew."""
    records = await data.events_log.events()
    index = _place_indexes.get(as_of, len(records))
    if index is None:
        events = [r.data for r in records]
        if as_of is not None:
            past = timeline.Filters(as_of=as_of)
            events = [ev for ev in events if timeline.matches(ev, past)]
        index = _place_indexes.put(as_of, len(records), charts.unknown_place_index(events))
    return index


async def strikes_data(request: Request) -> dict[str, Any]:
    as_of, as_of_text = parse_as_of(request)
    by = request.query.get("by") or "place"
    if by not in ("place", "weapon"):
        raise BadQuery(f"by: expected place or weapon, got {by!r}")
    asked = (request.query.get("process") or "").strip() or None
    start = timeline._day(request.query.get("from"), "from")
    end = timeline._day(request.query.get("to"), "to")
    values, missing = await data.table_values("strike_activity", as_of)
    processes = sorted(values)
    # One process unless all are asked for: mixing processes hides what each is doing.
    process = charts.default_process(values) if asked is None else asked
    chosen = {k: v for k, v in values.items() if process == charts.ALL or k == process}
    if by == "place" and any(
        charts.UNKNOWN_PLACE in (d.get("by_place") or {})
        for state in chosen.values()
        for d in (state or {}).get("days", [])
    ):
        chosen = charts.name_unknown_places(chosen, await place_index(as_of))
    days = charts.strikes_per_day(chosen, by, start, end)
    return {
        "as_of": as_of_text,
        "filters": {"process": process, "by": by, "from": start, "to": end},
        "days": days,
        "total": sum(d["count"] for d in days),
        "processes": processes,
        "unreachable_workers": missing,
    }


@app.page("/ui/strikes")
class StrikesPage(View):
    @page_errors("strikes")
    async def get(self, request: Request) -> Response:
        found = await strikes_data(request)
        filters = {**found["filters"], "as_of": found["as_of"]}
        chosen = filters["process"]
        title = f"Strikes per day by {filters['by']}" + (
            f" in {chosen}" if chosen and chosen != charts.ALL else " in all processes"
        )
        chart = charts.stacked_bars(found["days"], title)
        return page_response(
            self,
            request,
            "Strikes",
            html_views.strikes_page(chart, found["days"], filters, found["processes"]),
            active="strikes",
            as_of=found["as_of"],
            api=api_of(request),
            live="type=strike",
            notes=unreachable_notes(found["unreachable_workers"]),
        )


@app.page("/api/ui/strikes")
class StrikesApi(View):
    @json_errors
    async def get(self, request: Request) -> Response:
        found = await strikes_data(request)
        return json_response(self, found)
