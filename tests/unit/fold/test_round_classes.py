"""Invented multi-snippet stories, one per class of phantom or split round (issue 14, second
pass): meetings that prepare a round, meetings on the sidelines of other gatherings, captions,
announcements and online meetings, delays told beside a meeting held, recaps in later snippets
and history told without a date. Each asserts the exact rows (venue and days) and plans.

Every story is invented (places, people, dates and numbers); none is news text.
"""

from typing import Any

import pytest

from schemas.state import NegotiationState
from tests.factories import fold_story


def _s(sid: str, day: str, text: str) -> dict[str, str]:
    return {"id": sid, "published_at": f"{day}T12:00:00Z", "text": text}


# Two rounds in Montevideo; between them, one side's consultations with the mediator, technical
# teams preparing the second round and the ministers meeting on the sidelines of a summit.
PREPARED = [
    _s(
        "h-01",
        "2031-08-04",
        "Chile and Peru held a first round of talks in Montevideo on Monday, mediated by Brazil.",
    ),
    _s(
        "h-02",
        "2031-08-14",
        "The Brazilian mediator held separate consultations with the Peruvian delegation in "
        "Brasilia on Thursday, ahead of the second round of talks between Chile and Peru.",
    ),
    _s(
        "h-03",
        "2031-08-20",
        "Technical teams from Chile and Peru met in Arica on Wednesday to prepare the second "
        "round of talks.",
    ),
    _s(
        "h-04",
        "2031-08-25",
        "The foreign ministers of Chile and Peru met on the sidelines of a regional summit in "
        "Quito on Monday, their first meeting since the first round.",
    ),
    _s(
        "h-05",
        "2031-09-01",
        "The second round of talks between Chile and Peru opened in Montevideo on Monday.",
    ),
    _s(
        "h-06",
        "2031-09-05",
        "Chile and Peru ended the second round in Montevideo on Friday, Brazil said.",
    ),
]

# One round, told around photo captions, an announcement, a call, an online meeting and a file
# picture of an older meeting.
CAPTIONS = [
    _s(
        "i-01",
        "2031-03-20",
        "Delegations arrive for a second round of talks between Chile and Peru in Cusco on "
        "March 20, 2031.",
    ),
    _s(
        "i-02",
        "2031-03-21",
        "Chile and Peru held talks in Cusco on Thursday, the foreign ministry of Peru said. File "
        "photo: Chilean and Peruvian negotiators met in Lima on January 5, 2031.",
    ),
    _s(
        "i-03",
        "2031-03-25",
        "The foreign ministry announced new talks between Chile and Peru in Lima on Tuesday. "
        "The Chilean and Peruvian presidents held a virtual meeting on Monday.",
    ),
    _s(
        "i-04",
        "2031-03-27",
        "Chilean and Peruvian negotiators met online on Wednesday to discuss the crossings, "
        "officials said.",
    ),
]

# Delays told beside meetings held: a round put off twice that opens, another city's talks called
# off in a clause timed by the round.
DELAYS = [
    _s(
        "j-01",
        "2031-10-06",
        "Talks between Chile and Peru that were due to open in Lima on Monday were postponed, "
        "Brazil said.",
    ),
    _s(
        "j-02",
        "2031-10-10",
        "The talks between Chile and Peru were postponed again on Friday.",
    ),
    _s(
        "j-03",
        "2031-10-15",
        "The talks between Chile and Peru, which had been postponed twice, opened in Lima on "
        "Wednesday.",
    ),
    _s(
        "j-04",
        "2031-10-30",
        "Chile and Peru held talks in Arequipa on Thursday, days after talks in Quito were "
        "called off.",
    ),
]

# One round in Geneva told again in later snippets: by its country, its name, "their last
# meeting", "a month ago", a day; and meetings told as earlier than the news, undated.
RECAPS = [
    _s("k-01", "2031-05-05", "Talks between Chile and Peru began in Geneva on Monday."),
    _s(
        "k-02",
        "2031-05-09",
        "Chile and Peru ended their talks in Geneva on Friday without a deal.",
    ),
    _s(
        "k-03",
        "2031-05-16",
        "Chile and Peru held talks in Switzerland last week, Brazil said on Friday.",
    ),
    _s(
        "k-04",
        "2031-05-20",
        "At their last meeting in Geneva, Chile and Peru discussed the border crossings, a "
        "Peruvian diplomat said on Tuesday. Chile and Peru have held talks in Vienna before.",
    ),
    _s(
        "k-05",
        "2031-06-03",
        "When Chile and Peru met in Switzerland a month ago, they agreed to a hotline. The two "
        "sides had met in Oslo in the 1990s.",
    ),
    _s(
        "k-06",
        "2031-06-12",
        "Chile and Peru, whose negotiators last met in Geneva on May 9, traded accusations on "
        "Thursday.",
    ),
]

