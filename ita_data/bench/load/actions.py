"""What the simulated officers and API clients share: one action done, and what the server offers to choose."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ita_data.bench.load import procstats


@dataclass
class Done:
    kind: str
    seconds: float
    bytes_received: int
    error: str | None = None
    page: str = ""  # the page shown when the action ended ("" is the overview)


@dataclass
class Choices:
    """What links and widgets may name, read from the server's own sidebar."""

    provinces: list[str]
    indicators: list[str]
    years: list[str]


async def follow(
    tasks: Sequence[asyncio.Task],
    result: Any,
    finished: Callable[[], Sequence[Any]],
    root: int | None,
    before: procstats.Sample | None,
    officers: int,
    start: float,
    client_cpu: float,
    progress: Callable[[str], None],
) -> None:
    """Wait for the simulated people, saying every 15 s how many actions are done, and write into
    ``result`` (a run's result: ``errors()``, and the fields set below) the server's CPU and memory over
    the run (its process tree from /proc), the run's length and the generator's own CPU."""
    peak = before.rss_bytes if before else 0
    next_report = start + 15
    while not all(t.done() for t in tasks):
        await asyncio.sleep(0.5)
        if root:
            peak = max(peak, procstats.sample(root).rss_bytes)
        if time.monotonic() >= next_report:
            done = finished()
            recent = [d.seconds for d in done[-officers:]]
            progress(
                f"  {time.monotonic() - start:5.0f} s: {len(done)} done, {len(result.errors())} errors"
                + (f", recent p50 {statistics.median(recent):.2f} s" if recent else "")
            )
            next_report += 15
    for task in tasks:
        task.result()
    if root and before:
        after = procstats.sample(root)
        result.cpu_seconds = after.cpu_seconds - before.cpu_seconds
        result.rss_before, result.rss_peak, result.processes = before.rss_bytes, peak, after.processes
    result.seconds = time.monotonic() - start
    result.client_cpu_seconds = time.process_time() - client_cpu
