"""Names found by rule: after a label, before an honorific, in a self-introduction.

The frames, per language:

- Japanese: ``名前：佐藤美咲``, ``佐藤さん`` / ``様`` / ``氏`` / ``先生``, ``私は佐藤です``,
  ``佐藤と申します``, and a sentence that is only ``佐藤美咲です`` when it opens with a
  common family name.
- Korean: ``이름은 김민준``, ``김민준 씨`` / ``님``, ``저는 김민준입니다``,
  ``김민준이라고 합니다``.
- Chinese: ``名字是王芳``, ``我叫王芳`` / ``她叫李娜``, ``我是李娜`` and ``王芳女士`` / ``张先生``
  when the name opens with a common family name.

Role and kinship words that fit the same frames (``お母さん``, ``선생님``, ``我先生``) are
listed and never taken for names. Names as the subject or object of a sentence, pointed
at by a kinship word, a particle or a verb, are found in name_cues.py. What neither can
see (a bare name with no cue around it) is what the NER layer is for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from bot.scrub.ja_frames import ja_bracketed, ja_framed, ja_repeated, ja_self_name
from bot.scrub.name_cues import (
    JA_KIN,
    KO_JA_SURNAMES,
    ZH_BEFORE_NAME,
    ZH_STOP,
    ZH_TITLES,
    ja_cued,
    ko_cued,
    ko_given_alone,
    ko_ja_name,
    ko_lone_surnames,
    ko_name_shaped,
    ko_stop,
    zh_cued,
    zh_japanese_name,
    zh_korean_jae,
)
from bot.scrub.normalize import View
from bot.scrub.placenames import KEPT_NAMES, PLACE_NAMES
from bot.scrub.scan import back_over, before, finditer_at, merged, starts
from bot.scrub.scan import before as _positions_before
from bot.scrub.spans import Finding
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


def _words(text: str) -> list[str]:
    return text.split()


__all__ = ["find_names"]

# --- Japanese ----------------------------------------------------------------------
_KANJI: Final = r"[\u4e00-\u9fff々〆ヶ]"
# Half-width ﾊﾟ folds to ハ and a combining mark (U+309A) in the view: the marks belong
# to the name.
_KATA: Final = r"[ァ-ヺー\u3099\u309a]"
# A family name in kanji, then a given name that may be written in kana (``鈴木 くみ子``),
# never opening with a particle; or a name in katakana.
# Nor with the word for an elder (春子おばさん, 千代子おばあちゃん): that word stays.
_GIVEN: Final = (
    rf"(?:{_KANJI}|(?!さん|さま|ちゃん|くん|お[ばじ]|ばあ|じい|ねえ|にい|[のはがとにをでもへや])"
    rf"[ぁ-ゖ]){{1,5}}"
)
_JA_NAME: Final = (
    rf"(?:{_KANJI}{{1,6}}(?: ?{_GIVEN})?|{_KANJI}{{1,4}} {_KANJI}{{1,4}}"
    rf"|{_KATA}{{2,10}}(?:[・ ]{_KATA}{{2,10}})?|[가-힣]{{2,4}})"
)
# The longest _JA_NAME (katakana, 10 + separator + 10) plus the optional space after it:
# a frame that ends in an honorific or a verb begins at most this far before that word,
# so only those positions are tried (scan.py). tests/scrub/test_scan.py checks the width.
_JA_NAME_REACH: Final = 22
# Only a name in katakana is that long: any other is at most 12 characters (a family
# name of six kanji, a space, a given name of five), 13 with the space after it. So a
# frame is tried up to 13 characters back, and further only over katakana.
_JA_SHORT_REACH: Final = 13
_JA_KATAKANA_NAME_CHARS: Final = frozenset(
    [*map(chr, range(ord("ァ"), ord("ヺ") + 1)), "ー", "・", " ", "\u3099", "\u309a"]
)
# Labels of a name, among them the other names a family of the programme carried: a
# maiden name (旧姓), the Japanese name a Korean family used (通名, 日本名), the Korean one.
_JA_LABEL_WORDS: Final = (
    "お名前|名前|氏名|本名|フルネーム|名義|旧姓|旧名|通名|通称|日本名|朝鮮名|韓国名|"
    "名字|苗字|下の名前|差出人|送り主|宛名|姓名|結婚前の姓|母方の姓|父方の姓"
)
# A form pasted as text sets the value apart by an arrow or a bar (お名前 → ちかこ).
_JA_LABEL: Final = re.compile(
    rf"(?:{_JA_LABEL_WORDS})(?:は|が|:|：|、| |「|→|\|){{1,3}}(?P<name>{_JA_NAME})"
)
_JA_HONORIFICS: Final = "さん|様|さま|氏|君|くん|ちゃん|先生|殿"
_JA_HONORIFIC: Final = re.compile(rf"(?P<name>{_JA_NAME}) ?(?:{_JA_HONORIFICS})")
# Where an honorific, a pronoun or an intro verb begins. Written as plain alternations
# (not lookaheads) so that the engine skips ahead to their first characters; none of
# these words begins inside another, so the starts are the same (test_scan.py).
_JA_HONORIFIC_AT: Final = re.compile(_JA_HONORIFICS)
_JA_PRONOUNS: Final = "私|わたし|わたくし|僕|ぼく|俺|こちら"
_JA_INTRO_VERBS: Final = "と申します|と言います|といいます|と申す者"
_JA_INTRO: Final = re.compile(
    rf"(?:{_JA_PRONOUNS})は ?(?P<name>{_JA_NAME})"
    r" ?(?:です|と申します|と言います|といいます)"
    rf"|(?P<name2>{_JA_NAME}) ?(?:{_JA_INTRO_VERBS})"
)
_JA_PRONOUN_AT: Final = re.compile(_JA_PRONOUNS)
_JA_INTRO_VERB_AT: Final = re.compile(_JA_INTRO_VERBS)
# A name at the start or after punctuation or a space: ``(?:^|(?<=[。！？!?\n、 ]))`` then
# ``{_KANJI}{2,5}|{_KANJI}{1,3} {_KANJI}{1,3}``, the first kanji taken before the
# lookbehind so that the engine skips ahead to kanji (test_scan.py compares them).
_JA_BARE: Final = re.compile(
    rf"(?P<name>{_KANJI}(?<![^。！？!?\n、 ]{_KANJI})"
    rf"(?:{_KANJI}{{1,4}}|{_KANJI}{{0,2}} {_KANJI}{{1,3}}))です"
)
_JA_ROLE: Final = frozenset(
    _words(
        "母 父 姉 兄 弟 妹 娘 息子 孫 夫 妻 嫁 婿 叔母 叔父 伯母 伯父 祖母 祖父 曾祖母 曾祖父 "
        "従兄弟 親戚 奥 旦那 皆 皆様 神 仏 王 医者 看護師 弁護士 運転手 店員 警察 警官 先生 "
        "社長 部長 課長 係長 担当 担当者 患者 客 通訳 仲介 業者 役人 大家 家主 隣 近所 相手 "
        "本人 当事者 支援者 職員 記者 牧師 神父 住職 保護者 家族 親御 友達 友人 知人 彼 彼女 "
        "同僚 上司 部下 大使 領事 議員 教授 博士 師匠 監督 ブローカー ガイド ドライバー "
        "スタッフ ボランティア ママ パパ お客 赤 "
        # Roles of the church, the support groups and the school said with さん (宣教師さん).
        "宣教師 伝道師 長老 執事 ソーシャルワーカー ケースワーカー カウンセラー 相談員 支援員 "
        "通訳者 担任 校長 教頭 院長 園長 店長 寮長 "
        # Kin, trades and helpers said with さん (長男さん, 八百屋さん, ヘルパーさん).
        "長男 長女 次男 次女 三男 三女 末っ子 孫娘 義母 義父 義姉 義兄 義妹 義弟 姑 舅 仲人 "
        "先輩 後輩 美人 八百屋 魚屋 本屋 花屋 肉屋 床屋 酒屋 薬屋 米屋 豆腐屋 不動産屋 パン屋 "
        "看護婦 保育士 保健師 介護士 美容師 大工 庭師 駅員 運転士 和尚 管理人 民生委員 "
        "ヘルパー ケアマネ ケアマネージャー 受付 係 係員 翻訳 代理人 司法書士 行政書士 税理士 "
        "社労士 校長先生 "
        # What a label's answer says when the name is withheld or unknown (名前は秘密です).
        "秘密 内緒 不明 不詳 未詳 未定 未記入 非公開 匿名 無し 空欄 仮名 偽名 本名"
    )
)
# The headings of a form's columns and fields: after 氏名 or before 氏 they are no name
# (続柄 氏名 年齢).
_JA_FORM_WORDS: Final = frozenset(
    _words(
        "年齢 続柄 氏名 性別 住所 現住所 本籍 生年月日 関係 備考 職業 出身 出身地 連絡先 電話 "
        "電話番号 国籍 名前 フリガナ ふりがな 学歴 所在 所在地 状況 状態 現在地 居住地"
    )
)
# What stands in brackets after a name and is no other spelling of it: a role, a
# kinship word, a country, a place, the word for the kind of name it is.
_JA_NOT_SPELLINGS: Final = frozenset(
    {*_JA_ROLE, *JA_KIN, *KEPT_NAMES, *PLACE_NAMES}
    | set(
        _words(
            "仮名 偽名 本名 旧姓 旧名 通名 通称 日本名 朝鮮名 韓国名 中国名 漢字 カタカナ ひらがな"
        )
    )
)
# Endings of a verb or adjective written after one kanji (言えません, 分からない,
# 覚えています); a given name in kana after a family name never holds them.
_JA_VERB_ENDING: Final = re.compile(
    r"ません|ない|ます|ました|です|でした|てい|ている|った|れる|られ|せる|たい|かった|ませ"
)
_JA_KANJI_TAIL: Final = re.compile(rf"(?<=[ぁ-ゖ]){_KANJI}{{1,6}}\Z")
_JA_LEAD: Final = (
    "昨日",
    "今日",
    "明日",
    "先日",
    "先月",
    "去年",
    "今年",
    "毎日",
    "今",
    "友人",
    "知人",
    "担当",
)

# --- Korean ------------------------------------------------------------------------
_KO_WORD: Final = r"[가-힣]{1,8}"
# After a label the name may be written in kanji or hanzi (高橋和江, 李萬福), in katakana
# (キム・スンジャ, 山口ハル) or in capitals (KIM SUNJA), as in the papers it comes from.
_KO_FOREIGN_NAME: Final = (
    r"[\u4e00-\u9fff々]{2,5}[ァ-ヺー]{0,4}|[ァ-ヺー]{2,8}(?:[・=][ァ-ヺー]{1,8})?"
    r"|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}"
)
# The labels of a name, and of its spelling in other scripts (영문 표기는 Ri Kyong Hui,
# 한자로 朴東洙); a name in quotes after one may be a single syllable (이름이 '용'이에요).
_KO_LABEL: Final = re.compile(
    r"(?:이름|성명|성함|본명|실명|영문 ?표기|영문명|한자로|한자 ?이름|별명|닉네임|애칭)"
    # 성명(일본명): which name the form asks for, in brackets.
    r"(?:[（(][가-힣 ]{1,6}[)）])?"
    # The particle stands right after the label: after a space 은 opens the name (딸 이름
    # 은별).
    r"(?:(?:은|는|이(?= ))[:： ]{0,3}|[:： ]{1,3})"
    rf"(?:(?P<foreign>{_KO_FOREIGN_NAME})|['‘\"“「](?P<quoted>[가-힣]{{1,4}})['’\"”」]"
    # 리 영 남: a form's name with a space between its syllables, after a colon.
    r"|(?<=[:： ])(?P<spaced>[가-힣](?: [가-힣]){1,3})(?![가-힣])"
    rf"|(?P<name>{_KO_WORD}))"
)
# ``(?<![가-힣])(?P<name>[가-힣]{1,4}) ?...``: the lookbehind moved after the syllable it
# guards, so that the engine skips ahead to Hangul (test_scan.py compares them).
_KO_HONORIFIC: Final = re.compile(
    r"(?P<name>[가-힣](?<![가-힣][가-힣])[가-힣]{0,3}) ?(?P<hon>씨|님)(?!앗)"
)
# Most of a Korean note is Hangul, so the pattern above is tried only where a name of
# at most four syllables (and a space) ends at 씨 or 님 (scan.py).
_KO_HONORIFIC_AT: Final = re.compile("[씨님]")
_KO_HONORIFIC_REACH: Final = 5
_HANGUL_SYLLABLES: Final = frozenset(map(chr, range(0xAC00, 0xD7A4)))
_KO_INTRO: Final = re.compile(
    rf"(?<![가-힣])(?:저는|전|나는|난|제가|이름은) (?P<name>{_KO_WORD})"
    # 저 소희예요: 저 then a name and the copula, in a message that introduces its writer.
    r"|(?<![가-힣])저 (?P<name3>[가-힣]{2,4}?)(?:이에요|예요|입니다|이야|야|임다)(?![가-힣])"
    rf"|(?<![가-힣])(?P<name2>[가-힣]{{2,4}}?)(?:이라고|라고) "
    r"(?:합니다|해요|하는|불러|부릅니다|불렀|부르|불리)"
)
# The nouns for a person that follow a name and 라는 (미국분, 남자, 아줌마, 브로커).
_KO_PERSON_NOUNS: Final = (
    "사람|분|남자|여자|친구|아이|애|아줌마|아저씨|할머니|할아버지|언니|오빠|누나|동생|브로커|"
    "목사|선교사|기사|사장|중개인|조선족|한족|청년|총각|처녀|아가씨|녀자|남편|아내"
)
_KO_PERSON_PARTICLE: Final = "이|가|은|는|을|를|의|도|한테|에게|랑|이랑|하고|께|들|님"
# ``X라는 이름``, ``X라고 불렀대요``: whatever stands before is the name, in any script
# (キム・スンジャ라는 이름으로). Found at the frame, then walked back to the word's start.
_KO_CALLED: Final = re.compile(
    # 라고만 불렸어요: called only so.
    r"(?:이라는|라는|이라고|라고)(?:만)? (?:(?:[가-힣]{1,4} )?이름|불|부르"
    # 데이비드라는 미국분이, 장웨이라는 중국 남자랑: whoever is called so is a person.
    rf"|(?:[가-힣]{{1,4}} )?[가-힣]{{0,3}}(?:{_KO_PERSON_NOUNS})"
    rf"(?=[^가-힣]|$|{_KO_PERSON_PARTICLE}))"
)
_KO_WORD_BOUNDARY: Final = frozenset(" \t\n'\"‘’“”(（,，.。!?")
# A name in Latin letters or hanja stands a space before 라고 (Kim Sunhee 라고).
_KO_SPACED_NAME_BEFORE: Final = re.compile(
    r"(?:[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*){0,3}|[\u4e00-\u9fff]{2,4}) \Z"
)
# Where an introduction can begin (scan.py): at its opening word (none of them begins
# inside another), or at most five characters (a name of four, then 이) before 라고.
_KO_INTRO_AT: Final = re.compile("저는|전|나는|난|제가|이름은|저 ")
_KO_SAID_AT: Final = re.compile("라고")
_KO_INTRO_REACH: Final = 5
_KO_SUFFIXES: Final = tuple(
    sorted(
        _words(
            "입니다 입니다만 이에요 예요 이고 이며 이라고 라고 이다 입니 이요 씨 님 은 는 이 가 "
            "였어요 이었어요 였다 이었다 였습니다 이었습니다 였고 이었고 "
            "이었나 였나 이었던가 였던가 이던가 던가 "
            "이라는데 라는데 이래요 래요 이라서 라서 인데 이었대요 였대요 이고요 고요 이라는 라는 "
            "을 를 의 에게 한테 와 과 도 로 으로 이랑 랑"
        ),
        key=len,
        reverse=True,
    )
)
_KO_ROLE: Final = frozenset(
    _words(
        "선생 사장 부장 과장 회장 목사 형 누 고객 교수 어머 아버 부모 하느 하나 주 환자 기사 "
        "원장 실장 팀장 대표 의사 간호사 변호사 판사 검사 스 신부 수녀 아드 따 공주 왕자 대통령 "
        "아가 아저 마음 솜 말 날 맵 글 불 꽃 볍 홀 종 손녀 손자 이모 고모 조카 장녀 장남 차남 "
        "차녀 한국인 조선인 우리 이웃 주민 여자 남자 부인 남편 아내 어머니 아버지 도우미 지원자 "
        "봉사자 자원봉사자 활동가 가족 친구 학생 직원 사촌 삼촌 외삼촌 오빠 언니 누나 동생 "
        "남동생 여동생 할머니 할아버지 외할머니 외할아버지 증손녀 증손자 어머님 며느리 사위 기자 "
        "선교사 브로커 중개인 탈북민 탈북자 재일교포 교포 일본인 중국인 북한 남한 한국 일본 중국 "
        "러시아 태국 라오스 베트남 몽골 문제 사실 상황 전부 정말 진짜 다행 걱정 처음 마지막 오늘 "
        "내일 어제 지금 현재 이상 이것 그것 저것 여기 거기 최근 제일 가장 조금 혼자 모두 다음 "
        "무사 안전 위험 사람 본인 당사자 딸 아들 엄마 아빠 손님 여러분 형님 아주머 할머 할아 "
        "고객님 상대 담당 담당자 통역 통역사 경찰 군인 간부 관리 공무원 영사 대사 자녀 조부모 "
        "증조 외손녀 외손자 부모님 권사 집사 장로 전도사 간사 사모 성도 형제 자매 반장 "
        "소장 국장 총무 아줌마 아저씨 아가씨 총각 할매 할배 애 아이 대장 동무 동지 아바이 "
        "시장 구청장 시장님 "
        # 이름은 모르고요: not knowing the name, not a name.
        "모르 몰라 모름 몰라요 잊어 까먹 비공개 없음 없어 모르고 모르겠 몰랐 "
        # Elders called by a kinship word, not by name (아주머니라고 불렀어요).
        "아주머니 아주머님 이모님 어르신 할머님 할아버님 사모님 "
        # Offices shaped like a family name and a given name (담임 선생님, 형사님).
        "담임 주임 조교 고문 위원 위원장 교감 강사 형사 약사 상담사 복지사 요양사 세무사 "
        "이장 통장 동장 면장 단장 조장 선장 기장 차장 서장 지서장 경찰서장 사무장 지부장 "
        "이사장 부원장 부회장 지점장 공장장 센터장 관장 도지사 부목사 강도사 원목 주지 "
        # The subject or the field a teacher or a counsellor is named by (수학 선생님).
        "상담 상담실 수학 미술 보건 사회 도덕 윤리 기술 가정 국사 한문 지리 화학 물리 생물 "
        "태권도 피아노 운전 진로 진학 직업 교육 복지 요양 재활 학원 한의원 부담임 학년 전임 "
        "기간제 유도 미용 요리 서예 심리 간병 기초 반주 찬양 교구 "
        # What a person is called by instead of a name (그냥 아주머니라고 불렀어요).
        "아지매 오마니 꼬마 막내 당신 큰언니 작은언니 큰오빠 작은오빠 큰엄마 "
        "작은엄마 큰아버지 작은아버지 새엄마 새아빠 양어머니 양아버지 이모할머니 고모할머니 "
        "아버님 누님 목사님 집사님 교수님 박사님"
    )
)

# --- Chinese -----------------------------------------------------------------------
_HAN: Final = r"[\u4e00-\u9fff]"
# 日本名字 is no 本名 (a real name) followed by 字. Every word opens with its first
# character (no lookbehind, no group), so that the engine skips ahead to those.
_ZH_LABEL_WORDS: Final = (
    "名字|姓名|真名|全名|本(?<!日本)名|名叫|叫做|称呼|原名|化名|小名"
    "|朝鲜名字?|韩国名字?|日本名字?|中文名字?|汉名|中文写|汉字写"
)
_ZH_CALLER: Final = (
    "我|他|她|它|人|中介|司机|蛇头|联系人|负责人|孩子|女儿|儿子|母亲|父亲|妈妈|爸爸|奶奶|外婆"
)
_ZH_LABEL: Final = re.compile(
    rf"(?:{_ZH_LABEL_WORDS})(?:是|为|叫|：|:| ){{0,3}}"
    rf"(?P<name>{_HAN}{{2,4}})"
    rf"|(?:{_ZH_CALLER})叫(?P<name2>{_HAN}{{2,4}})"
)
# Where a label can begin (scan.py): at a label word, or at most three characters (the
# longest caller) before a 叫.
_ZH_LABEL_AT: Final = re.compile(_ZH_LABEL_WORDS)
_ZH_CALL_AT: Final = re.compile("叫")
_ZH_CALLER_REACH: Final = 3
_ZH_INTRO: Final = re.compile(rf"(?:我是|本人|我姓|她是|他是)(?P<name>{_HAN}{{1,4}})")
# The first characters in a class ahead, so that the engine skips to them.
_ZH_HONORIFIC: Final = re.compile(
    f"(?=[{''.join(sorted({title[0] for title in ZH_TITLES}))}])"
    + "(?:"
    + "|".join(sorted(ZH_TITLES, key=len, reverse=True))
    + ")"
)
# What follows a name's label but opens no name: particles, verbs, and the question and
# negation words (她叫什么来着, 真名不能说).
_ZH_FUNCTION: Final = frozenset(
    "的了在是我你他她们和与跟同给找见叫请问对向被让把这那该位个从到去来说有也都就又还很"
    "什啥谁哪怎不没"
)
_ZH_ROLE: Final = frozenset(
    _words(
        # How a name is written, after its label (名字拼音, 名字简体怎么写).
        "拼音 简体 繁体 写法 读音 发音 "
        "韩国 韩国人 韩语 韩文 高中 高兴 周末 马上 方便 黄金 金钱 常常 白天 江边 石头 安全 安排 "
        "安心 文化 华人 华侨 朝鲜 明天 明白 成功 成年 钱 毛 司机 车上 路上 关心 关系 孙女 孙子 "
        "曾孙 程序 东北 日本 中国 中介 志愿 林业 武警 边防 边境 公安 温暖 宋朝 万一 许多 向日 "
        "于是 任何 严重 应该 陆地 夏天 雷雨 谢谢 欧洲 罗马 金正 金家 牛奶 田里 米饭 沙子 林子 "
        "古代 吉林 辽宁 黑龙 云南 广西 包括 单位 管理 简单 项目 连续 费用 冷静 全部 全家 师傅 "
        "商量 沙发 明确 南方 南部 楚楚 劳动 皮肤 花钱 权利 强调 支持 计划 初中 云南省 容易 宿舍 "
        "印象 居住 展开 智能 幸亏 富裕 朴素 姜汤 甘肃 宁夏 符合 舒服 柯 纪录 梅花 童年 凌晨 毕业 "
        "季节 成都 谷歌 盛情 曲折 游戏 辛苦 管道 柴火 蒙古 华东 杭州 房子 滕 屈服 解决 艾滋 尤其 "
        "阳光 穆 农村 司法 卓 古老 车子 项 连 麦 党员 宫 费 卜 冷 席 卫生 米 柏 宗教 桂林 全 应 "
        "闵 边 卞 师 商 刁 荣 巫 桑 郎 甄 丛 仲 虞 敖 巩 明 池 查 麻 苑 迟 官 封 谈 匡 鞠 惠 荆 "
        "乐 冀 郁 胥 南 班 储 栗 燕 楚 劳 皮 粟 蔺 楼 盘 满 闻 厉 伊 区 花 权 强 帅 屠 豆 朴 盖 "
        "练 廉 禹 井 祖 漆 巴 丰 支 卿 狄 计 索 宣 晋 初 云 容 敬 来 戈 伏 鹿 薄 雍 羊 乌 修 赫 "
        "宿 鲜 印 隆 诸 居 束 衣 展 智 幸 奉 衡 富"
    )
)


def ja_name_starts(text: str, anchors: list[int]) -> list[int]:
    """Where a name that ends (after one space at most) at one of ``anchors`` can begin."""
    return merged(
        before(anchors, _JA_SHORT_REACH),
        back_over(text, anchors, _JA_KATAKANA_NAME_CHARS, reach=_JA_NAME_REACH),
    )


def _ja_frames(text: str) -> Iterator[re.Match[str]]:
    yield from _JA_LABEL.finditer(text)
    honorifics = starts(_JA_HONORIFIC_AT, text)
    yield from finditer_at(_JA_HONORIFIC, text, ja_name_starts(text, honorifics))
    pronouns = starts(_JA_PRONOUN_AT, text)
    verbs = ja_name_starts(text, starts(_JA_INTRO_VERB_AT, text))
    yield from finditer_at(_JA_INTRO, text, merged(pronouns, verbs))


# お疲れさま, ご苦労様, お気の毒さま: a set phrase of thanks or sympathy, お or ご a few
# characters before さま, not a name.
_JA_POLITE_BEFORE: Final = re.compile(r"[おご][^ 　。、！？!?\n]{0,2}\Z")


def _ja_polite_phrase(text: str, start: int, end: int) -> bool:
    if end - start == 1 and text.startswith("殿", end) and text[start : end + 1] in _JA_DEN_WORDS:
        return True  # 宮殿 "a palace" (二宮殿 and 山本殿 are names): no name before 殿
    if text.startswith("さん", end):
        # お巡りさん, お坊さん, お手伝いさん: お right before a word makes it polite.
        return start > 0 and text[start - 1] in "おご"
    if not text.startswith(("さま", "様"), end):
        return False
    return _JA_POLITE_BEFORE.search(text, max(0, start - 3), start) is not None


# Words that end in 殿 ("hall"), which follows a name in a formal letter.
_JA_DEN_WORDS: Final = frozenset(("宮殿", "神殿", "御殿", "本殿", "拝殿", "社殿", "湯殿", "沈殿"))


def _ja(text: str) -> Iterator[tuple[int, int]]:
    for match in _ja_frames(text):
        group = "name" if match.group("name") else "name2"
        start, end = match.span(group)
        name = text[start:end]
        for lead in _JA_LEAD:
            if name.startswith(lead) and len(name) > len(lead):
                start += len(lead)
                name = name[len(lead) :]
                break
        if _JA_VERB_ENDING.search(name):
            # 名前は言えません: a verb after the label, not a name. Before an honorific
            # the frame may have opened at a word before the verb (担任だった吉田先生):
            # the kanji after the verb's last kana are the name.
            tail = _JA_KANJI_TAIL.search(name) if group == "name" else None
            if tail is None or match.re is not _JA_HONORIFIC:
                continue
            start, name = start + tail.start(), tail.group()
        # 私は元気です, 私は日本人です: a state or a people, not a name; with と申します
        # or といいます (道下といいます) the verb says it is one.
        weak = match.re is _JA_INTRO and group == "name" and match.group().endswith("です")
        # 名前、北では…: a comma after the label is no colon; the word must look like a name.
        listed = match.re is _JA_LABEL and "、" in text[match.start() : match.start(group)]
        if (weak or listed) and not ja_self_name(name):
            continue
        if all(word in _JA_FORM_WORDS for word in name.split()) or (
            match.re is _JA_HONORIFIC and _ja_polite_phrase(text, start, end)
        ):
            continue
        role = name.replace(" ", "") in _JA_ROLE or name.strip() in _JA_ROLE
        # 王 is a king only before 様 (王様); 王さん is a man named Wang.
        if role and (name != "王" or text.startswith(("様", "さま"), end)):
            continue
        yield start, end
    for match in _JA_BARE.finditer(text):
        name = match.group("name")
        opens_with_surname = any(name[:n] in JAPANESE for n in (1, 2, 3))
        if opens_with_surname and name.replace(" ", "") not in _JA_ROLE:
            yield match.span("name")


def ko_honorific_starts(text: str) -> list[int]:
    """Where a Korean name before 씨 or 님 can begin."""
    honorifics = starts(_KO_HONORIFIC_AT, text)
    return back_over(text, honorifics, _HANGUL_SYLLABLES, reach=_KO_HONORIFIC_REACH, space=True)


def _ko_strip(word: str) -> str:
    """Drop the copula or particles after a name (``남편이랑은`` -> ``남편``); a
    one-syllable particle only after a name of three syllables (``김민준은``), since
    ``홍하은`` ends in the same syllable."""
    stripped = _ko_strip_once(word)
    return word if stripped == word else _ko_strip(stripped)


def _ko_strip_once(word: str) -> str:
    if word.endswith(("에", "에서")):
        return word.removesuffix("서").removesuffix("에")  # a place's particle, never a name's
    if not word.endswith(_KO_SUFFIXES):
        return word
    for suffix in _KO_SUFFIXES:
        rest = len(word) - len(suffix)
        if word.endswith(suffix) and rest >= (2 if len(suffix) > 1 else 3):
            return word[:rest]
    return word


_KO_NEXT_WORD: Final = re.compile(r" ([가-힣]{2,6})")
# The other spelling in brackets: kanji or kana, or Latin letters with a lower-case one
# or a space (Kim Sunja, KIM SUNJA), never an acronym or a remark (일본 NGO).
_KO_OTHER_SPELLING: Final = re.compile(
    r" ?[（(]([\u4e00-\u9fff々ぁ-ゖァ-ヺー・]{2,8}|[가-힣]{2,4}"
    r"|(?=[A-Za-z .'-]*[a-z ])[A-Za-z][A-Za-z .'-]{1,20}[a-z A-Z])[）)]"
)
# A name found once is a name wherever it stands as a word again in the same note
# (``영미가 … 영미 남편은``): before a particle, a title, a space or punctuation.
_KO_AFTER_REPEAT: Final = re.compile(
    r"(?:[^가-힣]|$|이|가|는|은|을|를|의|도|와|과|랑|께|한테|에게|야|아|씨|님|라는|이라는)"
)


# A Korean family name after a given name written first (마이클 정, 데이비드 김), as
# Korean Americans and missionaries write theirs: one syllable, then a mark or a particle.
_KO_SURNAME_AFTER: Final = re.compile(
    rf" ([{''.join(sorted(ko_lone_surnames()))}])"
    r"(?=[,.!?)]|$|이|가|은|는|을|를|씨|님|[ \n](?![가-힣]))"
)


def _ko_surname_after(text: str, name: str) -> Iterator[tuple[int, int]]:
    pos = text.find(name)
    while pos >= 0:
        end = pos + len(name)
        if (after := _KO_SURNAME_AFTER.match(text, end)) is not None:
            yield after.span(1)
        pos = text.find(name, end)


# The names listed with a name found (하늘이랑 은혜는, 진주랑 금강이는, 영희, 순자):
# the word after or before a connector, when it reads as a name.
_KO_LIST_NEXT: Final = re.compile(
    r"(?:이랑|랑|이하고|하고|와|과|[,，·/]) ?(?P<word>[가-힣]{2,4}?)"
    r"(?:이|가|는|은|를|을|의|도|랑|이랑|하고|와|과|이가|이는|이도|이를|[,，·/]|(?![가-힣]))"
)
_KO_LIST_PREV: Final = re.compile(
    r"(?<![가-힣])(?P<word>[가-힣]{2,4}?)이?(?:랑|하고|와|과|[,，·/]) ?\Z"
)


_KO_LIST_DEPTH: Final = 6


def _ko_listed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    end += text[end : end + 1] == "이"  # 하늘이랑: the 이 of the given name
    found = (
        _KO_LIST_NEXT.match(text, end),
        _KO_LIST_PREV.search(text, max(0, start - 8), start),
    )
    for match in found:
        if match is not None and ko_name_shaped(match["word"]) and match["word"] not in _KO_ROLE:
            yield match.span("word")


def _ko_spaced_surname(text: str, start: int, end: int) -> bool:
    """A family name alone, then a space, before a given name found (김 철수 씨)."""
    return (
        end - start == 2
        and start >= 2
        and text[start - 1] == " "
        and text[start - 2] in ko_lone_surnames()
        and text[start - 2] != "원"  # 2,000만 원: the currency
        and (start == 2 or not "가" <= text[start - 3] <= "힣")
    )


def _ko_with_spellings(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The names found, their other spelling in brackets after them (박순남(朴順男)), and
    every other place where the same name stands as a word."""
    names: set[str] = set()
    for start, end in spans:
        yield start, end
        names.add(text[start:end])
        if _ko_spaced_surname(text, start, end):
            yield start - 2, end  # 김 철수 씨: the family name a space before
        other = _KO_OTHER_SPELLING.match(text, end)
        if other is not None:
            yield other.span(1)
        # Down a list one name at a time (영희, 순자, 민수), a few names at most.
        listed = list(_ko_listed(text, start, end))
        for _ in range(_KO_LIST_DEPTH):
            if not listed:
                break
            yield from listed
            names.update(text[a:b] for a, b in listed)
            listed = [span for a, b in listed for span in _ko_listed(text, a, b)]
    # Each word of a name in Latin letters is the name's in any order (Yamada Hiroshi,
    # Hiroshi Yamada).
    found = list(names)
    names.update(part for name in found if " " in name for part in name.split() if part.isascii())
    # The given name of a full name found, said alone later (리춘화인데 … 춘화가).
    names.update(
        name[1:]
        for name in found
        if len(name) == 3 and ko_name_shaped(name) and ko_given_alone(name[1:])
    )
    for name in names:
        if len(name) < 2:
            continue
        yield from _ko_surname_after(text, name)
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if (pos == 0 or not "가" <= text[pos - 1] <= "힣") and _KO_AFTER_REPEAT.match(
                text, end
            ):
                yield pos, end
            pos = text.find(name, end)


