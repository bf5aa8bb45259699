"""Read a page in the browser as a person reads it: the text drawn (a table's cells as its canvas shows
them, a chart's labels, what CSS writes), and the problems a person would see in it (English words,
raw Python values, numbers with more than two decimals)."""

from __future__ import annotations

import re

from ita_data import settings

APP = '[data-testid="stAppViewContainer"]'
TABLE = '[data-testid="stDataFrame"]'

# Streamlit's table (Glide Data Grid) draws its headers and cells on canvases; its accessible table
# holds a number's raw value (93.41862273136815), not the text drawn (93.42). Every text a canvas draws
# is kept on it, where it is drawn (in CSS pixels) and how it is aligned: the page's own drawing, read.
RECORD_CANVAS_TEXT = """(() => {
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
        const at = this.getTransform().transformPoint(new DOMPoint(x, y));
        const width = this.measureText(String(text)).width * this.getTransform().a;
        (this.canvas.__drawn = this.canvas.__drawn || []).push({text: String(text), x: at.x / devicePixelRatio,
            y: at.y / devicePixelRatio, w: width / devicePixelRatio, align: this.textAlign});
        return fillText.call(this, text, x, y, ...rest);
    };
})()"""

# A grid as drawn last: the header canvas gives each column's left edge, a cell's text falls in the
# column whose edge is left of it, and a row is a line of the body canvas (the last text drawn there wins).
READ_GRID = """t => {
    const drawn = body => [...t.querySelectorAll('canvas')]
        .filter(c => (c.dataset.testid === 'data-grid-canvas') === body).flatMap(c => c.__drawn || []);
    const left = d => ['right', 'end'].includes(d.align) ? d.x - d.w : d.align === 'center' ? d.x - d.w / 2 : d.x;
    const starts = new Map();
    for (const d of drawn(false)) starts.set(d.text, left(d));
    const headers = [...starts].sort((a, b) => a[1] - b[1]);
    const rows = new Map();
    for (const d of drawn(true)) {
        const column = headers.findLastIndex(h => h[1] <= left(d) + 1);
        if (column < 0) continue;
        const y = Math.round(d.y);
        if (!rows.has(y)) rows.set(y, new Array(headers.length).fill(''));
        rows.get(y)[column] = d.text;
    }
    return [headers.map(h => h[0]), [...rows].sort((a, b) => a[0] - b[0]).map(r => r[1])];
}"""

READABLE = """app => {
    const out = [];
    const root = document.querySelector(app);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, el = node.parentElement;
        if (!el || !node.textContent.trim() || el.closest('style, script')) continue;
        if (el.closest('[data-testid="stDataFrame"] table')) continue;  // a grid's raw values: its canvas is read
        const style = getComputedStyle(el);
        if (style.fontFamily.includes('Material Symbols')) continue;  // an icon's name: its font draws a picture
        if (style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.fontSize) === 0) continue;
        if (!el.getClientRects().length) continue;  // inside something not drawn
        out.push(node.textContent);
    }
    for (const el of root.querySelectorAll('*')) {
        for (const part of ['::before', '::after']) {
            const content = getComputedStyle(el, part).content;
            if (content && content.startsWith('"')) out.push(content.slice(1, -1));
        }
    }
    for (const canvas of root.querySelectorAll('canvas')) out.push(...new Set((canvas.__drawn || []).map(d => d.text)));
    return out.join('\\n');
}"""

# What a person reads that is not Thai but is a name: acronyms of the method and of file kinds, names of
# sources and of the tools the credits name (ITAS: the NACC's assessment system), level letters, and item titles that are English (E-Service).
ENGLISH_NAMES = {
    "ITA", "IIT", "EIT", "OIT", "CSV", "XLSX", "PDF", "PNG", "SVG", "SHA", "MB", "OCR", "DuckDB", "Word",
    "docx", "html", "txt", "png", "jpg", "zip", "Excel", "Chromium", "GeoNames", "Natural", "Earth", "geothai",
    "CC", "BY", "MIT", "AA", "E", "Service", "Q", "Social", "Network", "No", "Gift", "Policy", "DOPA",
    "ITAS",
}  # fmt: skip
# Names that are English and made of ordinary words: file and program names, shown as such.
ENGLISH_NAME_TEXTS = ("synthetic:national-v1", "ita_data build", "ita_data/rules/", "ita_data.synthetic")
RAW_VALUES = re.compile(r"\b(None|True|False|nan|NaN|NaT|null|<NA>|inf)\b")
LONG_FLOAT = re.compile(r"\d\.\d{3,}")


def record_canvas_text(context) -> None:
    """Keep what every canvas of the browser context's pages draws (before any page script runs)."""
    context.add_init_script(RECORD_CANVAS_TEXT)


def redraw(page) -> None:
    """Make every grid in view draw itself again, whole: its size changes by a pixel and back."""
    size = page.viewport_size
    for width in (size["width"] + 1, size["width"]):
        page.set_viewport_size({"width": width, "height": size["height"]})
        page.wait_for_timeout(300)


def grid(page, header: str | None) -> tuple[list[str], list[list[str]]]:
    """The headers and the rows in view of the page's first table that has ``header`` (the first table for
    None), as drawn: the table is brought into view and drawn again, and only its columns in view are
    drawn, so a test that reads far columns opens the page wide."""
    tables = page.locator(TABLE)
    for number in range(tables.count()):
        table = tables.nth(number)
        table.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        table.evaluate("t => t.querySelectorAll('canvas').forEach(c => { c.__drawn = []; })")
        redraw(page)
        headers, rows = table.evaluate(READ_GRID)
        if header is None or header in headers:
            return headers, rows
    raise AssertionError(f"no table with the header {header!r}")


def column(page, header: str, of: str | None = None) -> list[str]:
    """The cells in view of the column ``header`` of the first table that has the header ``of`` (itself by
    default), as drawn."""
    headers, rows = grid(page, of or header)
    return [row[headers.index(header)] for row in rows]


def readable_text(page) -> str:
    """What a person reads on the page: every text drawn (a table's cells as its canvas drew them, a
    chart's labels), and the words CSS draws; not an icon's name (its font draws a picture), nor text
    hidden or drawn at size 0."""
    return page.evaluate(READABLE, APP)


def svg_text(svg: bytes) -> str:
    """The words an SVG image draws."""
    return " ".join(re.findall(r"<text[^>]*>(.*?)</text>", svg.decode("utf-8"), flags=re.S))


def problems_in(text: str) -> list[str]:
    """English words that are not names, raw Python values, and numbers with more than two decimals.
    File names and links are names: a quoted value, a name with a file's ending or an address is left out."""
    text = re.sub(r"https?://\S+", " ", text)  # a link is an address: the view it reopens, not words
    for name in ENGLISH_NAME_TEXTS:
        text = text.replace(name, " ")
    text = re.sub(r"'[^'\n]*'|\S+\.(csv|xlsx|pdf|png|svg|docx|html|txt|zip|duckdb)\b", " ", text)
    found = [f"raw value {m.group(0)!r}" for m in RAW_VALUES.finditer(text)]
    found += [f"long number {m.group(0)!r}" for m in LONG_FLOAT.finditer(text)]
    found += [
        f"English {word!r}"
        for word in re.findall(r"[A-Za-z][A-Za-z]+", text)
        if word not in ENGLISH_NAMES and word != settings.os_user() and not re.fullmatch(r"[A-Z]{1,2}", word)
    ]
    return found
