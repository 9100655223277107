"""Chinese person names from jieba's part-of-speech tags (the NER layer's Chinese part).

jieba tags a name it knows ``nr`` (or ``nrfg``, ``nrt``), but it cuts a name it does not
know into a family name and a word (钟/红梅), a name and one more character (白光/浩), or
joins it with its hidden Markov model into a word of no tag worth trusting (任萱). Here
the tokens of one note become spans that may hold a person; each is judged by the rules'
own check (:func:`~bot.scrub.name_cues.zh_tagged_name`) or shaped by a frame (a title, 老,
a Japanese family name). :mod:`bot.scrub.ner` loads jieba and calls :func:`person_spans`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from bot.scrub.name_cues import ZH_STOP, ZH_TITLES, zh_japanese_name, zh_tagged_name
from bot.scrub.placenames import KEPT_NAMES, LOCATIVE_NAMES, PLACE_NAMES
from bot.scrub.surnames import (
    CHINESE,
    CHINESE_COMPOUND,
    CHINESE_GIVEN,
    JAPANESE_IN_CHINESE,
    KOREAN_IN_CHINESE,
)

__all__ = ["Token", "person_spans"]


def _words(text: str) -> list[str]:
    return text.split()


# Place names of two characters, which open teas and demonyms that jieba calls persons.
_ZH_PLACE_STEMS: Final = frozenset(
    name for name in PLACE_NAMES | LOCATIVE_NAMES | KEPT_NAMES if len(name) == 2
)
# jieba's part-of-speech tags for a person: a name (nr), a name it read as a whole
# (nrfg) and a transliterated one (nrt: 哈斯, 琳琳).
_ZH_PERSON_TAGS: Final = frozenset({"nr", "nrfg", "nrt"})
# Tags of words that a given name never is: prepositions, conjunctions, particles,
# pronouns, measures, punctuation, Latin words (跟, 和, 的, 我们, 个).
_ZH_NEVER_GIVEN: Final = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "q", "x", "y", "eng"}
)
# Tags of words that a family name never is, on top of those: adverbs, verbs, numbers,
# times and places in a sentence (向 as "towards", 全 as "all", 于 as "at").
_ZH_NEVER_SURNAME: Final = _ZH_NEVER_GIVEN | {"d", "v", "m", "f", "t"}
_ZH_SURNAMES: Final = CHINESE | KOREAN_IN_CHINESE
_ZH_NICK_PREFIXES: Final = frozenset("老小大阿")
_ZH_TITLES_BY_LENGTH: Final = tuple(sorted(ZH_TITLES, key=len, reverse=True))
# Two-character words that jieba's dictionary (0.42.1, dict.txt, MIT licence) tags as
# person names although they are ordinary words (its tag is a guess from novels and
# news): without this list 宝宝, 祝福, 温泉, 明星 or 殷勤 in a harmless note were
# taken for names. Picked by hand from its person words of frequency 100 or more that
# are shaped like a name; famous people (李鹏, 张飞), places and brands are left in.
_ZH_WORDS_TAGGED_PERSON: Final = frozenset(
    _words(
        """
    文明 陆军 卫星 雷达 荣誉 武林 明星 光荣 权威 智慧 白雪 高峰 石英 师哥 英勇 辛勤 光辉
    宝贝 宝贵 梅花 吉祥 高明 德军 关怀 林立 明珠 温泉 黎明 乌云 宁静 蓝天 金刚 天亮 朱红
    秦汉 慈善 兰花 史诗 谢恩 满清 荣耀 满怀 桂花 朴素 英俊 刚毅 华丽 练兵 查明 英超 博雅
    白云 古文 亚军 温馨 殷勤 灵敏 明智 祝福 高超 仁义 高雅 郎君 常青 富豪 宝宝 明朗 汪洋
    权贵 千秋 敬佩 罗汉 小河 边远 丹青 波涛 伏兵 清香 洪亮 唐诗 仁慈 施恩 光耀 雅思 冷清
    老祖 白玉 成仁 慈祥 宇航 金秋 屠宰 南征 师承 马虎 博爱 云云 渊博 党羽 沙龙 老翁 利禄
    连珠 盘龙 文雅 查清 华贵 龙凤 安民 恩爱 香甜 连胜 云彩 富丽 丁香 花香 雷鸣 慈爱 诸君
    碧波 牟利 秦军 雪亮 殷红 祝寿 白鹤 敬爱 常胜 齐鸣 碧玉 安逸 赫赫 毛竹 柳枝 小鹿 恩惠
    梅雨 钟爱 温顺 贺喜 秋千 惠民 紫红 苏军 红光 向东 向阳 天宇 金光 白光 蓝光
    """
    )
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    word: str
    flag: str
    # Whether the word is in jieba's dictionary; a word that is not was put together by
    # its hidden Markov model, which is how most names it does not know come out.
    known: bool = True


def _zh_is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _zh_surname_token(token: Token) -> bool:
    """A token that can be a family name on its own (朴, 欧阳), as jieba cuts one off
    the given name it does not know (朴/明哲, 南宫/秀英)."""
    word = token.word
    return (len(word) == 1 and word in _ZH_SURNAMES) or word in CHINESE_COMPOUND


def _zh_joined(first: Token, second: Token) -> bool:
    """Whether a family name token and the next one make one name (钟/红梅, 禹/贞淑).

    jieba often cuts an unknown name into the family name and a given name it reads as
    a word of its own (红梅 a flower, 贞淑 an adjective), or into a name it knows and
    one more character (白光/浩). The pair is taken when either half is tagged a person,
    or, failing that, when the second is a given name of two characters (two usual
    characters, or one and 子 as in 英子) and the first is no preposition or adverb
    (向, 全)."""
    word = second.word
    if not (_zh_surname_token(first) and 1 <= len(word) <= 2 and _zh_is_han(word)):
        return False
    if second.flag in _ZH_NEVER_GIVEN or len(first.word) + len(word) > 4:
        return False
    if first.flag in _ZH_PERSON_TAGS or second.flag in _ZH_PERSON_TAGS:
        return True
    return (
        first.flag not in _ZH_NEVER_SURNAME
        and len(word) == 2
        and word[0] in CHINESE_GIVEN
        and (word[1] in CHINESE_GIVEN or word[1] == "子")
    )


def _zh_tagged_pair(first: Token, second: Token) -> bool:
    """A name of two characters (白光, 谢刚, or a word jieba does not know: 高烁) and one
    more given-name character that stands alone (浩, 愉, 楷), as jieba cuts a name of
    three characters it does not know. The character may not be an adverb or a verb
    (李娜/都, 王芳/说)."""
    return (
        (first.flag in _ZH_PERSON_TAGS or not first.known)
        and len(first.word) == 2
        and first.word[0] in _ZH_SURNAMES
        and second.word in CHINESE_GIVEN
        and second.flag not in _ZH_NEVER_SURNAME
    )


def _zh_tagged_given(token: Token, name_start: int) -> bool:
    """A token that completes the name begun at ``name_start``: one given-name character
    after a two-character name, or two that jieba tags a person after a family name."""
    word = token.word
    if len(word) == 1:
        return token.start - name_start == 2 and word in CHINESE_GIVEN
    return (
        token.flag in _ZH_PERSON_TAGS
        and len(word) == 2
        and any(ch in CHINESE_GIVEN for ch in word)
        and word not in ZH_TITLES
        and word not in ZH_STOP
        and word not in _ZH_WORDS_TAGGED_PERSON
    )


def _zh_unknown_name(token: Token) -> bool:
    """A word jieba does not know that opens with a family name (任萱, 唐洋, 余娥): its
    model joined the characters, whatever tag it then gave them."""
    return not token.known and 2 <= len(token.word) <= 3 and token.word[0] in _ZH_SURNAMES


def _zh_titled(text: str, first: Token, second: Token) -> bool:
    """A family name token before a title token (玄/老师, 崔/大姐): the family name is
    all that names the person, and jieba tags it apart from the title."""
    return (
        len(first.word) == 1
        and first.word in _ZH_SURNAMES
        and first.flag not in _ZH_NEVER_SURNAME
        and second.word in ZH_TITLES
        and not text[first.start - 1 : first.start].isdigit()
    )


def _zh_nickname(first: Token, second: Token) -> bool:
    """老, 小, 大 or 阿 before a family name jieba tags a person (老/崔, 小/崔, 大/刘)."""
    return (
        first.word in _ZH_NICK_PREFIXES
        and len(second.word) == 1
        and second.word in _ZH_SURNAMES
        and second.flag in _ZH_PERSON_TAGS
    )


def _zh_given_before_title(text: str, starts: set[int], token: Token) -> tuple[int, int] | None:
    """A given name of two characters before a title, alone or in the title's token
    (顺/姬/阿姨, 英哲哥): the span of the given name, or None.

    Both characters must be ones given names are made of, the name must begin where a
    token does, and it must be no ordinary word (美国大哥, 平安大哥)."""
    title = next((t for t in _ZH_TITLES_BY_LENGTH if token.word.endswith(t)), None)
    if title is None:
        return None
    end = token.end - len(title)
    start = end - 2
    given = text[start:end]
    if start < 0 or start not in starts or not all(ch in CHINESE_GIVEN for ch in given):
        return None
    if given in ZH_STOP or given in _ZH_WORDS_TAGGED_PERSON or given[0] in _ZH_SURNAMES:
        return None
    return start, end


def _zh_japanese(
    text: str, surname: Token, after: Token, ends: list[int]
) -> Iterator[tuple[int, int]]:
    """A Japanese family name jieba cut off its given name (井上/节子, 佐藤/美/咲), where no
    rule frame opens the name. The given name is the next token, or the next two when
    the first is one character: the text is cut there, so that 野口/清子/也 does not
    read 清子也 as a name like 哲也."""
    limit = after.end
    if len(after.word) == 1:
        limit = next((end for end in ends if end > after.end), limit)
    length = zh_japanese_name(text[:limit], surname.start)
    if length > len(surname.word):
        yield surname.start, surname.start + length


def person_spans(text: str, tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """Spans that may hold a person: a token tagged a person or one jieba did not know
    that opens with a family name, a family name and the token after it, a name of two
    and one more character, a Japanese name cut in two, a given name before a title,
    and a family name before a title or after 老 or 小. Tokens and joined pairs are
    judged by :func:`zh_tagged_name` (:func:`_zh_checked`); the spans found by a frame
    (a title, 老, a Japanese family name) are names by that frame."""
    starts = {token.start for token in tokens}
    ends = sorted(token.end for token in tokens)
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        if token.flag in _ZH_PERSON_TAGS or _zh_unknown_name(token):
            yield from _zh_checked(text, token.start, token.end)
        if token.word in ZH_TITLES or token.flag in _ZH_PERSON_TAGS:
            given = _zh_given_before_title(text, starts, token)
            if given is not None:
                yield given
        if token.word in JAPANESE_IN_CHINESE and after is not None:
            yield from _zh_japanese(text, token, after, ends)
        if after is None:
            continue
        if _zh_joined(token, after):
            yield from _zh_checked(text, token.start, after.end, tagged_given=after)
        elif _zh_tagged_pair(token, after) and zh_tagged_name(text, token.start, token.end):
            # The first two characters are a name already (谢刚/愉): the third, a usual
            # given-name character jieba left alone, completes it.
            yield from _zh_checked(text, token.start, after.end, tagged_given=after)
        if _zh_titled(text, token, after):
            yield token.start, token.end
        if _zh_nickname(token, after):
            yield token.start, after.end


def _zh_checked(
    text: str, start: int, end: int, tagged_given: Token | None = None
) -> Iterator[tuple[int, int]]:
    """The span of a name that :func:`zh_tagged_name` accepts, less teas, demonyms and
    the ordinary words jieba tags as persons.

    A given name of two characters that jieba itself tags a person (``tagged_given``:
    朴/明哲) is also taken when it opens with a character that often starts a verb
    (明, 在), which the raw-text check refuses and jieba has already ruled out."""
    span = zh_tagged_name(text, start, end)
    if span is None and tagged_given is not None and _zh_tagged_given(tagged_given, start):
        span = start, end
    if span is None:
        return
    word = text[span[0] : span[1]]
    # 龙井茶, 延吉人: a place name first is a tea or a demonym, not a person.
    if word[:2] not in _ZH_PLACE_STEMS and word not in _ZH_WORDS_TAGGED_PERSON:
        yield span
