"""Cheap tests run before a costly pattern, and patterns rewritten to be scanned faster, find
exactly what the plain patterns find. Every sentence is invented; the fuzz strings are random."""

import random
import re
from typing import Any

import pytest

from streams.core import roles
from streams.core.lexicon import compile_words, load
from streams.core.read import (
    claimants,
    dates,
    extract,
    figures,
    frames,
    gazetteer,
    introduced,
    sentences,
    speech,
    titles,
    venues,
)
from streams.core.read.figures import find_figures
from streams.core.read.gates import case_sensitive, ungated
from streams.core.read.gazetteer import find_mentions
from streams.core.read.sentences import split_sentences
from streams.core.read.titles import apposed_people

_ROLE_PATTERNS = [compile_words(load("roles")[r]) for r in ("facilitator", "guarantor", "observer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway and Cuba, the guarantor countries, attended the talks.", True),
        ("Brazil sent observers to the vote in Lima.", True),
        ("Talks between Chile and Peru were facilitated by Uruguay.", True),
        # near misses: no role word, or one inside another word
        ("Chile and Peru met in Quito on Monday.", False),
        ("The observatory in Arica reopened.", False),
    ],
)
def test_one_gated_role_pattern_reads_as_the_three(text: str, expected: bool) -> None:
    reference = any(p.search(text) for p in _ROLE_PATTERNS)
    assert reference is expected
    assert roles.may_have_role(text) is expected
    with ungated():
        assert roles.may_have_role(text) is expected


@pytest.mark.parametrize(
    ("text", "capital", "expected"),
    [
        ("The government in Lima rejected the offer.", "Lima", True),
        ("Authorities in Quito said the border was closed.", "Quito", True),
        # near misses: another preposition, a seat too far before the name
        ("The government of Lima rejected the offer.", "Lima", False),
        ("The government said fighting in Lima had stopped overnight.", "Lima", False),
    ],
)
def test_seated_in_asks_the_window_before_the_name(text: str, capital: str, expected: bool) -> None:
    start = text.index(capital)
    reference = bool(gazetteer._SEATED_IN.regex.search(text[max(0, start - 30) : start]))
    assert reference is expected
    assert gazetteer._seated_in(text, start) is expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Ana Vell, the Bordurian defence minister, said talks would resume.", ["Ana Vell"]),
        ("Ivo Marsh, a senior negotiator, told reporters the talks had stalled.", ["Ivo Marsh"]),
        # near misses: no article after the comma, no comma at all
        ("Ana Vell, Bordurian defence minister, said talks would resume.", []),
        ("Ana Vell the defence minister said talks would resume.", []),
    ],
)
def test_apposition_precheck_keeps_every_apposed_person(text: str, people: list[str]) -> None:
    assert [p.name for p in apposed_people(text, find_mentions(text)[0], [])] == people


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a dateline opens the sentence after it: its full stops end nothing
        (
            "LIMA, March 4. /Andes Wire/. Talks began. They ended.",
            "LIMA, March 4. /Andes Wire/. Talks began.",
        ),
        (
            "PUNO, Peru, Dec. 2 (Altiplano News). Rebels withdrew.",
            "PUNO, Peru, Dec. 2 (Altiplano News). Rebels withdrew.",
        ),
        # near misses: no month after the comma, no comma before the month
        ("LIMA, Peru. Talks began.", "LIMA, Peru."),
        ("LIMA March 4. Talks began.", "LIMA March 4."),
    ],
)
def test_dateline_precheck_keeps_every_dateline(text: str, first: str) -> None:
    assert split_sentences(text)[0].text == first


def test_every_dateline_holds_the_precheck_words() -> None:
    for line in ("LIMA, March 4. Talks", "SAN JOSE, Costa Rica, Sept. 30, 2024 (Wire). Text"):
        assert sentences._DATELINE.match(line) is not None
        assert sentences._DATELINE_MONTH.search(line) is not None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("At least 40 soldiers were killed, and 12 on the other side.", 2),
        ("At least 40 soldiers were killed, and 12 on both sides.", 2),
        # near miss: no side phrase, so the second number is no figure
        ("At least 40 soldiers were killed, and 12 in the town.", 1),
    ],
)
def test_side_figures_behind_the_side_word(text: str, count: int) -> None:
    assert len(find_figures(text)) == count


