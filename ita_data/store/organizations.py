"""Organisations: one row however a source spells the name, and the district a source states as its fact."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pandas as pd

from ita_data import labels, orgs

from .cursors import advance_sequence, registered
from .errors import DataError

ORG_COLUMNS = ("org_key", "org_type", "name", "province_code", "province", "district_code", "district", "is_synthetic")


@dataclass(frozen=True)
class OrgRecord:
    org_type: str
    name: str
    province: str | None = None
    district: str | None = None
    is_synthetic: bool = False

    def label(self) -> str:
        where = f" จ.{self.province}" if self.province else ""
        return f"{orgs.display_name(self.org_type, self.name)}{where}"


def resolve_org(record: OrgRecord) -> tuple[str, str, orgs.Place | None]:
    """Canonical type and name and the checked place, or a DataError that names the record."""
    try:
        type_code = orgs.org_type(record.org_type).code
        name = orgs.clean_text(record.name)
        if not name:
            raise DataError(labels.DATA_EMPTY_NAME.format(type_code=type_code))
        return type_code, name, orgs.place(record.province, record.district)
    except orgs.OrgError as err:
        raise DataError(f"{record.name}: {err}") from None


def org_frame(records: Iterable[OrgRecord]) -> pd.DataFrame:
    """Checked organisations in the shape ``add_organizations`` takes."""
    rows = []
    for record in records:
        type_code, name, where = resolve_org(record)
        rows.append(
            {
                "org_key": orgs.org_key(type_code, name, where.province_code if where else None),
                "org_type": type_code,
                "name": name,
                "province_code": where.province_code if where else None,
                "province": where.province_th if where else None,
                "district_code": where.district_code if where else None,
                "district": where.district_th if where else None,
                "is_synthetic": record.is_synthetic,
            }
        )
    return pd.DataFrame(rows, columns=list(ORG_COLUMNS))


def add_organizations(cur: duckdb.DuckDBPyConnection, frame: pd.DataFrame, source_id: int | None) -> pd.DataFrame:
    """Create the organisations the store lacks and fill a district it lacks; returns org_key → org_id.

    ``frame`` has the columns of ``org_frame`` (and may carry ``org_id`` for generated data: the id
    sequence then moves past them). A district a source states is kept as that source's fact, so
    withdrawing the source takes it back (and another source naming it keeps it).
    """
    frame = frame.sort_values("district_code", key=lambda s: s.isna(), kind="stable")
    frame = frame.drop_duplicates("org_key").reset_index(drop=True)
    if "is_synthetic" not in frame:
        frame = frame.assign(is_synthetic=False)
    frame = frame.assign(is_synthetic=frame["is_synthetic"].fillna(False).astype(bool))
    columns = [c for c in ("org_id", *ORG_COLUMNS) if c in frame.columns]
    with registered(cur, "_new_orgs", frame[columns]):
        # Districts first: the district this source names for a known organisation is its fact (so that
        # withdrawing another source that named it leaves this one's), and fills the district where lacking.
        cur.execute(
            "INSERT INTO org_facts SELECT ?, o.org_id, n.district_code, n.district FROM _new_orgs n "
            "JOIN organizations o USING (org_key) WHERE n.district_code IS NOT NULL AND NOT EXISTS (SELECT 1 "
            "FROM org_facts f WHERE f.org_id = o.org_id AND f.source_id IS NOT DISTINCT FROM ?)",
            [source_id, source_id],
        )
        cur.execute(
            "UPDATE organizations SET district_code = n.district_code, district = n.district FROM _new_orgs n "
            "WHERE organizations.org_key = n.org_key AND organizations.district_code IS NULL "
            "AND n.district_code IS NOT NULL"
        )
        names = ", ".join(columns)
        cur.execute(
            "INSERT INTO organizations (" + names + ", source_id) SELECT " + names + ", ? FROM _new_orgs "
            "WHERE org_key NOT IN (SELECT org_key FROM organizations)",
            [source_id],
        )
        cur.execute(
            "INSERT INTO org_facts SELECT ?, o.org_id, o.district_code, o.district FROM _new_orgs n "
            "JOIN organizations o USING (org_key) WHERE o.source_id IS NOT DISTINCT FROM ? "
            "AND o.district_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_facts f "
            "WHERE f.org_id = o.org_id AND f.source_id IS NOT DISTINCT FROM ?)",
            [source_id, source_id, source_id],
        )
        if "org_id" in columns:
            advance_sequence(cur, "org_ids", "organizations", "org_id")
        return cur.execute("SELECT n.org_key, o.org_id FROM _new_orgs n JOIN organizations o USING (org_key)").df()


def upsert_organization(cur: duckdb.DuckDBPyConnection, record: OrgRecord, source_id: int | None = None) -> int:
    """The organisation's id, creating it if new; one organisation however its name is spelled."""
    return int(add_organizations(cur, org_frame([record]), source_id)["org_id"].iloc[0])
