"""HTML of the overview and of one process: status, rounds, measures, issues, claims."""

from collections.abc import Iterable, Mapping
from typing import Any

from streams.web.html import (
    e,
    event_date,
    evidence,
    evidence_list,
    href,
    names,
    seg,
    status_badge,
    window,
)

# Overview -----------------------------------------------------------------------------------


def process_link(process: str, as_of: str | None) -> str:
    return f'<a href="{href(f"/ui/process/{seg(process)}", as_of=as_of)}">{e(process)}</a>'


def last_round(state: Mapping[str, Any]) -> str:
    rounds = state.get("rounds") or []
    if not rounds:
        return "—"
    item = rounds[-1]
    return f"{window(item)} · {e(item.get('venue') or 'venue unknown')}"


def next_meeting(state: Mapping[str, Any]) -> str:
    item = state.get("next_meeting")
    if not item:
        return "—"
    venue = e(item.get("venue") or "venue unknown")
    # A vague time ("in the coming weeks") is shown in its words, never as a date.
    when = event_date(item.get("date")) or e(item.get("when") or "") or "date unknown"
    return f"{when} · {venue}"


def overview(states: Mapping[str, Mapping[str, Any]], as_of: str | None) -> str:
    if not states:
        return '<p class="empty" id="processes">No negotiation process yet.</p>'
    cards = []
    ordered = sorted(
        states.items(), key=lambda kv: (str(kv[1].get("last_published_at") or ""), kv[0])
    )
    for process, state in reversed(ordered):
        recent = "".join(
            f'<li><span class="type">{e(item.get("type"))}</span> {evidence(item)}</li>'
            for item in (state.get("recent") or [])[:3]
        )
        counts = ", ".join(f"{e(k)} {e(v)}" for k, v in sorted((state.get("counts") or {}).items()))
        cards.append(
            f'<article class="process" data-process="{e(process)}">'
            f"<h2>{process_link(process, as_of)} {status_badge(state.get('status'))}</h2>"
            "<dl>"
            f"<dt>Parties</dt><dd>{names(state.get('parties'))}</dd>"
            f"<dt>Mediators</dt><dd>{names(state.get('mediators'))}</dd>"
            f'<dt>Last round</dt><dd class="last-round">{last_round(state)}</dd>'
            f'<dt>Next meeting</dt><dd class="next-meeting">{next_meeting(state)}</dd>'
            f"<dt>Events</dt><dd>{e(state.get('event_count', 0))} ({counts or 'none'})</dd>"
            f"<dt>Updated</dt><dd>{e(state.get('last_published_at') or '—')}</dd>"
            "</dl>"
            f'<h3>Recent events</h3><ul class="recent">{recent}</ul>'
            "</article>"
        )
    return f'<section id="processes" class="cards">{"".join(cards)}</section>'


# Process page -------------------------------------------------------------------------------


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


def _round(item: Mapping[str, Any], kind: str) -> str:
    heads = ", ".join(
        f"{e(h.get('name'))} ({e(', '.join(str(v) for v in (h.get('title'), h.get('country')) if v))})"  # noqa: E501
        for h in item.get("delegation_heads") or []
    )
    outcomes = evidence_list(item.get("outcomes"))
    return (
        f'<li class="round {e(kind)}">'
        f'<div class="when">{window(item)}</div>'
        f'<div class="what"><strong class="venue">{e(item.get("venue") or "venue unknown")}'
        f"</strong> · {e(item.get('format') or 'format unknown')} · reported by "
        f"{e(item.get('corroboration', 0))} snippet(s)"
        f"<div>Delegations: {heads or '—'}</div>"
        f"<div>Outcomes: {outcomes or '—'}</div>"
        f"<details><summary>Evidence</summary>{evidence_list(item.get('evidence'))}</details>"
        "</div></li>"
    )


def _issues(items: Iterable[Mapping[str, Any]] | None) -> str:
    blocks = []
    for issue in items or []:
        positions = sorted(issue.get("positions") or [], key=lambda p: str(p.get("when") or ""))
        rows = "".join(
            f"<tr><td>{e(p.get('when') or '—')}</td><td>{e(', '.join(p.get('actors') or []))}"
            f"</td><td>{e(p.get('stance') or '—')}{' · sticking' if p.get('sticking') else ''}"
            f"</td><td>{evidence(p.get('evidence'))}</td></tr>"
            for p in positions
        )
        sticking = ' <span class="tag">sticking point</span>' if issue.get("sticking_point") else ""
        blocks.append(
            f'<section class="issue"><h3>{e(issue.get("issue"))}{sticking} '
            f'<span class="muted">{e(issue.get("mentions", 0))} mentions</span></h3>'
            "<table><thead><tr><th>When</th><th>Who</th><th>Position</th><th>Evidence</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></section>"
        )
    return "".join(blocks) or "<p>No issues reported.</p>"


