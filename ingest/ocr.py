"""OCR of page images: the engine seam, and the per-page stage that straightens then reads.

    ocr_pages   pages in order, ``options.workers`` at a time; a bad page -> a Problem
    OcrPart     some pages of a file, OCR'd: a chunk spread to a worker (``ingest.jobs``)
    ocr_page    analyse geometry -> straighten -> engine.recognize -> Page (+ one-page PDF),
                the Page with its words' boxes (``page_words``) for the table reader
    OcrEngine   the seam: TesseractEngine here, fakes in tests
    TesseractEngine.recognize   ONE tesseract run -> text, confidence and searchable PDF

Tesseract is run once per page and asked for TSV and PDF together: the TSV gives words
with their confidences and line structure (the text is rebuilt from it, so no separate txt
pass), the PDF is the page image with an invisible text layer at the page's physical size.
Orientation and skew come from cheap ink statistics (``ingest.preprocess``); OSD would cost
two thirds of an OCR pass on every page. A page is read a second time, the other way up,
only when it read badly (mean confidence under ``low_confidence``) and either the up/down
decision was weak or the reading was very bad (25 points under); the better reading wins.

``pytesseract`` is imported here and nowhere else; its exceptions become ``OcrTimeout`` and
``OcrFailed`` at the call.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import tempfile
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median
from typing import Protocol

import pytesseract
from PIL import Image

from ingest import preprocess, searchable
from ingest.codes import read_codes
from models.domain import Line, Page, PageMethod, Problem, Word
from models.errors import HosoError, OcrFailed, OcrTimeout

log = logging.getLogger(__name__)

DEFAULT_DPI = 300
DPI_RANGE = (70, 2400)  # outside it a file's DPI tag is junk (0 or 1 from some writers)
A4_LONG_INCHES = 11.69
MAX_LONG_INCHES = 20.0  # a DPI tag that makes the page longer than this (A3 is 16.5") is junk
# Extra Tesseract settings for every run: none. (tessedit_do_invert=0, often advised for
# speed, saved nothing measurable here: bench/README.md.)
TESSERACT_CONFIG: tuple[str, ...] = ()
SIZE_PER_BOX = 0.76  # median word box height / font size, body text of rendered pages


@dataclass(frozen=True)
class OcrOptions:
    lang: str = "vie"
    tessdata_dir: str | None = None  # folder with the chosen vie.traineddata; None = default
    timeout_s: float = 120.0  # per page
    low_confidence: float = 70.0  # mean word confidence under this -> "low_confidence"
    deskew: bool = True
    orientation: bool = True
    despeckle: bool = True  # the median filter on speckled pages (``preprocess.speckle``)
    psm: int | None = None  # Tesseract's page segmentation mode (--psm); None: its default, 3
    workers: int = 1  # pages OCR'd at once (one tesseract process each, one thread each)
    searchable_pdf: bool = True


@dataclass(frozen=True)
class OcrWord:
    text: str
    confidence: float
    block: int
    paragraph: int
    line: int
    height: int  # px
    left: int = 0  # px, the box's left and top edges and width
    top: int = 0
    width: int = 0


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None  # mean word confidence 0-100; None when no word was found
    pdf: bytes | None  # one page: image + invisible text layer
    words: tuple[OcrWord, ...] = ()  # when the engine knows them (Tesseract's TSV)


class OcrEngine(Protocol):
    """Reads one upright page image. The image's ``info["dpi"]`` carries its resolution.

    Raises ``OcrTimeout`` past ``options.timeout_s`` and ``OcrFailed`` when the engine breaks.
    """

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        ...


class TesseractEngine:
    """The real engine: the ``tesseract`` binary through pytesseract, one process per page.

    Each process gets ``OMP_THREAD_LIMIT=1``: parallelism comes from pages (``workers``),
    and OpenMP threads inside Tesseract only fight over the same cores. pytesseract passes
    the process environment to tesseract and has no parameter for it, so the variable is
    set in this process's environment when the engine is created.
    """

    def __init__(self, config: Sequence[str] = TESSERACT_CONFIG) -> None:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        self.config = tuple(config)

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        """TSV (words, confidences) and the PDF text layer from one run; see module doc."""
        dpi = page_dpi(image)
        config = ["--dpi", str(dpi), *self.config, "-c", "tessedit_create_tsv=1"]
        if options.psm is not None:
            config += ["--psm", str(options.psm)]
        if want_pdf:
            config += ["-c", "tessedit_create_pdf=1", "-c", "textonly_pdf=1"]
        if options.tessdata_dir:
            config += ["--tessdata-dir", options.tessdata_dir]
        grey = preprocess.to_gray(image)
        with tempfile.TemporaryDirectory(prefix="hoso-ocr-") as tmp:
            # uncompressed: quickest to write here and to read in tesseract
            src = Path(tmp) / ("page.tif" if grey.mode == "1" else "page.bmp")
            grey.save(src, dpi=(dpi, dpi))
            base = Path(tmp) / "out"
            self._run(src, base, options, config)
            tsv = _read(base.with_suffix(".tsv")).decode("utf-8", errors="replace")
            text_layer = _read(base.with_suffix(".pdf")) if want_pdf else None
        words = strip_rule_marks(parse_tsv(tsv))
        pdf = searchable.page_pdf(image, dpi, text_layer) if want_pdf else None
        return OcrResult(words_to_text(words), mean_confidence(words), pdf, words)

    def _run(self, src: Path, base: Path, options: OcrOptions, config: list[str]) -> None:
        try:
            pytesseract.pytesseract.run_tesseract(
                str(src), str(base), extension="tsv", lang=options.lang,
                config=shlex.join(config), timeout=options.timeout_s)
        except pytesseract.TesseractError as exc:
            raise OcrFailed(f"tesseract exited {exc.status}: {exc.message}") from exc
        except RuntimeError as exc:  # pytesseract's other RuntimeError: the timeout it enforces
            raise OcrTimeout(f"tesseract ran past {options.timeout_s:g} s") from exc
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrFailed("tesseract is not installed or not on PATH") from exc
        except OSError as exc:
            raise OcrFailed(f"could not run tesseract: {exc}") from exc


@dataclass(frozen=True)
class OcrPage:
    page: Page  # number, NFC text, PageMethod.OCR, confidence, lines
    pdf: bytes | None
    problems: tuple[Problem, ...]
    rotation: int  # clockwise degrees applied to make the page upright (0/90/180/270)
    skew: float  # the page's lean in degrees counter-clockwise, undone before OCR


def ocr_page(image: Image.Image, number: int, *, engine: OcrEngine, options: OcrOptions) -> OcrPage:
    """Straighten one page and read it. Raises OcrTimeout/OcrFailed from the engine."""
    dpi = page_dpi(image)
    page_image = preprocess.to_display(image)
    if options.despeckle and (level := preprocess.speckle(page_image)) > preprocess.SPECKLE_LIMIT:
        page_image = preprocess.despeckle(page_image, level)
    geometry = preprocess.analyse(page_image, orientation=options.orientation,
                                  deskew=options.deskew)
    upright = _with_dpi(preprocess.straighten(page_image, geometry), dpi)
    result = engine.recognize(upright, options=options, want_pdf=options.searchable_pdf)
    if options.orientation and _worth_second_look(result, geometry, options):
        other = preprocess.flipped(geometry)
        upside = _with_dpi(preprocess.straighten(page_image, other), dpi)
        second = engine.recognize(upside, options=options, want_pdf=options.searchable_pdf)
        if _quality(second) > _quality(result):
            log.info("page %d read better turned %d°", number, other.rotation)
            result, geometry, upright = second, other, upside
    text = clean_text(result.text)
    page = Page(number, text, PageMethod.OCR, _round(result.confidence),
                lines=_lines(result.words, text, dpi), codes=read_codes(page_image),
                words=page_words(result.words, upright.size))
    return OcrPage(page, result.pdf, _problems(page, geometry, options), geometry.rotation,
                   geometry.skew)


def ocr_pages(images: Iterable[tuple[int, Image.Image]], *, engine: OcrEngine,
              options: OcrOptions) -> list[OcrPage]:
    """OCR pages ``options.workers`` at a time, in page order; never raises for one bad page.

    The iterable is consumed lazily, a few pages ahead of the workers, so that a long TIFF
    never sits decoded in memory at once. A page whose OCR times out or fails becomes an
    empty page with an ``ocr_timeout`` / ``ocr_failed`` problem. An exception raised into
    this thread while it waits (a worker's time limit) is not a page's failure: it goes up
    at once, without waiting for the pages still being read.
    """
    workers = max(1, options.workers)
    out: list[OcrPage] = []
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hoso-ocr")
    try:
        for number, future in _bounded(pool, images, engine, options, ahead=workers * 2):
            out.append(_collect(number, future))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return out


def _bounded(pool: ThreadPoolExecutor, images: Iterable[tuple[int, Image.Image]],
             engine: OcrEngine, options: OcrOptions,
             ahead: int) -> Iterator[tuple[int, Future[OcrPage]]]:
    pending: deque[tuple[int, Future[OcrPage]]] = deque()
    for number, image in images:
        pending.append((number, pool.submit(ocr_page, image, number, engine=engine,
                                            options=options)))
        if len(pending) >= ahead:
            yield pending.popleft()
    yield from pending


def _collect(number: int, future: Future[OcrPage]) -> OcrPage:
    error = future.exception()  # waits; what is raised here, in this thread, goes up
    if error is None:
        return future.result()
    return lost_page(number, error)


def lost_page(number: int, error: BaseException) -> OcrPage:
    """An empty OCR page carrying why it could not be read."""
    if isinstance(error, HosoError):
        problem = Problem(error.code, error.message, page=number, stage="ocr", detail=error.detail)
    else:  # one page's surprise must not sink the file
        log.error("OCR of page %d failed", number, exc_info=error)
        problem = Problem(OcrFailed.code, OcrFailed.message_vi, page=number, stage="ocr",
                          detail=f"{type(error).__name__}: {error}")
    return OcrPage(Page(number, "", PageMethod.OCR, None), None, (problem,), 0, 0.0)


@dataclass(frozen=True)
class OcrPart:
    """Pages ``first``..``last`` of one file as OCR gave them: a chunk of a file whose pages
    are spread over workers, or every page of a file read in one go. ``pages`` are those of
    the range that needed OCR, in order. ``stopped``: decoding broke at that page (a damaged
    image frame), so it and the pages after it in the file are lost."""

    first: int
    last: int
    pages: tuple[OcrPage, ...]
    stopped: Problem | None = None


def lost_part(first: int, last: int, numbers: Iterable[int], error: HosoError) -> OcrPart:
    """A part whose pages could not be read at all (its worker kept dying, or ran out of
    time): each page empty, with ``error`` as its problem, as a page whose OCR failed."""
    return OcrPart(first, last, tuple(lost_page(n, error) for n in numbers))


# --------------------------------------------------------------------------- text

def parse_tsv(tsv: str) -> tuple[OcrWord, ...]:
    """Word rows (level 5) of Tesseract's TSV, with their confidence and line keys."""
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t", 11)
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        try:
            conf = float(cols[10])
            block, par, line = int(cols[2]), int(cols[3]), int(cols[4])
            left, top, width, height = int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9])
        except ValueError:
            continue
        if text:
            words.append(OcrWord(text, conf, block, par, line, height, left, top, width))
    return tuple(words)


