"""How a page draws a table and a chart: Thai headers, one number format per column, an empty cell as a
dash, and every chart with PNG and SVG downloads that say what they show."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st

from ita_data import chart_images, fingerprint, formats, labels, safe_text, views
from pages import figures, shared

# A chart's own toolbar speaks English (its tooltips) and saves only one format: the buttons below
# each chart replace it; hovering and dragging to zoom still work.
CHART_CONFIG = {"displayModeBar": False}
# A table this short is drawn whole (the ten indicators and their tools, a province's weakest
# indicators): a scroll bar inside it would hide its last rows from the eye and from a printout.
WHOLE_TABLE_ROWS = 15
# Above this many rows a table is delivered lazily: Streamlit sends its first 1,000 rows, the rest as the
# officer scrolls or sorts. Such a table's first rows are sent again at every rerun (a lazy table is never
# a cached message), so a table is sent whole up to here and then kept by the browser: the national
# measures page's toggles send 39 KB instead of 81 KB (at 1,000 rows) or 730 KB (never lazy).
LAZY_ROWS = 5_000


def number_config(frame: pd.DataFrame, header: Callable[[str], str] = labels.column_label) -> dict[str, Any]:
    """Column settings for every numeric column of ``frame``: the format of its kind
    (``ita_data.formats``), keyed by the column's header."""
    config: dict[str, Any] = {}
    for name in frame.columns:
        dtype = frame[name].dtype
        if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
            continue
        config[header(name)] = st.column_config.NumberColumn(format=formats.printf_format(name, dtype.kind))
    return config


def shown(frame: pd.DataFrame, headers: dict[str, str] | None = None) -> pd.DataFrame:
    """``frame`` as a table shows it: a share 0–1 as a percentage, Thai headers (``headers`` names some
    columns otherwise), empty text blank."""
    shares = {
        c: frame[c] * 100
        for c in frame.columns
        if formats.column_kind(c) == "share" and pd.api.types.is_numeric_dtype(frame[c].dtype)
    }
    out = shared.for_display(frame.assign(**shares) if shares else frame)
    if headers:
        out.columns = [headers.get(raw, label) for raw, label in zip(frame.columns, out.columns)]
    return out


def table(
    frame: pd.DataFrame,
    *,
    key: str | None = None,
    column_config: dict[str, Any] | None = None,
    column_order: list[str] | None = None,
    headers: dict[str, str] | None = None,
    content: Any = None,
    **kwargs: Any,
):
    """``st.dataframe`` of an analytics frame as people read it. ``column_config`` and ``column_order`` name
    columns as the frame does; ``headers`` gives some columns a header of the page's own (what a rank
    ranks); what ``st.dataframe`` returns is returned (a selection, with ``on_select``).

    What is sent is prepared once per content and shared by every session (``shared.remember``): the
    Thai headers, the number formats and the Arrow table, holding only the columns ``column_order``
    shows. ``content`` names ``frame``'s values when the caller knows them (``view_table``); otherwise
    the frame's fingerprint does."""
    named = headers or {}
    order = tuple(column_order) if column_order else None
    name = (
        "table",
        content if content is not None else fingerprint.frame_key(frame),
        tuple(sorted(named.items())),
        order,
    )
    data, numbers, shown_order = shared.remember(name, lambda: _prepared(frame, named, order))
    header = _headers(named)
    config = {**numbers, **{header(k): v for k, v in (column_config or {}).items()}}
    kwargs.setdefault("height", "content" if len(frame) <= WHOLE_TABLE_ROWS else "auto")
    if len(frame) > LAZY_ROWS and kwargs.get("on_select", "ignore") == "ignore":
        # the national measures page sent 750 KB of tables with the page (a selectable table is sent whole)
        kwargs.setdefault("lazy", True)
    return st.dataframe(
        data,
        hide_index=True,
        key=key,
        column_config=config,
        column_order=shown_order,
        placeholder=labels.MISSING_VALUE,
        **kwargs,
    )


def _headers(named: dict[str, str]) -> Callable[[str], str]:
    """A column's header: the page's own where it names one, the common Thai label otherwise."""
    return lambda column: named.get(column) or labels.column_label(column)


