"""Configuration from environment variables; the only module that reads the environment."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from schemas.snippet import MAX_TEXT_CHARS


class Settings(BaseSettings):
    """Every knob of a Parley process, with loopback defaults for development."""

    model_config = SettingsConfigDict(env_prefix="PARLEY_", frozen=True, extra="ignore")

    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "PARLEY_KAFKA_BOOTSTRAP_SERVERS"),
        description="Comma-separated host:port list of Kafka brokers.",
    )
    app_id: str = Field(default="parley", description="Faust app id: consumer group and prefix.")
    topic_prefix: str = Field(default="parley", description="Prefix of every Parley topic name.")
    partitions: int = Field(default=4, ge=1, description="Partitions of topics and tables.")
    replication_factor: int = Field(default=1, ge=1)
    event_retention_ms: int = Field(
        default=-1,
        ge=-1,
        description="retention.ms of the snippet, event and dead-letter topics Parley creates: "
        "the event log is the truth that replay and as_of read, so it is kept for good (-1).",
    )
    web_host: str = Field(default="127.0.0.1", description="Address the web view binds to.")
    web_port: int = Field(default=6066, ge=1, le=65535)
    store: str = Field(default="memory://", description="Faust table store, e.g. rocksdb://.")
    data_dir: Path = Field(default=Path(".run/data"), description="Worker state directory.")
    log_level: str = "info"
    typer: Literal["rules", "both", "model"] = Field(
        default="both",
        description="Sentence typing: the rules, the rules plus the learned typer's additions "
        "(the default: held out by track it beats the rules alone), or the learned typer alone "
        "(docs/extraction.md, 'The learned typer').",
    )
    ingest_token: str | None = Field(
        default=None, description="Bearer token for POST /api/snippets; unset disables writing."
    )
    ingest_max_bytes: int = Field(default=1_000_000, ge=1, description="Largest request body.")
    snippet_max_chars: int = Field(
        default=MAX_TEXT_CHARS,
        ge=1,
        le=MAX_TEXT_CHARS,
        description="Longest snippet text the worker reads; a longer one is dead-lettered.",
    )

    # Issue 16 (hardening): limits and answers of the web server; docs/hardening.md.
    ingest_send_timeout: float = Field(
        default=5.0,
        gt=0,
        description="Seconds ingest waits for the broker before answering 503 with Retry-After.",
    )
    web_request_timeout: float = Field(
        default=30.0, gt=0, description="Seconds a request may take, body included (not SSE)."
    )
    web_keepalive_timeout: float = Field(
        default=15.0, gt=0, description="Seconds an idle keep-alive connection stays open."
    )
    web_allowed_hosts: str = Field(
        default="127.0.0.1,localhost,::1",
        description="Comma-separated Host header names the web server answers; '*' for any.",
    )
    sse_max_clients: int = Field(
        default=32, ge=1, description="Concurrent /api/events/stream clients (each a consumer)."
    )
    sse_token: str | None = Field(
        default=None,
        description="Bearer token (or ?token=) for /api/events/stream; unset leaves it open.",
    )

    commit_interval_s: float = Field(
        default=10.0,
        gt=0,
        description="Seconds between commits. Each commit sends every table key changed since "
        "the last one, whole, to its changelog before the offsets: at 1,000 keys of 200 events "
        "Faust's 2.8 s sent about one full state per event folded (docs/benchmarks.md). A kill "
        "-9 reads the records since the last commit again.",
    )
    producer_linger_ms: float = Field(
        default=5.0,
        ge=0,
        description="Milliseconds the producer waits to fill a batch before sending it. Faust's 0 "
        "sent a produce request for nearly every event, and each woke the broker; 5 ms batches "
        "them as the plain aiokafka ceiling does, for at most 5 ms more latency per hop "
        "(docs/benchmarks.md, issue 17).",
    )
    consumer_fetch_wait_ms: int = Field(
        default=100,
        ge=0,
        description="Milliseconds the broker may hold a fetch while no new record arrives. "
        "Faust's 1,500 held a snippet at the broker for up to 1.5 s whenever the fetch in "
        "flight asked only for the event partitions: the latency p99 of one worker at half its "
        "throughput (docs/benchmarks.md, issue 17). An idle worker fetches this often.",
    )
    consumer_batch_records: int = Field(
        default=50,
        ge=1,
        description="Most event records of one batch handed to the agents while snippets are "
        "read; every buffered snippet comes too, first. Faust hands a batch over one record a "
        "turn of the event loop, each after the fold of the one before, and fetches again only "
        "when it is through: a snippet waits for the rest of the batch in hand.",
    )
    shutdown_timeout_s: float = Field(
        default=25.0,
        gt=0,
        description="Seconds a worker's stop may take once it starts (SIGTERM); after them it "
        "exits with code 70 and a CRITICAL log line, without the final commit (the records since "
        "the last commit are read again). Below an orchestrator's 30 s grace period.",
    )

    @property
    def allowed_hosts(self) -> frozenset[str] | None:
        """Host names the web server answers, the bind address among them; None for any."""
        names = {name.strip().lower() for name in self.web_allowed_hosts.split(",")}
        if "*" in names:
            return None
        return frozenset({*names, self.web_host.lower()} - {""})

    @property
    def broker_urls(self) -> list[str]:
        return [f"kafka://{host.strip()}" for host in self.kafka_bootstrap_servers.split(",")]

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}.{name}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
