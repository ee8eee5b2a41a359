"""The operator pages (/ui/...) and the JSON behind each (/api/ui/...), on Faust's web server.

Read-only: every view answers GET only. Every page takes ?as_of= for time travel and
?fragment=1 for its body alone (what the live-update script swaps in). Per-key views are routed
to the worker that owns the key; list views merge the keys of every worker.
"""

import asyncio
import time
from datetime import datetime
from importlib import resources
from typing import Any
from urllib.parse import urlencode

import orjson
from faust.web import Request, Response, View

from streams import liveness
from streams.agents import processed
from streams.app import app, broker, settings
from streams.core.moments import moment_or_none
from streams.tables import TABLES, negotiations
from streams.web import charts, data, health, html, openapi, timeline
from streams.web.log import SnippetLog

snippets_log = SnippetLog(settings)

SECURITY_HEADERS = {
    # Nothing inline and nothing from elsewhere may run, even if a value escaped the escaping.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATIC_TYPES = {"style.css": "text/css", "live.js": "text/javascript"}


class BadQuery(ValueError):
    """A query parameter that cannot be used."""


def parse_as_of(request: Request) -> tuple[datetime | None, str | None]:
    text = (request.query.get("as_of") or "").strip()
    if not text:
        return None, None
    parsed = moment_or_none(text)
    if parsed is None:
        raise BadQuery(
            f"as_of: expected an ISO-8601 time such as 2026-02-05T18:00:00Z, got {text!r}"
        )
    return parsed, text


def json_response(view: View, payload: Any, status: int = 200) -> Response:
    body = orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    return view.bytes(
        body, content_type="application/json", status=status, headers=dict(SECURITY_HEADERS)
    )


def page_response(
    view: View,
    request: Request,
    title: str,
    body: str,
    *,
    active: str,
    as_of: str | None,
    api: str,
    live: str | None = None,
    notes: list[str] | None = None,
    status: int = 200,
) -> Response:
    if request.query.get("fragment"):
        text = body
    else:
        text = html.layout(
            title, body, active=active, as_of=as_of, api=api, live=live, notes=notes or []
        )
    return view.html(text, status=status, headers=dict(SECURITY_HEADERS))


def error_page(view: View, request: Request, active: str, message: str, status: int) -> Response:
    body = f'<p class="error" id="error">{html.e(message)}</p>'
    return page_response(
        view,
        request,
        "Error",
        body,
        active=active,
        as_of=None,
        api="/api/openapi.json",
        status=status,
    )


def api_of(request: Request) -> str:
    """The JSON address that goes with this page, keeping the query (less `fragment`)."""
    query = [(k, v) for k, v in request.query.items() if k != "fragment"]
    path = request.url.path
    path = "/api/ui/overview" if path.rstrip("/") == "/ui" else "/api" + path
    return path + ("?" + urlencode(query) if query else "")


def unreachable_notes(missing: list[str]) -> list[str]:
    return [f"Worker {host} did not answer; its keys are missing here." for host in missing]


# Overview -----------------------------------------------------------------------------------


async def overview_data(as_of: datetime | None) -> tuple[dict[str, Any], list[str]]:
    """Each process's summary (status, parties, last round, next meeting, latest events)."""
    if as_of is None:
        return await data.cluster_values("negotiations", brief=True)
    states, missing = await data.table_values("negotiations", as_of)
    return {key: data.summary(state) for key, state in states.items()}, missing


@app.page("/ui")
class OverviewPage(View):
    async def get(self, request: Request) -> Response:
        try:
            as_of, as_of_text = parse_as_of(request)
        except BadQuery as error:
            return error_page(self, request, "overview", str(error), 400)
        states, missing = await overview_data(as_of)
        return page_response(
            self,
            request,
            "Negotiation processes",
            html.overview(states, as_of_text),
            active="overview",
            as_of=as_of_text,
            api=api_of(request),
            live="",
            notes=unreachable_notes(missing),
        )


@app.page("/api/ui/overview")
class OverviewApi(View):
    async def get(self, request: Request) -> Response:
        try:
            as_of, as_of_text = parse_as_of(request)
        except BadQuery as error:
            return json_response(self, {"error": str(error)}, 400)
        states, missing = await overview_data(as_of)
        return json_response(
            self,
            {
                "as_of": as_of_text,
                "processes": states,
                "count": len(states),
                "unreachable_workers": missing,
            },
        )


# One process --------------------------------------------------------------------------------


async def process_data(process: str, as_of: datetime | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for table in TABLES:
        values, _ = await data.table_values(table, as_of, process)
        found[table] = values.get(process)
    return found


@app.page("/ui/process/{process}")
class ProcessPage(View):
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        try:
            as_of, as_of_text = parse_as_of(request)
        except BadQuery as error:
            return error_page(self, request, "overview", str(error), 400)
        found = await process_data(process, as_of)
        if not any(found.values()):
            message = f"No process {process!r}" + (f" as of {as_of_text}" if as_of_text else "")
            return error_page(self, request, "overview", message, 404)
        return page_response(
            self,
            request,
            f"Process {process}",
            html.process_page(process, found, as_of_text),
            active="overview",
            as_of=as_of_text,
            api=api_of(request),
            live=f"process={process}",
        )


@app.page("/api/ui/process/{process}")
class ProcessApi(View):
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        try:
            as_of, as_of_text = parse_as_of(request)
        except BadQuery as error:
            return json_response(self, {"error": str(error)}, 400)
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
    try:
        filters = timeline.parse_filters(request.query, types_of(request), as_of)
    except timeline.BadFilter as error:
        raise BadQuery(str(error)) from None
    records = await data.events_log.events()
    events = [record.data for record in records]
    processes = sorted({str(ev.get("process")) for ev in events if ev.get("process")})
    chosen, total = timeline.select(events, filters)
    return filters, chosen, total, processes


@app.page("/ui/timeline")
class TimelinePage(View):
    async def get(self, request: Request) -> Response:
        try:
            filters, chosen, total, processes = await timeline_data(request)
        except BadQuery as error:
            return error_page(self, request, "timeline", str(error), 400)
        shown = {**filters.as_dict(), "as_of": request.query.get("as_of")}
        return page_response(
            self,
            request,
            "Timeline",
            html.timeline_page(chosen, shown, processes, total),
            active="timeline",
            as_of=request.query.get("as_of") or None,
            api=api_of(request),
            live="",
        )


@app.page("/api/ui/timeline")
class TimelineApi(View):
    async def get(self, request: Request) -> Response:
        try:
            filters, chosen, total, processes = await timeline_data(request)
        except BadQuery as error:
            return json_response(self, {"error": str(error)}, 400)
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
        body = html.evidence_page(snippet_id, found["snippet"], found["events"], found["highlight"])
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


async def strikes_data(request: Request) -> dict[str, Any]:
    as_of, as_of_text = parse_as_of(request)
    by = request.query.get("by") or "place"
    if by not in ("place", "weapon"):
        raise BadQuery(f"by: expected place or weapon, got {by!r}")
    process = (request.query.get("process") or "").strip() or None
    start = timeline._day(request.query.get("from"), "from")
    end = timeline._day(request.query.get("to"), "to")
    values, missing = await data.table_values("strike_activity", as_of)
    processes = sorted(values)
    chosen = {k: v for k, v in values.items() if process is None or k == process}
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
    async def get(self, request: Request) -> Response:
        try:
            found = await strikes_data(request)
        except (BadQuery, timeline.BadFilter) as error:
            return error_page(self, request, "strikes", str(error), 400)
        filters = {**found["filters"], "as_of": found["as_of"]}
        title = f"Strikes per day by {filters['by']}" + (
            f" in {filters['process']}" if filters["process"] else ""
        )
        chart = charts.stacked_bars(found["days"], title)
        return page_response(
            self,
            request,
            "Strikes",
            html.strikes_page(chart, found["days"], filters, found["processes"]),
            active="strikes",
            as_of=found["as_of"],
            api=api_of(request),
            live="type=strike",
            notes=unreachable_notes(found["unreachable_workers"]),
        )


@app.page("/api/ui/strikes")
class StrikesApi(View):
    async def get(self, request: Request) -> Response:
        try:
            found = await strikes_data(request)
        except (BadQuery, timeline.BadFilter) as error:
            return json_response(self, {"error": str(error)}, 400)
        return json_response(self, found)


# Tables -------------------------------------------------------------------------------------


async def all_counts(as_of: datetime | None) -> tuple[dict[str, int], list[str]]:
    counts, missing = {}, set()
    for table in TABLES:
        values, gone = await data.table_values(table, as_of)
        counts[table] = len(values)
        missing.update(gone)
    return counts, sorted(missing)


@app.page("/ui/tables")
class TablesPage(View):
    async def get(self, request: Request) -> Response:
        try:
            as_of, as_of_text = parse_as_of(request)
        except BadQuery as error:
            return error_page(self, request, "tables", str(error), 400)
        counts, missing = await all_counts(as_of)
        return page_response(
            self,
            request,
            "Tables",
            html.tables_index(counts, as_of_text),
            active="tables",
            as_of=as_of_text,
            api=api_of(request),
            notes=unreachable_notes(missing),
        )


@app.page("/api/ui/tables")
class TablesApi(View):
    async def get(self, request: Request) -> Response:
        try:
            as_of, as_of_text = parse_as_of(request)
        except BadQuery as error:
            return json_response(self, {"error": str(error)}, 400)
        counts, missing = await all_counts(as_of)
        return json_response(
            self, {"as_of": as_of_text, "tables": counts, "unreachable_workers": missing}
        )


async def table_search(request: Request, table: str) -> dict[str, Any]:
    as_of, as_of_text = parse_as_of(request)
    query = (request.query.get("q") or "").strip()
    values, missing = await data.table_values(table, as_of)
    chosen = {k: v for k, v in values.items() if query.casefold() in k.casefold()}
    return {
        "table": table,
        "as_of": as_of_text,
        "q": query,
        "values": chosen,
        "count": len(chosen),
        "unreachable_workers": missing,
    }


@app.page("/ui/tables/{table}")
class TablePage(View):
    async def get(self, request: Request, table: str) -> Response:
        if table not in TABLES:
            return error_page(self, request, "tables", f"No table {table!r}", 404)
        try:
            found = await table_search(request, table)
        except BadQuery as error:
            return error_page(self, request, "tables", str(error), 400)
        return page_response(
            self,
            request,
            f"Table {table}",
            html.table_page(table, found["values"], found["q"], found["as_of"]),
            active="tables",
            as_of=found["as_of"],
            api=api_of(request),
            notes=unreachable_notes(found["unreachable_workers"]),
        )


@app.page("/api/ui/tables/{table}")
class TableApi(View):
    async def get(self, request: Request, table: str) -> Response:
        if table not in TABLES:
            return json_response(self, {"error": f"no table {table!r}"}, 404)
        try:
            return json_response(self, await table_search(request, table))
        except BadQuery as error:
            return json_response(self, {"error": str(error)}, 400)


async def key_data(request: Request, table: str, key: str) -> tuple[Any, str | None]:
    as_of, as_of_text = parse_as_of(request)
    values, _ = await data.table_values(table, as_of, key)
    return values.get(key), as_of_text


@app.page("/ui/tables/{table}/{process}")
class KeyPage(View):
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, table: str, process: str) -> Response:
        if table not in TABLES:
            return error_page(self, request, "tables", f"No table {table!r}", 404)
        try:
            value, as_of_text = await key_data(request, table, process)
        except BadQuery as error:
            return error_page(self, request, "tables", str(error), 400)
        if value is None:
            return error_page(self, request, "tables", f"No key {process!r} in {table}", 404)
        link = html.href(f"/ui/process/{html.seg(process)}", as_of=as_of_text)
        body = f'<p><a href="{link}">process page</a></p>{html.json_block(value)}'
        return page_response(
            self,
            request,
            f"{table} / {process}",
            body,
            active="tables",
            as_of=as_of_text,
            api=api_of(request),
        )


@app.page("/api/ui/tables/{table}/{process}")
class KeyApi(View):
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, table: str, process: str) -> Response:
        if table not in TABLES:
            return json_response(self, {"error": f"no table {table!r}"}, 404)
        try:
            value, as_of_text = await key_data(request, table, process)
        except BadQuery as error:
            return json_response(self, {"error": str(error)}, 400)
        if value is None:
            return json_response(self, {"error": f"no key {process!r} in {table}"}, 404)
        return json_response(
            self, {"table": table, "key": process, "as_of": as_of_text, "value": value}
        )


