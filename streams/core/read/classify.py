"""Multi-label sentence classifier: lexicon triggers, vetoes, modality cues, CAMEO/PLOVER codes."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from schemas.events import EVENT_TYPES
from streams.core.lexicon import alternation, load
from streams.core.read import constructions, gates, typer
from streams.core.read.figures import find_figures
from streams.core.read.gates import GatedPattern, gated
from streams.core.read.modality import Modality, clause_span, modality_at
from streams.core.read.speech import SpeechAct, find_speech, first_person

_LEX = load("events")


@dataclass(frozen=True, slots=True)
class Label:
    """One event type read from a sentence, with its trigger span and interoperability codes."""

    type: str
    subtype: str | None
    modality: Modality
    confidence: float
    cameo: str | None
    plover: str | None
    detail: str | None = None  # talks format: bilateral, trilateral, mediated or phone
    cue: str = ""  # the words that triggered the label
    start: int = 0
    end: int = 0


def _expand(pattern: str, macros: dict[str, str]) -> str:
    # Macros may use earlier macros; expanding until stable keeps the lexicon readable.
    for _ in range(4):
        new = re.sub(r"\{([A-Z0-9]+)\}", lambda m: macros[m.group(1)], pattern)
        if new == pattern:
            break
        pattern = new
    return pattern


def _words(patterns: list[str], macros: dict[str, str]) -> GatedPattern:
    body = alternation([_expand(p, macros) for p in patterns])
    return gated(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _TypeRules:
    name: str
    cameo: str | None
    plover: str | None
    groups: tuple[tuple[str, GatedPattern, bool], ...]  # (group name, regex, weak?)
    context: GatedPattern | None
    exclude: tuple[GatedPattern, ...]  # veto groups, each behind its own keyword gate
    # Per veto group, the trigger groups it is scanned for (None: any trigger).
    scopes: tuple[frozenset[str] | None, ...]
    formats: tuple[tuple[str, GatedPattern], ...]
    subtype_order: tuple[str, ...]
    # The gates of the trigger groups; None when one of them is not gated (it always runs).
    gates: frozenset[int] | None
    # Groups whose modality is read at their last word, so the cue they contain counts.
    at_head: frozenset[str] = frozenset()


def _build(name: str, spec: dict[str, Any], macros: dict[str, str]) -> _TypeRules:
    groups = [(g, _words(p, macros), False) for g, p in spec.get("triggers", {}).items()]
    groups += [(g, _words(p, macros), True) for g, p in spec.get("weak", {}).items()]
    context = spec.get("context")
    exclude = spec.get("exclude") or []
    # A list of vetoes is one group; a dict names groups, each gated apart (events.json).
    named = list(exclude.items()) if isinstance(exclude, dict) else [("", exclude)]
    named = [(veto_name, group) for veto_name, group in named if group]
    scope = spec.get("exclude_scope", {})
    group_gates = frozenset(regex.gate for _, regex, _ in groups if regex.gate is not None)
    ungated = any(regex.gate is None for _, regex, _ in groups)
    return _TypeRules(
        gates=None if ungated else group_gates,
        name=name,
        cameo=spec.get("cameo"),
        plover=spec.get("plover"),
        groups=tuple(groups),
        # Context words are matched in any case: "President X met ..." opens a sentence.
        context=gated(context, re.IGNORECASE) if context else None,
        exclude=tuple(_words(group, macros) for _, group in named),
        scopes=tuple(
            frozenset(scope[veto_name]) if veto_name in scope else None for veto_name, _ in named
        ),
        formats=tuple((f, _words(p, macros)) for f, p in spec.get("formats", {}).items()),
        subtype_order=tuple(spec.get("subtype_order", ())),
        at_head=frozenset(spec.get("modality_at_head", ())),
    )


_MACROS: dict[str, str] = _LEX["macros"]
# Constructions (`constructions.py`) join a type's triggers as groups of their own.
_RULES = {
    name: _build(
        name,
        {**spec, "triggers": {**spec.get("triggers", {}), **constructions.triggers(name)}},
        _MACROS,
    )
    for name, spec in _LEX["types"].items()
    if name not in ("statement", "casualty_report")
}
# Triggers a sentence carries only right after a sentence of the same type: it refers back to
# that event without naming it ("Talks were held in Oslo. The first took place in May.").
# Constructions marked `follows` join them: an outcome told of a subject that only refers back
# ("The men were flown home.", "The trucks crossed at dawn.").
_FOLLOWS = {
    name: _build(
        name,
        {
            **spec,
            "triggers": {**spec.get("follows", {}), **constructions.follows(name)},
            "weak": {},
        },
        _MACROS,
    )
    for name, spec in _LEX["types"].items()
    if "follows" in spec or constructions.follows(name)
}
_CASUALTY = _LEX["types"]["casualty_report"]
# A construction group names its subtype in the data ("frame/rams_vessel" is a ground clash).
_FRAME_SUBTYPES = constructions.subtypes()
_TALKS_SUBTYPE = {"negated": "cancelled", "planned": "planned", "hypothetical": "hypothetical"}
# A status cue is the predicate of the talks trigger: up to four words after it, in its clause.
_TALKS_STATUS = re.compile(
    r"\s+(?:[\w’'-]+,?\s+){0,4}?(?:"
    + alternation([_expand(p, _MACROS) for p in _LEX["types"]["talks"].get("status", [])])
    + r")(?![\w-])",
    re.IGNORECASE,
)
# Strong triggers are confident; weak ones need context and are less so.
_CONFIDENCE = {False: 0.8, True: 0.55}


def _triggers(
    rules: _TypeRules, text: str, present: frozenset[int], low: str | None
) -> list[tuple[str, re.Match[str], bool]]:
    # Vetoes and context are only scanned once a trigger matched: most sentences have none.
    # `present` and `low` are gates.view(text): a group whose stems are absent cannot match, and
    # a group with a case-sensitive variant runs over the lower-cased sentence (only spans are
    # read from its matches).
    found: list[tuple[str, re.Match[str], bool]] = []
    has_context: bool | None = None
    # Over an ASCII sentence, the lower-case variants' ASCII forms (`gates.ascii_form`).
    ascii = low is not None and gates.is_ascii_lowered(low)
    for group, regex, weak in rules.groups:
        # `regex.opens(present)` inline: this runs for every trigger group of every sentence.
        gate = regex.gate
        if gate is not None and (
            gate not in present or (regex.needs and not regex.need_index.met(present))
        ):
            continue
        if weak:
            if has_context is None:
                has_context = rules.context.scan_search(text) is not None if rules.context else True
            if not has_context:
                continue
        lower = regex.lower
        if low is None:
            matches = regex.regex.finditer(text)
        elif lower is not None:
            matches = regex.lower_form(present, ascii).finditer(low)
        elif regex.relaxed is not None:
            relaxed = regex.relaxed.ascii if ascii else regex.relaxed
            matches = iter(relaxed.finditer(text, low))
        else:
            matches = regex.regex.finditer(text)
        for match in matches:
            found.append((group, match, weak))
    if found and rules.exclude:
        # A scoped veto group ("a weapon named as a thing") only matters to some triggers.
        groups = {f[0] for f in found}
        exclude = [
            veto
            for veto, scope in zip(rules.exclude, rules.scopes, strict=True)
            if scope is None or not scope.isdisjoint(groups)
        ]
        vetoes = [(m.start(), m.end()) for group in exclude for m in group.scan(text)]
        found = _unvetoed(found, vetoes)
        # A veto's matches do not overlap: "seized rifles" hides "rifles, pistols and machine
        # guns" that starts inside it. Only where a trigger survives after a veto, scan again
        # for vetoes that start inside it (rarely: most sentences have no veto).
        for _ in range(2):
            inner: list[tuple[int, int]] = []
            for s, e in vetoes:
                if not any(f[1].start() >= e for f in found):
                    continue
                for word in _WORD_START.finditer(text, s + 1, e):
                    for veto in exclude:
                        m = veto.match(text, word.start())
                        if m:
                            inner.append((m.start(), m.end()))
            if not inner:
                break
            vetoes = inner
            found = _unvetoed(found, vetoes)
    return found


# Where a veto may start inside another: at a word after a non-word character.
_WORD_START = re.compile(r"(?<![\w-])\w")


def _unvetoed(
    found: list[tuple[str, re.Match[str], bool]], vetoes: list[tuple[int, int]]
) -> list[tuple[str, re.Match[str], bool]]:
    return [f for f in found if not any(s < f[1].end() and f[1].start() < e for s, e in vetoes)]


# The last word of a trigger: "the liaison cell did not meet", "boycotted the round".
_LAST_WORD = re.compile(r"[\w'’-]+\W*$")


def _head(match: re.Match[str]) -> int:
    """Where a trigger's last word starts: its modality cues may stand inside the trigger."""
    last = _LAST_WORD.search(match.group(0))
    return match.start() + last.start() if last else match.start()


