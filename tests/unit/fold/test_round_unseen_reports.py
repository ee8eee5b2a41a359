"""Invented sentences for the round classes of the fourth pass (issue 14, branch state/rounds4):
a meeting held told beside a plan in a participle ("agreeing to meet again"), a plan told in an
announcement dated by its reporting verb, a mediator shuttling between delegations (proximity
talks), counts of meetings in words, and talks with no known sides.

Every sentence is invented (places, people, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events
from tests.factories import rows_and_plans

FRI = datetime(2031, 3, 7, 18, tzinfo=UTC)  # a Friday


def _read(text: str) -> tuple[list[tuple[str | None, str | None]], int]:
    return rows_and_plans(text, FRI)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a meeting held, and a plan told in a participle clause: the plan's clause taken out
        (
            "Chile and Peru ended their talks in Lima on Thursday, agreeing to meet again in May.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Bolivia and Paraguay concluded a round of talks in Asuncion on Wednesday, deciding "
            "to hold the next one in Sucre.",
            ("Asunción", "2031-03-05"),
        ),
        (
            "Delegations of Chile and Peru met in Quito on Tuesday, agreeing to convene again "
            "after the elections.",
            ("Quito", "2031-03-04"),
        ),
        # near misses: a participle plan with no meeting held beside it
        ("Chile and Peru are agreeing to meet in Lima in May, officials said.", None),
        ("Chile and Peru said on Thursday they were hoping to meet in Lima in May.", None),
        # a mediator shuttling between delegations: proximity talks held
        (
            "Brazilian mediators shuttled between the Chilean and Peruvian delegations in "
            "Asuncion on Thursday.",
            ("Asunción", "2031-03-06"),
        ),
        (
            "A Uruguayan envoy carried proposals between the Chilean and Peruvian teams in "
            "Montevideo on Wednesday.",
            ("Montevideo", "2031-03-05"),
        ),
        # near misses: shuttling between places, carrying goods
        (
            "The Brazilian envoy for Chile and Peru has shuttled between Lima and Santiago for "
            "months.",
            None,
        ),
        (
            "Trucks carried food between Chile and Peru through Arica on Wednesday.",
            None,
        ),
    ],
)
def test_held_beside_a_participle_plan_and_proximity_talks(
    text: str, row: tuple[str, str] | None
) -> None:
    rows, _ = _read(text)
    assert rows == ([row] if row else [])


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # an announcement dated by its reporting verb: a plan, not a meeting on that day
        (
            "Chile and Peru announced on Tuesday that a new round of talks would be held in "
            "Asuncion on March 20.",
            False,
        ),
        (
            "Brazil said on Wednesday that the next round of negotiations between Chile and Peru "
            "would take place in Brasilia.",
            False,
        ),
        (
            "Officials confirmed on Thursday that the talks between Chile and Peru would resume "
            "in Quito later this month.",
            False,
        ),
        # near misses: a meeting held on that day, and then the announcement of the next one
        (
            "Chile and Peru met in Asuncion on Tuesday and announced that a new round would be "
            "held in April.",
            True,
        ),
        (
            "Chile and Peru held talks in Quito on Wednesday, and officials said that they would "
            "meet again in April.",
            True,
        ),
    ],
)
def test_an_announcement_dated_by_its_verb_is_a_plan(text: str, held: bool) -> None:
    rows, plans = _read(text)
    assert bool(rows) is held
    if not held:
        assert plans == 1


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru have met eleven times since the war began.",
        "Chile and Peru have met a dozen times in Lima.",
        "Negotiators of Chile and Peru have met dozens of times in Quito without a deal.",
        "Chilean and Peruvian envoys have held talks twelve times in Montevideo.",
    ],
)
def test_counts_of_meetings_in_words_are_recaps(text: str) -> None:
    assert _read(text)[0] == []


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # near misses of the counts: a meeting held for hours, or on the eleventh of a month
        ("Chile and Peru met for eleven hours in Lima on Thursday.", 1),
        ("Chile and Peru met in Lima on Thursday for the twelfth time.", 1),
    ],
)
def test_a_meeting_told_with_a_number_word_is_still_held(text: str, rows: int) -> None:
    assert len(_read(text)[0]) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("The negotiations entered their fourth day in Lima on Thursday.", 0),
        ("The delegations met again in Montevideo on Wednesday, a mediator said.", 0),
        ("The two delegations held talks in Lima on Thursday, a mediator said.", 0),
        # near misses: the sides named, a process, a row
        ("Talks between Chile and Peru entered their fourth day in Lima on Thursday.", 1),
        ("The Chilean and Peruvian delegations met again in Montevideo on Wednesday.", 1),
    ],
)
def test_talks_with_no_known_sides_make_no_row(text: str, rows: int) -> None:
    states = project_tables(extract_events(Snippet(text=text, published_at=FRI)))["negotiations"]
    assert sum(len(st.rounds) for st in states.values()) == rows
    # the reports are kept, whatever the process
    assert sum(len(st.round_reports) for st in states.values()) >= 1


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # held cues of the negotiating table and of negotiating at a place
        (
            "Negotiators from Chile and Peru sat across the table in Lima on Thursday for the "
            "first time in a year.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Chilean and Peruvian delegates returned to the negotiating table in Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Chile and Peru negotiated late into the night in Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Chile and Peru negotiated for nine hours in Quito on Wednesday.",
            ("Quito", "2031-03-05"),
        ),
        # near misses: a refusal, an appeal, a plan, a manner, a table in a picture
        (
            "Chile has refused to return to the negotiating table in Lima, Peru said on Thursday.",
            None,
        ),
        ("Peru urged Chile on Thursday to return to the table in Lima.", None),
        ("Chile and Peru will return to the negotiating table in Lima next week.", None),
        ("Chile negotiated in bad faith, the Peruvian foreign minister said on Thursday.", None),
        ("The Chilean minister sat at the table's far end in a photo released on Thursday.", None),
    ],
)
def test_the_negotiating_table_and_negotiating_at_a_place_are_held_cues(
    text: str, row: tuple[str, str] | None
) -> None:
    assert _read(text)[0] == ([row] if row else [])


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # one side's own body meeting: no meeting between the sides
        ("Peru's parliament met in Lima on Thursday to debate the ceasefire with Chile.", None),
        (
            "Chile's cabinet held an emergency meeting in Santiago on Thursday after the Peruvian "
            "strike.",
            None,
        ),
        (
            "The Peruvian congress convened in Lima on Thursday to vote on the accord with Chile.",
            None,
        ),
        (
            "The UN Security Council met in New York on Thursday to discuss the clashes between "
            "Chile and Peru.",
            None,
        ),
        ("Peruvian lawmakers met in Lima on Thursday to discuss the talks with Chile.", None),
        # near misses: members of both, a member meeting the other side, the body only named
        (
            "Members of the Chilean and Peruvian parliaments met in Arica on Thursday.",
            ("Arica", "2031-03-06"),
        ),
        (
            "The speaker of Peru's parliament met Chilean negotiators in Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Chile and Peru held talks in Lima on Thursday, a day after Peru's parliament "
            "approved the mandate.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Chilean and Peruvian delegations met in Lima on Thursday, the cabinet said.",
            ("Lima", "2031-03-06"),
        ),
    ],
)
def test_a_meeting_of_one_sides_own_body_is_no_round(
    text: str, row: tuple[str, str] | None
) -> None:
    assert _read(text)[0] == ([row] if row else [])


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # talks only named, or named as the purpose of an appointment or a delegation: no row
        ("Peru's president said on Thursday the talks in Lima were Chile's last chance.", None),
        (
            "Chile's delegation to the talks in Lima said on Thursday it would not discuss Arica.",
            None,
        ),
        ("Chile named a new negotiator for the talks in Lima on Thursday.", None),
        ("The agreement reached by Chile and Peru at the talks in Lima was welcomed.", None),
        # near misses: a held verb beside the name, a delegation that held talks, a recap in a verb
        (
            "The Chilean and Peruvian sides began talks in Lisbon, officials said on Thursday.",
            ("Lisbon", "2031-03-06"),
        ),
        (
            "The talks between Chile and Peru in Lima ended without a deal, officials said on "
            "Thursday.",
            ("Lima", "2031-03-06"),
        ),
        ("Chile's delegation held talks with Peru in Lima on Thursday.", ("Lima", "2031-03-06")),
        (
            "The Chilean and Peruvian delegations resumed negotiations in Lisbon, the first "
            "since the war began in January.",
            ("Lisbon", None),
        ),
    ],
)
def test_talks_only_named_make_no_row_alone(text: str, row: tuple[str, str | None] | None) -> None:
    assert _read(text)[0] == ([row] if row else [])


# A round held, then two snippets that only name it: they join it and make no second row.
NAMED = [
    {
        "id": "n-01",
        "published_at": "2031-05-05T10:00:00Z",
        "text": "Chile and Peru held talks in Lima on Monday under Brazilian mediation.",
    },
    {
        "id": "n-02",
        "published_at": "2031-05-12T10:00:00Z",
        "text": "Peru's president said on Monday the talks in Lima were Chile's last chance.",
    },
    {
        "id": "n-03",
        "published_at": "2031-06-20T10:00:00Z",
        "text": "Chile's envoy to the talks in Lima resigned on Friday, Peru said.",
    },
]


def test_names_of_a_round_held_join_it_or_make_nothing() -> None:
    states = project_tables(
        [
            e
            for r in NAMED
            for e in extract_events(
                Snippet(
                    id=r["id"],
                    text=r["text"],
                    published_at=datetime.fromisoformat(r["published_at"]),
                )
            )
        ]
    )["negotiations"]
    rows = [(r.venue, r.snippets) for st in states.values() for r in st.rounds]
    assert rows == [("Lima", ("n-01", "n-02"))]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a session that ended, talks adjourned, negotiators brought together at a place
        (
            "A fourth session between Chile and Peru wrapped up in Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "A session of talks between Chile and Peru finished in Lima on Thursday without a "
            "deal.",
            ("Lima", "2031-03-06"),
        ),
        (
            "The talks between Chile and Peru adjourned in Lima on Thursday until Monday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "The Brazilian mediator brought Chilean and Peruvian negotiators together in Lima "
            "on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        # near misses: one side's session, sides brought closer (no place, no meeting)
        ("The session of Peru's parliament on the talks with Chile adjourned on Thursday.", None),
        (
            "Brazil has brought Chile and Peru closer together on water, officials said on "
            "Thursday.",
            None,
        ),
    ],
)
def test_sessions_ended_and_sides_brought_together_are_held(
    text: str, row: tuple[str, str] | None
) -> None:
    assert _read(text)[0] == ([row] if row else [])


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # talks wanted, sought, proposed or refused: a prospect, no meeting held
        ("Chile wants talks in Lima, its foreign minister said on Thursday.", 0),
        ("Chile seeks direct talks with Peru in Geneva, its envoy said on Thursday.", 0),
        ("Peru on Thursday proposed talks with Chile in Lima.", 0),
        ("Chile refused talks in Lima on Thursday, insisting on a neutral venue.", 0),
        # near misses: a meeting held beside the wish
        ("Chile, which wanted talks in Lima, met Peru in Quito on Thursday.", 1),
        ("Chile and Peru held the talks Peru wanted in Lima on Thursday.", 1),
    ],
)
def test_talks_wanted_or_refused_are_a_prospect(text: str, rows: int) -> None:
    assert len(_read(text)[0]) == rows


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a signing ceremony told as held, with or without the accord's name: a meeting there,
        # the city before its country and before a name the country's name begins
        (
            "The ceremony for the accord between Chile and Peru took place at the Bolivar Hall in "
            "Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "According to the Chilean foreign ministry, the ceremony took place at the Andean "
            "Institute of Peace in Quito on Thursday, where Chile and Peru signed the accord.",
            ("Quito", "2031-03-06"),
        ),
        (
            "Chile and Peru signed the truce at the Peru Trade Centre in Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "The signing ceremony of the Chile-Peru accord was held in Quito on Thursday.",
            ("Quito", "2031-03-06"),
        ),
        # near misses: another ceremony, a signing to come
        (
            "A memorial ceremony took place in Lima on Thursday for the victims of the Chilean "
            "shelling.",
            None,
        ),
        (
            "The accord between Chile and Peru will be signed at a ceremony in Quito next week.",
            None,
        ),
    ],
)
def test_a_signing_ceremony_held_is_a_meeting_at_its_city(
    text: str, row: tuple[str, str] | None
) -> None:
    assert _read(text)[0] == ([row] if row else [])
