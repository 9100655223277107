"""Random input sequences: the engine never raises, sessions stay valid, every path ends.

Inputs are drawn the way people produce them: mostly the buttons on screen, but also old
buttons, made-up buttons, random text of any length, commands at any moment, media.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import inputs as i
from bot.engine.advance import advance, start
from bot.engine.compiled import CompiledFlow
from bot.engine.outcome import Outcome
from bot.engine.session import Session
from bot.flow.model import MultiChoiceStep, SingleChoiceStep
from tests.support.engine import context, intake, minimal

FREE_INPUTS = st.one_of(
    st.builds(i.Text, st.text(max_size=1500)),
    st.builds(i.Text, st.sampled_from(["1", "２", "99", "完了", "戻る", "わからない", "예", ""])),
    st.just(i.Back()),
    st.just(i.Restart()),
    st.just(i.Cancel()),
    st.builds(i.ConfirmCancel, st.booleans(), st.sampled_from([None, "ZZZZZZ"])),
    st.builds(i.SwitchLanguage, st.sampled_from([None, "ja", "ko", "zh_Hans", "en"])),
    st.just(i.Help()),
    st.builds(i.Unsupported, st.sampled_from(["sticker", "photo", "location"])),
    st.builds(i.Skip),
    st.builds(
        i.Choose, st.sampled_from(["yes", "friend", "nope"]), st.none(), st.text(max_size=6)
    ),
    st.builds(i.Toggle, st.sampled_from(["arrest", "x"]), st.just("threats"), st.none()),
    st.builds(i.Edit, st.sampled_from(["custody", "note", "missing"])),
    st.builds(i.Confirm),
    st.builds(i.Start, st.sampled_from(["ja", "ko", "zh_Hans"])),
)

# A step of a random conversation: press the n-th visible button, or do something else.
MOVES = st.one_of(st.integers(min_value=0, max_value=20), FREE_INPUTS)


def check_valid(compiled: CompiledFlow, session: Session) -> None:
    flow = compiled.flow
    assert Session.from_json(json.loads(json.dumps(session.to_json()))) == session
    assert (session.flow_id, session.flow_version) == (flow.id, flow.version)
    assert session.locale in flow.locales
    assert session.step in flow.steps
    assert all(step in flow.steps for step in session.history)
    for field, answer in session.answers.items():
        spec = flow.fields[field]
        if spec.type == "single":
            assert answer in spec.values
        elif spec.type == "multi":
            assert isinstance(answer, list)
            assert set(answer) <= set(spec.values)
        else:
            assert isinstance(answer, str)
    step = flow.steps[session.step]
    if isinstance(step, MultiChoiceStep):
        assert set(session.selection) <= {c.value for c in step.choices}


def finish(compiled: CompiledFlow, outcome: Outcome) -> Outcome:
    """From any state, a supporter pressing the first option reaches an end."""
    ctx = context(1)
    if outcome.session is not None and outcome.session.status == "confirm_cancel":
        outcome = advance(
            compiled, outcome.session, i.ConfirmCancel(False, outcome.session.token), ctx
        )
    for _ in range(3 * len(compiled.flow.steps) + 5):
        session = outcome.session
        if session is None or session.status == "submitted":
            return outcome
        step = compiled.step(session.step)
        if step.kind == "text":
            event: i.Input = i.Text("ok")
        elif step.kind == "review":
            event = i.Confirm(session.step, session.token)
        elif isinstance(step, MultiChoiceStep):
            if not session.selection:
                event = i.Toggle(step.choices[0].value, session.step, session.token)
            else:
                event = i.Done(session.step, session.token)
        elif isinstance(step, SingleChoiceStep):
            event = i.Choose(step.choices[-1].value, session.step, session.token)
        else:
            event = i.Continue(session.step, session.token)
        outcome = advance(compiled, session, event, ctx)
    raise AssertionError(f"no end reached from {outcome.session}")


def play(compiled: CompiledFlow, moves: list[int | i.Input]) -> None:
    ctx = context(3)
    outcome = start(compiled, "ja", ctx)
    for move in moves:
        if isinstance(move, int):
            buttons = outcome.buttons()
            event: i.Input = buttons[move % len(buttons)].input if buttons else i.Text(str(move))
        else:
            event = move
        outcome = advance(compiled, outcome.session, event, ctx)
        assert outcome.replies, "every input gets an answer"
        if outcome.session is not None:
            check_valid(compiled, outcome.session)
    end = finish(compiled, outcome)
    assert end.session is None or end.session.status == "submitted"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MOVES, max_size=60))
def test_random_conversations_on_the_shipped_flow(moves: list[int | i.Input]) -> None:
    play(intake(), moves)


@settings(max_examples=150, deadline=None)
@given(st.lists(MOVES, max_size=30))
def test_random_conversations_on_the_minimal_flow(moves: list[int | i.Input]) -> None:
    play(minimal(), moves)
