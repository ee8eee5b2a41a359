"""Extraction costs time linear in the text's length (issue 16, D1).

One snippet of "he said " * 8000 took 38 s, because every statement cue searched the whole
text before it again: a worker that met it stopped answering anything. These tests time a
pathological text and the same text twice as long; the ratio stays near 2 when the cost is
linear and near 4 when it is quadratic. The margin is generous (a shared CI machine is noisy),
and each size takes the best CPU time of a few runs, each on a text of its own (the caches of
the core would otherwise answer the repeats).
"""

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.snippet import Snippet
from streams.core.read import speech
from streams.core.read.extract import extract_events
from streams.core.spans import Spans

PATHOLOGICAL = [
    "he said ",
    "Russia said, ",
    "he said according to sources ",
    "Reuters said he said ",
    "Mr Karis said ",
    "the ministry said the ceasefire ",
]
BASE_CHARS = 24_000
# Linear doubling costs 2x; quadratic 4x. Anything under 3 is linear plus noise.
MAX_RATIO = 3.0


def _best_time(unit: str, chars: int, runs: int = 3) -> float:
    best = float("inf")
    for run in range(runs):
        text = (f"{run} " + unit * (chars // len(unit) + 1))[:chars]
        started = time.process_time()
        extract_events(Snippet(id=f"cost-{run}", text=text))
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_doubling_a_pathological_text_about_doubles_the_extraction_time(unit: str) -> None:
    extract_events(Snippet(id="warm", text=unit * 4))  # lexicons and compiled gates
    single = _best_time(unit, BASE_CHARS)
    double = _best_time(unit, 2 * BASE_CHARS)
    assert double / single < MAX_RATIO, (unit, single, double)


_WORDS = ["he", "said", "Reuters", "sources", "the", "ministry", "calling", "on", "TASS", "text"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, ",", ".", " - ", "“"]), max_size=40))
def test_a_pattern_before_a_cue_is_answered_as_a_search_of_the_text_before_it(
    words: list[str],
) -> None:
    text = " ".join(words)
    for pattern in (speech._MEDIA, speech._ANONYMOUS, speech._DOCUMENTS):
        earlier = speech._Earlier(text, pattern)
        # Cues start where a word starts after a character that is no word character.
        for cue in re.finditer(r"(?<![\w-])\w", text):
            at = cue.start()
            assert earlier.before(at) == (pattern.search(text, 0, at) is not None), (text, at)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
    st.integers(0, 80),
    st.integers(0, 20),
)
def test_spans_answer_as_a_scan_of_every_span(
    raw: list[tuple[int, int]], start: int, length: int
) -> None:
    spans = [(s, s + n) for s, n in raw]
    found = Spans(spans)
    end = start + length
    assert found.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert found.holds(start) == any(s <= start < e for s, e in spans)
