"""Plain text as documents arrive: bytes to text, text normalised as Thai readers expect it, HTML cells to lines.

Every function here keeps a line a line: the readers of PDFs, Word files, web pages and scans hand their
raw lines to ``normalize_lines`` and keep the page each normalised line started on.
"""

from __future__ import annotations

import html
import re

from ita_data import labels

from .errors import DocumentError

# A ticked and an unticked box, as ``strip_html`` writes an HTML checkbox (a measure's status is ticked).
CHECKED_MARK = "\u2611"
UNCHECKED_MARK = "\u2610"


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
    """The text of a text file and the warnings about its encoding; DocumentError when it is not text."""
    warnings: list[str] = []
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise DocumentError(labels.REPORT_NOT_TEXT[what].format(name=name))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:4096]:
        raise DocumentError(labels.REPORT_NOT_TEXT["nul"].format(name=name))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data, name, warnings)
    if text and len(_CONTROL.findall(text[:20000])) > 0.05 * min(len(text), 20000):
        raise DocumentError(labels.REPORT_NOT_TEXT["control"].format(name=name))
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


# Faults of text layers made from page images (flipbook viewers, some PDF producers): แ drawn as two เ,
# and U+FFFD for a glyph the viewer could not map — ำ's ring before its า, or a bullet, a dash, a stray mark.
_TWO_SARA_E = re.compile("\u0e40\u0e40(?=[\u0e01-\u0e2e])")
_LOST_RING = re.compile(rf"(?<=[\u0e01-\u0e2e])([{_TONES}]?)\ufffd\u0e32")
_REPLACEMENT = re.compile("\ufffd+")


def _normalize_line(line: str) -> str:
    line = _ZERO_WIDTH.sub("", line).translate(_THAI_PUA).replace("\u00a0", " ")
    if "\u0e40\u0e40" in line:
        line = _TWO_SARA_E.sub("\u0e41", line)
    if "\ufffd" in line:
        line = _REPLACEMENT.sub("", _LOST_RING.sub(lambda m: m.group(1) + "\u0e33", line))
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
    marks; แ written as two เ; U+FFFD (ำ's ring when an า follows it, otherwise dropped); spaces the
    exporter put before a mark or after a leading vowel; a tone typed before its vowel; lines broken
    inside a word.
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
    return f" {CHECKED_MARK if checked else UNCHECKED_MARK} "


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
