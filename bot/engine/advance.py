"""``advance``: one supporter input in, one outcome out. Pure and synchronous.

Off-script input is never an exception: a stale button re-shows the current question, a
typed answer where buttons were offered is matched against the options, text over the
limit is refused with the limit stated and handed back so the supporter can shorten it.
"""

from __future__ import annotations

import unicodedata

from bot.engine import inputs as i
from bot.engine.buttons import answered_path_fields, step_buttons
from bot.engine.compiled import CompiledFlow, is_question
from bot.engine.context import Context
from bot.engine.matching import match_button
from bot.engine.outcome import (
    Ask,
    Button,
    Choices,
    EchoText,
    Msg,
    Notice,
    Outcome,
    Plain,
    Progress,
    Reply,
    Submitted,
)
from bot.engine.session import Session
from bot.flow.conditions import holds
from bot.flow.model import (
    InfoStep,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    SubmitStep,
    TextStep,
)
from bot.i18n import autonym
from bot.messages import N_
from bot.stub import CROCKFORD, CaseStub, new_reference

TOKEN_LENGTH = 6
HELP = N_(
    "Commands: /back goes to the previous question, /restart starts again, /cancel erases"
    " everything and stops, /language changes the language, /help shows this message."
)
ALREADY_SENT = N_(
    "Your intake was sent. Your case reference is {reference}. Send /start to begin a new one."
)
MEDIA = N_(
    "I can only read text and buttons here. Please do not send photos, files, "
    "contacts or locations: they can identify people."
)
TOO_FEW = N_("Please choose at least {count}, then press Done.")
USE_BUTTONS = N_("Please answer with the buttons below, or type the number of an option.")
TOO_LONG = N_(
    "Your answer has {length} characters; the limit is {limit}. Please shorten it and"
    " send it again. Here is your text:"
)
TOO_SHORT = N_("Your answer is too short: please write at least {limit} characters.")
CHAT_ERASED = N_("Everything has been erased from this conversation. Send /start to begin again.")
ERASED = N_("Everything you entered has been erased. Send /start to begin again.")
UNSUPPORTED = {
    i.EDITED: N_(
        "Edited messages are not read. Please send your corrected answer as a new message."
    ),
    i.FORWARDED: N_(
        "Forwarded messages are not accepted: they can identify other people. It was deleted."
    ),
    i.IDENTIFYING: N_(
        "For your safety the contact or location you sent was deleted: it can identify"
        " people. Please do not send such information."
    ),
}
STALE = N_("That button is from an earlier message. Here is the current question.")


