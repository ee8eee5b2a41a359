"""Casualty figures ("at least 12 civilians were killed") with value, qualifier and unit."""

import calendar
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from streams.core.lexicon import alternation, load
from streams.core.read.dates import MONTH_NAMES
from streams.core.read.gates import gated

_LEX = load("casualties")
_WORDS: dict[str, int] = _LEX["number_words"]
_MULTIPLIERS: dict[str, int] = _LEX["multipliers"]
_QUALIFIER_OF: dict[str, str] = {
    phrase: name for name, phrases in _LEX["qualifiers"].items() for phrase in phrases
}
_UNIT_OF: list[tuple[re.Pattern[str], str]] = [
    (re.compile(alternation(words) + "$", re.IGNORECASE), unit)
    for unit, words in _LEX["units"].items()
]

# Thousands grouped by commas ("1,450"), and, as many outlets write them, by dots or spaces
# ("1.450", "3 400"): a dot before three digits and no multiplier ("2.345 million" is a
# decimal) groups thousands, as a count of people has no fraction.
_GROUPED = (
    r"\d{1,3}(?:\.\d{3})+(?![\d.,]|\s*(?:million|billion|thousand|m|bn)\b)"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])"
)
_DIGITS = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{_GROUPED}|\d+(?:\.\d+)?"
_GROUPED_NUMBER = re.compile(_GROUPED)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_NUMBER = (
    rf"half\s+an?|(?:{_TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)"
    rf"|{alternation(list(_WORDS))}"
)
_MULT = alternation(list(_MULTIPLIERS))
_QUAL = alternation(list(_QUALIFIER_OF))
_MAGNITUDE = alternation(_LEX["magnitudes"])
_UNDER_HUNDRED = (
    rf"(?:{_TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)|{_TENS}"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen"
)
# "one hundred and twenty", "two thousand fifty": the words after a multiplier add to it.
_WORD_TAIL = rf"(?:\s+(?:and\s+)?(?:{_UNDER_HUNDRED})\b(?![- ](?:{_MULT})\b))?"
_A_MULTIPLE = re.compile(r"an?\s", re.IGNORECASE)  # "a hundred", "a thousand"
_TAIL_AFTER_A = re.compile(
    rf"\s+(?:and\s+)?(?P<tail>{_UNDER_HUNDRED})\b(?![- ](?:{_MULT})\b)", re.IGNORECASE
)
# A figure: optional qualifier, then digits or number words (with a multiplier), or a magnitude.
FIGURE = (
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<num>(?:{_DIGITS})(?:[\s-]?(?P<mult>{_MULT})\b)?"
    rf"|(?:{_WORD_NUMBER})(?:[\s-](?P<wmult>{_MULT})\b{_WORD_TAIL})?)"
    rf"|(?P<mag>{_MAGNITUDE})(?:\s+of)?)"
)
# A range ("between 10 and 20", "30 to 40", "5-7") is read after a figure matched, from the
# words around its number: inside the figure pattern it slowed every sentence down.
_RANGE_END = re.compile(
    rf"(?P<joint>\s*[-–]\s*|\s+to\s+|\s+and\s+)(?P<high>{_DIGITS}|{_WORD_NUMBER})(?![\w,])",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"(?<![\w-])between\s+$", re.IGNORECASE)
# The figure matched may be the range's upper bound, nearest its unit: "between 5,000 and
# 7,000 civilians were killed", "from 20 to 30 people".
_RANGE_START = re.compile(
    rf"(?:(?<![\w-])(?:between|from)\s+(?P<low>{_DIGITS}|{_WORD_NUMBER})\s+(?:and|to)"
    # "30 to 40 fighters died": the gap to a unit crosses no figure, so the upper bound is read.
    rf"|(?<![\w,.-])(?P<low2>{_DIGITS}|{_WORD_NUMBER})\s+to)\s+$",
    re.IGNORECASE,
)
_UNIT = alternation([w for words in _LEX["units"].values() for w in words])
_AUX = alternation(_LEX["auxiliaries"])
_FORBIDDEN = alternation(_LEX["gap_words_forbidden"])
# No other figure stands in the gap: "the bodies of 21 people and treated 60 injured" is no 21
# injured (the figure nearest its unit is the one it counts).
# '"at least 30 assailants" died': a quotation the figure opened may close after its noun.
_GAP = rf"(?:(?!{_FORBIDDEN}\b|{_UNIT}\b|\d)[\w’'-]+[\"\u201d]?\s+){{0,5}}?"
# People named at length before their fate ("684 soldiers and civilians on the government side
# have been killed"): six to ten words, none a finite verb, an auxiliary, a word in -ed, a word
# that opens a clause or an infinitive (`long_gap_stops`: "Two people said the attack on the
# market killed nine" is no two killed), nor a number word (the fate is the nearer figure's: "three
# deckhands and two surveyors abducted"); and the fate is no verb joined by "and" ("set fire to
# two trucks near the pass and wounded a driver").
_LONG_GAP_STOP = (
    rf"(?!(?:{alternation(_LEX['long_gap_stops'])}|{_FORBIDDEN}|{_UNIT}|{_AUX}|{_WORD_NUMBER})\b"
    r"|(?!armed\b)[\w’'-]*ed\b|\d)"
)
_LONG_GAP = rf"(?:{_LONG_GAP_STOP}\w[\w’'-]*\s+){{6,10}}?(?<!\band\s)(?<!\bor\s)"
_AGENT = alternation(_LEX["agent_verbs"])
# A verb whose particle "over" stands before its object's figure ("handed over 16 prisoners").
_PARTICLE_VERB = re.compile(r"\b(?:" + "|".join(_LEX["particle_verbs"]) + r")\s+$", re.IGNORECASE)
# A toll is often qualified at length before its verb: "the death toll from the air raids on
# the southern provinces over the last nine days has risen to 412".
# Measures and times may stand in it ("over the past 12 days"), only casualty words may not.
_TOLL_GAP = rf"(?:(?!{_UNIT}\b)[\w’'-]+\s+){{0,12}}?"

