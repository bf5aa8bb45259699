"""One cell of a result table read as the value it stores: a score, a count, a fiscal year, a rank or a text.

Each reader refuses, with a ``CellError`` a person can act on, what is close to a value but is not one;
the row reader adds which cell it was.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

from ita_data import framework, labels, orgs, safe_text, thai
from ita_data.tables import xlsx
from ita_data.tables.limits import quoted


class CellError(ValueError):
    """A cell that does not hold what its column promises; ``field`` names the column when one is at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


_DASHES = ("-", "–", "—")  # written for "no score"
_NOT_NUMBERS = ("nan", "inf", "+inf", "-inf", "infinity", "n/a", "na", "#n/a", "null", "none")
# A rank, alone or with the size of the ranking: "3", "3/12", "ที่ 3 จาก 12", "3 of 12" (Thai digits too).
_RANK = re.compile(r"(?:ลำดับ\s*)?(?:ที่\s*)?([0-9]+)(?:\.0+)?(?:\s*(?:/|จาก|ใน|of)\s*([0-9]+)(?:\.0+)?)?", re.ASCII)


def is_blank(value: Any) -> bool:
    """True for an empty cell: nothing, NaN or only white space."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def _number_text(value: Any, what: str) -> str:
    """The text of a number cell, without Thai digits; refuses what is close to a number but is not one."""
    text = thai.to_arabic(str(value)).strip()
    if text.casefold() in _NOT_NUMBERS:
        raise CellError(labels.TABLE_NOT_A_NUMBER_LEAVE_EMPTY.format(what=what, value=quoted(value)))
    return text


def read_score(value: Any, what: str, notes: list[str]) -> float | None:
    """A score 0-100: Arabic or Thai digits with at most one decimal point.

    A comma is refused, not guessed: in a score it is never a thousands separator, and reading "85,5" as
    855 or 85.5 silently would both be wrong somewhere. "85%" is read as 85 points, with a note.
    """
    if is_blank(value) or str(value).strip() in _DASHES:
        return None
    if isinstance(value, bool):
        raise CellError(labels.TABLE_NOT_A_NUMBER.format(what=what, value=quoted(value)))
    if isinstance(value, xlsx.Percent):
        number = round(float(value) * 100, 10)
        notes.append(labels.TABLE_PERCENT_CELL.format(what=what, number=number, fraction=float(value)))
    elif isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            raise CellError(labels.TABLE_NOT_A_NUMBER.format(what=what, value=quoted(value)))
    else:
        text = _number_text(value, what)
        percent = text.endswith("%")
        if percent:
            text = text[:-1].strip()
        if "," in text:
            raise CellError(labels.TABLE_SCORE_COMMA.format(what=what, value=quoted(value)))
        parsed = thai.parse_number(text, thousands=False)
        if parsed is None:
            raise CellError(labels.TABLE_SCORE_NOT_DIGITS.format(what=what, value=quoted(value)))
        number = parsed
        if percent:
            notes.append(labels.TABLE_PERCENT_TEXT.format(what=what, value=quoted(value), number=number))
    if not 0 <= number <= 100:
        raise CellError(labels.TABLE_SCORE_OUT_OF_RANGE.format(what=what, number=number))
    return number


def read_count(value: Any, what: str) -> int | None:
    """A whole number of 1 or more (how many organisations a province ranked)."""
    if is_blank(value) or str(value).strip() in _DASHES:
        return None
    number: float | None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        number = thai.parse_number(_number_text(value, what))
    if number is None or not math.isfinite(number) or not number.is_integer() or number < 1:
        raise CellError(labels.TABLE_NOT_A_COUNT.format(what=what, value=quoted(value)))
    return int(number)


def read_year(value: Any) -> int:
    """A B.E. fiscal year the ITA rules cover: ``2566``, ``๒๕๖๖``, ``66`` or ``ปี 2566``."""
    if is_blank(value):
        raise CellError(labels.TABLE_YEAR_MISSING)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = [str(int(value))] if math.isfinite(value) and float(value).is_integer() else []
    else:
        digits = re.findall(r"[0-9]+", thai.to_arabic(str(value)))
    if len(digits) != 1 or len(digits[0]) not in (2, 4):
        raise CellError(labels.TABLE_YEAR_UNREADABLE.format(value=quoted(str(value).strip())))
    year = int(digits[0]) + (2500 if len(digits[0]) == 2 else 0)
    if 1900 <= year < 2400:
        raise CellError(labels.TABLE_YEAR_IS_CE.format(year=year, be_year=thai.ce_to_be(year)))
    if year not in framework.known_years():
        years = framework.known_years()
        raise CellError(labels.TABLE_YEAR_NOT_IN_RULES.format(year=year, first=years[0], last=years[-1]))
    return year


def read_rank(value: Any) -> tuple[int | None, int | None]:
    """A rank in the province and, when written with it, how many were ranked: ``3`` or ``3/12``."""
    if is_blank(value):
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value) or not float(value).is_integer():
            raise CellError(labels.TABLE_RANK_UNREADABLE.format(value=quoted(value)))
        rank, of = int(value), None
    else:
        m = _RANK.fullmatch(thai.to_arabic(str(value)).strip())
        if not m:
            raise CellError(labels.TABLE_RANK_UNREADABLE.format(value=quoted(str(value).strip())))
        rank, of = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    if rank < 1:
        raise CellError(labels.TABLE_RANK_BELOW_ONE.format(rank=rank))
    return rank, of


def cell_text(value: Any) -> str:
    """A cell as the text a person wrote: whole numbers without ``.0``, dates as ISO, white space tidied."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    # Our own exports write a text that looks like a formula behind an apostrophe: read it as written.
    return orgs.clean_text(safe_text.from_spreadsheet_cell(str(value)))


def _control_character(text: str) -> str | None:
    """The first control character (or lone surrogate) in a text; tab and line ends are white space."""
    for ch in text:
        if ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cs"):
            return ch
    return None


def plain_text(cells: dict[str, Any], name: str) -> str:
    """A text cell for a name, type, place or level; refuses control characters (a NUL byte in a name
    is a damaged or binary file, not a name)."""
    value = cells.get(name)
    if isinstance(value, str):
        ch = _control_character(value)
        if ch is not None:
            field = labels.TABLE_FIELD_LABELS.get(name, name)
            raise CellError(labels.TABLE_CONTROL_CHARACTER.format(field=field, value=quoted(value), code=ord(ch)), name)
    return cell_text(value)
