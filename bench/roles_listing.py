"""Parties, mediators, hosts and rounds of every process, listed for reading and diffing.

Lists the tune stories (one block per process of each story) and every item of events.jsonl read
as a snippet of its own (one line per process it opens). Check stories are never listed. Save
the listing before and after a change and read `diff` of the two in full: every new party must
be a real side, every new mediator or host a real one, every new row a real meeting.

    .venv/bin/python bench/roles_listing.py [--stories | --events] > /tmp/after.txt
    diff /tmp/before.txt /tmp/after.txt
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.state_quality import STORIES, TUNE
from schemas.snippet import Snippet
from schemas.state import NegotiationState
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

EVENTS = STORIES.parent / "events.jsonl"


def _states(snippets: list[Snippet]) -> list[NegotiationState]:
    events = [e for s in snippets for e in extract_events(s)]
    tables = project_tables(events)
    negotiations: dict[str, NegotiationState] = tables["negotiations"]  # type: ignore[assignment]
    return [negotiations[k] for k in sorted(negotiations)]


def _roles(state: NegotiationState) -> str:
    parties = ", ".join(p.name for p in state.parties)
    mediators = ", ".join(f"{m.name} ({m.role})" for m in state.mediators)
    hosts = ", ".join(h.name for h in state.hosts)
    return f"parties [{parties}] mediators [{mediators}] hosts [{hosts}]"


def stories() -> list[str]:
    lines = []
    for track in TUNE:
        snippets = []
        for line in (STORIES / f"{track}.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                snippets.append(
                    Snippet(id=r["id"], text=r["text"], published_at=r.get("published_at"))
                )
        lines.append(f"## {track}")
        for state in _states(snippets):
            lines.append(f"{state.process}: {_roles(state)}")
            for r in state.rounds:
                when = r.date.text if r.date else "undated"
                lines.append(f"    round {r.venue or '-'} {when} {list(r.snippets)}")
    return lines


def events() -> list[str]:
    lines = ["## events.jsonl"]
    for number, line in enumerate(EVENTS.read_text("utf-8").splitlines()):
        item = json.loads(line)
        snippet = Snippet(
            id=f"ev{number}",
            text=item["text"],
            published_at=item.get("published_at") or "2025-01-01",
        )
        for state in _states([snippet]):
            if state.parties or state.mediators or state.hosts or state.rounds:
                lines.append(f"{item['id']} {state.process}: {_roles(state)}")
    return lines


def main(argv: list[str]) -> int:
    out = []
    if "--events" not in argv:
        out += stories()
    if "--stories" not in argv:
        out += events()
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
