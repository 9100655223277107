"""Building the case stub from a finished session: pure, from the flow and the answers.

Only answers on the path actually taken count (a branch left by going back leaves no
trace); the first triage rule that holds sets the priority; the region joins the region
fields' codes; contact consent follows the flow's rule.
"""

from __future__ import annotations

from datetime import datetime

from bot.engine.buttons import answered_path_fields
from bot.engine.compiled import CompiledFlow
from bot.engine.session import Session
from bot.flow.conditions import holds
from bot.stub import CaseStub


def build_stub(
    compiled: CompiledFlow, session: Session, *, reference: str, created: datetime
) -> CaseStub:
    flow = compiled.flow
    fields = answered_path_fields(compiled, session)
    answers = {f: session.answers[f] for f in fields if f in session.answers}
    priority = next(
        (rule.priority for rule in flow.triage if holds(rule.when, answers, compiled.kinds)),
        "normal",
    )
    region = "/".join(str(answers[f]) for f in flow.region if isinstance(answers.get(f), str))
    contact = flow.contact_consent is not None and holds(
        flow.contact_consent, answers, compiled.kinds
    )
    return CaseStub(
        reference=reference,
        flow_id=flow.id,
        flow_version=flow.version,
        locale=session.locale,
        created=created,
        priority=priority,
        region=region,
        contact=contact,
        answers={
            f: tuple(v) if isinstance(v, list) else v
            for f, v in answers.items()
            if compiled.kinds[f] != "text"
        },
        texts={f: str(v) for f, v in answers.items() if compiled.kinds[f] == "text"},
        removed=tuple(sorted({k for f in fields for k in session.removed.get(f, [])})),
    )
