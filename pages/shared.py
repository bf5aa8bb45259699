"""What every page shares: the store and this session's cursor, the URL-bound filters, the frame."""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st
from streamlit import config
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ita_data import analytics, fingerprint, labels, safe_text, views
from ita_data.analytics import about as about_data
from ita_data.derived import process_store
from ita_data.store import Store, StoreError, default_db_path


def _say_write_waits(message: str) -> None:
    """The store tells when a write waits for another one (an import in another session or process, a
    command on the server): the page that asked for the write says whom it waits for, as the CLI does."""
    if get_script_run_ctx() is not None:  # the store is told in the thread of the script that writes
        plain_message("info", message, icon=":material/hourglass_top:")


def store() -> Store:
    """The process's one open database (the data API reads through it too): it reads the newest
    published snapshot, and the import page's writes publish a new one (other dashboard processes pick
    it up at their next rerun). A write it makes says on the page whom it waits for."""
    opened = process_store(default_db_path())
    opened.on_wait = _say_write_waits
    return opened


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


def data_years(include_synthetic: bool = True) -> list[int]:
    """The fiscal years the data has, oldest first."""
    return cached(analytics.data_years, include_synthetic)


def place_names(f: analytics.Filters) -> tuple[str | None, str | None]:
    """The Thai names of the selection's province and district (None where it names none)."""
    return _place_names(f.province_code, f.district_code, data_version())


