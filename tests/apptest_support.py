"""AppTest on our multipage layout; shared by the test fixture and the page benchmark."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from streamlit.runtime import pages_manager
from streamlit.testing.v1 import AppTest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def entry_script_always_runs() -> Iterator[None]:
    """AppTest (1.67) re-derives ``PagesManager.uses_pages_directory`` before every run and, because
    our product layout has a ``pages/`` folder, would run only the page file on reruns (the v1
    multipage mode). The real server runs the entry script every time because ``st.navigation``
    clears the flag; this makes AppTest do the same while the block runs."""
    original_init = pages_manager.PagesManager.__init__

    def init_without_pages_directory(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        pages_manager.PagesManager.uses_pages_directory = False

    pages_manager.PagesManager.__init__ = init_without_pages_directory  # type: ignore[method-assign]
    try:
        yield
    finally:
        pages_manager.PagesManager.__init__ = original_init  # type: ignore[method-assign]


def dashboard_app(page: str | None = None, query: dict | None = None, **session) -> AppTest:
    """A first run of dashboard.py (ITA_DB must already point at the database), then the page."""
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in session.items():
        at.session_state[key] = value
    at.run()
    if page is not None:
        # A browser opens the page's address with its query at once; AppTest must run the default page
        # first, whose frame keeps only the sidebar's parameters in the address: give the page its own.
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page(page).run()
    return at


def shown(markdown: str) -> str:
    """What a Markdown element shows of its source: data shown as written is backslash-escaped
    (ita_data.safe_text.markdown_literal), and neither the escapes nor the word joiners show."""
    import re

    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")  # WORD JOINER: invisible
