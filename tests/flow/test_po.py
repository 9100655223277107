"""A flow's texts round-trip through PO files, and imports go through the loader."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from bot.cli import main
from bot.flow.loader import check_bytes, check_file
from bot.flow.po import export_po, import_po, parse_context

ROOT = Path(__file__).resolve().parents[2]
INTAKE = ROOT / "flows" / "intake.yaml"


def intake_text() -> str:
    return INTAKE.read_text(encoding="utf-8")


def exported(locale: str = "ko") -> bytes:
    flow = check_file(INTAKE).flow
    assert flow is not None
    return export_po(flow, locale, "ja", "intake.yaml")


def edit_po(content: bytes, changes: dict[str, str], fuzzy: set[str] = frozenset()) -> bytes:  # type: ignore[assignment]
    catalog = read_po(io.BytesIO(content))
    for message in catalog:
        if message.context in changes:
            message.string = changes[str(message.context)]
        if message.context in fuzzy:
            message.flags.add("fuzzy")
    out = io.BytesIO()
    write_po(out, catalog, width=0)
    return out.getvalue()


def test_export_has_every_text_with_its_path_and_the_other_locales() -> None:
    catalog = read_po(io.BytesIO(exported("ko")))
    by_context = {m.context: m for m in catalog if m.id}
    custody = by_context["steps.custody.text"]
    assert custody.id == "その方は今、拘束や監禁をされていますか。"
    assert custody.string == "그분은 지금 구금되거나 붙잡혀 있는 상태입니까?"
    assert "zh_Hans: 当事人现在是否被拘留或扣留？" in custody.auto_comments
    assert "steps.location.choices[1].text" in by_context
    assert not catalog.fuzzy


def test_unchanged_import_is_byte_identical() -> None:
    imported = import_po(intake_text(), exported("zh_Hans"))
    assert imported.text == intake_text()
    assert imported.locale == "zh_Hans"
    assert imported.skipped == ()


def test_import_applies_translations_and_keeps_comments() -> None:
    po = edit_po(
        exported("ko"),
        {
            "steps.custody.text": "그분은 현재 구금 상태입니까?",
            "steps.consent.text": "첫 줄\n둘째 줄",
        },
        fuzzy={"steps.link.text"},
    )
    imported = import_po(intake_text(), po)
    assert "ko: 그분은 현재 구금 상태입니까?" in imported.text
    assert "# yaml-language-server: $schema=./flow.schema.json" in imported.text
    assert "# First match wins; no match means normal." in imported.text
    assert imported.skipped == ("steps.link.text (fuzzy)",)
    result = check_bytes(imported.text.encode(), "imported.yaml")
    assert result.flow is not None
    assert result.flow.steps["consent"].text["ko"] == "첫 줄\n둘째 줄"
    assert (
        result.flow.steps["link"].text["ko"] == "그분과 북송사업(귀국사업)의 관계를 알려 주십시오."
    )


def test_cli_refuses_an_import_with_problems_and_leaves_the_file(tmp_path: Path) -> None:
    flow = tmp_path / "intake.yaml"
    shutil.copy(INTAKE, flow)
    po = tmp_path / "ko.po"
    po.write_bytes(edit_po(exported("ko"), {"steps.relation.choices[0].text": "가" * 60}))
    result = CliRunner().invoke(main, ["flows", "import-po", str(flow), str(po)])
    assert result.exit_code == 1
    assert "E504" in result.output
    assert flow.read_text(encoding="utf-8") == intake_text()


def test_cli_export_then_import_round_trip(tmp_path: Path) -> None:
    flow = tmp_path / "intake.yaml"
    shutil.copy(INTAKE, flow)
    po = tmp_path / "zh.po"
    runner = CliRunner()
    out = runner.invoke(
        main, ["flows", "export-po", str(flow), "--locale", "zh_Hans", "--output", str(po)]
    )
    assert out.exit_code == 0, out.output
    po.write_bytes(edit_po(po.read_bytes(), {"steps.broker.text": "有没有中介参与？"}))
    result = runner.invoke(main, ["flows", "import-po", str(flow), str(po)])
    assert result.exit_code == 0, result.output
    assert "zh_Hans: 有没有中介参与？" in flow.read_text(encoding="utf-8")


def test_parse_context() -> None:
    assert parse_context("steps.region.choices[2].text") == (
        "steps",
        "region",
        "choices",
        2,
        "text",
    )
    assert parse_context("title") == ("title",)
