"""Text from documents, files and links, made inert wherever we show or write it.

Names, cells, file names and URL values are data: on a page they show exactly as written (never as a
link, formatting or HTML), and in a spreadsheet we write they stay text (never a formula). Each place
that renders text has one helper here, so a new page or download has one thing to call.
"""

from __future__ import annotations

import html
import re
import string
from typing import Any

import pandas as pd

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and an escaped one is
# shown as itself. Escaping all of them also stops what Streamlit adds to Markdown: ``:red[...]``
# directives, ``:material/...:`` icons, ``$...$`` maths and bare-URL autolinks (``http\:``).
_MARKDOWN_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


# GFM links bare addresses (http://…, www.…, name@host) found in the text *after* escapes are read,
# so an escaped ":" is still linked; an invisible WORD JOINER where the pattern starts stops that.
_AUTOLINK_STARTS = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp|www)(?=[:.])|(?=@)")
_WORD_JOINER = "\u2060"


def markdown_literal(text: Any, limit: int | None = None) -> str:
    """``text`` for a Markdown element (title, subheader, caption, notice, metric label): shown as
    written, never as a link, an image, formatting or HTML. Line breaks become spaces, so a name
    cannot start a new heading or list; ``limit`` cuts a value echoed from a link (it may be thousands
    of characters) to that many, marked with "…"."""
    text = _LINE_BREAKS.sub(" ", str(text))
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    text = _AUTOLINK_STARTS.sub(lambda m: m.group(0) + _WORD_JOINER, text)
    return text.translate(_MARKDOWN_ESCAPES)


def html_literal(text: Any) -> str:
    """``text`` for a Plotly label, tick, hover or annotation: Plotly draws a subset of HTML
    (``<a href>``, ``<b>``, ``<br>``...) from strings, so ``&``, ``<`` and ``>`` become entities,
    which Plotly shows as the characters themselves."""
    return html.escape(str(text), quote=False)


def html_literals(values: Any) -> Any:
    """``html_literal`` over a Series or a list (missing values stay missing)."""
    if isinstance(values, pd.Series):
        return values.map(lambda v: v if _missing(v) else html_literal(v))
    return [v if _missing(v) else html_literal(v) for v in values]


# A cell starting with one of these is a formula (or DDE) to Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A cell value for a CSV or XLSX we write: text that a spreadsheet would run as a formula gets a
    leading apostrophe (shown as written, kept as text); numbers and everything else stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def from_spreadsheet_cell(text: str) -> str:
    """The text ``spreadsheet_cell`` wrote, read back: the apostrophe it added is dropped."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def spreadsheet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell and header passed through ``spreadsheet_cell``; numeric columns
    are untouched, so numbers stay numbers."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(spreadsheet_cell)
    out.columns = [spreadsheet_cell(c) for c in out.columns]
    return out


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))
