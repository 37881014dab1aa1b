"""Separator sheets: the page the secretariat puts between two dossiers of a paper stack.

    separator_pdf   A4 sheets to print: a big QR code "HOSO-SEP-0001", the same code in
                    large monospace letters, a Vietnamese title and instruction
    separator_code  the sheet's code when a scanned page is a separator, else None

A scanned sheet is recognised by its QR code first (``Page.codes``, filled by the OCR path
through ``ingest.codes``), then by its OCR'd text: the printed code, read with the usual OCR
slips ("HOSO-SEP-OOO1", "HOSOSEP 0001", "H0SO-SEP-00O1"), or, when the code is unreadable,
the title "TỜ PHÂN CÁCH HỒ SƠ" alone (folded, fuzzy). Text is trusted only on pages with
little text, so that an ordinary page which happens to quote the title never counts.
The QR payload and the printed text are the same canonical code, ``HOSO-SEP-<4 digits>``.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from ingest.vietnamese import fold
from models.domain import Page

PREFIX = "HOSO-SEP"
TITLE = "TỜ PHÂN CÁCH HỒ SƠ"
SUBTITLE = "(tờ này không phải là một trang của hồ sơ)"
INSTRUCTION = (
    "Đặt tờ này giữa hai hồ sơ khi quét, mặt in hướng như các trang của hồ sơ. Hệ thống "
    "tự tách tập bản quét thành từng hồ sơ tại tờ phân cách. Mỗi tờ dùng một lần trong "
    "một đợt quét; in trên giấy A4 trắng, không thu nhỏ, không gấp, không đóng dấu lên mã."
)
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONTS = {"sans": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "mono": "DejaVuSansMono-Bold.ttf"}
QR_MM = 70  # side of the printed QR code: a QR larger still misleads the page orientation
MAX_WORDS = 80  # a separator sheet carries ~40 words; an ordinary page hundreds
TITLE_KEY = "TO PHAN CACH HO SO"
TITLE_SCORE = 88.0
# the printed code as OCR reads it: O/0, I/l/|/1, S/5 and B/8 confusions, lost hyphens
CODE_TEXT = re.compile(r"H[O0Q]\s*S[O0Q]\W{0,3}S[E3]P\W{0,3}([0-9OQDIL|!SBZ]{1,6})(?![0-9A-Z])")
DIGITS = str.maketrans("OQDIL|!SBZ", "0001111582")


def format_code(number: int) -> str:
    return f"{PREFIX}-{number:04d}"


def separator_pdf(count: int = 1, first: int = 1) -> bytes:
    """``count`` A4 separator sheets numbered ``first``, ``first + 1``, … as one PDF."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    fonts = _fonts()
    width, height = A4
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setTitle("Tờ phân cách hồ sơ")
    for number in range(first, first + count):
        code = format_code(number)
        y = height - 35 * mm
        c.setFont(fonts["bold"], 26)
        c.drawCentredString(width / 2, y, TITLE)
        c.setFont(fonts["sans"], 14)
        c.drawCentredString(width / 2, y - 12 * mm, SUBTITLE)
        side = QR_MM * mm
        widget = QrCodeWidget(code, barLevel="M", barBorder=4)
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        y -= 20 * mm + side
        renderPDF.draw(drawing, c, (width - side) / 2, y)
        y -= 25 * mm
        c.setFont(fonts["mono"], 40)
        c.drawCentredString(width / 2, y, code)
        y -= 25 * mm
        c.setFont(fonts["sans"], 14)
        for line in _wrap(INSTRUCTION, c, fonts["sans"], 14, width - 60 * mm):
            c.drawCentredString(width / 2, y, line)
            y -= 8 * mm
        c.showPage()
    c.save()
    return out.getvalue()


def separator_code(page: Page) -> str | None:
    """The separator code when this page is a separator sheet, else None. A sheet whose
    code is unreadable but whose title is read gives the bare prefix ``HOSO-SEP``."""
    for code in page.codes:
        found = _code_in(code.upper())
        if found:
            return found
    text = fold(page.text).upper()
    if len(text.split()) > MAX_WORDS:
        return None
    found = _code_in(text)
    if found:
        return found
    if any(_is_title(line) for line in text.split("\n")):
        return PREFIX
    return None


def _code_in(text: str) -> str | None:
    match = CODE_TEXT.search(text)
    if not match:
        return None
    digits = match.group(1).translate(DIGITS)
    return format_code(int(digits)) if digits.isdigit() else None


def _is_title(line: str) -> bool:
    key = " ".join(re.sub(r"[^A-Z0-9 ]+", " ", line).split())
    return len(key) >= len(TITLE_KEY) - 3 and fuzz.ratio(key[:len(TITLE_KEY) + 2], TITLE_KEY) >= TITLE_SCORE


@cache
def _fonts() -> dict[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = {}
    for role, file in FONTS.items():
        path = next((d / file for d in FONT_DIRS if (d / file).exists()), None)
        if path is None:
            raise FileNotFoundError(f"font {file} not found; install fonts-dejavu")
        names[role] = f"hoso-sep-{role}"
        pdfmetrics.registerFont(TTFont(names[role], str(path)))
    return names


def _wrap(text: str, c: object, font: str, size: float, max_width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and c.stringWidth(trial, font, size) <= max_width:  # type: ignore[attr-defined]
            lines[-1] = trial
        else:
            lines.append(word)
    return lines
