"""``python -m ita_data serve``: two real Streamlit processes behind a real HAProxy. An upload and a
download work through the proxy (each needs the process that holds the session), a browser with the
SERVERID cookie stays on its process, and a browser without it may be sent to the other."""

from __future__ import annotations

import shutil
import urllib.request

import pyarrow as pa
import pytest

from ita_data import serving as launcher
from ita_data.settings import LOCAL_EDITOR_ENV
from ita_data.streamlit_tab import Browser, Tab
from pages import display
from tests.conftest import _free_port, run_async
from tests.tables_helpers import csv_bytes, row


@pytest.fixture(scope="module")
def proxy(national_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "ita.duckdb"
    shutil.copyfile(national_db, db)
    port = _free_port()
    # The upload below needs the import page open without sign-in, which `serve` itself never allows.
    backends, haproxy = launcher.start(2, port, db, copy_db=False, run_dir=folder, local_editor=True)
    yield f"http://127.0.0.1:{port}", backends, folder
    launcher.stop(backends, haproxy)


def _server_cookie(browser: Browser) -> str | None:
    return browser.cookie("SERVERID")


def test_serve_takes_no_browser_import_without_sign_in_whatever_its_environment(tmp_path, monkeypatch):
    """Its processes sit behind a proxy on loopback, so every request looks local: ITA_LOCAL_EDITOR
    set in the shell that runs `serve` does not reach them."""
    from ita_data.store import Store

    monkeypatch.setenv(LOCAL_EDITOR_ENV, "1")
    db = tmp_path / "ita.duckdb"
    Store(db).close()
    port = _free_port()
    backends, haproxy = launcher.start(1, port, db, copy_db=False, run_dir=tmp_path)
    try:

        async def scenario():
            tab = Tab(Browser(f"http://127.0.0.1:{port}"))
            await tab.open("", {})
            await tab.open_page("import")
            assert tab.widget("table_upload") is None and tab.widget("report_upload") is None
            assert any("make run" in text for text in tab.texts())  # why, and how to ask for it
            await tab.close()

        run_async(scenario())
    finally:
        launcher.stop(backends, haproxy)


def test_the_config_names_every_backend_with_its_cookie():
    config = launcher.haproxy_config("127.0.0.1:8501", [("s1", 9001), ("s2", 9002)])
    assert "bind 127.0.0.1:8501" in config
    assert "cookie SERVERID insert indirect nocache" in config
    assert "timeout tunnel" in config
    assert "server s1 127.0.0.1:9001 check inter 2s cookie s1" in config
    assert "server s2 127.0.0.1:9002 check inter 2s cookie s2" in config


def test_every_process_reads_the_one_published_database(proxy):
    _, backends, folder = proxy
    assert {b.db for b in backends} == {folder / "ita.duckdb"}


def test_upload_and_download_through_the_proxy_stay_on_the_session_process(proxy):
    url, backends, _ = proxy

    async def scenario():
        officer = Browser(url)
        tab = Tab(officer)
        opened = await tab.open("", {})
        assert opened.errors == []
        home = _server_cookie(officer)
        assert home in {b.name for b in backends}

        # A download: the file is made in the session's process and fetched from it by URL.
        (button,) = [w for w in tab.widgets_of("download_button") if w.key == "overview_csv"]
        _, data = await tab.download(button)
        assert data.startswith("\ufeff".encode()) and "ตัวชี้วัด".encode() in data

        # The upload URL names the session: only the process holding it takes the file.
        await tab.open_page("import")
        uploader = tab.widget("table_upload")
        assert uploader is not None
        table = csv_bytes([row("เทศบาลตำบลทดสอบโหลด", year=2566)])
        uploaded = await tab.upload(uploader, "load.csv", table)
        assert uploaded.errors == []
        assert any("แถวที่อ่าน" in text for text in tab.texts())

        # A file made for this session lives in its process until the session's runs move on:
        # fetched below with no run in between.
        await tab.open_page("")
        (button,) = [w for w in tab.widgets_of("download_button") if w.key == "overview_csv"]
        media = await tab.file_url(button)

        # With the cookie: every request goes to the same process (the file is there every time).
        for _ in range(6):
            status, _ = await officer.request("GET", media)
            assert status == 200
        assert _server_cookie(officer) == home

        # Without it: HAProxy picks the process with fewer connections, here the other one, which
        # has never heard of this session's file.
        landed, statuses = set(), set()
        for _ in range(4):
            stranger = Browser(url)
            status, _ = await stranger.request("GET", media)
            landed.add(_server_cookie(stranger))
            statuses.add(status)
        assert landed - {home}, landed
        assert 404 in statuses
        await tab.close()

    run_async(scenario())


def test_the_proxy_answers_health_from_both_processes(proxy):
    url, backends, _ = proxy
    for b in backends:
        with urllib.request.urlopen(f"http://127.0.0.1:{b.port}/_stcore/health", timeout=5) as answer:
            assert answer.status == 200
    with urllib.request.urlopen(url + "/_stcore/health", timeout=5) as answer:
        assert answer.status == 200


def test_a_long_table_is_sent_as_its_first_rows_and_a_short_or_selectable_one_whole(proxy):
    """The national measures page's long tables go lazily (the rows in view first, the rest as the
    officer scrolls); the short ones and the rankings table (a row opens a profile) go whole."""
    url, _, _ = proxy

    def tables(tab: Tab) -> list:
        return [e.dataframe for _, e in tab._elements.values() if e is not None and e.WhichOneof("type") == "dataframe"]

    async def scenario():
        tab = Tab(Browser(url))
        try:
            await tab.open("measures", {})
            measures = tables(tab)
            lazy = [t for t in measures if t.HasField("lazy_data")]
            assert lazy and all(t.lazy_data.row_count > display.LAZY_ROWS and not t.arrow_data.data for t in lazy)
            for t in lazy:  # the first page of rows, the count of all
                first = pa.ipc.open_stream(t.lazy_data.initial_chunk.data).read_all()
                assert 0 < first.num_rows <= t.lazy_data.page_size < t.lazy_data.row_count
            assert any(not t.HasField("lazy_data") and t.arrow_data.data for t in measures)  # a short one
            await tab.open_page("rankings")
            (ranking,) = [t for t in tables(tab) if t.selection_mode]
            assert not ranking.HasField("lazy_data") and ranking.arrow_data.data
        finally:
            await tab.close()

    run_async(scenario())
