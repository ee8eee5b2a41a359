"""Invented multi-snippet stories in shapes the tune tracks lack (issue 14, fourth pass, branch
state/rounds4): a government and a rebel front meeting in cycles that rotate between host
countries (opened, reported in the middle, suspended after an attack, resumed, closed, recalled in
an explainer); commanders at a border crossing, working groups beside the main table, a signing
ceremony and its headline, ministers at a regional body's headquarters; proximity talks with a
mediator shuttling in one hotel, a summit on the sidelines of another, a phone call, a round
announced and put off twice; live blogs, explainers, captions and headlines; a round reported in
a country and its capital; meetings of others and history. Each asserts the exact rows of the
process (venue and days), in any order and with duplicates.

Every story is invented (places, people, dates and numbers); none is news text.
"""

from typing import Any

import pytest

from tests.factories import fold_stories, round_windows


def _s(sid: str, day: str, text: str) -> dict[str, str]:
    return {"id": sid, "published_at": f"{day}T12:00:00Z", "text": text}


# A government and a rebel front in cycles rotating between host countries, guarantors present.
ROTATION = [
    _s(
        "a-01",
        "2032-03-12",
        "The government of Bolivia and the Southern Liberation Front rebels opened the "
        "fifth cycle of peace talks in Montevideo on Friday, with Switzerland and Ghana "
        "present as guarantor countries.",
    ),
    _s(
        "a-02",
        "2032-03-15",
        "Negotiators for Bolivia and the Southern Liberation Front continued their "
        "talks in the Uruguayan capital on Monday, a Swiss diplomat said.",
    ),
    _s(
        "a-03",
        "2032-03-19",
        "The talks, which began on 12 March, are focused on a ceasefire in the eastern "
        "lowlands, Bolivian officials said on Thursday.",
    ),
    _s(
        "a-04",
        "2032-03-20",
        "Bolivia and the Southern Liberation Front closed the fifth cycle of talks in "
        "Montevideo on Friday with a joint communique.",
    ),
    _s(
        "a-05",
        "2032-04-20",
        "The sixth cycle of talks between Bolivia and the Southern Liberation Front "
        "rebels opened in Panama City on Monday.",
    ),
    _s(
        "a-06",
        "2032-04-23",
        "The government suspended the talks with the Southern Liberation Front on "
        "Thursday after an attack on a police post in Santa Cruz killed four officers.",
    ),
    _s(
        "a-07",
        "2032-05-04",
        "Talks between Bolivia and the Southern Liberation Front resumed in Panama City "
        "on Tuesday after a ten-day suspension, Ghana's envoy said.",
    ),
    _s(
        "a-08",
        "2032-05-09",
        "The sixth cycle of talks between the Bolivian government and the front ended "
        "in Panama City on Sunday.",
    ),
    _s("a-09", "2032-05-10", "Bolivia and rebels end sixth cycle of talks in Panama"),
    _s(
        "a-10",
        "2032-05-12",
        "The talks between Bolivia and the Southern Liberation Front first began in "
        "2029 in Oslo. Since then the sides have held six cycles, rotating between host "
        "countries.",
    ),
]

# Commanders at a border crossing, working groups beside the table, a signing and its headline.
BESIDE = [
    _s(
        "b-01",
        "2032-06-07",
        "Military commanders of Chile and Peru met at the Chacalluta border crossing on "
        "Monday to discuss the withdrawal of troops from the disputed strip.",
    ),
    _s(
        "b-02",
        "2032-06-09",
        "A technical committee on prisoners met in Tacna on Wednesday, on the sidelines "
        "of the main talks between Chile and Peru in Lima, which opened on Tuesday.",
    ),
    _s(
        "b-03",
        "2032-06-10",
        "Working groups on mines and on water met in Lima on Thursday alongside the "
        "main negotiating table, a Brazilian mediator said.",
    ),
    _s(
        "b-04",
        "2032-06-12",
        "Chile and Peru ended their talks in Lima on Saturday, agreeing to meet again in July.",
    ),
    _s(
        "b-05",
        "2032-07-15",
        "Chile and Peru signed a ceasefire agreement at a signing ceremony in Brasilia "
        "on Thursday, attended by Brazilian President Ana Lobo.",
    ),
    _s("b-06", "2032-07-16", "Chile, Peru sign ceasefire in Brasilia"),
    _s(
        "b-07",
        "2032-07-28",
        "The foreign ministers of Chile and Peru met at the headquarters of the "
        "Organization of American States in Washington on Wednesday to review the "
        "ceasefire.",
    ),
    _s(
        "b-08",
        "2032-08-03",
        "Under the accord signed in Brasilia last month, both sides pulled back their "
        "artillery, Peruvian officials said on Tuesday.",
    ),
]

