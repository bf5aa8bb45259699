"""Simulated provincial officers, open loop: each acts every ~``think`` seconds whether or not the
server kept up, walking as officers do — open a shared link, change province and indicator, open the
rankings, download a table, pick an organisation (its profile opens), open another page. Other
offices' systems may pull the data API at the same time (``bench.load.api``).

An action that falls due while the officer's previous one still runs waits for it (a tab shows one
page at a time), and its time is counted from when it fell due, so a slow server's queue shows in
the figures instead of slowing the arrivals down.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ita_data.bench.load import procstats
from ita_data.bench.load.actions import Choices, Done, follow
from ita_data.bench.load.api import ApiClient, BriefClient, read_views

MAX_OFFICERS = 200
MAX_SECONDS = 300.0

# The walk after the shared link; every officer repeats it from the start.
WALK = ("change_province", "change_indicator", "open_rankings", "download", "pick_org", "download", "open_page")
WALK_ENTRIES = (0, 1, 2, 6)
KINDS = ("open_link", *dict.fromkeys(WALK))
# Pages an officer opens from the navigation or a link ("" is the default page, the overview).
PAGES = ("", "rankings", "change", "gaps", "measures", "organization", "about")


@dataclass
class Result:
    officers: int
    seconds: float
    think: float
    done: list[Done] = field(default_factory=list)
    api_clients: int = 0
    api_think: float = 0.0
    cpu_seconds: float | None = None
    rss_before: int | None = None
    rss_peak: int | None = None
    processes: int | None = None
    client_cpu_seconds: float = 0.0  # the load generator's own CPU: it shares the machine

    def by_kind(self) -> dict[str, list[Done]]:
        return {kind: [d for d in self.done if d.kind == kind] for kind in KINDS}

    def api_by_kind(self) -> dict[str, list[Done]]:
        """The data API's answers by view (``api:rankings``; a revalidation answered 304 apart)."""
        found: dict[str, list[Done]] = {}
        for d in self.done:
            if d.kind.startswith("api:"):
                found.setdefault(d.kind, []).append(d)
        return dict(sorted(found.items()))

    def errors(self) -> list[Done]:
        return [d for d in self.done if d.error]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def read_choices(base_url: str, executor) -> Choices:
    """One tab opens the overview and reads the sidebar's options (this also warms the server)."""
    from ita_data.streamlit_tab import Browser, Tab

    tab = Tab(Browser(base_url, executor))
    try:
        run = await tab.open("")
        if run.errors:
            raise RuntimeError(f"the first page did not load: {run.errors[0]}")
        widgets = {key: tab.widget(key) for key in ("province", "indicator", "fy")}
        missing = [key for key, widget in widgets.items() if widget is None]
        if missing:
            raise RuntimeError(f"the sidebar has no {', '.join(missing)} selectbox")
        options = {key: list(widget.proto.options) for key, widget in widgets.items() if widget is not None}
    finally:
        await tab.close()
    return Choices(options["province"][1:], options["indicator"], options["fy"])


