"""The fake Bot API server, driven by the real python-telegram-bot client over HTTP."""

from __future__ import annotations

import asyncio
import html
import json
import struct
import threading
import time
import zlib
from collections.abc import Awaitable, Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.support.fake_bot_api import FakeBotApi, FakeClock, SimUser

T = TypeVar("T")
Server = FakeBotApi


def run(server: Server, body: Callable[[Bot], Awaitable[T]]) -> T:
    async def main() -> T:
        async with Bot(
            server.token, base_url=server.base_url, base_file_url=server.base_file_url
        ) as bot:
            return await body(bot)

    return asyncio.run(main())


def bad(server: Server, body: Callable[[Bot], Awaitable[Any]]) -> str:
    """Run ``body``, expect a 400 and return the description Telegram (the fake) sent."""
    with pytest.raises(BadRequest):
        run(server, body)
    last = server.calls()[-1]
    assert (last.ok, last.error_code) == (False, 400)
    assert last.description is not None
    return last.description


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t, callback_data=d) for t, d in row] for row in rows]
    )


def sender(user: SimUser, text: str, **kwargs: Any) -> Callable[[Bot], Awaitable[Message]]:
    """A sendMessage call bound to its arguments (loop-safe, unlike a lambda closure)."""

    def send(bot: Bot) -> Awaitable[Message]:
        return bot.send_message(user.id, text, **kwargs)

    return send


def document_sender(
    user: SimUser, content: bytes | str, **kwargs: Any
) -> Callable[[Bot], Awaitable[Message]]:
    def send(bot: Bot) -> Awaitable[Message]:
        return bot.send_document(user.id, content, **kwargs)

    return send


def photo_sender(
    user: SimUser, content: bytes | str, **kwargs: Any
) -> Callable[[Bot], Awaitable[Message]]:
    def send(bot: Bot) -> Awaitable[Message]:
        return bot.send_photo(user.id, content, **kwargs)

    return send


def file_getter(file_id: str) -> Callable[[Bot], Awaitable[Any]]:
    def get(bot: Bot) -> Awaitable[Any]:
        return bot.get_file(file_id)

    return get


async def _download(bot: Bot, file_id: str) -> bytes:
    """What a bot does with a supporter's file: getFile, then GET the file URL."""
    file = await bot.get_file(file_id)
    return bytes(await file.download_as_bytearray())


def png(width: int, height: int) -> bytes:
    """A real (tiny, red) PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    """A JPEG's markers up to its frame header (SOF0): all the fake reads of a JPEG."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    components = bytes([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3) + components
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


@pytest.fixture
def hana(fake_bot_api: Server) -> SimUser:
    return fake_bot_api.add_user("Hana", language_code="ja")


# -- tokens, methods, bodies -------------------------------------------------------------------


def test_get_me_answers_the_bot(fake_bot_api: Server) -> None:
    me = run(fake_bot_api, lambda bot: bot.get_me())
    assert (me.is_bot, me.username, me.id) == (True, "intake_test_bot", fake_bot_api.bot_id)


def test_wrong_token_is_401(fake_bot_api: Server) -> None:
    wrong = f"{fake_bot_api.bot_id}:AAwrongsecret"
    url = f"{fake_bot_api.base_url}{wrong}/getMe"
    answer = httpx.post(url)
    assert answer.status_code == 401
    assert answer.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    malformed = httpx.post(f"{fake_bot_api.base_url}nocolon/getMe").json()
    assert malformed["description"] == "Unauthorized: invalid token specified"

    async def with_wrong_token() -> None:
        async with Bot(wrong, base_url=fake_bot_api.base_url) as bot:
            await bot.get_me()

    with pytest.raises(InvalidToken):
        asyncio.run(with_wrong_token())


def test_unknown_method_is_404(fake_bot_api: Server) -> None:
    answer = httpx.post(f"{fake_bot_api.base_url}{fake_bot_api.token}/sendTelepathy")
    assert answer.status_code == 404
    assert answer.json()["description"] == "Not Found: method not found"
    assert fake_bot_api.rejected_calls[-1].method == "sendTelepathy"


def test_json_form_query_and_multipart_bodies_are_read(
    fake_bot_api: Server, hana: SimUser
) -> None:
    base = f"{fake_bot_api.base_url}{fake_bot_api.token}"
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    as_json = httpx.post(
        f"{base}/sendMessage", json={"chat_id": hana.id, "text": "json", "reply_markup": markup}
    )
    as_query = httpx.get(f"{base}/sendMessage", params={"chat_id": hana.id, "text": "query"})
    multipart = httpx.post(
        f"{base}/SENDMESSAGE",  # method names are case-insensitive
        data={"chat_id": str(hana.id), "text": "multipart", "reply_markup": json.dumps(markup)},
        files={"thumbnail": ("a.jpg", b"\xff\xd8", "image/jpeg")},
    )
    assert [a.status_code for a in (as_json, as_query, multipart)] == [200, 200, 200]
    shown = fake_bot_api.chat(hana)
    assert [m.text for m in shown] == ["json", "query", "multipart"]
    assert shown[2].keyboard == [[("A", "a")]]


