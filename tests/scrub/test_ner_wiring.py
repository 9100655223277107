"""How the bot gets its NER layer: the setting, the time budget, the fallback metric.

These run without the models: a stand-in layer plays a model that is slow or fails.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pytest

from bot import app
from bot.app import build_scrubber
from bot.config import Settings
from bot.errors import ConfigError
from bot.scrub import Scrubber, scrub
from bot.scrub.ner import NerLayer
from bot.scrub.ner_budget import BudgetedNer
from bot.scrub.normalize import View
from bot.scrub.spans import Finding
from bot.telegram.metrics import Metrics

# No rule points at this name (tests/scrub/test_ner.py shows the model finding it).
NOTE = "上周张伟打电话了。"


class _StandIn(NerLayer):
    """A model that finds 张伟, after ``release`` is set (never, unless a test does)."""

    def __init__(self, *, blocks: bool = False, fails: bool = False) -> None:
        super().__init__()
        self.release = threading.Event()
        self.blocks, self.fails = blocks, fails

    def load(self, locales: Iterable[str] = ()) -> None:
        pass  # nothing to load

    def find(self, view: View, locale: str) -> list[Finding]:  # noqa: ARG002
        if self.blocks:
            self.release.wait(10)
        if self.fails:
            raise RuntimeError("the model broke")
        start = view.norm.index("张伟")
        return [Finding(start, start + 2, "name")]


def _settings(tmp_path: Path, **env: str) -> Settings:
    return Settings.from_env({"INTAKE_DATA_DIR": str(tmp_path), **env})


def test_the_setting_defaults_to_auto_and_a_bad_value_is_one_line(tmp_path: Path) -> None:
    assert _settings(tmp_path).ner == "auto"
    assert _settings(tmp_path, INTAKE_NER="OFF").ner == "off"
    assert _settings(tmp_path, INTAKE_NER_BUDGET_MS="250").ner_budget.total_seconds() == 0.25
    with pytest.raises(ConfigError) as raised:
        _settings(tmp_path, INTAKE_NER="maybe", INTAKE_NER_BUDGET_MS="0")
    assert str(raised.value).splitlines() == [
        "INTAKE_NER must be one of: auto, on, off",
        "INTAKE_NER_BUDGET_MS must be above 0",
    ]


def test_off_keeps_the_rules_alone(tmp_path: Path) -> None:
    scrubber = build_scrubber(_settings(tmp_path, INTAKE_NER="off"))
    assert scrubber(NOTE, "zh_Hans").text == NOTE


def test_without_the_models_auto_keeps_the_rules_and_on_refuses_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "ner_available", lambda _locale: False)
    assert build_scrubber(_settings(tmp_path, INTAKE_NER="auto"))(NOTE, "zh_Hans").text == NOTE
    with pytest.raises(ConfigError, match="INTAKE_NER is on but the NER models are not installed"):
        build_scrubber(_settings(tmp_path, INTAKE_NER="on"))


def test_with_the_models_the_layer_removes_what_no_rule_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "ner_available", lambda _locale: True)
    monkeypatch.setattr(app, "NerLayer", _StandIn)
    scrubber = build_scrubber(_settings(tmp_path, INTAKE_NER="on"))
    assert scrubber(NOTE, "zh_Hans").text == "上周［姓名］打电话了。"


def test_a_note_past_its_budget_keeps_the_rules_result_and_is_counted() -> None:
    metrics = Metrics()
    slow = _StandIn(blocks=True)
    ner = BudgetedNer(slow, 0.05, metrics.ner_fallback)
    scrubber = Scrubber(ner=ner)
    try:
        text = "我叫王芳。" + NOTE
        # The rules' findings stand; the model's, late, are not waited for.
        assert scrubber.scrub(text, "zh_Hans").text == "我叫［姓名］。" + NOTE
    finally:
        slow.release.set()
        ner.close()
    exposed = metrics.exposition().decode()
    assert 'intake_ner_fallbacks_total{reason="timeout"} 1.0' in exposed
    assert "王芳" not in exposed
    assert "张伟" not in exposed


def test_a_failing_model_keeps_the_rules_result_and_is_counted() -> None:
    reasons: list[str] = []
    ner = BudgetedNer(_StandIn(fails=True), 5, reasons.append)
    try:
        assert Scrubber(ner=ner).scrub(NOTE, "zh_Hans").text == NOTE
    finally:
        ner.close()
    assert reasons == ["error"]


def test_a_model_within_its_budget_is_used() -> None:
    reasons: list[str] = []
    ner = BudgetedNer(_StandIn(), 5, reasons.append)
    try:
        assert scrub(NOTE, "zh_Hans", scrubber=Scrubber(ner=ner)).text == "上周［姓名］打电话了。"
    finally:
        ner.close()
    assert reasons == []
