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
from itertools import chain
from typing import Final

from bot.scrub.name_cues import (
    JA_GIVEN_ENDS,
    JA_KANA_NOT_NAMES,
    JA_KIN,
    JA_STOP,
    ja_full_name,
    ja_given_alone,
    ja_korean_given,
)
from bot.scrub.placenames import KEPT_NAMES, PLACE_NAMES
from bot.scrub.scan import back_over, before, finditer_at, starts
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
    "牧師 神父 伝道師 宣教師 長老 執事 社長 医師 院長 所長 会長 老師 "
    "大哥 大姐 姐さん 兄さん 姐 哥 "
    # the ranks of the border guards and the police a note names (林中尉)
    "少尉 中尉 大尉 少佐 中佐 大佐 隊長 班長"
)
# A Christian name in katakana before the title of a church (ダニエル牧師, ヨハネ神父).
_KATA_TITLED: Final = re.compile(
    r"[ァ-ヺ](?<![ァ-ヺー・][ァ-ヺ])[ァ-ヺー]{1,7}(?=牧師|神父|宣教師|伝道師|長老|執事)"
)
_TITLE: Final = re.compile(rf"(?P<name>[{_KANJI}]{{1,4}})(?:{_alternation(_TITLES)})")
_TITLE_AT: Final = re.compile(_alternation(_TITLES))


def _family_name(run: str) -> bool:
    return run in _ONE_KANJI_SURNAMES or run in JAPANESE or ja_full_name(run)


def _titled(text: str) -> Iterator[tuple[int, int]]:
    """A family name (or a full name) right before a title: ``崔牧師``, ``陳姐が``."""
    for match in _KATA_TITLED.finditer(text):
        if _kata_person(match.group()):
            yield match.span()
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
        ) or _kana_given_shape(surname, match.group("given")):
            yield match.span()


# A given name in katakana of two or three plain kana (ハル, ミツ, ヒロミ: no long
# vowel, no small kana, which loanwords hold) after a family name of two kanji or more,
# or after a Korean one the register gave a Japanese wife (崔ヒロミ, 李ミツ).
_PLAIN_KANA: Final = re.compile(
    "[アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノ"
    "ハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヲン]{2,4}"
)
_KO_WIFE_SURNAMES: Final = frozenset("李崔朴鄭姜趙尹張韓呉")
_KANA_NOT_GIVEN: Final = frozenset(_words("ビル ホテル バス ハム ガス パン ジム ゴム ビザ ドル"))


def _kana_given_shape(surname: str, given: str) -> bool:
    family = (len(surname) >= 2 and surname in JAPANESE) or surname in _KO_WIFE_SURNAMES
    plain = _PLAIN_KANA.fullmatch(given) is not None
    return family and plain and given not in _KANA_NOT_GIVEN and _kata_person(given)


