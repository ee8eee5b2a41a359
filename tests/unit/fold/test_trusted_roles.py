"""Roles an analyst can trust (issue 14, branch state/roles2): roles are read before the process
key is chosen, so a mediator or host never keys the process, nor becomes its party.

Every sentence is invented; none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.events import Actor
from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.fold.negotiations import project
from streams.core.read.extract import extract_events
from tests.factories import fold_story, make_event

FRI = datetime(2031, 3, 7, 18, tzinfo=UTC)


def _read(text: str) -> tuple[list[str], list[str], dict[str, str]]:
    """Process keys, parties and third parties (name -> role) of a one-snippet story."""
    states = project_tables(extract_events(Snippet(text=text, published_at=FRI)))["negotiations"]
    parties = sorted({p.name for st in states.values() for p in st.parties})
    third = {m.name: m.role for st in states.values() for m in (*st.mediators, *st.hosts)}
    return sorted(states), parties, third


@pytest.mark.parametrize(
    ("text", "keys", "parties", "third"),
    [
        # a mediator or facilitator whose own state has a known conflict keys nothing
        (
            "Chile and Peru held talks in Lima under Turkish mediation on Tuesday.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Turkey": "mediator"},
        ),
        (
            "Chile and Peru held a new round of talks, facilitated by Colombia, in Quito.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Colombia": "facilitator", "Ecuador": "host"},
        ),
        (
            "Talks between Chile and Peru, which Turkey hosted in Ankara, ended on Friday.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Turkey": "host"},
        ),
        (
            "Chile and Peru met in Bogota on Monday, in talks brokered by Colombia and Turkey.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Colombia": "mediator", "Turkey": "mediator"},
        ),
        # near misses: an envoy noun is no firm cue, a side of a known conflict sends envoys
        (
            "Russian envoys met Ukrainian officials in a hotel on Monday.",
            ["RU--UA"],
            ["Russia", "Ukraine"],
            {},
        ),
        (
            "Saudi and Omani envoys met Houthi leaders in Sanaa on Monday.",
            ["YE--YE-HOUTHI"],
            ["Houthis"],
            {"Oman": "mediator", "Saudi Arabia": "mediator"},
        ),
        # the object of "hosted" is a guest, not a host: the guests still key the process
        (
            "Norway hosted Iranian and Israeli officials for indirect talks on Monday.",
            ["IL--IR"],
            ["Iran", "Israel"],
            {"Norway": "host"},
        ),
    ],
)
def test_a_mediator_never_keys_the_process(
    text: str, keys: list[str], parties: list[str], third: dict[str, str]
) -> None:
    assert _read(text) == (keys, parties, third)


@pytest.mark.parametrize(
    ("text", "keys", "parties", "third"),
    [
        # a rebel group the lexicon does not know, introduced with its acronym
        (
            "The Chilean government and the Northern Liberation Front (NLF) signed a ceasefire "
            "in Havana on Monday, with Cuba and Norway as guarantors.",
            ["CL--NLF"],
            ["Chile", "Northern Liberation Front"],
            {"Cuba": "guarantor", "Norway": "guarantor"},
        ),
        (
            "Talks between the Government of Chile and the Northern Front (NF) opened in Quito. "
            "NF negotiators said the talks were useful.",
            ["CL--NF"],
            ["Chile", "Northern Front"],
            {"Ecuador": "host"},  # a third country's capital as the venue
        ),
        (
            "Negotiators for Chile and the NLF rebels met in Oslo on Tuesday under Norwegian "
            "mediation.",
            ["CL--NLF"],
            ["Chile", "NLF"],
            {"Norway": "mediator"},
        ),
        # every sovereign state is a known actor: a small state as guarantor, as a side
        (
            "Chile and Peru signed a deal in Lima, with Ecuador as guarantor.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Ecuador": "guarantor"},
        ),
        (
            "Talks between Paraguay and Bolivia opened in Tegucigalpa on Monday.",
            ["BO--PY"],
            ["Bolivia", "Paraguay"],
            {"Honduras": "host"},
        ),
        # a government named by its seat
        (
            "The government in Santiago and the Northern Front (NF) signed a truce on Monday.",
            ["CL--NF"],
            ["Chile", "Northern Front"],
            {},
        ),
        # a state that only speaks is no party, even when the key holds it: the key is a
        # guess, and states that welcome, reject or accuse would become sides
        (
            "Authorities in Lima said talks with Chile would resume.",
            ["CL--PE"],
            ["Chile"],
            {},
        ),
        (
            "Talks between Chile and Peru resumed in Lima. Chile said the talks were useful. "
            "Germany welcomed the talks and Brazil said it hoped for a deal.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {},
        ),
        # near miss: a capital after "in" that no one governs from is a place
        (
            "Chile and Peru held talks in Quito on Monday.",
            ["CL--PE"],
            ["Chile", "Peru"],
            {"Ecuador": "host"},
        ),
        # near miss: a body with an acronym is no armed group, and no party
        (
            "The United Nations Development Programme (UNDP) and Chile signed an aid accord.",
            ["CL"],
            ["Chile"],
            {},
        ),
    ],
)
def test_groups_a_snippet_introduces_are_parties(
    text: str, keys: list[str], parties: list[str], third: dict[str, str]
) -> None:
    assert _read(text) == (keys, parties, third)


@pytest.mark.parametrize(
    ("text", "keys", "parties"),
    [
        # third states that only welcome or comment are no parties, however often named
        (
            "Chile and Peru signed a border accord in Quito on Friday. The United States and "
            "Brazil welcomed the deal, and Brazil said it was ready to help.",
            ["CL--PE"],
            ["Chile", "Peru"],
        ),
        # a commenting state with a known conflict of its own does not take the key over
        (
            "Chile and Peru signed a border accord in Quito on Friday. Turkey welcomed the accord "
            "and Turkish officials said Turkey would send observers.",
            ["CL--PE"],
            ["Chile", "Peru"],
        ),
        (
            "Talks between the Chilean government and the Northern Front (NF) resumed. Colombia "
            "said Colombia hoped for a deal.",
            ["CL--NF"],
            ["Chile", "Northern Front"],
        ),
        # the sides of talks before the sides of a clash told in passing, which is keyed to its
        # own war
        (
            "Talks between Chile and Peru resumed in Quito on Monday. Separately, clashes between "
            "the Bolivian army and the Southern Defence Militia (SDM) killed 12 people, and the "
            "SDM said the Bolivian army had shelled its positions.",
            ["BO--SDM", "CL--PE"],
            ["Bolivia", "Chile", "Peru", "Southern Defence Militia"],
        ),
        # near misses: a known conflict with both sides named keeps its key; a pair not framed
        # (only welcomed) does not make the sides
        (
            "Russia and Ukraine signed a grain deal; Chile and Peru welcomed it.",
            ["RU--UA"],
            ["Russia", "Ukraine"],
        ),
        (
            "Saudi and Omani envoys met Houthi leaders in Sanaa; Chile and Peru welcomed the "
            "talks.",
            ["YE--YE-HOUTHI"],
            ["Houthis"],
        ),
    ],
)
def test_the_sides_a_sentence_frames_key_the_process(
    text: str, keys: list[str], parties: list[str]
) -> None:
    found_keys, found_parties, _ = _read(text)
    assert (found_keys, found_parties) == (keys, parties)


def _mediators(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    states = project_tables(extract_events(Snippet(text=text, published_at=FRI)))["negotiations"]
    return sorted(
        (m.name, m.kind, m.role, m.people) for st in states.values() for m in st.mediators
    )


@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        # a person mediator is listed under their state, with the name ...
        (
            "The talks between Chile and Peru are mediated by Brazilian Foreign Minister Ana "
            "Souza.",
            [("Brazil", "state", "mediator", ("Ana Souza",))],
        ),
        # ... or, of no known state, by name
        (
            "The talks between Chile and Peru are mediated by former president Ana Souza, who met "
            "both delegations in Lima on Monday.",
            [("Ana Souza", "person", "mediator", ())],
        ),
        (
            "Chile and Peru held talks in Lima on Monday, chaired by the veteran diplomat Dr. Ivo "
            "Marsh.",
            [("Ivo Marsh", "person", "mediator", ())],
        ),
        # a person who witnesses the signing is an observer
        (
            "Chile and Peru signed the accord in Lima, and former President Ivo Marsh flew in to "
            "witness the signing.",
            [("Ivo Marsh", "person", "observer", ())],
        ),
        # near misses: a side's own leader is no mediator; a cue does not reach across "between"
        ("Chilean President Ana Souza met Peruvian officials in Lima on Monday.", []),
        (
            "Chile and Peru met in Lima, in talks mediated by Qatar between Chilean President Ana "
            "Souza and Peruvian officials.",
            [("Qatar", "state", "mediator", ())],
        ),
    ],
)
def test_person_mediators_are_listed_with_their_names(
    text: str, mediators: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    assert _mediators(text) == mediators


def test_a_name_told_as_a_person_and_as_a_body_is_the_body_in_any_order() -> None:
    as_person = make_event(
        "talks",
        snippet="s-1",
        process="CL--PE",
        text="The talks were mediated by Ivo Marsh.",
        actors=(Actor(name="Ivo Marsh", kind="person", role="mediator"),),
    )
    as_body = make_event(
        "talks",
        snippet="s-2",
        process="CL--PE",
        text="Ivo Marsh mediated.",
        actors=(Actor(name="Ivo Marsh", country="NO", kind="organisation", role="mediator"),),
    )
    one, other = project("CL--PE", [as_person, as_body]), project("CL--PE", [as_body, as_person])
    assert one.model_dump_json() == other.model_dump_json()
    assert [(m.name, m.kind, m.country) for m in one.mediators] == [
        ("Ivo Marsh", "organisation", "NO")
    ]


def _claims(text: str) -> list[tuple[str, str, int | None, str | None]]:
    tables = project_tables(extract_events(Snippet(text=text, published_at=FRI)))
    return sorted(
        (who, c.unit, c.value if c.value is not None else c.low, c.side)
        for table in tables["casualty_claims"].values()
        for who, claims in table.by_claimant.items()
        for c in claims
    )


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # the side the sentence before names as losing reaches a figure of combatants
        (
            "The Chilean army reported heavy losses among the NLF rebels. At least 40 fighters "
            "were killed in the clashes, the army said.",
            [("Chilean army", "killed", 40, "NLF")],
        ),
        (
            "Peru said Chilean forces suffered heavy losses on Monday. Some 120 soldiers were "
            "killed, the Peruvian defence ministry said.",
            [("Peruvian defence ministry", "killed", 120, "Chile")],
        ),
        # near misses: civilians are not the losing side's; a side named in the figure's own
        # sentence wins; a sentence two back is too far
        (
            "The Chilean army reported heavy losses among the NLF rebels. At least 12 civilians "
            "were killed in the clashes, the army said.",
            [("Chilean army", "killed", 12, None)],
        ),
        (
            "Peru said Chilean forces suffered heavy losses. Some 30 Peruvian soldiers were also "
            "killed, the Peruvian army said.",
            [("Peruvian army", "killed", 30, "Peru")],
        ),
        (
            "Chilean forces suffered heavy losses on Monday. The fighting went on all night. "
            "At least 9 soldiers were killed, a Peruvian officer said.",
            [("Peru", "killed", 9, "Peru")],
        ),
    ],
)
def test_a_side_named_the_sentence_before_reaches_the_figure(
    text: str, claims: list[tuple[str, str, int | None, str | None]]
) -> None:
    assert _claims(text) == claims


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a person introduced by an apposition is the whole claimant of their surname ...
        (
            "Ana Souza, the Chilean defence minister, spoke on Monday. Souza said 15 Peruvian "
            "soldiers were killed.",
            [("Ana Souza", "killed", 15, "Peru")],
        ),
        # ... and of a pronoun
        (
            "Ivo Marsh, a senior Peruvian commander, spoke on Monday. He said 8 Peruvian "
            "soldiers were killed.",
            [("Ivo Marsh", "killed", 8, "Peru")],
        ),
        # number words and ranges
        (
            "Peruvian officials said twenty-five Chilean soldiers were killed.",
            [("Peruvian officials", "killed", 25, "Chile")],
        ),
        (
            "Chile's health ministry said between 30 and 40 civilians were killed in Peruvian "
            "shelling.",
            [("Chilean health ministry", "killed", 30, "Chile")],
        ),
        # near miss: an apposition without a title makes no person
        (
            "Santa Rosa, the largest town in the valley, was shelled. Rosa said 4 Chilean "
            "soldiers were killed.",
            [("Rosa", "killed", 4, "Chile")],
        ),
    ],
)
def test_claimants_named_through_the_snippet(
    text: str, claims: list[tuple[str, str, int | None, str | None]]
) -> None:
    assert _claims(text) == claims


def _next(texts: list[str]) -> tuple[str | None, str | None] | None:
    records = [
        {"id": f"n-{i}", "published_at": f"2031-05-0{i + 1}T10:00:00Z", "text": text}
        for i, text in enumerate(texts)
    ]
    state = fold_story(records)
    nxt = state.next_meeting
    if nxt is None:
        return None
    return nxt.venue, (nxt.date.start.isoformat() if nxt.date else nxt.when)


@pytest.mark.parametrize(
    ("texts", "shown"),
    [
        # a plan put off with its old date named is no longer next, nor moved to that date
        (
            [
                "Chile and Peru will hold talks in Quito on May 20, officials said.",
                "The next round of talks between Chile and Peru, initially scheduled for May 20 "
                "in Quito, was postponed.",
            ],
            None,
        ),
        # a plan that did not take place is not next
        (
            [
                "Chile and Peru will hold talks in Quito on May 20, officials said.",
                "Chile and Peru were due to meet in Quito on May 20, but the meeting did not "
                "take place.",
            ],
            None,
        ),
        # near misses: a postponement to a new date is the plan then; a vague plan is undated
        (
            [
                "Chile and Peru will hold talks in Quito on May 20, officials said.",
                "The talks between Chile and Peru in Quito were postponed to May 28.",
            ],
            ("Quito", "2031-05-28"),
        ),
        (
            ["Chile and Peru will hold a new round of talks in Quito in the coming weeks."],
            ("Quito", "in the coming weeks"),
        ),
    ],
)
def test_the_next_meeting_is_never_a_plan_put_off_or_missed(
    texts: list[str], shown: tuple[str | None, str | None] | None
) -> None:
    assert _next(texts) == shown