@pytest.mark.parametrize(
    "text",
    [
        "In 1998 Chile and Peru signed an accord.",
        "Chile and Peru signed an accord in 2019, officials said.",
        "Chile and Peru signed an accord on Friday.",
        "Chile and Peru signed 1,900 pages, 20.5 percent, 2024x.",
    ],
)
def test_year_precheck_holds_wherever_a_year_is(text: str) -> None:
    if frames._YEAR.search(text):
        assert frames._YEAR_OPENS.search(text)
    assert bool(frames._YEAR.search(text)) is ("1998" in text or "2019" in text)


# The scan as it was written before: a lookbehind, then the first character.
_CUE_START_BEFORE = re.compile(r"(?<![\w-])[a-z]+")


@pytest.mark.parametrize(("before", "after"), [(_CUE_START_BEFORE, titles._CUE_START)])
def test_start_test_after_the_first_character_finds_the_same(
    before: re.Pattern[str], after: re.Pattern[str]
) -> None:
    alphabet = "aAbBeEsSxZÉé-_1 .\n'’"
    rnd = random.Random(17)
    found = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        pos = rnd.randint(0, len(text))
        spans = [m.span() for m in before.finditer(text, pos)]
        assert [m.span() for m in after.finditer(text, pos)] == spans, (text, pos)
        found += len(spans)
    assert found > 1_000
    sentence = "Chile's envoy met al-Amin and the Peru-backed side in Lima."
    assert [m.group(0) for m in after.finditer(sentence)] == [
        m.group(0) for m in before.finditer(sentence)
    ]


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("The delegations met in Arlova on Monday.", "Arlova", True),
        ("The next round is set for the Karsk convention hall.", "Karsk", True),
        ("Envoys travelled to Dunmere for the talks.", "Dunmere", True),
        ("The ministers, (in Veltra for the day), spoke.", "Veltra", True),
        # near misses: no placing word right before the place, or one word too many after it
        ("Arlova rejected the offer.", "Arlova", False),
        ("The talks between Karsk and Dunmere resumed.", "Dunmere", False),
        ("The round was set for Monday in talks with Veltra.", "Veltra", False),
        ("Envoys met in the old Arlova hall.", "Arlova", False),
    ],
)
def test_venue_words_read_before_the_venue_search(text: str, place: str, expected: bool) -> None:
    start = text.index(place)
    reference = venues.VENUE.search(text, max(0, start - venues.VENUE_REACH), start) is not None
    assert reference is expected
    assert venues.placed_by_word(text, start) is expected


def test_venue_word_test_finds_what_the_venue_search_finds() -> None:
    # Words of the placing phrases, near misses ("into", "the the"), letters IGNORECASE matches
    # to others ("ſet", "ın"), and the spaces and marks that may stand between them.
    words = [
        "in",
        "In",
        "AT",
        "the",
        "The",
        "visit",
        "visiting",
        "trip",
        "to",
        "travelled",
        "flew",
        "set",
        "for",
        "slated",
        "pencilled",
        "fixed",
        "into",
        "that",
        "(in",
        "ſet",
        "ın",
        "x",
    ]
    gaps = [" ", " ", "  ", "\t", "", ",", "\u00a0", "\n"]
    rnd = random.Random(23)
    found = 0
    for _ in range(4_000):
        text = "".join(rnd.choice(words) + rnd.choice(gaps) for _ in range(rnd.randint(1, 8)))
        text += "Arlova"
        for start in range(len(text) + 1):
            reference = (
                venues.VENUE.search(text, max(0, start - venues.VENUE_REACH), start) is not None
            )
            assert venues.placed_by_word(text, start) is reference, (text, start)
            found += reference
    assert found > 1_000


# The government words as they were searched before: a word boundary at every position.
_UNNAMED_GOVERNMENT_BEFORE = re.compile(r"\b(?:[Gg]overnment|[Aa]uthorities)\b")