_TOLL_VERBS = alternation(_LEX["toll_predicates"])
# A figure quoted as its claimant put it: "put the toll at \u201cmore than twenty\u201d soldiers",
# "had lost \u201cnearly two hundred men\u201d".
_OPEN = "[\"\u201c\u2018']?"
_CLOSE = "[\"\u201d\u2019']?"
_SINGLE_UNIT = "killed|dead|wounded|injured|hurt|missing"
# Five linguistic shapes of a casualty report, tried in one pass: "<figure> ... were killed",
# "killing <figure>", "death toll rose to <figure>", "put the (total) number of X killed (on
# both sides) at <figure>",
# "a man was killed".
_REPORT = gated(
    rf"(?<![\w,.])(?:{FIGURE}){_CLOSE}\s+(?:{_GAP}|{_LONG_GAP})(?:{_AUX}\s+){{0,3}}"
    rf"(?P<unit>{_UNIT})(?![\w])"
    rf"|(?<![\w-])(?P<agent>{_AGENT})\s+{_OPEN}(?:(?:an estimated|a further|another|between)\s+)?"
    rf"(?P<fig2>{FIGURE.replace('?P<', '?P<b_')}){_CLOSE}"
    rf"(?=[\s,.;]|$)(?=(?P<rest>(?:\s+[\w’'-]+){{0,4}}))"
    rf"|(?P<toll>{alternation(_LEX['toll_nouns'])})\s+{_TOLL_GAP}"
    rf"(?:(?:{_TOLL_VERBS})\s+){{1,3}}{_OPEN}(?:between\s+)?"
    rf"(?P<fig3>{FIGURE.replace('?P<', '?P<c_')})"
    rf"|(?<![\w-])(?P<put>put|puts|putting|estimated|estimates|estimating|placed|places)\s+"
    rf"(?:the\s+(?:(?:total|overall|official|final)\s+)?(?:number|toll|figure|tally|count)\s+of\s+"
    rf"(?:[\w’'-]+\s+){{0,4}}?(?P<unit5>{_UNIT})"
    # "put Peruvian losses at 18,000", "put civilian deaths on the Chilean side at 22"
    # "put its fighters killed since 2024 at 608": the people, then their fate
    rf"|(?:[\w’'-]+\s+){{0,3}}?(?P<obj5>losses|deaths|dead|fatalities|casualties|killed|wounded"
    rf"|injured|missing))"
    rf"(?:\s+[\w’'-]+){{0,5}}?"
    rf"\s+at\s+{_OPEN}(?:between\s+)?(?P<fig5>{FIGURE.replace('?P<', '?P<e_')})"
    rf"|(?<![\w])(?P<single>[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?:was|is|got|has been|had been)\s+(?:(?:shot|reportedly|also)\s+)?"
    rf"(?P<unit4>{_SINGLE_UNIT})\b",
    re.IGNORECASE,
)
_ZERO = gated(r"\b" + alternation(_LEX["zero"]) + r"\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure: value (None for magnitudes such as "hundreds"), bounds and unit."""

    start: int
    end: int
    value: int | None
    qualifier: str
    unit: str
    text: str
    low: int | None = None
    high: int | None = None


def _unit(words: str) -> str:
    for pattern, unit in _UNIT_OF:
        if pattern.search(words):
            return unit
    return "casualties"


def _value(number: str, multiplier: str | None) -> int | None:
    if not multiplier and _GROUPED_NUMBER.fullmatch(number):
        return int(re.sub(r"\D", "", number))  # "1.450", "3 400"
    number = number.lower().replace(",", "")
    if re.fullmatch(r"half\s+an?", number):
        # "half a million": a half of the multiplier
        return int(_MULTIPLIERS.get((multiplier or "").lower(), 2) / 2) if multiplier else None
    try:
        value = float(number)
    except ValueError:
        head = re.split(r"[\s-]", number)
        if len(head) == 2 and head[0] in _WORDS and head[1] in _WORDS:
            value = float(_WORDS[head[0]] + _WORDS[head[1]])
        else:
            value = float(_WORDS.get(number, 0)) or None  # type: ignore[assignment]
    if value is None:
        return None
    return int(value * _MULTIPLIERS.get((multiplier or "").lower(), 1))


_LOST_PEOPLE = re.compile(
    # "lost 6 men", "captured 42 Sierra Leonean soldiers": up to two words before the people
    r"\s+(?:[\w’'-]+\s+){0,2}(?:" + alternation(_LEX["lost_people"]) + r")\b",
    re.IGNORECASE,
)
# "neutralised 31 terrorists": the enemy's people, as a side's communiqué calls them.
_HOSTILE_PEOPLE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,2}(?:"
    + alternation(
        [*_LEX["kind_nouns"]["armed_group"], *_LEX["attacker_nouns"], *_LEX["hostile_nouns"]]
    )
    + r")\b",
    re.IGNORECASE,
)
# "had taken 42 soldiers prisoner": the people taken are held, as "captured" says.
# "abducted 14 foreign engineers", "detained their 41 crew members": people a capture counts (P3).
_CAPTIVE_PEOPLE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,2}(?:" + alternation(_LEX["captive_people"]) + r")\b",
    re.IGNORECASE,
)
_HELD_AFTER = re.compile(r"\s+(?:prisoners?|captives?|hostages?)\b", re.IGNORECASE)


# A figure after "lost" that ends its clause: no people of its own ("had lost 210.").
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)]|$|\s+(?:and|but|while|whereas|according)\b)")


def _lost_again(agent: str, rest: str, found: list[Figure]) -> bool:
    """Whether "lost N" repeats the verb of lives lost told before it in the sentence, with the
    people elided ("... lost 80 soldiers, while Bolivia had lost 210")."""
    return (
        agent.lower() in ("lost", "losing")
        and _CLAUSE_END.match(rest) is not None
        and any(f.unit == "killed" and f.text.lower().startswith(("lost", "losing")) for f in found)
    )


_UNIT_WORD = re.compile(rf"(?<![\w-])(?:{_UNIT})(?![\w-])", re.IGNORECASE)


