"""Image files: TIFF frames as pages, EXIF orientation, bombs and broken files refused."""

from __future__ import annotations

import io
import struct
import time
import zlib

import pdfplumber
import pytest
from PIL import Image

from ingest.images import read_image
from ingest.ocr import OcrOptions, OcrResult, TesseractEngine
from models.domain import FileType
from models.errors import CorruptFile, ImageTooLarge, OcrTimeout, TooManyPages, UnsupportedType
from samples.render import Block, draw, layout_pages
from samples.truth import cer

DPI = 200
PAGES = [
    [Block("GIẤY XÁC NHẬN ÁP DỤNG SÁNG KIẾN", "title"),
     Block("Trường Mầm non Hoa Sen xác nhận bà Tạ Thị Kim Oanh đã áp dụng sáng kiến "
           "Làm đồ chơi từ vật liệu tái chế cho trẻ mẫu giáo tại đơn vị từ tháng 9 năm 2023.")],
    [Block("BIÊN BẢN HỌP XÉT SÁNG KIẾN", "title"),
     Block("Hội đồng sáng kiến cơ sở họp ngày 15 tháng 5 năm 2024, có mặt bảy trên bảy thành "
           "viên, thống nhất đề nghị công nhận sáng kiến với số phiếu tuyệt đối.")],
    [Block("PHỤ LỤC MINH CHỨNG", "title"),
     Block("Ảnh chụp sản phẩm, bảng số liệu khảo sát phụ huynh và danh sách lớp áp dụng thử "
           "được đính kèm theo hồ sơ này để Hội đồng xem xét.")],
]
ENGINE = TesseractEngine()


def rendered(i: int) -> tuple[str, Image.Image]:
    layout = layout_pages(PAGES[i], dpi=DPI)[0]
    return layout.text, draw(layout)


class CountingEngine:
    """Implements OcrEngine without Tesseract; fails on chosen calls."""

    def __init__(self, fail_on: set[int] = frozenset()) -> None:  # type: ignore[assignment]
        self.fail_on = fail_on
        self.calls: list[Image.Image] = []

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        self.calls.append(image)
        if len(self.calls) in self.fail_on:
            raise OcrTimeout("fake: too slow")
        return OcrResult("chữ", 90.0, None)


def tiff(images: list[Image.Image], **kw: object) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, "TIFF", save_all=True, append_images=images[1:], dpi=(DPI, DPI), **kw)
    return buf.getvalue()


def encoded(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


@pytest.mark.slow
def test_multipage_bilevel_tiff_gives_every_page_and_a_searchable_pdf() -> None:
    texts, images = zip(*(rendered(i) for i in range(3)))
    bilevel = [im.point(lambda v: 255 if v > 150 else 0).convert("1") for im in images]
    doc = read_image(tiff(bilevel, compression="group4"), name="quet.tif", engine=ENGINE,
                     options=OcrOptions(workers=2))
    assert doc.file_type is FileType.IMAGE and [p.number for p in doc.pages] == [1, 2, 3]
    for truth, page in zip(texts, doc.pages):
        assert cer(truth, page.text) <= 0.03 and page.ocr
    assert doc.problems == () and doc.mean_confidence and doc.mean_confidence > 80
    assert doc.searchable_pdf is not None
    with pdfplumber.open(io.BytesIO(doc.searchable_pdf)) as pdf:
        assert len(pdf.pages) == 3
        layer = [p.extract_text() for p in pdf.pages]
    assert "XÁC NHẬN" in layer[0] and "BIÊN BẢN" in layer[1] and "MINH CHỨNG" in layer[2]


def test_exif_orientation_is_honoured() -> None:
    truth, page = rendered(0)
    stored = page.rotate(90, expand=True)  # what a phone held sideways stores...
    exif = Image.Exif()
    exif[0x0112] = 6  # ...and the tag that says: turn 90° clockwise to view
    data = encoded(stored, "JPEG", quality=90, exif=exif.tobytes(), dpi=(DPI, DPI))
    # orientation detection off: only the EXIF tag can make this page upright
    doc = read_image(data, name="anh.jpg", engine=ENGINE,
                     options=OcrOptions(orientation=False, searchable_pdf=False))
    assert cer(truth, doc.pages[0].text) <= 0.03


def test_a_failed_page_keeps_its_image_in_the_pdf() -> None:
    images = [rendered(i)[1] for i in range(3)]
    engine = CountingEngine(fail_on={2})
    doc = read_image(tiff(images, compression="tiff_lzw"), name="a.tif", engine=engine,
                     options=OcrOptions())
    assert [p.text for p in doc.pages] == ["chữ", "", "chữ"]
    assert [(p.code, p.page) for p in doc.problems] == [("ocr_timeout", 2)]
    with pdfplumber.open(io.BytesIO(doc.searchable_pdf or b"")) as pdf:
        assert len(pdf.pages) == 3 and all(len(p.images) == 1 for p in pdf.pages)
        assert abs(pdf.pages[0].width - 8.27 * 72) < 2  # physical size from the DPI


@pytest.mark.parametrize("mode", ["RGBA", "P", "LA", "I;16", "CMYK"])
def test_odd_modes_are_read(mode: str) -> None:
    img = rendered(0)[1].convert("RGB").convert(mode) if mode != "I;16" else \
        rendered(0)[1].convert("I").convert("I;16")
    fmt = "JPEG" if mode == "CMYK" else "PNG" if mode != "I;16" else "TIFF"
    doc = read_image(encoded(img, fmt), engine=CountingEngine(), options=OcrOptions())
    assert len(doc.pages) == 1 and doc.meta["format"] == fmt


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def test_decompression_bomb_refused_before_decoding() -> None:
    engine = CountingEngine()
    start = time.perf_counter()
    with pytest.raises(ImageTooLarge):
        read_image(png_claiming(100_000, 100_000), name="bom.png", engine=engine,
                   options=OcrOptions())
    assert time.perf_counter() - start < 1 and engine.calls == []


def test_own_pixel_limit() -> None:
    data = encoded(Image.new("L", (1000, 1000), 255), "PNG")
    with pytest.raises(ImageTooLarge):
        read_image(data, engine=CountingEngine(), options=OcrOptions(), max_pixels=999_999)
    frames = tiff([Image.new("L", (100, 100)), Image.new("L", (2000, 2000))])
    engine = CountingEngine()
    with pytest.raises(ImageTooLarge):  # a big later frame refuses the file before any OCR
        read_image(frames, engine=engine, options=OcrOptions(), max_pixels=1_000_000)
    assert engine.calls == []


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_truncated_files_are_corrupt(fmt: str) -> None:
    data = encoded(rendered(1)[1], fmt)
    with pytest.raises(CorruptFile):
        read_image(data[: len(data) // 2], name=f"cut.{fmt.lower()}", engine=CountingEngine(),
                   options=OcrOptions())


def test_garbage_is_corrupt() -> None:
    with pytest.raises(CorruptFile):
        read_image(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 50, engine=CountingEngine(),
                   options=OcrOptions())


def test_too_many_pages() -> None:
    frames = tiff([Image.new("1", (50, 50), 1)] * 4)
    with pytest.raises(TooManyPages):
        read_image(frames, engine=CountingEngine(), options=OcrOptions(), max_pages=3)


def test_unsupported_image_format() -> None:
    with pytest.raises(UnsupportedType):
        read_image(encoded(Image.new("L", (40, 40)), "PPM"), engine=CountingEngine(),
                   options=OcrOptions())
