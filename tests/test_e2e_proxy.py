"""A reverse proxy on this machine makes every visitor's request look local to the dashboard: HAProxy on
loopback sets ``Host`` to the dashboard's loopback address and names no client (as nginx's default
``proxy_pass`` does). Imports without sign-in therefore rest on how the server was started, never on a
request: a dashboard started without ITA_LOCAL_EDITOR offers a browser behind such a proxy no import.
A real browser, its websocket through the proxy, and a real server."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from ita_data.store import Store
from tests.conftest import _free_port, missing_tool
from tests.serving_support import WAIT_MS, serve, stop, wait_for_app

pytestmark = pytest.mark.e2e

UPLOADER = '[data-testid="stFileUploader"]'
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"


def proxy_config(listen: int, dashboard: int) -> str:
    """A proxy that hides who the visitor is: Host rewritten to the dashboard's address, no client named."""
    return f"""
global
    maxconn 256
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel 10m
frontend visitors
    bind 127.0.0.1:{listen}
    http-request set-header Host 127.0.0.1:{dashboard}
    http-request del-header X-Forwarded-For
    http-request del-header Forwarded
    http-request del-header X-Real-IP
    default_backend dashboard
backend dashboard
    server one 127.0.0.1:{dashboard}
"""


@contextlib.contextmanager
def behind_proxy(folder: Path, local_editor: bool):
    """A dashboard on loopback (started with or without ITA_LOCAL_EDITOR) and the proxy in front of it;
    yields the proxy's URL."""
    if not Path(HAPROXY).exists():
        missing_tool("haproxy", "setup/debian-packages.txt: make system")
    db = folder / "ita.duckdb"
    Store(db).close()
    dashboard, url = serve(folder / "streamlit.log", db_path=db, local_editor=local_editor)
    listen = _free_port()
    config = folder / "haproxy.cfg"
    config.write_text(proxy_config(listen, int(url.rsplit(":", 1)[1])))
    log = open(folder / "haproxy.log", "w")  # noqa: SIM115 - the proxy writes to it while it runs
    proxy = subprocess.Popen([HAPROXY, "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{listen}/_stcore/health", proxy)
        yield f"http://127.0.0.1:{listen}"
    finally:
        stop(proxy)
        log.close()
        stop(dashboard)


def _wait_for(url: str, proxy: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proxy.poll() is not None:
            raise RuntimeError("haproxy exited; see haproxy.log")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer through the proxy at {url}")


def _import_page(browser, base: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH")
    page = context.new_page()
    page.goto(f"{base}/import")
    wait_for_app(page)
    return context, page


def test_a_browser_behind_a_host_rewriting_proxy_gets_no_import(browser, tmp_path):
    with behind_proxy(tmp_path, local_editor=False) as base:
        context, page = _import_page(browser, base)
        try:
            page.get_by_text("ITA_LOCAL_EDITOR").first.wait_for(timeout=WAIT_MS)
            assert page.locator(UPLOADER).count() == 0
        finally:
            context.close()


def test_the_proxy_does_make_a_visitor_look_local(browser, tmp_path):
    """The control: the same proxy before a server started for one person (`make run`) hands its import
    page to whoever reaches the proxy, so no header told the server apart. Hence: never put a proxy in
    front of `make run`; a served dashboard needs sign-in."""
    with behind_proxy(tmp_path, local_editor=True) as base:
        context, page = _import_page(browser, base)
        try:
            page.locator(UPLOADER).first.wait_for(timeout=WAIT_MS)
        finally:
            context.close()