# A full name in Latin letters, then 라고 as a word of its own (Kim Sunhee 라고 적혀).
# Found at the 라고 standing as a word (few in a note), then looked for before it.
_KO_SAID_WORD: Final = re.compile(r"라(?:(?<= 라)|(?<= 이라))(?=[고는]만?(?![가-힣]))")
_KO_LATIN_SAID: Final = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*){1,3}\Z")


def _ko_called(text: str) -> Iterator[tuple[int, int]]:
    """Names before ``라는 이름`` or ``라고 불러``, in any script."""
    for said in (text.rfind(" ", 0, ra) for ra in starts(_KO_SAID_WORD, text)):
        if (latin := _KO_LATIN_SAID.search(text, max(0, said - 40), said)) is not None:
            yield latin.span()
    for match in _KO_CALLED.finditer(text):
        end = match.start()
        spaced = _KO_SPACED_NAME_BEFORE.search(text, max(0, end - 40), end)
        if spaced is not None:
            yield spaced.start(), end - 1
            continue
        if end and text[end - 1] in "'’\"”」":
            end -= 1  # '하루'라고만: the name inside the quotes
        if end and text[end - 1] in ")）":
            # 샤오린(小林)이라고: the name and its other spelling in brackets.
            bracket = max(text.rfind("(", 0, end), text.rfind("（", 0, end))
            if bracket > 0 and end - bracket <= 12:
                yield bracket + 1, end - 1
                end = bracket
        # 순이라는: after a syllable with no final consonant, the 이 is the name's own; so
        # is it after a name of one syllable (똘이라고 부르는).
        if (
            match.group().startswith("이")
            and end
            and (
                (ord(text[end - 1]) - 0xAC00) % 28 == 0
                or not "가" <= text[end - 2 : end - 1] <= "힣"
            )
        ):
            end += 1
        start = end
        while start > 0 and text[start - 1] not in _KO_WORD_BOUNDARY:
            start -= 1
        word = text[start:end]
        if 1 <= len(word) <= 12 and word not in _KO_ROLE and not ko_stop(word):
            yield start, end


