"""Printing a brief sends nothing to another machine and asks no resolver for a name: the brief command runs
under strace, which sees every connect and every send of the whole process tree (Python, Playwright's
driver, every Chromium process)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from analytics_helpers import Builder, flat

from ita_data.store import Store
from tests.conftest import CHROMIUM, PROJECT_ROOT, missing_tool

# A socket of the internet families, as strace -yy names a descriptor: <TCP:[…]>, <UDPv6:[…]>, …
INET_SOCKET = re.compile(r"\d+<(TCP|UDP|TCPv6|UDPv6)(?::\[([^\]]*)\])?>")
CALL = re.compile(r"^\d+\s+(\w+)\(")
# Where a line's destination is this machine: a sockaddr or the peer strace names after "->".
LOOPBACK = re.compile(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"|->127\.|->\[::1\]')
RESOLVER_SOCKET = re.compile(r"sun_path=\"[^\"]*(?:nscd|resolve)")


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("offline") / "ita.duckdb"
    with Store(path) as db, db.transaction() as w:
        b = Builder(w)
        for name, score in (("บ้านหนึ่ง", 80), ("บ้านสอง", 92)):
            org = b.org(name, district="แก่งคอย")
            b.year(org, 2567, flat(score - 5))
            b.year(org, 2568, flat(score))
    return path


def outside_traffic(trace: str) -> list[str]:
    """The lines of an ``strace -f -yy`` log where a process reached for another machine: a TCP connect
    or anything sent on an internet socket to an address that is not loopback (a DNS query included), a
    lookup through nscd or systemd-resolved.

    A UDP ``connect`` alone sends nothing (it asks the kernel which route an address would take; Chromium
    does it to learn whether IPv6 is routed) and is not counted; anything sent on that socket would be."""
    found = []
    for line in trace.splitlines():
        call = CALL.match(line)
        if call is None:
            continue
        name = call.group(1)
        if name == "connect" and RESOLVER_SOCKET.search(line):
            found.append(line)
            continue
        socket = INET_SOCKET.search(line)
        if socket is None:
            continue
        if name == "connect" and socket.group(1).startswith("UDP"):
            continue
        if not LOOPBACK.search(line):
            found.append(line)
    return found


def test_the_trace_reader_sees_a_lookup_and_a_connection(tmp_path):
    """The watcher itself: a Python lookup and a TCP connect attempt under the same strace are caught."""
    code = (
        "import socket\n"
        "try: socket.getaddrinfo('accounts.google.com', 443)\n"
        "except OSError: pass\n"
        "s = socket.socket(); s.settimeout(0.2)\n"
        "try: s.connect(('192.0.2.1', 443))\n"
        "except OSError: pass\n"
    )
    trace = _traced([sys.executable, "-c", code], tmp_path)
    seen = outside_traffic(trace)
    assert any("192.0.2.1" in line for line in seen)
    assert any(":53" in line or "nscd" in line or "resolve" in line for line in seen)


def test_printing_a_brief_makes_no_request_and_no_lookup(small_db, tmp_path):
    if not Path(CHROMIUM).exists():
        missing_tool(CHROMIUM, "setup/debian-packages.txt: make system")
    out = tmp_path / "brief.pdf"
    command = [
        sys.executable,
        "-m",
        "ita_data",
        "brief",
        "--province",
        "19",
        "--fy",
        "2568",
        "--db",
        str(small_db),
        "--out",
        str(out),
    ]
    trace = _traced(command, tmp_path)
    assert out.read_bytes().startswith(b"%PDF")
    assert re.search(r"execve\([^)]*chromium", trace), "chromium was not started under the trace"
    assert outside_traffic(trace) == []


def _traced(command: list[str], folder: Path) -> str:
    if shutil.which("strace") is None:
        missing_tool("strace", "setup/debian-packages.txt: make system")
    log = folder / "trace.log"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-yy", "-o", str(log), "-e", "trace=connect,sendto,sendmsg,sendmmsg,write,execve"]
        + command,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if "ptrace" in done.stderr and "Operation not permitted" in done.stderr:
        pytest.skip("strace may not trace here (ptrace refused)")
    assert done.returncode == 0, done.stderr[-2000:]
    return log.read_text(encoding="utf-8", errors="replace")
