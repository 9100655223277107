"""The shortcuts the phone detector takes before asking libphonenumber are sound."""

from __future__ import annotations

import re
from itertools import product

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import Leniency, PhoneMetadata, PhoneNumberMatcher

from bot.scrub import phones, scrub
from bot.scrub.normalize import build_view
from bot.scrub.phones import HOME_REGION, IDD_MIN_DIGITS, WORLD_MIN_DIGITS, find_phones


def _shortest(metadata: PhoneMetadata) -> int:
    assert metadata.general_desc is not None
    return min(metadata.general_desc.possible_length)


def test_world_min_digits_matches_the_metadata() -> None:
    lengths = []
    for region in phonenumbers.SUPPORTED_REGIONS:
        metadata = PhoneMetadata.metadata_for_region(region)
        assert metadata is not None
        lengths.append(len(str(metadata.country_code)) + _shortest(metadata))
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        metadata = PhoneMetadata.metadata_for_nongeo_region(code)
        assert metadata is not None
        lengths.append(len(str(code)) + _shortest(metadata))
    assert min(lengths) >= WORLD_MIN_DIGITS


def test_home_international_prefixes_have_at_least_idd_min_digits() -> None:
    for region in HOME_REGION.values():
        metadata = PhoneMetadata.metadata_for_region(region)
        assert metadata is not None
        assert metadata.international_prefix is not None
        prefix = re.compile(metadata.international_prefix)
        for length in range(IDD_MIN_DIGITS):
            for digits in product("0123456789", repeat=length):
                assert prefix.fullmatch("".join(digits)) is None


def test_claimed_spans_are_skipped_and_the_rest_found() -> None:
    view = build_view("カード 4111111111111111 と 090-1234-5678")
    card = view.norm.index("4111")
    claimed = [(card, card + 16)]
    found = [(f.start, f.end) for f in find_phones(view, "ja", claimed=claimed)]
    assert found == [(view.norm.index("090"), len(view.norm))]
    assert (card, card + 16) in [(f.start, f.end) for f in find_phones(view, "ja")]


def test_a_unit_after_a_number_with_a_leading_zero_does_not_make_it_a_quantity() -> None:
    # Found by test_properties.py: "090-1234-5678 %" was read as a percentage in ko and
    # zh_Hans, "13123456789 m" as a length in ja and ko (neither is a valid number there,
    # so only the guard sees them).
    for locale in ("ja", "ko", "zh_Hans"):
        view = build_view(" 090-1234-5678 %")
        assert [(f.start, f.end) for f in find_phones(view, locale)] == [(1, 14)]
        view = build_view(" 13123456789 m")
        assert [(f.start, f.end) for f in find_phones(view, locale)] == [(1, 12)]
        kept = build_view("2019-2020年に 300000円")
        assert list(find_phones(kept, locale)) == []


def _example_digits(region: str) -> list[str]:
    """National numbers of every type libphonenumber has an example of for ``region``."""
    metadata = PhoneMetadata.metadata_for_region(region)
    assert metadata is not None
    found = []
    for name in phones._NUMBER_TYPES:
        desc = getattr(metadata, name)
        if desc is not None and desc.example_number:
            found.append(desc.example_number)
    return found


def _runs_near_real_numbers() -> st.SearchStrategy[tuple[str, str]]:
    """A home region and a plain digit run: an example number of it, cut, changed or led
    by its country code or another prefix, or any run of digits."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, str]:
        region = draw(st.sampled_from(sorted(HOME_REGION.values())))
        digits = st.text(alphabet="0123456789", min_size=1, max_size=12)
        example = draw(st.sampled_from(_example_digits(region)))
        changed = list(example)
        for _ in range(draw(st.integers(0, 3))):
            changed[draw(st.integers(0, len(changed) - 1))] = draw(st.sampled_from("0123456789"))
        prefix = draw(st.sampled_from(["", "0", "86", "81", "82", "1179", "1212", "1", "8"]))
        run = draw(
            st.one_of(
                st.just(prefix + "".join(changed)),
                st.just("".join(changed)[draw(st.integers(0, 3)) :]),
                digits,
            )
        )
        return region, run

    return build()


@settings(max_examples=2000, deadline=None)
@given(_runs_near_real_numbers())
def test_a_run_said_never_valid_holds_no_valid_number(case: tuple[str, str]) -> None:
    region, run = case
    if phones._never_valid(run, region):
        assert list(PhoneNumberMatcher(run, region, leniency=Leniency.VALID)) == []


def test_amounts_skip_the_matcher_and_real_numbers_do_not() -> None:
    for region in HOME_REGION.values():
        for amount in ("3000000", "1500000", "300000", "50000", "12000"):
            assert phones._never_valid(amount, region), (region, amount)
    assert not phones._never_valid("13812345678", "CN")
    assert not phones._never_valid("09012345678", "JP")  # a leading 0: always asked
    for region in HOME_REGION.values():
        for example in _example_digits(region):
            assert not phones._never_valid(example, region), (region, example)


@settings(max_examples=2000, deadline=None)
@given(_runs_near_real_numbers())
def test_the_matcher_finds_nothing_or_all_of_a_run_the_guard_decides_about(
    case: tuple[str, str],
) -> None:
    region, run = case
    for piece in (run, f"+{run}"):
        if phones._guard_decides(piece, region):
            spans = [
                (m.start, m.end)
                for m in PhoneNumberMatcher(piece, region, leniency=Leniency.VALID)
            ]
            assert spans in ([], [(0, len(piece))])


def test_a_plain_mobile_number_is_removed_whole_without_the_matcher() -> None:
    view = build_view("电话13812345678，")
    assert phones._guard_decides("13812345678", "CN")
    assert [(f.start, f.end) for f in find_phones(view, "zh_Hans")] == [(2, 13)]


def _grouped_near_real_numbers() -> st.SearchStrategy[tuple[str, str]]:
    """A home region and a piece of digit groups: runs near real numbers (above), amounts,
    years and decimals, joined by the separators the phone detector lets through."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, str]:
        region, run = draw(_runs_near_real_numbers())
        # Split one run near a real number into groups, or join several runs and others.
        pieces = [run]
        if draw(st.booleans()) and len(run) > 2:
            cuts = sorted(draw(st.sets(st.integers(1, len(run) - 1), max_size=3)))
            pieces = [run[i:j] for i, j in zip([0, *cuts], [*cuts, len(run)], strict=True)]
        others = st.sampled_from(
            ["3000000", "1500000-3000000", "18", "1", "113.6646", "2010/01-2011/03", "6167"]
        )
        for _ in range(draw(st.integers(0, 2))):
            pieces.insert(draw(st.integers(0, len(pieces))), draw(others))
        seps = st.sampled_from([" ", "-", ".", "/", " - ", ". "])
        piece = pieces[0]
        for part in pieces[1:]:
            piece += draw(seps) + part
        return region, piece

    return build()


