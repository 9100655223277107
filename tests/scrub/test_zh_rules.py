"""Chinese rules (issue 11, second round): names and places in ordinary sentences.

Each family has regression sentences that say what goes and what stays; two property
tests plant a name or a place in many sentence frames. The rules alone are tested (the
named-entity layer stays off, as ``INTAKE_NER=off`` sets for the whole suite).
"""

from __future__ import annotations

import pytest
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.scrub import Scrubber
from bot.scrub.gazetteer_data import CN_PLACES
from bot.scrub.name_cues import ZH_STOP
from bot.scrub.placenames import LOCATIVE_NAMES, PLACE_NAMES

_SCRUBBER = Scrubber()


def _scrub(text: str) -> str:
    return _SCRUBBER.scrub(text, "zh_Hans").text


def _check(text: str, gone: list[str], kept: list[str], placeholder: str = "") -> None:
    """Every ``gone`` span is removed and every ``kept`` one stays; with ``placeholder``,
    it stands in the output exactly when something was removed."""
    out = _scrub(text)
    for secret in gone:
        assert secret not in out, (text, out)
    for word in kept:
        assert word in out, (text, out)
    if placeholder:
        assert (placeholder in out) == bool(gone), (text, out)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A full name as subject, object or possessive, with no cue but the words around.
        ("王丽华现在在哪里我们也不知道。", ["王丽华"], ["现在在哪里"]),
        ("李娜说她已经到了。", ["李娜"], ["说她已经到了"]),
        ("这是孙海燕的照片。", ["孙海燕"], ["这是", "的照片"]),
        ("把黄晓明带到安全的地方。", ["黄晓明"], ["带到安全的地方"]),
        ("他被周强骗了。", ["周强"], ["骗了"]),
        ("让吴芳别着急。", ["吴芳"], ["别着急"]),
        ("今天下午4点韩美玲给我回了消息", ["韩美玲"], ["今天下午4点", "给我回了消息"]),
        ("韩雪梅，女，1985年生。", ["韩雪梅"], ["1985年生"]),
        ("淑子、秀吉和顺姬三个人都到了", ["淑子", "秀吉", "顺姬"], ["三个人都到了"]),
        # A name in Latin letters after its label; how a name is written is no name.
        ("她名字拼音是 Li Hua，英文名：Grace", ["Li Hua", "Grace"], ["名字拼音是"]),
        ("微信号就是我名字拼音，简体怎么写我不知道", [], ["名字拼音", "简体怎么写"]),
        # Korean names in hanja, and compound family names.
        ("她哥哥金哲洙在那边。", ["金哲洙"], ["她哥哥", "在那边"]),
        ("河英淑的弟弟也来了", ["河英淑"], ["的弟弟也来了"]),
        ("南宫秀英和妹妹一起来的", ["南宫秀英"], ["和妹妹一起来的"]),
        ("李英子自己跟我说的", ["李英子"], ["自己跟我说的"]),
        # Titles and kinship words after a family name, which stay.
        ("王大爷说要五万块钱。", ["王"], ["大爷说要五万块钱"]),
        ("志愿者尹老师说对面就是江", ["尹"], ["志愿者", "老师说"]),
        ("朴牧师说先别坐高铁", ["朴"], ["牧师说"]),
        ("谢谢罗老师的帮助。", ["罗"], ["谢谢", "老师的帮助"]),
        ("我们历史老师很好。", [], ["历史老师"]),
        # Given names alone after a kinship word, and nicknames.
        ("我表姐英子在东京打工", ["英子"], ["我表姐", "在东京打工"]),
        ("我孙女美玲说她很好", ["美玲"], ["我孙女", "说她很好"]),
        ("小芳今年二十岁。", ["小芳"], ["今年二十岁"]),
        ("老王是中介。", ["老王"], ["是中介"]),
        ("有个叫阿明的司机", ["阿明"], ["有个叫", "的司机"]),
        # Japanese names in Chinese text, in kanji, kana or both; a family name alone.
        ("我奶奶叫田中良子，今年82岁了", ["田中良子"], ["我奶奶叫", "82岁"]),
        ("我叫高桥美由纪，住在日本", ["高桥美由纪"], ["住在日本"]),
        ("能不能联系一下渡边先生？", ["渡边"], ["先生"]),
        ("她姓吉田", ["吉田"], ["她姓"]),
        ("中介姓韩，人很凶", ["韩"], ["中介姓", "人很凶"]),
        ("名字是佐藤和子（さとうかずこ）", ["佐藤和子", "さとうかずこ"], ["名字是"]),
        ("亲戚叫ヨシダ・ミチコ，愿意做DNA", ["ヨシダ・ミチコ"], ["愿意做DNA"]),
        ("请打电话找ゆみこ，她在家", ["ゆみこ"], ["她在家"]),
        ("日本名字中村顺子，朝鲜名朴正雄", ["中村顺子", "朴正雄"], ["日本名字", "朝鲜名"]),
        # Korean names in Hangul in a Chinese note.
        ("我是이순자的女儿", ["이순자"], ["我是", "的女儿"]),
        ("朝鲜那边的户口上她叫리영옥", ["리영옥"], ["朝鲜那边的户口上她叫"]),
        # The town goes, the river and mountain named after it stay; so does 班主任.
        (
            "她住在图们，过了图们江，长白县的班主任姓林",
            ["图们，", "长白县", "林"],
            ["图们江", "班主任"],
        ),
        (
            "黎明的时候出发了。黎明华说他不来了，黎明老师也来了",
            ["黎明华", "黎明老师"],
            ["黎明的时候"],
        ),
    ],
)
def test_names_in_sentences(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # Stems of county-level cities and names that are words, where a sentence puts a
        # place: after 在/从/到/住, before 那边/一带/站/口岸.
        ("在开原的一个养殖场干活", ["开原"], ["养殖场"]),
        ("现在人在梅河口火车站附近", ["梅河口"], ["火车站附近"]),
        ("他是集安那边教会的长老", ["集安"], ["那边教会的长老"]),
        ("在龙井开了个卖龙井茶的小店", ["在龙井开"], ["卖龙井茶的小店"]),
        ("乜姐说她可以联系本溪那边的人", ["本溪"], ["那边的人"]),
        # Stations, ports and crossings named after a place.
        ("他在延吉西站附近租了房子", ["延吉西站"], ["附近租了房子"]),
        ("准备走磨憨口岸去老挝", ["磨憨口岸"], ["老挝"]),
        # Places abroad written in Chinese.
        ("我在水原，她在横滨", ["水原", "横滨"], []),
        ("她现在在琅勃拉邦，我很担心", ["琅勃拉邦"], ["我很担心"]),
        ("从二连浩特过扎门乌德", ["二连浩特", "扎门乌德"], []),
        ("去老街市，再到河内", ["老街", "河内"], []),
    ],
)
def test_places_in_sentences(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A flat's number after the building, an entrance (门), parts a space apart.
        ("西塔街道北四经街9号楼2门602，三楼以上没电梯", ["9号楼2门602"], ["三楼以上没电梯"]),
        ("延吉市建工街道天池路 恒大小区 8栋 1602 到了敲门三下", ["天池路", "1602"], ["敲门三下"]),
        ("双埠社区6号楼503，孩子在那边", ["6号楼503"], ["孩子在那边"]),
        ("3号楼 2000元一个月", ["3号楼"], ["2000元一个月"]),
        # A village and its team; a Korean address written in Chinese.
        ("我们村是和龙市南坪镇柳洞村三组，就在江边", ["柳洞村三组"], ["就在江边"]),
        ("地址是 天安市东南区新芳洞 752 有事可以寄信来", ["新芳洞 752"], ["有事可以寄信来"]),
        ("韩国地址是水原市八达区仁溪洞1023-5号302室，邮编", ["302室"], ["，邮编"]),
        # Dates in words, of the lunar calendar too; a year and month alone stay.
        ("我大伯是阴历一九五六年腊月十二出生的", ["一九五六年腊月十二"], ["出生的"]),
        ("农历1958年八月十五，中秋节那天生的", ["1958年八月十五"], ["中秋节"]),
        ("2019年五月三个人去了，2015年八月她走了", [], ["2019年五月三个人", "2015年八月"]),
    ],
)
def test_addresses_and_dates(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    "text",
    [
        # Words that open with a family name, given-name characters that make words.
        "我很高兴听到这个消息，马上就要过年了，方便的话请回复。",
        "孙子和孙女都在日本，黄金和金额都不是问题。",
        "我妹妹现在很平安，妈妈健康状况还可以，我女儿美丽又善良。",
        "明天上午十点以后我都有时间，周末我会再发消息。",
        "白天不敢出门，晚上才敢出来，小心一点，小孩子不懂事。",
        "老人家身体不好，阿姨人很好，老师也来了。",
        "她在天安门广场照过相，上下关系要处理好，他戴着金边眼镜。",
        "老街上有很多小店，万象更新，我们平安到达日本。",
        "离开原来的地方以后，她在公安局门口等了一天。",
        "在和平年代，比如说她可以先去韩国。",
        "她去年冬天过的江，我们在江边等到天亮。",
        "中介要了五万块钱，他们要价15000-30000元。",
        "她今年73岁，1960年去了朝鲜，我们在辽宁省的一个小村子里。",
        "朝鲜那边的情况很严重，江西省和湖南省都有亲戚。",
        "我们从小一起长大，她从来没有去过日本，到时候再说吧。",
        "很多人从那边过来，有的成功了，有的被抓回去了。",
        "我们的历史老师和数学老师都在帮忙。",
        "森林里有很多官兵，白杨和杨柳都绿了。",
        # A Japanese family name that is also a word, before 里 ("in").
        "他们在大山里走了三天，高山里很冷。",
        "汉语拼音 Pinyin 很难，我们用拼音打字。",
        # A border river and mountain named like the town beside them; a class teacher.
        "2018年冬天过的图们江，长白山很漂亮，珲春河也结冰了。",
        "孩子在学校被欺负了，我和班主任谈过了。",
        # A time of day opening a clause, shaped like a family name and a given name.
        "黎明的时候我们就出发了。凌晨的时候走的。黄昏是最危险的。",
    ],
)
def test_harmless_sentences_come_back_unchanged(text: str) -> None:
    assert _scrub(text) == text


