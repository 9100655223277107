"""The shortcuts the phone detector takes before asking libphonenumber are sound."""

from __future__ import annotations

import re
from itertools import product

import phonenumbers
from phonenumbers import PhoneMetadata

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
