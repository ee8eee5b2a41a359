"""Armed groups a snippet introduces itself (name + bracketed acronym, acronym + fighters noun).

Every sentence is invented; none is news text.
"""

import pytest

from streams.core.read.gazetteer import find_mentions
from streams.core.read.introduced import Group, group_mentions, introduced_groups


def _groups(text: str) -> list[tuple[str, str]]:
    actors, _ = find_mentions(text)
    return [(g.name, g.acronym) for g in introduced_groups(text, actors)]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (
            "The Chilean government and the Northern Liberation Front (NLF) met in Lima.",
            [("Northern Liberation Front", "NLF")],
        ),
        # the name is the run of words the acronym's letters start, not the clause before it
        (
            "Talks between the Government of Chile and the Northern Front (NF) opened.",
            [("Northern Front", "NF")],
        ),
        (
            "The Front for the Liberation of Ostland (FLO) freed ten soldiers.",
            [("Front for the Liberation of Ostland", "FLO")],
        ),
        (
            "Envoys of the Ejército de Liberación del Sur (ELS) arrived in Quito.",
            [("Ejército de Liberación del Sur", "ELS")],
        ),
        ("NLF rebels attacked a convoy near the border.", [("NLF", "NLF")]),
        ("Ten ORA fighters were killed in the clashes.", [("ORA", "ORA")]),
        # near misses: no group head word, letters that do not fit, a known actor
        ("The Northern Development Bank (NDB) lent 40 million dollars.", []),
        ("The National Election Board (NEB) published the results.", []),
        ("The Southern Patriotic Army (XYZ) was named in the report.", []),
        ("The Rapid Support Forces (RSF) shelled the city.", []),
        ("ICRC delegates visited the prisoners.", []),
        ("UN fighters is not a phrase, but UN is known.", []),
    ],
)
def test_groups_introduced_by_name_and_acronym(text: str, groups: list[tuple[str, str]]) -> None:
    assert _groups(text) == groups


def test_a_group_is_named_by_either_form_later() -> None:
    group = Group("Northern Liberation Front", "NLF")
    text = "The NLF said the Northern Liberation Front would return to Lima."
    found = group_mentions(text, [group], [])
    assert [(m.mention, m.name, m.code, m.kind) for m in found] == [
        ("NLF", "Northern Liberation Front", "NLF", "armed_group"),
        ("Northern Liberation Front", "Northern Liberation Front", "NLF", "armed_group"),
    ]
    # a word that only contains the acronym is no mention
    assert group_mentions("The NLFX and ANLF met.", [group], []) == []


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # an unknown acronym framed as the other side of a government names a group
        ("Talks between the Peruvian government and the ALF resumed.", [("ALF", "ALF")]),
        ("Talks between the ALF and the government resumed in Quito.", [("ALF", "ALF")]),
        ("The ceasefire between the army and the SPF held.", [("SPF", "SPF")]),
        # an acronym before a commander names one, as before a fighters noun
        ("ALF commander Tomas Quispe said the rebels would free 12 soldiers.", [("ALF", "ALF")]),
        # an acronym joined to a state before a verb of agreement or exchange
        ("Mozambique and the NPA exchanged 25 prisoners on Monday.", [("NPA", "NPA")]),
        ("Chile's government and the SPF signed a truce.", [("SPF", "SPF")]),
        ("Chile and the SPF welcomed the truce.", []),
        # near misses: an acronym the lexicon knows, one not framed against a government
        ("Talks between the Peruvian government and the UN resumed.", []),
        ("Talks between the ALF and the SPF resumed.", []),
        ("The ALF said the government had lied.", []),
    ],
)
def test_groups_framed_against_a_government(text: str, groups: list[tuple[str, str]]) -> None:
    assert _groups(text) == groups


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # an acronym of the group's own language, a word changed in translation
        (
            "Envoys of the government and the Armed Union of the Highland Peoples (UAPS) met.",
            [("Armed Union of the Highland Peoples", "UAPS")],
        ),
        (
            "The government and the Lambaran Freedom Movement (GML) met in Kuching.",
            [("Lambaran Freedom Movement", "GML")],
        ),
        # a run inside a longer name is none: the whole name after its article is
        (
            "President Ana Vell of the Kessari Front (FKL) met the envoy.",
            [("Kessari Front", "FKL")],
        ),
        # too few of the acronym's letters among the name's initials: no group
        ("The government and the Lambaran Freedom Movement (XQZ) met.", []),
    ],
)
def test_a_group_whose_acronym_comes_from_its_own_language(
    text: str, groups: list[tuple[str, str]]
) -> None:
    assert _groups(text) == groups
