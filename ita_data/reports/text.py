"""What reports say in their text: item codes, indicator names and scores as reports spell them.

Bytes to clean text and HTML cells to plain lines are ``ita_data.documents.text``. Every function here keeps string positions meaningful: Thai digits are read through ``thai.to_arabic``,
which changes no length, so a match on the Arabic form points at the same place in the original.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from functools import cache

from ita_data import framework, labels
from ita_data.documents import DocumentError
from ita_data.thai import to_arabic

from . import vocabulary as vocab


class ReportError(DocumentError):
    """A file that cannot be read as a report; the message names the file (a ``DocumentError`` too)."""


_WHITE = re.compile(r"\s+")


def compact(text: str) -> str:
    """Text with all white space removed, for comparing names that PDFs break with spaces."""
    return _WHITE.sub("", text)


# --- a text that lost ำ's ring -----------------------------------------------------------------
# Some text layers (flipbook viewers, PDFs made with a font whose ำ maps to า) write every ำ as า:
# "ดาเนินการ", "ตาบล", "อาเภอ". In a text with no ำ at all, the words the reader needs (its vocabulary,
# the indicators' names, the names of places) are written back; a short word is left, as its า form is
# often a word of its own (นา, ทา, คา).

_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")


@cache
def _lost_rings() -> tuple[re.Pattern[str], dict[str, str]]:
    import geothai

    from ita_data import orgs

    words: set[str] = set()
    texts: list[str] = [t for group in vocab.__dict__.values() if isinstance(group, tuple) for t in _strings(group)]
    texts += [n for ind in framework.indicators() for n in (ind.name_th, *ind.other_names_th)]
    texts += [a for t in orgs.ORG_TYPES for a in (*t.aliases, t.name_th)]
    texts += list(vocab.WORDS_WITH_AM)
    for province in geothai.provinces():
        texts.append(province.name_th)
        for district in geothai.districts(province.code):
            texts.append(district.name_th)
    for text in texts:
        words.update(w for w in _THAI_RUN.findall(text) if "\u0e33" in w and len(w) >= 4)
    lost = {w.replace("\u0e33", "\u0e32"): w for w in words}
    return re.compile("|".join(re.escape(w) for w in sorted(lost, key=len, reverse=True))), lost


def _strings(group) -> list[str]:
    out: list[str] = []
    for item in group:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, tuple):
            out += _strings(item)
    return out


def restore_lost_rings(text: str) -> str:
    """The text with ำ written back in the words the reader knows, when it writes more of them without
    their ring than with it (a text that lost its ำ; a few may have come through as ํา)."""
    if "\u0e32" not in text:
        return text
    pattern, lost = _lost_rings()
    found = pattern.findall(text)
    if not found or len(found) <= sum(text.count(lost[w]) for w in set(found)):
        return text
    return pattern.sub(lambda m: lost[m.group(0)], text)


# --- item codes ------------------------------------------------------------------------------

_D = "0-9๐-๙"
_LETTER_CODE = re.compile(rf"(?<![A-Za-z{_D}])([EeIiOo])\s?([{_D}]{{1,3}})(?![{_D}])")
_ZERO_AS_O = re.compile(rf"ข้อ\s*[0๐]([{_D}]{{1,2}})(?![{_D}])")
_ONE_AS_I = re.compile(r"\(\s*1([๐-๙]{1,2})\s*\)")
_OCR_E = re.compile(
    rf"(?<![A-Za-z{_D}.,/])([{vocab.OCR_E_DIGITS}])([๐-๙]{{1,2}})(?=\s+(?:{'|'.join(vocab.QUESTION_STARTS)}))"
)


_CODE_HINT = re.compile(rf"[EeIiOo]\s?[{_D}]|ข้อ|\(\s*1|[{vocab.OCR_E_DIGITS}][๐-๙]")


@dataclass(frozen=True)
class ItemMatch:
    start: int
    end: int
    code: str  # normalised, e.g. "o23"


def find_item_codes(text: str, expect_letter: str | None = None) -> list[ItemMatch]:
    """Item codes in the many ways reports spell them, in text order.

    ``E๑๒``, ``e๖``, ``(O๓๔)``, ``ข้อ ๐๒๓`` (a Thai zero standing for O), ``(1๒๐)`` (an OCR'd i20);
    with ``expect_letter="e"`` also the OCR'd ``๑๗``/``๘๙``/``๓๑๐`` in front of a survey question.
    """
    if not _CODE_HINT.search(text):
        return []  # no letter before a digit, no "ข้อ", no OCR'd form: the common case, one pass
    # int() reads Thai digits as well as Arabic ones
    found: dict[int, ItemMatch] = {}
    for m in _LETTER_CODE.finditer(text):
        number = int(m.group(2))
        if number > 0:
            found[m.start()] = ItemMatch(m.start(), m.end(), f"{m.group(1).lower()}{number}")
    for m in _ZERO_AS_O.finditer(text):
        number = int(m.group(1))
        # a letter code inside this match wins; the match is a few characters long, so look there only
        if number > 0 and not any(s in found for s in range(m.start(), m.end())):
            found[m.start()] = ItemMatch(m.start(), m.end(), f"o{number}")
    for m in _ONE_AS_I.finditer(text):
        number = int(m.group(1))
        if number > 0:
            found[m.start()] = ItemMatch(m.start(), m.end(), f"i{number}")
    if expect_letter == "e":
        for m in _OCR_E.finditer(text):
            number = int(m.group(2))
            if 1 <= number <= 15 and m.start() not in found:
                found[m.start()] = ItemMatch(m.start(), m.end(), f"e{number}")
    return [found[k] for k in sorted(found)]


def item_sort_key(code: str) -> tuple[int, int]:
    return ("ieo".index(code[0]), int(code[1:]))


def item_indicator(fiscal_year: int | None, code: str) -> int | None:
    """The indicator of an item in that year's catalogue; None when the year or the item is unknown."""
    if fiscal_year is None:
        return None
    try:
        return framework.item_indicator(fiscal_year, code)
    except (framework.UnknownYearError, ValueError):
        return None


# --- indicator names -------------------------------------------------------------------------


@cache
def _indicator_names() -> tuple[tuple[str, int], ...]:
    """Every spelling of every indicator name, without spaces, longest first."""
    pairs = []
    for ind in framework.indicators():
        for name in (ind.name_th, *ind.other_names_th):
            pairs.append((compact(name), ind.number))
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def indicator_spellings() -> dict[str, int]:
    """Every spelling of every indicator name, without spaces, to its number."""
    return dict(_indicator_names())


@cache
def _names_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n, _ in _indicator_names()))


