"""The store: round trip on a real DuckDB file, each constraint's message, identity, migrations."""

import subprocess
import sys
import textwrap

import duckdb
import pytest

from ita_data import store as st

KLUAI = st.OrgRecord("sao", "บ้านกล้วย", "สระบุรี", "หนองโดน")
SCORES = {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 99.33, 7: 99.33, 8: 99.33, 9: 82.5, 10: 90}


def _write(store, record=KLUAI, year=2568, **values):
    with store.transaction() as cur:
        source = st.add_source(cur, "report.txt", "sum-1", "analysis")
        org = st.upsert_organization(cur, record)
        st.save_assessment(cur, org, year, source, label=record.label(), **values)
    return org, source


def test_a_new_database_has_the_current_schema(store):
    assert store.schema_version() == st.SCHEMA_VERSION
    tables = set(store.query("SELECT table_name FROM information_schema.tables")["table_name"])
    assert {"organizations", "assessments", "indicator_scores", "item_scores", "measures", "sources", "meta"} <= tables


def test_assessment_round_trip_keeps_every_number_and_its_source(store):
    org, source = _write(
        store,
        total_score=94.30,
        level_reported="ผ่านดี",
        province_rank=3,
        province_rank_of=50,
        indicator_scores=SCORES,
        item_scores={"O25": 10, "e1": 98.5},
    )
    a = store.query("SELECT a.*, y.level_computed FROM assessments a JOIN org_year y USING (org_id, fiscal_year)").iloc[
        0
    ]
    assert (a.total_score, a.level_reported, a.level_computed) == (94.30, "ผ่านดี", "ผ่านดี")
    assert (a.province_rank_reported, a.province_rank_of, a.source_id) == (3, 50, source)
    ind = store.query("SELECT indicator, score FROM indicator_scores ORDER BY indicator")
    assert dict(zip(ind.indicator, ind.score)) == SCORES
    items = store.query("SELECT item, indicator, score FROM item_scores ORDER BY item")
    assert items.values.tolist() == [["e1", 6, 98.5], ["o25", 10, 10.0]]
    o = store.query("SELECT * FROM organizations").iloc[0]
    assert (o.org_id, o.org_type, o["name"], o.province_code, o.district_code) == (org, "sao", "บ้านกล้วย", "19", "1908")
    assert not o.is_synthetic


def test_one_organisation_under_three_spellings(store):
    with store.transaction() as cur:
        ids = {
            st.upsert_organization(cur, st.OrgRecord("sao", name, "สระบุรี"))
            for name in ("บ้านกล้วย", "บ้าน กล้วย", " บ้านกล้วย ")
        }
    assert len(ids) == 1
    assert store.query("SELECT count(*) AS n FROM organizations").n[0] == 1


def test_same_name_in_another_province_is_another_organisation(store):
    with store.transaction() as cur:
        a = st.upsert_organization(cur, st.OrgRecord("sao", "บ้านใหม่", "เชียงใหม่"))
        b = st.upsert_organization(cur, st.OrgRecord("sao", "บ้านใหม่", "ลำพูน"))
    assert a != b


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"total_score": 105}, r"อบต\.บ้านกล้วย จ\.สระบุรี ปี 2568 total_score: 105 is outside 0-100"),
        ({"indicator_scores": {9: -1}}, r"ปี 2568 indicator 9: -1 is outside 0-100"),
        ({"indicator_scores": {11: 50}}, r"indicator 11 is not 1-10"),
        ({"item_scores": {"o25": 101}}, r"item o25: 101 is outside 0-100"),
        ({"item_scores": {"x1": 50}}, r"รหัสข้อไม่ถูกต้อง 'x1'"),
        ({"total_score": "เก้าสิบ"}, r"total_score: 'เก้าสิบ' is not a number"),
        ({"province_rank": 0}, r"province rank 0 must be 1 or more"),
    ],
)
def test_impossible_values_are_refused_with_the_record_named(store, values, message):
    with pytest.raises(st.DataError, match=message):
        _write(store, **values)
    # The transaction rolled back: not even the organisation or the source landed.
    assert store.query("SELECT count(*) AS n FROM organizations").n[0] == 0
    assert store.query("SELECT count(*) AS n FROM sources").n[0] == 0


def test_unknown_year_is_refused(store):
    with pytest.raises(st.DataError, match="ปี 2590"):
        _write(store, year=2590, total_score=50)


