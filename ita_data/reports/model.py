"""What a parsed report says, in the shape ``parse --json`` prints and ingestion stores."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ita_data import labels, orgs
from ita_data.thai import to_arabic

from .text import item_sort_key

if TYPE_CHECKING:
    from ita_data.documents import DocumentText


@dataclass
class Organization:
    type_code: str
    name: str
    district: str | None = None
    province: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": orgs.org_type(self.type_code).name_th,
            "name": self.name,
            "district": self.district,
            "province": self.province,
        }


_NO_ORGANIZATION = {"type": None, "name": None, "district": None, "province": None}


@dataclass
class Measure:
    indicator: int | None = None
    item: str | None = None  # one code, or several joined by commas ("e1,e2,e3")
    title: str | None = None
    issue: str | None = None
    steps: str | None = None
    responsible: str | None = None
    due: dt.date | None = None
    status: str = "unknown"
    completed_on: dt.date | None = None
    result: str | None = None
    line: int | None = None  # where the measure starts in the document

    def to_json(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "item": self.item,
            "title": self.title,
            "issue": self.issue,
            "steps": self.steps,
            "responsible": self.responsible,
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "result": self.result,
        }

    def to_store(self) -> dict[str, Any]:
        """The fields as ``store.replace_measures`` names them."""
        out = self.to_json()
        out["due_date"] = self.due
        out["completed_on"] = self.completed_on
        del out["due"]
        return out


@dataclass
class ParsedReport:
    source: str
    kind: str = "analysis"
    organization: Organization | None = None
    fiscal_year: int | None = None
    total_score: float | None = None
    level: str | None = None
    province_rank: int | None = None
    province_rank_of: int | None = None  # "ลำดับที่ 76 จาก 211": stored, not in the JSON object
    indicator_scores: dict[int, float] = field(default_factory=dict)
    item_scores: dict[str, float] = field(default_factory=dict)
    measures: list[Measure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # False: the text is not an ITA analysis or measures report (another assessment, a plan, an index of
    # files, news of another agency): nothing in it is read as a result, and nothing is stored
    is_ita: bool = True
    document: DocumentText | None = field(default=None, repr=False, compare=False)  # the text and its pages
    # where each fact was read: key ('total_score', 'indicator:9', 'item:o5', 'measure:1', …) -> 1-based line
    # of the normalised text that parse_text reads; ``lines`` is that text, line by line
    locations: dict[str, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list, repr=False, compare=False)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def snippet(self, key: str, width: int = 160) -> str:
        """The text of the line a fact was read from, blanks collapsed; a line longer than ``width`` is cut
        to ``width`` characters around the fact as printed. '' when the fact has no known line."""
        line = self.locations.get(key)
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        text = self.lines[line - 1]
        if len(text) <= width:
            return " ".join(text.split())
        at = _anchor(self, key, text)
        start = max(0, at - width // 3)
        piece = " ".join(text[start : start + 2 * width].split())
        cut = piece[: width - (start > 0) - 1] + "…" if len(piece) > width - (start > 0) else piece
        return ("…" if start > 0 else "") + cut

    def value_of(self, key: str) -> Any:
        """The value of one fact under its ``locations`` key ('total_score', 'indicator:9', 'measure:2' …)."""
        kind, _, code = key.partition(":")
        if kind == "indicator":
            return self.indicator_scores.get(int(code))
        if kind == "item":
            return self.item_scores.get(code)
        if kind == "measure":
            index = int(code) - 1
            return self.measures[index].title if 0 <= index < len(self.measures) else None
        return getattr(self, kind, None)

    def line_image(self, key: str) -> bytes | None:
        """A small PNG of the page around the line a fact was read from (PDFs with a text layer); None
        where the document has no page images or does not know where the line stands."""
        line = self.locations.get(key)
        if line is None or self.document is None:
            return None
        return self.document.line_image(line)

    def where_read(self) -> list[dict[str, Any]]:
        """Each fact with the page and line it was read from and the line's text, for a person to check
        (Thai headers, in the order the facts were found)."""
        document = self.document
        rows = []
        for key, line in sorted(self.locations.items(), key=lambda kv: kv[1]):
            value = self.value_of(key)
            rows.append(
                {
                    "ข้อมูล": labels.report_key_label(key),
                    "ค่า": "" if value is None else str(value),
                    "หน้า": document.page_of_line(line) if document is not None else None,
                    "บรรทัด": line,
                    "ข้อความ": self.snippet(key),
                    "OCR": bool(document is not None and document.is_ocr_line(line)),
                }
            )
        return rows

    @property
    def has_scores(self) -> bool:
        return bool(
            self.total_score is not None
            or self.level
            or self.province_rank is not None
            or self.indicator_scores
            or self.item_scores
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "organization": self.organization.to_json() if self.organization else dict(_NO_ORGANIZATION),
            "fiscal_year": self.fiscal_year,
            "total_score": self.total_score,
            "level": self.level,
            "province_rank": self.province_rank,
            "indicator_scores": {str(k): v for k, v in sorted(self.indicator_scores.items())},
            "item_scores": {k: self.item_scores[k] for k in sorted(self.item_scores, key=item_sort_key)},
            "measures": [m.to_json() for m in self.measures],
            "warnings": list(self.warnings),
            "locations": {key: {"line": line, "snippet": self.snippet(key)} for key, line in self.locations.items()},
        }

    def summary(self) -> str:
        """One line for a person: who, which year, what was found."""
        who = (
            orgs.display_name(self.organization.type_code, self.organization.name)
            if self.organization
            else labels.REPORT_SUMMARY_NO_ORGANIZATION
        )
        where = f" จ.{self.organization.province}" if self.organization and self.organization.province else ""
        parts = [
            f"{self.source}: {labels.SOURCE_KINDS.get(self.kind, self.kind)}",
            f"{who}{where}",
            labels.REPORT_SUMMARY_YEAR.format(year=self.fiscal_year)
            if self.fiscal_year
            else labels.REPORT_SUMMARY_NO_YEAR,
        ]
        if self.total_score is not None:
            parts.append(labels.REPORT_SUMMARY_TOTAL.format(total=self.total_score))
        if self.level:
            parts.append(labels.REPORT_SUMMARY_LEVEL.format(level=self.level))
        if self.province_rank is not None:
            parts.append(labels.REPORT_SUMMARY_RANK.format(rank=self.province_rank))
        parts.append(
            labels.REPORT_SUMMARY_COUNTS.format(
                indicators=len(self.indicator_scores),
                items=len(self.item_scores),
                measures=len(self.measures),
                warnings=len(self.warnings),
            )
        )
        return " | ".join(parts)


def _anchor(report: ParsedReport, key: str, line: str) -> int:
    """Where on its line a fact is printed (Thai or Arabic digits), or 0 when it cannot be found."""
    plain = to_arabic(line)
    value: Any = None
    if key in ("total_score", "level", "province_rank", "province_rank_of"):
        value = getattr(report, key)
    elif key.startswith("indicator:"):
        value = report.indicator_scores.get(int(key.split(":", 1)[1]))
    elif key.startswith("item:"):
        code = key.split(":", 1)[1]
        m = re.search(rf"(?i)(?<![a-z0-9]){code[0]}\s?0*{code[1:]}(?![0-9])", plain)
        return m.start() if m else 0
    if value is None:
        return 0
    if isinstance(value, float):
        forms = [f"{value:.2f}", f"{value:g}"] + ([str(int(value))] if value == int(value) else [])
    else:
        forms = [str(value)]
    hits = [plain.find(f) for f in forms if plain.find(f) >= 0]
    return min(hits) if hits else 0


def preview_row(report: ParsedReport) -> dict[str, Any]:
    """One row for the import page's preview: what the report would store, with Thai headers."""
    org = report.organization
    return {
        "ไฟล์": report.source,
        "ชนิดเอกสาร": "วิเคราะห์ผลการประเมิน" if report.kind == "analysis" else "รายงานผลตามมาตรการ",
        "หน่วยงาน": orgs.display_name(org.type_code, org.name) if org else None,
        "อำเภอ": org.district if org else None,
        "จังหวัด": org.province if org else None,
        "ปีงบประมาณ": report.fiscal_year,
        "คะแนนรวม": report.total_score,
        "ระดับตามรายงาน": report.level,
        "อันดับในจังหวัด": report.province_rank,
        "ตัวชี้วัด": len(report.indicator_scores),
        "ข้อ": len(report.item_scores),
        "มาตรการ": len(report.measures),
        "คำเตือน": len(report.warnings),
    }