def _agent_unit(agent: str, rest: str) -> str | None:
    """Unit of "killing 2 civilians"; "left 3 people dead" needs the unit after the figure."""
    agent = agent.lower()
    if agent.startswith("deaths"):
        return "killed"  # "the deaths of 6 soldiers"
    if agent in ("lost", "losing"):
        # "Peru had lost 6 men": lives lost, not "lost 20 villages" or "lost 3 tanks".
        return "killed" if _LOST_PEOPLE.match(rest) else None
    if agent.startswith("neutrali"):
        # "neutralised 31 terrorists" (a communiqué's word for killed), not "neutralised 3
        # drones"
        return "killed" if _LOST_PEOPLE.match(rest) or _HOSTILE_PEOPLE.match(rest) else None
    if agent in ("captured", "capturing", "seized", "seizing", "abducted", "abducting"):
        # "captured 23 fighters", "abducted 14 foreign engineers", not "captured 3 villages"
        # or "captured 12 tanks".
        people = _LOST_PEOPLE.match(rest) or _CAPTIVE_PEOPLE.match(rest)
        return "captured" if people else None
    if agent in ("kidnapped", "kidnapping", "detained", "detaining"):
        # "detained nine gendarmes", not the "two men" or "23 people" police detain.
        return "captured" if _CAPTIVE_PEOPLE.match(rest) else None
    if agent in ("taken", "took", "taking"):
        # "had taken 42 soldiers prisoner", "took six engineers hostage", not "took 3
        # villages" or "taken 40 minutes".
        people = _LOST_PEOPLE.match(rest) or _CAPTIVE_PEOPLE.match(rest)
        return "captured" if people and _HELD_AFTER.match(rest, people.end()) else None
    if agent in ("left", "leaving", "claimed", "forced", "forcing"):
        tail = rest.lower()
        if agent.startswith("forc"):
            return (
                "displaced"
                if re.search(r"\b(?:flee|from their homes|homes|leave)\b", tail)
                else None
            )
        if agent == "claimed":
            return "killed" if re.search(r"\blives\b", tail) else None
        # A whole word: "left 40 soldiers injured" is no "die" in "soldiers".
        found = _UNIT_WORD.search(tail)
        if found is None:
            return None
        other = _EITHER.match(tail, found.end())
        # "left 500,000 dead or wounded": both, casualties
        if other and _unit(other.group("unit")) != _unit(found.group(0)):
            return "casualties"
        return _unit(found.group(0))
    return _unit(agent)


_MONTHS = alternation(list(MONTH_NAMES))  # capitalised: "may" is a verb
_MONTH_BEFORE = re.compile(rf"(?<![\w-])(?:{_MONTHS})\.?\s+$")
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?(?:{_MONTHS})\b")


def _day_of_month(text: str, match: re.Match[str], prefix: str, number: str) -> bool:
    """Whether the figure's number is the day of a date beside it ("22 March", "March 22")."""
    group = prefix + "num"
    if group not in match.re.groupindex or not number.isdigit() or not 1 <= int(number) <= 31:
        return False  # "a man was killed" implies its one: no number stands in the text
    if match.start(group) < 0:
        return False
    start, end = match.span(group)
    return bool(
        _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)
    )


def _figure(
    text: str, match: re.Match[str], prefix: str, unit: str, number: str | None = None
) -> Figure | None:
    """The figure a match reports: its value or range, qualifier and unit; None for a non-figure.

    `prefix` names the match's figure groups ("", "b_", "c_", "p_": one per pattern shape);
    `number` stands in for a figure the words only imply ("a man was killed": 1).
    """
    groups = match.groupdict()
    mult = groups.get(prefix + "mult") or groups.get(prefix + "wmult")
    mag = groups.get(prefix + "mag")
    qual = groups.get(prefix + "qual")
    number = number or groups.get(prefix + "num")
    if number and not mult and _YEAR.fullmatch(number):
        return None  # "in 2023 ... killed": a year, not a figure
    if number and not mult and _day_of_month(text, match, prefix, number):
        return None  # "on 22 March a herdsman was killed": a date, not a figure
    tail = None
    if number and mult:
        # "one hundred and twenty": the words after the multiplier add to its product.
        at = number.lower().rfind(mult.lower())
        number, tail = number[:at].rstrip(" -"), number[at + len(mult) :].strip()
    value = _value(number, mult) if number else None
    if value is not None and tail:
        value += _value(re.sub(r"^and\s+", "", tail, flags=re.IGNORECASE), None) or 0
    elif value in (100, 1000) and groups.get(prefix + "num") and _A_MULTIPLE.match(number or ""):
        # "a hundred and twenty people": "a hundred" is a number word of its own, and the
        # words after it add to it as they do after "one hundred".
        more = _TAIL_AFTER_A.match(text, match.end(prefix + "num"))
        value += (_value(more.group("tail"), None) or 0) if more else 0
    if number and value is None and not mag:
        return None
    start, end = match.span()
    if qual and qual.lower() == "over" and _PARTICLE_VERB.search(text, 0, start):
        # "handed over 16 prisoners": the verb's particle, not a bound; the figure starts after.
        qual, start = None, match.start(prefix + "num") if groups.get(prefix + "num") else start
    qualifier = _QUALIFIER_OF.get((qual or "").lower(), "exact") if not mag else "about"
    low, high = _range(text, match, prefix, value) if prefix + "num" in groups else (None, None)
    return Figure(
        start,
        end,
        None if high else value,
        qualifier,
        unit,
        text[start:end],
        low if high else None,
        high,
    )


# "put casualties at 300 wounded", "at 212 soldiers killed": the unit the figure names after it.
_UNIT_AFTER = re.compile(rf"\s+(?:[\w’'-]+\s+)?({_UNIT})\b", re.IGNORECASE)


