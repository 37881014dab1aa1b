"""PDF reader: the text layer where it is good, OCR where it is missing or broken, per page.

For each page pdfplumber gives words with their font name and size. A page goes to OCR when
- it has (almost) no text: a scanned page; or
- its text is broken: impossible Vietnamese syllables ("cơng" for "công"), "(cid:…)"
  placeholders, replacement characters, or legacy 8-bit text we could not convert.
Legacy TCVN3/VNI text layers (".VnTime", "VNI-Times" fonts) are converted, word by word,
by font name first and by a content probe second. Mixed PDFs are handled page by page.

The reading comes in three steps, so that the OCR of a long scan can be spread over workers:
``read_text_layer`` (which pages need OCR), ``ocr_pdf_pages`` (some of those pages) and
``read_pdf`` (the whole file, given the pages already OCR'd; alone, it does all three).

Pages that went to OCR are rasterised with pdfium at the scan's own resolution (clamped to
200–400 DPI) and replaced, in the searchable PDF, by the OCR engine's page (image + invisible
text); text pages are copied as they are.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from statistics import median

import pdfplumber
import pypdf
import pypdfium2 as pdfium
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from PIL import Image

from ingest import legacy
from ingest.ocr import OcrEngine, OcrOptions, OcrPage, ocr_pages
from ingest.vietnamese import looks_broken, nfc
from models.domain import DocumentText, FileType, Line, Page, PageMethod, Problem, Word
from models.errors import CorruptFile, EncryptedFile, TooManyPages

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 20
BOLD = re.compile(r"bold|black|heavy|semibold|,b\b", re.IGNORECASE)
DPI_RANGE = (200, 400)


@dataclass(frozen=True)
class _Words:
    text: str
    lines: tuple[Line, ...]
    broken: str | None  # why the text layer cannot be trusted
    legacy: str | None
    dpi: int  # resolution to rasterise at if this page needs OCR
    boxes: tuple[Word, ...] = ()  # the words and where they stand, as OCR's boxes are given


@dataclass(frozen=True)
class PdfLayer:
    """What a PDF's text layer gives before any OCR: the pages it reads well, and the pages
    that need OCR with the resolution to rasterise each at."""

    count: int  # pages in the file
    pages: Mapping[int, Page]  # page number -> page read from the text layer
    ocr: Mapping[int, int]  # page number -> DPI, pages whose text must come from OCR
    problems: tuple[Problem, ...]  # broken text layers, in page order
    legacy: str | None  # "tcvn3" | "vni" when a legacy font was converted


def read_pdf(data: bytes, *, name: str = "", engine: OcrEngine, options: OcrOptions,
             max_pages: int = 2000, layer: PdfLayer | None = None,
             done: Mapping[int, OcrPage] | None = None) -> DocumentText:
    """Every page: from the text layer where it is good, else from OCR. ``layer``: the text
    layer already read (``read_text_layer``); ``done``: pages already OCR'd (by chunks on
    other workers, ``ocr_pdf_pages``), which are not OCR'd again."""
    reader = _open_checked(data, name, max_pages)
    layer = layer or read_text_layer(data, name=name, max_pages=max_pages)
    done = done or {}
    results = {n: done[n] for n in layer.ocr if n in done}
    todo = {n: dpi for n, dpi in layer.ocr.items() if n not in results}
    for result in ocr_pdf_pages(data, todo, engine=engine, options=options):
        results[result.page.number] = result
    pages = dict(layer.pages)
    problems = list(layer.problems)
    ocr_pdfs: dict[int, bytes] = {}
    for number in sorted(layer.ocr):
        result = results[number]
        pages[number] = result.page
        problems.extend(result.problems)
        if result.pdf:
            ocr_pdfs[number] = result.pdf
    ordered = tuple(pages[n] for n in range(1, layer.count + 1))
    searchable = _searchable(reader, ocr_pdfs) if ocr_pdfs else None
    return DocumentText(FileType.PDF, ordered, tuple(problems), searchable_pdf=searchable,
                        legacy_encoding=layer.legacy)


