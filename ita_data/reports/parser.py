"""One report, from bytes or text, to a ``ParsedReport``: the order in which the readers run."""

from __future__ import annotations

import os
from pathlib import Path

from ita_data import labels
from ita_data.documents import DocumentError, read_document
from ita_data.documents.limits import MAX_BYTES
from ita_data.documents.text import normalize_text
from ita_data.tables.columns import is_result_header
from ita_data.thai import to_arabic

from . import headline, measures, scores
from .model import ParsedReport
from .tables import split_tables
from .text import ReportError, restore_lost_rings


def parse_text(text: str, source: str) -> ParsedReport:
    """Read a report's text. Never raises on content: what cannot be read becomes a warning."""
    report = ParsedReport(source=source)
    text = restore_lost_rings(normalize_text(text))
    if not text.strip():
        report.warn(labels.REPORT_EMPTY.format(name=source))
        return report
    lines = text.split("\n")
    tables, prose = split_tables(lines)
    flat = to_arabic(scores._TAGS.sub(" ", text).replace("\t", " "))

    kind = headline.find_kind(text)
    year = headline.fiscal_year_at(text)
    if year is not None:
        report.fiscal_year = year[1]
        report.locations["fiscal_year"] = text.count("\n", 0, year[0]) + 1
    report.organization = headline.find_organization(text, report)
    headline.find_headline(flat, report)
    scores.read_scores(tables, prose, text, report)
    titled = kind is not None
    if kind is None:
        kind = "analysis" if report.has_scores or not any(t.is_measures for t in tables) else "measures"
    report.kind = kind
    measures.read_measures(tables, report)
    if any(is_result_header(line.split("\t")) for line in lines if "\t" in line and "จังหวัด" in line):
        # A result page of many organisations (ITAS's, saved or printed) is the table importer's input.
        _not_ita(report)
        report.warn(labels.REPORT_IS_RESULT_TABLE.format(name=source))
        return report
    if (
        not headline.ties_to_ita(text)
        or headline.titled_otherwise(text)
        or not (titled or report.has_scores or report.measures)
    ):
        _not_ita(report)
        report.warn(labels.REPORT_NOT_ITA.format(name=source))
        return report
    if not titled:
        report.warn(labels.REPORT_KIND_GUESSED.format(name=source, kind=labels.SOURCE_KINDS[kind], kind_en=kind))
    scores.indicator_number_warnings(text, report)
    scores.check_consistency(report)

    if report.organization is None:
        report.warn(labels.REPORT_NO_ORGANIZATION.format(name=source))
    if report.fiscal_year is None:
        report.warn(labels.REPORT_NO_FISCAL_YEAR.format(name=source))
    if not report.has_scores and not report.measures:
        report.warn(labels.REPORT_NO_FACTS.format(name=source))
    return report


def _not_ita(report: ParsedReport) -> None:
    """A text that is not an ITA result keeps who and which year it names, and nothing as a result."""
    report.is_ita = False
    report.total_score = report.level = report.province_rank = report.province_rank_of = None
    report.indicator_scores, report.item_scores, report.measures = {}, {}, []
    report.locations = {k: v for k, v in report.locations.items() if k in ("fiscal_year",)}


def parse_bytes(data: bytes, source: str, ocr: bool = True) -> ParsedReport:
    """Read a report in any form ``ita_data.documents`` reads (PDF, Word, web page, text, scan).

    The report carries the ``DocumentText`` it was read from (``report.document``: pages, OCR'd lines);
    ReportError (a ``DocumentError``, naming the file) when the bytes cannot be read at all."""
    if len(data) > MAX_BYTES:
        raise _too_large(source, len(data))
    try:
        document = read_document(data, source, ocr=ocr)
    except ReportError:
        raise
    except DocumentError as err:
        raise ReportError(str(err)) from None
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
            raise _too_large(path.name, size)
        return path.read_bytes()
    except IsADirectoryError:
        raise ReportError(labels.REPORT_IS_FOLDER.format(path=path)) from None
    except FileNotFoundError:
        raise ReportError(labels.REPORT_NO_SUCH_FILE.format(path=path)) from None
    except PermissionError:
        raise ReportError(labels.REPORT_PERMISSION_DENIED.format(path=path)) from None
    except OSError as err:
        raise ReportError(labels.REPORT_CANNOT_READ.format(path=path, reason=err.strerror or err)) from None


def _too_large(name: str, size: int) -> ReportError:
    return ReportError(labels.REPORT_TOO_LARGE.format(name=name, size=size / 2**20, limit=MAX_BYTES // 2**20))


def parse_file(path: str | os.PathLike[str]) -> ParsedReport:
    """Read one report file of any supported kind; ReportError (naming the file) when it cannot be read."""
    return parse_bytes(read_report_bytes(path), Path(path).name)