def test_unknown_province_is_refused_with_its_name(store):
    with pytest.raises(st.DataError, match="แอตแลนติส"):
        _write(store, record=st.OrgRecord("sao", "บ้านกล้วย", "แอตแลนติส"), total_score=50)


def test_unknown_measure_status_is_refused(store):
    with pytest.raises(st.DataError, match="มาตรการที่ 1: status 'maybe'"), store.transaction() as cur:
        source = st.add_source(cur, "m.txt", "sum-2", "measures")
        org = st.upsert_organization(cur, KLUAI)
        st.replace_measures(cur, org, 2566, "measures", [{"status": "maybe"}], source, label="x")


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO assessments (org_id, fiscal_year, source_id) VALUES (1, 2568, 1), (1, 2568, 1)",
        "INSERT INTO indicator_scores VALUES (1, 2568, 1, 105, 1)",
        "INSERT INTO measures (org_id, fiscal_year, status, source_id) VALUES (1, 2568, 'x', 1)",
        "INSERT INTO facts (source_id, org_id, fiscal_year, fact, key, value_num) VALUES (1, 1, 2568, 'item', 'o1', 101)",
        "INSERT INTO facts (source_id, org_id, fiscal_year, fact, value_num) VALUES (1, 1, 2568, 'province_rank', 0)",
        "INSERT INTO facts (source_id, org_id, fiscal_year, fact, value_num) VALUES (1, 1, 2568, 'rumour', 1)",
    ],
)
def test_database_constraints_back_the_checks(store, statement):
    with pytest.raises(duckdb.ConstraintException), store.transaction() as cur:
        cur.execute(statement)
    assert store.query("SELECT count(*) AS n FROM facts").n[0] == 0


def test_a_later_source_updates_only_what_it_gives(store):
    org, first = _write(store, total_score=80.0, indicator_scores={1: 70, 2: 80})
    with store.transaction() as cur:
        second = st.add_source(cur, "table.csv", "sum-3", "table")
        st.save_assessment(cur, org, 2568, second, label="x", indicator_scores={2: 85})
    rows = store.query("SELECT indicator, score, source_id FROM indicator_scores ORDER BY indicator")
    assert rows.values.tolist() == [[1, 70.0, first], [2, 85.0, second]]
    assert store.query("SELECT source_id FROM assessments").source_id[0] == first


def test_measures_of_a_newer_document_replace_the_older_ones_of_that_kind(store):
    org, _ = _write(store, total_score=80.0)
    for checksum, titles in (("m1", ["ก", "ข"]), ("m2", ["ค"])):
        with store.transaction() as cur:
            source = st.add_source(cur, "m.txt", checksum, "measures")
            st.replace_measures(
                cur, org, 2568, "measures", [{"title": t, "status": "done"} for t in titles], source, label="x"
            )
    assert store.query("SELECT title FROM measures").title.tolist() == ["ค"]