RULE_MARKS = "|¦"


def strip_rule_marks(words: Iterable[OcrWord]) -> tuple[OcrWord, ...]:
    """Table rules read as letters: Tesseract turns the vertical rules of the authors' table
    and the two-column header into "|" words or glues them to a neighbour ("|Nguyễn",
    "môn|"), 2–4 % CER on the samples' ruled forms. "|" has no use in Vietnamese prose, so
    it is dropped at word edges, words made only of it disappear, and a word with one inside
    is two words (a rule between two cells, read as one word). (Erasing the rules
    from the image instead was measured worse: without the horizontal rules Tesseract
    merges table rows and loses spaces; bench/README.md.)"""
    out = []
    for w in words:
        text = w.text.strip(RULE_MARKS)
        if not text:
            continue
        pieces = [p for p in re.split(f"[{RULE_MARKS}]+", text) if p]
        if len(pieces) == 1:
            out.append(w if text == w.text else replace(w, text=text))
            continue
        # a rule between two cells' words glued into one ("27/04/1995|Trungtâm"): two words,
        # the box shared out by letters
        per_char, pos = w.width / len(w.text), 0
        for p in pieces:
            pos = w.text.index(p, pos)
            out.append(replace(w, text=p, left=w.left + round(pos * per_char),
                               width=max(1, round(len(p) * per_char))))
            pos += len(p)
    return tuple(out)


