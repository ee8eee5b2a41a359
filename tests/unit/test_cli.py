"""`parley classify` and the file readers behind `parley publish`: no Kafka involved."""

from pathlib import Path

import orjson
import pytest

from streams.cli.inputs import Defaults, Rejected, read_snippets
from streams.cli.main import main


def _classify(
    tmp_path: Path, lines: list[bytes], capsysbinary: pytest.CaptureFixture[bytes]
) -> list:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["classify", str(source)]) == 0
    return [orjson.loads(line) for line in capsysbinary.readouterr().out.splitlines()]


def test_classify_answers_every_line_in_order_and_reports_bad_ones(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = _classify(
        tmp_path,
        [
            b'{"id": "a", "text": "Artillery shelled the town.", "published_at": "2026-01-02"}',
            b"{broken",
            b'{"id": "c", "text": 7}',
            b'{"id": "d", "text": "The weather was mild."}',
        ],
        capsysbinary,
    )
    assert [item["id"] for item in out] == ["a", "line-2", "c", "d"]
    assert [e["type"] for e in out[0]["events"]] == ["strike"]
    sentence = out[0]["events"][0]["sentence"]
    assert set(sentence) == {"index", "start", "end", "text", "kind"}
    assert sentence["kind"] == "body"
    assert "not valid JSON" in out[1]["error"]
    assert "text" in out[2]["error"]
    assert out[3]["events"] == []


def test_readers_take_json_lines_text_files_and_directories(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "One."}\n\n{"text": ""}\nnot json\n', "utf-8")
    (tmp_path / "b.txt").write_text("A whole article in a file.", "utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    items = list(read_snippets([str(tmp_path)], Defaults(source="cli", published_at="2026-02-05")))

    accepted = [i for i in items if not isinstance(i, Rejected)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [s.text for s in accepted] == ["One.", "A whole article in a file."]
    assert all(s.source == "cli" and s.published_at is not None for s in accepted)
    reasons = sorted(r.reason.split(":")[0] for r in rejected)
    assert reasons == ["not valid JSON", "text", "unsupported file type '.pdf'"]


def test_state_prints_every_process_and_as_of_keeps_only_what_was_published_by_then(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"id": "a", "text": "Russian drones struck Kharkiv overnight.", '
        b'"published_at": "2026-03-01T08:00:00Z"}\n'
        b'{"id": "b", "text": "Ukrainian and Russian envoys met in Geneva.", '
        b'"published_at": "2026-03-02T08:00:00Z"}\n'
    )
    assert main(["state", str(source)]) == 0
    full = orjson.loads(capsysbinary.readouterr().out)
    assert main(["state", str(source), "--as-of", "2026-03-01T12:00:00Z"]) == 0
    early = orjson.loads(capsysbinary.readouterr().out)

    [process] = full["negotiations"]
    assert full["negotiations"][process]["counts"] == {"strike": 1, "talks": 1}
    assert early["negotiations"][process]["counts"] == {"strike": 1}
    assert early["as_of"] == "2026-03-01T12:00:00+00:00"


def test_state_shows_a_one_sided_process_inside_its_counterpart_unless_as_stored(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    # Invented: the second snippet names one side only.
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"id": "a", "text": "Paraguay and Uruguay opened talks in Buenos Aires on Monday.", '
        b'"published_at": "2032-02-02T08:00:00Z"}\n'
        b'{"id": "b", "text": "Paraguay\'s delegation returned from the talks in Buenos Aires.", '
        b'"published_at": "2032-02-04T08:00:00Z"}\n'
    )
    assert main(["state", str(source), "--as-stored"]) == 0
    tables = orjson.loads(capsysbinary.readouterr().out)
    assert main(["state", str(source)]) == 0
    joined = orjson.loads(capsysbinary.readouterr().out)
    assert main(["state", str(source), "--joined"]) == 0
    assert orjson.loads(capsysbinary.readouterr().out) == joined

    assert sorted(tables["negotiations"]) == ["PY", "PY--UY"]
    assert sorted(joined["negotiations"]) == ["PY--UY"]
    assert joined["negotiations"]["PY--UY"]["event_count"] == 2
    # The claims are shown in the same processes as the negotiations (none are told here).
    assert sorted(tables["casualty_claims"]) == ["PY", "PY--UY"]
    assert sorted(joined["casualty_claims"]) == ["PY--UY"]
    assert joined["casualty_claims"]["PY--UY"]["by_claimant"] == {}


def test_classify_takes_the_dev_set_records_as_they_are(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    # Records carry fields of their own ("labels", "orig_label", "date_inferred"); none may
    # turn a line into an error.
    dev = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
    for path in (dev / "events.jsonl", dev / "stories" / "sudan-jeddah.jsonl"):
        assert main(["classify", str(path)]) == 0
        out = [orjson.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
        assert out and not [item for item in out if "error" in item]
        assert any(item["events"] for item in out)