def read_text_layer(data: bytes, *, name: str = "", max_pages: int = 2000) -> PdfLayer:
    """The text layer of every page, and which pages need OCR (at what DPI) instead.
    Raises ``BadInput`` errors for a PDF that cannot be read at all."""
    n_pages = len(_open_checked(data, name, max_pages).pages)
    problems: list[Problem] = []
    pages: dict[int, Page] = {}
    to_ocr: dict[int, int] = {}  # page number -> DPI to rasterise at
    legacy_found: str | None = None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                try:
                    words = _page_words(page)
                except Exception as exc:
                    log.warning("%s p.%d: text layer unreadable: %s", name, number, exc)
                    words = _Words("", (), "unreadable", None, 300)
                legacy_found = legacy_found or words.legacy
                if words.broken:
                    if words.broken != "no_text":
                        problems.append(Problem(
                            "broken_text_layer",
                            "Lớp chữ của trang PDF bị lỗi (mất dấu/sai mã); trang được nhận "
                            "dạng lại bằng OCR.", page=number, stage="read", detail=words.broken))
                    to_ocr[number] = words.dpi
                else:
                    pages[number] = Page(number, words.text, PageMethod.TEXT_LAYER,
                                         lines=words.lines, words=words.boxes)
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise CorruptFile(f"{name}: {exc}") from exc
    return PdfLayer(n_pages, pages, to_ocr, tuple(problems), legacy_found)


def ocr_pdf_pages(data: bytes, dpis: Mapping[int, int], *, engine: OcrEngine,
                  options: OcrOptions) -> list[OcrPage]:
    """OCR the pages ``dpis`` names (page number -> DPI), in page order. A page that fails
    is an empty page with its problem (``ocr_pages``)."""
    return list(_ocr_in_chunks(data, dict(dpis), engine, options)) if dpis else []


def _open_checked(data: bytes, name: str, max_pages: int) -> pypdf.PdfReader:
    """The PDF opened (and decrypted when only an owner password is set), or the specific
    reason it cannot be read at all. The same reader later assembles the searchable PDF."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise EncryptedFile(f"{name}: {exc}") from exc
            if not ok:
                raise EncryptedFile(f"{name}: needs a password")
        count = len(reader.pages)
    except EncryptedFile:
        raise
    except Exception as exc:
        raise CorruptFile(f"{name}: {exc}") from exc
    if count == 0:
        raise CorruptFile(f"{name}: no pages")
    if count > max_pages:
        raise TooManyPages(f"{name}: {count} pages > {max_pages}")
    return reader


def _page_words(page: pdfplumber.page.Page) -> _Words:
    # Words are not split where the font changes: PDF makers put a glyph or two of a word in
    # another subset of the same font ("GDNPMF+VnTimeH" inside "GDNPMG+VnTimeH"), and
    # legacy text is decoded by runs of one base font inside each word.
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False,
                               use_text_flow=False, return_chars=True)
    dpi = _scan_dpi(page)
    if sum(len(w["text"]) for w in words) < MIN_TEXT_CHARS:
        return _Words("", (), "no_text", None, dpi)
    runs = [_font_runs(w["chars"]) for w in words]
    flat = [run for word_runs in runs for run in word_runs]
    decoded, found = legacy.decode_runs(flat)
    if found is None:
        probe = legacy.probe_encoding(" ".join(w["text"] for w in words))
        if probe:
            decoded, found = legacy.decode_runs(flat, default=probe)
    texts, i = [], 0
    for word_runs in runs:
        texts.append("".join(decoded[i:i + len(word_runs)]))
        i += len(word_runs)
    for w in words:
        w["fontname"] = max(w["chars"], key=lambda c: len(c["text"]))["fontname"] if w["chars"] else ""
    lines, boxes = _group_lines(words, texts, float(page.width), float(page.height))
    text = nfc("\n".join(line.text for line in lines))
    broken = None
    if "(cid:" in text or text.count("\ufffd") > 2:
        broken = "unmapped glyphs"
    elif looks_broken(text):
        broken = "impossible Vietnamese syllables"
    return _Words(text, tuple(lines), broken, found, dpi, tuple(boxes))


def _font_runs(chars: list[dict]) -> list[tuple[str, str | None]]:
    """A word's characters as (text, base font) runs."""
    runs: list[tuple[str, str | None]] = []
    for c in chars:
        font = _base_font(c.get("fontname"))
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + c["text"], font)
        else:
            runs.append((c["text"], font))
    return runs


