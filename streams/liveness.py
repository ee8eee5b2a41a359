"""What keeps a running worker from doing its work, for the health view: agents that
crashed, partitions whose commit is stuck. Each is a short sentence an operator can act on."""

from streams import agents
from streams.kafka import offsets

# A partition waiting this long for a missing offset is reported: a refetch takes seconds.
STUCK_AFTER_SECONDS = 30.0


def problems() -> list[str]:
    found = [f"agent {name} crashed: {error}" for name, error in sorted(agents.crashes.items())]
    found += [
        f"partition {tp} is stuck: its commit waits for a missing offset"
        for tp in offsets.stuck_partitions(STUCK_AFTER_SECONDS)
    ]
    return found
