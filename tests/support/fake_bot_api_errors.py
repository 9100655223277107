"""The fake Bot API's error type and the exact descriptions it answers with.

Sources, so a reader can check each text (cited by repository and path):

- ``tdlib/telegram-bot-api:telegram-bot-api/Client.cpp`` (the open-source Bot API server):
  ``fail_query_with_error`` prefixes "Bad Request: " / "Forbidden: " and lower-cases the first
  letter of a td error unless it is an UPPER_CASE code; it maps MESSAGE_NOT_MODIFIED,
  REPLY_MARKUP_TOO_LONG, USER_IS_BLOCKED and QUERY_ID_INVALID to the texts below;
  ``check_message`` builds "<message type> not found"; ``get_message_ids`` and
  ``do_set_webhook`` hold the deleteMessages and setWebhook texts.
- ``tdlib/telegram-bot-api:telegram-bot-api/ClientManager.cpp``: malformed tokens.
- Files: ``Client.cpp`` ``check_remote_file_id`` ("invalid file_id"), ``do_get_file`` ("file is
  too big" over ``MAX_DOWNLOAD_FILE_SIZE`` in ``Client.h``), ``process_send_document_query``
  ("There is no document in the request"); ``tdlib/td:td/telegram/MessageContent.cpp`` ("Message
  caption is too long"), ``td/telegram/MessagesManager.cpp`` ("There is no text in the message
  to edit"), ``td/telegram/files/FileLoaderUtils.cpp`` (empty files, photos over 10 MB).
- ``IMAGE_PROCESS_FAILED`` and ``PHOTO_INVALID_DIMENSIONS`` are Telegram server codes passed
  through unchanged; the 413 for uploads over 50 MB comes from api.telegram.org's front end, not
  the open-source server (quoted in tdlib/telegram-bot-api#720, telegraf/telegraf#913).
- ``tdlib/td:td/telegram/MessageEntity.cpp`` (``parse_html``) and
  ``td/telegram/SynchronousRequests.cpp`` ("Can't parse entities: " prefix).
- ``BUTTON_DATA_INVALID`` and "reply markup is too long" are Telegram server codes seen in many
  bug reports (e.g. TelegramBots/Telegram.Bot#470, eternnoir/pyTelegramBotAPI#511).

Texts marked ``[fake]`` are rules this server adds on purpose (Telegram accepts the input, or its
answer could not be found); they are 400s so the bot notices, and they say so.
"""

from __future__ import annotations

FAKE = "[fake]"


class ApiError(Exception):
    """A Bot API failure: becomes ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.injected = False  # set for failures a test asked for with inject_error()


def bad_request(text: str) -> ApiError:
    return ApiError(400, f"Bad Request: {text}")


def fake_rule(text: str) -> ApiError:
    """A rejection stricter than Telegram; the description says so."""
    return ApiError(400, f"Bad Request: {FAKE} {text}")


def cant_parse_entities(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)


# 401 / 404: ClientManager.cpp and Client.cpp.
UNAUTHORIZED = "Unauthorized"
INVALID_TOKEN = "Unauthorized: invalid token specified"
METHOD_NOT_FOUND = "Not Found: method not found"
NOT_FOUND = "Not Found"

# 409: Client.cpp.
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
TERMINATED_BY_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)

# 413: api.telegram.org's answer to an upload over the 50 MB bot limit.
REQUEST_ENTITY_TOO_LARGE = "Request Entity Too Large"

# 403: Client.cpp maps USER_IS_BLOCKED.
BLOCKED = "Forbidden: bot was blocked by the user"

# 400 texts (without the "Bad Request: " prefix).
CHAT_ID_EMPTY = "chat_id is empty"
CHAT_NOT_FOUND = "chat not found"
MESSAGE_TEXT_EMPTY = "message text is empty"
TEXT_MUST_BE_NON_EMPTY = "text must be non-empty"
TEXT_TOO_LONG = "text is too long"  # raw text over 2**15 bytes, before parsing
MESSAGE_TOO_LONG = "message is too long"
UNSUPPORTED_PARSE_MODE = "unsupported parse_mode"
MESSAGE_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
MESSAGE_TO_EDIT_NOT_FOUND = "message to edit not found"
MESSAGE_CANT_BE_EDITED = "message can't be edited"  # td MessagesManager.cpp
MESSAGE_TO_DELETE_NOT_FOUND = "message to delete not found"
MESSAGE_CANT_BE_DELETED = "message can't be deleted"
MESSAGE_IDS_NOT_SPECIFIED = "message identifiers are not specified"
TOO_MANY_MESSAGE_IDS = "too many message identifiers specified"
EXPECTED_MESSAGE_ID_ARRAY = "expected an Array of message identifiers"
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
BUTTON_DATA_INVALID = "BUTTON_DATA_INVALID"
TEXT_BUTTONS_UNALLOWED = (
    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
)
INLINE_BUTTON_TEXT_EMPTY = (
    "can't parse inline keyboard button: Inline keyboard button text must be non-empty"
)
REPLY_MARKUP_TOO_LONG = "reply markup is too long"
INVALID_WEBHOOK_URL = "invalid webhook URL specified"
SECRET_TOKEN_TOO_LONG = "secret token is too long"
SECRET_TOKEN_BAD_CHARS = "secret token contains unallowed characters"
INVALID_LANGUAGE_CODE = "invalid language code specified"
BOT_COMMAND_INVALID = "BOT_COMMAND_INVALID"
MESSAGE_HAS_NO_TEXT = "there is no text in the message to edit"
CAPTION_TOO_LONG = "message caption is too long"
FILE_ID_NOT_SPECIFIED = "file_id not specified"
INVALID_FILE_ID = "invalid file_id"
FILE_TOO_BIG = "file is too big"  # getFile over 20 MiB
FILE_EMPTY = "file must be non-empty"
IMAGE_PROCESS_FAILED = "IMAGE_PROCESS_FAILED"
PHOTO_INVALID_DIMENSIONS = "PHOTO_INVALID_DIMENSIONS"


def no_file_in_request(kind: str) -> ApiError:
    """Client.cpp: "There is no document in the request", first letter lower-cased."""
    return bad_request(f"there is no {kind} in the request")


def photo_too_big(size: int, limit: int) -> ApiError:
    """td's check_full_local_location, as bots receive it."""
    return bad_request(
        f"file of size {size} bytes is too big for a photo; the maximum size is {limit} bytes"
    )
