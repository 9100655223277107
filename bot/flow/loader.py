"""The one flow loader: used by the bot at start-up and by ``intake-bot flows check``.

A pipeline, cheapest and most fundamental first, collecting every problem it can:
size limit -> UTF-8 -> safe YAML with positions -> bounds on steps and lists -> shape
(pydantic) -> semantic checks. A later stage runs only when the earlier ones produced
something to check.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import ConfigError, FlowError
from bot.flow.checks import check_flow
from bot.flow.model import FlowDefinition
from bot.flow.problems import VERBATIM, Params, Problem, render_path
from bot.flow.report import Reporter
from bot.flow.shape import validate_shape
from bot.flow.yamlsrc import YamlDocument, YamlError, parse
from bot.limits import MAX_FLOW_FILE_BYTES
from bot.messages import N_

_YAML_CODES = {"syntax": "E103", "alias": "E104", "duplicate-key": "E105", "tag": "E106"}
_YAML_FIXES = {
    "syntax": N_("check indentation (spaces, not tabs) and quoting around this line"),
    "alias": N_("write the content out in full instead of using &anchor / *alias"),
    "duplicate-key": N_("remove or rename one of the two"),
    "tag": N_("remove the !tag: flows hold plain text, numbers and lists only"),
}


@dataclass(frozen=True)
class Loaded:
    """The outcome of checking one flow file: the flow if it has no problem."""

    source: str
    flow: FlowDefinition | None
    problems: tuple[Problem, ...]
    #: SHA-256 of the file's bytes, to tell published versions apart.
    digest: str = field(default="")

    @property
    def ok(self) -> bool:
        return self.flow is not None and not self.problems


def check_bytes(content: bytes, source: str) -> Loaded:
    """Check a flow given as bytes; ``source`` names it in problems. Pure."""
    digest = hashlib.sha256(content).hexdigest()
    report = Reporter(source)
    if len(content) > MAX_FLOW_FILE_BYTES:
        report.add(
            "E101",
            (),
            N_("the file has {size} bytes; the limit is {limit}"),
            N_("split it into several flows, or remove what is not needed"),
            size=len(content),
            limit=MAX_FLOW_FILE_BYTES,
        )
        return Loaded(source, None, tuple(report.problems), digest)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        column = exc.start - content.rfind(b"\n", 0, exc.start)
        report.problems.append(
            Problem.from_templates(
                "E102",
                source,
                line,
                column,
                "",
                N_("the file is not UTF-8"),
                N_("save it as UTF-8 in your editor (it may be Shift_JIS, EUC-KR or GBK)"),
                (),
            )
        )
        return Loaded(source, None, tuple(report.problems), digest)
    try:
        doc = parse(text.removeprefix("\ufeff"))
    except YamlError as exc:
        report.problems.append(_yaml_problem(source, exc))
        return Loaded(source, None, tuple(report.problems), digest)
    report.doc = doc
    report.problems.extend(_yaml_problem(source, p, doc) for p in doc.problems)
    flow = validate_shape(doc.data, report)
    if flow is not None:
        check_flow(flow, report)
    problems = tuple(report.problems)
    return Loaded(source, flow if not problems else None, problems, digest)


def _yaml_problem(source: str, exc: YamlError, doc: YamlDocument | None = None) -> Problem:
    template, params = _yaml_message(exc, doc)
    return Problem.from_templates(
        _YAML_CODES[exc.kind],
        source,
        exc.mark.line if exc.mark else None,
        exc.mark.column if exc.mark else None,
        render_path(exc.path),
        template,
        _YAML_FIXES[exc.kind],
        params,
    )


def _yaml_message(exc: YamlError, doc: YamlDocument | None) -> tuple[str, Params]:
    """A template for what the parser said, where we know its words; else its English."""
    first = doc.keys.get(exc.path) if doc is not None and exc.path else None
    if exc.kind == "duplicate-key" and first is not None:
        template = N_("the key {key} appears twice (first on line {line})")
        params: Params = (("key", repr(exc.path[-1])), ("line", str(first.line)))
    elif exc.kind == "alias":
        template, params = N_("YAML aliases (*name) are not allowed in flow files"), ()
    else:  # PyYAML's own words, or the tag as written
        template, params = VERBATIM, (("detail", exc.message),)
    # Should yamlsrc ever word these differently, the English must not silently change.
    if template.format(**dict(params)) != exc.message:
        template, params = VERBATIM, (("detail", exc.message),)
    return template, params


def read_flow_file(path: Path) -> bytes:
    """A flow file's bytes: a regular file only (a FIFO would block, a link to a device
    never end), at most one byte over the size limit (so the check can say it is too big).

    Raises:
        OSError: the file cannot be read, or is not a regular file.
    """
    info = path.stat()  # follows links: what matters is what they point to
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    with path.open("rb") as handle:
        return handle.read(MAX_FLOW_FILE_BYTES + 1)


def check_file(path: Path, *, display: str | None = None) -> Loaded:
    """Check one flow file; the size is checked before the file is read whole."""
    source = display or str(path)
    try:
        content = read_flow_file(path)
    except OSError as exc:
        report = Reporter(source)
        report.add(
            "E107",
            (),
            N_("cannot read the flow file ({reason})"),
            N_("give the path of a regular YAML file (flows/intake.yaml) or of its folder"),
            reason=exc.strerror or type(exc).__name__,
        )
        return Loaded(source, None, tuple(report.problems))
    return check_bytes(content, source)


def flow_files(paths: Iterable[Path]) -> list[Path]:
    """Expand directories into their ``*.yaml`` / ``*.yml`` files, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            out.append(path)
    return out


def check_files(paths: Sequence[Path]) -> list[Loaded]:
    """Check every file, and that no two files declare the same flow id."""
    results = [check_file(p) for p in flow_files(paths)]
    owners: dict[str, str] = {}
    for i, result in enumerate(results):
        if result.flow is None:
            continue
        other = owners.setdefault(result.flow.id, result.source)
        if other != result.source:
            report = Reporter(result.source)
            report.add(
                "E105",
                ("id",),
                N_("flow id {id} is also used by {other}"),
                N_("give each flow file its own id"),
                id=repr(result.flow.id),
                other=other,
            )
            results[i] = Loaded(result.source, None, tuple(report.problems), result.digest)
    return results


def load_flows(paths: Sequence[Path]) -> dict[str, FlowDefinition]:
    """Load flows for the bot; refuse to start on any problem.

    Raises:
        FlowError: with every problem of every file.
        ConfigError: when ``paths`` hold no flow file at all.
    """
    results = check_files(paths)
    problems = [p for r in results for p in r.problems]
    if problems:
        raise FlowError(problems)
    if not results:
        names = ", ".join(str(p) for p in paths)
        raise ConfigError(
            f"no flow file (*.yaml) found in {names}: add one, e.g. flows/intake.yaml"
        )
    return {r.flow.id: r.flow for r in results if r.flow is not None}
