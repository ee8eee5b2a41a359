"""Statements on phrasing the invented training tracks showed (issue 13, branch read/statements).

Every sentence is invented. LABELS.md: a statement is what an identified person, government or
body said, announced, claimed, denied, demanded, warned or threatened; not the narrator, not a
report with no identified speaker. So a body's findings, counts, rulings and stances are its
statements, and so is a heading that names its issuer; an outlet, a crowd, a page label, a
question line, a document or a denied act of speech is none.
"""

import pytest

from streams.core.read.classify import classify_sentence
from streams.core.read.speech import find_speech


def stated(text: str) -> bool:
    return any(label.type == "statement" for label in classify_sentence(text))


def speakers(text: str) -> list[str]:
    return [act.speaker for act in find_speech(text)]


# A body's findings, counts and estimates are its claims.
@pytest.mark.parametrize(
    "text",
    [
        "The Lake Observatory counted 33 breaches of the curfew in May.",
        "The Andean Monitoring Mission recorded 19 flights over the border last month.",
        "The health office has documented 120 cases of fever since April.",
        "The review board concluded that the convoy had taken the wrong road.",
        "The electoral panel found that 900 ballots had been cast twice.",
        "The inspectorate determined that the post had been empty for weeks.",
        "The river authority assessed that the dam would hold until spring.",
        "The relief office estimates that 6,000 families depend on the ferry.",
        "About 2,000 herders have left the plateau, the food agency estimated.",
        "The Council holds the Northern Front responsible for the safety of the engineers.",
        "The supreme court ruled that the border decree was unlawful.",
        "The tribunal decided that the islet belongs to Peru.",
        "The regional assembly adopted a resolution demanding the withdrawal of the troops.",
    ],
)
def test_findings_counts_and_rulings_are_statements(text: str) -> None:
    assert stated(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some 33 breaches of the curfew were counted in May.",
        "The number of people who fled is now estimated at 2,000.",
        "An estimated 6,000 families depend on the ferry.",
        "The census counted 900 households in the district.",
        "The findings were published weeks after the convoy left.",
        "The ferry recorded its busiest month in May.",
        "The court building was closed for repairs.",
        "The resolution runs to four pages.",
    ],
)
def test_counts_with_no_identified_body_are_none(text: str) -> None:
    assert not stated(text)


# Stances and translated-press frames outside the speech verbs.
@pytest.mark.parametrize(
    "text",
    [
        "Quito calls the closure of the port sabotage.",
        "The Northern Front calls it an act of piracy.",
        "The prefect regards the accord as a first step.",
        "Santiago sees the offer as a trap.",
        "Bolivia's foreign ministry termed the incursion a provocation.",
        "The governor has let it be known that he will not attend.",
        "The army chief judged the situation on the plateau to be calm.",
        "The mediators consider that a second round is possible.",
    ],
)
def test_stances_and_press_frames_are_statements(text: str) -> None:
    assert stated(text)


@pytest.mark.parametrize(
    "text",
    [
        "The people of the valley call the river Mayu.",
        "The closure of the port is widely seen as sabotage.",
        "The bridge, considered the oldest in the region, was closed.",
        "The group called the Northern Front controls the ridge.",
    ],
)
def test_names_and_passive_stances_are_none(text: str) -> None:
    assert not stated(text)


# An outlet that relays someone's words: the person quoted or shown is the speaker.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Radio Andina quoted the interior minister as saying the road would reopen.",
            "the interior minister",
        ),
        (
            "The weekly El Faro quoted the rebel commander as saying his men would stay.",
            "the rebel commander",
        ),
        (
            "State television showed the president telling troops that the border was calm.",
            "the president",
        ),
    ],
)
def test_a_relayed_speaker_is_the_person_quoted(text: str, speaker: str) -> None:
    assert speaker in speakers(text)
    assert stated(text)


@pytest.mark.parametrize(
    "text",
    [
        "Radio Andina quoted residents as saying the road had reopened.",
        "State television showed long queues of trucks at the border.",
        "Radio Andina reported that the road had reopened on Monday.",
    ],
)
def test_an_outlet_or_a_crowd_relayed_is_no_speaker(text: str) -> None:
    assert not stated(text)


