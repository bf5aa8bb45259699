"""The ITA rules as data: indicators, weights, level schemes and item catalogues per fiscal year.

Every rule lives in a CSV under ``ita_data/rules/`` so that a correction is a one-line data change;
code asks "what does FY2566 say?" through the functions here and never tests a year by hand.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

TOOLS = ("IIT", "EIT", "OIT")
ITEM_TOOL_LETTER = {"i": "IIT", "e": "EIT", "o": "OIT"}


class UnknownYearError(ValueError):
    """A fiscal year that the rules do not describe."""


@dataclass(frozen=True)
class Indicator:
    number: int
    tool: str
    name_th: str
    name_en: str
    other_names_th: tuple[str, ...]


@dataclass(frozen=True)
class YearRules:
    fiscal_year: int
    weights: Mapping[str, float]  # tool -> weight
    weights_status: str
    level_scheme: str
    pass_mark: float
    item_set: str
    source: str


@dataclass(frozen=True)
class LevelBand:
    level: str
    order: int
    min_total: float
    min_each_tool: float | None
    status: str


@dataclass(frozen=True)
class ItemRange:
    tool_letter: str
    first: int
    last: int
    indicator: int
    status: str


@dataclass(frozen=True)
class Item:
    code: str
    indicator: int
    title_th: str | None
    status: str  # of the item's place in the catalogue (item_ranges.csv)
    title_status: str = "unconfirmed"  # see TITLE_STATUSES


# How sure a title is: stated for that year by a source; stated for another year of the same item set
# (the same questions, so very likely the same title); or not known / not confirmed by any source.
TITLE_STATUSES = ("confirmed", "same_set", "unconfirmed")
TITLE_FILES = ("oit_items.csv", "survey_items.csv")


def _read(name: str) -> list[dict[str, str]]:
    text = files("ita_data").joinpath(f"rules/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def indicators() -> tuple[Indicator, ...]:
    return tuple(
        Indicator(
            int(r["indicator"]),
            r["tool"],
            r["name_th"],
            r["name_en"],
            tuple(n for n in r["other_names_th"].split("|") if n),
        )
        for r in _read("indicators.csv")
    )


def indicator(number: int) -> Indicator:
    for ind in indicators():
        if ind.number == number:
            return ind
    raise ValueError(f"ไม่มีตัวชี้วัดที่ {number}: ITA has indicators 1-10")


@cache
def indicators_of_tool(tool: str) -> tuple[int, ...]:
    return tuple(i.number for i in indicators() if i.tool == tool)


@cache
def _years() -> dict[int, YearRules]:
    out = {}
    for r in _read("years.csv"):
        fy = int(r["fiscal_year"])
        out[fy] = YearRules(
            fiscal_year=fy,
            weights={t: float(r[f"weight_{t.lower()}"]) for t in TOOLS},
            weights_status=r["weights_status"],
            level_scheme=r["level_scheme"],
            pass_mark=float(r["pass_mark"]),
            item_set=r["item_set"],
            source=r["source"],
        )
    return out


def known_years() -> tuple[int, ...]:
    return tuple(sorted(_years()))


def year_rules(fiscal_year: int) -> YearRules:
    try:
        return _years()[int(fiscal_year)]
    except KeyError:
        years = known_years()
        raise UnknownYearError(
            f"ไม่มีเกณฑ์ ITA ของปีงบประมาณ {fiscal_year}: the rules cover FY{years[0]}-FY{years[-1]}"
            " (add the year to ita_data/rules/years.csv)"
        ) from None


@cache
def _level_bands() -> dict[str, tuple[LevelBand, ...]]:
    grouped: dict[str, list[LevelBand]] = {}
    for r in _read("levels.csv"):
        grouped.setdefault(r["level_scheme"], []).append(
            LevelBand(
                r["level"],
                int(r["order"]),
                float(r["min_total"]),
                float(r["min_each_tool"]) if r["min_each_tool"] else None,
                r["status"],
            )
        )
    return {k: tuple(sorted(v, key=lambda b: b.order)) for k, v in grouped.items()}


def level_bands(fiscal_year: int) -> tuple[LevelBand, ...]:
    """The year's levels, best first."""
    return _level_bands()[year_rules(fiscal_year).level_scheme]


def all_levels() -> tuple[str, ...]:
    """Every level label of every scheme, best first within a scheme."""
    return tuple(b.level for bands in _level_bands().values() for b in bands)


