"""Read-only JSON views of the tables and of the worker's health, on Faust's web server."""

import asyncio
from typing import Any

from aiohttp import web
from aiokafka import AIOKafkaConsumer
from faust.web import Request, Response, View

from streams import codec, liveness, loop_lag
from streams.agents import processed
from streams.app import app, broker, settings
from streams.kafka import history
from streams.kafka.admin import topic_partitions
from streams.tables import TABLES, negotiations, snippet_texts
from streams.topics import snippets_topic
from streams.web import data, guards, ingest, sse
from streams.web.http import json_errors, json_response, parse_as_of


async def _tables(request: Request, process: str | None = None) -> dict[str, dict[str, Any]] | None:
    """Every table as of the requested moment, folded from the log; None for the present."""
    as_of, _ = parse_as_of(request)
    if as_of is None:
        return None
    return await history.tables_as_of(as_of, process)


@app.page("/")
class Index(View):
    """What this worker serves, so an operator can start from the root."""

    async def get(self, request: Request) -> Response:
        # A browser wants the operator view; scripts keep this JSON index.
        if "text/html" in request.headers.get("Accept", ""):
            return self.bytes(b"", status=302, headers={"Location": "/ui"})
        return json_response(
            self,
            {
                "service": "parley",
                "web view": "/ui",
                "openapi": "/api/openapi.json",
                "endpoints": {
                    "health": "/api/health",
                    "negotiations": "/api/negotiations",
                    "one process": "/api/negotiations/{process}",
                    "any table": "/api/tables/{table}",
                    "one key of a table": "/api/tables/{table}/{process}",
                    "live events (SSE)": "/api/events/stream?type=&process=",
                },
                "tables": sorted(TABLES),
            },
        )


@app.page("/api/health")
class Health(View):
    async def get(self, request: Request) -> Response:
        assignment = app.consumer.assignment() if app.consumer else set()
        recovered = app.tables.recovery.completed.is_set()
        ready = bool(assignment) and recovered and not app.rebalancing
        problems = liveness.problems()
        return json_response(
            self,
            {
                "status": ("degraded" if problems else "ready") if ready else "starting",
                "problems": problems,
                "app_id": settings.app_id,
                "assigned_partitions": len(assignment),
                "tables_recovered": recovered,
                "processed": dict(processed),
                "loop": loop_lag.monitor.report(),
            },
            status=200 if ready else 503,
        )


@app.page("/api/negotiations")
class NegotiationList(View):
    """Processes held by this worker's partitions (all of them when one worker runs)."""

    @json_errors
    async def get(self, request: Request) -> Response:
        past = await _tables(request)
        states = past["negotiations"] if past is not None else data.local_values("negotiations")
        return json_response(self, {"processes": states, "count": len(states), **_when(request)})


@app.page("/api/negotiations/{process}")
class NegotiationDetail(View):
    @json_errors
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        return await _one(self, request, "negotiations", process)


@app.page("/api/tables/{table}")
class TableList(View):
    """Every key of one table held by this worker."""

    @json_errors
    async def get(self, request: Request, table: str) -> Response:
        if table not in TABLES:
            return json_response(
                self, {"error": f"no table {table!r}", "tables": sorted(TABLES)}, 404
            )
        past = await _tables(request)
        states = past[table] if past is not None else data.local_values(table)
        payload = {"table": table, "values": states, "count": len(states), **_when(request)}
        return json_response(self, payload)


@app.page("/api/tables/{table}/{process}")
class TableDetail(View):
    # Every table is keyed by process with the same partitions, so the worker that owns a
    # process in the negotiations table owns it in all of them.
    @json_errors
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, table: str, process: str) -> Response:
        return await _one(self, request, table, process)


def _when(request: Request) -> dict[str, str]:
    as_of = request.query.get("as_of")
    return {"as_of": as_of} if as_of else {}


async def _one(view: View, request: Request, table: str, process: str) -> Response:
    """One key of one table, now or as of the requested moment."""
    if table not in TABLES:
        return json_response(view, {"error": f"no table {table!r}", "tables": sorted(TABLES)}, 404)
    past = await _tables(request, process)
    if past is not None:
        value = past[table].get(process)
        if value is None:
            return json_response(view, {"error": f"no key {process!r} in {table} as of then"}, 404)
        return json_response(view, value)
    raw = TABLES[table].get(process)
    if not raw:
        return json_response(view, {"error": f"no key {process!r} in {table}"}, status=404)
    return json_response(view, codec.entry_state_json(raw))


_recent = ingest.RecentIds()


def _authorised(request: Request) -> bool:
    expected = settings.ingest_token
    return bool(expected) and guards.bearer_in_header(request, expected or "")


async def _send(fresh: dict[str, Any]) -> list[Any]:
    # Send every new snippet first and await the acknowledgements together: awaiting each in
    # turn would pay the producer's linger time once per snippet.
    pending = [
        await snippets_topic.send(key=i, value=codec.encode_snippet(s), force=True)
        for i, s in fresh.items()
    ]
    return list(await asyncio.gather(*pending))


