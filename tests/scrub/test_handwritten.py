"""The hand-written corpora are well formed: every label can be scored the way scoring.py reads it.

Every folder is checked: ``heldout/`` (measured on, never tuned on), ``natural/``,
``focused/`` and ``stories/`` (tuned on). These tests check the data, never the scrubber's
score on it: the figures are reported by ``make bench`` (benchmarks/bench_scrub.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.scrub import focused, heldout, natural, stories
from tests.scrub.corpus import LOCALES, Item
from tests.scrub.handwritten import HANDWRITTEN_KINDS, PLACE, load


@dataclass(frozen=True)
class _Shape:
    """What a folder promises: items per language, a share of clean ones, and whether
    every kind is labelled (the focused and stories corpora label the kinds the first two
    left short, names, places, addresses and birthdates, and only some structured ones)."""

    folder: Path
    items: int
    clean: float
    broad: bool


_SHAPES = {
    "heldout": _Shape(heldout.FOLDER, 200, 0.2, broad=True),
    "natural": _Shape(natural.FOLDER, 200, 0.2, broad=True),
    "focused": _Shape(focused.FOLDER, 200, 0.12, broad=False),
    "stories": _Shape(stories.FOLDER, 150, 0.12, broad=False),
}
_FOLDERS = {name: shape.folder for name, shape in _SHAPES.items()}


@pytest.fixture(scope="module", params=sorted(_FOLDERS))
def folder(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def items(folder: str) -> list[Item]:
    return load(_FOLDERS[folder])


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_enough_items(folder: str, items: list[Item], locale: str) -> None:
    assert sum(1 for item in items if item.locale == locale) >= _SHAPES[folder].items


@pytest.mark.parametrize("locale", LOCALES)
def test_a_share_of_each_language_is_clean(folder: str, items: list[Item], locale: str) -> None:
    mine = [item for item in items if item.locale == locale]
    clean = sum(1 for item in mine if not item.secrets)
    assert _SHAPES[folder].clean <= clean / len(mine) <= 0.3, (clean, len(mine))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_kind_is_labelled_several_times_in_each_language(
    folder: str, items: list[Item], locale: str
) -> None:
    # A kind seen once or twice gives a recall of 0, 50 or 100 %, which says nothing.
    seen = Counter(kind for item in items if item.locale == locale for kind, _ in item.secrets)
    if _SHAPES[folder].broad:
        assert set(seen) == set(HANDWRITTEN_KINDS)
        assert min(seen.values()) >= 4, seen
    else:
        assert set(seen) <= set(HANDWRITTEN_KINDS)
        assert min(seen[kind] for kind in ("name", "address", "birthdate", PLACE)) >= 4, seen
    # Names and places are what the first corpus lacked; they carry the weight here.
    assert seen["name"] >= 50, seen
    assert seen[PLACE] >= 50, seen


def test_secrets_occur_verbatim_in_the_order_scoring_reads_them(items: list[Item]) -> None:
    # scoring.score finds each secret with text.index(span, end of the previous one): a
    # span listed out of order, or found earlier than meant, would score the wrong place.
    for item in items:
        pos = 0
        for kind, span in item.secrets:
            assert span == span.strip(), (item.text, span)
            assert span in item.text[pos:], (item.text, kind, span)
            pos = item.text.index(span, pos) + len(span)


def test_keep_spans_occur_and_never_overlap_a_secret(items: list[Item]) -> None:
    for item in items:
        secret_chars: set[int] = set()
        pos = 0
        for _, span in item.secrets:
            start = item.text.index(span, pos)
            pos = start + len(span)
            secret_chars.update(range(start, pos))
        for keep in item.keep:
            assert keep in item.text, (item.text, keep)
            start = item.text.index(keep)  # the occurrence scoring checks
            assert not secret_chars & set(range(start, start + len(keep))), (item.text, keep)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_string_is_both_a_secret_and_a_harmless_span(items: list[Item], locale: str) -> None:
    mine = [item for item in items if item.locale == locale]
    secrets = {span for item in mine for _, span in item.secrets}
    keeps = {keep for item in mine for keep in item.keep}
    # A bare number may be a house number in one item and an age in another.
    assert {span for span in secrets & keeps if not span.isdigit()} == set()


def test_every_text_is_written_once(items: list[Item]) -> None:
    texts = Counter((item.locale, item.text) for item in items)
    assert [text for text, n in texts.items() if n > 1] == []


def test_the_corpora_hold_different_sentences() -> None:
    # A sentence in a tuning corpus and the held-out one would be tuned on and still
    # counted as held out; one in both tuning corpora would be counted twice.
    texts = {
        name: {(item.locale, item.text) for item in load(path)} for name, path in _FOLDERS.items()
    }
    names = sorted(texts)
    for n, one in enumerate(names):
        for other in names[n + 1 :]:
            assert not texts[one] & texts[other], (one, other)


def test_load_rejects_an_unknown_kind(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ja.yaml").write_text(
        '- text: "姉の住所"\n  secrets: [[street, "住所"]]\n  keep: []\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match="unknown kind 'street'"):
        load(folder, ["ja"])