# A label's answer: the word alone before a comma or the end of the sentence, or before
# the copula (손자 이름은 겐타, / 이름은 겐타예요), unless it ends like a verb (몰라, 알아요)
# or says that the name is unknown or of a kind (비밀, 가명, 중국식).
_KO_ANSWER_END: Final = re.compile(r"[,，.。!?\n]|$| ?[(（]")
_KO_COPULAS: Final = frozenset(_words("이에요 예요 입니다 이고 이래요 래요 이요 이고요 고요"))
_KO_NOT_ANSWER_END: Final = frozenset("요다까죠네세니라아어지해음식명")


# A demonstrative right before ``X라고 해요``: what a thing is called, not a person.
_KO_THING_BEFORE: Final = re.compile(
    r"(?<![가-힣])(?:[이그저](?:건|걸|것은|것을|것도|게)|여기는|거기는|여긴|거긴|[이그저]곳은) \Z"
)
# The auxiliary verbs after a verb in 아 or 어 (남아 있다, 지워져 버렸다).
_KO_AUXILIARY: Final = re.compile(r" (?:있|없|버리|버렸|버려|주|줬|놓|놨|두|뒀)")
_KO_VERB_A_ENDS: Final = frozenset("아어여워와줘져쳐혀")


def _ko_verb_before_auxiliary(text: str, word: str, end: int) -> bool:
    """``word`` is a verb in 아 or 어 before an auxiliary one (남아 있다), not a full name
    of three syllables (김남아)."""
    return (
        word[-1:] in _KO_VERB_A_ENDS
        and (len(word) == 2 or not ko_name_shaped(word))
        and _KO_AUXILIARY.match(text, end) is not None
    )