class Officer:
    def __init__(self, number: int, base_url: str, choices: Choices, rng: random.Random, executor, record) -> None:
        from ita_data.streamlit_tab import Browser, Tab

        self.number = number
        self.choices = choices
        self.rng = rng
        self.record = record
        self.browser = Browser(base_url, executor)
        self.tab = Tab(self.browser)

    def shared_link(self) -> tuple[str, dict[str, str]]:
        query = {"province": self.rng.choice(self.choices.provinces)}
        if self.rng.random() < 0.5:
            query["indicator"] = self.rng.choice(self.choices.indicators)
        if self.rng.random() < 0.3:
            query["fy"] = self.rng.choice(self.choices.years)
        return self.rng.choice(PAGES), query

    async def act(self, kind: str, due: float) -> None:
        from ita_data.streamlit_tab import ProtocolError

        received = 0
        error = None
        try:
            if kind == "open_link":
                page, query = self.shared_link()
                run = await self.tab.open(page, query)
            elif kind in ("change_province", "change_indicator"):
                key = "province" if kind == "change_province" else "indicator"
                widget = self.tab.widget(key)
                if widget is None:
                    raise ProtocolError(f"no {key} selectbox on the page")
                options = self.choices.provinces if key == "province" else self.choices.indicators
                run = await self.tab.set_widget(widget, string_value=self.rng.choice(options))
            elif kind == "open_rankings":
                run = await self.tab.open_page("rankings")
            elif kind == "pick_org":
                table = self.tab.widget("rank_table")
                if table is None:
                    raise ProtocolError("no rankings table to pick from")
                run = await self.tab.select_row(table, self.rng.randrange(10))
                if self.tab.page_hash != self.tab.pages.get("organization"):
                    run.errors.append("choosing a row did not open the profile")
            elif kind == "download":
                # A table, as CSV or XLSX (not the printed brief, which is another benchmark's).
                buttons = [
                    w for w in self.tab.widgets_of("download_button") if (w.key or "").endswith(("_csv", "_xlsx"))
                ]
                if not buttons:
                    raise ProtocolError("no table download on the page")
                run, _ = await self.tab.download(self.rng.choice(buttons))
            elif kind == "open_page":
                run = await self.tab.open_page(self.rng.choice(PAGES))
            else:
                raise ValueError(kind)
            received = run.bytes_received
            error = run.errors[0] if run.errors else None
        except (TimeoutError, ProtocolError, OSError) as err:
            error = f"{type(err).__name__}: {err}"
        except Exception as err:  # noqa: BLE001 - a websocket failure of any kind is an error to count
            error = f"{type(err).__name__}: {err}"
        page = next((path for path, hash_ in self.tab.pages.items() if hash_ == self.tab.page_hash), "?")
        self.record(Done(kind, time.monotonic() - due, received, error, page))

    async def walk(self, start: float, stop: float, think: float) -> None:
        due = start + self.rng.uniform(0, think)  # officers arrive spread over the first think time
        # Each officer enters the walk at a step that needs no earlier one, so that a short run
        # still sees every kind of action.
        steps = ["open_link", *WALK[self.rng.choice(WALK_ENTRIES) :]]
        try:
            while due < stop:
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                kind = steps.pop(0) if steps else None
                if kind is None:
                    steps = list(WALK)
                    kind = steps.pop(0)
                await self.act(kind, due)
                if self.tab.closed_reason:  # the tab is broken: a person would reload the link
                    await self.tab.close()
                    from ita_data.streamlit_tab import Tab

                    self.tab = Tab(self.browser)
                    steps = ["open_link"]
                due += think * self.rng.uniform(0.5, 1.5)
        finally:
            await self.tab.close()


async def run_load(
    base_url: str,
    officers: int,
    seconds: float,
    think: float = 10.0,
    seed: int = 14,
    port: int | None = None,
    progress=print,
    api_clients: int = 0,
    api_think: float = 10.0,
    brief_every: float = 0.0,
) -> Result:
    """Officers in browsers, and ``api_clients`` systems pulling the data API (one view's JSON each
    every ~``api_think`` s) and a brief printed every ~``brief_every`` s (0: none), all at once."""
    if not 1 <= officers <= MAX_OFFICERS:
        raise ValueError(f"officers must be 1–{MAX_OFFICERS}")
    if not 0 <= api_clients <= MAX_OFFICERS:
        raise ValueError(f"API clients must be 0–{MAX_OFFICERS}")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds must be at most {MAX_SECONDS:.0f}")
    result = Result(officers, seconds, think, api_clients=api_clients, api_think=api_think)
    executor = ThreadPoolExecutor(max_workers=min(48, officers + api_clients + 3), thread_name_prefix="loadtest-http")
    choices = await read_choices(base_url, executor)
    root = procstats.server_root(port) if port else None
    before = procstats.sample(root) if root else None
    rng = random.Random(seed)
    crew = [
        Officer(i, base_url, choices, random.Random(rng.random()), executor, result.done.append)
        for i in range(officers)
    ]
    start = time.monotonic()
    client_cpu = time.process_time()
    stop = start + seconds
    tasks = [asyncio.create_task(o.walk(start, stop, think)) for o in crew]
    if api_clients or brief_every:
        names = await read_views(base_url, executor)
        tasks += [
            asyncio.create_task(
                ApiClient(base_url, names, choices, random.Random(rng.random()), executor, result.done.append).walk(
                    start, stop, api_think
                )
            )
            for _ in range(api_clients)
        ]
        if brief_every:
            brief = BriefClient(base_url, choices, random.Random(rng.random()), executor, result.done.append)
            tasks.append(asyncio.create_task(brief.walk(start, stop, brief_every)))
    await follow(tasks, result, lambda: result.done, root, before, officers, start, client_cpu, progress)
    executor.shutdown(wait=False)
    return result