# The classifier and the extractor both read the figures of each sentence: compute them once.
@lru_cache(maxsize=256)
def find_figures(text: str) -> tuple[Figure, ...]:
    """Casualty figures in a sentence; empty when it states there were no casualties."""
    # Matches may be over the lower-cased sentence (GatedPattern.scan): every group read below is
    # lower-cased before use, and the figure's words are read from text.
    if _ZERO.scan_search(text):
        return ()
    figures: list[Figure] = []
    for match in _REPORT.scan(text):
        groups = match.groupdict()
        if groups["unit"]:
            figure = _figure(text, match, "", _unit(groups["unit"]))
            if figure is None and groups["num"] and _day_of_month(text, match, "", groups["num"]):
                # "On 22 March a herdsman was killed": the report after the date, if any
                after = _REPORT.search(text, match.end("num"), match.end())
                if after is not None and after.group("single"):
                    figure = _figure(text, after, "d_", _unit(after.group("unit4")), number="1")
            if figure is not None and _VICTIMS.fullmatch(groups["unit"]):
                figure = _what_befell(text, figure)
            if figure is not None and figure.unit in ("killed", "wounded"):
                figure = _either(text, figure)
        elif groups["agent"]:
            rest = groups["rest"] or ""
            upper = _RANGE_END.match(text, match.end("b_num")) if match.group("b_num") else None
            if upper is not None:
                # "lost between 700 and a thousand men": the people follow the upper bound
                rest = text[upper.end() : upper.end() + 40].lstrip('"\u201d')
            unit = _agent_unit(groups["agent"], rest)
            if unit is None and _lost_again(groups["agent"], groups["rest"] or "", figures):
                # "Paraguay lost 80 soldiers, while Bolivia had lost 210": the people elided
                unit = "killed"
            figure = _figure(text, match, "b_", unit) if unit else None
        elif groups["toll"]:
            # "the estimate of the displaced rose to 75,000": a toll of what its noun names;
            # a death toll or casualty figures are of the killed.
            unit = _unit(groups["toll"])
            figure = _figure(text, match, "c_", "killed" if unit == "casualties" else unit)
        elif groups["put"]:
            # "put the number of soldiers killed at 325,000"; "put its losses at 200": the dead
            named = _UNIT_AFTER.match(text, match.end())
            obj = (groups["obj5"] or "").lower()
            if named is None and obj in ("losses", "casualties"):
                # "estimated Chilean losses at 150": losses may be the wounded and the taken
                # too; only a unit after the figure tells ("put its losses at four dead")
                figure = None
            else:
                unit = _unit(named.group(1) if named else groups["unit5"] or obj)
                figure = _figure(text, match, "e_", "killed" if unit == "casualties" else unit)
        else:
            figure = _figure(text, match, "d_", _unit(groups["unit4"]), number="1")
        if figure is not None:
            figures.append(figure)
    if _PART_GATE.may_match(text):
        figures.extend(_apposed_part(text, figures))
    if figures and "of th" in text:
        figures = _parts_of_the_told(text, figures)
    if figures:
        figures.extend(_elided(text, figures))
        figures.extend(_joined(text, figures))
        figures.extend(_parts(text, figures))
        figures.sort(key=lambda f: f.start)
    return tuple(figures)


# "149 of the 152 missing have been found dead": a part of people named before by their figure
# and its fate ("of the 152 missing", "of those 30 wounded") ...
_PART_OF_THE = re.compile(rf"(?<![\w,.])(?:{FIGURE})\s+of\s+(?:the|those|these)\s+$", re.IGNORECASE)
# ... then the fate the part met, told after them: "have been found dead", "later died", "were
# still unaccounted for" (the same fate: "149 of the 152 missing ... were still unaccounted for"
# is 149 missing).
_FATE_TOLD = re.compile(
    rf"(?:\s+(?!(?:{_AUX})\b)[^\W\d][\w’'-]*){{0,5}}?"
    rf"(?:\s+(?:{_AUX}))*\s+(?:(?:found|declared|confirmed)\s+)?(?P<fate>{_UNIT})(?![\w-])",
    re.IGNORECASE,
)


def _parts_of_the_told(text: str, figures: list[Figure]) -> list[Figure]:
    """The part of people a figure names by their earlier fate, with the fate told of the part,
    instead of that figure: "149 of the 152 missing have been found dead" is 149 dead. The
    figure after "of the" refers to people counted before (the missing); it is no claim of this
    sentence, which tells another fate, unless the fate told is theirs too ("149 of the 152
    missing ... were still unaccounted for": 149 and 152 missing)."""
    out: list[Figure] = []
    for figure in figures:
        part = _PART_OF_THE.search(text, max(0, figure.start - 40), figure.start)
        fate = _FATE_TOLD.match(text, figure.end) if part is not None else None
        unit = _unit(fate.group("fate")) if fate is not None else None
        told = _figure(text, part, "", unit) if part is not None and unit else None
        if told is None:
            out.append(figure)
            continue
        if unit == figure.unit:
            # "149 of the 152 missing on the list were still unaccounted for": the whole is
            # still of that fate, a figure of its own
            out.append(figure)
        out.append(_extended(told, text, fate.end() if fate else figure.end))
    return out


def _extended(figure: Figure, text: str, end: int, **changes: Any) -> Figure:
    """The figure read on to `end` (its text with it), with `changes` to its other fields."""
    return replace(figure, end=end, text=text[figure.start : end], **changes)


# "18 refugees were killed": who the people are is no unit when what befell them follows.
_VICTIMS = re.compile(alternation(_LEX["victim_nouns"]), re.IGNORECASE)
_BEFELL = re.compile(
    rf"(?:\s+(?:people|civilians|persons|men|women|children))?\s+(?:(?:{_AUX})\s+){{0,3}}(?P<unit>"
    + alternation([*_LEX["units"]["killed"], *_LEX["units"]["wounded"]])
    + r")(?![\w])",
    re.IGNORECASE,
)


def _what_befell(text: str, figure: Figure) -> Figure:
    """A figure of refugees or displaced people, with the death or injury told right after it
    ("18 refugees were killed"), counts the killed or the injured."""
    befell = _BEFELL.match(text, figure.end)
    if befell is None:
        return figure
    return _extended(figure, text, befell.end(), unit=_unit(befell.group("unit")))


# "killed or wounded", "dead and injured": the figure counts both, casualties.
_EITHER = re.compile(
    r"\s+(?:or|and|and/or)\s+(?:(?:were|was|been)\s+)?(?P<unit>"
    + alternation([*_LEX["units"]["killed"], *_LEX["units"]["wounded"]])
    + r")(?![\w])",
    re.IGNORECASE,
)


def _either(text: str, figure: Figure) -> Figure:
    """A figure of the killed or wounded ("500,000 killed or wounded") is of casualties: no
    death toll and no count of the injured."""
    other = _EITHER.match(text, figure.end)
    if other is None or _unit(other.group("unit")) == figure.unit:
        return figure
    return _extended(figure, text, other.end(), unit="casualties")


@cache
def _demonyms() -> frozenset[str]:
    actors: list[dict[str, Any]] = load("actors")["actors"]
    singular = {d.casefold() for a in actors for d in a.get("demonyms", ())}
    return frozenset(singular | {f"{d}s" for d in singular})