def _measures(items: Iterable[Mapping[str, Any]] | None, exchanged: Any) -> str:
    rows = "".join(
        f"<tr><td>{e(m.get('kind'))}</td><td>{e(m.get('status'))}</td>"
        f"<td>{e(', '.join(f'{k} {v}' for k, v in sorted((m.get('stages') or {}).items())))}</td>"
        f"<td>{e(m.get('count') if m.get('count') is not None else '—')}</td>"
        f"<td>{window(m)}</td><td>{e(m.get('corroboration', 0))}</td>"
        f"<td>{evidence_list(m.get('evidence'), 3)}</td></tr>"
        for m in items or []
    )
    total = f"<p>People freed in exchanges reported as done: <strong>{e(exchanged)}</strong></p>"
    if not rows:
        return total + "<p>No agreements or exchanges reported.</p>"
    return (
        total + '<table class="measures"><thead><tr><th>Kind</th><th>Status</th><th>Reports per '
        "stage</th><th>Count</th><th>When</th><th>Snippets</th><th>Evidence</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def figure(claim: Mapping[str, Any]) -> str:
    if claim.get("value") is not None:
        number = f"{claim['value']:,}" if isinstance(claim["value"], int) else claim["value"]
    else:
        number = f"{claim.get('low')}–{claim.get('high')}"
    qualifier = claim.get("qualifier")
    prefix = "" if qualifier in (None, "exact") else str(qualifier).replace("_", " ") + " "
    return f"{e(prefix)}{e(number)} {e(claim.get('unit'))}"


def claims_side_by_side(claims: Mapping[str, Any] | None) -> str:
    by_claimant = (claims or {}).get("by_claimant") or {}
    if not by_claimant:
        return "<p>No casualty claims.</p>"
    columns = []
    for claimant, items in sorted(by_claimant.items()):
        rows = "".join(
            f'<li class="claim"><strong>{figure(c)}</strong> '
            f"<span class='muted'>side {e(c.get('side') or '—')}, as of "
            f"{e(c.get('as_of') or '—')}, {e(c.get('corroboration', 0))} snippet(s)</span>"
            f"{evidence_list(c.get('sources'), 2)}</li>"
            for c in items
        )
        columns.append(f'<section class="claimant"><h3>{e(claimant)}</h3><ul>{rows}</ul></section>')
    return f'<div class="side-by-side">{"".join(columns)}</div>'


def _statements(statements: Mapping[str, Any] | None) -> str:
    by_actor = (statements or {}).get("by_actor") or {}
    blocks = []
    for actor, items in sorted(by_actor.items()):
        rows = "".join(
            f"<li><span class='stance stance-{e(s.get('stance'))}'>{e(s.get('stance'))}</span> "
            f"{e(s.get('subtype') or '')} {evidence(s)}</li>"
            for s in items[:5]
        )
        blocks.append(f"<section><h3>{e(actor)}</h3><ul>{rows}</ul></section>")
    return "".join(blocks) or "<p>No statements.</p>"


def process_page(
    process: str,
    tables: Mapping[str, Any],
    as_of: str | None,
) -> str:
    state = tables.get("negotiations") or {}
    status = state.get("status") or {}
    strikes = tables.get("strike_activity") or {}
    rounds = "".join(_round(r, "held") for r in state.get("rounds") or [])
    planned = "".join(_round(r, "planned") for r in state.get("planned") or [])
    recent = "".join(
        f'<li><span class="type">{e(item.get("type"))}</span> {evidence(item)}</li>'
        for item in state.get("recent") or []
    )
    counts = "".join(
        f"<li>{e(k)}: {e(v)}</li>" for k, v in sorted((state.get("counts") or {}).items())
    )
    timeline_link = href("/ui/timeline", process=process, as_of=as_of)
    hosted = [*(state.get("mediators") or []), *(state.get("hosts") or [])]
    strikes_link = href("/ui/strikes", process=process, as_of=as_of)
    return f"""
<section class="summary" data-process="{e(process)}">
<p>Status {status_badge(status)} <span class="muted">{e(status.get("rule"))}</span>
{evidence(status.get("evidence")) if status.get("evidence") else ""}</p>
<div class="columns">
<section><h2>Parties</h2>{_participants(state.get("parties"))}</section>
<section><h2>Mediators and hosts</h2>{_participants(hosted)}</section>
<section><h2>Events</h2><p>{e(state.get("event_count", 0))} in all</p><ul>{counts}</ul>
<p><a href="{timeline_link}">timeline of this process</a> ·
<a href="{strikes_link}">strikes: {e(strikes.get("total", 0))}</a></p></section>
</div>
</section>
<section id="rounds"><h2>Rounds</h2>
<h3>Next meeting</h3><p class="next-meeting">{next_meeting(state)}</p>
{evidence_list((state.get("next_meeting") or {}).get("evidence"), 2)}
<ol class="timeline">{rounds or "<li>No rounds held.</li>"}</ol>
<h3>Planned</h3><ol class="timeline">{planned or "<li>None planned.</li>"}</ol>
</section>
<section id="issues"><h2>Issues and positions</h2>{_issues(state.get("issues"))}</section>
<section id="measures"><h2>Agreements and exchanges</h2>
{_measures(state.get("measures"), state.get("prisoners_exchanged", 0))}</section>
<section id="claims"><h2>Casualty claims, side by side</h2>
{claims_side_by_side(tables.get("casualty_claims"))}</section>
<section id="statements"><h2>Statements</h2>{_statements(tables.get("statements"))}</section>
<section id="recent"><h2>Recent events</h2><ul class="recent">{recent}</ul></section>
"""
