"""Reader for image files: PNG, JPEG, TIFF (every frame a page), BMP, WebP.

Images come from scanners (multi-page TIFF, often bilevel Group 4) and phones (JPEG with an
EXIF orientation tag). Every page is OCR'd; the result carries one searchable PDF.

Untrusted images are checked before any pixel is decoded: Pillow's ``Image.open`` reads only
the header, so a PNG that claims 100 000 × 100 000 pixels is refused (``ImageTooLarge``) for
the cost of reading 33 bytes. Pixels are decoded one frame at a time, as the OCR workers ask
for them, so a 300-page TIFF never sits decoded in memory at once. A long file's pages can be
OCR'd in parts on several workers (``survey_image``, ``ocr_image_pages``) and the file read
from those parts (``read_image(done=…)``).
"""

from __future__ import annotations

import io
import logging
import struct
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from ingest.ocr import OcrEngine, OcrOptions, OcrPage, OcrPart, ocr_pages, page_dpi
from ingest.searchable import merge_pages, page_pdf
from models.domain import DocumentText, FileType, Problem
from models.errors import CorruptFile, ImageTooLarge, TooManyPages, UnsupportedType

log = logging.getLogger(__name__)

# Formats read here; only TIFF frames are pages (animated WebP/GIF frames are not, and an
# MPO — a phone's JPEG with a preview image inside — is its first image).
FORMATS = {"PNG", "JPEG", "MPO", "TIFF", "BMP", "DIB", "WEBP", "GIF"}
MULTIPAGE = {"TIFF"}
# Pillow's exceptions for damaged files: truncated data (OSError), bad structures
# (SyntaxError, struct.error, ValueError), running off the end (EOFError, IndexError).
DECODE_ERRORS = (OSError, SyntaxError, ValueError, struct.error, EOFError, IndexError)


@dataclass(frozen=True)
class ImageFile:
    format: str  # Pillow's name: PNG, JPEG, TIFF …
    pages: int


def survey_image(data: bytes, *, name: str = "", max_pixels: int = 200_000_000,
                 max_pages: int = 2000) -> ImageFile:
    """What the header says: format and page count, every page's size checked against the
    limit; BadInput errors for files we must refuse. No pixel is decoded."""
    image = _open(data, name)
    fmt = image.format or "?"
    count = _frame_count(image, name) if fmt in MULTIPAGE else 1
    if count > max_pages:
        raise TooManyPages(f"{name}: {count} pages > {max_pages}")
    _check_sizes(image, name, count, max_pixels)
    return ImageFile(fmt, count)


def ocr_image_pages(data: bytes, first: int, last: int, *, name: str = "", engine: OcrEngine,
                    options: OcrOptions) -> OcrPart:
    """OCR pages ``first``..``last`` of an image file (already surveyed)."""
    state = _Frames(_open(data, name), name, first, last)
    results = ocr_pages(state.frames(), engine=engine, options=options)
    return OcrPart(first, last, tuple(results), state.stopped)


def read_image(data: bytes, *, name: str = "", engine: OcrEngine, options: OcrOptions,
               max_pixels: int = 200_000_000, max_pages: int = 2000,
               done: Sequence[OcrPart] = ()) -> DocumentText:
    """OCR every page of an image file; raise BadInput errors for files we must refuse.
    ``done``: page ranges already OCR'd (by chunks on other workers), not OCR'd again."""
    info = survey_image(data, name=name, max_pixels=max_pixels, max_pages=max_pages)
    parts = _fill_gaps(info.pages, done, lambda first, last: ocr_image_pages(
        data, first, last, name=name, engine=engine, options=options))
    results: list[OcrPage] = []
    stopped: Problem | None = None
    for part in parts:
        results.extend(part.pages)
        if part.stopped is not None:  # pages after a broken frame are lost
            stopped = part.stopped
            break
    if stopped is not None and stopped.page == 1:
        raise CorruptFile(f"{name}: {stopped.detail}")
    problems = [p for r in results for p in r.problems] + ([stopped] if stopped else [])
    pdf = _searchable(data, results) if options.searchable_pdf and results else None
    meta = {"format": info.format, "pages": str(len(results))}
    return DocumentText(FileType.IMAGE, tuple(r.page for r in results), tuple(problems),
                        searchable_pdf=pdf, meta=meta)


