"""Who an organisation is: its type, its canonical name, and its place checked against geothai.

``อบต.บ้านกล้วย``, ``องค์การบริหารส่วนตำบลบ้านกล้วย`` and ``องค์การบริหารส่วนตำบล บ้านกล้วย`` are one
organisation; this module is the one place that decides so.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import geothai


@dataclass(frozen=True)
class OrgType:
    code: str
    name_th: str
    short_th: str
    name_en: str
    aliases: tuple[str, ...]


# Longest names first matters: "เทศบาลตำบล" must win over a bare "เทศบาล".
ORG_TYPES = (
    OrgType(
        "pao", "องค์การบริหารส่วนจังหวัด", "อบจ.", "Provincial Administrative Organisation", ("อบจ", "องค์การบริหารส่วนจังหวัด")
    ),
    OrgType("city", "เทศบาลนคร", "ทน.", "City municipality", ("ทน", "เทศบาลนคร")),
    OrgType("town", "เทศบาลเมือง", "ทม.", "Town municipality", ("ทม", "เทศบาลเมือง")),
    OrgType("subdistrict_municipality", "เทศบาลตำบล", "ทต.", "Subdistrict municipality", ("ทต", "เทศบาลตำบล")),
    OrgType(
        "sao", "องค์การบริหารส่วนตำบล", "อบต.", "Subdistrict Administrative Organisation", ("อบต", "องค์การบริหารส่วนตำบล")
    ),
    OrgType("bma", "กรุงเทพมหานคร", "กทม.", "Bangkok Metropolitan Administration", ("กทม", "กรุงเทพมหานคร")),
    OrgType("pattaya", "เมืองพัทยา", "เมืองพัทยา", "Pattaya City", ("เมืองพัทยา",)),
)
_BY_CODE = {t.code: t for t in ORG_TYPES}
# Special organisations whose type is their name, and the province (DOPA code) each is in.
_SELF_NAMED = {"bma", "pattaya"}
_HOME_PROVINCES = {"bma": "10", "pattaya": "20"}


class OrgError(ValueError):
    """An organisation, district or province that cannot be placed."""


def org_type(code: str) -> OrgType:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise OrgError(f"ประเภท อปท. ไม่รู้จัก {code!r}: expected one of {', '.join(_BY_CODE)}") from None


def home_province(code: str) -> str | None:
    """The province code of a special-form organisation (กรุงเทพมหานคร, เมืองพัทยา); None for the others."""
    return _HOME_PROVINCES.get(code)


def find_org_type(text: str) -> OrgType:
    """A type as a table's type column writes it: ``อบต.``, ``องค์การบริหารส่วนตำบล``, ``sao`` or English."""
    key = clean_text(text).rstrip(".").casefold()
    for t in ORG_TYPES:
        if key in {t.code, t.name_en.casefold(), t.short_th.rstrip("."), *(a.casefold() for a in t.aliases)}:
            return t
    raise OrgError(f"ประเภท อปท. ไม่รู้จัก {text!r}: expected a type such as อบต., ทต., ทม., ทน., อบจ. or its full name")


def _alias_pattern() -> list[tuple[re.Pattern[str], OrgType]]:
    pairs = [(alias, t) for t in ORG_TYPES for alias in t.aliases]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    # A short form needs its dot or a space after it; a long form may run into the name.
    return [
        (re.compile(rf"^{re.escape(a)}(?:\.\s*|\s+)" if len(a) <= 3 else rf"^{re.escape(a)}\s*"), t) for a, t in pairs
    ]


_ALIASES = _alias_pattern()


_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANKS = re.compile(r"\s+")
# Thai marks as people and programs type them in more than one order; each pattern puts them in one.
_TONES = "\u0e48-\u0e4b"
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_SARA_AM_SPLIT = re.compile(rf"\u0e4d([{_TONES}]?)\u0e32")  # ํ (tone) า is ำ
_TONE_AFTER_AM = re.compile(rf"\u0e33([{_TONES}])")  # น ำ ้ is น ้ ำ
_TONE_BEFORE_VOWEL = re.compile(rf"([{_TONES}\u0e4c])([\u0e31\u0e34-\u0e39])")  # a tone typed before its vowel
_MARK_TWICE = re.compile(rf"([{_MARKS}])\1+")  # a mark typed twice draws as one
_SPACE_BEFORE_MARK = re.compile(rf"\s+(?=[{_MARKS}\u0e33])")


def thai_form(text: str) -> str:
    """One spelling of a Thai text however it was typed: no zero-width characters, ``ํา`` as ``ำ``, a tone
    mark after the vowel it sits on, a mark typed twice once, no space before a mark, single spaces."""
    text = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text))
    for _ in range(4):  # each repair can expose another (a tone behind two vowels); a few rounds settle it
        before = text
        text = _SARA_AM_SPLIT.sub(lambda m: m.group(1) + "\u0e33", text)
        text = _TONE_AFTER_AM.sub("\\1\u0e33", text)
        text = _TONE_BEFORE_VOWEL.sub(r"\2\1", text)
        text = _MARK_TWICE.sub(r"\1", text)
        text = _SPACE_BEFORE_MARK.sub("", text)
        if text == before:
            break
    return _BLANKS.sub(" ", text).strip()


