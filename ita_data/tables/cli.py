"""``python -m ita_data import-table | export | import-bench``: result tables from and to the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from ita_data import labels, settings, store
from ita_data.derived import open_store
from ita_data.tables.commit import import_table_file
from ita_data.tables.export import export_all
from ita_data.tables.read import TableError


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else settings.default_db_path()


def _open(args: argparse.Namespace) -> store.Store:
    return open_store(_db_path(args), on_wait=lambda message: print(message, file=sys.stderr, flush=True))


def _print_problems(title: str, problems: list[tuple[int, str]]) -> None:
    if problems:
        print(title)
        for row, reason in problems:
            print(labels.TABLE_CLI_ROW.format(row=row, reason=reason))


def _import(args: argparse.Namespace) -> int:
    try:
        with _open(args) as db:
            preview, result = import_table_file(db, args.file, fiscal_year=args.year, dry_run=args.dry_run)
    except (TableError, store.StoreError, OSError) as err:
        print(err, file=sys.stderr)
        return 1
    except duckdb.Error as err:
        print(store.explain_read_error(_db_path(args), err), file=sys.stderr)
        return 1
    sheet = labels.TABLE_CLI_SHEET.format(sheet=preview.sheet) if preview.sheet else ""
    encoding = labels.TABLE_CLI_ENCODING.format(encoding=preview.encoding) if preview.encoding else ""
    print(
        labels.TABLE_CLI_READ.format(name=Path(args.file).name, rows=preview.rows_read, sheet=sheet, encoding=encoding)
    )
    _print_problems(labels.TABLE_CLI_WARNINGS, result.warnings)
    print(result.summary())
    _print_problems(labels.TABLE_CLI_REJECTED, result.rejected)
    if result.ok:
        print(labels.TABLE_CLI_STORED.format(source=result.source_id, seconds=result.seconds))
    else:
        print(labels.TABLE_CLI_NOT_STORED.format(count=len(result.rejected)))
    return 0 if result.ok else 1


def _export(args: argparse.Namespace) -> int:
    try:
        with _open(args) as db:
            written = export_all(db, args.out)
    except (store.StoreError, OSError) as err:
        print(err, file=sys.stderr)
        return 1
    except duckdb.Error as err:
        print(store.explain_read_error(_db_path(args), err), file=sys.stderr)
        return 1
    for name, path in written.items():
        print(f"{name}: {path}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    db_help = "database file (default: $ITA_DB or data/ita.duckdb)"
    p = subparsers.add_parser(
        "import-table",
        help="import a CSV/XLSX result table (all rows or none)",
        description="Import a NACC result table: one row per organisation and year. A file with any "
        "rejected row stores nothing; the same file twice changes nothing.",
    )
    p.add_argument("file", help="a .csv or .xlsx file")
    p.add_argument("--db", help=db_help)
    p.add_argument("--dry-run", action="store_true", help="check and compare, store nothing")
    p.add_argument("--year", type=int, help="fiscal year (B.E.) for a table without a year column")
    p.set_defaults(func=_import)

    p = subparsers.add_parser("export", help="write results.csv (importable) and every table as Parquet")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=_export)
