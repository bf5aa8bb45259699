"""Bar charts for the brief as SVG shapes: positions only, worked out from values the analytics returned.

The template draws the shapes (``templates/chart.html``), so every label passes through its escaping.
Black and grey with outlines: the brief must read when printed in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

ROW = 22  # height of one group of two bars
BAR = 8


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    kind: str  # "selection" (black), "nation" (grey, outlined)


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"
    kind: str = "label"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str = "axis"  # "axis", "grid" or "mark" (dashed)


@dataclass
class Chart:
    width: float
    height: float
    rects: list[Rect] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    legend: tuple[str, str] = ("", "")


def _lower_bound(values: Sequence[float | None], floor: float) -> float:
    """The axis start: a round ten below the smallest value, so small differences show (and the
    axis says where it starts)."""
    finite = [v for v in values if v is not None and not math.isnan(v)]
    if not finite:
        return floor
    return max(0.0, min(floor, math.floor((min(finite) - 5) / 10) * 10))


def paired_bars(
    rows: Sequence[tuple[str, float | None, float | None, str, str]],
    legend: tuple[str, str],
    axis: tuple[float, float] | None = None,
    mark: tuple[float, str] | None = None,
    ticks: Sequence[tuple[float, str]] | None = None,
    label_width: float = 90,
    bar_area: float = 230,
    value_room: float = 44,
) -> Chart:
    """Horizontal bars, two per row (the selection, then the nation).

    ``rows``: (name, selection value, nation value, selection text, nation text); ``axis``: the values
    at the left and right ends (default: a round ten below the smallest value to 100); ``mark``: a
    dashed line at a value with its label (the pass mark); ``ticks``: values with their labels;
    the widths are in the SVG's units (the chart is scaled to its column, so they set the text size).
    """
    values = [v for _, a, b, _, _ in rows for v in (a, b)]
    lo, hi = axis or (_lower_bound(values, 50.0), 100.0)
    top = 22
    chart = Chart(label_width + bar_area + value_room, top + ROW * len(rows) + 28, legend=legend)

    def x(value: float) -> float:
        return label_width + bar_area * (min(max(value, lo), hi) - lo) / (hi - lo)

    for tick, text in ticks or [(v, f"{v:g}") for v in _ticks(lo, hi)]:
        chart.lines.append(Line(x(tick), top - 4, x(tick), top + ROW * len(rows), "grid"))
        chart.texts.append(Text(x(tick), top + ROW * len(rows) + 12, text, "middle", "tick"))
    for i, (name, a, b, a_text, b_text) in enumerate(rows):
        y = top + ROW * i + 3
        chart.texts.append(Text(label_width - 6, y + BAR + 2, name, "end"))
        for offset, value, text, kind in ((0, a, a_text, "selection"), (BAR + 1, b, b_text, "nation")):
            if value is None or math.isnan(value):
                continue
            chart.rects.append(Rect(label_width, y + offset, x(value) - label_width, BAR, kind))
            chart.texts.append(Text(x(value) + 4, y + offset + BAR - 1, text, "start", "value"))
    chart.lines.append(Line(label_width, top - 4, label_width, top + ROW * len(rows)))
    if mark is not None:
        value, text = mark
        chart.lines.append(Line(x(value), top - 8, x(value), top + ROW * len(rows), "mark"))
        chart.texts.append(Text(x(value), top - 11, text, "middle", "mark"))
    chart.texts.append(
        Text(label_width, top + ROW * len(rows) + 25, f"แกนเริ่มที่ {lo:g}" if lo > 0 else "", "start", "tick")
    )
    return chart


def _ticks(lo: float, hi: float) -> list[float]:
    step = 10.0 if hi - lo <= 60 else 20.0
    start = math.ceil(lo / step) * step
    return [start + step * i for i in range(int((hi - start) // step) + 1)]
