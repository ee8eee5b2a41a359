"""Content-derived ids: the same content always gets the same id, so replays change nothing."""

import hashlib
import unicodedata


def _digest(*parts: str, length: int) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        # The separator cannot occur in NFC text we hash, so ("ab", "c") and ("a", "bc") differ.
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\x1f")
    return hasher.hexdigest()[:length]


def normalise_text(text: str) -> str:
    """Canonical form used for identity: NFC, whitespace runs collapsed, ends trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def snippet_id(text: str, source: str | None) -> str:
    """Id of a snippet: the same text from the same source is the same snippet."""
    return "s-" + _digest(normalise_text(text), (source or "").strip().lower(), length=20)


def event_id(snippet: str, sentence_start: int, event_type: str) -> str:
    """Id of an event: one event of a type per sentence of a snippet."""
    return "e-" + _digest(snippet, str(sentence_start), event_type, length=20)
