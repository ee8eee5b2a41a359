from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from schemas import export
from schemas.ids import event_id, snippet_id
from schemas.snippet import Snippet


def test_exported_json_schemas_match_the_models() -> None:
    # Run `parley schemas` after changing a model; this fails until the export is refreshed.
    assert export.stale() == []


def test_snippet_id_is_derived_from_content_and_ignores_whitespace_layout() -> None:
    a = Snippet(text="Talks  resumed\nin Doha.", source="Wire")
    b = Snippet(text="Talks resumed in Doha.", source="wire")
    c = Snippet(text="Talks resumed in Doha.", source="other")
    assert a.id == b.id == snippet_id("Talks resumed in Doha.", "wire")
    assert c.id != a.id


def test_producer_id_wins_over_derivation() -> None:
    assert Snippet(id="mine-1", text="x").id == "mine-1"


def test_published_at_accepts_bare_dates_and_assumes_utc() -> None:
    assert Snippet(text="x", published_at="2026-02-05").published_at == datetime(
        2026, 2, 5, tzinfo=UTC
    )
    naive = Snippet(text="x", published_at="2026-02-05T10:30:00")
    assert naive.published_at == datetime(2026, 2, 5, 10, 30, tzinfo=UTC)


def test_snippets_are_immutable() -> None:
    snippet = Snippet(text="x")
    with pytest.raises(ValidationError):
        snippet.text = "y"  # type: ignore[misc]


def test_event_ids_differ_by_type_offset_and_snippet() -> None:
    ids = {
        event_id("s", 0, "talks"),
        event_id("s", 1, "talks"),
        event_id("s", 0, "strike"),
        event_id("t", 0, "talks"),
    }
    assert len(ids) == 4
    assert event_id("s", 0, "talks") == event_id("s", 0, "talks")


def test_a_numeric_id_is_kept_as_its_decimal_text() -> None:
    assert Snippet.model_validate({"id": 1042, "text": "x"}).id == "1042"
