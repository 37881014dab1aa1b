"""The Word reader: DOCX structure, legacy fonts, DOC/RTF through LibreOffice, errors, corpus.

Every input is built here from known text: python-docx documents (legacy ones typed with
``ingest.legacy.encode``), a .doc made from such a document by LibreOffice, an RTF written
byte by byte like the corpus's, and fake LibreOffice binaries that hang or fail.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import olefile
import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from ingest.legacy import encode
from ingest.word import read_doc, read_docx
from models.domain import DocumentText, FileType, PageMethod
from models.errors import ConversionFailed, CorruptFile, PasswordProtected

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
CORPUS = Path(__file__).parents[2].parent / "shared/corpora/legacy-vn"

TITLE = "QUYẾT ĐỊNH"
BODY = "Về việc công nhận sáng kiến của ông Nguyễn Văn Ẩn, trưởng phòng"

# --------------------------------------------------------------------------- builders


def set_font(run, name: str) -> None:
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), name)


def typed(paragraph, text: str, encoding: str | None = None, **fmt) -> None:
    """Add ``text`` to the paragraph as Word stores it when typed in a legacy font."""
    pieces = encode(text, encoding) if encoding else [(text, None)]
    for piece, font in pieces:
        run = paragraph.add_run(piece)
        if font:
            set_font(run, font)
        if fmt.get("bold"):
            run.bold = True
        if fmt.get("size"):
            run.font.size = Pt(fmt["size"])


def save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def all_lines(result: DocumentText):
    return [line for page in result.pages for line in page.lines]


def texts(result: DocumentText) -> list[str]:
    return [line.text for line in all_lines(result)]


NS_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
NS_V = 'xmlns:v="urn:schemas-microsoft-com:vml"'
NS_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'


def textbox_run(text: str) -> str:
    """A run holding a DrawingML text box and its VML fallback copy, as Word writes them."""
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return (
        f'<w:r {nsdecls("w", "wp", "a")} {NS_MC} {NS_V} {NS_WPS}>'
        "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{para}</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{para}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


# --------------------------------------------------------------------------- DOCX structure


def test_paragraphs_styles_bold_and_size() -> None:
    doc = Document()
    doc.add_heading("Tóm tắt sáng kiến", level=1)
    bold_style = doc.styles.add_style("Nhãn đậm", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    doc.add_paragraph("Lĩnh vực áp dụng", style="Nhãn đậm")
    typed(doc.add_paragraph(), "Tên sáng kiến", bold=True, size=14)
    p = doc.add_paragraph()
    typed(p, "Tác giả: ", bold=True)
    typed(p, "Nguyễn Văn A")
    doc.add_paragraph("   ")  # empty paragraphs give no line
    result = read_docx(save(doc), name="a.docx")
    assert result.file_type is FileType.DOCX and result.legacy_encoding is None
    lines = all_lines(result)
    assert [l.text for l in lines] == ["Tóm tắt sáng kiến", "Lĩnh vực áp dụng", "Tên sáng kiến",
                                       "Tác giả: Nguyễn Văn A"]
    assert [l.style for l in lines] == ["Heading 1", "Nhãn đậm", "Normal", "Normal"]
    assert [l.bold for l in lines] == [True, True, True, False]
    assert lines[2].size == 14.0
    assert all(l.part == "body" for l in lines)
    page = result.pages[0]
    assert page.method is PageMethod.WORD and page.number == 1
    assert page.text == "\n".join(l.text for l in lines)


def test_numbering_from_the_paragraph() -> None:
    doc = Document()
    p = doc.add_paragraph("Mục tiêu sáng kiến")
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>'))
    doc.add_paragraph("Không đánh số")
    lines = all_lines(read_docx(save(doc)))
    assert [l.numbering for l in lines] == ["ilvl=1 numId=3", None]


def test_tables_one_line_per_row() -> None:
    doc = Document()
    doc.add_paragraph("Danh sách tác giả")
    table = doc.add_table(rows=2, cols=3)
    for c, text in enumerate(["Số TT", "Họ và tên", "Tỷ lệ (%)"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Trần Thị B"
    table.cell(1, 1).add_paragraph("Giáo viên")
    inner = table.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "60"
    inner.cell(0, 1).text = "%"
    doc.add_paragraph("Sau bảng")
    lines = all_lines(read_docx(save(doc)))
    assert [l.text for l in lines] == [
        "Danh sách tác giả", "Số TT | Họ và tên | Tỷ lệ (%)",
        "1 | Trần Thị B\nGiáo viên | 60\n%", "Sau bảng"]
    assert [l.part for l in lines] == ["body", "table", "table", "body"]


def test_headers_and_footers_open_and_close_page_one() -> None:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    doc.sections[0].footer.paragraphs[0].text = "Mẫu số 01"
    doc.add_paragraph("Trang một")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("Trang hai")
    result = read_docx(save(doc))
    first = result.pages[0].lines
    assert [(l.text, l.part) for l in first] == [
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "header"), ("Trang một", "body"), ("Mẫu số 01", "footer")]
    assert [l.text for l in result.pages[1].lines] == ["Trang hai"]


def test_text_boxes_once_after_their_paragraph() -> None:
    doc = Document()
    p = doc.add_paragraph("Sơ đồ mạng:")
    p._p.append(parse_xml(textbox_run("Máy chủ CSDL")))
    doc.add_paragraph("Tiếp theo")
    lines = all_lines(read_docx(save(doc)))
    assert [(l.text, l.part) for l in lines] == [
        ("Sơ đồ mạng:", "body"), ("Máy chủ CSDL", "textbox"), ("Tiếp theo", "body")]


def test_pages_split_at_explicit_breaks_only() -> None:
    doc = Document()
    doc.add_paragraph("Một")
    p = doc.add_paragraph("Hai trước")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("hai sau")
    doc.add_paragraph("Ba").paragraph_format.page_break_before = True
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("Bốn")
    doc.add_section(WD_SECTION.CONTINUOUS)
    doc.add_paragraph("Vẫn bốn")
    result = read_docx(save(doc))
    assert [p.text for p in result.pages] == ["Một\nHai trước", "hai sau", "Ba", "Bốn\nVẫn bốn"]
    assert [p.number for p in result.pages] == [1, 2, 3, 4]


def test_a_document_without_text_has_one_empty_page() -> None:
    result = read_docx(save(Document()))
    assert len(result.pages) == 1 and result.pages[0].text == ""


def test_macro_enabled_documents_are_read() -> None:
    doc = Document()
    doc.add_paragraph("Văn bản có macro")
    src = zipfile.ZipFile(io.BytesIO(save(doc)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml")
            z.writestr(info, body)
    assert texts(read_docx(buf.getvalue(), name="a.docm")) == ["Văn bản có macro"]


def test_decomposed_text_comes_out_nfc() -> None:
    doc = Document()
    doc.add_paragraph("Vie\u0302\u0323t Nam")
    assert read_docx(save(doc)).pages[0].text == "Việt Nam"


# --------------------------------------------------------------------------- legacy fonts


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_docx_is_converted(encoding: str) -> None:
    doc = Document()
    typed(doc.add_paragraph(), TITLE, encoding, bold=True)
    typed(doc.add_paragraph(), BODY, encoding)
    table = doc.add_table(rows=1, cols=2)
    typed(table.cell(0, 0).paragraphs[0], "Họ và tên", encoding)
    typed(table.cell(0, 1).paragraphs[0], "Chức vụ", encoding)
    typed(doc.sections[0].header.paragraphs[0], "ỦY BAN NHÂN DÂN TỈNH", encoding)
    result = read_docx(save(doc))
    assert texts(result) == ["ỦY BAN NHÂN DÂN TỈNH", TITLE, BODY, "Họ và tên | Chức vụ"]
    assert result.legacy_encoding == encoding
    assert all_lines(result)[1].bold


def test_tcvn3_soft_hyphen_element_is_u_horn() -> None:
    """LibreOffice writes TCVN3 "ư" (0xAD) as <w:softHyphen/>; python-docx as U+00AD."""
    doc = Document()
    run = doc.add_paragraph().add_run("tr")
    set_font(run, ".VnTime")
    run._element.append(OxmlElement("w:softHyphen"))
    run._element.append(parse_xml(f'<w:t {nsdecls("w")}>êng häc</w:t>'))
    plain = doc.add_paragraph().add_run("re\u00adport")  # a real soft hyphen, Unicode font
    set_font(plain, "Times New Roman")
    assert texts(read_docx(save(doc))) == ["trường học", "report"]


def test_legacy_font_from_the_style_and_symbol_codes() -> None:
    doc = Document()
    style = doc.styles.add_style("VnBody", WD_STYLE_TYPE.PARAGRAPH)
    style.font.name = ".VnTime"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), ".VnTime")
    p = doc.add_paragraph("Hµ Néi, ngµy 20 th¸ng 11", style="VnBody")
    sym = parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font=".VnTime" w:char="F0B8"/></w:r>')
    p._p.append(sym)  # "á" inserted as a symbol: private-use code U+F0B8
    bullet = doc.add_paragraph()
    bullet._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="F0B7"/></w:r>'))
    typed(bullet, " Mục tiêu")
    assert texts(read_docx(save(doc))) == ["Hà Nội, ngày 20 tháng 11á", "• Mục tiêu"]


def test_substituted_fonts_are_found_by_content() -> None:
    """Fonts renamed on the way (here: Times New Roman) still hold TCVN3 bytes."""
    doc = Document()
    for text in (TITLE, BODY, "Hội đồng sáng kiến cơ sở đã xét và công nhận"):
        for piece, _ in encode(text, "tcvn3"):
            set_font(doc.add_paragraph().add_run(piece), "Times New Roman")
    result = read_docx(save(doc))
    assert result.legacy_encoding == "tcvn3"
    assert "Về việc công nhận sáng kiến của ông Nguyễn Văn" in result.pages[0].text


def test_unicode_under_old_font_names_is_left_alone() -> None:
    """Re-published documents keep naming .VnTime while holding Unicode."""
    doc = Document()
    for text in ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Tài liệu", "Số cá nhân"):
        set_font(doc.add_paragraph().add_run(text), ".VnTime")
    result = read_docx(save(doc))
    assert texts(result) == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Tài liệu", "Số cá nhân"]
    assert result.legacy_encoding is None


def test_non_vietnamese_text_in_other_fonts_untouched() -> None:
    doc = Document()
    p = doc.add_paragraph()
    typed(p, "Ông Phạm Văn Đồng và ", "tcvn3")
    set_font(p.add_run("Señor Núñez © 2003"), "Times New Roman")
    typed(p, " đã ký", "tcvn3")
    assert texts(read_docx(save(doc))) == ["Ông Phạm Văn Đồng và Señor Núñez © 2003 đã ký"]


# --------------------------------------------------------------------------- errors


def test_not_a_zip_is_corrupt() -> None:
    with pytest.raises(CorruptFile) as info:
        read_docx(b"this is not a word file" * 10, name="x.docx")
    assert info.value.__cause__ is not None


def test_zip_without_document_is_corrupt() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(CorruptFile):
        read_docx(buf.getvalue())


def test_truncated_and_broken_xml_are_corrupt() -> None:
    data = save(Document())
    with pytest.raises(CorruptFile):
        read_docx(data[: len(data) // 2])
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in src.infolist():
            body = src.read(info)
            z.writestr(info, body[:200] if info.filename == "word/document.xml" else body)
    with pytest.raises(CorruptFile):
        read_docx(buf.getvalue())


def test_password_protected_docx() -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml", reason="msoffcrypto-tool not installed")
    doc = Document()
    doc.add_paragraph("Bí mật")
    out = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(save(doc))).encrypt("mat-khau", out)
    with pytest.raises(PasswordProtected):
        read_docx(out.getvalue(), name="khoa.docx")
    with pytest.raises(PasswordProtected):
        read_doc(out.getvalue(), name="khoa.doc")


def test_garbage_doc_is_corrupt_without_calling_libreoffice() -> None:
    for data in (b"\0" * 4096, b"MZ\x90\x00" + b"x" * 1000):
        with pytest.raises(CorruptFile):
            read_doc(data, soffice="/nonexistent/soffice")


# --------------------------------------------------------------------------- LibreOffice fakes


def fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def rtf_bytes(lines: list[str], encoding: str = "tcvn3") -> bytes:
    """An RTF typed in legacy fonts, as 2003-era Word wrote the corpus files."""
    fonts = {".VnTime": 1, ".VnTimeH": 2, "VNI-Times": 3, "Times New Roman": 0}
    out = [(r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
            r"{\f1\fswiss\fcharset0 .VnTime;}{\f2\fswiss\fcharset0 .VnTimeH;}"
            r"{\f3\fswiss\fcharset0 VNI-Times;}}")]
    for line in lines:
        for piece, font in encode(line, encoding):
            escaped = "".join(
                c if c.isascii() and c not in "\\{}" else f"\\'{c.encode('cp1252')[0]:02x}"
                for c in piece)
            out.append(f"{{\\f{fonts[font]} {escaped}}}")
        out.append("\\par\n")
    out.append("}")
    return "".join(out).encode("ascii")


def test_a_valid_rtf_that_libreoffice_cannot_open_fails_conversion(tmp_path: Path) -> None:
    soffice = fake_soffice(tmp_path, "exit 0")  # runs, writes nothing
    with pytest.raises(ConversionFailed):
        read_doc(rtf_bytes(["Xin chào"]), soffice=soffice)
    with pytest.raises(ConversionFailed):
        read_doc(rtf_bytes(["Xin chào"]), soffice=fake_soffice(tmp_path, "exit 3"))
    with pytest.raises(ConversionFailed):
        read_doc(rtf_bytes(["Xin chào"]), soffice=str(tmp_path / "missing"))


def test_a_truncated_rtf_is_corrupt(tmp_path: Path) -> None:
    data = rtf_bytes(["Xin chào", "Cộng hòa"])
    with pytest.raises(CorruptFile):
        read_doc(data[: len(data) // 2], soffice=fake_soffice(tmp_path, "exit 0"))


def test_libreoffice_timeout_kills_the_process_group(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    soffice = fake_soffice(tmp_path, f"sleep 60 &\necho $! > {pid_file}\nwait")
    started = time.monotonic()
    with pytest.raises(ConversionFailed) as info:
        read_doc(rtf_bytes(["Xin chào"]), soffice=soffice, timeout=1.0)
    assert time.monotonic() - started < 10
    assert isinstance(info.value.__cause__, subprocess.TimeoutExpired)
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.05)
    assert not _alive(child), "the grandchild of soffice survived the timeout"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


# --------------------------------------------------------------------------- real LibreOffice

LEGACY_LINES = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", TITLE, BODY]


def _convert(data: bytes, suffix: str, target: str, workdir: Path) -> bytes:
    source = workdir / f"in{suffix}"
    source.write_bytes(data)
    subprocess.run([SOFFICE, f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
                    "--headless", "--convert-to", target, "--outdir", str(workdir), str(source)],
                   check=True, capture_output=True, timeout=180)
    return (workdir / f"in.{target}").read_bytes()


@pytest.fixture(scope="module")
def legacy_doc(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A Word 97-2003 file typed in TCVN3 (title in .VnTimeH, "ư" as 0xAD), made by LibreOffice
    from a python-docx document."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    doc = Document()
    for i, line in enumerate(LEGACY_LINES):
        typed(doc.add_paragraph(), line, "tcvn3", bold=i == 2)
    table = doc.add_table(rows=1, cols=2)
    typed(table.cell(0, 0).paragraphs[0], "Người nộp đơn", "tcvn3")
    typed(table.cell(0, 1).paragraphs[0], "Trưởng phòng", "tcvn3")
    doc.add_paragraph("2003")  # LibreOffice drops a table that ends the document
    return _convert(save(doc), ".docx", "doc", tmp_path_factory.mktemp("legacy-doc"))


@pytest.mark.slow
@needs_soffice
def test_read_doc_converts_legacy_fonts(legacy_doc: bytes) -> None:
    assert legacy_doc.startswith(b"\xd0\xcf\x11\xe0")
    result = read_doc(legacy_doc, name="cu.doc")
    assert result.file_type is FileType.DOC and result.legacy_encoding == "tcvn3"
    assert texts(result) == LEGACY_LINES + ["Người nộp đơn | Trưởng phòng", "2003"]
    assert all_lines(result)[2].bold


@pytest.mark.slow
@needs_soffice
def test_read_rtf(tmp_path: Path) -> None:
    lines = ["THÔNG TƯ", "Hướng dẫn bổ sung quy định về thuế thu nhập doanh nghiệp"]
    result = read_doc(rtf_bytes(lines), name="a.rtf")
    assert result.file_type is FileType.RTF and result.legacy_encoding == "tcvn3"
    assert texts(result) == lines
    vni = read_doc(rtf_bytes(lines, "vni"), name="b.rtf")
    assert texts(vni) == lines and vni.legacy_encoding == "vni"


@pytest.mark.slow
@needs_soffice
def test_parallel_conversions_use_their_own_profiles(legacy_doc: bytes) -> None:
    results: list[DocumentText | BaseException] = []

    def work() -> None:
        try:
            results.append(read_doc(legacy_doc))
        except BaseException as exc:
            results.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert len(results) == 2
    assert all(isinstance(r, DocumentText) and texts(r)[0] == LEGACY_LINES[0] for r in results)


@needs_soffice
def test_encrypted_doc_and_truncated_doc(legacy_doc: bytes, tmp_path: Path) -> None:
    path = tmp_path / "enc.doc"
    path.write_bytes(legacy_doc)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        stream[0x0B] |= 0x01  # FIB.fEncrypted
        ole.write_stream("WordDocument", bytes(stream))
    with pytest.raises(PasswordProtected):
        read_doc(path.read_bytes(), soffice="/nonexistent/soffice")
    with pytest.raises(CorruptFile):
        read_doc(legacy_doc[: len(legacy_doc) // 3], soffice="/nonexistent/soffice")


# --------------------------------------------------------------------------- the real corpus

# Measured with bench/legacy.py (see its docstring): every file below scores 1.000 on case-
# folded diacritic accuracy, except the mixed VNI/TCVN3 document (0.991). The threshold leaves
# room for LibreOffice versions, not for regressions.
CORPUS_FILES = [
    "corpus/public-domain/tcvn3/2003-02144qd.doc",
    "corpus/public-domain/tcvn3/2006-Mau-MD-2M-TNHH1.doc",  # many .VnTimeH headings
    "corpus/public-domain/tcvn3/2004-NghiDinh116_2003.doc",
    "corpus/public-domain/vni/2008-23.QD-991-UBND.doc",
    "corpus/public-domain/vni/2007-Quy-che-chi-tieu-noi-bo-2007.doc",  # VNI-Helve
    "corpus/public-domain/tcvn3/2004-duanLD9820.doc",  # VNI and TCVN3 under one font name
    "corpus/public-domain/tcvn3/2003-A06.rtf",
    "corpus/public-domain/tcvn3/2004-A40.rtf",
    "corpus/synthetic/synthetic-vni-2002-0112qd.docx",
    "corpus/synthetic/synthetic-vni-2004-B1-1-DONTC.docx",
]
THRESHOLD = 0.99


def _truth(path: Path) -> str:
    folder = "ground-truth-synthetic" if "synthetic" in path.parts else "ground-truth"
    return (CORPUS / folder / f"{path.stem}.txt").read_text(encoding="utf-8")


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("relative", CORPUS_FILES, ids=lambda r: Path(r).name)
def test_corpus_diacritic_accuracy(relative: str) -> None:
    """METRIC.md diacritic accuracy, on case-folded text.

    The transcripts keep text typed in TCVN3 capital fonts (.VnTimeH) in lowercase, as its
    bytes are; hoso restores the capitals those fonts display ("QUYẾT ĐỊNH"). Folding case on
    both sides scores the diacritics, which is what the metric is for. Documents without
    capital fonts (VNI) are also held to the case-exact figure.
    """
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (shared/corpora/legacy-vn)")
    bench = pytest.importorskip("bench.legacy")
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"corpus file absent: {path} (shared/corpora/legacy-vn not laid out)")
    data = path.read_bytes()
    result = read_docx(data, name=path.name) if path.suffix == ".docx" else read_doc(data)
    text = "\n".join(page.text for page in result.pages)
    truth = _truth(path)
    folded = bench.score(text.casefold(), truth.casefold())
    assert folded.diacritic_accuracy >= THRESHOLD, folded
    assert result.legacy_encoding in ("tcvn3", "vni")
    if "vni" in relative and "duanLD" not in relative:
        exact = bench.score(text, truth)
        assert exact.diacritic_accuracy >= THRESHOLD, exact
