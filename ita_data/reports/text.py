"""Text as reports arrive: bytes to clean text, HTML cells to plain lines, item codes and indicator names found.

Every function here keeps string positions meaningful: Thai digits are read through ``thai.to_arabic``,
which changes no length, so a match on the Arabic form points at the same place in the original.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from dataclasses import dataclass
from functools import cache

from ita_data import framework, labels
from ita_data.thai import to_arabic

from . import vocabulary as vocab

MAX_BYTES = 20 * 1024 * 1024  # a report is tens of kilobytes; anything this large is not one


class ReportError(ValueError):
    """A file that cannot be read as a report; the message names the file."""


# --- bytes to text ---------------------------------------------------------------------------

_THAI_CHAR = re.compile(r"[\u0e01-\u0e5b]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SIGNATURES = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "old_office"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
)


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of a report and the warnings about its encoding; ReportError when it is not text."""
    warnings: list[str] = []
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ReportError(labels.REPORT_NOT_TEXT[what].format(name=name))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:4096]:
        raise ReportError(labels.REPORT_NOT_TEXT["nul"].format(name=name))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data, name, warnings)
    if text and len(_CONTROL.findall(text[:20000])) > 0.05 * min(len(text), 20000):
        raise ReportError(labels.REPORT_NOT_TEXT["control"].format(name=name))
    return text, warnings


def _decode_legacy(data: bytes, name: str, warnings: list[str]) -> str:
    """TIS-620 and Windows-874 are how older Thai files are saved; cp874 reads both."""
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = None
    if text is not None and _THAI_CHAR.search(text):
        warnings.append(labels.REPORT_LEGACY_ENCODING.format(name=name))
        return text
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    warnings.append(labels.REPORT_BYTES_REPLACED.format(name=name, count=bad))
    return text


_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Thai fonts in older PDFs draw shifted tone marks and vowels from the Private Use Area (the
# Microsoft/Adobe Thai PUA layout); each stands for an ordinary Thai character.
_THAI_PUA = str.maketrans(
    {
        "\uf700": "\u0e10",
        "\uf701": "\u0e34",
        "\uf702": "\u0e35",
        "\uf703": "\u0e36",
        "\uf704": "\u0e37",
        "\uf705": "\u0e48",
        "\uf706": "\u0e49",
        "\uf707": "\u0e4a",
        "\uf708": "\u0e4b",
        "\uf709": "\u0e4c",
        "\uf70a": "\u0e48",
        "\uf70b": "\u0e49",
        "\uf70c": "\u0e4a",
        "\uf70d": "\u0e4b",
        "\uf70e": "\u0e4c",
        "\uf70f": "\u0e0d",
        "\uf710": "\u0e31",
        "\uf711": "\u0e4d",
        "\uf712": "\u0e47",
        "\uf713": "\u0e48",
        "\uf714": "\u0e49",
        "\uf715": "\u0e4a",
        "\uf716": "\u0e4b",
        "\uf717": "\u0e4c",
        "\uf718": "\u0e38",
        "\uf719": "\u0e39",
        "\uf71a": "\u0e3a",
    }
)
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowels and signs drawn above or below a consonant
_TONES = "\u0e48-\u0e4b"
_LEADING_VOWELS = "\u0e40-\u0e44"  # เ แ โ ใ ไ: written before the consonant they follow in speech
# The lookbehind starts a match only at the first blank of a run: a long run of blanks is one pass, not one per blank.
_SPACE_BEFORE_MARK = re.compile(rf"(?<![ \u00a0])[ \u00a0]+(?=[{_MARKS}])")
_SPACE_AFTER_LEADING = re.compile(rf"(?<=[{_LEADING_VOWELS}])[ \u00a0]+(?=[\u0e01-\u0e2e])")
_SARA_AM_SPLIT = re.compile(rf"\u0e4d([{_TONES}]?)\u0e32")  # ํ (tone) า
_TONE_BEFORE_VOWEL = re.compile(rf"([{_TONES}])([\u0e31\u0e34-\u0e39])")
_STARTS_WITH_MARK = re.compile(rf"^[{_MARKS}\u0e33]")
_ENDS_WITH_LEADING = re.compile(rf"[{_LEADING_VOWELS}]$")


_LETTER_TOKEN = re.compile(rf"^(?:[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46][{_MARKS}]*|[.])$")


def _join_spaced_letters(line: str) -> str:
    """``อ ง ค์ ก า ร`` (a searchable PDF's OCR layer, a letter-spaced title) is ``องค์การ``: three or more
    single Thai letters in a row, each with its marks, are one word."""
    if " " not in line:
        return line
    tokens = line.split(" ")
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, None]:
        if token is not None and _LETTER_TOKEN.match(token):
            run.append(token)
            continue
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if token is not None:
            out.append(token)
    return " ".join(out)