def _is_status(text: str, match: re.Match[str]) -> bool:
    clause_end = clause_span(text, match.start(), match.end())[1]
    return _TALKS_STATUS.match(text, match.end(), clause_end) is not None


# A clause that tells what came before or around the main clause's event.
_BACKGROUND_CLAUSE = re.compile(r"\s(?:after|before|since|following|when)\s", re.IGNORECASE)


def _label(rules: _TypeRules, text: str, present: frozenset[int], low: str | None) -> Label | None:
    if rules.gates is not None and rules.gates.isdisjoint(present):
        return None  # no trigger group's stems occur in the sentence
    found = _triggers(rules, text, present, low)
    if not found:
        return None
    strong = [f for f in found if not f[2]] or found
    group, match, weak = min(strong, key=lambda f: f[1].start())
    if rules.name == "talks":
        earliest = min(found, key=lambda f: f[1].start())
        if earliest[2] and _BACKGROUND_CLAUSE.search(text, earliest[1].end(), match.start()):
            # "The ministers met in Lome on Tuesday, after a summit set for May was postponed":
            # the strong trigger stands in a background clause; the main clause's weak one
            # tells the sentence's own meeting, and its modality is the talks'.
            group, match = earliest[0], earliest[1]
    modality = modality_at(
        text, _head(match) if group in rules.at_head else match.start(), match.end()
    )
    confidence = min(0.95, _CONFIDENCE[weak] + 0.05 * (len({f[1].start() for f in found}) - 1))
    subtype: str | None = None
    detail: str | None = None
    if rules.subtype_order:
        # "ground_clash/control" is part of "ground_clash", gated apart (events.json).
        groups = {_FRAME_SUBTYPES.get(f[0], f[0]).partition("/")[0] for f in found}
        first = _FRAME_SUBTYPES.get(group, group).partition("/")[0]
        subtype = next((s for s in rules.subtype_order if s in groups), first)
    elif rules.name == "talks":
        subtype = _TALKS_SUBTYPE.get(modality, "held")
        if modality in ("actual", "historical") and _is_status(text, match):
            # "The talks are deadlocked": the state of the talks, not a round that took place.
            subtype, modality = "status", "actual"
        detail = next((f for f, regex in rules.formats if regex.scan_search(text)), None)
    return Label(
        rules.name,
        subtype,
        modality,
        round(confidence, 2),
        rules.cameo,
        rules.plover,
        detail,
        text[match.start() : match.end()],
        match.start(),
        match.end(),
    )


