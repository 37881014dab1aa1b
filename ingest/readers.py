"""One table: what a file really is -> the function that reads it.

Every reader takes the file's bytes, its name (for messages) and a ``ReadContext`` (OCR
engine, options, limits) and returns a ``DocumentText``, or raises a ``models.errors``
error for the file as a whole. A bad *page* is never an exception: readers record it as a
``Problem`` on that page and carry on.

Files whose pages are OCR'd (scanned PDFs, images) can also be read in three steps, so that
the OCR of a long scan is spread over workers (``ingest.jobs``):

    survey          which pages need OCR, at what DPI (a PDF's text layer is read here)
    ocr_part        OCR some of those pages -> an ``OcrPart`` (one chunk, on any worker)
    read_surveyed   the whole file, given the parts already OCR'd (any page not in them
                    is OCR'd there and then; with no parts, it is the one-pass read)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ingest.images import ocr_image_pages, read_image, survey_image
from ingest.ocr import OcrEngine, OcrOptions, OcrPart
from ingest.pdf import PdfLayer, ocr_pdf_pages, read_pdf, read_text_layer
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


# ---------------------------------------------------------------------------- in parts


@dataclass(frozen=True)
class Survey:
    """A file before any OCR: its type, its pages (0 when unknown before reading: Word
    files), and the pages that need OCR with the DPI to rasterise each at (0: an image
    frame, read at its own resolution)."""

    file_type: FileType
    pages: int
    ocr: Mapping[int, int]
    layer: PdfLayer | None = field(default=None, repr=False)  # a PDF's text layer, read once


def survey(file_type: FileType, data: bytes, name: str, ctx: ReadContext) -> Survey:
    """Raises the reader's ``BadInput`` errors for a file that cannot be read at all."""
    if file_type is FileType.PDF:
        layer = read_text_layer(data, name=name, max_pages=ctx.max_pages)
        return Survey(file_type, layer.count, dict(layer.ocr), layer)
    if file_type is FileType.IMAGE:
        info = survey_image(data, name=name, max_pixels=ctx.max_image_pixels,
                            max_pages=ctx.max_pages)
        return Survey(file_type, info.pages, dict.fromkeys(range(1, info.pages + 1), 0))
    reader_for(file_type)  # an unknown type fails here, as it would when read
    return Survey(file_type, 0, {})


def ocr_part(file_type: FileType, data: bytes, name: str, dpis: Mapping[int, int],
             ctx: ReadContext) -> OcrPart:
    """OCR the pages ``dpis`` names (a chunk of a survey's ``ocr``)."""
    first, last = min(dpis), max(dpis)
    if file_type is FileType.PDF:
        pages = ocr_pdf_pages(data, dpis, engine=ctx.engine, options=ctx.ocr)
        return OcrPart(first, last, tuple(pages))
    if file_type is FileType.IMAGE:
        return ocr_image_pages(data, first, last, name=name, engine=ctx.engine, options=ctx.ocr)
    raise UnsupportedType(f"{name}: {file_type} pages are not OCR'd")


def read_surveyed(found: Survey, data: bytes, name: str, parts: Sequence[OcrPart],
                  ctx: ReadContext) -> DocumentText:
    """The file read whole, taking the OCR of the pages in ``parts`` from them."""
    if found.file_type is FileType.PDF:
        done = {r.page.number: r for part in parts for r in part.pages}
        return read_pdf(data, name=name, engine=ctx.engine, options=ctx.ocr,
                        max_pages=ctx.max_pages, layer=found.layer, done=done)
    if found.file_type is FileType.IMAGE:
        return read_image(data, name=name, engine=ctx.engine, options=ctx.ocr,
                          max_pixels=ctx.max_image_pixels, max_pages=ctx.max_pages, done=parts)
    return reader_for(found.file_type)(data, name, ctx)
