"""Telegram's HTML parse mode, ported from ``tdlib/td:td/telegram/MessageEntity.cpp``.

``parse_html`` follows tdlib's ``parse_html`` byte by byte, so the error texts and byte offsets
match Telegram's ("Unclosed start tag at byte offset 13"). Entity offsets and lengths are in
UTF-16 code units, as the Bot API reports them.

One deliberate difference: tdlib keeps an ``&`` that does not start ``&lt;``, ``&gt;``,
``&amp;``, ``&quot;`` or a numeric reference as a literal character, so Telegram accepts
``AT&T`` or ``&foo;``. With ``strict_ampersand`` (the server's default) this parser rejects it,
because a bot that sends a bare ``&`` has forgotten to escape text, and the same bug turns a
supporter's ``&lt;`` into ``<``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.fake_bot_api_errors import FAKE

_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler",
        "tg-emoji", "tg-time", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip
_SIMPLE = {
    "i": "italic",
    "em": "italic",
    "b": "bold",
    "strong": "bold",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
}
_SPACE = frozenset(b" \t\r\n")
_NAMED = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}


class HtmlError(Exception):
    """tdlib's parse error text, e.g. 'Unsupported start tag "foo" at byte offset 0'."""


@dataclass(frozen=True)
class Parsed:
    text: str
    entities: list[dict[str, Any]]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _decode_entity(b: bytes, pos: int) -> tuple[str | None, int]:
    """Return the decoded character and the position after the reference, as tdlib does."""
    end = pos + 1
    value = 0
    if end < len(b) and b[end] == ord("#"):
        end += 1
        if end < len(b) and b[end] == ord("x"):
            end += 1
            while end < len(b) and chr(b[end]) in "0123456789abcdefABCDEF":
                value = value * 16 + int(chr(b[end]), 16)
                end += 1
        else:
            while end < len(b) and chr(b[end]).isdigit():
                value = value * 10 + b[end] - 48
                end += 1
        if value == 0 or value >= 0x10FFFF or end - pos >= 10:
            return None, pos
        char = chr(value)
    else:
        while end < len(b) and chr(b[end]).isascii() and chr(b[end]).isalpha():
            end += 1
        named = _NAMED.get(b[pos + 1 : end])
        if named is None:
            return None, pos
        char = named
    if end < len(b) and b[end] == ord(";"):
        end += 1
    return char, end


