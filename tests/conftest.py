"""Shared fixtures: a real DuckDB file per test, and the seed reports read where they live."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import shutil
from pathlib import Path

import pytest

from ita_data.brief.pdf import LAUNCH_ARGS
from ita_data.settings import LOCAL_EDITOR_ENV
from ita_data.store import Store

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def empty_store_file(tmp_path_factory) -> Path:
    """A new, empty store as ``Store(path)`` creates it (schema and derived tables), made once a session."""
    path = tmp_path_factory.mktemp("empty_store") / "empty.duckdb"
    Store(path).close()
    return path


@pytest.fixture
def store(tmp_path: Path, empty_store_file: Path):
    """A new, empty store of the test's own: a copy of the session's empty one, which is the same file
    a new ``Store`` writes, without running the migrations again for every test."""
    path = tmp_path / "test.duckdb"
    shutil.copyfile(empty_store_file, path)
    with Store(path) as s:
        yield s


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real reports stay in ../shared/seeds; a user's clone may not have them."""
    if not SEEDS_DIR.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the seed reports at {SEEDS_DIR}")
        pytest.skip(f"seed reports not found at {SEEDS_DIR} (they live beside the project)")
    return SEEDS_DIR


def seed_path(seeds_dir: Path, number: str) -> Path:
    """The seed whose file name starts with the number, e.g. ``"001"``."""
    (match,) = sorted(seeds_dir.glob(f"{number}_*.txt"))
    return match


# --- national-scale data and a real server, shared by the page and browser tests -------------

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/lib/chromium/chromium"
SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"


@contextlib.contextmanager
def _run_lock(path: Path):
    """An exclusive lock on ``path`` shared by every process of this test run (pytest-xdist workers)."""
    import fcntl

    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_temp_dir(tmp_path_factory) -> Path:
    """The temporary folder of the whole run: the same for every pytest-xdist worker of it (each worker's
    own base folder is a child of it), the session's base folder without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def national_db(tmp_path_factory) -> Path:
    """The default dataset, built once for the run (the first xdist worker to need it builds it, the
    others wait for it); tests copy it before they write."""
    from ita_data.build import build_database

    shared = run_temp_dir(tmp_path_factory)
    path = shared / "national" / "ita.duckdb"
    with _run_lock(shared / "national.lock"):
        if not path.exists():  # build_database publishes the finished file under this name only
            build_database(path, reports_dir=None)
    return path


@pytest.fixture(scope="session")
def corpus(request, seeds_dir) -> dict[str, dict[str, Path]]:
    """Every form of every corpus text ({producer: {text name: file}}, ita_data.bench.corpus): made once
    and kept in pytest's cache folder between runs, under a key of the seeds and the makers' code; the
    first xdist worker to need it makes it (LibreOffice and chromium), the others wait for it."""
    from ita_data.bench import corpus as maker

    key = maker.corpus_key(seeds_dir)
    base = Path(request.config.cache.mkdir("ita-corpus"))
    folder = base / key
    with _run_lock(base / "build.lock"):
        if not (folder / "manifest.txt").exists():
            building = base / f"{key}.building"
            shutil.rmtree(building, ignore_errors=True)
            made = maker.build(seeds_dir, building, request.getfixturevalue("browser"))
            lines = [
                f"{p}\t{name}\t{path.relative_to(building)}"
                for p, files in made.items()
                for name, path in files.items()
            ]
            (building / "manifest.txt").write_text("\n".join(lines), encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
            building.rename(folder)  # whole or not at all: a run stopped halfway leaves no half corpus
    forms: dict[str, dict[str, Path]] = {}
    for line in (folder / "manifest.txt").read_text(encoding="utf-8").splitlines():
        producer, name, relative = line.split("\t")
        forms.setdefault(producer, {})[name] = folder / relative
    return forms


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(
    log_path: Path,
    *,
    db_path: Path | None = None,
    script: Path = PROJECT_ROOT / "app.py",
    address: str | None = "127.0.0.1",
    port: int | None = None,
    secrets: Path | None = None,
    host: str = "127.0.0.1",
    local_editor: bool = True,
):
    """Start `streamlit run` from the project folder (so its .streamlit/config.toml applies) and wait
    until it answers; returns (process, URL as ``host`` names it). ``address=None`` leaves the listening
    address to the config; ``secrets`` is the only secrets file it reads; ``local_editor`` starts it as
    `make run` does (ITA_LOCAL_EDITOR=1: this machine's browser may import without sign-in)."""
    env = dict(os.environ)
    env.pop(LOCAL_EDITOR_ENV, None)
    if local_editor:
        env[LOCAL_EDITOR_ENV] = "1"
    if db_path is not None:
        env["ITA_DB"] = str(db_path)
    # A port found free may be taken before streamlit binds it (tests run in parallel, and every outgoing
    # connection takes a port from the same range): a port we picked is picked again, three times at most.
    attempts = 1 if port else 3
    for attempt in range(attempts):
        chosen = port or _free_port()
        try:
            return _serve_on(chosen, log_path, env, script, address, secrets, host)
        except _PortTaken:
            if attempt == attempts - 1:
                raise RuntimeError(f"streamlit found port {chosen} taken; see {log_path}") from None
    raise AssertionError("unreachable")


class _PortTaken(RuntimeError):
    pass


def _serve_on(
    port: int, log_path: Path, env: dict[str, str], script: Path, address: str | None, secrets: Path | None, host: str
):
    import subprocess
    import sys
    import time
    import urllib.request

    args = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
    ]
    if address is not None:
        args += ["--server.address", address]
    if secrets is not None:
        args += ["--secrets.files", str(secrets)]  # only this file: never a developer's own secrets
    log = open(log_path, "w")  # noqa: SIM115 - the server writes to it for as long as it runs
    proc = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.close()
            if f"Port {port} is not available" in log_path.read_text(encoding="utf-8", errors="replace"):
                raise _PortTaken(port)
            raise RuntimeError(f"streamlit exited early; see {log_path}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, f"http://{host}:{port}"
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"streamlit did not answer within 60 s; see {log_path}")


