"""Reading a moment from text, one way for every interface (CLI, JSON views, web pages)."""

from datetime import UTC, datetime


def parse_moment(raw: str) -> datetime:
    """ISO-8601 text as an aware datetime; a bare date or a time without zone is UTC.

    Raises ValueError for text that is not ISO-8601.
    """
    moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def moment_or_none(value: object) -> datetime | None:
    """Like parse_moment, for data that may hold anything: None unless a valid moment."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_moment(value)
    except ValueError:
        return None
