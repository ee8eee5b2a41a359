"""Casualty claims on the invented probe set (issue 14, branch state/claims).

`tests/data/claims_probes.jsonl` holds invented sentences and short snippets, each with the
claims an analyst would quote: measure, figure (or low/high), qualifier, claimant and side.
They are split by a fixed rule: odd-numbered probes are the dev half (rules are written from its
errors), even-numbered ones the held half (scored at the start and the end of a branch only).
`--set 2` scores the second set, `tests/data/claims_probes2.jsonl` (branch state/claims2): sides
named by a generic phrase, "both sides", a group's later name or a demonym; claimants named once
and referred to later or given by the clause that holds the figure; tolls put, revised or
raised; number words and ranges; the wounded and missing. It is split the same way.
`--set 3`, `tests/data/claims_probes3.jsonl` (branch state/claims2 of 2026-12-06's seventh
session), in the wire register: tolls put at a figure by a named body or person, a body named in
full and then by its head ("The Ministry recalls"), by its kind ("The network says"), two
speakers in one sentence, a surname with its role apposed, pronouns, "according to" a person, a
relative clause ("which X says killed"), "on the two sides", the side named as the striker by
its demonym ("a Chilean missile strike"), and civilians counted by a state's body named before.
`--set 4`, `tests/data/claims_probes4.jsonl` (branch state/claims3), in wordings no training track
uses: a speaker named in full and then by surname or pronoun, a long ministry name then "the
ministry", a monitor then its acronym or head noun ("the Observatory"), an outlet that reports,
the figure in a clause after the attribution, anonymous sources, relatives and an unnamed charity
(unattributed), "on the X side", "on both sides", the victims' demonym, the attacker's demonym,
captured, missing and displaced, ranges and number words.
`--set 5`, `tests/data/claims_probes5.jsonl` (branch state/claims4), in wordings no training or
fresh8 track uses, one class per pair of probes so each half holds every class: a body that puts
or sets a toll as the subject, a body with a relative-clause apposition before "says", a body's
possessive count, local officials ("the district's governor", "the town's police chief"), "It
said" after a body, a side's own losses ("three of its soldiers"), the enemy's losses ("killing
17 soldiers" in the speaker's strike), victims in "the Malawian border town of X", and "has
given no figure ... but says".
`--set 6`, `tests/data/claims_probes6.jsonl` (branch state/claims9), one class per pair: the
victims' kind after a quoted figure (a group "killed \"between 12 and 18\" soldiers"), an army
that says it killed insurgents after a sentence that names its state, a figure joined by "and
that" to the one before, "N members of the security forces", a trailing speaker with a
lower-case title ("the district hospital's director says"), a part of the missing found dead
("37 of the 41 missing"), people named at length before their fate, and a speaker counted
before a verb that is not the figure's ("Two villagers said the raid killed eleven").
`--set 7`, `tests/data/claims_probes7.jsonl` (branch state/claims10), one class per pair: "on
both sides of the border/front line" beyond the figure, a state body's own dead ("puts its own
dead at", "the number killed on its side"), civilians struck by the other state's arms, a
demonym naming a language ("its Portuguese initials"), the war or fighting as the killer, a
second speaker after ";" or "while", "according to a tally/estimate by X", a generic plural
subject ("Agencies have counted") as no claimant, "which the movement says killed", victims
quoted before their fate, a state force's acronym no gazetteer holds ("the BDF"), a surname
apposed to a title, a title alone after the person was named, and the wounded among prisoners
freed by one side.

    .venv/bin/python bench/claims_probes.py [--set 1|2|3|4|5|6|7] [--half dev|held|all] [-v]

`-v` prints each error, for the dev half only.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.state_quality import _claimant_agrees, _side_agrees
from schemas.snippet import Snippet
from schemas.state import CasualtyClaim, CasualtyClaims
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
PROBE_SETS = {
    "1": _DATA / "claims_probes.jsonl",
    "2": _DATA / "claims_probes2.jsonl",
    "3": _DATA / "claims_probes3.jsonl",
    "4": _DATA / "claims_probes4.jsonl",
    "5": _DATA / "claims_probes5.jsonl",
    "6": _DATA / "claims_probes6.jsonl",
    "7": _DATA / "claims_probes7.jsonl",
}


def half_of(probe_id: str) -> str:
    """The fixed split: odd-numbered probes are dev, even-numbered ones held."""
    return "dev" if int(probe_id[2:]) % 2 == 1 else "held"


def predicted(text: str) -> list[CasualtyClaim]:
    events = extract_events(Snippet(text=text))
    tables: dict[str, Any] = project_tables(events)["casualty_claims"]
    claims: list[CasualtyClaims] = list(tables.values())
    return [c for table in claims for group in table.by_claimant.values() for c in group]


def _matches(claim: CasualtyClaim, gold: dict[str, Any]) -> bool:
    if claim.unit != gold["measure"]:
        return False
    if "low" in gold:
        return (claim.low, claim.high) == (gold["low"], gold["high"])
    if gold["figure"] is None:
        return claim.value is None and claim.low is None and claim.high is None
    return gold["figure"] in (claim.value, claim.low, claim.high)


def score(rows: list[dict[str, Any]], verbose: bool) -> Counter[str]:
    c: Counter[str] = Counter()
    for row in rows:
        pred = predicted(row["text"])
        used: set[int] = set()
        for g in row["claims"]:
            c["gold"] += 1
            same = [p for p in pred if _matches(p, g)]
            if not same:
                if verbose:
                    got = [(p.unit, p.value, p.low, p.high) for p in pred]
                    print(f"{row['id']} missed {g}  got {got}")
                continue
            used.update(id(p) for p in same)
            c["found"] += 1
            if any(p.qualifier == g["qualifier"] for p in same):
                c["qualifier"] += 1
            elif verbose:
                print(
                    f"{row['id']} qualifier {[p.qualifier for p in same]} (gold {g['qualifier']})"
                )
            if any(_claimant_agrees(p.claimant, g["claimant"]) for p in same):
                c["claimant"] += 1
            elif verbose:
                print(f"{row['id']} claimant {[p.claimant for p in same]} (gold {g['claimant']})")
            if g["side"]:
                c["side_gold"] += 1
                if any(_side_agrees(p.side, g["side"]) for p in same):
                    c["side"] += 1
                elif verbose:
                    print(f"{row['id']} side {[p.side for p in same]} (gold {g['side']})")
        extra = [p for p in pred if id(p) not in used and p.unit in ("killed", "wounded")]
        c["extra"] += len(extra)
        if extra and verbose:
            print(f"{row['id']} extra {[(p.unit, p.value, p.claimant) for p in extra]}")
    return c


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", default="dev", choices=("dev", "held", "all"))
    parser.add_argument("--set", default="1", choices=tuple(PROBE_SETS))
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    probes = PROBE_SETS[args.set].read_text("utf-8")
    rows = [json.loads(line) for line in probes.splitlines() if line.strip()]
    if args.half != "all":
        rows = [r for r in rows if half_of(r["id"]) == args.half]
    c = score(rows, verbose=args.v and args.half == "dev")
    print(
        f"set {args.set} {args.half}: {len(rows)} probes; claims {c['found']}/{c['gold']}, "
        f"qualifier {c['qualifier']}/{c['found']}, claimant {c['claimant']}/{c['found']}, side "
        f"{c['side']}/{c['side_gold']}, extra {c['extra']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
