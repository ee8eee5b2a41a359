"""People introduced by titles, and the talks format, as they reach events."""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.gazetteer import find_mentions
from streams.core.read.titles import apposed_people, find_titled_people


def _people(text: str) -> list[tuple[str, str | None, str | None]]:
    actors, _ = find_mentions(text)
    return [(p.name, p.title, p.country) for p in find_titled_people(text, actors)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # demonym owner, unknown name
        (
            "Latvian Prime Minister Ieva Ozola spoke on Monday.",
            ("Ieva Ozola", "Prime Minister", "LV"),
        ),
        # possessive owner and a modified title
        (
            "Armenia's chief negotiator Aram Petrosyan said little.",
            ("Aram Petrosyan", "chief negotiator", "AM"),
        ),
        # appositive with commas, owned by a person of known nationality
        (
            "Donald Trump's special envoy, Tom Halvorsen, arrived late.",
            ("Tom Halvorsen", "special envoy", "US"),
        ),
        # title complement before the name
        ("The UN envoy for Libya, Marta Keane, urged calm.", ("Marta Keane", "envoy", None)),
        # honorific and a name particle
        (
            "Army chief Gen. Omar al-Hassani denied the claim.",
            ("Omar al-Hassani", "Army chief", None),
        ),
        # initials inside a name, full stop after it
        ("They met Ambassador John T. Reyes.", ("John T. Reyes", "Ambassador", None)),
    ],
)
def test_a_title_before_a_capitalised_name_makes_a_person(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "The president said on Monday that talks would resume.",
        "A senior official Tuesday confirmed the visit.",
        "The head of the delegation left early.",
        "The minister, who spoke in Geneva, declined to comment.",
        # the words after the title are a known body's name, not a person's
        "An envoy of the United Nations and a representative of the African Union attended.",
    ],
)
def test_titles_without_a_name_make_no_person(text: str) -> None:
    assert _people(text) == []


def test_a_known_person_keeps_the_canonical_entry_and_gains_the_title() -> None:
    people = _people("Russian Foreign Minister Sergei Lavrov told reporters.")
    assert people == [("Sergei Lavrov", "Foreign Minister", "RU")]


def test_titled_speaker_reaches_the_statement_event_but_not_the_process_key() -> None:
    snippet = Snippet(
        text="Ukrainian and Russian delegations met in Istanbul. "
        "Finnish President Mari Lindqvist said the talks were useful.",
        published_at="2026-05-02",
    )
    events = extract_events(snippet)
    statement = next(e for e in events if e.type == "statement")
    speaker = next(a for a in statement.actors if a.name == "Mari Lindqvist")
    assert (speaker.kind, speaker.title, speaker.country, speaker.role) == (
        "person",
        "President",
        "FI",
        "speaker",
    )
    assert {e.process for e in events} == {"RU--UA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two presidents held a phone call on Sunday to discuss the ceasefire.", "phone"),
        ("Trilateral talks between the delegations resumed in Riyadh.", "trilateral"),
        ("Talks mediated by Qatar continued for a third day.", "mediated"),
    ],
)
def test_talks_events_carry_their_format(text: str, expected: str) -> None:
    events = extract_events(Snippet(text=text))
    talks = [e for e in events if e.type == "talks"]
    assert talks and talks[0].format == expected  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Ana Souza, the Chilean defence minister, said the talks failed.", [("Ana Souza", "CL")]),
        ("Ivo Marsh, a senior commander, said the front held.", [("Ivo Marsh", None)]),
        # near misses: no title in the apposition; a name already found by its title
        ("Santa Rosa, the largest town in the valley, was shelled.", []),
        ("President Ana Souza, the Chilean leader, spoke.", []),
    ],
)
def test_people_named_before_an_apposition_with_a_title(
    text: str, people: list[tuple[str, str | None]]
) -> None:
    actors, _ = find_mentions(text)
    titled = find_titled_people(text, actors)
    assert [(p.name, p.country) for p in apposed_people(text, actors, titled)] == people
