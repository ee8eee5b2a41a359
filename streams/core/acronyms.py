"""Whether an acronym can stand for a name, shared by the reading and the participants fold."""

# Small words a name's initials skip ("Movement for Unity and Justice" -> MUJ).
SMALL_WORDS = frozenset(
    ("for", "of", "the", "and", "de", "del", "la", "du", "des", "el", "y", "pour", "do", "da")
)


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in SMALL_WORDS)


def _in_order(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def stands_for(acronym: str, name: str) -> bool:
    """The acronym's letters are the name's initials in order ("MUJ": "Movement for Unity and
    Justice"), or, for a name told in translation, the initials of the same number of words
    (give or take one) in another order ("ALGS": "Grand Sud Liberation Army", from "Armée de
    Libération du Grand Sud"; "FPP": "Highlands Popular Front", from "Frente Popular do
    Planalto"), every letter one of them."""
    letters = "".join(c for c in acronym if c.isupper())
    heads = initials(name).upper()
    if len(letters) < 2 or not heads:
        return False
    if _in_order(letters, heads):
        return True
    return abs(len(letters) - len(heads)) <= 1 and set(letters) <= set(heads)
