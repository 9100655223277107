"""Problems found in a flow file: a stable code, where, what is wrong, how to fix it.

Codes are stable (tools and docs refer to them) and grouped like a linter's:
E1xx file and shape, E2xx step graph, E3xx texts and locales, E4xx fields and rules,
E5xx Telegram limits. ``CODES`` is the registry; every code has a broken-flow fixture in
``tests/flow/broken/``.

A problem is said in English (the CLI, JSON output) and in the admin's language (the bot):
its message and fix are ``N_`` message ids with ``{named}`` placeholders, kept with the
values that fill them, so a catalog can translate the sentence and never the values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
    "E108": "too-many-steps",
    "E109": "too-many-entries",
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
    "E307": "markup-in-text",
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
    "E413": "exclusive-outside-multi",
    "E414": "no-choice-left",
    "E501": "message-too-long",
    "E502": "callback-data-too-long",
    "E503": "too-many-buttons",
    "E504": "button-text-too-long",
}


#: The template of a message we only have in English (PyYAML's own words): no catalog
#: holds it, so it stays English in every language while its fix is translated.
VERBATIM = "{detail}"
#: Values that fill a template's placeholders: ids, numbers and quoted values from the
#: file, never translated text. Pairs rather than a dict, so that a problem stays hashable.
Params = tuple[tuple[str, str], ...]


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
    """One thing wrong with a flow file.

    ``message`` and ``fix`` are the English; ``template``, ``fix_template`` and ``params``
    say them in another language (see ``localized``). A problem built without templates
    (by code outside the loader) is English only.
    """

    code: str
    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    fix: str
    template: str = ""
    fix_template: str = ""
    params: Params = ()

    @classmethod
    def from_templates(
        cls,
        code: str,
        file: str,
        line: int | None,
        column: int | None,
        path: str,
        template: str,
        fix_template: str,
        params: Params,
    ) -> Problem:
        """A problem whose English is its templates filled with ``params``."""
        values = dict(params)
        return cls(
            code,
            file,
            line,
            column,
            path,
            template.format(**values),
            fix_template.format(**values),
            template,
            fix_template,
            params,
        )

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

    def localized(self, translate: Callable[..., str]) -> tuple[str, str]:
        """The message and the fix through ``translate(msgid, **params)`` (a catalog's
        gettext bound to the admin's locale)."""
        if not self.template:
            return self.message, self.fix
        values = dict(self.params)
        return translate(self.template, **values), translate(self.fix_template, **values)

    def render(self) -> str:
        at = f" at {self.path}" if self.path else ""
        return f"{self.location}: {self.code} {self.name}{at}: {self.message}. Fix: {self.fix}"

    def to_json(self) -> dict[str, Any]:
        # The English only, as before templates existed: tools read these keys.
        return {"name": self.name, **{key: getattr(self, key) for key in _JSON_KEYS}}


_JSON_KEYS = ("code", "file", "line", "column", "path", "message", "fix")