def _fill_gaps(count: int, done: Sequence[OcrPart],
               read: Callable[[int, int], OcrPart]) -> list[OcrPart]:
    """Parts covering pages 1..count in order: those given, and the gaps between read now."""
    parts: list[OcrPart] = []
    following = 1
    for part in sorted(done, key=lambda p: p.first):
        if part.first > following:
            parts.append(read(following, part.first - 1))
        parts.append(part)
        following = max(following, part.last + 1)
    if following <= count:
        parts.append(read(following, count))
    return parts


def _open(data: bytes, name: str) -> Image.Image:
    """Header only; Pillow's bomb check (``DecompressionBombError``) runs here."""
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(f"{name}: {exc}") from exc
    except Image.DecompressionBombWarning as exc:  # when warnings are turned into errors
        raise ImageTooLarge(f"{name}: {exc}") from exc
    except UnidentifiedImageError as exc:
        raise CorruptFile(f"{name}: not an image Pillow can read") from exc
    except DECODE_ERRORS as exc:
        raise CorruptFile(f"{name}: {exc}") from exc
    if image.format not in FORMATS:
        raise UnsupportedType(f"{name}: image format {image.format}")
    return image


def _frame_count(image: Image.Image, name: str) -> int:
    try:
        return int(getattr(image, "n_frames", 1))
    except DECODE_ERRORS as exc:  # a broken chain of TIFF directories
        raise CorruptFile(f"{name}: {exc}") from exc


def _check_sizes(image: Image.Image, name: str, count: int, max_pixels: int) -> None:
    """Every frame's header size against the limit, before any frame is decoded."""
    try:
        for index in range(count):
            if index:
                image.seek(index)
            w, h = image.size
            if w <= 0 or h <= 0:
                raise CorruptFile(f"{name}: page {index + 1} is {w}×{h} pixels")
            if w * h > max_pixels:
                raise ImageTooLarge(
                    f"{name}: page {index + 1} is {w}×{h} = {w * h} pixels > {max_pixels}")
        if count > 1:
            image.seek(0)
    except DECODE_ERRORS as exc:
        raise CorruptFile(f"{name}: {exc}") from exc


@dataclass
class _Frames:
    """Decodes frames ``first``..``last`` lazily for ``ocr_pages``; remembers where decoding
    broke (``stopped``: at page 1, the whole file is unreadable)."""

    image: Image.Image
    name: str
    first: int
    last: int
    stopped: Problem | None = None

    def frames(self) -> Iterator[tuple[int, Image.Image]]:
        for number in range(self.first, self.last + 1):
            try:
                frame = decode_frame(self.image, number - 1)
            except DECODE_ERRORS as exc:
                if number > 1:  # keep the pages before a broken frame; say where it broke
                    log.warning("%s: frame %d unreadable: %s", self.name, number, exc)
                self.stopped = Problem(
                    CorruptFile.code, f"Trang {number} trở đi của tệp ảnh bị hỏng, không đọc được.",
                    page=number, stage="read", detail=f"{type(exc).__name__}: {exc}")
                return
            yield number, frame


def decode_frame(image: Image.Image, index: int) -> Image.Image:
    """Frame ``index`` decoded, turned as its EXIF orientation says, with its DPI in info."""
    if index or getattr(image, "n_frames", 1) > 1:
        image.seek(index)
    image.load()
    dpi = page_dpi(image)
    frame = ImageOps.exif_transpose(image)  # a copy, upright as the camera meant
    if frame is image:
        frame = image.copy()
    frame.info["dpi"] = (dpi, dpi)
    return frame


def _searchable(data: bytes, results: list[OcrPage]) -> bytes | None:
    """The OCR pages' PDFs; a page whose OCR failed still shows its image (decoded again)."""
    pdfs = []
    for r in results:
        if r.pdf:
            pdfs.append(r.pdf)
            continue
        try:
            frame = decode_frame(Image.open(io.BytesIO(data)), r.page.number - 1)
        except DECODE_ERRORS:
            continue
        pdfs.append(page_pdf(frame, page_dpi(frame)))
    return merge_pages(pdfs) if pdfs else None
