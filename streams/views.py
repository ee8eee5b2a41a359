"""Read-only JSON views of the tables and of the worker's health, on Faust's web server."""

from typing import Any

import orjson
from faust.web import Request, Response, View

from streams import codec
from streams.agents import processed
from streams.app import app, settings
from streams.tables import negotiations


def _json(view: View, payload: Any, status: int = 200) -> Response:
    body = orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    return view.bytes(body, content_type="application/json", status=status)


def _state_json(raw: bytes) -> Any:
    return codec.decode_state(raw).model_dump(mode="json", exclude={"seen"})


@app.page("/")
class Index(View):
    """What this worker serves, so an operator can start from the root."""

    async def get(self, request: Request) -> Response:
        return _json(
            self,
            {
                "service": "parley",
                "endpoints": {
                    "health": "/api/health",
                    "negotiations": "/api/negotiations",
                    "one process": "/api/negotiations/{process}",
                },
            },
        )


@app.page("/api/health")
class Health(View):
    async def get(self, request: Request) -> Response:
        assignment = app.consumer.assignment() if app.consumer else set()
        recovered = app.tables.recovery.completed.is_set()
        ready = bool(assignment) and recovered and not app.rebalancing
        return _json(
            self,
            {
                "status": "ready" if ready else "starting",
                "app_id": settings.app_id,
                "assigned_partitions": len(assignment),
                "tables_recovered": recovered,
                "processed": dict(processed),
            },
            status=200 if ready else 503,
        )


@app.page("/api/negotiations")
class NegotiationList(View):
    """Processes held by this worker's partitions (all of them when one worker runs)."""

    async def get(self, request: Request) -> Response:
        states = {key: _state_json(raw) for key, raw in negotiations.items() if raw}
        return _json(self, {"processes": states, "count": len(states)})


@app.page("/api/negotiations/{process}")
class NegotiationDetail(View):
    @app.table_route(table=negotiations, match_info="process")
    async def get(self, request: Request, process: str) -> Response:
        raw = negotiations.get(process)
        if not raw:
            return _json(self, {"error": f"no process {process!r}"}, status=404)
        return _json(self, _state_json(raw))
