"""One report, from bytes or text, to a ``ParsedReport``: the order in which the readers run."""

from __future__ import annotations

import os
from pathlib import Path

from ita_data.thai import to_arabic

from . import analysis, measures
from .model import ParsedReport
from .tables import split_tables
from .text import MAX_BYTES, ReportError, normalize_text


def parse_text(text: str, source: str) -> ParsedReport:
    """Read a report's text. Never raises on content: what cannot be read becomes a warning."""
    report = ParsedReport(source=source)
    text = normalize_text(text)
    if not text.strip():
        report.warn(f"{source}: the file is empty")
        return report
    lines = text.split("\n")
    tables, prose = split_tables(lines)
    flat = to_arabic(analysis._TAGS.sub(" ", text).replace("\t", " "))

    kind = analysis.find_kind(text)
    report.fiscal_year = analysis.find_fiscal_year(text)
    report.organization = analysis.find_organization(text, report)
    analysis.find_headline(flat, report)
    analysis.read_scores(tables, prose, text, report)
    if kind is None:
        kind = "analysis" if report.has_scores or not any(t.is_measures for t in tables) else "measures"
        report.warn(f"{source}: no title says whether this is an analysis or a measures report; read as {kind}")
    report.kind = kind
    measures.read_measures(tables, report)
    analysis.indicator_number_warnings(text, report)
    analysis.check_consistency(report)

    if report.organization is None:
        report.warn(f"{source}: no organisation (เทศบาล…/องค์การบริหารส่วน…/อบต./ทต. …) found")
    if report.fiscal_year is None:
        report.warn(f"{source}: no fiscal year (ปีงบประมาณ พ.ศ. …) found")
    if not report.has_scores and not report.measures:
        report.warn(f"{source}: no score, level, rank or measure found")
    return report


def parse_bytes(data: bytes, source: str, ocr: bool = True) -> ParsedReport:
    """Read a report in any form ``ita_data.documents`` reads (PDF, Word, web page, text, scan).

    The report carries the ``DocumentText`` it was read from (``report.document``: pages, OCR'd lines);
    ReportError (a ``DocumentError``, naming the file) when the bytes cannot be read at all."""
    if len(data) > MAX_BYTES:
        raise ReportError(f"{source}: {len(data) / 1e6:.1f} MB is too large for a report (limit {MAX_BYTES // 2**20} MB)")
    from ita_data.documents import (
        read_document,  # documents imports .text, which imports this package
    )

    document = read_document(data, source, ocr=ocr)
    report = parse_text(document.text, source)
    report.document = document
    for message in reversed(document.warnings):
        report.warnings.insert(0, message)
    return report


def read_report_bytes(path: str | os.PathLike[str]) -> bytes:
    """A report file's bytes; ReportError (naming the file) when it is too large or cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReportError(f"{path.name}: {size / 1e6:.1f} MB is too large for a report (limit {MAX_BYTES // 2**20} MB)")
        return path.read_bytes()
    except IsADirectoryError:
        raise ReportError(f"{path}: is a folder, not a report file") from None
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    except PermissionError:
        raise ReportError(f"{path}: permission denied") from None
    except OSError as err:
        raise ReportError(f"{path}: cannot be read ({err.strerror or err})") from None


def parse_file(path: str | os.PathLike[str]) -> ParsedReport:
    """Read one report file of any supported kind; ReportError (naming the file) when it cannot be read."""
    return parse_bytes(read_report_bytes(path), Path(path).name)
