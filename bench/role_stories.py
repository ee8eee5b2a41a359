"""Score the invented role stories (`tests/data/role_stories.json`, branch state/mediators11):
the parties and the mediators and hosts of one process as a feed tells them.

    .venv/bin/python bench/role_stories.py [--split dev|held|all] [--typer rules|model|both]

Columns as `bench/state_quality.py` names them: **parties P/R**, **med P/R** (mediators,
facilitators, guarantors, observers and hosts, by name or alias, `bench/party_names.py`) over
every process the story's snippets made, and **party as med**, a party of the process listed as
its host or mediator. Stories at even positions are the dev half, odd positions the held half (a
fixed rule); held stories print their totals only: they are scored at a branch's start and end
and choose nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.key_stories import events
from bench.phantom_stories import print_halves
from bench.state_quality import Score, _ratio, fold_events, score_roles

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "role_stories.json"
ZEROS = (
    "parties_gold",
    "parties_pred",
    "parties_right",
    "mediators_gold",
    "mediators_pred",
    "mediators_right",
    "party_as_mediator",
)


def stories(path: Path = DATA) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["stories"]
    for i, story in enumerate(found):
        # The halves are fixed by position, never chosen by a score.
        assert story["split"] == ("dev" if i % 2 == 0 else "held"), story["story"]
    return found


def gold(story: dict[str, Any]) -> dict[str, Any]:
    """The story's gold in the form of a track's gold file."""
    return {
        "process": {
            "parties": story["parties"],
            "mediators_or_hosts": [{"name": m} for m in story["mediators"]],
        }
    }


def score(story: dict[str, Any], verbose: bool) -> Score:
    states = list(fold_events(events(story))[0].values())
    s = Score()
    s.counts["stories"] = 1
    score_roles(states, gold(story), s, verbose)
    return s


def line(name: str, c: dict[str, int]) -> str:
    return (
        f"| {name} | {_ratio(c['parties_right'], c['parties_pred'])}/"
        f"{_ratio(c['parties_right'], c['parties_gold'])} | "
        f"{_ratio(c['mediators_right'], c['mediators_pred'])}/"
        f"{_ratio(c['mediators_right'], c['mediators_gold'])} | {c['party_as_mediator']} | "
        f"{c['mediators_right']}/{c['mediators_gold']} |"
    )


def main(argv: list[str]) -> int:
    from bench.common import use_typer_of

    use_typer_of(argv)
    split = argv[argv.index("--split") + 1] if "--split" in argv else "dev"
    print("| story | parties P/R | med P/R | party as med | med found |")
    print("|---|---|---|---|---|")
    print_halves(split, stories(), score, line, ZEROS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
