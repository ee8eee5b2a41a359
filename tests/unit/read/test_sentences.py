"""Sentence splitter: offsets, abbreviations, numbers, quotes, bullets, paragraphs."""

import json
from pathlib import Path

import pytest

from streams.core.read.sentences import quote_states, split_sentences

STORIES = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "dev" / "stories"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_text() -> None:
    text = "  The talks ended. Both sides left Geneva.\n\nA new round is planned."
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert sentences[1].text == "Both sides left Geneva."


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. envoy met Gen. Ivanov at 9 a.m. in Washington, D.C. on Monday.",
        "Mr. Smith and Dr. Jones spoke to Lt. Col. Brown about the plan.",
        "Officials said Bradley T. Smith led the U.N. mission.",
        "Aid reached 1.5 million people and cost $2,500,000 in total.",
    ],
)
def test_no_split_inside_abbreviations_and_numbers(text: str) -> None:
    assert texts(text) == [text]


def test_split_after_closing_quote_and_bracket() -> None:
    text = "“We are ready to talk.” The minister then left. (The talks resumed.) Next came a vote."
    assert texts(text) == [
        "“We are ready to talk.”",
        "The minister then left.",
        "(The talks resumed.)",
        "Next came a vote.",
    ]


def test_no_split_before_lower_case_and_split_before_digit() -> None:
    assert texts("He said no. and then left. 12 people stayed.") == [
        "He said no. and then left.",
        "12 people stayed.",
    ]


def test_lines_are_hard_breaks_and_bullets_are_dropped() -> None:
    text = "The parties agreed as follows:\n• to open a hotline\n- to meet monthly"
    assert texts(text) == ["The parties agreed as follows:", "to open a hotline", "to meet monthly"]


def test_ellipsis_and_exclamation() -> None:
    assert texts("They waited… Nothing happened! Why? Nobody knows.") == [
        "They waited…",
        "Nothing happened!",
        "Why?",
        "Nobody knows.",
    ]


def test_quote_states_follow_multi_sentence_quotations() -> None:
    text = "He said: “We will go. We will stay. We are done.” Then he left."
    sentences = split_sentences(text)
    assert quote_states(text, sentences) == [False, True, True, False]


def test_matches_the_reference_segmentation_of_the_dev_stories() -> None:
    for story in STORIES.glob("*.sentences.jsonl"):
        gold: dict[str, list[tuple[int, int]]] = {}
        for line in story.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            gold.setdefault(row["snippet_id"], []).append((row["start"], row["end"]))
        snippets = story.with_name(story.name.replace(".sentences", ""))
        for line in snippets.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            got = [(s.start, s.end) for s in split_sentences(record["text"])]
            assert got == gold[record["id"]], record["id"]


def test_a_single_letter_before_a_quotation_ends_the_sentence() -> None:
    text = "The envoy posted the news on X. “It was a good day,” he said. Talks went on."
    assert [s.text for s in split_sentences(text)] == [
        "The envoy posted the news on X.",
        "“It was a good day,” he said.",
        "Talks went on.",
    ]


def test_an_initial_before_a_name_does_not_end_the_sentence() -> None:
    text = "Envoy John T. Reyes arrived. He met the delegates."
    assert len(split_sentences(text)) == 2


@pytest.mark.parametrize(
    "dateline",
    [
        "VALDORA, April 3. /NORDPRESS/.",
        "Port Esk, Sept. 12, 2031 (Wirenews).",
        "Lisk [Marovia], December 8.",
        "NEW HALTON, Jan 9.",
    ],
)
def test_a_wire_dateline_stays_with_the_sentence_it_opens(dateline: str) -> None:
    text = f"{dateline} The envoys met for a second day. A third round is planned."
    assert texts(text) == [
        f"{dateline} The envoys met for a second day.",
        "A third round is planned.",
    ]


def test_a_dateline_only_opens_a_line() -> None:
    text = "The talks ended in Valdora, April 3. Both delegations left."
    assert texts(text) == ["The talks ended in Valdora, April 3.", "Both delegations left."]
