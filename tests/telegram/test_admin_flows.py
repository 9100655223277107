"""Admins change the questions from Telegram, end to end over the fake Bot API.

The bot runs as a subprocess; the admin is a person on a phone who sends flow files,
reads what comes back, tries the draft, publishes and rolls back, while supporters keep
being served. Hostile uploads are refused with a located message.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.flow.roundtrip import roundtrip_yaml
from bot.limits import MAX_FLOW_FILE_BYTES
from bot.store.database import Database
from bot.store.drafts import DraftRepository
from bot.store.flows import FlowRegistry
from bot.store.models import CaseStubRow, PendingAlert
from tests.support.bot_process import BotRun, Supporter, bot_database, running_bot
from tests.support.engine import ROOT
from tests.support.fake_bot_api import FakeBotApi
from tests.telegram.test_bot_polling import agree_to_contact, button, go_to_note, label
from tests.telegram.test_staff import invite, joined

SHIPPED = (ROOT / "flows" / "intake.yaml").read_text(encoding="utf-8")
PNG = b"\x89PNG\r\n\x1a\n"
MARK = "【第2版】"
#: The shipped flow's version: "v1" in the comments below; v2 and v3 are the next ones.
V = int(roundtrip_yaml().load(SHIPPED)["version"])


@pytest.fixture
def bot(fake_bot_api: FakeBotApi, tmp_path: Path) -> Iterator[BotRun]:
    with running_bot(fake_bot_api, tmp_path) as run:
        yield run


@pytest.fixture
def db(bot: BotRun, tmp_path: Path) -> Iterator[Database]:
    with bot_database(bot, tmp_path) as database:
        yield database


def edited(change: object = None, version: int = V + 1) -> bytes:
    """The shipped flow with ``version`` and ``change(data)`` applied, as a file."""
    yaml = roundtrip_yaml()
    data = yaml.load(SHIPPED)
    data["version"] = version
    if callable(change):
        change(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue().encode("utf-8")


def marked(data: dict) -> None:  # type: ignore[type-arg]
    data["steps"]["consent"]["text"]["ja"] = MARK + data["steps"]["consent"]["text"]["ja"]


def broken(data: dict) -> None:  # type: ignore[type-arg]
    del data["steps"]["consent"]["text"]["ko"]
    data["steps"]["relation"]["choices"][0]["next"] = "nowhere"


def admin(bot: BotRun, db: Database, label: str = "aiko") -> Supporter:
    person = bot.supporter(f"{label.title()} Admin", "ja")
    code = invite(db, label, role="admin")
    person.command("/join", code)
    return person


def upload(
    person: Supporter, content: bytes, name: str = "intake.yaml", size: int | None = None
) -> None:
    person.act(
        lambda server, user: server.send_document(
            user, content=content, file_name=name, mime_type="application/x-yaml", size=size
        )
    )


def new_texts(person: Supporter, before: int) -> str:
    return "\n".join(person.texts()[before:])


def stub_count(db: Database) -> int:
    with db.transaction() as tx:
        return int(tx.scalar(select(func.count()).select_from(CaseStubRow)) or 0)


def test_upload_try_publish_and_roll_back_from_a_phone(bot: BotRun, db: Database) -> None:
    aiko = admin(bot, db)
    mina = joined(bot, db, "Mina Kim", "ja", "mina")  # staff: must hear of no trial
    early = bot.supporter("Early Bird", "ja")
    early.command("/start")
    early.press(button("consent", "ja"))  # in the middle of v1 when v2 is published

    # A broken file: every problem, located, in the admin's language; nothing kept.
    seen = len(aiko.texts())
    upload(aiko, edited(broken))
    said = new_texts(aiko, seen)
    assert "E301" in said
    assert "E201" in said
    assert "行" in said  # "line N", in Japanese
    assert "steps.consent.text" in said
    assert DraftRepository(db).get("intake") is None

    # The fixed file: the changes and the picture.
    seen = len(aiko.texts())
    upload(aiko, edited(marked))
    said = new_texts(aiko, seen)
    assert "steps.consent.text" in said  # the text that changed, named
    photo = aiko.bot_messages()[-1]
    assert photo.photo is not None
    assert photo.photo.startswith(PNG)

    # The trial: the draft as a supporter sees it, to the end; no case, no alert.
    aiko.command("/try")
    assert MARK in (aiko.question().text or "")
    go_to_note(aiko, "ja", start=False)
    aiko.say("母は元気ですが、薬が足りません。")
    agree_to_contact(aiko, "ja")
    aiko.press("送信する")
    result = aiko.texts()[-1]
    assert label("relation", "family_japan", "ja") in result  # the case as staff read it
    assert "薬が足りません" in result
    assert stub_count(db) == 0
    with db.transaction() as tx:
        assert tx.scalar(select(func.count()).select_from(PendingAlert)) == 0
    shown = [text for m in mina.bot_messages() for row in m.keyboard for text, _ in row]
    assert "担当する" not in shown
    aiko.command("/try", "stop")

    # Publish, confirmed: new intakes get v2, the one in the middle finishes on v1.
    aiko.command("/publish")
    aiko.press("公開する")
    assert str(V + 1) in aiko.texts()[-1]
    fresh = bot.supporter("Fresh Start", "ja")
    fresh.command("/start")
    assert MARK in (fresh.question().text or "")
    early.press(label("relation", "family_japan", "ja"))
    for step, value in [("link", "grandchild"), ("lineage", "japanese_spouse"),
                        ("location", "china_border"),
                        ("china_province", "jilin"), ("custody", "detained"),
                        ("threats", "forced_return"), (None, "完了"), ("broker", "no"),
                        ("evidence", "letters_photos"), (None, "完了"),
                        ("languages", "korean"), (None, "完了")]:  # fmt: skip
        early.press(label(step, value, "ja") if step else value)
    early.say("薬が足りません。")
    agree_to_contact(early, "ja")
    early.press("送信する")
    assert MARK not in "\n".join(early.texts())
    with db.transaction() as tx:
        versions = list(tx.scalars(select(CaseStubRow.flow_version)))
    assert versions == [V]  # finished on the version it started on
    with db.transaction() as tx:
        assert DraftRepository(db).get("intake") is None  # the upload is not kept

    # Roll back, confirmed: v3 holds v1's content.
    aiko.command("/rollback")
    aiko.press("元に戻す")
    later = bot.supporter("Later On", "ja")
    later.command("/start")
    assert MARK not in (later.question().text or "")

    aiko.command("/flows")
    listing = aiko.texts()[-1]
    assert "aiko" in listing
    assert str(V + 2) in listing


def test_a_file_too_big_is_refused_before_it_is_downloaded(bot: BotRun, db: Database) -> None:
    aiko = admin(bot, db)
    upload(aiko, b"id: intake\n", size=MAX_FLOW_FILE_BYTES + 1)
    assert str(MAX_FLOW_FILE_BYTES) in aiko.texts()[-1]
    assert bot.server.downloads() == []


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x00\x01 not yaml: [", "E10"),
        (b"a: &x [1]\nb: *x\n", "E104"),
        (b"id: !!python/object:os.system intake\n", "E106"),
        (
            b"id: big\nversion: 1\nlocales: [ja, ko, zh_Hans]\nstart: s0\nsteps:\n"
            + b"".join(
                f"  s{n}: {{kind: info, text: x, next: s{n + 1}}}\n".encode()
                for n in range(10_000)
            ),
            "E108",
        ),
    ],
    ids=["not-yaml", "alias", "tag", "10000-steps"],
)
def test_hostile_uploads_are_refused_with_a_located_message_and_supporters_are_served(
    bot: BotRun, db: Database, content: bytes, code: str
) -> None:
    aiko = admin(bot, db)
    seen = len(aiko.texts())
    upload(aiko, content)
    said = new_texts(aiko, seen)
    assert code in said
    assert DraftRepository(db).get("intake") is None
    hana = bot.supporter("Hana", "ja")
    hana.command("/start")
    assert hana.question().keyboard


def test_texts_with_html_or_placeholders_are_refused(bot: BotRun, db: Database) -> None:
    def hostile(data: dict) -> None:  # type: ignore[type-arg]
        data["steps"]["consent"]["text"]["ja"] = '<a href="https://example.com">ここ</a>'
        data["steps"]["relation"]["text"]["ko"] = "{0} 관계를 알려 주십시오 {reference}"

    aiko = admin(bot, db)
    seen = len(aiko.texts())
    upload(aiko, edited(hostile))
    said = new_texts(aiko, seen)
    assert "E307" in said
    assert "E306" in said


def test_staff_who_are_not_admins_are_refused_and_others_get_the_supporter_side(
    bot: BotRun, db: Database
) -> None:
    mina = joined(bot, db, "Mina Kim", "ja", "mina")
    mina.command("/publish")
    assert "管理者" in mina.texts()[-1]
    stranger = bot.supporter("Stranger", "ja")
    stranger.command("/publish")
    assert "管理者" not in "\n".join(stranger.texts())


def test_the_file_and_a_translation_go_out_and_come_back(bot: BotRun, db: Database) -> None:
    from babel.messages.pofile import read_po, write_po

    aiko = admin(bot, db)
    aiko.command("/flow")
    sent = aiko.bot_messages()[-1]
    assert sent.file_name == f"intake.v{V}.yaml"
    assert sent.document == SHIPPED.encode("utf-8")  # the file as published, to edit

    aiko.command("/po", "ko")
    po = aiko.bot_messages()[-1]
    assert po.file_name == "intake.ko.po"
    assert po.document is not None
    catalog = read_po(io.BytesIO(po.document))
    entry = next(m for m in catalog if m.context == "steps.relation.text")
    entry.string = "지원이 필요한 분과의 관계를 선택해 주십시오."
    out = io.BytesIO()
    write_po(out, catalog)

    seen = len(aiko.texts())
    upload(aiko, out.getvalue(), name="intake.ko.po")
    said = new_texts(aiko, seen)
    assert "steps.relation.text" in said  # the one text the translator changed
    draft = DraftRepository(db).get("intake")
    assert draft is not None
    assert draft.version == V + 1  # raised for the translator
    assert "지원이 필요한 분과의 관계를 선택해 주십시오." in draft.source


def test_two_admins_one_trial_ended_by_the_others_upload_and_stale_buttons(
    bot: BotRun, db: Database
) -> None:
    aiko, ben = admin(bot, db), admin(bot, db, "ben")
    upload(aiko, edited(marked))
    ben.command("/try")
    ben.press(button("consent", "ja"))
    upload(aiko, edited(marked, version=V + 2))  # a new draft: Ben's trial is told it ended
    assert "試用を終了しました" in ben.texts()[-1]
    ben.press(label("relation", "family_japan", "ja"), message=ben.question())
    assert stub_count(db) == 0  # his next press made no real intake either

    aiko.command("/publish")
    question = aiko.question()
    aiko.press("公開する")
    assert not next(m for m in aiko.bot_messages() if m.message_id == question.message_id).keyboard
    upload(aiko, edited(marked, version=V + 3))
    aiko.press_shown(question, "公開する")  # the old question, pressed again: nothing
    newest = FlowRegistry(db).newest("intake")
    assert newest is not None
    assert newest.version == V + 2
    draft = DraftRepository(db).get("intake")
    assert draft is not None
    assert draft.version == V + 3  # still a draft, waiting for its own confirmation


def test_uploads_that_cannot_become_a_draft_say_why(bot: BotRun, db: Database) -> None:
    aiko = admin(bot, db)

    def other_flow(data: dict) -> None:  # type: ignore[type-arg]
        data["id"] = "other"

    upload(aiko, edited(other_flow))
    assert "`id: intake`" in aiko.texts()[-1]
    unknown_charset = (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=NOPE\\n"\n'
        b'\nmsgid "a"\nmsgstr "b"\n'
    )
    upload(aiko, unknown_charset, "x.po")
    assert "翻訳ファイル（PO）として読み込めません" in aiko.texts()[-1]
    english = b'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgctxt "title"\nmsgid "a"\nmsgstr "b"\n'
    upload(aiko, english, "intake.en.po")
    assert "ja, ko, zh_Hans" in aiko.texts()[-1]
    assert DraftRepository(db).get("intake") is None

    # Any other file from an admin in the middle of an intake is a supporter's: deleted.
    aiko.command("/start")
    aiko.act(
        lambda server, user: server.send_document(
            user, content=b"%PDF-1.4", file_name="koseki.pdf"
        )
    )
    assert not any(m.file_name == "koseki.pdf" for m in aiko.chat())