# -- sendMessage -----------------------------------------------------------------------------


def test_send_message_with_html_keyboard_and_protection(
    fake_bot_api: Server, hana: SimUser
) -> None:
    sent = run(
        fake_bot_api,
        lambda bot: bot.send_message(
            hana.id,
            f"<b>{html.escape('地域は?')}</b> {html.escape('<a & b>')}",
            parse_mode="HTML",
            protect_content=True,
            reply_markup=keyboard([("東京", "r:1"), ("大阪", "r:2")]),
        ),
    )
    assert sent.text == "地域は? <a & b>"
    assert sent.has_protected_content
    [shown] = fake_bot_api.chat(hana)
    assert (shown.from_bot, shown.protect_content, shown.parse_mode) == (True, True, "html")
    assert shown.entities == [{"offset": 0, "length": 4, "type": "bold"}]
    assert shown.keyboard == [[("東京", "r:1"), ("大阪", "r:2")]]
    assert fake_bot_api.rejected_calls == []


def test_text_limit_counts_utf16_units(fake_bot_api: Server, hana: SimUser) -> None:
    for ok_text in ("字" * 4096, "😀" * 2048, "<b>" + "a" * 4096 + "</b>"):
        run(fake_bot_api, sender(hana, ok_text, parse_mode="HTML"))
    for long_text in ("字" * 4097, "😀" * 2049):
        description = bad(fake_bot_api, sender(hana, long_text))
        assert description == "Bad Request: message is too long"


def test_empty_texts_are_refused(fake_bot_api: Server, hana: SimUser) -> None:
    base = f"{fake_bot_api.base_url}{fake_bot_api.token}"
    empty = httpx.post(f"{base}/sendMessage", data={"chat_id": hana.id, "text": ""}).json()
    assert empty["description"] == "Bad Request: message text is empty"
    blank = bad(fake_bot_api, lambda bot: bot.send_message(hana.id, "<b> </b>", parse_mode="HTML"))
    assert blank == "Bad Request: text must be non-empty"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("<br>", 'Unsupported start tag "br" at byte offset 0'),
        ("x <b", "Unclosed start tag at byte offset 2"),
        ("🏟 🏟&lt;<abacaba", "Unclosed start tag at byte offset 13"),  # tdlib's own test
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ('<a href="x"', "Unclosed start tag at byte offset 0"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("AT&T", '[fake] unescaped "&" at byte offset 2'),
        ("&foo;", '[fake] unescaped "&" at byte offset 0'),
    ],
)
def test_broken_html_is_refused(
    fake_bot_api: Server, hana: SimUser, text: str, reason: str
) -> None:
    description = bad(fake_bot_api, lambda bot: bot.send_message(hana.id, text, parse_mode="HTML"))
    assert description.startswith(f"Bad Request: can't parse entities: {reason}")


def test_ampersand_rule_can_be_relaxed_to_telegrams(fake_clock: FakeClock) -> None:
    with FakeBotApi(clock=fake_clock, strict_ampersand=False) as server:
        user = server.add_user()
        sent = run(
            server, lambda bot: bot.send_message(user.id, "AT&T &foo; &lt;", parse_mode="HTML")
        )
        assert sent.text == "AT&T &foo; <"


def test_unknown_chat_is_refused(fake_bot_api: Server) -> None:
    assert (
        bad(fake_bot_api, lambda bot: bot.send_message(42, "hi")) == "Bad Request: chat not found"
    )


# -- inline keyboards ------------------------------------------------------------------------


def test_callback_data_limit_is_64_utf8_bytes(fake_bot_api: Server, hana: SimUser) -> None:
    for data in ("x" * 64, "選" * 21):
        run(
            fake_bot_api,
            sender(hana, "q", reply_markup=keyboard([("a", data)])),
        )
    for data in ("x" * 65, "選" * 22):
        description = bad(
            fake_bot_api,
            sender(hana, "q", reply_markup=keyboard([("a", data)])),
        )
        assert description == "Bad Request: BUTTON_DATA_INVALID"
    empty = bad(
        fake_bot_api,
        lambda bot: bot.send_message(hana.id, "q", reply_markup=keyboard([("a", "")])),
    )
    assert empty == (
        "Bad Request: can't parse inline keyboard button: "
        "Text buttons are unallowed in the inline keyboard"
    )


def test_button_counts(fake_bot_api: Server, hana: SimUser) -> None:
    def rows(total: int, per_row: int) -> InlineKeyboardMarkup:
        buttons = [(str(i), str(i)) for i in range(total)]
        return keyboard(*[buttons[i : i + per_row] for i in range(0, total, per_row)])

    run(fake_bot_api, lambda bot: bot.send_message(hana.id, "q", reply_markup=rows(100, 8)))
    too_many = bad(
        fake_bot_api, lambda bot: bot.send_message(hana.id, "q", reply_markup=rows(101, 8))
    )
    assert too_many == "Bad Request: reply markup is too long"
    too_wide = bad(
        fake_bot_api, lambda bot: bot.send_message(hana.id, "q", reply_markup=rows(9, 9))
    )
    assert too_wide.startswith("Bad Request: [fake] more than 8 buttons")


