"""The web guards (issue 16, D6-D8) on a bare aiohttp app: no Faust, no broker."""

import asyncio
import io
import logging

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiokafka.errors import KafkaConnectionError

from streams.kafka.broker_watch import BrokerWatch
from streams.lograte import RateLimit
from streams.settings import Settings
from streams.web import guards, sse

SSE_TOKEN = "sse-secret"


async def _client(settings: Settings, down: list[bool]) -> TestClient:
    gate = guards.Guards(settings, lambda: down[0])
    application = web.Application(**guards.application_options(settings, gate))
    gate_open = asyncio.Event()

    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.json_response({"late": True})

    async def kafka(request: web.Request) -> web.Response:
        raise KafkaConnectionError("gone")

    async def stream(request: web.Request) -> web.StreamResponse:
        await gate_open.wait()
        return web.json_response({"streamed": True})

    async def body(request: web.Request) -> web.Response:
        return web.json_response({"bytes": len(await request.read())})

    application.router.add_get("/ok", ok)
    application.router.add_get("/slow", slow)
    application.router.add_get("/kafka", kafka)
    application.router.add_get("/table/negotiations/", ok)
    application.router.add_get(guards.SSE_PATH, stream)
    application.router.add_post("/body", body)
    client = TestClient(TestServer(application))
    client.gate_open = gate_open  # type: ignore[attr-defined]
    await client.start_server()
    return client


def _settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "web_request_timeout": 0.5,
        "web_allowed_hosts": "127.0.0.1,localhost,::1",
        "sse_max_clients": 1,
        "ingest_max_bytes": 3_000_000,
    }
    return Settings(**{**values, **overrides})


@pytest.mark.asyncio
async def test_headers_hosts_faust_routes_and_kafka_errors() -> None:
    client = await _client(_settings(), [False])
    try:
        answer = await client.get("/ok")
        assert answer.status == 200
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Server"] == "parley"
        missing = await client.get("/nothing")
        assert missing.status == 404 and missing.headers["Server"] == "parley"
        rebound = await client.get("/ok", headers={"Host": "attacker.example:6066"})
        assert rebound.status == 421
        assert (await client.get("/ok", headers={"Host": "[::1]:6066"})).status == 200
        assert (await client.get("/table/negotiations/")).status == 404
        gone = await client.get("/kafka")
        assert gone.status == 503 and gone.headers["Retry-After"] == "5"
        slow = await client.get("/slow")
        assert slow.status == 503 and "longer than" in (await slow.json())["error"]
        # A body over aiohttp's default 1 MiB reaches the view when the setting allows it.
        big = await client.post("/body", data=io.BytesIO(b"x" * 2_000_000))
        assert big.status == 200 and (await big.json())["bytes"] == 2_000_000
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_while_the_broker_is_down_requests_answer_503_within_seconds() -> None:
    client = await _client(_settings(web_request_timeout=30.0), [True])
    try:
        slow = await asyncio.wait_for(client.get("/slow"), 4.5)
        assert slow.status == 503 and "out of reach" in (await slow.json())["error"]
        assert (await client.get("/ok")).status == 200  # what needs no broker still answers
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_the_event_stream_takes_a_token_when_set_and_caps_its_clients() -> None:
    client = await _client(_settings(sse_token=SSE_TOKEN), [False])
    try:
        assert (await client.get(guards.SSE_PATH)).status == 401
        bad = "Bearer \udcff".encode("utf-8", "surrogateescape").decode("latin-1")
        assert (await client.get(guards.SSE_PATH, headers={"Authorization": bad})).status == 401
        first = asyncio.ensure_future(client.get(guards.SSE_PATH, params={"token": SSE_TOKEN}))
        await asyncio.sleep(0.2)
        auth = {"Authorization": f"Bearer {SSE_TOKEN}"}
        second = await client.get(guards.SSE_PATH, headers=auth)
        assert second.status == 503 and "already open" in (await second.json())["error"]
        client.gate_open.set()  # type: ignore[attr-defined]
        assert (await first).status == 200
        assert (await client.get(guards.SSE_PATH, headers=auth)).status == 200
    finally:
        await client.close()


def test_host_names_lose_their_port() -> None:
    assert guards.host_name("127.0.0.1:6066") == "127.0.0.1"
    assert guards.host_name("[::1]:6066") == "::1"
    assert guards.host_name("LOCALHOST") == "localhost"


def test_a_cursor_with_non_ascii_digits_or_huge_offsets_is_ignored() -> None:
    """Issue 16, D7: "²".isdigit() let int() raise; 10**23 crashed the fetcher."""
    assert sse.decode_cursor("parley.events.talks:0:²") == {}
    assert sse.decode_cursor(f"parley.events.talks:0:{10**23}") == {}
    assert len(sse.decode_cursor("parley.events.talks:0:12,parley.events.talks:1:٣")) == 1


def test_log_lines_are_rate_limited_per_message_and_the_gap_is_counted() -> None:
    now = [0.0]
    limit = RateLimit(burst=3, seconds=10.0, clock=lambda: now[0])

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("aiokafka", logging.ERROR, __file__, 1, message, None, None)

    passed = [limit.filter(record("Unable connect to node")) for _ in range(1000)]
    assert sum(passed) == 3
    assert limit.filter(record("another message"))
    now[0] = 11.0
    after = record("Unable connect to node")
    assert limit.filter(after) and "997 more like this" in after.getMessage()


@pytest.mark.asyncio
async def test_the_broker_watch_is_down_while_nothing_listens_and_up_again() -> None:
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    watch = BrokerWatch(f"127.0.0.1:{port}")
    assert await watch.probe() and not watch.down
    server.close()
    await server.wait_closed()
    assert not await watch.probe(timeout=0.5) and watch.down
    watch.suspect("ingest timed out")
    again = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", port)
    try:
        assert await watch.probe() and not watch.down
    finally:
        again.close()
