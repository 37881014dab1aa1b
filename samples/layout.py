"""Lay out document items (paragraphs and tables) on A4 pages, knowing exactly what text ends
up on which page and line.

Paragraphs follow ``samples.render.layout_pages`` to the pixel (same wrap, line step, margins
and page-break rule; a test holds the two together), with a few more styles for forms
(right-aligned date line, signature blocks). Tables are drawn cell by cell; a row whose cells
wrap onto several lines yields one *text line* per drawn line, the cells' pieces joined by
one space in column order — which is what a PDF text extractor or OCR reading the page line by
line returns (and how a two-column header glues "UBND HUYỆN … CỘNG HÒA …" onto one line).
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from samples.render import A4_INCHES, DrawnLine, PageLayout, _wrap, draw, font
from samples.texts import Item, PageBreak, Para, Table

# style: (points, bold, alignment, half a line of space above when not first on the page)
STYLES = {
    "body": (13, False, "left", False),
    "heading": (13, True, "left", True),
    "title": (15, True, "center", True),
    "center": (13, True, "center", False),
    "plain-center": (13, False, "center", False),
    "right": (13, False, "right", False),
    "sign": (13, True, "right-half", False),
    "sign-plain": (13, False, "right-half", False),
    "small": (11, False, "left", False),
}


@dataclass(frozen=True)
class Rule:
    """A ruled line of a table, in pixels."""

    x0: int
    y0: int
    x1: int
    y1: int


@dataclass(frozen=True)
class Page:
    """What is drawn on one page (``drawn``: text segments, for ``render.draw``), the page's
    text as a reader gets it line by line (``lines``), and table rules."""

    drawn: PageLayout
    lines: tuple[str, ...]
    rules: tuple[Rule, ...]

    @property
    def dpi(self) -> int:
        return self.drawn.dpi

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Laid:
    pages: tuple[Page, ...]
    starts: tuple[int, ...]  # 1-based page where each item starts (0 for a PageBreak)


def page_size(dpi: int) -> tuple[int, int]:
    return round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)


class _Pager:
    def __init__(self, dpi: int, family: str, keep_with_next: bool) -> None:
        self.dpi, self.family, self.keep_with_next = dpi, family, keep_with_next
        self.w, self.h = page_size(dpi)
        self.margin = round(2.5 / 2.54 * dpi)
        self.width = self.w - 2 * self.margin
        self.pages: list[tuple[list[DrawnLine], list[str], list[Rule]]] = [([], [], [])]
        self.y = self.margin

    @property
    def empty(self) -> bool:
        return not self.pages[-1][0]

    def new_page(self) -> None:
        if not self.empty:
            self.pages.append(([], [], []))
        self.y = self.margin

    def fits(self, height: int) -> bool:
        return self.y + height <= self.h - self.margin

    def face(self, bold: bool) -> str:
        return f"{self.family}-bold" if bold else self.family

    def para(self, p: Para, keep_together: bool) -> int:
        pt, bold, align, space = STYLES[p.style]
        name, px = self.face(bold), round(pt * self.dpi / 72)
        fnt = font(name, px)
        step = round(px * 1.45)
        if space and not self.empty:
            self.y += step // 2
        lines = _wrap(p.text, fnt, self.width)
        need = step * len(lines) if keep_together else step
        if self.keep_with_next and p.style in ("heading", "title"):
            need = step * len(lines) + round(13 * self.dpi / 72 * 1.45)  # and one body line
        if not self.empty and not self.fits(need):
            self.new_page()
        first = 0
        for text in lines:
            if not self.fits(step):
                self.new_page()
            x = self.margin + self._offset(align, fnt.getlength(text))
            drawn, texts, _ = self.pages[-1]
            drawn.append(DrawnLine(text, x, self.y, name, px))
            texts.append(text)
            first = first or len(self.pages)
            self.y += step
        return first

    def _offset(self, align: str, length: float) -> int:
        if align == "center":
            return round((self.width - length) / 2)
        if align == "right":
            return self.width - round(length)
        if align == "right-half":
            return self.width // 2 + round((self.width / 2 - length) / 2)
        return 0

    def table(self, t: Table, keep_together: bool) -> int:
        px = round(t.pt * self.dpi / 72)
        step = round(px * 1.3)
        pad, vpad = round(3 * self.dpi / 72), round(2 * self.dpi / 72)
        edges = [self.margin]
        for f in t.widths:
            edges.append(edges[-1] + round(f * self.width))
        edges[-1] = self.margin + self.width
        rows = []
        for r, row in enumerate(t.rows):
            bold = r < t.header
            fnt = font(self.face(bold), px)
            cells = []
            for c, cell in enumerate(row):
                inner = edges[c + 1] - edges[c] - 2 * pad
                lines = [ln for part in cell.split("\n") for ln in _wrap(part, fnt, inner)]
                cells.append([ln for ln in lines if ln])
            rows.append((bold, fnt, cells, max(len(c) for c in cells) * step + 2 * vpad))
        if keep_together and not self.empty and not self.fits(sum(r[3] for r in rows)):
            self.new_page()
        first = 0
        for bold, fnt, cells, height in rows:
            if not self.fits(height):
                self.new_page()
            first = first or len(self.pages)
            drawn, texts, rules = self.pages[-1]
            for k in range(max(len(c) for c in cells)):
                parts = []
                for c, lines in enumerate(cells):
                    if k >= len(lines):
                        continue
                    inner = edges[c + 1] - edges[c] - 2 * pad
                    centred = bold or c in t.center_cols or not t.border
                    off = round((inner - fnt.getlength(lines[k])) / 2) if centred else 0
                    y = self.y + vpad + k * step
                    drawn.append(DrawnLine(lines[k], edges[c] + pad + off, y,
                                           self.face(bold), px))
                    parts.append(lines[k])
                texts.append(" ".join(parts))
            if t.border:
                top, bottom = self.y, self.y + height
                rules.append(Rule(edges[0], top, edges[-1], top))
                rules.append(Rule(edges[0], bottom, edges[-1], bottom))
                rules.extend(Rule(x, top, x, bottom) for x in edges)
            self.y += height
        self.y += round(4 * self.dpi / 72)
        return first


def layout_items(items: tuple[Item, ...] | list[Item], *, dpi: int = 72, family: str = "serif",
                 keep_together: bool = False, keep_with_next: bool = True) -> Laid:
    """Paginate items on A4 at ``dpi``. keep_together: never split a paragraph or a table
    across pages (used to place a DOCX's explicit page breaks). keep_with_next: a heading
    never ends a page (off = exactly ``render.layout_pages``)."""
    pager = _Pager(dpi, family, keep_with_next)
    starts = []
    for it in items:
        if isinstance(it, PageBreak):
            pager.new_page()
            starts.append(0)
        elif isinstance(it, Para):
            starts.append(pager.para(it, keep_together))
        else:
            starts.append(pager.table(it, keep_together))
    pages = tuple(Page(PageLayout(tuple(d), dpi), tuple(t), tuple(r))
                  for d, t, r in pager.pages if d)
    return Laid(pages, tuple(starts))


def render_page(page: Page) -> Image.Image:
    """A clean grayscale page image: the text (``render.draw``) and the table rules."""
    img = draw(page.drawn)
    if page.rules:
        d = ImageDraw.Draw(img)
        width = max(1, round(page.dpi / 150))
        for r in page.rules:
            d.line((r.x0, r.y0, r.x1, r.y1), fill=0, width=width)
    return img