# -- editing and deleting ------------------------------------------------------------------------


def test_edits_show_in_the_chat_and_identical_edits_are_refused(
    fake_bot_api: Server, hana: SimUser
) -> None:
    async def body(bot: Bot) -> list[str]:
        sent = await bot.send_message(hana.id, "地域は?", reply_markup=keyboard([("東京", "r:1")]))
        await bot.edit_message_text("地域は? 東京", hana.id, sent.message_id)  # keyboard dropped
        errors = []
        for attempt in (
            bot.edit_message_text("地域は? 東京", hana.id, sent.message_id),
            bot.edit_message_reply_markup(hana.id, sent.message_id, reply_markup=None),
        ):
            try:
                await attempt
            except BadRequest as exc:
                errors.append(exc.message)
        return errors

    errors = run(fake_bot_api, body)
    [shown] = fake_bot_api.chat(hana)
    assert (shown.text, shown.keyboard, shown.edit_date is not None) == ("地域は? 東京", [], True)
    assert (
        errors
        == [
            "Message is not modified: specified new message content and reply markup are exactly "
            "the same as a current content and reply markup of the message"
        ]
        * 2
    )


def test_edit_of_missing_foreign_or_supporter_message_is_refused(
    fake_bot_api: Server, hana: SimUser
) -> None:
    other = fake_bot_api.add_user("Min-jun", language_code="ko")
    theirs = run(fake_bot_api, lambda bot: bot.send_message(other.id, "hi"))
    own = fake_bot_api.send_text(hana, "my answer")
    missing = bad(fake_bot_api, lambda bot: bot.edit_message_text("x", hana.id, 99))
    foreign = bad(
        fake_bot_api, lambda bot: bot.edit_message_text("x", hana.id, theirs.message_id + 5)
    )
    supporter = bad(fake_bot_api, lambda bot: bot.edit_message_text("x", hana.id, own))
    assert missing == foreign == "Bad Request: message to edit not found"
    assert supporter == "Bad Request: message can't be edited"


def test_delete_rules(fake_bot_api: Server, hana: SimUser, fake_clock: FakeClock) -> None:
    other = fake_bot_api.add_user("Wei", language_code="zh-hans")
    asked = run(fake_bot_api, lambda bot: bot.send_message(hana.id, "q"))
    answer = fake_bot_api.send_text(hana, "a")
    foreign = run(fake_bot_api, lambda bot: bot.send_message(other.id, "x"))
    assert run(fake_bot_api, lambda bot: bot.delete_message(hana.id, asked.message_id))
    again = bad(fake_bot_api, lambda bot: bot.delete_message(hana.id, asked.message_id))
    assert again == "Bad Request: message to delete not found"
    assert run(
        fake_bot_api, lambda bot: bot.delete_messages(hana.id, [answer, 77, 78])
    )  # skips missing
    assert fake_bot_api.chat(hana) == []
    assert [m.text for m in fake_bot_api.chat(other)] == ["x"]  # same id, other chat: untouched
    assert foreign.message_id == asked.message_id
    too_many = bad(fake_bot_api, lambda bot: bot.delete_messages(hana.id, list(range(1, 102))))
    assert too_many == "Bad Request: too many message identifiers specified"
    none = bad(fake_bot_api, lambda bot: bot.delete_messages(hana.id, []))
    assert none == "Bad Request: message identifiers are not specified"
    old = run(fake_bot_api, lambda bot: bot.send_message(hana.id, "old"))
    fake_clock.advance(48 * 3600 + 1)
    late = bad(fake_bot_api, lambda bot: bot.delete_message(hana.id, old.message_id))
    assert late == "Bad Request: message can't be deleted"


# -- callback queries -----------------------------------------------------------------------


def test_button_press_reaches_the_bot_and_is_answered_once(
    fake_bot_api: Server, hana: SimUser, fake_clock: FakeClock
) -> None:
    sent = run(
        fake_bot_api,
        lambda bot: bot.send_message(hana.id, "q", reply_markup=keyboard([("東京", "r:1")])),
    )
    query_id = fake_bot_api.press_button(hana, sent.message_id, text="東京")
    updates = run(fake_bot_api, lambda bot: bot.get_updates())
    query = updates[-1].callback_query
    assert query is not None
    assert query.message is not None
    assert (query.id, query.data, query.message.message_id) == (query_id, "r:1", sent.message_id)
    assert query.from_user.language_code == "ja"
    assert run(fake_bot_api, lambda bot: bot.answer_callback_query(query_id, text="OK"))
    assert fake_bot_api.callback_query(query_id).answered
    too_old = "Bad Request: query is too old and response timeout expired or query ID is invalid"
    assert bad(fake_bot_api, lambda bot: bot.answer_callback_query(query_id)) == too_old
    assert bad(fake_bot_api, lambda bot: bot.answer_callback_query("nonsense")) == too_old
    late = fake_bot_api.press_button(hana, sent.message_id, "r:1")
    fake_clock.advance(15.5)
    assert bad(fake_bot_api, lambda bot: bot.answer_callback_query(late)) == too_old


