"""What every page shares: the store and this session's cursor, the URL-bound filters, the frame."""

from __future__ import annotations

import importlib
import io
import os
from dataclasses import asdict
from typing import Any, Callable

import pandas as pd
import streamlit as st

from ita_data import analytics, labels, safe_text, thai
from ita_data.derived import open_store
from ita_data.settings import PROJECT_ROOT  # noqa: F401 (pages find their files with shared.PROJECT_ROOT)
from ita_data.store import Store, StoreError, default_db_path


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return open_store(path)


def store() -> Store:
    """The process's one open database: it reads the newest published snapshot, and the import page's
    writes publish a new one (other dashboard processes pick it up at their next rerun)."""
    return _open_store(str(default_db_path()))


def data_version() -> str:
    """Names the published data this rerun reads; a key for caches that must follow every write."""
    return store().snapshot_version


def cursor():
    """This session's own cursor on the newest snapshot: sessions never share one."""
    db = store()
    version = db.snapshot_version
    if st.session_state.get("_ita_cursor_of") != (id(db), version):
        st.session_state["_ita_cursor"] = db.cursor()
        st.session_state["_ita_cursor_of"] = (id(db), version)
    return st.session_state["_ita_cursor"]


def open_or_stop() -> Store:
    try:
        return store()
    except StoreError as err:
        st.error(str(err))
        st.stop()


def filters():
    """The filters chosen in the sidebar (set by dashboard.py before the page runs)."""
    if "_ita_filters" not in st.session_state:
        # A deep link on a freshly started server runs the page alone (Streamlit's pages/ folder
        # mode, decided before dashboard.py ever ran); rerun through dashboard.py, whose
        # st.navigation turns that mode off for the process.
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["_ita_filters"]


def choices(options: pd.DataFrame, kind: str) -> dict[str, str]:
    """One kind of choice (``year``, ``province``, ``district``, ``org_type``) of an
    ``analytics.filter_options`` result: code -> Thai label, in the order the filters list them."""
    found = options[options.kind == kind]
    return dict(zip(found.code, found.label))


def data_years(cur, include_synthetic: bool = True) -> list[int]:
    """The fiscal years the data has, oldest first."""
    return [int(year) for year in choices(cached(analytics.filter_options, None, include_synthetic), "year")]


def filters_caption() -> str:
    f = filters()
    parts = [f"ปีงบประมาณ {f.fiscal_year}"]
    if f.province_code:
        parts.append(f"จังหวัด{st.session_state.get('province')}")
    if f.district_code:
        parts.append(f"อำเภอ{st.session_state.get('district')}")
    if f.org_type:
        parts.append(labels.org_type_label(f.org_type))
    parts.append(labels.indicator_label(f.indicator))
    if not f.include_synthetic:
        parts.append("ไม่รวมข้อมูลสมมุติ")
    return " · ".join(parts)


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """Thai column headers; the data stays as computed."""
    return frame.rename(columns={c: labels.column_label(c) for c in frame.columns})


def _filters_frame(extra: dict[str, Any] | None = None) -> pd.DataFrame:
    f = asdict(filters())
    f.update(extra or {})
    f["url"] = st.context.url if hasattr(st, "context") else ""
    return pd.DataFrame({"ตัวกรอง": list(f), "ค่า": [str(v) for v in f.values()]})


def downloads(frame: pd.DataFrame, name: str, key: str, extra: dict[str, Any] | None = None) -> None:
    """CSV and XLSX of exactly what the table shows, with the filters written into the file.

    ``extra`` names a page's own filters (Thai label → value) so they are written in too. The files are
    built only when a button is clicked: an XLSX of tens of thousands of rows takes seconds.
    """
    shown = for_display(frame)
    caption = " · ".join([filters_caption(), *(f"{k} {v}" for k, v in (extra or {}).items())])
    filters_sheet = _filters_frame(extra)

    left, right = st.columns(2)
    left.download_button("ดาวน์โหลด CSV", lambda: csv_file(shown, caption), f"{name}.csv", "text/csv",
                         key=f"{key}_csv", on_click="ignore")
    right.download_button(
        "ดาวน์โหลด XLSX", lambda: xlsx_file({"data": shown, "filters": filters_sheet}), f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx", on_click="ignore",
    )


# Names and texts from documents stay text in the files we write: never a spreadsheet formula.
def csv_file(frame: pd.DataFrame, caption: str) -> bytes:
    """A download's CSV: the caption line, then the table (UTF-8 with a BOM, for Excel on a Thai system)."""
    # The caption is one quoted cell: a name holding a comma cannot start a cell of its own.
    heading = pd.DataFrame([["# " + caption]]).to_csv(index=False, header=False)
    return (heading + safe_text.spreadsheet_frame(frame).to_csv(index=False)).encode("utf-8-sig")


def xlsx_file(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A download's XLSX, one sheet per frame."""
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for sheet, frame in sheets.items():
            safe_text.spreadsheet_frame(frame).to_excel(writer, sheet_name=sheet, index=False)
    return out.getvalue()


def number(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    return f"{value:,.{digits}f}"


def parse_year_input(text: str) -> int | None:
    """Years typed by people: ``2568``, ``๒๕๖๘`` or ``68``."""
    return thai.parse_be_year(text)


# How much of an unknown value from a link a notice shows back (a crafted link may carry thousands).
URL_ECHO_LIMIT = 60


def plain(text: Any, limit: int | None = None) -> str:
    """Text from a document or a link, made safe for a Markdown element (titles, captions, notices,
    metric labels): shown as written, never as formatting, a link or HTML (cut to ``limit`` characters)."""
    return safe_text.markdown_literal(text, limit)


def plain_message(kind: str, text: Any, icon: str | None = None) -> None:
    """A notice (``error``, ``warning``, ``info`` or ``success``) whose text quotes file names, cells
    or URL values: shown as plain text, never as a link or an image."""
    getattr(st, kind)(plain(text), icon=icon)


def chart_text(values: Any) -> Any:
    """Names for a Plotly label, tick or hover (a Series, a list or one value): shown as written."""
    if isinstance(values, str):
        return safe_text.html_literal(values)
    return safe_text.html_literals(values)


# --- remembered analytics calls (rankings, change and gaps pages) -----------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _remembered(module: str, name: str, version: str, args: tuple, kwargs: tuple, _cur) -> Any:
    return getattr(importlib.import_module(module), name)(_cur, *args, **dict(kwargs))


def cached(func: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pd.DataFrame:
    """``func(cursor(), *args, **kwargs)``, remembered per arguments and data version, across sessions.

    For an ``ita_data`` call that a page repeats on every rerun and that costs more than a few
    milliseconds; the arguments (a ``Filters`` among them) must be hashable by ``st.cache_data``.
    """
    return _remembered(func.__module__, func.__name__, data_version(), args,
                       tuple(sorted(kwargs.items())), _cur=cursor())


def percent(share: Any, digits: int = 1) -> str:
    """A share 0–1 as a percentage; an empty share (an empty selection) as a dash."""
    if share is None or pd.isna(share):
        return "–"
    return f"{share:.{digits}%}"
