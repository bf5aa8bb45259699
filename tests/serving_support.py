"""A real `streamlit run` for the sign-in and serving tests: any script, address, secrets file and flags."""

from __future__ import annotations

import ipaddress
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlparse

from tests.conftest import serve  # noqa: F401 - the tests import it from here

APP = '[data-testid="stAppViewContainer"]'
# How long a browser test waits for what it expects. A wait that is met returns at once, so a long one
# costs nothing on a quiet machine; under CI the other test worker may be building the container image or
# printing briefs on the same two cores, and a cold server's first page has taken over 30 s there.
WAIT_MS = 120_000
# The script has finished its run and everything it drew is in place: Streamlit marks its root with the
# script's state (its running indicator shows only after a delay, so its absence proves nothing), draws a
# skeleton where an element is still loading, and marks what is left from the previous run as stale.
SETTLED = """() => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    && document.querySelector('[data-testid="stMain"] h1')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')"""


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wait_for_app(page) -> None:
    """Until the script has drawn its title and finished: no running indicator, nothing stale."""
    page.wait_for_selector(APP, timeout=WAIT_MS)
    page.wait_for_timeout(400)  # a rerun may not have started yet
    page.wait_for_function(SETTLED, timeout=WAIT_MS)


def is_loopback_host(host: str | None) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address((host or "").strip("[]")).is_loopback
    except ValueError:
        return False


def outside_requests(urls: list[str]) -> list[str]:
    """The requests that went to another machine (data: and blob: URLs never leave the browser)."""
    return [
        u
        for u in urls
        if urlparse(u).scheme in ("http", "https", "ws", "wss") and not is_loopback_host(urlparse(u).hostname)
    ]


def listening_addresses(port: int) -> set[str]:
    """The local addresses a process listens on at ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # The kernel prints each 32-bit word in host (little-endian) order.
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            found.add(socket.inet_ntop(family, raw))
    return found
