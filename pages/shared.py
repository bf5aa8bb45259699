"""What every page shares: the store and this session's cursor, the URL-bound filters, the frame."""

from __future__ import annotations

import io
from dataclasses import asdict
from typing import Any

import pandas as pd
import streamlit as st

from ita_data import labels, thai
from ita_data.store import PROJECT_ROOT, Store, StoreError, default_db_path


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """The process's one open database (reads and the import page's writes go through it)."""
    return _open_store(str(default_db_path()))


def cursor():
    """This session's own cursor: sessions never share one."""
    db = store()
    if st.session_state.get("_ita_cursor_of") is not db:
        st.session_state["_ita_cursor"] = db.cursor()
        st.session_state["_ita_cursor_of"] = db
    return st.session_state["_ita_cursor"]


def open_or_stop() -> Store:
    try:
        return store()
    except StoreError as err:
        st.error(str(err))
        st.stop()


def filters():
    """The filters chosen in the sidebar (set by dashboard.py before the page runs)."""
    return st.session_state["_ita_filters"]


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


def _filters_frame() -> pd.DataFrame:
    f = asdict(filters())
    f["url"] = st.context.url if hasattr(st, "context") else ""
    return pd.DataFrame({"ตัวกรอง": list(f), "ค่า": [str(v) for v in f.values()]})


def downloads(frame: pd.DataFrame, name: str, key: str) -> None:
    """CSV and XLSX of exactly what the table shows, with the filters written into the file."""
    shown = for_display(frame)
    header = "# " + filters_caption() + "\n"
    csv = header + shown.to_csv(index=False)
    xlsx = io.BytesIO()
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        shown.to_excel(writer, sheet_name="data", index=False)
        _filters_frame().to_excel(writer, sheet_name="filters", index=False)
    left, right = st.columns(2)
    left.download_button("ดาวน์โหลด CSV", csv.encode("utf-8-sig"), f"{name}.csv", "text/csv",
                         key=f"{key}_csv", on_click="ignore")
    right.download_button(
        "ดาวน์โหลด XLSX", xlsx.getvalue(), f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx", on_click="ignore",
    )


def number(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    return f"{value:,.{digits}f}"


def parse_year_input(text: str) -> int | None:
    """Years typed by people: ``2568``, ``๒๕๖๘`` or ``68``."""
    return thai.parse_be_year(text)
