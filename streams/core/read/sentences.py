"""Rule-based sentence splitter that keeps exact character offsets into the snippet text."""

import re
from dataclasses import dataclass

from streams.core.lexicon import load


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its span: `snippet_text[start:end] == text`."""

    index: int
    start: int
    end: int
    text: str


_ABBREVIATIONS = frozenset(load("abbreviations")["abbreviations"])
_DL = load("abbreviations")["dateline"]
# A wire dateline ("CITY, Month DD. /AGENCY/. Text"): no boundary inside it, whatever its dots.
_DATELINE = re.compile(
    _DL["place"]
    + _DL["region"]
    + r",\s+(?:"
    + "|".join(sorted(_DL["months"], key=len, reverse=True))
    + r")\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\.?(?:\s*"
    + _DL["agency"]
    + r"\s*\.?)?"
)
# Every dateline holds its comma and month: a line without them need not be matched in full.
_DATELINE_MONTH = re.compile(
    r",\s+(?:" + "|".join(sorted(_DL["months"], key=len, reverse=True)) + r")"
)
_OPEN_QUOTES = "\"'“‘«(["
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
# (The first mark is written apart so that the engine skips to it: a pattern that opens with a
# repeat is tried at every position.)
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s)")
# Bullets are list furniture, not sentence content, so they stay outside the span.
_BULLET = re.compile(r"[ \t]*(?:[•·▪‣◦●*]|[-–—](?=\s))\s*")
_TOKEN_CHARS = frozenset(".'’-_")
# Dotted acronyms such as U.S, U.N, a.m, D.C (the final dot is the candidate boundary).
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LINE = re.compile(r"[^\n\r][^\n\r]*")  # as _BOUNDARY: "[^\n\r]+", skipping to its first character


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    begin = dot
    while begin > 0 and (line[begin - 1].isalnum() or line[begin - 1] in _TOKEN_CHARS):
        begin -= 1
    token = line[begin:dot].lstrip("'’-")
    if not token:
        return False
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "Bradley T. Smith"
    if _DOTTED.fullmatch(token):
        return True
    return token.lower() in _ABBREVIATIONS


def _initial_before_quote(text: str, dot: int, nxt: int) -> bool:
    """ "a post on X. “This ...": an initial stands before a name, never before a quotation."""
    if text[nxt] not in _OPEN_QUOTES or dot < 1 or not text[dot - 1].isalpha():
        return False
    return dot == 1 or not (text[dot - 2].isalnum() or text[dot - 2] in _TOKEN_CHARS)


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPEN_QUOTES


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences of one line of `text[start:end]`."""
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    spans: list[tuple[int, int]] = []
    cursor = start
    dateline = _DATELINE_MONTH.search(text, start, end) and _DATELINE.match(text, start, end)
    dateline_end = dateline.end() if dateline else start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.start() < dateline_end:
            continue  # "MOSCOW, March 24. /AGENCY/. Talks began": the dateline opens the sentence
        after = match.end()
        nxt = after
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end or not _starts_sentence(text[nxt]):
            continue
        stop = match.start()
        # Only a single dot can close an abbreviation; "..." ends a sentence like "…".
        single_dot = text[stop] == "." and text[stop + 1 : stop + 2] != "."
        if (
            single_dot
            and _is_abbreviation(text, stop)
            and not _initial_before_quote(text, stop, nxt)
        ):
            continue
        spans.append((cursor, after))
        cursor = nxt
    spans.append((cursor, end))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Split a snippet into sentences; lines are hard breaks, spans exclude outer whitespace."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        for start, end in _split_line(text, line.start(), line.end()):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences


_QUOTE_MARKS = re.compile(r"[“”\"]")


def _quote_marks(text: str) -> list[str]:
    """`_QUOTE_MARKS.findall(text)`; most sentences hold none, which `in` tells faster."""
    if '"' in text or "“" in text or "”" in text:
        return _QUOTE_MARKS.findall(text)
    return []


def quote_states(text: str, sentences: list[Sentence]) -> list[bool]:
    """For each sentence, whether it starts inside a quotation opened by an earlier sentence.

    Quotations may run over several sentences ("... he said. “We will ...”"); a paragraph break
    closes any quotation left open, because news style reopens it on the next paragraph.
    """
    states: list[bool] = []
    open_quote = False
    previous_end = 0
    for sentence in sentences:
        if "\n" in text[previous_end : sentence.start]:
            open_quote = False
        states.append(open_quote)
        for mark in _quote_marks(sentence.text):
            if mark == "“":
                open_quote = True
            elif mark == "”":
                open_quote = False
            else:
                open_quote = not open_quote
        previous_end = sentence.end
    return states