# Crowds and unaffiliated occupations in the plural are no identified speaker; named bodies are.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fishermen say their catches have halved since the patrols began.", False),
        ("Shepherds in the upper valley said the snow came early.", False),
        ("Diplomats said privately that a deal was close.", False),
        ("Families of the detained men said they had heard nothing.", False),
        ("Humanitarian groups warned that the stocks would not last.", False),
        ("Traders at the market said prices had doubled.", True),  # staff at a body: its voice
        ("The Fishermen's Union of Arica said catches had halved.", True),
        ("The families' association said it had heard nothing for weeks.", True),
        ("A Chilean diplomat, Rodrigo Soto, said the talks had stalled.", True),
        ("The Red Cross warned that the stocks would not last the month.", True),
    ],
)
def test_crowds_are_no_speakers(text: str, expected: bool) -> None:
    assert stated(text) is expected


# Speech that did not happen: a negated act or a negated speaker.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry has not said whether the engineers will be freed.", False),
        ("The army did not say how many soldiers were on patrol.", False),
        ("The navy hasn't confirmed the figure.", False),
        ("The governor has never explained why the bridge was closed.", False),
        ("No group has claimed the graffiti on the town hall.", False),
        ("Neither government has confirmed the arrangement publicly.", False),
        ("The ministry said it had not decided whether the engineers will be freed.", True),
        ("The army did not deny that a soldier had crossed the line.", True),
        ("Neither government would confirm it, a Peruvian minister said.", True),
        ("The Northern Front claimed that the pipeline had been repaired.", True),
    ],
)
def test_negated_speech_is_no_statement(text: str, expected: bool) -> None:
    assert stated(text) is expected


# Page labels, briefing lead-ins and question lines name no speaker; a speaker's headline does.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile: Lake Region crisis, Flash Update 3 (as of 4 May 2026)", False),
        ("Bolivia: Situation Report 9 (1 June 2026)", False),
        ("Peru: Southern floods, Situation Report 7 (12 June 2026)", False),
        ("Weather: heavy rain is expected on the coast road until Thursday.", False),
        ("Editorial: The border needs more than a fence", False),
        ("Column: Why the lake talks keep failing", False),
        ("PRESS RELEASE: new opening hours at the crossing", False),
        ("Q: Will the second round take place in Lima?", False),
        ("Q: What happens to the fishermen now?", False),
        ("Peru's foreign minister: the treaty will not be reopened", True),
        ("Andean Health Office: Emergency Bulletin 4", True),
    ],
)
def test_labels_and_questions_name_no_speaker(text: str, expected: bool) -> None:
    assert stated(text) is expected


# A heading that names its issuer, and a first person that names itself, are that body's words.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Communiqué of the General Command of the Northern Front", "General Command"),
        ("Statement by the Ministry of Foreign Affairs of Peru on the border", "Ministry"),
        ("Declaration of the Council of Elders of the Upper Valley", "Council of Elders"),
        ("Northern Front Communiqué 12: our list has been delivered", "Northern Front"),
        ("We, the families of the missing fishermen, ask the navy to publish the lists.", "fam"),
        ("We, the General Command of the Northern Front, will not leave the ridge.", "Command"),
    ],
)
def test_a_heading_naming_its_issuer_is_a_statement(text: str, speaker: str) -> None:
    assert any(speaker in found for found in speakers(text))
    assert stated(text)


@pytest.mark.parametrize(
    "text",
    [
        "The communiqué of the summit was never published.",
        "A statement of intent was read at the start.",
        "We reached the crossing at dawn and found it empty.",
        "We, too, were surprised by the decision.",
    ],
)
def test_headings_and_first_persons_that_name_no_body_are_none(text: str) -> None:
    assert not stated(text)


