"""A case-insensitive regex with groups of their own case, run only where its relaxed form finds
a candidate in the lower-cased text (`gates.Relaxed`), finds exactly what the plain regex finds.
Every sentence is invented; the fuzz strings are random."""

import importlib
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from streams.core.read import classify, gates
from streams.core.read.gates import GatedPattern, Relaxed, gated, lowered
from streams.core.read.sentences import split_sentences

_parser: Any = importlib.import_module("re._parser")

_PATTERNS = [
    # a branch of its own case among case-insensitive ones (talks' "the Vessa round" kind)
    r"(?<![\w-])(?:met|talks? (?:in|at)|(?-i:[Tt]he [A-Z][\w’'-]+ round)(?= (?:ended|began)))"
    r"(?![\w-])",
    # a negative lookahead inside the group of its own case: dropped when relaxed
    r"(?<![\w-])(?:(?-i:(?!(?:Senate|Council)\b)[A-Z][a-z]+) (?:round|session)s?)(?![\w-])",
    # a negative lookahead that holds such a group: dropped too
    r"(?<![\w-])envoys?(?! (?-i:[A-Z]\w+ said))(?: to \w+)?",
    # a negated set, a negated literal and a range inside the group
    r"\b(?:truce|(?-i:[^a-z ][^x]{2}[À-Ö]?) accord)\b",
    # a group back in any case inside one of its own
    r"(?<![\w-])(?-i:[A-Z]\w+ (?i:ministers?|envoys?))(?: met| talked)?",
    # a lookbehind of its own case
    r"(?<=(?-i:[A-Z]) )(?:delegates|observers)\b",
]

_SENTENCES = [
    "The Vessa round ended without a deal, and the Orlan round began in May.",
    "the vessa round ended; THE VESSA ROUND BEGAN when delegates met in Tarn.",
    "Talks in Corvia stalled, then talks at Lisk resumed.",
    "The Senate session was closed, but the Mirrow session and two Dalin rounds went ahead.",
    "Envoys to Tarn arrived; an envoy Ruiz said nothing; envoys Ruiz Said more.",
    "A Tarn truce held. ÉQÜ accord signed, Xxx accord not; #ab accord and 9xyÄ accord.",
    "Harel Ministers met in Osk; harel ministers talked; Harel ENVOY met.",
    "Both sides sent A delegates and b observers; B Observers left.",
    "“The Kiro round began,” the envoy said — no accord, no truce.",
    "",
]


def _fuzz(rng: random.Random, count: int) -> list[str]:
    words = [
        *("the", "The", "THE", "Vessa", "round", "ended", "began", "met", "talks", "in", "at"),
        *("Senate", "session", "Mirrow", "envoy", "envoys", "Ruiz", "said", "Said", "truce"),
        *("accord", "ÉQÜ", "Xxx", "#ab", "Harel", "Ministers", "ministers", "ENVOY"),
        *("delegates", "observers", "A", "b", "B", "Council", "rounds", "to"),
    ]
    glue = [" ", " ", " ", ", ", "-", "’", ". ", "; ", ""]
    return [
        "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 12)))
        for _ in range(count)
    ]


def _spans(matches: Any) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _assert_same(regex: re.Pattern[str], relaxed: Relaxed, text: str) -> None:
    low = lowered(text)
    assert low is not None
    assert _spans(relaxed.finditer(text, low)) == _spans(regex.finditer(text))
    found, expected = relaxed.search(text, low), regex.search(text)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("pattern", _PATTERNS)
