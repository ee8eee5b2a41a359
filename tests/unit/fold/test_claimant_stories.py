"""Casualty claims told over several invented snippets, read and folded as `parley state` does:
who claims each figure, by the name a body is called by."""

from datetime import UTC, datetime

from schemas.snippet import Snippet
from schemas.state import CasualtyClaims
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

# A border war between Bolivia and Paraguay told by ministries, agencies, a minister and the
# narrator, in the forms wire copy uses.
BORDER_WAR = (
    (
        "2031-05-02",
        "At least 14 people were killed in shelling of the border town of Tarija on Thursday, "
        "according to Bolivia's health ministry. Paraguay denied firing on the town.",
    ),
    (
        "2031-05-03",
        "Paraguay said on Friday that 18 of its soldiers had been killed since the fighting "
        'began. "They died defending the border," defence ministry spokesman Luis Benitez said.',
    ),
    (
        "2031-05-04",
        "The death toll from the shelling of Tarija has risen to 23. The figure was given by "
        "the regional health office.",
    ),
    (
        "2031-05-05",
        "UNICEF said 8 children were among the dead in Tarija. Medical charity MSF said its "
        "clinic near the border treated 40 wounded people.",
    ),
    (
        "2031-05-06",
        "Twenty people were reported killed in the fighting, the Paraguayan interior ministry "
        "said. Bolivian Health Minister Carla Ruiz told reporters that 31 people had been "
        "wounded. She put the number of missing at 6.",
    ),
)


def _claims(*snippets: tuple[str, str]) -> list[tuple[str, str, int | None]]:
    events = []
    for n, (day, text) in enumerate(snippets):
        published = datetime.fromisoformat(day).replace(hour=18, tzinfo=UTC)
        events += extract_events(Snippet(id=f"c-{n}", text=text, published_at=published))
    rows = []
    for table in project_tables(events)["casualty_claims"].values():
        assert isinstance(table, CasualtyClaims)
        for claimant, claims in table.by_claimant.items():
            rows += [(claimant, c.unit, c.value) for c in claims]
    return sorted(rows)


def test_every_claim_of_the_border_war_has_its_whole_claimant() -> None:
    assert _claims(*BORDER_WAR) == [
        ("Bolivian health ministry", "killed", 14),
        ("Carla Ruiz", "missing", 6),
        ("Carla Ruiz", "wounded", 31),
        ("MSF", "wounded", 40),
        ("Paraguayan defence ministry", "killed", 18),
        ("Paraguayan interior ministry", "killed", 20),
        ("UNICEF", "killed", 8),
        ("regional health office", "killed", 23),
    ]


def test_the_claims_do_not_depend_on_the_order_of_the_snippets() -> None:
    assert _claims(*reversed(BORDER_WAR)) == _claims(*BORDER_WAR)
