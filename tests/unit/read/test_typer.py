"""Learned sentence typer: features, the dot product, modes, the shipped weights, training."""

import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.events import EVENT_TYPES
from streams.core.read import classify, gates, typer

ROOT = Path(__file__).resolve().parents[3]


def test_names_and_numbers_do_not_carry_over_as_words() -> None:
    feats = typer.features("Envoy Kaldor met 14 delegates in Velmora.", set(), False)
    assert "w:envoy" in feats  # the first word is lower-cased, not taken for a name
    assert "w:kaldor" not in feats and "w:velmora" not in feats
    assert feats.count("w:N") == 2
    assert "w:0" in feats and "w:14" not in feats
    assert not any(f.startswith("b:") for f in feats)  # bigrams lowered the held-out model
    assert "p:deleg" in feats and "s:tes" in feats


def test_rule_labels_quotation_and_context_are_features() -> None:
    feats = typer.features("“We will not wait,” she said.", {"statement"}, True, ({"talks"}, set()))
    assert feats.count("r:statement") == typer.RULE_WEIGHT
    assert "q:inside" in feats and "q:opens" in feats
    assert "c:prev:talks" in feats
    assert "r:none" in typer.features("Nothing here.", set(), False)


def test_context_is_the_previous_sentence_and_the_rest_of_the_snippet() -> None:
    ruled = [{"talks"}, set(), {"strike", "statement"}]
    # The sentence's own rule labels are not context: they are features of their own.
    assert typer.context_of(ruled, 0) == (set(), {"strike", "statement"})
    assert typer.context_of(ruled, 2) == (set(), {"talks"})
    assert typer.context_of(ruled, 1) == ({"talks"}, {"talks", "strike", "statement"})


def _tiny(add: tuple[str, ...] = ("strike",)) -> typer.Model:
    types = list(EVENT_TYPES)
    weights = {"w:melee": [0.0] * len(types), "bias": [-2.0] * len(types)}
    weights["w:melee"][types.index("strike")] = 4.0
    return typer.Model(
        {
            "types": types,
            "add": list(add),
            "thresholds": dict.fromkeys(types, 0.5),
            "model_thresholds": dict.fromkeys(types, 0.5),
            "weights": weights,
        }
    )


def test_scores_are_a_logistic_dot_product() -> None:
    model = _tiny()
    scores = model.scores(["bias", "w:melee", "w:unknown"])
    assert scores["strike"] == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert scores["talks"] == pytest.approx(1 / (1 + math.exp(2.0)))
    assert model.scores(["bias", "w:melee"], ["strike"]) == {"strike": scores["strike"]}
    assert model.scores(["w:unknown"]) == dict.fromkeys(EVENT_TYPES, 0.5)  # no known feature


@pytest.fixture
def tiny_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typer, "model", _tiny)


@pytest.mark.usefixtures("tiny_model")
def test_modes_rules_both_and_model() -> None:
    text = "A melee broke out near the ridge."
    with typer.mode("rules"):
        assert "strike" not in {lab.type for lab in classify.classify_sentence(text)}
    with typer.mode("both"):
        added = [lab for lab in classify.classify_sentence(text) if lab.type == "strike"]
    assert len(added) == 1
    assert added[0].cue == "melee"  # the word that weighs most for the type
    assert added[0].confidence <= 0.75  # never above a strong rule trigger
    with typer.mode("model"):
        # The model alone decides: a rule label it does not confirm is dropped.
        said = "The minister said a melee broke out."
        assert {lab.type for lab in classify.classify_sentence(said)} == {"strike"}


@pytest.mark.usefixtures("tiny_model")
def test_the_model_never_removes_a_rule_label_in_mode_both() -> None:
    text = "The minister said the talks would resume."
    with typer.mode("rules"):
        rules = {lab.type for lab in classify.classify_sentence(text)}
    with typer.mode("both"):
        assert {lab.type for lab in classify.classify_sentence(text)} == rules


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError), typer.mode("guess"):
        pass


def test_the_shipped_weights_are_consistent() -> None:
    model = typer.model()
    assert model.types == tuple(EVENT_TYPES)
    assert set(model.add) <= set(model.types)
    assert all(0 < t < 1 for t in model.thresholds.values())
    assert all(len(row) == len(model.types) for row in model.weights.values())
    assert any(f.startswith("r:") for f in model.weights)


