"""Which sticking-point issues a sentence names (`negotiation_cues.issues_in`).

Most sentences name none, and one search of every issue's words answers those; the issues named
must be the same as asking each issue's words in turn."""

import pytest

from streams.core.fold import negotiation_cues as cues
from streams.core.lexicon import compile_words, load

SENTENCES = [
    ("The delegations met for three hours on Tuesday.", ()),
    (
        "Chile insisted that any truce must include a withdrawal of troops.",
        ("ceasefire", "withdrawal"),
    ),
    ("The future of the disputed lands remains the main obstacle.", ("territory",)),
    (
        "Both sides want elections within a year, the mediator said.",
        ("elections and political transition",),
    ),
    ("Talks stalled over the release of detainees and new sanctions.", ("prisoners", "sanctions")),
    ("The minister thanked the hosts for their hospitality.", ()),
]


@pytest.mark.parametrize(("text", "named"), SENTENCES)
def test_issues_named_in_a_sentence(text: str, named: tuple[str, ...]) -> None:
    assert cues.issues_in(text) == named


@pytest.mark.parametrize(("text", "named"), SENTENCES)
def test_the_one_search_gate_agrees_with_each_issue_asked_in_turn(
    text: str, named: tuple[str, ...]
) -> None:
    issues: dict[str, list[str]] = load("issues")["issues"]
    one_by_one = tuple(
        name for name, words in sorted(issues.items()) if compile_words(words).search(text)
    )
    assert cues.issues_in(text) == one_by_one
