"""Warming the dashboard's processes: each page officers open drawn once for the nation and for every
province, through the process's own websocket as a browser would, so that what the pages compute and
draw (answers, figures, tables, files: ``pages/shared.remember``) is made before the first officers ask.

A process draws a page for a province it has not drawn yet in about four times the CPU of one it has
(issue 26): on a fresh server or after a publish, the first hundred officers would otherwise queue
behind each other's first visits. ``serve`` warms every process after it starts and again when the
published data changes; officers are served meanwhile (the warming tab is one more visitor, one page
at a time).
"""

from __future__ import annotations

import json
import time
import urllib.request
from dataclasses import dataclass, field

from ita_data.streamlit_tab import Browser, ProtocolError, Tab

# The pages an officer opens with a province (the import and about pages compute nothing per province).
PAGES = ("overview", "rankings", "change", "gaps", "measures", "organization")


@dataclass
class Warmed:
    pages: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


async def warm(base_url: str, pages: tuple[str, ...] = PAGES) -> Warmed:
    """Open every page of ``pages`` for the nation and each province the sidebar offers, one at a time."""
    started = time.monotonic()
    done = Warmed()
    tab = Tab(Browser(base_url))
    try:
        first = await tab.open(pages[0])
        done.pages += 1
        done.errors += first.errors
        widget = tab.widget("province")
        if widget is None:
            raise ProtocolError("no province selectbox on the page")
        for province in list(widget.proto.options):
            for page in pages:
                widget = tab.widget("province")
                if widget is None:
                    raise ProtocolError(f"no province selectbox on {page}")
                run = await tab.open_page_with(page, widget, string_value=province)
                done.pages += 1
                done.errors += [f"{page} · {province}: {e}" for e in run.errors]
    except (TimeoutError, ProtocolError, OSError) as err:
        done.errors.append(f"{type(err).__name__}: {err}")
    finally:
        await tab.close()
    done.seconds = time.monotonic() - started
    return done


def data_version(base_url: str) -> str | None:
    """The published data a process serves (its data API says it), or None when it does not answer."""
    try:
        with urllib.request.urlopen(f"{base_url}/api/v1/overview.json", timeout=30) as answer:
            return json.load(answer).get("data_version")
    except (OSError, ValueError):
        return None