# Two rounds at one place three weeks apart, then a recap dated only by the month: one row each.
# Talks that resume after a pause of days go on with their round; after two months, a new row.
MONTH_AND_PAUSE = [
    _s("l-01", "2031-03-03", "Chile and Peru held talks in Lima on Monday."),
    _s(
        "l-02",
        "2031-03-24",
        "Chile and Peru held a second round of talks in Lima on Monday.",
    ),
    _s("l-03", "2031-04-10", "Chile and Peru met in Lima in March, Brazil said."),
    _s(
        "l-04",
        "2031-07-01",
        "Chile and Peru held talks in Quito on Tuesday under Ecuadorian mediation.",
    ),
    _s(
        "l-05",
        "2031-07-03",
        "The talks between Chile and Peru in Quito were suspended on Thursday after a dispute "
        "over the agenda.",
    ),
    _s(
        "l-06",
        "2031-07-09",
        "Talks between Chile and Peru resumed in Quito on Wednesday after a six-day pause.",
    ),
    _s(
        "l-07",
        "2031-07-11",
        "The resumed talks between Chile and Peru in Quito ended on Friday with a joint statement.",
    ),
    _s(
        "l-08",
        "2031-09-16",
        "Talks between Chile and Peru resumed in Quito on Tuesday after two months.",
    ),
    _s(
        "l-09",
        "2031-09-30",
        "A new round of talks between Chile and Peru resumed in Quito on Tuesday.",
    ),
]

# Headlines over their stories, and meetings at one place days apart: single days with no word
# that the talks ran on are two meetings; a report that they continued makes one round.
HEADLINES = [
    _s(
        "n-01",
        "2031-03-20",
        "UPDATE 2-Chile, Peru negotiators meet in Quito\nLIMA, March 20 (Reuters) - Chilean and "
        "Peruvian negotiators met in Lima on Thursday to discuss the border.",
    ),
    _s(
        "n-02",
        "2031-03-27",
        "Chile and Peru talks in Quito: what we know\n\nChilean and Peruvian negotiators met in "
        "Lima on Wednesday.",
    ),
    _s(
        "n-03",
        "2031-05-05",
        "Chile, Peru hold talks in Santiago\nChile and Peru held talks in Santiago on Monday.",
    ),
    _s(
        "n-04",
        "2031-05-09",
        "Talks between Chile and Peru continued in Santiago on Friday, Brazil said.",
    ),
]

# Wire copy over two rounds: long names between the talks and their verb, a dateline, a headline
# line, a live blog, a mediator's separate meetings and briefing, an arrival, other states'
# talks on the war, a round named by its place and a meeting of an earlier year.
WIRE = [
    _s(
        "w-01",
        "2031-06-02",
        "GENEVA, June 2 (Wire) - Delegations of the Libyan government and the Libyan National "
        "Army sat down for UN-brokered talks in Geneva on Monday, the first direct meeting since "
        "a ceasefire collapsed in March. The UN envoy, Karin Holm, said she expected the talks "
        "to last a week.",
    ),
    _s(
        "w-02",
        "2031-06-04",
        "Libyan rivals make progress in Geneva talks\nThe Libyan government and the LNA agreed "
        "on Wednesday, on the third day of talks in Geneva, to reopen the coastal road, the UN "
        "said.",
    ),
    _s(
        "w-03",
        "2031-06-06",
        "The UN-led talks between the Libyan government and the LNA ended in Geneva on Friday. "
        "The two sides will meet again in Tunis later this month, the UN said. Earlier in the "
        "week, Holm had met the head of the LNA delegation separately.",
    ),
    _s(
        "w-04",
        "2031-06-10",
        "LIVE: Libyan talks\n10:05 The LNA delegation arrived in Tunis on Tuesday ahead of the "
        "second round of talks.\n11:30 Holm met the Libyan government's prime minister in "
        "Tripoli on Tuesday to brief him on the preparations.",
    ),
    _s(
        "w-05",
        "2031-06-24",
        "The second round of UN-led talks between the Libyan government and the LNA opened in "
        "Tunis on Tuesday. The talks follow the Geneva round this month, at which the sides "
        "agreed to reopen the coastal road.",
    ),
    _s(
        "w-06",
        "2031-06-27",
        "Talks between the Libyan government and the LNA in Tunis continued on Friday, the UN "
        "said. Separately, Egypt and Turkey discussed Libya in Cairo on Thursday.",
    ),
    _s(
        "w-07",
        "2031-07-02",
        "The Tunis talks ended on Tuesday without a deal, the UN said. The Libyan government and"
        " the LNA last met before Geneva in Berlin in 2029.",
    ),
]