def parse_html(source: str, *, strict_ampersand: bool = True) -> Parsed:
    b = source.encode("utf-8")
    n = len(b)

    def at(k: int) -> int:
        return b[k] if k < n else 0  # tdlib reads the C string's terminating NUL

    out: list[str] = []
    utf16 = 0
    entities: list[dict[str, Any]] = []
    stack: list[tuple[str, str, int]] = []  # tag name, argument, utf16 offset at start
    i = 0
    while i < n:
        c = b[i]
        if c == ord("&"):
            char, after = _decode_entity(b, i)
            if char is not None:
                out.append(char)
                utf16 += utf16_len(char)
                i = after
                continue
            if strict_ampersand:
                raise HtmlError(
                    f'{FAKE} unescaped "&" at byte offset {i} (Telegram would show it '
                    "literally; escape it as &amp;)"
                )
        if c != ord("<"):
            start = i
            i += 1
            while i < n and (b[i] & 0xC0) == 0x80:
                i += 1
            char = b[start:i].decode("utf-8")
            out.append(char)
            utf16 += utf16_len(char)
            continue
        begin = i
        i += 1
        if at(i) != ord("/"):
            while at(i) not in _SPACE and at(i) != ord(">") and at(i) != 0:
                i += 1
            if at(i) == 0:
                raise HtmlError(f"Unclosed start tag at byte offset {begin}")
            tag = b[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _TAGS:
                raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument, i = _attributes(b, i, tag, begin, at)
            if tag == "span" and argument != "spoiler":
                raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
            stack.append((tag, argument, utf16))
            i += 1  # past '>'
            continue
        if not stack:
            raise HtmlError(f"Unexpected end tag at byte offset {begin}")
        while at(i) not in _SPACE and at(i) != ord(">") and at(i) != 0:
            i += 1
        end_tag = b[begin + 2 : i].decode("utf-8", "replace").lower()
        while at(i) in _SPACE:
            i += 1
        if at(i) != ord(">"):
            raise HtmlError(f"Unclosed end tag at byte offset {begin}")
        i += 1
        tag, argument, offset = stack.pop()
        if end_tag and end_tag != tag:
            raise HtmlError(
                f'Unmatched end tag at byte offset {begin}, expected "</{tag}>", '
                f'found "</{end_tag}>"'
            )
        if utf16 > offset:
            entities.append(_entity(tag, argument, offset, utf16 - offset, "".join(out)))
    if stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return Parsed("".join(out), entities)


def _attributes(b: bytes, i: int, tag: str, begin: int, at: Any) -> tuple[str, int]:
    """Read a start tag's attributes up to its '>' and return the argument tdlib keeps."""
    argument = ""
    while at(i) != ord(">"):
        while at(i) != 0 and at(i) in _SPACE:
            i += 1
        if at(i) == ord(">"):
            break
        name_start = i
        while at(i) not in _SPACE and at(i) not in b"=>/\"'" and at(i) != 0:
            i += 1
        name = b[name_start:i].decode("utf-8", "replace")
        if not name:
            raise HtmlError(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
        while at(i) != 0 and at(i) in _SPACE:
            i += 1
        if at(i) != ord("="):
            if at(i) == 0:
                raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {begin}')
            if tag == "blockquote" and name == "expandable":
                argument = "1"
            continue
        i += 1
        while at(i) != 0 and at(i) in _SPACE:
            i += 1
        if at(i) == 0:
            raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {begin}')
        if at(i) not in b"'\"":
            token_start = i
            while at(i) != 0 and (
                chr(at(i)).isascii() and (chr(at(i)).isalnum() or at(i) in b".-")
            ):
                i += 1
            value = b[token_start:i].decode("ascii").lower()
            if at(i) not in _SPACE and at(i) != ord(">"):
                raise HtmlError(f"Unexpected end of name token at byte offset {token_start}")
        else:
            quote = at(i)
            i += 1
            chars = bytearray()
            while at(i) != quote and at(i) != 0:
                if at(i) == ord("&"):
                    char, after = _decode_entity(b, i)
                    if char is not None:
                        chars += char.encode("utf-8")
                        i = after
                        continue
                chars.append(at(i))
                i += 1
            if at(i) == quote:
                i += 1
            value = chars.decode("utf-8", "replace")
        if at(i) == 0:
            raise HtmlError(f"Unclosed start tag at byte offset {begin}")
        argument = _argument(tag, name, value, argument)
    return argument, i


def _argument(tag: str, name: str, value: str, current: str) -> str:
    if tag == "a" and name == "href":
        return value
    if tag == "code" and name == "class" and value.startswith("language-"):
        return value[len("language-") :]
    if tag == "span" and name == "class" and value.startswith("tg-"):
        return value[len("tg-") :]
    if tag == "tg-emoji" and name == "emoji-id":
        return value
    if tag == "blockquote" and name == "expandable":
        return "1"
    return current


def _entity(tag: str, argument: str, offset: int, length: int, text: str) -> dict[str, Any]:
    entity: dict[str, Any] = {"offset": offset, "length": length}
    if tag in _SIMPLE or tag == "span":
        entity["type"] = _SIMPLE.get(tag, "spoiler")
    elif tag == "a":
        entity["type"] = "text_link"
        entity["url"] = argument or _utf16_slice(text, offset, length)
    elif tag == "code":
        entity["type"] = "code"
    elif tag == "pre":
        entity["type"] = "pre"
    elif tag == "blockquote":
        entity["type"] = "expandable_blockquote" if argument else "blockquote"
    elif tag == "tg-emoji":
        if not argument.isdigit() or int(argument) == 0:
            raise HtmlError("Invalid custom emoji identifier specified")
        entity["type"] = "custom_emoji"
        entity["custom_emoji_id"] = argument
    else:  # tg-time: kept as plain text here; the intake bot does not use it
        entity["type"] = "date_time"
    return entity


def _utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[offset * 2 : (offset + length) * 2].decode("utf-16-le")
