"""How the staff side speaks: its texts in a member's language, sent as plain text."""

from __future__ import annotations

from collections.abc import Callable

from telegram import Bot, InlineKeyboardMarkup

from bot.i18n import Catalogs
from bot.telegram import delivery


class Voice:
    def __init__(self, catalogs: Catalogs) -> None:
        self.catalogs = catalogs

    def t(self, locale: str, msgid: str, **params: object) -> str:
        return self.catalogs.gettext(locale, msgid, **params)

    def translator(self, locale: str) -> Callable[..., str]:
        """``t`` bound to ``locale``, for code that formats its own templates."""

        def translate(msgid: str, /, **params: object) -> str:
            return self.catalogs.gettext(locale, msgid, **params)

        return translate

    async def say(
        self, bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        await bot.send_message(chat_id, delivery.as_html(text), reply_markup=markup)
