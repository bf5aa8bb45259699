"""``python -m ita_data loadtest``: simulated officers against a running dashboard."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
import urllib.parse
from dataclasses import asdict


def _officer_counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"officers: a number or numbers with commas (50,100,200), not {text!r}"
        ) from None
    if not counts:
        raise argparse.ArgumentTypeError("officers: at least one number")
    return counts


def _loadtest(args: argparse.Namespace) -> int:
    if args.walk == "table-changes":
        from ita_data.bench.load.table_changes import flips, report

        print(f"loadtest {args.url}: switches that change one table, each flipped once", flush=True)
        done = asyncio.run(flips(args.url))
        print(report(done), flush=True)
        return 1 if any(f.error for f in done) else 0
    failed = 0
    for number, officers in enumerate(args.officers):
        if number:
            time.sleep(args.rest)  # let the server finish the last run's queue and drop its sessions
        if args.walk == "pages":
            failed |= _pages_walk(args, officers)
        else:
            failed |= _officers_walk(args, officers)
    return failed


def _pages_walk(args: argparse.Namespace, officers: int) -> int:
    from ita_data.bench.load.pages_walk import report, run_pages_walk

    port = urllib.parse.urlsplit(args.url).port or 80
    print(f"loadtest {args.url}: pages walk, {officers} officers for {args.seconds:g} s", flush=True)
    result = asyncio.run(
        run_pages_walk(
            args.url, officers, args.seconds, args.think, args.seed, port, progress=lambda line: print(line, flush=True)
        )
    )
    print(report(result), flush=True)
    if args.json:
        with open(args.json.replace("{n}", str(officers)), "w", encoding="utf-8") as out:
            json.dump(asdict(result), out, ensure_ascii=False, indent=1)
    return 1 if result.errors() else 0


def _officers_walk(args: argparse.Namespace, officers: int) -> int:
    from ita_data.bench.load.officers import report, run_load

    port = urllib.parse.urlsplit(args.url).port or 80
    uptime = os.getloadavg()
    print(
        f"loadtest {args.url}: {officers} officers"
        + (f" and {args.api_clients} API clients" if args.api_clients else "")
        + f" for {args.seconds:g} s "
        f"(load average before: {uptime[0]:.2f} {uptime[1]:.2f} {uptime[2]:.2f})",
        flush=True,
    )
    result = asyncio.run(
        run_load(
            args.url,
            officers,
            args.seconds,
            args.think,
            args.seed,
            port,
            progress=lambda line: print(line, flush=True),
            api_clients=args.api_clients,
            api_think=args.api_think,
            brief_every=args.brief_every,
        )
    )
    print(report(result), flush=True)
    if args.json:
        with open(args.json.replace("{n}", str(officers)), "w", encoding="utf-8") as out:
            json.dump(asdict(result), out, ensure_ascii=False, indent=1)
    return 1 if result.errors() else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "loadtest",
        help="simulated officers over Streamlit's websocket protocol; prints p50/p95 per action",
        description="Open-loop load on a running dashboard (loopback only). The officers' walk: each "
        "officer opens a shared link, changes province and indicator, opens the rankings, downloads a "
        "table, picks an organisation and opens another page, one action every ~THINK seconds. The "
        "pages walk (--walk pages): each officer opens a random page with a random province, an "
        "exponential ~THINK seconds apart; prints per page p50/p95/max, errors, bytes per click and "
        "per first visit and the server's CPU per click. --walk table-changes: the bytes a switch that "
        "changes one table sends, for the nation and a province.",
    )
    p.add_argument(
        "--walk",
        choices=("officers", "pages", "table-changes"),
        default="officers",
        help="which walk (default: officers); table-changes: the bytes of a switch that changes one table",
    )
    p.add_argument("--url", default="http://127.0.0.1:8501", help="the dashboard (default: make serve's)")
    p.add_argument(
        "--officers",
        type=_officer_counts,
        default=[10],
        help="simulated sessions (1–200); 50,100,200 runs each in turn",
    )
    p.add_argument("--rest", type=float, default=15.0, help="seconds between two runs of a list of officer counts")
    p.add_argument("--seconds", type=float, default=60.0, help="how long officers keep acting (≤ 300)")
    p.add_argument("--think", type=float, default=10.0, help="mean seconds between one officer's actions")
    p.add_argument("--api-clients", type=int, default=0, help="systems pulling /api/v1/ JSON meanwhile (0–200)")
    p.add_argument("--api-think", type=float, default=10.0, help="mean seconds between one API client's requests")
    p.add_argument("--brief-every", type=float, default=0.0, help="print a brief through the API every ~N s (0: none)")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--json", help="also write every action and the server figures here ({n}: the officer count)")
    p.set_defaults(func=_loadtest)
