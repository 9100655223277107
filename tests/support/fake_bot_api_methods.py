"""Bot API method handlers of the fake server, each as strict as Telegram.

A handler takes the decoded parameters (strings from form bodies, typed values from JSON bodies)
and returns the ``result`` or raises ``ApiError``. ``dispatch`` looks a method up case-
insensitively, as the Bot API does, and runs it under the state lock.
"""

from __future__ import annotations

import json
import mimetypes
import re
import struct
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from tests.support import fake_bot_api_errors as err
from tests.support.fake_bot_api_core import Core
from tests.support.fake_bot_api_errors import ApiError, bad_request, fake_rule
from tests.support.fake_bot_api_html import HtmlError, parse_html, utf16_len
from tests.support.fake_bot_api_state import (
    JsonDict,
    StoredFile,
    StoredMessage,
    Upload,
    WebhookConfig,
)

# Limits (https://core.telegram.org/bots/api; PTB's telegram.constants mirrors them).
MAX_TEXT = 4096  # counted here in UTF-16 units, stricter than tdlib (see the module README)
MAX_RAW_TEXT_BYTES = 1 << 15  # Client.cpp get_formatted_text (text and caption alike)
# tdlib counts a caption in code points after parsing (MessageContent.cpp); UTF-16 units here,
# as for texts, so an emoji-heavy caption that Telegram's own servers might refuse fails here.
MAX_CAPTION = 1024
MAX_DOWNLOAD_BYTES = 20 << 20  # Client.h MAX_DOWNLOAD_FILE_SIZE; getFile refuses larger files
MAX_PHOTO_BYTES = 10 << 20  # td FileLoaderUtils.cpp MAX_PHOTO_SIZE
# "Bots can currently send files of any type of up to 50 MB": the cut-off sits in front of
# api.telegram.org, not in open-source code; PTB's 50e6 is the smaller reading, so it is used.
MAX_UPLOAD_BYTES = 50_000_000
MAX_PHOTO_SIDES = 10_000  # td_api inputMessagePhoto: width + height at most 10000
MAX_PHOTO_RATIO = 20  # and the longer side at most 20 times the shorter
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100
MAX_BUTTONS_PER_ROW = 8  # PTB: "undocumented and might be changed by Telegram"
MAX_DELETE_IDS = 100
CALLBACK_ANSWER_WINDOW = 15.0  # seconds; later answers get QUERY_ID_INVALID
MAX_CALLBACK_ANSWER_TEXT = 200
DELETE_WINDOW = 48 * 3600
MAX_COMMANDS = 100
MAX_DESCRIPTION = 512
MAX_SHORT_DESCRIPTION = 120
MAX_NAME = 64  # Bot API: setMyName, 0-64 characters
MAX_SECRET_TOKEN = 256
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_SECRET = re.compile(r"[A-Za-z0-9_-]*")
_LANGUAGE = re.compile(r"(|[a-z]{2})")  # tdlib validate_bot_language_code: two letters or empty
FORWARDING_METHODS = frozenset(
    {"forwardmessage", "forwardmessages", "copymessage", "copymessages"}
)
ATTACH = "attach://"
_LEGACY_FILE_ID = re.compile(r"fake-[a-z0-9]+-file-id")  # what content-less user media carry
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# JPEG start-of-frame markers carry the size; C4 (DHT), C8 (JPG), CC (DAC) share the range.
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}

Handler = Callable[["Methods", JsonDict], Any]


def _json_arg(params: JsonDict, name: str) -> Any:
    """Form bodies carry objects as JSON strings; JSON bodies may carry either."""
    value = params.get(name)
    if isinstance(value, str):
        if value == "":
            return None
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise bad_request(f"can't parse {name} JSON object") from None
    return value


def _bool_arg(params: JsonDict, name: str) -> bool:
    value = params.get(name)
    if isinstance(value, str):
        return value.lower() in {"true", "1"}
    return bool(value)


def _str_arg(params: JsonDict, name: str) -> str:
    value = params.get(name)
    return "" if value is None else str(value)


