"""Page furniture: headlines, photo captions and credit lines (invented texts)."""

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.furniture import furniture
from streams.core.read.sentences import split_sentences


def kinds(text: str) -> list[tuple[str, str]]:
    sentences = split_sentences(text)
    return [(k, s.text) for k, s in zip(furniture(text, sentences), sentences, strict=True)]


def test_a_headline_line_then_the_body() -> None:
    text = "Valdora says drones hit two depots\n\nValdora's army said drones hit two depots."
    assert [k for k, _ in kinds(text)] == ["headline", "body"]


def test_a_caption_closed_by_its_credit() -> None:
    text = (
        "Smoke rises over the harbour of Port Esk on Monday. Photo: Esk city council / Telegram\n"
        "Officials said the strike damaged two cranes."
    )
    assert [k for k, _ in kinds(text)] == ["caption", "credit", "body"]


def test_credit_forms() -> None:
    credits = ("[WIRE]", "Photo by Ana Reyes/Wire via Getty Images.", "Source: the port authority")
    for credit in credits:
        text = f"Cranes stand idle at the port. {credit}\nThe port reopened on Friday."
        assert kinds(text)[1] == ("credit", credit)


def test_an_image_described_in_the_present_is_a_caption() -> None:
    text = "A satellite image shows craters near the runway.\nThe base was hit twice this week."
    assert [k for k, _ in kinds(text)] == ["caption", "body"]


def test_body_lines_are_not_furniture() -> None:
    text = (
        "The sides agreed as follows:\n"
        "• to open a hotline between the commanders\n"
        "The talks will resume in May, the envoy said.\n"
        "A third round is planned for the spring"  # a last line without a full stop
    )
    assert [k for k, _ in kinds(text)] == ["body", "body", "body", "body"]


def test_credit_lines_give_no_events_and_headline_events_are_marked() -> None:
    text = (
        "Rebels shell the port of Valdora\n"
        "Smoke over the port on Monday. Photo by Ana Reyes/Wire via Getty Images.\n"
        "Rebels shelled the port of Valdora on Monday, the governor said."
    )
    events = extract_events(Snippet(text=text))
    by_kind = {(e.sentence.kind, e.type) for e in events}
    assert ("headline", "strike") in by_kind
    assert ("body", "strike") in by_kind
    assert not any("Photo by" in e.sentence.text for e in events)