# Family names that make a word with 님 written right after them.
_KO_NIM_WORDS: Final = frozenset({"손"})
# The connective endings of a verb (모르고, 몰라서, 없으며, 잊었으면).
_KO_CONNECTIVE_ENDS: Final = frozenset("고서며면")


def _ko_answer(text: str, match: re.Match[str], name: str) -> bool:
    raw = match.group("name")
    if name[-1] in _KO_NOT_ANSWER_END or ko_stop(name) or name in _KO_ROLE:
        return False
    if raw == name:
        return _KO_ANSWER_END.match(text, match.end("name")) is not None
    return raw[len(name) :] in _KO_COPULAS


def _ko_spaced_name(match: re.Match[str]) -> bool:
    """After a colon any spaced syllables are the name; otherwise (성명 김 순 옥) they
    must read as one: a family name, then syllables of given names (이름은 안 줘 is none)."""
    if ":" in match.group() or "：" in match.group():
        return True
    syllables = match.group("spaced").split(" ")
    return syllables[0] in KOREAN and ko_given_alone("".join(syllables[1:3]).ljust(2, "가"))


def _ko_surname(name: str) -> bool:
    return name[:1] in KOREAN or name[:2] in KOREAN_COMPOUND


def _ko(text: str) -> Iterator[tuple[int, int]]:
    for match in _KO_LABEL.finditer(text):
        verbatim = next((g for g in ("foreign", "quoted", "spaced") if match.group(g)), None)
        if verbatim == "spaced" and not _ko_spaced_name(match):
            continue
        if verbatim is not None:
            yield match.span(verbatim)
            continue
        name = _ko_strip(match.group("name"))
        if not 2 <= len(name) <= 4 or name in _KO_ROLE or ko_stop(name):
            continue
        colon = ":" in match.group() or "：" in match.group()
        if not colon and name[-1] in _KO_CONNECTIVE_ENDS and not ko_name_shaped(name):
            continue  # 이름은 모르고: a verb's connective after the label, no name
        if not colon and _ko_verb_before_auxiliary(text, name, match.end("name")):
            continue  # 이름이 남아 있을: a verb before an auxiliary one
        # After a colon anything is a name; after a particle (``이름이 있어요``) only a
        # word shaped like one: a family name first (four syllables only with a compound
        # one), or a given name alone.
        shaped = (_ko_surname(name) and (len(name) <= 3 or name[:2] in KOREAN_COMPOUND)) or (
            ko_given_alone(name)
        )
        if colon or shaped or ko_ja_name(name) or _ko_answer(text, match, name):
            end = match.start("name") + len(name)
            # 이토 후미, 나카무라 기요코: a Japanese family name, then the given name.
            if name in KO_JA_SURNAMES and (given := _KO_NEXT_WORD.match(text, end)):
                end = given.start(1) + len(_ko_strip(given.group(1)))
            yield match.start("name"), end
    intros = merged(starts(_KO_INTRO_AT, text), before(starts(_KO_SAID_AT, text), _KO_INTRO_REACH))
    for match in finditer_at(_KO_INTRO, text, intros):
        group = next(g for g in ("name", "name2", "name3") if match.group(g))
        name = _ko_strip(match.group(group))
        if name[-1:] in _KO_CONNECTIVE_ENDS and not ko_name_shaped(name):
            continue  # 이름은 모르고
        if _ko_verb_before_auxiliary(text, name, match.end(group)):
            continue  # 이름은 남아 있어요
        if group == "name2" and _KO_THING_BEFORE.search(text, 0, match.start(group)):
            continue  # 그건 김장이라고 해요: what a thing is called
        shaped = _ko_surname(name) or (group != "name" and ko_name_shaped(name))
        if 2 <= len(name) <= 4 and shaped and name not in _KO_ROLE and not ko_stop(name):
            yield match.start(group), match.start(group) + len(name)
    yield from _ko_called(text)
    for match in finditer_at(_KO_HONORIFIC, text, ko_honorific_starts(text)):
        name = match.group("name")
        # 님 follows titles as often as names, and a lone syllable must be a family name.
        needs_surname = match.group("hon") == "님" or len(name) == 1
        if name in _KO_ROLE or (needs_surname and not _ko_surname(name)):
            continue
        if name in _KO_NIM_WORDS and match.end("name") == match.start("hon"):
            continue  # 손님 "a guest" (손 씨 and 손 선생님 stay names)
        yield match.span("name")


