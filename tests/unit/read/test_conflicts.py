"""Process keys from known conflict dyads: one key per conflict, whatever a snippet names."""

import pytest

from schemas.snippet import Snippet
from streams.core.lexicon import load
from streams.core.read.conflicts import CONFLICTS, SEPARATOR, match_conflict
from streams.core.read.extract import UNASSIGNED, extract_events
from streams.core.read.gazetteer import find_mentions, media_cue


def _key(text: str) -> str:
    """The process key of a snippet (all its events share it)."""
    keys = {e.process for e in extract_events(Snippet(text=text))}
    assert len(keys) == 1, keys
    return keys.pop()


def test_every_conflict_code_is_a_gazetteer_code_and_keys_are_unique() -> None:
    actor_codes = {a["code"] for a in load("actors")["actors"]}
    assert not any(SEPARATOR in code for code in actor_codes)
    assert len({c.key for c in CONFLICTS}) == len(CONFLICTS)
    for conflict in CONFLICTS:
        codes = conflict.principals | conflict.allies[0] | conflict.allies[1]
        assert codes <= actor_codes, (conflict.key, codes - actor_codes)
        assert not conflict.parties[0] & conflict.parties[1]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kyiv said on Monday that it would send a delegation to the next round.", "RU--UA"),
        ("Pashinyan told lawmakers the border commission would meet again in May.", "AM--AZ"),
        ("The RSF said it would attend the talks if invited.", "SD--SD-RSF"),
    ],
)
def test_a_snippet_naming_one_party_gets_its_conflict(text: str, key: str) -> None:
    assert _key(text) == key


def test_mediators_and_hosts_stay_out_of_the_key() -> None:
    text = (
        "Delegations of the Congolese government and the M23 resumed talks on Tuesday, "
        "hosted by Qatar. A US envoy attended the opening session, officials said."
    )
    assert _key(text) == "CD--M23--RW"
    text = "Qatari and Turkish mediators said Kyiv and Moscow had agreed to swap 200 prisoners."
    assert _key(text) == "RU--UA"


def test_capital_metonymy_of_a_mediator_does_not_make_it_a_party() -> None:
    text = "Washington and Moscow agreed on Friday to keep their military hotline open."
    assert _key(text) == "RU--UA"


def test_a_demonym_naming_a_news_outlet_is_not_a_party() -> None:
    text = "Chilean officials told the Argentine newspaper that the committee would meet again."
    assert _key(text) == "CL"
    sentence = "Zelensky told the Italian broadcaster Rai that the front was holding."
    actors, _ = find_mentions(sentence)
    assert [media_cue(sentence, a) for a in actors] == [False, True]
    assert _key(sentence) == "RU--UA"


def test_a_channel_number_makes_a_country_name_a_broadcaster() -> None:
    sentence = "The minister told France 24 that the ceasefire would hold."
    actors, _ = find_mentions(sentence)
    assert [media_cue(sentence, a) for a in actors] == [True]


def test_an_unknown_conflict_falls_back_to_the_two_most_named_parties() -> None:
    text = "Bolivian and Chilean negotiators met in The Hague to discuss the maritime dispute."
    assert _key(text) == "BO--CL"
    assert _key("The committee met to discuss the ceasefire proposal.") == UNASSIGNED


def test_an_ally_alone_does_not_open_a_conflict() -> None:
    # US and Saudi Arabia are allies in several dyads but principals of none.
    assert match_conflict(["US", "SA", "US"]) is None
    assert _key("The United States and Saudi Arabia called for calm in the region.") == "SA--US"


def test_both_sides_named_beats_more_mentions_of_one_side() -> None:
    # Israel is a principal of several dyads; naming the other side decides which.
    for codes, key in (
        (["IL", "IL", "IL", "LB-HEZBOLLAH"], "IL--LB-HEZBOLLAH"),
        (["IR", "US"], "IL--IR"),
    ):
        conflict = match_conflict(codes)
        assert conflict is not None and conflict.key == key


@pytest.mark.parametrize(
    "texts",
    [
        [
            "Burhan rejected any truce while the paramilitaries held Khartoum.",
            "Hemedti's forces said they had shot down a drone over Nyala.",
            "Sudanese army and RSF negotiators met in Jeddah under Saudi and US mediation.",
        ],
        [
            "Israeli jets struck targets in Gaza overnight, the army said.",
            "Hamas said it had handed its reply on the hostage deal to Egyptian mediators.",
            "Palestinian Islamic Jihad fired rockets at Ashkelon, and Netanyahu vowed a response.",
        ],
        [
            "Kinshasa said it would not sign while Rwandan troops remained on its soil.",
            "Kagame and Tshisekedi met at the White House, hosted by Trump.",
            "M23 fighters marched into Uvira on Wednesday, residents said.",
        ],
    ],
)
def test_snippets_of_one_conflict_with_different_actors_share_one_key(texts: list[str]) -> None:
    assert len({_key(text) for text in texts}) == 1


def test_envoys_of_the_parties_are_parties_not_mediators() -> None:
    from schemas.snippet import Snippet
    from streams.core.read.extract import extract_events

    [talks] = extract_events(Snippet(text="Ukrainian and Russian envoys met in Geneva."))
    assert talks.process == "RU--UA"
    assert {a.name: a.role for a in talks.actors} == {"Ukraine": "party", "Russia": "party"}
