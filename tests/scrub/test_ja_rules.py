"""Japanese rules of the second round: names and places in ordinary sentences.

Each row is what a relative or a volunteer might write in Japanese; the rules alone (no
NER layer) must remove what is listed and leave every other character as typed. The
property tests plant common names and gazetteer places in many sentence frames.
"""

from __future__ import annotations

import pytest
from faker.providers.person.ja_JP import Provider as JaNames
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.scrub import gazetteer_data as data
from bot.scrub import scrub
from bot.scrub.ner import _ja_person
from bot.scrub.placenames import JA_STEM_NAMES, KEPT_NAMES

# (text, what must go, what must stay), one family of frames per block.
REMOVED: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    # A name in brackets after a kinship word still goes, a remark stays; 様 after a
    # name still marks it, お疲れさま stays.
    ("叔母（美代子）と姪（日本在住）", ("美代子",), ("姪（日本在住）",)),
    ("田中様にお疲れさまと言いました。図們に住んでいます。", ("田中", "図們に"), ("お疲れさま",)),
    (
        "土屋さんと八百屋さん、山本殿と宮殿、二宮殿",
        ("土屋", "山本", "二宮"),
        ("八百屋さん", "宮殿"),
    ),
    # A given name or nickname in hiragana before an honorific.
    ("みっちゃんは今も元気です。", ("みっちゃん",), ("元気",)),
    ("ゆみちゃんと一緒に逃げました。", ("ゆみ",), ("一緒",)),
    ("母とはなこさんが来ました。", ("はなこ",), ("母と", "さん")),
    # Labels of the other names a family carried: maiden, Japanese and Korean names.
    ("母の旧姓は山本です。", ("山本",), ("母の旧姓は",)),
    ("通名は金本で、朝鮮名は김정숙です。", ("金本", "김정숙"), ("通名は", "朝鮮名は")),
    # A name the writer names as one, or gives as an alias.
    ("雇い主は劉という人です。", ("劉",), ("という人",)),
    ("駅前で孫建軍という男に会いました。", ("孫建軍",), ("駅前", "という男")),
    ("日本では金本と名乗っていました。", ("金本",), ("と名乗って",)),
    # A given name before the word for an elder of the family.
    ("ハルおばあちゃんは92歳です。", ("ハル",), ("おばあちゃん", "92歳")),
    # Introducing oneself by role or by where one lives.
    ("ケースワーカーの岡部です。", ("岡部",), ("ケースワーカーの",)),
    ("ボランティアのハヤシです。", ("ハヤシ",), ("ボランティアの",)),
    # A given name after a kinship word, before an age in brackets or a particle.
    ("息子の太郎（12歳）も一緒です。", ("太郎",), ("息子の", "12歳")),
    ("兄の健一とは連絡が取れません。", ("健一",), ("兄の",)),
    ("朴順愛（67）が拘束されました。", ("朴順愛",), ("67",)),
    # Korean given names in katakana, where the sentence points at a person.
    ("娘のジナは日本語が話せます。", ("ジナ",), ("娘の", "日本語")),
    ("ミョンヒは34歳です。", ("ミョンヒ",), ("34歳",)),
    ("21:40にジョンスから電話がありました。", ("ジョンス",), ("21:40",)),
    ("ソンヒ、ミョンス、ウンジョンの3人です。", ("ソンヒ", "ミョンス", "ウンジョン"), ("3人",)),
    ("ミンジの連絡先を知りませんか。", ("ミンジ",), ("連絡先",)),
    # A given name in hiragana that opens a sentence, with a word said of a person.
    ("すみれから返事が来ない。もう4日です。", ("すみれ",), ("返事", "4日")),
    # Half-width katakana (its sound mark folds to a combining mark).
    ("ﾊﾟｸｿﾝｼﾙさんをご存知ですか。", ("ﾊﾟｸｿﾝｼﾙ",), ("さんを",)),
    # A family name, then a given name in kana or with a space: no particle cue needed
    # beyond the one after it.
    ("中島あすかが昨日から連絡が取れません。", ("中島あすか",), ("昨日",)),
    ("佐藤くみ子を探しています。", ("佐藤くみ子",), ("探して",)),
    ("伊藤 裕子は私の姉です。", ("伊藤", "裕子"), ("私の姉",)),
    ("林美加子と一緒に国境を越えました。", ("林美加子",), ("国境",)),
    # A romanised name before an honorific; a family named by its name and 家.
    ("Kim Ok-hwaさん、50代です。", ("Kim Ok-hwa",), ("さん", "50代")),
    ("母方の姜家です。", ("姜",), ("母方の", "家です")),
    # A family name that is also a city's, before an honorific: still a name.
    ("中野さんに相談しました。", ("中野",), ("さんに相談",)),
    # Japanese cities without 市, and border towns marked as places by a particle.
    ("枚方の中司さんが協力してくれます。", ("枚方", "中司"), ("協力",)),
    ("来月の10日、品川駅の改札で会いましょう。", ("品川",), ("10日", "改札")),
    ("集安で2週間待っています。", ("集安",), ("2週間",)),
    ("臨江にいるはずです。", ("臨江",), ("いるはず",)),
    # A family name before a title of the church or the route; an honorific frame that
    # opens before a verb keeps the kanji after it; 王 before さん is a man named Wang.
    ("教会の朴牧師に相談しました。", ("朴",), ("教会の", "牧師に")),
    ("劉姐の店で待っています。", ("劉",), ("姐の店",)),
    ("張大哥から連絡がありました。", ("張",), ("大哥から",)),
    ("息子の担当だった井上先生です。", ("井上",), ("息子の担当だった", "先生です")),
    ("王さんに聞いてください。", ("王",), ("さんに",)),
    # The word for an elder after a given name stays.
    ("佳子おばさんの家に行きました。", ("佳子",), ("おばさんの家",)),
    # A name and its other spelling in brackets; a name in brackets after kin.
    ("叔父の和夫（かずお）は元気です。", ("和夫", "かずお"), ("叔父の",)),
    ("妹の夫・朴英男（パク・ヨンナム）の件です。", ("朴英男", "パク・ヨンナム"), ("妹の夫・",)),
    ("伯母さん（ハナコ）の写真です。", ("ハナコ",), ("伯母さん", "写真")),
    ("息子の翔（しょう）も一緒です。", ("翔", "しょう"), ("息子の",)),
    # A family name and a given name in katakana, as the register wrote them.
    ("祖母の姉の村井キク子が新潟にいました。", ("村井キク子",), ("祖母の姉の", "新潟")),
    ("祖母は松本ハナ、大正十年生まれです。", ("松本ハナ",), ("祖母は", "大正十年")),
    # Romanised names with a known family name; a lower-case name before an age.
    ("Lee Sunhee 1960年生まれです。", ("Lee", "Sunhee"), ("1960年",)),
    ("PARK MINJI, 1990年生", ("PARK", "MINJI"), ("1990年生",)),
    ("jisooは16歳です。", ("jisoo",), ("16歳",)),
    # Fields of a form or a report.
    ("担当：石井", ("石井",), ("担当",)),
    ("崔英姫　1970年3月5日生", ("崔英姫",), ()),
    # A given name that opens a sentence before kin, the people it goes with, a list.
    ("直美の息子が中国にいます。", ("直美",), ("息子", "中国")),
    ("陽子と私で迎えに行きます。", ("陽子",), ("と私で",)),
    ("和子、節子、そして弟です。", ("和子", "節子"), ("弟",)),
    # Given names of one kanji, only there: before kinship, or joined by と.
    ("勇の父親は日本人です。", ("勇",), ("の父親は日本人",)),
    ("剛と薫は兄妹です。", ("剛", "薫"), ("兄妹",)),
    # Korean given names in katakana: joined by と, with news of a missing person,
    # before a parent, after the word for a child, signing a note, before an age.
    ("ジウとソヨンは無事です。", ("ジウ", "ソヨン"), ("無事",)),
    ("ミンスがいなくなりました。", ("ミンス",), ("いなくなりました",)),
    ("スンヒがいません。探しています。", ("スンヒ",), ("いません",)),
    ("ヨンジャのお父さんは日本人です。", ("ヨンジャ",), ("お父さん", "日本人")),
    ("末の子のミナは元気です。", ("ミナ",), ("末の子の",)),
    ("元気でいてね。ジョンヒ", ("ジョンヒ",), ("元気",)),
    ("孫のリナ（8）も一緒です。", ("リナ",), ("孫の", "8")),
    # A note that opens with its writer's name; aliases and a name before a nationality.
    ("まゆみです。先日はありがとうございました。", ("まゆみ",), ("先日",)),
    ("李という韓国人の男性が来ました。", ("李",), ("という韓国人の男性",)),
    ("ヒロシと呼ばれている男です。", ("ヒロシ",), ("と呼ばれている男",)),
    # A family name said of a relative, and how a name is written and read.
    ("夫は朴です。朴と書いてパクと読みます。", ("朴", "パク"), ("夫は", "と読みます")),
    # After a label and a comma only a word shaped like a name goes.
    ("春子って名前、北ではどう呼ばれたのか。", ("春子",), ("って名前、北では",)),
    # 私はXです takes a name shaped like one; with といいます any word.
    ("私は王芳です。", ("王芳",), ("私は", "です")),
    ("私は美咲です。", ("美咲",), ("私は", "です")),
    ("わたしは道端といいます。", ("道端",), ("といいます",)),
    ("父：金山正一", ("金山正一",), ("父",)),
    # A Korean given name before news of an arrival or a flight.
    ("ジナは昨日ソウルに着きました。", ("ジナ",), ("昨日",)),
    # A name found once goes wherever it stands again as a word, not inside a longer one.
    (
        "旧姓は山口です。山口県に住んでいました。山口の家は古いです。",
        ("旧姓は山口", "山口の家"),
        ("山口県", "家は古い"),
    ),
    # A name right before a verb of meeting, hearing or asking.
    ("先週、健二から電話がありました。", ("健二",), ("先週、", "から電話")),
    # と with meeting and calling: the person before it (never a role or a kinship word:
    # see KEPT).
    ("昨日ユナと電話した。ミキと会った。", ("ユナ", "ミキ"), ("昨日", "と電話した")),
    ("美代子に会いに行きたい。", ("美代子",), ("に会いに",)),
    ("国境でイワノフから聞いた話です。", ("イワノフ",), ("国境で", "から聞いた")),
    ("連絡先は梁に聞いてください。", ("梁",), ("連絡先は", "に聞いて")),
    # A list of the family, one a line, columns apart by spaces, bars, dashes or arrows.
    (
        "続柄 氏名 年齢\n父 朴英哲 70\n妹 スンヒ 30",
        ("朴英哲", "スンヒ"),
        ("続柄 氏名 年齢", "父 ", " 70"),
    ),
    ("夫 | 李 成浩 | 61 | 不明\n長女 | 李 順子 | 35", ("李 成浩", "李 順子"), ("| 61 | 不明",)),
    ("1. 叔父 ー 金田 茂（大阪）\n2. 牧師 ー 大川", ("金田 茂", "大川"), ("叔父 ー", "（大阪）")),
    ("祖母　山本ハナ　故人\n長男　英雄　45歳", ("山本ハナ", "英雄"), ("故人", "45歳")),
    # A form's fields: a given name after a kinship word, and the ones listed after it.
    ("兄の妻：節子\n兄の子：健太、由美", ("節子", "健太", "由美"), ("兄の妻：", "兄の子：")),
    ("記入者：ボランティア 西田", ("西田",), ("記入者：ボランティア",)),
    (
        "お名前 → はるみ\n姓名　金 英淑（キム ヨンスク）",
        ("はるみ", "金 英淑", "キム ヨンスク"),
        ("お名前 →",),
    ),
    # Readings in brackets with a space or a dot between family and given name.
    (
        "伯母の名前は木下 春江（きのした はるえ）です。",
        ("木下 春江", "きのした はるえ"),
        ("伯母の",),
    ),
    # Foreigners' names: with the dot in katakana, or in Latin letters.
    ("ロシアで助けてくれたのはニコライ・ペトロフです。", ("ニコライ・ペトロフ",), ("ロシアで",)),
    ("Nguyen Van Hung が国境まで送ってくれた", ("Nguyen", "Van", "Hung"), ("国境まで",)),
    ("Ivan Sokolovに電話した", ("Ivan", "Sokolov"), ("に電話した",)),
    ("RI CHOL HO と書いてありました", ("RI", "CHOL", "HO"), ("と書いて",)),
    # A family name, then a given name in plain katakana, anywhere in a sentence.
    ("母は佐藤キヨといって新潟の出身です。", ("佐藤キヨ",), ("といって",)),
    ("北では朴ハルコでした。", ("朴ハルコ",), ("北では", "でした")),
    # A name before という and a role or a people; after a role or a people and の.
    ("黄という運転手が待っていました。", ("黄",), ("という運転手",)),
    ("通訳はマリア・イワノワというロシア人です。", ("マリア・イワノワ",), ("というロシア人",)),
    ("ガイドのカムパン（ラオ人）に払った", ("カムパン",), ("ガイドの", "ラオ人")),
    ("タイ人のソムチャイが迎えに来た", ("ソムチャイ",), ("タイ人の",)),
    # A Christian name before a church title, a family name before a rank.
    ("ヨハネ神父に相談しました。", ("ヨハネ",), ("神父に",)),
    ("警備隊の崔中尉に見逃してもらった", ("崔",), ("中尉",)),
    # A given name in hanja after a kinship word; the given part of a full name found.
    ("姪の英淑は今も瀋陽にいます。", ("英淑",), ("姪の",)),
    ("娘の朴春姫は無事です。春姫からの手紙が届きました。", ("朴春姫", "春姫から"), ("娘の",)),
    # A name with its reading before an honorific, or a Latin spelling after one.
    ("鄭（チョン）さんに渡しました。", ("鄭", "チョン"), ("さんに",)),
    ("ブンミーさん（Bounmy）が案内した", ("ブンミー", "Bounmy"), ("さん",)),
    # A display name or nickname in quotes.
    ("LINEの表示名は「はなまる」です。", ("はなまる",), ("表示名は",)),
    ("「老李」と呼ばれていた男", ("老李",), ("と呼ばれていた",)),
    ("「張おじさん」と呼んでいた人", ("張",), ("おじさん",)),
    # A given name as the one word of a sentence, or called to at its end.
    ("母の名前ですか？和子です。", ("和子",), ("母の名前",)),
    ("元気でいてね、恵美。", ("恵美",), ("元気でいてね",)),
    # 姓 labels, and a family name said of a side of the family.
    ("結婚前の姓は岡田です。", ("岡田",), ("結婚前の姓は",)),
    ("父方は崔です。", ("崔",), ("父方は",)),
    # The Japanese names Korean families in Japan went by.
    ("祖父の兄、国本正三は1960年に渡りました。", ("国本正三",), ("祖父の兄",)),
    # Katakana given names with their kanji before an elder word.
    ("トミ子おばさんから手紙が来た", ("トミ子",), ("おばさん",)),
]