# An explainer recapping earlier rounds (one told only there), a commission's numbered meeting, a
# plan, a summit of an earlier year, one side's meeting with the mediator's president, and the
# leaders on the sidelines of a summit (a meeting of the sides).
EXPLAINER = [
    _s(
        "x-01",
        "2031-09-01",
        "Chile and Peru held a third round of talks in Montevideo on Monday, Brazil said.",
    ),
    _s(
        "x-02",
        "2031-09-10",
        "EXPLAINER: Where the Chile-Peru talks stand. The first round, held in Lima in June, "
        "produced a hotline. Last week's round in Montevideo was the first since the collapse. "
        "The border commissions of Chile and Peru held their ninth meeting in Arica on Tuesday.",
    ),
    _s(
        "x-03",
        "2031-09-12",
        "Chile and Peru will hold a fourth round in Montevideo next month, Brazil said on Friday."
        " Brazilian President Ana Costa, who hosted the leaders of Chile and Peru at a summit in "
        "Brasilia in 2030, welcomed the progress.",
    ),
    _s(
        "x-04",
        "2031-09-25",
        "The Chilean and Peruvian leaders met briefly on the sidelines of a regional summit in "
        "Quito on Thursday, a week after their negotiators held talks in Montevideo.",
    ),
]

# A town beyond the gazetteer and its country, told on the days of one round: one row, the town
# named (the reading gives the town its country).
TOWN = [
    _s(
        "t-01",
        "2031-05-21",
        "Chile and Peru held talks in Montreux on Tuesday. Negotiators of Chile and Peru met in "
        "Switzerland on Wednesday, a Swiss diplomat said.",
    ),
    _s(
        "t-02",
        "2031-06-25",
        "Chile and Peru held talks in Montreux on Tuesday. Chile and Peru held talks in Bern on "
        "Wednesday.",
    ),
]

# Unplaced reports of talks: two days after a round opened at a place, they are its days; five
# days after a single day's meeting, another meeting.
UNPLACED = [
    _s("u-01", "2031-08-04", "Chile and Peru opened talks in Lima on Monday."),
    _s(
        "u-02",
        "2031-08-06",
        "Chilean and Peruvian negotiators held talks on Wednesday, Brazil said.",
    ),
    _s("u-03", "2031-09-01", "Chile and Peru held talks in Lima on Monday."),
    _s(
        "u-04",
        "2031-09-06",
        "Chilean and Peruvian negotiators held talks on Saturday, Brazil said.",
    ),
]

# Who met: a mediator meeting one side on one day and the other side the next day at one place
# makes two meetings; the two sides met on the same day (proximity talks) make one.
WHO_MET = [
    _s(
        "v-01",
        "2031-03-24",
        "Brazilian mediators held talks with the Chilean delegation in Montevideo on Sunday. "
        "Brazil is mediating between Chile and Peru.",
    ),
    _s(
        "v-02",
        "2031-03-25",
        "Brazilian mediators held talks with the Peruvian delegation in Montevideo on Monday. "
        "Brazil is mediating between Chile and Peru.",
    ),
    _s(
        "v-03",
        "2031-04-10",
        "Brazilian mediators held talks with the Chilean delegation in Montevideo on Thursday. "
        "Brazil is mediating between Chile and Peru.",
    ),
    _s(
        "v-04",
        "2031-04-10",
        "Brazilian mediators held talks with the Peruvian delegation in Montevideo on Thursday, "
        "shuttling between Chile and Peru.",
    ),
]