def _zh_name(candidate: str, *, labelled: bool = False) -> int:
    """Length of the name that opens ``candidate`` (0 if it does not open with one).

    After a label (``我叫``, ``名字是``) any family name is accepted; elsewhere it must be
    a common one.
    """
    _, length = chinese_name(candidate, _ZH_FUNCTION, any_surname=labelled)
    length = zh_korean_jae(candidate, length)
    name = candidate[:length]
    # A word first (金正, 韩国) opens no name, unless a label names a full one whose last
    # character is one given names are made of (朝鲜名金正雄, not 名字是韩国人).
    word_first = name[:2] in _ZH_ROLE and not (
        labelled and length == 3 and name[2] in CHINESE_GIVEN
    )
    if length < 2 or name in _ZH_ROLE or word_first:
        return 0
    return length


# A form's field for a person, and a name written with a space between the family name
# and the given name, as on Japanese papers (申请人姓名：藤原 美咲, 委托人：安田 直树).
_ZH_FORM_SPACED: Final = re.compile(
    r"(?:姓名|名字|委托人|受托人|申请人|当事人|求助人|被帮助人|联系人|收款人|失联人员?)[：:] ?"
    rf"(?P<family>{_HAN}{{1,3}}) (?P<given>{_HAN}{{1,3}}|[ぁ-ゖ]{{2,5}}|[ァ-ヺー]{{2,6}})"
)
_ZH_FORM_FAMILIES: Final = CHINESE | KOREAN_IN_CHINESE | CHINESE_RARE | JAPANESE_IN_CHINESE
# A name masked by the writer, a family name then stars for the given name (朴*华, 金＊＊):
# the stars say it is a person's name, but the family name and the shown characters
# still narrow it down.
_ZH_MASKED: Final = re.compile(rf"(?P<family>{_HAN})[*＊]{{1,2}}(?P<given>{_HAN}?)")


