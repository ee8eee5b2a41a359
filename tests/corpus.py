"""Where the tests find the shared development corpus, and its texts read whole."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = CORPUS / "dev"
STORIES = DEV / "stories"


def dev_texts(*, sentence_files: bool = True, examples: bool = False) -> list[str]:
    """The `text` of every dev record (events.jsonl, the stories; with `sentence_files`, the
    labelled sentences too; with `examples`, the demo snippets), then the seed article."""
    paths = [DEV / "events.jsonl", *sorted(STORIES.glob("*.jsonl"))]
    if not sentence_files:
        paths = [p for p in paths if ".sentences." not in p.name]
    if examples:
        paths.append(ROOT / "examples" / "seed-snippets.jsonl")
    texts = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str):
                texts.append(text)
    texts.append((CORPUS / "seed-article.txt").read_text(encoding="utf-8"))
    return texts
