"""The shortcuts the phone detector takes before asking libphonenumber are sound."""

from __future__ import annotations

import re
from itertools import product

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import Leniency, PhoneMetadata, PhoneNumberMatcher

from bot.scrub import phones
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
        prefix = draw(st.sampled_from(["", "86", "81", "82", "1179", "1212", "1", "8"]))
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
    if phones._guard_decides(run):
        spans = [
            (m.start, m.end) for m in PhoneNumberMatcher(run, region, leniency=Leniency.VALID)
        ]
        assert spans in ([], [(0, len(run))])


def test_a_plain_mobile_number_is_removed_whole_without_the_matcher() -> None:
    view = build_view("电话13812345678，")
    assert phones._guard_decides("13812345678")
    assert [(f.start, f.end) for f in find_phones(view, "zh_Hans")] == [(2, 13)]
