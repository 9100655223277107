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
    "JAPANESE",
    "KOREAN",
    "KOREAN_COMPOUND",
    "chinese_name",
]

JAPANESE: Final = frozenset(
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

KOREAN: Final = frozenset(
    _words(
        "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 "
        "남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 "
        "선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 "
        "가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 시 갈 단 견 당"
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
        "檀 衣 展 昝 智 幸 奉 衡 富 尧 傅 萧"
    )
)
CHINESE_COMPOUND: Final = frozenset(
    _words(
        "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 "
        "宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 端木 呼延"
    )
)


def chinese_name(
    candidate: str, after_name: Set[str], *, any_surname: bool = False
) -> tuple[int, int]:
    """Lengths of the family name, and of it with the one or two given characters after
    it, that open ``candidate``, stopped before a character of ``after_name`` (a particle,
    a verb); ``(0, 0)`` if it does not open with a family name (a common one, or, with
    ``any_surname``, any character not in ``after_name``). Callers judge the result
    against their own stop words."""
    if candidate[:2] in CHINESE_COMPOUND:
        surname = 2
    elif candidate[:1] in CHINESE or (any_surname and candidate[:1] not in after_name):
        surname = 1
    else:
        return 0, 0
    length = surname
    for ch in candidate[surname : surname + 2]:
        if ch in after_name:
            break
        length += 1
    return surname, length
