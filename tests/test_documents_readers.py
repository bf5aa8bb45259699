"""Each reader on small documents made for the point being tested: what is kept, what is dropped."""

from __future__ import annotations

import io
import zipfile

import pytest
from documents_fixtures import thai_png
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_data.documents import DocumentError, expand, kind_of, read_document, walk
from ita_data.documents.text import normalize_text

# --- normalize_text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("สํานักปลัด\r\nกอง\rคลัง\u200b", "สำนักปลัด\nกอง\nคลัง"),
        ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # ํ ้ า: a tone inside a split sara am
        ("ตัวชี\uf70bวัด", "ตัวชี้วัด"),  # a tone mark from the Private Use Area
        ("ที\uf70a", "ที่"),
        ("การเปิ ดเผย ข้อมูล", "การเปิ ดเผย ข้อมูล"),  # a space after a mark is a word break: kept
        ("ประสิทธิ ์", "ประสิทธิ์"),  # a space before a mark is not
        ("เ ป็น", "เป็น"),
        ("ก\u0e48\u0e34น", "กิ่น"),  # tone typed before its vowel
        ("ประสิทธิ\nภาพ\nดี", "ประสิทธิ\nภาพ\nดี"),  # a line may end after a mark
        ("ประสิทธ\nิภาพ", "ประสิทธิภาพ"),  # but no line starts with one
        ("ราย\tเ\nงาน", "ราย\tเ\nงาน"),  # table rows are never joined
        ("อ ง ค ์ ก า ร ตํ า บ ล", "องค์การตำบล"),  # an OCR layer's letters, one word each
        ("ปี ง บ ป ร ะ ม า ณ พ . ศ . 2568", "ปีงบประมาณพ.ศ. 2568"),
        ("ณ ที่ว่าการ ข้อ ๑ ๒ ๓", "ณ ที่ว่าการ ข้อ ๑ ๒ ๓"),  # one letter alone is a word; digits stay apart
    ],
)
def test_normalize_text_repairs_what_exporters_do_to_thai(raw, clean):
    assert normalize_text(raw) == clean