def _statement(
    text: str, inside_quote: bool, present: frozenset[int], low: str | None
) -> Label | None:
    acts = find_speech(text, inside_quote)
    if not acts:
        return None
    act = next((a for a in acts if a.cameo != "01"), acts[0])
    return _statement_of(act, 0.55 if act.cue == "quotation" else 0.8)


def _statement_of(act: SpeechAct, confidence: float) -> Label:
    """The statement label of a speech act."""
    return Label(
        "statement",
        act.kind,
        "actual",
        confidence,
        act.cameo,
        act.plover,
        None,
        act.cue,
        act.start,
        act.end,
    )


def _casualty_report(
    text: str, inside_quote: bool, present: frozenset[int], low: str | None
) -> Label | None:
    figures = find_figures(text)
    if not figures:
        return None
    first = figures[0]
    return Label(
        "casualty_report",
        first.unit,
        modality_at(text, first.start, first.end),
        0.8,
        _CASUALTY["cameo"],
        _CASUALTY["plover"],
        None,
        first.text,
        first.start,
        first.end,
    )


Reader = Callable[[str, bool, frozenset[int], str | None], Label | None]
# Types read by a finder of their own rather than by lexicon triggers.
_READERS: dict[str, Reader] = {"statement": _statement, "casualty_report": _casualty_report}


