"""One broken flow per problem code: the checker reports that code at the marked line.

Each fixture in ``broken/`` marks the line a problem must point at with ``# <- E123``.
"""

from __future__ import annotations

import os
import re
import string
from pathlib import Path
from typing import Any

import pytest

from bot.flow.loader import check_bytes, check_file, check_files
from bot.flow.problems import CODES, VERBATIM, Problem
from bot.limits import MAX_FLOW_FILE_BYTES, MAX_FLOW_STEPS

BROKEN = Path(__file__).parent / "broken"
MARK = re.compile(r"# <- (E\d{3})")
FIXTURES = sorted(BROKEN.glob("*.yaml"))


def expected_marks(path: Path) -> list[tuple[str, int]]:
    text = path.read_bytes().decode("utf-8", "replace")
    return [
        (match.group(1), number)
        for number, line in enumerate(text.splitlines(), start=1)
        for match in MARK.finditer(line)
    ]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_reports_its_code_at_the_marked_line(fixture: Path) -> None:
    marks = expected_marks(fixture)
    assert marks, f"{fixture.name} marks no line"
    assert fixture.stem.startswith(marks[0][0])
    result = check_file(fixture)
    assert not result.ok
    found = {(p.code, p.line) for p in result.problems}
    for code, line in marks:
        assert (code, line) in found, [p.render() for p in result.problems]
    for problem in result.problems:
        assert problem.message
        assert problem.fix
        assert problem.file == str(fixture)


def test_every_code_has_a_fixture() -> None:
    # E101 (a file too big) and E107 (not a readable file) are generated below.
    covered = {p.stem[:4] for p in FIXTURES} | {"E101", "E107"}
    assert covered == set(CODES)


def test_fixture_names_match_code_names() -> None:
    for fixture in FIXTURES:
        code = fixture.stem[:4]
        assert fixture.stem[5:] == CODES[code].replace("-", "_")


def test_oversized_file_is_refused_before_parsing() -> None:
    # Not YAML at all: were it parsed, it would be a syntax error instead.
    result = check_bytes(b"{" * (MAX_FLOW_FILE_BYTES + 1), "big.yaml")
    assert [p.code for p in result.problems] == ["E101"]


def test_oversized_file_on_disk_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_FLOW_FILE_BYTES + 10))
    assert [p.code for p in check_file(path).problems] == ["E101"]


def test_what_is_not_a_regular_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    device = tmp_path / "zero.yaml"
    device.symlink_to("/dev/zero")  # reading it would never end
    missing = tmp_path / "missing.yaml"
    for path in (fifo, device, missing):
        result = check_file(path)
        assert [p.code for p in result.problems] == ["E107"], path
        assert "cannot read the flow file" in result.problems[0].render()


SHIPPED = (Path(__file__).resolve().parents[2] / "flows" / "intake.yaml").read_text("utf-8")
MINIMAL = (Path(__file__).parent / "minimal.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("depth", [60, 600, 3000])
def test_absurd_nesting_is_a_located_problem_not_a_crash(depth: int) -> None:
    text = SHIPPED + "\nextra: " + "[" * depth + "]" * depth + "\n"
    result = check_bytes(text.encode(), "deep.yaml")
    assert [p.code for p in result.problems] == ["E103"]
    assert result.problems[0].render().startswith("deep.yaml:")


def test_a_number_of_thousands_of_digits_is_a_located_problem() -> None:
    lines = SHIPPED.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("version: "))
    lines[line - 1] = "version: " + "9" * 5000
    result = check_bytes("\n".join(lines).encode(), "big.yaml")
    assert [(p.code, p.render().split(":")[1]) for p in result.problems] == [("E112", str(line))]


HEAD = [
    "id: loop", "version: 1", "locales: [ja, ko, zh_Hans]",
    "title: {ja: t, ko: t, zh_Hans: t}", "start: s0", "fields: {}", "triage: []", "steps:",
]  # fmt: skip


def info_chain(count: int, *, loop: bool) -> bytes:
    """``count`` info steps, each leading to the next (and the last back to the first);
    the texts lack ko and zh_Hans, so that the checks, had they run, would say so."""
    steps = [f"  s{i}: {{kind: info, text: {{ja: a}}, next: s{i + 1}}}" for i in range(count)]
    steps[-1] = steps[-1].replace(f"s{count}}}", "s0}" if loop else "s0_}")
    return "\n".join([*HEAD, *steps]).encode()


