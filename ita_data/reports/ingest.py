"""Store parsed reports: one transaction per file, nothing half-stored, the same file twice changes nothing.

A newer report for the same organisation and year replaces the numbers it prints (each keeps the id of
the source it came from); numbers it does not print keep theirs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import duckdb

from ita_data import framework, orgs, store as store_module
from ita_data.store import Store

from .model import ParsedReport
from .parser import parse_bytes, read_report_bytes
from .text import ReportError


@dataclass
class IngestResult:
    path: Path
    status: str  # 'added' | 'updated' | 'unchanged' | 'error'
    message: str
    warnings: list[str] = field(default_factory=list)
    source_id: int | None = None

    def line(self) -> str:
        return f"{self.path.name}: {self.status} - {self.message}"


def ingest_paths(store: Store, paths: Iterable[str | os.PathLike[str]]) -> list[IngestResult]:
    """Ingest each file in its own transaction; a file that fails leaves nothing behind and others go on."""
    return [ingest_file(store, Path(p)) for p in paths]


def ingest_file(store: Store, path: Path) -> IngestResult:
    if path.name.startswith(".") or path.name.lower() == "readme.md":
        return IngestResult(path, "unchanged", "not a report (skipped)")
    try:
        data = read_report_bytes(path)
    except ReportError as err:
        return IngestResult(path, "error", str(err))
    return ingest_bytes(store, data, path)


def ingest_bytes(store: Store, data: bytes, path: str | os.PathLike[str]) -> IngestResult:
    """Ingest one report given as bytes (an upload); ``path`` names it in results and sources."""
    path = Path(path)
    checksum = store_module.file_checksum(data)
    cur = store.cursor()
    try:
        known = store_module.find_source(cur, checksum)
    finally:
        cur.close()
    if known is not None:
        return IngestResult(path, "unchanged", f"already ingested (source {known})", source_id=known)
    try:
        report = parse_bytes(data, path.name)
    except ReportError as err:
        return IngestResult(path, "error", str(err))
    problem = _cannot_store(report)
    if problem:
        return IngestResult(path, "error", f"{path.name}: {problem}", report.warnings)
    try:
        with store.transaction() as cur:
            return _write(cur, path, checksum, report)
    except store_module.DataError as err:
        return IngestResult(path, "error", f"{path.name}: {err}", report.warnings)
    except duckdb.Error as err:
        return IngestResult(path, "error", f"{path.name}: database refused the report ({err})", report.warnings)


def _cannot_store(report: ParsedReport) -> str | None:
    if report.organization is None:
        return "no organisation found in the report; nothing stored"
    if report.fiscal_year is None:
        return "no fiscal year found in the report; nothing stored"
    try:
        framework.year_rules(report.fiscal_year)
    except framework.UnknownYearError as err:
        return f"{err}; nothing stored"
    if not report.has_scores and not report.measures:
        return "no score, level, rank or measure found; nothing stored"
    return None


def _write(cur: duckdb.DuckDBPyConnection, path: Path, checksum: str, report: ParsedReport) -> IngestResult:
    # Someone may have ingested the same bytes between the check above and this transaction.
    known = store_module.find_source(cur, checksum)
    if known is not None:
        return IngestResult(path, "unchanged", f"already ingested (source {known})", report.warnings, known)
    org = report.organization
    record = store_module.OrgRecord(org.type_code, org.name, org.province, org.district)
    org_id = store_module.upsert_organization(cur, record)
    fy = report.fiscal_year
    existed = cur.execute(
        "SELECT (SELECT count(*) FROM assessments WHERE org_id = ? AND fiscal_year = ?)"
        " + (SELECT count(*) FROM measures WHERE org_id = ? AND fiscal_year = ?)",
        [org_id, fy, org_id, fy],
    ).fetchone()[0]
    note = f"{len(report.warnings)} warning(s)" if report.warnings else None
    source_id = store_module.add_source(cur, path.name, checksum, report.kind, note)
    label = record.label()
    if report.has_scores:
        store_module.save_assessment(
            cur, org_id, fy, source_id,
            label=label,
            total_score=report.total_score,
            level_reported=report.level,
            province_rank=report.province_rank,
            province_rank_of=report.province_rank_of,
            indicator_scores=report.indicator_scores,
            item_scores=report.item_scores,
        )
    stored_measures = 0
    if report.measures:
        stored_measures = store_module.replace_measures(
            cur, org_id, fy, report.kind, [m.to_store() for m in report.measures], source_id, label=label,
        )
    status = "updated" if existed else "added"
    who = orgs.display_name(org.type_code, org.name)
    message = (
        f"{who} FY{fy}: {len(report.indicator_scores)} indicator and {len(report.item_scores)} item "
        f"scores, {stored_measures} measures (source {source_id})"
    )
    return IngestResult(path, status, message, report.warnings, source_id)