def _normalize_line(line: str) -> str:
    line = _ZERO_WIDTH.sub("", line).translate(_THAI_PUA).replace("\u00a0", " ")
    for _ in range(8):  # each repair can expose another (a tone behind two vowels); a few rounds settle it
        before = line
        line = _SPACE_BEFORE_MARK.sub("", line)
        line = _join_spaced_letters(line)
        line = _SPACE_AFTER_LEADING.sub("", line)
        line = _SARA_AM_SPLIT.sub(lambda m: m.group(1) + "\u0e33", line)
        line = _TONE_BEFORE_VOWEL.sub(r"\2\1", line)
        if line == before:
            break
    return line


def normalize_lines(lines: list[str]) -> list[tuple[str, int]]:
    """Each normalised line with the index of the input line it starts at.

    A line that begins with a mark (or follows a line ending in เ แ โ ใ ไ) was broken inside a word by the
    exporter and is joined to the line before; lines with tabs are table rows and are never joined.
    """
    # The pieces of a broken line are collected and normalised once, joined: re-normalising the growing
    # line at every join made many broken lines in a row quadratic.
    groups: list[tuple[list[str], int, bool, bool]] = []  # (normalised pieces, first line, any tab, any text)
    for index, raw in enumerate(lines):
        line = _normalize_line(raw)
        if groups and line and "\t" not in line:
            pieces, start, tabbed, texted = groups[-1]
            if not tabbed and texted and (_STARTS_WITH_MARK.match(line) or _ENDS_WITH_LEADING.search(pieces[-1])):
                pieces.append(line)
                continue
        groups.append(([line], index, "\t" in line, bool(line.strip())))
    return [
        (pieces[0] if len(pieces) == 1 else _normalize_line("".join(pieces)), start)
        for pieces, start, _tabbed, _texted in groups
    ]


def normalize_text(text: str) -> str:
    """Text as Thai readers expect it, whatever exported it; applying it twice changes nothing.

    Line ends, zero-width marks and no-break spaces; Private Use Area tone marks; ``ํา`` written as two
    marks; spaces the exporter put before a mark or after a leading vowel; a tone typed before its vowel;
    lines broken inside a word.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line for line, _ in normalize_lines(text.split("\n")))


# --- HTML cells ------------------------------------------------------------------------------

# "[^<>]" rather than "[^>]": a tag never holds "<", and an unclosed "<p<p<p…" then costs one pass, not one per "<p"
_INPUT = re.compile(r"<input\b([^<>]*)>", re.IGNORECASE)
_BREAKS = re.compile(r"</?(?:p|ul|ol|li|br|div|tr)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,400}>")
_SPACES = re.compile(r"[ \t\f\v]+")


def _checkbox(match: re.Match[str]) -> str:
    attrs = match.group(1).lower()
    if "checkbox" not in attrs and "radio" not in attrs:
        return " "
    checked = re.search(r"\bchecked\b", attrs) is not None
    return f" {vocab.CHECKED_MARK if checked else vocab.UNCHECKED_MARK} "


def strip_html(cell: str) -> str:
    """A table cell as plain lines: paragraphs and list items on their own line, ticked boxes as ☑."""
    if "<" not in cell and "&" not in cell and "\n" not in cell:
        return _SPACES.sub(" ", cell).strip()  # most cells: plain text on one line
    if "<" in cell:
        cell = _INPUT.sub(_checkbox, cell)
        cell = _BREAKS.sub("\n", cell)
        cell = _TAG.sub(" ", cell)
    if "&" in cell:
        cell = html.unescape(cell).replace("\u00a0", " ")
    lines = (_SPACES.sub(" ", line).strip() for line in cell.split("\n"))
    return "\n".join(line for line in lines if line)


_WHITE = re.compile(r"\s+")


def compact(text: str) -> str:
    """Text with all white space removed, for comparing names that PDFs break with spaces."""
    return _WHITE.sub("", text)


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
