"""Store parsed reports: one transaction per file, nothing half-stored, the same file twice changes nothing.

Every number a report prints becomes a fact of the report's source, with the page and line it was read
from; the store's precedence rule decides which values are current. Numbers read by OCR are held back
unless the person confirmed them (``ocr_confirmed``), and are then stored marked as OCR.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ita_data import framework, labels, orgs
from ita_data import store as store_module
from ita_data.store import Store

from .model import ParsedReport
from .parser import read_report_bytes
from .reading import read_report
from .text import ReportError


@dataclass
class IngestResult:
    path: Path
    status: str  # 'added' | 'updated' | 'unchanged' | 'error'
    message: str
    warnings: list[str] = field(default_factory=list)
    source_id: int | None = None
    held_ocr: int = 0  # numbers read by OCR and not stored until a person confirms them
    report: ParsedReport | None = field(default=None, repr=False, compare=False)  # what was read, if it was

    def line(self) -> str:
        return f"{self.path.name}: {labels.INGEST_STATUSES.get(self.status, self.status)} - {self.message}"


def ingest_paths(store: Store, paths: Iterable[str | os.PathLike[str]], **options) -> list[IngestResult]:
    """Ingest each file in its own transaction, published once for the batch; a file that fails leaves
    nothing behind and the others go on."""
    with store.batch():
        return [ingest_file(store, Path(p), **options) for p in paths]


def ingest_file(store: Store, path: Path, **options) -> IngestResult:
    if path.name.startswith(".") or path.name.lower() == "readme.md":
        return IngestResult(path, "unchanged", labels.INGEST_NOT_A_REPORT)
    try:
        data = read_report_bytes(path)
    except ReportError as err:
        return IngestResult(path, "error", str(err))
    return ingest_bytes(store, data, path, **options)


def ingest_bytes(
    store: Store,
    data: bytes,
    path: str | os.PathLike[str],
    *,
    imported_by: str | None = None,
    ocr_confirmed: bool = False,
    report: ParsedReport | None = None,
) -> IngestResult:
    """Ingest one report given as bytes (an upload); ``path`` names it in results and sources.

    ``report`` is what reading these bytes gave, when the caller already read them (the import page's
    preview, a batch's worker): the bytes are then not read again. ``imported_by`` is who the record
    names (default: the OS user); numbers read by OCR are stored only with ``ocr_confirmed`` (a person
    compared them with the page).
    """
    path = Path(path)
    checksum = store_module.file_checksum(data)
    try:
        known = store.source_of(checksum)
    except (duckdb.Error, store_module.StoreError) as err:
        return IngestResult(path, "error", f"{path.name}: {store_module.explain_read_error(store.path, err)}")
    if known is not None:
        return IngestResult(path, "unchanged", labels.INGEST_ALREADY_STORED.format(source=known), source_id=known)
    if report is None:
        try:
            report = read_report(data, path.name)  # in a capped reader process, as every import reads
        except ReportError as err:
            return IngestResult(path, "error", str(err))
    problem = _cannot_store(report)
    if problem:
        return IngestResult(path, "error", f"{path.name}: {problem}", report.warnings, report=report)
    try:
        with store.importing(report.kind, path.name, checksum, by=imported_by) as imp:
            result = _record(imp, path, report, ocr_confirmed)
        return dataclasses.replace(result, report=report)
    except store_module.DataError as err:
        return IngestResult(path, "error", f"{path.name}: {err}", report.warnings)
    except store_module.StoreError as err:
        return IngestResult(path, "error", f"{path.name}: {err}", report.warnings)
    except duckdb.Error as err:
        explained = store_module.explain_write_error(store.path, err)
        if isinstance(explained, store_module.StoreDamaged) or "No space" in str(err):
            return IngestResult(path, "error", f"{path.name}: {explained}", report.warnings)
        return IngestResult(
            path, "error", labels.INGEST_DATABASE_REFUSED.format(name=path.name, error=err), report.warnings
        )


def _cannot_store(report: ParsedReport) -> str | None:
    if not report.is_ita:
        return labels.INGEST_NOT_ITA
    if report.organization is None:
        return labels.INGEST_NO_ORGANIZATION
    if report.fiscal_year is None:
        return labels.INGEST_NO_FISCAL_YEAR
    try:
        framework.year_rules(report.fiscal_year)
    except framework.UnknownYearError as err:
        return labels.INGEST_NOTHING_STORED.format(reason=err)
    if not report.has_scores and not report.measures:
        return labels.INGEST_NO_FACTS
    return None


def _where(report: ParsedReport, key: str) -> tuple[str | None, str | None, bool]:
    """(page and line, the line's text, read by OCR) of one fact of the report."""
    line = report.locations.get(key)
    if line is None:
        return None, None, False
    document = report.document
    page = document.page_of_line(line) if document is not None else None
    where = f"หน้า {page} บรรทัด {line}" if page else f"บรรทัด {line}"
    ocr = bool(document is not None and document.is_ocr_line(line))
    return where, report.snippet(key) or None, ocr


def _record(imp: store_module.Import, path: Path, report: ParsedReport, ocr_confirmed: bool) -> IngestResult:
    """What the report states, through the one import path; numbers read by OCR wait unless confirmed."""
    # Someone may have ingested the same bytes between the check above and this write.
    if imp.existing is not None:
        return IngestResult(
            path, "unchanged", labels.INGEST_ALREADY_STORED.format(source=imp.existing), report.warnings, imp.existing
        )
    org, fy = report.organization, report.fiscal_year
    assert org is not None and fy is not None  # _cannot_store refused reports without them
    record = store_module.OrgRecord(org.type_code, org.name, org.province, org.district)
    label = record.label()
    places = {key: _where(report, key) for key in report.locations}
    ocr_keys = {key for key, (_w, _s, ocr) in places.items() if ocr}
    warnings = list(report.warnings)
    held = sorted(ocr_keys) if not ocr_confirmed else []
    if held:
        warnings.append(
            labels.INGEST_OCR_HELD.format(
                name=path.name,
                count=len(held),
                keys=", ".join(map(labels.report_key_label, held[:8])) + ("…" if len(held) > 8 else ""),
            )
        )
    held_keys = set(held)
    if "fiscal_year" in held_keys:
        # The year decides where everything else goes: read by OCR, it waits for a person like the numbers.
        return IngestResult(path, "error", labels.INGEST_YEAR_HELD.format(year=fy), warnings, held_ocr=len(held))
    indicator_scores = {n: v for n, v in report.indicator_scores.items() if f"indicator:{n}" not in held_keys}
    item_scores = {c: v for c, v in report.item_scores.items() if f"item:{c}" not in held_keys}
    total = None if "total_score" in held_keys else report.total_score
    level = None if "level" in held_keys else report.level
    rank = None if "province_rank" in held_keys else report.province_rank
    rank_of = None if "province_rank_of" in held_keys or rank is None else report.province_rank_of
    existed = imp.stored_record(record, fy).holds(0)
    imp.note = labels.INGEST_WARNINGS_NOTE.format(count=len(warnings)) if warnings else None
    imp.from_ocr = bool(ocr_keys - set(held))
    org_id = imp.organization(record)
    facts = imp.assessment(
        org_id,
        fy,
        label=label,
        total_score=total,
        level_reported=level,
        province_rank=rank,
        province_rank_of=rank_of,
        indicator_scores=indicator_scores,
        item_scores=item_scores,
        locations={key: (where, snippet) for key, (where, snippet, _ocr) in places.items()},
        from_ocr=ocr_keys,
    )
    measures = []
    for number, measure in enumerate(report.measures, start=1):
        where, snippet, ocr = places.get(f"measure:{number}", (None, None, False))
        measures.append(measure.to_store() | {"location": where, "snippet": snippet, "from_ocr": ocr})
    measure_rows = imp.document_measures(org_id, fy, measures, label=label)
    imp.changes.update(
        {
            "added": 0 if existed else 1,
            "updated": 1 if existed else 0,
            "unchanged": 0,
            "rejected": 0,
            "facts": len(facts),
            "measures": len(measure_rows),
            "held_ocr": len(held),
        }
    )
    status = "updated" if existed else "added"
    who = orgs.display_name(org.type_code, org.name)
    message = labels.INGEST_STORED.format(
        who=who,
        year=fy,
        indicators=len(indicator_scores),
        items=len(item_scores),
        measures=len(measure_rows),
        source=imp.source_id,
    )
    return IngestResult(path, status, message, warnings, imp.source_id, held_ocr=len(held))
