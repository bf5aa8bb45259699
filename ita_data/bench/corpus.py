"""A corpus that looks like the world: the seeds and texts of our own, made into files by many producers.

Each text (the five seeds, ``corpus_texts.ITA_TEXTS`` and the pages that are not ITA results,
``corpus_texts.OTHER_TEXTS``) is made into every form by every producer below: Word with real tables and
with tables typed as tab-aligned paragraphs, LibreOffice's PDF of each (in the Thai faces the set-up
installs), a saved web page and chromium's print of it at several page widths and layouts, and the text
as a flipbook's text layer leaves it. ``build`` writes them all; ``facts_of`` and ``score`` count the
facts read, which ``doc-bench`` prints per producer and the tests compare with the plain text's.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ita_data import orgs

from . import corpus_texts
from .samples import FONT, FONTS, docx_to_pdf, make_docx, make_tabbed_docx, seed_blocks

# producer -> what it stands for (the order doc-bench prints them in)
PRODUCERS: dict[str, str] = {
    "txt": "plain text",
    "docx": "Word, real tables (Laksaman)",
    "docx_tabs": "Word, tables typed as tab-aligned paragraphs",
    "html": "saved web page",
    "flipbook": "a flipbook's text layer (marks split, ำ as า, เเ, U+FFFD)",
    "lo_pdf": "LibreOffice PDF from Word (Laksaman)",
    "lo_pdf_fonts": "LibreOffice PDF from Word (Loma, Garuda, Norasi, Kinnari, Laksaman by turns)",
    "lo_tabs_pdf": "LibreOffice PDF of the text typed with tab stops",
    "chromium_pdf": "chromium print, landscape A4",
    "chromium_narrow": "chromium print, a narrow page: columns wrap",
    "chromium_columns": "chromium print, prose in two columns",
    "chromium_header": "chromium print, portrait, header and footer with page numbers",
}
SUFFIX = {"txt": "txt", "docx": "docx", "docx_tabs": "docx", "html": "html", "flipbook": "txt"}


@dataclass(frozen=True)
class Text:
    name: str  # "seed-001", "own-news-award", "other-lpa-news"
    text: str
    ita: bool  # an ITA analysis or measures report; False: a page that is not one
    expected: dict | None = None  # the facts a person reads (texts of our own); None: the plain text's


def texts(seeds_dir: Path) -> list[Text]:
    """The seeds (their file name's number), then our own ITA texts, then the pages that are not ITA results."""
    out = [
        Text(f"seed-{path.name[:3]}", path.read_text(encoding="utf-8"), True)
        for path in sorted(seeds_dir.glob("*.txt"))
    ]
    out += [Text(name, text, True, {"kind": "analysis"} | facts) for name, text, facts in corpus_texts.ITA_TEXTS]
    out += [Text(name, text, False, {}) for name, text in corpus_texts.OTHER_TEXTS]
    return out


def corpus_key(seeds_dir: Path) -> str:
    """What the corpus is made of: the seeds, the texts and the makers' code (a cache of it is keyed so)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in [*sorted(seeds_dir.glob("*.txt")), here / "corpus.py", here / "corpus_texts.py", here / "samples.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# --- saved web pages and chromium's prints of them -----------------------------------------------

_PAGE_CHROME = """<header class="site-header"><div class="logo">เว็บไซต์ตัวอย่าง</div>
<nav><ul><li><a href="/">หน้าหลัก</a></li><li><a href="/news">ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. ๒๕๕๐</a></li></ul></nav>
</header>"""
_PAGE_END = """<footer>ติดต่อเรา โทร ๐ ๐๐๐๐ ๐๐๐๐ · ปีงบประมาณ พ.ศ. ๒๕๕๐</footer>
<div id="chat-widget" class="chat-widget">แชทกับเจ้าหน้าที่ เทศบาลตำบลตัวอย่างสมมุติ</div>
<div style="display:none">คะแนนรวม ๑๒.๓๔</div>
<script>var cookie = "ปีงบประมาณ พ.ศ. ๒๕๕๐";</script>"""

# The page's look per print: the saved page itself, a narrow column, two columns of prose, and a page
# whose header and footer chromium prints on every sheet.
_STYLES = {
    "html": "body{font-family:'%s',sans-serif;font-size:14pt}",
    "narrow": "body{font-family:'%s',sans-serif;font-size:13pt;max-width:11cm}",
    "columns": "body{font-family:'%s',sans-serif;font-size:12pt} article{column-count:2;column-gap:1cm}"
    " table{column-span:all}",
    "header": "body{font-family:'%s',sans-serif;font-size:14pt}",
}
_COMMON_STYLE = (
    " table{border-collapse:collapse;margin:8px 0;width:100%} td,th{border:1px solid #000;vertical-align:top;"
    "padding:2px} @media print{header,nav,footer,.chat-widget{display:none}}"
)


def web_page(text: str, style: str = "html", font: str = FONT) -> str:
    """A page as a browser's "save page" keeps it: menus, a footer, a chat widget, a hidden block, a script."""
    parts = [
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ITA</title>',
        f"<style>{_STYLES[style] % font}{_COMMON_STYLE}</style></head><body>",
        _PAGE_CHROME,
        "<main><article>",
    ]
    for kind, content in seed_blocks(text):
        if kind == "para":
            parts.append(f"<p>{html.escape(content)}</p>")
            continue
        parts.append("<table>")
        for cells in content:
            parts.append(
                "<tr>"
                + "".join(
                    "<td>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</td>" for lines in cells
                )
                + "</tr>"
            )
        parts.append("</table>")
    parts += ["</article></main>", _PAGE_END, "</body></html>"]
    return "\n".join(parts)


def make_html(text: str, out: Path, style: str = "html") -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(web_page(text, style), encoding="utf-8")
    return out


# chromium's page header and footer templates (its own classes fill in the numbers)
_HEADER = (
    '<div style="font-size:9px;width:100%;text-align:center;font-family:Loma">'
    'เว็บไซต์ตัวอย่าง · พิมพ์จากหน้าเว็บ <span class="title"></span></div>'
)
_FOOTER = (
    '<div style="font-size:9px;width:100%;text-align:right;padding-right:1cm;font-family:Loma">'
    'หน้า <span class="pageNumber"></span> จาก <span class="totalPages"></span></div>'
)
_PRINTS: dict[str, tuple[str, dict[str, Any]]] = {
    "chromium_pdf": ("html", {"format": "A4", "landscape": True}),
    "chromium_narrow": ("narrow", {"width": "14cm", "height": "21cm"}),
    "chromium_columns": ("columns", {"format": "A4"}),
    "chromium_header": (
        "header",
        {"format": "A4", "display_header_footer": True, "header_template": _HEADER, "footer_template": _FOOTER},
    ),
}


def print_pdf(page, content: str, out: Path, **options) -> Path:
    """The page's HTML printed by chromium (Playwright's ``page.pdf``); 1.5 cm margins unless told
    otherwise. One browser page prints them all: opening a page costs more than printing one."""
    options.setdefault("margin", {"top": "1.5cm", "bottom": "1.5cm", "left": "1.5cm", "right": "1.5cm"})
    page.set_content(content, wait_until="load")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), print_background=False, **options)
    return out


