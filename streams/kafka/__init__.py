"""Kafka-facing adapters: offsets, changelogs, admin, consumers, the event log read back."""
