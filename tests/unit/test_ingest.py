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
