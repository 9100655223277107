"""The optional named-entity layer: names that no rule frame points at.

Each language uses a model that ships inside a PyPI package (``pip install '.[ner]'``);
nothing is downloaded at run time:

- Japanese: GiNZA (``ja_ginza``, spaCy): ``Person`` entities.
- Korean: Kiwi (``kiwipiepy``): proper nouns (``NNP``) that open with a Korean family name.
- Chinese: jieba's part-of-speech tagger: person names (``nr``, ``nrfg``, ``nrt``), and
  the names it cuts apart or does not know (a family name and the word after it, a
  family name before a title, a word its hidden Markov model put together), in
  :mod:`bot.scrub.ner_zh`.

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
import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Final

from bot.scrub.ja_frames import ja_one_kanji_name
from bot.scrub.kinds import LOCALES, canonical_locale
from bot.scrub.name_cues import JA_KIN, ko_called_thing, ko_ja_name, ko_name_shaped, ko_stop
from bot.scrub.ner_zh import Token, person_spans
from bot.scrub.normalize import View
from bot.scrub.numbers import VERSION
from bot.scrub.placenames import JA_STEM_NAMES, KEPT_NAMES, LOCATIVE_NAMES, PLACE_NAMES
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


# A Japanese note is tagged one sentence at a time, and only the sentences in which
# Sudachi (GiNZA's own tokenizer, about 3 % of the pipeline's cost) sees a word a name
# can be: a proper noun (人名, 地名, 一般), or a common noun written in kana only, which
# is how Sudachi tags a given name it reads as a word (さくら) or a katakana name it does
# not know (チョルス), and a place name the gazetteer does not hold (a family name such
# as 金田 is often tagged 地名). On the tuning corpora every Person span the model found
# in the other sentences was a false one (``Telegram``, ``naoto91``, ``090-``, 延吉);
# those sentences, about half of a note, skip the tok2vec and NER networks, nearly all
# of the cost.
_JA_SENTENCE: Final = re.compile(r"[^。！？!?\n]+[。！？!?\n]*")
_JA_KANA_WORD: Final = re.compile(r"[ぁ-ゖァ-ヺー]{2,}")


_KNOWN_PLACES: Final = PLACE_NAMES | KEPT_NAMES | JA_STEM_NAMES | LOCATIVE_NAMES


def _ja_may_name(tag: str, word: str) -> bool:
    """Whether a Sudachi token (part-of-speech ``tag``, surface ``word``) may be a name."""
    if "固有名詞" in tag:
        return "地名" not in tag or word not in _KNOWN_PLACES
    return tag.startswith("名詞-普通名詞-一般") and _JA_KANA_WORD.fullmatch(word) is not None


# The model often takes the kinship word and the honorific after a name with it
# (スンジャ姉さん, 叔母さん): they are what staff need to read, so they stay.
# 夫, 妻, 孫, 嫁 and 婿 are left out: given names end in them (和夫).
# A title after a family name stays as well (宋牧師, 林中尉), and おっちゃん is no name.
_JA_KIN_WORDS: Final = sorted(
    {*JA_KIN, "おばあ", "おじい", "おば", "おじ", "ばあ", "じい", "おっ"} - set("夫妻孫嫁婿"),
    key=len,
    reverse=True,
)
_JA_TITLES: Final = "牧師|神父|宣教師|伝道師|先生|社長|院長|所長|中尉|少尉|大尉|隊長"
_JA_KIN_AFTER: Final = re.compile(
    "(?:" + "|".join(_JA_KIN_WORDS) + f"|{_JA_TITLES})?(?:さん|ちゃん|様|さま|くん)?\\Z"
)
# The model may open the span at the role and の before the name (韓国人宣教師の朴…):
# the name begins after the last の that follows a word in kanji or katakana.
_JA_PEOPLES: Final = KEPT_NAMES | {
    "朝鮮",
    "在日",
    "タイ",
    "ロシア",
    "ラオス",
    "ベトナム",
    "モンゴル",
}
_JA_ROLE_OF: Final = re.compile(r"[\u4e00-\u9fffァ-ヺー]の")


def _ja_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A Person span less the kinship word and honorific after it and the marks around
    it (``…春子``); ``None`` when nothing else is left, or when one kanji is left that no
    name is (北, said of North Korea)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    for role in _JA_ROLE_OF.finditer(text, start, end - 1):
        start = role.end()
    cut = _JA_KIN_AFTER.search(text, start, end)
    if cut is not None and cut.start() > start:
        end = cut.start()
    elif cut is not None and cut.end() > cut.start():
        return None
    if text[end - 1 : end] == "人" and text[start : end - 1] in _JA_PEOPLES:
        return None  # 韓国人, a people
    if end - start == 1 and "\u4e00" <= text[start] <= "\u9fff":
        return (start, end) if ja_one_kanji_name(text[start]) else None
    return (start, end) if end > start else None


def _load_ja() -> Tagger:
    import spacy

    # Only the entity recogniser and the tok2vec it listens to are needed: the parser,
    # the morphologizer and the bunsetu components add nothing to a Person span.
    nlp: Any = spacy.load(
        "ja_ginza",
        exclude=["parser", "morphologizer", "compound_splitter", "bunsetu_recognizer"],
    )

    def tag(text: str) -> Iterable[tuple[int, int]]:
        offsets, docs = [], []
        for sentence in _JA_SENTENCE.finditer(text):
            doc = nlp.make_doc(sentence.group())
            if any(_ja_may_name(token.tag_, token.text) for token in doc):
                offsets.append(sentence.start())
                docs.append(doc)
        for offset, doc in zip(offsets, nlp.pipe(docs), strict=True):
            for ent in doc.ents:
                if ent.label_ == "Person":
                    span = _ja_person(text, offset + ent.start_char, offset + ent.end_char)
                    if span is not None:
                        yield span

    return tag


def _ko_person(form: str) -> bool:
    """A proper noun Kiwi tags that reads as a person's name: shaped like one (a family
    name and given-name syllables, a given name, a Japanese name) and no country, people
    or brand (태국, 라오스, 조선족, 한족, 유튜브, 신한), which Kiwi tags alike, nor a word
    the name frames leave (금강산, 두만강)."""
    opens_with_surname = form[:1] in KOREAN or form[:2] in KOREAN_COMPOUND
    return (
        2 <= len(form) <= 4
        and not ko_stop(form)
        and (opens_with_surname or ko_ja_name(form))
        and ko_name_shaped(form)
        and form not in KEPT_NAMES
        and form not in PLACE_NAMES
    )


def _load_ko() -> Tagger:
    from kiwipiepy import Kiwi

    kiwi: Any = Kiwi()

    def tag(text: str) -> Iterable[tuple[int, int]]:
        forms: set[str] = set()
        for token in kiwi.tokenize(text):
            form: str = token.form
            end = token.start + token.len
            # 지린성, 옌지시: a place with its administrative suffix; 나우라는 단체: a group.
            is_place = text[end : end + 1] in _KO_PLACE_SUFFIXES or ko_called_thing(text, end)
            if token.tag == "NNP" and not is_place and _ko_person(form):
                forms.add(form)
                yield token.start, end
        yield from _ko_repeated(text, forms)

    return tag


# After a name the model saw once, the same word before a particle elsewhere in the note
# (민호만 … 민호도), where the model read it otherwise.
_KO_REPEAT_AFTER: Final = re.compile(
    r"(?:[^가-힣]|$|이|가|는|은|을|를|의|도|만|와|과|랑|한테|에게|야|아)"
)


def _ko_repeated(text: str, forms: set[str]) -> Iterable[tuple[int, int]]:
    for form in forms:
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if (pos == 0 or not "가" <= text[pos - 1] <= "힣") and _KO_REPEAT_AFTER.match(
                text, end
            ):
                yield pos, end
            pos = text.find(form, end)


def _load_zh() -> Tagger:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # jieba prints its loading progress otherwise
    tokenizer: Any = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def tag(text: str) -> Iterable[tuple[int, int]]:
        tokens: list[Token] = []
        pos = 0
        for pair in tokenizer.cut(text):
            word: str = pair.word
            known = word in tokenizer.word_tag_tab
            tokens.append(Token(pos, pos + len(word), word, pair.flag, known))
            pos += len(word)
        return person_spans(text, tokens)

    return tag


# A space, then an app's version: the span before it names a product (``Telegram 9.1.4``).
_VERSION_AFTER: Final = re.compile(rf" ?{VERSION.pattern}")


def _plausible(text: str, start: int, end: int) -> bool:
    """Whether a span a model calls a person can be one, in any language.

    The models also tag account names and phone fragments (``naoto91``, ``090-``),
    apps before their version (``Telegram 10.9.5``) and kept province and country names
    (``吉林``): removing those destroys what triage needs and protects no one.
    """
    span = text[start:end]
    if any(ch.isdigit() for ch in span) or span.strip() in KEPT_NAMES:
        return False
    return _VERSION_AFTER.match(text, end) is None and _ORG_AFTER.match(text, end) is None


# A Chinese person's name the model tags right before these is an organisation's name
# (白求恩医院, 宋庆龄基金会), which the notes need; the rules still judge the span.
_ORG_AFTER: Final = re.compile(r"医院|基金会|纪念馆|中学|小学|大学")


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
        """Names the model of ``locale`` sees in ``view`` (in view coordinates), less
        the spans no person's name can be (:func:`_plausible`)."""
        tagger = self._tagger(canonical_locale(locale))
        text = view.norm
        return [
            Finding(start, end, "name")
            for start, end in tagger(text)
            if end > start and _plausible(text, start, end)
        ]
