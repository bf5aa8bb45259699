"""Organisation identity and places checked against geothai."""

import pytest

from ita_data import orgs


@pytest.mark.parametrize(
    "written",
    [
        "อบต.บ้านกล้วย",
        "องค์การบริหารส่วนตำบลบ้านกล้วย",
        "องค์การบริหารส่วนตำบล บ้านกล้วย",
        "อบต. บ้านกล้วย",
        " องค์การบริหารส่วนตำบล  บ้านกล้วย\u200b",
    ],
)
def test_one_organisation_however_its_name_is_written(written):
    type_code, name = orgs.split_name(written)
    assert (type_code, name) == ("sao", "บ้านกล้วย")
    assert orgs.org_key(type_code, name, "19") == "sao|บ้านกล้วย|19"


@pytest.mark.parametrize(
    ("written", "type_code", "name"),
    [
        ("ทต.คำม่วง", "subdistrict_municipality", "คำม่วง"),
        ("เทศบาลตำบลรวมใจพัฒนา", "subdistrict_municipality", "รวมใจพัฒนา"),
        ("เทศบาลเมืองบ้านบึง", "town", "บ้านบึง"),
        ("ทน.นครราชสีมา", "city", "นครราชสีมา"),
        ("อบจ.สระบุรี", "pao", "สระบุรี"),
        ("กรุงเทพมหานคร", "bma", "กรุงเทพมหานคร"),
        ("เมืองพัทยา", "pattaya", "เมืองพัทยา"),
    ],
)
def test_type_is_read_from_long_and_short_forms(written, type_code, name):
    assert orgs.split_name(written) == (type_code, name)


def test_a_name_without_a_type_needs_a_default():
    with pytest.raises(orgs.OrgError, match="บ้านกล้วย"):
        orgs.split_name("บ้านกล้วย")
    assert orgs.split_name("บ้านกล้วย", default_type="sao") == ("sao", "บ้านกล้วย")


def test_places_are_checked_against_geothai():
    where = orgs.place("จังหวัดสระบุรี", "อำเภอหนองโดน")
    assert (where.province_code, where.district_th) == ("19", "หนองโดน")
    assert orgs.place("Chiang Mai", "เมือง").district_code == "5001"
    assert orgs.place(None) is None


def test_unknown_province_or_district_is_named_in_the_error():
    with pytest.raises(orgs.OrgError, match="แอตแลนติส"):
        orgs.place("แอตแลนติส")
    with pytest.raises(orgs.OrgError, match="หนองโดน"):
        orgs.place("เชียงใหม่", "หนองโดน")  # a district of another province


@pytest.mark.parametrize(
    ("written", "province", "expected"),
    [
        ("องค์การบริหารส่วนจังหวัดสระบุรี", None, ("pao", "สระบุรี")),
        ("อบจ.", "สระบุรี", ("pao", "สระบุรี")),
        ("องค์การบริหารส่วนจังหวัด", "จังหวัดสระบุรี", ("pao", "สระบุรี")),
        ("อบจ.จังหวัดสระบุรี", None, ("pao", "สระบุรี")),
        ("ทน. นครราชสีมา", None, ("city", "นครราชสีมา")),
        ("ทม.บ้านบึง", None, ("town", "บ้านบึง")),
        ("กทม.", None, ("bma", "กรุงเทพมหานคร")),
        ("เมืองพัทยา", "ชลบุรี", ("pattaya", "เมืองพัทยา")),
    ],
)
def test_abbreviations_special_forms_and_the_pao_named_by_its_province(written, province, expected):
    assert orgs.split_name(written, province=province) == expected


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("น\u0e4d\u0e49\u0e32ตก", "น้ำตก"),  # ํ ้ า typed for ้ำ
        ("นํ้าตก", "น้ำตก"),
        ("น\u0e33\u0e49ตก", "น้ำตก"),  # the tone typed after ำ
        ("ก\u0e48\u0e34ง", "กิ่ง"),  # the tone typed before its vowel
        ("บ้าน\u200bกล้วย", "บ้านกล้วย"),
        ("ก\u0e49\u0e49าง", "ก้าง"),  # a mark typed twice
        ("บ้าน  กล้วย ", "บ้าน กล้วย"),
    ],
)
def test_thai_is_compared_in_one_spelling(typed, clean):
    assert orgs.clean_text(typed) == clean
    assert orgs.org_key("sao", typed, "19") == orgs.org_key("sao", clean, "19")


def test_two_of_one_name_in_a_province_are_told_apart_by_district():
    assert orgs.org_key("sao", "หนองปลา", "19", "1905") != orgs.org_key("sao", "หนองปลา", "19", "1908")
    assert orgs.org_key("sao", "หนองปลา", "19") == "sao|หนองปลา|19"