# --- a flipbook's text layer ---------------------------------------------------------------------

_ABOVE_OR_BELOW = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def flipbook_text(text: str) -> str:
    """The text as flipbook viewers' text layers give it: a mark now and then split from its letter by a
    space, ำ written as า (the font's ring lost), แ typed as two เ, and U+FFFD for glyphs the viewer could
    not map (the bullets and dashes that start a line or a cell, a stray one after some words). Deterministic."""
    out: list[str] = []
    marks = 0
    words = 0
    for ch in text:
        if ch == "\u0e33":  # ำ
            out.append("\u0e32")
            continue
        if ch == "\u0e41":  # แ
            out.append("\u0e40\u0e40")
            continue
        if ch in "•●▪-–" and (not out or out[-1] in "\n\t>"):
            out.append("\ufffd")
            continue
        if _ABOVE_OR_BELOW.match(ch):
            marks += 1
            if marks % 9 == 0 and out and out[-1] not in " \n\t":
                out.append(" ")
        if ch == " ":
            words += 1
            if words % 23 == 0:
                out.append("\ufffd")
        out.append(ch)
    return "".join(out)


# --- the whole corpus ----------------------------------------------------------------------------


def build(seeds_dir: Path, out_dir: Path, browser=None) -> dict[str, dict[str, Path]]:
    """Every form of every text: {producer: {text name: file}}. Chromium's prints need a Playwright
    ``browser`` (Debian's chromium); without one, they are made with a browser of their own."""
    items = texts(seeds_dir)
    forms: dict[str, dict[str, Path]] = {p: {} for p in PRODUCERS}
    word: list[tuple[str, str, Path]] = []  # (producer, name, docx) for LibreOffice
    for index, item in enumerate(items):
        plain = out_dir / "txt" / f"{item.name}.txt"
        plain.parent.mkdir(parents=True, exist_ok=True)
        plain.write_text(item.text, encoding="utf-8")
        forms["txt"][item.name] = plain
        flip = out_dir / "flipbook" / f"{item.name}.txt"
        flip.parent.mkdir(parents=True, exist_ok=True)
        flip.write_text(flipbook_text(item.text), encoding="utf-8")
        forms["flipbook"][item.name] = flip
        forms["docx"][item.name] = make_docx(item.text, out_dir / "docx" / f"{item.name}.docx")
        forms["docx_tabs"][item.name] = make_tabbed_docx(
            item.text, out_dir / "docx_tabs" / f"{item.name}.docx", font=FONTS[(index + 2) % len(FONTS)]
        )
        turned = make_docx(
            item.text, out_dir / "docx_fonts" / f"{item.name}.docx", font=FONTS[(index + 1) % len(FONTS)]
        )
        word += [
            ("lo_pdf", item.name, forms["docx"][item.name]),
            ("lo_pdf_fonts", item.name, turned),
            ("lo_tabs_pdf", item.name, forms["docx_tabs"][item.name]),
        ]
        forms["html"][item.name] = make_html(item.text, out_dir / "html" / f"{item.name}.html")
    for producer in ("lo_pdf", "lo_pdf_fonts", "lo_tabs_pdf"):
        batch = [(name, path) for p, name, path in word if p == producer]
        pdfs = docx_to_pdf([path for _, path in batch], out_dir / producer)
        forms[producer] = {name: pdf for (name, _), pdf in zip(batch, pdfs)}
        shutil.rmtree(out_dir / producer / ".lo-profile", ignore_errors=True)  # LibreOffice's own settings
    _prints(items, out_dir, forms, browser)
    return forms


