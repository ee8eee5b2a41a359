"""The state bench (bench/state_quality.py) on the training tracks that carry gold state: the
development split it prints with `--split training`, and its default, joined view."""

from pathlib import Path

import pytest

from bench.state_quality import fold_story, score_story, training_tracks
from streams.core.fold.counterparts import sides, third_parties

TRAINING = Path(__file__).resolve().parents[2] / "training"


def test_the_training_split_is_every_training_track_with_a_gold_state() -> None:
    tracks = training_tracks()
    assert tracks == tuple(
        sorted(p.name.removesuffix(".gold.json") for p in TRAINING.glob("*.gold.json"))
    )
    assert tracks, "training/ should hold at least one track with gold state"
    for track in tracks:
        assert (TRAINING / f"{track}.jsonl").is_file(), f"{track} has gold but no built snippets"


@pytest.mark.parametrize("track", training_tracks())
def test_the_joined_view_folds_each_one_sided_or_mediated_process_into_another(track: str) -> None:
    stored, _ = fold_story(track, joined=False)
    joined, _ = fold_story(track)
    third = {code for state in stored.values() for code in third_parties(state)}
    # codes a snippet stated to name another code's party ("PRM=MRC": "known by its Spanish
    # initials MRC")
    aliased = {a.partition("=")[0] for state in stored.values() for a in state.aliases}
    assert set(joined) <= set(stored)
    for key in set(stored) - set(joined):
        own = sides(key)
        # only a key of one side, of a side and a third party, or of a name the aliases give
        # another code, is shown inside another
        assert (
            len(own) == 1
            or (len(own) == 2 and any(code in third for code in own))
            or any(code in aliased for code in own)
        ), key
    # nothing is lost or counted twice: every event of the tables is in one joined state
    assert sum(s.event_count for s in joined.values()) == sum(
        s.event_count for s in stored.values()
    )


@pytest.mark.parametrize("track", training_tracks())
def test_a_training_story_is_scored_against_its_own_gold(track: str) -> None:
    score = score_story(track, verbose=True)
    assert score.counts["stories"] == 1
    assert score.counts["rounds_required"] > 0, "each gold state track lists rounds held"
    # Rows counted are rows the fold made: right, duplicate and phantom never exceed them.
    rows = score.counts["rows"]
    assert score.counts["rows_duplicate"] + score.counts["rows_phantom"] <= rows


def test_a_status_the_gold_also_accepts_is_counted_apart_from_the_strict_one() -> None:
    from types import SimpleNamespace

    from bench.state_quality import Score, score_status

    state = SimpleNamespace(
        event_count=3,
        process="AA--BB",
        status=SimpleNamespace(status="agreement reached", rule="an accord was reached"),
    )
    gold = {"status": "active; talks continue", "status_accept": ["agreement reached"]}
    score = Score()
    score_status([state], gold, score, verbose=True)  # type: ignore[list-item]
    assert (score.counts["status_right"], score.counts["status_accepted"]) == (0, 1)
    assert score.notes[-1].endswith("(accepted)")
    score = Score()
    score_status([state], {"status": "stalled"}, score, verbose=False)  # type: ignore[list-item]
    assert (score.counts["status_right"], score.counts["status_accepted"]) == (0, 0)
