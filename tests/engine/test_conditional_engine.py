"""A supporter on a flow with conditional choices, exclusive choices and texts that depend
on earlier answers (``tests/flow/conditional.yaml``): what they see and what is kept."""

from __future__ import annotations

from functools import cache

from bot.engine import inputs as i
from bot.engine.advance import advance, start
from bot.engine.compiled import CompiledFlow, compile_flow
from bot.engine.matching import label_text
from bot.engine.outcome import Ask, Notice, Outcome, Submitted
from bot.engine.session import Session
from bot.flow.loader import check_file
from tests.support.engine import ROOT, context

CHOOSE_ONE = "Please choose one of the options below."
USE_BUTTONS = "Please answer with the buttons below, or type the number of an option."


@cache
def border() -> CompiledFlow:
    result = check_file(ROOT / "tests" / "flow" / "conditional.yaml")
    assert result.flow is not None, [p.render() for p in result.problems]
    return compile_flow(result.flow)


def run(session: Session | None, *events: i.Input) -> Outcome:
    outcome = Outcome(session, ())
    for event in events:
        outcome = advance(border(), outcome.session, event, context())
    return outcome


def session_of(outcome: Outcome) -> Session:
    assert outcome.session is not None
    return outcome.session


def labels(outcome: Outcome, locale: str = "ja") -> list[str]:
    """What the buttons of the last question say, ✓ before the ticked ones."""
    return [
        ("✓" if b.selected else "") + (label_text(b.label, locale) or "")
        for b in outcome.buttons()
        if isinstance(b.input, i.Choose | i.Toggle)
    ]


def press(outcome: Outcome, label: str) -> Outcome:
    """Press the button that says ``label``, as a supporter would."""
    [button] = [b for b in outcome.buttons() if label_text(b.label, "ja") in (label, "✓" + label)]
    return run(outcome.session, button.input)


def done(outcome: Outcome) -> Outcome:
    session = session_of(outcome)
    return run(session, i.Done(session.step, session.token))


def notices(outcome: Outcome) -> list[str]:
    return [r.msg.msgid for r in outcome.replies if isinstance(r, Notice)]


def question_text(outcome: Outcome) -> str:
    ask = outcome.replies[-1]
    assert isinstance(ask, Ask)
    assert ask.text is not None
    return ask.text.text["ja"]


def in_country(country: str) -> Outcome:
    return press(start(border(), "ja", context()), country)


def at_review(country: str = "中国", province: str = "吉林省", contact: str = "はい") -> Outcome:
    evidence = press(press(in_country(country), province), "戸籍")
    review = press(done(evidence), contact)
    assert session_of(review).step == "review"
    return review


# --- choices offered on a condition ----------------------------------------------------


def test_only_the_provinces_of_the_chosen_country_are_offered() -> None:
    assert labels(in_country("中国")) == ["吉林省", "遼寧省", "わからない"]
    assert labels(in_country("北朝鮮")) == ["咸鏡北道", "両江道", "わからない"]


def test_a_hidden_choice_is_refused_whether_pressed_typed_or_numbered() -> None:
    china = in_country("中国")
    token = session_of(china).token
    pressed = run(china.session, i.Choose("ryanggang", "province", token))
    assert notices(pressed) == [CHOOSE_ONE]
    assert pressed.session == china.session
    typed = run(china.session, i.Text("両江道"))
    assert notices(typed) == [USE_BUTTONS]
    assert typed.session == china.session
    # Numbers count the buttons shown: 1 is Jilin here, not the first province written.
    first = run(china.session, i.Text("1"))
    assert session_of(first).answers["province"] == "jilin"


def test_the_question_text_follows_the_earlier_answer() -> None:
    assert question_text(in_country("中国")) == "中国のどの省ですか"
    assert question_text(in_country("北朝鮮")) == "どの地域ですか"


# --- exclusive choices -----------------------------------------------------------------


