"""``python -m ita_data brief``: the provincial brief of a selection as an A4 PDF."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import geothai

from ita_data import analytics, labels, orgs, thai
from ita_data.brief import BriefError, PrinterMissing, make_brief
from ita_data.settings import default_db_path
from ita_data.store import Store, StoreError


@contextlib.contextmanager
def open_cursor(db_path: Path) -> Iterator:
    """A read-only cursor on the database: the one place the brief's command opens the store."""
    with Store(db_path, read_only=True) as db:
        yield db.cursor()


def _province(text: str) -> geothai.Province:
    try:
        return orgs.find_province(thai.to_arabic(text))
    except orgs.OrgError:
        raise BriefError(
            f"ไม่รู้จักจังหวัด “{text}”: ระบุชื่อจังหวัดภาษาไทย เช่น สระบุรี หรือรหัสจังหวัด ๒ หลักของกรมการปกครอง "
            "เช่น 19 — unknown province"
        ) from None


def _district(province: geothai.Province, text: str) -> str:
    code = thai.to_arabic(text).strip()
    for d in geothai.districts(province.code):
        if d.code == code:
            return d.code
    try:
        return orgs.find_district(province, code).code
    except orgs.OrgError:
        raise BriefError(
            f"ไม่พบอำเภอ “{text}” ในจังหวัด{province.name_th}: ระบุชื่ออำเภอหรือรหัส ๔ หลัก — unknown district"
        ) from None


def _org_type(text: str) -> str:
    try:
        return orgs.find_org_type(text).code
    except orgs.OrgError as err:
        raise BriefError(str(err)) from None


def _year(text: str) -> int:
    year = thai.parse_be_year(text)
    if year is None:
        raise BriefError(f"ปีงบประมาณ “{text}” อ่านไม่ได้: ระบุปี พ.ศ. เช่น 2568 หรือ ๒๕๖๘ — not a B.E. year")
    return year


def _indicator(text: str) -> str:
    key = thai.to_arabic(text).strip()
    key = key.upper() if key.upper() in ("IIT", "EIT", "OIT") else key.lower()
    if key not in labels.INDICATOR_CHOICES:
        raise BriefError(f"ตัวชี้วัด “{text}” ไม่รู้จัก: ระบุ total, IIT, EIT, OIT หรือเลข 1–10 — unknown indicator")
    return key


def selection(args: argparse.Namespace) -> analytics.Filters:
    """The Filters the arguments name; BriefError (Thai) for a value that names nothing."""
    province = _province(args.province)
    return analytics.Filters(
        fiscal_year=_year(args.fy),
        province_code=province.code,
        district_code=_district(province, args.district) if args.district else None,
        org_type=_org_type(args.type) if args.type else None,
        indicator=_indicator(args.indicator),
        include_synthetic=not args.no_synthetic,
    )


def _run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    try:
        filters = selection(args)
        as_of = thai.parse_date(args.as_of) if args.as_of else None
        if args.as_of and as_of is None:
            raise BriefError(
                f"วันที่ “{args.as_of}” อ่านไม่ได้: ระบุเช่น 30 ก.ย. 2569 หรือ 30/09/2569 (หรือ ISO ค.ศ. 2026-09-30) — not a date"
            )
        with open_cursor(Path(args.db) if args.db else default_db_path()) as cur:
            pdf = make_brief(cur, filters, as_of)
        out = Path(args.out)
        out.write_bytes(pdf)
    except (BriefError, PrinterMissing, StoreError, analytics.DerivedTablesMissing, OSError) as err:
        print(err, file=sys.stderr)
        return 1
    print(f"เขียนรายงาน {out} ({len(pdf) / 1024:,.0f} KB) ใน {time.monotonic() - started:.2f} s")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "brief",
        help="the provincial brief (A4 PDF, Thai) of a province and year",
        description="Write the provincial brief: the province against the nation, the ranking, movers, weak "
        "indicators and items, what each organisation below the pass mark should fix first, and "
        "open and overdue measures. Needs Debian's chromium (sudo apt-get install chromium "
        "fonts-thai-tlwg, or make system).",
    )
    p.add_argument("--province", required=True, help="Thai name or DOPA code (Thai digits accepted), e.g. สระบุรี or 19")
    p.add_argument("--fy", required=True, help="fiscal year, B.E. (2568, ๒๕๖๘ or 68)")
    p.add_argument("--district", help="district name or DOPA code")
    p.add_argument("--type", help="organisation type: sao, subdistrict_municipality, ..., or อบต., ทต., ...")
    p.add_argument("--indicator", default="total", help="the score ranked: total, IIT, EIT, OIT or 1-10")
    p.add_argument(
        "--as-of", help="the day measures are overdue against: 30 ก.ย. 2569, 30/09/2569 or 2026-09-30 (default today)"
    )
    p.add_argument("--no-synthetic", action="store_true", help="leave out the synthetic data")
    p.add_argument("--db", help="database file (default: $ITA_DB or data/ita.duckdb)")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.set_defaults(func=_run)
