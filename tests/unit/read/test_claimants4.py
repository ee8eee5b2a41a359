"""Who gives a toll in wordings the training tracks do not use (issue 14 item 4, branch
state/claims3): an outlet that reports a figure gives none of its own; a person named untitled
as a sentence's subject is who "she" and the surname refer to next. Every sentence, body,
person and place is invented."""

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.claimants import is_outlet, subject_person
from streams.core.read.extract import extract_events
from streams.core.read.speech import find_speech
from tests.factories import claimants_by_figure


@pytest.mark.parametrize(
    ("claimant", "outlet"),
    [
        ("State television", True),
        ("the Front's radio", True),
        ("the private daily", True),
        ("rebel-run news agency", True),
        # near misses: a state's own media named with their state speak as its organ
        ("Bolivian state television", False),
        ("Chile's state broadcaster", False),
        # bodies and people whose names hold no outlet's noun at their end
        ("Ministry of Information", False),
        ("Radio Valley Monitor", False),
        ("Ana Vell-Soto", False),
        (None, False),
    ],
)
def test_an_outlet_named_by_its_kind(claimant: str | None, outlet: bool) -> None:
    assert is_outlet(claimant) is outlet


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit Varno-Sud overnight. State television reported that 14 soldiers were killed.",
        "The rebels' radio said 23 soldiers died in the clash near Varno-Sud.",
    ],
)
def test_a_figure_an_outlet_reports_is_unattributed(text: str) -> None:
    assert set(claimants_by_figure(text).values()) == {"unattributed"}


def test_a_figure_a_body_reports_keeps_the_body() -> None:
    text = "The Varno Peace Observatory reported that 14 soldiers were killed near Varno-Sud."
    assert claimants_by_figure(text) == {14: "Varno Peace Observatory"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lina Osterby-Kahn runs the clinic in Varno-Sud.", "Lina Osterby-Kahn"),
        ("Piet Vandermolen is the district's health officer.", "Piet Vandermolen"),
        ("Tomas Ekwall Rudd negotiates for the rebels.", "Tomas Ekwall Rudd"),
        # near misses: a plural noun after the names, a body, one word, no verb
        ("Varno Highlands fighters attacked the post.", None),
        ("Varno Rights Council has said so.", None),
        ("Osterby runs the clinic.", None),
        ("Lina Osterby-Kahn, the nurse, went home.", None),
    ],
)
def test_a_person_opening_a_sentence_untitled(text: str, name: str | None) -> None:
    found = subject_person(text, [])
    assert (found.name if found else None) == name


@pytest.mark.parametrize(
    "text",
    [
        "Lina Osterby-Kahn runs the clinic in Varno-Sud. She said 31 people had been wounded.",
        "Lina Osterby-Kahn runs the clinic in Varno-Sud. Osterby-Kahn said 31 people had been "
        "wounded.",
    ],
)
def test_she_and_the_surname_refer_to_the_untitled_person(text: str) -> None:
    assert claimants_by_figure(text) == {31: "Lina Osterby-Kahn"}


def test_she_with_no_person_before_is_no_one() -> None:
    text = "The clinic in Varno-Sud is full. She said 31 people had been wounded."
    assert claimants_by_figure(text) == {31: "unattributed"}


def test_a_person_apposed_to_the_opening_noun_phrase() -> None:
    text = "The head of the observer team at the Varno ford, Ilse Marant Oyelaran, spoke to us."
    found = subject_person(text, [])
    assert found is not None and found.name == "Ilse Marant Oyelaran"
    # near miss: a place's kind ends no person's name
    assert subject_person("The town of Veri, Kasese District, was shelled.", []) is None


@pytest.mark.parametrize(
    "quote",
    [
        '"Our teams have confirmed two soldiers killed since April," she said.',
        "\u201cWe have counted two dead since April,\u201d she said.",
    ],
)
def test_who_speaks_outside_a_quotation_gives_its_figure(quote: str) -> None:
    text = f"The head of the observer team, Ilse Marant Oyelaran, spoke to us. {quote}"
    assert claimants_by_figure(text) == {2: "Ilse Marant Oyelaran"}


def test_a_speaker_inside_a_quotation_with_no_one_outside_it_stays() -> None:
    # no speech verb outside the quotation: the quoted words' own speaker is all there is
    text = 'The Varno Peace Observatory said "two soldiers were killed since April".'
    assert claimants_by_figure(text) == {2: "Varno Peace Observatory"}


@pytest.mark.parametrize(
    ("second", "claimant"),
    [
        ("The VHCO said 212 civilians had been killed.", "Varno Highlands Casualty Observatory"),
        (
            "According to the VHCO, 212 civilians had been killed.",
            "Varno Highlands Casualty Observatory",
        ),
        # near miss: letters that are no initials of the body named before stay as written
        ("The VHRC said 212 civilians had been killed.", "VHRC"),
    ],
)
def test_an_acronym_is_the_body_named_before_by_its_initials(second: str, claimant: str) -> None:
    text = f"The Varno Highlands Casualty Observatory (VHCO) keeps a daily count. {second}"
    assert claimants_by_figure(text) == {212: claimant}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "STATEMENT — The Ministry of Home Security and Border Affairs and Civil Protection "
            "announces that 31 soldiers were wounded.",
            "The Ministry of Home Security and Border Affairs and Civil Protection",
        ),
        (
            "The Office for Refugees and Returnees of the Varno Province said 40 had fled.",
            "The Office for Refugees and Returnees of the Varno Province",
        ),
        # near misses: a window that ends a name where it starts stays as it was
        (
            "On Monday the Varno Peace Observatory said 12 died.",
            "On Monday the Varno Peace Observatory",
        ),
        ("Ana Vell-Soto said 12 died.", "Ana Vell-Soto"),
    ],
)
def test_a_speaker_named_longer_than_the_window_is_read_whole(text: str, speaker: str) -> None:
    assert next(a.speaker for a in find_speech(text)) == speaker


def _sides(text: str) -> dict[int | None, str | None]:
    events = extract_events(Snippet(text=text))
    tables = project_tables(events)["casualty_claims"].values()
    return {
        c.value: c.side
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    }


_WAR = "Fighting between Uzbekistan and Kazakhstan went on near the Varno canal. "


def test_a_person_speaking_for_a_state_body_named_before_speaks_for_its_state() -> None:
    text = (
        _WAR + "Uzbekistan's defence ministry said the post came under fire. Colonel Rustam "
        "Valiyev-Orin, a spokesman for the ministry, told reporters the shelling lasted all "
        "night. Valiyev-Orin said the barrage killed five soldiers."
    )
    assert _sides(text) == {5: "Uzbekistan"}


def test_a_person_speaking_for_no_body_named_before_has_no_side() -> None:
    text = (
        _WAR + "Colonel Rustam Valiyev-Orin, a spokesman for the ministry, told reporters the "
        "shelling lasted all night. Valiyev-Orin said the barrage killed five soldiers."
    )
    assert _sides(text) == {5: None}
