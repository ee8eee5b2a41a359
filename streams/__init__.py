"""Parley: Faust stream processing of conflict and negotiation news into events and state."""
