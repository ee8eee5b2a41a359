"""Role classes of branch state/mediators11, from invented sentences: persons serve the body or
state whose office a sentence gives them, a role word reaches only the name it belongs to, and
a body named short in one report and in full in another is one mediator."""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

DAY = datetime(2041, 3, 10, 9, tzinfo=UTC)


def _roles(*texts: str) -> tuple[set[str], set[str]]:
    """(parties, mediators and hosts) over every process the snippets fold to."""
    events = [
        e
        for i, text in enumerate(texts)
        for e in extract_events(Snippet(id=f"r11-{i}", text=text, published_at=DAY))
    ]
    states = project_tables(events)["negotiations"].values()
    parties = {p.name for st in states for p in st.parties}
    mediators = {m.name for st in states for m in (*st.mediators, *st.hosts)}
    return parties, mediators


CASES = {
    "a body's office, a comma and an honorific before the person": (
        [
            "Uganda and Kenya opened talks on the lake border in Kigali on Monday, chaired by "
            "the IGAD Facilitator, Dr Amos Telek-Ruto."
        ],
        {"Uganda", "Kenya"},
        {"Intergovernmental Authority on Development", "Rwanda"},
    ),
    "a person apposed as the special envoy of a state's president": (
        [
            "The talks between Ecuador and Peru will be chaired by Ambassador Nilo Varga-Trey, "
            "Special Envoy of the President of Chile, the foreign ministry said."
        ],
        {"Ecuador", "Peru"},
        {"Chile"},
    ),
    "a body's envoy named by nationality is the body's, not the state's": (
        [
            "The foreign ministers of Costa Rica and Nicaragua met on Tuesday. The OAS Special "
            "Envoy, the Chilean diplomat Rosa Venn-Alcalde, who acts as facilitator, proposed "
            "an agenda."
        ],
        {"Costa Rica", "Nicaragua"},
        {"Organization of American States"},
    ),
    "a former minister of a state mediates for no state": (
        [
            "Talks between Ghana and Togo on the river opened in Lome on Monday, chaired by "
            "former Kenyan foreign minister Ruth Wanjala-Obiri for the African Union, which "
            "mediates."
        ],
        {"Ghana", "Togo"},
        {"African Union"},
    ),
    "a bare 'mediator X' of no body named is no second mediator": (
        [
            "Gabon and Cameroon will hold talks mediated by the Economic Community of Central "
            "African States, the Gabonese presidency said.",
            "Gabon and Cameroon opened their talks on Monday, with mediator Luc Abessolo-Nze "
            "urging both sides to settle the islands dispute.",
        ],
        {"Gabon", "Cameroon"},
        {"Economic Community of Central African States"},
    ),
    "'its special envoy' is the office of the body named before": (
        [
            "ECOWAS said on Monday that its special envoy, Ama Dorvlo-Essien, who mediates "
            "between Guinea and Liberia, would visit Conakry."
        ],
        {"Guinea", "Liberia"},
        {"ECOWAS"},
    ),
    "thanked for its good offices": (
        [
            "The Ministry of Foreign Affairs of Bolivia welcomes the accord reached with Peru on "
            "the bridge. Bolivia and Peru thank the Government of Paraguay for its good offices."
        ],
        {"Bolivia", "Peru"},
        {"Paraguay"},
    ),
    "an exchange with the support of a body, and the side after it": (
        [
            "Algeria and Tunisia exchanged 30 detainees each at the crossing on Friday. In the "
            "same operation, carried out with the support of the International Committee of the "
            "Red Cross, Algeria handed over the remains of four Tunisian soldiers."
        ],
        {"Algeria", "Tunisia"},
        {"International Committee of the Red Cross"},
    ),
    "a handover watched by a body": (
        [
            "Chile and Peru freed 14 fishermen each on Friday in a handover at sea, watched by "
            "the International Committee of the Red Cross, both governments said."
        ],
        {"Chile", "Peru"},
        {"International Committee of the Red Cross"},
    ),
    "hostages named by nationality handed to an observer team": (
        [
            "Mali and Niger agreed on a truce, and ECOWAS will act as observer. On Friday three "
            "hostages, two Lebanese and a Belgian, were handed to the observer team near Ayorou."
        ],
        {"Mali", "Niger"},
        {"ECOWAS"},
    ),
    "a side told after 'until the mediators'": (
        [
            "Zambia and Angola confirmed they would attend the talks, though an Angolan "
            "spokesman said Angola would sign nothing until the mediators had heard it."
        ],
        {"Zambia", "Angola"},
        set(),
    ),
    "a side that mediators hear is their object": (
        [
            "Mediators hear Chad's and Niger's complaints one by one as talks between Chad and "
            "Niger open in Abuja."
        ],
        {"Chad", "Niger"},
        set(),
    ),
    "'while' opens another clause's role": (
        [
            "Uruguay will mediate the talks between Colombia and Ecuador, while Spain has agreed "
            "to serve as guarantor, officials said."
        ],
        {"Colombia", "Ecuador"},
        {"Uruguay", "Spain"},
    ),
    "'mediators from' a body no lexicon lists": (
        [
            "Mediators from the Community of Santa Irene shuttled between the delegations of "
            "Angola and Namibia in Luanda on Monday, officials said."
        ],
        {"Angola", "Namibia"},
        {"Community of Santa Irene"},
    ),
    "a body named in full, then by its shorter name": (
        [
            "Senegal and Mauritania met in Geneva on Monday, in talks facilitated by the Orsolo "
            "Foundation for Dialogue.",
            "The second round between Senegal and Mauritania, facilitated by the Orsolo "
            "Foundation, will open in Geneva on April 20.",
        ],
        {"Senegal", "Mauritania"},
        {"Orsolo Foundation for Dialogue", "Switzerland"},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_role_classes(case: str) -> None:
    texts, sides, mediators = CASES[case]
    _, found = _roles(*texts)
    # The mediators and hosts are the case's, and no side of the process is one of them (which
    # process the sides key is the keying's, tested apart).
    assert found == mediators
    assert not sides & found
