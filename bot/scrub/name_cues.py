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
from functools import cache, lru_cache
from itertools import chain
from typing import Final

import ahocorasick_rs

from bot.scrub import gazetteer_curated as curated
from bot.scrub.scan import back_over, before, finditer_at, first_char_class, starts
from bot.scrub.surnames import (
    CHINESE,
    CHINESE_COMPOUND,
    CHINESE_GIVEN,
    CHINESE_RARE,
    JAPANESE,
    JAPANESE_IN_CHINESE,
    KOREAN,
    KOREAN_COMPOUND,
    KOREAN_IN_CHINESE,
    chinese_name,
)

__all__ = [
    "JA_GIVEN_ENDS",
    "JA_KANA_NOT_NAMES",
    "JA_KIN",
    "JA_STOP",
    "KO_JA_SURNAMES",
    "KO_JA_SYLLABLES",
    "ZH_BEFORE_NAME",
    "ZH_STOP",
    "ZH_TITLES",
    "ja_cued",
    "ja_full_name",
    "ja_given_alone",
    "ja_korean_given",
    "ko_called_thing",
    "ko_cued",
    "ko_given_alone",
    "ko_ja_name",
    "ko_lone_surnames",
    "ko_name_shaped",
    "ko_stop",
    "zh_cued",
    "zh_japanese_name",
    "zh_korean_jae",
    "zh_tagged_name",
]


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
    rf"(?=さん|ちゃん|{_JA_PARTICLE}|[(（])"
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
    "涼稔進清實馨薫栄昇豊守一二三夏海真綾人"
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
        "自治 覚悟 留守 保守 太陽 知恵 中華 豪華 世紀 英雄 上司 寿司 公平 不平 繁栄 光栄 "
        "唯一 万一 統一 第一 同一 均一 単一 随一 十一 十二 第二 一一 専一 画一 逐一 "
        "友人 知人 恩人 犯人 主人 本人 他人 個人 成人 老人 大人 病人 住人 愛人 役人 商人 "
        "職人 証人 詩人 芸人 故人 美人 外人 新人 軍人 素人 玄人 仲人 管理人 保証人 代理人 "
        "日本海 東海 北海 上海 航海 写真 純真 人夏 真夏 初夏 今夏 昨夏"
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

# A common family name, then a given name in hiragana, then a particle before a word
# (中島あすかが昨日, 林さゆりと連絡): the kana must not open with a particle or a word
# that follows nouns (から, まで, だけ), and the particle must not open a verb ending
# (平野ひろがる). After a family name of one kanji the kana may be the rest of a word
# (高すぎる, 安かった): there the kana must not end as verbs and adjectives do, and the
# kanji that are mostly adjectives or words are left out.
_JA_KANA_GIVEN_AFTER: Final = re.compile(
    r"(?<![\u4e00-\u9fff々])(?P<surname>[\u4e00-\u9fff々]{1,3})"
    r"(?!から|まで|より|だけ|など|しか|こそ|でも|では|には|とは|だっ|です|でし|ので|のに|けど"
    r"|たち|さえ|ばかり|くらい|ぐらい|ほど|って|らしい|みたい|さん|さま|ちゃん|くん)"
    # In kana, or kana and the kanji such a name ends in (くみ子, さち恵).
    r"(?P<given>(?![はがをにともへやでの])(?:[ぁ-ゖ]{1,3}[子美代江恵枝乃]|[ぁ-ゖ]{2,4}?))"
    r"(?:は|が|を|に|と|も|の|から|へ|です|、|。|\(|（)(?![ぁ-ゖ])"
)
# A family name and a given name with a space between them (伊藤 裕子は), checked as one.
_JA_SPACED: Final = re.compile(
    rf"(?<![{_KANJI_CLASS}])(?P<name>[{_KANJI_CLASS}]{{1,3}} [{_KANJI_CLASS}]{{1,3}})"
    rf"(?={_JA_PARTICLE}|[(（])"
)
# A romanised name before an honorific (``Kim Ok-hwaさん``), and a family named by its
# family name and 家 (``母方の姜家``, ``佐藤家の墓``; not 家族, 家庭).
_JA_LATIN_NAME: Final = re.compile(
    r"(?P<name>[A-Z][a-z]{1,12}(?:[ -][A-Za-z][a-z]{1,12}){0,2}) ?(?:さん|様|さま|氏|先生)"
)
_JA_HONORIFIC_AT: Final = re.compile("さん|様|さま|氏|先生")
_LATIN_NAME_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -")
_JA_HOUSE: Final = re.compile(
    r"(?<![\u4e00-\u9fff々])(?P<name>[\u4e00-\u9fff々]{1,3})家(?![\u4e00-\u9fff々])"
)
_JA_HOUSE_AT: Final = re.compile("家")
_JA_WORD_KANJI: Final = frozenset("高安金白南文全明原関")
# Where the frames above can end, so that each is tried only a name's length before
# (scan.py), over the characters a name is written in.
_JA_CALLED_AT: Final = re.compile("という|っていう|って|と名乗|と呼ばれ")
_JA_ELDER_AT: Final = re.compile(r"(?:ばあ|じい|ば|じ|ねえ|にい|姉|兄|母|父)(?:ちゃん|さん|様)")
_JA_NAME_CHARS: Final = frozenset(
    [
        *map(chr, range(0x4E00, 0xA000)),
        *map(chr, range(ord("ァ"), ord("ヺ") + 1)),
        *map(chr, range(0xAC00, 0xD7A4)),
        "々",
        "ー",
        "・",
    ]
)
# Before the elder word the walk passes its お, 叔 or 祖 too.
_JA_ELDER_CHARS: Final = _JA_NAME_CHARS | {"お"}
_HANGUL_ANY: Final = re.compile("[가-힣]")
# The units of a place in Hangul: province (도, and 성 for Chinese ones), city, county.
_KO_PLACE_UNITS: Final = frozenset("도성시군현구읍면동리")
# Places written in katakana or Hangul (ピョンヤン, チョンジン, 상하이) have the shape of
# Korean names; the place detector and the kept provinces own them.
_KANA_AND_HANGUL_PLACES: Final = frozenset(
    name
    for name in (*curated.PROVINCES, *(n for row in curated.PLACES for n in row))
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name)
)
# A space between two kanji, found at the space (a note holds few) and checked around it.
_KANJI_SPACE: Final = re.compile(r" (?<=[\u4e00-\u9fff々] )(?=[\u4e00-\u9fff々])")
# Every common family name, found in one pass (a note holds far fewer of them than
# places where kanji give way to kana); a given name in kana may follow one.
_JA_SURNAME_AUTOMATON: Final = ahocorasick_rs.AhoCorasick(
    sorted(JAPANESE), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
)
# Opened with a character class (から by its か), so that the engine skips ahead to it.
_KANA_PERSON_AT: Final = re.compile(
    r"[はがもか](?:(?<=か)ら|(?<=[はがも])(?= ?[0-9０-９]{1,3} ?歳))"
)
_HIRAGANA: Final = frozenset(map(chr, range(ord("ぁ"), ord("ゖ") + 1)))
_JA_ONE_KANJI: Final = frozenset("林森原関堀辻")
_JA_INFLECTED_END: Final = frozenset("るたいうくすてぎだっ")
# A name the writer names as one: ``崔という姓``, ``孫建軍という男``, ``金本と名乗って``.
# Only nouns of a person follow という here (``延吉という町`` is a place, left to places).
_JA_CALLED: Final = re.compile(
    r"(?P<name>[\u4e00-\u9fff々]{1,4}|[ァ-ヺー・]{2,12}|[가-힣]{2,4})"
    r"(?:という|っていう|って)(?:[\u4e00-\u9fff]{1,3}人の)?"
    r"(?:姓|名字|苗字|名前|名|人|男|女|方|者|男性|女性|子|少年|少女"
    # or the person's role on the route, or their people (劉という運転手, ソコロワ
    # というロシア人).
    r"|運転手|仲介者|仲介人|ブローカー|牧師|宣教師|ガイド|通訳|業者|案内人|人物"
    r"|[\u4e00-\u9fffァ-ヺー]{1,5}人)"
    r"|(?P<alias>[\u4e00-\u9fff々]{1,4}|[ァ-ヺー・]{2,12})(?:と名乗|(?:と|って)呼ばれ)"
)
# A given name before the word the family calls an elder by: ``ハルおばあちゃん``,
# ``チヨばあちゃん``, ``マサ叔母さん``.
_JA_BEFORE_ELDER: Final = re.compile(
    # or katakana with the kanji such names end in (スミ子伯母さん).
    r"(?P<name>[ァ-ヺー]{1,4}[子江代枝]|[ァ-ヺー]{2,6}|[\u4e00-\u9fff々]{1,3})"
    r"(?:お?(?:ばあ|じい|ば|じ|ねえ|にい)|姉|兄|叔母|叔父|伯母|伯父|祖母|祖父)(?:ちゃん|さん|様)"
)
# A given name or nickname in hiragana before an honorific: ``ゆみちゃん``,
# ``みっちゃん``, ``はなこさん``: the whole run of hiragana before it, of two to four
# characters, or three to five after a kanji when a particle opens it
# (``母とはなこさん``: the particle is dropped). A longer run cannot be cut safely.
_JA_KANA_HONORIFIC: Final = re.compile(r"(?P<hon>ちゃん|さん|くん)")
_JA_KANA_PARTICLES: Final = "はがをにともへやで"
# Hiragana words before さん or ちゃん that are not names: たくさん, みなさん, family words
# (かあさん, ばあちゃん), あかちゃん, and the adverbs before ちゃんと ("properly").
_JA_KANA_NOT_NAMES: Final = frozenset(
    _words(
        "たく みな みんな かあ とう にい ねえ ばあ じい あか ぼっ あん これ それ あれ "
        "もう まだ いつも とても もっと また まず ぜひ あまり ずっと よく みんな どうか "
        "ちゃんと きちんと いま まあ ほら えっと あの その この あと さっき むこう あっち "
        "こっち そっち どっち ここ そこ あそこ どこ こちら そちら あちら だれ どなた わたし "
        "あたし わたくし ぼく おれ うち あなた かれ かのじょ こども むすめ むすこ まご おっと "
        "つま はは ちち あね あに いもうと おとうと そふ そぼ いとこ ともだち しりあい きのう "
        "きょう あした あさって ゆうべ いつ なに なん それで だから でも ただ もし たぶん"
    )
)
# A person introducing themself by role or by where they live: ``ボランティアのハヤシです``,
# ``新潟市に住む長谷部です``. The role word is what makes the next word a name.
_JA_SELF_ROLES: Final = tuple(
    _words(
        "ボランティア ケースワーカー スタッフ 支援者 支援団体 職員 担当 担当者 代表 通訳 "
        "牧師 弁護士 記者 会員 事務局 家族 親族 孫 娘 息子 姪 甥 妹 弟"
    )
)
# The role word before の is checked in Python (_ja_self_role), so that the pattern
# opens with a literal and the engine skips ahead to it.
_JA_SELF: Final = re.compile(
    r"(?P<cue>の|住む|住んでいる|住んでいます|在住の)"
    r" ?(?P<name>[\u4e00-\u9fff々]{1,4}|[ァ-ヺー]{2,8}) ?です(?=[。、！!\n ]|$)"
)
# Occupations and groups that end a word of the same shape (``会社員です``).
_JA_NOT_SELF_END: Final = frozenset("員者人生婦師士家族側")
# Korean given names in katakana (``ミョンヒ``, ``ジョンス``, ``ハンビョル``): two
# syllables, each the katakana of a syllable Korean given names are made of
# (``_KO_GIVEN``, below), built once by _korean_in_katakana. Many katakana loanwords
# split the same way (ダメ, ミス, ライン), so such a word counts as a name only where the
# sentence points at a person: after a kinship word and の, before a kinship word,
# before an age, in a list of such words, or before a particle and a word said of a
# person (``ジョンスから電話``, ``ミンジの連絡先``).
# The first character is taken before the lookbehind, so that the engine skips ahead
# to katakana instead of trying the lookbehind everywhere.
_JA_KATAKANA_RUN: Final = re.compile(
    r"[ァ-ヺ\u3099\u309a](?<![ァ-ヺー・\u3099\u309a][ァ-ヺ\u3099\u309a])"
    r"[ァ-ヺ\u3099\u309a]{1,5}(?![ァ-ヺー・\u3099\u309a])"
)
_JA_KO_GIVEN_BEFORE: Final = re.compile(
    rf"(?:{_alternation(_JA_KIN)})の$|(?:{_alternation(_JA_KIN)})$"
)
# What is said of a person right after a name: an age, or a particle and a word of
# contact, family or welfare.
_JA_PERSON_SAID: Final = (
    r"(?:(?:は|が|も|って) ?[0-9０-９]{1,3} ?歳|[(（] ?[0-9０-９]{1,3}"
    r"|(?:から|と|に|の|が|は|も)(?:電話|連絡|手紙|写真|返事|返信|メール|メッセージ|話|会|一緒"
    r"|聞|相談|頼|WhatsApp|LINE|ライン|カカオ|WeChat|番号|家族|夫|妻|娘|息子|母|父|子|姉|兄|"
    r"妹|弟|叔父|叔母|伯父|伯母|祖母|祖父|孫|名前|ため|こと|無事|行方|元気|病気|働|生まれ|"
    r"生年月日|誕生日|住所|居場所|消息|安否))"
)
_JA_PERSON_AFTER: Final = re.compile(rf"[、,]|{_JA_PERSON_SAID}")
# A given name in hiragana that opens a sentence, before an age or a message from
# its bearer (``すみれから返事が来ない``, ``ゆみは34歳``); the pronouns, family words and
# adverbs that open sentences the same way are in _JA_KANA_NOT_NAMES. Other words
# after it fit too many of them (ほかの家族, すぐに返事, やっと連絡).
_JA_KANA_PERSON: Final = re.compile(
    r"(?:^|(?<=[。、！？!?\s「]))(?P<run>[ぁ-ゖ]{2,4}?)"
    r"(?=(?:は|が|も) ?[0-9０-９]{1,3} ?歳"
    r"|から(?:電話|連絡|手紙|写真|返事|返信|メール|メッセージ))"
)
_JA_ELDERS: Final = ("お姉", "お兄", "おば", "おじ", "ヌナ", "オンニ", "オッパ", "ヒョン")
# Katakana loanwords (and words written in katakana for emphasis) of the same shape.
_JA_NOT_KO_GIVEN: Final = frozenset(
    _words(
        "ダメ ムリ ウソ ホント ゴミ ミス チャンス ライン ミシン ミルク ママ パパ ジム ビル "
        "ヤバ マジ スゴ ヒマ ソウル プサン ハナ ジョン ウォン ドル メモ コピー ペン ノート "
        "ホテル バス カメラ サイン ヒント ゼミ ミニ ユニ セミ ソファ スイス イラン ヨガ"
    )
)
# A Korean name left in Hangul inside Japanese text (``朝鮮名は김정숙``, ``（강영일）``).
# The class first and the lookbehind one character further back: the engine skips ahead
# to a Hangul syllable instead of trying the lookbehind at every position.
_JA_HANGUL_WORD: Final = re.compile(r"[가-힣](?<![가-힣][가-힣])[가-힣]{2,3}(?![가-힣])")
# A name right before an age in brackets with no unit: ``朴順愛（67）``.
_JA_BARE_AGE: Final = re.compile(r"[（(] ?[0-9]{1,3} ?[）)]")


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
        # 林七夏, 森裕美子: Japanese family names of one kanji take Japanese given names.
        if run[0] in _JA_ONE_KANJI:
            return len(given) in (2, 3) and given[-1] in _JA_GIVEN_END | _HANJA_GIVEN_END
        return len(given) == 2 and given[-1] in _HANJA_GIVEN_END
    return False


def _ja_given_alone(run: str) -> bool:
    """``run`` (all kanji) is a given name by itself: two or three kanji, a usual ending."""
    return 2 <= len(run) <= 3 and run[-1] in _JA_GIVEN_END and run not in _JA_STOP


