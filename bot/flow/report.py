"""Collects problems while a flow file is checked, with positions looked up by path."""

from __future__ import annotations

from bot.flow.problems import CODES, Problem, render_path
from bot.flow.yamlsrc import Path, YamlDocument


class Reporter:
    """Every check appends here; nothing stops at the first problem."""

    def __init__(self, source: str, doc: YamlDocument | None = None) -> None:
        self.source = source
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, code: str, path: Path, message: str, fix: str, *, key: bool = False) -> None:
        """Record a problem at ``path`` (``key=True`` points at the key rather than its value)."""
        assert code in CODES, code
        mark = self.doc.mark(path, key=key) if self.doc else None
        self.problems.append(
            Problem(
                code=code,
                file=self.source,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                path=render_path(path),
                message=message,
                fix=fix,
            )
        )
