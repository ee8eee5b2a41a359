"""Build the invented held-out tracks from their hand-written sources, in the dev stories' format.

Each `src/<track>.txt` holds one snippet per
`## NN YYYY-MM-DD[THH:MM:SSZ] inferred=<bool> | <source>` header, then one sentence per line
as `<labels> | <sentence>`, a blank line between paragraphs.
Label codes: T talks, S strike, St statement, P prisoner_exchange, A agreement,
C casualty_report, Ai aid, Sa sanction, O other. Sentences of a paragraph are joined by one
space, paragraphs by a blank line. The build checks that the dev README's sentence splitter
gives back exactly the written sentences, then writes `<track>.jsonl` and
`<track>.sentences.jsonl` beside this file (the gold files are written by hand). Given a
directory, it builds that directory's `src/` the same way (the typer's training tracks use it).

    python bench/invented/build.py [DIR]
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = {
    "T": "talks",
    "S": "strike",
    "St": "statement",
    "P": "prisoner_exchange",
    "A": "agreement",
    "C": "casualty_report",
    "Ai": "aid",
    "Sa": "sanction",
    "O": "other",
}
ORDER = list(CODES.values())
HEADER = re.compile(r"^## (\d\d) (\S+) inferred=(true|false) \| (.+)$")
ABBREVIATIONS = ("U.S.", "U.N.", "a.m.", "p.m.", "D.C.", "Co.", "Maj.", "Gen.", "Mr.", "Dr.")
_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?=\s+[A-Z0-9\"'\u201c\u2018\u00c0-\u00de])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The dev README's splitter: lines are units; split after ., !, ?, ... (and closers)."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        if line.startswith(("\u2022 ", "- ")):
            start += 2
        cut = start
        for m in _END.finditer(text, start, offset + len(line)):
            before = text[cut : m.start() + 1]
            if before.endswith(ABBREVIATIONS) or re.search(r"\b[A-Z]\.$", before):
                continue
            spans.append((cut, m.end()))
            cut = m.end()
            while cut < offset + len(line) and text[cut] == " ":
                cut += 1
        if text[cut : offset + len(line)].strip():
            spans.append((cut, offset + len(line)))
        offset += len(line) + 1
    return spans


def parse(path: Path) -> list[dict]:
    track = path.stem
    snippets: list[dict] = []
    paragraph: list[tuple[list[str], str]] = []
    current: dict | None = None

    def close_paragraph() -> None:
        if current is not None and paragraph:
            current["paragraphs"].append(list(paragraph))
        paragraph.clear()

    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("#!"):
            continue
        header = HEADER.match(line)
        if header:
            close_paragraph()
            nn, when, inferred, source = header.groups()
            current = {
                "id": f"{track}-{nn}",
                "source": source,
                "published_at": when,
                "date_inferred": inferred == "true",
                "paragraphs": [],
            }
            snippets.append(current)
        elif not line.strip():
            close_paragraph()
        else:
            codes, _, sentence = line.partition(" | ")
            labels = [CODES[c] for c in codes.split(",")]
            if not sentence or (len(labels) > 1 and "other" in labels):
                raise SystemExit(f"{path}:{n}: bad line")
            paragraph.append((sorted(labels, key=ORDER.index), sentence))
    close_paragraph()
    return snippets


def build(path: Path) -> tuple[list[dict], list[dict]]:
    records, rows = [], []
    for snip in parse(path):
        text, spans = "", []
        for p, paragraph in enumerate(snip["paragraphs"]):
            if p:
                text += "\n\n"
            for s, (labels, sentence) in enumerate(paragraph):
                if s:
                    text += " "
                spans.append((len(text), len(text) + len(sentence), sentence, labels))
                text += sentence
        split = [(a, b) for a, b in split_sentences(text) if text[a:b].strip()]
        written = [(a, b) for a, b, _, _ in spans]
        if split != written:
            bad = [text[a:b] for a, b in split if (a, b) not in written]
            raise SystemExit(f"{snip['id']}: the splitter disagrees: {bad[:3]}")
        records.append({k: snip[k] for k in ("id", "source", "published_at", "date_inferred")})
        records[-1]["text"] = text
        for i, (a, b, sentence, labels) in enumerate(spans):
            assert text[a:b] == sentence
            rows.append(
                {
                    "snippet_id": snip["id"],
                    "index": i,
                    "start": a,
                    "end": b,
                    "text": sentence,
                    "labels": labels,
                }
            )
    return records, rows


def main() -> int:
    here = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    for path in sorted((here / "src").glob("*.txt")):
        records, rows = build(path)
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        (here / f"{path.stem}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        lines = [json.dumps(r, ensure_ascii=False) for r in rows]
        (here / f"{path.stem}.sentences.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        sizes = [len(r["text"]) for r in records]
        print(
            f"{path.stem}: {len(records)} snippets, {len(rows)} sentences, "
            f"{min(sizes)}-{max(sizes)} chars"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
