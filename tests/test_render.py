"""Rendering in each language's own typography, and the deployment's figures in flow texts."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

import pytest

from bot.config import Settings
from bot.engine import inputs as i
from bot.engine.advance import advance, start
from bot.engine.compiled import CompiledFlow, compile_flow
from bot.engine.outcome import Outcome
from bot.flow.loader import check_bytes, check_file
from bot.render import Keeping, Renderer
from bot.scrub import kind_label
from tests.support.engine import ROOT, catalogs, context


@cache
def border() -> CompiledFlow:
    result = check_file(ROOT / "tests" / "flow" / "conditional.yaml")
    assert result.flow is not None, [p.render() for p in result.problems]
    return compile_flow(result.flow)


def renderer(compiled: CompiledFlow, keeping: Keeping | None = None) -> Renderer:
    keeping = keeping or Keeping.of(Settings.session_ttl, Settings.case_retention)
    return Renderer(compiled, catalogs(), kind_label, keeping=keeping)


def at_review(locale: str) -> Outcome:
    """In China, Jilin; a family register and letters; contact yes: the review screen."""
    outcome = start(border(), locale, context())
    steps: list[i.Input] = [
        i.Choose("china"),
        i.Choose("jilin"),
        i.Toggle("koseki"),
        i.Toggle("letters"),
        i.Done(),
        i.Choose("yes"),
    ]
    for event in steps:
        outcome = advance(border(), outcome.session, event, context())
    assert outcome.session is not None
    assert outcome.session.step == "review"
    return outcome


@pytest.mark.parametrize(
    ("locale", "country", "evidence"),
    [
        # Japanese: the katakana middle dot and a full-width colon; items joined with 、
        ("ja", "・国：中国", "・証拠：戸籍、手紙・写真"),
        # Korean: a bullet, an ASCII colon and comma, as Korean text writes them
        ("ko", "• 국가: 중국", "• 증거: 호적, 편지·사진"),
        # Chinese: a full-width colon; items joined with ； since labels use 、 inside
        ("zh_Hans", "• 国家：中国", "• 证据：户籍；信件、照片"),
    ],
)
def test_the_review_writes_each_language_its_own_way(
    locale: str, country: str, evidence: str
) -> None:
    review = renderer(border()).render(at_review(locale), locale)[-1].text
    lines = review.splitlines()
    assert country in lines
    assert evidence in lines


def with_welcome(text: str) -> CompiledFlow:
    source = (ROOT / "tests" / "flow" / "minimal.yaml").read_text("utf-8")
    source = source.replace(
        "text: {ja: ようこそ, ko: 환영합니다, zh_Hans: 欢迎}",
        f'text: {{ja: "{text}", ko: "{text}", zh_Hans: "{text}"}}',
    )
    result = check_bytes(source.encode(), "minimal.yaml")
    assert result.flow is not None, [p.render() for p in result.problems]
    return compile_flow(result.flow)


def test_a_flow_text_says_how_long_things_are_kept() -> None:
    flow = with_welcome("{keep_hours}h {keep_days}d")
    keeping = Keeping.of(timedelta(hours=48), timedelta(days=30))
    welcome = renderer(flow, keeping).render(start(flow, "ko", context()), "ko")[0]
    assert welcome.text == "48h 30d"
