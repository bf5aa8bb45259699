"""``python -m ita_data serve``: the dashboard from two Streamlit processes per core behind HAProxy.

Each process listens on its own loopback port and reads the published database; HAProxy listens on
127.0.0.1:8501 and keeps each browser on its process by an inserted cookie (``SERVERID``), websockets
included. Everything runs in the foreground as the user; Ctrl-C (or SIGTERM) stops all of it.

Every process reads the one published database (the store's snapshots): a write from any of them, or
from the CLI, is published and picked up by the others at their next rerun. ``--copy-db`` gives each
process a copy of its own instead (a write then lands in that process's copy only).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ita_data import warming
from ita_data.derived import open_store
from ita_data.settings import LOCAL_EDITOR_ENV, PROJECT_ROOT, default_db_path

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
TEMPLATE = PROJECT_ROOT / "serve" / "haproxy.cfg.in"


@dataclass
class Backend:
    name: str
    port: int
    db: Path
    process: subprocess.Popen


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haproxy_config(bind: str, backends: list[tuple[str, int]]) -> str:
    servers = "\n".join(f"    server {name} 127.0.0.1:{port} check inter 2s cookie {name}" for name, port in backends)
    return string.Template(TEMPLATE.read_text()).substitute(bind=bind, servers=servers)


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s; see {log}")


def start_backends(count: int, db: Path, run_dir: Path, copy_db: bool, local_editor: bool = False) -> list[Backend]:
    """One Streamlit process per backend, on loopback. They serve others: the browser imports only with
    sign-in, whatever this environment says (``local_editor`` is for the test of how uploads are routed;
    the command never sets it)."""
    # Every process signs cookies with one secret, so a signed-in cookie is good on any of them.
    secret = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
    backends = []
    for i in range(1, count + 1):
        name = f"s{i}"
        folder = run_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        path = db
        if copy_db:
            path = folder / db.name
            shutil.copyfile(db, path)
        port = free_port()
        log = folder / "streamlit.log"
        env = dict(os.environ, ITA_DB=str(path), STREAMLIT_SERVER_COOKIE_SECRET=secret)
        env.pop(LOCAL_EDITOR_ENV, None)
        if local_editor:
            env[LOCAL_EDITOR_ENV] = "1"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                # app.py: the pages and the data API (/api/v1/) of one process, on its port
                str(PROJECT_ROOT / "app.py"),
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
                # Streamlit runs a full garbage collection after every script run: ~90 ms of CPU each on
                # national data, half of what a rerun costs. Python still collects on its own schedule.
                "--runner.postScriptGC",
                "false",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        backends.append(Backend(name, port, path, process))
    for b in backends:
        _wait_healthy(f"http://127.0.0.1:{b.port}", b.process, run_dir / b.name / "streamlit.log")
    return backends


def bring_up_to_date(db: Path) -> None:
    """Open the database once with this program's store, so that an upgrade it needs (a newer schema,
    derived tables of a newer version) happens here, once, rather than in every process at its first
    officer (about a minute on national data, during which that process answers nobody)."""
    open_store(db).close()


def start(
    processes: int, port: int, db: Path, copy_db: bool, run_dir: Path, local_editor: bool = False
) -> tuple[list[Backend], subprocess.Popen]:
    """Start the backends and HAProxy; returns once 127.0.0.1:port answers."""
    bring_up_to_date(db)
    backends = start_backends(processes, db, run_dir, copy_db, local_editor)
    config = run_dir / "haproxy.cfg"
    config.write_text(haproxy_config(f"127.0.0.1:{port}", [(b.name, b.port) for b in backends]))
    log = run_dir / "haproxy.log"
    proxy = subprocess.Popen([HAPROXY, "-db", "-f", str(config)], stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}", proxy, log, seconds=20)
    except RuntimeError:
        stop(backends, proxy)
        raise
    return backends, proxy


def stop(backends: list[Backend], proxy: subprocess.Popen | None) -> None:
    processes = [b.process for b in backends] + ([proxy] if proxy else [])
    for p in processes:
        if p.poll() is None:
            p.terminate()
    for p in processes:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def keep_warm(backends: list[Backend], stopping: list[bool], every: float = 30.0) -> None:
    """Warm each process now (``ita_data.warming``) and again whenever the data it serves changes, one
    thread per process; each warming is said on the console."""

    def run(b: Backend) -> None:
        url = f"http://127.0.0.1:{b.port}"
        warmed_for = None
        while not stopping and b.process.poll() is None:
            version = warming.data_version(url)
            if version is not None and version != warmed_for:
                done = asyncio.run(warming.warm(url))
                problems = f"; {len(done.errors)} problems, the first: {done.errors[0]}" if done.errors else ""
                print(f"{b.name}: {done.pages} pages drawn ahead in {done.seconds:.0f} s{problems}", flush=True)
                warmed_for = version
            for _ in range(int(every / 0.5)):
                if stopping or b.process.poll() is not None:
                    return
                time.sleep(0.5)

    for b in backends:
        threading.Thread(target=run, args=(b,), name=f"warm-{b.name}", daemon=True).start()


def serve(
    processes: int,
    port: int = 8501,
    db: str | None = None,
    copy_db: bool = False,
    run_dir: str | None = None,
    warm: bool = True,
) -> int:
    source = Path(db) if db else default_db_path()
    if not source.exists():
        print(f"ไม่พบฐานข้อมูล {source} — สร้างด้วย `python -m ita_data build` ก่อน (database not found)", file=sys.stderr)
        return 2
    if not Path(HAPROXY).exists():
        print("ไม่พบ HAProxy — ติดตั้งด้วย `sudo apt-get install haproxy` (haproxy not installed)", file=sys.stderr)
        return 2
    folder = Path(run_dir) if run_dir else Path(tempfile.mkdtemp(prefix="ita-serve-"))
    folder.mkdir(parents=True, exist_ok=True)
    backends, proxy = start(max(1, processes), port, source, copy_db, folder)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    print(
        f"serving http://127.0.0.1:{port} — {len(backends)} Streamlit processes "
        f"({', '.join(f'{b.name}:{b.port}' for b in backends)}) behind HAProxy; "
        f"{'a copy of ' if copy_db else ''}{source} each; config and logs in {folder}",
        flush=True,
    )
    if warm:
        keep_warm(backends, stopping)
    try:
        while not stopping:
            dead = [b.name for b in backends if b.process.poll() is not None]
            if dead or proxy.poll() is not None:
                print(f"stopped: {', '.join(dead) or 'haproxy'} exited; see {folder}", file=sys.stderr)
                return 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop(backends, proxy)
    return 0


# Streamlit's runtime goes over every session of its process each time any of them has a message to send,
# so a process's cost per click grows with its sessions. 200 officers on the 2-core machine, servers one after
# the other: p95 0.16–3.44 s with 2 processes, 0.10–0.37 s with 4 (README, "Two processes per core").
PROCESSES_PER_CORE = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser(
        "serve", help="the dashboard on 127.0.0.1:8501 from two Streamlit processes per core behind HAProxy"
    )
    s.add_argument(
        "--processes",
        type=int,
        default=PROCESSES_PER_CORE * (os.cpu_count() or 1),
        help=f"Streamlit processes (default: {PROCESSES_PER_CORE} per core)",
    )
    s.add_argument("--port", type=int, default=8501)
    s.add_argument("--db", help="the published database (default: ITA_DB or data/ita.duckdb)")
    s.add_argument(
        "--copy-db",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="give each process a copy of its own instead of the one published database",
    )
    s.add_argument("--run-dir", help="where the HAProxy config, copies and logs go (default: a temp dir)")
    s.add_argument(
        "--warm",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="draw every page for every province in each process after it starts and after each publish",
    )
    s.set_defaults(
        func=lambda args: serve(
            processes=args.processes,
            port=args.port,
            db=args.db,
            copy_db=args.copy_db,
            run_dir=args.run_dir,
            warm=args.warm,
        )
    )
