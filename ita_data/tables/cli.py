"""``python -m ita_data import-table | export | import-bench``: result tables from and to the command line."""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from ita_data import framework, labels, orgs, settings, store, synthetic
from ita_data.derived import open_store
from ita_data.tables.commit import commit_table, import_table_file
from ita_data.tables.export import RESULT_HEADERS, export_all
from ita_data.tables.read import TableError, read_table

NATIONAL_ROWS = 7850


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


# --- benchmark ---------------------------------------------------------------------------


def national_table(rows: int = NATIONAL_ROWS, seed: int = 1, fiscal_year: int = 2566) -> pd.DataFrame:
    """A national-size results table in the export layout: fictional organisations in real districts."""
    rng = np.random.default_rng(seed)
    organizations = synthetic.make_organizations(rng)
    if rows > len(organizations):
        raise ValueError(f"at most {len(organizations):,} fictional organisations are available")
    organizations = organizations.iloc[:rows]
    scores = np.round(rng.uniform(60, 100, size=(rows, 10)), 2)
    frame = pd.DataFrame(
        {
            RESULT_HEADERS["org_type"]: [orgs.org_type(c).short_th for c in organizations["org_type"]],
            RESULT_HEADERS["name"]: organizations["name"].to_numpy(),
            RESULT_HEADERS["district"]: organizations["district"].to_numpy(),
            RESULT_HEADERS["province"]: organizations["province"].to_numpy(),
            RESULT_HEADERS["fiscal_year"]: fiscal_year,
        }
    )
    for i in range(10):
        frame[RESULT_HEADERS[f"indicator_{i + 1}"]] = scores[:, i]
    totals = [framework.total_score(fiscal_year, dict(enumerate(s, start=1))) for s in scores]
    frame[RESULT_HEADERS["total_score"]] = totals
    frame[RESULT_HEADERS["level_reported"]] = [
        framework.level_from_indicators(fiscal_year, dict(enumerate(s, start=1))) for s in scores
    ]
    return frame


def table_bytes(frame: pd.DataFrame, file_format: str) -> bytes:
    buffer = io.BytesIO()
    if file_format == "xlsx":
        frame.to_excel(buffer, index=False)
    else:
        frame.to_csv(buffer, index=False, encoding="utf-8-sig")
    return buffer.getvalue()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _bench(args: argparse.Namespace) -> int:
    baseline = _peak_mb()
    # One table of several years, as the NACC's multi-year results are: the same organisations each year.
    years = framework.known_years()[-args.years :]
    frame = pd.concat(
        [national_table(args.rows, seed=1 + i, fiscal_year=fy) for i, fy in enumerate(years)], ignore_index=True
    )
    data = table_bytes(frame, args.format)
    name = f"national.{args.format}"
    print(f"{len(frame):,} rows, {len(data) / 1e6:.1f} MB {args.format}; peak RSS before {baseline:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(args.db) if args.db else Path(tmp) / "bench.duckdb") as db:
            started = time.perf_counter()
            preview = read_table(data, name)
            read_s = time.perf_counter() - started
            result = commit_table(db, preview)
            total_s = time.perf_counter() - started
            print(
                f"first import: read+check {read_s:.2f} s, store {result.seconds:.2f} s, "
                f"total {total_s:.2f} s — {result.summary()}"
            )
            started = time.perf_counter()
            again = commit_table(db, read_table(data, name))
            print(f"same file again: {time.perf_counter() - started:.2f} s — {again.summary()}")
            corrected = frame.copy()
            column = RESULT_HEADERS["indicator_9"]
            corrected.loc[corrected.index[::10], column] = (corrected[column].iloc[::10] - 1).clip(0)
            started = time.perf_counter()
            fixed = commit_table(db, read_table(table_bytes(corrected, args.format), f"fixed.{args.format}"))
            seconds = time.perf_counter() - started
            print(f"corrected file (every 10th row): {seconds:.2f} s — {fixed.summary()}")
    print(f"peak RSS {_peak_mb():.0f} MB")
    return 0 if result.ok and fixed.ok else 1


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

    p = subparsers.add_parser("import-bench", help="time the import of a national-size fictional table")
    p.add_argument("--rows", type=int, default=NATIONAL_ROWS, help="rows (default %(default)s)")
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.add_argument("--years", type=int, default=1, help="fiscal years in the one table (7: about 55,000 rows)")
    p.add_argument("--db", help="database file (default: a temporary one)")
    p.set_defaults(func=_bench)
