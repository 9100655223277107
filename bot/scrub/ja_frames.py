"""More Japanese name frames: titles, readings in brackets, lists, form fields, aliases.

The frames of name_cues.py find a name by a kinship word, a particle or an age around
it. Notes about a family name people in more ways, each found here by the words that
frame the name, and each confirmed by the name's own shape where the frame alone also
fits ordinary words:

- a family name before a title of the church or the route (``崔牧師``, ``陳姐``,
  ``張大哥``), which only a family name can open;
- a name and its other spelling in brackets (``金光男（キム・グァンナム）``,
  ``英一（えいいち）``, ``Lee Myung-hee（イ・ミョンヒ）``), and a kinship word with the
  name in brackets after it (``叔母さん（ミヨコ）``): found once, both sides go;
- a family name and a given name in katakana, as the register wrote the wives of the
  programme (``山口ヨシ子``, ``祖母は山本ハル、``);
- a romanised name as a passport or a chat account writes it (``Kim Sunja``,
  ``YOUNGHEE KIM``, ``hanaは17歳``);
- a field of a form or a report (``父：金山正一``, ``担当：岡田``);
- a given name that opens a sentence before a kinship word or a list of people
  (``恵子の娘``, ``美咲と私と母``, ``英子、秀雄、``);
- Korean given names in katakana joined by と or や (``ユナとミンジュン``), after the
  word for a child, before what is said of a missing person (``ミンジがいない``), or
  alone as the last line of a note (a signature).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from bot.scrub.name_cues import (
    JA_GIVEN_ENDS,
    JA_KANA_NOT_NAMES,
    JA_KIN,
    ja_full_name,
    ja_given_alone,
    ja_korean_given,
)
from bot.scrub.scan import before, finditer_at, starts
from bot.scrub.surnames import CHINESE, JAPANESE

__all__ = ["ja_bracketed", "ja_framed", "ja_one_kanji_name", "ja_repeated", "ja_self_name"]


def _words(text: str) -> list[str]:
    return text.split()


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_KANJI: Final = "\u4e00-\u9fff々"
# Common Chinese family names as Japanese writes them (陳, not 陈): the brokers, drivers
# and landlords of the route.
_ZH_IN_JAPANESE: Final = frozenset("陳張劉趙黄呉鄭孫馬楊許羅梁韓唐馮鄧葉蔣沈盧呂蘇魏譚陸賈鍾龍")
_ONE_KANJI_SURNAMES: Final = frozenset(
    {name for name in JAPANESE if len(name) == 1} | set(CHINESE) | _ZH_IN_JAPANESE
)
# Titles written right after a family name: of the churches that shelter people
# (牧師, 神父), of work, and the Chinese forms of address the route uses (大哥, 姐).
_TITLES: Final = _words(
    "牧師 神父 伝道師 宣教師 長老 執事 社長 医師 院長 所長 会長 老師 大哥 大姐 姐さん 兄さん 姐 哥"
)
_TITLE: Final = re.compile(rf"(?P<name>[{_KANJI}]{{1,4}})(?:{_alternation(_TITLES)})")
_TITLE_AT: Final = re.compile(_alternation(_TITLES))


def _family_name(run: str) -> bool:
    return run in _ONE_KANJI_SURNAMES or run in JAPANESE or ja_full_name(run)


def _titled(text: str) -> Iterator[tuple[int, int]]:
    """A family name (or a full name) right before a title: ``崔牧師``, ``陳姐が``."""
    for title in _TITLE_AT.finditer(text):
        end = title.start()
        start = end
        while start > 0 and end - start < 4 and _is_kanji(text[start - 1]):
            start -= 1
        opens_run = start < end and (start == 0 or not _is_kanji(text[start - 1]))
        if opens_run and _family_name(text[start:end]):
            yield start, end


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "々"


# A family name, then a given name in katakana with the kanji such names end in
# (ヨシ子, トシ江): the register's spelling of women born before the war.
# Katakana right after kanji: where a family name gives way to a given name in
# katakana (opened with the katakana class, so that the engine skips ahead to it).
_KATA_AFTER_KANJI: Final = re.compile(rf"[ァ-ヺ](?<=[{_KANJI}][ァ-ヺ])")
# A family name, a given name in katakana, and the kanji such names end in (ヨシ子,
# トシ江): the register's spelling of women born before the war.
_KANJI_KATA: Final = re.compile(
    rf"(?P<surname>[{_KANJI}]{{1,3}})(?P<given>[ァ-ヺー]{{1,4}})(?P<end>[子江代枝恵美乃]?)"
    rf"(?![{_KANJI}])"
)
# Without the ending, a kinship word before the name makes a person of it (祖母は山本ハル、).
_KIN_MARKED: Final = tuple(kin + mark for kin in JA_KIN for mark in ("は", "の", "、", ":"))
_AFTER_KIN_KATA: Final = frozenset("、。,(がはのと")


def _katakana_given(text: str) -> Iterator[tuple[int, int]]:
    for kana in starts(_KATA_AFTER_KANJI, text):
        start = kana
        while start > 0 and kana - start < 4 and _is_kanji(text[start - 1]):
            start -= 1
        match = _KANJI_KATA.match(text, start)
        if match is None or (start > 0 and _is_kanji(text[start - 1])):
            continue
        surname, after = match.group("surname"), text[match.end() : match.end() + 1]
        if match.group("end"):
            # Kanji, katakana, then 子 is a name whatever the family name (山岸トシ子).
            opens = any(surname[:n] in JAPANESE for n in (1, 2, 3))
            if opens or (len(surname) >= 2 and match.group("end") == "子"):
                yield match.span()
        elif (
            len(match.group("given")) >= 2
            and surname in JAPANESE
            and (not after or after in _AFTER_KIN_KATA)
            and text.endswith(_KIN_MARKED, 0, start)
        ):
            yield match.span()


# Family names as passports and chat accounts romanise them (Korean, Japanese, Chinese).
_LATIN_SURNAMES: Final = frozenset(
    _words(
        "kim lee yi ri park pak choi choe jung jeong chung kang cho jo yoon yun jang chang "
        "lim im han oh seo shin sin kwon hwang ahn an song ryu yoo yu hong jeon chun ko "
        "moon mun yang son bae baek paek heo nam shim noh ha kwak sung cha joo woo koo min "
        "sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida "
        "yamada sasaki yamaguchi matsumoto inoue kimura hayashi saito shimizu yamazaki mori "
        "ikeda hashimoto abe ishikawa yamashita nakajima ishii ogawa maeda okada "
        "wang zhang liu chen zhao huang zhou wu xu sun zhu ma hu guo"
    )
)
# Words that follow such a family name in the names of places and firms (Han River).
_LATIN_NOT_GIVEN: Final = frozenset(
    _words(
        "river street road station hotel air bank pay group mart city line tower kong "
        "university church center centre company bridge hospital"
    )
)
_LATIN_PAIR: Final = re.compile(
    r"(?P<a>[A-Z](?<![A-Za-z0-9@._-][A-Z])(?:[a-z]+|[A-Z]*))[ ,]{1,2}"
    r"(?P<b>[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]+(?:-[A-Z]+)?)(?![A-Za-z0-9@_])"
)
# A romanised given name or nickname in lower case, before an age: ``hanaは17歳``.
# Found at the particle after a Latin letter (a note holds far fewer of those than
# letters), then walked back over the letters.
_LATIN_AGED: Final = re.compile(r"[はがも](?<=[A-Za-z][はがも]) ?(?:まだ|もう)?[0-9]{1,3} ?歳")
_HANDLE_CHARS: Final = frozenset("0123456789@._-")
_LATIN_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _latin(text: str) -> Iterator[tuple[int, int]]:
    for match in _LATIN_PAIR.finditer(text):
        a, b = match.group("a").lower(), match.group("b").lower()
        if a in _LATIN_NOT_GIVEN or b in _LATIN_NOT_GIVEN:
            continue
        if a in _LATIN_SURNAMES or b in _LATIN_SURNAMES:
            yield match.span("a")
            yield match.span("b")
    for match in _LATIN_AGED.finditer(text):
        end = start = match.start()
        while start > 0 and end - start < 13 and text[start - 1] in _LATIN_LETTERS:
            start -= 1
        opens = start == 0 or text[start - 1] not in _LATIN_LETTERS | _HANDLE_CHARS
        if 2 <= end - start <= 12 and opens:
            yield start, end


# A field of a form or a report: a kinship word or a role, a colon, a name.
_FIELD: Final = re.compile(
    rf"(?:{_alternation((*JA_KIN, '担当', '担当者', '記入者', '報告者', '申請者', '連絡係'))})"
    rf" ?: ?(?P<name>[{_KANJI}]{{1,6}}|[ァ-ヺー・]{{2,12}})(?=[ (、。,\n]|$)"
)


# A line of a form that opens with a full name, then a space and a date or an age
# (李明淑　1999年8月17日生).
_LINE_NAME: Final = re.compile(rf"(?P<name>[{_KANJI}]{{2,5}}) +(?=[0-9])")


_NEWLINE: Final = re.compile("\n")


def _opens_with_family_name(name: str) -> bool:
    """A family name, then a given name with a usual ending (金山正一), and no word
    that opens with a character family names share (高校教師)."""
    opens = name[:1] in _ONE_KANJI_SURNAMES or name[:2] in JAPANESE
    return 3 <= len(name) <= 5 and opens and name[-1] in JA_GIVEN_ENDS


# Words that end in 子 like given names and are none (息子の嫁, 親子と私).
_NOT_GIVEN: Final = frozenset(
    _words(
        "息子 親子 末子 実子 養子 長子 妻子 原子 分子 利子 粒子 因子 様子 調子 王子 女子 男子 "
        "大丈夫 丈夫"
    )
)


def ja_self_name(name: str) -> bool:
    """Whether the word in ``私はXです`` can be a name: not in kanji, or shaped like a
    name in kanji (a family name first, or a given name), not a state or a trade
    (元気, 大丈夫, 会社員, 日本人)."""
    if not all(map(_is_kanji, name.replace(" ", ""))):
        return True
    if name in _NOT_GIVEN:
        return False
    given = name[-1] in JA_GIVEN_ENDS
    surname = name[:1] in _ONE_KANJI_SURNAMES and (len(name) == 1 or given)
    japanese = any(name[:n] in JAPANESE and (len(name) == n or given) for n in (1, 2, 3))
    return surname or japanese or ja_full_name(name) or ja_given_alone(name)


def _fields(text: str) -> Iterator[tuple[int, int]]:
    for line in (0, *(m.end() for m in _NEWLINE.finditer(text))):
        match = _LINE_NAME.match(text, line)
        if match is not None and ja_full_name(match.group("name")):
            yield match.span("name")
    if ":" not in text:
        return
    for match in _FIELD.finditer(text):
        name = match.group("name")
        if "ァ" <= name[0] <= "ヺ":
            shaped = ja_korean_given(name.split("・")[-1])
        else:
            shaped = _family_name(name) or _opens_with_family_name(name)
        if shaped:
            yield match.span("name")


# A given name that opens a sentence, before a kinship word (恵子の娘), before a list of
# the people it goes with (美咲と私と母), or in a list of such names (英子、秀雄、).
_PEOPLE: Final = _alternation(("私", "わたし", "僕", "俺", *JA_KIN))
_GIVEN_OPENING: Final = re.compile(
    rf"(?P<name>[{_KANJI}](?<![^。!?\n、 「][{_KANJI}])[{_KANJI}]{{1,2}})"
    rf"(?=の(?:{_PEOPLE})|と(?:{_PEOPLE})[とのは、がでも]|、[{_KANJI}]{{2,3}}、)"
)
_NUMERALS: Final = frozenset("一二三四五六七八九十百千万")


# Given names of one kanji (明, 誠, 愛), common among the children of the programme's
# families; 実 (実の母, "birth mother"), 真, 正 and 和 open too many words to be here.
_ONE_KANJI_GIVEN: Final = frozenset("明誠愛勝光学茂進清剛豊勇隆博稔修徹忍聡翔蓮恵望薫歩優純操栄守")
# One of them opening a sentence, before a kinship word or joined by と to another.
_ONE_GIVEN_OPENING: Final = re.compile(
    rf"[{''.join(sorted(_ONE_KANJI_GIVEN))}](?<![^。!?\n、 「].)"
    rf"(?=の(?:{_PEOPLE})|と[{_KANJI}][はがのも])"
)


def ja_one_kanji_name(char: str) -> bool:
    """Whether one kanji alone can be a person's name: a family name or a given name."""
    return char in _ONE_KANJI_SURNAMES or char in _ONE_KANJI_GIVEN


