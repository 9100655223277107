"""The held-out corpus: hand-written sentences the scrubber is measured on, never tuned on.

Each ``<locale>.yaml`` in this folder is a list of items ``{text, secrets: [[kind, span],
...], keep: [...]}`` written independently of the rules and frozen before any tuning (see
README.md here). :func:`load` turns them into the :class:`~tests.scrub.corpus.Item` of the
tuning corpus, so one strict scoring (``tests/scrub/scoring.py``) serves both corpora.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

import yaml

from bot.scrub.kinds import KINDS
from tests.scrub.corpus import LOCALES, REPORTED, STRUCTURED, Item

__all__ = ["HELDOUT_KINDS", "PLACE", "load"]

_HERE: Final = Path(__file__).parent

# Places below province level are labelled with this kind, the code issue 11 gives the new
# place kind in bot/scrub/kinds.py. It is named here as well so that the corpus, frozen
# before the rules, does not depend on when that kind lands; a rename is mapped here.
PLACE: Final = "place"

# Every kind the corpus labels, in the order the benchmark reports them.
HELDOUT_KINDS: Final = tuple(dict.fromkeys((*STRUCTURED, *REPORTED, PLACE)))
_KNOWN: Final = frozenset((*KINDS, PLACE))


def load(locales: Iterable[str] = LOCALES) -> list[Item]:
    """Read the held-out items of ``locales`` (all three by default), in file order.

    Raises:
        ValueError: an item is not shaped ``{text, secrets, keep}`` or names an unknown
            kind (where its spans sit in the text is checked by ``test_heldout.py``).
    """
    items: list[Item] = []
    for locale in locales:
        path = _HERE / f"{locale}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError(f"{path.name}: expected a list of items")
        items.extend(_item(locale, raw, f"{path.name} item {n}") for n, raw in enumerate(data, 1))
    return items


def _item(locale: str, raw: object, where: str) -> Item:
    if not isinstance(raw, dict) or set(raw) != {"text", "secrets", "keep"}:
        raise ValueError(f"{where}: expected exactly the keys text, secrets, keep")
    text, secrets, keep = raw["text"], raw["secrets"], raw["keep"]
    if not isinstance(text, str) or not text:
        raise ValueError(f"{where}: text must be a non-empty string")
    if not isinstance(secrets, list) or not isinstance(keep, list):
        raise ValueError(f"{where}: secrets and keep must be lists")
    pairs: list[tuple[str, str]] = []
    for secret in secrets:
        if (
            not isinstance(secret, list)
            or len(secret) != 2
            or not all(isinstance(part, str) and part for part in secret)
        ):
            raise ValueError(f"{where}: a secret must be [kind, span], both non-empty strings")
        kind, span = secret
        if kind not in _KNOWN:
            raise ValueError(f"{where}: unknown kind {kind!r}")
        pairs.append((kind, span))
    if not all(isinstance(part, str) and part for part in keep):
        raise ValueError(f"{where}: keep must hold non-empty strings")
    return Item(locale=locale, text=text, secrets=tuple(pairs), keep=tuple(keep))
