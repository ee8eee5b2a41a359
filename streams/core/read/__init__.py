"""snippet -> events: the pure reading wing of the core."""