# -- supporters ------------------------------------------------------------------------------


def test_simulated_supporter_inputs_arrive_as_telegram_updates(
    fake_bot_api: Server, hana: SimUser
) -> None:
    fake_bot_api.send_command(hana, "/start", "src_flyer")
    typed = fake_bot_api.send_text(hana, "東京です")
    fake_bot_api.edit_message(hana, typed, "大阪です")
    fake_bot_api.send_sticker(hana)
    fake_bot_api.send_photo(hana, caption="me")
    fake_bot_api.send_voice(hana)
    fake_bot_api.send_document(hana)
    fake_bot_api.send_contact(hana)
    fake_bot_api.send_location(hana)
    fake_bot_api.forward_message(hana, "from a friend")
    updates = run(fake_bot_api, lambda bot: bot.get_updates())
    start = updates[0].message
    assert start is not None
    assert start.text == "/start src_flyer"
    assert start.parse_entities() == {start.entities[0]: "/start"}
    assert start.entities[0].type == "bot_command"
    assert updates[1].message is not None
    assert updates[1].message.text == "東京です"
    edited = updates[2].edited_message
    assert edited is not None
    assert (edited.message_id, edited.text) == (typed, "大阪です")
    media: list[Message | None] = [u.message for u in updates[3:9]]
    assert [bool(m and getattr(m, k)) for m, k in zip(media, _MEDIA, strict=True)] == [True] * 6
    forwarded = updates[9].message
    assert forwarded is not None
    assert forwarded.forward_origin is not None
    assert [u.update_id for u in updates] == list(
        range(updates[0].update_id, updates[0].update_id + 10)
    )


_MEDIA = ("sticker", "photo", "voice", "document", "contact", "location")


def test_blocked_supporter_gives_403_and_a_member_update(
    fake_bot_api: Server, hana: SimUser
) -> None:
    fake_bot_api.block_bot(hana)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        run(fake_bot_api, lambda bot: bot.send_message(hana.id, "hello?"))
    assert fake_bot_api.calls()[-1].error_code == 403
    [update] = run(fake_bot_api, lambda bot: bot.get_updates())
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"


def test_forwarding_and_copying_are_privacy_violations(
    fake_bot_api: Server, hana: SimUser
) -> None:
    staff = fake_bot_api.add_user("Staff")
    answer = fake_bot_api.send_text(hana, "my real name is ...")
    with pytest.raises(BadRequest, match="privacy violation"):
        run(fake_bot_api, lambda bot: bot.forward_message(staff.id, hana.id, answer))
    with pytest.raises(BadRequest, match="privacy violation"):
        run(fake_bot_api, lambda bot: bot.copy_message(staff.id, hana.id, answer))
    assert [c.method for c in fake_bot_api.privacy_violations] == ["forwardMessage", "copyMessage"]
    assert fake_bot_api.chat(staff) == []


def test_commands_and_descriptions_per_language(fake_bot_api: Server) -> None:
    async def body(bot: Bot) -> tuple[Any, ...]:
        await bot.set_my_commands([BotCommand("start", "はじめる")], language_code="ja")
        await bot.set_my_commands([BotCommand("start", "시작")], language_code="ko")
        await bot.set_my_description("説明", language_code="ja")
        await bot.set_my_short_description("短い", language_code="ja")
        return (
            await bot.get_my_commands(language_code="ko"),
            await bot.get_my_commands(),
            (await bot.get_my_description(language_code="ja")).description,
        )

    ko, default, description = run(fake_bot_api, body)
    assert [(c.command, c.description) for c in ko] == [("start", "시작")]
    assert (default, description) == ((), "説明")
    assert fake_bot_api.short_descriptions == {"ja": "短い"}
    wrong_code = bad(
        fake_bot_api, lambda bot: bot.set_my_description("x", language_code="zh-hans")
    )
    assert wrong_code == "Bad Request: invalid language code specified"
    wrong_name = bad(fake_bot_api, lambda bot: bot.set_my_commands([BotCommand("Start!", "x")]))
    assert wrong_name == "Bad Request: BOT_COMMAND_INVALID"


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # retry_after type
def test_injected_429_carries_retry_after_and_is_not_a_rejection(
    fake_bot_api: Server, hana: SimUser
) -> None:
    fake_bot_api.inject_error(
        "sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3
    )
    with pytest.raises(RetryAfter) as caught:
        run(fake_bot_api, lambda bot: bot.send_message(hana.id, "hi"))
    assert "3" in str(caught.value)
    last = fake_bot_api.calls()[-1]
    assert (last.error_code, last.injected) == (429, True)
    assert fake_bot_api.rejected_calls == []
    run(fake_bot_api, lambda bot: bot.send_message(hana.id, "hi"))  # only the next call fails


