"""Saved web pages (HTML, MHTML): the page's main text and its tables, without menus, scripts and widgets."""

from __future__ import annotations

import email
import email.policy
import html
import re

from ita_data import labels

from .errors import DocumentError
from .limits import MAX_HTML_NESTING
from .model import DocumentText, TextBuilder

_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "select",
    "option",
    "textarea",
    "object",
    "embed",
    "video",
    "audio",
    "map",
    "dialog",
    "head",
}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "menu", "menubar", "search", "dialog", "alert", "complementary"}
_CHROME_WORDS = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|menu|menubar|sidebar|breadcrumbs?|cookie|cookies|consent|chat|chatbox|messenger|"
    r"widget|livechat|footer|header|masthead|topbar|social|share|popup|modal|banner|advert|ads)(?:$|[-_ ])",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "center",
    "hr",
    "caption",
    "body",
    "html",
    "tbody",
    "thead",
    "tfoot",
}
_SPACES = re.compile(r"[ \t\f\v\r\n\u00a0]+")


class _TooDeep(Exception):
    """Tags nested deeper than MAX_HTML_NESTING: the page is refused, not read in part."""


def read_html(data: bytes, name: str) -> DocumentText:
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as err:  # noqa: BLE001 - lxml refuses some bytes outright
        raise DocumentError(f"{name}: อ่านเว็บเพจไม่ได้ (cannot parse HTML: {type(err).__name__})") from None
    _drop_chrome(soup)
    root = _main(soup)
    builder = TextBuilder()
    if root is not None:
        walker = _Walker(builder)
        try:
            walker.walk(root, 0)
        except _TooDeep:
            raise DocumentError(labels.HTML_TOO_DEEP.format(name=name, limit=MAX_HTML_NESTING)) from None
        walker.flush()
    return builder.build(name, "html", warnings=[], page_count=0)


def read_mhtml(data: bytes, name: str) -> DocumentText:
    """Chrome's "save as single file": the first text/html part is the page."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload:
                return read_html(payload, name)
    raise DocumentError(f"{name}: ไฟล์ MHTML ไม่มีหน้าเว็บอยู่ข้างใน (no HTML part in the MHTML file)")


def _hidden(tag) -> bool:
    attrs = tag.attrs or {}
    if tag.name in _DROP_TAGS:
        return True
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if tag.name == "input" and str(attrs.get("type", "")).lower() == "hidden":
        return True
    if _HIDDEN_STYLE.search(str(attrs.get("style", ""))):
        return True
    if str(attrs.get("role", "")).lower() in _DROP_ROLES:
        return True
    classes = attrs.get("class") or []
    words = " ".join(classes if isinstance(classes, list) else [str(classes)]) + " " + str(attrs.get("id", ""))
    return tag.name not in {"table", "tr", "td", "th", "main", "article", "body"} and bool(_CHROME_WORDS.search(words))


def _drop_chrome(soup) -> None:
    from bs4 import Comment

    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in list(soup.find_all(True)):
        if tag.parent is not None and _hidden(tag):
            tag.decompose()


def _main(soup):
    candidates = soup.find_all(["main", "article"]) + soup.find_all(attrs={"role": "main"})
    if candidates:
        return max(candidates, key=lambda t: len(t.get_text()))
    return soup.body or soup


class _Walker:
    """Inline text gathers into a line; a block element ends it; a table becomes one line per row."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.line: list[str] = []

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.line)).strip()
        if text:
            self.builder.add(text)
        self.line = []

    def walk(self, node, depth: int) -> None:
        from bs4 import NavigableString, Tag

        if depth > MAX_HTML_NESTING:
            raise _TooDeep  # what lies deeper would be lost, and the page read as if it had no text
        for child in node.children:
            if isinstance(child, NavigableString):
                self.line.append(str(child))
            elif isinstance(child, Tag):
                name = child.name
                if name == "table":
                    self.flush()
                    self.builder.blank()
                    for row in _table_rows(child, depth):
                        if any(c.strip() for c in row):
                            self.builder.add("\t".join(row))
                    self.builder.add("")
                elif name == "br":
                    self.flush()
                elif name == "input":
                    self.line.append(_checkbox(child))
                elif name in _BLOCK or name in {"tr", "td", "th"}:
                    self.flush()
                    self.walk(child, depth + 1)
                    self.flush()
                else:
                    self.walk(child, depth + 1)


def _checkbox(tag) -> str:
    kind = str(tag.attrs.get("type", "")).lower()
    if kind not in {"checkbox", "radio"}:
        return " "
    return " ☑ " if "checked" in tag.attrs else " ☐ "


def _cell_lines(cell, depth: int) -> list[str]:
    builder = TextBuilder()
    walker = _Walker(builder)
    walker.walk(cell, depth + 1)
    walker.flush()
    lines = [line.strip().replace("\t", " ") for line in builder.build("", "html").text.split("\n")]
    return [line for line in lines if line]


def _table_rows(table, depth: int) -> list[list[str]]:
    """Rows of cells; a cell spanning columns or rows is written once, the places it covers left empty."""
    rows: list[list[str]] = []
    below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in _rows(table):
        row: list[str] = []
        column = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while below.get(column, 0) > 0:
                below[column] -= 1
                row.append("")
                column += 1
            lines = _cell_lines(cell, depth)
            text = lines[0] if len(lines) == 1 else "<br>".join(html.escape(x, quote=False) for x in lines)
            span = _span(cell, "colspan")
            rowspan = _span(cell, "rowspan")
            for offset in range(span):
                row.append(text if offset == 0 else "")
                if rowspan > 1:
                    below[column + offset] = rowspan - 1
            column += span
        while below.get(column, 0) > 0:
            below[column] -= 1
            row.append("")
            column += 1
        rows.append(row)
    return rows


def _rows(table):
    for child in table.children:
        name = getattr(child, "name", None)
        if name == "tr":
            yield child
        elif name in {"thead", "tbody", "tfoot"}:
            yield from (tr for tr in child.children if getattr(tr, "name", None) == "tr")


def _span(cell, attribute: str) -> int:
    try:
        return max(1, min(int(str(cell.attrs.get(attribute, "1")).strip() or 1), 64))
    except ValueError:
        return 1