# Family names as passports and chat accounts romanise them (Korean, Japanese, Chinese).
_LATIN_SURNAMES: Final = frozenset(
    _words(
        "kim lee yi ri park pak choi choe jung jeong chung kang cho jo yoon yun jang chang "
        "lim im han oh seo shin sin kwon hwang ahn an song ryu yoo yu hong jeon chun ko "
        "moon mun yang son bae baek paek heo nam shim noh ha kwak sung cha joo woo koo min "
        "sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida "
        "yamada sasaki yamaguchi matsumoto inoue kimura hayashi saito shimizu yamazaki mori "
        "ikeda hashimoto abe ishikawa yamashita nakajima ishii ogawa maeda okada "
        "wang zhang liu chen zhao huang zhou wu xu sun zhu ma hu guo "
        # Vietnamese ones, for the drivers and landlords south of the border.
        "nguyen tran pham hoang huynh phan dang bui ngo duong"
    )
)
# A Russian family name by its ending (Petrov, Sokolova, Ivanovich), as the helpers
# across the Russian border are written.
_LATIN_RUSSIAN: Final = re.compile(r"[a-z]{2,}(?:ov|ova|ev|eva|in|ina|sky|skaya|enko|vich)")
# Words that follow such a family name in the names of places and firms (Han River).
_LATIN_NOT_GIVEN: Final = frozenset(
    _words(
        "river street road station hotel air bank pay group mart city line tower kong "
        "university church center centre company bridge hospital"
    )
)
# Two words, or three (RI MYONG HUI, Nguyen Van Nam): the third as a middle or a
# given name of two syllables.
_LATIN_PAIR: Final = re.compile(
    r"(?P<a>[A-Z](?<![A-Za-z0-9@._-][A-Z])(?:[a-z]+|[A-Z]*))[ ,]{1,2}"
    r"(?P<b>[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]+(?:-[A-Z]+)?)"
    r"(?: (?P<c>[A-Z][a-z]+|[A-Z]+))?(?![A-Za-z0-9@_])"
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
        c = (match.group("c") or "").lower()
        if a in _LATIN_NOT_GIVEN or b in _LATIN_NOT_GIVEN:
            continue
        russian = _LATIN_RUSSIAN.fullmatch(b) is not None and len(a) >= 3
        if a in _LATIN_SURNAMES or b in _LATIN_SURNAMES or russian:
            yield match.span("a")
            yield match.span("b")
            if c and c not in _LATIN_NOT_GIVEN:
                yield match.span("c")
    for match in _LATIN_AGED.finditer(text):
        end = start = match.start()
        while start > 0 and end - start < 13 and text[start - 1] in _LATIN_LETTERS:
            start -= 1
        opens = start == 0 or text[start - 1] not in _LATIN_LETTERS | _HANDLE_CHARS
        if 2 <= end - start <= 12 and opens:
            yield start, end


# A field of a form or a report: a kinship word or a role, a colon, a name.
# The writer of a report may put their role before their name (記入者：ボランティア 西村).
_FIELD_KIN: Final = (*JA_KIN, "子", "子ども", "子供")
_FIELD_ROLES: Final = ("担当", "担当者", "記入者", "報告者", "申請者", "連絡係")
_FIELD: Final = re.compile(
    rf"(?:(?P<kin>{_alternation(_FIELD_KIN)})"
    rf"|{'|'.join(_FIELD_ROLES)})"
    r" ?: ?(?:(?:ボランティア|スタッフ|職員|支援者|牧師) )?"
    rf"(?P<name>[{_KANJI}]{{1,6}}|[ァ-ヺー・]{{2,12}})(?=[ (、。,\n]|$)"
)
# A field's word ends at most a space before its colon: the pattern is tried only there.
_FIELD_REACH: Final = max(map(len, (*_FIELD_KIN, *_FIELD_ROLES))) + 1
_COLON: Final = re.compile(":")
# More given names after the first, a comma apart (兄の子：勇太、美穂).
_MORE_GIVEN: Final = re.compile(rf"、(?P<name>[{_KANJI}]{{2,3}})(?=[、。\n (]|$)")


# A line of a form that opens with a full name, then a space and a date or an age
# (李明淑　1999年8月17日生).
# A list of the family pastes the same line after a kinship word, one person a line,
# the columns apart by spaces or tabs (父 金正男 65, 妹\tミンジ\t30歳).
# A list may number or bullet its lines, and set the columns apart by a bar, a dash or
# an arrow (1. 兄 ー 金山 武, 夫 | 崔 泰雄 | 58); after a kinship word or a role the
# name may be all the line holds, or stand before a note (祖母 加藤トシ 故人).
_LINE_OPEN: Final = r"[ \t]*(?:[0-9]{1,2}[.)]|[・\-*•■◆])?[ \t]*"
_LINE_SEP: Final = r"(?:[ \t]*[:|ー→\-][ \t]*|[ \t]+)"
_LINE_ROLES: Final = _words("本人 牧師 神父 仲介 仲介者 ブローカー 運転手 案内人 通訳 担当")
_LINE_NAME: Final = re.compile(
    rf"{_LINE_OPEN}(?:(?P<kin>{_alternation((*JA_KIN, *_LINE_ROLES))}){_LINE_SEP})?"
    rf"(?P<name>[{_KANJI}]{{1,4}}(?: [{_KANJI}]{{1,3}}| ?[ァ-ヺー]{{2,6}})?"
    rf"|[ァ-ヺー]{{2,10}}(?:・[ァ-ヺー]{{2,10}})?)"
    rf"(?:(?<=[{_KANJI}ァ-ヺー])(?=[ \t]*[|(、,/]|[ \t]*$)|[ \t]+(?=[0-9])|(?P<note>[ \t]+))",
    re.MULTILINE,
)


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


def _line_name(match: re.Match[str]) -> bool:
    """A full name before an age opens a line by itself; after a kinship word or a
    role, a family name first, a given name or a name in katakana will do."""
    name = match.group("name")
    if not match.group("kin"):
        return not match.group("note") and ja_full_name(name) and _digit_after(match)
    if name in JA_KIN or name in _NOT_GIVEN or name in _KATA_NOT_PERSONS:
        return False
    if "ァ" <= name[0] <= "ヺ":
        return _kata_person(name)
    if " " in name:  # 崔 泰雄, 金井 勇: a family name, a space, a given name
        family = name.split(" ")[0]
        return _family_name(family) or family[:1] in _ONE_KANJI_SURNAMES
    # A given name that is also a word (英雄, 真実) is a name in this column; so is a
    # Korean full name whatever its last kanji (李哲民), but not a trade (高校教師).
    given = 2 <= len(name) <= 3 and name[-1] in JA_GIVEN_ENDS
    korean = len(name) == 3 and (name[0] in _ONE_KANJI_PERSONS or name[0] == "金")
    japanese = len(name) in (3, 4) and name[:2] in JAPANESE
    return given or korean or japanese or _family_name(name) or _opens_with_family_name(name)


def _digit_after(match: re.Match[str]) -> bool:
    """The line goes on with a number after the name (李明淑 1999年8月17日生)."""
    rest = match.string[match.end() : match.end() + 1]
    return rest.isdigit()


def _fields(text: str) -> Iterator[tuple[int, int]]:
    for line in (0, *(m.end() for m in _NEWLINE.finditer(text))):
        match = _LINE_NAME.match(text, line)
        if match is not None and _line_name(match):
            yield match.span("name")
    if ":" not in text:
        return
    for match in finditer_at(_FIELD, text, before(starts(_COLON, text), _FIELD_REACH)):
        name = match.group("name")
        if "ァ" <= name[0] <= "ヺ":
            shaped = ja_korean_given(name.split("・")[-1])
        else:
            shaped = _family_name(name) or _opens_with_family_name(name)
            # After a kinship word a given name alone is the relative's (母：良子).
            shaped = shaped or (bool(match.group("kin")) and ja_given_alone(name))
        if shaped and name not in JA_KIN:  # 記入者：孫 is the writer's grandchild
            yield match.span("name")
            end = match.end()
            while (more := _MORE_GIVEN.match(text, end)) and ja_given_alone(more.group("name")):
                yield more.span("name")
                end = more.end()


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
_KIN_BEFORE_IS: Final = tuple(
    kin + close for kin in (*JA_KIN, "父方", "母方") for close in ("", ")")
)


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


# A person met, heard from or asked, named right before the particle and the verb:
# ``健二から電話があった``, ``美代子に会いたい``, ``イワノフから聞いた``. Found at the verb
# (opened with a class of the particles' first characters, so that the engine skips
# ahead to them) and walked back over one script.
_CONTACT_VERBS: Final = (
    *("会[っいうえわお]", "電話", "連絡"),
    *("聞[いきくけか]", "頼[んまみむめ]", "相談", "言われ", "教わ", "紹介さ", "手紙"),
)
# と goes with meeting and calling only: ``Xと言われた`` quotes what was said.
_CONTACT_AFTER_TO: Final = _CONTACT_VERBS[:3]


def _contact_verb(verb: str) -> str:
    """The verb, opening with its first kanji and a lookbehind for the particle before
    it: the class of first kanji lets the engine skip ahead to the rare ones."""
    particles = ("から", "に", "と") if verb in _CONTACT_AFTER_TO else ("から", "に")
    behind = "|".join(f"(?<={particle}{verb[0]})" for particle in particles)
    return f"{verb[0]}(?:{behind}){verb[1:]}"


_CONTACT_AT: Final = re.compile("|".join(map(_contact_verb, _CONTACT_VERBS)))
# The particle's length, by its last character.
_PARTICLE_LENGTH: Final = {"ら": 2, "に": 1, "と": 1}
# Katakana words a note puts before those verbs that are no person: roles, offices,
# apps and media, countries (the places in katakana are in PLACE_NAMES).
_KATA_NOT_PERSONS: Final = frozenset(
    _words(
        "ブローカー ガイド ドライバー スタッフ ボランティア ママ パパ センター メンバー "
        "リーダー オーナー ボス カウンセラー ワーカー ケースワーカー ソーシャルワーカー "
        "マネージャー コーディネーター エージェント パートナー グループ チーム オフィス "
        "シェルター ドクター ナース ポリス ニュース ラジオ テレビ ネット サイト アプリ ホテル "
        "ライン カカオ カカオトーク テレグラム ウィーチャット フェイスブック インスタ メール "
        "ショートメール ビデオ スマホ ケータイ メッセンジャー シグナル ズーム ユーチューブ "
        "タイ ラオス ロシア ベトナム モンゴル ミャンマー カンボジア アメリカ フィリピン "
        "イギリス フランス ドイツ カナダ オーストラリア ブラジル ペルー インド "
        "ウォン ドル ユーロ ルーブル バーツ キップ ドン トゥグルグ "
        "タクシー サービス トラック バイク ルート ネットワーク カード アカウント グループ"
    )
)
# A count or a sum before the word (300万ウォンから): no person.
_AMOUNT_END: Final = frozenset("0123456789万千億百十")


def _kata_person(run: str) -> bool:
    plain = run.replace("・", "")
    return (
        len(plain) >= 2
        and run not in _KATA_NOT_PERSONS
        and not run.endswith(tuple(_KATA_NOT_PERSONS))
        and run not in PLACE_NAMES
        and run not in KEPT_NAMES
    )


# Family names of one kanji that are no everyday word before 聞いた or 会った (not 金,
# money, nor 林 or 森, a wood): the Chinese and Korean ones of the route.
_ONE_KANJI_PERSONS: Final = _ZH_IN_JAPANESE | frozenset("李朴崔姜尹孔沈宋洪申柳曹蔡潘杜汪邱")


def _kanji_person(run: str) -> bool:
    """A given name alone (not a word for people, 友人, 管理人), a full name, or a
    family name of two kanji or more."""
    if run in _NOT_GIVEN or run in PLACE_NAMES or run in KEPT_NAMES:
        return False
    given = ja_given_alone(run) and run[-1] != "人"
    family = (len(run) >= 2 and run in JAPANESE) or run in _ONE_KANJI_PERSONS
    return given or ja_full_name(run) or family


def _katakana(ch: str) -> bool:
    return _script(ch) == 1 or ch == "・"


def _run_before(text: str, end: int) -> tuple[int, int] | None:
    """The word of one script (katakana with its dots, or kanji) that ends at ``end``."""
    start = end
    if start > 0 and _katakana(text[start - 1]):
        while start > 0 and end - start < 14 and _katakana(text[start - 1]):
            start -= 1
        if start > 0 and (_katakana(text[start - 1]) or text[start - 1] in _AMOUNT_END):
            return None
        return (start, end) if _kata_person(text[start:end].strip("・")) else None
    while start > 0 and end - start < 4 and _is_kanji(text[start - 1]):
        start -= 1
    if start == end or (start > 0 and _is_kanji(text[start - 1])):
        return None
    return (start, end) if _kanji_person(text[start:end]) else None


# A foreigner's given name and family name in katakana, with the dot Japanese writes
# between them (セルゲイ・イワノフ, アンナ・ソコロワ, ジョン・ソンミ).
_DOTTED_KATA: Final = re.compile(
    r"[ァ-ヺ](?<![ァ-ヺー・][ァ-ヺ])[ァ-ヺー]{1,9}・[ァ-ヺ][ァ-ヺー]{1,9}(?![ァ-ヺー・])"
)
# Words a dot joins that make a loanword or a firm, not a name (ボランティア・グループ).
_DOTTED_NOT_NAMES: Final = frozenset(
    _words(
        "サービス システム カード ネット ワーク ショップ ストア センター ハウス ホーム "
        "クラブ ルート ビザ パスポート コール フォン ポイント ライフ ケア ユニオン "
        "ソーシャル コミュニティ インターナショナル ジャパン コリア チャイナ ニュース"
    )
)


def _dotted(text: str) -> Iterator[tuple[int, int]]:
    if "・" not in text:
        return
    for match in _DOTTED_KATA.finditer(text):
        parts = match.group().split("・")
        if all(_kata_person(part) and part not in _DOTTED_NOT_NAMES for part in parts):
            yield match.span()


# A person named after their role on the route or their people and の (ガイドのソン,
# ブローカーの李に, タイ人のソムチャイが).
_ROLE_OF: Final = re.compile(
    rf"の(?P<name>[ァ-ヺー]{{2,10}}|[{_KANJI}]{{1,3}})(?=[はがにとをも、(]|さん|から|だけ)"
)
# The role or the people before the の, checked only where such a の stands.
_ROLE_BEFORE: Final = re.compile(
    r"(?:ガイド|ブローカー|運転手|ドライバー|仲介者|仲介人|案内人|通訳|牧師|宣教師|大家|家主|"
    rf"雇い主|警官|[ァ-ヺー]{{2,6}}人|[{_KANJI}]{{1,3}}人)\Z"
)


# One kanji after such a word that is more often a word than a family name
# (中国人の方, ブローカーの金, 運転手の車).
_ROLE_OF_NOT: Final = frozenset("方男女子家車店金高安話国人手声顔")


def _role_of(text: str) -> Iterator[tuple[int, int]]:
    for match in _ROLE_OF.finditer(text):
        if _ROLE_BEFORE.search(text, max(0, match.start() - 7), match.start()) is None:
            continue
        name = match.group("name")
        if _is_kanji(name[0]):
            one = name in _ONE_KANJI_SURNAMES and name not in _ROLE_OF_NOT
            person = _kanji_person(name) or one
        else:
            person = _kata_person(name)
        if person and name not in JA_KIN:
            yield match.span("name")


def _contacted(text: str) -> Iterator[tuple[int, int]]:
    for found in starts(_CONTACT_AT, text):
        # The walk back starts before the particle (から, に, と).
        verb = found - _PARTICLE_LENGTH.get(text[found - 1], 0)
        span = _run_before(text, verb)
        if span is not None:
            yield span


# A name and its reading in brackets before an honorific (沈（シェン）さん), or an
# honorific between a name and its Latin spelling (ソムサックさん（Somsak）).
_HONORED_SPELLING: Final = re.compile(
    rf"(?P<a>[{_KANJI}]{{1,4}}|[ァ-ヺー・]{{2,12}})"
    r"(?:\((?P<b>[ァ-ヺー・ ]{1,14}|[ぁ-ゖ・ ]{2,10}|[A-Za-z][A-Za-z -]{1,24})\) ?"
    r"(?:さん|様|さま|氏|先生)"
    r"|(?:さん|様|さま|氏) ?\((?P<c>[A-Za-z][A-Za-z -]{1,24})\))"
)


# The name ends right before its bracket or its honorific: the pattern is tried only over
# the run of kanji or katakana before one (kanji everywhere made it start at each).
_HONORED_AT: Final = re.compile(r"\(|さん|様|さま|氏|先生")
_HONORED_CHARS: Final = frozenset(
    chain(map(chr, range(0x4E00, 0xA000)), map(chr, range(ord("ァ"), ord("ヺ") + 1)), "々ー・")
)


def _honored_spellings(text: str) -> Iterator[tuple[int, int]]:
    if "(" not in text:
        return
    near = back_over(text, starts(_HONORED_AT, text), _HONORED_CHARS, reach=12)
    for match in finditer_at(_HONORED_SPELLING, text, near):
        start = match.start("a")
        if start > 0 and _script(text[start - 1]) == _script(text[start]):
            continue
        name = match.group("a")
        kanji = _is_kanji(name[0])
        if (kanji and not _family_name(name) and not ja_self_name(name)) or (
            not kanji and not _kata_person(name)
        ):
            continue
        yield match.span("a")
        yield match.span("b" if match.group("b") else "c")


# A name in quotes after the word for a display name or a nickname (表示名は「小鹿」,
# LINEの名前は「ゆきんこ」), or before 呼ばれ (「老趙」と呼ばれていた).
_QUOTED_NAME: Final = re.compile(
    r"(?:表示名|ニックネーム|あだ名|呼び名|名前|アカウント名|ユーザー名|通称)(?:は|が|:| ){0,2}"
    r"「(?P<name>[^」\n]{1,12})」"
    r"|「(?P<called>[^」\n]{1,8})」(?:と|って)呼"
)
# The elder word or the honorific a quoted nickname ends in stays (「王おじさん」).
_QUOTED_TAIL: Final = re.compile(
    r"(?:お?(?:じ|ば|じい|ばあ|にい|ねえ)(?:さん|ちゃん)|さん|ちゃん|様)\Z"
)


def _quoted(text: str) -> Iterator[tuple[int, int]]:
    if "「" not in text:
        return
    for match in _QUOTED_NAME.finditer(text):
        group = "name" if match.group("name") else "called"
        start, end = match.span(group)
        tail = _QUOTED_TAIL.search(text, start, end)
        if tail is not None:
            end = tail.start()
        if end - start >= 1 and text[start:end] not in JA_KIN:
            yield start, end


# A given name in hiragana after the label of a name (お名前 → ちかこ, 名前はみよこです).
_KANA_LABELLED: Final = re.compile(
    r"(?:お名前|名前|氏名|本名|下の名前)(?:は|:| |→){1,3}(?P<name>[ぁ-ゖ]{2,5}?)"
    r"(?=です|でした|と(?:いい|言い|申し|呼)|って|[、。,\n ]|$)"
)
_KANA_LABEL_NOT_GIVEN: Final = frozenset(
    _words("なし ない ふめい ひみつ ないしょ まだ たしか わからない")
)


def _kana_labelled(text: str) -> Iterator[tuple[int, int]]:
    for match in _KANA_LABELLED.finditer(text):
        name = match.group("name")
        inflected = name.endswith(("ない", "たい", "しい", "ます")) or "わから" in name
        if name not in _KANA_LABEL_NOT_GIVEN and name not in JA_KANA_NOT_NAMES and not inflected:
            yield match.span("name")


# A given name alone as the one word of a sentence or called to at its end
# (…哲也です。, 会えませんでした、明美。).
# Each opened by what the engine can skip ahead to: a kanji (the lookbehind then looks
# one character further back) or the comma.
_GIVEN_SENTENCE: Final = re.compile(
    rf"(?P<name>[{_KANJI}](?<![^。？！?!\n][{_KANJI}])[{_KANJI}]{{1,2}})です(?=[。！!]|$)"
)
_GIVEN_CALLED: Final = re.compile(rf"、(?P<called>[{_KANJI}]{{2,3}})(?=[。！!]|$)")


def _given_sentences(text: str) -> Iterator[tuple[int, int]]:
    for match in chain(_GIVEN_SENTENCE.finditer(text), _GIVEN_CALLED.finditer(text)):
        group = "called" if "called" in match.re.groupindex else "name"
        name = match.group(group)
        common = name in _NOT_GIVEN or name[-1] == "人" or bool(_NUMERALS & set(name))
        common = common or name in KEPT_NAMES or name in PLACE_NAMES  # 、青海。
        if ja_given_alone(name) and not common:
            yield match.span(group)


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
    yield from _contacted(text)
    yield from _role_of(text)
    yield from _dotted(text)
    yield from _kin_hanja(text)
    yield from _honored_spellings(text)
    yield from _quoted(text)
    yield from _kana_labelled(text)
    yield from _given_sentences(text)


# What may stand in brackets as a name's other spelling: one script, no digits.
# A reading keeps the space or the dot between family and given name (たかぎ はるえ,
# ひろた・きよし, ハン チュンメイ).
_SPELLING: Final = re.compile(
    rf"\((?P<name>[ぁ-ゖゑゐ]{{2,8}}(?:[ ・][ぁ-ゖゑゐ]{{1,8}})?"
    rf"|[ァ-ヺー・=]{{2,14}}(?: [ァ-ヺー]{{1,10}})?|[A-Za-z][A-Za-z -]{{1,24}}"
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


# What a bracket after a kinship word says of the person that is no name of theirs:
# where they live or come from, or that they are missing (姪（日本在住）).
_NOT_SPELLING_ENDS: Final = ("在住", "出身", "不明", "生まれ", "故人", "推定", "死亡", "在中")


def _spelling(name: str, stop: frozenset[str]) -> bool:
    return name not in stop and not name.endswith(_NOT_SPELLING_ENDS)


def ja_bracketed(
    text: str, spans: list[tuple[int, int]], stop: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """The other spelling of each name found, in brackets after it or around it, and
    a name in brackets after a kinship word (``叔母さん（ミヨコ）``)."""
    if "(" not in text:
        return
    for start, end in spans:
        after = _SPELLING.match(text, end)
        if after is not None and _spelling(after.group("name"), stop):
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
        if (
            after is not None
            and _spelling(after.group("name"), stop)
            and _spelling_after_kin(after.group("name"), stop)
        ):
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


def _given_part(name: str) -> str:
    """The given name of a full name in kanji, which a note goes on to call the
    person by (李春花, then 春花からの手紙), or "" when it has none of two kanji."""
    if not all(map(_is_kanji, name)) or not 3 <= len(name) <= 5:
        return ""
    surname = 2 if name[:2] in JAPANESE and len(name) >= 4 else 1
    if surname == 1 and name[:1] not in _ONE_KANJI_SURNAMES:
        return ""
    given = name[surname:]
    shaped = given[-1] in JA_GIVEN_ENDS and given not in _NOT_GIVEN
    return given if len(given) >= 2 and shaped and ja_full_name(name) else ""


# A Korean given name in hanja after a kinship word and の (姪の恵淑で, 息子の哲洙（17歳）):
# two kanji, the second one such names end in; not 国 or 人 (母の祖国, 兄の友人).
_KIN_HANJA: Final = re.compile(
    rf"の(?P<name>[{_KANJI}]{{2}})(?=[はがをにともでやの、(]|さん|から)"
)
_KIN_WORDS: Final = tuple(JA_KIN)


def _kin_hanja(text: str) -> Iterator[tuple[int, int]]:
    for match in _KIN_HANJA.finditer(text):
        if not text.endswith(_KIN_WORDS, 0, match.start()):
            continue
        name = match.group("name")
        start = match.start("name")
        shaped = name[-1] in JA_GIVEN_ENDS and name[-1] not in "国人"
        common = name in JA_STOP or name in _NOT_GIVEN or name in JA_KIN
        if shaped and not common and name not in PLACE_NAMES and name not in KEPT_NAMES:
            yield start, start + 2


def ja_repeated(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every other place where a name found in the note stands again as a word of its
    own (``旧姓は山口です。山口ヨシ子``, ``ユナが… ユナは``): not inside a longer word of
    the same script (山口県), and not a name in hiragana, which any kana word may hold."""
    found = {text[start:end] for start, end in spans if end - start >= 2}
    for name in found | {given for name in found if (given := _given_part(name))}:
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
