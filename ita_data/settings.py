"""Where the data lives and who is working: file locations and settings, read in one place."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
REPORTS_DIR = DATA_DIR / "reports"
DEFAULT_DB = DATA_DIR / "ita.duckdb"
# Another shared folder beside the project holds the seed reports in a developer's checkout.
SHARED_DIR = PROJECT_ROOT.parent / "shared"
SEEDS_DIR = SHARED_DIR / "seeds"  # the five real reports the benchmarks time

# How long a write waits for another process's write before it gives up (seconds).
WRITE_WAIT_SECONDS = float(os.environ.get("ITA_WRITE_WAIT", "600"))
# Set (to 1) by the person who starts a one-person dashboard on their own machine (`make run`): its browser
# may import without sign-in (pages.access). `python -m ita_data serve` removes it from its processes.
LOCAL_EDITOR_ENV = "ITA_LOCAL_EDITOR"


def default_db_path() -> Path:
    """``$ITA_DB``, or ``data/ita.duckdb`` in the project."""
    return Path(os.environ.get("ITA_DB") or DEFAULT_DB)


def os_user() -> str:
    """Who runs this process, for the record of an import made outside the browser."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}"