# Proximity talks in one hotel, a summit on the sidelines of another, a call, a round put off twice.
PROXIMITY = [
    _s(
        "c-01",
        "2032-09-06",
        "Brazilian mediators shuttled between the Chilean and Peruvian delegations at a "
        "hotel in Asuncion on Monday, in proximity talks aimed at a border deal.",
    ),
    _s(
        "c-02",
        "2032-09-07",
        "The Chilean and Peruvian delegations, housed on separate floors of the same "
        "hotel in Asuncion, did not meet face to face on Tuesday, but the Brazilian "
        "envoy carried proposals between them.",
    ),
    _s(
        "c-03",
        "2032-09-09",
        "The proximity talks between Chile and Peru in Asuncion ended on Thursday without a deal.",
    ),
    _s(
        "c-04",
        "2032-09-21",
        "The presidents of Chile and Peru met on the sidelines of the Mercosur summit "
        "in Montevideo on Tuesday, their first face-to-face meeting in a year.",
    ),
    _s(
        "c-05",
        "2032-10-02",
        "The Chilean president spoke by phone with his Peruvian counterpart on Saturday "
        "about the border.",
    ),
    _s(
        "c-06",
        "2032-10-05",
        "Chile and Peru announced on Tuesday that a new round of talks would be held in "
        "Asuncion on October 20.",
    ),
    _s(
        "c-07",
        "2032-10-16",
        "The round of talks between Chile and Peru planned for October 20 in Asuncion "
        "has been postponed to November 3, Brazil said on Saturday.",
    ),
    _s(
        "c-08",
        "2032-10-30",
        "The talks between Chile and Peru were postponed again on Thursday, this time "
        "indefinitely, after a clash at the border.",
    ),
    _s(
        "c-09",
        "2032-11-24",
        "Chile and Peru finally held their long-delayed round of talks in Asuncion on "
        "Wednesday, with Brazil mediating.",
    ),
]

# A round told in a live blog, an explainer, a caption and headlines.
LIVE = [
    _s(
        "d-01",
        "2033-02-14",
        "Peace talks between Chile and Peru opened in Quito on Monday. The talks first "
        "began in 2029 in Bogota and have since been held in four cities.",
    ),
    _s(
        "d-02",
        "2033-02-15",
        "LIVE: Chile-Peru talks in Quito, day two. 10:42 - Delegations returned to the "
        "table at the Hotel Colon this morning. 11:15 - The Peruvian negotiator told "
        "reporters the talks were constructive.",
    ),
    _s(
        "d-03",
        "2033-02-16",
        "Explainer: what is at stake in the Quito talks? Chile and Peru have met eleven "
        "times since the war began. Their last round, in Lima in November, ended "
        "without a deal.",
    ),
    _s(
        "d-04",
        "2033-02-17",
        "Chilean negotiator Pablo Rey arrives for talks with Peru in Quito, Ecuador, "
        "February 16, 2033. REUTERS/Photo",
    ),
    _s(
        "d-05",
        "2033-02-18",
        "Chile and Peru concluded four days of talks in Quito on Thursday and said they "
        "would meet again in March.",
    ),
    _s("d-06", "2033-02-20", "Talks in Quito end without a deal"),
]

