"""HTML rendering for the operator pages: plain functions of JSON-able data, escaping everything.

Every value that reaches the page goes through `e()` (html.escape with quotes), and every link
taken from data goes through `safe_url()`, so a snippet holding markup or a `javascript:` link
shows as text. The pages need no script: JavaScript only adds live updates.
"""

import functools
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any
from urllib.parse import quote, quote_plus, urlencode, urlsplit

import orjson

from schemas.events import EVENT_TYPES

NAV = (
    ("overview", "/ui", "Processes"),
    ("timeline", "/ui/timeline", "Timeline"),
    ("strikes", "/ui/strikes", "Strikes"),
    ("tables", "/ui/tables", "Tables"),
    ("health", "/ui/health", "Health"),
)


def e(value: Any) -> str:
    """Escaped text of any value; None is empty."""
    return "" if value is None else escape(str(value), quote=True)


def safe_url(url: Any) -> str | None:
    """A link target from data, only when it is plain http(s)."""
    if not isinstance(url, str):
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None


def href(path: str, **params: Any) -> str:
    """A local link with the non-empty parameters in its query, escaped for an attribute."""
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return e(path + ("?" + urlencode(kept, doseq=True) if kept else ""))


def seg(value: str) -> str:
    """One path segment: a process key or table name, percent-encoded."""
    return quote(value, safe="")


def json_block(value: Any) -> str:
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode()
    return f'<pre class="json">{e(text)}</pre>'


def layout(
    title: str,
    body: str,
    *,
    active: str,
    as_of: str | None,
    api: str,
    live: str | None = None,
    notes: Iterable[str] = (),
) -> str:
    """The page frame: navigation, the time-travel form, the JSON link and the body.

    `live` is the SSE query the script subscribes to; pages in the past are never live.
    """
    live_attr = _live_attributes(live, as_of)
    return _frame(
        title,
        body,
        active=active,
        as_of=as_of,
        api=api,
        attributes=live_attr,
        header=_header(active, as_of, live_box=LIVE_BOX if live_attr else ""),
        notes="".join(f'<p class="note">{e(note)}</p>' for note in notes),
    )


# A small indicator in the header: the connection, a count and the newest event, one line.
LIVE_BOX = (
    '<div class="live" aria-live="polite"><span class="live-dot"></span>'
    '<span id="live-status">connecting</span> · <span id="live-count">0</span> new'
    '<ol id="live-events"></ol></div>'
)


def _live_attributes(live: str | None, as_of: str | None) -> str:
    if live is None or as_of:
        return ""
    # The script listens for every registered event type; the page tells it which they are.
    return f' data-live="{e(live)}" data-event-types="{e(",".join(EVENT_TYPES))}"'


def _header(active: str, as_of: str | None, live_box: str) -> str:
    nav = "".join(
        f'<a href="{href(path, as_of=as_of)}"'
        f"{' aria-current=page class=active' if name == active else ''}>{e(label)}</a>"
        for name, path, label in NAV
    )
    return f"""<header>
<a class="brand" href="/ui">Parley</a>
<nav>{nav}</nav>
<form class="timetravel" method="get" action="">
<label>as of <input type="text" name="as_of" value="{e(as_of)}"
 placeholder="2026-02-05T18:00:00Z" size="22"></label>
<button type="submit">travel</button>
</form>
{live_box}
</header>"""


def _frame(
    title: str,
    body: str,
    *,
    active: str,
    as_of: str | None,
    api: str,
    attributes: str,
    header: str,
    notes: str,
) -> str:
    banner = ""
    if as_of:
        banner = (
            f'<p class="asof" id="as-of-banner">Showing the state as of <strong>{e(as_of)}</strong>'
            f' — <a href="{href(_path_of(api))}">back to now</a></p>'
        )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · Parley</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/ui/static/style.css">
