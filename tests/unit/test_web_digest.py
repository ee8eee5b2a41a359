"""The picks behind the overview cards and the process summary (streams/web/digest.py)."""

from streams.web import digest
from streams.web.html_process import exchange_count


def _round(start: str, end: str | None = None, **fields: object) -> dict[str, object]:
    return {"window_start": start, "window_end": end or start, **fields}


def _party(name: str, country: str, kind: str = "state") -> dict[str, str]:
    return {"name": name, "country": country, "kind": kind}


def test_a_process_is_named_by_its_parties_in_the_order_of_its_key() -> None:
    ukraine, russia = _party("Ukraine", "UA"), _party("Russia", "RU")
    assert digest.process_name("RU--UA", [ukraine, russia]) == "Russia – Ukraine"
    assert digest.process_name("RU--UA", []) == "RU--UA"
    assert digest.process_name("unassigned", []) == "Reports with no process"
    # A side no party stands for keeps its code; a party the key does not name follows.
    assert digest.process_name("AM--AZ", [_party("Azerbaijan", "AZ")]) == "AM – Azerbaijan"
    sudan = [
        _party("Sudanese Armed Forces", "SD", "armed_group"),
        _party("Rapid Support Forces", "SD", "armed_group"),
        _party("Sudan", "SD"),
    ]
    assert digest.process_name("SD--SD-RSF", sudan) == (
        "Sudan – Rapid Support Forces – Sudanese Armed Forces"
    )
    yemen = [_party("Houthis", "YE", "armed_group"), _party("Yemen", "YE")]
    assert digest.process_name("YE--YE-HOUTHI", yemen) == "Yemen – Houthis"
    tigray = [_party("Tigray People's Liberation Front", "ET", "armed_group"), _party("x", "ET")]
    assert digest.process_name("ET--ET-TPLF", tigray).endswith("Tigray People's Liberation Front")
    eln = [_party("National Liberation Army", "CO", "armed_group"), _party("Colombia", "CO")]
    assert digest.process_name("CO--CO-ELN", eln) == "Colombia – National Liberation Army"
    m23 = [_party("Rwanda", "RW"), _party("M23", "CD", "armed_group"), _party("Congo", "CD")]
    assert digest.process_name("CD--M23--RW", m23) == "Congo – M23 – Rwanda"


def test_a_party_is_never_listed_as_a_mediator() -> None:
    state = {
        "parties": [{"name": "Russia", "country": "RU"}],
        "mediators": [{"name": "Russia"}, {"name": "Kremlin", "country": "RU"}, {"name": "Oman"}],
    }
    assert [m["name"] for m in digest.mediators(state)] == ["Oman"]


def test_rounds_sort_by_their_days_ranges_and_days_alike() -> None:
    rounds = [
        _round("2025-03-09", "2025-03-11"),
        {"date": {"start": "2025-01-05", "end": "2025-01-05"}},
        _round(""),
        _round("2025-02-18"),
    ]
    days = [digest.span(r)[0] for r in digest.in_date_order(rounds)]
    assert days == ["2025-01-05", "2025-02-18", "2025-03-09", ""]


def test_the_last_round_is_the_latest_meeting_held() -> None:
    rounds = [
        _round("2025-03-01", venue="Riyadh"),
        _round("2025-03-20", format="phone"),
        _round("2025-03-25", optional=True),
        _round("2025-03-26", status="cancelled"),
        _round("2025-02-01", venue="Jeddah"),
    ]
    assert (digest.last_round(rounds) or {}).get("venue") == "Riyadh"
    assert (digest.last_round([_round("2025-03-20", format="phone")]) or {}).get("format") == (
        "phone"
    )
    assert digest.last_round([]) is None


def test_plans_are_marked_by_the_state_or_by_the_newest_report() -> None:
    assert digest.plan_mark(_round("2025-03-01"), "2025-04-01") == "passed"
    assert digest.plan_mark(_round("2025-05-01"), "2025-04-01") == "upcoming"
    assert digest.plan_mark(_round("2025-05-01", postponed=True), "2025-04-01") == "postponed"
    assert digest.plan_mark(_round("2025-05-01", flags=["cancelled"]), "") == "cancelled"
    assert digest.plan_mark(_round(""), "2025-04-01") == "upcoming"


def test_certainty_of_the_next_meeting() -> None:
    assert digest.certainty({"date": {"precision": "day"}}) == "date set"
    assert digest.certainty({"date": {"precision": "vague"}}) == "vague"
    assert digest.certainty({}) == "no date"
    assert digest.certainty({"certainty": "confirmed_by_both"}) == "confirmed by both"


def test_positions_read_as_words() -> None:
    assert digest.words("public_statement") == "stated"
    assert digest.words("reject") == "rejected"
    assert digest.words("some_new_code") == "some new code"
    assert digest.words(None) == "mentioned"


def test_cards_newest_first_and_unassigned_last() -> None:
    cards = {
        "unassigned": {"last_published_at": "2027-01-01T00:00:00Z"},
        "A": {"last_published_at": "2025-01-01T00:00:00Z"},
        "B": {"last_published_at": "2026-01-01T00:00:00Z"},
        "C": {},
    }
    assert digest.overview_order(cards) == ["B", "A", "C", "unassigned"]


def test_latest_figure_per_claimant_and_sticking_points() -> None:
    claims = {
        "by_claimant": {
            "X": [
                {"as_of": "2025-01-01", "unit": "killed", "value": 5},
                {"as_of": "2025-02-01", "unit": "wounded", "value": 9},
                {"as_of": "2025-02-01", "unit": "killed", "value": 3},
            ],
            "Y": [{"as_of": "2024-01-01", "unit": "killed", "value": 1}],
            "Z": [],
            "unattributed": [{"as_of": "2026-01-01", "unit": "killed", "value": 7}],
        }
    }
    picked = digest.latest_claims(claims)
    assert [(c["claimant"], c["value"]) for c in picked] == [
        ("X", 3),
        ("Y", 1),
        ("unattributed", 7),
    ]
    issues = [
        {"issue": "territory", "sticking_point": True, "mentions": 2},
        {"issue": "ceasefire", "sticking_point": False, "mentions": 9},
        {"issue": "guarantees", "sticking_point": True, "mentions": 5},
    ]
    assert digest.sticking_points(issues) == ["guarantees", "territory"]
    measures = [
        {"kind": "truce", "window_start": "2025-03-01", "window_end": "2025-03-02"},
        {"kind": "exchange", "date": {"start": "2025-04-01", "end": "2025-04-01"}},
    ]
    assert (digest.last_measure(measures) or {}).get("kind") == "exchange"


def test_a_brief_of_an_empty_state_is_empty_not_an_error() -> None:
    card = digest.brief({})
    assert card["last_round"] is None and card["claims"] == [] and card["name"] == ""


def test_an_exchange_over_several_days_shows_its_days() -> None:
    operation = {"count": 515, "parts": [{"count": 150}, {"count": 120}, {"count": 245}]}
    assert exchange_count(operation) == "515: 150 + 120 + 245"
    assert exchange_count({"count": 40, "parts": []}) == "40"
    assert exchange_count({"count": None}) == "—"