def test_an_exclusive_choice_clears_the_others_and_another_clears_it() -> None:
    evidence = press(in_country("中国"), "吉林省")
    both = press(press(evidence, "戸籍"), "手紙・写真")
    assert labels(both) == ["✓戸籍", "✓手紙・写真", "DNA鑑定", "ない", "わからない"]
    none = press(both, "ない")
    assert labels(none) == ["戸籍", "手紙・写真", "DNA鑑定", "✓ない", "わからない"]
    unknown = press(none, "わからない")  # one exclusive replaces the other
    assert session_of(unknown).selection == ["unknown"]
    dna = press(unknown, "DNA鑑定")
    assert labels(dna) == ["戸籍", "手紙・写真", "✓DNA鑑定", "ない", "わからない"]
    untoggled = press(dna, "DNA鑑定")
    assert session_of(untoggled).selection == []
    kept = done(press(untoggled, "ない"))
    assert session_of(kept).answers["evidence"] == ["none"]


# --- editing from the review -----------------------------------------------------------


def test_changing_the_country_asks_again_for_a_province_no_longer_offered() -> None:
    review = at_review("中国")
    session = session_of(review)
    editing = run(session, i.Edit("country", "review", session.token))
    asked = press(editing, "北朝鮮")
    # Jilin is not in North Korea: the answer is dropped and the question asked again,
    # with North Korea's provinces and text.
    after = session_of(asked)
    assert after.step == "province"
    assert "province" not in after.answers
    assert labels(asked) == ["咸鏡北道", "両江道", "わからない"]
    assert question_text(asked) == "どの地域ですか"
    back_at_review = press(asked, "両江道")
    final = session_of(back_at_review)
    assert final.step == "review"  # evidence and contact kept, not asked again
    assert final.answers == {
        "country": "north_korea",
        "province": "ryanggang",
        "evidence": ["koseki"],
        "contact": "yes",
    }


def test_an_answer_still_offered_survives_an_edit() -> None:
    review = at_review("中国")
    session = session_of(review)
    editing = run(session, i.Edit("province", "review", session.token))
    again = press(editing, "遼寧省")
    assert session_of(again).step == "review"
    again_session = session_of(again)
    edit_country = run(again_session, i.Edit("country", "review", again_session.token))
    unchanged = press(edit_country, "中国")
    assert session_of(unchanged).step == "review"
    assert session_of(unchanged).answers["province"] == "liaoning"


def test_back_from_an_edit_returns_to_the_review_as_it_was() -> None:
    review = at_review("中国")
    session = session_of(review)
    editing = run(session, i.Edit("evidence", "review", session.token))
    ticked = press(editing, "DNA鑑定")  # changed, but not confirmed with Done
    back = run(ticked.session, i.Back(session.token))
    assert back.session == session  # the same review, path and answers
    assert isinstance(back.replies[-1], Ask)
    assert back.replies[-1].step == "review"


def test_back_from_a_question_the_edit_opened_goes_to_the_edited_question() -> None:
    review = at_review("中国")
    session = session_of(review)
    asked = press(run(session, i.Edit("country", "review", session.token)), "北朝鮮")
    back = run(asked.session, i.Back(session.token))
    # The province has no answer any more: the review cannot come back yet.
    assert session_of(back).step == "country"
    assert session_of(back).editing


# --- texts that depend on answers ------------------------------------------------------


def test_the_submit_text_follows_the_contact_answer() -> None:
    for contact, expected in (("はい", "折り返し連絡します"), ("いいえ", "連絡しません")):
        review = at_review(contact=contact)
        session = session_of(review)
        sent = run(session, i.Confirm("review", session.token))
        [submitted] = [r for r in sent.replies if isinstance(r, Submitted)]
        assert submitted.text is not None
        assert expected in submitted.text.text["ja"]
        assert "{reference}" in submitted.text.text["ja"]
        assert sent.stub is not None
        assert sent.stub.contact is (contact == "はい")
