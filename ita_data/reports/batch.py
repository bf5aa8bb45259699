"""Many documents at once — files, folders, zips — into the store, with a line of outcome for each.

Documents are read two at a time, each in a capped reader process (``reading``: reading a PDF is the slow
part, and a hostile document must not take this process with it), while this process stores them one by one
through ``ingest_bytes``, handing it the report the reader read, so nothing is read twice. A document already
stored (same bytes) is not read at all, so running the same batch twice changes nothing. A caller that has
read the documents already (the import page's preview) hands in its reports.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ita_data import labels, orgs
from ita_data import store as store_module
from ita_data.documents import DocumentError, Entry, walk

from .ingest import ingest_bytes
from .model import ParsedReport
from .reading import Readers
from .text import ReportError

READ_FULLY, READ_PARTLY, NOT_READ = labels.READ_FULLY, labels.READ_PARTLY, labels.NOT_READ
WORKERS = max(1, min(2, os.cpu_count() or 1))

Progress = Callable[[int, int, str], None]  # (documents done, documents in all, the one just done)


@dataclass
class Outcome:
    """What became of one document."""

    name: str
    read: str  # READ_FULLY | READ_PARTLY | NOT_READ
    status: str  # 'added' | 'updated' | 'unchanged' | 'error'
    reason: str
    organization: str | None = None
    fiscal_year: int | None = None
    total_score: float | None = None
    measures: int | None = None
    kind: str | None = None  # pdf, docx, html, txt, image
    ocr_pages: tuple[int, ...] = ()
    warnings: list[str] = field(default_factory=list)
    source_id: int | None = None

    def row(self) -> dict[str, object]:
        """The outcome with Thai headers, as the CLI table and the import page show it."""
        return {
            "ไฟล์": self.name,
            "การอ่าน": self.read,
            "ผล": labels.INGEST_STATUSES.get(self.status, self.status),
            "เหตุผล": self.reason,
            "หน่วยงาน": self.organization,
            "ปีงบประมาณ": self.fiscal_year,
            "คะแนนรวม": self.total_score,
            "มาตรการ": self.measures,
        }


def ingest_entries(
    store: store_module.Store,
    entries: Iterable[Entry],
    *,
    accept_ocr: bool = False,
    imported_by: str | None = None,
    progress: Progress | None = None,
    workers: int = WORKERS,
    read: Mapping[int, ParsedReport] | None = None,
) -> list[Outcome]:
    """Store each document in its own transaction; one that fails leaves nothing and the others go on.

    ``read`` holds the reports already read, by the entry's index (the import page's preview): those
    documents are stored as read, not read again."""
    entries = list(entries)
    read = dict(read or {})
    options = _ingest_options(accept_ocr, imported_by)
    todo: list[tuple[str, bytes]] = []
    outcomes: dict[int, Outcome] = {}
    for index, (name, data) in enumerate(entries):
        if isinstance(data, DocumentError):
            outcomes[index] = Outcome(name, NOT_READ, "error", str(data))
        else:
            todo.append((name, data))
    known = _known_sources(store, todo)
    pending = [
        (i, n, d)
        for i, (n, d) in enumerate(entries)
        if not isinstance(d, DocumentError) and n not in known and i not in read
    ]
    futures = _prefetch(pending, workers)
    try:
        with store.batch():
            _store_each(store, entries, outcomes, known, futures, read, options, progress)
    except store_module.StoreError as err:
        # The batch's copy could not be published (a full disk, a damaged file): nothing landed.
        for index, (name, _data) in enumerate(entries):
            previous = outcomes.get(index)
            if previous is None or previous.status in ("added", "updated"):
                outcomes[index] = Outcome(name, NOT_READ, "error", str(err))
    return [outcomes[i] for i in range(len(entries))]


def _store_each(
    store: store_module.Store,
    entries: list,
    outcomes: dict[int, Outcome],
    known: dict,
    futures: dict,
    read: dict[int, ParsedReport],
    options: dict[str, Any],
    progress: Progress | None,
) -> None:
    """Store the documents not answered yet, one transaction each, inside the caller's batch."""
    for index, (name, data) in enumerate(entries):
        if index in outcomes:
            outcome = outcomes[index]
        elif name in known:
            outcome = Outcome(
                name,
                READ_FULLY,
                "unchanged",
                labels.INGEST_ALREADY_STORED.format(source=known[name]),
                source_id=known[name],
            )
        else:
            assert isinstance(data, bytes)  # errors were answered above
            report = read.get(index) or _collect(futures.pop(index))
            outcome = _ingest_one(store, name, data, options, report)
        outcomes[index] = outcome
        if progress is not None:
            progress(index + 1, len(entries), name)


