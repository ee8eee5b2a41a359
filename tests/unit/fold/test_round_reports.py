"""Which invented sentences report a meeting held (a row), a plan, or neither: issue 14, part 1."""

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
        # the days of a round told
        (
            "Talks between Chile and Peru entered their third day in Montevideo on Thursday.",
            ("Montevideo", "2031-03-06"),
        ),
        ("Chile and Peru held a second day of talks in Montevideo on Thursday.", None),
        # a held meeting told beside a plan: the plan's clause is taken out
        (
            "Chile and Peru met in Montevideo on Thursday and agreed to meet again next month.",
            ("Montevideo", "2031-03-06"),
        ),
        (
            "Chile and Peru ended a round of talks in Montevideo on Thursday and will resume "
            "them in Quito next month.",
            ("Montevideo", "2031-03-06"),
        ),
        (
            "The talks between Chile and Peru, which opened in Montevideo on Monday, are "
            "expected to last a week.",
            ("Montevideo", "2031-03-03"),
        ),
        # a meeting named by its delay is held when it opens
        (
            "The delayed talks between Chile and Peru finally opened in Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        # an accord agreed at a named place: the sides met there
        (
            "Chile and Peru agreed in Lima on Thursday to extend the ceasefire by 30 days.",
            ("Lima", "2031-03-06"),
        ),
        # "began in <place> on <day>" dates the round (only a war's start is background)
        (
            "The second round of talks between Chile and Peru began in Quito on Thursday.",
            ("Quito", "2031-03-06"),
        ),
        # a delay told in a relative clause or a past perfect: held after it
        (
            "The talks between Chile and Peru, which had been postponed twice, opened in Lima "
            "on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Talks between Chile and Peru, having been delayed by a week, opened in Lima on "
            "Thursday.",
            ("Lima", "2031-03-06"),
        ),
        # another meeting's put-off, in a clause timed by the meeting
        (
            "Chile and Peru held talks in Lima on Thursday, days after talks in Quito were "
            "called off.",
            ("Lima", "2031-03-06"),
        ),
        # the two sides meeting on the sidelines of another gathering: a meeting of the process
        (
            "The foreign ministers of Chile and Peru met on the sidelines of the UN General "
            "Assembly in New York on Thursday, their first meeting since the talks broke down.",
            ("New York", "2031-03-06"),
        ),
        (
            "Chilean and Peruvian ministers held talks on the margins of a regional summit in "
            "Quito on Thursday.",
            ("Quito", "2031-03-06"),
        ),
        (
            "The leaders of Chile and Peru met at an international conference in Bogota on "
            "Thursday.",
            ("Bogota", "2031-03-06"),
        ),
        (
            "The two prime ministers met for an hour on the margins of a regional forum in "
            "Quito on Thursday, Chilean officials said.",
            ("Quito", "2031-03-06"),
        ),
        # a third round held on the sidelines of a summit is a round
        (
            "Chile and Peru held their third round of talks on the sidelines of a regional "
            "summit in Lima on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        # a journey, then a meeting: the meeting is held
        (
            "Chile's negotiators flew to Lima and met Peruvian negotiators there on Thursday.",
            ("Lima", "2031-03-06"),
        ),
        # near misses of prospects: a meeting held that raised hopes, despite calls
        (
            "Chile and Peru held talks in Lima on Thursday, raising hopes of a deal.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Chile and Peru met in Lima on Thursday despite calls for a boycott.",
            ("Lima", "2031-03-06"),
        ),
        (
            "Peru's efforts at the talks in Lima on Thursday failed to move Chile.",
            ("Lima", "2031-03-06"),
        ),
        # near misses of plans and put-offs: held as planned, as expected
        (
            "The talks between Chile and Peru took place in Lima on Thursday as planned.",
            ("Lima", "2031-03-06"),
        ),
        ("Chile and Peru met in Lima on Thursday, as expected.", ("Lima", "2031-03-06")),
        # near miss of preparatory meetings: ministers meeting ahead of a leaders' summit
        (
            "The foreign ministers of Chile and Peru held talks in Lima on Thursday ahead of a "
            "summit of their presidents.",
            ("Lima", "2031-03-06"),
        ),
        # near misses of gatherings: a summit of the two sides
        ("Chile and Peru held a summit in Brasilia on Thursday.", ("Brasilia", "2031-03-06")),
        (
            "The leaders of Chile and Peru met at a summit in Brasilia on Thursday hosted by "
            "Brazil.",
            ("Brasilia", "2031-03-06"),
        ),
        # a meeting that prepared nothing: "to discuss", a swap prepared
        (
            "Chilean and Peruvian commanders met in Arica on Thursday to prepare a prisoner "
            "exchange.",
            ("Arica", "2031-03-06"),
        ),
    ],
)
def test_reports_of_a_meeting_held_make_a_row(text: str, row: tuple[str, str] | None) -> None:
    rows, _ = _read(text)
    assert len(rows) == 1
    if row is not None:
        assert rows == [row]


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        (
            "Brazil announced on Thursday that Chile and Peru had agreed to hold talks in "
            "Montevideo.",
            True,
        ),
        ("Chile and Peru agreed on Thursday to resume talks in Montevideo next month.", True),
        ("Chile invited Peru to talks in Santiago, the foreign ministry said on Thursday.", True),
        ("The talks in Montevideo have not yet started, Brazil said on Thursday.", False),
        ("Chile and Peru have held talks in Montevideo several times since 2029.", False),
        (
            "Chile and Peru signed a border accord in Lima in 2012, recalled a Peruvian official.",
            False,
        ),
        (
            "The war began in 1879 and ended with a treaty that Chile and Peru signed in Lima.",
            False,
        ),
        ("The Chilean delegation arrived in Montevideo on Thursday for talks with Peru.", False),
        (
            "The talks between Chile and Peru, due to start in Montevideo on Monday, were "
            "rescheduled after logistical problems.",
            True,
        ),
        (
            "The talks between Chile and Peru were postponed to next week, Brazil said on "
            "Thursday.",
            True,
        ),
        ("Chile and Peru said on Thursday they were ready for talks in Lima.", True),
        ("Chile confirmed on Thursday that its delegation would attend the talks in Lima.", True),
        ("Chile and Peru have met in Lima twice this year.", False),
        ("The ceasefire agreed in Lima was extended by five days on Thursday.", False),
        ("The accord that Chile and Peru signed in Doha last year has largely held.", False),
        ("Chile and Peru were meant to hold talks in Lima on Monday.", True),
        (
            "Talks between Chile and Peru, initially set for Monday in Lima, were pushed back "
            "by a week.",
            True,
        ),
        (
            "Chile and Peru began fighting in the Atacama on Thursday, days after talks in Lima.",
            False,
        ),
        # preparatory meetings: no round, and no plan of the round they prepare
        (
            "Technical teams from Chile and Peru met in Arica on Thursday to prepare the second "
            "round of talks.",
            False,
        ),
        (
            "The Brazilian mediator held separate consultations with the Peruvian delegation in "
            "Brasilia on Thursday, ahead of the next round of talks between Chile and Peru.",
            False,
        ),
        (
            "Chilean and Peruvian officials held a preparatory meeting in Lima on Thursday.",
            False,
        ),
        (
            "Chile and Peru met in Quito on Thursday in preparation for the summit of their "
            "presidents.",
            False,
        ),
        # one side meeting a third party on the sidelines of another gathering; a committee
        # meeting beside the talks themselves
        (
            "The Chilean foreign minister met her Brazilian counterpart on the sidelines of the "
            "UN General Assembly in New York on Thursday.",
            False,
        ),
        (
            "A working group on prisoners met in Arica on Thursday, on the sidelines of the "
            "talks between Chile and Peru in Lima.",
            False,
        ),
        (
            "Leaders from across the region met on the sidelines of a summit in Quito on "
            "Thursday to discuss the Chile-Peru border.",
            False,
        ),
        # a multilateral gathering attended
        (
            "The leaders of Chile and Peru attended a regional summit in Brasilia on Thursday.",
            False,
        ),
        (
            "The presidents of Chile and Peru were among the leaders at a summit in Brasilia on "
            "Thursday.",
            False,
        ),
        # an arrival for talks, as a photo caption tells it; a file photo; leaders meeting online
        # (as a call; negotiators meeting online hold a round: test_rounds_classes5)
        (
            "Delegations arrive for a second round of talks between Chile and Peru in Cusco on "
            "March 6, 2031.",
            False,
        ),
        (
            "File photo: Chilean and Peruvian negotiators met in Lima on March 6, 2031.",
            False,
        ),
        ("The Chilean delegation travelled to Lima on Thursday for talks with Peru.", False),
        ("The Chilean and Peruvian presidents held a virtual meeting on Thursday.", False),
        ("The presidents of Chile and Peru met by video link on Thursday.", False),
        # a meeting said not to have happened; attempts and intentions
        (
            "The meeting in Lima between Chile and Peru, initially set for Thursday, did not "
            "take place.",
            True,
        ),
        ("Chile and Peru sought to hold talks in Lima on Thursday.", True),
        ("Chile and Peru tried to meet in Lima on Thursday but failed.", True),
        ("Chile and Peru had planned to meet in Lima on Thursday.", True),
        # talks named as a prospect: no meeting, no plan
        ("Chile welcomed on Thursday the prospect of talks with Peru in Lima.", False),
        ("Peru accepted an offer of talks with Chile in Lima on Thursday.", False),
        ("Peru demanded guarantees from Chile on Thursday before any talks in Lima.", False),
        ("Chile said on Thursday that talks with Peru in Lima were possible.", False),
        ("Chile and Peru on Thursday rejected calls for talks in Lima.", False),
        ("Peru welcomed on Thursday the announcement of talks with Chile in Lima.", True),
        # an announcement of talks is of talks to come
        (
            "The foreign ministry announced new talks between Chile and Peru in Lima on Thursday.",
            True,
        ),
        (
            "Brazil announced that talks between Chile and Peru would open in Lima next week.",
            True,
        ),
    ],
)
def test_plans_invitations_recaps_and_recalled_signings_make_no_row(
    text: str, planned: bool
) -> None:
    rows, plans = _read(text)
    assert rows == []
    assert (plans > 0) == planned


