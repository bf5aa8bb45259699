"""Page benchmark: each page's server-side run (AppTest), and in chromium the time from navigation to
the first content and to the last chart drawn and the bytes the server sent for it, on national data.

Run: ``.venv/bin/python tests/bench_pages.py [--db PATH] [--runs N] [--no-browser] [--url URL]``
(``make bench``; ``--url http://127.0.0.1:8501`` measures what ``make serve`` serves instead of a server of
its own). Prints figures; it asserts nothing (targets: ≤ 300 ms per rerun, every page drawn ≤ 2 s, a
page's bytes ≤ 1 MB beyond Streamlit's static files, which the browser caches).
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
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pages import PAGES  # noqa: E402
from tests.apptest_support import dashboard_app, entry_script_always_runs  # noqa: E402

CONTENT = ".js-plotly-plot, [data-testid='stDataFrame'], [data-testid='stFileUploader']"
# The script finished and drew something; for DRAWN, every chart has its SVG too. A page without a
# chart or table (the import page without sign-in) counts as shown when its script finished.
# An element whose code is still loading (a chart's Plotly bundle on a first visit) is a skeleton.
FINISHED = """(document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'notRunning'
  && !!document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]')
  && !document.querySelector('[data-testid="stSkeleton"]') && !document.querySelector('[data-stale="true"]'))"""
FIRST_CONTENT = f"() => !!document.querySelector({CONTENT!r}) || {FINISHED}"
DRAWN = f"""() => {FINISHED}
  && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => !!c.querySelector('.main-svg'))"""


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


def _count_static_files(page) -> list[int]:
    """A running total (one-item list) of the bytes chromium fetched over the network for Streamlit's
    static files (``/static/``: scripts, styles, fonts), which a browser may keep in its cache."""
    total = [0]
    urls: dict[str, str] = {}
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
    cdp.on(
        "Network.loadingFinished",
        lambda e: (
            total.__setitem__(0, total[0] + int(e["encodedDataLength"]))
            if "/static/" in urls.get(e["requestId"], "")
            else None
        ),
    )
    return total


def browser_side(db: Path | None, folder: Path, url: str | None, runs: int) -> tuple[int, list[tuple]]:
    """Bytes of the first load (Streamlit's static files with it), and per page: ms from navigation to
    the first chart or table visible, ms to the last chart and table drawn, KB the server sent (median of
    ``runs`` navigations each). Through a relay that counts bytes, on a real server (``url``, or one
    started on ``db``)."""
    from playwright.sync_api import sync_playwright

    from ita_data.bench.load.relay import CountingRelay
    from tests.conftest import CHROMIUM, start_streamlit

    proc = None
    if url is None:
        assert db is not None
        proc, url = start_streamlit(db, folder / "streamlit.log")
    target = urlsplit(url)
    rows = []
    try:
        with CountingRelay(target.port or 80) as relay, sync_playwright() as p:
            base = f"http://127.0.0.1:{relay.port}"
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            static = _count_static_files(page)
            page.goto(base)  # the server's first load (caches warm) is not counted
            page.wait_for_function(DRAWN, timeout=60_000, polling=25)
            first_load = relay.to_client
            for spec in PAGES:
                firsts, lasts, sizes, statics = [], [], [], []
                for _ in range(runs):
                    sent = relay.to_client
                    static_sent = static[0]
                    started = time.perf_counter()
                    page.goto(f"{base}/{spec.url_path}")
                    page.wait_for_function(FIRST_CONTENT, timeout=60_000, polling=25)
                    firsts.append((time.perf_counter() - started) * 1000)
                    page.wait_for_function(DRAWN, timeout=60_000, polling=25)
                    lasts.append((time.perf_counter() - started) * 1000)
                    page.wait_for_timeout(300)  # what the page still fetches after its last chart
                    sizes.append((relay.to_client - sent) / 1024)
                    statics.append((static[0] - static_sent) / 1024)
                rows.append(
                    (
                        spec.url_path,
                        statistics.median(firsts),
                        statistics.median(lasts),
                        max(lasts),
                        statistics.median(sizes),
                        statistics.median(statics),
                    )
                )
            browser.close()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
    return first_load, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="an existing database (default: build the national data)")
    parser.add_argument("--runs", type=int, default=10, help="reruns per page")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-apptest", action="store_true", help="only the browser's half")
    parser.add_argument("--browser-runs", type=int, default=3, help="navigations per page in chromium")
    parser.add_argument("--url", help="measure a running dashboard (make serve's) in chromium instead")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.url and args.no_apptest:
        _print_browser(browser_side(None, Path("."), args.url, args.browser_runs), args.browser_runs)
        return 0
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
        if not args.no_apptest:
            print(f"{'page':<14}{'first ms':>10}{'p50 ms':>10}{'p95 ms':>10}   (AppTest, {args.runs} reruns)")
            for name, first, p50, p95 in server_side(args.runs):
                print(f"{name:<14}{first:>10.0f}{p50:>10.0f}{p95:>10.0f}")
        if not args.no_browser:
            _print_browser(browser_side(served, folder, args.url, args.browser_runs), args.browser_runs)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def _print_browser(measured: tuple[int, list[tuple]], runs: int) -> None:
    first_load, rows = measured
    print(
        f"\nchromium, after the server's first load ({first_load / 1024:.0f} KB with Streamlit's static files); "
        f"median of {runs} navigations per page; "
        "KB sent: all the server sent over the socket, Streamlit's static files included when chromium fetched them"
    )
    print(
        f"{'page':<14}{'first content ms':>18}{'last chart ms':>15}{'max ms':>9}{'KB sent':>9}"
        f"{'of it static':>14}{'KB beyond static':>18}"
    )
    for name, first, last, worst, kb, static_kb in rows:
        print(f"{name:<14}{first:>18.0f}{last:>15.0f}{worst:>9.0f}{kb:>9.0f}{static_kb:>14.0f}{kb - static_kb:>18.0f}")


if __name__ == "__main__":
    sys.exit(main())
