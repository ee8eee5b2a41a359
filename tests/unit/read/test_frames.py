"""The two sides a sentence frames ("talks between A and B", "A and B signed").

Every sentence is invented; none is news text.
"""

import pytest

from streams.core.read.frames import framed_pairs, other_topic, outsiders, told_as_history
from streams.core.read.gazetteer import find_mentions


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Talks between Chile and Peru resumed on Monday.", [("CL", "PE", True)]),
        ("The accord between the Chilean government and Peru holds.", [("CL", "PE", True)]),
        ("Chile and Peru signed a border accord.", [("CL", "PE", True)]),
        ("Chile and Peru have formally agreed to a truce.", [("CL", "PE", True)]),
        ("Chilean and Peruvian officials held two days of talks.", [("CL", "PE", True)]),
        ("Chile and Peru exchanged 40 prisoners.", [("CL", "PE", True)]),
        # fighting between two sides frames them, but not as the sides of talks
        ("Clashes between Chilean and Peruvian troops went on.", [("CL", "PE", False)]),
        # two third parties who agree to host or help are no sides
        ("Cuba and Norway agreed to keep hosting the talks.", []),
        ("Cuba and Norway agreed to help the sides.", []),
        # near misses: welcoming, meeting a third party, a list of three, no frame word
        ("Chile and Peru welcomed the accord.", []),
        ("Chile and Peru met Bolivian envoys.", []),
        ("Chile, Peru and Bolivia attended the summit.", []),
        ("Chile said Peru would sign.", []),
        ("Flights between Chile and the capital resumed.", []),
        # a possessive side ("Chile's government and the ...") frames as its adjective does
        ("Chile's government and Peru signed a truce.", [("CL", "PE", True)]),
        ("Peru's army and Chile opened a new round of peace talks.", [("PE", "CL", True)]),
        # a deal or talks about another matter (trade, arms, gas) frame no sides of a process
        ("Bolivia and Paraguay signed a trade deal.", []),
        ("Chile and Peru agreed a new gas contract.", []),
        ("Trade talks between Chile and Peru resumed.", []),
        # a sentence that turns to other news frames nothing for the snippet
        ("Separately, Bolivia and Paraguay signed a border accord.", []),
        ("Elsewhere, Chile and Peru exchanged 40 prisoners.", []),
        ("Meanwhile Ecuador and Colombia held talks in Quito.", []),
        ("Ecuador and Colombia held talks on border trade.", []),
        # two sides joined by a hyphen before a word of talks
        ("In Geneva, the Chile-Peru talks went into a third day.", [("CL", "PE", True)]),
        ("Brazil and Argentina also signed a truce.", [("BR", "AR", True)]),
        # near misses: a hyphen pair before another noun, or before talks on another matter
        ("The Chile-Peru border is long.", []),
        ("The Chile-Peru trade talks ended.", []),
        ("Brazil and Argentina also signed an energy pact.", []),
        # a word of talks or a deal between the two names, then "with"
        ("Chile's talks with Peru resumed in Lima.", [("CL", "PE", True)]),
        ("Chile held two days of talks with Peru.", [("CL", "PE", True)]),
        # near misses: a deal on another matter, relations, no word of talks
        ("Chile signed a trade deal with Peru.", []),
        ("Chile broke off relations with Peru.", []),
        ("Chile had no contact with Peru.", []),
    ],
)
def test_framed_pairs(text: str, pairs: list[tuple[str, str, bool]]) -> None:
    actors, _ = find_mentions(text)
    assert framed_pairs(text, actors) == pairs


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        # a state that sanctions, arms, aids, comments or offers to host acts from outside
        ("The United States imposed sanctions on two rebel commanders.", ["United States"]),
        ("Argentina sold six helicopters to the Peruvian army.", ["Argentina"]),
        ("Spain said it would send aid to displaced families.", ["Spain"]),
        ("The Foreign Ministry of Ecuador said it was ready to host a later round.", ["Ecuador"]),
        ("Colombian Foreign Minister Rosa Ibarra welcomed the talks.", ["Colombian"]),
        ("The United States and Canada urged both sides to return.", ["United States", "Canada"]),
        (
            "Brazilian President Ana Costa, who hosted the leaders of Chile and Peru in 2030, "
            "welcomed the progress.",
            ["Brazilian"],
        ),
        # near misses: a passive (the talks are welcomed), a state that is the object of the
        # act or of a preposition, another actor between, a state in another sentence part
        ("The talks between Chile and Peru were welcomed by Brazil.", []),
        ("Chile said the aid to Peru was welcomed.", []),
        ("Argentina said the rebels welcomed the offer.", []),
        ("Peru freed 40 prisoners; aid agencies welcomed the release.", []),
        ("Chile and Peru signed the accord on Monday.", []),
    ],
)
def test_outsiders(text: str, outside: list[str]) -> None:
    actors, _ = find_mentions(text)
    found = outsiders(text, actors)
    assert [a.mention for a in actors if a.start in found] == outside


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        ("Separately, Chile and Peru signed a trade deal.", True),
        ("In other news, the Lima talks ended.", True),
        ("Elsewhere, fighting went on.", True),
        # near misses: the words inside the sentence, or as part of another word
        ("Chile and Peru met separately with the envoy.", False),
        ("Elsewhereland is a fictional place.", False),
    ],
)
def test_other_topic(text: str, turns: bool) -> None:
    assert other_topic(text) is turns


def test_other_topic_answers_by_text_not_by_the_last_one_asked() -> None:
    # Asked again, or of another object with the same words, or of other words in between,
    # the answer is the text's own.
    turning = "Separately, the Orlan council met on an unrelated canal."
    assert other_topic(turning) is True
    assert other_topic(turning) is True
    assert other_topic("The Orlan council met on the ceasefire.") is False
    assert other_topic("".join(list(turning))) is True
    assert other_topic("The Orlan council met on the ceasefire.") is False


@pytest.mark.parametrize(
    ("text", "history"),
    [
        ("In 2016, Colombia and the rebels signed a peace deal.", True),
        ("Back in March 2019, the sides met in Lima.", True),
        # near misses: this year, a year inside the sentence, no year
        ("In 2027, the sides met in Lima.", False),
        ("The sides, who met in 2016, met again.", False),
        ("In Lima, the sides met.", False),
    ],
)
def test_told_as_history(text: str, history: bool) -> None:
    assert told_as_history(text, 2027) is history
