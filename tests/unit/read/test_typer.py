"""Learned sentence typer: features, the dot product, modes, the shipped weights, training."""

import math
import sys
from pathlib import Path

import pytest

from schemas.events import EVENT_TYPES
from streams.core.read import classify, typer

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
    weights = {"w:skirmish": [0.0] * len(types), "bias": [-2.0] * len(types)}
    weights["w:skirmish"][types.index("strike")] = 4.0
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
    scores = model.scores(["bias", "w:skirmish", "w:unknown"])
    assert scores["strike"] == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert scores["talks"] == pytest.approx(1 / (1 + math.exp(2.0)))
    assert model.scores(["bias", "w:skirmish"], ["strike"]) == {"strike": scores["strike"]}


@pytest.fixture
def tiny_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typer, "model", _tiny)


@pytest.mark.usefixtures("tiny_model")
def test_modes_rules_both_and_model() -> None:
    text = "A skirmish broke out near the ridge."
    with typer.mode("rules"):
        assert "strike" not in {lab.type for lab in classify.classify_sentence(text)}
    with typer.mode("both"):
        added = [lab for lab in classify.classify_sentence(text) if lab.type == "strike"]
    assert len(added) == 1
    assert added[0].cue == "skirmish"  # the word that weighs most for the type
    assert added[0].confidence <= 0.75  # never above a strong rule trigger
    with typer.mode("model"):
        # The model alone decides: a rule label it does not confirm is dropped.
        said = "The minister said a skirmish broke out."
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


def test_training_is_deterministic() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_typer
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    examples = [
        (typer.features("Drones struck the depot.", {"strike"}, False), {"strike"}, set(), 1.0),
        (typer.features("The envoys met again.", {"talks"}, False), {"talks"}, set(), 1.0),
        (typer.features("The museum reopened.", set(), False), set(), set(), 1.0),
    ]
    first, second = train_typer.train(examples), train_typer.train(examples)
    assert first == second
    k = list(EVENT_TYPES).index("strike")
    assert first["r:strike"][k] > 0 > first["r:talks"][k]