@pytest.mark.parametrize(
    "text",
    [
        "The government of Arlova and the rebels met in Dunmere.",
        "Authorities said government negotiators would return.",
        "Local authorities' figures rose; the Government's envoy left.",
        # near misses: inside another word, or without its boundary after it
        "The misgovernment of the province and pre-authorities were debated.",
        "Governments and governmental bodies said nothing.",
        "Self-government talks resumed in Karsk.",
    ],
)
def test_unnamed_government_opens_at_its_letters(text: str) -> None:
    spans = [m.span() for m in _UNNAMED_GOVERNMENT_BEFORE.finditer(text)]
    assert [m.span() for m in extract._UNNAMED_GOVERNMENT.finditer(text)] == spans


def test_unnamed_government_finds_what_the_boundary_search_finds() -> None:
    pieces = [
        "government",
        "Government",
        "authorities",
        "Authorities",
        "mis",
        "s",
        "al",
        "-",
        " ",
        "_",
        "1",
        "é",
        "'",
        ".",
        "gov",
    ]
    rnd = random.Random(29)
    found = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))
        spans = [m.span() for m in _UNNAMED_GOVERNMENT_BEFORE.finditer(text)]
        assert [m.span() for m in extract._UNNAMED_GOVERNMENT.finditer(text)] == spans, text
        found += len(spans)
    assert found > 1_000


@pytest.mark.parametrize(
    "text",
    [
        "Communiqué of the Eastern Valley Front on the prisoner release",
        "Statement by the Ministry of Defence of Arlova",
        "Southern Karsk Front Communiqué 12: the ceasefire holds",
        # near misses: no heading noun, or one that names no issuer
        "The Southern Karsk Front said the ceasefire holds.",
        "A statement was read out in Dunmere on Monday.",
    ],
)
def test_gated_heading_matches_as_the_plain_regex(text: str) -> None:
    plain = re.compile(speech._HEADING.pattern, re.IGNORECASE).match(text)
    found = speech._HEADING.match(text)
    assert (found and (found.span(), found.groupdict())) == (
        plain and (plain.span(), plain.groupdict())
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Radio Karsk quoted the army spokesman as", "the army spokesman"),
        ("the Observatory's latest update", "the Observatory"),
        ("the Observatory’s weekly count", "the Observatory"),
        # near misses: neither a quotation nor a document owned
        ("the Arlova Health Office", "the Arlova Health Office"),
        ("the mission's doctors at the camp", "the mission's doctors at the camp"),
    ],
)
def test_claimant_substitutions_only_where_their_words_stand(words: str, expected: str) -> None:
    plain = claimants.OWNED_DOCUMENT.sub(r"\g<owner>", claimants.QUOTED_AS.sub(r"\g<who>", words))
    assert plain == expected
    assert claimants.whole_claimant(words, words, None, {}, []) == claimants.whole_claimant(
        plain, words, None, {}, []
    )


# The acronym patterns as they were written before: their word-start tests first.
_INTRODUCED_BEFORE = [
    (
        introduced._ACRONYM_FIGHTERS,
        re.compile(
            r"(?<![\w-])(?P<acronym>[A-Z][A-Z0-9]{1,6})\s+"
            + introduced.alternation(introduced._LEX["fighters"])
            + r"\b"
        ),
    ),
    (introduced._AND_THE, re.compile(r"\band\s+the\s")),
    (
        introduced._CUED_BEFORE,
        re.compile(
            r"\b"
            + introduced.alternation(introduced._LEX["cues_before"])
            + r"\s+(?:the\s+)?"
            + introduced._BARE_ACRONYM
        ),
    ),
    (
        introduced._CUED_AFTER,
        re.compile(
            r"(?<![\w-])(?<![A-Z]\s)"
            + introduced._BARE_ACRONYM
            + introduced._CUED_AFTER.pattern.split(r"(?![\w-])", 1)[1]
        ),
    ),
]


