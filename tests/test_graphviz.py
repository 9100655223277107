"""The step graph drawn as a PNG by graphviz-pure, and what happens when drawing fails."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path
from typing import Any

import pytest

from bot import graphviz
from bot.flow.loader import check_file
from bot.flow.model import FlowDefinition, Route, SingleChoiceStep
from bot.flow.picture import dot_source
from bot.graphviz import PictureError, render_png

ROOT = Path(__file__).resolve().parents[1]
INTAKE = ROOT / "flows" / "intake.yaml"
MINIMAL = ROOT / "tests" / "flow" / "minimal.yaml"
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="fake programs are sh scripts")


def load(path: Path) -> FlowDefinition:
    result = check_file(path)
    assert result.flow is not None, [p.render() for p in result.problems]
    return result.flow


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which a PNG must start with."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind, width, height = struct.unpack(">I4sII", png[8:24])
    assert (length, kind) == (13, b"IHDR")
    return int(width), int(height)


def fake_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    program = tmp_path / "graphviz-pure"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(graphviz, "find_program", lambda: program)


# --- The DOT source --------------------------------------------------------------------


def test_dot_names_every_step_and_every_choice_edge() -> None:
    flow = load(INTAKE)
    source = dot_source(flow)
    for step_id, step in flow.steps.items():
        assert f'  "{step_id}" [label="{step_id}\\n{step.kind}' in source
        if isinstance(step, SingleChoiceStep):
            for choice in step.choices:
                if choice.next is not None:
                    edge = f'"{step_id}" -> "{choice.next}" [label="{choice.value}"];'
                    assert edge in source
    assert '"broker" -> "broker_money" [label="if broker = yes"];' in source
    assert '"broker" -> "evidence" [label="otherwise"];' in source
    assert '"review" -> "done" [label="confirm"];' in source
    assert '"consent" -> "relation";' in source  # a lone way on needs no label


def test_dot_is_ascii_and_stable() -> None:
    flow = load(INTAKE)
    source = dot_source(flow)
    assert source == dot_source(load(INTAKE))
    assert source.isascii()  # the bundled fonts have no CJK glyphs
    assert source.startswith('digraph "intake" {\n  graph [rankdir=TB,')


def test_long_conditions_are_wrapped() -> None:
    flow = load(MINIMAL)
    when = {"any": [{"field": "place", "in": ["china", "japan"]}, {"answered": "note"}]}
    route = Route.model_validate({"when": when, "next": "check"})
    note = flow.steps["note"].model_copy(update={"routes": [route]})
    edited = flow.model_copy(update={"steps": {**flow.steps, "note": note}})
    assert '[label="if (place in china, japan) or\\n(note answered)"]' in dot_source(edited)


def test_names_from_the_file_are_escaped() -> None:
    flow = load(MINIMAL)
    evil = 'we"lc\\ome\n] -> x [color=red'
    steps: dict[str, Any] = {
        (evil if step_id == "welcome" else step_id): step for step_id, step in flow.steps.items()
    }
    # model_copy skips validation, as a bug upstream of the loader would.
    flow = flow.model_copy(update={"id": 'mi"ni', "start": evil, "steps": steps})
    source = dot_source(flow)
    assert '"we\\"lc\\\\ome ] -> x [color=red"' in source
    assert source.startswith('digraph "mi\\"ni" {')
    # Outside quoted strings, only what dot_source itself writes is left.
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', "", source)
    assert "color=red" not in bare
    assert bare.count("->") == 5
    png_size(render_png(flow))  # and graphviz-pure reads all of it


# --- Rendering -------------------------------------------------------------------------


def test_render_png_of_the_shipped_flow() -> None:
    width, height = png_size(render_png(load(INTAKE)))
    assert 400 <= width < height <= 4000  # top to bottom, phone-sized
    assert width + height <= graphviz.MAX_PHOTO_SIDES


def test_a_long_chain_is_widened_to_a_shape_telegram_takes() -> None:
    text = {"ja": "お知らせ", "ko": "안내", "zh_Hans": "通知"}
    steps: dict[str, Any] = {
        f"s{i}": {"kind": "info", "text": text, "next": f"s{i + 1}"} for i in range(60)
    }
    steps["s60"] = {"kind": "review", "text": text, "next": "done"}
    steps["done"] = {"kind": "submit", "text": {k: v + "{reference}" for k, v in text.items()}}
    flow = FlowDefinition.model_validate(
        {
            "id": "chain",
            "version": 1,
            "locales": ["ja", "ko", "zh_Hans"],
            "title": text,
            "start": "s0",
            "fields": {},
            "steps": steps,
        }
    )
    width, height = png_size(render_png(flow))
    assert height <= graphviz.MAX_PHOTO_RATIO * width
    assert width + height <= graphviz.MAX_PHOTO_SIDES


# --- Failures --------------------------------------------------------------------------


def test_a_missing_program_is_a_picture_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphviz, "find_program", lambda: None)
    with pytest.raises(PictureError, match="graphviz-pure is not installed"):
        render_png(load(MINIMAL))


def test_the_program_is_looked_up_beside_python_then_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venv_bin = Path(sys.executable).parent
    assert graphviz.find_program() == venv_bin / "graphviz-pure"
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(venv_bin))
    assert graphviz.find_program() == venv_bin / "graphviz-pure"
    monkeypatch.setenv("PATH", str(tmp_path))
    assert graphviz.find_program() is None


@POSIX_ONLY
@pytest.mark.parametrize(
    ("script", "reason"),
    [
        ("cat >/dev/null; echo 'Error: syntax error near secret' >&2; exit 3", "exit status 3"),
        ("kill -9 $$", "signal 9"),
        ("cat >/dev/null; echo hello", "did not write a PNG"),
        ("head -c 11000000 /dev/zero", "over 10 MB"),
    ],
)
def test_a_failing_program_is_a_picture_error_with_a_short_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, reason: str
) -> None:
    fake_program(tmp_path, monkeypatch, script)
    with pytest.raises(PictureError, match=re.escape(reason)) as caught:
        render_png(load(MINIMAL))
    assert "\n" not in caught.value.reason
    assert "secret" not in caught.value.reason  # stderr may quote the source: never kept


@POSIX_ONLY
def test_a_slow_program_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_program(tmp_path, monkeypatch, "exec sleep 30")
    with pytest.raises(PictureError, match=r"took more than 0\.5 s"):
        render_png(load(MINIMAL), timeout=0.5)