def report(result: Result) -> str:
    lines = [
        (
            f"{result.officers} officers, one action each every ~{result.think:g} s, "
            + (
                f"and {result.api_clients} API clients, one JSON each every ~{result.api_think:g} s, "
                if result.api_clients
                else ""
            )
            + f"{result.seconds:.0f} s: {len(result.done)} actions, {len(result.errors())} errors"
        ),
        f"{'action':<26}{'count':>7}{'p50 s':>9}{'p95 s':>9}{'max s':>9}{'errors':>8}{'KB each':>10}",
    ]
    for kind, done in [*result.by_kind().items(), *result.api_by_kind().items()]:
        if not done:
            lines.append(f"{kind:<26}{0:>7}")
            continue
        seconds = [d.seconds for d in done]
        lines.append(
            f"{kind:<26}{len(done):>7}{percentile(seconds, 0.5):>9.2f}{percentile(seconds, 0.95):>9.2f}"
            f"{max(seconds):>9.2f}{sum(1 for d in done if d.error):>8}"
            f"{statistics.mean(d.bytes_received for d in done) / 1024:>10.0f}"
        )
    if result.done:
        seconds = [d.seconds for d in result.done]
        lines.append(
            f"{'all':<26}{len(seconds):>7}{percentile(seconds, 0.5):>9.2f}{percentile(seconds, 0.95):>9.2f}"
            f"{max(seconds):>9.2f}{len(result.errors()):>8}"
            f"{statistics.mean(d.bytes_received for d in result.done) / 1024:>10.0f}"
        )
        total = sum(d.bytes_received for d in result.done)
        lines.append(f"sent to the officers: {total / 2**20:.1f} MB ({total / 2**20 / result.seconds:.2f} MB/s)")
    if result.cpu_seconds is not None and result.rss_before is not None and result.rss_peak is not None:
        lines.append(
            f"server: {result.processes} processes, CPU {result.cpu_seconds:.1f} s "
            f"({result.cpu_seconds / result.seconds:.2f} cores busy, "
            f"{result.cpu_seconds / max(1, len(result.done)) * 1000:.0f} ms per action); "
            f"memory {result.rss_before / 2**20:.0f} MB before, {result.rss_peak / 2**20:.0f} MB peak, "
            f"{(result.rss_peak - result.rss_before) / 2**20 / result.officers:.1f} MB per session"
        )
    else:
        lines.append("server: CPU and memory not measured (no readable process listens on the port)")
    lines.append(
        f"load generator: CPU {result.client_cpu_seconds:.1f} s "
        f"({result.client_cpu_seconds / result.seconds:.2f} cores busy)"
    )
    shown: dict[str, int] = {}
    for d in result.errors():
        text = f"{d.kind} (page /{d.page}): {d.error}"
        shown[text] = shown.get(text, 0) + 1
    for text, count in sorted(shown.items(), key=lambda item: -item[1])[:10]:
        lines.append(f"  error ×{count}: {text}")
    return "\n".join(lines)