@pytest.fixture(scope="module")
def scripts() -> tuple[Any, Any]:
    """scripts/train_typer.py and scripts/typer_loto.py, imported as modules."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_typer
        import typer_loto
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return train_typer, typer_loto


def test_training_is_deterministic(scripts: tuple[Any, Any]) -> None:
    train_typer, _ = scripts
    examples = [
        (typer.features("Drones struck the depot.", {"strike"}, False), {"strike"}, set(), 1.0),
        (typer.features("The envoys met again.", {"talks"}, False), {"talks"}, set(), 1.0),
        (typer.features("The museum reopened.", set(), False), set(), set(), 1.0),
    ]
    first, second = train_typer.train(examples), train_typer.train(examples)
    assert first == second
    k = list(EVENT_TYPES).index("strike")
    assert first["r:strike"][k] > 0 > first["r:talks"][k]


def _unit(train_typer: Any, text: str, gold: set[str], rules: set[str], known: Any = ()) -> Any:
    feats = typer.features(text, rules, False)
    return train_typer.Unit(gold, [(feats, rules)], feats, 1.0, frozenset(known), (text,))


def test_the_weights_file_is_the_same_bytes_and_loads(scripts: tuple[Any, Any]) -> None:
    train_typer, _ = scripts
    units = [
        _unit(train_typer, "Mortars hit the harbour of Velmora.", {"strike"}, {"strike"}),
        _unit(train_typer, "Envoys of Chile and Peru met in Lima.", {"talks"}, {"talks"}),
        _unit(train_typer, "The bridge reopened to traffic.", set(), set()),
    ]
    thresholds = dict.fromkeys(EVENT_TYPES, 0.9)
    first = train_typer.weights_file(units, ["strike"], thresholds)
    assert first == train_typer.weights_file(units, ["strike"], thresholds)
    model = typer.Model(json.loads(first))
    assert model.add == ("strike",) and model.thresholds["strike"] == 0.9
    hit = model.scores(typer.features("Shells hit the harbour.", {"strike"}, False))
    calm = model.scores(typer.features("The harbour reopened.", set(), False))
    assert hit["strike"] > calm["strike"]


def test_earlier_rule_labels_replace_todays_where_they_exist(
    scripts: tuple[Any, Any], tmp_path: Path
) -> None:
    """A track scored as unseen text: each sentence with the rule labels of before the rules
    read it, and the neighbour features built from those; a sentence they lack keeps today's."""
    train_typer, _ = scripts
    text = "Mortars hit the harbour of Velmora. The envoys of Chile and Peru met in Lima."
    record = {"id": "t-01", "text": text, "published_at": "2027-01-05"}
    (tmp_path / "t.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold = [
        {"snippet_id": "t-01", "start": 0, "labels": ["strike"]},
        {"snippet_id": "t-01", "start": 36, "labels": ["talks"]},
    ]
    (tmp_path / "t.sentences.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in gold), encoding="utf-8"
    )
    today = train_typer.track_units(["t"], tmp_path)["t"]
    earlier = train_typer.track_units(["t"], tmp_path, {"t": {"t-01@0": []}})["t"]
    assert [rules for u in today for _, rules in u.sentences] == [{"strike"}, {"talks"}]
    assert [rules for u in earlier for _, rules in u.sentences] == [set(), {"talks"}]
    assert "r:none" in earlier[0].example and "r:strike" not in earlier[0].example
    assert "c:prev:strike" in today[1].example and "c:prev:strike" not in earlier[1].example


