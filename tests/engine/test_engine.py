"""The engine, one behaviour at a time, on the shipped flow."""

from __future__ import annotations

import ast
import dataclasses
import json

import pytest

from bot.engine import inputs as i
from bot.engine.advance import advance, start
from bot.engine.outcome import Ask, Choices, EchoText, Notice, Outcome, Plain, Submitted
from bot.engine.session import Session
from bot.stub import CROCKFORD, CaseStub, normalize_reference
from tests.support.engine import ROOT, context, intake


def run(session: Session | None, *events: i.Input) -> Outcome:
    ctx = context()
    outcome = Outcome(session, ())
    for event in events:
        outcome = advance(intake(), outcome.session, event, ctx)
    return outcome


def started(locale: str = "ja") -> Session:
    outcome = start(intake(), locale, context())
    assert outcome.session is not None
    return outcome.session


def notices(outcome: Outcome) -> list[str]:
    return [r.msg.msgid for r in outcome.replies if isinstance(r, Notice)]


def press(outcome: Outcome, number: int) -> i.Input:
    return outcome.buttons()[number - 1].input


def at_relation() -> Outcome:
    first = start(intake(), "ja", context())
    return run(first.session, press(first, 1))


def test_start_shows_the_consent_with_its_button() -> None:
    outcome = start(intake(), "ko", context())
    assert outcome.session is not None
    assert outcome.session.step == "consent"
    assert outcome.session.locale == "ko"
    [ask] = outcome.replies
    assert isinstance(ask, Ask)
    assert ask.progress is None  # info steps carry no progress


def test_an_unknown_language_is_asked_first_in_every_language() -> None:
    asked = advance(intake(), None, i.Start(None), context())
    assert asked.session is None
    [picker] = asked.replies
    assert isinstance(picker, Choices)
    assert picker.every_language
    assert [b.input for b in asked.buttons()] == [
        i.SwitchLanguage("ja"), i.SwitchLanguage("ko"), i.SwitchLanguage("zh_Hans")
    ]  # fmt: skip
    started = advance(intake(), None, asked.buttons()[2].input, context())
    assert started.session is not None
    assert started.session.locale == "zh_Hans"
    assert started.session.step == "consent"


def test_unknown_locale_falls_back_to_the_flows_first() -> None:
    assert started("fr").locale == "ja"


def test_choice_records_the_code_and_moves_on() -> None:
    outcome = at_relation()
    after = run(outcome.session, press(outcome, 4))
    assert after.session is not None
    assert after.session.answers == {"relation": "friend"}
    assert after.session.step == "supporter_country"  # a friend: where are they?
    assert after.session.history == ["consent", "relation"]
    assert not after.stale


def test_stale_token_reshows_the_current_question_and_changes_nothing() -> None:
    outcome = at_relation()
    assert outcome.session is not None
    old = i.Choose("friend", "relation", "ZZZZZZ")
    after = run(outcome.session, old)
    assert after.session == outcome.session
    assert notices(after) == [
        "That button is from an earlier message. Here is the current question."
    ]
    assert isinstance(after.replies[-1], Ask)
    assert after.stale  # a typed outcome: channels never compare message ids


def test_button_of_an_earlier_step_is_stale() -> None:
    outcome = at_relation()
    assert outcome.session is not None
    moved = run(outcome.session, press(outcome, 1))
    replay = run(moved.session, press(outcome, 2))  # the relation keyboard, pressed again
    assert replay.session == moved.session
    assert "earlier message" in notices(replay)[0]
    assert replay.stale


def test_unknown_value_is_refused() -> None:
    outcome = at_relation()
    assert outcome.session is not None
    token = outcome.session.token
    after = run(outcome.session, i.Choose("cousin", "relation", token))
    assert after.session == outcome.session
    assert notices(after) == ["Please choose one of the options below."]


@pytest.mark.parametrize(
    "typed", ["4", "４", " 4. ", "④", "友人・知人・協力者", "友人・知人・協力者 "]
)
def test_typed_answers_match_numbers_and_words(typed: str) -> None:
    after = run(at_relation().session, i.Text(typed))
    assert after.session is not None
    assert after.session.answers == {"relation": "friend"}


@pytest.mark.parametrize(
    "typed",
    ["0", "99", "0001", "友人", "friend", "", "   ", "⑳" * 2200, "9" * 5000, "１" * 4400],
)
def test_typed_answers_that_match_nothing_get_a_hint(typed: str) -> None:
    outcome = at_relation()
    after = run(outcome.session, i.Text(typed))
    assert after.session == outcome.session
    assert notices(after) == [
        "Please answer with the buttons below, or type the number of an option."
    ]


def test_typed_catalog_word_presses_the_bot_button() -> None:
    outcome = at_relation()
    after = run(outcome.session, i.Text("戻る"))
    assert after.session is not None
    assert after.session.step == "consent"


