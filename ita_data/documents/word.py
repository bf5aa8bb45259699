"""Word (.docx): the body in document order, tables as tab-separated rows, tracked changes as accepted.

The body is read as a stream, one top-level paragraph or table at a time, within a budget: the part that
holds it may unpack to at most ``MAX_DOCX_BODY`` bytes (its size as the zip states it, which is also the
most the zip reader will ever give); images and the other parts are never unpacked.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile

from ita_data import labels

from .archive import check_zip, open_zip
from .errors import DocumentError, mb
from .limits import MAX_DOCX_BODY, MAX_DOCX_XML
from .model import DocumentText, TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_RELS = 2**20
MAIN_PART = "word/document.xml"

# Text that a reader of the document does not see: deleted or moved-away revisions, field codes,
# the fallback copy of a drawing that the "Choice" copy already holds.
_HIDDEN = {
    f"{W}del",
    f"{W}moveFrom",
    f"{W}delText",
    f"{W}instrText",
    f"{MC}Fallback",
    f"{W}rPrChange",
    f"{W}pPrChange",
    f"{W}delInstrText",
}
_TRANSPARENT = {
    f"{W}sdt",
    f"{W}sdtContent",
    f"{W}ins",
    f"{W}moveTo",
    f"{W}customXml",
    f"{W}smartTag",
    f"{W}hyperlink",
    f"{W}fldSimple",
    f"{W}bdo",
    f"{W}dir",
}


def read_docx(data: bytes, name: str) -> DocumentText:
    from lxml import etree

    builder = TextBuilder()
    with open_zip(data, name) as zf:
        check_zip(zf, name, max_total=MAX_DOCX_XML)
        part = _main_part(zf, name)
        try:
            info = zf.getinfo(part)
        except KeyError:
            raise DocumentError(labels.DOCX_NOT_A_PACKAGE.format(name=name, reason=f"no {part}")) from None
        if info.file_size > MAX_DOCX_BODY:
            raise DocumentError(
                labels.DOCX_PART_TOO_LARGE.format(
                    name=name, part=part, size=mb(info.file_size), limit=mb(MAX_DOCX_BODY)
                )
            )
        try:
            with zf.open(info) as stream:
                _read_body(stream, builder)
        except etree.XMLSyntaxError as err:
            reason = str(err)[:200]
            if "depth" in reason.lower():
                raise DocumentError(labels.DOCX_TOO_DEEP.format(name=name, reason=reason)) from None
            raise DocumentError(labels.DOCX_DAMAGED.format(name=name, reason=reason)) from None
        except (zipfile.BadZipFile, EOFError, OSError) as err:
            raise DocumentError(labels.DOCX_DAMAGED.format(name=name, reason=err)) from None
    return builder.build(name, "docx", warnings=[], page_count=0)


def _main_part(zf: zipfile.ZipFile, name: str) -> str:
    """The part the package's relationships name as the document (Word's own ``word/document.xml``)."""
    from lxml import etree

    try:
        info = zf.getinfo("_rels/.rels")
    except KeyError:
        return MAIN_PART
    if info.file_size > MAX_RELS:
        return MAIN_PART
    try:
        with zf.open(info) as stream:
            root = etree.fromstring(stream.read(MAX_RELS), _parser())
    except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError, ValueError):
        return MAIN_PART
    for rel in root.iter(f"{RELATIONSHIPS}Relationship"):
        if str(rel.get("Type", "")).endswith("/officeDocument") and rel.get("TargetMode") != "External":
            target = posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
            if target in zf.namelist():
                return target
    return MAIN_PART


def _parser():
    from lxml import etree

    # No entity is expanded and nothing is fetched; a DTD is not loaded.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _read_body(stream, builder: TextBuilder) -> None:
    """Each child of ``w:body`` read when it ends, then dropped: memory holds one paragraph or table."""
    from lxml import etree

    rows: list[str] = []  # paragraphs in a row that hold tabs (``_block``)
    depth = 0
    events = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    for event, element in events:
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if depth != 2:
            continue
        parent = element.getparent()
        if parent is not None and parent.tag == f"{W}body":
            _block(element, builder, rows)
        element.clear(keep_tail=True)
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
    _flush_rows(rows, builder)


_TAB = "\x00"  # a tab in a paragraph, until it is known whether it lines up a row of a table typed with tabs


def _blocks(parent, builder: TextBuilder) -> None:
    rows: list[str] = []
    for child in parent.iterchildren():
        _block(child, builder, rows)
    _flush_rows(rows, builder)


def _block(child, builder: TextBuilder, rows: list[str]) -> None:
    """One block of a body or container; ``rows`` gathers paragraphs in a row that hold tabs (a table
    typed with tabs, one row each) until a block of another kind ends them."""
    tag = child.tag
    if tag == f"{W}p":
        text = _paragraph_text(child, tabs=True)
        if _TAB in text and "\n" not in text.strip():
            rows.append(_cells(text, _has_tab_stops(child)))
            return
        _flush_rows(rows, builder)
        builder.add(text.replace(_TAB, " "))
        return
    _flush_rows(rows, builder)
    if tag == f"{W}tbl":
        builder.blank()
        for row in _table_rows(child):
            if any(cell.strip() for cell in row):
                builder.add("\t".join(row))
        builder.add("")  # a table ends like a page: the parser keeps the next rows apart
    elif tag in _TRANSPARENT:
        _blocks(child, builder)
    # section properties, bookmarks and the like carry no text


def _flush_rows(rows: list[str], builder: TextBuilder) -> None:
    """Two or more paragraphs in a row with tabs are the rows of a table; one alone is a line whose tab
    only aligns its words."""
    if len(rows) >= 2:
        builder.blank()
        for row in rows:
            builder.add(row)
        builder.add("")
    else:
        for row in rows:
            builder.add(row.replace("\t", " ").strip())
    rows.clear()


def _has_tab_stops(p) -> bool:
    """Whether the paragraph sets its own tab stops (one per column) rather than Word's default ones."""
    props = p.find(f"{W}pPr")
    return props is not None and props.find(f"{W}tabs") is not None