def start_streamlit(db_path: Path, log_path: Path):
    """`streamlit run app.py` (the pages and the API) on ``db_path``, on a free loopback port; returns (process, base URL)."""
    return serve(log_path, db_path=db_path)


@contextlib.contextmanager
def serving_copy(db_path: Path, folder: Path):
    """A real `streamlit run app.py` on a copy of ``db_path`` in ``folder``: yields (process, URL,
    the copy), and stops the server on the way out."""
    copy = folder / "ita.duckdb"
    shutil.copyfile(db_path, copy)
    proc, url = start_streamlit(copy, folder / "streamlit.log")
    try:
        yield proc, url, copy
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def missing_tool(what: str, install: str) -> None:
    """A Debian tool a test needs is not there: CI installs it (`make test` as root runs `make system`),
    so there it fails; elsewhere the test is skipped with how to install it."""
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {what}: `make test` installs it with apt-get")
    pytest.skip(f"{what} not installed ({install})")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (its own browser download does not work here)."""
    if not Path(CHROMIUM).exists():
        missing_tool(CHROMIUM, "sudo apt-get install chromium fonts-thai-tlwg")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=LAUNCH_ARGS,  # the brief's: nothing leaves the machine
        )
        yield b
        b.close()


# --- AppTest on the real dashboard ---------------------------------------------------------


@pytest.fixture
def app(monkeypatch):
    """Make an AppTest of dashboard.py on a given database: ``app(db_path, page=None, query=None,
    **session_state)``, as `make run` serves it (ITA_LOCAL_EDITOR=1: the import page is open without
    sign-in); see tests/apptest_support.py for why the entry script needs help."""
    from tests.apptest_support import dashboard_app, entry_script_always_runs

    monkeypatch.setenv(LOCAL_EDITOR_ENV, "1")
    with entry_script_always_runs():

        def make(db_path: Path, page: str | None = None, query: dict | None = None, **session):
            monkeypatch.setenv("ITA_DB", str(db_path))
            return dashboard_app(page, query, **session)

        yield make


def run_async(coroutine):
    """``asyncio.run`` in a thread of its own: the session's Playwright browser keeps an event loop
    running in the test thread, where ``asyncio.run`` refuses to start another."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
