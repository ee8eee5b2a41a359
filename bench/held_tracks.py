"""Per-track totals of training tracks a branch holds out: macro-F1 and per-type P/R, no sentence.

A rule branch never reads its held tracks' sentences or errors; it scores them at its start
and its end with this script (`--tracks a,b,c`, `--typer rules|both|...`).
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.accuracy import TRAINING, _typer, sentence_units, track_line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tracks", required=True, help="comma-separated training track names")
    parser.add_argument("--typer", default="rules", choices=("shipped", "rules", "model", "both"))
    args = parser.parse_args()
    tracks = [t for t in args.tracks.split(",") if t]
    with _typer(args.typer):
        per_track = {t: sentence_units([t], TRAINING) for t in tracks}
    every = [u for units in per_track.values() for u in units]
    print(f"== held training tracks, totals only (typer: {args.typer})")
    for name, units in [*per_track.items(), ("all held", every)]:
        print(track_line(name, units))


if __name__ == "__main__":
    main()
