"""The state bench (bench/state_quality.py) on the training tracks that carry gold state: the
development split it prints with `--split training`, and its `--joined` view."""

from pathlib import Path

import pytest

from bench.state_quality import fold_story, score_story, training_tracks
from streams.core.fold.counterparts import counterpart

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
def test_the_joined_view_folds_each_one_sided_process_into_its_counterpart(track: str) -> None:
    stored, _ = fold_story(track)
    joined, _ = fold_story(track, joined=True)
    keys = sorted(stored)
    absorbed = {k for k in keys if counterpart(k, keys) is not None}
    assert set(joined) == set(stored) - absorbed
    for key in absorbed:
        other = counterpart(key, keys)
        assert other is not None
        assert joined[other].event_count >= stored[key].event_count + stored[other].event_count


@pytest.mark.parametrize("track", training_tracks())
def test_a_training_story_is_scored_against_its_own_gold(track: str) -> None:
    score = score_story(track, verbose=True)
    assert score.counts["stories"] == 1
    assert score.counts["rounds_required"] > 0, "each gold state track lists rounds held"
    # Rows counted are rows the fold made: right, duplicate and phantom never exceed them.
    rows = score.counts["rows"]
    assert score.counts["rows_duplicate"] + score.counts["rows_phantom"] <= rows
