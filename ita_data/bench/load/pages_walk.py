"""The pages walk: each simulated officer opens a random page (overview, rankings, change, gaps,
measures, organisation) with a random province, again and again, an exponential think time apart
(open loop), over Streamlit's websocket; a click's time runs from the rerun sent to the script
finished. Heavier than the officers' walk (``officers.py``): nearly every click is a new page with a
new province, so little of what the tab already holds can be reused.

Each officer's first action is a first visit (the page's link with the province in it: HTML, health,
host config, websocket, first run), reported apart from the clicks. Bytes are those that crossed the
socket (compressed when the server compresses), the figure a provincial office's line waits for.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ita_data.bench.load import procstats
from ita_data.bench.load.actions import Choices, follow
from ita_data.bench.load.officers import MAX_OFFICERS, MAX_SECONDS, percentile, read_choices
from ita_data.streamlit_tab import Browser, ProtocolError, Tab

WALK_PAGES = ("overview", "rankings", "change", "gaps", "measures", "organization")
FIRST_VISIT = "first visit"


@dataclass
class Click:
    page: str  # the page opened; FIRST_VISIT rows are reported apart
    first: bool
    seconds: float
    wire_bytes: int  # over the socket: websocket frames (and a first visit's HTML and config answers)
    message_bytes: int  # the messages after decompression
    error: str | None = None


@dataclass
class PagesResult:
    officers: int
    seconds: float
    think: float
    clicks: list[Click] = field(default_factory=list)
    cpu_seconds: float | None = None
    rss_before: int | None = None
    rss_peak: int | None = None
    processes: int | None = None
    client_cpu_seconds: float = 0.0
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def errors(self) -> list[Click]:
        return [c for c in self.clicks if c.error]


class PagesOfficer:
    def __init__(self, base_url: str, choices: Choices, rng: random.Random, executor, record) -> None:
        self.choices = choices
        self.rng = rng
        self.record = record
        self.browser = Browser(base_url, executor)
        self.tab = Tab(self.browser)

    async def act(self, due: float) -> None:
        page = self.rng.choice(WALK_PAGES)
        province = self.rng.choice(self.choices.provinces)
        first = not self.tab.pages
        wire = message = 0
        error = None
        try:
            if first:
                run = await self.tab.open(page, {"province": province})
                wire = run.wire_bytes + run.http_bytes
            else:
                widget = self.tab.widget("province")
                if widget is None:
                    raise ProtocolError("no province selectbox on the page")
                run = await self.tab.open_page_with(page, widget, string_value=province)
                wire = run.wire_bytes
            message = run.bytes_received
            error = run.errors[0] if run.errors else None
        except Exception as err:  # noqa: BLE001 - a failure of any kind is an error to count
            error = f"{type(err).__name__}: {err}"
        self.record(Click(page, first, time.monotonic() - due, wire, message, error))

    async def walk(self, start: float, stop: float, think: float) -> None:
        due = start + self.rng.expovariate(1 / think)
        try:
            while due < stop:
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                await self.act(due)
                if self.tab.closed_reason:  # a broken tab: a person reloads the link
                    await self.tab.close()
                    self.tab = Tab(self.browser)
                due += self.rng.expovariate(1 / think)
        finally:
            await self.tab.close()


async def run_pages_walk(
    base_url: str,
    officers: int,
    seconds: float,
    think: float = 10.0,
    seed: int = 26,
    port: int | None = None,
    progress=print,
) -> PagesResult:
    if not 1 <= officers <= MAX_OFFICERS:
        raise ValueError(f"officers must be 1–{MAX_OFFICERS}")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds must be at most {MAX_SECONDS:.0f}")
    result = PagesResult(officers, seconds, think, load_before=os.getloadavg())
    executor = ThreadPoolExecutor(max_workers=min(48, officers + 3), thread_name_prefix="pageswalk-http")
    choices = await read_choices(base_url, executor)
    root = procstats.server_root(port) if port else None
    before = procstats.sample(root) if root else None
    rng = random.Random(seed)
    crew = [
        PagesOfficer(base_url, choices, random.Random(rng.random()), executor, result.clicks.append)
        for _ in range(officers)
    ]
    start = time.monotonic()
    client_cpu = time.process_time()
    tasks = [asyncio.create_task(o.walk(start, start + seconds, think)) for o in crew]
    await follow(tasks, result, lambda: result.clicks, root, before, officers, start, client_cpu, progress)
    result.load_after = os.getloadavg()
    executor.shutdown(wait=False)
    return result


def _row(name: str, clicks: list[Click]) -> str:
    if not clicks:
        return f"{name:<16}{0:>7}"
    seconds = [c.seconds for c in clicks]
    return (
        f"{name:<16}{len(clicks):>7}{percentile(seconds, 0.5):>8.2f}{percentile(seconds, 0.95):>8.2f}"
        f"{max(seconds):>8.2f}{sum(1 for c in clicks if c.error):>8}"
        f"{statistics.mean(c.wire_bytes for c in clicks) / 1024:>10.0f}"
        f"{statistics.mean(c.message_bytes for c in clicks) / 1024:>10.0f}"
    )


def report(result: PagesResult) -> str:
    clicks = [c for c in result.clicks if not c.first]
    firsts = [c for c in result.clicks if c.first]
    lb, la = result.load_before, result.load_after
    lines = [
        f"pages walk: {result.officers} officers, a random page with a random province every ~{result.think:g} s "
        f"(exponential), {result.seconds:.0f} s: {len(clicks)} clicks, {len(firsts)} first visits, "
        f"{len(result.errors())} errors; load average {lb[0]:.2f} {lb[1]:.2f} {lb[2]:.2f} before, "
        f"{la[0]:.2f} {la[1]:.2f} {la[2]:.2f} after",
        f"{'page':<16}{'count':>7}{'p50 s':>8}{'p95 s':>8}{'max s':>8}{'errors':>8}{'wire KB':>10}{'msg KB':>10}",
    ]
    lines += [_row(page, [c for c in clicks if c.page == page]) for page in WALK_PAGES]
    lines += [_row("all clicks", clicks), _row(FIRST_VISIT, firsts), _row("all", result.clicks)]
    if result.cpu_seconds is not None and result.rss_before is not None and result.rss_peak is not None:
        actions = max(1, len(result.clicks))
        lines.append(
            f"server: {result.processes} processes, CPU {result.cpu_seconds:.1f} s "
            f"({result.cpu_seconds / result.seconds:.2f} cores busy, {result.cpu_seconds / actions * 1000:.0f} ms "
            f"per click or first visit); memory {result.rss_before / 2**20:.0f} MB before, "
            f"{result.rss_peak / 2**20:.0f} MB peak"
        )
    else:
        lines.append("server: CPU and memory not measured (no readable process listens on the port)")
    lines.append(
        f"load generator: CPU {result.client_cpu_seconds:.1f} s ({result.client_cpu_seconds / result.seconds:.2f} cores)"
    )
    shown: dict[str, int] = {}
    for c in result.errors():
        text = f"{'first visit of ' if c.first else ''}/{c.page}: {c.error}"
        shown[text] = shown.get(text, 0) + 1
    for text, count in sorted(shown.items(), key=lambda item: -item[1])[:10]:
        lines.append(f"  error ×{count}: {text}")
    return "\n".join(lines)
