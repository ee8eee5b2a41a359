"""A state that chairs the talks ("under Malaysian chairmanship") mediates them: it is no side of
the process key. Every sentence is invented; none is news text."""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events


def _processes(text: str) -> set[str]:
    return {e.process for e in extract_events(Snippet(text=text, published_at="2031-05-10"))}


@pytest.mark.parametrize(
    ("text", "process"),
    [
        (
            "Forty soldiers held by the Koru Hills Front (KHF) came home on Friday, and the "
            "government freed 40 KHF fighters in return. The lists were settled in Dili-Barat, "
            "where the committee met under Malaysian chairmanship.",
            "KHF",
        ),
        (
            "Chile and Peru opened talks in Arica-Sur under the chairmanship of Uruguay on "
            "Monday; Uruguay said the talks would last two days.",
            "CL--PE",
        ),
    ],
)
def test_a_chairing_state_is_no_side(text: str, process: str) -> None:
    assert _processes(text) == {process}