_JOINED_PEOPLE = frozenset(w.casefold() for w in _LEX["joined_people"])
# "120 Peruvian soldiers and 45 Chilean soldiers were killed": a figure with no unit of its own
# and up to three words, joined by "and" (or a comma) to the figure found right after it.
_JOINED_FIRST = re.compile(
    rf"(?<![\w,.])(?:{FIGURE.replace('?P<', '?P<j_')})"
    r"(?P<between>(?:\s+[\w’'-]+){0,3}?)\s*(?:,\s*)?(?:and|,)\s+$",
    re.IGNORECASE,
)
_RANGE_HEAD = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)


def _may_end_with(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """False only when text[start:end] cannot end with one of `words` and then spaces, which
    `_JOINED_FIRST` and `_RANGE_START` need: a test of the last characters before searching a
    window at each of its positions. In ASCII, IGNORECASE compares lower-cased letters; other
    windows are left to the search."""
    window = text[start:end]
    if not window.isascii():
        return True
    return window[-1:].isspace() and window.rstrip().lower().endswith(words)


# "evacuated 14 people and 30 were hurt": a second figure with no people of its own is a clause
# of its own, not the second of a pair.
_BARE = re.compile(rf"[\w,.]+\s+(?:{_AUX}|{_UNIT})\b", re.IGNORECASE)


def _joined(text: str, found: list[Figure]) -> list[Figure]:
    """The first of two figures joined by "and" that share the second's unit: "9 Ghanaian and 41
    Togolese soldiers were killed", "120 Peruvian soldiers and 45 Chilean soldiers were killed".
    The words between are none, demonyms, or a noun of people (`joined_people`)."""
    if " and " not in text and ", " not in text:
        return []
    extra = []
    for second in found:
        if (second.value is None and second.high is None) or _BARE.match(text, second.start):
            continue
        window = max(0, second.start - 60)
        match = (
            _JOINED_FIRST.search(text, window, second.start)
            if _may_end_with(text, window, second.start, ("and", ","))
            else None
        )
        if match is None or any(f.start <= match.start() < f.end for f in found):
            continue
        words = match.group("between").split()
        if not all(w.casefold() in _demonyms() for w in words[:-1]) or (
            words
            and words[-1].casefold() not in _JOINED_PEOPLE
            and words[-1].casefold() not in _demonyms()
        ):
            continue
        if _RANGE_HEAD.search(text, max(0, match.start() - 10), match.start()):
            continue  # "between 300 and 400": a range, read as one figure
        if _PART_CUE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "1,512 dead, including 241 civilians, and 37,000 displaced": a part
        figure = _figure(text, match, "j_", second.unit)
        if figure is not None and (figure.value or figure.high):
            end = match.end("between") if words else match.end("j_num")
            extra.append(_extended(figure, text, end))
    return extra


_PART_NOUNS = (
    alternation(_LEX["part_nouns"])
    # "260 of them on the rebel side": a part named by its side
    + r"|on\s+(?:the\s+[\w’'-]+\s+side|both\s+sides|each\s+side|either\s+side)"
)
# "23 people were killed, among them 9 children"; "18 were injured, 6 of them children".
_PART = re.compile(
    rf"(?<![\w-])(?P<cue>{alternation(_LEX['part_cues']['before'])})\s+"
    rf"(?P<k_fig>{FIGURE.replace('?P<', '?P<k_')})\s+(?:[\w’'-]+\s+)?(?:{_PART_NOUNS})(?![\w-])"
    rf"|(?<![\w,.])(?P<m_fig>{FIGURE.replace('?P<', '?P<m_')})\s+"
    rf"(?:{alternation(_LEX['part_cues']['after'])})\s+(?:[\w’'-]+\s+)?(?:{_PART_NOUNS})(?![\w-])",
    re.IGNORECASE,
)
# "including 8 women and 5 children": the parts listed after the first.
_MORE_PARTS = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<n_fig>{FIGURE.replace('?P<', '?P<n_')})\s+"
    rf"(?:[\w’'-]+\s+)?(?:{_PART_NOUNS})(?![\w-])",
    re.IGNORECASE,
)
# "including 241 civilians, and ...": a figure a part cue opens is a part of the one before.
_PART_CUE_BEFORE = re.compile(
    rf"(?<![\w-])(?:{alternation(_LEX['part_cues']['before'])})\s+$", re.IGNORECASE
)
# "At least 31 people, among them nine children, were killed": a part of the people apposed
# between their noun and its verb (tried only where a part cue stands: `_PART_GATE`).
_APPOSED_PART = re.compile(
    rf"(?<![\w,.])(?:{FIGURE.replace('?P<', '?P<a_')}){_CLOSE}\s+{_GAP}[\w’'-]+,\s+"
    rf"(?:{alternation(_LEX['apposed_part_openers'])})\s+[^,;.]{{1,40}},\s+"
    rf"(?:{_AUX}\s+){{0,3}}(?P<a_unit>{_UNIT})(?![\w])",
    re.IGNORECASE,
)


# The part apposed alone ("..., among them nine ..."): where it is absent `_APPOSED_PART`, whose
# figure at its head is tried at every position, cannot match.
_APPOSED_OPENER = re.compile(
    rf",\s+(?:{alternation(_LEX['apposed_part_openers'])})\s+[^,;.]{{1,40}},", re.IGNORECASE
)


def _apposed_part(text: str, found: list[Figure]) -> list[Figure]:
    """Figures whose people a part apposed parts from their verb, not found otherwise."""
    if _APPOSED_OPENER.search(text) is None:
        return []
    extra = []
    for match in _APPOSED_PART.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        figure = _figure(text, match, "a_", _unit(match.group("a_unit")))
        if figure is not None:
            extra.append(figure)
    return extra


_PART_GATE = gated(r"\b(?:them|whom|including|among)\b", re.IGNORECASE)