def new_session(compiled: CompiledFlow, locale: str, ctx: Context) -> Session:
    """A fresh session at the flow's start, in ``locale`` if the flow has it."""
    flow = compiled.flow
    return Session(
        flow_id=flow.id,
        flow_version=flow.version,
        locale=locale if locale in flow.locales else flow.locales[0],
        token="".join(ctx.rng.choice(CROCKFORD) for _ in range(TOKEN_LENGTH)),
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
    if isinstance(event, i.Start) and (session is None or session.status == "submitted"):
        return start(compiled, event.locale, ctx)
    if session is None:  # erased or never started: nothing to change, say how to begin
        return Outcome(None, (Notice(Msg(N_("Send /start to begin."))),))
    turn = _Turn(compiled, session.copy(), ctx)
    return turn.run(event)


def ask(compiled: CompiledFlow, session: Session) -> Ask:
    """The current step as a reply, with its buttons and progress."""
    return Ask(session.step, step_buttons(compiled, session), progress(compiled, session))


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

    # --- plumbing -----------------------------------------------------------------------

    def out(self, *, stub: CaseStub | None = None) -> Outcome:
        return Outcome(self.s, tuple(self.replies), stub)

    def notice(self, msgid: str, **params: object) -> None:
        self.replies.append(Notice(Msg(msgid, params)))

    def reask(self, msgid: str | None = None, **params: object) -> Outcome:
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
            self.notice(HELP)
            return self.reask() if s.status == "active" else self.out()
        if s.status == "submitted":
            self.notice(
                ALREADY_SENT,
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
                return self.reask(N_("Welcome back. Here is where you left off."))
            case i.Restart():
                fresh = new_session(self.compiled, s.locale, self.ctx)
                self.s = fresh
                self.notice(N_("Starting again. Your earlier answers were erased."))
                self.replies.append(ask(self.compiled, fresh))
                return Outcome(fresh, tuple(self.replies), erase=True)
            case i.SwitchLanguage(locale=None):
                return self.language_picker()
            case i.SwitchLanguage(locale=str(code), token=token):
                if self.stale(None, token) or code not in self.compiled.flow.locales:
                    return self.reask(STALE)
                s.locale = code
                return self.reask()
            case i.Back(token=token):
                return self.back()
            case i.Unsupported(kind=kind):
                return self.reask(UNSUPPORTED.get(kind, MEDIA))
            case i.Repeat():
                return self.reask()
            case i.Text(text=text):
                return self.on_text(text)
            case i.ConfirmCancel():
                return self.reask(STALE)
        step_of = getattr(event, "step", None)
        if self.stale(step_of, getattr(event, "token", None)):
            return self.reask(STALE)
        return self.on_step_input(event)

    def on_step_input(self, event: i.Input) -> Outcome:
        step = self.compiled.step(self.s.step)
        match event:
            case i.Choose(value=value) if isinstance(step, SingleChoiceStep):
                if value not in {c.value for c in step.choices}:
                    return self.reask(N_("Please choose one of the options below."))
                self.s.answers[step.field] = value
                return self.move(choice=value)
            case i.Toggle(value=value) if isinstance(step, MultiChoiceStep):
                if value not in {c.value for c in step.choices}:
                    return self.reask(N_("Please choose one of the options below."))
                chosen = self.s.selection
                if value in chosen:
                    chosen.remove(value)
                else:
                    chosen.append(value)
                order = [c.value for c in step.choices]
                chosen.sort(key=order.index)
                return self.reask()
            case i.Done() if isinstance(step, MultiChoiceStep):
                most = step.max if step.max is not None else len(step.choices)
                if len(self.s.selection) < step.min:
                    return self.reask(TOO_FEW, count=step.min)
                if len(self.s.selection) > most:
                    return self.reask(N_("Please choose at most {count}."), count=most)
                self.s.answers[step.field] = list(self.s.selection)
                return self.move()
            case i.Skip() if isinstance(step, TextStep):
                if not step.skippable:
                    return self.reask(N_("This question cannot be skipped."))
                self.s.answers.pop(step.field, None)
                self.s.removed.pop(step.field, None)
                if step.field not in self.s.skipped:
                    self.s.skipped.append(step.field)
                return self.move()
            case i.Skip():
                return self.reask(N_("This question cannot be skipped."))
            case i.Continue() if isinstance(step, InfoStep):
                return self.move()
            case i.Edit(field=field) if isinstance(step, ReviewStep):
                return self.edit(field)
            case i.Confirm() if isinstance(step, ReviewStep):
                return self.submit()
        return self.reask(STALE)

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
            return self.reask(N_("Please press the button below to continue."))
        return self.reask(USE_BUTTONS)

    def answer_text(self, step: TextStep, raw: str) -> Outcome:
        text = _clean(raw)
        length = len(text)
        if length > step.max_length:
            self.notice(
                TOO_LONG,
                length=length,
                limit=step.max_length,
            )
            self.replies.append(EchoText(text))
            self.replies.append(ask(self.compiled, self.s))
            return self.out()
        if length < step.min_length:
            return self.reask(
                TOO_SHORT,
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
            s.selection = self._selection_for(nxt)
            choice = None
            # After an edit, pass over what is still answered until something new (a
            # branch just opened) or the review.
            if not s.editing:
                break
            step = self.compiled.step(nxt)
            if isinstance(step, ReviewStep):
                s.editing = False
                break
            if isinstance(step, InfoStep):
                continue
            field = getattr(step, "field", None)
            if field is None or (field not in s.answers and field not in s.skipped):
                break
            if isinstance(step, SingleChoiceStep):
                choice = str(s.answers[field])
        if isinstance(self.compiled.step(s.step), SubmitStep):
            return self.submit()
        self.replies.append(ask(self.compiled, s))
        return self.out()

    def _selection_for(self, step_id: str) -> list[str]:
        step = self.compiled.step(step_id)
        if isinstance(step, MultiChoiceStep):
            earlier = self.s.answers.get(step.field)
            return list(earlier) if isinstance(earlier, list) else []
        return []

    def back(self) -> Outcome:
        s = self.s
        if not s.history:
            return self.reask(N_("This is the first question."))
        s.step = s.history.pop()
        s.selection = self._selection_for(s.step)
        return self.reask()

    def edit(self, field: str) -> Outcome:
        s = self.s
        target = self.compiled.asked_by.get(field)
        if target is None or target not in s.history:
            return self.reask(STALE)
        s.history = s.history[: s.history.index(target)]
        s.step = target
        s.selection = self._selection_for(target)
        s.editing = True
        return self.reask()

    # --- the end ----------------------------------------------------------------------------

    def submit(self) -> Outcome:
        s = self.s
        review = self.compiled.step(s.step)
        if isinstance(review, ReviewStep):
            s.history.append(s.step)
            s.step = self.compiled.next_step(s.step, s.answers, None)
        flow = self.compiled.flow
        fields = answered_path_fields(self.compiled, s)
        path_answers = {f: s.answers[f] for f in fields if f in s.answers}
        priority = "normal"
        for rule in flow.triage:
            if holds(rule.when, path_answers, self.compiled.kinds):
                priority = rule.priority
                break
        region = "/".join(
            str(path_answers[f]) for f in flow.region if isinstance(path_answers.get(f), str)
        )
        contact = flow.contact_consent is not None and holds(
            flow.contact_consent, path_answers, self.compiled.kinds
        )
        reference = new_reference(self.ctx.rng)
        removed = sorted({k for f in fields for k in s.removed.get(f, [])})
        stub = CaseStub(
            reference=reference,
            flow_id=flow.id,
            flow_version=flow.version,
            locale=s.locale,
            created=self.ctx.now().replace(second=0, microsecond=0),
            priority=priority,
            region=region,
            contact=contact,
            answers={
                f: tuple(v) if isinstance(v, list) else v
                for f, v in path_answers.items()
                if self.compiled.kinds[f] != "text"
            },
            texts={f: str(v) for f, v in path_answers.items() if self.compiled.kinds[f] == "text"},
            removed=tuple(removed),
        )
        # What the supporter entered is no longer needed in the session: the stub has it.
        s.answers.clear()
        s.removed.clear()
        s.skipped.clear()
        s.selection.clear()
        s.status = "submitted"
        s.reference = reference
        self.replies.append(Submitted(s.step, reference, stub.created))
        return self.out(stub=stub)

    def ask_cancel(self) -> Outcome:
        s = self.s
        if s.status == "submitted":
            # Nothing left to erase in the session; the channel may still clear the chat.
            return Outcome(
                None,
                (Notice(Msg(CHAT_ERASED)),),
                erase=True,
            )
        s.status = "confirm_cancel"
        self.replies.append(
            Choices(
                Msg(N_("Erase everything you entered and stop?")),
                (
                    (Button(Msg(N_("Yes, erase everything")), i.ConfirmCancel(True, s.token)),),
                    (Button(Msg(N_("No, continue")), i.ConfirmCancel(False, s.token)),),
                ),
            )
        )
        return self.out()

    def on_confirm_cancel(self, event: i.Input) -> Outcome:
        if isinstance(event, i.Repeat):  # a failure or a redelivery: ask again, keep waiting
            return self.ask_cancel()
        if isinstance(event, i.Text):
            picked = match_button(
                event.text, self._cancel_buttons(), self.s.locale, self.ctx.translate
            )
            if picked is not None:
                event = picked.input
        if isinstance(event, i.ConfirmCancel) and not self.stale(None, event.token):
            if event.yes:
                return Outcome(
                    None,
                    (Notice(Msg(ERASED)),),
                    erase=True,
                )
            self.s.status = "active"
            return self.reask()
        self.s.status = "active"
        self.notice(N_("Nothing was erased."))
        return self.on_active(event)

    def _cancel_buttons(self) -> list[Button]:
        return [
            Button(Msg(N_("Yes, erase everything")), i.ConfirmCancel(True, self.s.token)),
            Button(Msg(N_("No, continue")), i.ConfirmCancel(False, self.s.token)),
        ]

    def language_picker(self) -> Outcome:
        rows = tuple(
            (Button(Plain(autonym(code)), i.SwitchLanguage(code, self.s.token)),)
            for code in self.compiled.flow.locales
        )
        self.replies.append(Choices(Msg(N_("Choose your language.")), rows))
        return self.out()


#: Control, format (zero-width, bidi), surrogate and private-use characters.
_INVISIBLE = ("Cc", "Cf", "Cs", "Co")


def _clean(text: str) -> str:
    """Drop control characters (keeping line breaks) and surrounding blanks."""
    kept = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in _INVISIBLE)
    return kept.strip()
