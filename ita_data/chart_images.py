"""A chart as a PNG or SVG file with its title and notes, drawn by Plotly's kaleido in Debian's chromium.

The browser shapes the Thai text, as it does on screen. Nothing is fetched: plotly.js comes from the
installed plotly package and MathJax is off. One browser serves the process (started at the first image
and stopped at exit); a missing browser is reported in Thai, never as a traceback.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Sequence

import kaleido
import plotly.graph_objects as go

from ita_data import labels
from ita_data.brief.pdf import CHROMIUM

MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
WIDTH = 1200  # pixels; PNG at twice that for print
TITLE_SPACE = 70
NOTE_LINE = 22

_lock = threading.Lock()
_started = False


def problem() -> str | None:
    """Why charts cannot be saved as images here, in Thai; None when they can."""
    return None if CHROMIUM.exists() else labels.CHART_IMAGE_NO_BROWSER.format(path=CHROMIUM)


def _start() -> None:
    global _started
    with _lock:
        if not _started:
            kaleido.start_sync_server(path=str(CHROMIUM), mathjax=False, silence_warnings=True)
            atexit.register(kaleido.stop_sync_server, silence_warnings=True)
            _started = True


def framed(fig: go.Figure, title: str, notes: Sequence[str] = ()) -> go.Figure:
    """A copy of ``fig`` that says what it shows: ``title`` above (the page's heading and the selection),
    ``notes`` (the synthetic-data mark, a method change) below, on white."""
    out = go.Figure(fig)
    margin = out.layout.margin
    top = (margin.t or 0) + TITLE_SPACE
    bottom = (margin.b or 0) + NOTE_LINE * len(notes) + 10
    height = (out.layout.height or 450) + TITLE_SPACE + NOTE_LINE * len(notes)
    out.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "y": 1, "yanchor": "top", "pad": {"t": 12, "l": 12}},
        margin={"t": top, "b": bottom, "l": max(margin.l or 0, 12), "r": max(margin.r or 0, 12)},
        height=height,
        paper_bgcolor="white",
    )
    for number, note in enumerate(notes):
        out.add_annotation(
            text=note,
            xref="paper",
            yref="paper",
            x=0,
            xanchor="left",
            y=0,
            yanchor="top",
            yshift=-(bottom - 10) + NOTE_LINE * (len(notes) - 1 - number) + 4,
            showarrow=False,
            font={"size": 12, "color": "#8a5a00"},
            align="left",
        )
    return out


def image(fig: go.Figure, fmt: str, title: str, notes: Sequence[str] = ()) -> bytes:
    """``fig`` framed with ``title`` and ``notes`` as PNG or SVG bytes."""
    if fmt not in MEDIA_TYPES:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(MEDIA_TYPES)}")
    picture = framed(fig, title, notes)
    _start()
    return kaleido.calc_fig_sync(
        picture,
        opts={"format": fmt, "width": WIDTH, "height": picture.layout.height, "scale": 2 if fmt == "png" else 1},
    )
