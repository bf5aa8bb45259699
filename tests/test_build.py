"""The bundled default data: deterministic, flagged synthetic, realistic counts and trend."""

import geothai
import pytest

from ita_data import store, synthetic


@pytest.fixture(scope="module")
def built(national_db):
    db = store.Store(national_db, read_only=True)  # as the dashboard opens it
    counts = dict(
        db.query(
            "SELECT 'organizations' AS t, count(*) AS n FROM organizations "
            "UNION ALL SELECT 'assessments', count(*) FROM assessments"
        ).values
    )
    yield db, counts, national_db
    db.close()


def _table_digest(db, table):
    """The rows of a table, in any order, as three numbers DuckDB computes without moving the rows out."""
    return tuple(
        db.query(  # names are ours, not input
            "SELECT count(*) AS n, bit_xor(hash(t)) AS x, sum(CAST(hash(t) AS HUGEINT)) AS s FROM " + table + " t"
        ).iloc[0]
    )


TABLES = (
    "organizations",
    "assessments",
    "indicator_scores",
    "item_scores",
    "measures",
    "sources",
    "meta",
    "facts",
    "measure_facts",
    "org_facts",
)


@pytest.fixture(scope="module")
def built_by_the_cli(tmp_path_factory):
    """A second build of the default data, made by the `build` command: the path and what it printed.
    One build serves both the determinism test and the command's own test (a build takes seconds)."""
    import contextlib
    import io

    from ita_data.__main__ import main

    folder = tmp_path_factory.mktemp("cli_build")
    target = folder / "cli.duckdb"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", "--db", str(target), "--reports", str(folder / "none")])
    return target, code, out.getvalue(), err.getvalue()


def test_building_twice_gives_the_same_database(built, built_by_the_cli):
    db, _, _ = built
    again_path, code, _, _ = built_by_the_cli
    assert code == 0
    with store.Store(again_path, read_only=True) as again:
        for table in TABLES:
            assert _table_digest(db, table) == _table_digest(again, table), table


def test_every_organisation_is_flagged_synthetic_and_visibly_fictional(built):
    db, _, _ = built
    orgs = db.query("SELECT name, is_synthetic FROM organizations")
    assert orgs.is_synthetic.all()
    assert orgs["name"].str.contains(synthetic.FICTION_WORD).all()
    assert set(db.query("SELECT kind FROM sources").kind) == {"synthetic"}


def test_no_synthetic_name_is_a_real_place_name(built):
    db, _, _ = built
    names = set(db.query("SELECT name FROM organizations")["name"])
    real = {s.name_th for d in geothai._districts() for s in geothai.subdistricts(d.code)}
    real |= {p.name_th for p in geothai.provinces()}
    assert not names & real


def test_counts_by_type_follow_the_national_proportions(built):
    db, counts, _ = built
    by_type = dict(db.query("SELECT org_type, count(*) AS n FROM organizations GROUP BY 1").values)
    expected = dict(synthetic.TYPE_TOTALS)
    expected["pao"] = 76  # one per province outside Bangkok
    assert by_type == expected
    assert counts["organizations"] == sum(expected.values())
    assert 7800 <= counts["organizations"] <= 7900


def test_every_province_outside_bangkok_has_organisations_of_its_size(built):
    db, _, _ = built
    per_province = db.query(
        "SELECT province_code, count(*) AS n, count(DISTINCT district_code) AS districts FROM organizations GROUP BY 1"
    ).set_index("province_code")
    expected = {p.code for p in geothai.provinces()} - {"10"}
    assert set(per_province.index) == expected
    assert per_province.n.min() >= 10
    # Nakhon Ratchasima (30) has the most subdistricts in the country, so the most organisations.
    assert per_province.n.idxmax() == "30"
    assert (
        db.query("SELECT count(*) AS n FROM organizations WHERE org_type = 'pao' GROUP BY province_code").n == 1
    ).all()


def test_districts_and_provinces_are_real_and_consistent(built):
    db, _, _ = built
    rows = db.query("SELECT DISTINCT province_code, district_code, district FROM organizations")
    for r in rows.itertuples():
        d = geothai.district(r.district_code)
        assert d is not None and d.province_code == r.province_code and d.name_th == r.district


