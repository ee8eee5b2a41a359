"""Quality of the negotiation state on the dev stories, scored against their gold state files.

For every story of `../shared/corpus/dev/stories/` the snippets are read and folded with the core
functions (as `parley state` does) and the state is compared with `<track>.gold.json`:
- rounds: precision counted one row per real round (a row that matches a gold round already
  matched, or no gold round, is false; the first row of an optional round is neither right nor
  wrong) and recall of the required gold rounds. A row matches a round when their days overlap
  within the gold date's precision and their venues agree (a country matches its own city);
- exchanges: every gold exchange done found with its count, every gold exchange found with its
  stage, done exchanges that are not in the gold, and the total `prisoners_exchanged`;
- parties and mediators/hosts (precision and recall by name and alias) and parties listed as a
  host or mediator;
- the next meeting (none when the gold has none, else its venue or day);
- casualty claims with a figure: found (measure and figure), and of those the claimant and the
  side right;
- how the reading keyed the story: the processes the fold made (one-sided among them) and the
  share of talks and exchange events under the story's main key (a story is one process).

Tune stories are printed in detail; the check stories only add to their split's totals (the
locked split of the extraction issue: never read check items while changing rules).
`--split invented` adds the invented held-out tracks of bench/invented/ (a summary row per track
and their total, never items or notes); `--split training` adds the invented development tracks
of training/ that have a `<track>.gold.json` (printed in detail like tune, and their total); the
default output is unchanged. The tables are scored as `parley state` prints them by default,
joined (counterparts.py: a process keyed by one side, or by a side and a third party, shown in
the only process it belongs to); `--as-stored` scores the tables as the workers store them.
`--own-process` scores only the processes that share a party with the gold's (a round-up's
other talks, keyed to their own processes, are then no rows of the story); the default scores
every process the story's snippets made, as one state.

    .venv/bin/python bench/state_quality.py [--json] [--quiet] [--split invented|training]
        [--as-stored] [--own-process] [--without TRACK,TRACK]

`--without` leaves training tracks out of the training split (a batch held out while the others
are debugged in detail).
"""

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.party_names import find, gold_entries, matched, norm, same_actor
from schemas.events import UNASSIGNED, Event
from schemas.snippet import Snippet
from schemas.state import CasualtyClaims, NegotiationState, Round
from streams.core.fold.counterparts import joined_tables
from streams.core.fold.folds import project_tables
from streams.core.lexicon import load
from streams.core.read.extract import extract_events

STORIES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "stories"
INVENTED_DIR = Path(__file__).resolve().parent / "invented"
TRAINING_DIR = Path(__file__).resolve().parents[1] / "training"
INVENTED = tuple(
    json.loads((Path(__file__).resolve().parent / "split.json").read_text("utf-8"))["invented"]
)
TUNE = (
    "armenia-azerbaijan",
    "drc-rwanda-m23",
    "sudan-jeddah",
    "riyadh-jeddah-2025",
    "israel-iran-2025",
)
CHECK = ("colombia-eln-2023", "ethiopia-tigray-2022", "yemen-2023")

# Counters of one story; totals are their sums.
FIELDS = (
    "stories",
    "rows",
    "rows_right",
    "rows_neutral",
    "rows_duplicate",
    "rows_phantom",
    "rounds_required",
    "rounds_found",
    "swaps_done",
    "swaps_done_count_right",
    "swaps",
    "swaps_status_right",
    "swaps_extra_done",
    "total_right",
    "parties_gold",
    "parties_pred",
    "parties_right",
    "mediators_gold",
    "mediators_pred",
    "mediators_right",
    "party_as_mediator",
    "next_right",
    "next_gold",
    "status_right",
    "status_accepted",
    "status_gold",
    "claims_gold",
    "claims_found",
    "claimant_right",
    "side_gold",
    "side_right",
    "processes",
    "one_sided",
    "in_main_key",
    "process_events",
)


@dataclass
class Score:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    notes: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for k, v in other.counts.items():
            self.counts[k] += v


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


# --- reading and folding -------------------------------------------------------------------


def training_tracks() -> tuple[str, ...]:
    """The development tracks of training/ that have a gold state file."""
    return tuple(
        sorted(p.name.removesuffix(".gold.json") for p in TRAINING_DIR.glob("*.gold.json"))
    )


