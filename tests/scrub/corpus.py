"""The labelled corpus: built deterministically from data no one on the project wrote.

Secrets come from Faker's ``ja_JP``, ``ko_KR`` and ``zh_CN`` providers (names, phones,
e-mail addresses, URLs, user names, addresses, dates of birth, resident numbers, cards),
libphonenumber's example numbers for the countries on the escape routes, and identity
numbers given valid check digits here. They are set in sentence frames of each language,
written in the notations and disguises supporters use, next to harmless numbers that
must come back untouched. Clean sentences are built from the same harmless numbers.

Each item lists its secrets as ``(kind, text)`` and the harmless substrings it keeps;
scoring is strict: a secret counts only if every character of it is replaced.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import phonenumbers
from faker import Faker
from faker.providers.address.zh_CN import Provider as ZhAddress
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bot.scrub import gazetteer_curated as curated

LOCALES = ("ja", "ko", "zh_Hans")
_FAKER_LOCALE = {"ja": "ja_JP", "ko": "ko_KR", "zh_Hans": "zh_CN"}
ROUTE_REGIONS = ("JP", "KR", "CN", "KP", "RU", "MN", "VN", "LA", "TH", "KH", "MM")
STRUCTURED = (
    "phone",
    "email",
    "url",
    "handle",
    "messenger_id",
    "id_number",
    "passport",
    "card",
    "coordinates",
)
REPORTED = ("name", "address", "birthdate", "place")


@dataclass(frozen=True)
class Item:
    """One corpus sentence: what must go and what must stay."""

    locale: str
    text: str
    secrets: tuple[tuple[str, str], ...]
    keep: tuple[str, ...]


# --- harmless numbers --------------------------------------------------------------
def _harmless(rng: random.Random, locale: str) -> str:
    y = rng.randint(1959, 2024)
    n = rng.randint(2, 95)
    money = rng.choice([300000, 1500000, 3000000, 50000, 12000])
    choices: dict[str, list[str]] = {
        "ja": [
            f"{y}-{y + rng.randint(1, 4)}年",
            f"{y}年{rng.randint(1, 12)}月",
            f"{rng.randint(0, 23)}:{rng.choice(['00', '15', '30', '45'])}",
            f"{money:,}円",
            f"{money // 10000}万円",
            f"¥{money:,}",
            f"{n}%",
            f"{n}歳",
            f"{rng.randint(2, 9)}人",
            f"{rng.randint(2, 4)}世",
            f"第{rng.randint(1, 9)}段階",
            f"{y}年",
            f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        ],
        "ko": [
            f"{y}~{y + rng.randint(1, 4)}년",
            f"{y}년 {rng.randint(1, 12)}월",
            f"{rng.randint(0, 23)}시 {rng.choice(['10', '30'])}분",
            f"{money:,}원",
            f"{money // 10000}만원",
            f"₩{money:,}",
            f"{n}%",
            f"{n}살",
            f"{rng.randint(2, 9)}명",
            f"{rng.randint(2, 4)}세대",
            f"{rng.randint(1, 9)}단계",
            f"{y}년",
            f"{rng.randint(1, 12)}월 {rng.randint(1, 28)}일",
        ],
        "zh_Hans": [
            f"{y}-{y + rng.randint(1, 4)}年",
            f"{y}年{rng.randint(1, 12)}月",
            f"{rng.randint(0, 23)}:{rng.choice(['00', '30'])}",
            f"{money:,}元",
            f"{money // 10000}万元",
            f"￥{money}",
            f"{n}%",
            f"{n}岁",
            f"{rng.randint(2, 9)}个人",
            f"第{rng.randint(2, 4)}代",
            f"第{rng.randint(1, 9)}步",
            f"{y}年",
            f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        ],
    }
    return rng.choice(choices[locale])


def _harmless_more(rng: random.Random, locale: str) -> str:
    """The numbers the second round keeps: ranges of money in every notation, times,
    durations, year-month ranges, app versions."""
    y = rng.randint(1959, 2023)
    money = rng.choice([300000, 1500000, 3000000, 50000, 12000])
    time = f"{rng.randint(0, 23)}:{rng.choice(['05', '20', '45'])}"
    choices: dict[str, list[str]] = {
        "ja": [
            time,
            f"{money}-{money * 2}円",
            f"{money // 10000}万～{money // 5000}万円",
            f"{rng.randint(1, 9)}時間{rng.randint(10, 59)}分",
            f"{y}/{rng.randint(1, 12):02d}～{y + 1}/{rng.randint(1, 12):02d}",
            f"Telegram {rng.randint(9, 11)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        ],
        "ko": [
            time,
            f"{money:,}-{money * 2:,}원",
            f"{money}~{money * 2}원",
            f"{rng.randint(1, 9)}시간 {rng.randint(10, 59)}분",
            f"{y}.{rng.randint(1, 12):02d}~{y + 1}.{rng.randint(1, 12):02d}",
            f"카카오톡 {rng.randint(9, 11)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        ],
        "zh_Hans": [
            time,
            f"{money}-{money * 2}元",
            f"{money // 10000}万-{money // 5000}万元",
            f"{rng.randint(1, 9)}个小时{rng.randint(10, 59)}分钟",
            f"{y}/{rng.randint(1, 12):02d}-{y + 1}/{rng.randint(1, 12):02d}",
            f"微信 {rng.randint(7, 8)}.0.{rng.randint(10, 60)}",
        ],
    }
    return rng.choice(choices[locale])


# --- secrets -----------------------------------------------------------------------
_FULLWIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789-+()@."}
_KANJI = dict(zip("0123456789", "〇一二三四五六七八九", strict=True))
_HANGUL = dict(zip("0123456789", "공일이삼사오육칠팔구", strict=True))


def _phone(rng: random.Random, fake: Faker, locale: str) -> str:
    if rng.random() < 0.4:
        number = fake.phone_number()
    else:
        region = rng.choice(ROUTE_REGIONS)
        kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
        example = phonenumbers.example_number_for_type(region, kind)
        assert example is not None, region
        fmt = rng.choice(
            [PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164]
        )
        number = phonenumbers.format_number(example, fmt)
    style = rng.randrange(8)
    if style == 0:
        number = number.translate(_FULLWIDTH)
    elif style == 1:
        dash = rng.choice(["ー", "−", "—", "～", "‐"])
        number = number.replace("-", dash).replace(" ", dash)
    elif style == 2:
        number = number.replace(" ", ".").replace("-", ".")
    elif style == 3:
        number = "\u200b".join(number)
    elif style == 4 and not number.startswith("+"):
        table = _HANGUL if locale == "ko" else _KANJI
        number = "".join(table.get(c, c) for c in number)
    return number


def _email(rng: random.Random, fake: Faker, locale: str) -> str:
    address: str = fake.free_email() if rng.random() < 0.5 else fake.email()
    local, domain = address.split("@")
    style = rng.randrange(6)
    if style == 0:
        at = {"ja": "アットマーク", "ko": "골뱅이", "zh_Hans": "艾特"}[locale]
        return f"{local}{at}{domain}"
    if style == 1:
        return f"{local} at {domain.replace('.', ' dot ')}"
    if style == 2:
        return f"{local}(at){domain}"
    if style == 3:
        return address.translate(_FULLWIDTH)
    if style == 4:
        return f"{local}★{domain}"
    return address


def _url(rng: random.Random, fake: Faker, locale: str) -> str:  # noqa: ARG001
    style = rng.randrange(4)
    if style == 0:
        return f"t.me/{fake.user_name()}"
    if style == 1:
        return f"www.{fake.domain_name()}"
    if style == 2:
        return f"{fake.url()}{fake.uri_path()}"
    return str(fake.url())


def _handle(rng: random.Random, fake: Faker, locale: str) -> str:  # noqa: ARG001
    name: str = fake.user_name()
    return "@" + (name if len(name) >= 4 else name + str(rng.randint(10, 99)))


def _my_number(rng: random.Random) -> str:
    body = [rng.randint(0, 9) for _ in range(11)]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(body[::-1], start=1))
    remainder = total % 11
    digits = "".join(map(str, body)) + str(0 if remainder <= 1 else 11 - remainder)
    return rng.choice([digits, f"{digits[:4]} {digits[4:8]} {digits[8:]}"])


def _id_number(rng: random.Random, fake: Faker, locale: str) -> str:
    if locale == "ja":
        return _my_number(rng)
    return str(fake.ssn())


def _passport(rng: random.Random, fake: Faker, locale: str) -> str:  # noqa: ARG001
    digits = "".join(str(rng.randint(0, 9)) for _ in range(8))
    return {
        "ja": rng.choice(["TK", "TR", "MZ"]) + digits[:7],
        "ko": "M" + digits,
        "zh_Hans": rng.choice(["E", "G"]) + digits,
    }[locale]


def _card(rng: random.Random, fake: Faker, locale: str) -> str:  # noqa: ARG001
    number: str = fake.credit_card_number()
    while len(number) != 16:
        number = fake.credit_card_number()
    if rng.random() < 0.5:
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


def _coordinates(rng: random.Random, fake: Faker, locale: str) -> str:  # noqa: ARG001
    lat, lon = rng.uniform(20, 45), rng.uniform(100, 131)
    style = rng.randrange(4)
    if style == 0:
        return f"{lat:.5f}, {lon:.5f}"
    if style == 1:
        return f"N{lat:.4f} E{lon:.4f}"
    if style == 2:
        words = {"ja": ("北緯", "東経"), "ko": ("북위", "동경"), "zh_Hans": ("北纬", "东经")}
        north, east = words[locale]
        return f"{north}{lat:.2f}度 {east}{lon:.2f}度"
    d, m = int(lat), int((lat % 1) * 60)
    d2, m2 = int(lon), int((lon % 1) * 60)
    return f"{d}°{m}'N {d2}°{m2}'E"


_APP_LABELS = {
    "ja": ["LINEのIDは", "ラインID：", "WeChat: ", "カカオトークID ", "テレグラムは "],
    "ko": ["카톡 아이디는 ", "카카오톡 ID: ", "라인 아이디 ", "위챗 ID ", "텔레그램 아이디는 "],
    "zh_Hans": ["微信号是", "微信：", "加我VX ", "QQ号码", "LINE ID："],
}


def _messenger(rng: random.Random, fake: Faker, locale: str) -> str:  # noqa: ARG001
    if rng.random() < 0.2:
        return str(rng.randint(10000000, 3999999999))
    return str(fake.user_name()) + rng.choice(["", str(rng.randint(1, 999))])


# --- items -------------------------------------------------------------------------
_FRAMES = {
    "ja": [
        "{s}に連絡してください。",
        "{h}前から、{s}で連絡を取っています。",
        "仲介者の連絡先は{s}です。{h}を要求されました。",
        "{h}に{s}を教えてもらいました。",
        "本人の{s}は、{h}に変わったかもしれません。",
    ],
    "ko": [
        "{s}로 연락 주세요.",
        "{h} 전부터 {s}로 연락하고 있어요.",
        "브로커 연락처는 {s}입니다. {h}을 요구했어요.",
        "{h}에 {s}을 받았습니다.",
        "본인의 {s}은 {h}에 바뀌었을 수도 있어요.",
    ],
    "zh_Hans": [
        "请联系{s}。",
        "{h}以来一直用{s}联系。",
        "中介的联系方式是{s}，要{h}。",
        "{h}的时候拿到了{s}。",
        "本人的{s}，{h}可能换了。",
    ],
}
_LABEL = {
    "id_number": {"ja": "マイナンバー", "ko": "주민등록번호", "zh_Hans": "身份证号"},
    "passport": {"ja": "旅券番号", "ko": "여권번호", "zh_Hans": "护照号码"},
    "card": {"ja": "カード番号", "ko": "카드번호", "zh_Hans": "银行卡号"},
    "coordinates": {"ja": "位置", "ko": "위치", "zh_Hans": "位置"},
}

Generator = Callable[[random.Random, Faker, str], str]
_GENERATORS: dict[str, Generator] = {
    "phone": _phone,
    "email": _email,
    "url": _url,
    "handle": _handle,
    "messenger_id": _messenger,
    "id_number": _id_number,
    "passport": _passport,
    "card": _card,
    "coordinates": _coordinates,
}


_REMARK_FRAMES = {
    "ja": ["{s}（{h}に聞いた）", "{s} {h}に聞きました。"],
    "ko": ["{s} ({h}에 들었어요)", "{s} {h}에 받았어요."],
    "zh_Hans": ["{s}（{h}听说的）", "{s} {h}拿到的。"],
}


def _structured_item(
    rng: random.Random,
    fake: Faker,
    locale: str,
    kinds: list[str],
    frames: dict[str, list[str]] = _FRAMES,
    harmless: Callable[[random.Random, str], str] = _harmless,
) -> Item:
    pieces: list[str] = []
    secrets: list[tuple[str, str]] = []
    for kind in kinds:
        secret = _GENERATORS[kind](rng, fake, locale)
        secrets.append((kind, secret))
        if kind == "messenger_id":
            pieces.append(rng.choice(_APP_LABELS[locale]) + secret)
        elif kind in _LABEL:
            pieces.append(f"{_LABEL[kind][locale]} {secret}")
        else:
            pieces.append(secret)
    joiner = {"ja": "、", "ko": ", ", "zh_Hans": "，"}[locale]
    number = harmless(rng, locale)
    frame = rng.choice(frames[locale])
    text = frame.format(s=joiner.join(pieces), h=number)
    return Item(locale, text, tuple(secrets), (number,) if "{h}" in frame else ())


def _strip_province(address: str, locale: str) -> str:
    """The part of a Faker address below province level: the secret."""
    if locale == "ko":
        return address.split(" ", 1)[1]
    if locale == "ja":  # 東京都, 北海道, 京都府, 神奈川県: the prefecture ends at its suffix
        ends = [address.find(s, 1, 5) + 1 for s in "都道府県" if address.find(s, 1, 5) > 0]
        return address[max(ends) :] if ends else address
    for suffix in ("特别行政区", "自治区", "省", "市"):
        index = address.find(suffix)
        if 0 < index <= 6:
            return address[index + len(suffix) :]
    return address


_NAME_FRAMES = {
    "ja": [
        "名前：{n}",
        "{n}さんに相談しました。",
        "私は{n}と申します。",
        "私は{n}です。{h}に連絡しました。",
        "仲介者の{n}様から{h}を要求されました。",
        "{n}です。よろしくお願いします。",
    ],
    "ko": [
        "이름: {n}",
        "{n} 씨가 {h}에 도와줬어요.",
        "저는 {n}입니다.",
        "{n}이라고 합니다.",
        "브로커 {n} 씨가 {h}을 요구했어요.",
        "제 이름은 {n}입니다.",
    ],
    "zh_Hans": [
        "姓名：{n}",
        "我叫{n}，{h}来的。",
        "我是{n}，请帮帮我们。",
        "她叫{n}。",
        "中介{n}先生要{h}。",
        "联系人是{n}女士。",
    ],
}
_ADDRESS_FRAMES = {
    "ja": ["住所は{a}です。", "{h}から{a}に住んでいます。", "{a}に送ってください。"],
    "ko": ["주소는 {a} 입니다.", "{h}부터 {a}에 살아요.", "{a}로 보내 주세요."],
    "zh_Hans": ["地址是{a}。", "{h}起住在{a}。", "请寄到{a}。"],
}


def _birthdate_text(rng: random.Random, born: date, locale: str) -> tuple[str, str]:
    """A birth date written as people write it, and the frame around it."""
    y, m, d = born.year, born.month, born.day
    forms = {
        "ja": [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}-{m:02d}-{d:02d}"],
        "ko": [f"{y}년 {m}월 {d}일", f"{y}.{m:02d}.{d:02d}", f"{y}-{m:02d}-{d:02d}"],
        "zh_Hans": [f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}"],
    }
    frames = {
        "ja": ["生年月日：{b}", "{b}生まれです。", "母は{b}に生まれました。"],
        "ko": ["생년월일: {b}", "{b}에 태어났어요.", "생일은 {b}입니다."],
        "zh_Hans": ["出生日期：{b}", "她{b}出生。", "生日是{b}。"],
    }
    return rng.choice(forms[locale]), rng.choice(frames[locale])


_PLACE_FRAMES = {
    "ja": [
        "{k}の{p}に住んでいます。",
        "{p}の駅前で{h}に会いました。",
        "今は{k}、{p}の近くにいます。",
    ],
    "ko": ["{k} {p}에 살고 있어요.", "{p} 근처에서 {h}에 만났어요.", "지금 {k} {p}에 있어요."],
    "zh_Hans": ["她在{k}{p}。", "我们{h}在{p}火车站见面。", "现在在{k}{p}附近。"],
}


def _in_script(name: str, locale: str) -> bool:
    hangul = "\uac00" <= name[0] <= "\ud7a3"
    return hangul if locale == "ko" else not hangul


def _place(rng: random.Random, fake: Faker, locale: str) -> str:
    """A place below province level: Faker's municipalities (Chinese: its districts),
    or a North Korean or Chinese border town of the curated list, or a romanised one."""
    roll = rng.random()
    if roll < 0.1:
        return rng.choice(curated.ROMANISED)
    if roll < 0.5:
        names = [n for row in curated.PLACES for n in row if _in_script(n, locale)]
        return rng.choice(names)
    if locale == "zh_Hans":
        # Faker's city names, less the province-level ones (上海, 澳门, 台湾's).
        name = str(fake.city_name())
        while any(p.startswith(name[:2]) for p in _ZH_PROVINCES) or name in _TAIWAN:
            name = str(fake.city_name())
        return f"{name}市"
    return str(fake.city())


_ZH_PROVINCES = ZhAddress.provinces
# Taiwan's cities: the Chinese division codes list Taiwan as a province only.
_TAIWAN = frozenset({"台北", "高雄", "台中", "台南", "基隆", "新竹", "嘉义"})


def _reported_item(rng: random.Random, fake: Faker, locale: str, kind: str) -> Item:
    harmless = _harmless(rng, locale)
    if kind == "place":
        place, province = _place(rng, fake, locale), str(fake.administrative_unit())
        frame = rng.choice(_PLACE_FRAMES[locale])
        text = frame.format(p=place, k=province, h=harmless)
        keep = tuple(k for k, slot in ((province, "{k}"), (harmless, "{h}")) if slot in frame)
        return Item(locale, text, (("place", place),), keep)
    if kind == "name":
        name = str(fake.name())
        if locale == "ja" and rng.random() < 0.5:
            name = name.replace(" ", "")
        frame = rng.choice(_NAME_FRAMES[locale])
        text = frame.format(n=name, h=harmless)
        return Item(locale, text, (("name", name),), (harmless,) if "{h}" in frame else ())
    if kind == "address":
        address = str(fake.address())
        secret = _strip_province(address, locale)
        frame = rng.choice(_ADDRESS_FRAMES[locale])
        text = frame.format(a=address, h=harmless)
        return Item(locale, text, (("address", secret),), (harmless,) if "{h}" in frame else ())
    born = fake.date_of_birth(minimum_age=1, maximum_age=95)
    written, frame = _birthdate_text(rng, born, locale)
    return Item(locale, frame.format(b=written), (("birthdate", written),), ())


_CLEAN_FRAMES = {
    "ja": [
        "{h}に中国に渡りました。",
        "仲介者は{h}を要求しています。",
        "祖母は{h}で、{h2}の記録があります。",
        "{h}から{h2}まで連絡がありませんでした。",
        "お母さんと先生に相談し、{h}に返事をもらいました。",
        "{h}の時点で、家族は{h2}です。",
    ],
    "ko": [
        "{h}에 중국으로 건너갔어요.",
        "브로커가 {h}을 요구하고 있어요.",
        "할머니는 {h}이고, {h2} 기록이 있어요.",
        "{h}부터 {h2}까지 연락이 없었어요.",
        "어머니와 선생님께 상담했고 {h}에 답을 받았어요.",
        "{h} 기준으로 가족은 {h2}입니다.",
    ],
    "zh_Hans": [
        "{h}去了中国。",
        "中介要{h}。",
        "奶奶{h}，有{h2}的记录。",
        "从{h}到{h2}一直没有联系。",
        "我先生和老师商量后，{h}得到了答复。",
        "{h}的时候，家里有{h2}。",
    ],
}


def _clean_item(
    rng: random.Random, locale: str, harmless: Callable[[random.Random, str], str] = _harmless
) -> Item:
    h, h2 = harmless(rng, locale), harmless(rng, locale)
    frame = rng.choice(_CLEAN_FRAMES[locale])
    keep = (h, h2) if "{h2}" in frame else (h,)
    return Item(locale, frame.format(h=h, h2=h2), (), keep)


def build(seed: int = 20260501, per_locale: int = 560, second: int = 240) -> list[Item]:
    """The corpus: ``per_locale`` items per language, of which 160 clean, then ``second``
    more of the second round (issue 11): places below province level (a third), clean
    sentences (a third) and identifiers with a remark after them (a third), both full of
    the harmless numbers of ``_harmless_more``. The first round's items are the same as
    before it was added: the second round draws from a random stream of its own."""
    items: list[Item] = []
    first_reported = tuple(kind for kind in REPORTED if kind != "place")
    for locale in LOCALES:
        rng = random.Random(f"{seed}-{locale}")
        fake = Faker(_FAKER_LOCALE[locale])
        fake.seed_instance(seed)
        for index in range(per_locale):
            if index < 160:
                items.append(_clean_item(rng, locale))
            elif index < 160 + 90 * len(first_reported):
                kind = first_reported[(index - 160) % len(first_reported)]
                items.append(_reported_item(rng, fake, locale, kind))
            else:
                count = rng.choice([1, 1, 2, 3])
                kinds = [STRUCTURED[(index + k) % len(STRUCTURED)] for k in range(count)]
                items.append(_structured_item(rng, fake, locale, kinds))
        rng = random.Random(f"{seed}-{locale}-second")
        for index in range(second):
            if index % 3 == 0:
                items.append(_reported_item(rng, fake, locale, "place"))
            elif index % 3 == 1:
                items.append(_clean_item(rng, locale, _harmless_more))
            else:
                kinds = [STRUCTURED[index % len(STRUCTURED)]]
                item = _structured_item(rng, fake, locale, kinds, _REMARK_FRAMES, _harmless_more)
                items.append(item)
    return items