# Undated recaps of a meeting in later snippets, told in the past perfect or a clause of time:
# they join the meeting held there; a recap with its own day is its meeting's report.
RECALLED = [
    _s("y-01", "2031-03-03", "Chile and Peru held talks in Lima on Monday."),
    _s(
        "y-02",
        "2031-03-10",
        "Chile and Peru had met in Lima, where they agreed on a hotline, Brazil said.",
    ),
    _s(
        "y-03",
        "2031-03-12",
        "Since they met in Lima, Chile and Peru have exchanged prisoners.",
    ),
    _s(
        "y-04",
        "2031-03-14",
        "After meeting in Lima, the Chilean and Peruvian negotiators returned home.",
    ),
    _s(
        "y-05",
        "2031-03-16",
        "The hotline agreed when Chile and Peru met in Lima has been used twice.",
    ),
    _s(
        "y-06",
        "2031-04-10",
        "When Chile and Peru met in Lima on Tuesday, they agreed to free 20 detainees.",
    ),
]


def _rows(state: NegotiationState) -> list[tuple[str | None, str, str]]:
    return [
        (r.venue, r.date.start.isoformat(), r.date.end.isoformat())
        for r in state.rounds
        if r.date is not None
    ]


def test_meetings_that_prepare_a_round_are_no_rows_the_sides_on_a_summits_sidelines_one() -> None:
    state = fold_story(PREPARED)
    assert _rows(state) == [
        ("Montevideo", "2031-08-04", "2031-08-04"),
        # the two foreign ministers meeting on the sidelines of a regional summit
        ("Quito", "2031-08-25", "2031-08-25"),
        ("Montevideo", "2031-09-01", "2031-09-05"),
    ]
    assert len(state.rounds) == 3
    assert [r.ordinals for r in state.rounds] == [(1,), (), (2,)]


def test_captions_announcements_calls_and_file_pictures_add_no_row() -> None:
    state = fold_story(CAPTIONS)
    # the presidents' virtual meeting is a call; the negotiators meeting online hold a round of
    # no place (branch state/video: the writers' gold counts such rounds)
    assert _rows(state) == [
        ("Cusco", "2031-03-20", "2031-03-20"),
        (None, "2031-03-26", "2031-03-26"),
    ]
    assert len(state.rounds) == 2
    assert [r.venue for r in state.past_meetings] == ["Lima"]  # the file picture
    # the announced talks are a plan, not a meeting held
    assert [p.venue for p in state.planned] == ["Lima"]


def test_a_round_put_off_twice_is_held_when_it_opens_and_another_put_off_is_not_its() -> None:
    state = fold_story(DELAYS)
    assert _rows(state) == [
        ("Lima", "2031-10-15", "2031-10-15"),
        ("Arequipa", "2031-10-30", "2031-10-30"),
    ]
    assert {p.venue for p in state.planned} == {"Lima", None}  # the second put-off has no place
    assert all(p.cancelled for p in state.planned) and state.next_meeting is None


def test_recaps_in_later_snippets_join_the_round_and_undated_history_is_apart() -> None:
    state = fold_story(RECAPS)
    assert _rows(state) == [("Geneva", "2031-05-05", "2031-05-09")]
    assert state.rounds[0].snippets == ("k-01", "k-02", "k-03", "k-04", "k-05", "k-06")
    assert sorted(r.venue or "" for r in state.past_meetings) == ["Oslo", "Vienna"]


def test_a_recap_dated_by_its_month_joins_one_round_and_a_short_pause_splits_none() -> None:
    state = fold_story(MONTH_AND_PAUSE)
    assert _rows(state) == [
        ("Lima", "2031-03-03", "2031-03-03"),
        ("Lima", "2031-03-24", "2031-03-24"),  # with the recap "in March" (the latest)
        ("Quito", "2031-07-01", "2031-07-11"),  # suspended, resumed six days later, ended
        ("Quito", "2031-09-16", "2031-09-16"),  # resumed after two months: a new row
        ("Quito", "2031-09-30", "2031-09-30"),  # "a new round", though two weeks after
    ]
    assert state.rounds[1].snippets == ("l-02", "l-03")


