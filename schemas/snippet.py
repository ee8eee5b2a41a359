"""The input record: one news snippet (a paragraph or an article) with its source and time."""

import re
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schemas.ids import snippet_id

MAX_TEXT_CHARS = 200_000
_BARE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _id_is_optional_for_producers(schema: dict[str, Any]) -> None:
    # The model always holds an id, but producers may omit it: it is then derived from content.
    schema["required"] = [name for name in schema.get("required", []) if name != "id"]


class Snippet(BaseModel):
    """A news snippet as producers send it to `parley.snippets`."""

    # Producers attach their own metadata (labels, feed fields); it is ignored, not refused,
    # so that a record from any pipeline can be classified as it is.
    model_config = ConfigDict(
        frozen=True, extra="ignore", json_schema_extra=_id_is_optional_for_producers
    )

    id: Annotated[
        str,
        Field(
            min_length=1,
            max_length=200,
            description="Stable id; derived from text and source when the producer sends none.",
        ),
    ]
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS)]
    source: Annotated[str | None, Field(max_length=500, description="Outlet or feed name.")] = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    published_at: Annotated[
        datetime | None,
        Field(description="Publication time; a bare date means midnight UTC; naive means UTC."),
    ] = None
    language: Annotated[str, Field(min_length=2, max_length=16)] = "en"

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and type(data.get("id")) is int:
            data = {**data, "id": str(data["id"])}  # numeric ids from feeds and spreadsheets
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("text"), str):
            source = data.get("source")
            data = {
                **data,
                "id": snippet_id(data["text"], source if isinstance(source, str) else None),
            }
        return data

    @field_validator("published_at", mode="before")
    @classmethod
    def _accept_bare_dates(cls, value: Any) -> Any:
        if isinstance(value, str) and _BARE_DATE.fullmatch(value):
            return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
        return value

    @field_validator("published_at")
    @classmethod
    def _assume_utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @field_validator("text")
    @classmethod
    def _reject_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value