@pytest.mark.parametrize(("after", "before"), _INTRODUCED_BEFORE)
def test_acronym_patterns_find_what_their_lookbehind_first_forms_find(
    after: re.Pattern[str], before: re.Pattern[str]
) -> None:
    sentences = [
        "Arlova and the KLF exchanged prisoners; KLF rebels later said the FRK will free 12.",
        "The army and the NPA met, and the NPA's commander said it would free them.",
        "A Q KLF fighters, X-KLF rebels and aKLF rebels: none opens a word.",
    ]
    pieces = [
        "KLF",
        "FR2",
        "A",
        "X",
        "-",
        " ",
        "  ",
        "KLF rebels",
        "FR2 fighters",
        "and the ",
        "the",
        "band",
        "said",
        "KLF will free",
        "held by the",
        "xheld by",
        "armed group",
        "so-called",
        "FR2's commander",
        "'s",
        "\n",
        "x",
    ]
    rnd = random.Random(31)
    texts = sentences + [
        "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 9))) for _ in range(20_000)
    ]
    found = 0
    for text in texts:
        spans = [(m.span(), m.groupdict()) for m in before.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in after.finditer(text)] == spans, text
        found += len(spans)
    assert found > 100


def test_year_opening_at_its_digits_finds_what_the_lookbehind_first_form_finds() -> None:
    before = re.compile(r"(?<![\w,.])((?:18|19|20)\d\d)(?![\w]|,\d)")
    pieces = ["1998", "2019", "19", "18", "20", "2", "0", "1", "99", " ", ",", ".", "x", "-", "\n"]
    rnd = random.Random(37)
    found = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        pos = rnd.randint(0, len(text))
        spans = [m.span(1) for m in before.finditer(text, pos)]
        assert [m.span(1) for m in frames._YEAR.finditer(text, pos)] == spans, (text, pos)
        found += len(spans)
    assert found > 500


@pytest.mark.parametrize(
    ("text", "state", "expected"),
    [
        ("The chairman thanked Norway and Ghana for hosting the talks.", "Ghana", True),
        ("Envoys thank the Arlovan hosts.", "Arlovan", True),
        # near misses: no thanks, or thanks too far from the state
        ("The chairman praised Norway and Ghana for hosting the talks.", "Ghana", False),
        ("Thanks to the rain the road to Karsk closed, and later Ghana sent aid.", "Ghana", False),
    ],
)
def test_gated_thanks_reads_as_the_plain_regex(text: str, state: str, expected: bool) -> None:
    start = text.index(state)
    plain = re.compile(extract._THANKED.pattern).search(text, max(0, start - 60), start)
    assert (plain is not None) is expected
    assert (extract._THANKED.search(text, max(0, start - 60), start) is not None) is expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("The talks ended a war that has killed 5,000 people.", "5,000", True),
        ("The conflict, which has displaced 2 million, goes on.", "2 million", True),
        # near misses: no background noun, or no relative clause
        ("The flood, which has displaced 2 million, goes on.", "2 million", False),
        ("The war killed 5,000 people.", "5,000", False),
    ],
)
def test_gated_background_reads_as_the_plain_regex(text: str, figure: str, expected: bool) -> None:
    start = text.index(figure)
    plain = re.compile(figures._BACKGROUND.pattern, re.IGNORECASE)
    assert (plain.search(text, max(0, start - 80), start) is not None) is expected
    assert (figures._BACKGROUND.search(text, max(0, start - 80), start) is not None) is expected


@pytest.mark.parametrize(
    ("regex", "words"),
    [
        (speech._RELAYED, speech._RELAY_VERBS),
        (speech._QUOTED_AS, speech._RELAY_VERBS),
        (speech._PLEASED, speech._PLEASED_WORDS),
        (speech._SHOWN, speech._SHOW_VERBS),
    ],
)
def test_speech_word_tests_hold_wherever_their_pattern_matches(
    regex: re.Pattern[str], words: tuple[str, ...]
) -> None:
    pieces = [
        *words,
        *(w.upper() for w in words),
        "Quoted",
        "ſhows",
        "cıted",
        "was",
        "is",
        "are",
        "to",
        "as",
        "by",
        "the",
        "minister",
        "Radio Karsk",
        " ",
        "  ",
        ", ",
    ]
    rnd = random.Random(41)
    found = 0
    for _ in range(20_000):
        text = (
            " "
            + " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))
            + rnd.choice(["", " "])
        )
        if regex.search(text):
            found += 1
            assert speech._may_hold(text, words), text
    assert found > 10
    assert not speech._may_hold("The minister said the army would withdraw.", words)


