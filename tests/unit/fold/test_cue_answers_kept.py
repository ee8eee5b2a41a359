"""The folds' cue tests keep their answers per (lexicon, cue, sentence): a kept answer is the
pattern's own, and the store is bounded."""

import pytest

from streams.core.fold import negotiation_cues as cues

SENTENCES = [
    "The two delegations met in Karonga on Thursday and agreed to meet again in June.",
    "The talks collapsed on Monday after the rebels walked out, the mediator said.",
    "Forty prisoners were exchanged on Saturday, bringing to 90 the number freed since March.",
    "The bodies of seven soldiers were handed over at the border post.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_a_kept_answer_is_the_patterns_own(text: str) -> None:
    for lexicon, cue, asked in (
        ("rounds", "held_meeting", cues.round_cue),
        ("exchanges", "bodies", cues.exchange_cue),
        ("exchanges", "running_total", cues.exchange_cue),
    ):
        direct = cues._file_pattern(lexicon, cue).search(text) is not None
        assert asked(cue, text) is direct
        assert asked(cue, text) is direct  # asked again: the kept answer
    collapse = cues._file_pattern("issues", "collapse")
    assert cues.has("collapse", text) is (collapse.search(text) is not None)
    blanked = cues._file_pattern("rounds", "held_meeting").sub(
        lambda m: " " * len(m.group(0)), text
    )
    assert cues.without_cue("held_meeting", text) == blanked


def test_the_store_is_bounded() -> None:
    assert cues._found.cache_info().maxsize == cues._ASKED
    assert cues.without_cue.cache_info().maxsize == cues._ASKED
