"""Other offices' systems pulling the data API while officers browse: each client asks for one view's
JSON for a province every ~``think`` seconds (open loop), half of the time sending back the ETag it
holds for that address, as a scheduled ``curl`` or Power BI refresh would; a brief client prints a
province's brief now and then.

Each request is timed from when it fell due, so a slow server's queue shows, as for the officers.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass

from ita_data.bench.load.actions import Choices, Done

API = "/api/v1"
# Views whose answer is the same whatever the province: asked for less often.
SAME_FOR_ALL = ("indicator-list", "method", "level-bands", "sources")


@dataclass
class Answer:
    status: int
    body: bytes
    etag: str | None
    seconds: float


def fetch(url: str, etag: str | None = None, timeout: float = 120.0) -> Answer:
    """One GET, as a client without a browser makes it (loopback only)."""
    host = urllib.parse.urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"the load generator only talks to loopback, not {host}")
    headers = {"If-None-Match": etag} if etag else {}
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as answer:
            body = answer.read()
            return Answer(answer.status, body, answer.headers.get("ETag"), time.perf_counter() - started)
    except urllib.error.HTTPError as err:
        return Answer(err.code, err.read(), err.headers.get("ETag"), time.perf_counter() - started)


async def read_views(base_url: str, executor: Executor) -> list[str]:
    """The views the server lists at /api/v1/."""
    loop = asyncio.get_running_loop()
    answer = await loop.run_in_executor(executor, fetch, f"{base_url.rstrip('/')}{API}/")
    if answer.status != 200:
        raise RuntimeError(f"{API}/ answered {answer.status}")
    return [v["name"] for v in json.loads(answer.body)["views"]]


class ApiClient:
    """One office's system: a view and a province at a time, remembering the ETag of each address."""

    def __init__(
        self,
        base_url: str,
        names: list[str],
        choices: Choices,
        rng: random.Random,
        executor: Executor,
        record: Callable[[Done], None],
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.names = [n for n in names if n not in SAME_FOR_ALL] or names
        self.choices = choices
        self.rng = rng
        self.executor = executor
        self.record = record
        self.etags: dict[str, str] = {}

    def address(self, name: str) -> str:
        query = {"province": self.rng.choice(self.choices.provinces)}
        if self.rng.random() < 0.5:
            query["indicator"] = self.rng.choice(self.choices.indicators)
        return f"{self.base_url}{API}/{name}.json?{urllib.parse.urlencode(query)}"

    async def ask(self, name: str, due: float) -> None:
        url = self.address(name)
        etag = self.etags.get(url) if self.rng.random() < 0.5 else None
        loop = asyncio.get_running_loop()
        error = None
        received = 0
        try:
            answer = await loop.run_in_executor(self.executor, fetch, url, etag)
            received = len(answer.body)
            if answer.status not in (200, 304):
                error = f"HTTP {answer.status}: {answer.body[:200].decode('utf-8', 'replace')}"
            elif answer.etag:
                self.etags[url] = answer.etag
            kind = f"api:{name}" + (" (304)" if answer.status == 304 else "")
        except (OSError, ValueError) as err:
            error, kind = f"{type(err).__name__}: {err}", f"api:{name}"
        self.record(Done(kind, time.monotonic() - due, received, error, "api"))

    async def walk(self, start: float, stop: float, think: float) -> None:
        due = start + self.rng.uniform(0, think)
        order = list(self.names)
        self.rng.shuffle(order)
        while due < stop:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            name = order.pop(0)
            order.append(name)
            await self.ask(name, due)
            due += think * self.rng.uniform(0.5, 1.5)


class BriefClient:
    """Someone printing a province's brief every ~``every`` seconds."""

    def __init__(self, base_url: str, choices: Choices, rng: random.Random, executor: Executor, record) -> None:
        self.base_url, self.choices, self.rng, self.executor, self.record = (
            base_url.rstrip("/"),
            choices,
            rng,
            executor,
            record,
        )

    async def walk(self, start: float, stop: float, every: float) -> None:
        due = start + self.rng.uniform(0, every)
        loop = asyncio.get_running_loop()
        while due < stop:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            query = urllib.parse.urlencode({"province": self.rng.choice(self.choices.provinces)})
            error = None
            answer = None
            try:
                answer = await loop.run_in_executor(self.executor, fetch, f"{self.base_url}{API}/brief.pdf?{query}")
                if answer.status != 200 or not answer.body.startswith(b"%PDF"):
                    error = f"HTTP {answer.status}: {answer.body[:200].decode('utf-8', 'replace')}"
            except OSError as err:
                error = f"{type(err).__name__}: {err}"
            self.record(Done("api:brief.pdf", time.monotonic() - due, len(answer.body) if answer else 0, error, "api"))
            due += every * self.rng.uniform(0.5, 1.5)
