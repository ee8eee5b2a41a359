"""Parsing and validating HTTP ingest bodies, without a server."""

import pytest

from streams.web.ingest import BadBody, RecentIds, parse_body, validate


def test_a_body_may_be_one_object_an_array_or_json_lines() -> None:
    assert parse_body(b'{"text": "a"}') == [{"text": "a"}]
    assert parse_body(b'[{"text": "a"}, {"text": "b"}]') == [{"text": "a"}, {"text": "b"}]
    assert parse_body(b'{"text": "a"}\n\n{"text": "b"}\n') == [{"text": "a"}, {"text": "b"}]


@pytest.mark.parametrize(("body", "reason"), [(b"", "empty"), (b'{"text": "a"}\n{oops', "line 2")])
def test_unparseable_bodies_say_where(body: bytes, reason: str) -> None:
    with pytest.raises(BadBody, match=reason):
        parse_body(body)


def test_each_invalid_item_reports_its_index_and_field_path() -> None:
    snippets, errors = validate([{"text": "ok"}, {"text": 3}, "nope", {"text": "x", "url": 7}])
    assert [s.text for s in snippets] == ["ok"]
    assert [(e.index, e.path) for e in errors] == [(1, "text"), (2, "(root)"), (3, "url")]
    # Fields a snippet does not define are the producer's own metadata, not errors.
    assert validate([{"text": "ok", "labels": ["talks"]}])[1] == []


def test_recent_ids_forget_the_oldest_beyond_capacity() -> None:
    recent = RecentIds(capacity=2)
    for name in ("a", "b", "c"):
        recent.add(name, {"offset": name})
    assert recent.get("a") is None and recent.get("c") == {"offset": "c"}


def test_an_id_that_comes_back_with_another_text_is_a_conflict() -> None:
    """Issue 16, D4: never `duplicate: true` and dropped."""
    from schemas.snippet import Snippet
    from streams.codec import text_digest
    from streams.web.ingest import id_conflicts

    recent = RecentIds()
    recent.add("x", {"offset": 1}, text_digest("first text"))
    stored = {"y": text_digest("stored text")}
    batch = [
        Snippet(id="x", text="first text"),  # the same text again: a duplicate, fine
        Snippet(id="x", text="first text"),
        Snippet(id="y", text="other text"),  # read before by the worker with another text
        Snippet(id="z", text="one"),
        Snippet(id="z", text="two"),  # the same id twice in one batch
        Snippet(id="w", text="new"),
    ]
    found = id_conflicts(batch, recent, stored.get)
    assert [(e.index, e.path) for e in found] == [(2, "id"), (4, "id")]
    assert "accepted before" in found[0].reason and "item 3" in found[1].reason
    assert id_conflicts([Snippet(id="x", text="changed")], recent, stored.get)[0].index == 0
    # Derived ids are content-based: two texts never share one.
    assert id_conflicts([Snippet(text="a"), Snippet(text="b")], RecentIds(), {}.get) == []


def test_a_text_over_the_size_setting_is_refused_with_its_length() -> None:
    snippets, errors = validate([{"text": "short"}, {"text": "x" * 101}], max_chars=100)
    assert [s.text for s in snippets] == ["short"]
    assert [(e.index, e.path) for e in errors] == [(1, "text")]
    assert "101 characters exceeds 100" in errors[0].reason
