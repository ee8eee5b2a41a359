"""Full extraction of the first 300 events.jsonl texts, N passes: an instruction-count A/B.

Wall clock on a shared machine varies by a factor of two between identical runs; instructions
do not. Run it under callgrind with two pass counts and take the difference, so imports and
lazy regex compiles cancel:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python bench/extract_passes.py 1
    (the same with 3)

Fix the hash seed (as above): string hashes order sets, and with a random seed the same tree
counted 1,016 M to 1,033 M in three runs. `extract_warm_pass.py` counts one pass in one run.

(Collected(3) - Collected(1)) / 2 is one pass. For another tree, set PYTHONPATH to it.
`--split-classify` runs only sentence splitting and typing; `--count` sets how many texts;
`--typer rules|both|model` types with that mode (default: the core's, the rules).
"""

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

# Appended, not inserted: PYTHONPATH (another tree to compare) comes first.
sys.path.append(str(Path(__file__).resolve().parents[1]))

from schemas.snippet import Snippet
from streams.core.read.classify import classify_sentences
from streams.core.read.extract import extract_events
from streams.core.read.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "events.jsonl"


def main(passes: int, count: int = 300, split_classify: bool = False) -> None:
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines][:count]
    if split_classify:
        for _ in range(passes):
            for text in texts:
                sentences = [s.text for s in split_sentences(text)]
                classify_sentences(sentences, [False] * len(sentences))
        return
    published = datetime(2025, 1, 1, tzinfo=UTC)
    snippets = [Snippet(text=t, source="bench", published_at=published) for t in texts]
    for _ in range(passes):
        for snippet in snippets:
            extract_events(snippet)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("passes", type=int, nargs="?", default=1)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--split-classify", action="store_true")
    parser.add_argument("--typer", choices=("rules", "both", "model"), default=None)
    args = parser.parse_args()
    if args.typer:
        from streams.core.read import typer

        typer.use(args.typer)
    main(args.passes, args.count, args.split_classify)
