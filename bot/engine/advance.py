"""``advance``: one supporter input in, one outcome out. Pure and synchronous.

Off-script input is never an exception: a stale button re-shows the current question, a
typed answer where buttons were offered is matched against the options, text over the
limit is refused with the limit stated and handed back so the supporter can shorten it.
"""

from __future__ import annotations

import unicodedata

from bot.engine import dialogs
from bot.engine import inputs as i
from bot.engine import texts as t
from bot.engine.buttons import step_buttons
from bot.engine.compiled import CompiledFlow, is_question
from bot.engine.context import Context
from bot.engine.matching import match_button
from bot.engine.outcome import (
    Ask,
    Button,
    EchoText,
    FlowLabel,
    Msg,
    Notice,
    Outcome,
    Progress,
    Reply,
    Submitted,
)
from bot.engine.session import Session
from bot.engine.submission import build_stub
from bot.flow.model import (
    AnswerStep,
    InfoStep,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    SubmitStep,
    TextStep,
)
from bot.limits import SESSION_TOKEN_LENGTH
from bot.stub import CROCKFORD, CaseStub, new_reference, new_return_code


def new_session(compiled: CompiledFlow, locale: str, ctx: Context) -> Session:
    """A fresh session at the flow's start, in ``locale`` if the flow has it."""
    flow = compiled.flow
    return Session(
        flow_id=flow.id,
        flow_version=flow.version,
        locale=locale if locale in flow.locales else flow.locales[0],
        token="".join(ctx.rng.choice(CROCKFORD) for _ in range(SESSION_TOKEN_LENGTH)),
        step=flow.start,
    )


def start(compiled: CompiledFlow, locale: str, ctx: Context) -> Outcome:
    """Begin a new intake."""
    session = new_session(compiled, locale, ctx)
    return Outcome(session, (ask(compiled, session),))


def advance(
    compiled: CompiledFlow, session: Session | None, event: i.Input, ctx: Context
) -> Outcome:
    """Apply one input to a session (``None``: the supporter has none yet)."""
    fresh = session is None or session.status == "submitted"
    if isinstance(event, i.Start) and fresh:
        if event.locale is None:  # nothing to read the supporter's language from: ask
            return Outcome(session, (dialogs.first_language(compiled.flow.locales),))
        return start(compiled, event.locale, ctx)
    if isinstance(event, i.SwitchLanguage) and event.token is None and event.locale and fresh:
        return start(compiled, event.locale, ctx)  # the answer to the first question
    if session is None:
        # Erased or never started, and nothing says which language the supporter reads
        # (only /start carries one): offer the languages, each in its own, which also
        # begins the intake (a Chinese helper must not get "send /start" in Japanese).
        return Outcome(None, (dialogs.first_language(compiled.flow.locales),))
    turn = _Turn(compiled, session.copy(), ctx)
    return turn.run(event)


def ask(compiled: CompiledFlow, session: Session) -> Ask:
    """The current step as a reply, with its buttons and progress."""
    return Ask(
        session.step,
        step_buttons(compiled, session),
        progress(compiled, session),
        FlowLabel(compiled.text(session.step, session.answers)),
    )


def progress(compiled: CompiledFlow, session: Session) -> Progress | None:
    """``3 / 9``: questions passed on this path, plus the most that can still come."""
    step = compiled.step(session.step)
    if not is_question(step):
        return None
    done = sum(1 for s in session.history if is_question(compiled.step(s)))
    return Progress(done + 1, done + compiled.remaining[session.step])


