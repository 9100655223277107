"""One broken flow per problem code: the checker reports that code at the marked line.

Each fixture in ``broken/`` marks the line a problem must point at with ``# <- E123``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bot.flow.loader import check_bytes, check_file
from bot.flow.problems import CODES
from bot.limits import MAX_FLOW_FILE_BYTES

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


@pytest.mark.parametrize("depth", [60, 600, 3000])
def test_absurd_nesting_is_a_located_problem_not_a_crash(depth: int) -> None:
    text = SHIPPED + "\nextra: " + "[" * depth + "]" * depth + "\n"
    result = check_bytes(text.encode(), "deep.yaml")
    assert [p.code for p in result.problems] == ["E103"]
    assert result.problems[0].render().startswith("deep.yaml:")


def test_a_number_of_thousands_of_digits_is_a_located_problem() -> None:
    text = SHIPPED.replace("version: 1", "version: " + "9" * 5000)
    result = check_bytes(text.encode(), "big.yaml")
    assert [(p.code, p.render().split(":")[1]) for p in result.problems] == [("E112", "8")]


def test_a_loop_through_a_thousand_steps_is_reported() -> None:
    head = [
        "id: loop", "version: 1", "locales: [ja, ko, zh_Hans]",
        "title: {ja: t, ko: t, zh_Hans: t}", "start: s0", "fields: {}", "triage: []", "steps:",
    ]  # fmt: skip
    steps = [
        f"  s{i}:\n    kind: info\n    text: {{ja: a, ko: a, zh_Hans: a}}\n"
        f"    button: {{ja: b, ko: b, zh_Hans: b}}\n    next: s{(i + 1) % 1000}"
        for i in range(1000)
    ]
    result = check_bytes("\n".join([*head, *steps]).encode(), "loop.yaml")
    [loop] = [p for p in result.problems if p.code == "E203"]
    assert "(991 more)" in loop.render()
