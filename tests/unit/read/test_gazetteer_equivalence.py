"""The word-indexed name lookup finds exactly what the former single-regex lookup found."""

import re
from pathlib import Path

import pytest

from streams.core.lexicon import alternation
from streams.core.read import gazetteer
from streams.core.read.gazetteer import ActorMention, PlaceMention, find_mentions
from streams.core.read.sentences import split_sentences
from tests.corpus import dev_texts

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


def _reference_names_regex(forms: list[str]) -> re.Pattern[str]:
    """The former lookup: one alternation over every name, behind a lookbehind."""
    return re.compile(r"(?<![\w.])" + alternation([re.escape(f) for f in forms]) + r"(?!\w)")


_REFERENCE_ACTOR_RE = _reference_names_regex(list(gazetteer._ACTOR_FORMS))
_REFERENCE_PLACE_RE = _reference_names_regex(list(gazetteer._PLACE_FORMS))


def _reference_find_mentions(text: str) -> tuple[list[ActorMention], list[PlaceMention]]:
    """`find_mentions` as it was before the word index (verbatim but for the two regexes)."""
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    for match in _REFERENCE_ACTOR_RE.finditer(text):
        entry, form_kind = gazetteer._ACTOR_FORMS[match.group(0)]
        capital = gazetteer.capital_by_role(text, match, entry, form_kind)
        if capital is not None:  # "the Emirati capital" is a place
            places.append(capital)
            taken.append((capital.start, capital.end))
            continue
        if form_kind == "demonyms" and gazetteer._PLACE_NOUN_AFTER.match(text, match.end()):
            continue  # "the Swiss city" is a place of the state
        if (
            form_kind == "demonyms"
            and gazetteer._SOME_PEOPLE_BEFORE.search(
                text[max(0, match.start() - 7) : match.start()]
            )
            and gazetteer._CIVILIAN_AFTER.match(text, match.end())
        ):
            continue  # "a Danish nurse": a hostage's nationality (branch state/keys11)
        before = text[max(0, match.start() - 20) : match.start()]
        place = gazetteer._PLACE_FORMS.get(match.group(0))
        # "the government in Santiago": the state seated there acts
        seated = gazetteer._SEATED_IN.search(text[max(0, match.start() - 30) : match.start()])
        if (
            form_kind == "metonyms"
            and not seated
            and not gazetteer._ACTING.match(text, match.end())
        ):
            continue
        sent = gazetteer._SENT_FROM.search(text[max(0, match.start() - 40) : match.start()])
        if (
            (form_kind == "metonyms" or (place and entry["kind"] == "state"))
            and gazetteer._LOCATIVE.search(before)
            and not sent
            and not seated
        ):
            continue
        actors.append(gazetteer._actor(match, entry))
        taken.append((match.start(), match.end()))
    for match in _REFERENCE_PLACE_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        entry = gazetteer._PLACE_FORMS[match.group(0)]
        places.append(
            PlaceMention(
                match.start(), match.end(), match.group(0), entry["name"], entry["country"]
            )
        )
    return actors, places


def _corpus_texts() -> list[str]:
    """Every dev text and the seed article, whole and split into sentences."""
    texts = dev_texts()
    return texts + [s.text for t in texts for s in split_sentences(t)]


EDGE_CASES = [
    "",
    "Russia",
    "U.S.",
    "U.S.-backed forces and the U.S.A. said",
    "x.Russia and .Ukraine and Russia.Ukraine",
    "Russians, Russia's, RussiaUkraine, Russia_1, Russia1, 1Russia",
    "US-Saudi talks in Jeddah; Rwanda-backed M23 near Goma.",
    "Kyiv said Moscow's position was fighting in Sudan and from Sudan.",
    "the Democratic Republic of the Congo and Republic of the Congo",
    "France 24 and Russia 1 reported from Qatar, hosted by Qatar.",
    "Élysée, al-Shabaab, al Shabaab, Al-Shabaab and Hamas-run Gaza",
]


def test_word_index_covers_every_name() -> None:
    for forms, index in (
        (gazetteer._ACTOR_FORMS, gazetteer._ACTOR_INDEX),
        (gazetteer._PLACE_FORMS, gazetteer._PLACE_INDEX),
    ):
        for form in forms:
            first = re.match(r"\w+", form)
            assert first is not None and first.group(0) in index, form
            assert index[first.group(0)].fullmatch(form), form


@pytest.mark.parametrize("text", EDGE_CASES)
def test_same_mentions_on_edge_cases(text: str) -> None:
    assert find_mentions(text) == _reference_find_mentions(text)


def test_same_mentions_on_every_corpus_sentence() -> None:
    texts = _corpus_texts()
    assert len(texts) > 1000
    for text in texts:
        assert find_mentions(text) == _reference_find_mentions(text), text