def ingest_folder(store: store_module.Store, paths: Iterable[str | os.PathLike[str]], **options) -> list[Outcome]:
    """``ingest_entries`` over files, folders (recursively) and zips."""
    return ingest_entries(store, walk(paths), **options)


def _ingest_options(accept_ocr: bool, imported_by: str | None) -> dict[str, Any]:
    """The keywords ``ingest_bytes`` takes: OCR confirmation and who imports."""
    return {"ocr_confirmed": accept_ocr, "imported_by": imported_by}


def _known_sources(store: store_module.Store, entries: list[tuple[str, bytes]]) -> dict[str, int]:
    cur = store.cursor()
    try:
        known = {}
        for name, data in entries:
            source = store_module.find_source(cur, store_module.file_checksum(data))
            if source is not None:
                known[name] = source
        return known
    finally:
        cur.close()


def _prefetch(pending: list[tuple[int, str, bytes]], workers: int) -> dict[int, Future]:
    """Every pending document handed to the capped readers, ``workers`` at a time, in order."""
    readers = Readers(workers)
    # read under the name ingest_bytes gives it (the file's own name)
    futures = {index: readers.submit(data, Path(name).name) for index, name, data in pending}
    readers.close(wait=False)  # the futures still complete; the threads end when they have
    return futures


def _collect(future: Future) -> ParsedReport | ReportError:
    """What a reader read (its page images drawn by capped readers too), or why it could not be read."""
    try:
        return future.result()
    except ReportError as err:
        return err


def _ingest_one(
    store: store_module.Store, name: str, data: bytes, options: dict[str, Any], read: ParsedReport | ReportError
) -> Outcome:
    if isinstance(read, ReportError):
        return Outcome(name, NOT_READ, "error", without_name(str(read), name))
    result = ingest_bytes(store, data, name, report=read, **options)
    report: ParsedReport | None = result.report  # what was read, by a reader or the caller
    document = report.document if report is not None else None
    outcome = Outcome(
        name,
        READ_FULLY,
        result.status,
        without_name(result.message, name),
        warnings=list(result.warnings),
        source_id=result.source_id,
    )
    if report is not None:
        org = report.organization
        outcome.organization = orgs.display_name(org.type_code, org.name) if org else None
        outcome.fiscal_year = report.fiscal_year
        outcome.total_score = report.total_score
        outcome.measures = len(report.measures)
    if document is not None:
        outcome.kind = document.kind
        outcome.ocr_pages = tuple(sorted(document.ocr_pages))
    held = result.held_ocr > 0
    if result.status == "error" and (report is None or report.organization is None or report.fiscal_year is None):
        outcome.read = NOT_READ
    elif result.status == "error" or held or (document is not None and not document.complete):
        outcome.read = READ_PARTLY
        if document is not None and not document.complete:
            pages = ", ".join(map(str, document.pages_unread[:10]))
            outcome.reason += labels.OUTCOME_PAGES_UNREAD.format(pages=pages)
        if held:
            outcome.reason += labels.OUTCOME_OCR_HELD
    return outcome


def without_name(message: str, name: str) -> str:
    """A message without the "name: " it starts with, for showing beside the name."""
    base = Path(name).name
    for prefix in (f"{name}: ", f"{base}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def ocr_facts(report: ParsedReport) -> list[dict[str, Any]]:
    """The numbers of a report that were read from OCR'd lines, with their page, for a person to check."""
    document = report.document
    if document is None or not document.ocr_lines:
        return []
    values: dict[str, object] = {
        "total_score": report.total_score,
        "level": report.level,
        "province_rank": report.province_rank,
        "fiscal_year": report.fiscal_year,
    }
    values.update({f"indicator:{n}": v for n, v in report.indicator_scores.items()})
    values.update({f"item:{c}": v for c, v in report.item_scores.items()})
    out = []
    for key, line in sorted(report.locations.items(), key=lambda kv: kv[1]):
        if not document.is_ocr_line(line):
            continue
        out.append(
            {
                "ค่า": labels.report_key_label(key),
                "ที่อ่านได้": "" if values.get(key) is None else str(values.get(key)),
                labels.IMPORT_OCR_PAGE: document.page_of_line(line),  # the page picks its image by it
                "บรรทัด": line,
                "ข้อความในบรรทัด": report.snippet(key),
            }
        )
    return out