def round2(value: float) -> float:
    """Round half up to two decimals, as printed results are (floats round half to even).

    To four decimals of the hundredths first, as a decimal number would be written, so 84.995 is
    84.995 and not 84.99499999…; then half up: the rule printed totals and ``total_computed`` follow."""
    return math.floor(round(float(value) * 100, 4) + 0.5) / 100


def _round2_array(values: Sequence[float] | np.ndarray) -> np.ndarray:
    """``round2`` of many values (NaN stays NaN), each distinct value rounded once."""
    a = np.asarray(values, dtype="float64")
    out = np.full(a.shape, np.nan)
    known = ~np.isnan(a)
    distinct, where = np.unique(a[known], return_inverse=True)
    out[known] = np.array([round2(v) for v in distinct], dtype="float64")[where]
    return out


def tool_scores(indicator_scores: Mapping[int, float]) -> dict[str, float]:
    """Mean of the indicators of each tool; a tool with an indicator missing is left out."""
    out = {}
    for tool in TOOLS:
        numbers = indicators_of_tool(tool)
        if all(n in indicator_scores and indicator_scores[n] is not None for n in numbers):
            out[tool] = sum(float(indicator_scores[n]) for n in numbers) / len(numbers)
    return out


def total_score(fiscal_year: int, indicator_scores: Mapping[int, float]) -> float | None:
    """The year's weighted total, rounded as printed; None when an indicator is missing."""
    weights = year_rules(fiscal_year).weights
    tools = tool_scores({int(k): v for k, v in indicator_scores.items()})
    if len(tools) < len(TOOLS):
        return None
    return round2(sum(weights[t] * tools[t] for t in TOOLS))


def _level_of(bands: tuple[LevelBand, ...], total: float, tools: Sequence[float]) -> str:
    """The rule itself: the best band whose total (and, where it asks, every tool's score) is reached.
    ``total`` and ``tools`` are already rounded; a tool not known is NaN and reaches no bar."""
    for band in bands:
        if total < band.min_total:
            continue
        if band.min_each_tool is not None and not all(t >= band.min_each_tool for t in tools):
            continue  # NaN compares False: a band that asks for every tool needs them all
        return band.level
    return bands[-1].level


def official_level(fiscal_year: int, total: float | None, tools: Mapping[str, float] | None = None) -> str | None:
    """The level the year's scheme gives a total (and, where the scheme asks, each tool's score)."""
    if total is None or total != total:
        return None
    given = tools or {}
    rounded = [round2(given[t]) if given.get(t) is not None else float("nan") for t in TOOLS]
    return _level_of(level_bands(fiscal_year), round2(total), rounded)


def official_levels(
    fiscal_years: Sequence[int] | np.ndarray,
    totals: Sequence[float] | np.ndarray,
    tools: Mapping[str, Sequence[float] | np.ndarray],
) -> list[str | None]:
    """``official_level`` of many organisation-years at once (the derived tables use it).

    ``tools`` maps IIT/EIT/OIT to each row's tool score (NaN where a tool is not known). NaN totals
    give None.
    """
    years = np.asarray(fiscal_years, dtype="int64")
    total = _round2_array(totals)
    tool_rows = (
        np.column_stack([_round2_array(tools.get(t, [float("nan")] * len(years))) for t in TOOLS]).tolist()
        if len(years)
        else []
    )
    bands = {int(y): level_bands(int(y)) for y in np.unique(years)}
    return [
        None if t != t else _level_of(bands[y], t, row) for y, t, row in zip(years.tolist(), total.tolist(), tool_rows)
    ]


def level_from_indicators(fiscal_year: int, indicator_scores: Mapping[int, float]) -> str | None:
    scores = {int(k): v for k, v in indicator_scores.items()}
    return official_level(fiscal_year, total_score(fiscal_year, scores), tool_scores(scores))


def is_passing(fiscal_year: int, total: float | None) -> bool:
    return total is not None and round2(total) >= year_rules(fiscal_year).pass_mark


def points_recoverable(fiscal_year: int, indicator_number: int, score: float) -> float:
    """How much the total rises if this indicator reached 100, with the year's weights."""
    ind = indicator(indicator_number)
    weight = year_rules(fiscal_year).weights[ind.tool] / len(indicators_of_tool(ind.tool))
    return weight * (100.0 - float(score))


def indicator_weight(fiscal_year: int, indicator_number: int) -> float:
    """The share of the total one indicator carries in that year (0.06 for an IIT one at 30 %)."""
    ind = indicator(indicator_number)
    return year_rules(fiscal_year).weights[ind.tool] / len(indicators_of_tool(ind.tool))


# --- items -------------------------------------------------------------------------------

