"""``serve`` warms its processes (ita_data.warming): every page officers open, for the nation and each
province the sidebar offers, drawn once through the process's websocket; again after a publish."""

from __future__ import annotations

import time

import pytest

from ita_data import analytics, warming
from ita_data import serving as launcher
from ita_data.derived import open_store
from ita_data.streamlit_tab import Browser, Tab
from tests.conftest import _free_port, run_async
from tests.small_data import add_measure_titled, build_small_db


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warm")
    db = folder / "ita.duckdb"
    build_small_db(db)
    backends, haproxy = launcher.start(1, _free_port(), db, copy_db=False, run_dir=folder)
    yield db, backends
    launcher.stop(backends, haproxy)


def _province_options(url: str) -> list[str]:
    async def read():
        tab = Tab(Browser(url))
        try:
            await tab.open("")
            widget = tab.widget("province")
            assert widget is not None
            return list(widget.proto.options)
        finally:
            await tab.close()

    return run_async(read())


def test_every_page_is_drawn_for_the_nation_and_each_province(served):
    db, (backend,) = served
    url = f"http://127.0.0.1:{backend.port}"
    options = _province_options(url)
    with open_store(db, read_only=True) as s:
        provinces = analytics.filter_choices(s.cursor(), "province")
    assert options[1:] == list(provinces.values())  # the nation, then every province with data
    done = run_async(warming.warm(url))
    assert done.errors == []
    assert done.pages == 1 + len(options) * len(warming.PAGES)


def test_a_process_is_warmed_again_after_a_publish(served, capsys):
    db, (backend,) = served
    stopping: list[bool] = []
    launcher.keep_warm([backend], stopping, every=1.0)
    try:

        def said() -> list[str]:
            return [line for line in capsys.readouterr().out.splitlines() if "pages drawn ahead" in line]

        def wait_for_a_warming(seconds: float = 120) -> list[str]:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                if found := said():
                    return found
                time.sleep(0.5)
            return []

        first = wait_for_a_warming()
        assert first and first[0].startswith(f"{backend.name}: ") and "problems" not in first[0]
        assert wait_for_a_warming(5) == []  # the same data: not warmed again
        with open_store(db, read_only=True) as s:
            org_id = int(s.query("SELECT min(org_id) AS o FROM organizations").o.iloc[0])
        add_measure_titled(db, org_id, "มาตรการที่เผยแพร่ใหม่")
        again = wait_for_a_warming()
        assert again and "problems" not in again[0]
    finally:
        stopping.append(True)
