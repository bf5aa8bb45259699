"""The memory of a whole process tree, sampled from /proc while it runs: a parent and every reader and
helper it starts (what a machine actually pays, not one process's own peak). For ``doc-bench`` and for
the tests that hold hostile documents to the readers' caps."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, for every process this user can see."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_pids(root: int) -> list[int]:
    tree = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, ()))
    return found


def tree_rss(root: int) -> int:
    """Memory of ``root`` and all its descendants now: the sum of their proportional set sizes (a page
    shared by several processes, as a forked reader shares its server's, counts once in all)."""
    return sum(_pss(pid) for pid in tree_pids(root))


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:  # no smaps_rollup (an older kernel): resident pages, shared ones counted in each process
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


class PeakWatch:
    """Samples a process tree's memory every ``interval`` seconds until stopped (``tree=False``: the one
    process alone, without the processes it started)."""

    def __init__(self, root: int, interval: float = 0.02, tree: bool = True) -> None:
        self.root = root
        self.interval = interval
        self.measure = tree_rss if tree else _pss
        self.peak = 0
        self.baseline = self.measure(root)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.measure(self.root))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakWatch:
        self.started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.measure(self.root))
        self.seconds = time.monotonic() - self.started

    @property
    def grown(self) -> int:
        """How far the tree's memory rose above what it held when the watch began."""
        return max(0, self.peak - self.baseline)


def run_watched(args: list[str], timeout: float, **options) -> tuple[subprocess.CompletedProcess, int, float]:
    """Run a command; return its result, the peak resident bytes of its process tree and its seconds."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options)
    watch = PeakWatch(proc.pid)
    with watch:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            for pid in reversed(tree_pids(proc.pid)):
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass
            out, err = proc.communicate()
    done = subprocess.CompletedProcess(args, proc.returncode, out, err)
    return done, watch.peak, watch.seconds
