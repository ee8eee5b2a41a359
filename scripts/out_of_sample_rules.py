"""Write training/rules_out_of_sample.json: each training track's rule labels as the rules gave
them before they had read the track.

Today's rules were tuned on the training tracks after they arrived, so on those tracks they are
more often right than on news they never read. The typer trained on them learns to trust them
too much (scripts/train_typer.py --out-of-sample-rules). For each track this finds the commit
that added it, runs the rules of that commit's parent (in a temporary worktree, rules only) over
the track's snippets and keeps each sentence's labels, keyed `<snippet id>@<start>`. Tracks
added by commits whose parents share one `streams/` tree are read by one run.

    .venv/bin/python scripts/out_of_sample_rules.py
"""

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
OUT = TRAINING / "rules_out_of_sample.json"

# Run inside an earlier tree: its rules (mode "rules" where a typer exists) over given tracks.
# It uses only entry points every earlier tree has (split_sentences, quote_states, classify).
_READER = r"""
import contextlib, json, sys
from pathlib import Path
from streams.core.read import classify
from streams.core.read.sentences import quote_states, split_sentences
try:
    from streams.core.read import typer
    rules_only = typer.mode("rules")
except (ImportError, AttributeError):
    rules_only = contextlib.nullcontext()
training, tracks = Path(sys.argv[1]), sys.argv[2:]
out = {}
with rules_only:
    for track in tracks:
        rows = {}
        for line in (training / f"{track}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            sentences = split_sentences(record["text"])
            insides = quote_states(record["text"], sentences)
            labels = classify.classify_sentences([s.text for s in sentences], insides)
            for sentence, each in zip(sentences, labels):
                rows[f"{record['id']}@{sentence.start}"] = sorted({label.type for label in each})
        out[track] = rows
print(json.dumps(out))
"""


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def earlier_trees() -> dict[str, tuple[str, list[str]]]:
    """Per `streams/` tree before a track arrived: a commit with that tree, and its tracks."""
    by_tree: dict[str, tuple[str, list[str]]] = {}
    tracks: defaultdict[str, list[str]] = defaultdict(list)
    for path in sorted(TRAINING.glob("*.sentences.jsonl")):
        track = path.name.removesuffix(".sentences.jsonl")
        added = _git("log", "--diff-filter=A", "--format=%H", "--", str(path.relative_to(ROOT)))
        if not added:
            sys.exit(f"{track}: not committed yet (commit the track first)")
        parent = added.splitlines()[-1] + "^"
        tree = _git("rev-parse", parent + ":streams")
        by_tree.setdefault(tree, (parent, []))
        tracks[tree].append(track)
    return {tree: (commit, tracks[tree]) for tree, (commit, _) in by_tree.items()}


def main() -> None:
    out: dict[str, dict[str, list[str]]] = {}
    trees = earlier_trees()
    for number, (commit, tracks) in enumerate(trees.values(), 1):
        with tempfile.TemporaryDirectory() as scratch:
            tree = Path(scratch) / "tree"
            _git("worktree", "add", "--detach", str(tree), commit)
            try:
                read = subprocess.run(
                    [sys.executable, "-c", _READER, str(TRAINING), *tracks],
                    cwd=tree,
                    env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
                    check=True,
                    capture_output=True,
                    text=True,
                )
            finally:
                _git("worktree", "remove", "--force", str(tree))
        out |= json.loads(read.stdout)
        print(f"{number}/{len(trees)} {commit[:10]}: {len(tracks)} tracks", file=sys.stderr)
    text = json.dumps(dict(sorted(out.items())), sort_keys=True, separators=(",", ":"))
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out)} tracks, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