# A body's own text: in a snippet where it speaks, its first-person sentences are its words.
def _statements_of(text: str) -> dict[str, bool]:
    from schemas.snippet import Snippet
    from streams.core.read.extract import extract_events

    events = extract_events(Snippet(text=text, published_at="2026-05-04T10:00:00Z"))
    spoken = {e.sentence.text for e in events if e.type == "statement"}
    return {s.text: s.text in spoken for e in events for s in [e.sentence]} | {
        line: line in spoken for line in text.split("\n")
    }


@pytest.mark.parametrize(
    ("snippet", "sentence", "expected"),
    [
        (
            "Communiqué of the General Command of the Northern Front\n"
            "Our units will stay on the ridge until the army leaves the valley.",
            "Our units will stay on the ridge until the army leaves the valley.",
            True,
        ),
        (
            "Declaration of the Council of Elders of the Upper Valley\n"
            "We have sheltered 400 families in our villages since March.",
            "We have sheltered 400 families in our villages since March.",
            True,
        ),
        (
            "The Northern Front said on Monday it would not leave the ridge.\n"
            "Our correspondent in the valley says the road is quiet.",
            "Our correspondent in the valley says the road is quiet.",
            False,
        ),
        (
            "The Northern Front said on Monday it would not leave the ridge.\n"
            "A herder on the road waved to us as the convoy passed.",
            "A herder on the road waved to us as the convoy passed.",
            False,
        ),
        (
            "Heavy rain closed the coast road on Monday.\n"
            "We will keep this page open through the night.",
            "We will keep this page open through the night.",
            False,  # no body speaks anywhere in the snippet: the first person is the outlet's
        ),
        (
            "Communiqué of the General Command of the Northern Front\n"
            "The US embassy closed its consular section on Monday.",
            "The US embassy closed its consular section on Monday.",
            False,  # "US" is a country, no first person
        ),
    ],
)
def test_first_person_in_a_bodys_text(snippet: str, sentence: str, expected: bool) -> None:
    assert _statements_of(snippet)[sentence] is expected


# More acts of a body: reminders, answers, acceptance, conditions, what it does not exclude.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Red Cross reminds both parties that the wounded must come first.", True),
        ("The minister answered that the government would study any offer.", True),
        ("The Command accepts that the Church should carry messages.", True),
        ("Before any meeting, the Northern Front sets two conditions.", True),
        ("The task group does not exclude that its own shells caused the fire.", True),
        ("The mission takes note of the toll given by the health office.", True),
        ("The flood reminded older residents of the storm of 1998.", False),
        ("The ferry sets sail at dawn.", False),
        ("The court does not exclude journalists from its hearings.", False),
    ],
)
def test_more_acts_of_a_body(text: str, expected: bool) -> None:
    assert stated(text) is expected


# Figures or estimates released by a body are its words; a text it released is a document's.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The toll stands at 23, according to figures released by both governments.", "both"),
        ("About 900 left, according to estimates compiled by the provincial office.", "office"),
        ("Some 40 died, according to data gathered by the Andean Observatory.", "Observatory"),
    ],
)
def test_figures_released_by_a_body_are_its_claims(text: str, speaker: str) -> None:
    assert any(speaker in found for found in speakers(text))


@pytest.mark.parametrize(
    "text",
    [
        "Monitors will be based in Puno, according to the text released by the mediators.",
        "About 900 left, according to estimates.",
        "The toll stands at 23, according to figures seen by this newspaper.",
    ],
)
def test_documents_and_bare_figures_are_no_speaker(text: str) -> None:
    assert not stated(text)


# An outlet's own voice and questions carry no one's statement; a question line may still
# report an identified speaker's words.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Editorial: The donors must now pay for the peace they praised", False),
        ("Opinion: Lima should take both sides at their word", False),
        ("Q&A: The lake release, explained", False),
        ("Q: After ten days of talks, what has the government offered you?", False),
        ("What has the Northern Front demanded in return?", False),
        ("Q: The Northern Front says the army shelled its positions.", True),
        ('"Why would we sign now?" the minister asked.', True),
    ],
)
def test_outlet_voice_and_questions(text: str, expected: bool) -> None:
    assert stated(text) is expected
