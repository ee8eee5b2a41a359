"""Whether the Kafka brokers can be reached, probed every few seconds (issue 16, D6).

During an outage Faust's producer buffers and retries for up to 20 minutes, so an ingest that
waits for the acknowledgement hangs that long, and nothing in the worker said the broker was
gone. The watch lets ingest answer 503 at once and health say "degraded"; it clears itself
as soon as a broker accepts a connection again.
"""

import asyncio
import time


class BrokerWatch:
    def __init__(self, bootstrap_servers: str) -> None:
        self.servers: list[tuple[str, int]] = []
        for server in bootstrap_servers.split(","):
            host, _, port = server.strip().rpartition(":")
            self.servers.append((host.strip("[]") or "127.0.0.1", int(port or 9092)))
        self.down_since: float | None = None
        self.reason = ""

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def down_for(self, now: float | None = None) -> float:
        if self.down_since is None:
            return 0.0
        return (time.monotonic() if now is None else now) - self.down_since

    def suspect(self, reason: str) -> None:
        """Something timed out talking to the broker: down until a probe says otherwise."""
        if self.down_since is None:
            self.down_since = time.monotonic()
        self.reason = reason

    async def probe(self, timeout: float = 1.0) -> bool:
        """Up when any bootstrap server accepts a TCP connection within `timeout` seconds."""
        error: BaseException | None = None
        for host, port in self.servers:
            try:
                _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
            except (OSError, TimeoutError) as failure:
                error = failure
                continue
            writer.close()
            self.down_since = None
            self.reason = ""
            return True
        self.suspect(f"no broker accepts connections: {error!r}")
        return False
