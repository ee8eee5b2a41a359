"""Score the invented phantom stories (`tests/data/phantom_stories.json`, issue 14).

    .venv/bin/python bench/phantom_stories.py [--split dev|held|all] [--set 1|2|3|4|5|6|7|8]

`--set 2` scores the second set (`tests/data/phantom_stories2.json`, branch state/rounds: new
wordings, and roles: its stories' gold names their parties and mediators). `--set 3` scores the
third (`tests/data/phantom_stories3.json`, branch state/rounds2: what the training tracks show, a
round's end told by its length, a town named by its dateline, another state's counterpart met).

Each story is folded as `parley state` does. Rows are those of the processes that share a side
with the story's own process (a meeting of another pair, rightly keyed to its own process, is no
row of this story). Columns as `bench/state_quality.py` (rounds P/R, rows, dup, phantom), plus
**country**: rows named by a country while the gold round names a city, **other**: rows of the
other processes (another pair's meetings, rightly apart, or this story's keyed to a process of
its own: process keys), **next**: the next meeting right (venue; day when the gold has one; no
day shown when the gold plan is vague; none shown when the gold has none), and, where the gold
names a story's parties and mediators (`gold.process`, as the dev stories' gold files), **med
P/R** and **party as med** (a party listed as its own process's mediator or host), scored as
`bench/state_quality.py` does. Held stories print their totals only: they were scored at the
branch's start and end and chose nothing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.state_quality import (
    Score,
    _norm,
    _overlap,
    _places,
    fold_events,
    gold_spans,
    score_roles,
    score_rounds,
    venue_agrees,
)
from schemas.snippet import Snippet
from schemas.state import NegotiationState
from streams.core.read.extract import extract_events

DATA_DIR = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = {
    "1": DATA_DIR / "phantom_stories.json",
    "2": DATA_DIR / "phantom_stories2.json",
    "3": DATA_DIR / "phantom_stories3.json",
    "4": DATA_DIR / "phantom_stories4.json",
    "5": DATA_DIR / "phantom_stories5.json",
    "6": DATA_DIR / "phantom_stories6.json",
    "7": DATA_DIR / "phantom_stories7.json",
    "8": DATA_DIR / "phantom_stories8.json",
}
DATA = SETS["1"]


def stories(path: Path = DATA) -> list[dict[str, Any]]:
    return json.loads(path.read_text("utf-8"))["stories"]  # type: ignore[no-any-return]


def fold(story: dict[str, Any]) -> dict[str, NegotiationState]:
    events = [
        e
        for r in story["snippets"]
        for e in extract_events(
            Snippet(
                id=r["id"], text=r["text"], published_at=r["published_at"], source=r.get("source")
            )
        )
    ]
    # As `parley state` shows them: a process keyed by one side joined to its counterpart.
    return fold_events(events)[0]


def own_states(story: dict[str, Any]) -> tuple[list[NegotiationState], int]:
    """The states of processes sharing a side with the story's, and the rows of the others
    (another pair's meetings, or this one's keyed to a process of a mediator alone)."""
    sides = set(story["process"].split("--"))
    states = fold(story)
    own = [
        st
        for key, st in states.items()
        if isinstance(st, NegotiationState) and sides & set(key.split("--"))
    ]
    others = sum(
        len(st.rounds)
        for key, st in states.items()
        if isinstance(st, NegotiationState) and not sides & set(key.split("--"))
    )
    return own, others


def _is_country(venue: str | None) -> bool:
    place = _places().get(_norm(venue or ""))
    return place is not None and place[1] == "country"


def next_right(states: list[NegotiationState], gold: dict[str, Any] | None) -> bool:
    shown = [st.next_meeting for st in states if st.next_meeting is not None]
    if not gold:
        return not shown
    spans = gold_spans(gold)
    for n in shown:
        if gold.get("venue") and not (n.venue and venue_agrees(n.venue, gold["venue"])):
            continue
        if spans is None:
            if n.date is None or n.date.precision == "vague":
                return True
        elif n.date is not None and any(_overlap((n.date.start, n.date.end), x) for x in spans):
            return True
    return False


def score(story: dict[str, Any], verbose: bool) -> Score:
    states, others = own_states(story)
    s = Score()
    s.counts["other"] = others
    s.counts["stories"] = 1
    rows = [r for st in states for r in st.rounds]
    score_rounds(rows, story["gold"]["rounds"], s, verbose)
    s.counts["country"] = sum(
        1
        for r in rows
        if _is_country(r.venue)
        and any(g.get("venue") and not _is_country(g["venue"]) for g in story["gold"]["rounds"])
    )
    s.counts["next_gold"] = 1
    s.counts["next_right"] = int(next_right(states, story["gold"]["next"]))
    if "process" in story["gold"]:
        s.counts["roles_gold"] = 1
        score_roles(states, story["gold"], s, verbose)
    if verbose:
        s.notes.append(
            "  next shown: "
            + repr(
                [
                    (n.venue, n.date and n.date.text, n.date and n.date.precision)
                    for st in states
                    if (n := st.next_meeting) is not None
                ]
            )
        )
    return s


def line(name: str, c: dict[str, int]) -> str:
    p = c["rows_right"] / max(1, c["rows"] - c["rows_neutral"])
    r = c["rounds_found"] / max(1, c["rounds_required"])
    if c.get("roles_gold"):
        mp = c["mediators_right"] / max(1, c["mediators_pred"])
        mr = c["mediators_right"] / max(1, c["mediators_gold"])
        roles = f"{mp:.2f}/{mr:.2f} | {c['party_as_mediator']} |"
    else:
        roles = "- | - |"
    return (
        f"| {name} | {p:.2f} | {r:.2f} | {c['rows']} | {c['rows_duplicate']} | "
        f"{c['rows_phantom']} | {c.get('country', 0)} | {c.get('other', 0)} | "
        f"{c['next_right']}/{c['next_gold']} | {roles}"
    )


def main(argv: list[str]) -> int:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "dev"
    path = SETS[argv[argv.index("--set") + 1] if "--set" in argv else "1"]
    print(
        "| story | rounds P | rounds R | rows | dup | phantom | country | other | next "
        "| med P/R | party as med |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print_halves(split, stories(path), score, line, zeros=("country", "other"))
    return 0


def print_halves(
    split: str,
    items: list[dict[str, Any]],
    score: Callable[..., Score],
    line: Callable[[str, dict[str, int]], str],
    zeros: tuple[str, ...] = (),
) -> None:
    """Each half's total row; the dev half's stories and notes too (a held half is scored at a
    branch's start and end only, so it never prints a story)."""
    for part in ("dev", "held"):
        if split not in (part, "all"):
            continue
        total = Score()
        total.counts.update(dict.fromkeys(zeros, 0))
        for story in items:
            if story["split"] != part:
                continue
            s = score(story, verbose=part == "dev")
            for k, v in s.counts.items():
                total.counts[k] = total.counts.get(k, 0) + v
            if part == "dev":
                print(line(story["story"], s.counts))
                print("\n".join(s.notes), file=sys.stderr)
        print(line(f"**{part} total**", total.counts))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