def _track(root: Path, name: str, text: str, labels: list[str]) -> None:
    record = {"id": f"{name}-01", "text": text, "published_at": "2027-01-05"}
    (root / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold = {"snippet_id": f"{name}-01", "start": 0, "labels": labels}
    (root / f"{name}.sentences.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")


def test_held_training_tracks_are_never_read(
    scripts: tuple[Any, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A track named in HELD_TRACKS is neither trained on nor scored: training_units drops it,
    and typer_loto reads the training tracks only through training_units."""
    train_typer, typer_loto = scripts
    _track(tmp_path, "dev-a", "Mortars hit the harbour of Velmora.", ["strike"])
    _track(tmp_path, "dev-b", "The envoys of Chile and Peru met in Lima.", ["talks"])
    _track(tmp_path, "held-a", "Drones struck the depot at Orsk.", ["strike"])
    monkeypatch.setattr(train_typer, "TRAINING", tmp_path)
    monkeypatch.setattr(train_typer, "OUT_OF_SAMPLE", tmp_path / "none.json")
    monkeypatch.setattr(train_typer, "HELD_TRACKS", frozenset({"held-a"}))
    assert sorted(train_typer.training_units()) == ["dev-a", "dev-b"]
    read: list[str] = []
    real = train_typer.track_units
    monkeypatch.setattr(
        train_typer, "track_units", lambda tracks, *a: read.extend(tracks) or real(tracks, *a)
    )
    monkeypatch.setattr(typer_loto, "UNSEEN_RULES", False)
    groups = typer_loto.held_out(2, sources=("training",), grouped=True)
    assert sorted(g.fold for g in groups) == ["fold 1", "fold 2"]
    assert "held-a" not in read and {"dev-a", "dev-b"} <= set(read)


def test_the_held_training_tracks_exist(scripts: tuple[Any, Any]) -> None:
    """A misspelt name in HELD_TRACKS would hold nothing out."""
    train_typer, _ = scripts
    for track in train_typer.HELD_TRACKS:
        assert (train_typer.TRAINING / f"{track}.sentences.jsonl").exists(), track


def test_a_test_sentence_trains_only_the_type_it_asserts(scripts: tuple[Any, Any]) -> None:
    train_typer, _ = scripts
    feats = typer.features("A melee broke out near Velmora.", set(), False)
    weights = train_typer.train([(feats, {"strike"}, {"strike"}, 1.0)])
    k = list(EVENT_TYPES).index("strike")
    assert weights["w:melee"][k] > 0
    assert all(w == 0.0 for i, w in enumerate(weights["w:melee"]) if i != k)


@pytest.mark.parametrize(
    ("line", "kind", "negated", "flag", "expected"),
    [
        ("assert kind in types(text)", "kind", None, None, None),
        ("assert kind not in types(text)", "kind", "not ", None, None),
        ("assert 'strike' in types(text)", "'strike'", None, None, None),
        ("assert ('statement' in types(text)) is speaks", "'statement'", None, "speaks", None),
        ("assert types(text) == expected", None, None, None, "expected"),
    ],
)
def test_the_harvested_assertions(
    scripts: tuple[Any, Any],
    line: str,
    kind: str | None,
    negated: str | None,
    flag: str | None,
    expected: str | None,
) -> None:
    match = scripts[0]._ASSERT.match(line)
    assert match is not None
    assert (match["kind"], match["neg"], match["flag"], match["expected"]) == (
        kind,
        negated,
        flag,
        expected,
    )


@pytest.mark.parametrize(
    "line",
    [
        "assert kind in types_after(previous, text)",  # a sentence read after another
        "assert types(text) == expected | more",
        "assert label.modality == 'planned'",
        "assert kind in types(text) or True",
    ],
)
def test_other_assertions_are_not_harvested(scripts: tuple[Any, Any], line: str) -> None:
    assert scripts[0]._ASSERT.match(line) is None


def _held(gold: set[str], rules: set[str], p_strike: float, text: str = "") -> Any:
    scores = dict.fromkeys(EVENT_TYPES, 0.01)
    scores["strike"] = p_strike
    return gold, rules, [(rules, scores, text, dict.fromkeys(EVENT_TYPES, 0.0))]


def test_the_combination_adds_a_type_only_where_held_out_it_gains(
    scripts: tuple[Any, Any],
) -> None:
    _, loto = scripts
    # The rules miss two strikes the model scores high; a sure no-strike scores low.
    pool = [_held({"strike"}, {"strike"}, 0.9)] * 3
    pool += [_held({"strike"}, set(), 0.8)] * 2 + [_held(set(), set(), 0.1)] * 5
    add, veto, guard = loto.choose(pool, "add")["strike"]
    assert 0.1 < add <= 0.8 and veto == 0.0 and guard == ""
    assert loto.choose(pool, "add")["talks"] == (1.01, 0.0, "")  # no gain: never adds
    combine = loto.combiner(loto.choose(pool, "add"), "mixed")
    assert combine(pool[3][2][0]) == {"strike"}
    # A high score on sentences without a strike: adding it would lose, so nothing is added.
    noisy = pool[:3] + [_held(set(), set(), 0.8)] * 4 + [_held({"strike"}, set(), 0.8)]
    assert loto.choose(noisy, "add")["strike"] == (1.01, 0.0, "")


def test_the_combination_vetoes_a_rule_label_only_where_held_out_it_gains(
    scripts: tuple[Any, Any],
) -> None:
    _, loto = scripts
    pool = [_held({"strike"}, {"strike"}, 0.9)] * 4 + [_held(set(), {"strike"}, 0.05)] * 3
    add, veto, _ = loto.choose(pool, "veto")["strike"]
    assert add == 1.01 and 0.05 < veto <= 0.9
    combine = loto.combiner(loto.choose(pool, "veto"), "mixed")
    assert combine(pool[-1][2][0]) == set()
    assert combine(pool[0][2][0]) == {"strike"}


def _vetoing(veto: float) -> typer.Model:
    """The tiny model, with a strike veto: "melee" scores 0.88, other sentences 0.12."""
    spec = {
        "types": list(EVENT_TYPES),
        "add": [],
        "thresholds": dict.fromkeys(EVENT_TYPES, 0.5),
        "model_thresholds": dict.fromkeys(EVENT_TYPES, 0.5),
        "veto": {"strike": veto},
        "weights": _tiny().weights,
    }
    return typer.Model(spec)


@pytest.mark.parametrize(
    ("text", "veto", "kept"),
    [
        # The rules read a strike; the model scores it 0.12 (no "melee"): below the veto.
        ("Mortars hit the harbour of Velmora overnight.", 0.5, False),
        ("Mortars hit the harbour of Velmora overnight.", 0.1, True),  # 0.12 is above 0.1
        ("Mortars hit the harbour of Velmora overnight.", 0.0, True),  # 0.0 never vetoes
        # The model scores a strike it reads a melee in at 0.88: kept under any veto below.
        ("Mortars hit the harbour in a melee overnight.", 0.5, True),
        ("Mortars hit the harbour in a melee overnight.", 0.9, False),
    ],
)
def test_mode_both_drops_a_rule_label_scored_below_its_veto(
    monkeypatch: pytest.MonkeyPatch, text: str, veto: float, kept: bool
) -> None:
    monkeypatch.setattr(typer, "model", lambda: _vetoing(veto))
    with typer.mode("rules"):
        assert "strike" in {lab.type for lab in classify.classify_sentence(text)}
    with typer.mode("both"):
        both = {lab.type for lab in classify.classify_sentence(text)}
    assert ("strike" in both) is kept


def test_a_weights_file_without_vetoes_vetoes_nothing() -> None:
    assert set(_tiny().veto.values()) == {0.0}
    assert _vetoing(0.3).veto["strike"] == 0.3 and _vetoing(0.3).veto["talks"] == 0.0


def test_the_weights_file_carries_the_vetoes(scripts: tuple[Any, Any]) -> None:
    train_typer, _ = scripts
    units = [
        _unit(train_typer, "Mortars hit the harbour of Velmora.", {"strike"}, {"strike"}),
        _unit(train_typer, "The bridge reopened to traffic.", set(), set()),
    ]
    thresholds = dict.fromkeys(EVENT_TYPES, 0.9)
    text = train_typer.weights_file(units, [], thresholds, {"strike": 0.25})
    assert text == train_typer.weights_file(units, [], thresholds, {"strike": 0.25})
    model = typer.Model(json.loads(text))
    assert model.veto["strike"] == 0.25 and model.veto["aid"] == 0.0


def test_only_the_dev_halves_of_the_probe_sets_are_trained_on(scripts: tuple[Any, Any]) -> None:
    train_typer, _ = scripts
    from bench import probe_classes

    files = {path.name for path in probe_classes.SETS.values()}
    # Every typing probe set is either trained on (its even lines) or held whole.
    assert files == set(train_typer.PROBE_SETS) | set(train_typer.HELD_PROBES)
    assert not set(train_typer.PROBE_SETS) & set(train_typer.HELD_PROBES)
    name = "strike_conventions_dev3.jsonl"
    rows = (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines()
    dev = train_typer.probe_units(name, "dev")
    held = train_typer.probe_units(name, "held")
    assert (len(dev), len(held)) == ((len(rows) + 1) // 2, len(rows) // 2)
    first = json.loads(rows[0])
    assert dev[0].gold == set(first["labels"]) - {"other"}


def test_thresholds_for_a_fold_are_chosen_on_the_other_folds(scripts: tuple[Any, Any]) -> None:
    _, loto = scripts
    # Fold a: the model's 0.8 marks strikes the rules missed. Fold b: its 0.8 marks none.
    fold_a = [_held({"strike"}, set(), 0.8)] * 4 + [_held(set(), set(), 0.1)] * 4
    fold_b = [_held(set(), set(), 0.8)] * 4 + [_held({"strike"}, {"strike"}, 0.9)] * 2
    groups = [loto.Group("a", "tune", fold_a), loto.Group("b", "training", fold_b)]
    results = loto.evaluate(groups)
    # Fold b is typed with what fold a taught: it adds strikes, wrongly; fold a with what b
    # taught: nothing is added, so its strikes stay missed.
    assert sum("strike" in p for _, p in results["add"]["training"]) == 6
    assert not any("strike" in p for _, p in results["add"]["tune"])
    assert results["rules"]["tune"] == [(g, set()) for g, _, _ in fold_a]


def test_the_shipped_model_adds_only_its_add_types_and_drops_only_vetoed_ones() -> None:
    texts = [
        "Envoys of Chile and Peru met in Lima on Tuesday.",
        "Mortars hit the harbour of Velmora overnight, the army said.",
        "The Southern Front freed 12 soldiers in exchange for 30 fighters.",
        "The bridge reopened to traffic after repairs.",
    ]
    allowed = set(typer.model().add)
    for text in texts:
        with typer.mode("rules"):
            rules = {lab.type for lab in classify.classify_sentence(text)}
        with typer.mode("both"):
            both = {lab.type for lab in classify.classify_sentence(text)}
        assert both - rules <= allowed
        assert all(typer.model().veto[k] > 0.0 for k in rules - both)  # only vetoed types go


@pytest.mark.parametrize("name", ["rules", "both", "model"])
def test_every_mode_is_a_setting_and_applies(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from streams.settings import Settings

    monkeypatch.setenv("PARLEY_TYPER", name)
    assert Settings().typer == name
    before = typer.current_mode()
    try:
        typer.use(Settings().typer)
        assert typer.current_mode() == name
    finally:
        typer.use(before)


@pytest.mark.parametrize("name", ["guess", "", "Rules", "add"])
def test_an_unknown_mode_is_refused_by_the_settings_and_the_core(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from pydantic import ValidationError

    from streams.settings import Settings

    monkeypatch.setenv("PARLEY_TYPER", name)
    with pytest.raises(ValidationError):
        Settings()
    with pytest.raises(ValueError):
        typer.use(name)


def test_processes_ship_with_both_and_the_core_alone_types_with_the_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from streams.settings import Settings

    monkeypatch.delenv("PARLEY_TYPER", raising=False)
    # Held out by track, the rules plus the model's additions beat the rules alone
    # (docs/extraction.md): a worker or the CLI applies this default with `typer.use`.
    assert Settings().typer == "both"
    # The core reads no settings: imported alone, it types with the rules until told.
    code = "from streams.core.read import typer; print(typer.current_mode())"
    alone = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert alone.stdout.strip() == "rules"


# The per-sentence path of mode "both" (`tokens`, `Model.sentence_scores`) must give the very
# floats of `scores(features(...))`: the thresholds and a label's confidence are read from them.
_REFERENCE_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d,.]*")
_INVENTED = [
    "Envoy Kaldor met 14 delegates in Velmora on Tuesday.",
    "“We won’t sign,” said Mira Odess of the Tarn Front, after 3,200.5 km of road.",
    "The convoy's 12 trucks (F16-like drones?) hit 4x4s at km.7, l'autre côté.",
    "Émile Varga's group freed 40 men; Øster Bay's port said the swap was done.",
    "N. Talvi said the N-7 road to Kessin'Vor reopened at 0600 ... _under_ guard",
    "rock'n'roll 1.2.3 don't ,5 .5 A1b2 9a ÀÉÎ’s ’tis 'quoted' ‘single’",
    "",
    "...",
    "42",
]


def _reference_tokens(text: str) -> list[str]:
    return [
        ("0" if not t[0].isalpha() else "N" if t[0].isupper() and i else t.lower())
        for i, t in enumerate(_REFERENCE_TOKEN.findall(text))
    ]


@pytest.mark.parametrize("text", _INVENTED)
def test_tokens_are_those_of_the_unicode_pattern(text: str) -> None:
    assert typer.tokens(text) == _reference_tokens(text)
    if text.isascii():
        assert typer._ASCII_TOKEN.findall(text) == _REFERENCE_TOKEN.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZq Nb09,.'’_-x\"Éé ", max_size=40))
def test_tokens_of_any_text_are_those_of_the_unicode_pattern(text: str) -> None:
    assert typer.tokens(text) == _reference_tokens(text)
    if text.isascii():
        assert typer._ASCII_TOKEN.findall(text) == _REFERENCE_TOKEN.findall(text)


def _bits(scores: dict[str, float]) -> dict[str, str]:
    return {kind: p.hex() for kind, p in scores.items()}


_RULED = [set(), {"statement"}, {"talks", "strike"}, {"aid", "agreement", "statement"}]
_CONTEXTS = [None, (set(), set()), ({"talks"}, {"strike", "sanction", "statement"})]


@pytest.mark.parametrize("text", _INVENTED)
def test_sentence_scores_are_the_floats_of_the_features(text: str) -> None:
    model = typer.model()
    for ruled in _RULED:
        for context in _CONTEXTS:
            for inside in (False, True):
                kinds = [k for k in model.both_types if k not in ruled]
                feats = typer.features(text, ruled, inside, context)
                expected = model.scores(feats, kinds)
                got = model.sentence_scores(text, ruled, inside, context, kinds)
                assert _bits(got) == _bits(expected)
                for kind in kinds:  # one type alone, as most sentences are scored
                    alone = model.sentence_scores(text, ruled, inside, context, [kind])
                    assert _bits(alone) == _bits({kind: expected[kind]})


def test_sentence_scores_read_every_feature_family_and_fall_back_outside_both_types() -> None:
    types = list(EVENT_TYPES)
    names = ["bias", "w:truce", "w:N", "w:0", "p:negot", "s:ing", "r:none", "r:talks"]
    names += ["q:inside", "q:opens", "c:prev:talks", "c:doc:strike", "a:aid:nouns"]
    # Weights of different magnitudes: summed in another order, the floats would differ.
    weights = {
        name: [(-1) ** i * 0.1 * (i + 1) / (j + 3) for j in range(len(types))]
        for i, name in enumerate(names)
    }
    model = typer.Model(
        {
            "types": types,
            "classes": True,
            "add": ["aid", "sanction"],
            "veto": {"talks": 0.2},
            "thresholds": dict.fromkeys(types, 0.5),
            "model_thresholds": dict.fromkeys(types, 0.5),
            "weights": weights,
        }
    )
    assert model.both_types == ("talks", "aid", "sanction")
    text = "“Negotiating a truce,” Odess said, 40 negotiators were waiting for food aid."
    for ruled in (set(), {"talks"}):
        for context in (None, ({"talks"}, {"strike"})):
            feats = typer.features(text, ruled, True, context, classes=True)
            used = [f for f in feats if f in weights]
            assert {f.split(":")[0] for f in used} == {"bias", "w", "p", "s", "r", "q"} | (
                {"c"} if context else set()
            ) | {"a"}
            for kinds in (["aid", "sanction"], ["talks", "aid"], ["strike", "aid"], []):
                expected = model.scores(feats, kinds)
                got = model.sentence_scores(text, ruled, True, context, kinds)
                assert _bits(got) == _bits(expected)


# The guard on additions (branch read/guard): a guarded type is added only to a sentence that
# holds a word of its type (streams/lexicon/typer_anchors.json).
@pytest.mark.parametrize(
    ("kind", "text", "anchored"),
    [
        ("aid", "Eleven villagers died in the flooding near Tessaly.", False),
        ("aid", "The president's aide said the road was open.", False),  # "aid" is a whole word
        ("aid", "Trucks of flour reached Tessaly on Monday.", True),
        ("aid", "The Orvel Fund pledged fresh AID to the valley.", True),  # any case
        # "İ" lower-cases to two characters: the case-insensitive regex reads such a sentence.
        ("aid", "The İstel Fund pledged fresh AID to the valley.", True),
        ("aid", "The İstel office stayed closed on Monday.", False),
        ("sanction", "The treasury froze the accounts of two Orvel traders.", True),
        ("sanction", "Eleven villagers died in the flooding near Tessaly.", False),
        ("prisoner_exchange", "Nine detainees walked out of the Kessel barracks.", True),
        ("prisoner_exchange", "Eleven villagers died in the flooding near Tessaly.", False),
        ("talks", "The two delegations sat down in Orvel.", True),  # a stem: "delegat*"
        ("talks", "The bridge over the Orvel reopened to traffic.", False),
        ("agreement", "The truce along the Kessel river held overnight.", True),
        ("strike", "A melee broke out near the ridge.", False),
        ("strike", "The melee near the ridge ended the operation.", True),
    ],
)
def test_a_type_is_anchored_by_a_word_of_its_type(kind: str, text: str, anchored: bool) -> None:
    assert typer.anchored(kind, text) is anchored
    with gates.ungated():  # the gate of the type's words never hides one
        assert typer.anchored(kind, text) is anchored
    # All types of a sentence at once (mode "both"): a guarded type is kept only where it is
    # anchored, an unguarded one always, in the order given.
    others = [k for k in EVENT_TYPES if k != kind]
    kept = typer.anchored_among(text, [kind, *others], frozenset({kind}))
    assert kept == ([kind] if anchored else []) + others
    with gates.ungated():  # no lower-cased sentence: every type's regex runs
        assert typer.anchored_among(text, [kind], frozenset({kind})) == ([kind] if anchored else [])


def test_anchor_words_are_read_over_the_lower_cased_sentence() -> None:
    # The speed of the guard: each type's words run case-sensitive over the lower-cased text,
    # after one pass of their literals (a type with none in the sentence is not searched).
    assert all(lower is not None for _, lower in typer._anchors().values())
    assert typer._anchor_literals() is not None


def test_every_event_type_has_anchor_words() -> None:
    from streams.core.lexicon import load

    assert set(load("typer_anchors")["types"]) == set(EVENT_TYPES)


def _guarded(guard: tuple[str, ...]) -> typer.Model:
    """The tiny model (a strike wherever "melee" stands), its strike additions guarded or not."""
    spec = {
        "types": list(EVENT_TYPES),
        "add": ["strike"],
        "guard": list(guard),
        "thresholds": dict.fromkeys(EVENT_TYPES, 0.5),
        "model_thresholds": dict.fromkeys(EVENT_TYPES, 0.5),
        "weights": _tiny().weights,
    }
    return typer.Model(spec)


@pytest.mark.parametrize(
    ("text", "guard", "added"),
    [
        # No word of a strike: the model's 0.88 adds it only without the guard.
        ("A melee broke out near the ridge.", (), True),
        ("A melee broke out near the ridge.", ("strike",), False),
        # "operation" is a strike word: the guard lets the addition through.
        ("The melee near the ridge ended the operation.", ("strike",), True),
        # A guard on another type leaves strike additions as they were.
        ("A melee broke out near the ridge.", ("aid",), True),
    ],
)
def test_mode_both_adds_a_guarded_type_only_where_a_word_of_it_stands(
    monkeypatch: pytest.MonkeyPatch, text: str, guard: tuple[str, ...], added: bool
) -> None:
    monkeypatch.setattr(typer, "model", lambda: _guarded(guard))
    with typer.mode("rules"):
        assert "strike" not in {lab.type for lab in classify.classify_sentence(text)}
    with typer.mode("both"):
        assert ("strike" in {lab.type for lab in classify.classify_sentence(text)}) is added


def test_a_weights_file_without_a_guard_guards_nothing() -> None:
    assert _tiny().guard == frozenset() and _guarded(("strike",)).guard == {"strike"}


def test_the_weights_file_carries_the_guard(scripts: tuple[Any, Any]) -> None:
    train_typer, _ = scripts
    units = [_unit(train_typer, "Mortars hit the harbour of Velmora.", {"strike"}, {"strike"})]
    thresholds = dict.fromkeys(EVENT_TYPES, 0.9)
    text = train_typer.weights_file(units, ["strike", "aid"], thresholds, None, ["aid"])
    assert typer.Model(json.loads(text)).guard == {"aid"}


def test_the_combination_guards_an_addition_only_where_held_out_it_gains(
    scripts: tuple[Any, Any],
) -> None:
    _, loto = scripts
    strike, calm = "Mortars pounded the ridge.", "A melee broke out near the ridge."
    # The model scores 0.8 on two strikes the rules missed, each with a strike word, and on
    # four sentences with none that are no strike: unguarded, the additions lose.
    pool = [_held({"strike"}, {"strike"}, 0.9, strike)] * 3
    pool += [_held({"strike"}, set(), 0.8, strike)] * 2 + [_held(set(), set(), 0.8, calm)] * 4
    assert loto.choose(pool, "add")["strike"] == (1.01, 0.0, "")
    add, _, guard = loto.choose(pool, "add@anchor")["strike"]
    assert add <= 0.8 and guard == "anchor"
    assert loto.choose(pool, "add@best")["strike"][2] == "anchor"
    combine = loto.combiner(loto.choose(pool, "add@anchor"), "mixed")
    assert combine(pool[3][2][0]) == {"strike"} and combine(pool[-1][2][0]) == set()
    # Where the unguarded additions are right as often, "best" keeps them unguarded.
    fair = pool[:5] + [_held({"strike"}, set(), 0.8, calm)] * 3
    assert loto.choose(fair, "add@best")["strike"][2] == ""


def test_the_filter_keeps_the_unguarded_thresholds_and_anchors_their_additions(
    scripts: tuple[Any, Any],
) -> None:
    _, loto = scripts
    strike, calm = "Mortars pounded the ridge.", "A melee broke out near the ridge."
    # Unguarded, adding at 0.8 gains (four right, one wrong); with the anchor it gains more,
    # but "filter" keeps the threshold chosen without it and only drops the unanchored one.
    pool = [_held({"strike"}, {"strike"}, 0.9, strike)] * 3
    pool += [_held({"strike"}, set(), 0.8, strike)] * 4 + [_held(set(), set(), 0.8, calm)]
    pool += [_held(set(), set(), 0.3, calm)] * 3
    unguarded = loto.choose(pool, "add")["strike"]
    assert unguarded[0] <= 0.8 and unguarded[2] == ""
    assert loto.choose(pool, "add@filter")["strike"] == (unguarded[0], 0.0, "anchor")
    combine = loto.combiner(loto.choose(pool, "add@filter"), "mixed")
    assert combine(pool[3][2][0]) == {"strike"} and combine(pool[7][2][0]) == set()
    # A type the unguarded choice never adds stays unadded and unguarded.
    assert loto.choose(pool, "add@filter")["talks"] == (1.01, 0.0, "")


def test_anchors_built_on_first_use_read_the_sentence() -> None:
    # The anchors are built on the first sentence the model types (and never with the rules
    # alone): that sentence's words are read as any other's.
    text = "Rescuers pulled nine bodies from the rubble of the Tessaly market."
    typer._anchor_literals.cache_clear()
    typer._anchors.cache_clear()
    typer._LAST_SCAN.text = None
    assert typer.anchored_among(text, ["casualty_report"], frozenset({"casualty_report"})) == [
        "casualty_report"
    ]


# Fragments of anchor words, their stems and look-alikes, joined by what may stand around a
# word: the literal pass must find a type exactly where the type's regex does.
_ANCHOR_BITS = [
    "talk",
    "talks",
    "round",
    "rounds",
    "call",
    "met",
    "fire",
    "ceasefire",
    "cease-fire",
    "air-strike",
    "truce-talks",
    "aid",
    "aide",
    "arm",
    "army",
    "ban",
    "urban",
    "bod",
    "bodies",
    "sanction",
    "deal",
    "swap",
    "Ü",
    "_",
    "9",
    "x",
]


@given(st.lists(st.sampled_from([*_ANCHOR_BITS, " ", "-", "'", "’", ".", ""]), max_size=12))
@settings(max_examples=300, deadline=None)
def test_the_literal_pass_finds_the_types_the_regexes_find(parts: list[str]) -> None:
    text = "".join(parts)
    kinds = list(EVENT_TYPES)
    expected = [kind for kind in kinds if typer.anchored(kind, text)]
    assert typer.anchored_among(text, kinds, frozenset(kinds)) == expected


@given(st.lists(st.sampled_from([*_ANCHOR_BITS, " ", "-", "'", "’", ".", ""]), max_size=12))
@settings(max_examples=300, deadline=None)
def test_the_literal_pass_finds_the_classes_the_regexes_find(parts: list[str]) -> None:
    text = "".join(parts)
    expected = 0
    for bit, regex in enumerate(typer._class_regexes()):
        expected |= (regex.search(text) is not None) << bit
    for low in (gates.lowered(text), None):  # the automaton, then the regexes
        typer._LAST_SCAN.text = None
        assert typer._class_bits(text, low) == expected
        assert typer._class_bits(text, low) == expected  # the second read, from the last scan


# Word classes (branch read/typer3): a word of a known class counts as its class, so a word the
# training data never held ("skirmished") scores as the class's seen words do; only for types
# the rules did not label (a trigger they read and dropped is the evidence).
@pytest.mark.parametrize(
    ("text", "ruled", "classes"),
    [
        ("Militiamen skirmished with the guards at Orla ford.", set(), ["strike:nouns"]),
        ("Militiamen skirmished with the guards at Orla ford.", {"strike"}, []),
        (
            "The Velk Front inked a cease-fire and freed 40 POWs.",
            {"agreement"},
            ["strike:nouns", "prisoner_exchange:nouns", "prisoner_exchange:verbs"],
        ),
        ("The bakery in Orla reopened on Monday.", set(), []),
        # Talks words are everyday words ("call", "table"): their classes are no feature.
        ("The envoys met at the table in Orla for a second round of talks.", set(), []),
    ],
)
def test_silent_classes_are_the_word_classes_of_types_the_rules_did_not_label(
    text: str, ruled: set[str], classes: list[str]
) -> None:
    found = typer.silent_classes(text, ruled)
    assert found == classes  # in file order, none of a type the rules labelled
    feats = typer.features(text, ruled, False, classes=True)
    assert [f for f in feats if f.startswith("a:")] == ["a:" + name for name in found]
    assert not any(f.startswith("a:") for f in typer.features(text, ruled, False))


def test_an_unseen_word_of_a_class_scores_as_a_seen_one(scripts: tuple[Any, Any]) -> None:
    # Trained on seen strike words alone, the class carries the score to one never seen.
    train_typer = scripts[0]
    seen = [
        "Gunners shelled the depot at Marsk overnight.",
        "Drones struck a fuel dump near Tolvey.",
        "Rebels ambushed a patrol outside Brenn.",
        "The brigade bombarded the Kessin ridge.",
    ]
    quiet = [
        "The bakery in Orla reopened on Monday.",
        "Farmers in Tolvey sold their wheat early.",
        "A new school opened near Brenn.",
        "The Kessin ridge was covered in snow.",
    ]

    def feats(text: str) -> list[str]:
        return typer.features(text, set(), False, classes=True)

    examples = [(feats(t), {"strike"}, set(), 1.0) for t in seen]
    examples += [(feats(t), set(), set(), 1.0) for t in quiet]
    model = train_typer._model(train_typer.train(examples))
    unseen = "Militiamen skirmished with the guards at Orla ford."
    assert "w:skirmished" not in model.weights
    score = model.scores(feats(unseen), ["strike"])["strike"]
    plain = model.scores(feats("The guards at Orla ford were tired."), ["strike"])["strike"]
    assert score > 0.5 > plain
    # Without the classes, the unseen word carries nothing (its prefix and suffix unseen too).
    words_only = train_typer._model(
        train_typer.train(
            [
                (typer.features(t, set(), False), g, k, w)
                for t, (_, g, k, w) in zip(seen + quiet, examples, strict=True)
            ]
        )
    )
    assert words_only.scores(typer.features(unseen, set(), False), ["strike"])["strike"] < score


def test_a_file_trained_with_classes_scores_them_in_both_paths() -> None:
    types = list(EVENT_TYPES)
    weights = {"bias": [-1.0] * len(types), "a:strike:nouns": [2.5] * len(types)}
    spec = {
        "types": types,
        "add": ["strike"],
        "thresholds": dict.fromkeys(types, 0.5),
        "model_thresholds": dict.fromkeys(types, 0.5),
        "weights": weights,
    }
    text = "Militiamen skirmished with the guards at Orla ford."
    without = typer.Model(spec)
    with_classes = typer.Model({**spec, "classes": True})
    assert without.sentence_scores(text, set(), False, None, ["strike"])["strike"] < 0.5
    assert with_classes.sentence_scores(text, set(), False, None, ["strike"])["strike"] > 0.5
