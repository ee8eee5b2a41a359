"""Casualty claims read whole: figures written in words, elided units, whole claimant names."""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.figures import find_figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The institute put the number of Atlantean soldiers killed at 80,000.",
            [(80000, "exact", "killed")],
        ),
        ("The war has left almost half a million dead.", [(500000, "nearly", "killed")]),
        (
            "It said 9,000 Atlantean soldiers were killed, and up to 4,000 on the Bordurian side.",
            [(9000, "exact", "killed"), (4000, "up_to", "killed")],
        ),
    ],
)
def test_figures_in_words_and_with_their_unit_elided(text: str, expected: list) -> None:
    got = [(f.value or f.high, f.qualifier, f.unit) for f in find_figures(text)]
    assert got == expected


def test_an_injury_is_never_a_death() -> None:
    assert [f.unit for f in find_figures("At least 40 people were injured in the blast.")] == [
        "wounded"
    ]


def _claimants(text: str) -> list[str | None]:
    return [
        q.claimant
        for e in extract_events(Snippet(text=text))
        if e.type == "casualty_report"
        for q in e.quantities
    ]


def test_a_pronoun_or_a_fragment_resolves_to_the_whole_name_of_the_person_named_before() -> None:
    text = (
        "Mayor Ilse Vandermeer spoke to reporters on Monday. "
        "She also said 12 civilians were killed in the shelling. "
        "A year earlier she had put the toll at more than 9 people."
    )
    assert _claimants(text) == ["Ilse Vandermeer", "Ilse Vandermeer"]


def test_the_ministry_resolves_to_the_body_named_before() -> None:
    text = (
        "According to the Atlantean Health Ministry, the strikes hit two hospitals. "
        "The ministry said 14 people were killed."
    )
    assert _claimants(text) == ["Atlantean Health Ministry"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Atlantean state media reported that six engineers were killed.", "Atlantean state media"),
        (
            "At least 9 people were killed, the Ostia city health ministry said on Monday.",
            "Ostia city health ministry",
        ),
        # A news agency relays the figure: the claim is the outlet's, unattributed.
        ("At least 9 people were killed, Reuters reported.", None),
    ],
)
def test_a_body_reporting_before_or_after_the_figure_is_its_claimant(
    text: str, body: str | None
) -> None:
    from streams.core.read.figures import find_attribution

    assert find_attribution(text) == body


def test_the_think_tanks_total_is_the_think_tanks_claim() -> None:
    text = (
        "A study by the Institute for Peace Data estimated that 9,000 soldiers were killed. "
        "Across both armies, the think tank's total came to almost twenty thousand dead."
    )
    assert _claimants(text) == ["Institute for Peace Data", "Institute for Peace Data"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # A body named by its state's demonym and its kind, not the state alone.
        (
            "Fighting near the border killed 14 soldiers, according to the Peruvian defence "
            "ministry.",
            "Peruvian defence ministry",
        ),
        (
            "Eight villagers were killed in Puno, the Peruvian interior ministry said on Friday.",
            "Peruvian interior ministry",
        ),
        (
            "The UN refugee agency said 4,000 people had been displaced in Bolivia.",
            "UN refugee agency",
        ),
        # A body written in lower case, by its kind.
        (
            "At least 40 civilians have been killed, the local health bureau reported.",
            "local health bureau",
        ),
        (
            "The toll rose to 35, according to figures released by the regional health office.",
            "regional health office",
        ),
        # A toll in the passive, with its author after "by".
        ("The toll was put at 52 by Bolivian state television.", "Bolivian state television"),
        # A title, then the name in apposition.
        (
            "Five civilians were killed in the strikes, said Peru's foreign minister, Diego Salas.",
            "Diego Salas",
        ),
    ],
)
def test_the_claimant_is_the_whole_name_of_who_gives_the_figure(text: str, claimant: str) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    "text",
    [
        # Anonymous officials and a news agency are no claimant.
        "The death toll in Arica has risen to 31, officials said.",
        "At least 18 civilians were killed in the clashes, a local official told AFP.",
        "At least 9 people were killed, Reuters reported.",
    ],
)
def test_no_claimant_is_made_of_anonymous_sources_or_outlets(text: str) -> None:
    assert _claimants(text) == [None]


def test_the_ministry_resolves_to_the_body_named_by_its_kind_before() -> None:
    text = (
        "Fighting killed 23 people on Thursday, according to the Bolivian health ministry. "
        "The ministry said 61 others were wounded."
    )
    assert _claimants(text) == ["Bolivian health ministry", "Bolivian health ministry"]


