"""Invented snippets for the process status (issue 14 item 5, branch state/rounds4): an accord
stands through later rounds until a report says it collapsed; a text initialled or agreed in
principle is no accord reached; an explainer's dated recap is ordered by the day it tells.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from tests.factories import state_from_snippets

SIGNED = (
    "2035-03-03",
    "Chile and Peru signed a ceasefire agreement in Quito on Monday, the mediators said.",
)


def test_a_round_held_after_an_accord_is_talks_under_it() -> None:
    later_round = (
        "2035-03-20",
        "Chile and Peru held a second round of talks in Lima on Thursday to monitor the truce.",
    )
    state = state_from_snippets("CL--PE", SIGNED, later_round)
    assert state.status.status == "agreement reached"


def test_an_accord_that_collapsed_and_talks_that_resumed_are_active() -> None:
    collapsed = ("2035-03-10", "The ceasefire between Chile and Peru collapsed on Sunday.")
    resumed = (
        "2035-03-20",
        "Chile and Peru held a new round of talks in Lima on Thursday to restore the truce.",
    )
    state = state_from_snippets("CL--PE", SIGNED, collapsed, resumed)
    assert state.status.status == "active"


def test_a_text_initialled_is_no_accord_reached() -> None:
    initialled = (
        "2035-03-03",
        "Negotiators for Chile and Peru held talks in Quito and initialled the text of a "
        "ceasefire agreement on Monday, the mediators said.",
    )
    state = state_from_snippets("CL--PE", initialled)
    assert state.status.status == "active"


def test_an_explainers_recap_is_ordered_by_the_day_it_tells() -> None:
    explainer = (
        "2035-03-25",
        "Key dates\n\n22-24 February: first round of talks between Chile and Peru held in Quito.",
    )
    state = state_from_snippets("CL--PE", SIGNED, explainer)
    assert state.status.status == "agreement reached"
    recap = next(s for s in state.status_signals if s.status == "active")
    assert recap.happened_on is not None and recap.happened_on.isoformat() == "2035-02-24"