# Names: a family name from the commonest (the 2020 census order, written by hand) and
# a given name from Faker's Chinese list, which the rules were not written from. 于 and
# 向 are left out: they are prepositions too, and 向奶奶说 reads "said to grandma".
_SURNAMES = tuple(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚"
    "沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔常汤康易乔赖文"
)
_FAKER = Faker("zh_CN")
_GIVEN = tuple(sorted({_FAKER.first_name() for _ in range(400)} - {"想"}))
_KIN = ("奶奶", "大爷", "阿姨", "老师", "姐", "哥", "先生", "女士", "大妈")
# Hand-written frames: subject, object, possessive, in a list, before an age, at the
# start and at the end, after a kinship word.
_FRAMES = (
    "{}说她已经到了。",
    "{}现在在哪里我们也不知道。",
    "我们一直联系不上{}。",
    "请告诉{}我们很担心她。",
    "这是{}的照片，你们看一下。",
    "我妹妹{}三年前去了那边。",
    "{}（73岁）还活着。",
    "昨天见到{}了，他很瘦。",
    "中介说{}已经被抓了。",
    "我们在找{}",
    "帮我问一下{}，谢谢",
    "，{}也来了",
)
# A name that is also a common word (金利 "interest rate", 江东) and has no cue around
# it is left to the named-entity layer: the rules keep such words.
_FULL_NAMES = st.builds(
    lambda surname, given: surname + given, st.sampled_from(_SURNAMES), st.sampled_from(_GIVEN)
).filter(lambda name: name not in ZH_STOP)
_TITLED = st.builds(
    lambda surname, kin: (surname, kin), st.sampled_from(_SURNAMES), st.sampled_from(_KIN)
)


