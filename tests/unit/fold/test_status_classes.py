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


# Branch state/rounds5: agreeing to a role, a guarantor of any future accord and a ceasefire
# declared by one side are no accord between the sides; a swap named as suspended before is no
# new collapse.

HELD = (
    "2035-03-03",
    "Chile and Peru held a first round of talks in Quito on Monday, the mediators said.",
)


def test_agreeing_to_act_as_guarantor_of_any_ceasefire_is_no_accord() -> None:
    role = (
        "2035-03-10",
        "Brazil has agreed to act as guarantor of any ceasefire between Chile and Peru, its "
        "foreign ministry said on Tuesday.",
    )
    state = state_from_snippets("CL--PE", HELD, role)
    assert state.status.status == "active"


def test_a_ceasefire_declared_unilaterally_is_no_accord() -> None:
    unilateral = (
        "2035-03-10",
        "Peru's president declared a unilateral ceasefire for the holidays on Tuesday, as the "
        "talks with Chile continued.",
    )
    state = state_from_snippets("CL--PE", HELD, unilateral)
    assert state.status.status != "agreement reached"


def test_a_ceasefire_the_sides_agreed_is_still_an_accord() -> None:
    agreed = (
        "2035-03-10",
        "Chile and Peru agreed a ceasefire in Quito on Tuesday, the mediators said.",
    )
    state = state_from_snippets("CL--PE", HELD, agreed)
    assert state.status.status == "agreement reached"


def test_a_pledge_to_carry_out_the_suspended_swap_is_no_collapse() -> None:
    pledge = (
        "2035-03-10",
        "The second round between Chile and Peru ended in Lima on Tuesday with a pledge to carry "
        "out the suspended exchange of pilots by the end of the month.",
    )
    state = state_from_snippets("CL--PE", SIGNED, pledge)
    assert state.status.status != "collapsed"


def test_talks_suspended_now_are_still_a_collapse() -> None:
    suspended = (
        "2035-03-10",
        "Peru suspended the talks with Chile on Tuesday after a border shooting.",
    )
    state = state_from_snippets("CL--PE", HELD, suspended)
    assert state.status.status == "collapsed"
