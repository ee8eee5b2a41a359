"""One warm pass of the fold, alone under callgrind: the fold agent's table work (decode, fold
into every table, encode each changed key once) counted in instructions.

    PYTHONHASHSEED=0 PYTHONPATH=TREE valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        --collect-atstart=no --toggle-collect=builtin_eval \\
        .venv/bin/python bench/fold_warm_pass.py [--snippets 600]

The events of the first N bench snippets are counted, inside `eval` (which nothing else calls);
a first pass over the events of the next 300 snippets warms every lazy compile and lexicon
without warming the answers kept for the counted sentences (the worker folds each event once).
It prints a digest of the final tables, so two trees can be checked to fold alike.
"""

import argparse
import hashlib
import sys
from pathlib import Path

# Appended, not inserted: PYTHONPATH (another tree to compare) comes first.
sys.path.append(str(Path(__file__).resolve().parents[1]))

from bench.common import snippets, use_shipped_typer
from bench.profile_hot_path import classify_stage, fold_stage

WARM_SNIPPETS = 300


def _fold(events: list[bytes]) -> dict[str, dict[str, bytes]]:
    """The fold agent's way: each changed key encoded once per commit."""
    return fold_stage(events, "commit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--snippets", type=int, default=600)
    count = parser.parse_args().snippets
    use_shipped_typer()
    raw = [value for _, value in snippets(count + WARM_SNIPPETS, "fold-pass")]
    counted, warm = classify_stage(raw[:count]), classify_stage(raw[count:])
    _fold(warm)
    tables = eval("_fold(counted)", {"_fold": _fold, "counted": counted})  # counted
    digest = hashlib.sha256(
        repr(sorted((k, sorted(v.items())) for k, v in tables.items())).encode()
    )
    print(f"{len(counted)} events, tables {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
