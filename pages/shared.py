"""What every page shares: the store and this session's cursor, the URL-bound filters, the frame."""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ita_data import analytics, labels, safe_text, thai
from ita_data.derived import open_store
from ita_data.store import Store, StoreError, default_db_path


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return open_store(path, on_wait=_say_write_waits)


def _say_write_waits(message: str) -> None:
    """The store tells when a write waits for another one (an import in another session or process, a
    command on the server): the page that asked for the write says whom it waits for, as the CLI does."""
    if get_script_run_ctx() is not None:  # the store is told in the thread of the script that writes
        plain_message("info", message, icon=":material/hourglass_top:")


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
        st.error(labels.without_gloss(str(err)))
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


def data_years(include_synthetic: bool = True) -> list[int]:
    """The fiscal years the data has, oldest first."""
    return cached(analytics.data_years, include_synthetic)


def place_names(f: analytics.Filters) -> tuple[str | None, str | None]:
    """The Thai names of the selection's province and district (None where it names none)."""
    province = choices(cached(analytics.filter_options), "province").get(f.province_code) if f.province_code else None
    district = (
        choices(cached(analytics.filter_options, f.province_code), "district").get(f.district_code)
        if f.province_code and f.district_code
        else None
    )
    return province, district


def filters_caption() -> str:
    """The sidebar's selection in words, as a page's caption and a download's first line."""
    f = filters()
    province, district = place_names(f)
    parts = [labels.CAPTION_YEAR.format(year=f.fiscal_year)]
    if f.province_code:
        parts.append(labels.CAPTION_PROVINCE.format(name=province or f.province_code))
    if f.district_code:
        parts.append(labels.CAPTION_DISTRICT.format(name=district or f.district_code))
    if f.org_type:
        parts.append(labels.org_type_label(f.org_type))
    parts.append(labels.indicator_label(f.indicator))
    if not f.include_synthetic:
        parts.append(labels.CAPTION_NO_SYNTHETIC)
    return " · ".join(parts)


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """Thai column headers, and an empty text cell left blank (a table would show the word "None");
    the data stays as computed."""
    blanks = {c: frame[c].fillna("") for c in frame.columns if _text_with_gaps(frame[c])}
    shown = frame.assign(**blanks) if blanks else frame
    return shown.rename(columns={c: labels.column_label(c) for c in frame.columns})


def _text_with_gaps(column: pd.Series) -> bool:
    """A column of text (not of numbers, dates, flags or lists) with empty cells, or with nothing in it."""
    return (
        (pd.api.types.is_object_dtype(column.dtype) or pd.api.types.is_string_dtype(column.dtype))
        and bool(column.isna().any())
        and pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty")
    )


def _filters_frame(extra: dict[str, Any] | None = None) -> pd.DataFrame:
    """A download's filters sheet: the sidebar's filters by name (the places by code and by name), the
    page's own, and the address of the view; a filter not set is left blank."""
    chosen = filters()
    f = asdict(chosen)
    f["province"], f["district"] = place_names(chosen)
    f.update(extra or {})
    f["url"] = st.context.url if hasattr(st, "context") else ""
    return pd.DataFrame(
        {
            labels.FILTERS_SHEET_NAME: list(f),
            labels.FILTERS_SHEET_VALUE: ["" if v is None else str(v) for v in f.values()],
        }
    )


