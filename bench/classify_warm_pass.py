"""One warm pass of split + classify, alone under callgrind: `classify_speed.py`'s
"split+classify" work counted in instructions, which a loaded machine does not disturb.

    PYTHONHASHSEED=0 PYTHONPATH=TREE valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        --collect-atstart=no --toggle-collect=builtin_eval \\
        .venv/bin/python bench/classify_warm_pass.py

A first pass warms every lazy compile; the second, inside `eval` (which nothing else calls), is
counted: every dev text once (`classify_speed._dev_snippets`), in the worker's typer mode. The
speech cache is cleared between them, as the benchmark's cycle over more sentences than it holds
never hits it. Fix the hash seed: string hashes order sets, and so which regexes run.
"""

import sys
from pathlib import Path

# Appended, not inserted: PYTHONPATH (another tree to compare) comes first.
sys.path.append(str(Path(__file__).resolve().parents[1]))

from bench.classify_speed import _dev_snippets, _split_classify
from bench.common import use_shipped_typer
from streams.core.read.speech import find_speech


def main() -> None:
    use_shipped_typer()
    snippets = _dev_snippets()

    def one_pass() -> None:
        for snippet in snippets:
            _split_classify(snippet)

    one_pass()
    find_speech.cache_clear()
    eval("one_pass()", {"one_pass": one_pass})  # counted: see the docstring


if __name__ == "__main__":
    main()