def test_a_war_that_began_in_a_month_does_not_date_the_talks() -> None:
    rows, _ = _read(
        "The fighting, which erupted in the Atacama in January, stopped when Chile and Peru "
        "met in Montevideo."
    )
    assert rows == [("Montevideo", None)]


@pytest.mark.parametrize(
    ("second", "rows"),
    [
        # one side's visit to a third country: no meeting of the process
        (
            "On Thursday, Chile's foreign minister visited Montevideo, where he met Uruguayan "
            "officials.",
            [("Lima", "2031-03-03")],
        ),
        # a visit to the other side, or a mediator's visit, is a meeting there
        (
            "On Thursday, Chile's foreign minister visited Arequipa, where he met Peruvian "
            "officials.",
            [("Lima", "2031-03-03"), ("Arequipa", "2031-03-06")],
        ),
        (
            "Brazil's envoy visited Santiago on Thursday, where he met Chilean officials.",
            [("Lima", "2031-03-03"), ("Santiago", "2031-03-06")],
        ),
        # a journey of one side abroad is a visit
        (
            "On Thursday, Chile's foreign minister travelled to Montevideo, where he met "
            "Uruguayan officials.",
            [("Lima", "2031-03-03")],
        ),
        # a meeting told in an earlier year, undated: history, not a row
        (
            "The Chilean and Peruvian delegations had met in Geneva in 2029 without result.",
            [("Lima", "2031-03-03")],
        ),
        # undated, but told as earlier than the news: history
        ("Chile and Peru have held talks in Geneva before.", [("Lima", "2031-03-03")]),
        ("The two sides had met in Geneva once before, a diplomat said.", [("Lima", "2031-03-03")]),
        ("Chile and Peru had met in Geneva in the 1990s.", [("Lima", "2031-03-03")]),
        (
            "Chile and Peru held talks in Geneva years ago, without result.",
            [("Lima", "2031-03-03")],
        ),
        ("Chile and Peru previously met in Geneva.", [("Lima", "2031-03-03")]),
        # near miss: a meeting held again now, dated
        (
            "Chile and Peru met in Geneva on Thursday, as they had done before.",
            [("Lima", "2031-03-03"), ("Geneva", "2031-03-06")],
        ),
    ],
)
def test_visits_and_meetings_of_earlier_years(second: str, rows: list[tuple[str, str]]) -> None:
    found, _ = _read(f"Chile and Peru held talks in Lima on Monday. {second}")
    assert sorted(found, key=lambda r: r[1] or "") == rows


