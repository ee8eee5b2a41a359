"""Who gives a casualty figure and whose dead it counts (issue 14, branch state/claims): staff of
a body, outlets that cite or quote a body, "a figure confirmed by X", "X put Peruvian losses at
N", bare speakers ("Officials said"). Every sentence is invented."""

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events


def _claims(text: str) -> list[tuple[int | None, str, str, str | None]]:
    events = extract_events(Snippet(text=text))
    tables = project_tables(events)["casualty_claims"].values()
    return sorted(
        (c.value, c.unit, c.claimant, c.side)
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    )


def _claimants(text: str) -> list[str]:
    return [claimant for _, _, claimant, _ in _claims(text)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Medical staff at the Lome general hospital said about 40 people were wounded.",
            "Lome general hospital",
        ),
        (
            "Doctors at the Central Hospital of Tacna said 14 people died of their wounds.",
            "Central Hospital of Tacna",
        ),
        (
            "Officials at the Chilean health ministry said 12 people were killed.",
            "Chilean health ministry",
        ),
        (
            "Nurses at the Santa Ana clinic said 9 children were injured in the blast.",
            "Santa Ana clinic",
        ),
        ("Peru's navy said 9 sailors were killed off the coast.", "Peruvian navy"),
        ("The Chilean air force said 3 pilots were killed.", "Chilean air force"),
        # near misses: staff named by nothing else give no body
        ("Doctors said 14 people died of their wounds overnight.", "unattributed"),
        ("Officials said 27 police officers were wounded.", "unattributed"),
        ("They said 27 police officers were wounded in the raid.", "unattributed"),
        ("Chilean officials said 27 police officers were wounded.", "Chilean officials"),
    ],
)
def test_staff_of_a_body_speak_for_it_and_bare_speakers_name_no_one(
    text: str, claimant: str
) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "According to the Lima Post, which cited the Chilean army, 31 soldiers were wounded.",
            "Chilean army",
        ),
        (
            "El Austral quoted the Peruvian navy as saying that 9 sailors were killed.",
            "Peruvian navy",
        ),
        (
            "Quoting the regional health office, the paper said 8 people died in the fire.",
            "regional health office",
        ),
        (
            "Fourteen soldiers were injured in the shelling, a figure confirmed by the Bolivian "
            "defence ministry.",
            "Bolivian defence ministry",
        ),
        (
            "At least 60 people were killed, a figure verified by the Andean Conflict Monitor.",
            "Andean Conflict Monitor",
        ),
        # near misses: the outlet speaks for itself; one quoted who is no body names no one
        ("The Lima Post reported that 31 soldiers were wounded.", "Lima Post"),
        ("El Austral quoted a survivor as saying that 9 sailors were killed.", "unattributed"),
    ],
)
def test_an_outlet_that_cites_or_quotes_a_body_relays_the_body_s_figure(
    text: str, claimant: str
) -> None:
    assert claimant in _claimants(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Andean Security Institute put Peruvian losses at 18,000 killed.",
            [(18000, "killed", "Andean Security Institute", "Peru")],
        ),
        (
            "The Chaco Research Group put Bolivian casualties at 2,500 dead and Paraguayan "
            "casualties at 1,100 dead.",
            [
                (1100, "killed", "Chaco Research Group", "Paraguay"),
                (2500, "killed", "Chaco Research Group", "Bolivia"),
            ],
        ),
        (
            "The Lima Institute put the number of soldiers killed at 7,500.",
            [(7500, "killed", "Lima Institute", None)],
        ),
    ],
)
def test_a_body_that_puts_a_side_s_losses_at_a_figure_claims_it_for_that_side(
    text: str, expected: list[tuple[int, str, str, str | None]]
) -> None:
    assert _claims(text) == expected


def test_putting_something_else_at_a_figure_is_no_claim() -> None:
    assert _claims("The Lima Institute put pressure on 12 ministers to resign.") == []


