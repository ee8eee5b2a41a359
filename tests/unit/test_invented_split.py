"""The invented held-out split (bench/invented/) is well formed: the built files match their
hand-written sources, every sentence sits at its offsets, labels are known types, and every
gold fact cites snippets of its own track."""

import json
from pathlib import Path

import pytest

from bench.invented import build
from schemas.events import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
INVENTED = ROOT / "bench" / "invented"
TRACKS = json.loads((ROOT / "bench" / "split.json").read_text("utf-8"))["invented"]
LABELS = {*EVENT_TYPES, "other"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _cited(value: object) -> set[str]:
    if isinstance(value, dict):
        found = set(value.get("evidence", ())) if isinstance(value.get("evidence"), list) else set()
        for v in value.values():
            found |= _cited(v)
        return found
    if isinstance(value, list):
        return set().union(*(_cited(v) for v in value)) if value else set()
    return set()


@pytest.mark.parametrize("track", TRACKS)
def test_built_files_match_their_source(track: str) -> None:
    records, rows = build.build(INVENTED / "src" / f"{track}.txt")
    assert _lines(INVENTED / f"{track}.jsonl") == records
    assert _lines(INVENTED / f"{track}.sentences.jsonl") == rows


@pytest.mark.parametrize("track", TRACKS)
def test_sentences_sit_at_their_offsets_with_known_labels(track: str) -> None:
    texts = {r["id"]: r["text"] for r in _lines(INVENTED / f"{track}.jsonl")}
    rows = _lines(INVENTED / f"{track}.sentences.jsonl")
    assert len(texts) >= 10 and len(rows) >= 90
    for row in rows:
        assert texts[row["snippet_id"]][row["start"] : row["end"]] == row["text"]
        assert row["labels"] and set(row["labels"]) <= LABELS
        assert "other" not in row["labels"] or row["labels"] == ["other"]


@pytest.mark.parametrize("track", TRACKS)
def test_gold_cites_only_its_own_snippets(track: str) -> None:
    ids = {r["id"] for r in _lines(INVENTED / f"{track}.jsonl")}
    gold = json.loads((INVENTED / f"{track}.gold.json").read_text("utf-8"))
    cited = _cited(gold)
    assert gold["story"] == track
    assert cited and cited <= ids
    assert gold["rounds"] and gold["process"]["parties"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two.", ["One.", "Two."]),
        ('He said. "Yes," she said.', ["He said.", '"Yes," she said.']),
        ("At 6 a.m. on Sunday. Then 40 left.", ["At 6 a.m. on Sunday.", "Then 40 left."]),
        ("Talks in the U.S. Capitol went on.", ["Talks in the U.S. Capitol went on."]),
        ("A headline\n\nBody one. 3 more.", ["A headline", "Body one.", "3 more."]),
        ("It ended. then more", ["It ended. then more"]),
    ],
)
def test_splitter_follows_the_dev_readme(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in build.split_sentences(text)] == sentences