def downloads(frame: pd.DataFrame, name: str, key: str, extra: dict[str, Any] | None = None) -> None:
    """CSV and XLSX of exactly what the table shows, with the filters written into the file.

    ``extra`` names a page's own filters (Thai label → value) so they are written in too. The files are
    built only when a button is clicked: an XLSX of tens of thousands of rows takes seconds.
    """
    shown = for_display(frame)
    caption = " · ".join([filters_caption(), *(f"{k} {v}" for k, v in (extra or {}).items())])
    filters_sheet = _filters_frame(extra)

    left, right = st.columns(2)
    left.download_button(
        labels.DOWNLOAD_CSV,
        lambda: csv_file(shown, caption),
        f"{name}.csv",
        "text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )
    right.download_button(
        labels.DOWNLOAD_XLSX,
        lambda: xlsx_file({"data": shown, "filters": filters_sheet}),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        on_click="ignore",
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


# How much of an unknown value from a link a notice shows back (a crafted link may carry thousands).
URL_ECHO_LIMIT = 60


def link_choice(
    key: str, options: list, format_func: Callable[[Any], Any] = str, notices: list[str] | None = None
) -> Any:
    """The option a link names for the widget ``key``: by its Thai label (what a copied link carries) or
    by its code (``?indicator=9``, ``?within=nation``, ``?province=50``, Thai digits too). None when the
    link names none; an unknown value adds a notice to ``notices``."""
    value = st.query_params.get(key)
    if value in (None, ""):
        return None
    value = str(value)
    by_text = {str(format_func(o)): o for o in options}
    by_code = {str(o): o for o in options if o is not None}
    for text in (value, thai.to_arabic(value).strip()):
        if text in by_text:
            return by_text[text]
        if text in by_code:
            return by_code[text]
    if key == "fy" and (year := thai.parse_be_year(value)) in options:  # ``68`` for 2568
        return year
    if notices is not None:
        # The value comes from a link anyone can craft: echoed as plain text, never as a link.
        notices.append(labels.LINK_UNKNOWN.format(value=plain(value, URL_ECHO_LIMIT), key=key))
    return None


def seed_from_link(
    key: str, options: list, format_func: Callable[[Any], Any] = str, notices: list[str] | None = None
) -> None:
    """Call before a widget bound to the URL: the option a link names (label or code) becomes its
    value on the session's first run of it, and a value no longer among ``options`` is dropped. Without
    ``notices`` a link's unknown value is shown as a notice at once."""
    shown: list[str] = []
    wanted = link_choice(key, options, format_func, shown if notices is None else notices)
    if wanted is not None and key not in st.session_state:
        st.session_state[key] = wanted
    if key in st.session_state and st.session_state[key] not in options:
        st.session_state.pop(key)
    for notice in shown:
        st.warning(notice, icon=":material/link_off:")


def plain(text: Any, limit: int | None = None) -> str:
    """Text from a document or a link, made safe for a Markdown element (titles, captions, notices,
    metric labels): shown as written, never as formatting, a link or HTML (cut to ``limit`` characters)."""
    return safe_text.markdown_literal(text, limit)


def plain_message(kind: str, text: Any, icon: str | None = None) -> None:
    """A notice (``error``, ``warning``, ``info`` or ``success``) whose text quotes file names, cells
    or URL values: shown as plain text, never as a link or an image, without its English gloss."""
    getattr(st, kind)(plain(labels.without_gloss(str(text))), icon=icon)


def synthetic_on_screen() -> bool:
    """Whether the page shows synthetic rows: the sidebar includes them and the data holds some (set by
    dashboard.py before the page runs)."""
    return bool(st.session_state.get("_ita_synthetic_on_screen"))


# --- remembered analytics calls: every page's ------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _remembered(module: str, name: str, version: str, args: tuple, kwargs: tuple, _cur) -> Any:
    return getattr(importlib.import_module(module), name)(_cur, *args, **dict(kwargs))


def cached(func: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pd.DataFrame:
    """``func(cursor(), *args, **kwargs)``, remembered per arguments and data version, across sessions.

    Every analytics call a page makes goes through here. The arguments (a ``Filters`` among them) must
    be hashable by ``st.cache_data``, and a call that depends on the day (``as_of``) is given the day.
    """
    return _remembered(
        func.__module__, func.__name__, data_version(), args, tuple(sorted(kwargs.items())), _cur=cursor()
    )


def percent(share: Any, digits: int = 1) -> str:
    """A share 0–1 as a percentage; an empty share (an empty selection) as a dash."""
    if share is None or pd.isna(share):
        return "–"
    return f"{share:.{digits}%}"