# A round reported in a country and in its capital; a day told with no sides; others meeting;
# history.
COUNTRY = [
    _s(
        "e-01",
        "2033-05-02",
        "Delegations from Chile and Peru began a new round of negotiations in Uruguay "
        "on Monday, the Uruguayan foreign ministry said.",
    ),
    _s(
        "e-02",
        "2033-05-05",
        "The negotiations entered their fourth day on Thursday, with both delegations "
        "working on a draft text, a mediator said.",
    ),
    _s(
        "e-03",
        "2033-05-09",
        "Chile and Peru wrapped up a week of talks in Montevideo on Monday without agreement.",
    ),
    _s(
        "e-04",
        "2033-05-10",
        "Chile and Peru, who last met in Montevideo this week, will resume talks in "
        "Quito on June 6, officials said on Tuesday.",
    ),
    _s(
        "e-05",
        "2033-05-11",
        "Meanwhile, Argentina and Brazil held talks in Buenos Aires on Wednesday on a "
        "trade dispute.",
    ),
    _s(
        "e-06",
        "2033-05-12",
        "Chilean and Peruvian officials last met in Geneva three years ago, before the "
        "fighting resumed.",
    ),
    _s(
        "e-07",
        "2033-06-06",
        "A meeting between Chile and Peru scheduled for Monday went ahead in Quito as "
        "planned, Ecuador's foreign minister said.",
    ),
    _s(
        "e-08",
        "2033-06-08",
        "The Quito round between Chile and Peru continued for a third day on Wednesday.",
    ),
    _s(
        "e-09",
        "2033-06-10",
        "Chile and Peru closed the Quito round on Friday and agreed to set up a joint "
        "border commission.",
    ),
    _s(
        "e-10",
        "2033-06-20",
        "The joint border commission of Chile and Peru held its first meeting in Arica on Monday.",
    ),
    _s(
        "e-11",
        "2033-06-27",
        "Chile and Peru have held three rounds of talks this year, in Montevideo, Quito and Arica.",
    ),
]

# A ministers' meeting announced, put off twice and held; a caption, a headline and a recap.
PUT_OFF = [
    _s(
        "f-01",
        "2033-08-01",
        "The foreign ministers of Chile and Peru will meet in La Paz on Friday, the "
        "Bolivian government announced on Monday.",
    ),
    _s(
        "f-02",
        "2033-08-04",
        "The meeting in La Paz between the Chilean and Peruvian foreign ministers has "
        "been put off until next week, Bolivia said on Thursday.",
    ),
    _s(
        "f-03",
        "2033-08-10",
        "Bolivia said on Wednesday the La Paz meeting had been delayed a second time.",
    ),
    _s(
        "f-04",
        "2033-08-22",
        "The foreign ministers of Chile and Peru met in La Paz on Monday after two "
        "postponements, Bolivia's foreign ministry said.",
    ),
    _s(
        "f-05",
        "2033-08-23",
        "Chilean Foreign Minister Rosa Vidal and her Peruvian counterpart Luis Paredes "
        "shake hands in La Paz, Bolivia, on August 22, 2033.",
    ),
    _s(
        "f-06",
        "2033-08-23",
        "The two ministers met for three hours at the Bolivian foreign ministry and "
        "agreed to reopen two border crossings.",
    ),
    _s("f-07", "2033-08-24", "Presidents of Chile and Peru talk by phone after La Paz meeting"),
    _s(
        "f-08",
        "2033-08-30",
        "The talks in La Paz last week were the first between the two ministers since "
        "2031, when they met in Brasilia.",
    ),
]


def test_cycles_rotating_between_hosts_are_one_row_each_and_the_first_talks_history() -> None:
    # The front, named in full, is a side (SLF); reports naming Bolivia alone join it
    state = fold_stories(ROTATION, joined=True)["BO--SLF"]
    assert round_windows(state) == [
        ("Montevideo", "2032-03-12", "2032-03-19"),  # opened, "which began on 12 March", closed
        # opened, suspended after an attack, resumed after ten days, ended, and its headline
        ("Panama City", "2032-04-19", "2032-05-10"),
    ]
    assert [r.ordinals for r in state.rounds] == [(5,), (6,)]
    # "resumed ..., Ghana's envoy said" (a-07): Ghana's envoy is no side since state/devtracks,
    # so the resumption is this row's too
    assert state.rounds[1].snippets == ("a-05", "a-07", "a-08", "a-09")
    # "first began in 2029 in Oslo": history, kept apart
    assert [r.venue for r in state.past_meetings] == ["Oslo"]