def _story_dir(track: str) -> Path:
    if track in INVENTED:
        return INVENTED_DIR
    if (TRAINING_DIR / f"{track}.gold.json").is_file():
        return TRAINING_DIR
    return STORIES


def story_events(track: str) -> list[Event]:
    """The events the reading makes of the story's snippets, in file order."""
    events: list[Event] = []
    for line in (_story_dir(track) / f"{track}.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        snippet = Snippet(
            id=record["id"],
            source=record.get("source"),
            text=record["text"],
            published_at=record.get("published_at"),
        )
        events.extend(extract_events(snippet))
    return events


def fold_events(
    events: list[Event], joined: bool = True
) -> tuple[dict[str, NegotiationState], dict[str, CasualtyClaims]]:
    """The tables as `parley state` prints them by default, joined (counterparts.py), or, not
    `joined`, as the workers store and serve them."""
    tables = project_tables(events)
    if joined:
        tables = joined_tables(tables)  # type: ignore[assignment]
    return tables["negotiations"], tables["casualty_claims"]  # type: ignore[return-value]


def fold_story(
    track: str, joined: bool = True
) -> tuple[dict[str, NegotiationState], dict[str, CasualtyClaims]]:
    """The story's tables (`fold_events` of `story_events`)."""
    return fold_events(story_events(track), joined)


# Events that only make sense under their process: a meeting or swap keyed apart from the
# story's process is a duplicate row or an extra swap.
_PROCESS_TYPES = frozenset({"talks", "prisoner_exchange"})


def main_key_share(events: Iterable[Event]) -> tuple[int, int]:
    """(talks and exchange events under the story's main key, all such events): a story is one
    process, so every one of them belongs under one key (`unassigned` never counts)."""
    keys = Counter(e.process for e in events if e.type in _PROCESS_TYPES)
    total = sum(keys.values())
    # Two-sided keys first: a story's process has two sides, and a one-sided key that outnumbers
    # it is the keying failure this measures.
    keyed = [("--" in k, n) for k, n in keys.items() if k != UNASSIGNED]
    return (max(keyed)[1] if keyed else 0), total


# --- names and places ----------------------------------------------------------------------


# Places and claimants are compared as names are (accents dropped: "Lomé" and "Lome").
_norm = norm


@cache
def _places() -> dict[str, tuple[str, str]]:
    """Place name -> (country code, kind)."""
    out: dict[str, tuple[str, str]] = {}
    for p in load("places")["places"]:
        for alias in (p["name"], *p.get("aliases", ())):
            out.setdefault(_norm(alias), (p.get("country") or "", p.get("kind") or ""))
    return out


def _place_forms(venue: str) -> set[str]:
    forms = {_norm(venue), _norm(venue.split(" (")[0])}
    forms.update(_norm(x) for x in re.findall(r"\(([^)]*)\)", venue))
    forms.update(_norm(x) for x in re.split(r",", venue))
    return {f for f in forms if f}