# -- files ---------------------------------------------------------------------------------------


def test_supporter_document_is_fetched_with_get_file_and_downloaded(
    fake_bot_api: Server, hana: SimUser
) -> None:
    content = b"%PDF-1.7\n" + bytes(range(256)) * 40
    fake_bot_api.send_document(hana, "私のパスポート", content=content, file_name="旅券.pdf")
    fake_bot_api.send_document(hana, content=b"another scan")
    first, second = (u.message for u in run(fake_bot_api, lambda bot: bot.get_updates()))
    assert first is not None
    assert second is not None
    assert first.document is not None
    assert second.document is not None
    document = first.document
    assert (document.file_name, document.mime_type, document.file_size) == (
        "旅券.pdf", "application/pdf", len(content),
    )  # fmt: skip
    assert first.caption == "私のパスポート"
    assert document.file_id != second.document.file_id
    assert document.file_unique_id != second.document.file_unique_id

    async def body(bot: Bot) -> tuple[Any, bytes]:
        file = await bot.get_file(document.file_id)
        return file, bytes(await file.download_as_bytearray())

    file, downloaded = run(fake_bot_api, body)
    assert downloaded == content
    assert (file.file_unique_id, file.file_size) == (document.file_unique_id, len(content))
    assert file.file_path.startswith(f"{fake_bot_api.base_file_url}{fake_bot_api.token}/")
    assert fake_bot_api.downloads() == [document.file_id]
    shown = fake_bot_api.chat(hana)[0]
    assert (shown.kind, shown.text, shown.file_name, shown.file_id) == (
        "document", "私のパスポート", "旅券.pdf", document.file_id,
    )  # fmt: skip
    assert shown.document == content
    assert fake_bot_api.rejected_calls == []


def test_get_file_refuses_unknown_ids_and_files_over_20_mib(
    fake_bot_api: Server, hana: SimUser
) -> None:
    fake_bot_api.send_document(hana, size=(20 << 20) + 1)  # declared only: no bytes held
    fake_bot_api.send_document(hana, size=20 << 20)
    fake_bot_api.send_document(hana)  # the content-less placeholder of older tests
    fake_bot_api.send_document(hana, content=b"stand-in", size=30 << 20)  # size overrides
    too_big, at_limit, placeholder, stand_in = (m.file_id or "" for m in fake_bot_api.chat(hana))
    [update] = run(fake_bot_api, lambda bot: bot.get_updates(offset=-1))
    assert update.message is not None
    assert update.message.document is not None
    assert update.message.document.file_size == 30 << 20
    assert bad(fake_bot_api, file_getter("AgADnonsense")) == "Bad Request: invalid file_id"
    assert bad(fake_bot_api, file_getter("")) == "Bad Request: file_id not specified"
    assert bad(fake_bot_api, file_getter(too_big)) == "Bad Request: file is too big"
    # Not too big (Telegram's check is "more than 20 MiB"), but there is nothing to serve.
    assert bad(fake_bot_api, file_getter(at_limit)).startswith("Bad Request: [fake] ")
    assert "content=" in bad(fake_bot_api, file_getter(placeholder))
    assert bad(fake_bot_api, file_getter(stand_in)) == "Bad Request: file is too big"
    assert [c.ok for c in fake_bot_api.calls("getFile")] == [False] * 6
    assert fake_bot_api.downloads() == []


def test_file_downloads_need_the_token_and_a_path_from_get_file(
    fake_bot_api: Server, hana: SimUser
) -> None:
    fake_bot_api.send_document(hana, content=b"abc", file_name="a.txt")
    file_id = fake_bot_api.chat(hana)[0].file_id or ""
    base = f"{fake_bot_api.base_file_url}{fake_bot_api.token}"
    file = run(fake_bot_api, file_getter(file_id))
    path = file.file_path.removeprefix(f"{base}/")
    wrong_token = httpx.get(f"{fake_bot_api.base_file_url}{fake_bot_api.bot_id}:AAwrong/{path}")
    never_issued = httpx.get(f"{base}/documents/file_999.txt")
    for answer in (wrong_token, never_issued):
        assert answer.status_code == 404
        assert answer.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    served = httpx.get(file.file_path)
    assert (served.status_code, served.content) == (200, b"abc")
    assert served.headers["content-type"] == "application/octet-stream"
    assert fake_bot_api.downloads() == [file_id]
    assert fake_bot_api.failed_downloads() == [path, "documents/file_999.txt"]