def _one_kanji_given(text: str) -> Iterator[tuple[int, int]]:
    for match in _ONE_GIVEN_OPENING.finditer(text):
        start = match.start()
        if text[start + 1] == "の":
            yield start, start + 1
        elif text[start + 2] in _ONE_KANJI_GIVEN:
            yield start, start + 1
            yield start + 2, start + 3


def _given_opening(text: str) -> Iterator[tuple[int, int]]:
    for match in _GIVEN_OPENING.finditer(text):
        name = match.group("name")
        if ja_given_alone(name) and name not in _NOT_GIVEN and not _NUMERALS & set(name):
            yield match.span("name")
            nxt = match.end() + 1
            if text.startswith("、", match.end()):
                follower = text[nxt : nxt + 3]
                run = follower.rstrip("、")[:3]
                while run and not all(_is_kanji(ch) for ch in run):
                    run = run[:-1]
                if ja_given_alone(run) and text.startswith("、", nxt + len(run)):
                    yield nxt, nxt + len(run)


# Korean given names in katakana, found by the words around them.
_KATA_RUN: Final = re.compile(r"[ァ-ヺ](?<![ァ-ヺー・][ァ-ヺ])[ァ-ヺー]{1,5}(?![ァ-ヺー・])")
# What is said of a missing or speaking person right after the name.
_PERSON_NEWS: Final = re.compile(
    r"(?:が|は)(?:いな[いくか]|いませ|見つから|捕ま|戻らない|戻って|帰って|泣|「)|(?:と|や)(?=[ァ-ヺ])"
    r"|のお(?:母|父|兄|姉|祖母|祖父|ばあ|じい)(?:さん|ちゃん|様)"
    # Arrived, fled or headed somewhere (ユナが景洪に着いた).
    r"|(?:が|は)[^。!?\n、]{1,8}?(?:に|へ|まで)(?:着い|着き|着く|逃げ|向か|渡っ)"
)
# The word for a child before the name (4人目の子のソナ).
_CHILD_BEFORE: Final = "子の"


