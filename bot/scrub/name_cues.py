"""Names in ordinary sentences, found by the words around them.

A name as the subject or object of a sentence has no label and no honorific, but the
words around it still point at it: a kinship word before it (``姉の佐藤美咲が``,
``동생 영희가``, ``我妹妹王丽华``), a case particle after it (``佐藤美咲は``, ``김철수가``),
a preposition or verb that takes a person (``和李娜联系不上``), an age in brackets
(``王芳（73岁）``). Those cues alone fit ordinary words too (``関係者が``, ``이야기가``),
so each frame also asks that the candidate look like a name:

- a common family name first (surnames.py), then a given name whose characters are
  ones given names are made of (a Japanese given name ends in one of the usual endings
  such as 子, 美, 郎, 太; a Korean one is made of the syllables given names use);
- or, right after a kinship word only, a given name alone of that shape (``妹の美咲``,
  ``동생 영희``);
- and never a word of the stop lists below (``이민국``, ``공무원``, kinship and role words).

Korean names written in katakana in Japanese text (``キム・チョルス``) are caught by
their family name and the middle dot. What no cue points at is left to the NER layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from bot.scrub.scan import finditer_at, first_char_class, starts
from bot.scrub.surnames import (
    JAPANESE,
    KOREAN,
    KOREAN_COMPOUND,
    chinese_name,
)

__all__ = ["ja_cued", "ko_cued", "ko_given_alone", "zh_cued"]


def _words(text: str) -> list[str]:
    return text.split()


def _alternation(words: list[str]) -> str:
    # Longest first, so that 祖母 is tried before 母 and 여동생 before 동생.
    return "|".join(sorted(words, key=len, reverse=True))


# --- an age in brackets right after a name: 王芳（73岁）, 佐藤美咲（73歳）, 김철수(73세) --
_AGE_AFTER: Final = re.compile(r"[（(] ?[0-9０-９]{1,3} ?(?:岁|歳|세|살) ?[）)]")

# --- Japanese ----------------------------------------------------------------------
_KANJI_CLASS: Final = "\u4e00-\u9fff々"
_JA_KIN: Final = _words(
    "姉 兄 妹 弟 母 父 娘 息子 孫 孫娘 夫 妻 祖母 祖父 曾祖母 曾祖父 叔母 叔父 伯母 伯父 "
    "いとこ 従姉 従妹 従兄 従弟 姪 甥 嫁 婿 主人 義姉 義兄 義妹 義弟 義母 義父 長女 長男 "
    "次女 次男 三女 三男 母親 父親 友人 友達 知人 親戚 彼氏 彼女"
)
_JA_PARTICLE: Final = "は|が|を|に|と|も|の|から|へ|や|です|で|、"
# A kinship word, の (or 、), then a run of kanji ending before a particle. The run is
# checked in Python: a family name then a given name, or a given name alone.
_JA_KIN_FRAME: Final = re.compile(
    rf"(?:{_alternation(_JA_KIN)})(?:の|、|である)(?P<name>[{_KANJI_CLASS}]{{2,6}})"
    rf"(?=さん|ちゃん|{_JA_PARTICLE})"
)
# A run of three to six kanji that opens a sentence or follows kana or punctuation, with
# a particle after it: ``佐藤美咲は元気です``. The first kanji is taken before the
# lookbehind so that the engine skips ahead to kanji.
_JA_SUBJECT: Final = re.compile(
    rf"(?P<name>[{_KANJI_CLASS}](?<![{_KANJI_CLASS}][{_KANJI_CLASS}])[{_KANJI_CLASS}]{{2,5}})"
    rf"(?={_JA_PARTICLE})"
)
# The last character of most Japanese given names written in kanji.
_JA_GIVEN_END: Final = frozenset(
    "子美香恵奈菜花咲代江枝理里絵紀乃佳希穂音華織衣世実未愛優依葉帆梨那沙紗琴"
    "郎夫男雄太介助輔也哉樹彦司平吉治蔵之朗翔斗輝弘博宏浩隆誠茂勇悟蓮翼陽聡健剛亮"
    "涼稔進清實馨薫栄昇豊守"
)
# Korean and Chinese given names written in kanji after a one-character family name
# (金哲洙, 李明博): the characters such names end in, kept apart from the Japanese
# endings so that ordinary three-kanji words (金曜日, 高校生, 安全性) stay.
_HANJA_GIVEN_END: Final = frozenset(
    "洙秀英姫淑子順玉鎬浩植煥俊基成東国春花愛善香美恩恵賢珍鎮龍虎範哲男雄博姬喜"
    "熙熈永栄華蘭蓮梅菊福徳植燮鉉烈勲鐘錫琪珠貞媛娟麗芳娜"
)
# What follows a family name and is not a given name: a place, a house, a group.
_JA_NOT_GIVEN: Final = frozenset(
    "家町市区村県郡駅港様氏達側宅邸組屋社線橋川山島寺宮殿堂院館園店署局所校病会部道"
)
_JA_STOP: Final = frozenset(
    _words(
        "関係者 責任者 担当者 支援者 保護者 申請者 高校生 大学生 中学生 小学生 留学生 "
        "金曜日 日曜日 安全性 文化人 日本人 中国人 朝鮮人 韓国人 外国人 北朝鮮 南朝鮮 "
        "原子力 高齢者 森林 林業 様子 調子 帽子 菓子 椅子 団子 双子 王子 女子 男子 弟子 "
        "拍子 電子 障子 冊子 格子 時代 世代 年代 現代 近代 古代 交代 料理 管理 無理 処理 "
        "整理 修理 心理 代理 経理 義理 地理 郷里 本音 発音 録音 騒音 二世 三世 四世 事実 "
        "真実 現実 言葉 丈夫 工夫 長男 次男 三男 長女 次女 三女 紹介 援助 救助 補助 政治 "
        "自治 覚悟 留守 保守 太陽 知恵 中華 豪華 世紀 英雄 上司 寿司 公平 不平 繁栄 光栄"
    )
)
# Korean family names as Japanese writes them in katakana.
_JA_KO_SURNAMES: Final = _words(
    "キム イ リ パク ボク チェ チョン カン チョ ユン チャン イム ハン オ ソ シン クォン "
    "ファン アン ソン リュ ユ ホン コ ムン ヤン ペ ペク ホ ナム シム ノ ハ クァク チャ "
    "チュ ウ ク ミン チン ナ チ オム ピョン ヨム ヨ キル ウォン パン コン ヒョン ハム "
    "ピョ ミョン ト ソク マ ワン"
)
_JA_KO_NAME: Final = re.compile(
    rf"(?<![ァ-ヺー])(?:{_alternation(_JA_KO_SURNAMES)})[・=][ァ-ヺー]{{2,8}}"
    rf"(?:[・=][ァ-ヺー]{{1,6}})?"
)


def _ja_surname(run: str) -> int:
    """Length of the longest common family name that opens ``run`` (0 if none)."""
    for n in (3, 2, 1):
        if len(run) > n and run[:n] in JAPANESE:
            return n
    return 0


def _ja_full_name(run: str) -> bool:
    """``run`` (all kanji) is a family name then a given name."""
    if run in _JA_STOP:
        return False
    surname = _ja_surname(run)
    given = run[surname:]
    if surname >= 2:
        if len(given) == 1:
            return given not in _JA_NOT_GIVEN
        return len(given) <= 3 and given[-1] in _JA_GIVEN_END
    if surname == 1:
        return len(given) == 2 and given[-1] in _HANJA_GIVEN_END
    return False


def _ja_given_alone(run: str) -> bool:
    """``run`` (all kanji) is a given name by itself: two or three kanji, a usual ending."""
    return 2 <= len(run) <= 3 and run[-1] in _JA_GIVEN_END and run not in _JA_STOP


def ja_cued(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Japanese names pointed at by a kinship word, a particle or an age in brackets."""
    for match in _JA_KIN_FRAME.finditer(text):
        run = match.group("name")
        if run in roles:
            continue
        if run in JAPANESE or _ja_full_name(run) or _ja_given_alone(run):
            yield match.span("name")
    for match in _JA_SUBJECT.finditer(text):
        if _ja_full_name(match.group("name")):
            yield match.span("name")
    if "・" in text or "=" in text:  # the view folds ＝ to = (and ･ to ・)
        for match in _JA_KO_NAME.finditer(text):
            yield match.span()
    for start, end in _before_age(text, 6):
        for begin in range(start, end - 1):
            run = text[begin:end]
            if run in JAPANESE or _ja_full_name(run):
                yield begin, end
                break


