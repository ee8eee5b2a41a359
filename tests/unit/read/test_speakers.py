"""Who speaks: named in the speaker's words, by surname after a first full mention, or as "he"."""

from schemas.events import Event
from schemas.snippet import Snippet
from streams.core.read.extract import extract_events


def _statements(text: str) -> list[Event]:
    return [e for e in extract_events(Snippet(text=text)) if e.type == "statement"]


def _speakers(event: Event) -> list[str]:
    return [a.name for a in event.actors if a.role == "speaker"]


def test_the_person_in_the_speakers_words_is_the_speaker_and_the_quotes_speaker() -> None:
    [statement] = _statements(
        "Georgia's deputy foreign minister Nino Abashidze said the talks were “a first step.”"
    )
    assert _speakers(statement)[-1] == "Nino Abashidze"
    assert statement.quote is not None and statement.quote.speaker == "Nino Abashidze"


def test_a_surname_after_a_full_first_mention_is_the_same_person() -> None:
    first, second = _statements(
        "Chilean Foreign Minister Ana Morales said the mission would continue. "
        "Morales told reporters that both sides had agreed to meet again."
    )
    assert "Ana Morales" in _speakers(first)
    assert _speakers(second) == ["Ana Morales"]
    assert next(a for a in second.actors if a.role == "speaker").mention == "Morales"


def test_he_said_refers_back_to_the_person_named_last() -> None:
    events = _statements(
        "Kenyan envoy David Otieno arrived in Juba on Monday. "
        "“Both sides want this to work,” he said."
    )
    quoted = events[-1]
    assert _speakers(quoted) == ["David Otieno"]
    assert quoted.quote is not None and quoted.quote.speaker == "David Otieno"


def test_no_person_before_a_pronoun_leaves_the_speaker_unresolved() -> None:
    [statement] = _statements("“We will not give up,” he said.")
    assert _speakers(statement) == []


def test_a_name_before_its_acronym_speaks() -> None:
    assert len(_statements("The Atlantis Defence Forces (ADF) said that jets hit a depot.")) == 1


def test_a_relay_between_a_speaker_and_the_verb_is_not_the_speaker() -> None:
    for text in (
        "An Atlantean official, cited by a local news agency, confirmed that the depot was hit.",
        "A senior official was quoted by a news agency as saying the talks lasted two hours.",
    ):
        assert _statements(text), text


def test_a_participle_after_a_clause_speaks_for_that_clauses_subject() -> None:
    assert _statements("The army shelled rebel bases, accusing them of breaching the truce.")
    # A news outlet earlier in the clause still makes no statement.
    assert not _statements("The state news agency reported the blast, saying three people died.")
