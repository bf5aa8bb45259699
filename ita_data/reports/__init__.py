"""Read the organisations' own ITA reports (analysis and measures reports) and store what they print.

``parse_file``/``parse_text`` give a ``ParsedReport`` (``to_json()`` is the ``parse --json`` object);
``ingest_paths`` stores reports through the one write path in ``ita_data.store``.
"""

from __future__ import annotations

from .ingest import IngestResult, ingest_bytes, ingest_paths
from .model import Measure, Organization, ParsedReport, preview_row
from .parser import parse_bytes, parse_file, parse_text
from .text import ReportError

__all__ = [
    "IngestResult",
    "Measure",
    "Organization",
    "ParsedReport",
    "ReportError",
    "ingest_bytes",
    "ingest_paths",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "preview_row",
]