# --- Korean ------------------------------------------------------------------------
# The syllables Korean given names are made of (South and North). A three-syllable word
# that opens with a family name counts as a name only if the other two are among these:
# ``이야기``, ``한국어``, ``경찰서`` are not.
_KO_GIVEN: Final = frozenset(
    "각간갑강건걸경계고곤광교구국군권규균근금기길나난남내녀년노다단달담덕도돈동두득"
    "라란람래량려련렬령례로록룡류륜률리린림립만말매명모목무문미민밀박반방배백범벽병보복본"
    "봉분비빈빛산삼상새서석선설섭성세소솔송수숙순술슬승시식신실심아안애양억언엄업연열염엽"
    "영예오옥온완왕요용우욱운웅원월위유육윤율은을음응의이익인일임자작장재전절정제조종주준"
    "중지직진찬창채천철청초춘충치칠탁태택통판팔표필하학한해행향허헌혁현형혜호홍화환활황회"
    "효후훈휘희흥"
)
_KO_STOP: Final = frozenset(
    _words(
        "이민국 공무원 전문가 현지인 장애인 하나원 국정원 대사관 영사관 이산가족 주민센터 "
        "한국인 조선인 조선족 유학생 고아원 보호소 수용소 이주민 난민 정부 관계자 담당자 "
        "신분증 여권 주소 연락처 이름 동생 언니 누나 오빠 남편 아내 가족 친구 선생 선생님 "
        "보호자 지원자 후원자 중개인 안내원 경찰관 소방관 간호사 변호사 의사 기자 목사 "
        "전도사 선교사 사장님 주인 집주인 이웃 부모님 자녀 손자 손녀 고모 이모 삼촌 조카 "
        "사촌 외삼촌 고향 소식 연락 사진 조사 정보 도움 방법 문제 상황 사정 준비 결정 "
        "이야기 이유 지금 오늘 내일 어제 주말 한동안 최근 동안 시간 순간 오전 오후 저녁 "
        "우리 저희 모두 혼자 다들 서로 각자 모두들 한국 중국 일본 북한 남한 조선 미국 "
        "러시아 몽골 태국 라오스 베트남 국경 강가 시내 시골 도시 병원 학교 회사 공장 "
        "신부 수녀 어머니 아버지 할머니 할아버지 시어머니 시아버지 장모 장인 며느리 사위 "
        "한국어 중국어 일본어 조선어 영어 이상 이하 정도 이후 이전 전부 일부 대부분 모든 "
        "지원 도우미 공안 경찰 군인 간부 무사 안전 위험 건강 안심 걱정 성공 실패 문의 "
        "아이 하나 한명 두명 세명 나이 소원 이번 다음 먼저 같이 혼자서 "
        # Provinces before 도 (함경남도, 전라북도): the suffix reads as the particle 도.
        "함경남 함경북 전라남 전라북 경상남 경상북 충청남 충청북 평안남 평안북 황해남 황해북"
    )
)
_KO_PARTICLES: Final = _words(
    "가 이 는 은 를 을 와 과 의 도 에게 한테 께 께서 랑 이랑 하고 이가 이는 이를 이도 "
    "이와 이의 이한테 이에게 이랑 이하고 이에요 예요 입니다 이었어요 였어요 이었습니다 "
    "였습니다 이고 이라는 라는 이란 란 이라고 라고"
)
_KO_PARTICLE: Final = _alternation(_KO_PARTICLES)
_KO_SURNAME_CLASS: Final = "[" + "".join(sorted(KOREAN | {s[0] for s in KOREAN_COMPOUND})) + "]"
# A word of three or four syllables opening with a family name, then a particle, then
# the end of the word: ``김철수가``, ``박지영을``. Checked in Python.
_KO_SUBJECT: Final = re.compile(
    rf"(?P<name>{_KO_SURNAME_CLASS}(?<![가-힣][가-힣])[가-힣]{{2}})"
    rf"(?:{_KO_PARTICLE})(?![가-힣])"
)
_KO_COMPOUND_SUBJECT: Final = re.compile(
    rf"(?P<name>(?:{_alternation(sorted(KOREAN_COMPOUND))})(?<![가-힣]..)[가-힣]{{2}})"
    rf"(?:{_KO_PARTICLE})(?![가-힣])"
)
_KO_KIN: Final = _words(
    "동생 여동생 남동생 언니 오빠 누나 형 형님 누이 엄마 아빠 어머니 아버지 어머님 아버님 "
    "할머니 할아버지 외할머니 외할아버지 딸 아들 큰딸 작은딸 큰아들 작은아들 남편 아내 "
    "부인 손녀 손자 외손녀 외손자 이모 고모 삼촌 외삼촌 조카 사촌 며느리 사위 친구 "
    "시어머니 시아버지 장모 장인 올케 시누이 처제 처형 매형 제부 큰언니 막내"
)
_KO_KIN_FRAME: Final = re.compile(
    rf"(?<![가-힣])(?:{_alternation(_KO_KIN)})(?:인|의|이자)? "
    rf"(?P<name>[가-힣]{{2,4}}?)(?:{_KO_PARTICLE})?(?![가-힣])"
)
# Where a kinship word can begin: a word that opens with one of their first syllables
# (a pattern that opens with a lookbehind would be tried at every position; scan.py).
_KO_KIN_AT: Final = re.compile(rf"{first_char_class(_alternation(_KO_KIN))}(?<![가-힣][가-힣])")