def walk_to(step: str, locale: str = "ja") -> Outcome:
    """Press the first option (or Done / Continue) until ``step``."""
    outcome = start(intake(), locale, context())
    for _ in range(40):
        assert outcome.session is not None
        if outcome.session.step == step:
            return outcome
        current = intake().step(outcome.session.step)
        if current.kind == "text":
            outcome = run(outcome.session, i.Text("大丈夫です"))
        elif current.kind == "multi_choice":
            outcome = run(outcome.session, press(outcome, 1))
            assert outcome.session is not None
            outcome = run(outcome.session, i.Done(outcome.session.step, outcome.session.token))
        else:
            outcome = run(outcome.session, press(outcome, 1))
    raise AssertionError(f"never reached {step}")


def test_text_over_the_limit_is_refused_and_handed_back() -> None:
    outcome = walk_to("note")
    text = "あ" * 1001
    after = run(outcome.session, i.Text(text))
    assert after.session == outcome.session
    echoed = [r.text for r in after.replies if isinstance(r, EchoText)]
    assert echoed == [text]
    [notice] = [r for r in after.replies if isinstance(r, Notice)]
    assert notice.msg.params == {"length": 1001, "limit": 1000}


def test_text_is_scrubbed_and_cleaned_before_it_is_kept() -> None:
    outcome = walk_to("note")
    after = run(outcome.session, i.Text("  電話は\u200b090-1234-5678\x07 です  "))
    assert after.session is not None
    note = after.session.answers["note"]
    assert isinstance(note, str)
    assert "5678" not in note
    assert "\x07" not in note
    assert not note.startswith(" ")
    assert after.session.removed["note"] == ["phone"]


def test_skip_only_where_allowed() -> None:
    info = run(started(), i.Skip())
    assert notices(info) == ["This question cannot be skipped."]
    at_note = walk_to("note")
    skipped = run(at_note.session, i.Skip())
    assert skipped.session is not None
    assert "note" not in skipped.session.answers
    assert skipped.session.step == "contact"


def test_multi_choice_enforces_its_minimum() -> None:
    outcome = walk_to("threats")
    assert outcome.session is not None
    token = outcome.session.token
    after = run(outcome.session, i.Done("threats", token))
    assert notices(after) == ["Please choose at least {count}, then press Done."]
    toggled = run(outcome.session, i.Toggle("illness", "threats", token))
    assert toggled.session is not None
    assert toggled.session.selection == ["illness"]
    untoggled = run(toggled.session, i.Toggle("illness", "threats", token))
    assert untoggled.session is not None
    assert untoggled.session.selection == []


def test_back_keeps_the_answer_as_default_and_progress_follows_the_path() -> None:
    outcome = walk_to("link")
    back = run(outcome.session, i.Back())
    assert back.session is not None
    assert back.session.step == "relation"
    assert back.session.answers["relation"] == "family_japan"
    ask = back.replies[-1]
    assert isinstance(ask, Ask)
    assert ask.progress is not None
    assert ask.progress.current == 1
    at_start = run(started(), i.Back())
    assert notices(at_start) == ["You cannot go back any further."]


def test_edit_from_review_returns_to_review() -> None:
    review = walk_to("review")
    assert review.session is not None
    token = review.session.token
    edit = run(review.session, i.Edit("custody", "review", token))
    assert edit.session is not None
    assert edit.session.step == "custody"
    back_to_review = run(edit.session, i.Choose("unknown", "custody", edit.session.token))
    assert back_to_review.session is not None
    assert back_to_review.session.step == "review"
    assert back_to_review.session.answers["custody"] == "unknown"
    assert not back_to_review.session.editing


def test_back_from_an_edit_started_on_the_review_returns_to_the_review() -> None:
    review = walk_to("review")
    assert review.session is not None
    token = review.session.token
    edit = run(review.session, i.Edit("custody", "review", token))
    assert edit.session is not None
    assert edit.session.step == "custody"
    assert isinstance(edit.buttons()[-1].input, i.Back)
    back = run(edit.session, edit.buttons()[-1].input)
    assert back.session == review.session  # not the question before custody
    ask = back.replies[-1]
    assert isinstance(ask, Ask)
    assert ask.step == "review"
    command = run(edit.session, i.Back())  # /back, typed in either channel
    assert command.session == review.session


def test_confirm_writes_a_stub_and_forgets_the_answers() -> None:
    review = walk_to("review")
    assert review.session is not None
    done = run(review.session, i.Confirm("review", review.session.token))
    assert done.stub is not None
    assert done.session is not None
    assert done.session.answers == {}
    assert done.session.status == "submitted"
    assert isinstance(done.replies[-1], Submitted)
    stub = done.stub
    assert normalize_reference(stub.reference) == stub.reference
    assert all(c in CROCKFORD for c in stub.reference.replace("-", ""))
    assert stub.created.second == 0
    assert stub.priority == "urgent"  # the first custody option is "detained"
    assert stub.texts == {"note": "大丈夫です"}
    again = run(done.session, press(review, 14))
    assert again.stub is None  # a second press never makes a second stub