@functools.lru_cache(maxsize=65536)  # a national table repeats its names, districts and provinces
def _clean(text: str) -> str:
    return thai_form(text)


def clean_text(text: str) -> str:
    """A name, type or place as one spelling (``thai_form``): what PDFs, browsers and typists vary is gone."""
    return _clean(str(text))


_PROVINCE_WORD = re.compile(r"^(?:จังหวัด|จ\.)\s*")


def split_name(text: str, default_type: str | None = None, province: str | None = None) -> tuple[str, str]:
    """``"อบต.บ้านกล้วย"`` → ``("sao", "บ้านกล้วย")``; the type is read from the long or short form.

    An อบจ. is named by its province: ``"อบจ."`` alone takes the name of ``province`` when one is given.
    """
    text = clean_text(text)
    for pattern, t in _ALIASES:
        m = pattern.match(text + " ")
        if m:
            if t.code in _SELF_NAMED:
                return t.code, t.name_th
            name = clean_text((text + " ")[m.end() :])
            if t.code == "pao":
                name = _PROVINCE_WORD.sub("", name or (clean_text(province) if province else ""))
            if name:
                return t.code, name
    if text in ("กรุงเทพมหานคร", "กทม.", "กทม"):
        return "bma", "กรุงเทพมหานคร"
    if text == "เมืองพัทยา":
        return "pattaya", "เมืองพัทยา"
    if default_type is not None:
        return org_type(default_type).code, text
    raise OrgError(
        f"อ่านประเภท อปท. จากชื่อ {text!r} ไม่ได้: expected a name starting with a type such as "
        "เทศบาลตำบล, ทต., องค์การบริหารส่วนตำบล or อบต."
    )


def name_key(name: str) -> str:
    """The form two spellings of one name share: no spaces, dots or zero-width marks."""
    return re.sub(r"[\s.\-]", "", clean_text(name))


def display_name(type_code: str, name: str, short: bool = True) -> str:
    t = org_type(type_code)
    if t.code in _SELF_NAMED:
        return t.name_th
    return f"{t.short_th}{name}" if short else f"{t.name_th}{name}"


# --- geography ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    province_code: str
    province_th: str
    district_code: str | None
    district_th: str | None


@cache
def provinces() -> tuple[geothai.Province, ...]:
    return tuple(geothai.provinces())


def province_name(code: str) -> str:
    p = geothai.province(code)
    if p is None:
        raise OrgError(f"ไม่มีรหัสจังหวัด {code!r}")
    return p.name_th


def find_province(name: str) -> geothai.Province:
    """A province from its Thai or English name, ``จ.``/``จังหวัด`` prefixes allowed, or its code."""
    text = clean_text(name)
    by_code = geothai.province(text) if re.fullmatch(r"\d{2}", text) else None
    if by_code:
        return by_code
    key = geothai.normalize(text)
    for p in provinces():
        if geothai.is_province(p, key):
            return p
    raise OrgError(f"ไม่รู้จักจังหวัด {name!r}: expected a province name as DOPA writes it, e.g. สระบุรี")


def find_district(province: geothai.Province, name: str) -> geothai.District:
    key = geothai.normalize(clean_text(name))
    for d in geothai.districts(province.code):
        if geothai.is_district(d, key):
            return d
    # "อำเภอเมือง" written in full, e.g. "เมืองสระบุรี", is normalised already; try without "เมือง" too.
    raise OrgError(f"ไม่พบอำเภอ {name!r} ในจังหวัด{province.name_th}: expected a district of that province")


def place(province: str | None, district: str | None = None) -> Place | None:
    """Check a province (and district) against geothai; None when no province is given."""
    if not province or not clean_text(province):
        if district:
            raise OrgError(f"ระบุอำเภอ {district!r} แต่ไม่ระบุจังหวัด: a district needs its province")
        return None
    p = find_province(province)
    if district and clean_text(district):
        d = find_district(p, district)
        return Place(p.code, p.name_th, d.code, d.name_th)
    return Place(p.code, p.name_th, None, None)


def org_key(type_code: str, name: str, province_code: str | None, district_code: str | None = None) -> str:
    """The identity of an organisation: type, name key and province.

    ``district_code`` is given only to tell apart two organisations of one type and name in one province
    (a tambon name can recur in two districts): their keys then carry their districts.
    """
    key = f"{org_type(type_code).code}|{name_key(name)}|{province_code or ''}"
    return f"{key}|{district_code}" if district_code else key