@pytest.mark.parametrize(
    ("regex", "words"),
    [(figures._JOINED_FIRST, ("and", ",")), (figures._RANGE_START, ("and", "to"))],
)
def test_figure_window_ending_holds_wherever_its_pattern_matches(
    regex: re.Pattern[str], words: tuple[str, ...]
) -> None:
    pieces = [
        "120",
        "45",
        "between",
        "from",
        "and",
        "AND",
        "to",
        "To",
        ",",
        "Peruvian",
        "soldiers",
        "ſoldiers",
        "sand",
        "x",
        "thirty",
    ]
    rnd = random.Random(43)
    found = 0
    for _ in range(20_000):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 7)))
        text += rnd.choice(["", " ", "  ", "\t"])
        window = rnd.randint(0, len(text))
        if regex.search(text, window, len(text)):
            found += 1
            assert figures._may_end_with(text, window, len(text), words), (text, window)
    assert found > 100
    assert not figures._may_end_with("killed 120 soldiers", 0, 19, words)


# The date pattern as it was before the lookahead of its openings (`dates._OPENS`).
_DATES_BEFORE = re.compile(dates._PATTERNS.pattern.replace(dates._OPENS, "", 1), re.IGNORECASE)


_DATES_BEFORE_LOWER = case_sensitive(_DATES_BEFORE)
# The case-sensitive form the gated pattern runs over lower-cased sentences.
_DATES_LOWER = dates._PATTERNS.lower


def _dates_found(
    regex: Any, text: str, pos: int = 0, endpos: int = 1_000
) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in regex.finditer(text, pos, endpos)]


@pytest.mark.parametrize(
    "text",
    [
        "The envoys of Arlova and Karsk met on 3 March 2025 in Veltra.",
        "Talks resume on Monday, officials said Tuesday; a round is due in two weeks' time.",
        "The ceasefire signed three days ago holds, and a vote follows in the coming weeks.",
        "Delegates said late Friday they would meet again after Ramadan or in early April.",
        "In mid-June 2024, since Sept. 4 and until next month, talks in the near future stalled.",
        "Envoys met Sunday and agreed to meet within 10 days, before March, by Thursday.",
        "The Karsk front was quiet yesterday; earlier this year, a truce held for six months.",
        # near misses: words that open no date, or open one but end otherwise
        "In addition, the army said a second convoy reached the town at noon.",
        "Marcher and Mayor Ann Janssen said the Octagon hall was the venue.",
        "THE TALKS OPENED ON MONDAY 12 MAY IN VELTRA.",
    ],
)
def test_date_opening_lookahead_finds_what_the_date_pattern_finds(text: str) -> None:
    before = _dates_found(_DATES_BEFORE, text)
    assert _dates_found(dates._PATTERNS.regex, text) == before
    with ungated():
        assert _dates_found(dates._PATTERNS, text) == before
    # The gated scan runs over the lower-cased sentence: its groups are lower-cased.
    assert [(m.span(), _lowered(m.groupdict())) for m in dates._PATTERNS.scan(text)] == [
        (span, _lowered(groups)) for span, groups in before
    ]


def _lowered(groups: dict[str, str | None]) -> dict[str, str | None]:
    return {name: value and value.lower() for name, value in groups.items()}


def test_date_opening_lookahead_finds_the_same_in_random_text() -> None:
    pieces = [
        *("on", "in", "In", "the", "The", "a", "an", "last", "next", "this", "early", "late"),
        *("mid-", "mid", "since", "for", "by", "after", "following", "within", "over"),
        *("Monday", "sunday", "May", "Sept.", "march", "Dec", "Junk", "ago", "days", "week"),
        *("months", "year", "weeks'", "time", "of", "coming", "near", "future", "Ramadan"),
        *("3", "12", "2024", "1999", "3rd", "two", "Twelve", "eleven", "yesterday", "Today"),
        *(" ", "  ", ",", ".", "-", "\n", "x", "ſ", "é", "two days ago", "a Week ago"),
    ]
    rnd = random.Random(47)
    found = 0
    branches: set[str] = set()
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " ", " "]) for _ in range(9))
        pos = rnd.randint(0, len(text))
        endpos = rnd.randint(pos, len(text) + 1)
        before = _dates_found(_DATES_BEFORE, text, pos, endpos)
        assert _dates_found(dates._PATTERNS.regex, text, pos, endpos) == before, (text, pos)
        low = text.lower()
        assert _dates_found(_DATES_LOWER, low, pos, endpos) == _dates_found(
            _DATES_BEFORE_LOWER, low, pos, endpos
        ), (text, pos)
        found += len(before)
        branches |= {name for _, groups in before for name, value in groups.items() if value}
    assert found > 1_000
    assert branches >= {"day1", "day2", "year3", "rel", "ago", "ahead", "vague", "month4"}
    assert branches >= {"after_feast", "which", "weekday"}