def _korean_given(text: str) -> Iterator[tuple[int, int]]:
    runs = [m for m in _KATA_RUN.finditer(text) if ja_korean_given(m.group())]
    for i, match in enumerate(runs):
        start, end = match.span()
        news = _PERSON_NEWS.match(text, end)
        joined = news is not None and news.group() in ("と", "や")
        if joined:
            partner = runs[i + 1] if i + 1 < len(runs) else None
            if partner is None or partner.start() != end + 1:
                continue
            yield partner.span()
        child = text.endswith(_CHILD_BEFORE, 0, start)
        if news is not None or child or _signature(text, start, end):
            yield start, end


def _signature(text: str, start: int, end: int) -> bool:
    """The name is the last line of the note, alone after the end of a sentence."""
    return text[end:].strip(" !。\n") == "" and start > 0 and text[start - 1] in "。!\n "


# A name in katakana right before an age in brackets (姪のアヤカ（24）).
_KATA_AGED: Final = re.compile(
    r"(?P<name>[ァ-ヺ](?<![ァ-ヺー・][ァ-ヺ])[ァ-ヺー・]{1,11}) ?\( ?[0-9]{1,3} ?(?:歳|才)? ?\)"
)
# A note that opens with its writer's given name in hiragana (ひろみです。).
_KANA_SELF: Final = re.compile(r"(?P<name>[ぁ-ゖ]{2,4})です[。、!]")
_KANA_NOT_SELF: Final = frozenset(
    _words("そう だめ むり いや はい いいえ ここ それ これ あれ まだ")
)


