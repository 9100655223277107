"""The flow format: one pydantic model that is both the loader's shape check and the
JSON Schema shipped for editors, so the two cannot drift.

A flow is data only. Nothing in it can name Python code: step kinds and rule operators
are closed sets defined here (pydantic discriminated unions), and an unknown one is a
load error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from bot.limits import MAX_BUTTONS, MAX_BUTTONS_PER_ROW, MAX_TEXT_ANSWER_CHARS

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
MAX_ID_LENGTH = 32

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH),
    Field(description="A short snake_case id, e.g. `in_custody`: a stable code, never shown."),
]
LocalizedText = Annotated[
    Mapping[str, str],
    Field(
        description="The text in every locale the flow declares, e.g. "
        "`{ja: ..., ko: ..., zh_Hans: ...}`.",
        json_schema_extra={"minProperties": 1},
    ),
]
Priority = Literal["urgent", "high", "normal"]
FieldType = Literal["single", "multi", "text"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=False)


# --- Conditions over earlier answers -------------------------------------------------


class Equals(_Strict):
    """True when the field's answer is this value (for a multi field: includes it)."""

    field: Id
    equals: Id


class In(_Strict):
    """True when the answer is one of these values (multi: includes any of them)."""

    field: Id
    in_: list[Id] = Field(alias="in", min_length=1)


class NotIn(_Strict):
    """True when the field was answered and the answer is none of these values."""

    field: Id
    not_in: list[Id] = Field(min_length=1)


class Answered(_Strict):
    """True when the field has an answer (it was not skipped or left out)."""

    answered: Id


class AllOf(_Strict):
    """True when every condition holds."""

    all: list[Condition] = Field(min_length=1)


class AnyOf(_Strict):
    """True when at least one condition holds."""

    any: list[Condition] = Field(min_length=1)


class Not(_Strict):
    """True when the condition does not hold."""

    not_: Condition = Field(alias="not")


#: Operator keyword -> model. The closed registry of what YAML can name in a rule.
OPERATORS: dict[str, type[_Strict]] = {
    "equals": Equals,
    "in": In,
    "not_in": NotIn,
    "answered": Answered,
    "all": AllOf,
    "any": AnyOf,
    "not": Not,
}


def _operator_of(value: Any) -> str | None:
    if isinstance(value, Mapping):
        for key in value:
            if key in OPERATORS:
                return str(key)
        return None
    if isinstance(value, BaseModel):
        for name, model in OPERATORS.items():
            if type(value) is model:
                return name
    return None


