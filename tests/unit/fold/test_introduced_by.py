"""`introduced_by` searches one pattern per cue up to each place of the phrase; it answers as the
pattern of the cue, its gap and the phrase itself did (the form it replaced, kept here as the
reference), on invented sentences and edge cases."""

import re

import pytest

from streams.core.fold import negotiation_cues as cues
from streams.core.lexicon import load, word_pattern


def _reference(cue: str, phrase: str, text: str, adjacent: bool) -> bool:
    if not phrase or cues._file_pattern("rounds", cue).search(text) is None:
        return False
    gap = r"\s+" if adjacent else r"[^.;:,]{0,80}?"
    pattern = rf"{word_pattern(load('rounds')[cue])}{gap}{re.escape(phrase)}"
    return re.search(pattern, text, re.IGNORECASE) is not None


SENTENCES = [
    "The talks, initially scheduled for March 3, opened on Tuesday in Karonga.",
    "The round had been set for Monday but was moved to Thursday, the mediator said on Friday.",
    "Both sides agreed to free 60 prisoners each by July 15 and to meet again in August.",
    "Clashes have killed 40 people since fighting broke out in the valley in May 2026.",
    "Since March, the front has freed 98 detainees, a spokesman said Tuesday.",
    "The mediator said, on Tuesday, that the talks would resume; it said on Tuesday they would.",
    "held since March, as a gesture, on November 1",
    "The summit was due on 12 October; the summit was due on 12 October.",
    "Die Gespräche, ursprünglich für März geplant, begannen am Dienstag in Zürich, sagte sie.",
    "ÉTÉ: the round slated for Été opened said Été.",
    "by-election by 3 May bymay by(May) by 'May'",
    "",
]
PHRASES = [
    "on Tuesday",
    "Tuesday",
    "March 3",
    "March",
    "July 15",
    "in May 2026",
    "May",
    "(May)",
    "'May'",
    "3 May",
    "on November 1",
    "12 October",
    "Été",
    "am Dienstag",
    "Thursday",
    "-election",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("cue", ["background_date", "old_date", "deadline", "report_date"])
def test_the_same_answer_as_the_whole_pattern(text: str, cue: str) -> None:
    for phrase in PHRASES + [text[i : i + 7] for i in range(0, len(text), 5)]:
        for adjacent in (False, True):
            expected = _reference(cue, phrase, text, adjacent)
            assert cues.introduced_by(cue, phrase, text, adjacent) is expected, (phrase, adjacent)


def test_a_cue_word_against_a_word_is_no_cue() -> None:
    # "bymay": "by" does not end as a word there; "by(May)" it does.
    assert not cues.introduced_by("deadline", "may", "the bymay clause", adjacent=False)
    assert cues.introduced_by("deadline", "(May)", "due by(May) at the latest")


def test_the_clause_ends_at_a_comma() -> None:
    text = "The men were held since March, as a gesture, until November 1."
    assert cues.introduced_by("background_date", "March", text)
    assert not cues.introduced_by("background_date", "November 1", text)
