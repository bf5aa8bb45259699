"""``python -m ita_data import-table | export | import-bench``: result tables from and to the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from ita_data import labels, settings, store
from ita_data.derived import open_store
from ita_data.tables import match
from ita_data.tables.cells import CellError, read_year
from ita_data.tables.commit import ImportResult, import_table_file
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


def fiscal_year(text: str) -> int:
    """``--fy 2566`` or ``--fy ๒๕๖๖``: a B.E. fiscal year the ITA rules cover."""
    try:
        return read_year(text)
    except CellError as err:
        raise argparse.ArgumentTypeError(f"{labels.TABLE_FY_UNREADABLE.format(value=text)} ({err})") from None


def _print_matches(result: ImportResult) -> None:
    if not result.match_counts:
        return
    counts = result.match_counts
    print(
        labels.TABLE_CLI_MATCHES.format(
            matched=counts.get("matched", 0),
            new=counts.get("new", 0),
            decide=counts.get("decide", 0),
            confirmed=counts.get("confirmed", 0) + counts.get("confirmed_new", 0),
        )
    )
    near = result.matches[result.matches["status"] == "decide"]
    if len(near):
        print(labels.TABLE_CLI_NEAR_TITLE)
        for line in near.itertuples():
            print(
                labels.TABLE_CLI_NEAR.format(
                    row=line.row,
                    org_name=line.org_name,
                    candidate_id=line.candidate_id,
                    candidate=line.candidate,
                    why=line.why,
                )
            )


def _import(args: argparse.Namespace) -> int:
    try:
        decisions = None
        if args.decisions:
            path = Path(args.decisions)
            decisions = match.read_decisions(path.read_bytes(), path.name)
        with _open(args) as db:
            preview, result = import_table_file(
                db,
                args.file,
                fiscal_year=args.fy,
                dry_run=args.dry_run,
                decisions=decisions,
                accept_near=args.accept_near,
            )
    except (TableError, store.StoreError, OSError, ValueError) as err:
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
    _print_matches(result)
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
        help="import a result table: CSV/XLSX, or an ITAS page saved (.html), copied (.txt) or printed (.pdf)",
        description="Import a NACC result table: one row per organisation and year. A file with any "
        "rejected row, or a row near a stored organisation left undecided, stores nothing; the same file "
        "twice changes nothing. Rows are matched to the organisations already stored by type, name and "
        "province; run with --dry-run first to see the matches.",
    )
    p.add_argument("file", help="a .csv, .xlsx, .html, .txt (copied rows) or .pdf (a printed page) file")
    p.add_argument("--db", help=db_help)
    p.add_argument("--dry-run", action="store_true", help="check, compare and match; store nothing")
    p.add_argument(
        "--fy",
        "--year",
        dest="fy",
        type=fiscal_year,
        help="fiscal year (B.E., Thai digits too) of a table that states none, e.g. an ITAS page; a table "
        "stating another year is refused (--year is the older name)",
    )
    p.add_argument(
        "--accept-near",
        action="store_true",
        help="take the one stored organisation proposed for each near row (see --dry-run); rows with "
        "several proposals need --decisions",
    )
    p.add_argument(
        "--decisions",
        metavar="CSV",
        help="a CSV with the columns row and choice: the org_id of a proposed stored organisation, or new",
    )
    p.set_defaults(func=_import)

    p = subparsers.add_parser("export", help="write results.csv (importable) and every table as Parquet")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=_export)