class _Turn:
    """One call of ``advance``: the working copy of the session and the replies so far."""

    def __init__(self, compiled: CompiledFlow, session: Session, ctx: Context) -> None:
        self.compiled = compiled
        self.s = session
        self.ctx = ctx
        self.replies: list[Reply] = []
        #: The input was a press on a keyboard the session no longer shows.
        self.stale_press = False

    # --- plumbing -----------------------------------------------------------------------

    def out(self, *, stub: CaseStub | None = None, return_code: str | None = None) -> Outcome:
        return Outcome(
            self.s, tuple(self.replies), stub, return_code=return_code, stale=self.stale_press
        )

    def notice(self, msgid: str, **params: object) -> None:
        self.replies.append(Notice(Msg(msgid, params)))

    def reask(self, msgid: str | None = None, **params: object) -> Outcome:
        if msgid == t.STALE:
            self.stale_press = True
        if msgid:
            self.notice(msgid, **params)
        self.replies.append(ask(self.compiled, self.s))
        return self.out()

    def stale(self, step: str | None, token: str | None) -> bool:
        if token is None:
            return False
        return token != self.s.token or (step is not None and step != self.s.step)

    # --- dispatch -----------------------------------------------------------------------

    def run(self, event: i.Input) -> Outcome:
        s = self.s
        if isinstance(event, i.Cancel):
            return self.ask_cancel()
        if isinstance(event, i.Help):
            self.notice(t.HELP)
            return self.reask() if s.status == "active" else self.out()
        if s.status == "confirm_withdraw":
            return self.on_confirm_withdraw(event)
        if isinstance(event, i.Withdraw):
            if s.status == "submitted":
                s.status = "confirm_withdraw"
                self.replies.append(dialogs.withdraw_question(s.reference or "", s.token))
                return self.out()
            return self.reask(t.NOTHING_TO_WITHDRAW) if s.status == "active" else self.out()
        if s.status == "submitted":
            self.notice(
                t.ALREADY_SENT,
                reference=s.reference,
            )
            return self.out()
        if s.status == "confirm_cancel":
            return self.on_confirm_cancel(event)
        return self.on_active(event)

    def on_active(self, event: i.Input) -> Outcome:
        s = self.s
        match event:
            case i.Start():
                return self.reask(t.WELCOME_BACK)
            case i.Restart():
                fresh = new_session(self.compiled, s.locale, self.ctx)
                self.s = fresh
                self.notice(t.STARTING_AGAIN)
                self.replies.append(ask(self.compiled, fresh))
                return Outcome(fresh, tuple(self.replies), erase=True)
            case i.SwitchLanguage(locale=None):
                return self.language_picker()
            case i.SwitchLanguage(locale=str(code), token=token):
                if self.stale(None, token) or code not in self.compiled.flow.locales:
                    return self.reask(t.STALE)
                s.locale = code
                return self.reask()
            case i.Back(token=token):
                return self.back()
            case i.Unsupported(kind=kind):
                return self.reask(t.UNSUPPORTED.get(kind, t.MEDIA))
            case i.Repeat():
                return self.reask()
            case i.Text(text=text):
                return self.on_text(text)
            case i.ConfirmCancel():
                return self.reask(t.STALE)
        step_of = getattr(event, "step", None)
        if self.stale(step_of, getattr(event, "token", None)):
            return self.reask(t.STALE)
        return self.on_step_input(event)

    def on_step_input(self, event: i.Input) -> Outcome:
        step = self.compiled.step(self.s.step)
        match event:
            case i.Choose(value=value) if isinstance(step, SingleChoiceStep):
                if value not in {c.value for c in self.compiled.offered(step, self.s.answers)}:
                    return self.reask(t.CHOOSE_ONE)
                self.s.answers[step.field] = value
                return self.move(choice=value)
            case i.Toggle(value=value) if isinstance(step, MultiChoiceStep):
                if value not in {c.value for c in self.compiled.offered(step, self.s.answers)}:
                    return self.reask(t.CHOOSE_ONE)
                self.s.selection = _toggled(step, self.s.selection, value)
                return self.reask()
            case i.Done() if isinstance(step, MultiChoiceStep):
                most = step.max if step.max is not None else len(step.choices)
                if len(self.s.selection) < step.min:
                    return self.reask(t.TOO_FEW, count=step.min)
                if len(self.s.selection) > most:
                    return self.reask(t.TOO_MANY, count=most)
                self.s.answers[step.field] = list(self.s.selection)
                return self.move()
            case i.Skip() if isinstance(step, TextStep):
                if not step.skippable:
                    return self.reask(t.NOT_SKIPPABLE)
                self.s.answers.pop(step.field, None)
                self.s.removed.pop(step.field, None)
                if step.field not in self.s.skipped:
                    self.s.skipped.append(step.field)
                return self.move()
            case i.Skip():
                return self.reask(t.NOT_SKIPPABLE)
            case i.Continue() if isinstance(step, InfoStep):
                return self.move()
            case i.Edit(field=field) if isinstance(step, ReviewStep):
                return self.edit(field)
            case i.Confirm() if isinstance(step, ReviewStep):
                return self.submit()
        return self.reask(t.STALE)

    # --- typed text ---------------------------------------------------------------------

    def on_text(self, raw: str) -> Outcome:
        step = self.compiled.step(self.s.step)
        if isinstance(step, TextStep):
            return self.answer_text(step, raw)
        buttons = step_buttons(self.compiled, self.s)
        flat: list[Button] = [b for row in buttons for b in row]
        picked = match_button(raw, flat, self.s.locale, self.ctx.translate)
        if picked is not None:
            return self.on_active(picked.input)
        if isinstance(step, InfoStep):
            return self.reask(t.PRESS_BUTTON)
        return self.reask(t.USE_BUTTONS)

    def answer_text(self, step: TextStep, raw: str) -> Outcome:
        text = _clean(raw)
        length = len(text)
        if length > step.max_length:
            self.notice(
                t.TOO_LONG,
                length=length,
                limit=step.max_length,
            )
            self.replies.append(EchoText(text))
            self.replies.append(ask(self.compiled, self.s))
            return self.out()
        if length < step.min_length:
            return self.reask(
                t.TOO_SHORT,
                limit=step.min_length,
            )
        scrubbed = self.ctx.scrub(text, self.s.locale)
        self.s.answers[step.field] = scrubbed.text
        if step.field in self.s.skipped:
            self.s.skipped.remove(step.field)
        if scrubbed.kinds:
            self.s.removed[step.field] = list(scrubbed.kinds)
        else:
            self.s.removed.pop(step.field, None)
        return self.move()

    # --- moving ---------------------------------------------------------------------------

    def move(self, choice: str | None = None) -> Outcome:
        """Leave the current step by its first matching exit, then show the new one."""
        s = self.s
        while True:
            nxt = self.compiled.next_step(s.step, s.answers, choice)
            s.history.append(s.step)
            s.step = nxt
            dropped = self.arrive()
            choice = None
            # After an edit, pass over what is still answered until something new (a
            # branch just opened, a choice no longer offered) or the review.
            if not s.editing:
                break
            step = self.compiled.step(nxt)
            if isinstance(step, ReviewStep):
                s.editing = False
                break
            if dropped or not self.still_answered(nxt):
                break
            if isinstance(step, SingleChoiceStep):
                choice = str(s.answers[step.field])
        if isinstance(self.compiled.step(s.step), SubmitStep):
            return self.submit()
        self.replies.append(ask(self.compiled, s))
        return self.out()

    def arrive(self) -> bool:
        """Set up the step just moved to: an earlier answer no longer offered (an answer it
        depends on changed) is dropped, so it is asked again rather than kept unseen; a
        multi-choice starts from what is left of its answer. True if something was dropped.
        """
        s = self.s
        step = self.compiled.step(s.step)
        s.selection = []
        if not isinstance(step, SingleChoiceStep | MultiChoiceStep):
            return False
        earlier = s.answers.get(step.field)
        if earlier is None:
            return False
        offered = {c.value for c in self.compiled.offered(step, s.answers)}
        chosen = earlier if isinstance(earlier, list) else [earlier]
        kept = [v for v in chosen if v in offered]
        if isinstance(step, MultiChoiceStep):
            s.selection = list(kept)
            if len(kept) < len(chosen):
                s.answers[step.field] = kept
        elif not kept:
            del s.answers[step.field]
        return len(kept) < len(chosen)

    def still_answered(self, step_id: str) -> bool:
        """Whether a question keeps its answer (or skip) as the flow now stands."""
        step = self.compiled.step(step_id)
        if not isinstance(step, AnswerStep):
            return True
        if step.field in self.s.skipped:
            return True
        answer = self.s.answers.get(step.field)
        if answer is None:
            return False
        if isinstance(step, SingleChoiceStep | MultiChoiceStep):
            offered = {c.value for c in self.compiled.offered(step, self.s.answers)}
            return all(v in offered for v in (answer if isinstance(answer, list) else [answer]))
        return True

    def back(self) -> Outcome:
        s = self.s
        if s.editing and self.resume_review():
            return self.reask()
        if not s.history:
            return self.reask(t.FIRST_QUESTION)
        s.step = s.history.pop()
        self.arrive()
        return self.reask()

    def resume_review(self) -> bool:
        """Back during an edit started on the review: return to the review, answers as
        they stand, when every step on the way still has its answer. Only the change in
        progress (a selection not confirmed with Done) is dropped. False when a question
        still waits for an answer (a branch the edit opened): then Back goes back as usual.
        """
        s = self.s
        trail: list[str] = []
        step_id = s.step
        while not isinstance(self.compiled.step(step_id), ReviewStep):
            step = self.compiled.step(step_id)
            if isinstance(step, SubmitStep) or not self.still_answered(step_id):
                return False
            choice = str(s.answers[step.field]) if isinstance(step, SingleChoiceStep) else None
            trail.append(step_id)
            step_id = self.compiled.next_step(step_id, s.answers, choice)
        s.history.extend(trail)
        s.step = step_id
        s.selection = []
        s.editing = False
        return True

    def edit(self, field: str) -> Outcome:
        s = self.s
        target = self.compiled.asked_by.get(field)
        if target is None or target not in s.history:
            return self.reask(t.STALE)
        s.history = s.history[: s.history.index(target)]
        s.step = target
        self.arrive()
        s.editing = True
        return self.reask()

    # --- the end ----------------------------------------------------------------------------

    def submit(self) -> Outcome:
        s = self.s
        review = self.compiled.step(s.step)
        if isinstance(review, ReviewStep):
            s.history.append(s.step)
            s.step = self.compiled.next_step(s.step, s.answers, None)
        # Chosen now: the answers the variants read are about to be forgotten.
        text = FlowLabel(self.compiled.text(s.step, s.answers))
        stub = build_stub(
            self.compiled,
            s,
            reference=new_reference(self.ctx.rng),
            created=self.ctx.now().replace(second=0, microsecond=0),
        )
        reference = stub.reference
        # What the supporter entered is no longer needed in the session: the stub has it.
        # The steps visited go too: the flow branches on answers, so the path told them.
        s.answers.clear()
        s.removed.clear()
        s.skipped.clear()
        s.selection.clear()
        s.history.clear()
        s.status = "submitted"
        s.reference = reference
        code = new_return_code(self.ctx.rng)
        self.replies.append(Submitted(s.step, reference, stub.created, code, text))
        return self.out(stub=stub, return_code=code)

    def ask_cancel(self) -> Outcome:
        s = self.s
        if s.status in ("submitted", "confirm_withdraw"):
            # Nothing left to erase in the session; the channel may still clear the chat.
            return Outcome(
                None,
                (Notice(Msg(t.CHAT_ERASED)),),
                erase=True,
            )
        s.status = "confirm_cancel"
        self.replies.append(dialogs.erase_question(s.token))
        return self.out()

    def on_confirm_cancel(self, event: i.Input) -> Outcome:
        if isinstance(event, i.Repeat):  # a failure or a redelivery: ask again, keep waiting
            return self.ask_cancel()
        if isinstance(event, i.Text):
            question = dialogs.erase_question(self.s.token)
            buttons = [b for row in question.buttons for b in row]
            picked = match_button(event.text, buttons, self.s.locale, self.ctx.translate)
            if picked is not None:
                event = picked.input
        if isinstance(event, i.ConfirmCancel) and not self.stale(None, event.token):
            if event.yes:
                return Outcome(
                    None,
                    (Notice(Msg(t.ERASED)),),
                    erase=True,
                )
            self.s.status = "active"
            return self.reask()
        self.s.status = "active"
        self.notice(t.NOTHING_ERASED)
        return self.on_active(event)

    def on_confirm_withdraw(self, event: i.Input) -> Outcome:
        s = self.s
        reference = s.reference or ""
        if isinstance(event, i.Text):
            question = dialogs.withdraw_question(reference, s.token)
            buttons = [b for row in question.buttons for b in row]
            picked = match_button(event.text, buttons, s.locale, self.ctx.translate)
            if picked is not None:
                event = picked.input
        if isinstance(event, i.ConfirmWithdraw) and not self.stale(None, event.token):
            if event.yes:
                notice = Notice(Msg(t.WITHDRAWN, {"reference": reference}))
                return Outcome(None, (notice,), erase=True, withdraw=reference)
            s.status = "submitted"
            self.notice(t.KEPT)
            return self.out()
        if isinstance(event, i.Repeat | i.Withdraw):  # asked again: keep asking
            self.replies.append(dialogs.withdraw_question(reference, s.token))
            return self.out()
        s.status = "submitted"  # anything else: the case stays; then the input as usual
        self.notice(t.KEPT)
        return self.run(event)

    def language_picker(self) -> Outcome:
        self.replies.append(dialogs.language_picker(self.compiled.flow.locales, self.s.token))
        return self.out()


def _toggled(step: MultiChoiceStep, selection: list[str], value: str) -> list[str]:
    """The selection after pressing ``value``: an exclusive choice (none, unknown) stands
    alone, so choosing it clears the others and choosing another clears it."""
    exclusive = {c.value for c in step.choices if c.exclusive}
    if value in selection:
        chosen = [v for v in selection if v != value]
    elif value in exclusive:
        chosen = [value]
    else:
        chosen = [v for v in selection if v not in exclusive] + [value]
    order = [c.value for c in step.choices]
    return sorted(chosen, key=order.index)


#: Control, format (zero-width, bidi), surrogate and private-use characters.
_INVISIBLE = ("Cc", "Cf", "Cs", "Co")


def _clean(text: str) -> str:
    """Drop control characters (keeping line breaks) and surrounding blanks."""
    kept = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in _INVISIBLE)
    return kept.strip()