class Methods(Core):
    HANDLERS: dict[str, Handler] = {}  # noqa: RUF012 - filled below, read-only afterwards

    def dispatch(self, method: str, params: JsonDict) -> Any:
        handler = self.HANDLERS.get(method.lower())
        if handler is None:
            raise ApiError(404, err.METHOD_NOT_FOUND)
        if method.lower() == "getupdates":
            return handler(self, params)  # waits on the condition itself
        with self._cond:
            return handler(self, params)

    # -- text, markup ----------------------------------------------------------------------

    def parse_text(self, params: JsonDict) -> tuple[str, list[JsonDict], str | None]:
        if _str_arg(params, "text") == "":
            raise bad_request(err.MESSAGE_TEXT_EMPTY)
        text, entities, mode = self._formatted(params, "text", "entities")
        if not text.strip():
            raise bad_request(err.TEXT_MUST_BE_NON_EMPTY)
        if utf16_len(text) > MAX_TEXT:
            raise bad_request(err.MESSAGE_TOO_LONG)
        return text, entities, mode

    def parse_caption(self, params: JsonDict) -> tuple[str | None, list[JsonDict], str | None]:
        """A media caption: optional, so empty or blank means none (td trims it away)."""
        if _str_arg(params, "caption") == "":
            return None, [], None  # Client.cpp parses nothing, not even parse_mode
        text, entities, mode = self._formatted(params, "caption", "caption_entities")
        if not text.strip():
            return None, [], mode
        return text, entities, mode

    def _formatted(
        self, params: JsonDict, field: str, entities_field: str
    ) -> tuple[str, list[JsonDict], str | None]:
        """Client.cpp get_formatted_text: the raw length, then parse_mode or given entities."""
        source = _str_arg(params, field)
        if len(source.encode("utf-8")) > MAX_RAW_TEXT_BYTES:
            raise bad_request(err.TEXT_TOO_LONG)
        mode = _str_arg(params, "parse_mode").lower() or None
        if mode in (None, "none"):
            text, entities = source, _json_arg(params, entities_field) or []
        elif mode == "html":
            try:
                parsed = parse_html(source, strict_ampersand=self.strict_ampersand)
            except HtmlError as exc:
                raise err.cant_parse_entities(str(exc)) from None
            text, entities = parsed.text, parsed.entities
        elif mode in ("markdown", "markdownv2"):
            raise fake_rule(f"parse_mode {mode} is not implemented by the fake server; use HTML")
        else:
            raise bad_request(err.UNSUPPORTED_PARSE_MODE)
        return text, entities, mode

    def parse_markup(self, params: JsonDict) -> JsonDict | None:
        markup = _json_arg(params, "reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("object expected as reply markup")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return markup  # reply keyboards and removals: stored, not checked further
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request(
                'Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        for row in rows:
            if len(row) > MAX_BUTTONS_PER_ROW:
                # Telegram is reported to hide the extra buttons rather than fail.
                raise fake_rule(f"more than {MAX_BUTTONS_PER_ROW} buttons in one inline row")
            for button in row:
                _check_button(button)
        if sum(len(row) for row in rows) > MAX_INLINE_BUTTONS:
            raise bad_request(err.REPLY_MARKUP_TOO_LONG)
        return markup

    # -- methods ---------------------------------------------------------------------------

    def get_me(self, _params: JsonDict) -> JsonDict:
        return self.bot_user

    def log_out(self, _params: JsonDict) -> bool:
        return True

    def send_message(self, params: JsonDict) -> JsonDict:
        user = self.private_chat(params)
        text, entities, mode = self.parse_text(params)
        markup = self.parse_markup(params)
        self.check_not_blocked(user)
        message = self.add_message(
            user.id,
            from_bot=True,
            kind="text",
            text=text,
            entities=entities,
            reply_markup=markup,
            protect_content=_bool_arg(params, "protect_content"),
            parse_mode=mode,
            source_text=_str_arg(params, "text"),
        )
        return self.message_json(message)

    # -- files (named after Client.cpp's process_*_query: FakeBotApi.send_document is the
    # supporter's side) ---------------------------------------------------------------------

    def send_document_query(self, params: JsonDict) -> JsonDict:
        given = self._input_file(params, "document")
        caption, entities, mode = self.parse_caption(params)
        markup = self.parse_markup(params)
        user = self.private_chat(params)
        if isinstance(given, Upload):
            _check_upload(given)
        _check_caption(caption)
        self.check_not_blocked(user)
        stored = given if isinstance(given, StoredFile) else self._store_document(given)
        message = self._add_media(
            user.id, "document", params, caption, entities, mode, markup,
            extra={"document": self.file_json(stored)}, document=stored.content,
            file_name=stored.meta.get("file_name"),
        )  # fmt: skip
        return self.message_json(message)

    def send_photo_query(self, params: JsonDict) -> JsonDict:
        given = self._input_file(params, "photo")
        caption, entities, mode = self.parse_caption(params)
        markup = self.parse_markup(params)
        user = self.private_chat(params)
        if isinstance(given, Upload):
            _check_upload(given)
            if given.size > MAX_PHOTO_BYTES:  # td refuses it locally, before the image is read
                raise err.photo_too_big(given.size, MAX_PHOTO_BYTES)
        _check_caption(caption)
        self.check_not_blocked(user)
        stored = given if isinstance(given, StoredFile) else self._store_photo(given)
        extra: JsonDict = {"photo": [self.file_json(stored)]}
        if _bool_arg(params, "has_spoiler"):
            extra["has_media_spoiler"] = True
        message = self._add_media(
            user.id, "photo", params, caption, entities, mode, markup,
            extra=extra, photo=stored.content,
        )  # fmt: skip
        return self.message_json(message)

    def get_file(self, params: JsonDict) -> JsonDict:
        file_id = _str_arg(params, "file_id")
        if file_id == "":
            raise bad_request(err.FILE_ID_NOT_SPECIFIED)
        stored = self._files.get(file_id)
        if stored is None:
            if _LEGACY_FILE_ID.fullmatch(file_id):
                raise fake_rule(
                    f"{file_id} was sent without content; give the test's send_document content="
                )
            raise bad_request(err.INVALID_FILE_ID)
        if stored.size > MAX_DOWNLOAD_BYTES:
            raise bad_request(err.FILE_TOO_BIG)
        if stored.content is None:
            raise fake_rule(f"{file_id} has a declared size but no content to download")
        return {**self.file_json(stored), "file_path": self.issue_path(stored)}

    def _input_file(self, params: JsonDict, field: str) -> Upload | StoredFile:
        """Client.cpp get_input_file: an upload under ``field``, ``attach://<part>``, or a
        file_id; anything else is "there is no <field> in the request"."""
        value = params.get(field)
        if isinstance(value, Upload):
            return value
        if isinstance(value, str) and value.startswith(ATTACH):
            part = params.get(value[len(ATTACH) :])
            if isinstance(part, Upload):
                return part
            raise err.no_file_in_request(field)
        if value is None or value == "":
            raise err.no_file_in_request(field)
        file_id = str(value)
        if file_id.startswith(("http://", "https://")):
            raise fake_rule("sending a file by URL is not supported by the fake server")
        stored = self._files.get(file_id)
        if stored is None or stored.kind != field:
            # Telegram's answer depends on how a real file_id fails to decode; these are fake.
            raise fake_rule(f"{file_id!r} is no {field} file_id this server issued")
        return stored

    def _store_document(self, upload: Upload) -> StoredFile:
        name = PurePosixPath(upload.filename).name or "document"
        # td takes the MIME type from the file name, not from the part's Content-Type.
        mime = mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"
        meta = {"file_name": name, "mime_type": mime}
        suffix = PurePosixPath(name).suffix
        return self.new_file(
            "document", content=upload.data, size=upload.size, extension=suffix, meta=meta
        )

    def _store_photo(self, upload: Upload) -> StoredFile:
        size = _image_size(upload.data)
        if size is None:
            raise bad_request(err.IMAGE_PROCESS_FAILED)
        width, height = size
        if width + height > MAX_PHOTO_SIDES or max(size) > MAX_PHOTO_RATIO * min(size):
            raise bad_request(err.PHOTO_INVALID_DIMENSIONS)
        # Telegram re-encodes a photo as JPEG in several sizes; the fake keeps the upload as
        # the one size it reports, so a download returns exactly what the bot sent.
        meta = {"width": width, "height": height}
        return self.new_file(
            "photo", content=upload.data, size=upload.size, extension=".jpg", meta=meta
        )

    def _add_media(
        self,
        chat_id: int,
        kind: str,
        params: JsonDict,
        caption: str | None,
        entities: list[JsonDict],
        mode: str | None,
        markup: JsonDict | None,
        **fields: Any,
    ) -> StoredMessage:
        if _bool_arg(params, "show_caption_above_media"):
            fields["extra"]["show_caption_above_media"] = True
        return self.add_message(
            chat_id,
            from_bot=True,
            kind=kind,
            text=caption,
            entities=entities,
            reply_markup=markup,
            protect_content=_bool_arg(params, "protect_content"),
            parse_mode=mode,
            source_text=_str_arg(params, "caption") if caption is not None else None,
            **fields,
        )

    def send_chat_action(self, params: JsonDict) -> bool:
        self.check_not_blocked(self.private_chat(params))
        return True

    def _message_to_edit(self, params: JsonDict) -> StoredMessage:
        if params.get("inline_message_id"):
            raise fake_rule("inline messages are not supported by the fake server")
        user = self.private_chat(params)
        message = self.find_message(user.id, params.get("message_id"))
        if message is None:
            raise bad_request(err.MESSAGE_TO_EDIT_NOT_FOUND)
        if not message.from_bot:
            raise bad_request(err.MESSAGE_CANT_BE_EDITED)
        self.check_not_blocked(user)
        return message

    def edit_message_text(self, params: JsonDict) -> JsonDict:
        message = self._message_to_edit(params)
        text, entities, mode = self.parse_text(params)
        markup = self.parse_markup(params)
        if message.kind != "text":  # a caption is edited with editMessageCaption
            raise bad_request(err.MESSAGE_HAS_NO_TEXT)
        # Telegram compares the parsed text, its entities and the keyboard; an omitted
        # reply_markup removes the inline keyboard.
        if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
            raise bad_request(err.MESSAGE_NOT_MODIFIED)
        message.text, message.entities, message.reply_markup = text, entities, markup
        message.parse_mode, message.source_text = mode, _str_arg(params, "text")
        message.edit_date = self.now()
        return self.message_json(message)

    def edit_message_reply_markup(self, params: JsonDict) -> JsonDict:
        message = self._message_to_edit(params)
        markup = self.parse_markup(params)
        if markup == message.reply_markup:
            raise bad_request(err.MESSAGE_NOT_MODIFIED)
        message.reply_markup = markup
        message.edit_date = self.now()
        return self.message_json(message)

    def _deletable(self, chat_id: int, message_id: Any) -> StoredMessage | None:
        message = self.find_message(chat_id, message_id)
        if message is not None and self.now() - message.date > DELETE_WINDOW:
            raise bad_request(err.MESSAGE_CANT_BE_DELETED)
        return message

    def delete_message(self, params: JsonDict) -> bool:
        user = self.private_chat(params)
        message = self._deletable(user.id, params.get("message_id"))
        if message is None:
            raise bad_request(err.MESSAGE_TO_DELETE_NOT_FOUND)
        del self._messages[user.id][message.message_id]
        return True

    def delete_messages(self, params: JsonDict) -> bool:
        user = self.private_chat(params)
        ids = _json_arg(params, "message_ids")
        if ids is None:
            raise bad_request(err.MESSAGE_IDS_NOT_SPECIFIED)
        if not isinstance(ids, list):
            raise bad_request(err.EXPECTED_MESSAGE_ID_ARRAY)
        if len(ids) > MAX_DELETE_IDS:
            raise bad_request(err.TOO_MANY_MESSAGE_IDS)
        if not ids:
            raise bad_request(err.MESSAGE_IDS_NOT_SPECIFIED)
        found = [m for m in (self._deletable(user.id, i) for i in ids) if m is not None]
        for message in found:  # missing ids are skipped, as documented
            del self._messages[user.id][message.message_id]
        return True

    def answer_callback_query(self, params: JsonDict) -> bool:
        query = self._callbacks.get(_str_arg(params, "callback_query_id"))
        if (
            query is None
            or query.answered
            or self.clock() - query.created_at > CALLBACK_ANSWER_WINDOW
        ):
            raise bad_request(err.QUERY_INVALID)
        text = _str_arg(params, "text")
        if len(text) > MAX_CALLBACK_ANSWER_TEXT:
            raise fake_rule(f"callback answer text over {MAX_CALLBACK_ANSWER_TEXT} characters")
        query.answered = True
        query.answer = {"text": text or None, "show_alert": _bool_arg(params, "show_alert")}
        return True

    def set_my_commands(self, params: JsonDict) -> bool:
        commands = _json_arg(params, "commands")
        if not isinstance(commands, list) or len(commands) > MAX_COMMANDS:
            raise bad_request(err.BOT_COMMAND_INVALID)
        for command in commands:
            name = str(command.get("command", "")) if isinstance(command, dict) else ""
            description = str(command.get("description", "")) if isinstance(command, dict) else ""
            if not _COMMAND.fullmatch(name) or not 1 <= len(description) <= 256:
                raise bad_request(err.BOT_COMMAND_INVALID)
        self.commands[self._scope_key(params)] = commands
        return True

    def get_my_commands(self, params: JsonDict) -> list[JsonDict]:
        return self.commands.get(self._scope_key(params), [])

    def delete_my_commands(self, params: JsonDict) -> bool:
        self.commands.pop(self._scope_key(params), None)
        return True

    def _scope_key(self, params: JsonDict) -> tuple[str, str]:
        scope = _json_arg(params, "scope") or {"type": "default"}
        return (json.dumps(scope, sort_keys=True), self._language(params))

    def _language(self, params: JsonDict) -> str:
        code = _str_arg(params, "language_code")
        if not _LANGUAGE.fullmatch(code):
            raise bad_request(err.INVALID_LANGUAGE_CODE)
        return code

    def _set_text(self, params: JsonDict, name: str, limit: int, store: dict[str, str]) -> bool:
        language = self._language(params)
        value = _str_arg(params, name)
        if len(value) > limit:
            raise fake_rule(f"{name} over {limit} characters")
        store[language] = value
        return True

    def set_my_description(self, params: JsonDict) -> bool:
        return self._set_text(params, "description", MAX_DESCRIPTION, self.descriptions)

    def get_my_description(self, params: JsonDict) -> JsonDict:
        return {"description": self.descriptions.get(self._language(params), "")}

    def set_my_name(self, params: JsonDict) -> bool:
        return self._set_text(params, "name", MAX_NAME, self.names)

    def get_my_name(self, params: JsonDict) -> JsonDict:
        return {"name": self.names.get(self._language(params), "")}

    def set_my_short_description(self, params: JsonDict) -> bool:
        limit = MAX_SHORT_DESCRIPTION
        return self._set_text(params, "short_description", limit, self.short_descriptions)

    def get_my_short_description(self, params: JsonDict) -> JsonDict:
        return {"short_description": self.short_descriptions.get(self._language(params), "")}

    def set_webhook(self, params: JsonDict) -> bool:
        url = _str_arg(params, "url")
        if not url:
            return self.delete_webhook(params)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise bad_request(err.INVALID_WEBHOOK_URL)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            # Keeps every test offline; Telegram itself wants HTTPS on 443, 80, 88 or 8443.
            raise fake_rule("bad webhook: only loopback webhook URLs are allowed in tests")
        secret = _str_arg(params, "secret_token")
        if len(secret) > MAX_SECRET_TOKEN:
            raise bad_request(err.SECRET_TOKEN_TOO_LONG)
        if not _SECRET.fullmatch(secret):
            raise bad_request(err.SECRET_TOKEN_BAD_CHARS)
        max_connections = int(params.get("max_connections") or 40)
        if _bool_arg(params, "drop_pending_updates"):
            self._pending.clear()
        self._webhook = WebhookConfig(
            url, secret or None, min(max(max_connections, 1), 100),
            _json_arg(params, "allowed_updates"),
        )  # fmt: skip
        self._poll_generation += 1  # an active long poll ends with 409
        self._cond.notify_all()
        return True

    def delete_webhook(self, params: JsonDict) -> bool:
        if _bool_arg(params, "drop_pending_updates"):
            self._pending.clear()
        self._webhook = None
        self._cond.notify_all()
        return True

    def get_webhook_info(self, _params: JsonDict) -> JsonDict:
        hook = self._webhook
        info: JsonDict = {
            "url": hook.url if hook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if hook.allowed_updates:
                info["allowed_updates"] = hook.allowed_updates
            if hook.last_error_date is not None:
                info["last_error_date"] = hook.last_error_date
                info["last_error_message"] = hook.last_error_message
        return info

    def forwarding(self, _params: JsonDict) -> Any:
        # Recorded as a privacy violation by the HTTP layer; also refused so the bot fails loudly.
        raise fake_rule("forwarding or copying messages is a privacy violation in this project")


def _check_upload(upload: Upload) -> None:
    if upload.size == 0:  # td's check_full_local_location
        raise bad_request(err.FILE_EMPTY)


def _check_caption(caption: str | None) -> None:
    # After the file checks, as in td's get_input_message_content.
    if caption is not None and utf16_len(caption) > MAX_CAPTION:
        raise bad_request(err.CAPTION_TOO_LONG)


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG, read from its header; None if it is neither."""
    if data.startswith(_PNG) and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if not data.startswith(_JPEG):
        return None
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker in _JPEG_SOF and pos + 9 <= len(data):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return (width, height) if width and height else None
        if marker in (0xD9, 0xDA):  # end of image, or scan data before any frame header
            return None
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return None


def _check_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request("can't parse inline keyboard button: Object expected")
    if not str(button.get("text", "")):
        raise bad_request(err.INLINE_BUTTON_TEXT_EMPTY)
    if button.get("url"):
        return
    data = button.get("callback_data")
    if data is None or data == "":
        if any(key in button for key in ("callback_game", "copy_text", "web_app", "pay")):
            return
        raise bad_request(err.TEXT_BUTTONS_UNALLOWED)
    if len(str(data).encode("utf-8")) > MAX_CALLBACK_DATA_BYTES:
        raise bad_request(err.BUTTON_DATA_INVALID)


Methods.HANDLERS.update(
    {
        "getme": Methods.get_me,
        "logout": Methods.log_out,
        "close": Methods.log_out,
        "getupdates": Methods.get_updates,
        "setwebhook": Methods.set_webhook,
        "deletewebhook": Methods.delete_webhook,
        "getwebhookinfo": Methods.get_webhook_info,
        "sendmessage": Methods.send_message,
        "sendchataction": Methods.send_chat_action,
        "senddocument": Methods.send_document_query,
        "sendphoto": Methods.send_photo_query,
        "getfile": Methods.get_file,
        "editmessagetext": Methods.edit_message_text,
        "editmessagereplymarkup": Methods.edit_message_reply_markup,
        "deletemessage": Methods.delete_message,
        "deletemessages": Methods.delete_messages,
        "answercallbackquery": Methods.answer_callback_query,
        "setmycommands": Methods.set_my_commands,
        "getmycommands": Methods.get_my_commands,
        "deletemycommands": Methods.delete_my_commands,
        "setmydescription": Methods.set_my_description,
        "getmydescription": Methods.get_my_description,
        "setmyshortdescription": Methods.set_my_short_description,
        "getmyshortdescription": Methods.get_my_short_description,
        "setmyname": Methods.set_my_name,
        "getmyname": Methods.get_my_name,
        **dict.fromkeys(FORWARDING_METHODS, Methods.forwarding),
    }
)
