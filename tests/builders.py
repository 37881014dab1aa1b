"""Small builders for test inputs made from known text (PDFs, DOCX, ZIPs, page images),
and ``run_all``, which reads every pending file the way a worker would."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from samples.render import FONT_DIRS, FONTS

_FONT = "LiberationSerif"


def _font() -> str:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        path = next(d / FONTS["serif"] for d in FONT_DIRS if (d / FONTS["serif"]).exists())
        pdfmetrics.registerFont(TTFont(_FONT, str(path)))
    return _FONT


def text_pdf(pages: list[list[str]]) -> bytes:
    """A born-digital PDF: each page's lines as real text, 13 pt Liberation Serif."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in pages:
        c.setFont(_font(), 13)
        y = A4[1] - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= 19
        c.showPage()
    c.save()
    return buf.getvalue()


def image_pdf(images: list[Image.Image], dpi: int, *, hidden_text: list[str] | None = None) -> bytes:
    """Scanned pages; with ``hidden_text``, an invisible text layer (render mode 3) over each."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for i, img in enumerate(images):
        w, h = img.width * 72 / dpi, img.height * 72 / dpi
        c.setPageSize((w, h))
        c.drawImage(ImageReader(img), 0, 0, w, h)
        if hidden_text:
            t = c.beginText(72, h - 72)
            t.setTextRenderMode(3)
            t.setFont(_font(), 13)
            for line in hidden_text[i].split("\n"):
                t.textLine(line)
            c.drawText(t)
        c.showPage()
    c.save()
    return buf.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    buf = io.BytesIO()
    d = Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(buf)
    return buf.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def write_tree(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return root


def run_all(rt) -> None:
    """Process every pending document in this process, as a worker would (fake OCR engine
    or real, whatever ``rt`` holds)."""
    from ingest.jobs import pending_documents, process_document

    ctx = rt.read_context()
    for doc_id in pending_documents(rt):
        process_document(rt, doc_id, ctx)