# A name in Latin or Cyrillic letters right before a verb of saying (Tanaka说, Сергей告诉我):
# found at the verb, then read backwards over at most three capitalised words.
_ZH_SAID_AT: Final = re.compile("说|讲|告诉")
_ZH_FOREIGN_SAID: Final = re.compile(
    r"(?<![A-Za-zА-яЁё])"
    r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}|[А-ЯЁ][а-яё]+(?: [А-ЯЁ][а-яё]+){0,2}) ?\Z"
)


def _zh_foreign_said(text: str) -> Iterator[tuple[int, int]]:
    for verb in _ZH_SAID_AT.finditer(text):
        start = verb.start()
        before = text[start - 2 : start].rstrip(" ")[-1:]
        if not ("a" <= before <= "z" or "а" <= before <= "я" or before == "ё"):
            continue  # most verbs follow a Chinese word: no search back
        found = _ZH_FOREIGN_SAID.search(text, max(0, start - 40), start)
        if found is not None:
            yield found.start(), found.start() + len(found.group().rstrip())


def _zh_masked(text: str) -> Iterator[tuple[int, int]]:
    for match in _ZH_MASKED.finditer(text):
        if match.group("family") not in _ZH_TITLE_SURNAMES:
            continue
        given = match.group("given")
        end = match.end()
        # Stop before a particle or verb that follows the mask (李*说, 金**的).
        for offset, char in enumerate(given):
            if char in _ZH_FUNCTION:
                end = match.start("given") + offset
                break
        yield match.start(), end


