"""What a rejected message becomes on `parley.deadletter`: the bytes, untouched, and why."""

from pydantic import BaseModel, ConfigDict, Field


class DeadLetter(BaseModel):
    """Dead-letter record; the original bytes travel as the message value, this as headers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reason: str = Field(description="Human-readable cause, with the failing field path when known.")
    source_topic: str
    source_partition: int
    source_offset: int