# Every caption and chart of a rerun names the place: looked up once per place and data version.
@functools.lru_cache(maxsize=4096)
def _place_names(province_code: str | None, district_code: str | None, version: str) -> tuple[str | None, str | None]:
    province = cached(analytics.filter_choices, "province").get(province_code) if province_code else None
    district = (
        cached(analytics.filter_choices, "district", province_code).get(district_code)
        if province_code and district_code
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


def ask(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A view's analytics calls, through this process's cache (``views`` hands it to every view)."""
    return cached(func, *args, **kwargs)


def selection(**page_values: Any) -> views.Selection:
    """The sidebar's filters and this page's own choices, by their keys in the link (``within=``,
    ``from=``, ``org=`` …): what a view is asked for and what its link and files name."""
    f = filters()
    whole = labels.whole_data(cached(about_data.data_status), f.include_synthetic)
    return views.Selection(f, whole=whole).with_values(**page_values)


def app_base() -> str:
    """The address of the dashboard as the browser reaches it (``http://host:8501/``), for the links
    written into files."""
    base_path = str(config.get_option("server.baseUrlPath") or "").strip("/")
    url = st.context.url if hasattr(st, "context") else None
    if url:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}/"
    else:  # AppTest has no browser: the address the server is configured for
        root = f"http://{config.get_option('server.address') or '127.0.0.1'}:{config.get_option('server.port')}/"
    return root + (base_path + "/" if base_path else "")


def downloads(view: views.View, frame: pd.DataFrame, sel: views.Selection, key: str, page: str | None = None) -> None:
    """CSV and XLSX of exactly the rows the table shows, in people's words, with the selection, the
    synthetic warning when synthetic rows are in them and the link that reopens the view (``page``,
    by default the view's own) written into each file. The files are built only when a button is
    clicked: an XLSX of tens of thousands of rows takes seconds."""
    made = remember(
        ("download", view.name, data_version(), fingerprint.frame_key(frame), sel, page),
        lambda: views.download(view, ask, sel, "", frame=frame, page=page),
    )
    # the link names the address this officer uses (a proxy's, or the process's own)
    made = dataclasses.replace(made, link=views.link(app_base(), view.page if page is None else page, sel, made.keys))
    left, right = st.columns(2)
    left.download_button(
        labels.DOWNLOAD_CSV,
        lambda: views.csv_bytes(made),
        views.file_name(view, sel, "csv"),
        "text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )
    right.download_button(
        labels.DOWNLOAD_XLSX,
        lambda: views.xlsx_bytes(made),
        views.file_name(view, sel, "xlsx"),
        views.XLSX_TYPE,
        key=f"{key}_xlsx",
        on_click="ignore",
    )


def number(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    return f"{value:,.{digits}f}"


# How much of an unknown value from a link a notice shows back (a crafted link may carry thousands).
URL_ECHO_LIMIT = views.params.ECHO_LIMIT


def link_choice(
    key: str, options: list, format_func: Callable[[Any], Any] = str, notices: list[str] | None = None
) -> Any:
    """The option a link names for the widget ``key``: by its Thai label or by its code
    (``?indicator=9``, ``?within=nation``, ``?province=50``, Thai digits too; ``views.params``). None
    when the link names none; an unknown value adds a notice to ``notices``."""
    try:
        found = views.PARAMS[key].parse(st.query_params.get(key), {o: str(format_func(o)) for o in options})
    except views.LinkValueError as err:
        if notices is not None:
            # The value comes from a link anyone can craft: echoed as plain text, never as a link.
            notices.append(labels.LINK_UNKNOWN.format(value=plain(err.value), key=key))
        return None
    return found if key in st.query_params else None


def seed_from_link(
    key: str, options: list, format_func: Callable[[Any], Any] = str, notices: list[str] | None = None
) -> None:
    """Call before a widget whose value the link carries: on the widget's first run in the session, the
    option the link names (label or code) becomes its value; afterwards the widget holds it (and the
    address bar is written from it). A value no longer among ``options`` is dropped. Without
    ``notices`` a link's unknown value is shown as a notice at once."""
    shown: list[str] = []
    if key not in st.session_state:
        wanted = link_choice(key, options, format_func, shown if notices is None else notices)
        if wanted is not None:
            st.session_state[key] = wanted
    if key in st.session_state and st.session_state[key] not in options:
        st.session_state.pop(key)
    for notice in shown:
        st.warning(notice, icon=":material/link_off:")


def keep_in_link(values: dict[str, Any]) -> None:
    """Write the page's choices into the address bar in their one canonical form (codes, in the
    parameters' order; a default left out), on every run: a link copied after any click names what
    the page shows."""
    wanted = st.query_params.to_dict()
    for key, value in values.items():
        code = views.params.canonical(key, value)
        if code is None:
            wanted.pop(key, None)
        else:
            wanted[key] = code
    _write_link(wanted)


def link_page(url_path: str, f: analytics.Filters) -> None:
    """The address bar for a page: the sidebar's filters as codes, the page's own parameters as the
    link gave them (the page writes them back once its widgets have read them), nothing else."""
    st.session_state["_ita_page"] = url_path
    own = views.page_params(url_path)
    wanted = {k: v for k, v in st.query_params.to_dict().items() if k in own}
    wanted.update(views.link_query(views.Selection(f), ()))
    _write_link(wanted)


def _write_link(wanted: dict[str, str]) -> None:
    """Set the address bar's query to ``wanted`` in the canonical order (the sidebar's parameters, then
    the page's), sending nothing when it already reads so."""
    order = [*views.SIDEBAR, *views.page_params(st.session_state.get("_ita_page", ""))]
    ranked = sorted(wanted.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    if list(st.query_params.to_dict().items()) != ranked:
        st.query_params.from_dict(dict(ranked))


def take_unknown_page(pages: Sequence[Any]) -> str | None:
    """The address a browser opened when it names no page (``/nosuchpage``), else None; call it before
    ``st.navigation``.

    For an address it does not know, ``st.navigation`` runs the default page and shows its own notice
    in English. The name the browser asked for is in the run's page manager (Streamlit 1.67): it is
    read here and set aside, so that the frame says it in Thai instead, with the menu.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    manager = ctx.pages_manager
    asked = manager.intended_page_name
    if not asked or manager.intended_page_script_hash:
        return None
    name = asked.strip("/")
    if name in {spec.url_path for spec in pages} | {""}:
        return None
    manager.set_script_intent("", "")
    return name


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


# --- remembered answers and drawings: every page's ------------------------------------------


# Every page asks several questions per selection and draws figures and tables from the answers: with
# 77 provinces, their districts and years, a few hundred were thrown out before they were asked again (a
# page with a new province then missed every time). `serve` draws every page for every province ahead
# (ita_data/warming.py), some 20 entries a page: about 9,000 on national data, 1.1 GB per process.
ANSWERS_KEPT = 16384
_answers: OrderedDict[tuple, Any] = OrderedDict()
_answers_lock = threading.Lock()


@st.cache_data(show_spinner=False, max_entries=256)
def _remembered(module: str, name: str, version: str, args: tuple, kwargs: tuple, _cur) -> Any:
    return _answer(module, name, args, kwargs, _cur)


def _answer(module: str, name: str, args: tuple, kwargs: tuple, cur) -> Any:
    return getattr(importlib.import_module(module), name)(cur, *args, **dict(kwargs))


def cached(func: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pd.DataFrame:
    """``func(cursor(), *args, **kwargs)``, remembered per arguments and data version, across sessions.

    Every analytics call a page makes goes through here. The arguments (a ``Filters`` among them) must
    be hashable by ``st.cache_data``, and a call that depends on the day (``as_of``) is given the day.

    The answers are kept in this process by their arguments' own hash and each caller gets a copy of
    its own (a page may change what it was given; a list or set is copied, not what it holds): ``st.cache_data`` would hash the arguments and
    unpickle the answer on every call, a few milliseconds each, some twenty times a rerun. Arguments
    Python cannot hash go through ``st.cache_data``.
    """
    key = (func.__module__, func.__name__, data_version(), args, tuple(sorted(kwargs.items())))
    try:
        hash(key)
    except TypeError:
        return _remembered(*key, _cur=cursor())
    found = remember(key, lambda: _answer(key[0], key[1], args, key[4], cursor()))
    return found.copy() if isinstance(found, (pd.DataFrame, pd.Series)) else copy.copy(found)


def remember(key: tuple, make: Callable[[], Any]) -> Any:
    """``make()``, kept in this process under ``key`` (hashable; it names the data version when the
    value depends on the data) for every session, the least recently used thrown out first. The value
    itself is handed out: whoever asks must not change it."""
    with _answers_lock:
        found = _answers.get(key, _answers)
        if found is not _answers:
            _answers.move_to_end(key)
            return found
    found = make()
    with _answers_lock:
        _answers[key] = found
        while len(_answers) > ANSWERS_KEPT:
            _answers.popitem(last=False)
    return found


def percent(share: Any, digits: int = 1) -> str:
    """A share 0–1 as a percentage; an empty share (an empty selection) as a dash."""
    if share is None or pd.isna(share):
        return "–"
    return f"{share:.{digits}%}"
