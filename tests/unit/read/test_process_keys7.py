"""One process across snippets that name a side differently (branch state/keys7): a group's
English name in one snippet and the acronym of its own language in another, the alias stated
once ("known by its Malay initials GML"); a group's one-sided snippet beside two pairs of its
side; a state named only as giving aid beside a group is no side of its process.

Every sentence is invented (places, people, groups, figures); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.counterparts import joins
from streams.core.read.extract import extract_events
from streams.core.read.introduced import stated_aliases

PUBLISHED = datetime(2039, 4, 2, tzinfo=UTC)


def _events(text: str) -> list:
    return extract_events(Snippet(text=text, published_at=PUBLISHED))


def _keys(text: str) -> set[str]:
    return {e.process for e in _events(text)}


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("where the movement, known by its Malay initials GML, has its camps.", "GML"),
        ("The front, known by the Spanish acronym FCC, said it would talk.", "FCC"),
        ("The army, known in Portuguese as the ERC, freed two soldiers.", "ERC"),
        ("The ERC, as it is known in Portuguese, said the soldiers were well.", "ERC"),
        ("The LFM (its Tetum acronym) has held the hills since 2034.", "LFM"),
        ("The MRK (the acronym in Krio) freed ten miners.", "MRK"),
    ],
)
def test_an_acronym_stated_as_the_groups_own_language_name(text: str, acronym: str) -> None:
    assert [a for _, a in stated_aliases(text)] == [acronym]


@pytest.mark.parametrize(
    "text",
    [
        "The Monitor, known as KM, estimates that forty people died.",  # no language, no group
        "The talks (its first round) ended in Dili.",
        "He is known by his initials in the village.",
    ],
)
def test_no_alias_stated(text: str) -> None:
    assert stated_aliases(text) == []


_STATED = (
    "Fighters of the Tarumbi Freedom Movement seized six loggers near Kampung Selor on Monday, "
    "the Malaysian army said. The movement, known by its Malay initials GPT, said the loggers "
    "were held as prisoners of war. The GPT and the Malaysian government would hold talks on "
    "the loggers next week, a Malaysian official said."
)


def test_a_stated_alias_makes_one_group_of_the_name_and_the_acronym() -> None:
    events = _events(_STATED)
    assert {e.process for e in events} == {"GPT--MY"}
    # every event carries the alias, for the snippets that name the group by its name alone
    assert {e.aliases for e in events} == {("TFM=GPT",)}


def test_a_bracketed_acronym_of_the_groups_own_language_is_an_alias() -> None:
    events = _events(
        "The Malaysian government and the Tarumbi Freedom Movement (GMT) held talks in "
        "Kota Bharu on Monday, the ministry said."
    )
    assert {e.aliases for e in events} == {("TFM=GMT",)}


def test_a_group_named_by_its_acronym_in_brackets_of_its_name_states_no_alias() -> None:
    events = _events(
        "The Malaysian government and the Tarumbi Freedom Movement (TFM) held talks in "
        "Kota Bharu on Monday, the ministry said."
    )
    assert {e.aliases for e in events} == {()}


def test_the_english_name_alone_keys_by_its_initials() -> None:
    # the snippet says nothing of the acronym: its key is the initials', joined at read time
    assert _keys(
        "The Malaysian government and the Tarumbi Freedom Movement exchanged 20 prisoners "
        "at Kampung Selor on Saturday, the ministry said."
    ) == {"MY--TFM"}


@pytest.mark.parametrize(
    ("table", "found"),
    [
        # the key of the English name joins the key of the acronym its alias names
        ({"MY--TFM": set(), "GPT--MY": {"TFM=GPT"}}, [("MY--TFM", "GPT--MY")]),
        # stated by the snippet of the other key, or by a third: the same
        ({"MY--TFM": {"TFM=GPT"}, "GPT--MY": set()}, [("MY--TFM", "GPT--MY")]),
        (
            {"MY--TFM": set(), "GPT--MY": set(), "GPT": {"TFM=GPT"}},
            [
                ("MY--TFM", "GPT--MY"),
                ("GPT", "GPT--MY"),
            ],
        ),
        # one side of each joins the one process
        (
            {"TFM": set(), "GPT--MY": {"TFM=GPT"}},
            [("TFM", "GPT--MY")],
        ),
        # no alias stated: two processes
        ({"MY--TFM": set(), "GPT--MY": set()}, []),
    ],
)
def test_keys_of_two_names_of_one_group_join(
    table: dict[str, set[str]], found: list[tuple[str, str]]
) -> None:
    assert sorted(joins({k: frozenset(v) for k, v in table.items()})) == sorted(found)


@pytest.mark.parametrize(
    ("table", "found"),
    [
        # the group's one-sided snippet told of a round in Brunei, the host of its pair's
        # rounds; its other pair (a sanctioning state keyed with it) names no such host
        (
            {"GPT": {"BN"}, "GPT--MY": {"BN", "ID"}, "GPT--US": set()},
            [("GPT", "GPT--MY")],
        ),
        # nothing to tell the pairs apart: it stays apart
        ({"GPT": {"BN"}, "GPT--MY": set(), "GPT--US": set()}, []),
        ({"GPT": set(), "GPT--MY": {"BN"}, "GPT--US": set()}, []),
    ],
)
def test_a_one_sided_key_beside_two_pairs_of_its_side(
    table: dict[str, set[str]], found: list[tuple[str, str]]
) -> None:
    assert joins({k: frozenset(v) for k, v in table.items()}) == found


@pytest.mark.parametrize(
    "text",
    [
        "The KBF freed six soldiers on Friday, its spokesman said. Japan said it would give "
        "300 million yen through UN agencies for families displaced by the fighting.",
        "The KBF said it would release four hostages. South Korea gave two million dollars "
        "in aid for the displaced.",
        "The KBF handed over eleven bodies. Norway provided food and medicine for the "
        "camps near the river.",
    ],
)
def test_a_state_giving_aid_beside_a_group_is_no_side(text: str) -> None:
    assert _keys(text) == {"KBF"}


def test_a_state_giving_aid_to_the_other_state_of_a_pair_stays_a_side() -> None:
    assert _keys(
        "Gabon and Equatorial Guinea held talks in Libreville on Tuesday on the estuary "
        "border. Equatorial Guinea said it would give 2 million dollars for the patrols."
    ) == {"GA--GQ"}


def test_an_acronym_that_said_on_a_day_it_would_free_captives_is_a_group() -> None:
    assert _keys(
        "The AFM said on Monday it would free four soldiers before the talks. Britain imposed "
        "sanctions on the AFM's military chief on Friday."
    ) == {"AFM"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The GPT delegation arrived for the talks on captives on Wednesday. Brunei's "
            "foreign ministry said in a statement that the sultanate was providing the venue "
            'and security and was "not a party to the discussions".',
            "GPT",
        ),
        (
            "Malaysian negotiators arrived for the talks on captives on Wednesday. The "
            "Bruneian government, which hosts them, is not a participant in the talks, its "
            "spokesman said.",
            "MY",
        ),
    ],
)
def test_the_only_state_of_a_sentence_saying_it_is_no_party_is_no_side(text: str, key: str) -> None:
    assert _keys(text) == {key}


def test_the_aliases_fold_in_any_order_and_once() -> None:
    from bench.state_quality import fold_events

    events = _events(_STATED) + _events(
        "The Malaysian government and the Tarumbi Freedom Movement exchanged 20 prisoners "
        "at Kampung Selor on Saturday, the ministry said."
    )
    stored = fold_events(events, joined=False)[0]
    assert stored == fold_events(events[::-1], joined=False)[0]
    assert stored == fold_events(events + events[:3], joined=False)[0]
    assert stored["GPT--MY"].aliases == ("TFM=GPT",)
    # the view shows the two names' processes as one
    assert set(fold_events(events)[0]) == {"GPT--MY"}


@pytest.mark.parametrize(
    "text",
    [
        "The KBF freed six soldiers on Friday, its spokesman said. In Washington, the State "
        'Department said it was "reviewing all tools", including sanctions, against the '
        "group's commanders.",
        "The KBF handed over eleven bodies on Sunday. Britain threatened sanctions on the "
        "group's leaders if the hostages were not freed.",
    ],
)
def test_a_state_weighing_sanctions_beside_a_group_is_no_side(text: str) -> None:
    assert _keys(text) == {"KBF"}


def test_a_state_threatening_sanctions_on_the_other_state_of_a_pair_stays_a_side() -> None:
    assert _keys(
        "Guyana and Suriname held talks in Georgetown on Monday on fishing rights in the "
        "Corentyne river. Suriname threatened sanctions on Guyanese fishing firms last month."
    ) == {"GY--SR"}


def test_the_web_finds_the_alias_joins_from_the_states_json() -> None:
    # the overview's joins read each state's third parties and stated aliases, no whole state
    from streams.web import joined

    states = {
        "GPT--MY": {"process": "GPT--MY", "aliases": ["TFM=GPT"], "mediators": [], "hosts": []},
        "MY--TFM": {"process": "MY--TFM"},
    }
    assert joins(joined.thirds_of_states(states)) == [("MY--TFM", "GPT--MY")]