def _ko_full_name(word: str) -> bool:
    """``word`` is a family name then a given name of two syllables."""
    if word in _KO_STOP:
        return False
    if len(word) == 4 and word[:2] in KOREAN_COMPOUND:
        given = word[2:]
    elif len(word) == 3 and word[0] in KOREAN:
        given = word[1:]
    else:
        return False
    return all(syllable in _KO_GIVEN for syllable in given)


def ko_given_alone(word: str) -> bool:
    """``word`` is two syllables of a given name (and no common word)."""
    return len(word) == 2 and word not in _KO_STOP and all(s in _KO_GIVEN for s in word)


def ko_cued(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Korean names pointed at by a particle, a kinship word or an age in brackets."""
    for pattern in (_KO_SUBJECT, _KO_COMPOUND_SUBJECT):
        for match in pattern.finditer(text):
            name = match.group("name")
            if name not in roles and _ko_full_name(name):
                yield match.span("name")
    for match in finditer_at(_KO_KIN_FRAME, text, starts(_KO_KIN_AT, text)):
        name = match.group("name")
        if name in roles:
            continue
        if _ko_full_name(name) or ko_given_alone(name):
            yield match.span("name")
    for start, end in _before_age(text, 4):
        for length in (4, 3):
            if end - start >= length and _ko_full_name(text[end - length : end]):
                yield end - length, end
                break


# --- Chinese -----------------------------------------------------------------------
_ZH_KIN: Final = _words(
    "妹妹 姐姐 哥哥 弟弟 妈妈 母亲 爸爸 父亲 奶奶 爷爷 外婆 外公 姥姥 姥爷 女儿 儿子 孙女 "
    "孙子 外孙女 外孙 丈夫 妻子 老公 老婆 媳妇 姑姑 姨妈 舅舅 叔叔 伯伯 表姐 表妹 表哥 "
    "表弟 堂姐 堂妹 堂哥 堂弟 侄女 侄子 外甥女 外甥 朋友 邻居 同事 大姨 小姨 婆婆 公公 "
    "岳母 岳父 嫂子 弟媳 姐夫 妹夫 亲戚 老乡 同学"
)
# A kinship word, optionally a possessive or a comma, then the name (in a lookahead, so
# that the next cue may stand inside it: ``帮我找刘建国``).
_ZH_KIN_FRAME: Final = re.compile(
    rf"(?:{_alternation(_ZH_KIN)})(?:的|，|,| )?(?=(?P<name>[\u4e00-\u9fff]{{2,4}}))"
)
# Words that take a person right after them: ``和李娜联系不上``, ``找王芳``.
_ZH_TAKES_PERSON: Final = _words(
    "和 跟 与 同 给 找 见 让 被 叫 问 告诉 联系 带 陪 等 帮 帮助 通知 委托 托 嫁给 认识 "
    "遇到 见到 想念 担心 寻找 联络"
)
_ZH_PERSON_FRAME: Final = re.compile(
    rf"(?:{_alternation(_ZH_TAKES_PERSON)})(?=(?P<name>[\u4e00-\u9fff]{{2,4}}))"
)
# A name of two characters ends before these (the start of a verb, an adverb or a
# measure that follows a person), so that ``李娜联系不上`` keeps ``联系``.
_ZH_AFTER_NAME: Final = frozenset(
    "的了在是和与跟同给找见叫请问对向被让把这那从到去来说有也都就又还很联住离已没不现目今一打病失"
    "已要想能会可应该正刚才曾于我你他她们它过走回出进上下着"
)
_ZH_STOP: Final = frozenset(
    _words(
        "高兴 方便 安全 马上 周末 常常 明天 明白 成功 关心 关系 许多 于是 任何 严重 应该 "
        "全家 全部 商量 简单 支持 计划 容易 解决 尤其 连续 管理 单位 包括 司机 中介 吉林 "
        "辽宁 云南 广西 朝鲜 韩国 日本 中国 东北 南方 边境 边防 公安 武警 金钱 黄金 钱包 "
        "文化 华人 华侨 安排 安心 常见 高中 初中 宁愿 宁可 曾经 向来 毛钱 江边 路上 车上 "
        "程序 孙女 孙子 时间 时候 石头 白天 齐心 左右 夏天 雷雨 谢谢 温暖 万一 项目 费用 "
        "冷静 康复 花钱 权利 强调 房子 车子 房东 卫生 农村 古老 宗教 司法 党员 方式 方法 "
        "方面 方向 关押 向导 成年"
    )
)


def _zh_person(candidate: str) -> int:
    """Length of the name that opens ``candidate``: a common family name and one or two
    given characters, stopped before a verb or adverb (0 if none)."""
    surname, length = chinese_name(candidate, _ZH_AFTER_NAME)
    name = candidate[:length]
    if length == surname or name in _ZH_STOP or name[:2] in _ZH_STOP:
        return 0
    return length


def zh_cued(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Chinese names pointed at by a kinship word, a verb that takes a person, or an
    age in brackets (``我妹妹王丽华``, ``和李娜联系不上``, ``王芳（73岁）``)."""
    for pattern in (_ZH_KIN_FRAME, _ZH_PERSON_FRAME):
        for match in pattern.finditer(text):
            start = match.start("name")
            length = _zh_person(match.group("name"))
            name = text[start : start + length]
            if length and name not in roles and name[:2] not in roles:
                yield start, start + length
    for start, end in _before_age(text, 4):
        for length in (3, 2):
            if end - start < length:
                continue
            name = text[end - length : end]
            if _zh_person(name) == length and name not in roles:
                yield end - length, end
                break


def _before_age(text: str, reach: int) -> Iterator[tuple[int, int]]:
    """The run of letters (CJK or Hangul, at most ``reach``) right before an age in
    brackets."""
    for match in _AGE_AFTER.finditer(text):
        end = match.start()
        start = end
        while start > 0 and end - start < reach and _is_name_char(text[start - 1]):
            start -= 1
        if end - start >= 2:
            yield start, end


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "가" <= ch <= "힣" or ch == "々"
