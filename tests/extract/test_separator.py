"""Separator sheets: printed by ``separator_pdf``, rendered to images, spoiled like a scan,
read back by the real OCR path (Tesseract and zxing-cpp); their text alone, with OCR slips,
must still be recognised, and no page of the sample dossiers may ever look like one."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from extract.separator import PREFIX, format_code, separator_code, separator_pdf
from ingest.codes import read_codes
from ingest.ocr import OcrOptions, TesseractEngine, ocr_page
from models.domain import Page, PageMethod
from samples.render import Degradation, degrade

TRUTH = Path(__file__).resolve().parents[2] / "samples" / "truth"
DPI = 150


def rendered(pdf: bytes, dpi: int = DPI) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    images = [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    doc.close()
    return images


@pytest.fixture(scope="module")
def sheets() -> bytes:
    return separator_pdf(3, first=41)


def text_of(page: pdfium.PdfPage) -> str:
    return page.get_textpage().get_text_range()


def test_pdf_has_one_a4_sheet_per_code_with_its_text(sheets: bytes) -> None:
    doc = pdfium.PdfDocument(sheets)
    assert len(doc) == 3
    for i, page in enumerate(doc):
        width, height = page.get_size()
        assert (round(width), round(height)) == (595, 842)
        text = text_of(page)
        assert format_code(41 + i) in text and "TỜ PHÂN CÁCH HỒ SƠ" in text
        assert "Đặt tờ này giữa hai hồ sơ khi quét" in " ".join(text.split())
    doc.close()


def test_scanned_sheets_are_found_by_qr_and_by_text(sheets: bytes) -> None:
    engine, options = TesseractEngine(), OcrOptions(searchable_pdf=False)
    for i, image in enumerate(rendered(sheets)):
        scan = degrade(image, Degradation(skew=1.5 - i, noise=0.002, blur=0.5, seed=i), src_dpi=DPI)
        scan.info["dpi"] = (DPI, DPI)
        page = ocr_page(scan, i + 1, engine=engine, options=options).page
        code = format_code(41 + i)
        assert page.codes == (code,)
        assert separator_code(page) == code
        assert separator_code(replace(page, codes=())) == code  # the printed code, OCR'd


def test_read_codes_on_a_full_resolution_scan_and_on_pages_without_codes(sheets: bytes) -> None:
    (big,) = rendered(separator_pdf(1, first=7), dpi=300)
    assert max(big.size) > 3000
    assert read_codes(big) == (format_code(7),)
    assert read_codes(big.convert("RGB").rotate(90, expand=True)) == (format_code(7),)
    blank = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(blank).text((100, 100), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fill=0)
    assert read_codes(blank) == ()
    assert read_codes(Image.new("1", (10, 10))) == ()


@pytest.mark.parametrize("text,code", [
    ("TỜ PHÂN CÁCH HỒ SƠ\nHOSO-SEP-0001", "HOSO-SEP-0001"),
    ("TO PHAN CACH HO SO\n\nHOSO-SEP-OOO1", "HOSO-SEP-0001"),
    ("T0 PHÂN CÁCH H0 SƠ\nH0S0 SEP 00l2\nĐặt tờ này giữa hai hồ sơ", "HOSO-SEP-0012"),
    ("HOSOSEP0123", "HOSO-SEP-0123"),
    ("' HOSO—SEP—0S07 .", "HOSO-SEP-0507"),
    ("TỜ PHÂN CÁCH HỒ SƠ\n\nH??? ~~~\nĐặt tờ này giữa hai hồ sơ khi quét.", PREFIX),
    ("TO PHAN CACH H0 S0", PREFIX),
])
def test_code_from_text_with_ocr_slips(text: str, code: str) -> None:
    assert separator_code(Page(1, text, PageMethod.OCR)) == code


def test_qr_code_of_something_else_is_no_separator() -> None:
    page = Page(1, "Quét mã để tra cứu hồ sơ", PageMethod.OCR,
                codes=("https://dichvucong.gov.vn/tra-cuu?ma=000.00.17.H23-240101-0001",))
    assert separator_code(page) is None
    assert separator_code(replace(page, codes=("HOSO-SEP-0009",))) == "HOSO-SEP-0009"


def test_sample_pages_are_never_separators() -> None:
    count = 0
    for path in sorted(TRUTH.glob("*.json")):
        for f in json.loads(path.read_text(encoding="utf-8"))["files"]:
            for p in f["pages"]:
                count += 1
                assert separator_code(Page(p["number"], p["text"], PageMethod.OCR)) is None, (
                    path.name, f["name"], p["number"])
    assert count >= 40


def test_a_long_page_that_quotes_the_title_is_no_separator() -> None:
    body = "Tổ phân loại hồ sơ tiếp nhận và chuyển cho Hội đồng sáng kiến xem xét. " * 12
    page = Page(1, f"TỜ PHÂN CÁCH HỒ SƠ\n{body}", PageMethod.OCR)
    assert separator_code(page) is None
    assert separator_code(Page(1, "TỔ PHÂN LOẠI HỒ SƠ", PageMethod.OCR)) is None
