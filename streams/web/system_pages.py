"""Operator pages and JSON of the tables, the worker's health, the API description and the
static files (/ui/tables, /ui/health, /api/openapi.json, /ui/static)."""

import asyncio
import time
from datetime import datetime
from importlib import resources
from typing import Any

from faust.web import Request, Response, View

from streams import liveness
from streams.agents import processed
from streams.app import app, broker, settings
from streams.tables import TABLES, negotiations
from streams.web import data, health, html, html_views, http, openapi

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
    @http.page_errors("tables")
    async def get(self, request: Request) -> Response:
        return await http.as_of_page(
            self, request, "Tables", all_counts, html_views.tables_index, active="tables"
        )


@app.page("/api/ui/tables")
class TablesApi(View):
    @http.json_errors
    async def get(self, request: Request) -> Response:
        return await http.as_of_json(self, request, "tables", all_counts)


async def table_search(request: Request, table: str) -> dict[str, Any]:
    as_of, as_of_text = http.parse_as_of(request)
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
    @http.page_errors("tables")
    async def get(self, request: Request, table: str) -> Response:
        if table not in TABLES:
            return http.error_page(self, request, "tables", f"No table {table!r}", 404)
        found = await table_search(request, table)
        return http.page_response(
            self,
            request,
            f"Table {table}",
            html_views.table_page(table, found["values"], found["q"], found["as_of"]),
            active="tables",
            as_of=found["as_of"],
            api=http.api_of(request),
            notes=http.unreachable_notes(found["unreachable_workers"]),
        )


@app.page("/api/ui/tables/{table}")
class TableApi(View):
    @http.json_errors
    async def get(self, request: Request, table: str) -> Response:
        if table not in TABLES:
            return http.json_response(self, {"error": f"no table {table!r}"}, 404)
        return http.json_response(self, await table_search(request, table))


async def key_data(request: Request, table: str, key: str) -> tuple[Any, str | None]:
    as_of, as_of_text = http.parse_as_of(request)
    values, _ = await data.table_values(table, as_of, key)
    return values.get(key), as_of_text


@app.page("/ui/tables/{table}/{process}")
class KeyPage(View):
    @http.page_errors("tables")
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, table: str, process: str) -> Response:
        if table not in TABLES:
            return http.error_page(self, request, "tables", f"No table {table!r}", 404)
        value, as_of_text = await key_data(request, table, process)
        if value is None:
            return http.error_page(self, request, "tables", f"No key {process!r} in {table}", 404)
        link = html.href(f"/ui/process/{html.seg(process)}", as_of=as_of_text)
        body = f'<p><a href="{link}">process page</a></p>{html.json_block(value)}'
        return http.page_response(
            self,
            request,
            f"{table} / {process}",
            body,
            active="tables",
            as_of=as_of_text,
            api=http.api_of(request),
        )


@app.page("/api/ui/tables/{table}/{process}")
class KeyApi(View):
    @http.json_errors
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, table: str, process: str) -> Response:
        if table not in TABLES:
            return http.json_response(self, {"error": f"no table {table!r}"}, 404)
        value, as_of_text = await key_data(request, table, process)
        if value is None:
            return http.json_response(self, {"error": f"no key {process!r} in {table}"}, 404)
        return http.json_response(
            self, {"table": table, "key": process, "as_of": as_of_text, "value": value}
        )


@app.page("/api/ui/local/{table}")
class LocalTableApi(View):
    """The keys this worker holds, for the other workers' list views (no fan-out from here):
    ?brief=1 the overview's cards, ?third_parties=1 each process's third parties (what the joined
    view is found from), ?key= (repeated) only those keys."""

    async def get(self, request: Request, table: str) -> Response:
        if table not in TABLES:
            return http.json_response(self, {"error": f"no table {table!r}"}, 404)
        query: Any = request.query  # aiohttp's multi-dict (Faust types it as a mapping)
        keys = [str(key) for key in query.getall("key", [])]
        brief = table == "negotiations" and query.get("brief") == "1"
        thirds = table == "negotiations" and query.get("third_parties") == "1"
        values: dict[str, Any]
        if thirds:
            values = data.local_third_parties()
        elif brief:
            values = data.local_summaries()
        else:
            values = data.local_values(table, keys or None)
        return http.json_response(self, {"table": table, "values": values, "count": len(values)})


# Health -------------------------------------------------------------------------------------


# The broker's view (lag per partition, topic sizes) costs several admin and offset requests,
# made on a thread of their own (health.off_loop): readers within a second share one answer,
# so a busy page cannot queue them up.
KAFKA_REPORT_SECONDS = 1.0
_kafka_reports: dict[str, Any] = {}


async def _kafka_report() -> dict[str, Any]:
    """The latest broker report; one older than a second is renewed in the background (one
    renewal at a time) while readers get it, so no reader waits for the broker but the first."""
    made_at, report = _kafka_reports.get("latest", (0.0, None))
    pending = _kafka_reports.get("pending")
    if time.monotonic() - made_at >= KAFKA_REPORT_SECONDS and (pending is None or pending.done()):
        pending = asyncio.ensure_future(_fetch_kafka_report())
        _kafka_reports["pending"] = pending
    if report is not None:
        return report  # type: ignore[no-any-return]
    return await asyncio.shield(pending)  # type: ignore[no-any-return]


async def _fetch_kafka_report() -> dict[str, Any]:
    try:
        # Bounded: during a broker outage the report would wait for the broker (issue 16, D6).
        limit = 2.0 if broker.down else 10.0
        report = health.off_loop.run(health.kafka_report(settings, settings.app_id))
        kafka = await asyncio.wait_for(report, limit)
    except Exception as error:  # the page must still show what the worker knows
        kafka = {"error": f"{type(error).__name__}: {error}"}
    _kafka_reports["latest"] = (time.monotonic(), kafka)
    return kafka


async def health_data() -> dict[str, Any]:
    started = time.perf_counter()
    tables = health.tables_report(app, TABLES)
    worker = health.worker_report(app, settings, dict(processed))
    kafka = await _kafka_report()
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
        return http.page_response(
            self,
            request,
            "Health",
            html_views.health_page(report),
            active="health",
            as_of=None,
            api=http.api_of(request),
            live="",
        )


@app.page("/api/ui/health")
class HealthApi(View):
    async def get(self, request: Request) -> Response:
        return http.json_response(self, await health_data())


# OpenAPI and static files -------------------------------------------------------------------


@app.page("/api/openapi.json")
class OpenApi(View):
    async def get(self, request: Request) -> Response:
        return http.json_response(self, openapi.document(str(app.conf.canonical_url)))


_STATIC = {
    name: resources.files("streams.web").joinpath("static", name).read_bytes()
    for name in http.STATIC_TYPES
}


@app.page("/ui/static/{name}")
class Static(View):
    async def get(self, request: Request, name: str) -> Response:
        if name not in _STATIC:
            return self.text("not found", status=404)
        headers = {**http.SECURITY_HEADERS, "Cache-Control": "max-age=300"}
        return self.bytes(_STATIC[name], content_type=http.STATIC_TYPES[name], headers=headers)
