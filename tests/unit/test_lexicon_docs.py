"""Every lexicon file documents itself: `_doc` is sentences, never letters spread into a list."""

import json
from pathlib import Path

import pytest

LEXICON = Path(__file__).resolve().parents[2] / "streams" / "lexicon"
DOCUMENTED = sorted(p for p in LEXICON.glob("*.json") if p.name != "typer.json")


@pytest.mark.parametrize("path", DOCUMENTED, ids=lambda p: p.name)
def test_the_doc_of_a_lexicon_is_sentences(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8")).get("_doc")
    if isinstance(doc, str):
        doc = [doc]
    assert isinstance(doc, list) and doc, f"{path.name} has no _doc"
    # A string added to the list with += spreads into letters; every entry is a sentence.
    assert all(isinstance(line, str) and len(line.split()) >= 3 for line in doc), path.name
