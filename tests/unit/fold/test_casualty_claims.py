from datetime import UTC, date, datetime
from typing import get_args

import pytest

from schemas.events import Actor, Event, Quantity
from schemas.snippet import Snippet
from schemas.state import CasualtyUnit, Qualifier
from streams.core.fold.casualty_claims import (
    BOTH_SIDES,
    evolve,
    figure_side,
    initial,
    project,
    project_all,
    sides_named_in,
)
from streams.core.read.extract import extract_events
from tests.factories import casualties, make_event, on_day, party, speaker


def _report(snippet: str, *quantities: Quantity, start: int = 0, **fields: object) -> Event:
    return make_event(
        "casualty_report",
        snippet=snippet,
        start=start,
        text="Ten soldiers were killed, officials said.",
        quantities=quantities,
        **fields,
    )


def _story() -> list[Event]:
    kyiv, moscow = speaker("Ukraine", "UA"), speaker("Russia", "RU")
    return [
        # The same figure by the same claimant in three snippets.
        *(
            _report(f"s-{n}", casualties(10, claimant="Ukraine"), date=on_day(date(2026, 2, 3)))
            for n in "abc"
        ),
        # A conflicting figure for the same day by the other side.
        _report(
            "s-d",
            casualties(2, claimant="Russia"),
            date=on_day(date(2026, 2, 3)),
            actors=(moscow, party("Ukraine", "UA")),
        ),
        # Two figures in one sentence; the claimant is the speaker.
        _report(
            "s-e",
            casualties(low=30, high=40, unit="wounded"),
            casualties(5, qualifier="at_least"),
            actors=(kyiv,),
        ),
        _report("s-f", casualties(7), published=datetime(2026, 2, 1, tzinfo=UTC)),
        make_event("strike", snippet="s-g"),
        _report("s-h", casualties(99), modality="hypothetical"),
    ]


def test_the_same_figure_from_three_snippets_is_one_claim_corroborated_three_times() -> None:
    claims = project("RU-UA", _story()).by_claimant["Ukraine"]
    ten = [c for c in claims if c.value == 10]
    assert len(ten) == 1
    assert ten[0].corroboration == 3
    assert sorted(s.snippet_id for s in ten[0].sources) == ["s-a", "s-b", "s-c"]
    assert ten[0].as_of == date(2026, 2, 3)


def test_conflicting_claims_by_two_claimants_stay_side_by_side() -> None:
    state = project("RU-UA", _story())
    assert sorted(state.by_claimant) == ["Russia", "Ukraine", "unattributed"]
    russia = state.by_claimant["Russia"]
    assert [(c.value, c.side, c.corroboration) for c in russia] == [(2, "Ukraine", 1)]
    assert [c.value for c in state.by_claimant["Ukraine"] if c.as_of == date(2026, 2, 3)] == [10]


def test_claimant_falls_back_to_the_speaker_then_unattributed() -> None:
    state = project("RU-UA", _story())
    ukraine = state.by_claimant["Ukraine"]
    # Sorted by as-of date, then event id; one sentence's figures by unit, then value.
    assert [(c.unit, c.value, c.low, c.high, c.qualifier, c.as_of) for c in ukraine] == [
        ("killed", 10, None, None, "exact", date(2026, 2, 3)),
        ("killed", 5, None, None, "at_least", date(2026, 2, 5)),
        ("wounded", None, 30, 40, "exact", date(2026, 2, 5)),
    ]
    assert [(c.value, c.as_of) for c in state.by_claimant["unattributed"]] == [
        (7, date(2026, 2, 1))
    ]


def test_unreal_modalities_and_other_types_are_ignored() -> None:
    state = project("RU-UA", _story())
    assert all(c.value != 99 for claims in state.by_claimant.values() for c in claims)
    strike = make_event("strike", snippet="s-x")
    assert evolve(state, strike) is state


def test_side_is_the_first_party_state_or_armed_group_whatever_the_order() -> None:
    person = Actor(name="A. Commander", kind="person", role="party")
    a = _report("s-1", casualties(3, claimant="X"), actors=(person,))
    b = _report("s-2", casualties(3, claimant="X"), actors=(party("Russia", "RU"),))
    for events in ([a, b], [b, a]):
        (claim,) = project("RU-UA", events).by_claimant["X"]
        assert claim.side == "Russia"
        assert [s.side for s in claim.sources] == [None, "Russia"]


def test_two_sentences_of_one_snippet_corroborate_once() -> None:
    events = [_report("s-1", casualties(4, claimant="X"), start=s) for s in (0, 200)]
    (claim,) = project("RU-UA", events).by_claimant["X"]
    assert len(claim.sources) == 2
    assert claim.corroboration == 1


