"""Page furniture: headlines, photo captions and credit lines that real feeds keep in a snippet.

A headline restates the body, a caption describes a picture (and may be the only source of an
event), a credit line ("Photo: X / Telegram", "[AFP]") is no news at all. The extractor types
headlines and captions as usual but marks their events (`SentenceRef.kind`), so a fold can tell
a report from its restatement; credit lines give no events.
"""

import re
from typing import Literal

from streams.core.lexicon import alternation, load
from streams.core.read.gates import gated
from streams.core.read.sentences import Sentence

Kind = Literal["body", "headline", "caption", "credit"]

_LEX = load("furniture")
_CREDIT = re.compile(alternation(_LEX["credit"]), re.IGNORECASE)
_CREDIT_SHAPE = gated(
    r"(?:photo|picture|image|video|footage|credit|source|via|\[|\()", re.IGNORECASE
)
# Behind the sentence's keyword gate, over the lower-cased sentence (`GatedPattern.scan_search`).
_CAPTION = gated(r"(?<![\w-])" + alternation(_LEX["caption"]) + r"(?![\w-])", re.IGNORECASE)
_CLOSED = frozenset(".!?…:;\"'”’)]»")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_HEADLINE_WORDS = (3, 25)


def _whole_line(text: str, sentence: Sentence) -> bool:
    before = text.rfind("\n", 0, sentence.start) + 1
    after = text.find("\n", sentence.end)
    after = len(text) if after < 0 else after
    return not text[before : sentence.start].strip() and not text[sentence.end : after].strip()


def _same_line(text: str, first: Sentence, second: Sentence) -> bool:
    return "\n" not in text[first.end : second.start]


def _is_credit(sentence: Sentence) -> bool:
    # Cheap tests first: most sentences are long, and few name a photo or a source.
    return (
        len(sentence.text) <= 160
        and len(sentence.text.split()) <= 15
        and _CREDIT_SHAPE.scan_search(sentence.text) is not None
        and _CREDIT.fullmatch(sentence.text.strip()) is not None
    )


def _is_headline(text: str, sentence: Sentence) -> bool:
    if sentence.text[-1] in _CLOSED or not sentence.text[0].isupper():
        return False  # most sentences end with a full stop
    low, high = _HEADLINE_WORDS
    return (
        low <= len(_WORD.findall(sentence.text)) <= high
        and _whole_line(text, sentence)
        and bool(text[sentence.end :].strip())  # more text follows: not a cut-off last line
    )


def furniture(text: str, sentences: list[Sentence]) -> list[Kind]:
    """What each sentence of a snippet is: body text, a headline, a photo caption or a credit."""
    credits = [_is_credit(s) for s in sentences]
    kinds: list[Kind] = []
    for i, sentence in enumerate(sentences):
        if credits[i]:
            kinds.append("credit")
        elif (
            i + 1 < len(sentences)
            and credits[i + 1]
            and _same_line(text, sentence, sentences[i + 1])
        ):
            kinds.append("caption")  # "<caption>. Photo: <credit>": the credit closes its caption
        elif _is_headline(text, sentence):
            kinds.append("headline")
        elif (not kinds or kinds[-1] != "body") and _CAPTION.scan_search(sentence.text):
            kinds.append("caption")  # "A view shows ...", before the body or after furniture
        else:
            kinds.append("body")
    return kinds