@given(st.text(alphabet=st.sampled_from(list("กขคงเแไโใ ัิีึืุู่้๊๋์ําำ\n\t\r \u00a0\u200b\uf70a\uf70b\uf710ab1๑")), max_size=60))
@settings(max_examples=300, deadline=None)
def test_normalize_text_twice_is_normalize_text_once(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


# --- kinds are decided by the bytes ------------------------------------------------------------------


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_kind_comes_from_the_bytes_not_the_name():
    assert kind_of(b"%PDF-1.7\n") == "pdf"
    assert kind_of(b"<!DOCTYPE html><html>") == "html"
    assert kind_of("ข้อความ <p>ในเซลล์</p>".encode()) == "txt"  # the seeds' cells carry <p>
    assert kind_of(_docx(lambda d: d.add_paragraph("x"))) == "docx"
    document = read_document("เทศบาลตำบลตัวอย่าง".encode(), "looks-like.pdf")
    assert document.kind == "txt" and document.text == "เทศบาลตำบลตัวอย่าง"


@pytest.mark.parametrize(
    "data, words",
    [
        (b"%PDF-1.4 broken", "PDF"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, ".doc"),
        (b"PK\x03\x04garbage", "zip"),
        (b"\x89PNG\r\n\x1a\nnot an image", "ภาพ"),
    ],
)
def test_a_broken_file_is_one_thai_message_naming_it(data, words):
    with pytest.raises(DocumentError, match=words) as err:
        read_document(data, "ไฟล์เสีย.bin")
    assert str(err.value).startswith("ไฟล์เสีย.bin: ")


# --- Word -------------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run(parent, text, tag="t"):
    from docx.oxml import OxmlElement

    r = OxmlElement("w:r")
    t = OxmlElement(f"w:{tag}")
    t.text = text
    r.append(t)
    parent.append(r)
    return r


def test_word_keeps_insertions_and_content_controls_and_drops_deletions():
    from docx.oxml import OxmlElement

    def build(d):
        p = d.add_paragraph("คะแนนรวม ")
        ins = OxmlElement("w:ins")
        _run(ins, "๙๔.๓๐")
        p._p.append(ins)
        deleted = OxmlElement("w:del")
        _run(deleted, "๕๐.๐๐", tag="delText")
        p._p.append(deleted)
        sdt = OxmlElement("w:sdt")
        content = OxmlElement("w:sdtContent")
        inner = OxmlElement("w:p")
        _run(inner, "องค์การบริหารส่วนตำบลตัวอย่าง")
        content.append(inner)
        sdt.append(content)
        d.element.body.insert(0, sdt)

    text = read_document(_docx(build), "a.docx").text
    assert text.split("\n")[:2] == ["องค์การบริหารส่วนตำบลตัวอย่าง", "คะแนนรวม ๙๔.๓๐"]
    assert "๕๐.๐๐" not in text


def test_word_tables_are_rows_in_document_order_with_a_merged_cell_once():
    def build(d):
        d.add_paragraph("ก่อนตาราง")
        table = d.add_table(rows=3, cols=3)
        table.cell(0, 0).text = "หัวข้อ"
        table.cell(0, 1).merge(table.cell(0, 2)).text = "คะแนน"
        table.cell(1, 0).merge(table.cell(2, 0)).text = "ตัวชี้วัดที่ ๑"
        table.cell(1, 1).text = "ก"
        table.cell(1, 2).text = "๑๐๐.๐๐"
        cell = table.cell(2, 1)
        cell.text = "บรรทัดหนึ่ง"
        cell.add_paragraph("บรรทัด <สอง> & สาม")
        table.cell(2, 2).text = "๙๐"
        d.add_paragraph("หลังตาราง")

    lines = read_document(_docx(build), "t.docx").text.split("\n")
    assert lines == [
        "ก่อนตาราง",
        "",
        "หัวข้อ\tคะแนน\t",
        "ตัวชี้วัดที่ ๑\tก\t๑๐๐.๐๐",
        "\tบรรทัดหนึ่ง<br>บรรทัด &lt;สอง&gt; &amp; สาม\t๙๐",
        "",
        "หลังตาราง",
    ]


def test_a_word_cell_comes_back_through_the_report_parser_as_its_lines():
    from ita_data.documents.text import strip_html

    cell = "บรรทัดหนึ่ง<br>บรรทัด &lt;สอง&gt; &amp; สาม"
    assert strip_html(cell) == "บรรทัดหนึ่ง\nบรรทัด <สอง> & สาม"


# --- web pages -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>t</title><style>p{color:red}</style>
<script>var x = "ปีงบประมาณ พ.ศ. ๒๕๕๐";</script></head><body>
<header>เว็บไซต์ เทศบาลตำบลอื่น</header><nav><a>หน้าหลัก</a></nav>
<div class="sidebar-menu">เมนู ปีงบประมาณ พ.ศ. ๒๕๕๑</div>
<main><h1>รายงานการวิเคราะห์ผลการประเมิน</h1><p>เทศบาลตำบล<b>ตัวอย่าง</b> ปีงบประมาณ พ.ศ. ๒๕๖๖</p>
<p hidden>ซ่อน ๑</p><p style="display: none">ซ่อน ๒</p><span aria-hidden="true">ซ่อน ๓</span>
<table><tr><th>ตัวชี้วัด</th><th colspan="2">คะแนน</th></tr>
<tr><td rowspan="2">๑</td><td>ก<br>ข</td><td><input type="checkbox" checked> ดำเนินการแล้ว</td></tr>
<tr><td>ค</td><td><input type="checkbox"> ยังไม่ได้</td></tr></table>
</main><footer>ติดต่อ ปีงบประมาณ พ.ศ. ๒๕๕๒</footer>
<div id="chat-widget">แชท</div></body></html>"""


def test_a_web_page_keeps_its_main_text_and_tables_and_drops_the_rest():
    text = read_document(PAGE.encode(), "page.html").text
    assert text.split("\n") == [
        "รายงานการวิเคราะห์ผลการประเมิน",
        "เทศบาลตำบลตัวอย่าง ปีงบประมาณ พ.ศ. ๒๕๖๖",
        "",
        "ตัวชี้วัด\tคะแนน\t",
        "๑\tก<br>ข\t☑ ดำเนินการแล้ว",
        "\tค\t☐ ยังไม่ได้",
    ]
    for gone in ("๒๕๕", "ซ่อน", "แชท", "หน้าหลัก", "color"):
        assert gone not in text


def test_a_web_page_in_tis620_is_read_by_its_declared_charset():
    page = '<html><head><meta charset="tis-620"></head><body><p>องค์การบริหารส่วนตำบล</p></body></html>'
    assert read_document(page.encode("cp874"), "old.htm").text == "องค์การบริหารส่วนตำบล"


# --- archives and folders -------------------------------------------------------------------------


def _zip(members: dict[str, bytes], flag_utf8: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_a_zip_yields_its_documents_and_the_zips_inside_it():
    inner = _zip({"b.txt": "บี".encode()})
    outer = _zip({"a.txt": "เอ".encode(), "sub/inner.zip": inner, "__MACOSX/._a.txt": b"x", "sub/": b""})
    got = [(name, data) for name, data in expand("all.zip", outer)]
    assert got == [("all.zip/a.txt", "เอ".encode()), ("all.zip/sub/inner.zip/b.txt", "บี".encode())]


def test_a_zip_member_named_in_thai_by_windows_keeps_its_thai_name():
    thai = "รายงาน".encode("cp874")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("X" * len(thai) + ".txt", b"abc")  # an ASCII name: no UTF-8 flag, as old Windows zips
    data = out.getvalue().replace(b"X" * len(thai), thai)
    [(name, _)] = list(expand("th.zip", data))
    assert name == "th.zip/รายงาน.txt"


def test_a_folder_is_walked_in_name_order_skipping_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("สอง", encoding="utf-8")
    (tmp_path / "1.txt").write_text("หนึ่ง", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    names = [name for name, _ in walk([tmp_path])]
    assert names == [f"{tmp_path.name}/1.txt", f"{tmp_path.name}/b/2.txt"]


def test_a_missing_path_is_an_entry_that_says_so(tmp_path):
    [(_name, error)] = list(walk([tmp_path / "nope.pdf"]))
    assert isinstance(error, DocumentError) and "ไม่พบไฟล์" in str(error)


# --- scans ---------------------------------------------------------------------------------------


def test_an_image_is_read_by_ocr_and_every_line_is_marked_so():
    document = read_document(thai_png(["องค์การบริหารส่วนตำบลบ้านกล้วย", "Integrity and Transparency"]), "scan.png")
    assert document.kind == "image"
    assert "บ้านกล้วย" in document.text and "Transparency" in document.text
    lines = document.text.split("\n")
    assert document.ocr_lines == frozenset(range(1, len(lines) + 1))
    assert document.page_of_line(1) == 1 and document.page_image(1).startswith(b"\x89PNG")
    assert any("OCR" in w for w in document.warnings)


def test_without_ocr_a_scan_is_left_unread_and_said_so():
    document = read_document(thai_png(["ทดสอบ"]), "scan.png", ocr=False)
    assert document.text == "" and document.pages_unread == (1,) and not document.complete


def test_a_searchable_pdf_from_a_scanner_counts_as_ocr(tmp_path):
    """Tesseract's own "searchable PDF": the page image with its OCR as invisible text over it."""
    import subprocess

    png = tmp_path / "page.png"
    png.write_bytes(thai_png(["องค์การบริหารส่วนตำบลบ้านกล้วย", "ปีงบประมาณ พ.ศ. 2568"]))
    subprocess.run(
        ["tesseract", str(png), str(tmp_path / "searchable"), "-l", "tha+eng", "pdf"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    document = read_document((tmp_path / "searchable.pdf").read_bytes(), "searchable.pdf")
    assert "บ้านกล้วย" in document.text
    assert document.ocr_pages == frozenset({1})
    assert document.ocr_lines == frozenset(range(1, len(document.text.split("\n")) + 1))


def test_thai_in_an_old_8bit_font_is_read_back_from_its_latin_letters():
    from ita_data.documents.pdf import _latin_thai

    assert _latin_thai("การประเมินคุณธรรม".encode("cp874").decode("cp1252")) == "การประเมินคุณธรรม"
    assert _latin_thai("Café à la crème") == "Café à la crème"
    assert _latin_thai("ข้อ ๑ ¡ÒÃ") == "ข้อ ๑ ¡ÒÃ"  # a line with Thai in it is Thai already