def test_project_all_splits_by_process() -> None:
    states = project_all(
        [_report("s-1", casualties(1)), _report("s-2", casualties(1), process="AM-AZ")]
    )
    assert sorted(states) == ["AM-AZ", "RU-UA"]


def test_an_event_of_another_process_is_refused() -> None:
    with pytest.raises(ValueError, match="belongs to"):
        evolve(initial("AM-AZ"), _report("s-1", casualties(1)))


def test_state_literals_match_the_event_quantity_literals() -> None:
    # The state repeats the Quantity literals; this keeps the two from drifting apart.
    assert get_args(CasualtyUnit) == get_args(Quantity.model_fields["unit"].annotation)
    assert get_args(Qualifier) == get_args(Quantity.model_fields["qualifier"].annotation)


# The fold laws (replay, arrival order, duplicates) are checked in test_fold_laws.py.


def test_the_side_of_a_much_repeated_figure_does_not_depend_on_arrival_order() -> None:
    from streams.core.fold.casualty_claims import SOURCE_LIMIT

    ids = sorted(
        (make_event("casualty_report", snippet=f"s-{n:02d}").id, n) for n in range(SOURCE_LIMIT + 3)
    )
    # Only the report with the largest id names a side: it is not among the kept sources.
    named = ids[-1][1]
    reports = [
        make_event(
            "casualty_report",
            snippet=f"s-{n:02d}",
            quantities=(casualties(7),),
            actors=(party("Ukraine", "UA"),) if n == named else (),
        )
        for n in range(SOURCE_LIMIT + 3)
    ]
    sided = next(r for r in reports if r.actors)
    others = [r for r in reports if r is not sided]
    first, last = project("RU-UA", [sided, *others]), project("RU-UA", [*others, sided])
    assert first == last
    (claim,) = first.by_claimant["unattributed"]
    assert claim.side == "Ukraine" and claim.corroboration == SOURCE_LIMIT + 3


def test_the_side_of_a_figure_comes_from_the_phrase_that_names_it() -> None:
    sides = (
        Actor(name="Russia", country="RU", role="party"),
        Actor(name="Ukraine", country="UA", role="party"),
    )
    text = (
        "The study put the number of Russian troops killed at 300,000, with up to 100,000 "
        "deaths on the Ukrainian side, and 900,000 wounded on both sides."
    )

    def q(words: str, value: int) -> Quantity:
        return Quantity(value=value, unit="killed", text=words)

    event = make_event("casualty_report", text=text, actors=sides, process="RU--UA")
    assert figure_side(event, q("put the number of Russian troops killed at 300,000", 1)) == (
        "Russia"
    )
    assert figure_side(event, q("up to 100,000 deaths", 1)) == "Ukraine"
    assert figure_side(event, q("900,000 wounded", 1)) == BOTH_SIDES
    # Two sides named and no phrase for this figure: no side is guessed.
    bare = make_event(
        "casualty_report", text="Russia and Ukraine lost 5,000 men.", actors=sides, process="RU--UA"
    )
    assert figure_side(bare, q("5,000 men", 1)) is None


def _side_of(text: str, figure: str, sides: tuple[Actor, ...]) -> str | None:
    """The side of the figure told by the words `figure` of `text` (a Russia-Ukraine story)."""
    event = make_event("casualty_report", text=text, actors=sides, process="RU--UA")
    return figure_side(event, Quantity(value=1, unit="killed", text=figure))


def test_the_victims_of_a_strike_are_on_the_side_it_hit_not_the_side_that_struck() -> None:
    sides = (
        Actor(name="Russia", country="RU", role="party", mention="Russian"),
        Actor(name="Ukraine", country="UA", role="party", mention="Ukrainian"),
    )
    text = "Russian missiles hit a Ukrainian town, killing at least 12 people."
    assert _side_of(text, "killing at least 12", sides) == "Ukraine"
    by = (Actor(name="Atlantis", country="RU", role="party", mention="Atlantis"),)
    struck = make_event(
        "casualty_report",
        text="Attacks by Atlantis over the past day left 40 dead.",
        actors=by,
        process="RU--UA",
    )
    # Of a process's two sides, the victims are on the one not named as striking.
    assert figure_side(struck, Quantity(value=40, unit="killed", text="40 dead")) == "Ukraine"
    # With three sides that cannot be told.
    three = struck.model_copy(update={"process": "CD--M23--RW"})
    assert figure_side(three, Quantity(value=40, unit="killed", text="40 dead")) is None


