"""Materialised state tables, each a fold of the event log, with changelogs in Kafka."""

from streams.app import app

negotiations = app.Table(
    "negotiations",
    key_type=str,
    value_type=bytes,
    default=None,
    help="Negotiation state per process (schemas/json/negotiation_state.json); key: process.",
)
