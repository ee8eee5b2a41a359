"""The OpenAPI 3.1 document of the JSON behind the operator pages (and the worker's other views)."""

from typing import Any

from schemas.events import EVENT_TYPES

_AS_OF = {
    "name": "as_of",
    "in": "query",
    "required": False,
    "description": "Time travel: the state folded from the events published at or before this "
    "ISO-8601 time (a time without zone is UTC).",
    "schema": {"type": "string", "format": "date-time"},
}


def _path_param(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string"},
    }


def _query(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _get(summary: str, params: list[dict[str, Any]], page: str | None = None) -> dict[str, Any]:
    description = f"The data of the page {page}." if page else ""
    return {
        "get": {
            "summary": summary,
            "description": description,
            "parameters": params,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {}}},
                "400": {"description": "A bad query parameter"},
                "404": {"description": "No such table or key"},
            },
        }
    }


_AS_STORED = {
    "name": "as_stored",
    "in": "query",
    "required": False,
    "description": "1: negotiations as the tables store them, by process key. By default a "
    "process keyed by one side, or by a side and a third party, is shown inside the only process "
    "it belongs to (as `parley state` shows them); its own address redirects there.",
    "schema": {"type": "string", "enum": ["0", "1"]},
}

PROCESS = _path_param("process", "Process key, e.g. RU--UA; routed to the worker that owns it.")
TABLE = _path_param("table", "negotiations, casualty_claims, strike_activity or statements.")


def _timeline_params() -> list[dict[str, Any]]:
    return [
        _query(
            "type",
            "Event types, repeated or comma-separated.",
            type="string",
            enum=list(EVENT_TYPES),
        ),
        _query("process", "Process key."),
        _query("actor", "Part of an actor's name, case-insensitive."),
        _query("place", "Part of a place's name or of the venue, case-insensitive."),
        _query("from", "First day (YYYY-MM-DD) of the event's date.", type="string", format="date"),
        _query("to", "Last day (YYYY-MM-DD) of the event's date.", type="string", format="date"),
        _query(
            "limit",
            "Most events returned, newest first by the day they happened.",
            type="integer",
            maximum=2000,
        ),
        _AS_OF,
    ]


def _ui_paths() -> dict[str, Any]:
    """The JSON behind each page of /ui."""
    return {
        "/api/ui/overview": _get(
            "Every negotiation process as an overview card, merged over workers; a card of a "
            "process that includes keys kept apart lists them under `joined`",
            [_AS_OF, _AS_STORED],
            "/ui",
        ),
        "/api/ui/process/{process}": _get(
            "One process in every table, its negotiations joined (`joined`: the keys included); "
            "a key shown inside another process answers 303 to that process",
            [PROCESS, _AS_OF, _AS_STORED],
            "/ui/process/{process}",
        ),
        "/api/ui/timeline": _get(
            "Events, filtered server-side", _timeline_params(), "/ui/timeline"
        ),
        "/api/ui/evidence/{snippet_id}": _get(
            "A snippet, the span of one event's sentence in it, and its events",
            [
                _path_param("snippet_id", "Snippet id."),
                _query("event", "Event id whose sentence is highlighted."),
            ],
            "/ui/evidence/{snippet_id}",
        ),
        "/api/ui/strikes": _get(
            "Strikes per day, by place or weapon",
            [
                _query(
                    "process",
                    "Process key, or `all`; by default the process with the newest strike.",
                ),
                _query("by", "Stack by place or weapon.", type="string", enum=["place", "weapon"]),
                _query("from", "First day.", type="string", format="date"),
                _query("to", "Last day.", type="string", format="date"),
                _AS_OF,
            ],
            "/ui/strikes",
        ),
        "/api/ui/tables": _get("Every table and its key count", [_AS_OF], "/ui/tables"),
        "/api/ui/tables/{table}": _get(
            "Keys of one table with their values",
            [TABLE, _query("q", "Part of the key, case-insensitive."), _AS_OF],
            "/ui/tables/{table}",
        ),
        "/api/ui/tables/{table}/{process}": _get(
            "One key of one table", [TABLE, PROCESS, _AS_OF], "/ui/tables/{table}/{process}"
        ),
        "/api/ui/health": _get(
            "Lag per topic and partition, recovery, dead letters, events per type, worker and "
            "broker",
            [],
            "/ui/health",
        ),
        "/api/ui/local/{table}": _get(
            "The keys of a table this worker holds (no fan-out)",
            [
                TABLE,
                _query("brief", "1: the negotiations as overview cards."),
                _query(
                    "third_parties",
                    "1: each negotiation process's third parties and stated aliases ('LFM=GML').",
                ),
                _query("key", "Only these keys (repeated)."),
            ],
        ),
    }


def _worker_paths() -> dict[str, Any]:
    """The worker's own JSON: health, its keys of each table, and the event stream."""
    return {
        "/api/health": _get("Readiness and counters", []),
        "/api/negotiations": _get("This worker's negotiation states", []),
        "/api/negotiations/{process}": _get("One negotiation state", [PROCESS]),
        "/api/tables/{table}": _get("This worker's keys of a table", [TABLE]),
        "/api/tables/{table}/{process}": _get("One key of a table", [TABLE, PROCESS]),
        "/api/events/stream": {
            "get": {
                "summary": "Server-sent events of the event topics, resumable with Last-Event-ID",
                "parameters": [
                    _query("type", "Event types, comma-separated."),
                    _query("process", "Process key."),
                    _query("from", "`beginning` to start at offset zero."),
                ],
                "responses": {"200": {"description": "text/event-stream"}},
            }
        },
    }


def document(server_url: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Parley operator view",
            "version": "1",
            "description": "Read-only JSON behind every page of /ui. Every page takes ?as_of=. "
            "Per-key requests are routed to the worker that owns the key.",
        },
        "servers": [{"url": server_url}],
        "paths": {**_ui_paths(), **_worker_paths()},
    }
