"""``python -m ita_data store-bench``: what a write costs at national scale (printed, never asserted).

Publishing a snapshot, ingesting one report, a batch, withdrawing one, and the disk the facts take.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from ita_data import settings
from ita_data.build import build_database
from ita_data.derived import open_store
from ita_data.reports.ingest import ingest_paths

SEEDS_DIR = settings.SHARED_DIR / "seeds"


def _ms(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:,.0f} ms, max {max(seconds) * 1000:,.0f} ms"


def _table_bytes(db, table: str) -> int:
    cur = db.cursor()
    blocks = cur.execute(
        "SELECT count(DISTINCT block_id) FROM pragma_storage_info(?) WHERE persistent", [table]
    ).fetchone()[0]
    size = cur.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
    return int(blocks) * int(size)


def run(args: argparse.Namespace) -> int:
    seeds = sorted(Path(args.seeds).glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "ita.duckdb"
        if args.db:
            shutil.copy(args.db, db_path)
        else:
            started = time.perf_counter()
            build_database(db_path, reports_dir=None)
            print(f"national synthetic build: {time.perf_counter() - started:.1f} s")
        pristine = Path(tmp) / "pristine.duckdb"
        shutil.copy(db_path, pristine)
        with open_store(db_path) as db:
            facts = db.query("SELECT count(*) AS n FROM facts").n[0]
            print(
                f"database {db_path.stat().st_size / 1e6:.1f} MB; facts table {facts:,} rows, "
                f"{_table_bytes(db, 'facts') / 1e6:.1f} MB on disk; item_scores "
                f"{_table_bytes(db, 'item_scores') / 1e6:.1f} MB"
            )
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                with db.transaction():
                    pass  # nothing to write: the cost of copying, rebuilding derived tables, publishing
                times.append(time.perf_counter() - started)
            print(f"publish a snapshot (empty write): {_ms(times)}")
            times = []
            for seed in seeds:
                started = time.perf_counter()
                (result,) = ingest_paths(db, [seed])
                times.append(time.perf_counter() - started)
                if result.status == "error":
                    print(f"  {seed.name}: {result.message}")
            if times:
                print(f"ingest one report, published ({len(times)} seeds one by one): {_ms(times)}")
                started = time.perf_counter()
                print(db.withdraw(int(db.sources().source_id.max())))
                print(f"withdraw one report, published: {(time.perf_counter() - started) * 1000:,.0f} ms")
        if seeds:
            with open_store(pristine) as db:
                started = time.perf_counter()
                results = ingest_paths(db, seeds * args.batch_copies)
                seconds = time.perf_counter() - started
                print(f"batch of {len(results)} report files (published once): {seconds:.2f} s")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("store-bench", help="time publishing, ingest and withdrawal at national scale")
    p.add_argument("--db", help="a database to copy (default: build the national synthetic one)")
    p.add_argument("--seeds", default=str(SEEDS_DIR), help="folder of report texts (default: the seeds)")
    p.add_argument("--runs", type=int, default=5, help="empty writes to time")
    p.add_argument("--batch-copies", type=int, default=1, help="how many times the batch lists each seed")
    p.set_defaults(func=run)
