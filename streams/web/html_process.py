"""HTML of one process: summary, rounds, plans, issues, measures, claims, statements."""

from collections.abc import Iterable, Mapping
from typing import Any

from streams.web import digest
from streams.web.html import (
    e,
    evidence,
    evidence_list,
    href,
    seg,
    status_badge,
    table,
    window,
)
from streams.web.html_overview import (
    because,
    count_words,
    facts,
    figure,
    joined_keys,
    recent_list,
    stored_switch,
    title,
    with_commas,
)

# Process page -------------------------------------------------------------------------------

SECTIONS = (
    ("summary", "Summary"),
    ("rounds", "Rounds"),
    ("planned", "Planned"),
    ("issues", "Issues"),
    ("measures", "Agreements"),
    ("claims", "Casualties"),
    ("statements", "Statements"),
    ("actors", "Parties"),
    ("recent", "Latest events"),
)


def _participants(items: Iterable[Mapping[str, Any]] | None) -> str:
    rows = []
    for item in items or []:
        first = (item.get("evidence") or [None])[0]
        rows.append(
            f"<li><strong>{e(item.get('name'))}</strong> "
            f"<span class='muted'>{e(item.get('role'))}, {e(item.get('mentions', 0))} mentions"
            f"</span> {evidence(first) if first else ''}</li>"
        )
    return f"<ul>{''.join(rows)}</ul>" if rows else "<p>—</p>"


def _heads(item: Mapping[str, Any]) -> str:
    heads = []
    for head in item.get("delegation_heads") or []:
        if not isinstance(head, Mapping):
            continue
        about = ", ".join(str(v) for v in (head.get("title"), head.get("country")) if v)
        heads.append(f"{e(head.get('name'))}{' (' + e(about) + ')' if about else ''}")
    return ", ".join(heads) or "—"


def _sources(item: Mapping[str, Any]) -> str:
    count = item.get("corroboration", len(item.get("snippets") or []))
    cited = evidence_list(item.get("evidence"))
    if not cited:
        return f'<span class="sources">{e(count)}</span>'
    return (
        f'<details class="sources"><summary>{e(count)} source{"s" if count != 1 else ""}'
        f"</summary>{cited}</details>"
    )


def _outcomes(item: Mapping[str, Any]) -> str:
    outcomes = [o for o in item.get("outcomes") or [] if isinstance(o, Mapping)]
    if not outcomes:
        return "—"
    shown = evidence_list(outcomes[:1])
    more = ""
    if len(outcomes) > 1:
        more = (
            f"<details><summary>{len(outcomes) - 1} more</summary>"
            f"{evidence_list(outcomes[1:])}</details>"
        )
    return shown + more


def _round_row(item: Mapping[str, Any]) -> list[str]:
    return [
        window(item),
        f'<strong class="venue">{e(item.get("venue") or "not reported")}</strong>',
        e(item.get("format") or "—"),
        _heads(item),
        _outcomes(item),
        _sources(item),
    ]


def rounds_table(rounds: Iterable[Mapping[str, Any]] | None) -> str:
    ordered = digest.in_date_order(rounds)
    if not ordered:
        return "<p>No rounds held.</p>"
    return table(
        ("When", "Venue", "Format", "Delegation heads", "Outcomes", "Sources"),
        [_round_row(r) for r in ordered],
        css="rounds",
        # Each row carries its first day: the order can be checked without reading the text.
        row_attrs=[f'class="round" data-day="{e(digest.span(r)[0])}"' for r in ordered],
    )


def planned_table(planned: Iterable[Mapping[str, Any]] | None, today: str) -> str:
    ordered = digest.in_date_order(planned)
    if not ordered:
        return "<p>None planned.</p>"
    marks = [digest.plan_mark(item, today) for item in ordered]
    rows = [
        [
            window(item),
            f'<span class="tag plan-{e(mark)}">{e(mark)}</span>',
            e(item.get("venue") or "not given"),
            e(item.get("format") or "—"),
            _sources(item),
        ]
        for item, mark in zip(ordered, marks, strict=True)
    ]
    return table(
        ("When", "Now", "Venue", "Format", "Sources"),
        rows,
        css="planned",
        row_attrs=[f'class="plan" data-mark="{e(mark)}"' for mark in marks],
    )