def test_commanders_a_signing_and_ministers_at_a_regional_body_are_rows_working_groups_not() -> (
    None
):
    states = fold_stories(BESIDE)
    assert round_windows(states["CL--PE"]) == [
        # commanders at a crossing beyond the gazetteer, named by its words (read/localities)
        ("Chacalluta border crossing", "2032-06-07", "2032-06-07"),
        # "ended their talks in Lima on Saturday, agreeing to meet again in July": held
        ("Lima", "2032-06-12", "2032-06-12"),
        ("Brasilia", "2032-07-15", "2032-07-15"),  # the signing ceremony (its headline no row)
        ("Washington", "2032-07-28", "2032-07-28"),  # ministers at the regional body's seat
    ]
    assert states["CL--PE"].rounds[2].snippets == ("b-05",)
    # the working groups beside the table name no side: no row of any process
    assert states["unassigned"].rounds == ()


def test_proximity_talks_are_one_row_and_a_round_put_off_twice_one_row_when_held() -> None:
    state = fold_stories(PROXIMITY)["CL--PE"]
    assert round_windows(state) == [
        ("Asunción", "2032-09-06", "2032-09-09"),  # the mediator shuttling, then "ended"
        # the two presidents meeting on the sidelines of another summit: a meeting of the sides
        ("Montevideo", "2032-09-21", "2032-09-21"),
        ("Asunción", "2032-11-24", "2032-11-24"),  # "finally held their long-delayed round"
    ]
    # the phone call makes no row; the announcement is a plan, not a meeting on the day it was
    # announced
    assert state.rounds[0].snippets == ("c-01", "c-02", "c-03")
    assert [(p.cancelled, p.postponed) for p in state.planned] == [
        (False, False),
        (True, True),
        (False, True),
    ]
    assert state.next_meeting is None


def test_a_live_blog_an_explainer_a_caption_and_headlines_are_one_round() -> None:
    states = fold_stories(LIVE)
    assert round_windows(states["CL--PE"]) == [("Quito", "2033-02-13", "2033-02-17")]
    assert states["CL--PE"].rounds[0].snippets == ("d-01", "d-02", "d-03", "d-05")
    assert [r.venue for r in states["CL--PE"].past_meetings] == ["Bogota"]
    assert states["unassigned"].rounds == ()  # the headline "Talks in Quito end without a deal"


def test_a_country_and_its_capital_are_one_round_and_talks_with_no_sides_no_row() -> None:
    states = fold_stories(COUNTRY)
    state = states["CL--PE"]
    assert [r.venue for r in state.rounds] == ["Montevideo", "Quito", "Arica"]
    # "in Uruguay" on Monday and "in Montevideo" a week later: one round, the city named
    first = state.rounds[0]
    assert first.date is not None
    assert (first.date.start.isoformat(), first.date.end.isoformat()) == (
        "2033-05-02",
        "2033-05-09",
    )
    assert round_windows(state)[1:] == [
        ("Quito", "2033-06-06", "2033-06-10"),  # "scheduled for Monday went ahead", closed
        ("Arica", "2033-06-20", "2033-06-20"),  # the joint commission's first meeting
    ]
    assert [r.venue for r in state.past_meetings] == ["Geneva"]  # "three years ago"
    assert states["unassigned"].rounds == ()  # "The negotiations entered their fourth day"


def test_a_meeting_put_off_twice_is_one_row_on_the_day_it_was_held() -> None:
    state = fold_stories(PUT_OFF)["CL--PE"]
    assert round_windows(state) == [("La Paz", "2033-08-22", "2033-08-22")]
    assert [p.postponed for p in state.planned] == [False, True]
    assert fold_stories(PUT_OFF)["unassigned"].rounds == ()


STORIES = [ROTATION, BESIDE, PROXIMITY, LIVE, COUNTRY, PUT_OFF]


@pytest.mark.parametrize("story", STORIES)
def test_the_stories_fold_to_the_same_rows_in_any_order_and_with_duplicates(
    story: list[dict[str, Any]],
) -> None:
    first = {k: s.rounds for k, s in fold_stories(story).items()}
    for seed in (1, 2):
        assert {k: s.rounds for k, s in fold_stories(story, seed).items()} == first
    assert {k: s.rounds for k, s in fold_stories([*story, *story], 3).items()} == first
