"""Common family names, used only to confirm a name in frames that also fit ordinary words.

A label (``名前：``), an honorific (``さん``, ``씨``, ``先生``) or a self-introduction verb
(``と申します``, ``라고 합니다``, ``我叫``) is evidence enough on its own; frames like
``Xです`` or ``我是X`` fit too many ordinary words, so there the first characters must be
a common family name. These are general lists of the commonest names in each country
(Korean and Chinese family names are few: the lists cover the vast majority of people).
"""

from __future__ import annotations

from collections.abc import Set
from typing import Final


def _words(text: str) -> list[str]:
    return text.split()


__all__ = [
    "CHINESE",
    "CHINESE_COMPOUND",
    "CHINESE_GIVEN",
    "CHINESE_RARE",
    "JAPANESE",
    "JAPANESE_IN_CHINESE",
    "KOREAN",
    "KOREAN_COMPOUND",
    "KOREAN_IN_CHINESE",
    "chinese_name",
]

_JAPANESE_COMMON: Final = frozenset(
    _words(
        "佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 "
        "井上 木村 林 斎藤 斉藤 清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 "
        "長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 金子 岡本 藤原 中野 "
        "三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 内田 柴田 酒井 宮崎 "
        "横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 "
        "平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 菊地 "
        "杉本 古川 大西 島田 水野 桜井 高野 渡部 吉川 山内 西田 飯田 菊池 西川 小松 北村 安田 "
        "五十嵐 川口 平田 関 中田 久保田 服部 川村 岩田 辻 樋口 秋山 田口 永井 山中 中西 吉村 "
        "川上 石原 大橋 松岡 馬場 浜田 森本 星野 矢野 浅野 大久保 松下 吉岡 小池 野田 荒木 "
        "大谷 内藤 松浦 熊谷 黒田 尾崎 永田 川崎 望月 田辺 松村 荒井 堀 大島 平井 早川 菅野 "
        "栗原 西山 広瀬 横田 石橋 萩原 岩本 片山 関口 宮田 大石 本田 須藤 高山 吉野 小西 岡崎 "
        "小田 伊東 鎌田 上原 篠原 小泉 松原 飯島 西尾 小沢 坂口 金田 金 李 朴 崔 鄭 姜 趙 尹 "
        "張 韓 呉 徐 申 権 黄 安 宋 洪 高 文 梁 孫 白 許 南 盧 河"
    )
)
# The Japanese names Korean families in Japan went by (通名), many of them taken with
# them to the North: a Japanese note names the returnees by them. Japanese notes only
# (not JAPANESE_IN_CHINESE: 金山 is a district of Shanghai).
_ZAINICHI: Final = frozenset(_words("金本 金山 金城 金光 国本 徳山 星山 安本 張本 新本"))
JAPANESE: Final = _JAPANESE_COMMON | _ZAINICHI

KOREAN: Final = frozenset(
    _words(
        "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 "
        "남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 "
        "선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 "
        "가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 시 갈 단 견 당 "
        # North Korea keeps the initial ㄹ that the South drops: 리 for 이, 림, 로, 량.
        "리 림 로 량 렴 려 라 룡"
    )
)
KOREAN_COMPOUND: Final = frozenset(_words("황보 남궁 제갈 선우 독고 동방 사공 서문 어금 망절"))

CHINESE: Final = frozenset(
    _words(
        "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 "
        "曹 彭 曾 肖 田 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 "
        "金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 "
        "龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 "
        "庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 "
        "凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 "
        "滕 屈 饶 解 牟 艾 尤 阳 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 "
        "费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 仇 栾 隋 商 刁 沙 荣 "
        "巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 "
        "南 班 储 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼 盘 满 闻 厉 伊 仝 区 郜 阚 花 权 强 帅 屠 "
        "豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿 狄 计 索 宣 晋 初 云 容 敬 扈 晁 芮 阙 浦 戈 伏 "
        "鹿 薄 邸 雍 辜 羊 乌 裘 亓 修 邰 赫 杭 况 宿 鲜 印 逯 隆 茹 诸 戎 勾 茅 居 揭 尉 冶 束 "
        "檀 衣 展 昝 智 幸 奉 衡 富 尧 傅 萧 赖 阎 洪"
    )
)
CHINESE_COMPOUND: Final = frozenset(
    _words(
        "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 "
        "宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 端木 呼延 "
        # Korean compound family names as Chinese writes them.
        "南宫 鲜于 西门 独孤"
    )
)
# Korean family names that Chinese text writes in hanja (朴英姬, 河英淑, 玄成浩) and
# that are not common Chinese family names; 朴, 金, 崔 and most others are in CHINESE.
KOREAN_IN_CHINESE: Final = frozenset("玄河具慎")
# Rare Chinese family names (of the Hundred Family Surnames and the 2020 census lists)
# whose characters are almost never ordinary words: a title or a verb around them is
# evidence enough (仉先生, 乜姐).
CHINESE_RARE: Final = frozenset("仉乜禤逄綦隗邴郦郗钭訾嵇笪蒯缑郏眭酆荀濮宓郤羿厍") - CHINESE