def test_a_loop_through_the_most_steps_allowed_is_reported() -> None:
    result = check_bytes(info_chain(MAX_FLOW_STEPS, loop=True), "loop.yaml")
    [loop] = [p for p in result.problems if p.code == "E203"]
    assert f"({MAX_FLOW_STEPS - 9} more)" in loop.render()


def test_ten_thousand_steps_are_refused_before_any_check_of_the_steps() -> None:
    content = info_chain(10_000, loop=False)
    assert len(content) <= MAX_FLOW_FILE_BYTES
    result = check_bytes(content, "big.yaml")
    # No E301, E205 (no submit step) nor E201 (s0_ does not exist): no check ran.
    assert [(p.code, p.line) for p in result.problems] == [("E108", len(HEAD))]


VALUES = ", ".join(f"v{i}" for i in range(5000))
RULES = "".join("  - {priority: high, when: {answered: note}}\n" for _ in range(2000))
CONDITIONS = ", ".join("{answered: note}" for _ in range(5000))


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("values: [china, japan]", f"values: [{VALUES}]", "fields.place.values"),
        ("triage:\n", f"triage:\n{RULES}", "triage"),
        ("{answered: note}", f"{{any: [{CONDITIONS}]}}", "steps.note.routes[0].when.any"),
    ],
    ids=["values", "rules", "conditions"],
)
def test_long_lists_are_refused_before_they_are_checked(old: str, new: str, path: str) -> None:
    # 60,000 values once took a minute to check: a duplicate check compared every pair.
    result = check_bytes(MINIMAL.replace(old, new).encode(), "long.yaml")
    assert [(p.code, p.path) for p in result.problems] == [("E109", path)]


# --- every problem can be said in another language ------------------------------------


def every_problem(tmp_path: Path) -> list[Problem]:
    """The problems of every fixture, and of the cases generated above."""
    problems = [p for fixture in FIXTURES for p in check_file(fixture).problems]
    problems += check_bytes(b"{" * (MAX_FLOW_FILE_BYTES + 1), "big.yaml").problems
    problems += check_file(tmp_path / "missing.yaml").problems
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(MINIMAL, encoding="utf-8")
    problems += [p for r in check_files([tmp_path]) for p in r.problems]
    problems += check_bytes(info_chain(1000, loop=False), "big.yaml").problems
    problems += check_bytes(info_chain(20, loop=True), "loop.yaml").problems
    return problems


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_problem_is_its_templates_filled_with_plain_values(tmp_path: Path) -> None:
    problems = every_problem(tmp_path)
    assert {p.code for p in problems} == set(CODES)
    for problem in problems:
        assert problem.template, problem.render()
        assert problem.fix_template, problem.render()
        params = dict(problem.params)
        assert all(isinstance(v, str) for v in params.values()), problem.params
        assert problem.template.format(**params) == problem.message, problem.render()
        assert problem.fix_template.format(**params) == problem.fix, problem.render()
        # No param goes unused, and none is missing from what a catalog would be given.
        assert placeholders(problem.template) | placeholders(problem.fix_template) == set(
            params
        ), problem.render()
        hash(problem)


def test_localized_says_the_templates_through_the_translator(tmp_path: Path) -> None:
    def shout(msgid: str, **params: Any) -> str:
        # Catalogs.gettext formats only when there are params: so must a translation.
        text = msgid.upper().replace("{", "<").replace("}", ">")
        for name in params:
            text = text.replace(f"<{name.upper()}>", "{" + name + "}")
        return text.format(**params) if params else text

    for problem in every_problem(tmp_path):
        params = dict(problem.params)
        message, fix = problem.localized(shout)
        assert (message, fix) == (
            shout(problem.template, **params),
            shout(problem.fix_template, **params),
        )
        if problem.template != VERBATIM:
            assert message != problem.message
        assert problem.localized(lambda m, **p: m.format(**p)) == (problem.message, problem.fix)


def test_json_output_is_the_english_only() -> None:
    [problem] = check_file(BROKEN / "E110_unknown_key.yaml").problems
    assert list(problem.to_json()) == [
        "name", "code", "file", "line", "column", "path", "message", "fix",
    ]  # fmt: skip


def test_a_problem_made_without_templates_stays_english() -> None:
    problem = Problem("E107", "x.yaml", None, None, "", "cannot read", "give a file")
    assert problem.localized(lambda _msgid, **_params: "翻訳") == ("cannot read", "give a file")
