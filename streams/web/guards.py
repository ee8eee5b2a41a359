"""Limits and answers of the web server that no single view should have to know about
(issue 16, D6-D8), as aiohttp middleware and application options given to Faust.

- Host allow-list: a page fetched through a rebinding DNS name carries that name in Host;
  answering only the configured names keeps /api out of reach of other sites' scripts.
- Faust's built-in views (/table/, /router/, /stats/, ...) are not Parley's API; one of
  them answered 500 on every table ("TableEntry not serialisable").
- A time limit per request (body included), a shorter one while the broker is out of reach,
  so that a view that reads Kafka answers 503 with Retry-After instead of hanging; Kafka
  errors are 503 too, never 500.
- /api/events/stream: a cap on concurrent clients (each opens a Kafka consumer) and a token
  when PARLEY_SSE_TOKEN is set.
- Headers: X-Content-Type-Options: nosniff on every answer, and a Server header without
  versions.
- Bodies up to PARLEY_INGEST_MAX_BYTES (aiohttp's own limit of 1 MiB used to stop them
  first) and an idle keep-alive limit.
"""

import asyncio
import hmac
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from aiohttp import web
from aiokafka.errors import KafkaError

from streams.settings import Settings

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SSE_PATH = "/api/events/stream"
# Faust's own web apps (faust/web/apps): not Parley's API, and not meant to be public.
FAUST_BUILT_IN = ("/table/", "/router/", "/stats/", "/graph/", "/metrics/", "/signal/")
RETRY_AFTER_SECONDS = 5
# While the broker is out of reach, a view that needs it answers 503 after this long.
OUTAGE_REQUEST_TIMEOUT = 3.0
# On every answer: no content sniffing, and a Server header without versions.
_PASSED_ON = frozenset({"allow", "location", "retry-after", "www-authenticate"})
SAFE_HEADERS = {"X-Content-Type-Options": "nosniff", "Server": "parley"}


def json_error(status: int, message: str, **headers: str) -> web.Response:
    body = orjson.dumps({"error": message}, option=orjson.OPT_INDENT_2)
    return web.Response(
        body=body, status=status, content_type="application/json", headers=headers or None
    )


def unavailable(message: str) -> web.Response:
    """503 with Retry-After: the answer while something the request needs is out of reach."""
    return json_error(503, message, **{"Retry-After": str(RETRY_AFTER_SECONDS)})


def host_name(host: str) -> str:
    """The name of a Host header, without its port: "[::1]:6066" -> "::1"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host[1:]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def bearer_in_header(request: Any, expected: str) -> bool:
    """Constant-time check of `Authorization: Bearer <token>`. Header bytes that are not UTF-8
    arrive as surrogates and simply do not match."""
    given = request.headers.get("Authorization", "")
    raw = given.encode("utf-8", "surrogateescape")
    return bool(given) and hmac.compare_digest(raw, f"Bearer {expected}".encode())


def bearer_matches(request: web.Request, expected: str) -> bool:
    """The bearer token in the header, or in ?token= for EventSource, which cannot set
    headers."""
    if bearer_in_header(request, expected):
        return True
    token = request.query.get("token", "")
    return bool(token) and hmac.compare_digest(
        token.encode("utf-8", "surrogateescape"), expected.encode()
    )


class Guards:
    """The middleware, with the counters it keeps (SSE clients)."""

    def __init__(self, settings: Settings, broker_down: Callable[[], bool]) -> None:
        self.settings = settings
        self.broker_down = broker_down
        self.sse_clients = 0

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await self._guarded(request, handler)
        except web.HTTPException as error:  # aiohttp's own answers: 404, 405, 413 ...
            kept = {k: v for k, v in error.headers.items() if k.lower() in _PASSED_ON}
            response = web.Response(
                status=error.status, reason=error.reason, text=error.text, headers=kept
            )
        if not response.prepared:  # a stream sets its headers itself (SSE: SAFE_HEADERS)
            response.headers.update(SAFE_HEADERS)
        return response

    async def _guarded(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        allowed = self.settings.allowed_hosts
        if allowed is not None and host_name(request.host) not in allowed:
            return json_error(421, "this server does not answer for that host name")
        if request.path.startswith(FAUST_BUILT_IN):
            return json_error(404, "not found")
        if request.path == SSE_PATH:
            return await self._sse(request, handler)
        limit = self.settings.web_request_timeout
        if self.broker_down():
            limit = min(limit, OUTAGE_REQUEST_TIMEOUT)
        try:
            async with asyncio.timeout(limit):
                return await handler(request)
        except TimeoutError:
            if self.broker_down():
                return unavailable("the Kafka broker is out of reach; try again later")
            return unavailable(f"the request took longer than {limit:g} s")
        except KafkaError as error:
            return unavailable(f"Kafka: {type(error).__name__}; try again later")

    async def _sse(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        token = self.settings.sse_token
        if token and not bearer_matches(request, token):
            return json_error(401, "missing or wrong bearer token")
        if self.sse_clients >= self.settings.sse_max_clients:
            return unavailable(f"{self.sse_clients} live streams already open")
        if self.broker_down():
            return unavailable("the Kafka broker is out of reach; try again later")
        self.sse_clients += 1
        try:
            return await handler(request)
        except KafkaError as error:
            return unavailable(f"Kafka: {type(error).__name__}; try again later")
        finally:
            self.sse_clients -= 1


def application_options(settings: Settings, guards: Guards) -> dict[str, Any]:
    """Keyword arguments of aiohttp's Application, given to Faust as web_application_options."""
    return {
        "middlewares": [guards.middleware],
        # aiohttp refuses bodies over client_max_size (1 MiB by default) before a view can
        # apply PARLEY_INGEST_MAX_BYTES; a little over it lets the view answer 413 itself.
        "client_max_size": settings.ingest_max_bytes + 64 * 1024,
        "handler_args": {"keepalive_timeout": settings.web_keepalive_timeout},
    }
