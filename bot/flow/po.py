"""A flow's texts through a PO file, so translators can work in Poedit or Weblate.

Export: one entry per text, ``msgctxt`` = its path in the flow, ``msgid`` = the text in
the source locale, ``msgstr`` = the text in the target locale (empty when missing), the
other locales as translator comments. Import: write each translated entry back into the
YAML with ruamel's round-trip mode, which keeps the admin's comments, order and layout;
the result goes through the same loader before it replaces anything.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from ruamel.yaml.scalarstring import LiteralScalarString

from bot.flow.model import FlowDefinition
from bot.flow.problems import render_path
from bot.flow.roundtrip import roundtrip_yaml
from bot.flow.texts import iter_texts
from bot.flow.yamlsrc import Path, PathKey


def export_po(flow: FlowDefinition, locale: str, source: str, file_name: str) -> bytes:
    """The PO file for translating ``flow`` from ``source`` into ``locale``."""
    catalog = Catalog(
        locale=locale,
        project=f"flow {flow.id}",
        version=str(flow.version),
        charset="utf-8",
        fuzzy=False,
    )
    for item in iter_texts(flow):
        comments = [
            f"{code}: {text}" for code, text in item.text.items() if code not in (source, locale)
        ]
        catalog.add(
            item.text.get(source, ""),
            item.text.get(locale, ""),
            context=render_path(item.path),
            auto_comments=[f"{file_name} {item.role}", *comments],
        )
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    return out.getvalue()


@dataclass(frozen=True)
class Imported:
    """The new YAML text and what was applied or left out."""

    text: str
    locale: str
    applied: int
    skipped: tuple[str, ...]


def parse_context(context: str) -> Path:
    """``steps.region.choices[2].text`` -> ``("steps", "region", "choices", 2, "text")``."""
    path: list[PathKey] = []
    for part in context.split("."):
        name, _, rest = part.partition("[")
        if name:
            path.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            path.append(int(index))
            rest = rest.removeprefix("[")
    return tuple(path)


def read_catalog(po_bytes: bytes) -> Catalog:
    """A PO file, strictly: anything unreadable is a ``ValueError`` with a short reason.

    Strict also keeps the file out of the logs: a lenient read prints each bad line.

    Raises:
        ValueError: not a PO file, or an unknown charset or language.
    """
    try:
        return read_po(io.BytesIO(po_bytes), abort_invalid=True)
    except PoFileError as exc:
        raise ValueError(f"not a valid PO file (line {exc.lineno})") from None
    except (LookupError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"not a readable PO file ({type(exc).__name__})") from None


def import_po(yaml_text: str, po_bytes: bytes, locale: str | None = None) -> Imported:
    """Apply a translated PO file to a flow's YAML text; fuzzy and empty entries are skipped.

    Raises:
        ValueError: the PO file is unreadable or names no language.
    """
    catalog = read_catalog(po_bytes)
    code = locale or (str(catalog.locale) if catalog.locale else "")
    if not code:
        raise ValueError("the PO file names no language: pass --locale")
    yaml = roundtrip_yaml()
    data = yaml.load(yaml_text)
    applied, skipped = 0, []
    for message in catalog:
        if not message.id or not message.context:
            continue
        if not message.string or message.fuzzy:
            skipped.append(f"{message.context} ({'fuzzy' if message.fuzzy else 'empty'})")
            continue
        node = _walk(data, parse_context(str(message.context)))
        if node is None:
            skipped.append(f"{message.context} (not in this flow)")
            continue
        value = str(message.string)
        old = node.get(code)
        node[code] = (
            LiteralScalarString(value)
            if isinstance(old, LiteralScalarString) or "\n" in value
            else value
        )
        applied += 1
    out = io.StringIO()
    yaml.dump(data, out)
    return Imported(out.getvalue(), code, applied, tuple(skipped))


def _walk(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node if hasattr(node, "get") else None