def test_headlines_make_no_row_and_single_days_a_week_apart_are_two_meetings() -> None:
    state = fold_story(HEADLINES)
    assert _rows(state) == [
        ("Lima", "2031-03-20", "2031-03-20"),
        ("Lima", "2031-03-26", "2031-03-26"),
        ("Santiago", "2031-05-05", "2031-05-09"),  # "continued": one round over the week
    ]


def test_wire_copy_of_two_rounds_gives_two_rows_with_their_days() -> None:
    state = fold_story(WIRE)
    assert _rows(state) == [
        ("Geneva", "2031-06-02", "2031-06-06"),  # opened, third day, ended (long names between)
        ("Tunis", "2031-06-24", "2031-07-01"),
    ]
    # "the Geneva round this month" is a recap of the first round, cited there
    assert "w-05" in state.rounds[0].snippets
    assert [r.venue for r in state.past_meetings] == ["Berlin"]
    assert state.rounds[1].ordinals == (2,)


def test_an_explainer_recap_is_the_row_of_a_round_told_nowhere_else() -> None:
    state = fold_story(EXPLAINER)
    assert _rows(state) == [
        ("Lima", "2031-06-01", "2031-06-30"),  # "the first round, held in Lima in June"
        ("Montevideo", "2031-09-01", "2031-09-01"),
        ("Arica", "2031-09-09", "2031-09-09"),  # the commissions' ninth meeting
        ("Quito", "2031-09-25", "2031-09-25"),  # the leaders on a summit's sidelines
    ]
    assert [r.ordinals for r in state.rounds] == [(1,), (3,), (9,), ()]
    assert [r.venue for r in state.past_meetings] == ["Brasilia"]
    assert state.next_meeting is not None and state.next_meeting.venue == "Montevideo"


def test_a_town_beyond_the_gazetteer_and_its_country_are_one_meeting() -> None:
    state = fold_story(TOWN)
    assert _rows(state) == [
        ("Montreux", "2031-05-20", "2031-05-21"),
        # near miss: two towns of one country, a day apart, no move told: two rows
        ("Montreux", "2031-06-24", "2031-06-24"),
        ("Bern", "2031-06-25", "2031-06-25"),
    ]
    assert state.rounds[0].venue_country == "CH"


def test_an_unplaced_report_days_into_a_round_that_opened_is_of_that_round() -> None:
    state = fold_story(UNPLACED)
    assert [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds] == [
        ("Lima", "2031-08-04"),
        ("Lima", "2031-09-01"),
        (None, "2031-09-06"),
    ]
    assert state.rounds[0].snippets == ("u-01", "u-02")
    assert state.rounds[0].date is not None
    assert state.rounds[0].date.end.isoformat() == "2031-08-06"


def test_meetings_of_different_sides_on_different_days_are_two_rows() -> None:
    state = fold_story(WHO_MET)
    assert _rows(state) == [
        ("Montevideo", "2031-03-23", "2031-03-23"),  # the Chilean delegation
        ("Montevideo", "2031-03-24", "2031-03-24"),  # the Peruvian delegation, the next day
        ("Montevideo", "2031-04-10", "2031-04-10"),  # both on one day: one round
    ]
    assert state.rounds[0].sides == ("CL",)
    assert state.rounds[2].sides == ("CL", "PE")


def test_undated_recaps_in_the_past_perfect_join_the_meeting_held_there() -> None:
    state = fold_story(RECALLED)
    assert _rows(state) == [
        ("Lima", "2031-03-03", "2031-03-03"),
        ("Lima", "2031-04-08", "2031-04-08"),  # a recap with its own day: that meeting
    ]
    assert state.rounds[0].snippets == ("y-01", "y-02", "y-03", "y-04", "y-05")


STORIES = [
    PREPARED,
    CAPTIONS,
    DELAYS,
    RECAPS,
    MONTH_AND_PAUSE,
    HEADLINES,
    WIRE,
    EXPLAINER,
    TOWN,
    UNPLACED,
    WHO_MET,
    RECALLED,
]


@pytest.mark.parametrize("story", STORIES)
def test_the_class_stories_fold_to_the_same_rows_in_any_order_and_with_duplicates(
    story: list[dict[str, Any]],
) -> None:
    first = fold_story(story)
    for seed in (1, 2):
        assert fold_story(story, seed).rounds == first.rounds
    assert fold_story([*story, *story], 3).rounds == first.rounds