def test_send_document_keeps_the_bytes_caption_and_keyboard(
    fake_bot_api: Server, hana: SimUser
) -> None:
    content = "name,region\nHana,東京\n".encode()
    sent = run(
        fake_bot_api,
        document_sender(
            hana, content, filename="回答.csv", caption="<b>回答</b> 1件", parse_mode="HTML",
            protect_content=True, reply_markup=keyboard([("確認", "ok")]),
        ),
    )  # fmt: skip
    assert sent.document is not None
    assert (sent.document.file_name, sent.document.mime_type, sent.document.file_size) == (
        "回答.csv", "text/csv", len(content),
    )  # fmt: skip
    assert (sent.caption, [e.type for e in sent.caption_entities]) == ("回答 1件", ["bold"])
    assert sent.has_protected_content
    [shown] = fake_bot_api.chat(hana)
    assert (shown.from_bot, shown.kind, shown.document, shown.file_name) == (
        True, "document", content, "回答.csv",
    )  # fmt: skip
    assert (shown.text, shown.source_text, shown.parse_mode) == (
        "回答 1件", "<b>回答</b> 1件", "html",
    )  # fmt: skip
    assert shown.entities == [{"offset": 0, "length": 2, "type": "bold"}]
    latest = fake_bot_api.latest_keyboard(hana)
    assert latest is not None
    assert (latest.message_id, latest.keyboard) == (sent.message_id, [[("確認", "ok")]])

    fake_bot_api.press_button(hana, sent.message_id, text="確認")
    [update] = run(fake_bot_api, lambda bot: bot.get_updates())
    assert update.callback_query is not None
    pressed = update.callback_query.message
    assert isinstance(pressed, Message)
    assert pressed.caption == "回答 1件"
    assert pressed.document is not None
    assert pressed.document.file_id == sent.document.file_id

    not_text = bad(fake_bot_api, lambda bot: bot.edit_message_text("x", hana.id, sent.message_id))
    assert not_text == "Bad Request: there is no text in the message to edit"
    run(fake_bot_api, lambda bot: bot.edit_message_reply_markup(hana.id, sent.message_id))
    assert fake_bot_api.chat(hana)[0].keyboard == []
    file_id = sent.document.file_id
    assert run(fake_bot_api, lambda bot: _download(bot, file_id)) == content


def test_send_photo_takes_png_and_jpeg_and_refuses_other_bytes(
    fake_bot_api: Server, hana: SimUser
) -> None:
    image, header = png(3, 2), jpeg_header(640, 480)
    as_png = run(fake_bot_api, photo_sender(hana, image, caption="地図"))
    as_jpeg = run(fake_bot_api, photo_sender(hana, header))
    assert [(p.width, p.height, p.file_size) for p in as_png.photo] == [(3, 2, len(image))]
    assert (as_jpeg.photo[-1].width, as_jpeg.photo[-1].height) == (640, 480)
    assert as_png.caption == "地図"
    shown = fake_bot_api.chat(hana)
    assert [(m.kind, m.photo, m.text) for m in shown] == [
        ("photo", image, "地図"), ("photo", header, None),
    ]  # fmt: skip
    assert shown[0].file_id == as_png.photo[-1].file_id

    not_image = bad(fake_bot_api, photo_sender(hana, b"%PDF-1.7 a scan, not an image"))
    assert not_image == "Bad Request: IMAGE_PROCESS_FAILED"
    too_narrow = bad(fake_bot_api, photo_sender(hana, png(210, 10)))  # sides over 20:1
    assert too_narrow == "Bad Request: PHOTO_INVALID_DIMENSIONS"
    heavy = image + bytes(10 << 20)
    too_big = bad(fake_bot_api, photo_sender(hana, heavy))
    assert too_big == (
        f"Bad Request: file of size {len(heavy)} bytes is too big for a photo; "
        "the maximum size is 10485760 bytes"
    )
    empty = bad(fake_bot_api, document_sender(hana, b"", filename="empty.pdf"))
    assert empty == "Bad Request: file must be non-empty"
    assert len(fake_bot_api.chat(hana)) == 2


def test_caption_limit_is_1024_utf16_units_after_html(fake_bot_api: Server, hana: SimUser) -> None:
    for caption in ("字" * 1024, "<b>" + "a" * 1024 + "</b>", "😀" * 512):
        run(fake_bot_api, document_sender(hana, b"x", caption=caption, parse_mode="HTML"))
    for caption in ("字" * 1025, "😀" * 513):
        description = bad(fake_bot_api, photo_sender(hana, png(1, 1), caption=caption))
        assert description == "Bad Request: message caption is too long"
    broken = bad(fake_bot_api, document_sender(hana, b"x", caption="<b>x", parse_mode="HTML"))
    assert broken.startswith("Bad Request: can't parse entities: Can't find end tag")
    blank = run(fake_bot_api, document_sender(hana, b"x", caption="<b> </b>", parse_mode="HTML"))
    assert blank.caption is None  # a blank caption is no caption, not an error
    assert len(fake_bot_api.chat(hana)) == 4


