"""Every text a supporter can see in a flow, with its path: for checks and translators."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.flow.model import (
    FlowDefinition,
    InfoStep,
    MultiChoiceStep,
    SingleChoiceStep,
    TextStep,
)
from bot.flow.yamlsrc import Path

Role = Literal["message", "button", "label"]


@dataclass(frozen=True)
class FlowText:
    """One localized text of a flow."""

    path: Path
    role: Role
    text: Mapping[str, str]


def iter_texts(flow: FlowDefinition) -> Iterator[FlowText]:
    """All localized texts in file order: title, field labels, then each step's texts."""
    yield FlowText(("title",), "label", flow.title)
    for name, spec in flow.fields.items():
        yield FlowText(("fields", name, "label"), "label", spec.label)
    for step_id, step in flow.steps.items():
        base: Path = ("steps", step_id)
        yield FlowText((*base, "text"), "message", step.text)
        for i, variant in enumerate(step.texts):
            yield FlowText((*base, "texts", i, "text"), "message", variant.text)
        if isinstance(step, TextStep):
            yield FlowText((*base, "warning"), "message", step.warning)
        if isinstance(step, SingleChoiceStep | MultiChoiceStep):
            for i, choice in enumerate(step.choices):
                yield FlowText((*base, "choices", i, "text"), "button", choice.text)
        if isinstance(step, InfoStep) and step.button is not None:
            yield FlowText((*base, "button"), "button", step.button)