# How Japanese writes a Korean syllable in katakana: the initial consonant (voiced and
# unvoiced, as both are heard), the vowel, the final. The rows give a consonant's kana
# for a, i, u, e, o; a y- or w- vowel adds a small kana to the i or u column.
_KANA_ROWS: Final = {
    "": "ア イ ウ エ オ",
    "k": "カ キ ク ケ コ",
    "g": "ガ ギ グ ゲ ゴ",
    "n": "ナ ニ ヌ ネ ノ",
    "t": "タ ティ トゥ テ ト",
    "d": "ダ ディ ドゥ デ ド",
    "r": "ラ リ ル レ ロ",
    "m": "マ ミ ム メ モ",
    "p": "パ ピ プ ペ ポ",
    "b": "バ ビ ブ ベ ボ",
    "s": "サ シ ス セ ソ",
    "ch": "チャ チ チュ チェ チョ",
    "j": "ジャ ジ ジュ ジェ ジョ",
    "h": "ハ ヒ フ ヘ ホ",
}
# Initial consonants in Unicode order (ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ).
_INITIALS: Final = (
    ("k", "g"), ("k",), ("n",), ("t", "d"), ("t",), ("r",), ("m",), ("p", "b"), ("p",),
    ("s",), ("s",), ("",), ("ch", "j"), ("ch",), ("ch",), ("k",), ("t",), ("p",), ("h",),
)  # fmt: skip
# Vowels in Unicode order (ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ): a column of the row,
# with ``y`` or ``w`` before it for the glides.
_VOWELS: Final = (
    "a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "we", "yo", "u", "wo",
    "we", "wi", "yu", "u", "i", "i",
)  # fmt: skip
# Final consonants in Unicode order (none, then ㄱㄲㄳㄴㄵㄶㄷㄹ…ㅎ): the kana written for them.
_FINALS: Final = {0: ("",), 1: ("ク",), 4: ("ン",), 7: ("ッ",), 8: ("ル",), 16: ("ム", "ン"),
                  17: ("プ",), 19: ("ッ",), 21: ("ン",)}  # fmt: skip
_SMALL: Final = {"a": "ャ", "u": "ュ", "o": "ョ", "e": "ェ"}
_SMALL_W: Final = {"a": "ァ", "e": "ェ", "o": "ォ", "i": "ィ"}


def _syllable_kana(row: str, vowel: str) -> str:
    kana = _KANA_ROWS[row].split()
    column = "aiueo".index(vowel[-1])
    if len(vowel) == 1:
        return kana[column]
    if vowel[0] == "y":
        if not row:
            return {"a": "ヤ", "u": "ユ", "o": "ヨ", "e": "イェ"}[vowel[1]]
        if row in ("ch", "j"):
            return kana[column]
        return kana[1][0] + _SMALL[vowel[1]]
    if not row:
        return {"a": "ワ", "e": "ウェ", "o": "ウォ", "i": "ウィ"}[vowel[1]]
    return kana[2][0] + _SMALL_W[vowel[1]]


@cache
def _ko_katakana_units() -> frozenset[str]:
    """The katakana of every syllable of ``_KO_GIVEN``, in every usual spelling."""
    units: set[str] = set()
    for syllable in _KO_GIVEN:
        code = ord(syllable) - 0xAC00
        initial, vowel, final = code // 588, code % 588 // 28, code % 28
        for row in _INITIALS[initial]:
            head = _syllable_kana(row, _VOWELS[vowel])
            units.update(head + tail for tail in _FINALS.get(final, ("",)))
    return frozenset(units)


@lru_cache(maxsize=4096)  # a note repeats its katakana words; the set of them is small
def _ja_korean_given(run: str) -> bool:
    """``run`` (katakana) reads as a Korean given name of two syllables."""
    if run in _JA_NOT_KO_GIVEN or run in _KANA_AND_HANGUL_PLACES:
        return False
    units = _ko_katakana_units()
    return any(run[:i] in units and run[i:] in units for i in range(1, len(run)))


def _ja_korean_given_names(text: str) -> Iterator[tuple[int, int]]:
    """Korean given names in katakana where the sentence points at a person."""
    listed = -1  # where the next name of a list of names would begin
    for match in _JA_KATAKANA_RUN.finditer(text):
        start, end = match.span()
        if not _ja_korean_given(match.group()):
            continue
        before = _JA_KO_GIVEN_BEFORE.search(text, max(0, start - 5), start)
        after = _JA_PERSON_AFTER.match(text, end)
        if before or after or start == listed or text.startswith(_JA_ELDERS, end):
            yield start, end
            listed = end + 1 if text.startswith(("、", ","), end) else -1


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
    yield from _ja_named(text, roles)