# Ordinary sentences the new frames fit in shape: nothing to remove.
KEPT: list[str] = [
    # A role, a friend, a kinship word or an office before と and a verb of meeting.
    "友達と会った。母と電話で話した。警察と連絡した。",
    "人がたくさんいました。",
    "みなさんによろしくお伝えください。",
    "あかちゃんが生まれました。",
    "ばあちゃんが心配しています。",
    "お兄ちゃんと一緒に来ました。",
    "薬はもうちゃんと飲んでいます。",
    "姉がちゃんと説明しました。",
    "それから連絡がありません。",
    "わたしの母は元気です。",
    "でも、連絡がありません。",
    "こどもの名前は言えません。",
    "父の唯一の楽しみでした。",
    "東京に住む会社員です。",
    "母の病気です。",
    "ソウルという都市は大きいです。",
    "中国という国は怖いです。",
    "大家さんは親切です。",
    "ダメです。ムリです。ミスが多いです。",
    "ラインの連絡先を教えてください。",
    "ほかの家族は無事です。",
    "すぐに返事が来ました。",
    "やっと連絡が取れました。",
    "だれかの連絡先を知りませんか。",
    "高すぎる。安かったです。",
    "金がかかります。",
    "平野が広がっていました。",
    "実家は九州です。一家で逃げました。家族は無事です。",
    "Telegram 10.2で連絡しました。",
    "ホテルから電話がありました。",
    "チャンスがあれば、と言っていました。",
    "ブローカーから連絡があり、30万円を要求されました。",
    "テレビとミシンを売りました。",
    "大連休の前に一度集まりましょう。",
    "河口付近は流れが速いので危ないです。",
    "中央の窓口で聞きました。",
    "日向で休んでいました。",
    "行方が分かりません。",
    "国立の病院に入院しています。",
    "龍井茶をいただきました。",
    "吉林省の親戚から手紙が来ました。",
    # Titles, honorifics, aliases and brackets around words that are no names.
    "教会の牧師に相談しました。",
    "社長に相談しました。",
    "王様のような暮らしでした。",
    "先生と呼ばれています。",
    "父：不明",
    "そうです。わかりました。",
    "バスが駅に着きました。",
    "三人、四人と増えました。",
    "末っ子です。二人とも元気です。",
    "叔母さん（72歳）は元気です。",
    "娘（中国）と息子（日本）がいます。",
    "姉の名前（漢字）は分かりません。",
    "Han Riverの近くです。",
    "Hong Kong経由で行きます。",
    "Google Mapsで調べました。",
    "東京（とうきょう）に住んでいます。",
    "この子（仮名）は16歳です。",
    "ブローカー（中国人）に払いました。",
    "韓国に着きました。ソウル",
    "バスが駅に着きました。",
    # A state, a people or a trade after 私は, and words ending in 子 that are no names.
    "私は元気です。",
    "私は大丈夫です。",
    "私は安心です。",
    "私は会社員です。",
    "私は日本人です。",
    "私は北海道出身です。",
    "息子の嫁が来ました。",
    "親子と私で行きます。",
    "父：高校教師",
    "実の母親は日本人です。",
    "愛の力です。",
    "光と影があります。",
    "母は元気です。",
    "父は日本人です。",
    "山と書いてやまと読みます。",
    "新社長が来ました。",
    "副社長と話しました。",
    # Words before verbs of meeting or hearing that are no person.
    "友人から聞いた話では、国境は閉鎖されています。",
    "管理人から電話がありました。",
    "ラインから連絡が来ました。",
    "ニュースから聞いた話です。",
    "300万ウォンと言われました。",
    # After a role or a people and の: a role, money, a car.
    "中国人のガイドが案内してくれました。",
    "ブローカーの金が足りないと言われた。",
    "中国人の方が親切でした。",
    # After a kinship word and の: ordinary words.
    "母の様子が心配です。",
    "娘の大学に行きました。",
    "兄の友人が来ました。",
    "母の祖国は日本です。",
    # Loanwords with a dot, and the form's headings and values.
    "コール・センターに電話しました。",
    "続柄 氏名 年齢 住所",
    "氏名 性別 年齢",
    "兄 会社員 45歳\n母 主婦",
    "記入者：孫 (本人の孫娘)",
    "姪（日本在住）が申し込みます。",
    # Answers in place of a name, and sentences of one word.
    "名前はまだです。",
    "名前はなしです。",
    "大丈夫です。",
    "以上です。",
    "ありがとう、母。",
    # A family name before a loanword, an elder word after の.
    "山田ビルの2階です。",
    "金メダルを取った。",
    "日本人のおばあちゃんの話です。",
    "Do You Know?",
    # Roles said with さん, set phrases with さま, remarks in brackets after a kinship
    # word, a family word after の, a border river and mountain, an old province.
    "宣教師さんが中国でかくまってくれました。ソーシャルワーカーさんが家に来ました。",
    "担任さんと店長さんと相談員さんに会いました。",
    "お疲れさまでした。ご苦労様です。お互いさまです。お気の毒さまでした。",
    "依頼者: 姪（日本在住）。母（日本人）、祖母（故人）、父（行方不明）、兄（会社員）。",
    "わたしのおかあさんは日本人のおばあちゃんの娘です。",
    "図們江を渡りました。長白山はきれいな山です。",
    "大和の国の歴史を勉強しています。",
    # Kin, trades and helpers before さん, お before a word, 殿 ending a word.
    "長男さんと次女さんに会いました。八百屋さんと民生委員さんとヘルパーさんが来ました。",
    "お巡りさんとお坊さんとお手伝いさんに聞きました。",
    "宮殿と神殿と御殿を見ました。",
    "名前は秘密です。名前は不明です。名前は非公開です。名前は未定です。",
]


