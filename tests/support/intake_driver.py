"""A simulated supporter who completes a whole intake, reading the chat like a person.

The driver looks at the current question (the newest bot message with buttons), reads
which step it is from the button payloads, and answers from its ``Plan``: it presses the
chosen button, toggles its selections then Done, types its note, and submits. It waits
for the bot's reply on the fake server's state changes (never on a clock) and measures
the time from each action to the reply that lets it go on.

Many drivers run at once in threads, each in its own chat. With ``acked=True`` (webhook
delivery) a driver also notices a reply that will never come: the fake server has its
update acknowledged (the bot committed it) but the chat shows no answer, which happens
when a replica dies between committing and replying. It then does what a person would:
sends /start, which shows the current question again.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from bot import callback as cb
from bot.flow.conditions import Answer
from bot.flow.model import MultiChoiceStep, SingleChoiceStep
from tests.support.engine import intake
from tests.support.fake_bot_api import FakeBotApi, SimUser, StoredMessage

#: Client language codes, as Telegram sends them, for each flow locale.
CLIENT_CODES = {"ja": "ja", "ko": "ko-KR", "zh_Hans": "zh-hans"}
NOTES = {
    "ja": "母は元気ですが、薬が足りません。",
    "ko": "어머니는 잘 지내시지만 약이 부족합니다.",
    "zh_Hans": "母亲身体还好，但是缺药。",
}
#: An intake takes about 20 actions; anything far beyond that is a driver stuck in a loop.
MAX_ACTIONS = 80
MAX_RECOVERIES = 5


@dataclass(frozen=True)
class Plan:
    """One supporter's language and every answer they would give, by step id."""

    locale: str
    choices: dict[str, str]
    toggles: dict[str, tuple[str, ...]]
    note: str

    @property
    def language_code(self) -> str:
        return CLIENT_CODES[self.locale]