# The same person's name written a second way after a slash on a form (石田 ゆかり / 石由佳).
_ZH_FORM_SLASH: Final = re.compile(rf" ?[/／] ?(?P<name>{_HAN}{{2,4}})")


def _zh_form_other_spelling(text: str, end: int) -> Iterator[tuple[int, int]]:
    found = _ZH_FORM_SLASH.match(text, end)
    if found is None:
        return
    length = _zh_name(found.group("name"), labelled=True)
    if length:
        yield found.start("name"), found.start("name") + length


def _zh(text: str) -> Iterator[tuple[int, int]]:
    labels = merged(
        starts(_ZH_LABEL_AT, text), _positions_before(starts(_ZH_CALL_AT, text), _ZH_CALLER_REACH)
    )
    for match in finditer_at(_ZH_LABEL, text, labels):
        group = "name" if match.group("name") else "name2"
        start = match.start(group)
        length = zh_japanese_name(text, start) or _zh_name(match.group(group), labelled=True)
        if length:
            yield start, start + length
    if "：" in text or ":" in text:
        for match in _ZH_FORM_SPACED.finditer(text):
            if match.group("family") in _ZH_FORM_FAMILIES:
                yield match.start("family"), match.end("given")
                yield from _zh_form_other_spelling(text, match.end("given"))
    yield from _zh_foreign_said(text)
    if "*" in text or "＊" in text:
        yield from _zh_masked(text)
    for match in _ZH_INTRO.finditer(text):
        start = match.start("name")
        candidate = match.group("name")
        length = zh_japanese_name(text, start) or _zh_name(candidate)
        if length:
            yield start, start + length
        elif candidate[:1] in CHINESE and match.group().startswith("我姓"):
            yield start, start + 1
    for match in _ZH_HONORIFIC.finditer(text):
        if text[match.start() - 1 : match.start()] not in _ZH_NAME_ENDS:
            continue  # 我姐, 的老师: no name ends right before the title
        found = _zh_before_title(text, match.start())
        if found is not None:
            yield found


