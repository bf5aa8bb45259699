"""A deterministic, national-scale, clearly fictional ITA dataset for demos, tests and benchmarks.

Every province, about 7,850 local organisations in the real proportions of type, FY2562-FY2568.
Names are visibly invented ("อบต.หนองสมมุติ 12"): no real organisation's name ever stands beside
an invented score. Bangkok (กรุงเทพมหานคร) and Pattaya (เมืองพัทยา) are real one-of-a-kind
organisations, so they are left out rather than given invented scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import geothai
import numpy as np
import pandas as pd

from ita_data import framework, orgs
from ita_data.store import ASSESSMENT_COLUMNS, Store, facts_from_columns, facts_from_long, file_checksum

VERSION = "1"
DEFAULT_SEED = 2568
YEARS = tuple(range(2562, 2569))

# Counts of local organisations by type, national totals (DLA figures, rounded); PAO is one per
# province outside Bangkok. BMA and Pattaya are left out (see the module docstring).
TYPE_TOTALS = {"city": 30, "town": 195, "subdistrict_municipality": 2247, "sao": 5302}

# National mean total the data should show each year: it rose as the real one did
# (about 81 in 2564, 90 in 2566, 93-94 in 2567-2568).
TARGET_MEAN_TOTAL = {2562: 66.0, 2563: 74.0, 2564: 81.0, 2565: 86.0, 2566: 90.0, 2567: 93.0, 2568: 93.5}

# Survey tools (IIT, EIT) sit high and tight; the website checklist (OIT) is lower and spread.
SURVEY_MEAN = {2562: 80.0, 2563: 84.0, 2564: 88.0, 2565: 90.5, 2566: 93.0, 2567: 95.0, 2568: 95.5}
SURVEY_SD = {2562: 7.0, 2563: 6.5, 2564: 6.0, 2565: 5.0, 2566: 4.5, 2567: 3.5, 2568: 3.2}

NAME_PREFIXES = ("บ้าน", "หนอง", "ทุ่ง", "ห้วย", "ดอน", "นา", "โคก", "วัง", "ท่า", "บึง", "เขา", "คลอง")
FICTION_WORD = "สมมุติ"  # "hypothetical": the mark that a name is invented

RESPONSIBLE_UNITS = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม")
# Measure titles by indicator: our own short wording of the usual remedies.
MEASURE_TITLES = {
    1: "ทบทวนมาตรฐานขั้นตอนการปฏิบัติงานและเผยแพร่ให้บุคลากรทราบ",
    2: "ชี้แจงแผนการใช้จ่ายงบประมาณประจำปีต่อบุคลากร",
    3: "กำหนดหลักเกณฑ์การมอบหมายงานและประเมินผลที่เป็นธรรม",
    4: "จัดทำแนวปฏิบัติการยืมและใช้ทรัพย์สินของราชการ",
    5: "จัดกิจกรรมต่อต้านการทุจริตโดยผู้บริหารนำ",
    6: "ปรับปรุงคู่มือการให้บริการและระยะเวลาให้บริการ",
    7: "เพิ่มช่องทางประชาสัมพันธ์และรับฟังความคิดเห็น",
    8: "นำระบบบริการออนไลน์มาใช้และเปิดให้ประชาชนมีส่วนร่วม",
    9: "ปรับปรุงข้อมูลบนเว็บไซต์ให้ครบถ้วนและเป็นปัจจุบัน",
    10: "จัดทำและเผยแพร่แผนป้องกันการทุจริตและรายงานผล",
}
MEASURES_FROM_YEAR = 2563
# The day the data describes: statuses of the latest year's measures are as of this date.
# The day the dataset's source is dated (its import); the measures' calendar follows the day of the build.
AS_OF = dt.date(2025, 10, 15)
SOURCE_NAME = f"synthetic:national-v{VERSION}"


@dataclass
class Dataset:
    organizations: pd.DataFrame
    assessments: pd.DataFrame
    indicator_scores: pd.DataFrame
    item_scores: Iterator[pd.DataFrame]  # one frame a year, to keep memory flat
    measures: pd.DataFrame


def _allocate(total: int, weights: np.ndarray) -> np.ndarray:
    """Largest-remainder split of ``total`` in proportion to ``weights`` (deterministic)."""
    share = weights / weights.sum() * total
    counts = np.floor(share).astype(int)
    order = np.argsort(-(share - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts


def make_organizations(rng: np.random.Generator) -> pd.DataFrame:
    provinces = [p for p in geothai.provinces() if p.code != "10"]
    districts = {p.code: geothai.districts(p.code) for p in provinces}
    sub_counts = {d.code: max(1, len(geothai.subdistricts(d.code))) for p in provinces for d in districts[p.code]}
    weight = np.array([sum(sub_counts[d.code] for d in districts[p.code]) for p in provinces], float)
    counts = {
        "city": np.where(np.argsort(np.argsort(-weight, kind="stable")) < TYPE_TOTALS["city"], 1, 0),
        "town": _allocate(TYPE_TOTALS["town"], weight),
        "subdistrict_municipality": _allocate(TYPE_TOTALS["subdistrict_municipality"], weight),
        "sao": _allocate(TYPE_TOTALS["sao"], weight),
    }
    rows = []
    for pi, p in enumerate(provinces):
        ds = districts[p.code]
        capital = ds[0]
        p_weights = np.array([sub_counts[d.code] for d in ds], float)
        p_weights /= p_weights.sum()
        rows.append(("pao", f"{FICTION_WORD}จังหวัด {p.code}", p, capital))
        for type_code in ("city", "town", "subdistrict_municipality", "sao"):
            for n in range(int(counts[type_code][pi])):
                d = capital if type_code == "city" else ds[int(rng.choice(len(ds), p=p_weights))]
                prefix = NAME_PREFIXES[int(rng.integers(len(NAME_PREFIXES)))]
                rows.append((type_code, f"{prefix}{FICTION_WORD} {n + 1}", p, d))
    frame = pd.DataFrame(
        {
            "org_id": np.arange(1, len(rows) + 1, dtype=np.int32),
            "org_type": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "province_code": [r[2].code for r in rows],
            "province": [r[2].name_th for r in rows],
            "district_code": [r[3].code for r in rows],
            "district": [r[3].name_th for r in rows],
        }
    )
    frame["org_key"] = [orgs.org_key(t, n, pc) for t, n, pc in zip(frame.org_type, frame.name, frame.province_code)]
    frame["is_synthetic"] = True
    return frame


_TYPE_EFFECT = {"pao": 0.6, "city": 0.8, "town": 0.5, "subdistrict_municipality": 0.1, "sao": -0.1}


def _oit_offset(fiscal_year: int, survey_mean: float, state: np.ndarray, difficulty: np.ndarray) -> float:
    """Logit shift that lands the year's mean total on its target, given the survey tools' mean."""
    w = framework.year_rules(fiscal_year).weights
    oit_target = (TARGET_MEAN_TOTAL[fiscal_year] - (w["IIT"] + w["EIT"]) * survey_mean) / w["OIT"]
    three_levels = fiscal_year >= 2568
    logits = 1.3 * state[:, None] + difficulty[None, :]

    def mean_oit(offset: float) -> float:
        p = 1 / (1 + np.exp(-(offset + logits)))
        return float(np.mean(25 + 75 * p if three_levels else 100 * p))

    lo, hi = -10.0, 10.0
    for _ in range(40):  # bisection: mean_oit rises with the offset
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if mean_oit(mid) < oit_target else (lo, mid)
    return (lo + hi) / 2


def generate(seed: int = DEFAULT_SEED, today: dt.date | None = None) -> Dataset:
    """The national dataset; the newest year's measures are due around ``today`` (default: the day of
    the build), as real ones would be: some done, some in progress, some overdue."""
    today = today or dt.date.today()
    rng = np.random.default_rng(seed)
    organizations = make_organizations(rng)
    n = len(organizations)
    org_ids = organizations["org_id"].to_numpy()
    quality = rng.normal(0, 1, n) + organizations["org_type"].map(_TYPE_EFFECT).to_numpy()
    state = quality.copy()
    boost = np.zeros((n, 10))  # next year's lift from measures carried out

    assessments, indicators, measures, item_frames = [], [], [], []
    for fy in YEARS:
        state = 0.8 * state + 0.6 * rng.normal(0, 1, n) + 0.2 * quality
        # About 1 in 100 organisation-years is missing, as when an organisation was not assessed.
        present = rng.random(n) > 0.01
        scores = np.zeros((n, 10))
        survey_mean, survey_sd = SURVEY_MEAN[fy], SURVEY_SD[fy]
        for k in range(8):  # indicators 1-8: the surveys
            raw = survey_mean + survey_sd * (0.7 * state + 0.5 * rng.normal(0, 1, n)) + boost[:, k]
            scores[:, k] = np.clip(raw, 0, 100)
        catalogue = framework.items(fy)
        oit_items = [it for it in catalogue if it.code.startswith("o")]
        difficulty = rng.normal(0, 0.8, len(oit_items))
        offset = _oit_offset(fy, survey_mean, state, difficulty)
        item_cols = {}
        three_levels = fy >= 2568  # FY2568 scores OIT items 0 / 50 / 100
        for j, it in enumerate(oit_items):
            logit = offset + 1.3 * state + difficulty[j] + boost[:, it.indicator - 1] / 10
            p = 1 / (1 + np.exp(-logit))
            u = rng.random(n)
            if three_levels:
                item_cols[it.code] = np.where(u < p, 100.0, np.where(u < p + (1 - p) / 2, 50.0, 0.0))
            else:
                item_cols[it.code] = np.where(u < p, 100.0, 0.0)
        for number in (9, 10):
            codes = [it.code for it in oit_items if it.indicator == number]
            scores[:, number - 1] = np.mean([item_cols[c] for c in codes], axis=0)
        for it in catalogue:
            if not it.code.startswith("o"):
                noise = rng.normal(0, 4, n)
                item_cols[it.code] = np.clip(scores[:, it.indicator - 1] + noise, 0, 100)
        scores = np.round(scores, 2)

        weights = framework.year_rules(fy).weights
        tools = {t: scores[:, [i - 1 for i in framework.indicators_of_tool(t)]].mean(axis=1) for t in framework.TOOLS}
        total = sum(weights[t] * tools[t] for t in framework.TOOLS)
        total = np.array([framework.round2(v) for v in total])
        levels = framework.official_levels(np.full(n, fy), total, tools)
        frame = pd.DataFrame(
            {
                "org_id": org_ids,
                "fiscal_year": fy,
                "total_score": total,
                "level_reported": levels,
                "province_code": organizations["province_code"].to_numpy(),
            }
        )[present]
        frame["province_rank_reported"] = (
            frame.groupby("province_code")["total_score"].rank(method="min", ascending=False).astype(int)
        )
        frame["province_rank_of"] = frame.groupby("province_code")["total_score"].transform("size")
        assessments.append(frame.drop(columns="province_code"))

        ind = pd.DataFrame(
            {
                "org_id": np.repeat(org_ids, 10),
                "fiscal_year": fy,
                "indicator": np.tile(np.arange(1, 11), n),
                "score": scores.reshape(-1),
            }
        )
        indicators.append(ind[np.repeat(present, 10)])

        codes = [it.code for it in catalogue]
        item_matrix = np.round(np.column_stack([item_cols[c] for c in codes]), 2)
        item_frames.append(
            pd.DataFrame(
                {
                    "org_id": np.repeat(org_ids, len(codes)),
                    "fiscal_year": fy,
                    "item": np.tile(np.array(codes, dtype=object), n),
                    "indicator": np.tile(np.array([it.indicator for it in catalogue]), n),
                    "score": item_matrix.reshape(-1),
                }
            )[np.repeat(present, len(codes))]
        )

        boost = np.zeros((n, 10))
        if fy >= MEASURES_FROM_YEAR:
            year_measures, boost = _measures_for_year(rng, fy, org_ids, scores, present, today)
            measures.append(year_measures)

    measures_frame = pd.concat(measures, ignore_index=True)
    measures_frame.insert(0, "measure_id", np.arange(1, len(measures_frame) + 1, dtype=np.int64))
    return Dataset(
        organizations=organizations,
        assessments=pd.concat(assessments, ignore_index=True),
        indicator_scores=pd.concat(indicators, ignore_index=True),
        item_scores=iter(item_frames),
        measures=measures_frame,
    )


def _measures_for_year(
    rng: np.random.Generator, fy: int, org_ids: np.ndarray, scores: np.ndarray, present: np.ndarray, today: dt.date
) -> tuple[pd.DataFrame, np.ndarray]:
    """Measures an organisation writes after its year-``fy`` results, and the lift they give."""
    n = len(org_ids)
    weak = (scores < 85) & present[:, None]
    takes = weak & (rng.random((n, 10)) < 0.6)
    org_idx, ind_idx = np.nonzero(takes)
    m = len(org_idx)
    u = rng.random(m)
    if fy == max(YEARS):
        # The measures under way now: due from five months ago to seven months ahead of today; most of
        # those already due are done, some are overdue; most of the rest are in progress.
        due_ord = today.toordinal() + rng.integers(-150, 210, m)
        past = due_ord < today.toordinal()
        status = np.where(
            past,
            np.select([u < 0.7, u < 0.85, u < 0.95], ["done", "in_progress", "planned"], "cannot"),
            np.select([u < 0.1, u < 0.65, u < 0.95], ["done", "in_progress", "planned"], "cannot"),
        )
    else:
        start = dt.date(fy - 543, 1, 1).toordinal()
        due_ord = start + rng.integers(30, 270, m)
        status = np.select([u < 0.85, u < 0.9, u < 0.95], ["done", "in_progress", "cannot"], "unknown")
    due = np.array([dt.date.fromordinal(int(d)) for d in due_ord])
    completed = [
        dt.date.fromordinal(min(d.toordinal() - int(k), today.toordinal())) if s == "done" else None
        for d, s, k in zip(due, status, rng.integers(0, 60, m))
    ]
    frame = pd.DataFrame(
        {
            "org_id": org_ids[org_idx],
            "fiscal_year": fy,
            "indicator": ind_idx + 1,
            "item": None,
            "title": [MEASURE_TITLES[int(i) + 1] for i in ind_idx],
            "issue": [f"คะแนนตัวชี้วัดที่ {i + 1} ต่ำกว่า 85" for i in ind_idx],
            "steps": None,
            "responsible": [RESPONSIBLE_UNITS[k] for k in rng.integers(0, len(RESPONSIBLE_UNITS), m)],
            "due_date": due,
            "status": status,
            "completed_on": completed,
            "result": None,
        }
    )
    boost = np.zeros((n, 10))
    done = status == "done"
    boost[org_idx[done], ind_idx[done]] = rng.normal(3.0, 2.0, int(done.sum()))
    return frame, boost


def load(
    db: Store, seed: int = DEFAULT_SEED, progress: Callable[[str], None] | None = None, today: dt.date | None = None
) -> dict[str, int]:
    """Write the dataset into an empty store through the one import path, as one write."""
    today = today or dt.date.today()
    say = progress or (lambda _msg: None)
    checksum = file_checksum(f"{SOURCE_NAME}:{seed}".encode())
    with db.importing(
        "synthetic",
        SOURCE_NAME,
        checksum,
        by="ita_data build",
        note="ข้อมูลสมมุติเพื่อสาธิต",
        imported_at=dt.datetime(2025, 10, 15),  # fixed: two builds are identical
        choose_all=True,
    ) as imp:
        imp.require_empty()
        say("generating organisations and scores")
        data = generate(seed, today)
        say(f"writing organizations ({len(data.organizations):,} rows)")
        imp.organizations(data.organizations)
        counts = {
            "organizations": len(data.organizations),
            "assessments": len(data.assessments),
            "indicator_scores": len(data.indicator_scores),
            "measures": len(data.measures),
            "item_scores": 0,
        }
        # One year at a time keeps memory flat: its totals, indicators and items are one write.
        for frame in data.item_scores:
            year = int(frame["fiscal_year"].iloc[0])
            say(f"writing FY{year}: totals, indicators and {len(frame):,} item scores")
            imp.facts(
                pd.concat(
                    [
                        facts_from_columns(data.assessments[data.assessments.fiscal_year == year], ASSESSMENT_COLUMNS),
                        facts_from_long(
                            data.indicator_scores[data.indicator_scores.fiscal_year == year], "indicator", "indicator"
                        ),
                        facts_from_long(frame, "item", "item"),
                    ],
                    ignore_index=True,
                )
            )
            counts["item_scores"] += len(frame)
        say(f"writing measures ({len(data.measures):,} rows)")
        imp.measures(data.measures)
        say("choosing the current values")
        imp.meta(
            {
                "synthetic_version": VERSION,
                "synthetic_seed": str(seed),
                "synthetic_as_of": AS_OF.isoformat(),
                "synthetic_measures_as_of": today.isoformat(),
            }
        )
        imp.changes.update({"added": counts["assessments"], "updated": 0, "unchanged": 0, "rejected": 0})
    return counts