def _parts(text: str, found: list[Figure]) -> list[Figure]:
    """Figures of a part of the people a figure before them counts, with its unit: "killing 23
    people, among them 9 children", "18 were injured, 6 of them children", "including 8 women
    and 5 children"."""
    if not _PART_GATE.may_match(text):
        return []
    extra: list[Figure] = []
    for match in _PART.finditer(text):
        prefix = "k_" if match.group("k_fig") else "m_"
        start = match.start(prefix + "fig")
        if any(f.start <= start < f.end for f in found):
            continue
        before = [f for f in found if f.end <= match.start()]
        if not before:
            continue
        unit = before[-1].unit
        part = _figure(text, match, prefix, unit)
        if part is None or not (part.value or part.high):
            continue
        parts = [replace(part, start=start, text=text[start : match.end()])]
        end = match.end()
        while more := _MORE_PARTS.match(text, end):
            other = _figure(text, more, "n_", unit)
            if other is None or not (other.value or other.high):
                break
            at = more.start("n_fig")
            parts.append(replace(other, start=at, text=text[at : more.end()]))
            end = more.end()
        extra.extend(parts)
    return extra


# "325,000 Russian soldiers were killed, and up to 140,000 on the Ukrainian side": a figure with
# no unit of its own, that a side phrase follows, takes the unit of the figure before it.
_SIDE_FIGURE = re.compile(
    rf"(?<![\w,.])(?:{FIGURE.replace('?P<', '?P<s_')})"
    r"(?=\s+on\s+(?:the\s+[\w-]+\s+side|both\s+sides|each\s+side|either\s+side))",
    re.IGNORECASE,
)

# The word every `_SIDE_FIGURE` match looks ahead to: where the stem scan finds none, no match.
_SIDE_WORD = gated("side", re.IGNORECASE)


def _elided(text: str, found: list[Figure]) -> list[Figure]:
    extra = []
    if not _SIDE_WORD.may_match(text):
        return []  # every match is followed by "side" or "sides"
    for match in _SIDE_FIGURE.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        before = [f for f in found if f.end <= match.start()]
        if not before:
            continue
        figure = _figure(text, match, "s_", before[-1].unit)
        if figure is not None and (figure.value or figure.high):
            extra.append(figure)
    return extra


def _range(
    text: str, match: re.Match[str], prefix: str, low: int | None
) -> tuple[int | None, int | None]:
    """Bounds of "between 10 and 20" or "30 to 40"; "10 and 20" without "between" is no range."""
    if low is None or match.group(prefix + "num") is None or match.group(prefix + "mult"):
        return None, None
    start, end = match.span(prefix + "num")
    tail = _RANGE_END.match(text, end)
    if tail is None:
        window = max(0, start - 40)
        head = (
            _RANGE_START.search(text, window, start)
            if _may_end_with(text, window, start, ("and", "to"))
            else None
        )
        first = _value(head.group("low") or head.group("low2"), None) if head else None
        return (first, low) if first is not None and first < low else (None, None)
    between = _BETWEEN.search(text, max(0, start - 12), start) is not None
    if tail.group("joint").strip().lower() == "and" and not between:
        return None, None
    high = _value(tail.group("high"), None)
    if high is None or high <= low:
        return None, None
    return low, high


# Words that never stand among three modifiers of a counted group's noun (nor do a figure or a
# past form: "the two countries released 296 prisoners" counts 296, not two).
_NOT_MODIFIER = "(?:of|for|to|from|in|on|at|by|with|and|or|than|more|were|was|had|have|has)"
_EXCHANGED = re.compile(
    # "157 detainees", "95 Armenian prisoners"; "15 sick and elderly Bolivian prisoners": two
    # words joined by "and" or "or", and one more; "seven Bolivian municipal road workers":
    # three words, none a preposition or conjunction (no phrase between figure and noun).
    rf"(?<![\w,.])(?:{FIGURE.replace('?P<', '?P<p_')})\s+"
    # "12 more jailed DNLF supporters": a further group of a staged release, its modifiers after
    # "more" (no modifier itself).
    rf"(?:(?:more|further)\s+)?"
    rf"(?:(?:[\w’'-]+\s+){{0,2}}?|(?!(?:and|or)\b)[\w’'-]+\s+(?:and|or)\s+[\w’'-]+\s+"
    rf"(?:[\w’'-]+\s+)?|(?:(?!{_NOT_MODIFIER}\b)(?![\w’'-]*(?:\d|ed\b))[\w’'-]+\s+){{3}}"
    # "ten of the road workers": a part of a group named without its whole ("12 of the 23
    # passengers" counts 23 passengers here; the fold reads the part before them)
    rf"|of\s+(?:the|its|their|his|her)\s+"
    rf"(?:(?!{_NOT_MODIFIER}\b)(?![\w’'-]*(?:\d|ed\b))[\w’'-]+\s+){{0,2}}?)"
    rf"(?:{alternation(_LEX['exchange_units'])})(?![\w])",
    re.IGNORECASE,
)


@cache
def _demonym_count() -> re.Pattern[str]:
    """ "Mali released 20 Mauritanian prisoners and Mauritania 20 Malians", "its last 33
    Malawians": people counted by their nationality's plural, no noun after it (a noun after it
    is `_EXCHANGED`'s: "36 Malian detainees")."""
    plurals = sorted(
        {d for d in _demonyms() if d.endswith("s") or d.endswith("ese")}, key=lambda d: (-len(d), d)
    )
    return re.compile(
        rf"(?<![\w,.])(?:{FIGURE.replace('?P<', '?P<d_')})\s+"
        rf"(?:{'|'.join(re.escape(d) for d in plurals)})(?![\w’'-])"
        rf"(?!\s+(?:{alternation(_LEX['exchange_units'])})(?![\w]))",
        re.IGNORECASE,
    )


def find_exchanged(text: str) -> tuple[Figure, ...]:
    """How many people a prisoner exchange moves: "swapped 95 prisoners each", "157 detainees",
    "20 Malians"."""
    matches = [(m, "p_") for m in _EXCHANGED.finditer(text)]
    taken = [m.span() for m, _ in matches]
    matches += [
        (m, "d_")
        for m in _demonym_count().finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]
    matches.sort(key=lambda found: found[0].start())
    figures = (_figure(text, match, prefix, "prisoners") for match, prefix in matches)
    # A magnitude ("hundreds of prisoners") counts no one in particular.
    return tuple(f for f in figures if f is not None and (f.value or f.high))


