"""The shipped intake flow, its JSON Schema and its diagram in the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from bot.flow.checks import REQUIRED_LOCALES
from bot.flow.diagram import mermaid
from bot.flow.loader import check_file
from bot.flow.model import FlowDefinition
from bot.flow.schema import flow_json_schema, render_schema
from bot.flow.yamlsrc import parse

ROOT = Path(__file__).resolve().parents[2]
INTAKE = ROOT / "flows" / "intake.yaml"
SCHEMA_FILE = ROOT / "flows" / "flow.schema.json"
BROKEN = Path(__file__).parent / "broken"
#: Codes of the shape check: the JSON Schema must reject these fixtures too.
SHAPE_CODES = ("E110", "E111", "E112", "E113", "E114")


def load_intake() -> FlowDefinition:
    result = check_file(INTAKE)
    assert result.problems == (), [p.render() for p in result.problems]
    assert result.flow is not None
    return result.flow


def test_shipped_flow_has_no_problem() -> None:
    flow = load_intake()
    assert set(REQUIRED_LOCALES) <= set(flow.locales)


def test_shipped_flow_asks_what_the_domain_needs() -> None:
    flow = load_intake()
    expected = {
        "relation",
        "link",
        "location",
        "custody",
        "threats",
        "broker",
        "broker_money",
        "evidence",
        "languages",
        "followup_language",
        "note",
        "contact",
    }
    assert expected <= set(flow.fields)
    kinds = [step.kind for step in flow.steps.values()]
    assert flow.steps[flow.start].kind == "info"  # consent comes first
    assert kinds.count("review") == 1
    assert kinds[-1] == "submit"


def test_schema_file_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), (
        "flows/flow.schema.json is stale: run `make schema`"
    )


def test_shipped_flow_points_editors_at_the_schema() -> None:
    first_line = INTAKE.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./flow.schema.json"


def test_schema_accepts_the_shipped_and_minimal_flows() -> None:
    validator = jsonschema.Draft202012Validator(flow_json_schema())
    for path in (INTAKE, Path(__file__).parent / "minimal.yaml"):
        data = parse(path.read_text(encoding="utf-8")).data
        assert list(validator.iter_errors(data)) == [], path


@pytest.mark.parametrize(
    "fixture",
    sorted(p for p in BROKEN.glob("*.yaml") if p.stem.startswith(SHAPE_CODES)),
    ids=lambda p: p.stem,
)
def test_schema_rejects_shape_errors(fixture: Path) -> None:
    data = parse(fixture.read_text(encoding="utf-8")).data
    assert not jsonschema.Draft202012Validator(flow_json_schema()).is_valid(data)


def test_schema_is_valid_json_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_readme_diagram_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- diagram:intake -->\n```mermaid\n(.*?)```", readme, re.S)
    assert match, "README.md lost its intake diagram block"
    assert match.group(1) == mermaid(load_intake()), "README diagram is stale: run `make diagram`"