# Family names before a title: the common ones, Korean ones in hanja (玄老师) and rare ones
# that are no words (仉先生, 乜姐).
_ZH_TITLE_SURNAMES: Final = CHINESE | KOREAN_IN_CHINESE | CHINESE_RARE
# The characters a name before a title can end with: a family name, a given-name
# character, the end of a Japanese family name.
_ZH_NAME_ENDS: Final = (
    _ZH_TITLE_SURNAMES
    | CHINESE_GIVEN
    | {name[-1] for name in (*JAPANESE_IN_CHINESE, *CHINESE_COMPOUND)}
)


def _zh_before_title(text: str, end: int) -> tuple[int, int] | None:
    """The family name (or full name) that ends at ``end``, right before a title."""
    if text[end - 1 : end + 1] in ZH_STOP and text[end] != "女":
        return None  # 在农村长大 holds no 农 before 村长 (孙女士 is Ms Sun)
    for length in (3, 2, 1):
        start = end - length
        if start < 0:
            continue
        name = text[start:end]
        if name in JAPANESE_IN_CHINESE:
            return start, end
        han = all("\u4e00" <= ch <= "\u9fff" for ch in name)
        if not han or any(ch in _ZH_FUNCTION for ch in name):
            continue
        if name in _ZH_ROLE and not _role_surname_allowed(text, start, name):
            return None
        # Not a word, nor the end of one (谢谢罗老师 holds no 谢罗).
        if name[:2] in ZH_STOP or text[max(start - 1, 0) : start + 1] in ZH_STOP:
            continue
        surnames = _ZH_TITLE_SURNAMES if length == 1 else CHINESE  # 河边老师 holds no 河边
        if name[:2] in CHINESE_COMPOUND or name[0] in surnames:
            # A lone family name must open a word: 历史老师 is no 史老师.
            if length == 1 and start and not _opens_name(text, start):
                return None
            return start, end
        if length == 2 and _zh_given_pair(name) and (start == 0 or _opens_name(text, start)):
            return start, end  # 英哲哥, 顺姬阿姨: a given name alone before a title
    return None


def _zh_given_pair(name: str) -> bool:
    return name[0] in CHINESE_GIVEN and (name[1] in CHINESE_GIVEN or name[1] == "子")


# Family names that are also common words (朴, 麻, 宫) count before a title where a
# name may begin (朴牧师说, 是朴大妈家的), but not these, which open clauses as words
# (连老师都不知道, 应老板要求).
_ZH_CLAUSE_WORDS: Final = frozenset("连应全来初明满于")


def _role_surname_allowed(text: str, start: int, name: str) -> bool:
    return (
        len(name) == 1
        and name not in _ZH_CLAUSE_WORDS
        and (start == 0 or _opens_name(text, start))
    )


def _opens_name(text: str, start: int) -> bool:
    before = text[start - 1]
    return not "\u4e00" <= before <= "\u9fff" or before in ZH_BEFORE_NAME


def find_names(view: View, locale: str) -> Iterator[Finding]:
    """Yield names found by the frames of ``locale`` (and, for Japanese, of Korean names
    written in kanji, which the Japanese frames already cover)."""
    finder = {"ja": _ja, "ko": _ko, "zh_Hans": _zh}[locale]
    text = view.norm
    cued = {"ja": (ja_cued, _JA_ROLE), "ko": (ko_cued, _KO_ROLE), "zh_Hans": (zh_cued, _ZH_ROLE)}
    cue_finder, roles = cued[locale]
    spans = [*finder(text), *cue_finder(text, roles)]
    if locale == "ja":
        spans.extend(ja_framed(text))
        spans += list(ja_bracketed(text, spans, _JA_NOT_SPELLINGS))
        spans += list(ja_repeated(text, spans))
    elif locale == "ko":
        # A province or a country (강원도, 지린성) is kept, whatever frame it stands in.
        # Filtered before the lists are walked too: 량강도, 자강도 lists no names.
        spans = [(a, b) for a, b in spans if text[a:b] not in KEPT_NAMES]
        spans = [(a, b) for a, b in _ko_with_spellings(text, spans) if text[a:b] not in KEPT_NAMES]
    elif locale == "zh_Hans":
        # A province or a country written in Hangul (상하이) or read as a name (吉林) stays.
        spans = [(a, b) for a, b in spans if text[a:b] not in KEPT_NAMES]
    for start, end in spans:
        if end > start:
            yield Finding(start, end, "name")
