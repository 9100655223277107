"""The optional named-entity layer: names that no rule frame points at.

Each language uses a model that ships inside a PyPI package (``pip install '.[ner]'``);
nothing is downloaded at run time:

- Japanese: GiNZA (``ja_ginza``, spaCy): ``Person`` entities.
- Korean: Kiwi (``kiwipiepy``): proper nouns (``NNP``) that open with a Korean family name.
- Chinese: jieba's part-of-speech tagger: person names (``nr``).

Models load lazily, once per layer and language, under a lock; loading takes seconds
and tagging is CPU-bound, so the Telegram adapter must call :meth:`NerLayer.load` at
start-up and scrub in a worker thread (``asyncio.to_thread``), never on the event loop.
The layer only adds findings: the rules run whether or not it is installed.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from bot.scrub.kinds import LOCALES, canonical_locale
from bot.scrub.normalize import View
from bot.scrub.spans import Finding
from bot.scrub.surnames import KOREAN, KOREAN_COMPOUND

__all__ = ["NerLayer", "NerUnavailableError", "ner_available"]

_PACKAGES: Final = {"ja": ("spacy", "ja_ginza"), "ko": ("kiwipiepy",), "zh_Hans": ("jieba",)}

_KO_PLACE_SUFFIXES: Final = frozenset("성시도군구현읍면동리강산")

Tagger = Callable[[str], Iterable[tuple[int, int]]]


class NerUnavailableError(RuntimeError):
    """The ``ner`` extra (or one language's model) is not installed."""


def ner_available(locale: str) -> bool:
    """Whether the model packages for ``locale`` are installed (nothing is imported)."""
    return all(importlib.util.find_spec(name) for name in _PACKAGES[canonical_locale(locale)])


def _load_ja() -> Tagger:
    import spacy

    # Only the entity recogniser is needed: the dependency parser and bunsetu components
    # cost most of the time and add nothing here.
    nlp: Any = spacy.load(
        "ja_ginza", exclude=["parser", "compound_splitter", "bunsetu_recognizer"]
    )

    def tag(text: str) -> Iterable[tuple[int, int]]:
        for ent in nlp(text).ents:
            if ent.label_ == "Person":
                yield ent.start_char, ent.end_char

    return tag


def _load_ko() -> Tagger:
    from kiwipiepy import Kiwi

    kiwi: Any = Kiwi()

    def tag(text: str) -> Iterable[tuple[int, int]]:
        for token in kiwi.tokenize(text):
            form: str = token.form
            is_name = 2 <= len(form) <= 4 and (form[:1] in KOREAN or form[:2] in KOREAN_COMPOUND)
            end = token.start + token.len
            # 지린성, 옌지시: a place with its administrative suffix, not a person.
            is_place = text[end : end + 1] in _KO_PLACE_SUFFIXES
            if token.tag == "NNP" and is_name and not is_place:
                yield token.start, end

    return tag


def _load_zh() -> Tagger:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # jieba prints its loading progress otherwise
    tokenizer: Any = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def tag(text: str) -> Iterable[tuple[int, int]]:
        pos = 0
        for pair in tokenizer.cut(text):
            word: str = pair.word
            if pair.flag == "nr" and len(word) >= 2:
                yield pos, pos + len(word)
            pos += len(word)

    return tag


_LOADERS: Final[dict[str, Callable[[], Tagger]]] = {
    "ja": _load_ja,
    "ko": _load_ko,
    "zh_Hans": _load_zh,
}


@dataclass(eq=False)
class NerLayer:
    """Named-entity taggers, loaded on first use per language and kept for the process.

    One instance is built by the entry point and shared; it is safe to use from several
    threads.
    """

    _taggers: dict[str, Tagger] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def load(self, locales: Iterable[str] = LOCALES) -> None:
        """Load the models of ``locales`` now (slow: call at start-up, off the event loop).

        Raises:
            NerUnavailableError: a model package is not installed.
        """
        for locale in locales:
            self._tagger(canonical_locale(locale))

    def _tagger(self, locale: str) -> Tagger:
        tagger = self._taggers.get(locale)
        if tagger is not None:
            return tagger
        with self._lock:
            if locale not in self._taggers:
                if not ner_available(locale):
                    packages = ", ".join(_PACKAGES[locale])
                    raise NerUnavailableError(
                        f"the NER model for {locale} needs {packages}: pip install '.[ner]'"
                    )
                self._taggers[locale] = _LOADERS[locale]()
            return self._taggers[locale]

    def find(self, view: View, locale: str) -> list[Finding]:
        """Names the model of ``locale`` sees in ``view`` (in view coordinates)."""
        tagger = self._tagger(canonical_locale(locale))
        return [Finding(start, end, "name") for start, end in tagger(view.norm) if end > start]
