"""Table changelogs written at commit time: the latest value of each changed key, delivered
before the consumer offsets that produced it are committed.

Faust sends a changelog record on every table write through a buffer that its pre-commit flush
may leave non-empty (it gives up after 0.1 s), so a worker killed right after a commit could
lose writes whose events would never be redelivered. Here a write only marks its key as
changed; Faust's commit path publishes a record of each changed key and waits for the broker to
acknowledge them before it commits (`Consumer._handle_attached`, the hook Faust keeps for
messages attached to offsets).

A record carries the value the key holds at commit time, encoded then: a compacted changelog
keeps only that one anyway, and a key changed by many events is encoded once. The value may
include events whose offsets are not committed yet: after a crash those events come again and
the offset marks in the value (`streams.core.fold.delivery`) skip them.
"""

from functools import partial
from types import SimpleNamespace
from typing import Any

from faust.app._attached import Attachments
from faust.types import TP

from streams import codec


class ChangelogAtCommit(Attachments):  # type: ignore[misc]
    """Faust's attachments, plus every table key changed since the last commit."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self._held: dict[tuple[str, Any], Any] = {}

    def hold(self, table: Any, partition: int | None, key: Any) -> None:
        """Mark the key as changed; its record is made from the table's value when sent."""
        slot = (table.name, key)
        # Re-inserted at the end so that records go out in the order of their last write.
        self._held.pop(slot, None)
        self._held[slot] = (table, partition, key)

    async def _send(self, table: Any, partition: int | None, key: Any, value: Any) -> Any:
        """Send the key's record straight to the app's producer; the broker's future.

        Not through the changelog topic's `publish_message`, whose per-record message object,
        sensor calls and debug line cost about as much as the send itself, for a record per
        changed key and per new snippet id at every commit (docs/benchmarks.md, issue 17).
        The future is the same aiokafka future Faust would have waited on."""
        sent = await self.app.producer.send(
            table.changelog_topic.get_topic_name(),
            key=key.encode() if isinstance(key, str) else key,
            # Encoded here rather than by the table's serializer, so that the table's value
            # does not keep the bytes beside its state once they are sent.
            value=codec.entry_bytes(value, keep=False),
            partition=partition,
            timestamp=None,
            headers=None,
        )
        sent.add_done_callback(partial(_changelog_sent, table))
        return sent

    @property
    def held(self) -> int:
        return len(self._held)

    def forget(self) -> None:
        """Drop every changed key (tests reset their tables between cases)."""
        self._held.clear()

    async def publish_for_tp_offset(self, tp: TP, offset: int) -> list[Any]:
        """Called for each partition about to be committed: send everything held, whatever
        partition wrote it, so no key can ever have an older value published after a newer one.
        """
        pending: list[Any] = await super().publish_for_tp_offset(tp, offset)
        held, self._held = self._held, {}
        for table, partition, key in held.values():
            value = table.data.get(key)
            if value is None:
                continue  # Parley never deletes: a value missing here is not a tombstone
            pending.append(await self._send(table, partition, key, value))
        return pending


def _changelog_sent(table: Any, sent: Any) -> None:
    """The table notes the record's offset (a rocksdb store keeps it, so that a restart reads
    only the changelog after it); a failed send is the commit's to see, as in Faust."""
    if not sent.cancelled() and sent.exception() is None:
        table._on_changelog_sent(sent)


def install(app: Any, tables: list[Any]) -> ChangelogAtCommit:
    """Route the changelog writes of these tables through a ChangelogAtCommit on the app."""
    held = ChangelogAtCommit(app)
    app._attachments = held
    for table in tables:

        def send_changelog(
            partition: int | None,
            key: Any,
            value: Any,
            key_serializer: Any = None,
            value_serializer: Any = None,
            table: Any = table,
        ) -> Any:
            held.hold(table, partition, key)
            # Faust reads the partition off the returned message; nothing else uses it.
            return SimpleNamespace(message=SimpleNamespace(partition=partition))

        table.send_changelog = send_changelog
    return held
