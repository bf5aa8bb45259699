"""The load generator against a real dashboard server: every kind of action, no errors, and the
server's CPU and memory read from /proc."""

from __future__ import annotations

import os
import urllib.parse

import pytest

from ita_data.bench.load import procstats
from ita_data.bench.load.officers import KINDS, percentile, report, run_load
from ita_data.bench.load.pages_walk import FIRST_VISIT, WALK_PAGES, run_pages_walk
from ita_data.bench.load.pages_walk import report as pages_report
from tests.conftest import run_async, serving_copy


@pytest.fixture(scope="module")
def server(national_db, tmp_path_factory):
    with serving_copy(national_db, tmp_path_factory.mktemp("loadtest")) as (proc, url, _db):
        yield proc, url


def test_a_short_run_exercises_every_action_without_errors(server):
    _, url = server
    port = urllib.parse.urlsplit(url).port
    result = run_async(run_load(url, officers=3, seconds=15, think=1.2, port=port, progress=lambda _: None))

    assert [f"{d.kind}: {d.error}" for d in result.errors()] == []
    counts = {kind: len(done) for kind, done in result.by_kind().items()}
    assert all(counts[kind] > 0 for kind in KINDS), counts
    assert counts["open_link"] == 3  # one shared link per officer: the tab never broke
    # Every page run sends something; a download's size is the file's.
    assert all(d.bytes_received > 0 for d in result.done)
    # The figures of the server come from its own process (the one listening on the port).
    assert result.processes == 1 and result.cpu_seconds > 0 and result.rss_peak >= result.rss_before > 0
    printed = report(result)
    for kind in KINDS:
        assert kind in printed


def test_the_server_process_is_found_by_its_port(server):
    proc, url = server
    port = urllib.parse.urlsplit(url).port
    assert procstats.listener(port) == proc.pid
    assert procstats.server_root(port) == proc.pid
    assert procstats.sample(proc.pid).rss_bytes > 50 * 2**20  # a Streamlit process with the data loaded


def test_the_load_generator_talks_to_loopback_only():
    from ita_data.streamlit_tab import Browser

    with pytest.raises(ValueError, match="loopback"):
        Browser("http://example.org:8501")


def test_a_process_tree_sums_its_children():
    me = procstats.sample(os.getpid())
    assert me.processes >= 1 and me.cpu_seconds > 0 and me.rss_bytes > 0


def test_percentiles_are_of_the_sorted_values():
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.95) == 5.0
    assert percentile(values, 0.0) == 1.0


def test_the_pages_walk_opens_each_page_with_a_province_and_counts_its_bytes(server):
    """The issue 26 walk: a random page with a random province per click, latency, bytes on the wire and
    after decompression, and the server's CPU, printed per page."""
    _, url = server
    port = urllib.parse.urlsplit(url).port
    result = run_async(run_pages_walk(url, officers=3, seconds=20, think=1.0, port=port, progress=lambda _: None))

    assert [f"{c.page}: {c.error}" for c in result.errors()] == []
    firsts = [c for c in result.clicks if c.first]
    clicks = [c for c in result.clicks if not c.first]
    assert len(firsts) == 3 and len(clicks) >= 6
    assert {c.page for c in clicks} <= set(WALK_PAGES) and len({c.page for c in clicks}) >= 2
    assert all(c.seconds > 0 and 0 < c.wire_bytes and 0 < c.message_bytes for c in result.clicks)
    assert result.processes == 1 and result.cpu_seconds and result.cpu_seconds > 0
    printed = pages_report(result)
    assert FIRST_VISIT in printed and all(c.page in printed for c in clicks)