@app.page("/api/snippets")
class SnippetIngest(View):
    """POST one snippet, a JSON array or JSON Lines; each is written to the snippets topic."""

    async def post(self, request: Request) -> Response:
        if not settings.ingest_token:
            return json_response(
                self, {"error": "ingest is disabled: set PARLEY_INGEST_TOKEN"}, 403
            )
        if not _authorised(request):
            return json_response(self, {"error": "missing or wrong bearer token"}, 401)
        limit = settings.ingest_max_bytes
        if (request.content_length or 0) > limit:
            return json_response(self, {"error": f"body over {limit} bytes"}, 413)
        body = await request.read()
        if len(body) > limit:
            return json_response(self, {"error": f"body over {limit} bytes"}, 413)
        try:
            payloads = ingest.parse_body(body)
        except ingest.BadBody as error:
            return json_response(self, {"error": str(error)}, 422)
        snippets, errors = ingest.validate(payloads, settings.snippet_max_chars)
        if errors:
            # Nothing of an invalid batch is written, so a producer can fix it and resend.
            details = [{"index": e.index, "path": e.path, "reason": e.reason} for e in errors]
            return json_response(self, {"error": "invalid snippets", "details": details}, 422)
        conflicts = ingest.id_conflicts(snippets, _recent, snippet_texts.get)
        if conflicts:
            details = [{"index": e.index, "path": e.path, "reason": e.reason} for e in conflicts]
            return json_response(self, {"error": "id conflict", "details": details}, 409)
        fresh = {s.id: s for s in snippets if _recent.get(s.id) is None}
        if fresh and broker.down:
            return guards.unavailable("the Kafka broker is out of reach; nothing was written")
        sending = asyncio.ensure_future(_send(fresh))
        done, _ = await asyncio.wait({sending}, timeout=settings.ingest_send_timeout)
        if not done:
            # Faust's producer keeps the snippets and may still write them when the broker is
            # back: resending the same body then is harmless (same ids, same texts).
            broker.suspect(f"no acknowledgement within {settings.ingest_send_timeout:g} s")
            sending.add_done_callback(lambda task: task.cancelled() or task.exception())
            return guards.unavailable("the Kafka broker did not acknowledge; try again later")
        for snippet_id, meta in zip(fresh, sending.result(), strict=True):
            _recent.add(
                snippet_id,
                {"topic": meta.topic, "partition": meta.partition, "offset": meta.offset},
                codec.text_digest(fresh[snippet_id].text),
            )
        # Written now means new to this worker and first in this request; the rest are duplicates.
        first_index: dict[str, int] = {}
        accepted = []
        for index, snippet in enumerate(snippets):
            first = first_index.setdefault(snippet.id, index)
            where = _recent.get(snippet.id) or {}
            duplicate = snippet.id not in fresh or first != index
            accepted.append({"id": snippet.id, **where, "duplicate": duplicate})
        return json_response(self, {"accepted": accepted, "count": len(accepted)}, 202)


@app.page("/api/events/stream")
class EventStream(View):
    """Server-sent events, filtered by ?type= and ?process= (comma-separated keys), resumable
    with Last-Event-ID.

    Each message's id is the cursor of every partition after it, so a client that reconnects
    with Last-Event-ID continues where it stopped. ?from=beginning starts at offset zero;
    ?limit= and ?idle= (seconds) end the stream, for scripts and tests.
    """

    async def get(self, request: Request) -> Any:
        query = request.query
        try:
            types = sse.wanted_types(query.get("type"))
            limit = int(query["limit"]) if "limit" in query else None
            idle = float(query["idle"]) if "idle" in query else None
        except ValueError as error:
            return json_response(self, {"error": str(error)}, 400)
        processes = sse.wanted_processes(query.get("process"))
        cursor = sse.decode_cursor(request.headers.get("Last-Event-ID"))
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-cache",
                **guards.SAFE_HEADERS,
            }
        )
        consumer = AIOKafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap_servers, enable_auto_commit=False
        )
        await consumer.start()
        try:
            partitions = await topic_partitions(
                settings, [settings.topic(f"events.{t}") for t in types]
            )
            consumer.assign(partitions)
            positions = await _start_positions(
                consumer, partitions, cursor, query.get("from") == "beginning"
            )
            await response.prepare(request)
            await response.write(b": connected\n\n")
            await _relay(response, consumer, positions, processes, limit, idle)
            await response.write_eof()
            return response
        except ConnectionResetError:
            # The client left: the prepared stream is the response; nothing more to send.
            return response
        finally:
            await consumer.stop()


async def _start_positions(
    consumer: AIOKafkaConsumer, partitions: list[Any], cursor: dict[Any, int], beginning: bool
) -> dict[Any, int]:
    """Where each partition starts: the client's cursor, else the start or the end of the log.

    One offsets request for all partitions: seeking each in turn took ~0.5 s apiece."""
    fresh = [tp for tp in partitions if tp not in cursor]
    if beginning:
        starts = await consumer.beginning_offsets(fresh) if fresh else {}
    else:
        starts = await consumer.end_offsets(fresh) if fresh else {}
    positions = {tp: cursor[tp] if tp in cursor else starts[tp] for tp in partitions}
    for tp, offset in positions.items():
        consumer.seek(tp, offset)
    return positions


async def _relay(
    response: web.StreamResponse,
    consumer: AIOKafkaConsumer,
    positions: dict[Any, int],
    processes: frozenset[str],
    limit: int | None,
    idle: float | None,
) -> None:
    """Events as server-sent frames, each carrying the cursor after it, until `limit` events
    were sent or `idle` seconds passed without one; keep-alives in the quiet seconds."""
    sent, quiet = 0, 0.0
    while limit is None or sent < limit:
        batch = await consumer.getmany(timeout_ms=1000)
        if not batch:
            quiet += 1.0
            if idle is not None and quiet >= idle:
                return
            await response.write(b": keep-alive\n\n")  # also notices a gone client
            continue
        quiet = 0.0
        for tp, messages in batch.items():
            for message in messages:
                positions[tp] = message.offset + 1
                if processes and (message.key or b"").decode("utf-8", "replace") not in processes:
                    continue
                event_type = tp.topic.rsplit(".", 1)[-1]
                cursor_text = sse.encode_cursor(positions)
                await response.write(sse.frame(cursor_text, event_type, message.value))
                sent += 1
                if limit is not None and sent >= limit:
                    return