@settings(max_examples=150, deadline=None)
@given(name=_FULL_NAMES, frame=st.sampled_from(_FRAMES))
def test_a_planted_full_name_never_survives(name: str, frame: str) -> None:
    out = _scrub(frame.format(name))
    assert name not in out
    assert "［姓名］" in out


_TITLE_FRAMES = ("{}说要五万块钱。", "听{}讲，那边查得很严", "是{}家的", "我们去找{}了")


@settings(max_examples=100, deadline=None)
@given(titled=_TITLED, frame=st.sampled_from(_TITLE_FRAMES))
def test_a_family_name_before_a_title_never_survives(titled: tuple[str, str], frame: str) -> None:
    surname, kin = titled
    out = _scrub(frame.format(surname + kin))
    assert f"［姓名］{kin}" in out


# Places: a county-level city or a county of the Chinese division codes.
_COUNTIES = tuple(sorted(name for name in CN_PLACES if name.endswith(("市", "县"))))
_PLACE_FRAMES = (
    "她现在在{}，不敢出来。",
    "我们从{}出发的",
    "{}那边查得很严",
    "住在{}的一个村子里",
    "听说{}附近有人接应",
    "到了{}以后再联系",
)


@settings(max_examples=150, deadline=None)
@given(place=st.sampled_from(_COUNTIES), frame=st.sampled_from(_PLACE_FRAMES))
def test_a_planted_city_or_county_never_survives(place: str, frame: str) -> None:
    out = _scrub(frame.format(place))
    assert place not in out
    assert "［地名］" in out


