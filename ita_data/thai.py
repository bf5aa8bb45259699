"""Thai text helpers shared by the parser, the importers and the pages: digits, years and dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

BE_OFFSET = 543

# Full and abbreviated month names; abbreviations are written with or without dots.
MONTHS = {
    "มกราคม": 1,
    "กุมภาพันธ์": 2,
    "มีนาคม": 3,
    "เมษายน": 4,
    "พฤษภาคม": 5,
    "มิถุนายน": 6,
    "กรกฎาคม": 7,
    "สิงหาคม": 8,
    "กันยายน": 9,
    "ตุลาคม": 10,
    "พฤศจิกายน": 11,
    "ธันวาคม": 12,
    "ม.ค.": 1,
    "ก.พ.": 2,
    "มี.ค.": 3,
    "เม.ย.": 4,
    "พ.ค.": 5,
    "มิ.ย.": 6,
    "ก.ค.": 7,
    "ส.ค.": 8,
    "ก.ย.": 9,
    "ต.ค.": 10,
    "พ.ย.": 11,
    "ธ.ค.": 12,
}
_MONTH_ALT = "|".join(re.escape(m).replace(r"\.", r"\.?\s*") for m in sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(rf"(\d{{1,2}})\s*({_MONTH_ALT})\s*(?:พ\.?\s*ศ\.?\s*)?(\d{{4}}|\d{{2}})(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!\d)")


def to_arabic(text: str) -> str:
    """Thai digits to Arabic digits; everything else unchanged."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return str(text).translate(_TO_THAI)


# A number as people write it: Arabic digits (Thai ones translated first), at most one decimal point,
# commas only as thousands separators (1,234.5).
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_GROUPED_NUMBER = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?", re.ASCII)


def parse_number(text: str, *, thousands: bool = True) -> float | None:
    """``"๙๔.๓๐"``, ``"94.30"`` or ``"1,234.5"`` as a float; None when it is not a number.

    Stricter than ``float``: no ``_``, exponent, ``nan`` or ``inf``, and a comma only between groups of
    three digits (``"9,0"`` is None, never 90). ``thousands=False`` refuses every comma.
    """
    cleaned = to_arabic(str(text)).strip()
    if _PLAIN_NUMBER.fullmatch(cleaned):
        return float(cleaned)
    if thousands and _GROUPED_NUMBER.fullmatch(cleaned):
        return float(cleaned.replace(",", ""))
    return None


def be_to_ce(year: int) -> int:
    return year - BE_OFFSET


def ce_to_be(year: int) -> int:
    return year + BE_OFFSET


def parse_be_year(text: str) -> int | None:
    """A B.E. year as people type it: ``2566``, ``๒๕๖๖``, ``พ.ศ. 2566`` or a two-digit ``66``."""
    digits = re.sub(r"\D", "", to_arabic(str(text)))
    if len(digits) == 4:
        year = int(digits)
    elif len(digits) == 2:
        year = 2500 + int(digits)
    else:
        return None
    return year if 2500 <= year <= 2700 else None


def _full_be_year(text: str) -> int:
    year = int(text)
    return 2500 + year if year < 100 else year


def _month_number(text: str) -> int:
    key = re.sub(r"\s+", "", text)
    if key in MONTHS:
        return MONTHS[key]
    dotted = {k.replace(".", ""): v for k, v in MONTHS.items()}
    return dotted[key.replace(".", "")]


def find_dates(text: str) -> list[dt.date]:
    """Every valid Thai date in the text, in order: ``๑ ต.ค. ๖๘``, ``6 เมษายน 2566``, ``06/04/2566``."""
    plain = to_arabic(text)
    found: list[tuple[int, dt.date]] = []
    for m in _DATE.finditer(plain):
        try:
            year = be_to_ce(_full_be_year(m.group(3)))
            found.append((m.start(), dt.date(year, _month_number(m.group(2)), int(m.group(1)))))
        except (ValueError, KeyError):
            continue
    for m in _NUMERIC_DATE.finditer(plain):
        try:
            year = _full_be_year(m.group(3))
            year = be_to_ce(year) if year > 2400 else year
            found.append((m.start(), dt.date(year, int(m.group(2)), int(m.group(1)))))
        except ValueError:
            continue
    return [d for _, d in sorted(found, key=lambda p: p[0])]


def parse_date(text: str) -> dt.date | None:
    """The first Thai date in the text, or an ISO date; None when there is none."""
    text = str(text).strip()
    try:
        return dt.date.fromisoformat(to_arabic(text))
    except ValueError:
        pass
    dates = find_dates(text)
    return dates[0] if dates else None


def format_be_date(value: dt.date | None) -> str:
    """``2023-04-06`` as ``6 เม.ย. 2566`` for the interface."""
    if value is None:
        return ""
    abbr = [k for k, v in MONTHS.items() if "." in k]
    return f"{value.day} {abbr[value.month - 1]} {ce_to_be(value.year)}"


def format_be_dates(values, with_time: bool = False) -> pd.Series:
    """A column of dates (``datetime.date``, timestamps or ISO text) as ``format_be_date`` writes them
    (``6 เม.ย. 2566``, with ``with_time`` ``6 เม.ย. 2566 14:05``), computed column-wise for tables;
    a missing date becomes ``""``."""
    import pandas as pd

    dates = pd.to_datetime(pd.Series(values), errors="coerce")
    abbr = {v: k for k, v in MONTHS.items() if "." in k}
    text = (
        dates.dt.day.astype("Int64").astype(str)
        + " "
        + dates.dt.month.map(abbr)
        + " "
        + (dates.dt.year + BE_OFFSET).astype("Int64").astype(str)
    )
    if with_time:
        text = text + " " + dates.dt.strftime("%H:%M")
    return text.where(dates.notna(), "").astype(object)
