"""Every table a page shows, as a view that the pages and the data API (``/api/v1/``) share.

- ``params``: the parameters a link carries, read from labels, codes or Thai digits, written as codes;
- ``selection``: ``Selection`` (the resolved choices), ``resolve`` (a whole query, strictly),
  ``link_query`` (the canonical link), ``describe`` / ``caption`` (the selection in Thai);
- ``catalogue``: ``VIEWS`` — each view's analytics call, columns in the page's order, Thai values;
- ``present``: numbers, flags and dates as the screen and the files show them;
- ``files``: the CSV and XLSX every download writes.

Nothing here imports Streamlit: a page hands in its cached ``ask``, the API one on a cursor of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import pandas as pd

from ita_data.analytics import about as about_data
from ita_data.views import params, present
from ita_data.views.catalogue import PAGE_PARAMS, VIEWS, View, page_params
from ita_data.views.files import CSV_TYPE, XLSX_TYPE, Download, csv_bytes, file_name, xlsx_bytes
from ita_data.views.params import PARAMS, SIDEBAR, LinkValueError, Param
from ita_data.views.selection import (
    Ask,
    Selection,
    SelectionError,
    caption,
    describe,
    link_query,
    options,
    place_names,
    resolve,
)

__all__ = [
    "CSV_TYPE",
    "PAGE_PARAMS",
    "PARAMS",
    "SIDEBAR",
    "VIEWS",
    "XLSX_TYPE",
    "Ask",
    "Download",
    "LinkValueError",
    "Param",
    "Selection",
    "SelectionError",
    "View",
    "caption",
    "csv_bytes",
    "describe",
    "download",
    "file_name",
    "has_synthetic",
    "link",
    "link_query",
    "options",
    "page_params",
    "params",
    "present",
    "place_names",
    "resolve",
    "xlsx_bytes",
]


def link(base: str, page: str, sel: Selection, keys: Sequence[str]) -> str:
    """The address that reopens ``page`` with ``sel``: ``base`` (``http://host:8501/``), the page's
    path, and the canonical query of the sidebar and ``keys``."""
    query = urlencode(link_query(sel, keys))
    return f"{base.rstrip('/')}/{page}" + (f"?{query}" if query else "")


def has_synthetic(view: View, ask: Ask, sel: Selection, frame: pd.DataFrame) -> bool:
    """Whether synthetic rows are in ``frame``: by its organisations where it lists them, by the
    selection for an aggregate (it includes synthetic data, and the database holds some)."""
    if view.synthetic == "none" or frame.empty:
        return False
    if view.synthetic == "sources":
        return bool(ask(about_data.sources).pipe(lambda s: (s.kind == "synthetic") & s.withdrawn_at.isna()).any())
    if view.synthetic == "org":
        org = ask(about_data.organization, sel.org) if sel.org is not None else None
        return org is not None and not org.empty and bool(org.is_synthetic.iloc[0])
    if not sel.filters.include_synthetic:
        return False
    if view.synthetic == "selection":
        return bool(ask(about_data.data_status)["synthetic_orgs"])
    ids = [c for c in ("org_id", "org_id_a", "org_id_b") if c in frame.columns]
    synthetic = ask(about_data.synthetic_org_ids)
    return any(bool(frame[c].dropna().astype("int64").isin(synthetic).any()) for c in ids) if synthetic else False


def download(
    view: View,
    ask: Ask,
    sel: Selection,
    base: str,
    *,
    frame: pd.DataFrame | None = None,
    page: str | None = None,
    keys: Sequence[str] | None = None,
) -> Download:
    """``view``'s rows for ``sel`` with what its files say: the caption, the synthetic warning when it
    applies, and the link (to ``page``, by default the view's own) that reopens it."""
    rows = view.frame(ask, sel) if frame is None else view.select(frame)
    page = view.page if page is None else page
    keys = PAGE_PARAMS.get(page, view.params) if keys is None else keys
    return Download(
        view=view,
        sel=sel,
        frame=rows,
        link=link(base, page, sel, keys),
        keys=keys,
        names=place_names(ask, sel),
        synthetic=has_synthetic(view, ask, sel, rows),
    )