# Without 市 or 县, the names that are not everyday words (placenames._ZH_WORD_STEMS).
_STEMS = tuple(sorted({name[:-1] for name in _COUNTIES} & (LOCATIVE_NAMES | PLACE_NAMES) - {""}))


@settings(max_examples=100, deadline=None)
@given(
    place=st.sampled_from(_STEMS),
    frame=st.sampled_from(("{}那边查得很严", "听说{}附近有人接应", "{}一带最近很乱")),
)
def test_a_planted_city_without_its_suffix_never_survives(place: str, frame: str) -> None:
    out = _scrub(frame.format(place))
    assert place not in out


# Third round: the families the fresh dev corpus showed missing. Sentences written for
# these tests, each a family: what goes, and what stays byte for byte.
@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A verb with its complement, a nickname after a verb, a vocative after a name.
        ("终于联系上王秀兰了", ["王秀兰"], ["终于联系上", "了"]),
        ("叫小崔别过来了", ["小崔"], ["别过来了"]),
        ("跟阿英视频了半天", ["阿英"], ["视频了半天"]),
        ("美玲啊，你在哪里", ["美玲"], ["你在哪里"]),
        ("老周说钱已经给了", ["老周"], ["说钱已经给了"]),
        # What a person is called by, and 叫 after a comma that drops the subject.
        ("村里人都叫她春子，她是日本人", ["春子"], ["村里人都叫她", "她是日本人"]),
        ("我外婆叫她秀英", ["秀英"], ["我外婆叫她"]),
        ("有个远房表哥，叫欧阳正东，在丹东", ["欧阳正东"], ["有个远房表哥"]),
        ("叫他快点回来", [], ["叫他快点回来"]),
        ("她叫什么名字来着，真名不能说", [], ["她叫什么名字来着", "真名不能说"]),
        # Given names, Korean family names in hanja and rare family names before a title.
        ("明浩哥说今晚出发", ["明浩"], ["哥说今晚出发"]),
        ("我们找过英子阿姨了", ["英子"], ["阿姨"]),
        ("玄老师那边有消息吗", ["玄"], ["老师那边有消息吗"]),
        ("仉先生帮了很多忙", ["仉"], ["先生帮了很多忙"]),
        ("陈老太太的孙女也在", ["陈"], ["老太太的孙女也在"]),
        ("他在农村长大", [], ["他在农村长大"]),
        # A third given character after a kinship word; Korean given names with 在.
        ("他表哥朴东日也来了", ["朴东日"], ["他表哥", "也来了"]),
        ("我爷爷叫李在洙，是大阪人", ["李在洙"], ["我爷爷叫", "是大阪人"]),
        # A name before an age whatever its given characters, the first of a list.
        ("全光日（60岁）现在在医院", ["全光日"], ["60岁"]),
        ("孙女（5岁）在上学", [], ["孙女（5岁）在上学"]),
        ("我们这里有刘丽、郑海燕和我", ["刘丽", "郑海燕"], ["我们这里有", "和我"]),
        ("上面写着山口勇 大正十年生", ["山口勇"], ["上面写着"]),
        # Names in Latin letters.
        ("Choi Mi-young是她护照上的名字", ["Choi Mi-young"], ["是她护照上的名字"]),
        ("爸爸叫Pak Song Chol，还在那边", ["Pak Song Chol"], ["爸爸叫", "还在那边"]),
        ("可以联系Yamada Keiko，她会说中文", ["Yamada Keiko"], ["她会说中文"]),
        ("有个叫Bounmy的司机", ["Bounmy"], ["有个叫", "的司机"]),
        ("我在Hong Kong转机，叫Grab去酒店", [], ["Hong Kong", "Grab"]),
        # A word first that is still a full name before a verb.
        ("方志强说他明天到", ["方志强"], ["说他明天到"]),
    ],
)
def test_third_round_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # District stems in a locative frame; a frame-only name after a country, a
        # province or a place, or next in a list; a place after 到了.
        ("她在广州天河那边打工", ["天河"], ["那边打工"]),
        ("他嫁到了韩国富川", ["富川"], ["韩国"]),
        ("延吉、图们、龙井都有人接应", ["延吉", "图们", "龙井"], ["都有人接应"]),
        ("到了万象再说", ["万象"], ["到了", "再说"]),
        ("在市中心租了房子，在港口等船", [], ["在市中心租了房子，在港口等船"]),
        # Towns and villages no list holds.
        ("和龙市西城镇金达莱村，那是她的老家", ["西城镇", "金达莱村"], ["那是她的老家"]),
        ("我们家在红岩村", ["红岩村"], ["我们家在"]),
        ("他们村叫五道村", ["五道村"], ["他们村叫"]),
        ("他在农村长大，是个贫困村，村长人不错", [], ["农村", "贫困村", "村长"]),
        ("她回乡下了，镇上的人都认识她，每个村都查过", [], ["乡下", "镇上", "每个村"]),
    ],
)
def test_third_round_places(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［地名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # The house number after a village team; a Korean lot and the room after it.
        ("寄到和龙市东城镇 新兴村 3组15号", ["新兴村", "3组15号"], ["寄到"]),
        ("首尔市江西区禾谷洞 88-2号 301号", ["禾谷洞", "88-2号", "301号"], []),
        # A Japanese address in a Chinese note stops after its label.
        ("她在日本的地址是东京都足立区梅田3丁目2-1", ["足立区梅田3丁目2-1"], ["她在日本的地址"]),
        # A two-digit year after a birth label, a year in two numerals.
        ("出生日期：49/3/12，户口上是这么写的", ["49/3/12"], ["户口上是这么写的"]),
        ("我妈说是五六年腊月初八生的", ["五六年腊月初八"], ["我妈说是", "生的"]),
        ("三四年以后再说", [], ["三四年以后再说"]),
    ],
)
def test_third_round_addresses_and_dates(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A role said before a nickname or a name; a family name before 姓 and a person.
        ("钱都交给中介老刘了", ["老刘"], ["交给中介", "了"]),
        ("司机小陈下午到", ["小陈"], ["司机", "下午到"]),
        ("那个郑姓男子又来了", ["郑"], ["那个", "姓男子又来了"]),
        ("为了救英淑我们借了钱", ["英淑"], ["为了救", "我们借了钱"]),
        ("由许建华负责联系", ["许建华"], ["由", "负责联系"]),
        ("中介费太贵了，司机说明天走，老百姓都知道", [], ["中介费", "司机说明天走", "老百姓"]),
        ("我们很信任老师", [], ["我们很信任老师"]),
    ],
)
def test_third_round_roles_before_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A person's home (在X家, 去X家), a Korean woman's name ending in 女.
        ("我们在赵敏家躲了三天", ["赵敏"], ["我们在", "家躲了三天"]),
        ("孙海燕家里还有老人", ["孙海燕"], ["家里还有老人"]),
        ("请帮忙找一下朴福女", ["朴福女"], ["请帮忙找一下"]),
        ("金顺女的户口还在日本", ["金顺女"], ["的户口还在日本"]),
        ("王家的人都走了，在大家的帮助下回老家住几天", [], ["王家的人", "大家", "回老家"]),
        ("她是个美女，也是我的长女", [], ["她是个美女，也是我的长女"]),
    ],
)
def test_third_round_homes_and_names_in_nyeo(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # More Japanese family names, in Chinese notes only; the words stay.
        ("那个叫大山的日本记者", ["大山"], ["那个叫", "的日本记者"]),
        ("有村美子是她外婆", ["有村美子"], ["是她外婆"]),
        ("翻过一座大山就到了，大山里面很冷", [], ["翻过一座大山就到了，大山里面很冷"]),
    ],
)
def test_third_round_japanese_family_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # 在 in a Korean given name right after a kinship word; a word first after a label.
        ("他舅舅崔在万已经到了", ["崔在万"], ["他舅舅", "已经到了"]),
        ("我妹妹李在医院，我哥哥王在这里", [], ["我妹妹李在医院，我哥哥王在这里"]),
        ("朝鲜名金正雄，日本名金田正雄", ["金正雄"], ["朝鲜名"]),
        ("名字是韩国人常用的那种", [], ["名字是韩国人常用的那种"]),
    ],
)
def test_third_round_korean_given_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A two-character name after a word of time or a conjunction opening the clause.
        ("昨天张伟打电话说没事", ["张伟"], ["昨天", "打电话说没事"]),
        ("后来王芳也走了", ["王芳"], ["后来", "也走了"]),
        ("如果李娜来了告诉我", ["李娜"], ["如果", "来了告诉我"]),
        ("后来常常去，结果高兴坏了，现在安全了", [], ["后来常常去，结果高兴坏了，现在安全了"]),
        # A role before a word that opens with a unit of a village stays (中介乡亲).
        ("中介乡亲都认识，司机村里的人也认识", [], ["中介乡亲都认识，司机村里的人也认识"]),
        ("孙女士说要等", ["孙"], ["女士说要等"]),
    ],
)
def test_third_round_clause_openers(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # North Korean counties (郡) no list holds, and towns of the north-west.
        ("她在云山郡出生", ["云山郡"], ["她在", "出生"]),
        ("从会宁郡过来的", ["会宁郡"], ["从", "过来的"]),
        ("他老家在宁边，后来去了价川", ["宁边", "价川"], ["他老家在", "后来去了"]),
        ("秦朝设立了很多郡县", [], ["秦朝设立了很多郡县"]),
    ],
)
def test_third_round_north_korean_counties(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［地名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # 男 in Korean and Japanese given names (光男, 成男); 男子 and 男士 are words.
        ("金光男说他到了", ["金光男"], ["说他到了"]),
        ("张男士您好", ["张"], ["男士您好"]),
        ("那个男子说他明天到，一个高男人", [], ["那个男子说他明天到，一个高男人"]),
    ],
)
def test_third_round_given_names_in_nam(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A street, a subdistrict or a Korean 洞 right after a place, without a number.
        ("住在延吉市公园路附近", ["公园路"], ["住在", "附近"]),
        ("她在珲春市靖和街道打工", ["靖和街道"], ["她在", "打工"]),
        ("首尔冠岳区新林洞那边", ["新林洞"], ["那边"]),
        ("长白朝鲜族自治县新房子镇", ["新房子镇"], []),
        ("在马路上走，走大路", [], ["在马路上走，走大路"]),
        ("他们在大街上，这个小区很安全", [], ["他们在大街上，这个小区很安全"]),
    ],
)
def test_third_round_streets_after_a_place(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # The unit of a place just found goes with it, though 城镇 is a word.
        ("她现在住在和龙市西城镇金达莱村", ["西城镇", "金达莱村"], ["她现在住在"]),
        ("出生地：两江道三池渊郡", ["三池渊郡"], ["出生地：两江道"]),
        ("住在咸镜北道吉州郡。", ["吉州郡"], ["住在咸镜北道", "。"]),
        # A district, 区域 or a workers' district right after a place.
        ("在清津市浦港区住过", ["浦港区"], ["在", "住过"]),
        ("平壤市大同江区", ["大同江区"], ["平壤市"]),
        ("会宁市五山德劳动者区", ["五山德劳动者区"], []),
        # A kind of area stays.
        ("吉林省城镇人口不多", [], ["吉林省城镇人口不多"]),
        ("吉林省开发区很多，市区也大", [], ["吉林省开发区很多，市区也大"]),
    ],
)
def test_fourth_round_units_after_a_place(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［地名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # Names in the characters Chinese spells foreign names with, after a nationality
        # or marked by 叫 and a person.
        ("一个叫颂猜的泰国人说能带她过河", ["颂猜"], ["一个叫", "的泰国人说能带她过河"]),
        ("带路的是个老挝人，叫坎蓬，还有一个", ["坎蓬"], ["带路的是个老挝人，叫", "，还有一个"]),
        ("一个叫谢尔盖的人帮他们租了房子", ["谢尔盖"], ["的人帮他们租了房子"]),
        ("跟一个叫大老黑的中介在一起", ["大老黑"], ["的中介在一起"]),
        ("俄罗斯人伊万诺夫答应帮忙", ["伊万诺夫"], ["俄罗斯人", "答应帮忙"]),
        ("嫁给了在日朝鲜人姜大植，1961年去的", ["姜大植"], ["，1961年去的"]),
        # Three characters after a kinship word, cut off by a space or a particle.
        ("外公 韩相烈 1931年生 已故", ["韩相烈"], ["外公 ", " 1931年生 已故"]),
        ("这次我侄子朴正日也想走", ["朴正日"], ["这次我侄子", "也想走"]),
        ("她外祖父方太植的弟弟", ["方太植"], ["她外祖父", "的弟弟"]),
        # A family name and 某, a Japanese family name before 家的人.
        ("内容：姜某（男，46岁）", ["姜"], ["某（男，46岁）"]),
        ("当事人：赵某某，女", ["赵"], ["某某，女"]),
        ("高田家的人说可以提供户籍", ["高田"], ["家的人说可以提供户籍"]),
    ],
)
def test_fourth_round_foreign_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    "text",
    [
        "这病叫心脏病。",
        "他们叫我别去，",
        "这个地方叫什么，",
        "日本人多吗",
        "妈妈是高中生。",
        "丈夫和孩子都在",
        "儿子高兴地说",
        "妈妈正在做饭",
        "朋友方便的时候再说",
        "出于某种原因他向某单位借钱",
        "俄罗斯人都说中国话",
    ],
)
def test_fourth_round_clean_sentences_stay(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A town of a place after 的, a village in 沟, what a village is called.
        ("去年他们在珲春的敬信镇被抓的", ["敬信镇"], ["去年他们在", "的", "被抓的"]),
        ("现在她躲在罗子沟一个亲戚家", ["罗子沟"], ["现在她躲在", "一个亲戚家"]),
        ("村子叫柳洞，离江不远", ["柳洞"], ["村子叫", "，离江不远"]),
        ("我们村叫八道", ["八道"], ["我们村叫"]),
        # A given name that is a word, before a pronoun for the person.
        ("帮我问一下国庆，他到底收了多少钱", ["国庆"], ["帮我问一下", "，他到底收了多少钱"]),
    ],
)
def test_fourth_round_villages_and_word_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    "text",
    [
        "在山沟里住，我们没法沟通，家门口有条水沟",
        "那个地方叫什么，这个镇叫不出名字",
        "这是美国，她说很安全",
        "我找到了工作，他很高兴",
        "我们去了波兰，她说",
        "国庆节以后再说吧",
    ],
)
def test_fourth_round_villages_and_word_names_stay(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A form's field for a person, the name spaced as on Japanese papers.
        ("申请人姓名：藤原 美咲\n关系：姑姑", ["藤原", "美咲"], ["申请人姓名：", "\n关系：姑姑"]),
        ("当事人姓名：李 美咲（同名）", ["李", "美咲"], ["当事人姓名：", "（同名）"]),
        ("委托人：安田 直树\n住所：", ["安田", "直树"], ["委托人：", "\n住所："]),
        ("姓名：石田 ゆかり", ["石田", "ゆかり"], ["姓名："]),
        ("联系人：见 下面", [], ["联系人：见 下面"]),
    ],
)
def test_fourth_round_spaced_names_in_forms(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # 叫 and a name after a space or in quotes, or in Latin letters.
        ("他老婆是老挝人 叫诺伊 他说", ["诺伊"], ["他老婆是老挝人 叫", " 他说"]),
        ("认识的人：一个叫“大刘”的司机", ["大刘"], ["一个叫“", "”的司机"]),
        ("老挝的司机叫 Bounmy，英语很好", ["Bounmy"], ["老挝的司机叫 ", "，英语很好"]),
        ("一个叫Mi-ok，另一个不知道", ["Mi-ok"], ["一个叫", "，另一个不知道"]),
        # A family name and a short kinship title after a role.
        ("她说中介王哥又打电话要钱", ["王"], ["她说中介", "哥又打电话要钱"]),
    ],
)
def test_fourth_round_called_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize("text", ["我们叫Grab打车", "中介大哥说他明天来", "司机叫我们等着"])
def test_fourth_round_called_clean_stays(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A name in a question: 吗 and 呢 follow a person as particles do.
        ("你见过春花吗？她昨天没回来", ["春花"], ["你见过", "吗？她昨天没回来"]),
        ("王芳吗我是她姐姐", ["王芳"], ["吗我是她姐姐"]),
    ],
)
def test_fourth_round_names_in_questions(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    "text", ["你清楚吗", "这样安全吗", "你明白吗", "我们怎么办呢", "你是中国人吗", "他们来过吗"]
)
def test_fourth_round_questions_stay(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A foreign name spelt in Chinese after a country and 的, a verb or a role.
        ("蒙古的巴特尔说可以开车", ["巴特尔"], ["蒙古的", "说可以开车"]),
        ("我们见到了颂猜他说可以帮忙", ["颂猜"], ["我们见到了", "他说可以帮忙"]),
        ("泰国警察颂猜", ["颂猜"], ["泰国警察"]),
    ],
)
def test_fourth_round_spelt_foreign_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


