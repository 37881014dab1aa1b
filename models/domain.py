"""Typed values that flow between the stages of the pipeline.

Stages take and return these small frozen dataclasses; none of them touches a database,
Celery or FastAPI. The orchestrator (``ingest.pipeline``) persists them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class FileType(StrEnum):
    """What a file really is, decided from its bytes (``ingest.triage``)."""

    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"  # Word 97-2003 binary
    RTF = "rtf"
    IMAGE = "image"  # PNG, JPEG, TIFF (multi-page), BMP, WebP
    ZIP = "zip"


# The documents of a dossier (DOMAIN.md); a file's ``kind`` in the report is one of these.
DOCUMENT_KINDS = ("don_yeu_cau", "mo_ta", "xac_nhan", "bien_ban", "to_trinh", "quyet_dinh", "khac")


class PageMethod(StrEnum):
    TEXT_LAYER = "text"  # PDF text layer through pdfplumber
    OCR = "ocr"  # Tesseract
    WORD = "word"  # DOCX paragraphs (also DOC/RTF after conversion)


@dataclass(frozen=True)
class Line:
    """One line (PDF) or paragraph (Word) with the cues later stages use to find headings."""

    text: str
    size: float | None = None  # font size in points, when known
    bold: bool = False
    style: str | None = None  # Word paragraph style name ("Heading 1", "List Paragraph"…)
    numbering: str | None = None  # Word list numbering ("ilvl=0 numId=3") when present
    part: str = "body"  # body | table | header | footer | textbox


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file or page. ``code`` is stable (see models.errors)."""

    code: str
    message: str  # Vietnamese, for people
    page: int | None = None
    stage: str = "ingest"
    detail: str | None = None  # technical detail, English


@dataclass(frozen=True)
class Word:
    """One word and its box, in thousandths of the page's width (x) and height (y), so that
    boxes compare across resolutions; ``line``: the page's line it was read in;
    ``confidence``: OCR's for this word (0–100), None for a text layer's exact word."""

    text: str  # NFC
    x0: int
    y0: int
    x1: int
    y1: int
    line: int
    confidence: int | None = None

    @classmethod
    def on_page(cls, text: str, box: tuple[float, float, float, float], size: tuple[float, float],
                line: int, confidence: float | None = None) -> Word:
        """A word from its box (left, top, right, bottom) on a page of ``size`` (width,
        height), in whatever unit both share: pixels of a scan, points of a PDF."""
        width, height = max(1.0, size[0]), max(1.0, size[1])
        return cls(unicodedata.normalize("NFC", text), round(box[0] * 1000 / width),
                   round(box[1] * 1000 / height), round(box[2] * 1000 / width),
                   round(box[3] * 1000 / height), line,
                   None if confidence is None else round(confidence))


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str  # NFC
    method: PageMethod
    confidence: float | None = None  # mean word confidence 0-100 for OCR pages
    lines: tuple[Line, ...] = ()
    codes: tuple[str, ...] = ()  # texts of the QR codes found on the page image (OCR pages)
    words: tuple[Word, ...] = ()  # the words with their boxes (``Word``): OCR's or the text layer's

    @property
    def ocr(self) -> bool:
        return self.method is PageMethod.OCR


@dataclass(frozen=True)
class DocumentText:
    """A reader's result for one file: its pages, what went wrong, and a searchable PDF."""

    file_type: FileType
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...] = ()
    searchable_pdf: bytes | None = None  # page images + invisible text, for OCR'd documents
    legacy_encoding: str | None = None  # "tcvn3" | "vni" when converted from a legacy font
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.ocr)

    @property
    def mean_confidence(self) -> float | None:
        confs = [p.confidence for p in self.pages if p.ocr and p.confidence is not None]
        return round(sum(confs) / len(confs), 1) if confs else None