def venue_agrees(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return True
    p, g = _place_forms(predicted), _place_forms(gold)
    if p & g or any(a in b or b in a for a in p for b in g if min(len(a), len(b)) >= 4):
        return True
    # A country agrees with a city of its own (not one city with another).
    places = _places()
    for a in p:
        pa = places.get(a)
        if pa is None:
            continue
        for b in g:
            pb = places.get(b)
            if pb and pa[0] == pb[0] and "country" in (pa[1], pb[1]):
                return True
    return False


# --- dates ---------------------------------------------------------------------------------


def _parse(text: Any) -> tuple[date, date] | None:
    if not isinstance(text, str):
        return None
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    if m.group(3):
        d = date(y, mo, int(m.group(3)))
        return (d, d)
    start = date(y, mo, 1)
    end = (date(y + mo // 12, mo % 12 + 1, 1)) - timedelta(days=1)
    return (start, end)


def gold_spans(item: dict[str, Any]) -> list[tuple[date, date]] | None:
    """Days a gold item may be on, with slack for its precision; None when it is undated."""
    first = _parse(item.get("date"))
    if first is None:
        return None
    end = _parse(item.get("date_end"))
    start, stop = first[0], (end[1] if end else first[1])
    precision = item.get("date_precision")
    slack = {"day": 1, "approximate": 3, "month": 0}.get(precision or "day", 1)
    spans = [(start - timedelta(days=slack), stop + timedelta(days=slack))]
    if precision == "on_or_before":
        spans = [(start - timedelta(days=45), stop + timedelta(days=1))]
    for key in ("accept", "date_alternatives"):
        values = item.get(key)
        for value in values if isinstance(values, list) else [values]:
            alt = _parse(value) if isinstance(value, str) else None
            if isinstance(value, dict):
                alt = _parse(value.get("date"))
            if alt:
                spans.append((alt[0] - timedelta(days=1), alt[1] + timedelta(days=1)))
    return spans


def _row_span(row: Round) -> tuple[date, date] | None:
    if row.date is not None and row.date.precision != "vague":
        return (row.date.start, row.date.end)
    if row.window_start and row.window_end:
        return (row.window_start, row.window_end)
    return None


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


# --- rounds --------------------------------------------------------------------------------


def round_matches(row: Round, gold: dict[str, Any]) -> bool:
    if not venue_agrees(row.venue, gold.get("venue")):
        return False
    spans = gold_spans(gold)
    if spans is None:
        # An undated gold round: the row must come from its reports.
        return bool(set(row.snippets) & set(gold.get("evidence", ())))
    span = _row_span(row)
    return span is not None and any(_overlap(span, s) for s in spans)


def _distance(row: Round, gold: dict[str, Any]) -> tuple[int, int]:
    """How far a row is from a gold round: days apart, then 1 when the venues differ in name."""
    spans = gold_spans(gold)
    span = _row_span(row)
    days = 0
    if spans and span:
        first = _parse(gold.get("date"))
        if first:
            days = min(abs((span[0] - first[0]).days), abs((span[1] - first[1]).days))
    named = bool(
        row.venue and gold.get("venue") and _place_forms(row.venue) & _place_forms(gold["venue"])
    )
    return (days, 0 if named else 1)


def score_rounds(rows: list[Round], gold: list[dict[str, Any]], s: Score, verbose: bool) -> None:
    matched: set[int] = set()
    rows = sorted(rows, key=lambda r: (_row_span(r) or (date.min, date.min), r.venue or ""))
    for row in rows:
        s.counts["rows"] += 1
        candidates = [i for i, g in enumerate(gold) if round_matches(row, g)]
        free = [i for i in candidates if i not in matched]
        free.sort(key=lambda i: (bool(gold[i].get("optional")), _distance(row, gold[i])))
        label = "phantom"
        if free:
            i = free[0]
            matched.add(i)
            if gold[i].get("optional"):
                s.counts["rows_neutral"] += 1
                label = "optional"
            else:
                s.counts["rows_right"] += 1
                label = "ok"
        elif candidates:
            s.counts["rows_duplicate"] += 1
            label = "duplicate"
        else:
            s.counts["rows_phantom"] += 1
        if verbose:
            span = _row_span(row)
            when = f"{span[0]}..{span[1]}" if span else "undated"
            s.notes.append(f"  row {label:<9} {row.venue or '-':<22} {when}  {row.snippets}")
    for i, g in enumerate(gold):
        if g.get("optional"):
            continue
        s.counts["rounds_required"] += 1
        if i in matched:
            s.counts["rounds_found"] += 1
        elif verbose:
            s.notes.append(f"  missed round {g.get('venue')} {g.get('date')}")


# --- exchanges -----------------------------------------------------------------------------


def _gold_stage(g: dict[str, Any]) -> str:
    stage = str(g.get("agreed_or_done") or g.get("status") or "").casefold()
    if "halted" in stage:
        return "collapsed"  # the gold's word for what the fold calls a collapsed swap
    return "done" if "done" in stage else ("agreed" if "agreed" in stage else stage)


def score_exchanges(
    states: Iterable[NegotiationState], gold: list[dict[str, Any]], s: Score, verbose: bool
) -> None:
    measures = [m for st in states for m in st.measures if m.kind == "prisoner exchange"]
    total = sum(st.prisoners_exchanged for st in states)
    explained: set[int] = set()
    for g in gold:
        stage = _gold_stage(g)
        count = g.get("count")
        spans = gold_spans(g)

        def near(m: Any, spans: Any = spans) -> bool:
            if spans is None or m.window_start is None:
                return True
            span = (m.window_start, m.window_end)
            wide = [(a - timedelta(days=2), b + timedelta(days=2)) for a, b in spans]
            return any(_overlap(span, w) for w in wide)

        same = [m for m in measures if near(m) and (count is None or m.count == count)]
        s.counts["swaps"] += 1
        if any(m.status == stage for m in same):
            s.counts["swaps_status_right"] += 1
        if stage == "done":
            s.counts["swaps_done"] += 1
            if count is not None and any(m.status == "done" and m.count == count for m in same):
                s.counts["swaps_done_count_right"] += 1
            elif verbose:
                s.notes.append(f"  swap done {count} {g.get('date')}: not found with its count")
        explained.update(id(m) for m in same if count is not None)
    extra = [m for m in measures if m.status == "done" and id(m) not in explained]
    s.counts["swaps_extra_done"] += len(extra)
    if verbose:
        for m in extra:
            s.notes.append(f"  extra done swap count={m.count} {m.window_start} {m.snippets}")
    gold_total = sum(g.get("count") or 0 for g in gold if _gold_stage(g) == "done")
    right = total == gold_total
    s.counts["total_right"] += int(right)
    if verbose:
        s.notes.append(f"  prisoners_exchanged {total} (gold {gold_total})")


# --- roles ---------------------------------------------------------------------------------


def score_roles(
    states: list[NegotiationState], gold: dict[str, Any], s: Score, verbose: bool
) -> None:
    parties, mediators = gold_entries(gold.get("process", {}))
    pred_parties = sorted({p.name for st in states for p in st.parties})
    pred_mediators = sorted(
        {m.name for st in states for m in (*st.mediators, *getattr(st, "hosts", ()))}
    )
    s.counts["parties_gold"] += len(parties)
    s.counts["parties_pred"] += len(pred_parties)
    s.counts["parties_right"] += matched(pred_parties, parties)
    s.counts["mediators_gold"] += len(mediators)
    s.counts["mediators_pred"] += len(pred_mediators)
    s.counts["mediators_right"] += matched(pred_mediators, mediators)
    own = 0
    for st in states:
        names = {p.name for p in st.parties}
        for m in (*st.mediators, *getattr(st, "hosts", ())):
            if m.name in names or (
                find(m.name, parties) is not None and find(m.name, mediators) is None
            ):
                own += 1
                if verbose:
                    s.notes.append(f"  party as {m.role}: {m.name} ({st.process})")
    s.counts["party_as_mediator"] += own
    if verbose:
        s.notes.append(f"  parties {pred_parties}  mediators/hosts {pred_mediators}")


# --- next meeting --------------------------------------------------------------------------


def score_next(states: list[NegotiationState], gold: Any, s: Score, verbose: bool) -> None:
    shown = [st.next_meeting for st in states if st.next_meeting is not None]
    s.counts["next_gold"] += 1
    if not gold:
        right = not shown
    else:
        spans = gold_spans(gold) if isinstance(gold, dict) else None
        right = any(
            venue_agrees(n.venue, gold.get("venue"))
            and (
                spans is None
                or (
                    n.date is not None
                    and any(_overlap((n.date.start, n.date.end), x) for x in spans)
                )
            )
            for n in shown
        )
    s.counts["next_right"] += int(right)
    if verbose and not right:
        s.notes.append(
            f"  next meeting wrong: shown {[(n.venue, n.date and n.date.text) for n in shown]}"
        )


def gold_status(text: str | None) -> str | None:
    """The state's status value a gold status names: the gold writes it in words ("ceasefire in
    force but repeatedly broken; talks continuing"), its first clause deciding."""
    if not text:
        return None
    first = text.casefold().split(";")[0]
    if first.startswith("agreement") or "in force" in first:
        return "agreement reached"
    for value in ("collapsed", "stalled", "active"):
        if value in first:
            return value
    return None


def score_status(states: list[NegotiationState], gold: Any, s: Score, verbose: bool) -> None:
    """The status of the story's process (its state with the most events) against the gold's."""
    expected = gold_status(gold.get("status") if isinstance(gold, dict) else None)
    if expected is None or not states:
        return
    main = max(states, key=lambda st: (st.event_count, st.process))
    s.counts["status_gold"] += 1
    right = main.status.status == expected
    s.counts["status_right"] += int(right)
    # Values the gold's writer also accepts ("status_accept": an accord reached and talks going
    # on read either way): counted apart, the strict figure stays the one reported first.
    accepted = {gold_status(value) for value in gold.get("status_accept") or ()}
    s.counts["status_accepted"] += int(right or main.status.status in accepted)
    if verbose and not right:
        also = " (accepted)" if main.status.status in accepted else ""
        s.notes.append(
            f"  status {main.status.status!r} ({main.status.rule}) (gold {expected!r}){also}"
        )


# --- casualty claims -----------------------------------------------------------------------

_MEASURES = {
    "killed": "killed",
    "wounded": "wounded",
    "displaced": "displaced",
    "fled": "displaced",
    "fled abroad": "displaced",
    "missing": "missing",
}


def _claimant_agrees(predicted: str, gold: str) -> bool:
    p, g = _norm(predicted), _norm(gold)
    if p.startswith("unattributed") or g.startswith("unattributed"):
        return p.startswith("unattributed") and g.startswith("unattributed")
    words = {w for w in re.findall(r"\w+", p) if len(w) > 2}
    gwords = {w for w in re.findall(r"\w+", g) if len(w) > 2}
    if not words:
        return False
    # Whole name: most of the claimant's words are in the gold name, and it is not a lone
    # generic word.
    common = words & gwords
    return len(common) >= max(1, (len(words) + 1) // 2) and (
        len(words) > 1 or len(gwords) <= 2 or p in g.split()
    )


def _side_agrees(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    p, g = _norm(predicted), _norm(gold)
    if p in g or g in p or bool(set(p.split()) & set(g.split()) - {"the", "of"}):
        return True
    # One state by another of its names ("Ivory Coast", "Côte d'Ivoire").
    return same_actor(predicted, gold)


def score_claims(
    claims: list[CasualtyClaims], gold: list[dict[str, Any]], s: Score, verbose: bool
) -> None:
    pred = [c for table in claims for group in table.by_claimant.values() for c in group]
    for g in gold:
        figure = g.get("figure")
        measure = _MEASURES.get(str(g.get("measure")))
        if not isinstance(figure, int) or figure <= 0 or measure is None:
            continue
        s.counts["claims_gold"] += 1
        same = [
            c
            for c in pred
            if _MEASURES.get(c.unit, c.unit) == measure and figure in (c.value, c.low, c.high)
        ]
        if not same:
            if verbose:
                s.notes.append(f"  claim missed {measure} {figure} ({g.get('claimant')})")
            continue
        s.counts["claims_found"] += 1
        # A gold claim with no claimant (null) is an unattributed one.
        gold_claimant = g.get("claimant") or "unattributed"
        if any(_claimant_agrees(c.claimant, gold_claimant) for c in same):
            s.counts["claimant_right"] += 1
        elif verbose:
            s.notes.append(
                f"  claimant {[c.claimant for c in same]} for {figure} (gold {g.get('claimant')})"
            )
        if g.get("side"):
            s.counts["side_gold"] += 1
            if any(_side_agrees(c.side, g["side"]) for c in same):
                s.counts["side_right"] += 1
            elif verbose:
                s.notes.append(f"  side {[c.side for c in same]} for {figure} (gold {g['side']})")


# --- one story -----------------------------------------------------------------------------


def own_processes(states: list[NegotiationState], gold: dict[str, Any]) -> list[NegotiationState]:
    """The states of the processes that share a party with the gold's: what an analyst of the
    story's process reads (another pair's talks keyed to their own process are no rows of it)."""
    parties, _ = gold_entries(gold.get("process", {}))
    return [st for st in states if any(find(p.name, parties) is not None for p in st.parties)]


# `--own-process`: score only the story's own processes (default: every process of the story).
OWN_PROCESS = "--own-process" in sys.argv


def score_story(track: str, verbose: bool, joined: bool = True) -> Score:
    gold = json.loads((_story_dir(track) / f"{track}.gold.json").read_text("utf-8"))
    events = story_events(track)
    negotiations, casualties = fold_events(events, joined)
    states = list(negotiations.values())
    if OWN_PROCESS:
        states = own_processes(states, gold)
    s = Score()
    s.counts["stories"] = 1
    s.counts["in_main_key"], s.counts["process_events"] = main_key_share(events)
    # Processes the fold made (not `unassigned`), and those keyed by one side only: a meeting or
    # swap a snippet names one side of is keyed apart from the two-sided reports of it.
    keyed = [st.process for st in states if st.process != UNASSIGNED]
    s.counts["processes"] = len(keyed)
    s.counts["one_sided"] = sum("--" not in key for key in keyed)
    score_rounds([r for st in states for r in st.rounds], gold.get("rounds", []), s, verbose)
    score_exchanges(states, gold.get("prisoner_exchanges", []), s, verbose)
    score_roles(states, gold, s, verbose)
    score_next(states, gold.get("next_meeting"), s, verbose)
    score_status(states, gold.get("process"), s, verbose)
    score_claims(list(casualties.values()), gold.get("casualty_claims", []), s, verbose)
    return s


def summary(c: dict[str, int]) -> dict[str, str]:
    scored_rows = c["rows"] - c["rows_neutral"]
    return {
        "rounds P": _ratio(c["rows_right"], scored_rows),
        "rounds R": _ratio(c["rounds_found"], c["rounds_required"]),
        "rows": f"{c['rows']}",
        "dup": f"{c['rows_duplicate']}",
        "phantom": f"{c['rows_phantom']}",
        "swap count": f"{c['swaps_done_count_right']}/{c['swaps_done']}",
        "swap stage": f"{c['swaps_status_right']}/{c['swaps']}",
        "extra swaps": f"{c['swaps_extra_done']}",
        "total": f"{c['total_right']}/{c['stories']}",
        "parties P/R": f"{_ratio(c['parties_right'], c['parties_pred'])}/"
        f"{_ratio(c['parties_right'], c['parties_gold'])}",
        "med P/R": f"{_ratio(c['mediators_right'], c['mediators_pred'])}/"
        f"{_ratio(c['mediators_right'], c['mediators_gold'])}",
        "party as med": f"{c['party_as_mediator']}",
        "next": f"{c['next_right']}/{c['next_gold']}",
        "status": f"{c['status_right']}/{c['status_gold']}",
        "status or accepted": f"{c['status_accepted']}/{c['status_gold']}",
        "claims": f"{c['claims_found']}/{c['claims_gold']}",
        "claimant": f"{c['claimant_right']}/{c['claims_found']}",
        "side": f"{c['side_right']}/{c['side_gold']}",
        "processes (one-sided)": f"{c['processes']} ({c['one_sided']})",
        "main key": _ratio(c["in_main_key"], c["process_events"]),
    }


def table(rows: list[tuple[str, dict[str, str]]]) -> str:
    keys = list(rows[0][1])
    lines = ["| story | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, values in rows:
        lines.append(f"| {name} | " + " | ".join(values[k] for k in keys) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from bench.common import use_shipped_typer

    use_shipped_typer()  # type sentences as `parley state` and the worker do
    as_json = "--json" in argv
    joined = "--as-stored" not in argv
    details = "--quiet" not in argv
    rows: list[tuple[str, dict[str, str]]] = []
    totals: dict[str, Score] = {"tune": Score(), "check": Score()}
    for track in TUNE:
        s = score_story(track, verbose=details, joined=joined)
        totals["tune"].add(s)
        rows.append((track, summary(s.counts)))
        if details and not as_json:
            print(f"\n## {track}")
            print("\n".join(s.notes))
    for track in CHECK:
        # Check stories: totals only, no items, no notes.
        totals["check"].add(score_story(track, verbose=False, joined=joined))
    rows.append(("**tune total**", summary(totals["tune"].counts)))
    rows.append(("**check total**", summary(totals["check"].counts)))
    splits = {argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--split"}
    left_out = {
        t for i, a in enumerate(argv[:-1]) if a == "--without" for t in argv[i + 1].split(",")
    }
    if "training" in splits:
        # Development tracks: read and debug them freely, so they print in detail like tune.
        totals["training"] = Score()
        for track in training_tracks():
            if track in left_out:
                continue
            s = score_story(track, verbose=details, joined=joined)
            totals["training"].add(s)
            rows.append((f"{track} (training)", summary(s.counts)))
            if details and not as_json:
                print(f"\n## {track} (training)")
                print("\n".join(s.notes))
        rows.append(("**training total**", summary(totals["training"].counts)))
    if "invented" in splits:
        # Held-out invented tracks: one summary row each and their total, never notes.
        totals["invented"] = Score()
        for track in INVENTED:
            s = score_story(track, verbose=False, joined=joined)
            totals["invented"].add(s)
            rows.append((f"{track} (invented)", summary(s.counts)))
        rows.append(("**invented total**", summary(totals["invented"].counts)))
    if as_json:
        print(json.dumps({name: values for name, values in rows}, indent=2))
    else:
        print()
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