def test_relaxed_scan_finds_what_the_regex_finds(pattern: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    relaxed = gates._relaxed(regex, _parser.parse(pattern, re.IGNORECASE))
    assert relaxed is not None
    texts = _SENTENCES + _fuzz(random.Random(pattern), 400)
    assert any(regex.search(t) for t in texts)  # the texts exercise the pattern
    for text in texts:
        _assert_same(regex, relaxed, text)


def test_gated_scan_and_scan_search_take_the_relaxed_path() -> None:
    pattern = gated(_PATTERNS[0], re.IGNORECASE)
    assert pattern.lower is None and pattern.relaxed is not None
    text = "After the Vessa round ended, delegates met again."
    expected = [m.span() for m in pattern.regex.finditer(text)]
    assert [m.span() for m in pattern.scan(text)] == expected
    found = pattern.scan_search(text)
    assert found is not None and found.group(0) == "the Vessa round"
    # a slice of the text takes the plain regex
    assert [m.span() for m in pattern.scan(text, 10)] == [
        m.span() for m in pattern.regex.finditer(text, 10)
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?-i:[A-Z])\w+ (?:talks|round)",  # relaxed
        r"truce|accord",  # no group of its own case: its lower-case variant serves
        r"(\w+) (?-i:[A-Z]) \1",  # a back-reference
        r"(?>(?-i:[A-Z])\w+) talks",  # an atomic group
        r"(?-i:[A-Z])?\w*",  # may match the empty string
        r"(?-i:[A-Z])(?x: talks)",  # a group of other flags
    ],
)
def test_relaxed_only_where_it_is_proved(pattern: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    relaxed = gates._relaxed(regex, _parser.parse(pattern, re.IGNORECASE))
    assert (relaxed is not None) is (pattern == r"(?-i:[A-Z])\w+ (?:talks|round)")


def _lexicon_relaxed() -> list[tuple[str, GatedPattern]]:
    found = []
    for table in (classify._RULES, classify._FOLLOWS):
        for name, rules in table.items():
            patterns = [(f"{name}:{group}", regex) for group, regex, _ in rules.groups]
            patterns += [(f"{name}:veto{i}", regex) for i, regex in enumerate(rules.exclude)]
            if rules.context is not None:
                patterns.append((f"{name}:context", rules.context))
            found += [(label, p) for label, p in patterns if p.relaxed is not None]
    return found


_INVENTED = [
    "The Vessa round ended in Osk, where envoys of Tarn and Lisk met for talks.",
    "Harel said the Senate had approved the Orlan round; the Corvia round began on Monday.",
    "Delegations engaged with representatives of the Mirrow Front, officials said.",
    "Rebels took control of Dalin after fierce fighting with the army, witnesses said.",
    "The two sides agreed a swap of 40 detainees and agreed to halt shelling near Osk.",
    "All the men were flown home; the trucks crossed at dawn into Tarn.",
    "Mediators from the Kessari Council met the Upland Front in Vessa.",
    "President Ruiz and Prime Minister Harel held talks, their first since the war.",
    "The army retook Lisk on Friday, and the Mirrow Front lost Dalin days later.",
    "Negotiation is the only path, the envoy said, as the talks resumed in Corvia.",
]


@pytest.mark.parametrize(("label", "pattern"), _lexicon_relaxed())
def test_every_relaxed_lexicon_pattern_finds_what_it_finds_plain(
    label: str, pattern: GatedPattern
) -> None:
    rng = random.Random(label)
    # Words of the pattern itself, in their case and capitalised, make matches likely.
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", pattern.regex.pattern)))
    pool = words + [w.capitalize() for w in words] + ["Osk", "Tarn", "the", "The", "40"]
    glue = [" ", " ", " ", ", ", ". ", "’s "]
    texts = _INVENTED + [
        "".join(rng.choice(pool) + rng.choice(glue) for _ in range(rng.randint(2, 14)))
        for _ in range(300)
    ]
    assert pattern.relaxed is not None
    for text in texts:
        _assert_same(pattern.regex, pattern.relaxed, text)


_DEV = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "dev"
_HELD = ("colombia-eln-2023", "ethiopia-tigray-2022", "yemen-2023")  # check: totals only


def test_relaxed_lexicon_patterns_on_the_dev_tune_texts() -> None:
    if not _DEV.exists():
        pytest.skip("no dev corpus")
    tracks = [_DEV / "events.jsonl"] + [
        track
        for track in sorted((_DEV / "stories").glob("*.jsonl"))
        if ".sentences." not in track.name and not track.name.startswith(_HELD)
    ]
    texts = [
        json.loads(line)["text"]
        for track in tracks
        for line in track.read_text(encoding="utf-8").splitlines()
    ]
    patterns = [p for _, p in _lexicon_relaxed()]
    for sentence in (s.text for text in texts for s in split_sentences(text)):
        if lowered(sentence) is not None:
            for pattern in patterns:
                assert pattern.relaxed is not None
                _assert_same(pattern.regex, pattern.relaxed, sentence)