_ITEM_CODE = re.compile(r"^([ieo])(\d{1,3})$")


@cache
def _item_ranges() -> dict[str, tuple[ItemRange, ...]]:
    grouped: dict[str, list[ItemRange]] = {}
    for r in _read("item_ranges.csv"):
        grouped.setdefault(r["item_set"], []).append(
            ItemRange(r["tool"], int(r["first"]), int(r["last"]), int(r["indicator"]), r["status"])
        )
    return {k: tuple(v) for k, v in grouped.items()}


def _expand_years(text: str) -> list[int]:
    if "-" in text:
        a, b = text.split("-")
        return list(range(int(a), int(b) + 1))
    return [int(text)]


@cache
def _item_titles() -> dict[tuple[int, str], tuple[str, str]]:
    """(year, code) -> (title, status as the rules file writes it) for every title a source states."""
    out = {}
    for name in TITLE_FILES:
        for r in _read(name):
            title = r["title_th"]
            if title.startswith("(unknown"):
                continue
            for fy in _expand_years(r["fiscal_year"]):
                out[(fy, r["code"])] = (title, r["status"])
    return out


def normalize_item_code(code: str) -> str:
    """``"E12"`` and ``"e012"`` both become ``"e12"``; the parser handles the messier spellings."""
    m = _ITEM_CODE.match(code.strip().lower())
    if not m:
        raise ValueError(f"รหัสข้อไม่ถูกต้อง {code!r}: expected a letter i, e or o and a number, e.g. o23")
    return f"{m.group(1)}{int(m.group(2))}"


def item_indicator(fiscal_year: int, code: str) -> int | None:
    """The indicator an item code belongs to in that year, or None if the year has no such item."""
    code = normalize_item_code(code)
    letter, number = code[0], int(code[1:])
    for rng in _item_ranges()[year_rules(fiscal_year).item_set]:
        if rng.tool_letter == letter and rng.first <= number <= rng.last:
            return rng.indicator
    return None


def item_title(fiscal_year: int, code: str) -> str | None:
    """The Thai title of an item in that year; a year of the same item set lends its title."""
    return item_title_and_status(fiscal_year, code)[0]


def item_title_and_status(fiscal_year: int, code: str) -> tuple[str | None, str]:
    """An item's title and how sure it is (``TITLE_STATUSES``): stated for the year, lent by another year
    of the same item set, or unconfirmed (no title, or one its source does not confirm)."""
    code = normalize_item_code(code)
    titles = _item_titles()
    if (fiscal_year, code) in titles:
        title, status = titles[(fiscal_year, code)]
        return title, "unconfirmed" if status.upper() == "UNCONFIRMED" else "confirmed"
    item_set = year_rules(fiscal_year).item_set
    for fy in known_years():
        if year_rules(fy).item_set == item_set and (fy, code) in titles:
            title, status = titles[(fy, code)]
            return title, "unconfirmed" if status.upper() == "UNCONFIRMED" else "same_set"
    return None, "unconfirmed"


def items(fiscal_year: int) -> tuple[Item, ...]:
    """The year's item catalogue in code order, with titles where they are known."""
    out = []
    for letter in "ieo":
        for rng in _item_ranges()[year_rules(fiscal_year).item_set]:
            if rng.tool_letter != letter:
                continue
            for n in range(rng.first, rng.last + 1):
                code = f"{letter}{n}"
                title, title_status = item_title_and_status(fiscal_year, code)
                out.append(Item(code, rng.indicator, title, rng.status, title_status))
    return tuple(out)


# --- methodology changes -----------------------------------------------------------------


def method_changes(from_year: int, to_year: int) -> list[str]:
    """What changes of method a comparison between two years crosses, in Thai, oldest first."""
    lo, hi = sorted((int(from_year), int(to_year)))
    notes = []
    for fy in range(lo + 1, hi + 1):
        before, after = year_rules(fy - 1), year_rules(fy)
        if before.level_scheme != after.level_scheme:
            notes.append(f"ปี {fy}: เปลี่ยนเกณฑ์ระดับผลการประเมิน")
        if before.item_set != after.item_set:
            notes.append(f"ปี {fy}: เปลี่ยนชุดข้อคำถาม/รายการประเมิน")
        if dict(before.weights) != dict(after.weights):
            notes.append(f"ปี {fy}: เปลี่ยนน้ำหนัก IIT/EIT/OIT")
    return notes


def crosses_method_change(from_year: int, to_year: int) -> bool:
    return bool(method_changes(from_year, to_year))