def _introduced(text: str) -> Iterator[tuple[int, int]]:
    if "(" in text:
        for match in _KATA_AGED.finditer(text):
            yield match.span("name")
    self_intro = _KANA_SELF.match(text)
    if self_intro is not None:
        name = self_intro.group("name")
        if name not in _KANA_NOT_SELF and name not in JA_KANA_NOT_NAMES and name[-1] != "い":
            yield self_intro.span("name")


# How a name is written and read, which a note spells out for a family name that
# differs between the languages: ``金って書いてキムと読みます``.
_WRITTEN_READ: Final = re.compile(
    rf"(?P<written>[{_KANJI}]{{1,4}})(?:って|と)書いて"
    r"(?P<read>[ァ-ヺー・]{1,10}|[ぁ-ゖ]{1,8}|[A-Za-z]{2,12})(?:って|と)読"
)
# A family name said of a relative: ``夫は金です``, ``母は李でした`` (the family name
# alone; a word after は is far more often a state, 母は元気です).
# Found at the は (the engine skips ahead to a literal), the kinship word checked after.
_KIN_IS: Final = re.compile(rf"は(?P<name>[{_KANJI}]{{1,3}})(?:です|でした)")
_KIN_BEFORE_IS: Final = tuple(kin + close for kin in JA_KIN for close in ("", ")"))


