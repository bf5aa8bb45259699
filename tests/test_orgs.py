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