# The characters Chinese given names are most often made of (and those of Korean given
# names written in hanja: 姬, 洙, 哲, 淑, 镐, 铉). Written by hand from the naming
# conventions, not from any test corpus. Characters that are mostly function words or
# begin common compounds after a family name (正在, 容易, 广东, 环境, 信息) are left
# out, so that a family name plus these reads as a name and an ordinary word does not.
CHINESE_GIVEN: Final = frozenset(
    "东丰丹丽义云亚亨亮仁仙仪伟伦伶佑佩佳侠俊俐俭倩健允光兰兴军冬冰凡凤凯刚利千勇勋勤华博卫友双"
    "吉君哲善喜嘉国圭均坚坤垚培基天妍妮姗姣姬威娇娜娟娥婉婧婷媛宁宇安宏宜宝宰宸宾富寿尚岚岩岳"
    "峰峻崇嵘嵩巍巧帆平庆庭康廷建弘强彤彦彩彬征德忆志忠怀思怡恒恩悦惠愉慈慧憬成承振敏敬文斌斐"
    "新旭旺旻昀昆昇昊昌明昕星春昭晏晓晖晗晟晨景晴晶智暄曙曦曼月朗杏杰松枝枫柔栋根桂桐桦梅梓梦"
    "森植楠楷榕槐樱欢欣毅毓民永汉沛泉泓波泰泳泽洁洋洙洪浚浩海涛润涵淑淳淼清渊湛源滢滨潇澄澜灵"
    "灿炜炯烁烈烨焕煜熙熠燕爱爽玉玫玮玲珂珉珊珍珏珠琛琦琨琪琰琳琴琼瑛瑜瑞瑶瑾璇璋璐璞璟甜畅皓"
    "盈睿碧磊祥祯禄福禧秀秉秋穗立竹筱素紫红纯绍绮维美群羽翔翠翰耀聪胜舒航良艳艺芊芝芬芮花芳芷"
    "芸苗英茂茜茵荣荷莉莎莲莹莺菁菊菲萌萍萱葆蓉蓓蔚蕊蕙蕾薇虎虹蝶裕誉诗诚谦豪贝贞贤贵赫超跃轩"
    "轶辉辰达远迪逸金鑫钊钟钢钦钧钰铉铎铭锋锐锡锦镐长阳雁雄雅雨雪雯霄霖霞露青靖静韬韵韶顺颂颖"
    "飒飞香馥馨骏魁鸣鸾鸿鹏鹤麟黛鼎龙雷兵林杨柳帅男"
)

# Japanese kanji that simplified Chinese writes differently (橋 → 桥, 辺 → 边), for the
# Japanese family names in a Chinese note (高桥, 渡边, 佐佐木).
_JA_TO_ZH: Final = str.maketrans(
    "呉塚増島広斉斎桜権橋沢浜瀬盧葉許趙辺邊鄭鈴鎌長関須飯馬黒韓東張岡後場宮",
    "吴冢增岛广齐斋樱权桥泽滨濑卢叶许赵边边郑铃镰长关须饭马黑韩东张冈后场宫",
)


def _chinese_spelling(name: str) -> str:
    out = name.translate(_JA_TO_ZH)
    return out.replace("々", out[0]) if "々" in out else out


# More Japanese family names (the next of the commonest, by the same counts), for Chinese
# notes only: a Japanese note's frames are tuned on the list above.
_JAPANESE_MORE: Final = _words(
    "大山 宮本 有村 堀田 水谷 中井 大森 竹田 寺田 植田 石塚 小倉 桑原 長尾 野崎 中谷 "
    "宮川 西岡 浅井 村井 三宅 大竹 坂田 森下 福本 吉本 榎本 松永 本間 北野 岩井 沢田 堀内 "
    "川島 金井 岡村 大島 奥村 笠原 滝沢 細川 高井 白石 大平 西野 平山 塚本 宮下 石山 "
    "北原 藤川 島崎 熊田 岸本 小松原 宇野 大川 新田 田島 望月 内山 久野 池上 荒川"
)
# Japanese family names of two characters or more, as a Chinese note writes them.
JAPANESE_IN_CHINESE: Final = frozenset(
    spelling
    for name in (*_JAPANESE_COMMON, *_JAPANESE_MORE)
    for spelling in {name, _chinese_spelling(name)}
    if len(name) >= 2
)


def chinese_name(
    candidate: str,
    after_name: Set[str],
    *,
    any_surname: bool = False,
    given: Set[str] | None = None,
) -> tuple[int, int]:
    """Lengths of the family name, and of it with the one or two given characters after
    it, that open ``candidate``, stopped before a character of ``after_name`` (a particle,
    a verb) or, with ``given``, before any character not in it; ``(0, 0)`` if it does
    not open with a family name (a common one, or, with ``any_surname``, any character
    not in ``after_name``). Callers judge the result against their own stop words."""
    if candidate[:2] in CHINESE_COMPOUND:
        surname = 2
    elif (
        candidate[:1] in CHINESE
        or candidate[:1] in KOREAN_IN_CHINESE
        or candidate[:1] in CHINESE_RARE
        or (any_surname and candidate[:1] not in after_name)
    ):
        surname = 1
    else:
        return 0, 0
    length = surname
    for ch in candidate[surname : surname + 2]:
        if ch in after_name or (given is not None and ch not in given):
            break
        length += 1
    return surname, length
