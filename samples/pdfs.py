"""Write PDFs with reportlab: born-digital text pages (Liberation Serif, placed exactly where
``samples.layout`` put each line), scanned pages (a JPEG filling the page at its DPI), and
both at once (an invisible text layer over a page image, PDF text render mode 3).

Canvases are ``invariant`` so the bytes are the same on every run.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from samples.layout import Page, page_size
from samples.render import font


@dataclass(frozen=True)
class PdfPage:
    """One PDF page: vector ``text`` (visible, or invisible over the image), and/or a JPEG
    ``image`` of ``image_px`` pixels scanned at ``image_dpi``."""

    text: Page | None = None
    image: bytes | None = None
    image_px: tuple[int, int] = (0, 0)
    image_dpi: int = 0
    invisible: bool = False
    transform: Callable[[str], str] | None = None  # applied to the text layer's strings


@cache
def _register(name: str) -> str:
    pdfmetrics.registerFont(TTFont(f"hoso-{name}", font(name, 12).path))
    return f"hoso-{name}"


def write_pdf(path: Path, pages: list[PdfPage], *, title: str = "", author: str = "") -> None:
    saved, rl_config.useA85 = rl_config.useA85, 0  # binary streams: no ASCII85 overhead
    try:
        _write(path, pages, title, author)
    finally:
        rl_config.useA85 = saved


def _write(path: Path, pages: list[PdfPage], title: str, author: str) -> None:
    c = canvas.Canvas(str(path), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("hoso samples")
    for p in pages:
        if p.image is not None:
            w = p.image_px[0] * 72 / p.image_dpi
            h = p.image_px[1] * 72 / p.image_dpi
        else:
            assert p.text is not None
            w, h = page_size(72)
            w, h = w * 1.0, h * 1.0
        c.setPageSize((w, h))
        if p.image is not None:
            c.drawImage(ImageReader(io.BytesIO(p.image)), 0, 0, width=w, height=h)
        if p.text is not None:
            _draw_text(c, p, h)
        c.showPage()
    c.save()


def _draw_text(c: canvas.Canvas, p: PdfPage, height: float) -> None:
    page = p.text
    assert page is not None
    s = 72 / page.dpi
    for line in page.drawn.lines:
        ascent = font(line.font_name, line.px).getmetrics()[0]
        text = p.transform(line.text) if p.transform else line.text
        t = c.beginText(line.x * s, height - (line.y + ascent) * s)
        t.setFont(_register(line.font_name), line.px * s)
        if p.invisible:
            t.setTextRenderMode(3)
        t.textOut(text)
        c.drawText(t)
    if page.rules and not p.invisible:
        c.setLineWidth(0.6)
        for r in page.rules:
            c.line(r.x0 * s, height - r.y0 * s, r.x1 * s, height - r.y1 * s)


# Letters that carry two marks (a vowel mark and a tone), and what a broken font mapping
# leaves of them: the tone is lost ("Việt" -> "Viêt"), and "ô" comes out as "ơ" ("công" ->
# "cơng"), as in real PDFs made from legacy-font documents.
_VOWEL_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def break_text_layer(text: str) -> str:
    """The text layer of a broken PDF: stacked diacritics lose their second mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        marks = set(parts[1:])
        if marks & _VOWEL_MARKS and marks & _TONES:
            ch = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        out.append({"ô": "ơ", "Ô": "Ơ"}.get(ch, ch))
    return "".join(out)