<script src="/ui/static/live.js" defer></script>
</head>
<body data-page="{e(active)}"{attributes}>
{header}
<main>
<h1>{e(title)}</h1>
{banner}{notes}
<p class="api">JSON: <a href="{e(api)}">{e(api)}</a> · <a href="/api/openapi.json">OpenAPI</a></p>
<div id="live-region">
{body}
</div>
</main>
</body>
</html>
"""


def _path_of(api: str) -> str:
    """The page that goes with a JSON address (/api/ui/x?y -> /ui/x), without time travel."""
    path = api.split("?", 1)[0]
    if path == "/api/ui/overview" or not path.startswith("/api/ui"):
        return "/ui"
    return path.replace("/api/ui", "/ui", 1)


# Facts and their evidence -------------------------------------------------------------------


def evidence_href(snippet_id: Any, event_id: Any = None) -> str:
    path = f"/ui/evidence/{seg(str(snippet_id))}"
    return e(path + (f"?event={quote_plus(str(event_id))}" if event_id not in (None, "") else ""))


def evidence(item: Mapping[str, Any] | None, *, cite: bool = True) -> str:
    """A sentence with its source, a link to it highlighted in its snippet, and the source link."""
    if not item:
        return ""
    sentence = item.get("sentence")
    if isinstance(sentence, Mapping):
        sentence = sentence.get("text")
    # The same citation shows up many times (rounds, outcomes, measures, every page view): it is
    # rendered once and kept, keyed by every value it shows.
    return _evidence(
        _text(sentence),
        _text(item.get("snippet_id")),
        _text(item.get("event_id") or item.get("id")),
        _text(item.get("source")),
        _text(item.get("url")),
        _text(item.get("published_at")),
        cite,
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


@functools.lru_cache(maxsize=8192)
def _evidence(
    sentence: str | None,
    snippet_id: str | None,
    event_id: str | None,
    source: str | None,
    url: str | None,
    published_at: str | None,
    cite: bool,
) -> str:
    bits = [f'<q class="sentence">{e(sentence)}</q>']
    if cite:
        meta = []
        link = safe_url(url) or safe_url(source)
        if source and safe_url(source):
            # A feed that gives its page address as the source: name the site, link the page.
            meta.append(f'<span class="source">{e(host(source))}</span>')
        elif source:
            meta.append(f'<span class="source">{e(source)}</span>')
        if published_at:
            meta.append(f"<time>{e(published_at[:16])}</time>")
        if snippet_id:
            meta.append(
                f'<a class="evidence" href="{evidence_href(snippet_id, event_id)}">evidence</a>'
            )
        if link:
            meta.append(f'<a class="source-link" href="{e(link)}" rel="noreferrer">source</a>')
        bits.append(f'<span class="cite">{" · ".join(meta)}</span>')
    return f'<span class="fact">{"".join(bits)}</span>'


def host(url: str) -> str:
    """The site of an http(s) address, without "www."."""
    found = urlsplit(url.strip()).hostname or url
    return found.removeprefix("www.")


def evidence_list(items: Iterable[Mapping[str, Any]] | None, limit: int = 5) -> str:
    rows = [f"<li>{evidence(item)}</li>" for item in list(items or [])[:limit]]
    return f'<ul class="evidence-list">{"".join(rows)}</ul>' if rows else ""


def event_date(value: Mapping[str, Any] | None) -> str:
    if not value:
        return ""
    start, end = value.get("start"), value.get("end")
    days = e(start) if start == end else f"{e(start)} – {e(end)}"
    words = f' <span class="words">“{e(value.get("text"))}”</span>' if value.get("text") else ""
    return f"{days}{words}"


def window(item: Mapping[str, Any]) -> str:
    if item.get("date"):
        return event_date(item.get("date"))
    start, end = item.get("window_start"), item.get("window_end")
    if start and end and start != end:
        return f"{e(start)} – {e(end)}"
    return e(start or end or "date unknown")


def names(items: Iterable[Mapping[str, Any]] | None) -> str:
    return ", ".join(e(item.get("name")) for item in items or []) or "—"


def table(
    columns: Iterable[str],
    rows: Iterable[Iterable[str]],
    *,
    css: str = "",
    body_id: str = "",
    row_attrs: Iterable[str] | None = None,
) -> str:
    """A table whose cells name their column (`data-label`), so that narrow screens can show
    each row as a card (style.css) instead of scrolling sideways. Cells are HTML already;
    `row_attrs` are attribute strings (escaped already), one per row."""
    heads = list(columns)
    head = "".join(f"<th>{e(h)}</th>" for h in heads)
    attrs = iter(row_attrs or ())
    body = "".join(
        f"<tr{(' ' + next(attrs, '')).rstrip()}>"
        + "".join(f'<td data-label="{e(h)}">{c}</td>' for h, c in zip(heads, row, strict=False))
        + "</tr>"
        for row in rows
    )
    ident = f' id="{e(body_id)}"' if body_id else ""
    return (
        f'<table class="stack {e(css)}"><thead><tr>{head}</tr></thead>'
        f"<tbody{ident}>{body}</tbody></table>"
    )


def status_badge(status: Mapping[str, Any] | None) -> str:
    value = (status or {}).get("status", "unknown")
    css = str(value).replace(" ", "-")
    return f'<span class="status status-{e(css)}">{e(value)}</span>'
