"""Shared fixtures: a real DuckDB file per test, and the seed reports read where they live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ita_data.store import Store

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real reports stay in ../shared/seeds; a user's clone may not have them."""
    if not SEEDS_DIR.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the seed reports at {SEEDS_DIR}")
        pytest.skip(f"seed reports not found at {SEEDS_DIR} (they live beside the project)")
    return SEEDS_DIR


def seed_path(seeds_dir: Path, number: str) -> Path:
    """The seed whose file name starts with the number, e.g. ``"001"``."""
    (match,) = sorted(seeds_dir.glob(f"{number}_*.txt"))
    return match
