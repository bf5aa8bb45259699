"""CPU and memory of the server's process tree, read from /proc (no psutil): who listens on a port,
its descendants, their CPU seconds (utime + stime) and resident memory (VmRSS)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Sample:
    cpu_seconds: float
    rss_bytes: int
    processes: int


def _stat_fields(pid: int) -> list[str]:
    text = (PROC / str(pid) / "stat").read_text()
    # The command name is in parentheses and may hold spaces: split after its closing one.
    return text[text.rindex(")") + 2 :].split()


def parent_of(pid: int) -> int:
    return int(_stat_fields(pid)[1])


def cmdline(pid: int) -> list[str]:
    return [part for part in (PROC / str(pid) / "cmdline").read_bytes().decode(errors="replace").split("\0") if part]


def children(pid: int) -> list[int]:
    """Every descendant of ``pid``."""
    by_parent: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                by_parent.setdefault(parent_of(int(entry.name)), []).append(int(entry.name))
            except (OSError, ValueError):
                continue  # gone meanwhile
    found, todo = [], [pid]
    while todo:
        for child in by_parent.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def listener(port: int) -> int | None:
    """The process (of those this user may read) listening on ``127.0.0.1:port`` or any address."""
    inodes = set()
    for table in ("tcp", "tcp6"):
        try:
            lines = (PROC / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(f"socket:[{inode}]")
    if not inodes:
        return None
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                if os.readlink(fd) in inodes:
                    return int(entry.name)
        except OSError:
            continue
    return None


def server_root(port: int) -> int | None:
    """The process tree that serves ``port``: the listener, or the ``ita_data serve`` launcher above
    it (HAProxy listens; the Streamlit processes are its siblings)."""
    pid = listener(port)
    if pid is None:
        return None
    try:
        parent = parent_of(pid)
        words = cmdline(parent)
    except OSError:
        return pid
    if "serve" in words and any(word.startswith("ita_data") for word in words):
        return parent
    return pid


def sample(root: int) -> Sample:
    cpu, rss, count = 0.0, 0, 0
    for pid in [root, *children(root)]:
        try:
            fields = _stat_fields(pid)
            status = (PROC / str(pid) / "status").read_text()
        except OSError:
            continue
        cpu += (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss += int(line.split()[1]) * 1024
        count += 1
    return Sample(cpu, rss, count)
