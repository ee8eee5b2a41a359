"""Export the models as JSON Schema files in schemas/json/, the contract for other languages."""

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from schemas.deadletter import DeadLetter
from schemas.events import event_adapter
from schemas.snippet import Snippet
from schemas.state import CasualtyClaims, NegotiationState, Statements, StrikeActivity

JSON_DIR = Path(__file__).parent / "json"


def documents() -> dict[str, TypeAdapter[Any]]:
    """File name -> the model it describes; events as the registry holds them now."""
    return {
        "snippet.json": TypeAdapter(Snippet),
        "event.json": event_adapter(),
        "negotiation_state.json": TypeAdapter(NegotiationState),
        "deadletter.json": TypeAdapter(DeadLetter),
        "casualty_claims.json": TypeAdapter(CasualtyClaims),
        "strike_activity.json": TypeAdapter(StrikeActivity),
        "statements.json": TypeAdapter(Statements),
    }


def render() -> dict[str, str]:
    """File name -> JSON Schema text, deterministic so that a diff means a model change."""
    rendered = {}
    for name, adapter in documents().items():
        schema = adapter.json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://parley.invalid/schemas/{name}"
        rendered[name] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return rendered


def stale(directory: Path = JSON_DIR) -> list[str]:
    """Names of exported files that are missing or differ from the models."""
    return [
        name
        for name, text in render().items()
        if not (directory / name).exists() or (directory / name).read_text("utf-8") != text
    ]


def write(directory: Path = JSON_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in render().items():
        path = directory / name
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        out_of_date = stale()
        print("\n".join(out_of_date) or "schemas up to date")
        sys.exit(1 if out_of_date else 0)
    for written in write():
        print(written)
