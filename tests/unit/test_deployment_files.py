"""docker-compose.yml and scripts/kafka must describe the same broker and valid settings.

`docker compose` is not installed where these run, so the "replicated" profile (three KRaft
brokers, replication factor 3) is checked here by structure; `docker compose --profile
replicated config --quiet` is the check for Docker users."""

import re
from pathlib import Path
from typing import Any

import pytest
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
    for name in ("worker", "demo-publisher", "replicated-worker", "replicated-demo-publisher"):
        env = _compose()["services"][name]["environment"]
        used = {key for key in env if key.startswith(("PARLEY_", "KAFKA_BOOTSTRAP"))}
        assert used, name
        assert used <= known, f"{name}: unknown {used - known}"


def test_compose_uses_the_same_topic_prefix_and_partitions_as_the_defaults() -> None:
    env = _compose()["services"]["worker"]["environment"]
    defaults = Settings.model_fields
    assert env["PARLEY_TOPIC_PREFIX"] == defaults["topic_prefix"].default
    assert int(env["PARLEY_PARTITIONS"]) == defaults["partitions"].default


# --- the "replicated" profile: three brokers, replication factor 3 ----------------------------

REPLICATED = "replicated"


def _profile(name: str) -> dict[str, Any]:
    return {k: v for k, v in _compose()["services"].items() if name in v.get("profiles", [])}


def _brokers() -> dict[str, dict[str, Any]]:
    return {
        name: service["environment"]
        for name, service in _profile(REPLICATED).items()
        if str(service.get("image", "")).startswith("apache/kafka:")
    }


def test_plain_compose_up_starts_only_the_single_broker_stack() -> None:
    services = _compose()["services"]
    unprofiled = {name for name, service in services.items() if not service.get("profiles")}
    assert unprofiled == {"kafka", "worker", "demo-publisher"}
    assert set(services) - unprofiled == set(_profile(REPLICATED))


def test_the_three_brokers_form_one_kraft_quorum() -> None:
    services = _profile(REPLICATED)
    brokers = _brokers()
    assert len(brokers) == 3
    voters = {
        f"{env['KAFKA_NODE_ID']}@{services[name]['hostname']}:9093" for name, env in brokers.items()
    }
    assert len(voters) == 3, "distinct node ids and hosts"
    for name, env in brokers.items():
        assert services[name]["image"] == _compose()["services"]["kafka"]["image"]
        assert set(env["KAFKA_CONTROLLER_QUORUM_VOTERS"].split(",")) == voters
        assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
        assert env["KAFKA_ADVERTISED_LISTENERS"] == f"PLAINTEXT://{services[name]['hostname']}:9092"
        assert env["KAFKA_LISTENERS"].startswith("PLAINTEXT://:9092,")
    assert len({env["CLUSTER_ID"] for env in brokers.values()}) == 1
    volumes = [services[name]["volumes"][0].split(":")[0] for name in brokers]
    assert len(set(volumes)) == 3, "each broker keeps its own log"


def test_every_replicated_topic_survives_one_broker_down() -> None:
    brokers = _brokers()
    factor = int(
        _profile(REPLICATED)["replicated-worker"]["environment"]["PARLEY_REPLICATION_FACTOR"]
    )
    assert factor == 3 == len(brokers)
    for env in brokers.values():
        for setting in (
            "KAFKA_DEFAULT_REPLICATION_FACTOR",
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
            "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
        ):
            assert int(env[setting]) == factor, setting
        # acks=all writes need min.insync.replicas copies: fewer than all, more than one.
        for setting in (
            "KAFKA_MIN_INSYNC_REPLICAS",
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
            "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR",
        ):
            assert 1 < int(env[setting]) < factor, setting


def test_the_replicated_worker_is_the_worker_with_another_environment() -> None:
    services = _compose()["services"]
    worker, replicated = services["worker"], services["replicated-worker"]
    for key in ("build", "healthcheck", "command", "entrypoint", "image"):
        assert replicated.get(key) == worker.get(key), key
    changed = {
        key
        for key in worker["environment"].keys() | replicated["environment"].keys()
        if worker["environment"].get(key) != replicated["environment"].get(key)
    }
    assert changed == {"KAFKA_BOOTSTRAP_SERVERS", "PARLEY_REPLICATION_FACTOR"}
    assert set(replicated["depends_on"]) == set(_brokers())
    assert all(v["condition"] == "service_healthy" for v in replicated["depends_on"].values())
    publisher = services["replicated-demo-publisher"]
    assert publisher["command"] == services["demo-publisher"]["command"]
    assert (
        publisher["environment"]["KAFKA_BOOTSTRAP_SERVERS"]
        == (replicated["environment"]["KAFKA_BOOTSTRAP_SERVERS"])
    )


def test_the_worker_reads_the_replicated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    services = _profile(REPLICATED)
    for key, value in services["replicated-worker"]["environment"].items():
        monkeypatch.setenv(key, str(value))
    settings = Settings()
    assert settings.replication_factor == 3
    advertised = {
        env["KAFKA_ADVERTISED_LISTENERS"].replace("PLAINTEXT://", "kafka://")
        for env in _brokers().values()
    }
    assert set(settings.broker_urls) == advertised
