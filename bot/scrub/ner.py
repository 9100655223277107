"""The optional named-entity layer: names that no rule frame points at.

Each language uses a model that ships inside a PyPI package (``pip install '.[ner]'``);
nothing is downloaded at run time:

- Japanese: GiNZA (``ja_ginza``, spaCy): ``Person`` entities.
- Korean: Kiwi (``kiwipiepy``): proper nouns (``NNP``) that open with a Korean family name.
- Chinese: jieba's part-of-speech tagger: person names (``nr``).

Models load once per layer and language, under a lock per language, and are warmed up
with one call (Kiwi and jieba read their tables on the first one). Loading takes
seconds and tagging is CPU-bound: the bot builds the layer in ``bot.app.build_scrubber``
(``INTAKE_NER``), loads it at start-up, and calls it through
:class:`~bot.scrub.ner_budget.BudgetedNer` (a thread per language, a time budget per
note) from the engine's turn, which itself runs in a worker thread, never on the event
loop. The layer only adds findings: the rules run whether or not it is installed.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
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


_WARM_UP: Final = {
    "ja": "昨日、姉に会った。",
    "ko": "어제 언니를 만났어요.",
    "zh_Hans": "昨天见到了姐姐。",
}

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
    # One lock per language, so that the languages load side by side.
    _locks: dict[str, threading.Lock] = field(
        default_factory=lambda: {locale: threading.Lock() for locale in LOCALES},
        init=False,
        repr=False,
    )

    def load(self, locales: Iterable[str] = LOCALES) -> None:
        """Load the models of ``locales`` now (slow: call at start-up, off the event loop).

        The languages load on threads side by side (their libraries spend much of it
        outside the interpreter lock): about 15 s for all three on a 2-core machine.

        Raises:
            NerUnavailableError: a model package is not installed.
        """
        wanted = sorted({canonical_locale(locale) for locale in locales})
        with ThreadPoolExecutor(max_workers=len(wanted) or 1) as pool:
            for loading in [pool.submit(self._tagger, locale) for locale in wanted]:
                loading.result()

    def _tagger(self, locale: str) -> Tagger:
        tagger = self._taggers.get(locale)
        if tagger is not None:
            return tagger
        with self._locks[locale]:
            if locale not in self._taggers:
                if not ner_available(locale):
                    packages = ", ".join(_PACKAGES[locale])
                    raise NerUnavailableError(
                        f"the NER model for {locale} needs {packages}: pip install '.[ner]'"
                    )
                tagger = _LOADERS[locale]()
                # Kiwi reads its model and jieba its part-of-speech tables on the first
                # call (seconds): done here, so that no supporter's note pays for it.
                list(tagger(_WARM_UP[locale]))
                self._taggers[locale] = tagger
            return self._taggers[locale]

    def find(self, view: View, locale: str) -> list[Finding]:
        """Names the model of ``locale`` sees in ``view`` (in view coordinates)."""
        tagger = self._tagger(canonical_locale(locale))
        return [Finding(start, end, "name") for start, end in tagger(view.norm) if end > start]
