"""A snippet that tells other processes besides its own (issue 14): a regional round-up or a
live blog gives each pair's news a paragraph, and a sentence may tell another pair's meeting in
passing. Such a paragraph or sentence is keyed to its own process when it names two sides of
its own, as a pair, and no side of the snippet's process; anything else keeps the snippet's key.

Every sentence is invented (places, people, figures); none is news text.
"""

from datetime import UTC, datetime

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

PUBLISHED = datetime(2039, 5, 4, 18, tzinfo=UTC)


def _keys_by_sentence(text: str) -> dict[int, set[str]]:
    keys: dict[int, set[str]] = {}
    for event in extract_events(Snippet(text=text, published_at=PUBLISHED)):
        keys.setdefault(event.sentence.index, set()).add(event.process)
    return keys


def test_each_item_of_a_round_up_is_keyed_to_its_own_pair() -> None:
    keys = _keys_by_sentence(
        "AROUND THE REGION\n\n"
        "Angola and Namibia ended their river talks in Lubango on Wednesday, the South African "
        "mediator said.\n\n"
        "Botswana and Zimbabwe signed a cattle accord in Francistown after a day of talks.\n\n"
        "Zambian and Malawian negotiators also wrapped up their lake talks in Mzuzu."
    )
    assert keys[1] == {"AO--NA"}
    assert keys[2] == {"BW--ZW"}
    assert keys[3] == {"MW--ZM"}


def test_a_live_blog_item_on_another_pair_leaves_the_items_of_the_story() -> None:
    keys = _keys_by_sentence(
        "09:10 \u2014 Guatemala and Honduras began a third round of talks in Copan Ruinas, "
        "with Mexico as mediator.\n\n"
        "12:30 \u2014 Costa Rica and Panama held talks on migration in Puntarenas.\n\n"
        "15:05 \u2014 The Guatemalan delegation said the first session had been constructive."
    )
    assert keys[0] == {"GT--HN"}
    assert keys[1] == {"CR--PA"}
    assert keys[2] == {"GT--HN"}


def test_a_sentence_turning_to_another_pair_is_keyed_to_it() -> None:
    keys = _keys_by_sentence(
        "Guatemala and Honduras closed their round in Copan Ruinas on Tuesday. Meanwhile, El "
        "Salvador and Costa Rica held talks on their sea border in La Libertad on Tuesday. "
        "Honduran officials said the round had been useful."
    )
    assert keys[0] == {"GT--HN"}
    assert keys[1] == {"CR--SV"}
    assert keys[2] == {"GT--HN"}


def test_outsiders_speakers_and_adjectives_key_no_process_of_their_own() -> None:
    keys = _keys_by_sentence(
        "Angola and Namibia signed a river accord in Lubango on Wednesday.\n\n"
        "The accord was welcomed by Brazil and Portugal, which have long urged a deal.\n\n"
        "The sides will meet again in June, Zambia and Kenya said in a joint statement.\n\n"
        "A Zambian-Kenyan monitoring team will watch the river line."
    )
    assert {key for each in keys.values() for key in each} == {"AO--NA"}


def test_a_paragraph_naming_a_side_of_the_story_stays_in_its_process() -> None:
    keys = _keys_by_sentence(
        "Angola and Namibia opened talks in Lubango on Wednesday.\n\n"
        "Angola and Zambia, its neighbour, held separate talks on rail links in Lubango."
    )
    assert keys[1] == {"AO--NA"}


def test_two_sides_speaking_of_their_own_meeting_are_its_sides() -> None:
    keys = _keys_by_sentence(
        "Turkey and Georgia signed a rail deal in Batumi on Thursday. Armenia and Azerbaijan "
        "said their foreign ministers would meet in Vienna in September."
    )
    assert keys[0] == {"GE--TR"}
    assert keys[1] == {"AM--AZ"}
