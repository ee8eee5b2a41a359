"""Loads the JSON lexicons shipped in `streams.lexicon`; read once, shared by every rule module."""

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from streams.core.read.dispatch import dispatched


@cache
def load(name: str) -> Any:
    """Parsed content of `streams/lexicon/<name>.json` (cached: lexicons are immutable data)."""
    text = (resources.files("streams.lexicon") / f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def place_kinds() -> dict[str, tuple[str, str]]:
    """Place name (case-folded) -> (country code, kind), from the places lexicon: read by the
    venue reading and by the rounds fold alike."""
    out: dict[str, tuple[str, str]] = {}
    for p in load("places")["places"]:
        if p.get("country"):
            out.setdefault(p["name"].casefold(), (p["country"], p.get("kind") or ""))
    return out


@cache
def state_names_by_code() -> dict[str, str]:
    """Country code -> the state's canonical name, from the actors lexicon: how the fold names
    the side of a process key ("CL--PE") in measures, claims and participants alike."""
    actors: list[dict[str, str]] = load("actors")["actors"]
    return {
        a["country"]: a["name"] for a in actors if a.get("kind") == "state" and a.get("country")
    }


def alternation(patterns: list[str]) -> str:
    """One non-capturing alternation, longest first so that "air strike" beats "air"."""
    return "(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")"


def compile_words(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Regex matching any of the lexicon patterns as whole words (its alternatives grouped by
    first character: the same matches, `read/dispatch.py`)."""
    return dispatched(re.compile(word_pattern(patterns), flags))


def word_pattern(patterns: list[str]) -> str:
    """Pattern source matching any of the lexicon patterns as a whole word."""
    return r"(?<![\w-])" + alternation(patterns) + r"(?![\w-])"