@pytest.mark.parametrize(("text", "removed", "kept"), REMOVED)
def test_removes_the_name_or_place_and_keeps_the_rest(
    text: str, removed: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    result = scrub(text, "ja").text
    for secret in removed:
        assert secret not in result
    for harmless in kept:
        assert harmless in result


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_sentences_come_back_unchanged(text: str) -> None:
    assert scrub(text, "ja").text == text


# --- planted names -----------------------------------------------------------------
_MORE_SURNAMES = "松本 井上 木村 清水 山崎 池田 橋本 石川 前田 藤田 後藤 岡田 長谷川 村上"
_MORE_GIVEN = "美咲 陽子 恵美 和子 京子 直美 健太 大輔 浩二 誠一 翔太 隆"
_SURNAMES = sorted(
    {pair[0] for pair in JaNames.last_name_pairs}
    # Common family names beyond Faker's fifty.
    | set(_MORE_SURNAMES.split())
)
_GIVEN = sorted(
    {pair[0] for pair in (*JaNames.first_name_female_pairs, *JaNames.first_name_male_pairs)}
    # Given names written in kanji, with the usual endings, beyond Faker's.
    | set(_MORE_GIVEN.split())
)
# Given names of two kanji or more: one kanji after 姉の reads as often as not as a
# thing of hers (姉の家, 姉の車), which only the NER layer can tell from a name.
_KANJI_GIVEN = [
    name for name in _GIVEN if len(name) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in name)
]
_KIN = ("姉", "妹", "母", "祖母", "叔母", "娘", "孫", "兄", "弟", "父", "祖父", "叔父", "息子")

