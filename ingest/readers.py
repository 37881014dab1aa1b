"""One table: what a file really is -> the function that reads it.

Every reader takes the file's bytes, its name (for messages) and a ``ReadContext`` (OCR
engine, options, limits) and returns a ``DocumentText``, or raises a ``models.errors``
error for the file as a whole. A bad *page* is never an exception: readers record it as a
``Problem`` on that page and carry on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ingest.images import read_image
from ingest.ocr import OcrEngine, OcrOptions
from ingest.pdf import read_pdf
from ingest.word import read_doc, read_docx
from models.domain import DocumentText, FileType
from models.errors import UnsupportedType


@dataclass(frozen=True)
class ReadContext:
    engine: OcrEngine
    ocr: OcrOptions
    max_pages: int = 2000
    max_image_pixels: int = 200_000_000
    soffice_timeout_s: float = 180.0


Reader = Callable[[bytes, str, ReadContext], DocumentText]


def _pdf(data: bytes, name: str, ctx: ReadContext) -> DocumentText:
    return read_pdf(data, name=name, engine=ctx.engine, options=ctx.ocr, max_pages=ctx.max_pages)


def _docx(data: bytes, name: str, ctx: ReadContext) -> DocumentText:
    return read_docx(data, name=name)


def _doc(data: bytes, name: str, ctx: ReadContext) -> DocumentText:
    return read_doc(data, name=name, timeout=ctx.soffice_timeout_s)


def _image(data: bytes, name: str, ctx: ReadContext) -> DocumentText:
    return read_image(data, name=name, engine=ctx.engine, options=ctx.ocr,
                      max_pixels=ctx.max_image_pixels, max_pages=ctx.max_pages)


READERS: dict[FileType, Reader] = {
    FileType.PDF: _pdf,
    FileType.DOCX: _docx,
    FileType.DOC: _doc,
    FileType.RTF: _doc,  # LibreOffice reads RTF the same way
    FileType.IMAGE: _image,
}


def reader_for(file_type: FileType) -> Reader:
    try:
        return READERS[file_type]
    except KeyError:
        raise UnsupportedType(f"no reader for {file_type}") from None