def test_group_heads_from_their_first_letters_find_what_the_heads_find() -> None:
    sentences = [
        "The Upland Liberation Front and the Karsk Union met the Arlovan Army.",
        "Guards of the Vardan Valley Guard fired; MovementX and xArmy are no heads.",
        "A spokesman for the Ejército de Liberación Sureño and the Armée du Nord spoke.",
    ]
    pieces = ["Front", "Army", "Armée", "Guard", "Guards", "Union", "the", "x", "X", "-", " ", "\n"]
    rnd = random.Random(53)
    texts = sentences + [
        "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8))) for _ in range(20_000)
    ]
    found = 0
    for text in texts:
        spans = [m.span() for m in introduced._BRACKETED_HEADS.finditer(text)]
        assert [m.span() for m in introduced._ANY_HEADS.finditer(text)] == spans, text
        gated = introduced._ANY_HEADS_GATED.may_match(text) and introduced._ANY_HEADS.search(text)
        assert bool(gated) is bool(spans), text
        found += len(spans)
    assert found > 5_000


def test_introduced_acronyms_are_read_only_where_a_bracket_stands() -> None:
    assert [
        g.acronym
        for g in introduced.introduced_groups(
            "The Northern Liberation Front (NLF) freed 12 soldiers.", []
        )
    ] == ["NLF"]
    pieces = ["Northern", "Liberation", "Front", "of", "the", "NLF", "(", ")", "(NLF)", " ", "\n"]
    rnd = random.Random(59)
    found = 0
    for _ in range(20_000):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 9)))
        if introduced._INTRODUCED.search(text):
            assert "(" in text, text
            found += 1
    assert found > 200


# The words the name scan read before it read only the names' first words: every word that
# opens with a letter some name opens with (`_find_names` skipped the others).
_NAME_KEYS = {*gazetteer._ACTOR_INDEX, *gazetteer._PLACE_INDEX}
_NAME_WORD_BEFORE = re.compile(
    "[" + "".join(sorted({re.escape(word[0]) for word in _NAME_KEYS})) + r"](?<!\w.)\w*"
)


def test_name_scan_finds_the_first_words_the_word_scan_finds() -> None:
    sentences = [
        "Chile's envoy met al-Amin and the Peru-backed side in Lima.",
        "Chileans, Peruvians and the Chile-Peru commission met in Limarco, not Lima.",
        "CHILE and PERU: xChile, Chile_x, Chile2 and Peru.",
    ]
    alphabet = [
        "Chile",
        "Peru",
        "Lima",
        "al",
        "el",
        "Al",
        "Chi",
        "x",
        "_",
        "-",
        " ",
        ".",
        "é",
        "\n",
    ]
    rnd = random.Random(61)
    texts = sentences + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))) for _ in range(20_000)
    ]
    found = 0
    for text in texts:
        pos = rnd.randint(0, len(text))
        words = [
            m.span() for m in _NAME_WORD_BEFORE.finditer(text, pos) if m.group(0) in _NAME_KEYS
        ]
        assert [m.span() for m in gazetteer._NAME_WORD.finditer(text, pos)] == words, (text, pos)
        found += len(words)
    assert found > 1_000
    assert [m.group(0) for m in gazetteer._NAME_WORD.finditer(sentences[0])] == [
        "Chile",
        "al",
        "Peru",
        "Lima",
    ]