@pytest.mark.parametrize(
    "text",
    [
        "俄罗斯的西伯利亚很冷",
        "和伊朗的关系",
        "帮伊拉克的",
        "我见到了伊拉克人",
        "他找到了维修工",
        "见到了巴士",
    ],
)
def test_fourth_round_spelt_words_stay(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A Chinese name in pinyin between Chinese words.
        ("Piao Chunhua 是她的拼音名字，护照上就这么写", ["Piao Chunhua"], [" 是她的拼音名字"]),
        ("王东 和 Li Ming 两个人负责开车", ["Li Ming"], [" 两个人负责开车"]),
    ],
)
def test_fourth_round_pinyin_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept)


def test_fourth_round_english_words_are_no_pinyin_names() -> None:
    assert _scrub("I have a Long Time no see") == "I have a Long Time no see"


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # 二连 for 二连浩特 where a sentence puts it as a place; a name after 中文写.
        ("先到二连，在那里等了一个礼拜", ["二连"], ["先到", "，在那里等了一个礼拜"]),
        ("奶奶叫김순자，中文写李顺子，她妈妈是日本人", ["李顺子"], ["中文写", "，她妈妈是日本人"]),
    ],
)
def test_fourth_round_short_forms_and_written_names(
    text: str, gone: list[str], kept: list[str]
) -> None:
    out = _scrub(text)
    for secret in gone:
        assert secret not in out
    for word in kept:
        assert word in out


