"""A replica reads the published database from a folder where it can make no hard link (a read-only volume
shared by containers): it still sees every snapshot the writer publishes, and leaves no copy behind."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from ita_data import store as st
from ita_data.derived import open_store


def _add_org(db: Path, name: str) -> None:
    with open_store(db) as s, s.transaction() as cur:
        source = st.add_source(cur, f"{name}.txt", name, "analysis")
        org = st.upsert_organization(cur, st.OrgRecord("sao", name, "สระบุรี", "หนองโดน"), source)
        st.save_assessment(cur, org, 2568, source, label="x", total_score=80.0)


def _orgs(s: st.Store) -> set[str]:
    return set(s.query("SELECT name FROM organizations")["name"])


@pytest.fixture
def no_hard_links(monkeypatch, tmp_path):
    """``os.link`` fails as on a read-only mount; temporary files go to a folder the test can list."""

    def refuse(src, dst, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(dst))

    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    return private


def test_a_reader_without_hard_links_sees_each_new_snapshot(tmp_path, no_hard_links):
    db = tmp_path / "shared" / "ita.duckdb"
    db.parent.mkdir()
    _add_org(db, "บ้านกล้วย")
    reader = open_store(db, read_only=True)
    session = reader.cursor()  # a session's cursor keeps the first snapshot's database open
    try:
        assert _orgs(reader) == {"บ้านกล้วย"}
        before = reader.snapshot_version
        _add_org(db, "บ้านมะม่วง")
        assert reader.snapshot_version != before
        assert _orgs(reader) == {"บ้านกล้วย", "บ้านมะม่วง"}  # the next visitor sees the new snapshot
        assert session.execute("SELECT count(*) FROM organizations").fetchone()[0] == 1  # the old one, whole
    finally:
        session.close()
        reader.close()
    # The copies were opened and their names removed at once: nothing is left in the temporary folder,
    # and nothing was written beside the published file.
    assert list(no_hard_links.iterdir()) == []
    assert not list(db.parent.glob(".ita.duckdb.snap-*"))


def test_without_room_for_a_copy_the_reader_opens_the_file_itself(tmp_path, no_hard_links, monkeypatch):
    db = tmp_path / "ita.duckdb"
    _add_org(db, "บ้านกล้วย")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    with open_store(db, read_only=True) as reader:
        assert _orgs(reader) == {"บ้านกล้วย"}
