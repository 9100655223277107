"""Rule conditions evaluated over answers."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from bot.flow.conditions import Answer, holds
from bot.flow.model import Condition

KINDS = {"place": "single", "threats": "multi", "note": "text"}
ANSWERS: dict[str, Answer] = {"place": "china", "threats": ["arrest", "illness"], "note": "x"}
parse_condition: TypeAdapter[Condition] = TypeAdapter(Condition)


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"field": "place", "equals": "china"}, True),
        ({"field": "place", "equals": "japan"}, False),
        ({"field": "threats", "equals": "arrest"}, True),
        ({"field": "threats", "equals": "forced_return"}, False),
        ({"field": "place", "in": ["japan", "china"]}, True),
        ({"field": "threats", "in": ["forced_return", "illness"]}, True),
        ({"field": "place", "not_in": ["japan"]}, True),
        ({"field": "threats", "not_in": ["illness"]}, False),
        ({"field": "custody", "not_in": ["detained"]}, False),  # unanswered: nothing holds
        ({"field": "custody", "equals": "detained"}, False),
        ({"answered": "note"}, True),
        ({"answered": "custody"}, False),
        ({"all": [{"answered": "note"}, {"field": "place", "equals": "china"}]}, True),
        ({"all": [{"answered": "note"}, {"field": "place", "equals": "japan"}]}, False),
        ({"any": [{"answered": "custody"}, {"field": "place", "equals": "china"}]}, True),
        ({"not": {"answered": "custody"}}, True),
        ({"not": {"any": [{"answered": "note"}]}}, False),
    ],
)
def test_holds(condition: dict[str, Any], expected: bool) -> None:
    assert holds(parse_condition.validate_python(condition), ANSWERS, KINDS) is expected
