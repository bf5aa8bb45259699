"""``python -m ita_data loadtest``: simulated officers against a running dashboard."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import urllib.parse
from dataclasses import asdict


def _loadtest(args: argparse.Namespace) -> int:
    from ita_data.bench.load.officers import report, run_load

    port = urllib.parse.urlsplit(args.url).port or 80
    uptime = os.getloadavg()
    print(
        f"loadtest {args.url}: {args.officers} officers"
        + (f" and {args.api_clients} API clients" if args.api_clients else "")
        + f" for {args.seconds:g} s "
        f"(load average before: {uptime[0]:.2f} {uptime[1]:.2f} {uptime[2]:.2f})",
        flush=True,
    )
    result = asyncio.run(
        run_load(
            args.url,
            args.officers,
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
    print(report(result))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(asdict(result), out, ensure_ascii=False, indent=1)
    return 1 if result.errors() else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "loadtest",
        help="simulated officers over Streamlit's websocket protocol; prints p50/p95 per action",
        description="Open-loop load on a running dashboard (loopback only): each officer opens a shared "
        "link, changes province and indicator, opens the rankings, downloads a table, picks an "
        "organisation and opens another page, one action every ~THINK seconds.",
    )
    p.add_argument("--url", default="http://127.0.0.1:8501", help="the dashboard (default: make serve's)")
    p.add_argument("--officers", type=int, default=10, help="simulated sessions (1–200)")
    p.add_argument("--seconds", type=float, default=60.0, help="how long officers keep acting (≤ 300)")
    p.add_argument("--think", type=float, default=10.0, help="mean seconds between one officer's actions")
    p.add_argument("--api-clients", type=int, default=0, help="systems pulling /api/v1/ JSON meanwhile (0–200)")
    p.add_argument("--api-think", type=float, default=10.0, help="mean seconds between one API client's requests")
    p.add_argument("--brief-every", type=float, default=0.0, help="print a brief through the API every ~N s (0: none)")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--json", help="also write every action and the server figures here")
    p.set_defaults(func=_loadtest)
