"""The operator pages (/ui/...) and the JSON behind each (/api/ui/...), on Faust's web server.

Read-only: every view answers GET only. Every page takes ?as_of= for time travel and
?fragment=1 for its body alone (what the live-update script swaps in). Per-key views are routed
to the worker that owns the key; list views merge the keys of every worker.
"""

from datetime import datetime
from typing import Any

from faust.web import Request, Response, View

from streams.app import app, settings
from streams.tables import TABLES, negotiations
from streams.web import charts, data, digest, html_overview, html_process, html_views, timeline
from streams.web.http import (
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


async def overview_data(as_of: datetime | None) -> tuple[dict[str, Any], list[str]]:
    """Each process's summary (status, parties, last round, next meeting, latest events)."""
    if as_of is None:
        return await data.cluster_values("negotiations", brief=True)
    past = await data.tables_as_of(as_of)
    claims = past.get("casualty_claims", {})
    states = past.get("negotiations", {})
    return {key: data.summary(state, claims.get(key)) for key, state in states.items()}, []


@app.page("/ui")
class OverviewPage(View):
    @page_errors("overview")
    async def get(self, request: Request) -> Response:
        return await as_of_page(
            self,
            request,
            "Negotiation processes",
            overview_data,
            html_overview.overview,
            active="overview",
            live="",
        )


@app.page("/api/ui/overview")
class OverviewApi(View):
    @json_errors
    async def get(self, request: Request) -> Response:
        return await as_of_json(self, request, "processes", overview_data, count=len)


# One process --------------------------------------------------------------------------------


async def process_data(process: str, as_of: datetime | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for table in TABLES:
        values, _ = await data.table_values(table, as_of, process)
        found[table] = values.get(process)
    return found


@app.page("/ui/process/{process}")
class ProcessPage(View):
    @page_errors("overview")
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        as_of, as_of_text = parse_as_of(request)
        page = await process_page_now(process) if as_of is None else None
        if page is None:
            found = await process_data(process, as_of)
            page = rendered_process(process, found, as_of_text) if any(found.values()) else None
        if page is None:
            known, _ = await overview_data(as_of)
            return page_response(
                self,
                request,
                "No such process",
                html_process.unknown_process(process, known, as_of_text),
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
            live=f"process={process}",
        )


def rendered_process(
    process: str, found: dict[str, Any], as_of_text: str | None
) -> tuple[str, str]:
    """(title, body) of a process page."""
    name = digest.process_name(process, (found.get("negotiations") or {}).get("parties"))
    title = name if name == process else f"{name} ({process})"
    return title, html_process.process_page(process, found, as_of_text)


# The page of a process as it stands now, kept until one of its table values changes: reading
# and rendering the four values costs a few milliseconds that most requests need not pay.
_process_pages: data.Kept[tuple[str, str]] = data.Kept(limit=256)


async def process_page_now(process: str) -> tuple[str, str] | None:
    raws = tuple(TABLES[table].get(process) for table in TABLES)
    if not any(raws):
        return None
    page = _process_pages.get(process, raws)
    if page is None:
        page = rendered_process(process, await process_data(process, None), None)
        _process_pages.put(process, raws, page)
    return page


@app.page("/api/ui/process/{process}")
class ProcessApi(View):
    @json_errors
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        as_of, as_of_text = parse_as_of(request)
        found = await process_data(process, as_of)
        if not any(found.values()):
            return json_response(self, {"error": f"no process {process!r}"}, 404)
        return json_response(self, {"process": process, "as_of": as_of_text, "tables": found})


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
