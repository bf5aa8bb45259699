"""Files an outside organisation could send to take a server down, made on disk as the tests need them:
a PDF whose one page inflates to gigabytes, a Word file of hundreds of megabytes of paragraphs, zips of
zips, a very large image, deeply nested HTML. Each is written in pieces: making one never holds it whole.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

MB = 2**20


def pdf_bomb(path: Path, inflated: int = 2 * 2**30) -> Path:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes (about 1/1000 of it on disk)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (16 * MB)
    parts = []
    left = inflated
    while left > 0:
        piece = chunk if left >= len(chunk) else chunk[:left]
        parts.append(packer.compress(piece))
        left -= len(piece)
    parts.append(packer.flush())
    body = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    return _write_pdf(path, objects)


def _write_pdf(path: Path, objects: list[bytes]) -> Path:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_of_paragraphs(path: Path, xml_bytes: int = 190 * MB) -> Path:
    """A Word file whose body is ``xml_bytes`` of short numbered paragraphs (compressing about 65 times,
    well under the ratio a zip bomb check refuses)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
            part.write(head.encode())
            written, number = len(head), 0
            while written < xml_bytes:
                block = "".join(
                    f"<w:p><w:r><w:t>ย่อหน้าที่ {n // 5 * 7919 % 100003} ของรายงาน</w:t></w:r></w:p>"
                    for n in range(number, number + 10_000)
                ).encode()
                part.write(block)
                written += len(block)
                number += 10_000
            part.write(b"</w:body></w:document>")
    return path


def zip_of_zips(path: Path, inner: int = 25, inner_unpacked: int = 475 * MB, member: int = 19 * MB) -> Path:
    """A zip of ``inner`` zips, each unpacking to ``inner_unpacked`` bytes in members of ``member`` bytes
    (each inner zip alone within a 500 MB budget and a compression ratio under 200)."""
    pattern = bytes(range(256)) * 4  # compresses about 150 times: under the ratio check
    members = max(1, inner_unpacked // member)
    piece = (pattern * (member // len(pattern) + 1))[:member]
    one = io.BytesIO()
    with zipfile.ZipFile(one, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for n in range(members):
            zf.writestr(f"report-{n:03d}.txt", piece[:-8] + b"%08d" % n)
    data = one.getvalue()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as outer:
        for n in range(inner):
            outer.writestr(f"province-{n:02d}.zip", data)
    return path


def large_png(path: Path, width: int = 20_000, height: int = 10_000) -> Path:
    """A plain white PNG of ``width`` × ``height`` pixels, a few hundred kilobytes on disk."""
    import struct

    raw_row = b"\x00" + b"\xff" * width  # filter byte, then gray pixels
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(raw_row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


def nested_html(path: Path, depth: int = 50_000) -> Path:
    """A web page whose one line of report text sits under ``depth`` nested tags."""
    text = "รายงานผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2567 คะแนนรวม 90.00"
    path.write_text("<html><body>" + "<div>" * depth + text + "</div>" * depth + "</body></html>", encoding="utf-8")
    return path
