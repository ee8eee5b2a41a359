"""Scans of split + classify rewritten to run faster (perf/classify4) find exactly what their
old forms found. Every sentence is invented; the fuzz strings are random."""

import random
import re

import pytest

from streams.core.read import gates, sentences, speech
from streams.core.read.gates import AnyCase

_SENTENCES = [
    "Talks resumed in Osk... Envoys met!? “We agreed,” he said. (The Tarn round.) Next? Yes…",
    'He said "no". Then: ‘maybe’… «Bien». Dr. Ruiz left at 5 p.m. U.S. envoys came.',
    "Line one.\nLine two\r\nline three\r\n\n  - bullet one. • bullet two!\n",
    "The Kessari Doctors Without Borders team and doctors at the clinic, witnesses said.",
    "State media and the Harel Times quoted officials; Partners and partners spoke.",
    "The records of the Tarn Front, records compiled by monitors, and the Osk Declaration.",
    "ÉCOLE students, the İzmir delegates and ſome traders spoke; the ministry’s data showed.",
    "",
]


def _fuzz(seed: str, alphabet: str, count: int = 500) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


_PUNCTUATION = "ab .!?…\"'”’»)]\n\r\t •-“‘«(A1"


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (sentences._BOUNDARY, r"(?:[.!?…]+)[\"'”’»)\]]*(?=\s)"),
        (sentences._LINE, r"[^\n\r]+"),
    ],
)
def test_patterns_opening_with_their_first_character_find_the_same(
    new: re.Pattern[str], old: str
) -> None:
    reference = re.compile(old)
    for text in _SENTENCES + _fuzz(old, _PUNCTUATION):
        assert [m.span() for m in new.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ]
        assert [m.span() for m in new.finditer(text, 2, len(text) - 1)] == [
            m.span() for m in reference.finditer(text, 2, len(text) - 1)
        ]


def test_quote_marks_only_scanned_where_one_stands() -> None:
    for text in _SENTENCES + _fuzz("quotes", _PUNCTUATION):
        assert sentences._quote_marks(text) == sentences._QUOTE_MARKS.findall(text)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (speech._MEDIA_ANY_CASE, speech._MEDIA),
        (speech._ANONYMOUS_ANY_CASE, speech._ANONYMOUS),
        (speech._DOCUMENTS_ANY_CASE, speech._DOCUMENTS),
    ],
)
def test_speaker_checks_over_lower_cased_words_find_the_same(
    fast: AnyCase, plain: re.Pattern[str]
) -> None:
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", plain.pattern)))
    rng = random.Random(plain.pattern)
    pool = words + [w.capitalize() for w in words] + [w.upper() for w in words] + ["İ", "ſ", "’s"]
    texts = _SENTENCES + [
        " ".join(rng.choice(pool) for _ in range(rng.randint(1, 8))) for _ in range(600)
    ]
    assert sum(plain.search(t) is not None for t in texts) > 50  # the texts exercise it
    for text in texts:
        found, expected = fast.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span())
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        # what _anonymous reads of a match: its first character, from the text
        assert [text[m.start()] for m in fast.finditer(text)] == [
            m.group(0)[:1] for m in plain.finditer(text)
        ]


_NAMED = [
    r"(?<![\w-])(?:(?P<c01>said|says|told)|(?P<c02>urged|called on)|(?P<c03>denied|rejected))"
    r"(?![\w-])",
    # groups inside the groups, a lookahead inside a branch
    r"\b(?:(?P<a>met in (?P<place>\w+)|meet(?:s|ing)?)|(?P<b>talk(?:s|ed)?(?= (?:in|at))|"
    r"negotiated)|truce)",
    # branches opening with a class
    r"(?:(?P<n>\d+ (?:killed|dead)|\d+ wounded)|(?P<w>(?:two|three) (?:killed|dead)|a dozen dead))",
]
_NAMED_TEXTS = [
    "Ruiz said the envoys met in Osk and talked at length; Harel denied it, then urged calm.",
    "The army told reporters 40 killed, two dead; talks in Tarn, talked at Lisk; a truce held.",
    "He called on both sides, rejected the offer and says-so; unsaid, toldx, meet in Vessa.",
    "",
]


@pytest.mark.parametrize("pattern", _NAMED)
def test_unnamed_finds_the_matches_and_groups_of_the_named_regex(pattern: str) -> None:
    regex = re.compile(pattern)
    fast = gates.unnamed(regex)
    assert isinstance(fast, gates.Unnamed)
    words = [*sorted(set(re.findall(r"[a-z]{2,}|\d+", pattern))), "40", "Osk", "the"]
    rng = random.Random(pattern)
    texts = _NAMED_TEXTS + [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(500)
    ]
    for text in texts:
        for window in ((0, len(text)), (3, len(text) - 2)):
            expected = [(m.span(), m.groupdict()) for m in regex.finditer(text, *window)]
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text, *window)] == expected
            found, first = fast.search(text, *window), regex.search(text, *window)
            assert (found and (found.span(), found.lastgroup)) == (
                first and (first.span(), first.lastgroup)
            )


def test_unnamed_only_where_an_alternation_is_of_groups() -> None:
    plain = re.compile(r"(?:said|told) (?P<whom>\w+)")
    assert gates.unnamed(plain) is plain
    with_reference = re.compile(r"(?:(?P<a>said)|(?P<b>told)) (?P=a)")
    assert gates.unnamed(with_reference) is with_reference


def test_the_speech_verbs_scan_unnamed_reads_every_cue_as_before() -> None:
    assert isinstance(speech._VERBS.lower, gates.Unnamed)
    regex = speech._VERBS.lower.regex
    for text in _SENTENCES + _NAMED_TEXTS:
        low = text.lower()
        expected = [(m.span(), m.lastgroup) for m in regex.finditer(low)]
        assert [(m.span(), m.lastgroup) for m in speech._VERBS.lower.finditer(low)] == expected


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (speech._CLAUSE_END, r"[,;:“”\"()—–]|\s-\s"),
        (speech._WORD, r"[\w’'.-]+"),
    ],
)
def test_speech_patterns_opening_with_one_set_find_the_same(new: re.Pattern[str], old: str) -> None:
    reference = re.compile(old)
    alphabet = "ab ,;:“”\"()—–-\t\n’'.x_9é "
    for text in _SENTENCES + _fuzz(old, alphabet, 1000):
        assert [m.span() for m in new.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ]
        assert new.findall(text) == reference.findall(text)
        for start in range(0, len(text), 7):
            found, expected = new.search(text, start), reference.search(text, start)
            assert (found and found.span()) == (expected and expected.span())


class _Plain:
    """The plain pattern where `_Earlier` takes an AnyCase: its searches as they were."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.search = regex.search


def test_earlier_reads_the_lower_cased_sentence_as_the_plain_pattern() -> None:
    texts = [
        "State media said the Kessari Doctors Without Borders team, citing records, spoke.",
        "Witnesses and state TV, then the Osk records; RECORDS of Tarn and aid workers said.",
    ]
    for fast, plain in [
        (speech._MEDIA_ANY_CASE, speech._MEDIA),
        (speech._ANONYMOUS_ANY_CASE, speech._ANONYMOUS),
        (speech._DOCUMENTS_ANY_CASE, speech._DOCUMENTS),
    ]:
        for text in texts:
            earlier = speech._Earlier(text, fast)
            reference = speech._Earlier(text, _Plain(plain))  # type: ignore[arg-type]
            for at in range(len(text) + 1):
                assert earlier.before(at) is reference.before(at)