def test_a_date_after_the_body_is_no_part_of_its_name() -> None:
    text = "Nine people were killed, according to the Bolivian health ministry on Friday."
    assert _claimants(text) == ["Bolivian health ministry"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ramos added that Peru had lost 6 men.", [(6, "killed")]),
        ("Chile has lost more than 200 troops since January.", [(200, "killed")]),
        # Lost ground, arms or money are no toll.
        ("The rebels lost 20 villages in a week.", []),
        # Refuge taken is displacement; refuge in embassies counted is not a toll of people.
        ("More than 15,000 have sought refuge in neighbouring countries.", [(15000, "displaced")]),
        ("About 2,000 people took refuge in a church.", [(2000, "displaced")]),
        ("The minister sought refuge in 2 embassies.", []),
        ("The army lost 3 tanks in the ambush.", []),
        ("The currency lost 5 per cent of its value.", []),
    ],
)
def test_lives_lost_are_a_toll_and_other_losses_are_not(text: str, expected: list) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == expected


def test_a_relief_body_named_by_a_demonym_is_no_state() -> None:
    text = "The Norwegian Refugee Council said 25,000 people had fled fighting in Bolivia."
    (event,) = [e for e in extract_events(Snippet(text=text)) if e.type == "casualty_report"]
    assert [q.claimant for q in event.quantities] == ["Norwegian Refugee Council"]
    assert "NO" not in event.process.split("--")


def test_authorities_of_two_places_are_all_the_claimant() -> None:
    text = (
        "Chile and Peru exchanged 40 prisoners, including 12 wounded soldiers, authorities in "
        "Santiago and Lima said on Monday."
    )
    assert _claimants(text) == ["authorities in Santiago and Lima"]
    assert _claimants("Health officials in Arica said 30 people were killed.") == [
        "Health officials in Arica"
    ]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # A spokesperson or a statement of a body: the body's figure.
        (
            "A spokesperson for the Chilean health ministry said 31 people were wounded.",
            ["Chilean health ministry"],
        ),
        (
            "Fifteen people were killed, according to a statement from the Peruvian army.",
            ["Peruvian army"],
        ),
        # "The group", "the government": the last body of that kind named before.
        (
            "Renamo fighters attacked a convoy near Beira on Monday. The group said 14 soldiers "
            "were killed.",
            ["Renamo"],
        ),
        (
            "Chile's government condemned the raid. The government said 9 police officers had "
            "died.",
            ["Chilean government"],
        ),
        (
            "Chile condemned the raid. The government said 9 police officers had died.",
            ["Chilean government"],
        ),
        # Named by its kind and its state.
        (
            "The government of Peru put the number of dead at 44.",
            ["government of Peru"],
        ),
        # No body of that kind named before: the words as they are.
        ("The rebels said 20 soldiers were killed in the ambush.", ["rebels"]),
    ],
)
def test_a_body_behind_its_spokesperson_or_named_by_its_kind(
    text: str, claimants: list[str]
) -> None:
    assert _claimants(text) == claimants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chilean army has confirmed the deaths of 6 of its soldiers.", [(6, "killed")]),
        ("The number of dead has risen to 72, the civil defence said.", [(72, "killed")]),
        # A number of other things is no toll.
        ("The number of checkpoints has risen to 72.", []),
    ],
)
def test_deaths_of_and_the_number_of_dead(text: str, expected: list) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == expected


def test_a_figure_quoted_before_its_speaker_is_named_is_the_speakers() -> None:
    text = (
        "“We have recovered 30 bodies so far. Another 12 people are missing,” the governor of "
        "Arica, Jorge Tapia, told reporters."
    )
    assert _claimants(text) == ["Jorge Tapia", "Jorge Tapia"]
    # A figure outside any quotation stays the narrator's.
    text = "At least 30 people died. “We are devastated,” the governor, Jorge Tapia, said."
    assert _claimants(text) == [None]


def test_it_said_is_the_body_named_before() -> None:
    text = (
        "The UN humanitarian office published its latest report on Tuesday. It said 80,000 "
        "people had been displaced in the north."
    )
    assert _claimants(text) == ["UN humanitarian office"]
    text = (
        "The Chilean health ministry released new figures on Monday. At least 52 people have "
        "been killed since the fighting began, it said."
    )
    assert _claimants(text) == ["Chilean health ministry"]
    # With no body named before, "it" is no claimant.
    assert _claimants("It said 52 people have been killed.") == [None]


@pytest.mark.parametrize(
    "text",
    [
        "The mediator, Ana Silva, said talks would resume on Monday in a war that has killed "
        "more than 5,000 people.",
        "President Elena Castro said she was ready to end the conflict, which has displaced 2 "
        "million people.",
    ],
)
def test_a_toll_on_the_war_itself_is_the_narrators_not_the_speakers(text: str) -> None:
    from streams.core.fold.casualty_claims import UNATTRIBUTED as FOLDED
    from streams.core.read.claimants import UNATTRIBUTED

    assert UNATTRIBUTED == FOLDED
    assert _claimants(text) == [UNATTRIBUTED]