def test_national_mean_rises_as_the_real_one_did(built):
    db, _, _ = built
    means = dict(db.query("SELECT fiscal_year, avg(total_score) AS m FROM assessments GROUP BY 1").values)
    assert list(means) == sorted(means) or sorted(means) == list(range(2562, 2569))
    assert 79 <= means[2564] <= 83
    assert 88 <= means[2566] <= 92
    assert 92 <= means[2567] <= 95 and 92 <= means[2568] <= 95
    assert all(means[y] < means[y + 1] for y in range(2562, 2568))


def test_scores_persist_from_year_to_year(built):
    db, _, _ = built
    corr = db.query(
        "SELECT corr(a.total_score, b.total_score) AS r FROM assessments a "
        "JOIN assessments b ON a.org_id = b.org_id AND b.fiscal_year = a.fiscal_year + 1"
    ).r[0]
    assert 0.4 < corr < 0.95


def test_printed_totals_and_levels_follow_the_years_rules(built):
    db, _, _ = built
    from ita_data import framework

    sample = db.query(
        "SELECT a.org_id, a.fiscal_year, a.total_score, a.level_reported, y.level_computed FROM assessments a "
        "JOIN org_year y USING (org_id, fiscal_year) USING SAMPLE 200 ROWS (reservoir, 7)"
    )
    for r in sample.itertuples():
        scores = dict(
            db.query(
                "SELECT indicator, score FROM indicator_scores WHERE org_id = ? AND fiscal_year = ?",
                [r.org_id, r.fiscal_year],
            ).values
        )
        assert framework.total_score(r.fiscal_year, scores) == pytest.approx(r.total_score, abs=0.005)
        assert framework.level_from_indicators(r.fiscal_year, scores) == r.level_computed == r.level_reported


def test_item_codes_belong_to_their_years_catalogue(built):
    db, _, _ = built
    from ita_data import framework

    per_year = db.query("SELECT fiscal_year, count(DISTINCT item) AS n FROM item_scores GROUP BY 1")
    for r in per_year.itertuples():
        assert r.n == len(framework.items(r.fiscal_year))


def test_measures_have_statuses_and_dates(built):
    db, _, _ = built
    m = db.query("SELECT status, due_date, completed_on, indicator FROM measures")
    assert set(m.status) <= set(store.STATUSES)
    assert {"planned", "in_progress", "done"} <= set(m.status)
    assert m.due_date.notna().all()
    assert m.loc[m.status != "done", "completed_on"].isna().all()
    assert m.indicator.between(1, 10).all()


def test_the_newest_measures_follow_the_calendar_of_the_day_of_the_build(built):
    import datetime as dt

    from ita_data import analytics

    db, _, _ = built
    newest = max(synthetic.YEARS)
    today = dt.date.fromisoformat(db.meta()["synthetic_measures_as_of"])
    open_now = analytics.open_measures(db.cursor(), analytics.Filters(newest), as_of=today)
    assert open_now.overdue.any() and not open_now.overdue.all()  # some overdue, some still on time
    m = db.query("SELECT status, due_date, completed_on FROM measures WHERE fiscal_year = ?", [newest])
    assert (m.status == "done").any() and (m.status == "in_progress").any()
    done = m[m.status == "done"]
    assert (done.completed_on.dt.date <= today).all()  # nothing was completed in the future


def test_organisations_added_later_do_not_collide_with_generated_ids(built, tmp_path):
    _, _, path = built
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(path.read_bytes())
    with store.Store(copy) as db:
        with db.transaction() as cur:
            new_id = store.upsert_organization(cur, store.OrgRecord("sao", "ทดสอบใหม่", "สระบุรี"))
        assert new_id == db.query("SELECT max(org_id) AS m FROM organizations").m[0]
        assert db.query("SELECT count(*) AS n FROM organizations").n[0] == 7851


def test_build_cli_prints_progress_and_skips_an_existing_database(built_by_the_cli, capsys):
    from ita_data.__main__ import main

    target, code, out, err = built_by_the_cli
    assert code == 0
    assert "writing FY2568" in err and "built" in out
    before = target.stat()
    assert main(["build", "--db", str(target), "--if-missing"]) == 0
    assert "มีอยู่แล้ว" in capsys.readouterr().out
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # kept, not rebuilt