def test_withdraw_asks_first_then_erases_the_case() -> None:
    review = walk_to("review")
    assert review.session is not None
    done = run(review.session, i.Confirm("review", review.session.token))
    assert done.session is not None
    reference = done.session.reference
    asked = run(done.session, i.Withdraw())
    assert isinstance(asked.replies[-1], Choices)
    assert asked.session is not None
    assert asked.session.status == "confirm_withdraw"
    kept = run(asked.session, press(asked, 2))
    assert kept.withdraw is None
    assert kept.session is not None
    assert kept.session.status == "submitted"
    gone = run(asked.session, press(asked, 1))
    assert gone.withdraw == reference
    assert gone.session is None
    assert gone.erase
    # Before anything was sent there is nothing to withdraw: the question again.
    early = run(review.session, i.Withdraw())
    assert early.withdraw is None
    assert "No case is connected to this chat" in notices(early)[0]


def test_stub_type_cannot_hold_an_identity() -> None:
    names = {f.name for f in dataclasses.fields(CaseStub)}
    assert names == {
        "reference",
        "flow_id",
        "flow_version",
        "locale",
        "created",
        "priority",
        "region",
        "contact",
        "answers",
        "texts",
        "removed",
    }


def test_cancel_asks_first_then_erases() -> None:
    outcome = walk_to("custody")
    asked = run(outcome.session, i.Cancel())
    assert isinstance(asked.replies[-1], Choices)
    assert asked.session is not None
    kept = run(asked.session, i.ConfirmCancel(False, asked.session.token))
    assert kept.session is not None
    assert kept.session.answers == outcome.session.answers  # type: ignore[union-attr]
    erased = run(asked.session, i.ConfirmCancel(True, asked.session.token))
    assert erased.erase
    assert erased.session is None


def test_switching_language_keeps_everything_else() -> None:
    outcome = walk_to("custody")
    assert outcome.session is not None
    picker = run(outcome.session, i.SwitchLanguage())
    assert isinstance(picker.replies[-1], Choices)
    switched = run(outcome.session, i.SwitchLanguage("zh_Hans", outcome.session.token))
    assert switched.session is not None
    assert switched.session.locale == "zh_Hans"
    assert dataclasses.replace(switched.session, locale="ja") == outcome.session


def test_unsupported_media_gets_an_explanation_and_the_question() -> None:
    outcome = walk_to("custody")
    after = run(outcome.session, i.Unsupported("photo"))
    assert after.session == outcome.session
    assert "photos" in notices(after)[0]
    assert isinstance(after.replies[-1], Ask)


def test_no_session_offers_the_languages_in_every_language() -> None:
    """A text before /start (or after erasing) says nothing of the supporter's language:
    the answer is the picker in every language, and choosing one begins the intake."""
    [picker] = run(None, i.Text("hello")).replies
    assert isinstance(picker, Choices)
    assert picker.every_language
    assert [row[0].label for row in picker.buttons] == [
        Plain("日本語"),
        Plain("한국어"),
        Plain("中文 (简体)"),
    ]
    begun = run(None, picker.buttons[2][0].input)
    assert begun.session is not None
    assert begun.session.locale == "zh_Hans"


def test_session_round_trips_through_json() -> None:
    outcome = walk_to("review")
    assert outcome.session is not None
    data = json.loads(json.dumps(outcome.session.to_json()))
    assert Session.from_json(data) == outcome.session
    with pytest.raises(ValueError, match="malformed"):
        Session.from_json({"status": "active"})


CORE = ["bot/engine", "bot/flow", "bot/render.py", "bot/stub.py", "bot/i18n.py", "bot/scrub"]
FORBIDDEN = {"telegram", "sqlalchemy", "httpx", "socket", "subprocess", "requests", "logging"}
#: Layers above the core: the core never imports them.
ABOVE = ("bot.store", "bot.telegram", "bot.app", "bot.cli", "bot.console")


def test_core_imports_no_io_library() -> None:
    for entry in CORE:
        path = ROOT / entry
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            tree = ast.parse(file.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    assert name.split(".")[0] not in FORBIDDEN, f"{file}: imports {name}"
                    assert not name.startswith(ABOVE), f"{file}: imports {name}"
                if isinstance(node, ast.Attribute) and node.attr == "environ":
                    raise AssertionError(f"{file} reads the environment")


def test_a_repeat_while_erase_waits_for_confirmation_keeps_waiting() -> None:
    outcome = walk_to("custody")
    asked = run(outcome.session, i.Cancel())
    assert asked.session is not None
    again = run(asked.session, i.Repeat())  # a failure or a redelivery in between
    assert again.session is not None
    assert again.session.status == "confirm_cancel"
    assert isinstance(again.replies[-1], Choices)
    assert "Nothing was erased." not in notices(again)
