"""Work handed to a capped reader process by the tests of its caps (a reader imports it by name)."""

from __future__ import annotations

import time


def spin(seconds: float) -> int:
    """Burn CPU for ``seconds`` of wall time."""
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        n += 1
    return n


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "awake"


def allocate(megabytes: int) -> int:
    """Hold ``megabytes`` of written memory at once."""
    block = bytearray(megabytes * 2**20)
    block[::4096] = b"x" * len(block[::4096])
    return len(block)


def fail() -> None:
    raise TypeError("a reader's own bug")
