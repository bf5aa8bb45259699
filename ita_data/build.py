"""``python -m ita_data build``: a fresh database from the synthetic national data and data/reports/."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ita_data import settings, store, synthetic
from ita_data.derived import open_store
from ita_data.reports.batch import ingest_folder

REPORTS_DIR = settings.REPORTS_DIR


def build_database(
    path: str | os.PathLike[str],
    reports_dir: Path | None = REPORTS_DIR,
    synthetic_data: bool = True,
    seed: int = synthetic.DEFAULT_SEED,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Build into a temporary file and move it into place, so nobody ever opens half a build."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.building-{os.getpid()}")
    store.remove_files(partial)
    say = progress or (lambda _msg: None)
    counts: dict[str, int] = {}
    try:
        with open_store(partial) as db:
            if synthetic_data:
                counts.update(synthetic.load(db, seed, progress=say))
            counts["reports"] = _ingest_reports(db, reports_dir, say)
        store.publish_file(partial, target, on_wait=say)
    finally:
        store.remove_files(partial)
    return counts


def _ingest_reports(db: store.Store, reports_dir: Path | None, say: Callable[[str], None]) -> int:
    """Every document in the folder (PDF, Word, web pages, scans, text, zips), published as one batch."""
    if reports_dir is None or not reports_dir.is_dir():
        return 0
    say(f"reading the documents in {reports_dir}")
    stored = 0
    for outcome in ingest_folder(db, [reports_dir]):
        if outcome.status == "error":
            say(f"  {outcome.name}: {outcome.reason}")
        else:
            stored += 1
            for warning in outcome.warnings:
                say(f"  {outcome.name}: {warning}")
    return stored


def _run(args: argparse.Namespace) -> int:
    target = Path(args.db) if args.db else settings.default_db_path()
    if args.if_missing and target.exists():
        print(
            f"ฐานข้อมูลมีอยู่แล้ว ใช้ฐานข้อมูลเดิม: {target} (the database exists and is kept; add data with "
            "`ingest` or `import-table` — a full `build` replaces it and loses what was imported since)"
        )
        return 0
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:5.1f}s] {message}", file=sys.stderr, flush=True)

    try:
        counts = build_database(
            target,
            reports_dir=Path(args.reports) if args.reports else REPORTS_DIR,
            synthetic_data=not args.no_synthetic,
            seed=args.seed,
            progress=say,
        )
    except (store.StoreError, OSError) as err:
        kept = (
            f"ฐานข้อมูลเดิม {target} ไม่ถูกเปลี่ยน (the existing database is unchanged)"
            if target.exists()
            else ("ไม่ได้สร้างฐานข้อมูล (no database was made)")
        )
        print(f"สร้างฐานข้อมูลไม่สำเร็จ: {err}\n{kept}", file=sys.stderr)
        return 1
    size_mb = target.stat().st_size / 1e6
    summary = ", ".join(f"{k} {v:,}" for k, v in counts.items())
    print(f"built {target} in {time.perf_counter() - started:.1f} s, {size_mb:.1f} MB: {summary}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("build", help="build the database from synthetic data and data/reports/")
    p.add_argument("--db", help="database file (default: $ITA_DB or data/ita.duckdb)")
    p.add_argument("--reports", help="folder of report files to ingest (default: data/reports)")
    p.add_argument("--no-synthetic", action="store_true", help="leave out the synthetic national data")
    p.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED, help="synthetic data seed")
    p.add_argument("--if-missing", action="store_true", help="do nothing when the database exists")
    p.set_defaults(func=_run)