# The name of a body: capitalised words, with the small words inside names ("Center for
# Strategic and International Studies", "Office of the High Commissioner").
# After its first capital (`_capital` writes that one where a regex should open with it).
_BODY_REST = r"[\w'’.-]*(?:\s+(?:(?:for|of|and|on|the|de)\s+)*[A-Z][\w'’.-]*)*"
_BODY = "[A-Z]" + _BODY_REST
# A body written in lower case, headed by a noun of a body: "the local health bureau", "the
# regional health office", "the interior ministry".
_LOWER_BODY = (
    # "the rebel-run health office", "the army-controlled media office"
    r"(?:[\w]+-(?:run|controlled|led|held|backed|appointed|aligned)\s+)?"
    r"(?:(?:"
    + alternation(_LEX["institution_words"])
    + r")\s+){0,3}(?:"
    + alternation(_LEX["body_heads"])
    + r")(?![\w-])"
    # "the government of Peru", "the ministry of health of Atlantis"
    + r"(?:\s+of\s+(?:"
    + alternation(_LEX["institution_words"])
    + r"))?"
    + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)?"
)
# A body with the lower-case words of its kind: "the Khartoum state health ministry",
# "Iranian state media".
_BODY_WITH_KIND = (
    r"(?!(?:The|A|An|This|That|It|He|She|They)\b)"
    + _BODY
    + r"(?:\s+(?:"
    + alternation(_LEX["institution_words"])
    + r"))*"
)
# Gated: both are searched in every sentence, and few hold their heads or reporting verbs.
# "the report by X", "figures released by X", "according to the Peruvian defence ministry",
# "according to the local health bureau".
_ATTRIBUTION = gated(
    r"(?:\b(?:"
    + alternation(_LEX["attribution_heads"] + [h.capitalize() for h in _LEX["attribution_heads"]])
    + r")\s+(?:(?:"
    + alternation(_LEX["attribution_participles"])
    + r")\s+)?(?:by|from|of)|[Aa]ccording\s+to)"
    r"\s+(?:the\s+)?(?:[\w-]+-based\s+)?(?P<body>" + _BODY_WITH_KIND + "|" + _LOWER_BODY + ")"
)
# "The toll was put at 52 by Bolivian state television": the body after "by" of a passive toll.
_PASSIVE_TOLL = gated(
    r"\b(?:was|were|has been|have been|had been)\s+(?:"
    + alternation(_LEX["passive_toll_verbs"])
    + r")\s+(?:at\s+[\w,.]+\s+)?by\s+(?:the\s+)?(?P<body>"
    + _BODY_WITH_KIND
    + "|"
    + _LOWER_BODY
    + ")"
)

_REPORTING = alternation(_LEX["reporting_verbs"])
# "..., the Lima regional health office said on Sunday" and "Iranian state media reported
# that ...": the body that reports, named before its verb.
_PUTS_A_TOLL = (
    # "X on Friday revised its toll", "X has meanwhile raised its estimate"
    r"(?:(?:has|have|had|also|now|meanwhile|on\s+[A-Z]\w+)\s+)*"
    # "X sets the war's toll", "X places the conflict's death toll": what the toll is of may
    # stand before it
    # "X gave a toll of 15 dead": a toll given with its article
    r"(?:" + alternation(_LEX["toll_verbs"]) + r")\s+(?:(?:the|its|their|an?)\s+"
    r"(?:[\w-]+['\u2019]s\s+)?(?:[\w-]+\s+)?"
    r"(?:number|toll|figure|count|tally|estimates?)"
    # "X put Peruvian losses at 18,000", "X put its own losses at four": the losses or dead of
    # a side, put at a figure
    r"|(?:[\w'’-]+\s+){0,2}?(?:" + alternation(_LEX["toll_objects"]) + r")"
    # "X puts its military losses since 11 May at 61", "X put civilian deaths on its side at
    # 22": a time or a side between the losses and the figure
    r"(?:\s+(?:" + alternation(_LEX["toll_adverbial_openers"]) + r")\s+[^,;:.]{1,40}?)?"
    r"\s+at(?=\s+\w))"
)
_REPORTED_BY = gated(
    # "..., as the UN humanitarian office raised its estimate": a clause of its own too
    # "A: The Monitor puts the toll at ...": after a label too
    r"(?:^|[,:]\s+|\b(?:as|while|when|and|but)\s+)(?:[Tt]he\s+)?(?P<body>"
    + _BODY_WITH_KIND
    + "|"
    + _LOWER_BODY
    # "The Ortiga Monitor, a network of church volunteers, says": an apposition describing it;
    # "The Upland Front (ULF) said": its acronym
    # "X, a Lilongwe-based group that ..., says", "X, which compiles morgue records, now puts":
    # a description or a relative clause apposed
    + r")(?:\s+\([A-Z][\w-]*\))?(?:,\s+(?:(?:an?|the)\s+(?:[A-Z][\w.]*-[a-z][\w-]*\s+)?"
    r"|(?:which|who|that)\s+)[a-z][^,;]{2,80},)?"
    # "X has given no figure for its own dead but says", "X would not give its losses, but
    # stated": the subject of a predicate before "but" reports
    r"(?:\s+(?:has|have|had|would|did|does)\s+[a-z][^.;:\"“”]{2,80}?,?\s+but)?\s+(?:"
    # "X now counts", "X has recorded", "X also says"
    + r"(?:(?:has|have|had|also|now|meanwhile|still)\s+)*(?:"
    + _REPORTING
    + r")|"
    + _PUTS_A_TOLL
    + r")\b"
)


def _capital(not_words: str, after: str, behind: str = "") -> str:
    """A capital letter that does not open one of `not_words` (an alternation of capitalised
    words) followed by `after`: `(?!(?:not_words)after)[A-Z]` with the capital first, so the
    regex opens with a character set and the engine tries it only where a capital stands.
    `behind` is a lookbehind on the capital's position, written after it (`(?<!\\w.)`)."""
    rests: dict[str, list[str]] = {}
    for word in not_words.split("|"):
        rests.setdefault(word[0], []).append(word[1:])
    return (
        "[A-Z]"
        + behind
        + "(?!"
        + "|".join(f"(?<={first})" + alternation(r) + after for first, r in rests.items())
        + ")"
    )