@pytest.mark.parametrize("text", ["他们拿了二连胜", "中文写起来很难"])
def test_fourth_round_short_forms_stay(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A name the writer masked with stars: the family name and any shown given
        # character go, a particle or verb after the mask stays.
        ("她的朋友朴*华昨天到了。", ["朴*华"], ["她的朋友", "昨天到了。"]),
        ("联系人：金＊＊，电话不方便给。", ["金＊＊"], ["联系人：", "，电话不方便给。"]),
        ("李*说他明天来。", ["李*"], ["说他明天来。"]),
        ("张**和我一起走的。", ["张**"], ["和我一起走的。"]),
    ],
)
def test_masked_names(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    "text", ["价格是3*5元，共2*3个。", "请看备注*重要*事项。", "她说*很*累。"]
)
def test_stars_without_a_family_name_stay(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A name in Latin or Cyrillic letters right before a verb of saying.
        ("Tanaka说她明天来。", ["Tanaka"], ["说她明天来。"]),
        ("后来Сергей告诉我路线。", ["Сергей"], ["后来", "告诉我路线。"]),
        ("Maria Kim 讲了很多。", ["Maria", "Kim"], ["讲了很多。"]),
    ],
)
def test_foreign_names_before_said(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize("text", ["我用WeChat说的。", "他说OK。", "USB说明书在盒子里。", "a说"])
def test_latin_words_before_said_stay(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # The same name spelt a second way after a slash on a form.
        (
            "姓名：石田 ゆかり / 石由佳\n生日：不详",
            ["石田", "ゆかり", "石由佳"],
            [" / ", "\n生日：不详"],
        ),
        ("姓名：金 美花／金美花，女", ["金美花", "美花"], ["，女"]),
        ("姓名：石田 ゆかり / 朝鲜族\n", ["石田"], [" / 朝鲜族\n"]),
    ],
)
def test_form_name_after_slash(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A two-character family name after 姓 goes whole.
        ("那个姓司马的老头说他认识路", ["司马"], ["那个姓", "的老头说他认识路"]),
        ("她姓欧阳，是护士。", ["欧阳"], ["她姓", "，是护士。"]),
    ],
)
def test_compound_surname_after_xing(text: str, gone: list[str], kept: list[str]) -> None:
    _check(text, gone, kept, "［姓名］")