def test_files_by_attach_name_by_file_id_or_missing(fake_bot_api: Server, hana: SimUser) -> None:
    base = f"{fake_bot_api.base_url}{fake_bot_api.token}"
    chat = {"chat_id": str(hana.id)}
    scan = {"scan": ("scan.pdf", b"%PDF-1.7", "application/pdf")}
    # PTB names an upload part after its parameter; attach://<part> is the other way in.
    attached = httpx.post(
        f"{base}/sendDocument", data={**chat, "document": "attach://scan"}, files=scan
    )
    assert attached.status_code == 200
    document = attached.json()["result"]["document"]
    assert (document["file_name"], document["file_size"]) == ("scan.pdf", 8)
    dangling = httpx.post(
        f"{base}/sendDocument", data={**chat, "document": "attach://other"}, files=scan
    ).json()
    assert dangling["description"] == "Bad Request: there is no document in the request"
    nothing = httpx.post(f"{base}/sendPhoto", data=chat).json()
    assert nothing["description"] == "Bad Request: there is no photo in the request"

    again = run(fake_bot_api, document_sender(hana, document["file_id"]))
    assert again.document is not None
    assert again.document.file_id == document["file_id"]
    assert fake_bot_api.chat(hana)[-1].document == b"%PDF-1.7"
    as_photo = bad(fake_bot_api, photo_sender(hana, document["file_id"]))
    assert as_photo.startswith("Bad Request: [fake] ")
    # PTB itself uses attach:// for a thumbnail: the part is "attached<hex>".
    thumbed = run(
        fake_bot_api, document_sender(hana, b"%PDF", filename="t.pdf", thumbnail=png(1, 1))
    )
    assert thumbed.document is not None
    thumbnail = fake_bot_api.calls("sendDocument")[-1].params["thumbnail"]
    assert str(thumbnail).startswith("attach://attached")


def test_uploads_over_50_mb_get_413(fake_bot_api: Server, hana: SimUser) -> None:
    with pytest.raises(NetworkError, match="Request Entity Too Large"):
        run(fake_bot_api, document_sender(hana, bytes(50_000_001), filename="huge.bin"))
    last = fake_bot_api.calls()[-1]
    assert (last.method, last.error_code) == ("sendDocument", 413)
    assert fake_bot_api.chat(hana) == []


# -- getUpdates --------------------------------------------------------------------------------


def test_offsets_confirm_updates_and_limit_caps(fake_bot_api: Server, hana: SimUser) -> None:
    for text in ("1", "2", "3"):
        fake_bot_api.send_text(hana, text)

    async def body(bot: Bot) -> list[list[str]]:
        first = await bot.get_updates(limit=2)
        again = await bot.get_updates(limit=2)  # not confirmed: the same two
        rest = await bot.get_updates(offset=first[-1].update_id + 1)
        after = await bot.get_updates(offset=rest[-1].update_id + 1)
        return [
            [u.message.text for u in batch if u.message and u.message.text]
            for batch in (first, again, rest, after)
        ]

    assert run(fake_bot_api, body) == [["1", "2"], ["1", "2"], ["3"], []]
    assert fake_bot_api.pending_update_count == 0


def test_long_poll_returns_as_soon_as_an_update_arrives(
    fake_bot_api: Server, hana: SimUser
) -> None:
    async def body(bot: Bot) -> tuple[float, tuple[Update, ...]]:
        started = time.monotonic()
        poll = asyncio.create_task(bot.get_updates(timeout=10, read_timeout=15))
        await asyncio.to_thread(fake_bot_api.wait_until, lambda: fake_bot_api.polls_waiting == 1)
        fake_bot_api.send_text(hana, "now")
        updates = await poll
        return time.monotonic() - started, updates

    elapsed, updates = run(fake_bot_api, body)
    assert elapsed < 5
    assert [u.message.text for u in updates if u.message] == ["now"]


def test_second_poller_and_webhook_conflict(fake_bot_api: Server) -> None:
    async def body(bot: Bot) -> None:
        first = asyncio.create_task(bot.get_updates(timeout=10, read_timeout=15))
        await asyncio.to_thread(fake_bot_api.wait_until, lambda: fake_bot_api.polls_waiting == 1)
        # A second bot process polls (its own connection; PTB's pool for getUpdates holds one).
        url = f"{fake_bot_api.base_url}{fake_bot_api.token}/getUpdates"
        async with httpx.AsyncClient() as other:
            assert (await other.post(url, data={"timeout": "0"})).status_code == 200
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await first

    run(fake_bot_api, body)
    run(fake_bot_api, lambda bot: bot.set_webhook("http://127.0.0.1:9/hook"))
    with pytest.raises(Conflict, match="can't use getUpdates method while webhook is active"):
        run(fake_bot_api, lambda bot: bot.get_updates())
    assert fake_bot_api.calls()[-1].error_code == 409


# -- webhook -------------------------------------------------------------------------------------