def test_a_total_across_both_armies_is_on_both_sides() -> None:
    sides = (
        Actor(name="Russia", country="RU", role="party"),
        Actor(name="Ukraine", country="UA", role="party"),
    )
    text = "Across both armies, the total came to almost 20,000 dead."
    event = make_event("casualty_report", text=text, actors=sides, process="RU--UA")
    assert figure_side(event, Quantity(value=20000, unit="killed", text="20,000 dead")) == (
        BOTH_SIDES
    )


def test_a_toll_is_on_the_side_where_it_was_counted_not_the_side_that_struck() -> None:
    sides = (
        Actor(name="Russia", country="RU", role="party", mention="Russian"),
        Actor(name="Ukraine", country="UA", role="party", mention="Ukraine"),
    )
    text = "The death toll from Russian strikes across Ukraine over the past week has reached 90."
    assert _side_of(text, text[4:-1], sides) == "Ukraine"


def test_a_long_toll_a_claimant_and_its_auxiliary() -> None:
    text = (
        "The death toll from the shelling of the border towns over the past 12 days has "
        "reached 75, the Atlantean Health Ministry has reported."
    )
    (report,) = [e for e in extract_events(Snippet(text=text)) if e.type == "casualty_report"]
    assert [(q.value, q.unit) for q in report.quantities] == [(75, "killed")]
    assert report.quantities[0].claimant == "Atlantean Health Ministry"


def test_a_place_phrase_that_names_the_striker_gives_no_side_and_both_sides_within() -> None:
    sides = (
        Actor(name="Russia", country="RU", role="party", mention="Russian"),
        Actor(name="Ukraine", country="UA", role="party", mention="Ukraine"),
    )
    text = "Ukraine said 12 people were killed in Russian shelling of a border town."
    # not the side that struck ("Russian shelling" names it since state/claims2 of the seventh
    # session): the one other side named
    assert _side_of(text, "12 people were killed", sides) == "Ukraine"
    speaking = (sides[0], Actor(name="Ukraine", country="UA", role="speaker", mention="Ukraine"))
    assert _side_of(text, "12 people were killed", speaking) == "Ukraine"
    both = "An official put the total number of dead on both sides at almost 3,000."
    assert _side_of(both, both[14:-1], sides) == BOTH_SIDES


def test_the_subject_of_killed_is_not_the_side_of_its_victims() -> None:
    def side(text: str, figure: str, *sides: Actor) -> str | None:
        event = make_event("casualty_report", text=text, actors=sides, process="CL--PE")
        return figure_side(event, Quantity(value=1, unit="killed", text=figure))

    chile = Actor(name="Chile", country="CL", role="party", mention="Chilean")
    peru = Actor(name="Peru", country="PE", role="party", mention="Peru")
    # The side that killed: its victims are on the other side of the two.
    text = "Chilean forces killed 11 villagers in a raid on Tuesday."
    assert side(text, "killed 11", chile) == "Peru"
    text = "Fighting between Peru and Chile killed 23 people on Thursday."
    assert side(text, "killed 23", peru, chile) is None
    # The side where the attack struck: the victims are its own.
    text = "Shells hit a Chilean village, killing 4 people."
    assert side(text, "killing 4", chile) == "Chile"
    text = "An attack on a Chilean border post killed 6 guards."
    assert side(text, "killed 6", chile) == "Chile"


def test_an_armed_group_that_speaks_counts_its_own_dead() -> None:
    group = Actor(name="Renamo", country="MZ", kind="armed_group", role="speaker", mention="Renamo")
    state = Actor(name="Mozambique", country="MZ", role="party", mention="Mozambican")
    text = "Renamo said 9 of its fighters were killed in a Mozambican army raid."
    event = make_event("casualty_report", text=text, actors=(group, state), process="MZ--MZ-RENAMO")
    figure = Quantity(value=9, unit="killed", text="9 of its fighters were killed")
    assert figure_side(event, figure) == "Renamo"
    # A state's body still speaks for its state.
    ministry = Actor(name="Mozambique", country="MZ", role="speaker", mention="Mozambican")
    text = "The Mozambican defence ministry said 4 soldiers were killed."
    event = make_event("casualty_report", text=text, actors=(ministry,), process="MZ--MZ-RENAMO")
    assert figure_side(event, Quantity(value=4, unit="killed", text="4 soldiers")) == ("Mozambique")


def test_an_acronym_names_its_side_only_in_capitals() -> None:
    assert sides_named_in("a car bomb went off at the checkpoint") == set()
    assert sides_named_in("the attackers killed three of us") == set()
    assert sides_named_in("two soldiers of the CAR were wounded") == {"Central African Republic"}
    assert sides_named_in("US troops at the base") == {"United States"}
