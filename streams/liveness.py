"""What keeps a running worker from doing its work, for the health view: the broker out of
reach, agents that crashed, partitions whose commit is stuck. Each is a short sentence an
operator can act on."""

from streams import agents, lograte
from streams.app import app, broker
from streams.kafka import offsets

# A partition waiting this long for a missing offset is reported: a refetch takes seconds.
STUCK_AFTER_SECONDS = 30.0
PROBE_EVERY_SECONDS = 2.0


@app.task
async def limit_log_rate() -> None:
    """At start, when Faust's worker has set up its log handlers."""
    lograte.install()


@app.timer(interval=PROBE_EVERY_SECONDS)
async def probe_broker() -> None:
    await broker.probe()


def problems() -> list[str]:
    found = []
    if broker.down:
        found.append(f"broker unreachable for {broker.down_for():.0f} s: {broker.reason}")
    found += [f"agent {name} crashed: {error}" for name, error in sorted(agents.crashes.items())]
    found += [
        f"partition {tp} is stuck: its commit waits for a missing offset"
        for tp in offsets.stuck_partitions(STUCK_AFTER_SECONDS)
    ]
    return found