@settings(max_examples=1500, deadline=None)
@given(_grouped_near_real_numbers())
def test_a_grouped_piece_said_never_valid_holds_no_valid_number(case: tuple[str, str]) -> None:
    region, piece = case
    if phones._never_valid_grouped(piece, region):
        assert list(PhoneNumberMatcher(piece, region, leniency=Leniency.VALID)) == []


def test_grouped_amounts_and_cards_skip_the_matcher_and_real_numbers_do_not() -> None:
    # Seen in the benchmark's notes: a card number and an amount range after it, a
    # coordinate and the digits of a remark after it.
    assert phones._never_valid_grouped("6167 3744 2269 1500000-3000000", "JP")
    assert phones._never_valid_grouped("113.6646 8", "JP")
    assert phones._never_valid_grouped("124.3554 9", "KR")
    assert phones._never_valid_grouped("101.56042 12000-24000", "CN")
    assert not phones._never_valid_grouped("090-1234-5678", "JP")
    assert not phones._never_valid_grouped("138 1234 5678", "CN")
    assert not phones._never_valid_grouped("+81 90 1234 5678", "JP")
    assert not phones._never_valid_grouped("03(1234)5678", "JP")
    for region in HOME_REGION.values():
        metadata = PhoneMetadata.metadata_for_region(region)
        assert metadata is not None
        for example in _example_digits(region):
            written = f"{metadata.national_prefix}{example}"
            grouped = f"{written[:3]} {written[3:7]} {written[7:]}".strip()
            assert not phones._never_valid_grouped(grouped, region), (region, grouped)


def test_numbers_without_the_national_prefix_they_need_skip_the_matcher() -> None:
    # A coordinate and a remark after it, read as a Japanese or Korean number written
    # without its leading 0; Chinese mobile numbers are written without one.
    for piece, region in (
        ("312 3456 78", "JP"),
        ("126.00003 9", "JP"),
        ("107.6200 50", "KR"),
        ("840727-2571654 50000-100000", "KR"),
    ):
        assert list(PhoneNumberMatcher(piece, region, leniency=Leniency.VALID)) == []
        assert phones._never_valid_grouped(piece, region), piece
    for piece, region in (("031 2345 678", "JP"), ("131 2345 6789", "CN")):
        assert not phones._never_valid_grouped(piece, region), piece


@settings(max_examples=1500, deadline=None)
@given(_grouped_near_real_numbers())
def test_the_matcher_finds_nothing_or_all_of_a_grouped_piece_the_guard_decides_about(
    case: tuple[str, str],
) -> None:
    region, piece = case
    if phones._guard_decides(piece, region):
        spans = [
            (m.start, m.end) for m in PhoneNumberMatcher(piece, region, leniency=Leniency.VALID)
        ]
        assert spans in ([], [(0, len(piece))])


def test_phone_numbers_in_groups_are_removed_whole_without_the_matcher() -> None:
    # The national forms of the home regions: no part of them is a number of its own.
    for locale, number in (
        ("ja", "090-9614-2579"),
        ("ko", "010-1234-5678"),
        ("zh_Hans", "131 2345 6789"),
    ):
        assert phones._guard_decides(number, HOME_REGION[locale]), number
        view = build_view(f"番号 {number} です")
        assert [(f.start, f.end) for f in find_phones(view, locale)] == [(3, 3 + len(number))]
    # A bracket, a "+" or an international prefix: the matcher is asked.
    for piece in ("03(1234)5678", "+81 90 1234 5678", "010 82 2 1234 5678"):
        assert not phones._guard_decides(piece, "JP"), piece


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("ko", "중국 집전화 (0433)2718-5546 이고", "중국 집전화 [전화번호] 이고"),
        ("zh_Hans", "或者打 (0433) 285 6173，找她", "或者打 ［电话号码］，找她"),
        ("ja", "電話（03）1234-5678です", "電話［電話番号］です"),
        # A bracket around the whole number is the writer's, and stays.
        ("ja", "母の携帯(090-1234-5678)まで", "母の携帯(［電話番号］)まで"),
    ],
)
def test_an_area_code_in_brackets_goes_with_its_bracket(
    locale: str, text: str, expected: str
) -> None:
    assert scrub(text, locale).text == expected


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("zh_Hans", "案件编号 ZH-2024-0387，来源：电话"),
        ("ko", "접수번호 KR-2026-0417 관련 추가 정보"),
    ],
)
def test_a_case_number_is_no_phone(locale: str, text: str) -> None:
    assert scrub(text, locale).text == text