def words_to_text(words: Iterable[OcrWord]) -> str:
    """Lines joined by newlines, paragraphs separated by a blank line (as Tesseract's txt)."""
    out: list[str] = []
    current: list[str] = []
    key: tuple[int, int, int] | None = None
    for w in words:
        k = (w.block, w.paragraph, w.line)
        if key is not None and k != key:
            out.append(" ".join(current))
            current = []
            if k[:2] != key[:2]:
                out.append("")
        key = k
        current.append(w.text)
    if current:
        out.append(" ".join(current))
    return "\n".join(out)


def mean_confidence(words: Iterable[OcrWord]) -> float | None:
    confs = [w.confidence for w in words if w.confidence >= 0]
    return sum(confs) / len(confs) if confs else None


def clean_text(text: str) -> str:
    """NFC, no trailing spaces, at most one blank line in a row, no blank ends."""
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", text).splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


# --------------------------------------------------------------------------- helpers

def page_dpi(image: Image.Image) -> int:
    """The image's DPI tag when believable, else what an A4 page of this size would have.

    Phones write 72 DPI into 4000-pixel photos (a 55-inch page); such tags are ignored.
    """
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    if DPI_RANGE[0] <= value <= DPI_RANGE[1] and max(image.size) / value <= MAX_LONG_INCHES:
        return value
    guess = round(max(image.size) / A4_LONG_INCHES)
    return max(DPI_RANGE[0], min(DPI_RANGE[1], guess)) if guess else DEFAULT_DPI