def _cells(text: str, own_stops: bool) -> str:
    """A typed row's cells: with tab stops of its own each tab moves to the next column; on the default
    stops a typist presses tab until the text lines up, so a run of tabs is one move."""
    text = text.strip(" ")
    if not own_stops:
        text = re.sub(f"{_TAB}+", _TAB, text)
    return text.replace(_TAB, "\t")


def _paragraph_text(p, tabs: bool = False) -> str:
    parts: list[str] = []
    _runs(p, parts, tabs)
    return "".join(parts)


def _runs(element, parts: list[str], tabs: bool = False) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _HIDDEN or tag == f"{W}pPr":
            continue  # (a paragraph's properties hold its tab stops, which are not tabs)
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            # a tab aligns text; in our text a tab separates table cells, so it stays marked until the
            # paragraphs around it say whether it does
            parts.append(_TAB if tabs and tag == f"{W}tab" else " ")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}tbl":  # a table inside a text box or a cell: its cells as one line each
            for row in _table_rows(child):
                parts.append("\n" + " ".join(c for c in row if c))
            parts.append("\n")
        elif tag == f"{W}p":
            if parts and not parts[-1].endswith("\n"):
                parts.append("\n")
            _runs(child, parts)
        else:
            _runs(child, parts, tabs)


def _table_rows(tbl) -> list[list[str]]:
    rows = []
    for tr in _children(tbl, f"{W}tr"):
        cells: list[str] = []
        for tc in _children(tr, f"{W}tc"):
            props = tc.find(f"{W}tcPr")
            span, continued = 1, False
            if props is not None:
                grid = props.find(f"{W}gridSpan")
                if grid is not None:
                    try:
                        span = max(1, min(int(grid.get(f"{W}val", "1")), 64))
                    except ValueError:
                        span = 1
                merge = props.find(f"{W}vMerge")
                continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
            cells.append("" if continued else _cell_text(tc))
            cells.extend([""] * (span - 1))  # a merged cell once; its other columns stay in place
        rows.append(cells)
    return rows


def _children(element, tag: str):
    """Children with that tag, looking through content controls and revision marks."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _cell_text(tc) -> str:
    parts: list[str] = []
    for child in tc.iterchildren():
        if child.tag == f"{W}tcPr" or child.tag in _HIDDEN:
            continue
        text = _paragraph_text(child) if child.tag == f"{W}p" else _nested(child)
        parts.extend(line.strip() for line in text.split("\n"))
    paragraphs = [p.replace("\t", " ") for p in parts if p]
    if len(paragraphs) <= 1:
        return paragraphs[0] if paragraphs else ""
    return "<br>".join(html.escape(p, quote=False) for p in paragraphs)


def _nested(element) -> str:
    parts: list[str] = []
    _runs(element, parts)
    return "".join(parts)
