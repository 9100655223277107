"""Telegram's limits and our own, as named constants, with Telegram's way of measuring.

Checked when a flow loads and again when rendering, so that a flow that passed the
checker can never produce a message Telegram rejects.
"""

from __future__ import annotations

#: Text of one message, counted in UTF-16 code units after entity parsing.
MAX_MESSAGE_UTF16 = 4096
#: Room kept free in every question message for what the bot adds around a flow's text:
#: the progress line ("3 / 9"), a hint after off-script input, the default shown by /back.
MESSAGE_CHROME_UTF16 = 512
#: The longest text a flow may give one message.
MAX_FLOW_TEXT_UTF16 = MAX_MESSAGE_UTF16 - MESSAGE_CHROME_UTF16
#: Characters of the session token every button carries (Crockford base32: 2^30 values).
SESSION_TOKEN_LENGTH = 6
#: callback_data of an inline button, counted in UTF-8 bytes.
MAX_CALLBACK_DATA_BYTES = 64
#: Buttons in one inline keyboard, and in one of its rows.
MAX_BUTTONS = 100
MAX_BUTTONS_PER_ROW = 8
#: Not a Telegram limit: phones cut longer button labels, and a frightened supporter
#: must be able to read every option at a glance.
MAX_BUTTON_TEXT_UTF16 = 40
#: Navigation buttons the bot may add under a question (Back, Skip, Done, Cancel).
NAV_BUTTONS = 4
#: The largest free-text answer a flow may allow; room for the review's echo of it.
MAX_TEXT_ANSWER_CHARS = 3000
#: Flow files above this size are refused before parsing.
MAX_FLOW_FILE_BYTES = 512 * 1024
#: Not a Telegram limit: an intake is a few dozen questions (the shipped flow has 18
#: steps), and a supporter in distress will not answer hundreds. Far more is a mistake or
#: a hostile upload, and the graph checks grow faster than the step count, so the count
#: is checked on the parsed file before anything else looks at the steps.
MAX_FLOW_STEPS = 200
#: Not a Telegram limit: every declared locale multiplies the texts to check and the
#: problems a careless file gets; the bot itself speaks three.
MAX_FLOW_LOCALES = 10
#: Not a Telegram limit: entries in any other list or mapping of a flow (fields, values,
#: choices, routes, triage rules, the values of a rule). None needs more than a flow may
#: have steps, and checks that compare entries pairwise stay cheap below it.
MAX_FLOW_ENTRIES = MAX_FLOW_STEPS
#: Not a Telegram limit: the stub's region (the region fields' codes joined by "/") is an
#: indexed column of this many characters.
MAX_REGION_CHARS = 128


def utf16_units(text: str) -> int:
    """Length of ``text`` the way Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def utf8_bytes(text: str) -> int:
    """Length of ``text`` the way Telegram counts callback data (UTF-8 bytes)."""
    return len(text.encode("utf-8"))