def _base_font(fontname: str | None) -> str | None:
    """"ABCDEF+.VnTimeH" -> ".VnTimeH" (subset prefix dropped)."""
    if not fontname:
        return None
    return fontname.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", fontname) else fontname


def _group_lines(words: list[dict], texts: list[str], width: float,
                 height: float) -> tuple[list[Line], list[Word]]:
    """Words -> lines, top to bottom, left to right; a line keeps size and boldness. Also
    each word's box in thousandths of the page with its line's number (``Page.words``, read
    by ``extract.table_geometry`` as it reads OCR's boxes)."""
    items = sorted(zip(words, texts), key=lambda wt: (round(wt[0]["top"]), wt[0]["x0"]))
    lines: list[list[tuple[dict, str]]] = []
    for w, t in items:
        if lines:
            last = lines[-1][0][0]
            tolerance = max(2.0, 0.5 * float(last["size"]))
            if abs(w["top"] - last["top"]) <= tolerance:
                lines[-1].append((w, t))
                continue
        lines.append([(w, t)])
    out, boxes = [], []
    for number, line in enumerate(lines):
        line.sort(key=lambda wt: wt[0]["x0"])
        boxes += [Word.on_page(t, (float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"])),
                               (width, height), number) for w, t in line if t.strip()]
        text = nfc(" ".join(t for _, t in line))
        sizes = [float(w["size"]) for w, _ in line]
        bold_chars = sum(len(t) for w, t in line if BOLD.search(w["fontname"] or ""))
        out.append(Line(text, size=round(median(sizes), 1),
                        bold=bold_chars * 2 > sum(len(t) for _, t in line)))
    return out, boxes


def _scan_dpi(page: pdfplumber.page.Page) -> int:
    """The resolution of the biggest image on the page, i.e. of the scan."""
    best = 300
    biggest = 0.0
    for img in page.images:
        width_pt = float(img["x1"]) - float(img["x0"])
        src = img.get("srcsize") or (0, 0)
        if width_pt > biggest and src[0]:
            biggest = width_pt
            best = round(src[0] / (width_pt / 72))
    return max(DPI_RANGE[0], min(DPI_RANGE[1], best))


def _rasterise(data: bytes, dpis: dict[int, int]) -> list[tuple[int, Image.Image]]:
    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for n, dpi in dpis.items():
            page = pdf[n - 1]
            img = page.render(scale=dpi / 72, grayscale=True).to_pil()
            img.info["dpi"] = (dpi, dpi)
            out.append((n, img))
            page.close()
        return out
    finally:
        pdf.close()


def _ocr_in_chunks(data: bytes, dpis: dict[int, int], engine: OcrEngine,
                   options: OcrOptions) -> Iterator[OcrPage]:
    """Rasterise a few pages at a time so that a 300-page stack never sits in memory."""
    numbers = sorted(dpis)
    chunk = max(2, options.workers * 2)
    for start in range(0, len(numbers), chunk):
        part = {n: dpis[n] for n in numbers[start:start + chunk]}
        yield from ocr_pages(_rasterise(data, part), engine=engine, options=options)


def _searchable(reader: pypdf.PdfReader, ocr_pdfs: dict[int, bytes]) -> bytes:
    """Text pages as they are, OCR'd pages replaced by the engine's image + text pages."""
    writer = pypdf.PdfWriter()
    for n in range(1, len(reader.pages) + 1):
        if n in ocr_pdfs:
            writer.add_page(pypdf.PdfReader(io.BytesIO(ocr_pdfs[n])).pages[0])
        else:
            writer.add_page(reader.pages[n - 1])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
