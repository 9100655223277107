"""The buttons of each step, in display order: rendering and typed answers share them."""

from __future__ import annotations

from bot.engine import inputs as i
from bot.engine.compiled import CompiledFlow, is_question
from bot.engine.outcome import Button, FlowLabel, Msg
from bot.engine.session import Session
from bot.flow.model import (
    InfoStep,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    TextStep,
)
from bot.messages import N_

Rows = tuple[tuple[Button, ...], ...]


def _rows(buttons: list[Button], columns: int) -> list[tuple[Button, ...]]:
    return [tuple(buttons[n : n + columns]) for n in range(0, len(buttons), columns)]


def step_buttons(compiled: CompiledFlow, session: Session) -> Rows:
    """Buttons for the session's current step."""
    step = compiled.step(session.step)
    sid, token = session.step, session.token
    rows: list[tuple[Button, ...]] = []
    nav: list[Button] = []
    # Only the choices offered for the answers so far: a hidden one can be neither
    # pressed nor typed (typed answers are matched against these buttons).
    if isinstance(step, SingleChoiceStep):
        offered = compiled.offered(step, session.answers)
        options = [Button(FlowLabel(c.text), i.Choose(c.value, sid, token)) for c in offered]
        rows += _rows(options, step.columns)
    elif isinstance(step, MultiChoiceStep):
        offered = compiled.offered(step, session.answers)
        options = [
            Button(FlowLabel(c.text), i.Toggle(c.value, sid, token), c.value in session.selection)
            for c in offered
        ]
        rows += _rows(options, step.columns)
        nav.append(Button(Msg(N_("Done")), i.Done(sid, token)))
    elif isinstance(step, TextStep):
        if step.skippable:
            nav.append(Button(Msg(N_("Skip")), i.Skip(sid, token)))
    elif isinstance(step, InfoStep):
        label = FlowLabel(step.button) if step.button else Msg(N_("Continue"))
        rows.append((Button(label, i.Continue(sid, token)),))
    elif isinstance(step, ReviewStep):
        for field in answered_path_fields(compiled, session):
            spec = compiled.flow.fields[field]
            rows.append(
                (
                    Button(
                        Msg(N_("Change: {label}"), {"label": spec.label}),
                        i.Edit(field, sid, token),
                    ),
                )
            )
        rows.append((Button(Msg(N_("Send")), i.Confirm(sid, token)),))
        nav.append(Button(Msg(N_("Erase everything")), i.Cancel()))
    if session.history:
        nav.append(Button(Msg(N_("Back")), i.Back(token)))
    if nav:
        rows.append(tuple(nav))
    return tuple(rows)


def path_steps(session: Session) -> list[str]:
    """The steps the supporter is on the way through: history, then the current step."""
    return [*session.history, session.step]


def answered_path_fields(compiled: CompiledFlow, session: Session) -> list[str]:
    """Fields asked on the current path, in the order asked (answered or skipped)."""
    fields: list[str] = []
    for step_id in path_steps(session):
        step = compiled.step(step_id)
        if is_question(step):
            fields.append(step.field)  # type: ignore[union-attr]
    return fields