class Receiver:
    """A local webhook endpoint that records what arrives and fails the first ``fail`` POSTs."""

    def __init__(self, fail: int = 0) -> None:
        self.fail = fail
        self.received: list[tuple[str | None, dict[str, Any]]] = []
        self.changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with receiver.changed:
                    receiver.received.append(
                        (self.headers.get("X-Telegram-Bot-Api-Secret-Token"), body)
                    )
                    status = 500 if receiver.fail > 0 else 200
                    receiver.fail -= 1
                    receiver.changed.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/telegram"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    endpoint = Receiver(fail=2)
    yield endpoint
    endpoint.close()


def test_webhook_delivery_with_secret_and_retries(
    fake_bot_api: Server, hana: SimUser, receiver: Receiver
) -> None:
    fake_bot_api.send_text(hana, "queued before the webhook")
    assert run(fake_bot_api, lambda bot: bot.set_webhook(receiver.url, secret_token="s3cret_-X"))
    fake_bot_api.send_text(hana, "after")
    fake_bot_api.wait_until(lambda: fake_bot_api.pending_update_count == 0)
    secrets = {secret for secret, _ in receiver.received}
    texts = [body["message"]["text"] for _, body in receiver.received]
    assert secrets == {"s3cret_-X"}
    # Two 500s for the first update, then in order: one chat's updates never overtake.
    assert texts == ["queued before the webhook"] * 3 + ["after"]
    attempts = [(d.attempt, d.status) for d in fake_bot_api.webhook_deliveries]
    assert attempts == [(1, 500), (2, 500), (3, 200), (1, 200)]
    info = run(fake_bot_api, lambda bot: bot.get_webhook_info())
    assert (info.url, info.pending_update_count) == (receiver.url, 0)
    assert info.last_error_message == "Wrong response from the webhook: 500"


def test_webhook_gives_up_after_max_attempts(fake_clock: FakeClock) -> None:
    endpoint = Receiver(fail=100)
    try:
        with FakeBotApi(
            clock=fake_clock, webhook_max_attempts=3, webhook_retry_delay=0.01
        ) as server:
            user = server.add_user()
            run(server, lambda bot: bot.set_webhook(endpoint.url))
            server.send_text(user, "x")
            server.wait_until(lambda: server.webhook_dropped != [])
            assert [d.status for d in server.webhook_deliveries] == [500, 500, 500]
            assert server.pending_update_count == 0
    finally:
        endpoint.close()


def test_webhook_settings_are_checked(fake_bot_api: Server, hana: SimUser) -> None:
    bad_secret = bad(
        fake_bot_api, lambda bot: bot.set_webhook("http://127.0.0.1:9/h", secret_token="a b")
    )
    assert bad_secret == "Bad Request: secret token contains unallowed characters"
    remote = bad(fake_bot_api, lambda bot: bot.set_webhook("https://example.org/hook"))
    assert remote.startswith("Bad Request: [fake] bad webhook")
    fake_bot_api.send_text(hana, "dropped")
    run(
        fake_bot_api,
        lambda bot: bot.set_webhook("http://127.0.0.1:9/h", drop_pending_updates=True),
    )
    assert fake_bot_api.pending_update_count == 0
    fake_bot_api.send_text(hana, "kept for polling")
    run(fake_bot_api, lambda bot: bot.delete_webhook())
    assert fake_bot_api.pending_update_count == 1


# -- end to end: a PTB Application polling the fake ---------------------------------------------


def test_application_polls_echoes_and_answers_buttons(fake_bot_api: Server, hana: SimUser) -> None:
    async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        assert update.message.text is not None
        await update.message.reply_text(
            f"<i>{html.escape(update.message.text)}</i>",
            parse_mode="HTML",
            protect_content=True,
            reply_markup=keyboard([("もう一度", "again")]),
        )

    async def pressed(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_reply_markup(None)

    async def main() -> None:
        app = (
            ApplicationBuilder().token(fake_bot_api.token).base_url(fake_bot_api.base_url).build()
        )
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
        app.add_handler(CallbackQueryHandler(pressed))
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=1)
            fake_bot_api.send_text(hana, "a < b & c")
            await asyncio.to_thread(fake_bot_api.wait_for_calls, "sendMessage")
            question = fake_bot_api.bot_messages(hana)[-1]
            fake_bot_api.press_button(hana, question.message_id, "again")
            await asyncio.to_thread(fake_bot_api.wait_for_calls, "editMessageReplyMarkup")
            await app.updater.stop()
            await app.stop()

    asyncio.run(main())
    [typed, reply] = fake_bot_api.chat(hana)
    assert (typed.from_bot, reply.from_bot, reply.text, reply.keyboard) == (
        False,
        True,
        "a < b & c",
        [],
    )
    assert reply.protect_content
    assert [c.method for c in fake_bot_api.calls() if c.method != "getUpdates"] == [
        "getMe", "deleteWebhook", "sendMessage", "answerCallbackQuery", "editMessageReplyMarkup",
    ]  # fmt: skip
    assert fake_bot_api.rejected_calls == []
    assert fake_bot_api.privacy_violations == []