@app.page("/api/ui/local/{table}")
class LocalTableApi(View):
    """The keys this worker holds, for the other workers' list views (no fan-out from here)."""

    async def get(self, request: Request, table: str) -> Response:
        if table not in TABLES:
            return json_response(self, {"error": f"no table {table!r}"}, 404)
        brief = table == "negotiations" and request.query.get("brief") == "1"
        values = data.local_summaries() if brief else data.local_values(table)
        return json_response(self, {"table": table, "values": values, "count": len(values)})


# Health -------------------------------------------------------------------------------------


async def health_data() -> dict[str, Any]:
    started = time.perf_counter()
    tables = health.tables_report(app, TABLES)
    worker = health.worker_report(app, settings, dict(processed))
    try:
        # Bounded: during a broker outage the report would wait for the broker (issue 16, D6).
        limit = 2.0 if broker.down else 10.0
        kafka = await asyncio.wait_for(health.kafka_report(settings, settings.app_id), limit)
    except Exception as error:  # the page must still show what the worker knows
        kafka = {"error": f"{type(error).__name__}: {error}"}
    ready = (
        bool(worker["assigned_partitions"]) and tables["recovered"] and not worker["rebalancing"]
    )
    problems = liveness.problems()
    return {
        "status": ("degraded" if problems else "ready") if ready else "starting",
        "problems": problems,
        "worker": worker,
        "tables": tables,
        "kafka": kafka,
        "took_ms": round((time.perf_counter() - started) * 1000, 1),
    }


@app.page("/ui/health")
class HealthPage(View):
    async def get(self, request: Request) -> Response:
        report = await health_data()
        return page_response(
            self,
            request,
            "Health",
            html.health_page(report),
            active="health",
            as_of=None,
            api=api_of(request),
            live="",
        )


@app.page("/api/ui/health")
class HealthApi(View):
    async def get(self, request: Request) -> Response:
        return json_response(self, await health_data())


# OpenAPI and static files -------------------------------------------------------------------


@app.page("/api/openapi.json")
class OpenApi(View):
    async def get(self, request: Request) -> Response:
        return json_response(self, openapi.document(str(app.conf.canonical_url)))


_STATIC = {
    name: resources.files("streams.web").joinpath("static", name).read_bytes()
    for name in STATIC_TYPES
}


@app.page("/ui/static/{name}")
class Static(View):
    async def get(self, request: Request, name: str) -> Response:
        if name not in _STATIC:
            return self.text("not found", status=404)
        headers = {**SECURITY_HEADERS, "Cache-Control": "max-age=300"}
        return self.bytes(_STATIC[name], content_type=STATIC_TYPES[name], headers=headers)