# A body named with the words of its kind, anywhere in a sentence: "The Chilean health ministry
# released new figures", "the UN humanitarian office published": for "it said" after it.
_NAMED_BODY = gated(
    # Not a determiner: "Each army", "Both armies", "Its army" name no body.
    r"(?P<body>"
    + _capital(
        "The|A|An|This|That|It|He|She|They|Each|Every|Both|Either|Neither|All|Some"
        "|Its|Their|His|Her|Our|No|Any",
        r"\b",
    )
    + _BODY_REST
    + r"(?:\s+(?:"
    + alternation(_LEX["institution_words"])
    + r"))*\s+(?:"
    + alternation(_LEX["body_heads"])
    + r"|(?:"
    + alternation([h.capitalize() for h in _LEX["body_heads"]])
    # "Ministry of Home Affairs and Internal Security": the remit after a capitalised head
    + r")(?:\s+of\s+[A-Z][\w-]*(?:\s+(?:and\s+|of\s+|for\s+)?[A-Z][\w-]*)*)?"
    + r"))(?![\w-])"
)


# "the Andean Security Institute": a body whose name ends in a noun of its kind.
_NAMED_ORGANISATION = gated(
    # The first word apart, its capital first (`_capital`): the others are as many as four.
    r"(?P<body>"
    + _capital("The|A|An|This|That", r"\s", behind=r"(?<![\w-].)")
    + r"[\w'’.-]*\s+(?:(?:for|of|and|on|the|de)\s+)*"
    r"(?:[A-Z][\w'’.-]*\s+(?:(?:for|of|and|on|the|de)\s+)*){0,4}(?:"
    + alternation(_LEX["organisation_heads"])
    + r"))(?![\w-])"
)


# "The Lowveld Rights Collective, a network of church volunteers, says": a body's name and, in
# its apposition, the noun of its kind, by which "the network" refers back to it.
_DESCRIBED_BODY = gated(
    r"(?P<body>"
    + _BODY_WITH_KIND
    + r")(?:\s+\([A-Z][\w-]*\))?,\s+an?\s+(?:[a-z][\w-]*\s+){0,3}?(?P<noun>"
    + alternation(_LEX["described_body_nouns"])
    + r")(?![\w-])"
)


def find_described_bodies(text: str) -> list[tuple[str, str]]:
    """Bodies a sentence names with an apposition of their kind, as (name, kind noun)."""
    return [(m.group("body"), m.group("noun")) for m in _DESCRIBED_BODY.finditer(text)]


def find_bodies(text: str) -> list[str]:
    """Bodies a sentence names with the words of their kind, in text order."""
    named = [m for m in _NAMED_BODY.finditer(text)]
    named += [m for m in _NAMED_ORGANISATION.finditer(text)]
    return [m.group("body") for m in sorted(named, key=lambda m: m.start())]


# "Citing the health ministry, state television said ...", "..., Reuters reported, citing the
# army": whoever is cited gives the figure; who cites it only relays it.
_CITING = gated(
    # "..., which cited the army", "quoting the ministry", "quoted the army as saying"
    r"\b(?:[Cc]iting|[Qq]uoting|(?:which|who)\s+(?:cited|quoted)"
    r"|quoted(?=\s+(?:the\s+)?(?:\S+\s+){1,5}as\s+saying))\s+(?:the\s+)?(?:[\w-]+-based\s+)?(?P<body>"
    + _BODY_WITH_KIND
    + "|"
    + _LOWER_BODY
    + ")"
)


def find_cited(text: str) -> str | None:
    """The body a sentence cites as its source of figures, if any."""
    match = _CITING.search(text)
    if match is None or match.group("body") in _OUTLETS:
        return None
    body = match.group("body")
    return None if " " not in body and body.islower() else body


@lru_cache(maxsize=256)
def find_attribution(text: str) -> str | None:
    """Who gives the figures when no one speaks: "the report by X put ...", "according to X",
    "..., X said", "X reported that ...", "the toll was put at N by X"."""
    match = _ATTRIBUTION.search(text) or _REPORTED_BY.search(text) or _PASSIVE_TOLL.search(text)
    if match is None or match.group("body") in _OUTLETS:
        return None  # a news agency relays the figure: it is the reporting outlet's
    # "The Ortiga Monitor on Friday revised its toll": the day is no part of the name.
    body = _ON_DAY.sub("", match.group("body"))
    if " " not in body and (body.islower() or body.casefold() in _HEADS):
        # "the ministry said", "The Ministry said": which ministry is the speaker's to resolve
        return None
    return body


# The day and month names (as dates.py reads them, from the calendar).
_ON_DAY = re.compile(
    r"\s+on\s+(?:" + "|".join([*calendar.day_name, *filter(None, calendar.month_name)]) + r")\b.*$"
)


_OUTLETS = frozenset(_LEX["news_outlets"])
_HEADS = frozenset(_LEX["body_heads"])

# "... has risen to 23. The figure was given by the regional health office.", "That is
# according to UNICEF.": a sentence that names the source of the figures told right before it.
_FIGURE_SOURCE = gated(
    r"^(?:(?:[Tt]he|[Tt]hose|[Tt]hese)\s+(?:[\w-]+\s+)?(?:"
    + alternation(_LEX["figure_anaphors"])
    + r")\s+(?:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:"
    + alternation(sorted({*_LEX["passive_toll_verbs"], *_LEX["attribution_participles"]}))
    + r")\s+(?:by|from)"
    r"|(?:came|come|comes)\s+from)"
    r"|(?:That|This|The\s+(?:figure|toll))\s+(?:is|was)\s+according\s+to)"
    r"\s+(?:the\s+)?(?P<body>" + _BODY_WITH_KIND + "|" + _LOWER_BODY + ")"
)


def find_figure_source(text: str) -> str | None:
    """The body a sentence names as the source of the figures told before it, if any."""
    match = _FIGURE_SOURCE.search(text.strip())
    body = match.group("body").rstrip(".,;:") if match else None
    return None if body is None or body in _OUTLETS else body


# "... in a war that has killed more than 5,000 people", "the conflict, which has displaced 2
# million": the narrator's background, ending right where the figure begins. Gated by its
# nouns: it is searched before every figure.
_BACKGROUND = gated(
    r"\b(?:"
    + alternation(_LEX["background_nouns"])
    + r")\s*,?\s+(?:that|which)\s+(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)


def in_background(text: str, figure: Figure) -> bool:
    """Whether a figure is told in a relative clause on the war itself: the narrator's."""
    return _BACKGROUND.search(text, max(0, figure.start - 80), figure.start) is not None