def _with_dpi(image: Image.Image, dpi: int) -> Image.Image:
    image.info["dpi"] = (dpi, dpi)
    return image


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise OcrFailed(f"tesseract wrote no {path.suffix} output") from exc


def _round(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def _quality(result: OcrResult) -> float:
    """How well a reading went: confident words count, doubtful ones barely do."""
    if result.words:
        return sum(max(0.0, w.confidence - 50.0) for w in result.words)
    return max(0.0, (result.confidence or 0.0) - 50.0) * len(result.text.split())


def _worth_second_look(result: OcrResult, geometry: preprocess.Geometry,
                       options: OcrOptions) -> bool:
    if geometry.blank:
        return False
    weak = geometry.certainty < 0.3
    bad = result.confidence is None or result.confidence < options.low_confidence
    return weak and bad or bad and (result.confidence or 0) < options.low_confidence - 25


def _problems(page: Page, geometry: preprocess.Geometry, options: OcrOptions) -> tuple[Problem, ...]:
    if page.confidence is not None and page.confidence < options.low_confidence:
        return (Problem(
            "low_confidence",
            f"Độ tin cậy nhận dạng chữ của trang thấp ({page.confidence:.0f}/100); "
            "nên kiểm tra lại bản quét.", page=page.number, stage="ocr",
            detail=f"mean word confidence {page.confidence} < {options.low_confidence:g}"),)
    if page.confidence is None and not geometry.blank:
        return (Problem(
            "low_confidence",
            "Trang có nội dung nhưng không nhận dạng được chữ nào; nên kiểm tra lại bản quét.",
            page=page.number, stage="ocr", detail=f"no words; ink share {geometry.ink:.3f}"),)
    return ()


def page_words(words: Iterable[OcrWord], size: tuple[int, int]) -> tuple[Word, ...]:
    """The words' boxes in thousandths of the page's width and height, with a line id per
    (block, paragraph, line) of Tesseract's, numbered in reading order from 0."""
    ids: dict[tuple[int, int, int], int] = {}
    return tuple(Word.on_page(w.text, (w.left, w.top, w.left + w.width, w.top + w.height), size,
                              ids.setdefault((w.block, w.paragraph, w.line), len(ids)), w.confidence)
                 for w in words)


def _lines(words: tuple[OcrWord, ...], text: str, dpi: int) -> tuple[Line, ...]:
    """Lines with an estimated font size in points (from the median word box height)."""
    if not words:
        return tuple(Line(t) for t in text.splitlines() if t)
    groups: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        groups.setdefault((w.block, w.paragraph, w.line), []).append(w)
    out = []
    for ws in groups.values():
        line_text = unicodedata.normalize("NFC", " ".join(w.text for w in ws)).rstrip()
        size = median(w.height for w in ws) * 72 / dpi / SIZE_PER_BOX
        out.append(Line(line_text, size=round(size, 1)))
    return tuple(out)

