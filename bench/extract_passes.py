"""Full extraction of the first 300 events.jsonl texts, N passes: an instruction-count A/B.

Wall clock on a shared machine varies by a factor of two between identical runs; instructions
do not. Run it under callgrind with two pass counts and take the difference, so imports and
lazy regex compiles cancel:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python bench/extract_passes.py 1
    (the same with 3)

(Collected(3) - Collected(1)) / 2 is one pass. For another tree, set PYTHONPATH to it.
"""

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

# Appended, not inserted: PYTHONPATH (another tree to compare) comes first.
sys.path.append(str(Path(__file__).resolve().parents[1]))

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "events.jsonl"


def main(passes: int, count: int = 300) -> None:
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines][:count]
    published = datetime(2025, 1, 1, tzinfo=UTC)
    snippets = [Snippet(text=t, source="bench", published_at=published) for t in texts]
    for _ in range(passes):
        for snippet in snippets:
            extract_events(snippet)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
