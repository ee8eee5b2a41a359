"""Who gives a toll in wordings neither the training tracks nor the earlier probe sets use
(issue 14 item 4, branch state/claims4): a body that puts a toll of something ("the war's
toll") with a clause apposed to it, after a transcript's label, or by its possessive count.
Every sentence, body, person and place is invented."""

import pytest

from tests.factories import claimants_by_figure


@pytest.mark.parametrize(
    "text",
    [
        "The Verrow Casualty Registry now places the conflict's death toll at 1,240.",
        "The Verrow Casualty Registry sets the war's toll at 1,240.",
        "The Verrow Casualty Registry, which compiles morgue records, puts the toll at 1,240.",
        "The Verrow Casualty Registry, a Lanzo-based group that tracks attacks on markets, says "
        "1,240 people have been killed.",
        "A: The Verrow Casualty Registry puts the toll at 1,240.",
    ],
)
def test_a_body_that_puts_a_toll_is_its_claimant(text: str) -> None:
    assert claimants_by_figure(text) == {1240: "Verrow Casualty Registry"}


@pytest.mark.parametrize(
    "text",
    [
        # what a toll is of, by its possessive, is no one who counts
        "The war's toll reached 1,240 by May.",
        "The attack's toll rose to 1,240 overnight.",
        "The week's toll was 1,240, the worst since March.",
    ],
)
def test_the_possessive_of_what_a_toll_is_of_is_no_claimant(text: str) -> None:
    assert set(claimants_by_figure(text).values()) == {"unattributed"}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The Upper Verrow Observatory (UVO) tracks the fighting. UVO's most recent count is "
            "730 killed.",
            "Upper Verrow Observatory",
        ),
        (
            "Figures from the Lanzo Civilian Harm Project came out on Friday. The Project's "
            "newest total is 730 civilians killed.",
            "Lanzo Civilian Harm Project",
        ),
    ],
)
def test_a_body_named_before_gives_its_possessive_count(text: str, claimant: str) -> None:
    assert claimants_by_figure(text) == {730: claimant}


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a question's label and an answer with no one named
        "Q: How many have died? A: Nobody knows; perhaps 730 people have been killed.",
        "Answer: about 730 people have been killed.",
    ],
)
def test_a_transcript_label_is_no_claimant(text: str) -> None:
    assert set(claimants_by_figure(text).values()) == {"unattributed"}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Nine people died when a rocket struck a school in Verrow-Ost, the district's "
            "governor said.",
            "governor of Verrow-Ost",
        ),
        (
            "Nine people were killed in the market of Lanzo-Kati on Sunday, the town's police "
            "chief told reporters.",
            "police chief of Lanzo-Kati",
        ),
        (
            "Nine people were killed when a shell hit the depot in the border town of Lanzo-Kati, "
            "the town's mayor said.",
            "mayor of Lanzo-Kati",
        ),
        # no place named: the official of the place's kind
        ("Nine people were killed overnight, the town's mayor said.", "town mayor"),
        (
            "According to the provincial governor's office, nine villagers were wounded.",
            "provincial governor's office",
        ),
    ],
)
def test_an_official_of_a_place_by_its_kind(text: str, claimant: str) -> None:
    assert claimants_by_figure(text) == {9: claimant}


def test_a_name_after_a_preposition_of_place_is_no_person_apposed() -> None:
    # near miss: a person apposed to their title still speaks
    text = "Nine people were killed, Ana Verrow-Soto, the district's governor, said."
    assert claimants_by_figure(text) == {9: "Ana Verrow-Soto"}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a body's report: its heading names the body, then a document of its own
        (
            "Lanzo Valley Conflict Observatory: Weekly Report 9 (3-9 May)\n\n"
            "The Observatory logged 40 ceasefire violations this week. Between 210 and 230 people "
            "have been killed since January.",
            "Lanzo Valley Conflict Observatory",
        ),
        (
            "Verrow Rights Network: monthly update for June\n\n"
            "A further 210 people were killed in raids that could not be attributed.",
            "Verrow Rights Network",
        ),
        # a release whose issuer speaks in the sentence after its heading
        (
            "Press release: Forty servicemen come home\n\n"
            "The Ministry of Defence and Border Affairs announces that 40 servicemen were "
            "returned on Monday. 210 of the returning servicemen are wounded.",
            "Ministry of Defence and Border Affairs",
        ),
        (
            "Communiqué: forty soldiers freed\n\n"
            "The General Staff of the Lanzo Armed Forces announces that forty soldiers were "
            "freed. 210 of them are wounded.",
            "Lanzo Armed Forces",
        ),
    ],
)
def test_a_figure_in_a_bodys_own_document_is_the_bodys(text: str, claimant: str) -> None:
    assert claimants_by_figure(text)[210] == claimant


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a page about a place, and a live page, are no body's document
        "Verrow Valley: Situation Report 9\n\nBetween 210 and 230 people have been killed.",
        "Verrow talks, day two: live updates\n\nBetween 210 and 230 people have been killed.",
    ],
)
def test_a_page_about_a_place_has_no_issuer(text: str) -> None:
    assert claimants_by_figure(text)[210] == "unattributed"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The Verrow Rights Network has not counted the wounded but says 58 civilians have "
            "been killed.",
            "Verrow Rights Network",
        ),
        (
            "The Verrow Rights Network would not give the army's losses, but stated that 58 "
            "civilians had died.",
            "Verrow Rights Network",
        ),
    ],
)
def test_the_subject_of_a_predicate_before_but_reports(text: str, claimant: str) -> None:
    assert claimants_by_figure(text) == {58: claimant}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # "It" opening a sentence: the body named before it, not one the sentence names after
        (
            "The Verrow Rights Network published its report on Monday. It said Ruritania's jets "
            "had killed 58 civilians.",
            "Verrow Rights Network",
        ),
        # "it" after the sentence's opening body
        (
            "The Lanzo Peace Observatory keeps a count. The Front disputes it. The Observatory's "
            "count passed 2,010 this month, and it says some 58 people have fled.",
            "Lanzo Peace Observatory",
        ),
    ],
)
def test_it_refers_to_a_body_named_before_the_pronoun(text: str, claimant: str) -> None:
    assert claimants_by_figure(text)[58] == claimant
