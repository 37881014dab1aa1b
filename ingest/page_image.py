"""One page of a stored file as a PNG, for the page viewer (scans and PDFs; Word files have no
pages of their own to show)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image

from ingest.images import decode_frame
from ingest.triage import triage
from models.domain import FileType
from models.errors import CorruptFile, NotFound

MAX_WIDTH = 2400


def page_png(data: bytes, name: str, number: int, *, width: int = 1200) -> bytes:
    """Page ``number`` (1-based) of a PDF or image file, ``width`` pixels wide, as PNG."""
    width = max(100, min(MAX_WIDTH, width))
    kind = triage(data, name)
    if kind == FileType.PDF:
        image = _pdf_page(data, number, width)
    elif kind == FileType.IMAGE:
        image = _image_page(data, number)
    else:
        raise NotFound(f"{name}: {kind.value} has no page images",
                       message="Tệp Word không có ảnh trang; hãy xem văn bản của tệp.")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


def _pdf_page(data: bytes, number: int, width: int) -> Image.Image:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptFile(str(exc)) from exc
    try:
        if not 1 <= number <= len(pdf):
            raise _no_page(number)
        page = pdf[number - 1]
        scale = width / max(1.0, page.get_width())
        return page.render(scale=scale).to_pil()
    finally:
        pdf.close()


def _image_page(data: bytes, number: int) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        count = getattr(image, "n_frames", 1)
        if not 1 <= number <= count:
            raise _no_page(number)
        return decode_frame(image, number - 1).convert("RGB")
    except (OSError, ValueError) as exc:
        raise CorruptFile(str(exc)) from exc


def _no_page(number: int) -> NotFound:
    return NotFound(f"no page {number}", message=f"Tệp không có trang {number}.")
