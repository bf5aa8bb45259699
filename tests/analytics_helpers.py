"""Small hand-built ITA data for the analytics tests, written through the store's one write path.

The store rebuilds the derived tables before each transaction commits, so the data is ready to query
as soon as the ``with store.transaction()`` block ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ita_data import store as store_module

# Who and where, as every per-organisation analytics result starts its columns.
ORG_COLUMNS = ["org_id", "org_name", "org_type", "province_code", "province", "district_code", "district"]


def flat(value: float) -> dict[int, float]:
    """All ten indicators at one value: every tool score and the total are that value too."""
    return {n: value for n in range(1, 11)}


def with_scores(base: float, **overrides: float) -> dict[int, float]:
    """``with_scores(90, i9=70)``: all indicators at ``base`` except the ones named."""
    scores = flat(base)
    for key, value in overrides.items():
        scores[int(key[1:])] = value
    return scores


class Builder:
    """Writes organisations, years and measures inside one transaction."""

    def __init__(self, cur, kind: str = "table"):
        self.cur = cur
        self.source = store_module.add_source(cur, "test", f"checksum-{kind}", kind)
        self.sources = {kind: self.source}

    def source_of(self, kind: str) -> int:
        if kind not in self.sources:
            self.sources[kind] = store_module.add_source(self.cur, f"test-{kind}", f"checksum-{kind}", kind)
        return self.sources[kind]

    def org(
        self,
        name: str,
        org_type: str = "sao",
        province: str | None = "สระบุรี",
        district: str | None = None,
        synthetic: bool = False,
    ) -> int:
        return store_module.upsert_organization(
            self.cur, store_module.OrgRecord(org_type, name, province, district, is_synthetic=synthetic)
        )

    def year(
        self,
        org_id: int,
        fiscal_year: int,
        indicators: Mapping[int, float] | None = None,
        total: float | None = None,
        level: str | None = None,
        rank: int | None = None,
        rank_of: int | None = None,
        items: Mapping[str, float] | None = None,
    ) -> None:
        store_module.save_assessment(
            self.cur,
            org_id,
            fiscal_year,
            self.source,
            label=f"org {org_id}",
            total_score=total,
            level_reported=level,
            province_rank=rank,
            province_rank_of=rank_of,
            indicator_scores=indicators,
            item_scores=items,
        )

    def measures(
        self, org_id: int, fiscal_year: int, rows: Iterable[Mapping[str, Any]], kind: str = "measures"
    ) -> None:
        store_module.replace_measures(
            self.cur, org_id, fiscal_year, kind, list(rows), self.source_of(kind), label=f"org {org_id}"
        )
