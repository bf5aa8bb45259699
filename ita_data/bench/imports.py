"""``import-bench``: the import of a national-size fictional table, first, again and corrected (prints figures)."""

from __future__ import annotations

import argparse
import io
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from ita_data import framework, orgs, synthetic
from ita_data.derived import open_store
from ita_data.tables.commit import commit_table
from ita_data.tables.export import RESULT_HEADERS
from ita_data.tables.read import read_table

NATIONAL_ROWS = 7850


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
    p = subparsers.add_parser("import-bench", help="time the import of a national-size fictional table")
    p.add_argument("--rows", type=int, default=NATIONAL_ROWS, help="rows (default %(default)s)")
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.add_argument("--years", type=int, default=1, help="fiscal years in the one table (7: about 55,000 rows)")
    p.add_argument("--db", help="database file (default: a temporary one)")
    p.set_defaults(func=_bench)
