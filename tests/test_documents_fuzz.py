"""No bytes crash or hang a reader: random and mutated documents end in a DocumentText or a DocumentError."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_data.bench.samples import make_docx
from ita_data.documents import DocumentError, DocumentText, expand, read_document

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _pdf() -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    doc.new_page(200, 200)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _html() -> bytes:
    return "<html><body><nav>เมนู</nav><p>เทศบาลตำบลตัวอย่าง</p><table><tr><td>a</td><td>๑</td></tr></table>".encode()


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (40, 20), 255).save(out, format="PNG")
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def samples(tmp_path_factory, seeds_dir):
    seed = min(seeds_dir.glob("000_*.txt"))
    docx = make_docx(seed, tmp_path_factory.mktemp("fuzz") / "a.docx").read_bytes()
    return {
        "pdf": _pdf(),
        "docx": docx,
        "html": _html(),
        "png": _png(),
        "zip": _zip({"a.txt": b"abc", "b.html": _html()}),
    }


def _read(data: bytes) -> None:
    try:
        result = read_document(data, "fuzz.bin", ocr=False)
    except DocumentError as err:
        assert "fuzz.bin" in str(err)
        return
    assert isinstance(result, DocumentText)


def _mutate(data: bytes, edits: list[tuple[int, int]], cut: int) -> bytes:
    buf = bytearray(data)
    for position, value in edits:
        if buf:
            buf[position % len(buf)] = value
    return bytes(buf[: max(8, len(buf) - cut)]) if cut else bytes(buf)


@given(st.binary(max_size=4096))
@FUZZ
def test_random_bytes_never_crash(data):
    _read(data)


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "png", "zip"])
@given(edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=12), cut=st.integers(0, 4000))
@FUZZ
def test_mutated_documents_never_crash(samples, kind, edits, cut):
    data = _mutate(samples[kind], edits, cut)
    _read(data)
    try:
        for name, member in expand("fuzz.bin", data):
            assert isinstance(member, (bytes, DocumentError)) and name.startswith("fuzz.bin")
    except DocumentError as err:
        assert "fuzz.bin" in str(err)


@given(st.binary(max_size=2048))
@FUZZ
def test_any_bytes_after_a_magic_number_are_refused_or_read(data):
    for magic in (b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"<!DOCTYPE html>"):
        _read(magic + data)


def test_a_zip_bomb_is_refused_from_its_headers():
    bomb = _zip({"big.txt": b"0" * (300 * 2**20)})
    with pytest.raises(DocumentError, match="zip"):
        list(expand("bomb.zip", bomb))


def test_a_zip_with_too_many_members_is_refused():
    many = _zip({f"{i}.txt": b"x" for i in range(1001)})
    with pytest.raises(DocumentError, match="1,001"):
        list(expand("many.zip", many))


def _locked_pdf() -> bytes:
    """A PDF under the standard security handler whose user password is not empty: the check value /U
    does not match the empty password, so a reader must ask for one."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<" % (len(objects) + 1)
        + b"33" * 16
        + b"> <"
        + b"33" * 16
        + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return bytes(out)


def test_an_encrypted_pdf_is_named_and_refused():
    with pytest.raises(DocumentError, match="รหัสผ่าน") as err:
        read_document(_locked_pdf(), "locked.pdf")
    assert "locked.pdf" in str(err.value)


def test_a_pdf_over_the_page_limit_is_refused_fast():
    import time

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(500):
        doc.new_page(100, 100)
    out = io.BytesIO()
    doc.save(out)
    start = time.perf_counter()
    with pytest.raises(DocumentError, match="500"):
        read_document(out.getvalue(), "long.pdf")
    assert time.perf_counter() - start < 5  # refused from the page count, not after reading 500 pages
