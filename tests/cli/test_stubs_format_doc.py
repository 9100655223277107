"""docs/stubs-format.md stays true: its generated blocks come from the code and the flow.

The prose is written by hand; the blocks between ``<!-- generated:NAME -->`` and
``<!-- /generated:NAME -->`` are rendered here from ``flows/intake.yaml``, the scrubber's
kinds and the CLI's CSV columns, never copied by hand. Refresh them with::

    .venv/bin/python -m tests.cli.test_stubs_format_doc
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from bot.cli.stubs import CSV_COLUMNS
from bot.config import Settings
from bot.flow.loader import check_file
from bot.flow.model import FlowDefinition, MultiChoiceStep, SingleChoiceStep
from bot.scrub import kind_label
from bot.scrub.kinds import KINDS
from bot.store.database import Database
from bot.store.flows import FlowRegistry, with_version
from bot.store.models import AuditEntry
from bot.store.stubs import PRIORITIES, STATUSES, StubRepository
from tests.store.test_stubs import add_stub

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "stubs-format.md"
FLOW = ROOT / "flows" / "intake.yaml"
LOCALES = ("ja", "ko", "zh_Hans")
REFRESH = ".venv/bin/python -m tests.cli.test_stubs_format_doc"
_BLOCK = re.compile(r"(<!-- generated:([\w-]+) -->\n)(.*?)(<!-- /generated:\2 -->)", re.DOTALL)


def _flow() -> FlowDefinition:
    loaded = check_file(FLOW)
    assert loaded.flow is not None, [p.render() for p in loaded.problems]
    return loaded.flow


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _choice_labels(flow: FlowDefinition, field: str) -> dict[str, Mapping[str, str]]:
    """Each code's button text in the step that asks ``field``."""
    for step in flow.steps.values():
        if isinstance(step, SingleChoiceStep | MultiChoiceStep) and step.field == field:
            return {choice.value: choice.text for choice in step.choices}
    return {}


def csv_columns() -> str:
    return "".join(f"{n}. `{c}`\n" for n, c in enumerate(CSV_COLUMNS, start=1))


def answer_codes() -> str:
    flow = _flow()
    out = [
        f"From `flows/intake.yaml` (flow `{flow.id}` v{flow.version}). Single fields hold one"
        " code, multi fields an array of codes; text fields are under `texts`, not `answers`."
        " Labels are the field's label and each code's button text, as the supporter saw them."
        "\n"
    ]
    for name, spec in flow.fields.items():
        kind = {"single": "single code", "multi": "array of codes", "text": "free text"}
        where = "`texts`" if spec.type == "text" else "`answers`"
        out.append(f"\n### `{name}`: {kind[spec.type]}, in {where}\n\n")
        out.append("| | " + " | ".join(LOCALES) + " |\n|---|" + "---|" * len(LOCALES) + "\n")
        out.append("| *label* | " + " | ".join(_cell(spec.label[x]) for x in LOCALES) + " |\n")
        labels = _choice_labels(flow, name)
        for value in spec.values:
            texts = labels[value]
            out.append(f"| `{value}` | " + " | ".join(_cell(texts[x]) for x in LOCALES) + " |\n")
    return "".join(out)


def region_fields() -> str:
    flow = _flow()
    names = ", ".join(f"`{f}`" for f in flow.region)
    return (
        f"`region` joins with `/` the codes answered for these fields, in this order: {names}"
        " (so `china_border/jilin`, `third_country/laos`, `japan`); their codes and labels"
        " are listed under each field below.\n"
    )


def removed_kinds() -> str:
    out = ["| code | " + " | ".join(LOCALES) + " |\n|---|" + "---|" * len(LOCALES) + "\n"]
    for kind in KINDS:
        out.append(f"| `{kind}` | " + " | ".join(kind_label(kind, x) for x in LOCALES) + " |\n")
    return "".join(out)


def enums() -> str:
    return (
        f"- `status`: {', '.join(f'`{s}`' for s in STATUSES)}\n"
        f"- `priority`: {', '.join(f'`{p}`' for p in PRIORITIES)} (most urgent first)\n"
        f"- `locale`: {', '.join(f'`{x}`' for x in _flow().locales)}\n"
    )


GENERATORS: dict[str, Callable[[], str]] = {
    "csv-columns": csv_columns,
    "enums": enums,
    "region": region_fields,
    "answer-codes": answer_codes,
    "removed-kinds": removed_kinds,
}


def render(doc: str) -> str:
    """``doc`` with every generated block rendered afresh."""

    def block(match: re.Match[str]) -> str:
        return match.group(1) + GENERATORS[match.group(2)]() + match.group(4)

    return _BLOCK.sub(block, doc)


def documented(section: str) -> list[str]:
    """The first column of the field table under the heading ``section``."""
    text = DOC.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", body, flags=re.MULTILINE)


def test_generated_blocks_are_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert set(GENERATORS) == {m.group(2) for m in _BLOCK.finditer(text)}
    assert render(text) == text, f"docs/stubs-format.md is stale: run `{REFRESH}`"


def test_every_json_field_is_documented(sqlite_db: Database) -> None:
    add_stub(sqlite_db, "DOCS-0001", "urgent", 0)
    view = StubRepository(sqlite_db).find(actor="docs")[0]
    assert documented("JSON") == list(view.to_json())
    assert sorted(documented("JSON")) == sorted(CSV_COLUMNS)


def test_audit_log_fields_and_actions_are_documented(sqlite_db: Database) -> None:
    assert documented("Audit log") == [c.name for c in AuditEntry.__table__.columns]
    registry = FlowRegistry(sqlite_db)
    source = FLOW.read_text(encoding="utf-8")
    version = _flow().version
    registry.publish(source.encode(), "v1", actor="aiko")
    registry.publish(with_version(source, version + 1).encode(), "v2", actor="aiko")
    registry.rollback("intake", actor="aiko")
    add_stub(sqlite_db, "DOCS-0002", "high", 0)
    repo = StubRepository(sqlite_db)
    repo.show("DOCS-0002", actor="mina")
    for _ in range(2):
        repo.claim("DOCS-0002", actor="mina")
        repo.close("DOCS-0002", actor="mina")
    repo.export(actor="mina")
    actions = {e.action for e in repo.audit_log()}
    text = DOC.read_text(encoding="utf-8")
    body = text.split("\n### Actions\n", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"^\| `([\w-]+)` \|", body, flags=re.MULTILINE)) == actions


def test_readme_lists_every_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Staff and admins", 1)[1].split("<!-- /section:staff-and-admins")[0]
    table = section.split("### Environment variables", 1)[1]
    documented = set(re.findall(r"^\| `(INTAKE_\w+)` \|", table, flags=re.MULTILINE))
    read = set(re.findall(r"INTAKE_\w+", inspect.getsource(Settings.from_env)))
    assert read, "Settings.from_env no longer names its variables"
    assert read <= documented, f"README's environment table misses {sorted(read - documented)}"
    assert "docs/stubs-format.md" in section


if __name__ == "__main__":
    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the generated blocks of {DOC.relative_to(ROOT)}")