# ``{}`` is the name; a second name, where a frame has one, is the same kind of name.
_FULL_NAME_FRAMES = (
    "{}が昨日から連絡が取れません。",
    "{}を探しています。",
    "{}に会いたいです。",
    "{}と一緒に国境を越えました。",
    "{}の娘が中国にいます。",
    "{}（72歳）は元気です。",
    "姉の{}が病気です。",
    "連絡先は母の{}です。",
    "{}さんから電話がありました。",
    "名前は{}です。",
    "ブローカーの{}さんに30万円払いました。",
    "最後に見たのは{}です。",
    "祖母 {}（84歳）は遼寧省にいます。",
)
_GIVEN_FRAMES = (
    "{kin}の{name}が病気です。",
    "{kin}の{name}と連絡が取れません。",
    "{kin}の{name}（9歳）も一緒です。",
    "{name}さんが手伝ってくれました。",
    "{name}ちゃんは5歳です。",
    "今日、{kin}の{name}から連絡がありました。",
)


@settings(max_examples=60, deadline=None)
@given(
    surname=st.sampled_from(_SURNAMES),
    given_name=st.sampled_from(_GIVEN),
    frame=st.sampled_from(_FULL_NAME_FRAMES),
)
def test_a_planted_full_name_never_survives(surname: str, given_name: str, frame: str) -> None:
    name = surname + given_name
    # A name of two kanji (林翼) reads as any word of two kanji does: the NER layer's.
    assume(len(name) >= 3)
    result = scrub(frame.format(name), "ja").text
    assert surname not in result
    assert given_name not in result


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(_KANJI_GIVEN),
    kin=st.sampled_from(_KIN),
    frame=st.sampled_from(_GIVEN_FRAMES),
)
def test_a_planted_given_name_with_a_kinship_word_or_honorific_never_survives(
    name: str, kin: str, frame: str
) -> None:
    text = frame.format(name=name, kin=kin)
    result = scrub(text, "ja").text
    assert name not in result
    assert kin in result or kin not in text