def _prepared(
    frame: pd.DataFrame, named: dict[str, str], order: tuple[str, ...] | None
) -> tuple[Any, dict, list | None]:
    """What ``table`` sends for ``frame``: the rows as shown (as an Arrow table when Arrow takes them
    as they are; Streamlit converts the rest), the number formats by header, the columns' order."""
    header = _headers(named)
    out = shown(frame, named)
    shown_order = [header(c) for c in order] if order else None
    if shown_order and len(set(out.columns)) == len(out.columns):
        out = out[[c for c in shown_order if c in out.columns]]  # a column never shown is never sent
    data: Any = out
    try:
        data = pa.Table.from_pandas(out, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError):
        pass  # mixed values in a column: Streamlit's own conversion makes them text
    return data, number_config(frame, header), shown_order


def view_table(view: views.View, frame: pd.DataFrame, sel: views.Selection, **kwargs: Any):
    """A view's rows (``ita_data.views``) as the page shows them and its files write them: the view's
    Thai values and headers; the rest as ``table``. Presented once per view, rows and selection."""
    headers = {c: view.header(c, sel) for c in frame.columns if view.header(c, sel) != labels.column_label(c)}
    content = ("view", view.name, fingerprint.frame_key(frame), sel)
    presented = shared.remember(("presented", *content), lambda: view.present(frame, sel))
    return table(presented, headers={**headers, **kwargs.pop("headers", {})}, content=content, **kwargs)


def _file_name(text: str) -> str:
    """A download's name from a chart's key: letters, digits and dashes."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "chart"


def _built(name: str, args: tuple, kwargs: dict) -> Any:
    fig = getattr(figures, name)(*args, **kwargs)
    # st.plotly_chart reads a figure through ``to_dict``, a deep copy of every trace (the map's outlines,
    # a heatmap's cells) on every draw. This figure never changes: its dict is made once and handed out
    # as it is (Streamlit only serialises it; the image buttons copy the figure, not the dict).
    made: list[dict] = []

    def to_dict() -> dict:
        if not made:
            made.append(type(fig).to_dict(fig))
        return made[0]

    fig.to_dict = to_dict
    return fig


def _key(value: Any) -> Any:
    """What names an argument in a cache key: a frame by its fingerprint, anything else as it is."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return ("frame", fingerprint.frame_key(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, *map(_key, value))
    return value


def figure(builder: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``builder(*args, **kwargs)`` (a function of pages/figures.py), built once per data version and
    arguments and shared by every session: officers who open the same page for the same province get
    the figure already made. Nothing may change the figure afterwards (``chart`` and the image buttons
    only read it). A frame among the arguments is known by its fingerprint (``ita_data.fingerprint``):
    Streamlit's caches hashed every row on every rerun."""
    key = ("figure", builder.__name__, shared.data_version(), _key(args), _key(tuple(sorted(kwargs.items()))))
    try:
        hash(key)
    except TypeError:  # an argument nothing can name: built for this rerun alone
        return _built(builder.__name__, args, kwargs)
    return shared.remember(key, lambda: _built(builder.__name__, args, kwargs))


def chart(fig: Any, key: str, title: str, *, notes: tuple[str, ...] = (), where=None) -> None:
    """Draw ``fig`` (a Plotly figure from pages/figures.py) with two buttons under it that save it as PNG and SVG: the image carries ``title``
    (what the chart shows), the sidebar's selection, and the synthetic-data mark when synthetic rows are
    on screen. ``where`` is the container to draw in (the page by default)."""
    place = where if where is not None else st
    place.plotly_chart(fig, key=key, config=CHART_CONFIG)
    # The title may quote an organisation's name: Plotly reads a subset of HTML, so it is escaped.
    heading = f"{safe_text.html_literal(title)}<br><sup>{safe_text.html_literal(shared.filters_caption())}</sup>"
    marks = tuple(
        safe_text.html_literal(n)
        for n in (*notes, *((labels.CHART_SYNTHETIC_NOTE,) if shared.synthetic_on_screen() else ()))
    )
    problem = chart_images.problem()
    row = place.container(horizontal=True, gap="small")
    for fmt, label, help_text in (
        ("png", labels.CHART_PNG, labels.CHART_PNG_HELP),
        ("svg", labels.CHART_SVG, labels.CHART_SVG_HELP),
    ):
        row.download_button(
            label,
            (lambda fmt=fmt: chart_images.image(fig, fmt, heading, marks)) if problem is None else b"",
            f"ita-{_file_name(key)}.{fmt}",
            chart_images.MEDIA_TYPES[fmt],
            key=f"{key}_{fmt}",
            on_click="ignore",
            icon=":material/image:",
            help=help_text if problem is None else labels.without_gloss(problem),
            disabled=problem is not None,
            type="tertiary",
        )
