"""The project holds only text it wrote: no run of words from the dev corpus's news excerpts in
code, lexicons, tests, examples or docs (tests read `../shared/` at run time instead).

A run of eight words is long enough to be a copied phrase and short enough to catch a sentence
rephrased only at its ends. Proper names that are eight words long are not copying; they are
listed below.
"""

import json
import re
from pathlib import Path

from tests.corpus import CORPUS

ROOT = Path(__file__).resolve().parents[2]
RUN = 8
SCANNED = (
    "streams",
    "schemas",
    "tests",
    "docs",
    "bench",
    "examples",
    "scripts",
    "training",
    "README.md",
)
SUFFIXES = {".py", ".md", ".json", ".jsonl", ".txt", ".js", ".html", ".yml", ".toml"}
# Names of bodies, in full with their acronym: the words of a name, not of a report.
NAMES = (
    "the international committee of the red cross icrc",
    "organization for security and co operation in europe",
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _corpus_texts() -> list[str]:
    base = CORPUS
    texts = []
    for path in base.rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line).get("text") or "")
    texts.extend(p.read_text(encoding="utf-8") for p in base.glob("*.txt"))
    return texts


def _own_files() -> list[Path]:
    files = []
    for name in SCANNED:
        top = ROOT / name
        candidates = [top] if top.is_file() else top.rglob("*")
        files.extend(
            p
            for p in candidates
            if p.is_file() and p.suffix in SUFFIXES and "artifacts" not in p.parts
        )
    return files


def test_no_run_of_words_from_the_news_corpus_is_in_the_project() -> None:
    corpus = set().union(*(_runs(_words(t)) for t in _corpus_texts()))
    allowed = set().union(*(_runs(_words(n)) for n in NAMES))
    copied = {}
    for path in _own_files():
        text = path.read_text(encoding="utf-8", errors="ignore")
        found = (_runs(_words(text)) & corpus) - allowed
        if found:
            copied[str(path.relative_to(ROOT))] = sorted(" ".join(r) for r in found)[:3]
    assert copied == {}
