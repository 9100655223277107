"""Collects problems while a flow file is checked, with positions looked up by path."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TypedDict

from bot.flow.problems import CODES, Problem, render_path
from bot.flow.yamlsrc import Path, YamlDocument


class Reporter:
    """Every check appends here; nothing stops at the first problem."""

    def __init__(self, source: str, doc: YamlDocument | None = None) -> None:
        self.source = source
        self.doc = doc
        self.problems: list[Problem] = []

    def add(
        self,
        code: str,
        path: Path,
        message: str,
        fix: str,
        /,
        *,
        key: bool = False,
        **params: str | int,
    ) -> None:
        """Record a problem at ``path`` (``key=True`` points at the key rather than its value).

        ``message`` and ``fix`` are ``N_`` templates; ``params`` fill their placeholders
        and must be values (ids, numbers, quoted text from the file), never English words.
        """
        assert code in CODES, code
        mark = self.doc.mark(path, key=key) if self.doc else None
        self.problems.append(
            Problem.from_templates(
                code,
                self.source,
                mark.line if mark else None,
                mark.column if mark else None,
                render_path(path),
                message,
                fix,
                tuple((name, str(value)) for name, value in params.items()),
            )
        )


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``word`` was probably meant to be, for a did-you-mean template."""
    options = sorted(set(candidates))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return close[0]
    return {c.lower(): c for c in options}.get(word.lower())


class Suggestion(TypedDict, total=False):
    suggestion: str


def suggestion(*hints: str | None) -> Suggestion:
    """The ``suggestion`` param of a did-you-mean template, or none without a hint."""
    found = [repr(hint) for hint in hints if hint is not None]
    return {"suggestion": ", ".join(found)} if found else {}
