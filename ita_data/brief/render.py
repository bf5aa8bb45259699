"""The brief as HTML: the content (brief.content) poured into templates/brief.html by Jinja2, autoescaped.

Every value from a document (names, measure titles, units) reaches the page through Jinja's escaping;
nothing here marks text as safe. Numbers are only formatted here, never computed.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any

import jinja2

from ita_data import labels, orgs, thai
from ita_data.brief import charts
from ita_data.brief.content import Brief

SOURCES = (
    "ที่มา: ผลการประเมิน ITA ของสำนักงาน ป.ป.ช. และรายงานของ อปท.; "
    "ชื่อและรหัสพื้นที่ geothai (CC-BY-4.0); คำนวณโดยแดชบอร์ด ITA ท้องถิ่น"
)
SYNTHETIC_MARK = "ข้อมูลสมมุติเพื่อการสาธิต ไม่ใช่ผลการประเมินจริง"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: Any, digits: int = 2) -> str:
    return "–" if _missing(value) else f"{value:,.{digits}f}"


def signed(value: Any, digits: int = 2) -> str:
    return "–" if _missing(value) else f"{value:+,.{digits}f}"


def percent(share: Any, digits: int = 1) -> str:
    return "–" if _missing(share) else f"{share * 100:.{digits}f}%"


def integer(value: Any) -> str:
    return "–" if _missing(value) else f"{int(value):,}"


def signed_integer(value: Any) -> str:
    return "–" if _missing(value) else f"{int(value):+d}"


def be_date(value: Any) -> str:
    if _missing(value):
        return "–"
    if not isinstance(value, dt.date):
        value = value.date() if hasattr(value, "date") else dt.date.fromisoformat(str(value)[:10])
    return thai.format_be_date(value)


def indicator_name(indicator: Any) -> str:
    return "–" if _missing(indicator) else labels.indicator_label(str(indicator))


def short_type(code: str) -> str:
    return orgs.org_type(code).short_th


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ita_data.brief", "templates"),
        autoescape=True,  # every template, whatever its name: brief.css is included inside <style>
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        number=number,
        signed=signed,
        percent=percent,
        integer=integer,
        signed_integer=signed_integer,
        be_date=be_date,
        indicator_name=indicator_name,
        short_type=short_type,
    )
    return env


def _charts(brief: Brief) -> dict[str, charts.Chart]:
    means = brief.indicator_means
    indicator_chart = charts.paired_bars(
        [
            (
                labels.indicator_short_label(row.indicator),
                row.mean_selection,
                row.mean_nation,
                number(row.mean_selection),
                number(row.mean_nation),
            )
            for row in means.itertuples()
        ],
        legend=(brief.place, brief.whole),
        mark=(brief.pass_mark, labels.pass_mark_label(brief.pass_mark)),
    )
    level_chart = charts.paired_bars(
        [
            (
                row.level,
                row.share,
                row.nation_share,
                f"{row.org_count:,} ({percent(row.share)})",
                percent(row.nation_share),
            )
            for row in brief.levels.itertuples()
        ],
        legend=(brief.place, brief.whole),
        axis=(0.0, 1.0),
        ticks=[(v / 4, f"{v * 25:g}%") for v in range(5)],
        label_width=105,
        bar_area=190,
        value_room=75,
    )
    return {"indicators": indicator_chart, "levels": level_chart}


def render(brief: Brief) -> tuple[str, str, str]:
    """The page, its running header and its running footer (Chromium repeats those on every page)."""
    env = environment()
    context = {
        "b": brief,
        "f": brief.filters,
        "charts": _charts(brief),
        "sources": SOURCES,
        "synthetic_mark": SYNTHETIC_MARK,
        "labels": labels,
        "printed_on": thai.format_be_date(dt.date.today()),
        "title": f"รายงานสรุปผลการประเมิน ITA {brief.place} ปีงบประมาณ {brief.filters.fiscal_year}",
    }
    return (
        env.get_template("brief.html").render(context),
        env.get_template("header.html").render(context),
        env.get_template("footer.html").render(context),
    )
