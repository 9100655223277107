"""Hand-written labelled corpora: a folder of ``<locale>.yaml`` lists of items.

Two folders use this shape: ``heldout/`` (measured on, never tuned on) and ``natural/``
(hand-written too, and tuned on). Each item is ``{text, secrets: [[kind, span], ...],
keep: [...]}``; :func:`load` turns a folder into the :class:`~tests.scrub.corpus.Item` of
the generated corpus, so one strict scoring (``tests/scrub/scoring.py``) serves all three.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

import yaml

from bot.scrub.kinds import KINDS
from tests.scrub.corpus import LOCALES, REPORTED, STRUCTURED, Item

__all__ = ["HANDWRITTEN_KINDS", "PLACE", "load"]

# Places below province level are labelled with this kind, the code issue 11 gives the new
# place kind in bot/scrub/kinds.py. It is named here as well so that the corpora, frozen
# before the rules, do not depend on when that kind lands; a rename is mapped here.
PLACE: Final = "place"

# Every kind the corpora label, in the order the benchmark reports them.
HANDWRITTEN_KINDS: Final = tuple(dict.fromkeys((*STRUCTURED, *REPORTED, PLACE)))
_KNOWN: Final = frozenset((*KINDS, PLACE))


def load(folder: Path, locales: Iterable[str] = LOCALES) -> list[Item]:
    """Read the items of ``locales`` (all three by default) from ``folder``, in file order.

    Raises:
        ValueError: an item is not shaped ``{text, secrets, keep}`` or names an unknown
            kind (where its spans sit in the text is checked by ``test_handwritten.py``).
    """
    items: list[Item] = []
    for locale in locales:
        path = folder / f"{locale}.yaml"
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