def test_migrating_a_version_1_database_keeps_its_data(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    st.migrate(con, upto=1)
    con.execute("INSERT INTO organizations (org_key, org_type, name) VALUES ('sao|ก|', 'sao', 'ก')")
    con.execute("INSERT INTO assessments (org_id, fiscal_year, total_score, source_id) VALUES (1, 2566, 88.5, 1)")
    con.close()
    with st.Store(path) as upgraded:
        assert upgraded.schema_version() == st.SCHEMA_VERSION
        row = upgraded.query("SELECT total_score, province_rank_of FROM assessments")
        assert row.total_score[0] == 88.5 and row.province_rank_of.isna()[0]
        assert set(upgraded.meta()) == {"derived_version"}  # derived tables were built on open


def test_a_newer_database_than_the_program_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    st.Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (99, now())")
    con.close()
    with pytest.raises(st.StoreError, match="รุ่น 99"):
        st.Store(path)


def test_a_file_held_by_another_process_gives_a_clear_message(tmp_path):
    path = tmp_path / "held.duckdb"
    st.Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("holding", flush=True)
            time.sleep(30)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(st.StoreBusy, match=r"ถูกเปิดเขียนโดยโปรแกรมอื่น \(PID \d+\)"):
            st.Store(path)
    finally:
        holder.kill()
        holder.wait()
    with st.Store(path) as reopened:  # nothing was damaged
        assert reopened.schema_version() == st.SCHEMA_VERSION


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "ro.duckdb"
    st.Store(path).close()
    with st.Store(path, read_only=True) as ro, pytest.raises(st.StoreError, match="อ่านอย่างเดียว"), ro.transaction():
        pass


def test_a_new_database_answers_the_analytics_before_any_write(store):
    from ita_data import analytics

    summary = analytics.overview(store.cursor(), analytics.Filters(2568)).iloc[0]
    assert summary.org_count == 0


def test_the_analytics_see_a_write_as_soon_as_it_commits(store):
    from ita_data import analytics

    _write(store, total_score=94.30, indicator_scores=SCORES)
    summary = analytics.overview(store.cursor(), analytics.Filters(2568, province_code="19")).iloc[0]
    assert (summary.org_count, summary.mean_score) == (1, 94.30)


def test_a_failed_write_leaves_the_analytics_as_they_were(store):
    from ita_data import analytics

    _write(store, total_score=80.0, indicator_scores={n: 80 for n in range(1, 11)})
    with pytest.raises(st.DataError), store.transaction() as cur:
        source = st.add_source(cur, "b.txt", "sum-b", "table")
        org = st.upsert_organization(cur, st.OrgRecord("sao", "หนองสมมุติ", "สระบุรี"))
        st.save_assessment(cur, org, 2568, source, label="x", total_score=90.0)
        st.save_assessment(cur, org, 2568, source, label="x", total_score=190.0)
    summary = analytics.overview(store.cursor(), analytics.Filters(2568)).iloc[0]
    assert (summary.org_count, summary.mean_score) == (1, 80.0)


def test_derived_tables_of_an_older_version_are_rebuilt_on_open(tmp_path):
    path = tmp_path / "older.duckdb"
    with st.Store(path) as s:
        _write(s, total_score=80.0, indicator_scores={n: 80 for n in range(1, 11)})
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = 'an-older-version' WHERE key = 'derived_version'")
    con.execute("DROP TABLE org_scores")  # as if an older version had defined it differently
    con.close()
    with st.Store(path) as reopened:
        from ita_data import analytics

        summary = analytics.overview(reopened.cursor(), analytics.Filters(2568)).iloc[0]
        assert (summary.org_count, summary.mean_score) == (1, 80.0)


def test_a_version_2_database_becomes_facts_with_the_same_current_values(tmp_path):
    path = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(path))
    st.migrate(con, upto=2)
    con.execute("INSERT INTO sources (file_name, checksum, kind, imported_at) VALUES ('r.txt', 'c', 'analysis', now())")
    con.execute(
        "INSERT INTO organizations (org_key, org_type, name, province_code, province, district_code, "
        "district) VALUES ('sao|ก|19', 'sao', 'ก', '19', 'สระบุรี', '1908', 'หนองโดน')"
    )
    con.execute(
        "INSERT INTO assessments (org_id, fiscal_year, total_score, level_reported, level_computed, "
        "province_rank_reported, province_rank_of, source_id) VALUES (1, 2568, 94.3, 'ผ่านดี', 'x', 3, 50, 1)"
    )
    con.executemany("INSERT INTO indicator_scores VALUES (1, 2568, ?, ?, 1)", list(SCORES.items()))
    con.execute("INSERT INTO item_scores VALUES (1, 2568, 'o25', 10, 10.0, 1)")
    con.execute(
        "INSERT INTO measures (org_id, fiscal_year, indicator, title, status, source_id) "
        "VALUES (1, 2568, 9, 'เปิดเผยข้อมูล', 'planned', 1)"
    )
    con.close()
    with st.Store(path) as upgraded:
        assert upgraded.schema_version() == st.SCHEMA_VERSION
        facts = upgraded.query("SELECT fact, count(*) AS n FROM facts GROUP BY fact ORDER BY fact")
        assert dict(zip(facts.fact, facts.n)) == {
            "indicator": 10,
            "item": 1,
            "level_reported": 1,
            "province_rank": 1,
            "province_rank_of": 1,
            "total_score": 1,
        }
        year = upgraded.query(
            "SELECT total_score, level_reported, level_computed, province_rank_reported FROM org_year"
        ).iloc[0]
        assert (year.total_score, year.level_reported, year.level_computed, year.province_rank_reported) == (
            94.3,
            "ผ่านดี",
            "ผ่านดี",
            3,
        )  # the stored 'x' was a computed level: computed again by the rules
        assert upgraded.query("SELECT title FROM measures").title.tolist() == ["เปิดเผยข้อมูล"]
        assert upgraded.query("SELECT district_code FROM organizations").district_code[0] == "1908"
        listed = upgraded.sources().iloc[0]
        assert (listed.facts, listed.current_facts) == (16, 16)
