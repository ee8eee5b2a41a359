"""Modality and subtype of talks: planned, status, held, cancelled and hypothetical phrasing."""

import pytest

from streams.core.read.classify import Label, classify_sentence
from streams.core.read.modality import clause_span, modality_at


def talks(text: str) -> Label:
    return next(lab for lab in classify_sentence(text) if lab.type == "talks")


@pytest.mark.parametrize(
    "text",
    [
        "More meetings are planned in the near future, possibly in Vienna.",
        "Further meetings are planned shortly, most likely in Oslo.",
        "The envoy said the teams would brief their governments and continue the talks "
        "in the coming days.",
        "Both delegations are expected to meet again later this month.",
        "A fresh round is scheduled for April 12 in Muscat.",
        "The two delegations agreed to hold a third round in the port city.",
        "The next session will take place in Nairobi.",
        "Diplomats said follow-up meetings were planned soon.",
        "The ministers said further meetings were scheduled for the autumn.",
        "Subsequent talks will focus on the exchange of detainees.",
        # a phrase between commas delays the predicate
        "A sixth round, devoted to land and water rights in the valley, will be held in Sucre.",
        "The next session, the first since the truce, is expected to open in Nairobi.",
        # the future seen from a past report, in the passive: who will chair or host it
        "The bloc said the talks would be mediated jointly by its envoy and a bishop.",
        "Officials said the negotiations would be hosted by the Velmarian government.",
    ],
)
def test_future_meetings_are_planned(text: str) -> None:
    label = talks(text)
    assert (label.modality, label.subtype) == ("planned", "planned")


@pytest.mark.parametrize(
    "text",
    [
        "The negotiations remain deadlocked over control of the northern districts.",
        "The peace talks are stuck on the question of prisoners.",
        "The ceasefire talks have stalled since the spring.",
        "The discussions with the rebels have been frank and constructive, an official said.",
        "The peace talks remain difficult, an official said.",
    ],
)
def test_state_of_the_talks_is_status_not_a_round(text: str) -> None:
    label = talks(text)
    assert (label.modality, label.subtype) == ("actual", "status")


@pytest.mark.parametrize(
    "text",
    [
        "The delegations wrapped up a third day of talks in Cairo on Tuesday.",
        "Envoys from both capitals held a fourth round of talks in Vienna.",
        # A recent past round stays actual: historical is for distant-past cues only.
        "The opening round of talks took place in May but ended without a deal.",
    ],
)
def test_rounds_that_took_place_are_held_and_actual(text: str) -> None:
    label = talks(text)
    assert (label.modality, label.subtype) == ("actual", "held")


@pytest.mark.parametrize(
    "text",
    [
        "No negotiations took place during the holiday.",
        "The summit was cancelled at short notice.",
        "The meeting was postponed.",
        "The planned meeting has been called off.",
    ],
)
def test_cancelled_or_denied_talks_are_negated(text: str) -> None:
    label = talks(text)
    assert (label.modality, label.subtype) == ("negated", "cancelled")


def test_willingness_is_hypothetical_not_planned_or_held() -> None:
    label = talks("The president has given no sign that he is ready to begin serious negotiations.")
    assert label.modality in ("hypothetical", "negated")
    assert label.subtype not in ("held", "planned")


def test_a_phrase_between_commas_lends_no_cue_beyond_its_predicate() -> None:
    # held: the aside is past and the predicate past, whatever follows the sentence's end
    label = talks("The fourth round, postponed twice in May, opened in Sucre on Monday.")
    assert (label.modality, label.subtype) == ("actual", "held")


def test_second_clause_does_not_lend_its_cue_to_the_first() -> None:
    label = talks("The talks ended on Friday, and the next round will be held in June.")
    assert (label.modality, label.subtype) == ("actual", "held")


def test_clause_span_stops_at_a_clause_cut() -> None:
    text = "The talks ended on Friday, and the next round will be held in June."
    start = text.index("talks")
    left, right = clause_span(text, start, start + len("talks"))
    assert left == 0
    assert text[start:right] == "talks ended on Friday"


def test_would_with_a_scheduling_verb_is_planned_but_alone_is_hypothetical() -> None:
    text = "She said the envoys would resume the negotiations."
    start = text.index("negotiations")
    assert modality_at(text, start, start + len("negotiations")) == "planned"
    text = "A deal would need negotiations."
    start = text.index("negotiations")
    assert modality_at(text, start, start + len("negotiations")) == "hypothetical"
    text = "He said talks would be difficult."
    start = text.index("talks")
    assert modality_at(text, start, start + len("talks")) != "planned"


def test_other_types_keep_their_modality() -> None:
    labels = {
        lab.type: lab for lab in classify_sentence("Rebels could launch air strikes on the town.")
    }
    assert labels["strike"].modality == "hypothetical"
    labels = {lab.type: lab for lab in classify_sentence("The truce will be signed next week.")}
    assert labels["agreement"].modality == "planned"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # A negation word inside a name negates nothing.
        ("Doctors Without Borders said its clinic treated 40 wounded people.", "actual"),
        ("Reporters Without Borders said 3 journalists were killed in the raid.", "actual"),
        ("Engineers Without Borders said 12 workers were wounded.", "actual"),
        # Near misses: the same word in the sentence's own words, and at its head.
        ("The clinic said it had treated no wounded people without papers.", "negated"),
        ("No one was wounded, but 40 people were treated for smoke.", "negated"),
    ],
)
def test_a_negation_word_inside_a_name_negates_nothing(text: str, modality: str) -> None:
    at = text.index("wounded") if "wounded" in text else text.index("killed")
    assert modality_at(text, at, at + 7) == modality


def test_a_weak_trigger_of_the_main_clause_gives_the_talks_their_modality() -> None:
    # the strong trigger stands in a background clause about another meeting
    label = talks(
        "The ministers met on Tuesday in Velmar, the envoy said, after a summit planned for "
        "May was postponed."
    )
    assert (label.modality, label.subtype) == ("actual", "held")
    # no weak trigger before it: the strong one decides
    label = talks("A summit planned for May was postponed after the ministers quarrelled.")
    assert label.modality == "negated"


@pytest.mark.parametrize(
    "text",
    [
        "Velmar said it would not return to the talks until the troops withdrew.",
        "The rebels said they would never resume negotiations with the junta.",
    ],
)
def test_would_not_with_a_scheduling_verb_is_no_plan(text: str) -> None:
    assert talks(text).modality == "negated"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Velmar denied on Monday that its envoys had met Oskarian officials in Tarn.", "talks"),
        ("The army categorically denies that its aircraft struck the Tarn market.", "strike"),
    ],
)
def test_a_that_clause_a_denial_governs_is_negated(text: str, kind: str) -> None:
    label = next(lab for lab in classify_sentence(text) if lab.type == kind)
    assert label.modality == "negated"


def test_a_that_clause_of_another_verb_after_a_denial_is_not() -> None:
    text = (
        "The ministry denied any shelling and affirmed that its troops repelled an attack in "
        "which four gunmen were killed."
    )
    label = next(lab for lab in classify_sentence(text) if lab.type == "casualty_report")
    assert label.modality == "actual"