Condition = Annotated[
    Annotated[Equals, Tag("equals")]
    | Annotated[In, Tag("in")]
    | Annotated[NotIn, Tag("not_in")]
    | Annotated[Answered, Tag("answered")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")],
    Discriminator(
        _operator_of,
        custom_error_type="unknown_operator",
        custom_error_message="a condition needs exactly one operator",
    ),
]


class Route(_Strict):
    """A conditional way out of a step: the first route whose `when` holds is taken."""

    when: Condition
    next: Id


# --- Steps -----------------------------------------------------------------------------


class Option(_Strict):
    """One toggle button of a multiple-choice question."""

    value: Id = Field(description="The code stored in the stub, e.g. `in_custody`.")
    text: LocalizedText
    when: Condition | None = Field(
        None,
        description="Offer this choice only when the condition holds over earlier answers"
        " (e.g. Jilin only when the person is in China); otherwise it is always offered.",
    )
    # On the shared base, so that the checker can say why it means nothing in a
    # single-choice step (E413) rather than only that the key is unknown.
    exclusive: bool = Field(
        False,
        description="Multi-choice only: choosing this (e.g. `none`, `unknown`) clears the"
        " other choices, and choosing another clears it.",
    )


class Choice(Option):
    """One button of a single-choice question."""

    next: Id | None = Field(None, description="Step to go to when this choice is made.")


class TextVariant(_Strict):
    """A step text used instead of the default when its condition holds."""

    when: Condition
    text: LocalizedText


class _Step(_Strict):
    text: LocalizedText
    texts: list[TextVariant] = Field(
        default_factory=list,
        description="Ordered alternatives to `text` over earlier answers; the first whose"
        " `when` holds is shown, else `text`.",
    )


class _Routed(_Step):
    routes: list[Route] = Field(
        default_factory=list,
        description="Ordered conditional exits over answers given so far; first match wins.",
    )
    next: Id | None = Field(None, description="Where to go when no route (or choice) applies.")


class SingleChoiceStep(_Routed):
    """A question answered with one button."""

    kind: Literal["single_choice"]
    field: Id
    choices: list[Choice] = Field(min_length=2, max_length=MAX_BUTTONS)
    columns: int = Field(1, ge=1, le=MAX_BUTTONS_PER_ROW, description="Buttons per row.")


class MultiChoiceStep(_Routed):
    """A question answered by toggling buttons, then Done."""

    kind: Literal["multi_choice"]
    field: Id
    choices: list[Option] = Field(min_length=2, max_length=MAX_BUTTONS)
    min: int = Field(1, ge=0, description="Fewest selections accepted.")
    max: int | None = Field(None, ge=1, description="Most selections accepted (default: all).")
    columns: int = Field(1, ge=1, le=MAX_BUTTONS_PER_ROW, description="Buttons per row.")


class TextStep(_Routed):
    """A free-text question. Its answer is scrubbed of personal data before it is stored."""

    kind: Literal["text"]
    field: Id
    warning: LocalizedText = Field(
        description="Shown with the question: what must never be written (names, places, "
        "numbers, IDs)."
    )
    min_length: int = Field(1, ge=1)
    max_length: int = Field(1000, ge=1, le=MAX_TEXT_ANSWER_CHARS)
    skippable: bool = False


class InfoStep(_Routed):
    """A message with a continue button."""

    kind: Literal["info"]
    button: LocalizedText | None = Field(None, description="Continue button label.")


class ReviewStep(_Step):
    """Shows every answer so far, each editable, then asks to confirm."""

    kind: Literal["review"]
    next: Id


class SubmitStep(_Step):
    """Ends the intake and writes the case stub. The text must contain `{reference}`."""

    kind: Literal["submit"]


Step = Annotated[
    SingleChoiceStep | MultiChoiceStep | TextStep | InfoStep | ReviewStep | SubmitStep,
    Field(discriminator="kind"),
]
STEP_KINDS: tuple[str, ...] = (
    "single_choice",
    "multi_choice",
    "text",
    "info",
    "review",
    "submit",
)
AnswerStep = SingleChoiceStep | MultiChoiceStep | TextStep


# --- Fields and triage -----------------------------------------------------------------


class FieldSpec(_Strict):
    """A named stub field: declared once, answered by exactly one step."""

    type: FieldType
    label: LocalizedText = Field(description="Short name shown in the review and to staff.")
    values: list[Id] = Field(
        default_factory=list, description="Allowed codes (single and multi fields only)."
    )


class TriageRule(_Strict):
    """Sets the stub's priority; rules are tried in order and the first match wins."""

    priority: Priority
    when: Condition


class FlowDefinition(_Strict):
    """One intake flow. Raise `version` whenever you change anything."""

    model_config = ConfigDict(
        title="Intake flow",
        json_schema_extra={"$id": "https://intake-bot.invalid/flow.schema.json"},
    )

    id: Id
    version: int = Field(ge=1, description="An integer you raise with every change.")
    locales: list[str] = Field(
        min_length=1, description="Locales every text must carry: at least ja, ko, zh_Hans."
    )
    title: LocalizedText
    start: Id = Field(description="The first step.")
    fields: Mapping[Id, FieldSpec]
    triage: list[TriageRule] = Field(
        default_factory=list, description="Priority rules; no match means `normal`."
    )
    region: list[Id] = Field(
        default_factory=list,
        description="Single fields that locate the person, coarsest first: the stub's region"
        " joins those answered (e.g. `china_border/jilin`), for staff filters.",
    )
    contact_consent: Condition | None = Field(
        None,
        description="When this holds, the supporter agreed to be contacted back through the"
        " bot, and only then is a way to reach them kept.",
    )
    steps: Mapping[Id, Step]


AllOf.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()
Route.model_rebuild()
Option.model_rebuild()
Choice.model_rebuild()
TextVariant.model_rebuild()
TriageRule.model_rebuild()
