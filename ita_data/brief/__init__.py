"""The provincial brief: the printable A4 summary of a selection's ITA results, written from the analytics.

``make_brief(cursor, filters)`` gathers what the pages show (brief.content), fills the editable HTML
template (brief/templates, brief.render) and prints it to PDF with headless Chromium (brief.pdf).
"""

from __future__ import annotations

import datetime as dt

from ita_data.analytics import Filters
from ita_data.brief.content import Brief, BriefError, gather
from ita_data.brief.pdf import PrinterMissing, html_to_pdf, printer_problem
from ita_data.brief.render import render

__all__ = ["Brief", "BriefError", "PrinterMissing", "file_name", "gather", "make_brief", "printer_problem", "render"]


def make_brief(cur, filters: Filters, as_of: dt.date | None = None) -> bytes:
    """The brief of ``filters`` as PDF bytes. BriefError for an empty selection or a year without data,
    PrinterMissing when Chromium is not installed (both say in Thai what to do)."""
    page, header, footer = render(gather(cur, filters, as_of))
    return html_to_pdf(page, header, footer)


def file_name(filters: Filters) -> str:
    """``ita-brief-19-2568.pdf``; the district and type are added when chosen."""
    parts = ["ita-brief", filters.province_code or "nation"]
    parts += [p for p in (filters.district_code, filters.org_type) if p]
    if filters.indicator != "total":
        parts.append(filters.indicator)
    return "-".join([*parts, str(filters.fiscal_year)]) + ".pdf"
