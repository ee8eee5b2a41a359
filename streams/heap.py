"""The worker's start-up heap kept out of the collector's full passes.

Modules, lexicons and the typer's model are about 275,000 objects that live as long as the
process. Each full (generation 2) collection walked them all, and was the longest hold of the
event loop in the latency bench: 160-460 ms once every 20-30 s on a loaded machine
(docs/benchmarks.md, issue 17). Frozen, they are still freed by reference counting if ever
dropped; only the cycle collector no longer visits them.
"""

import gc


def freeze() -> int:
    """Collect what is garbage now, then freeze every object left; how many are frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
