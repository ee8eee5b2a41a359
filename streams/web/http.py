"""What every HTTP view shares: JSON and page responses with their security headers, the
`as_of` parameter, and one answer to a query that cannot be used (400) for every view."""

import functools
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import orjson
from faust.web import Request, Response, View

from streams.core.moments import moment_or_none
from streams.web import html
from streams.web.timeline import BadQuery

__all__ = [
    "BadQuery",
    "json_errors",
    "json_response",
    "page_errors",
    "page_response",
    "parse_as_of",
]

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
    view: View, request: Request, title: str, body: str, *, status: int = 200, **frame: Any
) -> Response:
    """A page: the body alone when asked for a `fragment` (live updates), else in the frame
    `html.layout` draws from `frame` (active tab, as_of, api link, live query, notes)."""
    text = body if request.query.get("fragment") else html.layout(title, body, **frame)
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


Get = Callable[..., Awaitable[Response]]


def _answering_bad_queries(
    answer: Callable[[View, Request, str], Response],
) -> Callable[[Get], Get]:
    def decorate(get: Get) -> Get:
        @functools.wraps(get)
        async def guarded(view: View, request: Request, *args: Any, **kwargs: Any) -> Response:
            try:
                return await get(view, request, *args, **kwargs)
            except BadQuery as error:
                return answer(view, request, str(error))

        return guarded

    return decorate


json_errors = _answering_bad_queries(
    lambda view, request, message: json_response(view, {"error": message}, 400)
)


def page_errors(active: str) -> Callable[[Get], Get]:
    """A page whose bad query is answered by an error page, the `active` tab lit."""
    return _answering_bad_queries(
        lambda view, request, message: error_page(view, request, active, message, 400)
    )


def api_of(request: Request) -> str:
    """The JSON address that goes with this page, keeping the query (less `fragment`)."""
    query = [(k, v) for k, v in request.query.items() if k != "fragment"]
    path = request.url.path
    path = "/api/ui/overview" if path.rstrip("/") == "/ui" else "/api" + path
    return path + ("?" + urlencode(query) if query else "")


def unreachable_notes(missing: list[str]) -> list[str]:
    return [f"Worker {host} did not answer; its keys are missing here." for host in missing]


async def as_of_page(
    view: View,
    request: Request,
    title: str,
    load: Callable[[datetime | None], Awaitable[tuple[Any, list[str]]]],
    render: Callable[[Any, str | None], str],
    **frame: Any,
) -> Response:
    """A page of what `load` finds as of the requested moment (now when none), drawn by
    `render`, noting the workers that did not answer."""
    as_of, as_of_text = parse_as_of(request)
    found, missing = await load(as_of)
    return page_response(
        view,
        request,
        title,
        render(found, as_of_text),
        as_of=as_of_text,
        api=api_of(request),
        notes=unreachable_notes(missing),
        **frame,
    )


async def as_of_json(
    view: View,
    request: Request,
    name: str,
    load: Callable[[datetime | None], Awaitable[tuple[Any, list[str]]]],
    **extra: Callable[[Any], Any],
) -> Response:
    """The JSON of what `load` finds as of the requested moment, under `name`, with the
    workers that did not answer; `extra` adds fields computed from what was found."""
    as_of, as_of_text = parse_as_of(request)
    found, missing = await load(as_of)
    payload = {"as_of": as_of_text, name: found, "unreachable_workers": missing}
    return json_response(view, payload | {key: f(found) for key, f in extra.items()})