def test_a_year_a_conflict_started_in_does_not_make_a_meeting_history() -> None:
    rows, _ = _read("Chile and Peru, at odds since 2029, met in Geneva.")
    assert [venue for venue, _ in rows] == ["Geneva"]


@pytest.mark.parametrize(
    "text",
    [
        "The exchange of 40 fishermen between Chile and Peru was overseen by the Red Cross.",
        "The release, supervised by the Red Cross, freed 40 Chilean and Peruvian fishermen.",
    ],
)
def test_a_release_overseen_by_a_body_makes_it_a_mediator(text: str) -> None:
    (state,) = project_tables(extract_events(Snippet(text=text, published_at=FRI)))[
        "negotiations"
    ].values()
    assert [(m.name, m.role) for m in state.mediators] == [
        ("International Committee of the Red Cross", "mediator")
    ]


def test_a_round_told_in_its_city_and_days_later_in_its_country_is_one_row() -> None:
    snippets = [
        ("Chile and Peru held talks in Montevideo on Monday.", datetime(2031, 3, 3, 18)),
        (
            "Talks between Chile and Peru in Uruguay continued on Thursday.",
            datetime(2031, 3, 6, 18),
        ),
    ]
    events = [
        e
        for text, at in snippets
        for e in extract_events(Snippet(text=text, published_at=at.replace(tzinfo=UTC)))
    ]
    (state,) = project_tables(events)["negotiations"].values()
    assert [(r.venue, r.date.start.day, r.date.end.day) for r in state.rounds if r.date] == [
        ("Montevideo", 3, 6)
    ]