@cache
def _reader(name: str) -> Reader:
    """How a registered event type is read: its own finder, else its lexicon triggers.

    A type with neither is an error at once, never a type that is silently never produced."""
    if name in _READERS:
        return _READERS[name]
    spec = load("events")["types"].get(name)
    if spec is None:
        raise LookupError(f"event type {name!r} has no entry in lexicon/events.json")
    rules = _RULES.get(name) or _build(name, spec, _MACROS)
    return lambda text, inside_quote, present, low: _label(rules, text, present, low)


def _learned(kind: str, text: str, probability: float) -> Label:
    """A label the learned typer adds: its cue is the sentence word that weighs most for it;
    for talks, the word of a meeting (an anchor) that does, whose clause gives the meeting its
    modality ("Asked whether X would host a round in Y, Z said: 'In time'" is read at "round",
    not at "time"). Other types keep the word that weighs most: their anchors ("prisons",
    "supporters") are often outside the clause that says whether a release happened."""
    k = typer.model().types.index(kind)
    weights = typer.model().weights
    best: tuple[float, int, int] = (float("-inf"), 0, 0)
    anchors = typer.anchor_starts(kind, text) if kind == "talks" else frozenset()
    words = list(_WORD.finditer(text))
    if anchors:
        words = [word for word in words if word.start() in anchors] or words
    for word in words:
        row = weights.get("w:" + word.group(0).lower())
        if row is not None and row[k] > best[0]:
            best = (row[k], word.start(), word.end())
    _, start, end = best
    modality = modality_at(text, start, end)
    subtype = _TALKS_SUBTYPE.get(modality, "held") if kind == "talks" else None
    spec = _LEX["types"].get(kind, {})
    return Label(
        kind,
        subtype,
        modality,
        round(min(0.75, probability), 2),  # below a strong rule trigger's confidence
        spec.get("cameo"),
        spec.get("plover"),
        None,
        text[start:end],
        start,
        end,
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _combine(
    labels: list[Label],
    text: str,
    inside_quote: bool,
    context: tuple[set[str], set[str]] | None,
) -> list[Label]:
    """Rule labels plus the learned typer's, minus those it vetoes (mode "both"), or the typer's
    decision alone (mode "model")."""
    mode = typer.current_mode()
    if mode == "rules":
        return labels
    model = typer.model()
    ruled = {label.type for label in labels}
    if mode == "model":
        scores = model.scores(typer.features(text, ruled, inside_quote, context, model.classes))
        chosen = {k for k, p in scores.items() if p >= model.model_thresholds[k]}
        kept = [label for label in labels if label.type in chosen]
        return kept + [_learned(k, text, scores[k]) for k in model.types if k in chosen - ruled]
    # A silent type may be added, a guarded one only where a word of its type stands: the
    # words are looked for first (mostly a bit of the sentence's gate scan), so that a type
    # without them is not scored, nor a sentence without any.
    missing = typer.anchored_among(text, [k for k in model.add if k not in ruled], model.guard)
    vetoable = [k for k in model.types if k in ruled and model.veto[k] > 0.0]
    if not missing and not vetoable:
        return labels
    scores = model.sentence_scores(text, ruled, inside_quote, context, missing + vetoable)
    # A rule label the model scores below its type's veto is dropped ("both" may remove what
    # cross-validation showed the rules over-read); a silent type is added above its bar.
    dropped = {k for k in vetoable if scores[k] < model.veto[k]}
    kept = [label for label in labels if label.type not in dropped] if dropped else labels
    added = [_learned(k, text, scores[k]) for k in missing if scores[k] >= model.thresholds[k]]
    return kept + added if added else kept


def classify_sentence(text: str, inside_quote: bool = False) -> list[Label]:
    """Every event type the sentence reports; `inside_quote` marks a sentence within a quotation.

    A sentence read alone: the learned typer sees no neighbours (see `classify_sentences`).
    """
    return _combine(_rule_labels(text, inside_quote), text, inside_quote, None)


def classify_sentences(texts: Sequence[str], inside_quote: Sequence[bool]) -> list[list[Label]]:
    """Every event type of each sentence of a snippet, the sentences read in their context."""
    ruled = [_rule_labels(t, q) for t, q in zip(texts, inside_quote, strict=True)]
    for i in range(1, len(texts)):
        # The referent may stand two sentences back when the sentence between reports no event
        # ("Drones hit the depot. Crews fought the fire. The incident prompted ...").
        # So may it when the sentence between is only someone's words ("Both sides swapped 40
        # men. 'A good day,' the minister said. The men landed at dawn.").
        antecedents = ruled[i - 1]
        if i > 1 and all(label.type == "statement" for label in antecedents):
            antecedents = antecedents + ruled[i - 2]
        ruled[i] += referring_back(texts[i], antecedents, ruled[i])
    _own_text(ruled, texts, inside_quote)
    if typer.current_mode() == "rules":
        return ruled
    kinds = [{label.type for label in labels} for labels in ruled]
    return [
        _combine(labels, text, inside, typer.context_of(kinds, i))
        for i, (labels, text, inside) in enumerate(zip(ruled, texts, inside_quote, strict=True))
    ]


def _own_text(ruled: list[list[Label]], texts: Sequence[str], inside_quote: Sequence[bool]) -> None:
    """In a snippet where a body speaks, its sentences in the first person are its statements
    ("Communiqué of the Southern Front. ... Our forces will not withdraw.")."""
    if not any(label.type == "statement" for labels in ruled for label in labels):
        return
    for labels, text, inside in zip(ruled, texts, inside_quote, strict=True):
        label = own_text(text, inside, labels)
        if label is not None:
            labels.append(label)


def own_text(text: str, inside_quote: bool, labels: list[Label]) -> Label | None:
    """The statement of a first-person sentence in a snippet where a body speaks ("Our forces
    will not withdraw" in its communiqué); None when the sentence is no such text."""
    if inside_quote or any(label.type == "statement" for label in labels):
        return None
    act = first_person(text)
    return None if act is None else _statement_of(act, 0.55)


def referring_back(text: str, previous: list[Label], own: list[Label]) -> list[Label]:
    """Labels of the types of the previous sentence that this one refers back to."""
    kinds = {label.type for label in previous} - {label.type for label in own}
    # In the registry's order, not the set's: the labels' order must not depend on the hash seed.
    rules = [_FOLLOWS[name] for name in EVENT_TYPES if name in kinds and name in _FOLLOWS]
    if not rules:
        return []
    present, low = gates.view(text)
    found = (_label(each, text, present, low) for each in rules)
    return [label for label in found if label is not None]


def _rule_labels(text: str, inside_quote: bool) -> list[Label]:
    """What the rules read in a sentence: every registered type, in the registry's order."""
    present, low = gates.view(text)
    labels = []
    for name in EVENT_TYPES:
        label = _reader(name)(text, inside_quote, present, low)
        if label:
            labels.append(label)
    return labels