@cache
def _name_matchers() -> tuple[tuple[difflib.SequenceMatcher, int], ...]:
    """One matcher per spelling with the name as its second sequence: difflib indexes that side once."""
    out = []
    for name, number in _indicator_names():
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(name)
        out.append((matcher, number))
    return tuple(out)


def named_indicator(text: str) -> int | None:
    """The indicator whose name appears first in the text (names broken by spaces still count)."""
    key = compact(text)
    m = _names_pattern().search(key)
    if not m:
        return None
    return dict(_indicator_names())[m.group(0)]


def fuzzy_indicator(text: str, cutoff: float = 0.85) -> int | None:
    """The indicator whose name the text nearly is (a typo such as ``การแก้ไขปัญหาคาการทุจริต``)."""
    key = compact(text)
    if not key or len(key) > 60:
        return None
    return _fuzzy_key(key, cutoff)


@functools.lru_cache(maxsize=4096)
def _fuzzy_key(key: str, cutoff: float) -> int | None:
    # the cheap upper bounds first: most text is nowhere near a name, and difflib's full ratio is slow
    best, best_ratio = None, cutoff
    for matcher, number in _name_matchers():
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = number, ratio
    return best


_INDICATOR_HEADING = re.compile(r"ตัวชี้วัดที่\s*([0-9๐-๙]{1,2})(?![0-9๐-๙]|\s*[.][0-9๐-๙])")


@dataclass(frozen=True)
class IndicatorMention:
    indicator: int
    printed_number: int | None
    named: bool
    start: int


def indicator_mentions(text: str) -> list[IndicatorMention]:
    """Each ``ตัวชี้วัดที่ N NAME`` in the text; the name decides, the printed number is kept to warn."""
    out = []
    for m in _INDICATOR_HEADING.finditer(text):
        number = int(to_arabic(m.group(1)))
        after = text[m.end() : m.end() + 80].split("\n", 1)[0]
        after = re.split(r"ตัวชี้วัดที่|[0-9๐-๙]{1,3}[.][0-9๐-๙]", after, maxsplit=1)[0]
        named = named_indicator(after)
        if named is None:
            inner = re.match(r"\s*\(?([^()]{2,60})\)?", after)
            named = fuzzy_indicator(inner.group(1)) if inner else None
        if named is not None:
            out.append(IndicatorMention(named, number, True, m.start()))
        elif 1 <= number <= 10:
            out.append(IndicatorMention(number, number, False, m.start()))
    return out


def misnumbered_warning(mention: IndicatorMention) -> str | None:
    if mention.named and mention.printed_number is not None and mention.printed_number != mention.indicator:
        return labels.REPORT_MISNUMBERED_INDICATOR.format(
            indicator_name=framework.indicator(mention.indicator).name_th,
            printed=mention.printed_number,
            indicator=mention.indicator,
        )
    return None


# --- numbers ---------------------------------------------------------------------------------

# one run of spaces on each side of the optional unit: "\s*(?:unit)?\s*$" backtracks quadratically on long blanks
_SCORE = re.compile(r"^\s*([0-9๐-๙]{1,3}(?:[.][0-9๐-๙]{1,2})?)(?:\s*(?:คะแนน|%))?\s*$")


def cell_score(cell: str) -> float | None:
    """A cell that holds only a score (0-100), as a float."""
    m = _SCORE.match(cell)
    if not m:
        return None
    value = float(to_arabic(m.group(1)))
    return value if 0 <= value <= 100 else None
