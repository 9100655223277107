"""Marker for the bot's own texts.

``N_("...")`` marks a message id for ``pybabel extract`` without translating it: the
engine returns message ids, and rendering translates them into the supporter's locale.
"""

from __future__ import annotations


def N_(msgid: str) -> str:  # noqa: N802 (the gettext convention)
    """Return ``msgid`` unchanged; exists so that extraction finds it."""
    return msgid
