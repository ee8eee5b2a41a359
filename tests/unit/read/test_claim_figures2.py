"""Tolls quoted, ranged, revised or raised, and who gives them (issue 14 item 4, branch
state/claims2). Every sentence, body, person and place is invented."""

import pytest

from streams.core.read.figures import find_attribution, find_figures
from tests.factories import claimants_by_figure


def _figures(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(f.unit, f.value, f.low, f.high) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure quoted as its claimant put it, a range after the verb
        ('The rebels put the toll at "more than thirty" soldiers.', [("killed", 30, None, None)]),
        (
            'The Front claimed the army lost "between 700 and a thousand men" since May.',
            [("killed", None, 700, 1000)],
        ),
        ("The group said the army lost between 70 and 90 soldiers.", [("killed", None, 70, 90)]),
        (
            "The monitor's update puts the toll since June at between 210 and 260.",
            [("killed", None, 210, 260)],
        ),
        # an estimate of the displaced, wounded or missing counts them, not the dead
        (
            "The UN office raised its estimate of the displaced to nearly 75,000.",
            [("displaced", 75000, None, None)],
        ),
        (
            "The Tarapa hospital board revised its estimate of the wounded to 140.",
            [("wounded", 140, None, None)],
        ),
        # near misses: a range of something else; a lost thing that is not people
        ("The army lost between 7 and 9 tanks in the assault.", []),
        ("The rebels put the cost at between 7 and 9 million pesos.", []),
    ],
)
def test_quoted_ranged_and_estimated_tolls(
    text: str, expected: list[tuple[str, int | None, int | None, int | None]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The Ortiga Conflict Monitor on Friday revised its total toll to 1,150 dead.",
            "Ortiga Conflict Monitor",
        ),
        (
            "The Lindero Peace Institute has meanwhile raised its estimate to 2,300 dead.",
            "Lindero Peace Institute",
        ),
        (
            "Talks were postponed as the UN humanitarian office raised its estimate of the "
            "displaced to 60,000.",
            "UN humanitarian office",
        ),
        # near miss: a body that revises something else gives no toll
        ("The Ortiga Conflict Monitor on Friday revised its methods.", None),
    ],
)
def test_a_body_that_revises_or_raises_its_own_toll_gives_it(text: str, body: str | None) -> None:
    assert find_attribution(text) == body


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        # a body introduced once, referred to by its kind after a leading adverbial
        (
            "The Northern Sierra Monitoring Network has tracked the war since 2024. On Monday "
            "the network put the number of people killed at 1,320.",
            1320,
            "Northern Sierra Monitoring Network",
        ),
        # the group named before, put the toll by its kind
        (
            "Talks between Peru's government and the Upland Liberation Front (ULF) resumed. The "
            'rebels put the toll at "more than thirty" soldiers.',
            30,
            "Upland Liberation Front",
        ),
        # the clause that holds the figure names its claimant in lower case
        (
            'The rebels put the figure much higher, and a diocesan aid network has counted "well '
            'over four hundred" dead.',
            400,
            "diocesan aid network",
        ),
        # a body's update by its possessive, named in more than two words
        (
            "The Cuenca Valley Peace Observatory's latest update puts the toll at 240.",
            240,
            "Cuenca Valley Peace Observatory",
        ),
        # a capitalised head alone, or a document it owns, refers back to the body named before
        (
            "The Tarn Valley Monitor opened an office in Ribas. Shelling killed at least nine "
            "civilians, the Monitor's count shows.",
            9,
            "Tarn Valley Monitor",
        ),
        (
            "The Tarn Valley Monitor opened an office in Ribas. The Monitor now puts the toll at "
            "161.",
            161,
            "Tarn Valley Monitor",
        ),
        (
            "The Ribas Human Security Observatory publishes monthly. Two drivers were killed and "
            "four wounded, the Observatory's monthly bulletin says.",
            2,
            "Ribas Human Security Observatory",
        ),
        # a leading time adverbial is no part of the speaker
        (
            "Last week the gendarmerie said two of the smugglers were killed in a gunfight.",
            2,
            "gendarmerie",
        ),
        # a lower-case body's head alone is that body, as "the gendarmerie" is (since
        # state/claims2 of the seventh session: the wire's "police said" is the police's claim)
        ("Three men were shot dead at the site, police said.", 3, "police"),
        # near misses: a report is the narrator's sourcing, not a claimant; nor are officials
        # no body is named for
        ("A new report said 40 people were killed in the raids.", 40, "unattributed"),
        ("Three men were shot dead at the site, officials said.", 3, "unattributed"),
    ],
)
def test_claimants_named_later_by_kind_or_in_the_figure_s_clause(
    text: str, figure: int, claimant: str
) -> None:
    assert claimants_by_figure(text)[figure] == claimant


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        (
            "The Tarn Valley Monitor opened an office in Ribas. The health ministry's latest "
            "figure is 458 dead; the Monitor's update puts the toll since June at 190.",
            {458: "health ministry", 190: "Tarn Valley Monitor"},
        ),
        # near miss: a clause after a semicolon that names no claimant keeps the sentence's
        (
            "The health ministry said 40 people were killed; 12 more were wounded.",
            {40: "health ministry", 12: "health ministry"},
        ),
    ],
)
def test_a_clause_after_a_semicolon_names_its_own_claimant(
    text: str, claimants: dict[int, str]
) -> None:
    assert claimants_by_figure(text) == claimants


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        # a named person with an apposition of their role, then a long reported clause
        (
            "Colonel Ana Ruiz Pereda, the army's spokeswoman, said ULF fighters had ambushed a "
            "convoy near Tarma on Friday, killing six soldiers.",
            6,
            "Ana Ruiz Pereda",
        ),
        (
            "Ivo Marin Sola, head of the Tarn Valley Monitor, said at least 14 were missing.",
            14,
            "Ivo Marin Sola",
        ),
        # a named body that counts, lists or records, with an apposition or an adverb between
        (
            "The Ribas Civilian Monitoring Group, a network of parish volunteers, says at least "
            "900 people have been killed.",
            900,
            "Ribas Civilian Monitoring Group",
        ),
        (
            "The Tarn Valley Monitor now counts nearly 480 people killed.",
            480,
            "Tarn Valley Monitor",
        ),
        ("The Ribas Red Crescent lists 44 people as missing.", 44, "Ribas Red Crescent"),
        # near misses: an unnamed monitoring group is no one; a role alone stays the role
        ("Monitoring groups say at least 900 people have been killed.", 900, "unattributed"),
    ],
)
def test_claimants_named_with_their_role_or_by_a_counting_verb(
    text: str, figure: int, claimant: str
) -> None:
    assert claimants_by_figure(text)[figure] == claimant


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        # auxiliaries and adverbs between the role's apposition and the verb
        (
            "Colonel Rui Tavora Manso, the army spokesman, has just told reporters that ULF "
            "fighters attacked a post overnight, killing six soldiers.",
            6,
            "Rui Tavora Manso",
        ),
        # an aside after a name with its bracketed acronym
        (
            "The Upland Liberation Front (ULF), in a message to journalists, said its fighters "
            "had killed 15 police.",
            15,
            "Upland Liberation Front",
        ),
        # a group that puts its own losses at a figure
        (
            "The Upland Liberation Front (ULF) put its own losses at four dead.",
            4,
            "Upland Liberation Front",
        ),
    ],
)
def test_claimants_behind_asides_acronyms_and_auxiliaries(
    text: str, figure: int, claimant: str
) -> None:
    assert claimants_by_figure(text)[figure] == claimant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure quoted in single quotes, straight or curly
        ("The Front said it had lost 'more than 200' fighters since May.", [("killed", 200)]),
        ("He said the army had killed \u2018around forty\u2019 rebels.", [("killed", 40)]),
        # a part of those counted before, named by its side or as police
        (
            "At least 412 people have been killed since 2024, 260 of them on the rebel side.",
            [("killed", 412), ("killed", 260)],
        ),
        (
            "The ministry counts 1,315 dead, including 310 police.",
            [("killed", 1315), ("killed", 310)],
        ),
        # near miss: an apostrophe of a plural possessive is no quote
        ("The soldiers' families said 12 were killed.", [("killed", 12)]),
    ],
)
def test_single_quoted_figures_and_parts_named_by_their_side(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(unit, value) for unit, value, _, _ in _figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side's deaths put at a figure, a phrase of its side between; losses with a unit
        ("The ministry put Chilean deaths at 1,800.", [("killed", 1800)]),
        ("The Front put its own losses at four dead.", [("killed", 4)]),
        ("The ministry put civilian deaths on the Chilean side at 22.", [("killed", 22)]),
        # the unit the figure names after it
        (
            "The agency put casualties at 300 wounded and 40 dead.",
            [("wounded", 300), ("killed", 40)],
        ),
        # near misses: a cost put at a figure counts no one; losses alone may be any casualty
        ("Analysts put the cost of the damage at 40 million dollars.", []),
        ("The army estimated Chilean losses at 150.", []),
    ],
)
def test_losses_and_deaths_put_at_a_figure(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(unit, value) for unit, value, _, _ in _figures(text)] == expected
