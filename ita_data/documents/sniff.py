"""Which kind of document some bytes are, from the bytes themselves (a file's name can say anything)."""

from __future__ import annotations

import io
import re
import zipfile

_HTML_START = re.compile(rb"^\s*<(?:!doctype\s+html|html|head|meta|body|title|!--)", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(?:html|body|head|table|div|p|meta)\b", re.IGNORECASE)
_MHTML = re.compile(rb"^(?:[\x21-\x7e]+:[^\n]*\r?\n)*?MIME-Version:", re.IGNORECASE)


def kind_of(data: bytes) -> str:
    """'pdf', 'docx', 'zip', 'html', 'mhtml', 'image', 'office' (another Office format), 'binary' or 'txt'."""
    head = data[:8192]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if b"%PDF-" in head[:1024]:  # some producers put junk before the header; readers accept 1 KB of it
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "office"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return "binary"
    if _MHTML.match(head) and b"multipart/related" in head.lower():
        return "mhtml"
    if _HTML_START.match(head) or (head.lstrip()[:1] == b"<" and _HTML_TAGS.search(head)):
        return "html"
    return "txt"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except Exception:  # noqa: BLE001 - any damage: the archive reader names it
        return "zip"  # the archive reader says what is wrong with it
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names or "content.xml" in names:
        return "office"
    return "zip"
