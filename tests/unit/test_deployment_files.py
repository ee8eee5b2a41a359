"""docker-compose.yml and scripts/kafka must describe the same broker and valid settings."""

import re
from pathlib import Path

import yaml

from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return dict(yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8")))


def test_compose_runs_the_kafka_version_the_local_script_pins() -> None:
    script = (ROOT / "scripts" / "kafka").read_text("utf-8")
    pinned = re.search(r'PARLEY_KAFKA_DEFAULT_VERSION="([\d.]+)"', script)
    assert pinned is not None
    assert _compose()["services"]["kafka"]["image"] == f"apache/kafka:{pinned.group(1)}"


def test_every_parley_variable_in_compose_is_a_setting() -> None:
    known = {f"PARLEY_{name.upper()}" for name in Settings.model_fields} | {
        "KAFKA_BOOTSTRAP_SERVERS"
    }
    for name in ("worker", "demo-publisher"):
        env = _compose()["services"][name]["environment"]
        used = {key for key in env if key.startswith(("PARLEY_", "KAFKA_BOOTSTRAP"))}
        assert used, name
        assert used <= known, f"{name}: unknown {used - known}"


def test_compose_uses_the_same_topic_prefix_and_partitions_as_the_defaults() -> None:
    env = _compose()["services"]["worker"]["environment"]
    defaults = Settings.model_fields
    assert env["PARLEY_TOPIC_PREFIX"] == defaults["topic_prefix"].default
    assert int(env["PARLEY_PARTITIONS"]) == defaults["partitions"].default
