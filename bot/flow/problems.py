"""Problems found in a flow file: a stable code, where, what is wrong, how to fix it.

Codes are stable (tools and docs refer to them) and grouped like a linter's:
E1xx file and shape, E2xx step graph, E3xx texts and locales, E4xx fields and rules,
E5xx Telegram limits. ``CODES`` is the registry; every code has a broken-flow fixture in
``tests/flow/broken/``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot.flow.yamlsrc import Path

CODES: dict[str, str] = {
    "E101": "file-too-large",
    "E102": "not-utf8",
    "E103": "yaml-syntax",
    "E104": "yaml-alias",
    "E105": "duplicate-key",
    "E106": "yaml-tag",
    "E107": "file-unreadable",
    "E110": "unknown-key",
    "E111": "missing-key",
    "E112": "bad-value",
    "E113": "unknown-step-kind",
    "E114": "unknown-operator",
    "E201": "unknown-step",
    "E202": "unreachable-step",
    "E203": "cycle",
    "E204": "no-way-on",
    "E205": "no-submit",
    "E206": "no-review",
    "E301": "missing-translation",
    "E302": "empty-text",
    "E303": "undeclared-locale",
    "E304": "unknown-locale",
    "E305": "required-locale",
    "E306": "bad-placeholder",
    "E401": "undeclared-field",
    "E402": "field-kind-mismatch",
    "E403": "unknown-value",
    "E404": "field-asked-twice",
    "E405": "unused-field",
    "E406": "value-not-offered",
    "E407": "duplicate-value",
    "E408": "field-values",
    "E409": "rule-on-text",
    "E410": "field-not-yet-answered",
    "E411": "bad-bounds",
    "E412": "region-too-long",
    "E501": "message-too-long",
    "E502": "callback-data-too-long",
    "E503": "too-many-buttons",
    "E504": "button-text-too-long",
}


def render_path(path: Path) -> str:
    """``("steps", "region", "choices", 2)`` -> ``steps.region.choices[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a flow file."""

    code: str
    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    fix: str

    @property
    def name(self) -> str:
        return CODES[self.code]

    @property
    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self) -> str:
        at = f" at {self.path}" if self.path else ""
        return f"{self.location}: {self.code} {self.name}{at}: {self.message}. Fix: {self.fix}"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, **asdict(self)}
