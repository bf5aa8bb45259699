"""The ITA rules as data: totals, levels at every band edge, items per year, method changes."""

import pytest

from ita_data import framework as fw

SEED_001_FY2568 = {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 99.33, 7: 99.33, 8: 99.33, 9: 82.50, 10: 90.00}
SEED_004_FY2562 = {1: 84.59, 2: 76.55, 3: 77.93, 4: 73.72, 5: 74.45, 6: 79.97, 7: 81.91, 8: 73.66, 9: 46.34, 10: 6.25}


def test_ten_indicators_in_three_tools():
    assert [i.number for i in fw.indicators()] == list(range(1, 11))
    assert fw.indicators_of_tool("IIT") == (1, 2, 3, 4, 5)
    assert fw.indicators_of_tool("EIT") == (6, 7, 8)
    assert fw.indicators_of_tool("OIT") == (9, 10)
    assert "การปรับปรุงระบบการทำงาน" in fw.indicator(8).other_names_th


def test_seed_001_total_and_level_are_reproduced():
    # 0.3*100 + 0.3*99.33 + 0.4*(82.5+90)/2 = 30 + 29.799 + 34.5 = 94.299 -> 94.30
    assert fw.total_score(2568, SEED_001_FY2568) == 94.30
    assert fw.level_from_indicators(2568, SEED_001_FY2568) == "ผ่านดี"


def test_seed_004_total_and_level_are_reproduced():
    # IIT 387.24/5=77.448, EIT 235.54/3=78.513, OIT 52.59/2=26.295 -> 23.234+23.554+10.518=57.31
    assert fw.total_score(2562, SEED_004_FY2562) == 57.31
    assert fw.level_from_indicators(2562, SEED_004_FY2562) == "D"


def test_total_needs_every_indicator():
    partial = dict(SEED_001_FY2568)
    del partial[10]
    assert fw.total_score(2568, partial) is None


@pytest.mark.parametrize(
    ("total", "level"),
    [
        (100, "AA"),
        (95, "AA"),
        (94.99, "A"),
        (85, "A"),
        (84.99, "B"),
        (75, "B"),
        (74.99, "C"),
        (65, "C"),
        (64.99, "D"),
        (55, "D"),
        (54.99, "E"),
        (50, "E"),
        (49.99, "F"),
        (0, "F"),
    ],
)
def test_letter_bands_up_to_fy2565(total, level):
    for year in (2562, 2563, 2564, 2565):
        assert fw.official_level(year, total) == level


ALL_TOOLS_100 = {"IIT": 100, "EIT": 100, "OIT": 100}


@pytest.mark.parametrize(
    ("total", "tools", "level"),
    [
        (95, ALL_TOOLS_100, "ผ่านดีเยี่ยม"),
        (95, {"IIT": 100, "EIT": 100, "OIT": 94.99}, "ผ่านดี"),  # every tool must reach 95
        (96, {"IIT": 100, "EIT": 100, "OIT": 84.99}, "ผ่าน"),  # a tool under 85: only ผ่าน
        (94.99, ALL_TOOLS_100, "ผ่านดี"),
        (85, {"IIT": 85, "EIT": 85, "OIT": 85}, "ผ่านดี"),
        (85, {"IIT": 85, "EIT": 85, "OIT": 84.99}, "ผ่าน"),
        (84.99, ALL_TOOLS_100, "ต้องปรับปรุง"),
        (70, ALL_TOOLS_100, "ต้องปรับปรุง"),
        (69.99, ALL_TOOLS_100, "ต้องปรับปรุงโดยด่วน"),
        (0, ALL_TOOLS_100, "ต้องปรับปรุงโดยด่วน"),
    ],
)
def test_thai_levels_from_fy2566_need_every_tool(total, tools, level):
    for year in (2566, 2567, 2568):
        assert fw.official_level(year, total, tools) == level


def test_thai_level_without_tool_scores_cannot_claim_the_tool_rule():
    assert fw.official_level(2568, 97.0) == "ผ่าน"


def test_unknown_year_is_a_clear_error():
    with pytest.raises(fw.UnknownYearError, match="2590"):
        fw.year_rules(2590)
    with pytest.raises(fw.UnknownYearError):
        fw.total_score(2561, SEED_001_FY2568)


@pytest.mark.parametrize(
    ("year", "code", "indicator"),
    [
        (2562, "o33", 9),
        (2562, "o34", 10),
        (2562, "o48", 10),
        (2565, "o43", 10),
        (2566, "e12", 8),
        (2566, "e6", 7),
        (2568, "o20", 9),
        (2568, "o21", 10),
        (2568, "o25", 10),
        (2568, "i13", 5),
        (2568, "e9", 8),
        (2568, "E๑".replace("๑", "1"), 6),
    ],
)
def test_item_belongs_to_its_years_indicator(year, code, indicator):
    assert fw.item_indicator(year, code) == indicator


def test_items_outside_a_years_catalogue_belong_nowhere():
    assert fw.item_indicator(2568, "o29") is None
    assert fw.item_indicator(2565, "o44") is None
    assert fw.item_indicator(2568, "i16") is None


def test_item_catalogue_sizes_per_year():
    assert len([i for i in fw.items(2562) if i.code.startswith("o")]) == 48
    assert len([i for i in fw.items(2564) if i.code.startswith("o")]) == 43
    assert len(fw.items(2568)) == 15 + 9 + 28


def test_item_titles_come_from_the_reference_table():
    assert fw.item_title(2562, "o39") == "แผนปฏิบัติการป้องกันการทุจริตประจำปี"
    assert fw.item_title(2568, "o10") == "E-Service"
    assert fw.item_title(2568, "o6") is None  # listed as unknown


def test_bad_item_code_is_refused():
    with pytest.raises(ValueError, match="x9"):
        fw.normalize_item_code("x9")


def test_points_recoverable_uses_the_years_weights():
    # OIT weighs 0.40 over two indicators: 0.20 * (100 - 6.25) = 18.75
    assert fw.points_recoverable(2562, 10, 6.25) == pytest.approx(18.75)
    # IIT weighs 0.30 over five: 0.06 * (100 - 50) = 3
    assert fw.points_recoverable(2568, 1, 50) == pytest.approx(3.0)


def test_method_changes_between_years():
    assert fw.method_changes(2566, 2567) == []
    assert not fw.crosses_method_change(2563, 2565)
    assert fw.crosses_method_change(2565, 2566)  # level scheme
    assert fw.crosses_method_change(2567, 2568)  # item set
    assert len(fw.method_changes(2568, 2562)) == 3  # order of the years does not matter


def test_round2_rounds_half_up_like_printed_results():
    assert fw.round2(57.305) == 57.31
    assert fw.round2(94.299) == 94.30
