"""Reading snippets from files, directories and stdin for the CLI; yields records or rejects."""

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from schemas.snippet import Snippet

JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass(frozen=True)
class Rejected:
    where: str
    reason: str


@dataclass(frozen=True)
class Defaults:
    """Fields applied to snippets that do not carry their own (from CLI flags)."""

    source: str | None = None
    url: str | None = None
    published_at: str | None = None

    def apply(self, payload: dict[str, Any]) -> dict[str, Any]:
        for field in ("source", "url", "published_at"):
            value = getattr(self, field)
            if value is not None and not payload.get(field):
                payload[field] = value
        return payload


def _validate(payload: Any, where: str, defaults: Defaults) -> Snippet | Rejected:
    if not isinstance(payload, dict):
        return Rejected(where, f"expected a JSON object, got {type(payload).__name__}")
    try:
        return Snippet.model_validate(defaults.apply(dict(payload)))
    except ValidationError as error:
        first = error.errors()[0]
        path = ".".join(str(p) for p in first["loc"]) or "(root)"
        return Rejected(where, f"{path}: {first['msg']}")


def _json_lines(
    lines: Iterator[bytes], name: str, defaults: Defaults
) -> Iterator[Snippet | Rejected]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            payload = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield Rejected(where, f"not valid JSON: {error}")
            continue
        yield _validate(payload, where, defaults)


def _text_file(path: Path, defaults: Defaults) -> Snippet | Rejected:
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as error:
        return Rejected(str(path), f"not UTF-8 text: {error}")
    return _validate({"text": text}, str(path), defaults)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    else:
        yield path


def read_snippets(paths: list[str], defaults: Defaults) -> Iterator[Snippet | Rejected]:
    """Snippets from each path in order: JSON Lines files, text files, directories, or '-'."""
    for name in paths or ["-"]:
        if name == "-":
            yield from _json_lines(iter(sys.stdin.buffer), "<stdin>", defaults)
            continue
        for path in _files(Path(name)):
            if not path.exists():
                yield Rejected(str(path), "no such file")
            elif path.suffix in JSON_LINES_SUFFIXES:
                with path.open("rb") as handle:
                    yield from _json_lines(iter(handle), str(path), defaults)
            elif path.suffix in TEXT_SUFFIXES or not path.suffix:
                yield _text_file(path, defaults)
            else:
                yield Rejected(str(path), f"unsupported file type {path.suffix!r}")