def _spelled_out(text: str) -> Iterator[tuple[int, int]]:
    if "書いて" in text:
        for match in _WRITTEN_READ.finditer(text):
            if ja_self_name(match.group("written")):  # not 山と書いてやまと読む
                yield match.span("written")
                yield match.span("read")
    for match in _KIN_IS.finditer(text):
        name = match.group("name")
        family = name in _ONE_KANJI_SURNAMES or name in JAPANESE
        if family and text.endswith(_KIN_BEFORE_IS, 0, match.start()):
            yield match.span("name")


def ja_framed(text: str) -> Iterator[tuple[int, int]]:
    """Japanese names in the frames of this module (but the brackets, which need the
    names already found)."""
    yield from _titled(text)
    yield from _katakana_given(text)
    yield from _latin(text)
    yield from _fields(text)
    yield from _given_opening(text)
    yield from _one_kanji_given(text)
    yield from _korean_given(text)
    yield from _introduced(text)
    yield from _spelled_out(text)


# What may stand in brackets as a name's other spelling: one script, no digits.
_SPELLING: Final = re.compile(
    rf"\((?P<name>[ぁ-ゖゑゐ]{{2,8}}|[ァ-ヺー・=]{{2,14}}|[A-Za-z][A-Za-z -]{{1,24}}"
    rf"|[{_KANJI}]{{2,6}})\)"
)
# The same before the bracket, walked back over one script.
_BEFORE_SPELLING: Final = re.compile(
    rf"(?:[{_KANJI}]{{2,6}}|[ァ-ヺー・]{{2,14}}|[A-Za-z][A-Za-z -]{{1,24}}[A-Za-z])\Z"
)
_KIN_BRACKET: Final = re.compile(
    rf"(?:{_alternation(JA_KIN)})(?:さん|ちゃん)?(?=\()"
    # A given name after a kinship word, with its reading in brackets (娘の光（ひかる）).
    rf"|(?:{_alternation(JA_KIN)})の(?P<name>[{_KANJI}]{{1,4}})(?=\([ぁ-ゖ]{{2,8}}\))"
)


# What stands in brackets after a name or a kinship word as a remark, not a spelling:
# where they live, where from, whether alive, what they are (姪（日本在住）, 母（日本人）).
_REMARK: Final = re.compile(
    r"(?:在住|出身|健在|故人|死亡|不明|会社員|公務員|主婦|学生|[本国鮮族]人)\Z"
)
_OPENING: Final = re.compile(r"\(")
# A kinship word (three characters at most), の and a given name of four kanji at most
# end at the bracket: a match begins at most this far before it.
_KIN_BRACKET_REACH: Final = 8


def ja_bracketed(
    text: str, spans: list[tuple[int, int]], stop: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """The other spelling of each name found, in brackets after it or around it, and
    a name in brackets after a kinship word (``叔母さん（ミヨコ）``)."""
    if "(" not in text:
        return
    for start, end in spans:
        after = _SPELLING.match(text, end)
        if after is not None and after.group("name") not in stop:
            yield after.span("name")
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            spelled = _BEFORE_SPELLING.search(text, max(0, start - 26), start - 1)
            if spelled is not None and spelled.group().strip() not in stop:
                yield spelled.start(), spelled.end()
    opened = [m.start() for m in _OPENING.finditer(text)]
    for kin in finditer_at(_KIN_BRACKET, text, before(opened, _KIN_BRACKET_REACH)):
        if kin.group("name") and kin.group("name") not in stop:
            yield kin.span("name")
        after = _SPELLING.match(text, kin.end())
        if after is not None and _spelling_after_kin(after.group("name"), stop):
            yield after.span("name")


def _spelling_after_kin(word: str, stop: frozenset[str]) -> bool:
    return word not in stop and _REMARK.search(word) is None


def _script(ch: str) -> int:
    """0 for kanji, 1 for katakana, 2 for a Latin letter, 3 for anything else."""
    if _is_kanji(ch):
        return 0
    if "ァ" <= ch <= "ヺ" or ch == "ー":
        return 1
    return 2 if ch.isascii() and ch.isalpha() else 3


def ja_repeated(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every other place where a name found in the note stands again as a word of its
    own (``旧姓は山口です。山口ヨシ子``, ``ユナが… ユナは``): not inside a longer word of
    the same script (山口県), and not a name in hiragana, which any kana word may hold."""
    for name in {text[start:end] for start, end in spans if end - start >= 2}:
        if _script(name[0]) == 3 or _script(name[-1]) == 3:
            continue
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            joined_before = pos > 0 and _script(text[pos - 1]) == _script(name[0])
            joined_after = end < len(text) and _script(text[end]) == _script(name[-1])
            if not joined_before and not joined_after:
                yield pos, end
            pos = text.find(name, end)
