"""One warm pass of full extraction, alone under callgrind: an instruction A/B in one run per tree.

`extract_passes.py` needs two runs (1 and 3 passes) so that imports cancel; on a loaded machine
each run mostly simulates the imports. Here a first pass warms every lazy compile and the second
runs inside `eval`, which nothing else calls, so callgrind can count that pass alone:

    PYTHONHASHSEED=0 PYTHONPATH=TREE valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        --collect-atstart=no --toggle-collect=builtin_eval \\
        .venv/bin/python bench/extract_warm_pass.py [--typer both]

`Collected` is one pass over the first 300 events.jsonl texts (the texts of `extract_passes.py`).
Fix the hash seed: string hashes order sets (of stems, labels, features) and so which regexes
run and in what order; with a random seed the same tree counted 1,016 M to 1,033 M.
"""

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

# Appended, not inserted: PYTHONPATH (another tree to compare) comes first.
sys.path.append(str(Path(__file__).resolve().parents[1]))

from schemas.snippet import Snippet
from streams.core.read import typer
from streams.core.read.extract import extract_events

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "events.jsonl"


def main(count: int) -> None:
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines][:count]
    published = datetime(2025, 1, 1, tzinfo=UTC)
    snippets = [Snippet(text=t, source="bench", published_at=published) for t in texts]

    def one_pass() -> None:
        for snippet in snippets:
            extract_events(snippet)

    one_pass()
    eval("one_pass()", {"one_pass": one_pass})  # counted: see the docstring


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--typer", choices=("rules", "both", "model"), default="both")
    args = parser.parse_args()
    typer.use(args.typer)
    main(args.count)
