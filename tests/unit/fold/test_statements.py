from datetime import UTC, datetime, timedelta

import pytest

from schemas.events import Actor, Event, Quote
from streams.core.fold.statements import LIMIT, evolve, initial, project, project_all, stance
from tests.factories import make_event, party, speaker

_T0 = datetime(2026, 2, 1, tzinfo=UTC)


def _said(
    snippet: str,
    who: tuple[Actor, ...],
    subtype: str | None = None,
    hours: int = 0,
    **fields: object,
) -> Event:
    return make_event(
        "statement",
        snippet=snippet,
        subtype=subtype,
        actors=who,
        published=_T0 + timedelta(hours=hours),
        text="The minister said the proposal was unacceptable.",
        **fields,
    )


def _story() -> list[Event]:
    moscow, kyiv = speaker("Russia", "RU"), speaker("Ukraine", "UA")
    events = [
        _said(f"r-{n}", (moscow,), "reject" if n % 2 else "pledge", hours=n) for n in range(12)
    ]
    events += [
        _said("u-1", (kyiv,), "praise", hours=3, quote=Quote(text="A step forward.")),
        _said("u-2", (kyiv, party("Russia", "RU")), "demand", hours=5),
        _said("both", (kyiv, moscow), "appeal", hours=30),
        _said("nobody", (party("Russia", "RU"),), "reject"),
        make_event("strike", snippet="x"),
    ]
    return events


def test_statements_are_kept_per_speaker_newest_first_and_capped() -> None:
    state = project("RU-UA", _story())
    assert sorted(state.by_actor) == ["Russia", "Ukraine"]
    russia = state.by_actor["Russia"]
    assert len(russia) == LIMIT
    newest = [f"r-{n}" for n in range(11, 11 - (LIMIT - 1), -1)]
    assert [s.snippet_id for s in russia] == ["both", *newest]
    ukraine = state.by_actor["Ukraine"]
    assert [(s.snippet_id, s.stance, s.quote) for s in ukraine] == [
        ("both", "positive", None),
        ("u-2", "negative", None),
        ("u-1", "positive", "A step forward."),
    ]
    assert ukraine[0].sentence.startswith("The minister said")


@pytest.mark.parametrize(
    ("subtype", "expected"),
    [
        ("reject", "negative"),
        ("disapprove", "negative"),
        ("threaten", "negative"),
        ("demand", "negative"),
        ("praise", "positive"),
        ("pledge", "positive"),
        ("appeal", "positive"),
        ("comment", "neutral"),
        (None, "neutral"),
    ],
)
def test_stance_follows_the_verbal_act(subtype: str | None, expected: str) -> None:
    assert stance(subtype) == expected


def test_ties_in_time_are_broken_by_event_id() -> None:
    who = (speaker("Russia", "RU"),)
    events = [_said(f"s-{n}", who) for n in range(3)]
    state = project("RU-UA", events)
    ids = [s.event_id for s in state.by_actor["Russia"]]
    assert ids == sorted(ids, reverse=True)


def test_project_all_splits_by_process() -> None:
    who = (speaker("Russia", "RU"),)
    states = project_all([_said("a", who), _said("b", who, process="AM-AZ")])
    assert sorted(states) == ["AM-AZ", "RU-UA"]


def test_an_event_of_another_process_is_refused() -> None:
    with pytest.raises(ValueError, match="belongs to"):
        evolve(initial("AM-AZ"), _said("a", (speaker("Russia", "RU"),)))


# The fold laws (replay, arrival order, duplicates) are checked in test_fold_laws.py.
