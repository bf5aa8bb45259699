"""A small hand-built database for the measures and organisation page tests, written through the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics_helpers import Builder, flat, with_scores

from ita_data.store import Store

HTML_TITLE = "<b>x</b><script>alert('x')</script>"


def build_small_db(path: Path) -> dict[str, int]:
    """Four organisations in two provinces, FY2567 and FY2568, items, and measures open, overdue and done."""
    with Store(path) as db, db.transaction() as cur:
        b = Builder(cur)
        ids = {
            "a": b.org("บ้านเอ", district="แก่งคอย"),
            "b": b.org("บ้านบี", district="เมืองสระบุรี"),
            "c": b.org("บ้านซี", org_type="subdistrict_municipality", district="แก่งคอย"),
            "d": b.org("บ้านดี", province="ลพบุรี"),
        }
        b.year(ids["a"], 2567, with_scores(80, i9=60))
        b.year(ids["b"], 2567, flat(85))
        b.year(ids["c"], 2567, flat(90))
        b.year(ids["d"], 2567, flat(70))
        b.year(ids["a"], 2568, with_scores(86, i9=80), items={"o1": 50, "o2": 100, "i1": 67})
        b.year(ids["b"], 2568, flat(84))
        b.year(ids["c"], 2568, flat(95))
        b.year(ids["d"], 2568, flat(72))
        b.measures(
            ids["a"],
            2567,
            [
                {
                    "indicator": 9,
                    "title": "เปิดเผยข้อมูลให้ครบ",
                    "responsible": "สำนักปลัด",
                    "due_date": dt.date(2024, 6, 30),
                    "status": "done",
                }
            ],
        )
        b.measures(
            ids["a"],
            2568,
            [
                {
                    "indicator": 9,
                    "title": "ปรับปรุงเว็บไซต์",
                    "responsible": "สำนักปลัด",
                    "due_date": dt.date(2025, 1, 31),
                    "status": "in_progress",
                },
                {
                    "indicator": 10,
                    "title": "แผนป้องกันการทุจริต",
                    "responsible": "กองคลัง",
                    "due_date": dt.date(2099, 9, 30),
                    "status": "planned",
                },
            ],
        )
        b.measures(
            ids["d"],
            2568,
            [
                {
                    "indicator": 1,
                    "title": "อบรมคุณธรรม",
                    "responsible": "กองคลัง",
                    "due_date": dt.date(2025, 3, 1),
                    "status": "planned",
                },
                {
                    "indicator": 2,
                    "title": "เสร็จแล้ว",
                    "responsible": "กองช่าง",
                    "due_date": dt.date(2025, 3, 1),
                    "status": "done",
                },
            ],
        )
    return ids


def add_measure_titled(path: Path, org_id: int, title: str) -> None:
    """One more open, overdue measure for an organisation in FY2568, through the store's write path."""
    with Store(path) as db, db.transaction() as cur:
        b = Builder(cur, kind="measures")
        b.measures(
            org_id,
            2568,
            [
                {
                    "indicator": 9,
                    "title": title,
                    "issue": title,
                    "responsible": "สำนักปลัด",
                    "due_date": dt.date(2025, 1, 31),
                    "status": "in_progress",
                }
            ],
        )