def plan(k: int) -> Plan:
    """The ``k``-th supporter's plan: languages in turn, answers varied over the flow."""
    flow = intake()
    locale = ("ja", "ko", "zh_Hans")[k % 3]
    choices: dict[str, str] = {}
    toggles: dict[str, tuple[str, ...]] = {}
    planned: dict[str, Answer] = {}
    for n, (step_id, step) in enumerate(flow.flow.steps.items()):
        # Only what the step offers after the answers planned before it (in the border
        # region Jilin or Liaoning, never Yunnan); steps come in the order they are asked.
        if isinstance(step, SingleChoiceStep):
            values = [c.value for c in flow.offered(step, planned)]
            choices[step_id] = planned[step.field] = values[(k + n * (k // 3)) % len(values)]
        elif isinstance(step, MultiChoiceStep):
            # Never an exclusive choice ("none"): ticking another would clear it.
            first = [c.value for c in flow.offered(step, planned) if not c.exclusive][:3]
            picked = {first[k % 3], first[(k + n) % 3]}
            toggles[step_id] = tuple(v for v in first if v in picked)
            planned[step.field] = list(toggles[step_id])
    return Plan(locale, choices, toggles, NOTES[locale])


@dataclass
class Result:
    """What one supporter did and saw."""

    user: SimUser
    plan: Plan
    #: Answers given, as the stub stores them: a code, or a list of codes.
    answers: dict[str, Any] = field(default_factory=dict)
    #: Seconds from each action to the reply that let the supporter go on.
    latencies: list[float] = field(default_factory=list)
    #: Times a reply never came and the supporter sent /start to see the question again.
    recoveries: int = 0
    #: The submission was committed but its reply (the reference) was lost.
    submitted_unseen: bool = False


@dataclass(frozen=True)
class _Button:
    label: str
    data: cb.CallbackData


#: Seconds a person takes between seeing a reply and acting on it (the benchmark's human
#: pace); ``None``: act as soon as the reply is there.
Pace = tuple[float, float] | None


class Driver:
    def __init__(
        self,
        server: FakeBotApi,
        user: SimUser,
        plan: Plan,
        *,
        acked: bool,
        timeout: float,
        pace: Pace = None,
    ) -> None:
        self.server = server
        self.result = Result(user, plan)
        self.acked = acked
        self.timeout = timeout
        self.pace = pace
        self._think = random.Random(user.id)
        self._toggled: dict[str, set[str]] = {}

    @property
    def user(self) -> SimUser:
        return self.result.user

    def run(self) -> Result:
        self._act(None, lambda: self.server.send_command(self.user, "/start"))
        for _ in range(MAX_ACTIONS):
            question = self.server.latest_keyboard(self.user)
            assert question is not None, "no question with buttons in the chat"
            buttons = [
                _Button(label, data)
                for row in question.keyboard
                for label, raw in row
                if raw is not None and (data := cb.CallbackData.decode(raw)) is not None
            ]
            actions = {b.data.action: b for b in buttons}
            if cb.CLEAR in actions:
                break  # submitted: the bot offers to clear the chat
            if not self._answer(question, buttons, actions):
                break
        else:
            raise AssertionError(f"{self.user.first_name} did not finish in {MAX_ACTIONS} actions")
        if self.acked:  # everything this chat caused is acknowledged
            self.server.wait_until(lambda: self.server.pending_for(self.user) == 0, self.timeout)
        return self.result

    def _answer(
        self, question: StoredMessage, buttons: list[_Button], actions: dict[str, _Button]
    ) -> bool:
        """One action on ``question``; False when it was the submission and its reply is lost."""
        plan = self.result.plan
        if cb.CONFIRM in actions:
            return self._press(question, actions[cb.CONFIRM], final=True)
        if cb.CONTINUE in actions:
            return self._press(question, actions[cb.CONTINUE])
        if cb.LANGUAGE in actions:
            wanted = next(b for b in buttons if b.data.value == plan.locale)
            return self._press(question, wanted)
        if cb.TOGGLE in actions:
            step = actions[cb.TOGGLE].data.step
            done = self._toggled.setdefault(step, set())
            for value in plan.toggles[step]:
                if value not in done:
                    wanted = next(b for b in buttons if b.data.value == value)
                    self._press(question, wanted)
                    done.add(value)
                    return True
            self.result.answers[step] = list(plan.toggles[step])
            return self._press(question, actions[cb.DONE])
        if cb.CHOOSE in actions:
            step = actions[cb.CHOOSE].data.step
            value = plan.choices[step]
            self.result.answers[step] = value
            wanted = next(b for b in buttons if b.data.value == value)
            return self._press(question, wanted)
        if cb.SKIP in actions:  # a text question (skippable): type the note
            self._act(question, lambda: self.server.send_text(self.user, plan.note))
            return True
        raise AssertionError(f"no plan for a question with {sorted(actions)}")

    def _press(self, question: StoredMessage, button: _Button, *, final: bool = False) -> bool:
        data = button.data.encode()
        return self._act(
            question,
            lambda: self.server.press_button(self.user, question.message_id, data),
            final=final,
        )

    def _act(self, question: StoredMessage | None, action: Any, *, final: bool = False) -> bool:
        """Do ``action``; wait for the reply (a new question, or this one changed)."""
        before = (
            (question.message_id, question.text, question.reply_markup) if question else (0, None)
        )

        def replied() -> bool:  # a new question, or the live one edited to show the next
            now = self.server.latest_keyboard(self.user)
            if now is None:
                return False
            return now.message_id > before[0] or (
                now.message_id == before[0] and (now.text, now.reply_markup) != before[1:]
            )

        def acknowledged() -> bool:
            return self.acked and self.server.pending_for(self.user) == 0

        if self.pace is not None:  # reading and thinking, not waiting for the bot
            threading.Event().wait(self._think.uniform(*self.pace))
        start = time.perf_counter()
        action()
        for _ in range(MAX_RECOVERIES + 1):
            self.server.wait_until(lambda: replied() or acknowledged(), self.timeout)
            if replied():
                self.result.latencies.append(time.perf_counter() - start)
                return True
            # Committed, never answered (a replica died in between): what would a person do?
            if final:
                self.result.submitted_unseen = True
                return False  # /start now would begin a new intake: the stub says enough
            self.result.recoveries += 1
            self.server.send_command(self.user, "/start")
        raise AssertionError(f"{self.user.first_name} got no reply after {MAX_RECOVERIES} tries")


def complete_intake(
    server: FakeBotApi,
    name: str,
    plan: Plan,
    *,
    acked: bool,
    timeout: float = 60.0,
    pace: Pace = None,
) -> Result:
    """Add a supporter and have them complete the whole intake; returns what happened."""
    user = server.add_user(name, language_code=plan.language_code)
    return Driver(server, user, plan, acked=acked, timeout=timeout, pace=pace).run()