def _issues(items: Iterable[Mapping[str, Any]] | None) -> str:
    blocks = []
    # Sticking points first, then the most discussed issues.
    issues = sorted(
        (i for i in items or [] if isinstance(i, Mapping)),
        key=lambda i: (not i.get("sticking_point"), -int(i.get("mentions") or 0)),
    )
    for issue in issues:
        positions = sorted(
            (p for p in issue.get("positions") or [] if isinstance(p, Mapping)), key=_position_day
        )
        rows = [
            [
                _position_when(p),
                e(", ".join(p.get("actors") or []) or "—"),
                e(digest.words(p.get("stance")))
                + (' <span class="tag">sticking</span>' if p.get("sticking") else ""),
                evidence(p.get("evidence")),
            ]
            for p in positions
        ]
        sticking = ' <span class="tag">sticking point</span>' if issue.get("sticking_point") else ""
        blocks.append(
            f'<section class="issue"><h3>{e(issue.get("issue"))}{sticking} '
            f'<span class="muted">{e(issue.get("mentions", 0))} mentions</span></h3>'
            f"{table(('When', 'Who', 'Position', 'Evidence'), rows, css='positions')}</section>"
        )
    return "".join(blocks) or "<p>No issues reported.</p>"


def _position_day(position: Mapping[str, Any]) -> str:
    """The day a position was taken, else the day it was reported."""
    cited = position.get("evidence")
    published = cited.get("published_at") if isinstance(cited, Mapping) else None
    return str(position.get("when") or published or "")[:10]


def _position_when(position: Mapping[str, Any]) -> str:
    if position.get("when"):
        return e(position.get("when"))
    day = _position_day(position)
    return f'<span class="muted">reported {e(day)}</span>' if day else "—"


def exchange_count(m: Mapping[str, Any]) -> str:
    """The count, and for an exchange run over several days its days' counts ("515: 150 + 120
    + 245")."""
    if m.get("count") is None:
        return "—"
    days = [p.get("count") for p in m.get("parts") or () if isinstance(p, Mapping)]
    told = " + ".join(with_commas(n) if n is not None else "?" for n in days)
    return e(with_commas(m.get("count")) + (f": {told}" if days else ""))


def _measures(items: Iterable[Mapping[str, Any]] | None, exchanged: Any) -> str:
    rows = [
        [
            e(m.get("kind")),
            e(m.get("status")),
            e(", ".join(f"{k} {v}" for k, v in sorted((m.get("stages") or {}).items()))),
            exchange_count(m),
            window(m),
            _sources(m),
        ]
        for m in reversed(digest.in_date_order(items))
    ]
    total = f"<p>People freed in exchanges reported as done: <strong>{e(exchanged)}</strong></p>"
    if not rows:
        return total + "<p>No agreements or exchanges reported.</p>"
    columns = ("Kind", "Status", "Reports per stage", "Count", "When", "Sources")
    return total + table(columns, rows, css="measures")


def claims_table(claims: Mapping[str, Any] | None) -> str:
    """Claimants as rows, the sides their figures are about as columns; never averaged."""
    by_claimant = (claims or {}).get("by_claimant") or {}
    if not by_claimant:
        return "<p>No casualty claims.</p>"
    sides = digest.sides(by_claimant)
    rows = []
    for claimant, items in sorted(by_claimant.items()):
        cells = [f"<strong>{e(claimant)}</strong>"]
        for side in sides:
            mine = [
                c for c in items or [] if isinstance(c, Mapping) and (c.get("side") or "") == side
            ]
            mine.sort(key=lambda c: str(c.get("as_of") or ""), reverse=True)
            cells.append(
                "".join(
                    f'<div class="claim"><strong>{figure(c)}</strong> '
                    f'<span class="muted">as of {e(c.get("as_of") or "—")}</span> '
                    f"{_claim_sources(c)}</div>"
                    for c in mine
                )
                or "—"
            )
        rows.append(cells)
    columns = ["Claimant", *(f"About {s}" if s else "Side not given" for s in sides)]
    return table(columns, rows, css="claims")


def _claim_sources(claim: Mapping[str, Any]) -> str:
    cited = evidence_list(claim.get("sources"), 2)
    count = claim.get("corroboration", 0)
    if not cited:
        return f'<span class="muted">{e(count)} snippet(s)</span>'
    return f"<details><summary>{e(count)} source(s)</summary>{cited}</details>"


