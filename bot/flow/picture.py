"""The step graph as DOT source, for a picture an admin reads on a phone (``bot.graphviz``
draws it).

The renderer's fonts have no CJK glyphs, so the picture shows only what the file spells
in ASCII: step ids and kinds, field names, choice codes and conditions, never a
supporter text.
"""

from __future__ import annotations

import textwrap

from bot.flow.diagram import edges
from bot.flow.model import (
    FlowDefinition,
    InfoStep,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    SubmitStep,
    TextStep,
)

#: Sharp on a phone once Telegram has scaled the photo to the screen.
DPI = 96
#: The drawing is scaled down (never up) to fit this many inches a side, so that both
#: sides together stay within MAX_PHOTO_SIDES at DPI.
MAX_INCHES = 50
#: Condition labels are wrapped so that a long rule does not widen the whole picture.
LABEL_WIDTH = 32

# Mermaid's shapes in diagram.py, as near as DOT has them.
_SHAPES = {
    InfoStep: 'shape=box, style="rounded"',
    SingleChoiceStep: "shape=box",
    MultiChoiceStep: "shape=box, peripheries=2",
    TextStep: "shape=parallelogram",
    ReviewStep: "shape=hexagon",
    SubmitStep: 'shape=ellipse, style="bold"',
}
_FONT = '"Helvetica"'  # graphviz-pure draws it with its bundled Arimo


def dot_source(flow: FlowDefinition, *, ratio: float | None = None) -> str:
    """A DOT digraph of ``flow``, top to bottom; the same flow gives the same text.

    Every name and label is quoted and escaped: ids are checked at load, but the file
    came from a user, and DOT would read a stray quote as the start of an attribute.

    Args:
        flow: a loaded flow.
        ratio: height / width to stretch the drawing to with blank space (DOT's numeric
            ``ratio``); by default the drawing keeps its natural shape.
    """
    # White, not DOT's transparent default: dark chat themes would hide black lines.
    stretch = f", ratio={ratio:g}" if ratio is not None else ""
    lines = [
        f"digraph {_quote(flow.id)} {{",
        f'  graph [rankdir=TB, dpi={DPI}, size="{MAX_INCHES},{MAX_INCHES}"{stretch},'
        f' bgcolor="white", pad=0.2, nodesep=0.3, ranksep=0.45, fontname={_FONT}];',
        f'  node [fontname={_FONT}, fontsize=14, margin="0.15,0.06"];',
        f"  edge [fontname={_FONT}, fontsize=12];",
    ]
    for step_id, step in flow.steps.items():
        detail = f"{step.kind}: {step.field}" if hasattr(step, "field") else step.kind
        label = _quote(step_id, detail)
        lines.append(f"  {_quote(step_id)} [label={label}, {_SHAPES[type(step)]}];")
    for step_id, target, text in edges(flow):
        edge = f"  {_quote(step_id)} -> {_quote(target)}"
        if text:
            edge += f" [label={_quote(*textwrap.wrap(text, LABEL_WIDTH))}]"
        lines.append(edge + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quote(*lines: str) -> str:
    """A DOT quoted string; several lines are joined with DOT's own line break."""
    escaped = (
        line.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", " ")
        for line in lines
    )
    return '"' + "\\n".join(escaped) + '"'
