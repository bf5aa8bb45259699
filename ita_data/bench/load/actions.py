"""What the simulated officers and API clients share: one action done, and what the server offers to choose."""

from __future__ import annotations

from dataclasses import dataclass


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
