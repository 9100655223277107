"""The bot's own texts in the supporter's language, and choosing that language.

Catalogs are gettext files under ``locales/`` handled with Babel (``make catalogs``
extracts, updates and compiles them). A supporter who chose ja, ko or zh never sees
English: a test fails on any untranslated or fuzzy entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.support import NullTranslations, Translations

#: Locales the bot's own texts exist in; a flow may not offer more to supporters.
SUPPORTED: tuple[str, ...] = ("ja", "ko", "zh_Hans")
DEFAULT_LOCALE = "ja"
CATALOG_DOMAIN = "messages"


def recognized(language_code: str | None) -> str | None:
    """The supported locale ``language_code`` means, or ``None`` if it means none of them
    (missing, or English, as many Japanese and Chinese users leave Telegram)."""
    found = negotiate(language_code, default="")
    return found or None


def negotiate(language_code: str | None, default: str = DEFAULT_LOCALE) -> str:
    """Map Telegram's ``language_code`` (an IETF tag, often missing) to a supported locale.

    Babel's ``negotiate`` finds no match for ``zh``, ``zh-cn``, ``zh-hans`` or ``zh-tw``
    against ``zh_Hans``, so we parse the tag and decide on its language. Traditional
    Chinese readers get Simplified (the closest we have); they can switch with /language.
    """
    if not language_code:
        return default
    try:
        locale = Locale.parse(language_code.strip().replace("_", "-"), sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return default
    if locale.language == "zh":
        return "zh_Hans"
    return {"ja": "ja", "ko": "ko"}.get(locale.language, default)


def autonym(code: str) -> str:
    """A language's name in its own script (``日本語``, ``한국어``, ``中文 (简体)``)."""
    locale = Locale.parse(code)
    name = locale.get_display_name(locale)
    return name or code


class Catalogs:
    """Compiled translations of the bot's own texts, one per supported locale."""

    def __init__(self, translations: Mapping[str, NullTranslations]) -> None:
        self._translations = dict(translations)

    @classmethod
    def load(cls, directory: Path) -> Catalogs:
        """Load ``<directory>/<locale>/LC_MESSAGES/messages.mo`` for every supported locale.

        A missing catalog silently falls back to English in Babel; we refuse instead.
        """
        loaded: dict[str, NullTranslations] = {}
        for code in SUPPORTED:
            mo = directory / code / "LC_MESSAGES" / f"{CATALOG_DOMAIN}.mo"
            if not mo.is_file():
                from bot.errors import ConfigError

                raise ConfigError(
                    f"missing compiled catalog {mo}: run `make catalogs` (pybabel compile)"
                )
            loaded[code] = Translations.load(str(directory), [code], CATALOG_DOMAIN)
        return cls(loaded)

    def gettext(self, locale: str, msgid: str, /, **params: Any) -> str:
        """``msgid`` in ``locale``, formatted with ``params``."""
        translations = self._translations.get(locale) or NullTranslations()
        text = translations.gettext(msgid)
        return text.format(**params) if params else text

    def label(self, locale: str, msgid: str) -> str:
        """``msgid`` in ``locale`` without formatting (for matching typed button labels)."""
        return self.gettext(locale, msgid)
