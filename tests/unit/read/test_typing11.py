"""Typing classes found on tracks no rule had read (issue 13, branch read/typing11).

Every sentence is invented. The classes were listed from the typing errors of the four training
tracks opened this session (fresh17), and kept only where they gained over every development
track and on the four (docs/notes/typing11.md).
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# An anonymous source named by what it knows ("a person briefed on", "officials close to",
# "a diplomat familiar with"), or a diplomat named by a region, not a state (CONVENTIONS St2),
# makes no statement; a diplomat of a named state does (St1).
@pytest.mark.parametrize(
    "text",
    [
        "The Velmar meeting will open on Monday, a person briefed on the plans said.",
        "A person familiar with the discussions said the Ostrani side had left early.",
        "The call lasted an hour, a person close to the Front's leadership said.",
        "Two officials close to the mediation say the sides are near a deal.",
        "A first joint session is set for Friday, a diplomat briefed on the talks said.",
        "A Western diplomat said the question of grazing rights was left to a joint commission.",
    ],
)
def test_anonymous_sources_make_no_statement(text: str) -> None:
    assert "statement" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "No date has been fixed, a Tessalian diplomat said.",
        "The minister briefed reporters on the second round in Velmar.",
        "A spokesman close to tears said the talks had failed.",
    ],
)
def test_named_diplomats_and_briefings_still_speak(text: str) -> None:
    assert "statement" in types(text)
