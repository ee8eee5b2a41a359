"""Figures of people captured told in wordings the training tracks do not use (issue 14 item 4,
branch state/claims3): "taken N prisoner", "seized N", and a people noun after two words of
its own ("42 Varnese border guards"). Every sentence, group and place is invented."""

import pytest

from streams.core.read.figures import find_figures


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Front said it had taken 42 Varnese border soldiers prisoner.", [(42, "captured")]),
        ("Rebels took nine police officers hostage near Varno-Sud.", [(9, "captured")]),
        ("The Front said it had seized 12 police officers at the dam.", [(12, "captured")]),
        ("The Front said it had captured 42 Sierra Varnese soldiers.", [(42, "captured")]),
        ("Varno lost 31 Sierra Varnese soldiers in the battle.", [(31, "killed")]),
        # near misses: things taken, or people taken somewhere, are no captives
        ("The army took 3 villages in the valley.", []),
        ("The talks have taken 40 minutes so far.", []),
        ("They took 12 soldiers to the hospital in Varno-Sud.", []),
        ("The Front seized 12 trucks at the dam.", []),
    ],
)
def test_people_captured(text: str, found: list[tuple[int, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == found