def _statements(statements: Mapping[str, Any] | None) -> str:
    by_actor = (statements or {}).get("by_actor") or {}
    blocks = []
    for actor, items in sorted(by_actor.items()):
        rows = "".join(
            f"<li><span class='stance stance-{e(s.get('stance'))}'>{e(s.get('stance'))}</span> "
            f"{e(digest.words(s.get('subtype')))} {evidence(s)}</li>"
            for s in items[:5]
        )
        blocks.append(f"<section><h3>{e(actor)}</h3><ul>{rows}</ul></section>")
    return "".join(blocks) or "<p>No statements.</p>"


def _meeting_sources(meeting: Mapping[str, Any] | None) -> str:
    cited = evidence_list((meeting or {}).get("evidence"), 2)
    return f"<h3>The next meeting, as reported</h3>{cited}" if cited else ""


def toc() -> str:
    links = "".join(f'<a href="#{e(anchor)}">{e(label)}</a>' for anchor, label in SECTIONS)
    return f'<nav class="toc" aria-label="On this page">{links}</nav>'


def process_page(
    process: str,
    tables: Mapping[str, Any],
    as_of: str | None,
) -> str:
    state = tables.get("negotiations") or {}
    card = digest.brief({"process": process, **state}, tables.get("casualty_claims"))
    strikes = tables.get("strike_activity") or {}
    counts = count_words(state.get("counts"))
    timeline_link = href("/ui/timeline", process=process, as_of=as_of)
    hosted = [*(state.get("mediators") or []), *(state.get("hosts") or [])]
    recent = recent_list(state.get("recent"))
    strikes_link = href("/ui/strikes", process=process, as_of=as_of)
    return f"""{toc()}
<section id="summary" class="summary" data-process="{e(process)}">
<h2>Where the talks stand {status_badge(card.get("status"))}</h2>
{because(card.get("status"))}
{facts(card)}
<p class="muted">{e(state.get("event_count", 0))} events ({counts or "none"}) ·
<a href="{timeline_link}">timeline of this process</a> ·
<a href="{strikes_link}">strikes: {e(strikes.get("total", 0))}</a></p>
{_meeting_sources(state.get("next_meeting"))}
</section>
<section id="rounds"><h2>Rounds held, in date order</h2>
{rounds_table(state.get("rounds"))}</section>
<section id="planned"><h2>Planned</h2>
<p class="muted">A plan is marked passed when its last day is before the newest report
({e(digest.latest_day(state) or "none")}), unless the state says otherwise.</p>
{planned_table(state.get("planned"), digest.latest_day(state))}</section>
<section id="issues"><h2>Issues and positions</h2>{_issues(state.get("issues"))}</section>
<section id="measures"><h2>Agreements and exchanges</h2>
{_measures(state.get("measures"), state.get("prisoners_exchanged", 0))}</section>
<section id="claims"><h2>Casualty claims, by claimant and side</h2>
{claims_table(tables.get("casualty_claims"))}</section>
<section id="statements"><h2>Statements</h2>{_statements(tables.get("statements"))}</section>
<section id="actors" class="columns">
<section><h2>Parties</h2>{_participants(state.get("parties"))}</section>
<section><h2>Mediators and hosts</h2>{_participants(hosted)}</section>
</section>
<section id="recent"><h2>Latest events</h2><ul class="recent">{recent}</ul>
</section>
"""


def keying_note(process: str, joined: list[str], as_of: str | None, stored: bool) -> str:
    """Above a process page: the keys whose reports it includes, or that it is shown as stored;
    and the link to the other view."""
    path = f"/ui/process/{seg(process)}"
    return joined_keys(joined, as_of) + stored_switch(as_of, stored, path)


def unknown_process(
    process: str, known: Mapping[str, Mapping[str, Any]], as_of: str | None, stored: bool = False
) -> str:
    """The 404 body: what was asked, and the processes there are (`stored`: linked to their
    pages as stored)."""
    rows = "".join(
        f'<li data-process="{e(key)}">'
        f"{title(key, str((known[key] or {}).get('name') or key), as_of, stored)}</li>"
        for key in digest.overview_order(known)
    )
    listed = f'<ul id="known-processes">{rows}</ul>' if rows else "<p>No process yet.</p>"
    return (
        f'<p class="error" id="error">No process {e(process)}'
        f"{' as of ' + e(as_of) if as_of else ''}.</p>"
        f"<h2>Known processes</h2>{listed}"
    )
