"""Commands ``parse``, ``ingest`` and ``parse-bench`` for the organisations' own ITA reports."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from ita_data import store as store_module

from .ingest import ingest_paths
from .parser import parse_bytes, parse_file
from .text import ReportError

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("parse", help="read ITA analysis/measures reports and print what they say")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per file")
    p.set_defaults(func=cmd_parse)

    p = subparsers.add_parser("ingest", help="store ITA reports in the database")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--db", type=Path, default=None, help="database file (default: $ITA_DB or data/ita.duckdb)")
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("parse-bench", help="time the report parser per document (median ms)")
    p.add_argument("files", nargs="*", metavar="FILE", help=f"default: {SEEDS_DIR}/*.txt")
    p.add_argument("--runs", type=int, default=30)
    p.set_defaults(func=cmd_bench)


def cmd_parse(args: argparse.Namespace) -> int:
    results, failed = [], False
    for name in args.files:
        try:
            report = parse_file(name)
        except ReportError as err:
            print(f"error: {err}", file=sys.stderr)
            failed = True
            continue
        except Exception as err:  # a parser bug must still name the file, not print a traceback
            print(f"error: {name}: the parser failed ({type(err).__name__}: {err})", file=sys.stderr)
            failed = True
            continue
        results.append(report)
        if not args.json:
            print(report.summary())
            for message in report.warnings:
                print(f"  warning: {message}")
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
        db = store_module.Store(path)
    except store_module.StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    with db:
        results = ingest_paths(db, args.files)
    failed = False
    for result in results:
        stream = sys.stderr if result.status == "error" else sys.stdout
        print(result.line(), file=stream)
        for message in result.warnings:
            print(f"  warning: {message}", file=stream)
        failed |= result.status == "error"
    return 1 if failed else 0


def cmd_bench(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files] or sorted(SEEDS_DIR.glob("*.txt"))
    if not files:
        print(f"error: no files to time (looked in {SEEDS_DIR})", file=sys.stderr)
        return 1
    failed = False
    print(f"{'file':<28} {'KB':>6} {'p50 ms':>8} {'min ms':>8}  runs={args.runs}")
    for path in files:
        try:
            data = path.read_bytes()
            parse_bytes(data, path.name)  # warm the caches once
        except (OSError, ReportError) as err:
            print(f"error: {path}: {err}", file=sys.stderr)
            failed = True
            continue
        times = []
        for _ in range(max(1, args.runs)):
            start = time.perf_counter()
            parse_bytes(data, path.name)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{path.name:<28} {len(data) / 1024:>6.1f} {statistics.median(times):>8.2f} {min(times):>8.2f}")
    return 1 if failed else 0
