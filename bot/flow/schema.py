"""The JSON Schema of the flow format, generated from the loader's own model."""

from __future__ import annotations

import json
from typing import Any

from bot.flow.checks import REQUIRED_LOCALES
from bot.flow.model import FlowDefinition

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def flow_json_schema() -> dict[str, Any]:
    """The schema editors use (VS Code's YAML extension via ``yaml-language-server``)."""
    schema = FlowDefinition.model_json_schema(by_alias=True, mode="validation")
    # Offer the required locales for completion in every text, without forbidding others
    # (the loader reports undeclared locales with a clearer message than a schema can).
    locale_props = {code: {"type": "string", "minLength": 1} for code in REQUIRED_LOCALES}
    _walk(schema, locale_props)
    return {"$schema": DRAFT, **schema}


def _walk(node: Any, locale_props: dict[str, Any]) -> None:
    if isinstance(node, dict):
        extra = node.get("additionalProperties")
        if node.get("type") == "object" and extra == {"type": "string"}:
            node["properties"] = dict(locale_props)
        for value in node.values():
            _walk(value, locale_props)
    elif isinstance(node, list):
        for value in node:
            _walk(value, locale_props)


def render_schema() -> str:
    """The schema as the file ``flows/flow.schema.json`` holds it."""
    return json.dumps(flow_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