def _ja_named(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Names in the frames that name a person without a particle cue: ``Xという人``,
    ``Xおばあちゃん``, ``ゆみちゃん``, ``ボランティアのXです``, Hangul, ``X（67）``."""
    called = back_over(text, starts(_JA_CALLED_AT, text), _JA_NAME_CHARS, reach=12)
    for match in finditer_at(_JA_CALLED, text, called):
        group = "name" if match.group("name") else "alias"
        if match.group(group) not in roles and match.group(group) not in _JA_STOP:
            yield match.span(group)
    elders = back_over(text, starts(_JA_ELDER_AT, text), _JA_ELDER_CHARS, reach=8)
    selves = (m for m in _JA_SELF.finditer(text) if _ja_self_role(text, m))
    for match in chain(finditer_at(_JA_BEFORE_ELDER, text, elders), selves):
        name = match.group("name")
        if name not in roles and name[-1] not in _JA_NOT_SELF_END:
            yield match.span("name")
    for match in _JA_KANA_HONORIFIC.finditer(text):
        span = _ja_kana_name(text, match)
        if span is not None:
            yield span
    yield from _ja_korean_given_names(text)
    for match in finditer_at(_JA_SPACED, text, before(starts(_KANJI_SPACE, text), 3)):
        if _ja_full_name(match.group("name").replace(" ", "")):
            yield match.span("name")
    for start in _ja_surnames_before_kana(text):
        found = _JA_KANA_GIVEN_AFTER.match(text, start)
        if found is None:
            continue
        surname, given = found.group("surname"), found.group("given")
        if len(surname) == 1 and (surname in _JA_WORD_KANJI or given[-1] in _JA_INFLECTED_END):
            continue
        yield found.start(), found.end("given")
    latin = back_over(text, starts(_JA_HONORIFIC_AT, text), _LATIN_NAME_CHARS, reach=30)
    for match in finditer_at(_JA_LATIN_NAME, text, latin):
        yield match.span("name")
    if "家" in text:
        # The pattern opens with a lookbehind, which the engine tries at every position:
        # tried only up to three characters before each 家, it finds the same names.
        houses = back_over(text, starts(_JA_HOUSE_AT, text), _JA_NAME_CHARS, reach=3)
        for match in finditer_at(_JA_HOUSE, text, houses):
            if match.group("name") in JAPANESE:
                yield match.span("name")
    kana_people = back_over(text, starts(_KANA_PERSON_AT, text), _HIRAGANA, reach=4)
    for match in finditer_at(_JA_KANA_PERSON, text, kana_people):
        if match.group("run") not in _JA_KANA_NOT_NAMES:
            yield match.span("run")
    if _HANGUL_ANY.search(text):
        for match in _JA_HANGUL_WORD.finditer(text):
            # 강원도, 장시성, 청진시: a place with its unit reads as a name of the same shape.
            word = match.group()
            place = word[-1] in _KO_PLACE_UNITS or word in _KANA_AND_HANGUL_PLACES
            if not place and _ko_full_name(word):
                yield match.span()
    for match in _JA_BARE_AGE.finditer(text):
        end = match.start()
        for begin in range(max(0, end - 4), end - 1):
            run = text[begin:end]
            if run.isalpha() and (_ja_full_name(run) or run in JAPANESE):
                yield begin, end
                break


def _ja_surnames_before_kana(text: str) -> Iterator[int]:
    """Where a common family name that opens a run of kanji gives way to kana."""
    for _, start, end in _JA_SURNAME_AUTOMATON.find_matches_as_indexes(text):
        kana_after = end < len(text) and "ぁ" <= text[end] <= "ゖ"
        if kana_after and not (start > 0 and _is_kanji(text[start - 1])):
            yield start


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "々"


def _ja_self_role(text: str, match: re.Match[str]) -> bool:
    """A self-introduction's cue is a verb of living, or a role word and の."""
    if match.group("cue") != "の":
        return True
    return text.endswith(_JA_SELF_ROLES, 0, match.start())


def _ja_kana_name(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The span of a hiragana name before an honorific (with ちゃん, which makes a
    nickname of it: ``みっちゃん``), or ``None`` for a word that is no name."""
    start = match.start()
    while start > 0 and "ぁ" <= text[start - 1] <= "ゖ":
        start -= 1
    run = text[start : match.start()]
    after_word = start > 0 and not text[start - 1].isspace() and text[start - 1] not in "。、「"
    if after_word and len(run) >= 3 and run[0] in _JA_KANA_PARTICLES:
        start, run = start + 1, run[1:]
    elif after_word and run[:1] == "の" and run[1:2] in "おご":
        return None  # 日本人のおばあちゃん: の, then a family word (のぞみ stays whole)
    if not 2 <= len(run) <= 4 or run[0] in "おご" or run in _JA_KANA_NOT_NAMES:
        return None
    if after_word and run[0] == "の" and run[1] in "おご":
        return None  # 日本人のおばあちゃん: の, then the word for an elder
    if match.group("hon") == "ちゃん" and text.startswith("と", match.end()) and after_word:
        return None  # ちゃんと is also "properly": a name then only at a boundary
    end = match.end() if match.group("hon") == "ちゃん" else match.start()
    return start, end


# The Japanese shapes above, for the further frames of ja_frames.py.
JA_KIN: Final = tuple(_JA_KIN)
JA_KANA_NOT_NAMES: Final = _JA_KANA_NOT_NAMES
ja_full_name: Final = _ja_full_name
ja_given_alone: Final = _ja_given_alone
ja_korean_given: Final = _ja_korean_given
JA_GIVEN_ENDS: Final = _JA_GIVEN_END | _HANJA_GIVEN_END
JA_STOP: Final = _JA_STOP


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
    "효후훈휘희흥별름늘"
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
        # Everyday words made of family-name and given-name syllables alike, as they
        # come in notes about a family (a name frame alone would take them).
        "목소리 배우자 연세 최소한 정보원 정말로 강제 강아지 장례식 임시 임신 서류 서명 "
        "신원 신고 신청서 송환 송금 유치원 전화 전화기 고민 문자 양국 양육비 배송 백두산 "
        "백만원 남성 노인 노동자 성경 주민 우선 구조 진술 나중 지원금 원래 방문 현재 석방 "
        "연금 명절 기도 금요일 제일 은행 상태 교회 작은 이제 정말 조심 기억 명단 수술 "
        "한국말 은행원 정신 안정 예배 기도회 성도 형제 자매 남매 동서 조모 손아래 형수 "
        "제수 매제 자형 장녀 장남 양자 양녀 구청 시청 도청 택시 선박 구금 구류 수용 도강 "
        "밀수 상인 안내 권사 집사 장로 전도사 간사 사모 고양이 신한 삼성 국민 농협 "
        # Provinces before 도 (함경남도, 전라북도): the suffix reads as the particle 도.
        "함경남 함경북 전라남 전라북 경상남 경상북 충청남 충청북 평안남 평안북 황해남 황해북 "
        # Words that take the particle 이 and look like a pet name in 이 (사람이랑,
        # 다행이네), and shapes before 형 "shape" (삼각형, 진행형).
        "비밀 가명 본명 실명 예명 모름 없음 미상 외자 무엇 이라고 이라는 이라서 "
        "애인 연인 시민 인민 장군 교장 조장 선장 순경 상대 자식 후배 선배 동기 제자 아기 애기 "
        "손주 조상 경비 보안 동료 회장 동창 동네 친정 시댁 본인 자기 여보 명의 "
        "사람 위안 친척 편지 반지하 가이드 누구 아무개 다행 진심 보위원 보위부 안전원 보안원 군관 "
        "장교 삼각 사각 오각 육각 팔각 정방 진행 명령 나선 원통 일반 순환 기본 표준 "
        "삼각형 사각형 오각형 육각형 팔각형 진행형 명령형 원통형 나선형 정방형 일반형 "
        "과거형 미래형 현재형 어린이 목걸이 아직 아마 혹시 벌써 이미 역시 간호 "
        "공안국 공안청 안전국 각각 사이 "
        # Words in the North's spelling, which keeps the ㄹ and ㄴ the South drops: they
        # open with the syllables of 리, 류, 림 and read as names.
        "려권 로인 련락 로동 로동자 로동당 리유 녀자 녀성 량식 력사 래일 로력 리해 리용 "
        "련합 료리 류학 림시 렬차 로임 로선 련계 례절 념려 락원 랭면 리발 "
        # Rivers and mountains of the border, money and everyday words of three syllables
        # that read as a family name and a given name (두만강을, 장학금을).
        "두만강 도문강 송화강 임진강 모란강 장백산 장학금 위로금 위원장 장보기 옥수수 지하철 "
        "조의금 부의금 사례금 공탁금 예치금 장례비 안내비 유전자 금강산 묘향산 칠보산 "
        "한라산 지리산 설악산 강남 강북 임진각 "
    )
)
_KO_PARTICLES: Final = _words(
    "가 이 는 은 를 을 와 과 의 도 에게 한테 께 께서 랑 이랑 하고 이가 이는 이를 이도 "
    "이와 이의 이한테 이에게 이랑 이하고 이에요 예요 입니다 이었어요 였어요 이었습니다 "
    "였습니다 이고 이라는 라는 이란 란 이라고 라고 로 으로 이요 이고요 "
    # 정광수래요, 한결이었나: hearsay and a doubtful past after a name.
    "래요 이래요 이었나 였나 이었던가 였던가 이던가 던가 였는지 이었는지 인지 인데 이라는데"
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
    if word in _KO_STOP or (word[-1:] in "이라로도는가를의" and word[:-1] in _KO_STOP):
        return False  # 사람이, 편지라: a word and its particle
    if len(word) == 4 and word[:2] in KOREAN_COMPOUND:
        given = word[2:]
    elif len(word) == 3 and word[0] in KOREAN:
        given = word[1:]
    else:
        return False
    return all(syllable in _KO_GIVEN for syllable in given)


def ko_stop(word: str) -> bool:
    """``word`` is a common word that the name frames must leave (이야기, 목소리)."""
    return word in _KO_STOP


def ko_given_alone(word: str) -> bool:
    """``word`` is two syllables of a given name (and no common word)."""
    return len(word) == 2 and word not in _KO_STOP and all(s in _KO_GIVEN for s in word)


# Japanese family names as Korean writes them (국립국어원 spelling): the families of the
# Japanese wives and their descendants. Words that are also Korean (하라, 모리, 오타) are
# left out.
KO_JA_SURNAMES: Final = frozenset(
    _words(
        "사토 스즈키 다카하시 다나카 와타나베 이토 야마모토 나카무라 고바야시 가토 요시다 "
        "야마다 사사키 야마구치 마쓰모토 이노우에 기무라 하야시 사이토 시미즈 야마자키 "
        "이케다 하시모토 아베 이시카와 야마시타 나카지마 이시이 오가와 마에다 오카다 "
        "하세가와 후지타 곤도 무라카미 엔도 아오키 사카모토 후쿠다 니시무라 후지이 가네코 "
        "오카모토 후지와라 나카노 미우라 하라다 야스다 와다 모리타 우에다 시바타 구도 "
        "미야모토 마루야마 이마이 다무라 야마나카 오노데라 스기야마 오쓰카 히라노 기타무라 "
        # The Japanese names Koreans in Japan went by (通名), often kept by the returnees.
        "가네모토 가네다 가네야마 가네무라 구니모토 기요모토 아라이 야스모토 마쓰야마 "
        "히라야마 오야마 오오야마 다카야마 도요다 니시하라 아오야마 오오타 이와모토 "
        "마쓰다 도쿠야마 나가타 노무라 니시야마 다케다 요시모토 가나모토 "
        "기노시타 나카야마 모토야마 이와타 다카기 우메모토 고야마 "
        "사토오 이토오 오오시마 오시마"
    )
)
# Family names that are also prefectures and cities: a name only with the given name
# after them (미야자키 도시에, not 미야자키 출신).
_KO_JA_PLACE_SURNAMES: Final = frozenset(
    _words("미야자키 후쿠시마 야마가타 나가노 나가사키 히로시마 오카야마 도야마")
)
# Syllables of Japanese given names in Hangul (미치코, 세쓰코, 요시에, 하루카); a word of
# them ending in one of the usual endings is a Japanese given name.
KO_JA_SYLLABLES: Final = frozenset(
    "아이우에오카키쿠케코가기구게고사시스세소자지즈제조타치쓰테토다데도나니누네노"
    "하히후헤호마미무메모야유요라리루레로와짱츠즈"
)
_KO_JA_GIVEN_END: Final = frozenset("코에요미카오로리짱")
# What follows a name as a title or a kinship word (한순희 할머니, 박 집사님, 기무라 상).
_KO_TITLES: Final = _words(
    "할머니 할아버지 언니 오빠 누나 형 형님 동생 이모 고모 삼촌 아저씨 아주머니 아줌마 "
    "자매 형제 남매 삼남매 부부 남편 아내 엄마 아빠 씨 선생 선생님 목사 목사님 집사님 "
    "권사님 장로님 전도사님 선교사님 사장 사장님 기사님 상 님 "
    # North Korean and regional ways of calling elders and comrades (광호 아바이, 정옥
    # 할매, 로영수 동무), and church and group roles after a family name (송 간사).
    "할매 할배 아바이 아매 오마니 아바지 어마이 아재 아지매 동무 동지 간사 간사님 집사 권사 "
    "장로 대장 원장님 대표님 사모님 여사 여사님 선교사 전도사 신부님 수녀님 형부"
)
# One-syllable titles end the word (or take a particle): 형 must not open 형편.
_KO_SHORT_TITLES: Final = ("형", "씨", "상", "님")
# Titles of an office, and the words of an account held in a name (김영호 앞으로, 박순자
# 명의로): after them only a full name or a family name alone counts, since a word of
# given-name syllables names the office's field as often (영업 부장, 은행 명의).
_KO_STRICT_TITLES: Final = tuple(
    _words("교수 박사 변호사 기자 팀장 실장 소장 과장 부장 차장 대리 원장 대표 앞으로 명의")
)
_KO_LONG_TITLES: Final = sorted({*_KO_TITLES, *_KO_KIN, *_KO_STRICT_TITLES} - {*_KO_SHORT_TITLES})
_KO_BEFORE_TITLE: Final = re.compile(
    rf"(?<![0-9가-힣])(?P<name>[가-힣]{{1,5}}) "
    rf"(?:{_alternation(_KO_LONG_TITLES)}"
    rf"|(?:{'|'.join(_KO_SHORT_TITLES)})(?:[^가-힣]|$|이|가|는|은|을|를|의|도|께|한테|에게|랑))"
)
# A family name alone before a title (박 집사님, 배 할아버지): the common ones, without
# the syllables that are also words there (이 "this", 한 "one", 제 "my", 전 "I", 모
# "a certain", 두 "two", 나 "I", 예 "yes").
_KO_LONE_SURNAMES: Final = frozenset(
    _words(
        "김 박 최 정 강 조 윤 장 임 오 서 신 권 황 안 송 류 유 홍 문 손 배 백 허 남 심 노 곽 "
        "성 차 우 민 진 엄 채 원 천 방 공 함 변 염 추 석 설 마 길 연 위 표 명 반 왕 금 옥 육 "
        "맹 탁 국 편 용 경 봉 리 림 로 량 고"
    )
)


def ko_lone_surnames() -> frozenset[str]:
    """The family names that stand alone as a name (박 집사님, 마이클 정)."""
    return _KO_LONE_SURNAMES


# Chinese family names as Korean writes them (쉬 아저씨, 자오 사장님): the brokers,
# drivers and landlords of the route.
_KO_ZH_SURNAMES: Final = frozenset(
    _words(
        "쉬 쑨 쑹 탕 덩 펑 궈 뤄 셰 린 허 천 왕 장 류 양 황 마 자오 저우 가오 차오 샤오 량 "
        "쩡 탄 루 웨이 뤼 딩 멍 친 판 위 청 쑤 리"
    )
)
# A name right before an age in brackets, written with or without 세 (한순희(79)), or
# before the year of birth in brackets (김정숙 (1945년생)).
_KO_AGE: Final = re.compile(
    r"[（(] ?(?:[0-9]{1,3} ?(?:세|살)?|(?:19|20)?[0-9]{2} ?년? ?생) ?[）)]"
    # or among other notes in the bracket (박정란 (녀, 46세), 김성호 (1934년생, 2001년 사망)).
    r"|[（(](?:[^()（）\n]{0,8}[,，] ?)?(?:[0-9]{1,3} ?(?:세|살)|(?:19|20)?[0-9]{2} ?년 ?생)"
    r"(?:[,，][^()（）\n]{0,20})?[）)]"
)
# A form's line of a family: a name, a space, then the age with its unit (부 리명수 72세,
# 동생 철민 40살). The whole word before must read as a name (올해로 72세 holds none).
_KO_SPACED_AGE: Final = re.compile(
    r"(?<![0-9가-힣])(?P<name>[가-힣]{2,4}) (?:만 ?)?[0-9]{1,3} ?(?:세|살)(?![0-9])"
)
# The age's unit, with its digit (and a space) before it: found at the unit, rarer than a
# digit, and walked back to the digit (_ko_age_digits).
_KO_SPACED_AGE_AT: Final = re.compile(r"[세살](?:(?<=[0-9][세살])|(?<=[0-9] [세살]))")


def _ko_age_digits(text: str) -> list[int]:
    """Where a digit stands right before an age's unit, or a space and the unit."""
    return [at - 2 if text[at - 1] == " " else at - 1 for at in starts(_KO_SPACED_AGE_AT, text)]


# A name right before its other spelling or its age in brackets (박순남(朴順男)), or
# before a comma of a list (정순자, 정미란 자매).
_KO_BEFORE_MARK: Final = re.compile(r"(?<![0-9가-힣])(?P<name>[가-힣]{2,4})(?= ?[,，·/]|[（(])")
_KO_ACRONYM_AFTER: Final = re.compile(r" ?[（(][A-Z]{2,}[）)]")
# A full name closing a sentence with no verb after it: an answer (찾는 사람은 김건우).
# A sentence closes with a verb far more often (주세요, 편해요, 했다, 할까).
# (민지, 윤서 end in 지 and 서 as often as verbs do: they stay names; 고, 면, 데 end
# verbs (가려고, 오면, 있는데) and hardly a name.)
_KO_VERB_ENDS: Final = frozenset("요다까죠네세니고면데")
# A name called by name (준호야, 순이야).
_KO_VOCATIVE: Final = re.compile(
    r"(?:^|(?<=[\s.!?,~]))(?P<name>[가-힣]{2,3}?)(?:아|야|이야)(?=[\s,.!?~]|$)"
)
# A Japanese family name in Hangul as a word: alone before a particle, a title, a
# copula, or before the given name.
_KO_JA_AT: Final = re.compile(
    rf"(?<![가-힣])(?:{_alternation(sorted(KO_JA_SURNAMES | _KO_JA_PLACE_SURNAMES))})"
    r"(?=[^가-힣]|$|이|가|는|은|를|을|의|도|씨|상|였|이었|예요|이에요|라는|이라는)"
)
# Where one can begin: a word opening with one of their first syllables (scan.py).
_KO_JA_FIRST: Final = re.compile(
    first_char_class(_alternation(sorted(KO_JA_SURNAMES | _KO_JA_PLACE_SURNAMES)))
    + "(?<![가-힣][가-힣])"
)
_KO_WORD_AFTER: Final = re.compile(
    r" (?P<word>[가-힣]{2,4}?)(?:이|가|는|은|를|을|의|도|씨|상|,|\(|（|$|(?![가-힣]))"
)


# A copula or verb ending that a word of kana sounds can end with (이모고요, 사이래요).
_KO_COPULA_ENDS: Final = (
    "고요",
    "이요",
    "에요",
    "예요",
    "네요",
    "세요",
    "지요",
    "래요",
    "대요",
    "니요",
)  # 니요: 아니요, "no"


def ko_ja_name(word: str) -> bool:
    """``word`` is a Japanese family name, or a Japanese given name, in Hangul."""
    if word in KO_JA_SURNAMES:
        return True
    return (
        2 <= len(word) <= 4
        and word not in _KO_STOP
        and not word.endswith(_KO_COPULA_ENDS)
        and word[-1] in _KO_JA_GIVEN_END
        and all(s in KO_JA_SYLLABLES for s in word)
        and (len(word) >= 3 or word[-1] in "코짱")
    )


def ko_name_shaped(word: str) -> bool:
    """``word`` reads as a name: a full Korean name, a given name, or a Japanese name."""
    return _ko_full_name(word) or ko_given_alone(word) or ko_ja_name(word)


def _ko_compound_name(word: str) -> bool:
    return len(word) == 4 and word[:2] in KOREAN_COMPOUND


# Where each frame's mark stands, so that the frames (which open with a lookbehind and a
# run of syllables) are tried only a name's length before it (scan.py): the space before
# a title, the end of a sentence, a comma or bracket, a vocative ending.
_KO_TITLE_FIRST: Final = first_char_class(
    _alternation(sorted({*_KO_TITLES, *_KO_KIN, *_KO_STRICT_TITLES}))
)
# One pattern each: as one alternation they gave the engine no first character to skip
# ahead to, so it tried all four at every position (each consumes one character of its
# own, so the positions are the same).
_KO_TITLE_MARK: Final = re.compile(rf" (?={_KO_TITLE_FIRST})")
_KO_CLOSE_MARK: Final = re.compile(r"[.!?\n]")
_KO_LIST_MARK: Final = re.compile(r"[,·/(]")
_KO_CALL_MARK: Final = re.compile(r"[아야](?<=[가-힣][아야])(?=[\s,.!?~]|$)")


def _ko_closing(text: str, closes: list[int]) -> Iterator[tuple[int, int]]:
    """A full name closing a sentence, after spaces at most (찾는 사람은 김건우.)."""
    for end in (*closes, len(text)):
        while end > 0 and text[end - 1] == " ":
            end -= 1
        if end < 3 or text[end - 1] in _KO_VERB_ENDS:
            continue  # most sentences close with a verb: no walk back
        start = end
        while start > 0 and end - start <= 4 and "가" <= text[start - 1] <= "힣":
            start -= 1
        name = text[start:end]
        opens_word = start == 0 or not (
            "0" <= text[start - 1] <= "9" or "가" <= text[start - 1] <= "힣"
        )
        shaped = 3 <= len(name) <= 4 and name[-1] not in _KO_VERB_ENDS
        if shaped and opens_word and _ko_full_name(name):
            yield start, end


def _hangul_word_starts(text: str, ends: list[int], reach: int) -> list[int]:
    """The start of the run of Hangul (``reach`` at most) before each ascending end.

    A name that opens a word and runs up to that end can begin there only: trying this
    one position instead of every one within ``reach`` gives the same matches for a
    fraction of the attempts (a Korean note has a title mark at almost every space).
    """
    found: list[int] = []
    for end in ends:
        pos, limit = end, max(0, end - reach)
        while pos > limit and "가" <= text[pos - 1] <= "힣":
            pos -= 1
        found.append(pos)
    return found


def _ko_list_names(text: str) -> list[int]:
    """Where a name before a list mark can begin: the run of Hangul that ends at the
    mark, or at the one space before it (the name opens a word and ends the run)."""
    ends = [
        mark - 1 if mark > 0 and text[mark - 1] == " " else mark
        for mark in starts(_KO_LIST_MARK, text)
    ]
    return _hangul_word_starts(text, ends, 4)


# Titles after which a family name and one syllable are a full name, as North Korean
# names often are (김철 동무, 리명 선생).
_KO_FULL_NAME_TITLES: Final = frozenset(
    _words("동무 동지 아바이 아매 할매 할배 오마니 아바지 아재 아지매 선생 선생님")
)


def _ko_short_full_name(text: str, match: re.Match[str], roles: frozenset[str]) -> bool:
    name = match.group("name")
    title = text[match.end("name") + 1 :].split(" ", 1)[0]
    return (
        len(name) == 2
        and name[0] in KOREAN
        and name[1] in _KO_GIVEN
        and name not in _KO_STOP
        and name not in roles
        and any(title.startswith(t) for t in _KO_FULL_NAME_TITLES)
    )


def _ko_framed(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Names before a title, a bracket or a comma, closing a sentence, or called."""
    titles = _hangul_word_starts(text, starts(_KO_TITLE_MARK, text), 5)
    for match in finditer_at(_KO_BEFORE_TITLE, text, titles):
        name = match.group("name")
        start = match.start("name")
        lone = name in _KO_LONE_SURNAMES or name in _KO_ZH_SURNAMES
        if name in roles:
            continue  # 남자 선생님, 여자 친구
        if text.startswith(_KO_STRICT_TITLES, match.end("name") + 1):
            if lone or _ko_full_name(name) or _ko_compound_name(name):
                yield start, match.end("name")
            continue
        if (
            lone
            or ko_name_shaped(name)
            or _ko_compound_name(name)
            or name in _KO_WESTERN_GIVEN
            or _ko_short_full_name(text, match, roles)
        ):
            yield start, match.end("name")
    yield from _ko_closing(text, starts(_KO_CLOSE_MARK, text))
    for match in finditer_at(_KO_BEFORE_MARK, text, _ko_list_names(text)):
        if _KO_ACRONYM_AFTER.match(text, match.end("name")):
            continue  # 유전자(DNA): a term and its abbreviation
        if _ko_full_name(match.group("name")) or ko_ja_name(match.group("name")):
            yield match.span("name")
    for match in finditer_at(_KO_VOCATIVE, text, before(starts(_KO_CALL_MARK, text), 4)):
        if ko_given_alone(match.group("name")) or ko_ja_name(match.group("name")):
            yield match.span("name")
    for match in finditer_at(_KO_SPACED_AGE, text, before(_ko_age_digits(text), 12)):
        name, start = match.group("name"), match.start("name")
        full = _ko_full_name(name) or _ko_compound_name(name) or ko_ja_name(name)
        # A given name alone only after a kinship word (동생 철민 40살): 각각 11살 holds none.
        kin = text[max(0, start - 6) : start].rstrip(" ").rsplit(" ", 1)[-1] in _KO_KIN_OR_TITLE
        if name not in roles and (full or (kin and ko_given_alone(name))):
            yield match.span("name")
    for start, end in _ko_before_age(text):
        for length in (4, 3, 2):
            word = text[end - length : end]
            if end - start >= length and (ko_name_shaped(word) or _ko_compound_name(word)):
                yield end - length, end
                break


_KO_CLAUSE_ENDS: Final = frozenset("서고며는을를요다까죠네세니지게도")


def _ko_before_age(text: str) -> Iterator[tuple[int, int]]:
    """The run of Hangul (four at most) before an age in brackets, one space allowed
    between them (김영남 (62세))."""
    for match in _KO_AGE.finditer(text):
        end = match.start()
        if text[end - 1 : end] == " ":
            end -= 1
            # 어려서 (9살): a verb's connective or ending before a spaced bracket
            if text[end - 1 : end] in _KO_CLAUSE_ENDS:
                continue
        start = end
        while start > 0 and end - start < 4 and "가" <= text[start - 1] <= "힣":
            start -= 1
        if end - start >= 2:
            yield start, end


def _ko_ja_given_after(word: str) -> bool:
    """After a Japanese family name, any word of Japanese sounds is the given name
    (오오타 기미, 사토 미요), if it is no common word or title."""
    return ko_ja_name(word) or (
        word not in _KO_STOP
        and word not in _KO_KIN_OR_TITLE
        and not word.endswith(_KO_COPULA_ENDS)
        and all(s in KO_JA_SYLLABLES for s in word)
    )


def _ko_ja(text: str) -> Iterator[tuple[int, int]]:
    """Japanese family names in Hangul, with the given name written after them."""
    for match in finditer_at(_KO_JA_AT, text, starts(_KO_JA_FIRST, text)):
        end = match.end()
        given = _KO_WORD_AFTER.match(text, end)
        if given is not None and _ko_ja_given_after(given.group("word")):
            end = given.end("word")
        elif match.group() in _KO_JA_PLACE_SURNAMES:
            continue
        yield match.start(), end


# A given name ending in a consonant takes a 이 of its own when it is said (보람이,
# 수정이), and that 이 then takes a particle, a copula or a kinship word (보람이가,
# 수정이한테, 명훈이요, 미영이 남편이): an ordinary noun takes 이 or 가, never both.
_KO_PET_AT: Final = re.compile(
    r"이(?<=[가-힣]{3})(?=(?:가|는|를|도|랑|하고|한테|에게|의|와|만|까지|보고|께|요|형|언니|오빠|누나)"
    r"(?:[^가-힣]|$)|네 (?:집|가족|식구)"
    rf"| (?:{_alternation(_KO_KIN)})(?:[^가-힣]|$|{_KO_PARTICLE}))"
)
# A given name with an elder's title written onto it (명수형, 영희언니, 철수오빠야).
_KO_ATTACHED_TITLE_AT: Final = re.compile(
    r"[형언오누](?:(?<=[가-힣]{2}형)|(?:(?<=언)니|(?<=오)빠|(?<=누)나)(?<=[가-힣]{4}))"
    r"(?=[^가-힣]|$|이|가|는|은|을|를|의|도|야|아|님|한테|에게|랑|네|께)"
)
# A name in brackets right after a kinship word or a title (언니(정미)랑, 할머니(金福順,
# 1938년생)): the bracket says who the relative is.
_KO_BRACKETED: Final = re.compile(r"[（(] ?([가-힣]{2,4}|[\u4e00-\u9fff]{2,4})(?= ?[）),，])")
_KO_KIN_OR_TITLE: Final = frozenset({*_KO_KIN, *_KO_TITLES})
# Korean family names in hanja, traditional and simplified: a name copied from a letter
# or a register (朴東洙, 金福順) stands as a word of three characters in a Korean note.
_KO_HANJA_SURNAMES: Final = (
    "金李朴崔鄭郑姜趙赵尹張张林韓韩吳吴徐申權权黃黄安宋柳劉刘全洪高文梁孫孙裵白許许南沈盧卢"
    "河郭成車车朱禹具閔闵秦羅罗池嚴严蔡元千方孔玄咸卞廉呂吕秋都蘇苏石宣薛馬马吉延魏表明奇"
    "潘王琴玉陸陆印孟卓鞠魚鱼殷片龍龙芮慶庆奉丁太睦桂邢"
)
_KO_HANJA_NAME: Final = re.compile(
    rf"[{_KO_HANJA_SURNAMES}](?<![\u4e00-\u9fff][{_KO_HANJA_SURNAMES}])"
    r"[\u4e00-\u9fff]{2}(?![\u4e00-\u9fff])"
)
# The last characters of hanja words that are no names (韓國語, 安全部, 朝鮮人).
_KO_HANJA_NOT_END: Final = frozenset(
    "人語语國国式族道省市郡區区縣县洞里面村鎭镇寺院校會会社店館馆部局署所"
)


def _ko_pet_names(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    for pet in starts(_KO_PET_AT, text):
        start = pet - 2
        given = text[start:pet]
        # Not after a digit: 2000위안이요 is an amount.
        opens_word = start == 0 or not (
            "가" <= text[start - 1] <= "힣" or text[start - 1].isdigit()
        )
        final_consonant = (ord(given[-1]) - 0xAC00) % 28 != 0
        if (
            opens_word
            and final_consonant
            and ko_given_alone(given)
            and given not in roles
            and given + "이" not in _KO_STOP
        ):
            yield start, pet
    for title in starts(_KO_ATTACHED_TITLE_AT, text):
        start = title - 2
        given = text[start:title]
        opens_word = start == 0 or not "가" <= text[start - 1] <= "힣"
        if opens_word and ko_given_alone(given) and given not in roles:
            yield start, title


# Only a person is given to, told or asked (민호한테 돈 보냈어요, 유키코에게 물어봐):
# a given name, or a Japanese name, right before 한테 or 에게.
_KO_TO_PERSON_AT: Final = re.compile(r"[한에](?:(?<=한)테|(?<=에)게)(?<=[가-힣]{4})")


# Chinese names as Korean writes them (장웨이, 류샤오핑, 왕팡): a Chinese family name in
# Hangul, then syllables of pinyin, one of them a sound no Korean word has (웨, 샤, 밍, 팡).
# Found at that syllable, which is rare in a Korean note.
_KO_PINYIN_ONLY: Final = (
    "웨샤밍팡펑쥔징팅잉윈롄셴칭핑딩닝솽훙룽궈쉐슈쯔쭝뤄멍텅옌쥐쑤샹둥페젠톈녠쩌쭤쿤"
)
_KO_PINYIN_AT: Final = re.compile(f"[{_KO_PINYIN_ONLY}]")
_KO_PINYIN: Final = frozenset(
    _KO_PINYIN_ONLY + "이오리화위린진원신창춘보하치시장량양빈카란메나아안후우루수주위유윤홍"
)
# Chinese words and brands Korean notes spell the same way, no names (웨이신 is WeChat).
_KO_PINYIN_WORDS: Final = frozenset(
    _words("웨이신 웨이보 샤오미 화웨이 알리페이 즈푸바오 징둥 타오바오 더우인 류량")
)
_KO_ZH_WORD: Final = re.compile(
    r"(?P<name>[가-힣]{2,5}?)(?:이|가|는|은|을|를|의|도|랑|이랑|한테|에게|하고|와|과|씨|네|라는|이라는"
    r"|라고|이라고|인데|이에요|예요|이고|였어요|이었어요|래요|이래요)?(?![가-힣])"
)


def _ko_pinyin_names(text: str) -> Iterator[tuple[int, int]]:
    done = -1
    for mark in starts(_KO_PINYIN_AT, text):
        start = mark
        while start > max(0, mark - 4) and "가" <= text[start - 1] <= "힣":
            start -= 1
        if start <= done or (start and "가" <= text[start - 1] <= "힣"):
            continue
        word = _KO_ZH_WORD.match(text, start)
        if word is None:
            continue
        name = word["name"]
        if name in _KO_PINYIN_WORDS:
            continue
        surname = 2 if name[:2] in _KO_ZH_SURNAMES else 1 if name[:1] in _KO_ZH_SURNAMES else 0
        given = name[surname:]
        if surname and 1 <= len(given) <= 3 and all(s in _KO_PINYIN for s in given):
            done = start
            yield word.span("name")


# A full name with no particle before a verb said of a person (어제 김철수 봤어요?, 혹시
# 박영희 아세요?, 리영철 만났대요): seen, met, known, looked for, helped, waited for.
_KO_PERSON_VERBS: Final = (
    "봤|보았|봐|만나|만났|만난|알아|아세요|아시|알고|알았|모르|몰라|데려|데리|찾아|찾고|찾았|"
    "찾는|찾습|도와|도왔|도움|기다려|기다리|불러|소개|믿|따라|닮|연락|통화|전화|소식|"
    "편지|안부|얘기|이야기|말고|말이|잡혀|잡혔|체포|구속|북송|송환|사망|돌아가"
)
# Found at the verb (a space, then one of them), then the word before is checked.
_KO_NAME_VERB_AT: Final = re.compile(rf" (?:{_KO_PERSON_VERBS})")
# A family's home or household named after one of them (영희네 집, 순자네 가족).
_KO_HOUSEHOLD_AT: Final = re.compile(
    r"네(?<=[가-힣]{2}네)(?= ?(?:집|가족|식구|엄마|아빠|부모님|할머니|할아버지)"
    r"(?:[^가-힣]|$|에|이|가|은|는|의|도|를|하고|랑|에서))"
)
# Given names from the Bible and the West as Korean writes them (다니엘 선교사님, 에스더
# 자매): missionaries and church members are named so. 누가 ("who") is left out.
_KO_WESTERN_GIVEN: Final = frozenset(
    _words(
        "다니엘 요한 에스더 마리아 사라 한나 루디아 마이클 데이비드 제임스 피터 바울 베드로 "
        "스데반 디모데 요셉 모세 다윗 사무엘 엘리야 드보라 레베카 리브가 라헬 미리암 안나 "
        "엘리자베스 메리 제니퍼 제시카 크리스 앤드류 토마스 매튜 마태 필립 빌립 스티븐 "
        "브라이언 케빈 로버트 리처드 조셉 조슈아 벤자민 사이먼 시몬 아브라함 이삭 야곱 노아 "
        "루스 줄리아 소피아 그레이스 헬렌 수잔 낸시 캐서린 제인 린다 에밀리 올리비아 폴 존"
    )
)


def _ko_before_verbs(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    marks = starts(_KO_NAME_VERB_AT, text)
    for start, end in zip(_hangul_word_starts(text, marks, 5), marks, strict=True):
        name = text[start:end]
        if not 3 <= len(name) <= 4 or (start and "0" <= text[start - 1] <= "9"):
            continue
        if name[-1] in "은을와과" and name[:-1] in _KO_STOP:
            continue  # 사람은 믿지 마세요: a word and its particle (이하은 is a name)
        if name not in roles and (_ko_full_name(name) or _ko_compound_name(name)):
            yield start, end


# A form's line of a family or a case: the relation or the role as a label, a colon or a
# dash, then the name (조부: 문상호 — 사망, 부 - 김성호, 대상자: 박정란). The one-syllable
# relations of a register (부, 모, 처) count only as a label.
_KO_FORM_RELATIONS: Final = frozenset(
    _words(
        "부 모 처 부친 모친 조부 조모 외조부 외조모 증조부 증조모 장남 장녀 차남 차녀 삼남 삼녀 "
        "본인 대상자 대상 당사자 내담자 신청인 신청자 배우자 보호자 연락인 실종자 자녀 형제 "
        "요청인 요청자 의뢰인 신고인 신고자 작성자"
    )
)
_KO_FORM_MARK: Final = re.compile(r"[:：\-—–/]")
_KO_FORM_LABEL: Final = re.compile(
    r"(?:^|(?<=[\n,;·]))[ \t]*(?:[0-9]+[).] ?)?(?P<label>[가-힣]{1,4}) ?\Z"
)
_KO_FORM_NAME: Final = re.compile(r" ?(?P<name>[가-힣]{2,4})(?![가-힣])")


def _ko_form_lines(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    for mark in starts(_KO_FORM_MARK, text):
        # the common case (a phone's or a date's dash) settled without a pattern
        label_end = mark - 1 if text[mark - 1 : mark] == " " else mark
        if not "가" <= text[label_end - 1 : label_end] <= "힣":
            continue
        label = _KO_FORM_LABEL.search(text, max(0, mark - 10), mark)
        if label is None:
            continue
        word = label["label"]
        if word not in _KO_FORM_RELATIONS and word not in _KO_KIN:
            continue
        name = _KO_FORM_NAME.match(text, mark + 1)
        if name is None or name["name"] in roles or name["name"] in _KO_STOP:
            continue
        if ko_name_shaped(name["name"]) or _ko_compound_name(name["name"]):
            yield name.span("name")


# Foreigners on the route, as Korean writes their names: Russian, Thai and Lao, Mongolian
# and Vietnamese given names, distinct from Korean words (세르게이, 솜차이, 바트바야르).
_KO_FOREIGN_GIVEN: Final = frozenset(
    _words(
        "세르게이 블라디미르 알렉산드르 알렉세이 드미트리 니콜라이 안드레이 미하일 빅토르 "
        "올레그 발렌티나 나탈리아 나타샤 타티야나 스베틀라나 이리나 옐레나 류드밀라 갈리나 "
        "마샤 사샤 파벨 막심 보리스 바실리 예브게니 비탈리 아나톨리 표도르 그리고리 "
        "콘스탄틴 세료자 볼로자 이반 발레리 겐나디 뱌체슬라프 루슬란 "
        "솜차이 솜삭 솜퐁 솜폰 솜밧 쏨차이 쏨삭 쏨폰 분미 분참 분캄 분통 분쏭 분마 위차이 "
        "아피삭 수차이 캄폰 캄싸이 시사왓 쑤린 찬타 쁘라윳 타낫 니콘 "
        "바트바야르 바트볼드 간바타르 수흐바타르 엥흐바야르 오윤체첵 볼로르마 엥흐투야 "
        "응우옌 쩐반 호앙 흐엉 뚜안 즈엉"
    )
)
# The endings of Russian family names and of Mongolian given names (이바노프, 페트로바,
# 코발스키, 간바타르): a word of three syllables or more that ends so.
_KO_FOREIGN_ENDS: Final = "|".join(
    _words(
        "노프 로프 코프 토프 레프 예프 노바 로바 코바 예바 스키 스카야 "
        "바타르 바야르 체첵 자르갈 도르지"
    )
)
_KO_FOREIGN_PARTICLE: Final = re.compile(
    r"(?:이|가|는|은|을|를|의|도|랑|이랑|한테|에게|하고|와|과|씨|님|라는|이라는)?(?![가-힣])"
)
_KO_NOT_FOREIGN: Final = frozenset(_words("위스키 스키 러시아 모스크바 아바야르"))
# The names and the endings in one automaton: a note is read once for all of them.
_KO_FOREIGN_GIVEN_SORTED: Final = sorted(_KO_FOREIGN_GIVEN)
_KO_FOREIGN_AUTOMATON: Final = ahocorasick_rs.AhoCorasick(
    [*_KO_FOREIGN_GIVEN_SORTED, *_KO_FOREIGN_ENDS.split("|")],
    matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
)


def _ko_foreign_names(text: str) -> Iterator[tuple[int, int]]:
    for index, start, end in _KO_FOREIGN_AUTOMATON.find_matches_as_indexes(text):
        if _KO_FOREIGN_PARTICLE.match(text, end) is None:
            continue  # the word goes on: 올가을, 이반찬
        if index < len(_KO_FOREIGN_GIVEN_SORTED):
            if start == 0 or not "가" <= text[start - 1] <= "힣":
                yield start, end
            continue
        while start > 0 and "가" <= text[start - 1] <= "힣":
            start -= 1
        name = text[start:end]
        if len(name) >= 3 and name not in _KO_NOT_FOREIGN:
            yield start, end


# A name in Latin letters right after a kinship word or a person's role (남편 Ri Kwang
# Nam이, 라오스 경찰 Bounmy가, 일본 이름으로 Takahashi Sumiko): capitalised words, then
# a particle or a mark. Apps and services written so are no people.
# (The capital first, so that the engine skips ahead to capitals: the lookbehind after
# it asks for the space too.)
_KO_LATIN_AFTER_AT: Final = re.compile(r"[A-Z](?<=[가-힣] [A-Z])")
_KO_LATIN_NAME: Final = re.compile(
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]*){0,3}"
    r"(?=이|가|는|은|을|를|의|도|랑|이랑|한테|에게|하고|씨|님|[ ,.!?)\n]|$)"
)
_KO_LATIN_CUES: Final = frozenset(
    {
        *_KO_KIN,
        *_words(
            "경찰 브로커 가이드 기사 운전사 운전기사 선장 선원 목사 목사님 선교사 통역사 "
            "통역 사람 남자 여자 친구 아저씨 아줌마 집주인 사장 사장님 중개인 직원 군인 "
            "이름으로 이름은 이름이 성함은 본명은 부인 씨는"
        ),
    }
)
_KO_NOT_LATIN_NAMES: Final = frozenset(
    _words(
        "Kakao Kakaotalk Line Wechat WeChat Telegram Facebook Signal Zalo Whatsapp "
        "WhatsApp Google Naver Instagram Viber Skype Messenger Gmail Daum Apple Samsung"
    )
)


_KO_CAPITALISED: Final = re.compile(r"[A-Z][a-z]")
# A title in English before a family name (Ms. Sato 한테, 브로커 Mr. Tran이).
_KO_LATIN_TITLED: Final = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr)\.? (?P<name>[A-Z][a-z]+)")


def _ko_latin_names(text: str) -> Iterator[tuple[int, int]]:
    """Names in Latin letters: after a title, as passports write Korean and Japanese
    names (Pak Hyang-ok, Yamada Hiroshi), or after a kinship word or a role."""
    if _KO_CAPITALISED.search(text) is None:
        return  # most notes hold no capitalised word
    if "M" in text or "D" in text:
        for titled in _KO_LATIN_TITLED.finditer(text):
            yield titled.span("name")
    yield from _zh_latin(text)
    for at in starts(_KO_LATIN_AFTER_AT, text):
        cue = text[max(0, at - 8) : at - 1].rsplit(" ", 1)[-1].split("\n")[-1]
        if cue not in _KO_LATIN_CUES:
            continue
        name = _KO_LATIN_NAME.match(text, at)
        if name is not None and name.group().split(" ")[0] not in _KO_NOT_LATIN_NAMES:
            yield name.span()


def _ko_households(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    for home in starts(_KO_HOUSEHOLD_AT, text):
        for length in (3, 2):
            start = home - length
            word = text[start:home]
            if start < 0 or (start > 0 and "가" <= text[start - 1] <= "힣"):
                continue
            if word not in roles and (ko_name_shaped(word) or _ko_compound_name(word)):
                yield start, home
                break


def _ko_recipients(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    for to in starts(_KO_TO_PERSON_AT, text):
        for length in (3, 2):
            start = to - length
            word = text[start:to]
            if start < 0 or (start > 0 and "가" <= text[start - 1] <= "힣"):
                continue
            if word in roles or not (ko_given_alone(word) or ko_ja_name(word)):
                continue
            yield start, to
            break


# A name in kanji after a kinship word (증조부 安田正雄, 어머니 金福順, 조모 木村ハル): two
# to four characters opening with a Japanese or Korean family name, katakana after them.
_KO_KIN_KANJI: Final = re.compile(
    r"[\u4e00-\u9fff](?<= .)[\u4e00-\u9fff]{1,3}[ァ-ヺー]{0,4}(?![\u4e00-\u9fff々ァ-ヺー])"
)


def _ko_kin_kanji(text: str) -> Iterator[tuple[int, int]]:
    for match in _KO_KIN_KANJI.finditer(text):
        start = match.start()
        kin = text[max(0, start - 6) : start - 1].rsplit(" ", 1)[-1].split("\n")[-1]
        run = match.group()
        surname = run[0] in _KO_HANJA_SURNAMES or any(run[:n] in JAPANESE for n in (1, 2, 3))
        if surname and len(run) > 2 and (kin in _KO_KIN or kin in _KO_FORM_RELATIONS):
            yield match.span()


def _ko_bracketed(text: str) -> Iterator[tuple[int, int]]:
    for match in _KO_BRACKETED.finditer(text):
        bracket = match.start()
        if not any(text[bracket - n : bracket] in _KO_KIN_OR_TITLE for n in range(1, 6)):
            continue
        name = match.group(1)
        if "가" <= name[0] <= "힣":
            if not (ko_name_shaped(name) or _ko_compound_name(name)):
                continue
        elif name[0] not in _KO_HANJA_SURNAMES:
            continue
        yield match.span(1)
    for match in _KO_HANJA_NAME.finditer(text):
        if match.group()[-1] not in _KO_HANJA_NOT_END:
            yield match.span()


# What a word before 라는 names when it is no person (나우라는 단체, 물망초라는 곳).
_KO_THING_CALLED: Final = re.compile(
    r"는 (?:단체|곳|데|회사|학교|교회|가게|식당|센터|병원|재단|모임|프로그램|앱|책|노래|말|뜻)"
)


_KO_CALLED_THING: Final = re.compile(rf"이?라{_KO_THING_CALLED.pattern}")


def ko_called_thing(text: str, end: int) -> bool:
    """The word that ends at ``end`` is what a thing is called (나우라는 단체)."""
    return _KO_CALLED_THING.match(text, end) is not None


def ko_cued(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Korean names pointed at by a particle, a kinship word, a title, an age in
    brackets, a list, or written in Japanese."""
    yield from _ko_framed(text, roles)
    yield from _ko_ja(text)
    yield from _ko_pet_names(text, roles)
    yield from _ko_bracketed(text)
    yield from _ko_recipients(text, roles)
    yield from _ko_pinyin_names(text)
    yield from _ko_households(text, roles)
    yield from _ko_before_verbs(text, roles)
    yield from _ko_form_lines(text, roles)
    yield from _ko_foreign_names(text)
    yield from _ko_latin_names(text)
    yield from _ko_kin_kanji(text)
    for pattern in (_KO_SUBJECT, _KO_COMPOUND_SUBJECT):
        for match in pattern.finditer(text):
            name = match.group("name")
            after = text[match.end("name") : match.end("name") + 1]
            # 이동하는, 정리하고: a verb stem in 하 before its ending, not a name; 사람이라고:
            # a word of two syllables and the copula 이 before 라고.
            # 조심하라고: 하 and a quoted order.
            if (name[-1] == "하" and after in "는고라") or (name[-1] == "이" and after == "라"):
                continue
            # 주시기로, 하기를: a verb made a noun by 기 after 시 or 하, not a name.
            if name[1:] in ("시기", "하기"):
                continue
            if name[-1] == "기" and after == "로":
                continue  # 주시기로: a verb made a noun by 기, then 로 ("decided to give")
            if name[-1] == "라" and _KO_THING_CALLED.match(text, match.end("name")):
                continue  # 나우라는 단체: 라는 "called", then a thing
            # 사람이랑, 편지라도: a word of two syllables, then 이 or 라 and a particle.
            if name[1:] in _KO_STOP or (name[-1] in "이라" and name[:2] in _KO_STOP):
                continue
            if name not in roles and _ko_full_name(name):
                yield match.span("name")
    for match in finditer_at(_KO_KIN_FRAME, text, starts(_KO_KIN_AT, text)):
        name = match.group("name")
        if name in roles:
            continue
        if ko_name_shaped(name):
            yield match.span("name")
    for start, end in _before_age(text, 4):
        for length in (4, 3):
            if end - start >= length and _ko_full_name(text[end - length : end]):
                yield end - length, end
                break


# --- Chinese -----------------------------------------------------------------------
_HAN_CLASS: Final = "\u4e00-\u9fff"
_ZH_KIN: Final = _words(
    "妹妹 姐姐 哥哥 弟弟 妈妈 母亲 爸爸 父亲 奶奶 爷爷 外婆 外公 姥姥 姥爷 女儿 儿子 孙女 "
    "孙子 外孙女 外孙 丈夫 妻子 老公 老婆 媳妇 姑姑 姨妈 舅舅 叔叔 伯伯 表姐 表妹 表哥 "
    "表弟 堂姐 堂妹 堂哥 堂弟 侄女 侄子 外甥女 外甥 朋友 邻居 同事 大姨 小姨 婆婆 公公 "
    "岳母 岳父 嫂子 弟媳 姐夫 妹夫 亲戚 老乡 同学 大伯 大姐 大哥 姑奶奶 舅妈 婶婶 伯母 "
    "外祖母 外祖父 祖母 祖父 曾祖母 曾外祖母 战友 同乡 室友 工友 教友 姐妹 兄弟 弟兄"
)
# A kinship word, optionally a possessive or a comma, then the name (in a lookahead, so
# that the next cue may stand inside it: ``帮我找刘建国``).
_ZH_KIN_FRAME: Final = re.compile(
    rf"(?:{_alternation(_ZH_KIN)})(?:的|，|,| |是|叫)?(?=(?P<name>[{_HAN_CLASS}]{{2,6}}))"
)
# What a person is called by (大家都叫她秋子, 管他叫老崔), 叫 after a comma that drops
# the subject (有个亲戚，叫鲜于正浩), and a role said before a name (中介老刘, 司机小王):
# the same shapes of name as after a kinship word. A pattern of its own, as a kinship
# word may end right before it (奶奶叫她秋子).
_ZH_CALLING: Final = _words(
    "叫她 叫他 管她叫 管他叫 喊她 喊他 称她 称他 ，叫 ,叫 中介 司机 蛇头 向导 牧师 律师 医生 "
    "老板 联系人 负责人 志愿者 介绍人 担保人 警察 干部 翻译"
)
_ZH_CALLING_FRAME: Final = re.compile(
    rf"(?:{_alternation(_ZH_CALLING)})(?=(?P<name>[{_HAN_CLASS}]{{2,6}}))"
)
# Words that take a person right after them: ``和李娜联系不上``, ``找王芳``, ``听王大爷讲``.
_ZH_TAKES_PERSON: Final = _words(
    "和 跟 与 同 给 找 见 让 被 叫 问 告诉 联系 带 陪 等 帮 帮助 通知 委托 托 嫁给 认识 "
    "遇到 见到 想念 担心 寻找 联络 听 转告 转给 找到 看到 碰到 收留 接 送 把 求 是 像 还有 "
    "以及 或者 及 谢谢 说 讲 听说 救 由 替 劝 催 交给 寄给 打给 介绍 推荐 通过"
)
# The verb may carry its complement before the person (联系不上王东, 找到了李娜, 联系上李娜).
_ZH_PERSON_FRAME: Final = re.compile(
    rf"(?:{_alternation(_ZH_TAKES_PERSON)})(?:不上|不到|得到|到了|上了|过|了|一下|上)?"
    rf"(?=(?P<name>[{_HAN_CLASS}]{{2,4}}))"
)
# A name of two characters ends before these (the start of a verb, an adverb, a
# numeral or a measure that follows a person), so that ``李娜联系不上`` keeps ``联系``.
_ZH_AFTER_NAME: Final = frozenset(
    "的了在是和与跟同给找见叫请问对向被让把这那从到去来说有也都就又还很联住离已没不现目今一打病失"
    "已要想能会可应该正刚才曾于我你他她们它过走回出进上下着讲告带陪等终昨前后每今明先再最真别"
    "二三四五六七八九十两几啊呀家吗呢"
)
# What ends a word that a name may follow without a space: a kinship word, a verb that
# takes a person, a pronoun or particle, a role (志愿者, 传道士, 律师), a measure (一位),
# the end of a time or a count (今天, 4点, 3号). A name right after any other character
# may be the end of an ordinary word (朝鲜 + 新).
ZH_BEFORE_NAME: Final = frozenset(
    "".join(word[-1] for word in (*_ZH_KIN, *_ZH_TAKES_PERSON))
    + "的了在是我你他她们与同给对向说到过诉系听下者士师员长位个叫和就也都还及着"
    + "点号天年月日岁"
)
# Two-character words shaped like a name (a family name and a given-name character,
# two given-name characters, 小/阿/老 and a name): the words of frequency 30 or more
# in jieba 0.42.1's dictionary (dict.txt, MIT licence) that it does not tag as person
# names, less a few that are mostly names (建国, 明月, 英子, 美玲, and a family name after
# 老, 小 or 阿: 老金, 老周, 小许, 阿东), plus 老毛, 小康, 小雨.
_ZH_NAME_LIKE_WORDS: Final = frozenset(
    _words(
        "万国 万安 万民 东亚 东安 东平 东征 东汉 东洋 东海 东芝 严峻 严明 丰富 丰沛 丰美 丹东 "
        "丹阳 义军 亚泰 亮丽 亮光 仙子 伊利 伊朗 伶俐 侠义 俊美 修建 修成 修明 修长 健康 健美 "
        "光亮 光华 光彩 光明 光景 光波 光泽 光源 光熙 党建 全军 全国 全天 全文 全新 全景 全民 "
        "全美 全胜 全长 关东 关爱 关露 兴国 兴安 兴建 兴旺 军民 军长 农民 冬天 冰雪 冶金 冷峻 "
        "冷静 凌晨 凤阳 刚刚 刚巧 初冬 利亚 利润 包金 区长 华东 华美 华辰 单纯 南亚 南国 南宁 "
        "南安 南岳 南平 南昌 南洋 南海 南美 南航 南阳 卫国 友善 友爱 双双 双星 古国 古月 古诗 "
        "司长 吉利 吉安 君子 吴国 周长 善良 喜庆 喜悦 喜欢 喜爱 嘉宾 嘉庆 嘉靖 国军 国君 国安 "
        "国宝 国宾 国庆 国民 国立 国美 国航 坚冰 坚强 坚毅 培根 培植 基岩 基建 基德 基金 夏天 "
        "夏秋 天仙 天光 天天 天威 天子 天安 天宝 天平 天文 天星 天花 天龙 奉天 奉承 威海 娇艳 "
        "宁波 宁海 安国 安宁 安庆 安康 安阳 宏伟 宏达 官军 宜兴 宜宾 宜昌 宝海 宫廷 富华 富强 "
        "富民 富裕 富贵 封建 小农 小包 小区 小卫 小叶 小国 小巧 小康 小曲 小楼 小民 小牛 小米 "
        "小费 小路 小车 小雨 小麦 居民 峰峰 崇敬 巴东 师长 平凡 平均 平安 平平 平民 平素 平阳 "
        "平静 幸福 应允 应天 应征 应承 庭长 廉洁 建军 建宁 建安 建康 建成 建立 强健 强光 强国 "
        "强烈 彩云 彩虹 征文 德国 德安 德文 志军 忠义 忠诚 思维 怡悦 恒星 愉悦 成天 成文 成立 "
        "成群 成长 房东 房基 承欢 振兴 揭晓 揭露 支承 敏锐 文峰 文艺 新兴 新军 新华 新建 新星 "
        "新春 新月 新民 新秀 新诗 新颖 昆明 明亮 明天 明明 明清 星云 星光 星子 星星 星月 星辰 "
        "春义 春天 春秋 春雨 晋国 晴天 晴朗 晶莹 智利 曙光 曲艺 月亮 月光 月华 月均 权利 杏仁 "
        "杭汉 松花 柔嘉 根基 根子 根源 楚国 楠竹 楼兰 樱花 欢喜 欢庆 欣喜 欧亚 欧文 欧美 欧阳 "
        "武昌 武汉 武艺 民国 民建 民航 永安 永平 永恒 永新 永福 永远 汉子 汉文 汉阳 江东 江汉 "
        "江海 沈阳 河东 河源 波兰 波澜 波长 泰国 泰安 泰达 浦东 海军 海子 海宁 海洋 海滨 涵义 "
        "清丽 清亮 清军 清华 清廷 清新 清明 清晨 清泉 清洁 清爽 清秀 清静 渊源 温柔 游泳 游艺 "
        "源泉 源源 满天 满文 满月 满汉 滨海 澄清 灵巧 灿坤 熙宁 熠熠 燕国 爱国 爱民 爱美 爽朗 "
        "王国 珍宝 珍爱 珍珠 珍贵 珠子 珠宝 珠峰 珠海 班长 瑞金 甘泉 甘露 甜美 申明 申花 畅达 "
        "白圭 白天 白洋 白花 白金 盈利 盈盈 祖国 福利 福建 福星 秀丽 秀美 秉承 秋天 秦国 立国 "
        "立志 竹子 简明 简洁 米兰 紫金 红军 红利 红安 红星 红海 红润 红花 纯洁 绍兴 绮丽 维新 "
        "羊群 美丽 美军 美国 美德 美景 美梦 美誉 群英 群雄 老区 老师 老毛 老练 聪慧 聪明 胜利 "
        "舒畅 航天 航海 良民 艳丽 艺文 芦花 芬兰 芬芳 芳香 苏丹 苏宁 英军 英国 英文 英明 英烈 "
        "英美 英雄 荆东 荷兰 荷花 莲子 莲花 菊花 衡阳 诗文 诸国 豪华 豪强 豪爽 贤良 贵国 贵宾 "
        "贵阳 超群 车长 达成 远东 远安 远征 远景 远洋 远航 远远 连天 连长 金利 金华 金国 金子 "
        "金文 金星 金蝶 钢琴 钦佩 铭文 锋利 锋锐 锐利 锡金 长兴 长子 长安 长寿 长征 长成 长春 "
        "长虹 长诗 长远 长长 长阳 隆冬 隆庆 雄伟 雄花 雄蕊 雅虎 雅龙 雪花 霞光 露天 青天 青春 "
        "青海 青竹 青花 青龙 韩国 顺利 顺畅 飞天 飞翔 飞虎 飞跃 香兰 高兴 高尚 高新 高贵 魏国 "
        "鲜明 鲜红 鲜美 鲜艳 鲜花 鹤峰 黄安 黄海 黄花 黄金 鼎立 齐国 龙泉 "
        "万圭 万宝 万福 万达 万金 东东 东华 东航 东阳 丰润 丰盈 丰茂 丹根 义利 义勇 义子 义熙 "
        "乌利 乐艺 云海 云阳 云龙 亚东 仙丹 仙鹤 仪征 伊东 伊宁 伏天 佳丽 俊秀 俊雅 健旺 健民 "
        "光光 光强 光洁 光润 党国 党魁 全兴 关兴 关平 兴庆 兵勇 兵源 冀东 军威 冬春 冰晶 冷天 "
        "凯文 刚健 刚强 刚柔 刚烈 初春 初秋 利民 利维 劳军 勤俭 包月 包涵 千赫 华光 华彬 华文 "
        "华泰 华源 华阳 单晶 南丰 南华 博彩 印军 印花 友军 双子 双龙 古松 吉庆 向善 君安 周天 "
        "商海 国光 国威 国文 国泰 坚贞 基丹 基恩 夏国 天佑 天兵 天华 天国 天波 天福 天聪 天长 "
        "天雄 妮子 威仪 娇柔 娇美 娟秀 季军 宁国 宁宁 宇文 安东 安丰 安泰 安源 宏基 宏富 宏远 "
        "官长 宜兰 宜春 宜阳 宝丰 宫娥 富国 富阳 小兵 小商 小房 小毛 小童 小群 小钱 "
        "小项 峰林 巍巍 巴金 师友 平明 幸喜 庆云 庆阳 应景 建兴 建新 强子 强强 强征 彩民 彩霞 "
        "德利 忠勇 忠君 忠烈 忠良 忠贞 怡红 恩义 成仙 成岩 房源 承建 揭阳 文思 文泰 文豪 文静 "
        "文龙 新安 新平 新立 新竹 新航 新贵 新锐 新飞 方军 方志 昆泰 明丽 明艳 春光 晋阳 晨光 "
        "晨星 晨曦 晨鸣 景泰 晶亮 智光 曲洋 曲阳 曼海 月子 月琴 权宜 杏子 杏林 杏花 松子 柔美 "
        "柔顺 根植 根苗 桂阳 桑海 槐花 欢悦 欢愉 欢欣 欢畅 欣悦 武义 武安 毕天 永丰 永兴 永宁 "
        "永康 永昌 永泰 汉光 汉民 江华 江天 江宁 江安 河阳 波光 波利 波峰 泰兴 洋洋 洪熙 海丰 "
        "海基 海天 海安 海星 海景 海航 海龙 润泽 淳熙 清平 清朗 清纯 清誉 清远 清雅 温婉 温庭 "
        "温润 澄海 灵丹 炯炯 燕顺 爽利 珠光 珠玉 珠翠 瑞安 瑞星 甘宁 甘美 甜香 白海 皓月 盛润 "
        "盛誉 睿智 石星 碧海 祥云 祥瑞 福威 秀雅 秋冬 程文 立新 竹枝 管长 素志 纯利 纯金 纯钢 "
        "维达 罗兰 罗海 美林 美美 美艳 美金 群峰 群星 群芳 群龙 老农 老牛 老花 "
        "老赖 老路 聪敏 聪颖 胜景 航宇 良友 良善 良辰 艳福 芬利 花子 花枝 花蕊 "
        "花魁 芸香 英伦 英华 英德 英灵 英航 英豪 莫亚 董源 蓝海 薄荷 虎子 蝶泳 衣雪 诗云 豪侠 "
        "豪富 贞德 贤哲 贤惠 贤明 贤淑 贤达 贺海 超凡 超强 超长 路军 边民 边长 金富 金熙 钦敬 "
        "锡兰 长平 长庆 长波 长航 长顺 长龙 阿兰 阿苏 陆海 陆航 雄健 雄兵 雄强 雅丹 "
        "雅兴 雅安 雨天 雨子 雨雪 雪天 露珠 青云 青光 青松 青苗 青跃 韵文 顺义 顺民 飒飒 飞云 "
        "飞红 飞雪 飞龙 香花 馨香 马亚 高利 高峻 高欢 高洁 高远 高阳 魁伟 魁星 鲁国 鲜亮 鸣金 "
        "麻花 黎阳 龙华 "
    )
)
_ZH_STOP_WORDS: Final = frozenset(
    _words(
        "高兴 方便 安全 马上 周末 常常 明天 明白 成功 关心 关系 许多 于是 任何 严重 应该 "
        "全家 全部 商量 简单 支持 计划 容易 解决 尤其 连续 管理 单位 包括 司机 中介 吉林 "
        "辽宁 云南 广西 朝鲜 韩国 日本 中国 东北 南方 边境 边防 公安 武警 金钱 黄金 钱包 "
        "文化 华人 华侨 安排 安心 常见 高中 初中 宁愿 宁可 曾经 向来 毛钱 江边 路上 车上 "
        "程序 孙女 孙子 时间 时候 石头 白天 齐心 左右 夏天 雷雨 谢谢 温暖 万一 项目 费用 "
        "冷静 康复 花钱 权利 强调 房子 车子 房东 卫生 农村 古老 宗教 司法 党员 方式 方法 "
        "方面 方向 关押 向导 成年 美国 英国 法国 德国 泰国 俄国 越南 老挝 缅甸 蒙古 "
        "阳光 金额 安静 平静 健康 平安 美丽 善良 坚强 聪明 永远 春天 秋天 冬天 成千 "
        "阿姨 小姐 小孩 老师 老人 老板 老家 老婆 老公 老乡 万千 农林 千金 兴兵 单兵 卫兵 "
        "官兵 征兵 新兵 松林 森林 民兵 清兵 竹林 翰林 巴林 金兵 丛林 白杨 杨柳 韩文 韩语 高德 "
        "男子 男生 男孩 男方 男友 班主"
    )
)
ZH_STOP: Final = _ZH_NAME_LIKE_WORDS | _ZH_STOP_WORDS
# Titles and kinship words said after a family name (王大爷, 李阿姨, 朴牧师, 刘姐, 渡边先生).
ZH_TITLES: Final = frozenset(
    _words(
        "先生 女士 小姐 老师 同志 阿姨 大叔 大哥 大姐 师傅 医生 律师 教授 老板 经理 总 大爷 "
        "大妈 大娘 大婶 大伯 大嫂 叔叔 奶奶 爷爷 婆婆 牧师 传道 传道士 弟兄 姊妹 长老 执事 "
        "社长 主任 书记 大夫 老总 科长 局长 所长 村长 队长 厂长 哥 姐 叔 婶 嫂 伯 姨 さん "
        "老太太 老太 老爷子 老奶奶 老爷爷 老大爷 老先生 老伯 太太 夫人 院长 站长 组长 会长 男士 "
        "様 桑 君"
    )
)
_ZH_TITLES_LONGEST_FIRST: Final = tuple(sorted(ZH_TITLES, key=len, reverse=True))
_ZH_KIN_WORDS: Final = frozenset(_ZH_KIN)
_ZH_NUMERALS: Final = frozenset("0123456789一二三四五六七八九十两几")
# The characters a Japanese given name written in kanji ends with, in both the
# Japanese and the simplified forms (美由纪, 美穂, 千惠): 佐藤和子, 高桥美由纪.
_ZH_JA_GIVEN_END: Final = frozenset(
    "子美香惠恵奈菜花咲代江枝理里绘絵纪紀乃佳希穗穂音华華织織衣世实実未爱愛优優依叶葉帆梨"
    "那沙纱紗琴郎夫男雄太介助辅輔也哉树樹彦司平吉治藏蔵之朗翔斗辉輝弘博宏浩隆诚誠茂勇悟莲"
    "翼阳陽聪聡健刚剛亮凉涼稔进進清马馬薰薫荣栄昇丰豊守"
)
_ZH_JA_SURNAME: Final = re.compile(_alternation(sorted(JAPANESE_IN_CHINESE)))
# The same names in one automaton, to find them all in a note in one pass.
_ZH_JA_SURNAME_AUTOMATON: Final = ahocorasick_rs.AhoCorasick(
    sorted(JAPANESE_IN_CHINESE), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
)
_ZH_JA_FIRST: Final = frozenset(name[0] for name in JAPANESE_IN_CHINESE)
_ZH_KANA_GIVEN: Final = re.compile(r"[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,6}")
_ZH_SURNAME_CHARS: Final = "".join(sorted(CHINESE | KOREAN_IN_CHINESE | CHINESE_RARE))
_ZH_GIVEN_CHARS: Final = "".join(sorted(CHINESE_GIVEN))
# A family name (compound or single) and one or two given-name characters (the first
# may be 小: 王小红; the second 子, as in Korean and Japanese women's names: 李英子, but
# not 林子里, 孩子们),
# tried at every position (a lookahead, so that overlapping candidates are all seen).
# Only where a name may begin (``_zh_opens``): the character before is taken by the
# pattern, so that the engine, not Python, skips the rest of the text.
_ZH_NAME_FIRST: Final = "".join(
    sorted(CHINESE | KOREAN_IN_CHINESE | CHINESE_RARE | {name[0] for name in CHINESE_COMPOUND})
)
# Words of time and conjunctions that open a clause, after which a subject begins as after
# punctuation (昨天张伟打电话, 后来王芳也走了, 如果李娜来了).
_ZH_CLAUSE_OPENERS: Final = frozenset(
    _words(
        "今天 昨天 前天 明天 后天 今年 去年 刚才 后来 其实 如果 要是 但是 可是 因为 所以 然后 "
        "结果 不过 而且 当时 那时 现在 最近 上次 这次 突然 终于 还好 幸好 听说 据说 好像 可能 "
        "估计 希望 晚上 早上 上午 下午 中午 当天 第二天 之前 之后 以前 以后"
    )
)
_ZH_BARE: Final = re.compile(
    rf"(?:^|[\x00-/:-\u4dff\ua000-\U0010ffff"
    rf"{''.join(sorted(ZH_BEFORE_NAME | {w[-1] for w in _ZH_CLAUSE_OPENERS}))}])"
    rf"(?=[{_ZH_NAME_FIRST}])"
    rf"(?=(?P<name>(?:{_alternation(sorted(CHINESE_COMPOUND))}|[{_ZH_SURNAME_CHARS}])"
    rf"(?:小[{_ZH_GIVEN_CHARS}]|[{_ZH_GIVEN_CHARS}](?:[{_ZH_GIVEN_CHARS}]|子(?![里们])|女(?![儿士人性子]))?)))"
)
# Korean women's names end in 女 (金顺女, 朴福女) as Japanese ones in 子; these words of a
# given-name character and 女 are no names.
_ZH_FEMALE_WORDS: Final = frozenset(
    _words("美女 淑女 玉女 仙女 才女 龙女 长女 次女 幼女 养女 宫女 织女 少女 儿女 孙女 侄女 民女")
)
# A person's home: a verb of place, the name, 家 (在李娜家住, 去王芳家). Found at the 家,
# far rarer in a note than the verbs.
_ZH_HOME: Final = re.compile("家")
_ZH_TO_HOME: Final = frozenset("在去到回住从来")
# A nickname: 小 or 阿 before a given-name character or a family name, 老 before a
# family name (小芳, 阿明, 老王). Judged in Python by the characters around it.
_ZH_NICKNAME: Final = re.compile(
    rf"(?:[小阿][{_ZH_GIVEN_CHARS}{_ZH_SURNAME_CHARS}]|老[{_ZH_SURNAME_CHARS}])"
)
# Words of time made of given-name characters: 王明天来 holds the name 王 at most, and
# 老王明天来 none but 老王.
_ZH_TIME_WORDS: Final = frozenset(
    _words("明天 明年 明早 明晚 天天 永远 刚刚 刚才 常常 平时 春天 秋天 冬天 夏天 黎明 凌晨 黄昏")
)
# A family name given on its own: 姓韩, 她姓吉田, 日本姓是长谷川.
_ZH_SURNAME_ONLY: Final = re.compile(r"姓(?:是|叫|为|：|:)?")
# A family name before 姓 and a person, as reports write one (吴姓中介, 李姓男子).
_ZH_SURNAMED: Final = re.compile("姓(?:中介|男子|女子|男|女|人|司机|老板|的|老人|妇女)")
# Where a clause opens with a given-name character: the start of the note (_zh_bare),
# or after punctuation or a space. The start is left out of the pattern: a ``^`` among
# its branches keeps the engine from skipping ahead to the punctuation.
_ZH_CLAUSE_MARK: Final = re.compile(
    rf"[，,。！!？?、；;：:\s…](?=[{''.join(sorted(CHINESE_GIVEN))}])"
)
# A full name in Hangul in a Chinese note (김화자, 리영옥): a run of three or four
# syllables alone between other scripts (two are as often a place: 강원, 혜산). North
# Korea writes the family names 이, 류, 림 as 리, 류, 림.
_ZH_HANGUL_RUN: Final = _JA_HANGUL_WORD
_NORTH_SURNAMES: Final = frozenset("리류림로량려련라")
_HANGUL_OR_KANA: Final = re.compile("[가-힣ぁ-ヺ]")
# A name in kana in a Chinese note: katakana joined by a middle dot (ヨシダ・ミチコ),
# or kana alone in brackets, the reading of the name before it (佐藤和子（さとうかずこ）).
_ZH_KANA_NAME: Final = re.compile(
    r"[ァ-ヺー]{1,8}・[ァ-ヺー]{1,8}(?:・[ァ-ヺー]{1,8})?|(?<=[(（])[ぁ-ゖァ-ヺー]{2,12}(?=[)）])"
)
# A name in kana, or in kanji and kana (有村キヌ, 大山ひろ子), after a cue word
# (找ゆみこ, 转告ひろし, 叫有村キヌ, 母亲大山みどり).
_ZH_KANA_CUED: Final = re.compile(
    rf"(?:{_alternation([*_ZH_KIN, *_ZH_TAKES_PERSON])})(?:的|是|叫)?"
    r"(?P<name>[\u4e00-\u9fff]{0,3}(?:[ぁ-ゖ]{1,6}|[ァ-ヺー]{2,8})[子美江]?)"
)


# A name in Latin letters in a Chinese note, as passports and South Korean or Japanese
# papers write it: a romanised Korean or Japanese family name, then a given name whose
# syllables are those of either language (Kim Young-chul, Ri Chol Nam, Park Jiwoo,
# Tanaka Yuki), or any capitalised name right after 叫 (叫Somchai的司机) or after the
# name's label in Latin letters (拼音是 Li Hua, 英文名：Grace). Family names
# that are English words (In, So, Do, Go, An, No) are left out.
_ROMAN_KO_SURNAMES: Final = _words(
    "Kim Gim Lee Yi Rhee Ri Park Pak Bak Choi Choe Jung Jeong Chung Chong Kang Cho Jo Yoon "
    "Yun Jang Chang Lim Rim Han Oh Seo Suh Shin Sin Kwon Hwang Ahn Song Ryu Yoo Hong Ko "
    "Moon Mun Yang Son Sohn Bae Baek Paek Heo Hur Nam Shim Noh Roh Kwak Sung Cha Joo Ju "
    "Woo Koo Min Jin Chae Won Chun Cheon Jeon Jun Bang Kong Hyun Hyon Ham Byun Yeom Choo "
    "Seok Ryang Kye Gil Pyo Myung Wang Keum Yuk Maeng Tak Kook Eun Bong Tae Ha Ji Na Yu"
)
_ROMAN_JA_SURNAMES: Final = _words(
    "Sato Suzuki Takahashi Tanaka Ito Watanabe Yamamoto Nakamura Kobayashi Kato Yoshida "
    "Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Saito Shimizu Yamazaki Mori "
    "Ikeda Hashimoto Abe Ishikawa Yamashita Nakajima Ishii Ogawa Maeda Okada Hasegawa "
    "Fujita Goto Kondo Murakami Endo Aoki Sakamoto Fukuda Ota Nishimura Fujii Kaneko "
    "Okamoto Fujiwara Nakano Miura Harada Nakagawa Matsuda Takeuchi Ono Tamura Nakayama "
    "Wada Ishida Morita Ueda Hara Uchida Shibata Sakai Miyazaki Yokoyama Takagi Ando "
    "Miyamoto Ohno Kojima Taniguchi Imai Kudo Takada Masuda Maruyama Sugiyama Murata "
    "Otsuka Hirano Kawaguchi Oyama Kaneda Arai Noguchi Takeda Matsui Chiba Iwasaki Kikuchi"
)
_ROMAN_GIVEN_WORD: Final = r"[A-Z](?:[a-z]{1,11}|[A-Z]{1,11})(?:-[A-Za-z]{1,8})?"
_ROMAN_NAME: Final = re.compile(
    rf"(?<![A-Za-z])(?:{_alternation([*_ROMAN_KO_SURNAMES, *_ROMAN_JA_SURNAMES])}"
    rf"|{_alternation([w.upper() for w in (*_ROMAN_KO_SURNAMES, *_ROMAN_JA_SURNAMES)])})"
    rf"(?P<given>(?: {_ROMAN_GIVEN_WORD}){{1,2}})(?![A-Za-z])"
    rf"|(?:叫|拼音(?:是|：|:) ?|英文名(?:是|：|:)? ?)"
    rf"(?P<called>[A-Z][a-z]{{1,15}}(?: [A-Z][a-z]{{1,15}}){{0,2}})(?![A-Za-z])"
)
# Where such a name can begin (scan.py): a capital letter, or 叫 before one. Most Chinese
# notes hold neither, and the long alternation above is not tried at every character.
_ROMAN_AT: Final = re.compile("[A-Z]|叫(?=[A-Z])|拼音|英文名")
# One syllable of romanised Korean or Japanese: an onset, a vowel, a final consonant.
_ROMAN_SYLLABLES: Final = re.compile(
    r"(?:(?:ch|sh|ts|kk|tt|pp|ss|jj|[kgsztdnhbpmyrwjcf])[yw]?)?"
    r"(?:yae|yeo|wae|you|woo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|ei|ai|uu|[aeiou])"
    r"(?:ng|[knlmpt])?"
)
# Capitalised words after 叫 that are apps and services, not people, and a place.
_ROMAN_NOT_NAMES: Final = frozenset(
    [*_words("Grab Uber Didi Bolt Lyft Line Telegram Signal"), "Hong Kong", "HONG KONG"]
)


def _roman_given(given: str) -> bool:
    """Every word of ``given`` is made of romanised Korean or Japanese syllables."""
    return all(
        re.fullmatch(rf"(?:{_ROMAN_SYLLABLES.pattern}){{1,4}}", word.lower().replace("-", ""))
        for word in given.split()
    )


# A Chinese name in pinyin (Li Ming, Piao Chunhua, Wang Xiaohong): a family name, then a
# given name of pinyin syllables, between Chinese text or punctuation, not amid English
# words (He Said, Long Time).
_ROMAN_ZH_SURNAMES: Final = _words(
    "Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Zhu Gao Lin Guo Luo Liang "
    "Zheng Xie Tang Feng Dong Xiao Cheng Cao Yuan Deng Shen Zeng Peng Jiang Cai Jia Ding "
    "Wei Xue Pan Xia Zhong Tian Ren Fang Shi Yao Tan Liao Zou Xiong Jin Hao Kong Bai Cui "
    "Mao Qiu Qin Gu Hou Shao Meng Duan Lei Qian Yin Qiao Lai Gong Wen Piao Quan Zhao Xu"
)
_ROMAN_ZH_NAME: Final = re.compile(
    rf"(?={first_char_class(_alternation(_ROMAN_ZH_SURNAMES))})"
    rf"(?<![A-Za-z] )(?<![A-Za-z])(?:{_alternation(_ROMAN_ZH_SURNAMES)})"
    r"(?P<given>(?: [A-Z][a-z]{1,12}){1,2})(?![A-Za-z]| [A-Za-z])"
)
_PINYIN: Final = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|"
    r"ua|uo|ui|ue|er|a|o|e|i|u)){1,3}"
)


def _zh_latin(text: str) -> Iterator[tuple[int, int]]:
    """Names in Latin letters in a Chinese note (see _ROMAN_NAME, _ROMAN_ZH_NAME)."""
    capitals = starts(_ROMAN_AT, text)
    for match in finditer_at(_ROMAN_NAME, text, capitals):
        if match.group("called"):
            if match.group("called").split()[0] not in _ROMAN_NOT_NAMES:
                yield match.span("called")
        elif _roman_given(match.group("given")) and match.group() not in _ROMAN_NOT_NAMES:
            yield match.span()
    # Every romanised family name opens with a capital, where the scan above stopped.
    for match in finditer_at(_ROMAN_ZH_NAME, text, capitals):
        if all(_PINYIN.fullmatch(word.lower()) for word in match.group("given").split()):
            yield match.span()


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _zh_opens(text: str, start: int) -> bool:
    """A name may begin at ``start``: nothing written in Chinese characters before it, or
    the end of a word that a name follows (a pronoun, a verb, a kinship word); never a
    number, which makes a count or an amount of what follows (5万美元, 十余千米)."""
    before = text[start - 1] if start else ""
    if before in _ZH_NUMERALS:
        return False
    return not before or not _is_han(before) or before in ZH_BEFORE_NAME


def _zh_closes(text: str, end: int) -> bool:
    """A name may end at ``end``: what follows is no Chinese character, or begins what
    follows a person (a particle, a verb, an adverb)."""
    return end >= len(text) or not _is_han(text[end]) or text[end] in _ZH_AFTER_NAME


def zh_japanese_name(text: str, start: int) -> int:
    """Length of the Japanese name at ``start`` of a Chinese note (0 if none): a
    Japanese family name, then a given name in kanji with a usual ending or in kana
    (田中良子, 高桥美由纪, 松本ハル), or the family name alone before a word boundary."""
    if text[start : start + 1] not in _ZH_JA_FIRST:
        return 0
    surname = _ZH_JA_SURNAME.match(text, start)
    if surname is None:
        return 0
    end = surname.end()
    kana = _ZH_KANA_GIVEN.match(text, end)
    if kana is not None:
        return kana.end() - start
    for length in (3, 2, 1):
        given = text[end : end + length]
        if given == "里":
            # 大山里, 高山里: "in the mountains", not a given name of one 里.
            return 0
        if (
            len(given) == length
            and all(_is_han(ch) for ch in given)
            and given[-1] in _ZH_JA_GIVEN_END
            and _zh_closes(text, end + length)
        ):
            return end + length - start
    return end - start if _zh_closes(text, end) else 0


def zh_korean_jae(candidate: str, length: int, *, cued: bool = False) -> int:
    """``length``, or 3 for a Korean name with 在 (재) as its first given character
    (安在洙, 李在明), which reads as the verb 在 after one character: taken when a
    given-name character follows it (any but a particle or verb right after a kinship
    word, ``cued``: 叔叔柳在万已经到了) and the name ends there."""
    third = candidate[2:3]
    shaped = third in CHINESE_GIVEN or (
        cued and bool(third) and _is_han(third) and third not in _ZH_AFTER_NAME
    )
    if length == 1 and candidate[1:2] == "在" and shaped and _zh_closes(candidate, 3):
        return 3
    return length


# Compound family names that are ordinary words too (东方 "the east", 长孙 "eldest
# grandson"): only given-name characters may follow them.
_ZH_WORD_COMPOUNDS: Final = frozenset(_words("东方 西门 长孙 公孙"))
# Particles and verbs no given name holds, which end one after a compound family name.
_ZH_CLAUSE_CHARS: Final = frozenset("的了在是和与跟同给找叫说到去来也都就又还很不没从把被让对向已")


def _zh_person(candidate: str) -> int:
    """Length of the name that opens ``candidate``: a common family name and one or two
    given-name characters (0 if none)."""
    surname, length = chinese_name(candidate, _ZH_AFTER_NAME, given=CHINESE_GIVEN)
    length = zh_korean_jae(candidate, length)
    given = candidate[surname : surname + 2]
    if surname and length == surname and given[:1] in CHINESE_GIVEN and _zh_closes(given, 1):
        # A given name that is also an adverb (王刚, 李明) where the clause goes on after it.
        length += 1
    elif surname and length == surname and given[:1] == "小" and given[1:] in CHINESE_GIVEN:
        length += 2  # 王小红, 李小龙
    elif (
        length == surname + 1
        and candidate[length : length + 1] in ("子", "女")
        and candidate[surname : length + 1] not in _ZH_FEMALE_WORDS
        and _zh_closes(candidate, length + 1)
    ):
        length += 1  # 李英子, 金顺女
    if surname == 2 and candidate[:2] not in _ZH_WORD_COMPOUNDS:
        # A compound family name is no word, so the given name after it may be made of
        # any characters (鲜于正浩, 司马万里), up to a particle or a verb.
        length = surname
        while length < min(len(candidate), 4) and candidate[length] not in _ZH_CLAUSE_CHARS:
            length += 1
    name = candidate[:length]
    # A compound family name is in the stop list as a word of its own (欧阳, 宇文); a
    # word first still opens a full name whose given name is none (联系不上罗兰英).
    opens_word = (
        name[:2] in ZH_STOP
        and (surname == 1 or name[:2] in _ZH_WORD_COMPOUNDS)
        and not (
            length == surname + 2
            and name[surname:] not in ZH_STOP
            and name[:2] not in _ZH_TIME_WORDS
            and _zh_closes(candidate, length)
        )
    )
    if length == surname or name in ZH_STOP or opens_word:
        return 0
    return length


def _zh_given_alone(text: str, start: int) -> int:
    """Length of a given name standing alone at ``start`` (英子, 美玲), 0 if none."""
    if text[start : start + 1] not in CHINESE_GIVEN:
        return 0
    name = text[start : start + 2]
    shaped = (
        len(name) == 2
        and name[0] in CHINESE_GIVEN
        and (name[1] in CHINESE_GIVEN or name[1] == "子")
        and name not in ZH_STOP
    )
    return 2 if shaped and _zh_closes(text, start + 2) else 0


def _zh_nickname(text: str, start: int) -> int:
    """Length of the nickname at ``start`` (小芳, 阿明, 老王), 0 if none."""
    match = _ZH_NICKNAME.match(text, start)
    if match is None or match.group() in ZH_STOP or not _zh_closes(text, match.end()):
        return 0
    return 2


def _zh_nickname_cued(text: str, start: int) -> int:
    """Length of the nickname at ``start`` right after a kinship word or a verb that
    takes a person (跟阿英视频, 让小崔去): the cue before it is evidence enough, whatever
    follows."""
    match = _ZH_NICKNAME.match(text, start)
    return 0 if match is None or match.group() in ZH_STOP else 2


# Characters that end a word after a name rather than a given name (王强哥, 李家, 金氏).
_ZH_NOT_GIVEN_END: Final = frozenset("哥姐叔姨婶嫂伯爷奶妈爸家们俩氏")


def _zh_third_given(text: str, start: int, length: int) -> int:
    """One more character after a family name and one given-name character, right after a
    kinship word (表哥崔东日的, 叔叔柳在万已经): Korean given names use characters Chinese
    ones rarely do. Taken only when the name ends right after it."""
    end = start + length
    third = text[end : end + 1]
    if (
        length == 2
        and third
        and _is_han(third)
        and third not in _ZH_AFTER_NAME
        and third not in _ZH_NOT_GIVEN_END
        and _zh_closes(text, end + 1)
        and text[start + 1 : end + 1] not in ZH_STOP
        and text[start + 1 : end + 1] not in _ZH_TIME_WORDS
    ):
        return 3
    return length


def _zh_kin_jae(candidate: str) -> int:
    surname, length = chinese_name(candidate, _ZH_AFTER_NAME, given=CHINESE_GIVEN)
    jae = zh_korean_jae(candidate, length, cued=True) if surname == 1 else 0
    return jae if jae == 3 and candidate[1:3] not in ZH_STOP else 0


def _zh_bounded_full(text: str, start: int, *, kin: bool = False) -> int:
    """A full name of three characters a space, a comma or a number cuts off, right after
    a kinship word or a role (外公 韩相烈 1931年生, 爷爷叫金政男 打错了): Korean given names
    use characters Chinese ones rarely do (相, 植, 政, 正日), so the frame decides, not them.
    Right after a kinship word the name may also end before a particle or a verb
    (外公黄奉洙是, 侄子朴正日也想), when none of it is a function word (丈夫和孩子都)."""
    name = text[start : start + 3]
    end = start + 3
    after = text[end : end + 1]
    if len(name) < 3 or name[0] not in _ZH_SURNAME_CHARS or not all(map(_is_han, name)):
        return 0
    if name[2] in _ZH_ROLE_ENDS or name[2] in _ZH_NOT_GIVEN_END or name[1:] in ZH_STOP:
        return 0
    if not after or not _is_han(after):
        return 3 if not any(ch in _ZH_AFTER_NAME for ch in name[1:]) else 0
    loose = (
        kin
        and after in _ZH_AFTER_NAME
        and name[:2] not in ZH_STOP
        and not any(ch in _ZH_CLAUSE_CHARS or ch in _ZH_PRONOUN_CHARS for ch in name)
    )
    return 3 if loose else 0


_ZH_PRONOUN_CHARS: Final = frozenset("我你他她它们这那个什么怎哪每各")


# A family name and a short title of kinship, as brokers and drivers are called (王哥).
_ZH_SURNAME_TITLE: Final = re.compile(f"[{_ZH_SURNAME_CHARS}][哥姐叔婶嫂姨](?!们)")


def _zh_kin_and_verbs(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    for match in chain(_ZH_KIN_FRAME.finditer(text), _ZH_CALLING_FRAME.finditer(text)):
        start = match.start("name")
        length = (
            zh_japanese_name(text, start)
            or _zh_third_given(text, start, _zh_person(match.group("name")))
            or _zh_kin_jae(match.group("name"))
            or _zh_nickname_cued(text, start)
            or _zh_given_alone(text, start)
            or _zh_bounded_full(text, start, kin=match.re is _ZH_KIN_FRAME)
            or zh_translit(text, start)
        )
        if length and text[start : start + length] not in roles:
            yield start, start + length
        elif (
            match.re is _ZH_CALLING_FRAME
            and _ZH_SURNAME_TITLE.match(text, start)
            and _zh_closes(text, start + 2)
        ):
            yield start, start + 1  # 中介王哥, 司机李叔: the family name before the title
    for match in _ZH_PERSON_FRAME.finditer(text):
        start = match.start("name")
        length = (
            _zh_person(match.group("name"))
            or zh_japanese_name(text, start)
            or _zh_given_alone(text, start)
            or _zh_nickname_cued(text, start)
            or _zh_word_name(text, start)
            or zh_translit(text, start)
        )
        name = text[start : start + length]
        full = length == 3 and all(ch in CHINESE_GIVEN for ch in name[1:])  # 黄金凤
        if length and name not in roles and (full or name[:2] not in roles):
            yield start, start + length


def _zh_word_name(text: str, start: int) -> int:
    """A given name that is also a word (国庆, 胜利, 和平), after a verb that takes a
    person and before a pronoun for it (问一下国庆，他到底; 找到了和平，他在)."""
    name = text[start : start + 2]
    shaped = (
        name in _ZH_NAME_LIKE_WORDS or (len(name) == 2 and all(ch in CHINESE_GIVEN for ch in name))
    ) and not (name in _ZH_STOP_WORDS or name in _ZH_COUNTRY_LIKE or name.endswith("国"))
    return (
        2
        if shaped
        and text[start - 1 : start] not in _ZH_BEING
        and _ZH_PRONOUN_AFTER.match(text, start + 2)
        else 0
    )


_ZH_PRONOUN_AFTER: Final = re.compile("[，,]?[他她](?!们)")
# Countries shaped like given names, and verbs after which a word is said, not a person met.
_ZH_COUNTRY_LIKE: Final = frozenset(_words("波兰 荷兰 芬兰 智利 伊朗 苏丹 锡金 锡兰 米兰"))
_ZH_BEING: Final = frozenset("是像说讲")


def _zh_word_then_given(text: str, start: int, name: str, surname: int) -> bool:
    return (
        name[surname:] not in ZH_STOP
        and name[: surname + 1] not in _ZH_TIME_WORDS
        and _zh_closes(text, start + len(name))
        and (start == 0 or not _is_han(text[start - 1]) or text[start - 1] in ZH_BEFORE_NAME)
    )


def _zh_bare(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Names with no cue but the word boundary before them: three characters (a family
    name and two given-name characters) anywhere a name may begin; two where no Chinese
    character stands before and a particle or verb follows; a given name alone opening a
    clause before a particle or verb (英爱终于到了)."""
    for match in _ZH_BARE.finditer(text):
        start = match.start("name")
        name = match.group("name")
        surname = 2 if name[:2] in CHINESE_COMPOUND else 1
        before = text[start - 1] if start else ""
        after_opener = text[start - 2 : start] in _ZH_CLAUSE_OPENERS
        inside_word = _is_han(before) and before not in ZH_BEFORE_NAME and not after_opener
        if name in roles or inside_word:
            continue
        # A word first (方志, 黄金) still opens a full name when the given name is no word
        # either and a particle or verb follows it (方志强说, 黄金凤说).
        word_first = name[: surname + 1] in ZH_STOP or name[: surname + 1] in roles
        full = len(name) == surname + 2 and name[surname:] not in _ZH_TIME_WORDS
        if name.endswith("女") and name[surname:] in _ZH_FEMALE_WORDS:
            continue
        if (
            full
            and text[start + surname + 1 : start + surname + 3] not in ZH_STOP
            and (not word_first or _zh_word_then_given(text, start, name, surname))
        ):
            yield start, start + len(name)
            continue
        if word_first:
            continue
        two = start + surname + 1
        if text[start:two] in _ZH_TIME_WORDS:
            continue  # 黎明的时候, 凌晨就走了: a time of day
        if (start == 0 or not _is_han(before) or after_opener) and _zh_closes(text, two):
            yield start, two
        elif text[two : two + 1] == "、" and _zh_opens(text, start):
            yield start, two  # the first of a list of names (有张丽、吴海燕和我)
    opens = [0] if text[:1] in CHINESE_GIVEN else []
    for start in chain(opens, (mark.end() for mark in _ZH_CLAUSE_MARK.finditer(text))):
        length = _zh_given_alone(text, start)
        if length:
            yield start, start + length


# Where a name in kana can begin: katakana, or hiragana right after a bracket.
_ZH_KANA_AT: Final = re.compile(r"[ァ-ヺー]|[ぁ-ゖ](?<=[(（][ぁ-ゖ])")


def _zh_other_scripts(text: str) -> Iterator[tuple[int, int]]:
    """Korean names in Hangul and Japanese names in kana, in a Chinese note."""
    if _HANGUL_OR_KANA.search(text) is None:
        return  # most Chinese notes hold neither: their patterns need not run
    for match in _ZH_HANGUL_RUN.finditer(text):
        word = match.group()
        if word[-1] in "도시군성현":
            continue  # 강원도, 혜산시, 지린성: a province or a town, which find_places judges
        # A Korean full name only: Japanese names and places in Hangul (후쿠오카) are
        # shaped like Japanese names in Korean notes.
        if _ko_full_name(word) or (len(word) == 3 and word[0] in _NORTH_SURNAMES):
            yield match.span()
    for match in finditer_at(_ZH_KANA_NAME, text, starts(_ZH_KANA_AT, text)):
        yield match.span()
    for match in _ZH_KANA_CUED.finditer(text):
        yield match.span("name")


def zh_tagged_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of a span that a tagger calls a person which can be a name, or None.

    jieba tags kinship words (孙女, 祖母), brands (华为), measures (3封信) and a
    family name with its title (王大爷) as person names. Kept: Chinese characters only,
    a family name first (Chinese, compound, Korean or Japanese), a title cut off, no
    kinship or common word, no count before it, and a given name of one character
    only if it is one given names are made of.
    """
    for title in _ZH_TITLES_LONGEST_FIRST:
        if text.endswith(title, start, end) and end - len(title) > start:
            end -= len(title)
            surname = text[start:end]
            return (start, end) if surname in CHINESE or surname in JAPANESE_IN_CHINESE else None
    word = text[start:end]
    if not 2 <= len(word) <= 4 or not all(_is_han(ch) for ch in word):
        return None
    if word in _ZH_KIN_WORDS or word in ZH_STOP or word[:2] in ZH_STOP:
        return None
    if text[start - 1 : start] in _ZH_NUMERALS:
        return None
    if word in JAPANESE_IN_CHINESE or word in CHINESE_COMPOUND or _zh_nickname(word, 0):
        return start, end  # 吉田, 佐佐木, 皇甫, 小芳
    if word[:2] in CHINESE_COMPOUND or word[:2] in JAPANESE_IN_CHINESE:
        given = word[2:]
    elif word[0] in CHINESE or word[0] in KOREAN_IN_CHINESE:
        given = word[1:]
    elif len(word) == 2 and _zh_given_alone(word, 0):
        return start, end  # 美玲, 秀英
    else:
        return None
    # One given character must be one names are made of (not 华为, 钱财); of two, neither
    # may be a particle or verb (闵行赵, 魏都杨 run over a word boundary) and one must be.
    if len(given) == 1 and given not in CHINESE_GIVEN:
        return None
    if len(given) == 2 and (
        any(ch in _ZH_AFTER_NAME for ch in given) or not any(ch in CHINESE_GIVEN for ch in given)
    ):
        return None
    return start, end


def zh_cued(text: str, roles: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Chinese names pointed at by a kinship word, a verb that takes a person, an age in
    brackets or a word boundary (``我妹妹王丽华``, ``和李娜联系不上``, ``王芳（73岁）``,
    ``李春花的孙子``), nicknames (``小芳``), Japanese names (``田中良子``), and names in
    Hangul or kana (``김화자``, ``ヨシダ・ミチコ``)."""
    yield from _zh_kin_and_verbs(text, roles)
    yield from _zh_bare(text, roles)
    for match in _ZH_NICKNAME.finditer(text):
        if _zh_opens(text, match.start()) and _zh_nickname(text, match.start()):
            yield match.span()
    for _, start, end in _ZH_JA_SURNAME_AUTOMATON.find_matches_as_indexes(text):
        length = zh_japanese_name(text, start)
        if length > end - start and _zh_opens(text, start):
            yield start, start + length
        elif _ZH_JA_HOUSE.match(text, end) and _zh_opens(text, start):
            yield start, end  # 高田家的人: a Japanese family name is no word
    yield from _zh_homes(text)
    for match in _ZH_SURNAMED.finditer(text):
        start = match.start() - 1
        if start >= 0 and text[start] in _ZH_SURNAME_CHARS and _zh_opens(text, start):
            yield start, start + 1
    for match in _ZH_SURNAME_ONLY.finditer(text):
        length = zh_japanese_name(text, match.end())
        if not length and text[match.end() : match.end() + 2] in CHINESE_COMPOUND:
            # 姓司马的, 姓欧阳：a two-character family name, whole.
            length = 2 if _zh_closes(text, match.end() + 2) else 0
        if not length and text[match.end() : match.end() + 1] in CHINESE:
            length = 1 if _zh_closes(text, match.end() + 1) else 0
        if length:
            yield match.end(), match.end() + length
    for start, end in _before_age(text, 4):
        for length in (3, 2):
            if end - start < length:
                continue
            name = text[end - length : end]
            if (_zh_person(name) == length or _zh_aged(text, end - length, end)) and (
                name not in roles
            ):
                yield end - length, end
                break
    yield from _zh_other_scripts(text)
    yield from _zh_latin(text)
    yield from _zh_foreign(text)
    if "某" in text:
        for match in _ZH_SOMEONE.finditer(text):
            # 姜某, 赵某某: the family name a report leaves of a person (not 向某单位, 某种).
            start = match.start() - 1
            if start >= 0 and text[start] in _ZH_SURNAME_CHARS and _zh_opens(text, start):
                yield start, start + 1


# A family's house or its people after a Japanese family name (高田家的人, 中村家那边).
_ZH_JA_HOUSE: Final = re.compile("家(?:的|人|那边|里)")
# A family name and 某 (someone), as reports shorten a person: 姜某（男）, 赵某某，李某说.
_ZH_SOMEONE: Final = re.compile(rf"某(?=某|[^{_HAN_CLASS}]|$|[说在是的和跟已曾])")
# People of the countries on the way out, and the names they go by: a name written with
# the characters Chinese uses to spell foreign names (伊万诺夫, 颂猜, 坎蓬, 巴特尔, 谢尔盖).
_ZH_NATIONS: Final = _words(
    "俄罗斯 越南 老挝 泰国 蒙古 缅甸 柬埔寨 韩国 朝鲜 日本 美国 菲律宾 印尼 马来西亚 在日朝鲜"
)
# Opened with a class of the first characters, so that the engine skips ahead to them.
_ZH_NATIONAL_FRAME: Final = re.compile(
    rf"(?={first_char_class(_alternation(_ZH_NATIONS))})(?:{_alternation(_ZH_NATIONS)})(?:族?人(?:叫|，叫)?|(?P<of>的))(?=[{_HAN_CLASS}])"
)
_ZH_TRANSLIT: Final = frozenset(
    "阿埃艾安昂奥巴拜班邦鲍贝本比彼宾波伯布察查达戴丹德登迪蒂丁杜顿多厄恩尔法菲芬佛弗"
    "盖甘冈戈格贡古瓜圭哈汉豪赫亨胡霍基吉加贾杰卡凯坎科克肯库夸奎拉莱兰朗劳勒雷蕾里利莉"
    "琳隆卢鲁伦罗洛玛迈曼芒梅蒙米莫姆穆纳娜奈瑙内妮尼纽努诺帕潘佩彭皮珀普齐奇契恰乔切钦"
    "琼萨塞赛桑瑟森沙莎尚什舍施斯索塔泰坦汤唐特提廷图托瓦万旺威韦维沃乌西希谢辛休雅亚扬"
    "耶伊因尤约泽扎詹兹佐娃娅夫颂猜蓬汶"
)
# 叫 and a name of any characters the sentence marks as one: 的 and a word for a person
# after it (一个叫颂猜的泰国人, 叫大老黑的中介), or, after a comma, a person or 名字, the end
# of the clause (带路的是个老挝人，叫坎蓬，).
_ZH_PERSON_AFTER: Final = "|".join(
    _words(
        "人 中介 司机 蛇头 向导 牧师 老板 朋友 女 男 孩 姑娘 小伙 "
        "大姐 大哥 阿姨 大叔 老头 老太 警察 医生"
    )
)
_ZH_CALLED_FOREIGN: Final = re.compile(
    rf"叫[“\"「]?(?P<name>[{_HAN_CLASS}]{{2,4}}?)[”\"」]?"
    rf"(?:(?P<who>的(?:[{_HAN_CLASS}]{{0,3}}?(?:{_ZH_PERSON_AFTER})))|(?=[，,。；;！!？?\n ]|$))"
)
# 叫 and a name in Latin letters (司机叫 Bounmy，一个叫Mi-ok): the way Lao, Thai and
# Korean people write theirs; not an app one calls (叫Grab).
_ZH_CALLED_LATIN: Final = re.compile(
    r"叫 ?(?P<name>[A-Z][a-z]{1,15}(?:[ -][A-Z]?[a-z]{1,15})?)(?![A-Za-z])"
)
_ZH_LATIN_NOT_NAMES: Final = frozenset(
    ("grab", "uber", "didi", "line", "kakao", "telegram", "wechat", "taxi", "bolt")
)
_ZH_CALLED_OPENERS: Final = frozenset("，,人字 ")
_ZH_CALLED_NOT_NAME: Final = frozenset(
    "的了是我你他她它们这那个什么怎不没别快去来走回到有在和也都就要会能说看做吃等给把被让请"
    "帮找问人钱事家病地方里东西村镇屯乡县市区路街号岁年月日点"
)


def _zh_foreign(text: str) -> Iterator[tuple[int, int]]:
    """Names after a nationality (俄罗斯人伊万诺夫, 在日朝鲜人姜大植) and names of any
    shape that 叫 and a person after them mark (一个叫谢尔盖的人)."""
    if "叫" in text:
        for match in _ZH_CALLED_LATIN.finditer(text):
            if match.group("name").lower() not in _ZH_LATIN_NOT_NAMES:
                yield match.span("name")
        for match in _ZH_CALLED_FOREIGN.finditer(text):
            name = match.group("name")
            opened = text[match.start() - 1 : match.start()] in _ZH_CALLED_OPENERS
            if not match.group("who") and not opened:
                continue
            if name in ZH_STOP or any(ch in _ZH_CALLED_NOT_NAME for ch in name):
                continue
            yield match.span("name")
    for match in _ZH_NATIONAL_FRAME.finditer(text):
        start = match.end()
        if match.group("of"):
            length = zh_translit(text, start)  # 蒙古的巴特尔说, not 俄罗斯的西伯利亚
        else:
            length = (
                _zh_person(text[start : start + 4])
                or _zh_bounded_full(text, start)
                or _translit_run(text, start)
            )
        if length:
            yield start, start + length


def _translit_run(text: str, start: int) -> int:
    length = 0
    while start + length < len(text) and text[start + length] in _ZH_TRANSLIT:
        length += 1
    if text[start : start + length].startswith(_ZH_SPELT_COUNTRIES):
        return 0
    return length if 2 <= length <= 6 else 0


# The characters that mark a spelt foreign name, as ordinary words seldom end up made
# only of spelling characters holding one of them (伊万诺夫, 颂猜, 巴特尔, 谢尔盖).
_ZH_TRANSLIT_MARKS: Final = frozenset("诺夫娃娅尔猜颂蓬坎汶谢盖伊蒂琳妮莎乔奇科维斯")


# Countries and regions spelt with the same characters: kept, as every country is.
_ZH_SPELT_COUNTRIES: Final = tuple(
    _words(
        "伊朗 伊拉克 巴基斯坦 科威特 沙特 叙利亚 塞尔维亚 斯里兰卡 意大利 西班牙 巴西 智利 "
        "古巴 埃及 苏丹 尼泊尔 不丹 巴拿马 肯尼亚 尼日利亚 阿尔及利亚 坦桑尼亚 乌克兰 "
        "爱沙尼亚 拉脱维亚 罗马尼亚 保加利亚 奥地利 瑞士 瑞典 芬兰 挪威 丹麦 冰岛 加拿大 "
        "阿根廷 哥伦比亚 委内瑞拉 新加坡 马来西亚 印度尼西亚 柬埔寨 孟加拉 斯洛伐克 捷克 "
        "澳大利亚 以色列 约旦 黎巴嫩 土耳其 希腊 塞浦路斯 哈萨克斯坦 乌兹别克斯坦 "
        "吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 阿塞拜疆 格鲁吉亚 亚美尼亚 摩尔多瓦 西伯利亚 "
        "俄罗斯 蒙古 老挝 泰国 越南 缅甸 朝鲜 韩国 日本 中国 美国 英国 法国 德国 欧洲 亚洲 "
        "非洲 美洲"
    )
)


def zh_translit(text: str, start: int) -> int:
    """Length of a foreign name spelt in Chinese at ``start`` (0 if none): spelling
    characters only, one of them a mark, and what follows a person after it."""
    length = _translit_run(text, start)
    name = text[start : start + length]
    if (
        length
        and any(ch in _ZH_TRANSLIT_MARKS for ch in name)
        and not name.startswith(_ZH_SPELT_COUNTRIES)
        and _zh_closes(text, start + length)
    ):
        return length
    return 0


# The last characters of words for people (董事长, 毕业生, 工作人员), never of a name
# before an age.
_ZH_ROLE_ENDS: Final = frozenset("长员者师生家人士工主手官")


def _zh_homes(text: str) -> Iterator[tuple[int, int]]:
    """Names before 家 after a verb of place (在李娜家住, 去王芳家)."""
    for home in starts(_ZH_HOME, text):
        for length in (2, 3):
            start = home - length
            if start < 1 or text[start - 1] not in _ZH_TO_HOME:
                continue
            name = text[start:home]
            if _zh_person(name) == length or zh_japanese_name(text, start) == length:
                yield start, home
                break


def _zh_aged(text: str, start: int, end: int) -> bool:
    """Whether the three characters right before an age in brackets, opening the note or
    a clause, are a name though a given character is not one names are usually made of
    (全光日（58岁）): a family name, a given-name character, no particle or verb, no word
    for a person."""
    name = text[start:end]
    return (
        len(name) == 3
        and name[0] in CHINESE
        and (start == 0 or not _is_han(text[start - 1]))
        and any(ch in CHINESE_GIVEN for ch in name[1:])
        and not any(ch in _ZH_AFTER_NAME for ch in name[1:])
        and name[-1] not in _ZH_ROLE_ENDS
        and name[:2] not in ZH_STOP
        and name[1:] not in ZH_STOP
    )


def _before_age(
    text: str, reach: int, age: re.Pattern[str] = _AGE_AFTER
) -> Iterator[tuple[int, int]]:
    """The run of letters (CJK or Hangul, at most ``reach``) right before an age in
    brackets."""
    for match in age.finditer(text):
        end = match.start()
        start = end
        while start > 0 and end - start < reach and _is_name_char(text[start - 1]):
            start -= 1
        if end - start >= 2:
            yield start, end


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "가" <= ch <= "힣" or ch == "々"
