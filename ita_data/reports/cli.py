"""Commands ``parse``, ``ingest``, ``parse-bench`` and ``doc-bench`` for the organisations' own ITA reports.

``parse`` and ``ingest`` take files, folders (read recursively) and zips, in any form ``ita_data.documents``
reads: PDF, Word, saved web pages, text, scans. Each document is read in a capped reader process
(``reading``), two at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ita_data import labels
from ita_data import store as store_module
from ita_data.derived import open_store
from ita_data.documents import DocumentError, walk

from . import batch
from .reading import read_each


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("parse", help="read ITA analysis/measures reports and print what they say")
    p.add_argument("files", nargs="+", metavar="PATH", help="files, folders or zips (PDF, DOCX, HTML, TXT, PNG/JPG)")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per file")
    p.set_defaults(func=cmd_parse)

    p = subparsers.add_parser("ingest", help="store ITA reports in the database")
    p.add_argument("files", nargs="+", metavar="PATH", help="files, folders or zips (PDF, DOCX, HTML, TXT, PNG/JPG)")
    p.add_argument("--db", type=Path, default=None, help="database file (default: $ITA_DB or data/ita.duckdb)")
    p.add_argument(
        "--accept-ocr",
        action="store_true",
        help="store numbers read by OCR from scans (only after comparing them with the pages)",
    )
    p.add_argument("--by", default=None, help="who imports (recorded with each source; default: the OS user)")
    p.set_defaults(func=cmd_ingest)


def cmd_parse(args: argparse.Namespace) -> int:
    results, failed = [], False
    for _name, read in read_each(walk(args.files), batch.WORKERS):
        if isinstance(read, DocumentError):  # a ReportError too: it names the file and why (a cap it passed)
            print(labels.CLI_ERROR.format(message=read), file=sys.stderr)
            failed = True
            continue
        results.append(read)
        if not args.json:
            print(read.summary())
            for message in read.warnings:
                print(labels.CLI_WARNING.format(message=message))
    if args.json:
        _write(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped early; that is not a failure of the parse
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def cmd_ingest(args: argparse.Namespace) -> int:
    path = args.db or store_module.default_db_path()
    try:
        db = open_store(path, on_wait=lambda message: print(message, file=sys.stderr, flush=True))
    except store_module.StoreError as err:
        print(labels.CLI_ERROR.format(message=err), file=sys.stderr)
        return 1
    entries = list(walk(args.files))
    show = _progress(len(entries))
    with db:
        outcomes = batch.ingest_entries(db, entries, accept_ocr=args.accept_ocr, imported_by=args.by, progress=show)
    print(outcome_table(outcomes))
    for outcome in outcomes:
        if outcome.status == "error":  # one line per failure on stderr, for scripts that watch it
            print(labels.CLI_FILE_ERROR.format(name=outcome.name, reason=outcome.reason), file=sys.stderr)
        for message in outcome.warnings:
            shown = batch.without_name(message, outcome.name)  # the name is already at the start of the line
            print(labels.CLI_FILE_WARNING.format(name=outcome.name, message=shown), file=sys.stderr)
    counts = {s: sum(o.read == s for o in outcomes) for s in (batch.READ_FULLY, batch.READ_PARTLY, batch.NOT_READ)}
    print(
        " · ".join(f"{k} {v}" for k, v in counts.items()) + " · " + labels.CLI_FILES_TOTAL.format(count=len(outcomes))
    )
    return 1 if any(o.status == "error" for o in outcomes) else 0


def _progress(total: int):
    """A progress line on stderr: rewritten in place on a terminal, one line per tenth otherwise."""
    tty = sys.stderr.isatty()
    step = max(1, total // 10)

    def show(done: int, total: int, name: str) -> None:
        if tty:
            print(f"\r[{done}/{total}] {name[-60:]:<60}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done % step == 0 or done == total:
            print(f"[{done}/{total}] {name}", file=sys.stderr, flush=True)

    return show


def outcome_table(outcomes: list[batch.Outcome]) -> str:
    """One line per file: read fully/partly/not, the result, and what was found, as aligned plain text."""
    header = ["ไฟล์", "การอ่าน", "ผล", "หน่วยงาน", "ปี", "คะแนนรวม", "มาตรการ", "เหตุผล"]
    rows = [header]
    for o in outcomes:
        r = o.row()
        rows.append(
            [
                str(r["ไฟล์"]),
                str(r["การอ่าน"]),
                str(r["ผล"]),
                str(r["หน่วยงาน"] or "-"),
                str(r["ปีงบประมาณ"] or "-"),
                f"{o.total_score:.2f}" if o.total_score is not None else "-",
                str(o.measures) if o.measures is not None else "-",
                str(r["เหตุผล"])[:160],
            ]
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [row[i] + " " * (widths[i] - _width(row[i])) for i in range(len(widths))] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Thai marks above and below a letter take none."""
    import unicodedata

    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text)