def test_a_toll_of_an_attack_told_by_a_speaker_stays_the_speakers() -> None:
    text = "The strikes, which killed 12 people, hit a market, the ministry of Chile said."
    assert _claimants(text) == ["ministry of Chile"]


def test_a_named_body_is_never_taken_for_another_of_its_kind() -> None:
    text = (
        "According to the Chilean health ministry, 30 people died. The Peruvian Defence "
        "Ministry said 8 soldiers were killed. The ministry said 4 more were missing."
    )
    assert _claimants(text) == [
        "Chilean health ministry",
        "Peruvian Defence Ministry",
        "Peruvian Defence Ministry",
    ]
    text = "A rights group, the Arica Human Rights Observatory, said 17 civilians had died."
    assert _claimants(text) == ["Arica Human Rights Observatory"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Citing the Chilean health ministry, state television said 30 people were killed.",
            "Chilean health ministry",
        ),
        (
            "State media, citing the regional health bureau, reported that 44 people had died.",
            "regional health bureau",
        ),
        (
            "At least 25 people were killed, Reuters reported, citing the Peruvian army.",
            "Peruvian army",
        ),
        (
            "Data from the UN humanitarian office show that 900,000 people have fled.",
            "UN humanitarian office",
        ),
        # Citing what is no body leaves the speaker the claimant.
        (
            "Minister Rosa Alvarado said, citing hospital records, that 30 people were killed.",
            "Rosa Alvarado",
        ),
    ],
)
def test_whoever_is_cited_gives_the_figure(text: str, claimant: str) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # a speaker behind a relative clause: the clause is taken out to find who speaks
        (
            "The Peruvian health ministry, which gave no breakdown, said 48 people had been "
            "killed in the clashes.",
            ["Peruvian health ministry"],
        ),
        (
            "The Chilean army, which gave no figures for its own losses, said on Monday that 30 "
            "rebels were killed.",
            ["Chilean army"],
        ),
        # no one speaks right after the clause: no claimant is made from the clause's subject
        (
            "The Southern Front, which began an offensive in 2029, claiming to protect farmers, "
            "has left 40 dead.",
            [None],
        ),
    ],
)
def test_a_speaker_behind_a_relative_clause_is_the_claimant(
    text: str, claimants: list[str | None]
) -> None:
    assert _claimants(text) == claimants


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # A state's body named by the state's possessive is called by its demonym.
        (
            "At least 14 people were killed in Tarija, according to Bolivia's health ministry.",
            "Bolivian health ministry",
        ),
        (
            "Chile’s Defence Ministry said 12 soldiers were wounded in the ambush.",
            "Chilean Defence Ministry",
        ),
        (
            "Peru's state media said 40 people were killed in the flood of refugees.",
            "Peruvian state media",
        ),
        (
            "Paraguay's armed forces said 6 soldiers were killed near the border.",
            "Paraguayan armed forces",
        ),
        # Near misses: a person's possessive, and a state's possessive that is no body.
        ("Ana Vell's office said 8 people were killed in the raid.", "Ana Vell's office"),
        ("The Chilean government said 8 people were killed in the raid.", "Chilean government"),
    ],
)
def test_a_states_body_is_called_by_its_demonym(text: str, claimant: str) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # An agency the gazetteer files under the United Nations claims in its own name.
        ("UNICEF said 8 children were among the dead.", "UNICEF"),
        ("OCHA said 12,000 people had fled the fighting.", "OCHA"),
        (
            "Amnesty International said 30 civilians were killed in the raids.",
            "Amnesty International",
        ),
        # A body or group claims in the name the news calls it by.
        ("The Red Cross said 44 people were wounded.", "Red Cross"),
        ("The ICRC said 44 people were wounded.", "ICRC"),
        ("The ELN said 6 of its fighters were killed.", "ELN"),
        # Near misses: the body's own name stays; initials of two letters match no name.
        ("The United Nations said 40 people were killed.", "United Nations"),
        ("The UN said 40 people were killed.", "United Nations"),
    ],
)
def test_a_body_claims_in_the_name_the_news_calls_it_by(text: str, claimant: str) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # A state claims through the one body of it that speaks in the snippet, before or after.
        (
            "Chile said on Monday that 60 civilians had been killed since the war began. "
            '"They were all civilians," health ministry spokesman Tomas Varela said.',
            ["Chilean health ministry"],
        ),
        (
            "The defence ministry said the convoy was ambushed. Peru said 18 of its soldiers "
            "were killed.",
            ["Peruvian defence ministry"],
        ),
        # Near misses: two states claiming, a body named with its own state, two bodies.
        (
            "Chile said 60 civilians were killed. Peru said 20 soldiers died. "
            '"It was a massacre," health ministry spokesman Tomas Varela said.',
            ["Chile", "Peru"],
        ),
        (
            "Chile said 60 civilians were killed. "
            '"It was a massacre," Peru\'s health ministry spokesman Tomas Varela said.',
            ["Chile"],
        ),
        (
            "Chile said 60 civilians were killed. The defence ministry said the convoy was "
            "ambushed. The interior ministry said roads were closed.",
            ["Chile"],
        ),
        (
            "Chile said 60 civilians were killed. The foreign ministry of Peru said the claim "
            "was false.",
            ["Chile"],
        ),
    ],
)
def test_a_state_claims_through_the_one_body_of_it_that_speaks(
    text: str, claimants: list[str]
) -> None:
    assert _claimants(text) == claimants


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # The next sentence names the source of figures no one gave.
        (
            "The death toll from the shelling of Tarija has risen to 23. The figure was given "
            "by the regional health office.",
            ["regional health office"],
        ),
        (
            "At least 40 people were killed in the floods of fire along the river. The figures "
            "came from the Chilean health ministry.",
            ["Chilean health ministry"],
        ),
        (
            "Eight children were among the 30 killed in the raid. That is according to UNICEF.",
            ["UNICEF"],
        ),
        # Near misses: the figures disputed, the source a news agency, a speaker of its own.
        (
            "The death toll from the shelling has risen to 23. The figures were disputed by "
            "the army.",
            [None],
        ),
        ("The death toll has risen to 23. The figure came from Reuters.", [None]),
        (
            "The army said 12 soldiers were killed. The figures were compiled by the Peruvian "
            "health ministry.",
            ["army"],
        ),
    ],
)
def test_the_source_of_figures_named_in_the_next_sentence(
    text: str, claimants: list[str | None]
) -> None:
    assert _claimants(text) == claimants


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # A body named by its kind is named without its article.
        (
            "The rebel-run health office in Olmos said 17 people were killed in the raids.",
            "rebel-run health office in Olmos",
        ),
        (
            "The regional emergency service said 9 people were wounded in the blast.",
            "regional emergency service",
        ),
        ("A UN spokesperson said 3,000 people had fled Olmos overnight.", "UN spokesperson"),
        # Near misses: a name keeps its words, a body by its name loses only the article.
        ("The Southern Front said 17 of its fighters were killed in the raids.", "Southern Front"),
        (
            "Doctors Without Borders said its clinic treated 40 wounded people.",
            "Doctors Without Borders",
        ),
    ],
)
def test_a_body_named_by_its_kind_is_named_without_its_article(text: str, claimant: str) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # A body named by a description before its name is its name.
        ("Medical charity MSF said 40 wounded people were treated.", "MSF"),
        (
            "Rights group Amnesty International said 30 civilians were killed.",
            "Amnesty International",
        ),
        # A body run by a side, named by its kind.
        (
            "Forty people have died, according to the rebel-controlled health department in Olmos.",
            "rebel-controlled health department in Olmos",
        ),
        (
            "Twelve people were wounded, according to the army-run media office.",
            "army-run media office",
        ),
        # A body named by its kind and its state, in several words.
        (
            "In a statement, the ministry of health of Chile said 40 people had died.",
            "ministry of health of Chile",
        ),
        # Near misses: a body with its state's demonym keeps it; a rebel group by its name.
        ("The Bolivian Red Cross said 30 civilians were killed.", "Bolivian Red Cross"),
        ("Forty people have died, according to the rebel group.", None),
    ],
)
def test_descriptions_and_run_by_bodies_in_claimant_names(text: str, claimant: str | None) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # A person the snippet names only by a surname is who "she" or "he" is next.
        (
            "Campos denied that civilians had been targeted. She said 4 soldiers were wounded.",
            ["Campos"],
        ),
        (
            "Ibarra-Soto rejected the report. He said 12 rebels were killed in the raid.",
            ["Ibarra-Soto"],
        ),
        # Near misses: a plural noun, a body word, a pronoun and initials are no surname.
        ("Officials denied the claim. She said 4 soldiers were wounded.", [None]),
        ("Police denied the claim. He said 4 soldiers were wounded.", [None]),
        ("It denied the claim. He said 4 soldiers were wounded.", [None]),
        ("ELN denied the claim. He said 4 soldiers were wounded.", [None]),
    ],
)
def test_a_person_named_by_a_surname_alone_is_who_she_is_next(
    text: str, claimants: list[str | None]
) -> None:
    assert _claimants(text) == claimants