def _sides(text: str) -> list[str | None]:
    return [side for _, _, _, side in _claims(text)]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "At least 30 people were killed in the shelling on Monday. The figures came from the "
            "Chilean health ministry.",
            "Chile",
        ),
        (
            "Twelve people died when the bridge was hit. The figure was given by Peru's civil "
            "defence office.",
            "Peru",
        ),
        (
            "Nine people were injured in the night's raids, according to the Ghanaian emergency "
            "service.",
            "Ghana",
        ),
        # near misses: an army or a defence ministry counts the enemy's dead too
        (
            "At least 30 people were killed in the shelling on Monday. The figures came from the "
            "Chilean army.",
            None,
        ),
        (
            "At least 30 people were killed in the shelling on Monday. The figures came from the "
            "Chilean defence ministry.",
            None,
        ),
    ],
)
def test_a_body_that_counts_the_dead_at_home_gives_its_state_s_figures(
    text: str, side: str | None
) -> None:
    assert _sides(text) == [side]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "Fourteen soldiers were injured in the shelling, a figure confirmed by the Bolivian "
            "defence ministry.",
            "Bolivia",
        ),
        (
            "Six guards were killed at the post, figures released by the Chilean army showed.",
            "Chile",
        ),
        # near miss: a side named as the one who struck is not the side of the dead
        ("Fourteen soldiers were injured in shelling by the Bolivian army.", None),
    ],
)
def test_a_side_named_as_the_source_of_figures_did_not_strike(text: str, side: str | None) -> None:
    assert _sides(text) == [side]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The Peruvian Health Ministry said the strikes hit two schools. The Ministry said 14 "
            "people were killed.",
            "Peruvian Health Ministry",
        ),
        (
            "The Andean Security Institute published a study on Monday. The institute put the "
            "number of Chilean soldiers killed at 80,000.",
            "Andean Security Institute",
        ),
        (
            "A report by the Chaco Observatory came out on Monday. The observatory said 30 "
            "civilians were killed.",
            "Chaco Observatory",
        ),
        (
            "The Andean Conflict Monitor published new data. Each army lost 300 soldiers in the "
            "battle, the monitor said.",
            "Andean Conflict Monitor",
        ),
        # near misses: with no body named before, the kind is all there is
        ("The Ministry said 14 people were killed.", "Ministry"),
        ("The institute put the number of soldiers killed at 8,000.", "institute"),
    ],
)
def test_a_body_referred_back_to_by_its_kind_is_the_body_named_before(
    text: str, claimant: str
) -> None:
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("More than 50 children were killed in the war in Paraguay, the agency said.", "Paraguay"),
        ("At least 40 people died in the fighting in Bolivia, the monitor said.", "Bolivia"),
        ("Both sides have lost about 2,000 men, the monitor said.", "both sides"),
        ("Each army lost 300 soldiers in the battle, the monitor said.", "both sides"),
        # near misses: a place that is no side; a side that lost nothing named
        ("At least 40 people died in the fighting in the hills, the monitor said.", None),
        ("Both sides met in Lima, where 12 protesters were wounded.", None),
    ],
)
def test_the_place_of_a_war_and_both_sides_as_subject_name_the_side(
    text: str, side: str | None
) -> None:
    assert _sides(text) == [side]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paraguay said it had lost 80 soldiers, while Bolivia had lost 210.",
            [(80, "Paraguay", "Paraguay"), (210, "Paraguay", "Bolivia")],
        ),
        (
            "The Chilean army has lost 300 soldiers since May, the monitor said.",
            [(300, "monitor", "Chile")],
        ),
        (
            "The Andean Conflict Monitor published data. The Chilean army has lost 300 soldiers "
            "since May, the monitor said.",
            [(300, "Andean Conflict Monitor", "Chile")],
        ),
        # near miss: the side that struck is no side that lost
        ("Peru said Chilean shelling had killed 500 men.", [(500, "Peru", "Peru")]),
    ],
)
def test_the_side_that_lost_is_the_subject_of_lost_and_a_monitor_is_no_army(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert [(v, c, s) for v, _, c, s in _claims(text)] == expected