def _prints(items: list[Text], out_dir: Path, forms: dict[str, dict[str, Path]], browser) -> None:
    if browser is None:
        from playwright.sync_api import sync_playwright

        from ita_data.brief.pdf import CHROMIUM, LAUNCH_ARGS

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
            try:
                _prints(items, out_dir, forms, own)
            finally:
                own.close()
        return
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.abort())  # the pages are whole; nothing is fetched
        for producer, (style, options) in _PRINTS.items():
            for item in items:
                out = out_dir / producer / f"{item.name}.pdf"
                forms[producer][item.name] = print_pdf(page, web_page(item.text, style), out, **options)
    finally:
        page.close()


# --- facts read, and how many are right ------------------------------------------------------------


def facts_of(report) -> dict[str, Any]:
    """A parsed report's facts under flat keys: kind, org (short display name), district, province, year,
    total, level, rank, rank_of, indicator:N, item:CODE, measure:I = (indicator, item, status, due, done)."""
    out: dict[str, Any] = {}
    if report.organization is not None:
        org = report.organization
        out["org"] = orgs.display_name(org.type_code, org.name)
        if org.district:
            out["district"] = org.district
        if org.province:
            out["province"] = org.province
    for key, value in (
        ("year", report.fiscal_year),
        ("total", report.total_score),
        ("level", report.level),
        ("rank", report.province_rank),
        ("rank_of", report.province_rank_of),
    ):
        if value is not None:
            out[key] = value
    out.update({f"indicator:{n}": v for n, v in report.indicator_scores.items()})
    out.update({f"item:{c}": v for c, v in report.item_scores.items()})
    out.update(
        {
            f"measure:{i}": (m.indicator, m.item, m.status, m.due, m.completed_on)
            for i, m in enumerate(report.measures, start=1)
        }
    )
    if report.has_scores or report.measures:
        out["kind"] = report.kind
    return out


RESULT_KEYS = re.compile(r"^(?:total|level|rank|rank_of|indicator:.*|item:.*|measure:.*)$")


@dataclass
class Tally:
    right: int = 0  # expected facts read with the expected value
    expected: int = 0
    wrong: int = 0  # facts read that are not expected, or with another value
    other_results: int = 0  # results (scores, levels, ranks, items, measures) read from pages that are not ITA
    documents: int = 0

    def add(self, expected: dict[str, Any], got: dict[str, Any], ita: bool) -> None:
        self.documents += 1
        if not ita:
            self.other_results += sum(1 for k in got if RESULT_KEYS.match(k))
            return
        self.expected += len(expected)
        self.right += sum(1 for k, v in expected.items() if got.get(k) == v)
        self.wrong += sum(1 for k, v in got.items() if expected.get(k, v) != v or k not in expected)


def read_all(
    forms: dict[str, dict[str, Path]], items: list[Text], parse: Callable[[bytes, str], Any]
) -> dict[str, dict[str, dict[str, Any]]]:
    """{producer: {text name: facts read}}, each file read by ``parse(bytes, name)``; a file that cannot be
    read gives no facts."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for producer, files in forms.items():
        out[producer] = {}
        for item in items:
            path = files.get(item.name)
            if path is None:
                continue
            try:
                out[producer][item.name] = facts_of(parse(path.read_bytes(), path.name))
            except Exception:  # noqa: BLE001 - a reader's failure is a form that gave nothing
                out[producer][item.name] = {}
    return out


def score(items: list[Text], read: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Tally]:
    """Per producer: the facts each text's plain text gives (or, for our own texts, the facts a person
    reads) against what the producer's file gave."""
    golden = read["txt"]
    tallies: dict[str, Tally] = {}
    for producer, by_name in read.items():
        tally = tallies.setdefault(producer, Tally())
        for item in items:
            if item.name not in by_name:
                continue
            expected = golden.get(item.name, {}) if item.expected is None else item.expected
            tally.add(expected, by_name[item.name], item.ita)
    return tallies