# --- planted places ----------------------------------------------------------------
_CITIES = sorted(
    name
    for name in data.JP_PLACES
    if name.endswith(("市", "町", "村", "区")) and name not in KEPT_NAMES and len(name) >= 3
)
_STEMS = sorted(JA_STEM_NAMES)
_PLACE_FRAMES = (
    "{}に住んでいます。",
    "母は{}の出身です。",
    "{}の駅前で会いました。",
    "今は{}にいるそうです。",
    "{}から電話がありました。",
    "去年、{}で働いていました。",
)


@settings(max_examples=60, deadline=None)
@given(place=st.sampled_from(_CITIES), frame=st.sampled_from(_PLACE_FRAMES))
def test_a_planted_city_never_survives(place: str, frame: str) -> None:
    assert place not in scrub(frame.format(place), "ja").text


@settings(max_examples=60, deadline=None)
@given(place=st.sampled_from(_STEMS), frame=st.sampled_from(_PLACE_FRAMES))
def test_a_planted_city_without_its_suffix_never_survives(place: str, frame: str) -> None:
    assert place not in scrub(frame.format(place), "ja").text


# --- the NER layer's Person spans ----------------------------------------------------
@pytest.mark.parametrize(
    ("span", "kept"),
    [
        # The kinship word and honorific the model takes with a name go back to the text.
        ("スンジャ姉さん", "スンジャ"),
        ("千代子おばあちゃん", "千代子"),
        ("田中さん", "田中"),
        # Given names that end in a kinship character stay whole.
        ("和夫", "和夫"),
        # A span that is only a kinship word is no name.
        ("叔母さん", None),
        ("母", None),
        # The marks around a span go back; one kanji stays only if a name can be one.
        ("…春子", "春子"),
        ("金", "金"),
        ("北", None),
        # A title after the name and the role and の before it stay; a people is none.
        ("宋牧師", "宋"),
        ("宣教師の朴ダニエル", "朴ダニエル"),
        ("韓国人", None),
        ("おっちゃん", None),
    ],
)
def test_a_model_person_span_gives_back_the_kinship_word(span: str, kept: str | None) -> None:
    found = _ja_person(span, 0, len(span))
    assert (span[found[0] : found[1]] if found else None) == kept
