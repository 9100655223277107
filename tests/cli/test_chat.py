"""``intake-bot chat`` as a first-time user meets it, driven through the command itself.

Each test runs the real command with click's runner (stdin piped, so inputs are echoed
and the output is a transcript), in a fresh data folder, with the locale variables of a
Japanese, Korean, Chinese or English system. What is checked is what the supporter sees:
the flow's own texts and the catalog's, looked up rather than copied, so the tests hold
whichever wording the flow and the translators settle on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from bot import console_texts as ct
from bot.cli import main
from bot.cli.chat_input import system_locale, terminal_lines
from bot.config import Settings
from bot.console_menu import designated
from bot.engine import texts as t
from bot.flow.model import InfoStep, MultiChoiceStep, SingleChoiceStep
from bot.i18n import autonym
from bot.render import Keeping
from tests.support.engine import catalogs, intake

ROOT = Path(__file__).resolve().parents[2]
SECRET = "chat-tests-share-this-key_0123456789-abcdefghijKLMNOP"
LOCALES = ("ja", "ko", "zh_Hans")
#: A system locale naming each of the flow's languages, as LANG would.
SYSTEM = {"ja": "ja_JP.UTF-8", "ko": "ko_KR.UTF-8", "zh_Hans": "zh_CN.UTF-8"}
#: What --lang takes for each locale.
FLAG = {"ja": "ja", "ko": "ko", "zh_Hans": "zh"}
#: Words the terminal must not use: it has no buttons to press or tap.
BUTTON_WORDS = ("button", "press", "tap", "ボタン", "押し", "버튼", "누르", "눌러", "按钮", "点击")


def step_text(step: str, locale: str) -> str:
    """A step's text as shown, with the default settings' keeping times put in."""
    keeping = Keeping.of(Settings.session_ttl, Settings.case_retention)
    return keeping.fill(intake().step(step).text[locale])


def label(step: str, value: str, locale: str) -> str:
    """The label of one option of a choice step, as the flow writes it."""
    spec = intake().step(step)
    assert isinstance(spec, SingleChoiceStep | MultiChoiceStep)
    return next(c.text[locale] for c in spec.choices if c.value == value)


def number(step: str, value: str) -> str:
    """The number the terminal prints before an option (options come first, in order)."""
    spec = intake().step(step)
    assert isinstance(spec, SingleChoiceStep | MultiChoiceStep)
    return str([c.value for c in spec.choices].index(value) + 1)


def said(locale: str, msgid: str, **params: object) -> str:
    return catalogs().gettext(locale, msgid, **params)


def consent(locale: str) -> str:
    """The consent screen's button label (the intake's first step is an info step)."""
    step = intake().step("consent")
    assert isinstance(step, InfoStep)
    assert step.button is not None
    return step.button[locale]


@dataclass
class Chat:
    """The command in one data folder, on a system whose locale is ``lang`` (unset: C)."""

    data_dir: Path

    def run(self, lines: list[str], *args: str, **env: str | None) -> str:
        environ: dict[str, str | None] = {
            "INTAKE_DATA_DIR": str(self.data_dir),
            "INTAKE_DATABASE_URL": None,
            "INTAKE_SECRET_KEY": SECRET,
            "INTAKE_FLOWS_DIR": str(ROOT / "flows"),
            "INTAKE_LOCALES_DIR": str(ROOT / "locales"),
            "INTAKE_SEAL_TO": None,
            # The scrubber's language models take seconds to load and are not what these
            # tests are about: the rules alone scrub here.
            "INTAKE_NER": "off",
            "LANGUAGE": None,
            "LC_ALL": None,
            "LC_MESSAGES": None,
            "LANG": None,
        }
        environ.update(env)
        result = CliRunner().invoke(
            main, ["chat", *args], input="".join(f"{line}\n" for line in lines), env=environ
        )
        assert result.exit_code == 0, (result.output, result.exception)
        return result.stdout


@pytest.fixture
def chat(tmp_path: Path) -> Chat:
    return Chat(tmp_path / "data")


def after(transcript: str, typed: str) -> str:
    """What the chat printed in answer to the last input ``typed`` (up to the next one)."""
    _, _, rest = transcript.rpartition(f"> {typed}\n")
    return rest.split("\n> ", 1)[0]


# --- the language ------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_system_locale_chooses_the_language(chat: Chat, locale: str) -> None:
    out = chat.run([consent(locale)], LANG=SYSTEM[locale])
    assert out.startswith(step_text("consent", locale))
    assert step_text("relation", locale) in after(out, consent(locale))
    # No picker was needed: the question was never asked in the other languages.
    for other in LOCALES:
        assert said(other, t.CHOOSE_LANGUAGE) not in out


@pytest.mark.parametrize(
    ("environ", "locale"),
    [
        ({"LC_ALL": "ko_KR.UTF-8", "LANG": "ja_JP.UTF-8"}, "ko"),  # LC_ALL wins
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_Hans"),
        ({"LANGUAGE": "ko:en", "LANG": "en_US.UTF-8"}, "ko"),
        ({"LANGUAGE": "ko", "LC_ALL": "C"}, None),  # gettext ignores LANGUAGE under C
        ({"LANG": "ja_JP.eucJP@euro"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, None),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({}, None),
        ({"LANG": "not a locale!"}, None),
    ],
)
def test_system_locale_reads_the_posix_variables(
    environ: dict[str, str], locale: str | None
) -> None:
    assert system_locale(environ) == locale


@pytest.mark.parametrize("system", ["en_US.UTF-8", "C", None])
@pytest.mark.parametrize("locale", LOCALES)
def test_another_system_language_gets_the_picker_in_every_language(
    chat: Chat, system: str | None, locale: str
) -> None:
    out = chat.run([autonym(locale)[:2]], LANG=system)
    picker, answered = out.split(f"> {autonym(locale)[:2]}\n", 1)
    for code in LOCALES:
        assert said(code, t.CHOOSE_LANGUAGE) in picker
    for n, code in enumerate(LOCALES, start=1):
        assert f"  {n}. {autonym(code)}\n" in picker
    assert answered.startswith(step_text("consent", locale))


def test_an_answer_to_the_picker_that_is_no_language_is_hinted_in_every_language(
    chat: Chat,
) -> None:
    out = chat.run(["English please", "2"], LANG="en_US.UTF-8")
    hint = after(out, "English please")
    for code in LOCALES:
        assert said(code, ct.NOT_AN_OPTION, typed="English please") in hint
        assert said(code, ct.TYPE_IN_RANGE, count=3) in hint
    assert after(out, "2").startswith(step_text("consent", "ko"))


def test_start_before_a_language_is_chosen_asks_again(chat: Chat) -> None:
    out = chat.run(["/start", "3"], LANG="C")
    for code in LOCALES:
        assert said(code, t.CHOOSE_LANGUAGE) in after(out, "/start")
    assert after(out, "3").startswith(step_text("consent", "zh_Hans"))


@pytest.mark.parametrize("locale", LOCALES)
def test_lang_overrides_the_system_locale(chat: Chat, locale: str) -> None:
    other = "ko" if locale == "ja" else "ja"
    out = chat.run([], "--lang", FLAG[locale], LANG=SYSTEM[other])
    assert out.startswith(step_text("consent", locale))


@pytest.mark.parametrize(("first", "then"), [("ja", "ko"), ("ko", "zh_Hans"), ("zh_Hans", "ja")])
def test_lang_switches_a_conversation_in_progress(chat: Chat, first: str, then: str) -> None:
    chat.run([consent(first), number("relation", "family_japan")], "--lang", FLAG[first])

    resumed = chat.run([], "--lang", FLAG[then], LANG=SYSTEM[first])
    assert resumed.startswith(said(then, t.WELCOME_BACK))
    assert step_text("link", then) in resumed
    assert step_text("link", first) not in resumed

    # Without --lang, the conversation keeps the language it has, whatever the system's.
    again = chat.run(["/back"], LANG=SYSTEM[first])
    assert again.startswith(said(then, t.WELCOME_BACK))
    shown = after(again, "/back")
    assert step_text("relation", then) in shown
    answer = label("relation", "family_japan", then)
    assert said(then, "Current answer: {answer}", answer=answer) in shown


def test_lang_command_switches_at_once_and_language_shows_the_picker(chat: Chat) -> None:
    out = chat.run([consent("ja"), "/lang zh", "/language", "2"], "--lang", "ja")
    assert step_text("relation", "zh_Hans") in after(out, "/lang zh")
    assert said("zh_Hans", t.CHOOSE_LANGUAGE) in after(out, "/language")
    assert step_text("relation", "ko") in after(out, "2")


# --- choosing ---------------------------------------------------------------------------


def to_location(locale: str) -> list[str]:
    """Typed labels, not numbers, as far as the question of where the person is."""
    return [
        consent(locale),
        label("relation", "family_japan", locale),
        label("link", "child", locale),
        label("lineage", "japanese_spouse", locale),
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_choice_is_typed_as_the_start_of_its_label(chat: Chat, locale: str) -> None:
    border = label("location", "china_border", locale)
    jilin = label("china_province", "jilin", locale)
    typed = jilin[:2]  # 吉林 for 吉林省, 지린 for 지린성
    assert label("china_province", "liaoning", locale)[:2] != typed
    out = chat.run([*to_location(locale), border, typed, "/back"], "--lang", FLAG[locale])
    assert step_text("china_province", locale) in after(out, border)
    assert step_text("custody", locale) in after(out, typed)
    assert said(locale, "Current answer: {answer}", answer=jilin) in after(out, "/back")


@pytest.mark.parametrize("locale", LOCALES)
def test_an_ambiguous_start_lists_what_it_matches_and_loses_nothing(
    chat: Chat, locale: str
) -> None:
    border = label("location", "china_border", locale)
    elsewhere = label("location", "china_elsewhere", locale)
    common = _common_start(border, elsewhere)  # 中国 / 중국
    out = chat.run([*to_location(locale), common, "2"], "--lang", FLAG[locale])
    listed = after(out, common)
    assert listed.startswith(said(locale, ct.AMBIGUOUS, typed=common))
    assert f"  {number('location', 'china_border')}. {border}\n" in listed
    assert f"  {number('location', 'china_elsewhere')}. {elsewhere}\n" in listed
    assert label("location", "japan", locale) not in listed
    # The question is still open: the number answers it.
    assert step_text("china_province", locale) in after(out, "2")


@pytest.mark.parametrize("locale", LOCALES)
def test_an_unknown_answer_says_so_and_changes_nothing(chat: Chat, locale: str) -> None:
    count = len(intake().step("relation").choices) + 1  # type: ignore[union-attr]
    out = chat.run([consent(locale), "xyz", "99", "", "1"], "--lang", FLAG[locale])
    assert after(out, "xyz").startswith(said(locale, ct.NOT_AN_OPTION, typed="xyz"))
    assert said(locale, ct.TYPE_IN_RANGE, count=count) in after(out, "xyz")
    assert said(locale, ct.NOT_AN_OPTION, typed="99") in after(out, "99")
    assert after(out, "").startswith(said(locale, ct.TYPE_IN_RANGE, count=count))
    assert step_text("relation", locale) not in after(out, "xyz")  # not asked again
    assert step_text("link", locale) in after(out, "1")


def test_a_long_unknown_answer_is_quoted_cut_short(chat: Chat) -> None:
    pasted = "わ" * 200
    out = chat.run([consent("ja"), pasted], "--lang", "ja")
    assert said("ja", ct.NOT_AN_OPTION, typed="わ" * 20 + "…") in after(out, pasted)
    assert pasted not in after(out, pasted)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_multi_choice_shows_one_menu_and_ticks_as_lines(chat: Chat, locale: str) -> None:
    arrest, illness = number("threats", "arrest"), number("threats", "illness")
    done = str(len(intake().step("threats").choices) + 1)  # type: ignore[union-attr]
    lines = [*to_location(locale), label("location", "japan", locale)]
    lines += [label("custody", "not_detained", locale), done, arrest, illness, arrest, done]
    out = chat.run(lines, "--lang", FLAG[locale])

    question = step_text("threats", locale)
    assert out.count(question) == 1  # the menu is printed once
    too_early = out.split(f"> {done}\n", 1)[1]  # Done with nothing chosen
    assert too_early.startswith(said(locale, ct.TOO_FEW, count=1))
    separator = said(locale, ", ")
    both = separator.join(
        f"{n}. {label('threats', v, locale)}"
        for n, v in ((arrest, "arrest"), (illness, "illness"))
    )
    ticks = out.split(f"> {illness}\n", 1)[1]
    assert ticks.startswith(said(locale, ct.CHOSEN, choices=both, done=done))
    only = f"{illness}. {label('threats', 'illness', locale)}"
    assert said(locale, ct.CHOSEN, choices=only, done=done) in after(out, arrest)
    assert step_text("broker", locale) in after(out, done)


# --- restarting, wording, leaving ------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_restart_asks_first(chat: Chat, locale: str) -> None:
    family = number("relation", "family_japan")
    lines = [consent(locale), family, "/restart", "2", "/restart", "whatever", "/restart", "1"]
    out = chat.run(lines, "--lang", FLAG[locale])
    asked = out.split("> /restart\n", 1)[1]
    assert asked.startswith(said(locale, ct.RESTART_QUESTION))
    assert f"  1. {said(locale, ct.RESTART_YES)}\n  2. {said(locale, t.ERASE_NO)}\n" in asked

    kept = out.split("> 2\n", 1)[1]  # "no": nothing erased, the same question again
    assert kept.startswith(said(locale, t.NOTHING_ERASED))
    assert step_text("link", locale) in kept.split("\n> ", 1)[0]
    other = after(out, "whatever")  # anything else keeps the conversation too
    assert other.startswith(said(locale, t.NOTHING_ERASED))
    assert step_text("link", locale) in other

    restarted = after(out, "1")
    assert restarted.startswith(said(locale, t.STARTING_AGAIN))
    assert step_text("consent", locale) in restarted


def test_restart_at_the_very_start_has_nothing_to_ask(chat: Chat) -> None:
    out = chat.run(["/restart"], "--lang", "ko")
    assert said("ko", ct.RESTART_QUESTION) not in out
    assert said("ko", t.STARTING_AGAIN) in after(out, "/restart")


@pytest.mark.parametrize("locale", LOCALES)
def test_the_terminal_speaks_of_typing_not_of_buttons(chat: Chat, locale: str) -> None:
    out = chat.run([consent(locale), "/help", "/nonsense"], "--lang", FLAG[locale])
    assert after(out, "/help").startswith(said(locale, ct.HELP))
    assert said(locale, t.HELP) not in out
    assert after(out, "/nonsense").startswith(said(locale, ct.HELP))  # as on Telegram
    for msgid in (*ct.WORDING.values(), ct.TYPE_IN_RANGE, ct.CHOSEN, ct.NOTHING_CHOSEN):
        own = said(locale, msgid).casefold()
        assert not [w for w in BUTTON_WORDS if w in own], (locale, msgid)


@pytest.mark.parametrize("locale", LOCALES)
def test_leaving_midway_says_the_answers_wait(chat: Chat, locale: str) -> None:
    out = chat.run([consent(locale)], "--lang", FLAG[locale])
    assert out.endswith(said(locale, ct.KEPT_FOR_LATER) + "\n\n")
    resumed = chat.run([], "--lang", FLAG[locale])
    assert resumed.startswith(said(locale, t.WELCOME_BACK))
    assert step_text("relation", locale) in resumed


# --- the pieces ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [
        ("2", (2,)),
        ("２", (2,)),  # full width
        (" 2. ", (2,)),
        ("7", ()),  # no option 7
        ("0", ()),
        ("吉林", (1,)),
        ("吉林省", (1,)),
        ("中国", (3, 4)),
        ("中国（其", (4,)),
        ("中国（其他地区）", (4,)),
        ("中国（其他地区）吧", ()),
        ("x", ()),
        ("", ()),
        ("   ", ()),
        ("no", (5,)),  # the whole label wins over the labels it begins
        ("NO", (5,)),
    ],
)
def test_designated_options(typed: str, numbers: tuple[int, ...]) -> None:
    labels = ["吉林省", "辽宁省", "中国（中朝边境地区）", "中国（其他地区）", "No", "Nothing"]
    assert designated(typed, labels) == numbers


def test_terminal_lines_edit_and_recall_earlier_answers() -> None:
    up = "\x1b[A"
    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        lines = terminal_lines()
        # Keys go in one prompt at a time, as a person types them after seeing it.
        keys.send_text("吉林\r")
        assert next(lines) == "吉林"
        keys.send_text(f"{up}省\r")  # Up recalls the previous answer, then it is edited
        assert next(lines) == "吉林省"
        keys.send_text("\x04")  # Ctrl+D ends the chat
        assert list(lines) == []


def _common_start(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    assert n > 0, (a, b)
    return a[:n]


# --- the deployment's figures ------------------------------------------------------------


def test_a_flow_text_says_the_deployments_keeping_times(chat: Chat, tmp_path: Path) -> None:
    # The consent promises how long answers and cases are kept: the figures must be the
    # ones the purge applies (INTAKE_SESSION_TTL_HOURS, INTAKE_CASE_RETENTION_DAYS).
    flows = tmp_path / "flows"
    flows.mkdir()
    minimal = (ROOT / "tests" / "flow" / "minimal.yaml").read_text(encoding="utf-8")
    welcome = "text: {ja: ようこそ, ko: 환영합니다, zh_Hans: 欢迎}"
    assert welcome in minimal
    (flows / "intake.yaml").write_text(
        minimal.replace("id: mini", "id: intake").replace(
            welcome,
            "text: {ja: '未送信の回答は{keep_hours}時間、受付は{keep_days}日後に削除します',"
            " ko: '{keep_hours}시간, {keep_days}일', zh_Hans: '{keep_hours}小时，{keep_days}天'}",
        ),
        encoding="utf-8",
    )
    out = chat.run(
        [],
        "--lang",
        "ja",
        INTAKE_FLOWS_DIR=str(flows),
        INTAKE_SESSION_TTL_HOURS="48",
        INTAKE_CASE_RETENTION_DAYS="30",
    )
    assert out.startswith("未送信の回答は48時間、受付は30日後に削除します")
