"""The Faust application, built once from settings."""

import faust

from streams.core.read import typer
from streams.kafka import event_path, offsets, scheduling, shutdown
from streams.kafka.broker_watch import BrokerWatch
from streams.settings import Settings, get_settings
from streams.web import guards
from streams.worker import worker_class

# Before any consumer exists: commits must never pass a message that was not processed.
offsets.install()
# Before any consumer exists: its livelock check must not crash on a partition being reset.
event_path.install()

MAX_VALUE_BYTES = 8 * 1024 * 1024


def create_app(settings: Settings, web_guards: guards.Guards | None = None) -> faust.App:
    web_guards = web_guards or guards.Guards(settings, lambda: False)
    return faust.App(
        settings.app_id,
        broker=settings.broker_urls,
        store=settings.store,
        datadir=str(settings.data_dir / settings.app_id),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        # Parley uses no leader-elected timers, so the extra __assignor-leader topic is noise.
        topic_disable_leader=True,
        key_serializer="raw",
        value_serializer="raw",
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_application_options=guards.application_options(settings, web_guards),
        consumer_auto_offset_reset="earliest",
        # The snippets of a fetched batch reach the classify agent first (streams.kafka.scheduling).
        ConsumerScheduler=scheduling.FirstTopics,
        broker_commit_interval=settings.commit_interval_s,
        producer_linger=settings.producer_linger_ms / 1000,
        # Table values can outgrow Kafka's 1 MB default; the changelogs allow the same size.
        producer_max_request_size=MAX_VALUE_BYTES,
        # Discover exactly these modules; the origin names where the app lives, so Faust does not
        # guess it from the command line (which would be `parley`).
        origin="streams.app",
        # Rate-limited logs from the start, and a stop that ends within the shutdown deadline.
        Worker=worker_class(settings.shutdown_timeout_s),
        autodiscover=[
            "streams.agents",
            "streams.web.api",
            "streams.web.pages",
            "streams.web.system_pages",
        ],
    )


settings = get_settings()
typer.use(settings.typer)
# Before any consumer exists: records are fetched without Faust's 1.5 s wait, and the snippets
# ahead of the fold's events.
scheduling.install(
    [settings.topic("snippets")], settings.consumer_batch_records, settings.consumer_fetch_wait_ms
)
# Probed by streams.liveness; ingest, health and the web guards read it.
broker = BrokerWatch(settings.kafka_bootstrap_servers)
web_guards = guards.Guards(settings, lambda: broker.down)
# A stop skips what would wait for the broker while it is known to be down.
shutdown.install(lambda: broker.down)
app = create_app(settings, web_guards)
