"""events -> state: the pure folding wing of the core."""