@pytest.mark.parametrize("text", ["老百姓的日子不好过。", "同姓的人很多。"])
def test_xing_without_a_surname_stays(text: str) -> None:
    assert _scrub(text) == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A South Korean town after its province in Han characters, which stays.
        ("她婆家在忠清南道天安，老公是韩国人", ["天安"], ["忠清南道", "，老公是韩国人"]),
        ("他们住在京畿道安山", ["安山"], ["京畿道"]),
        # A Japanese city stem or neighbourhood where the sentence puts a place.
        ("我叔叔住在尼崎，离梅田不远", ["尼崎", "梅田"], ["我叔叔住在", "不远"]),
        ("外婆和外公是在大阪生野认识的", ["生野"], ["大阪", "认识的"]),
        ("我外公老家在日本新潟县的佐渡，1960年离开的", ["佐渡"], ["日本新潟县的"]),
        # A market after its town or its 的; a North Korean county in a frame of place.
        ("她在清津的水南市场卖过鱼", ["清津", "水南市场"], ["她在", "的", "卖过鱼"]),
        ("从惠山过来的人都说三水那边看得最严", ["惠山", "三水"], ["那边看得最严"]),
    ],
)
def test_fifth_round_korean_and_japanese_towns(
    text: str, gone: list[str], kept: list[str]
) -> None:
    _check(text, gone, kept, "［地名］")


@pytest.mark.parametrize(
    "text",
    [
        "他老家在京畿道，现在在首尔",
        "我们都在忠清南道",
        "中山大学的老师",
        "天安门广场很大",
        "天神保佑",
        "大和民族",
        "她在农贸市场买菜",
        "他去了菜市场",
        "三水是个偏旁",
        "吉林省的中山大学",
    ],
)
def test_fifth_round_provinces_and_words_stay(text: str) -> None:
    assert _scrub(text) == text
