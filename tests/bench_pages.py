"""Page benchmark: each page's server-side run (AppTest) and first chart in chromium, on national data.

Run: ``.venv/bin/python tests/bench_pages.py [--db PATH] [--runs N] [--no-browser]`` (``make bench``).
Prints figures; it asserts nothing (targets: ≤ 300 ms per rerun, first chart ≤ 3 s).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pages import PAGES  # noqa: E402
from tests.apptest_support import dashboard_app, entry_script_always_runs  # noqa: E402

CONTENT = ".js-plotly-plot, [data-testid='stDataFrame'], [data-testid='stFileUploader']"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def server_side(runs: int) -> list[tuple[str, float, float, float]]:
    """(page, first run ms, p50 ms, p95 ms of the reruns after it)."""
    rows = []
    with entry_script_always_runs():
        for spec in PAGES:
            started = time.perf_counter()
            at = dashboard_app(spec.file)
            first = (time.perf_counter() - started) * 1000
            if at.exception:
                print(f"  {spec.url_path}: exception {at.exception[0].value}", file=sys.stderr)
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                at.run()
                times.append((time.perf_counter() - started) * 1000)
            rows.append((spec.url_path, first, statistics.median(times), _p95(times)))
    return rows


def browser_side(db: Path, folder: Path) -> list[tuple[str, float]]:
    """(page, ms from navigation to the first chart or table visible), on a real server."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, start_streamlit

    proc, url = start_streamlit(db, folder / "streamlit.log")
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)  # the server's first load (caches warm) is not counted
            page.wait_for_selector(CONTENT, timeout=60_000)
            for spec in PAGES:
                started = time.perf_counter()
                page.goto(f"{url}/{spec.url_path}")
                page.wait_for_selector(CONTENT, state="visible", timeout=60_000)
                rows.append((spec.url_path, (time.perf_counter() - started) * 1000))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="an existing database (default: build the national data)")
    parser.add_argument("--runs", type=int, default=10, help="reruns per page")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "ita.duckdb"
        if args.db:
            shutil.copy(args.db, db)
        else:
            from ita_data.build import build_database

            build_database(db, reports_dir=None)
        served = folder / "served.duckdb"  # the AppTest half will hold ``db`` open in this process
        shutil.copy(db, served)
        os.environ["ITA_DB"] = str(db)
        print(f"{'page':<14}{'first ms':>10}{'p50 ms':>10}{'p95 ms':>10}   (AppTest, {args.runs} reruns)")
        for name, first, p50, p95 in server_side(args.runs):
            print(f"{name:<14}{first:>10.0f}{p50:>10.0f}{p95:>10.0f}")
        if not args.no_browser:
            print(f"\n{'page':<14}{'first content ms':>18}   (chromium, after the server's first load)")
            for name, ms in browser_side(served, folder):
                print(f"{name:<14}{ms:>18.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
