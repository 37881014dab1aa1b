"""Write a document as DOCX with python-docx, with an explicit page break at the start of the
first paragraph of every page after the first, and report each page's text the way a reader
gets it (``ingest.word``): paragraphs joined by "\\n", a table row as its cells joined with
" | " (a cell's own lines joined by a space), the running header first and the footer last on
page 1.

Headings use Word's "Heading 1-3" styles or are plain bold paragraphs. With ``legacy`` set
to "tcvn3" or "vni", every run is typed in that 8-bit encoding and font, as produced by
``ingest.legacy.encode``; the page texts stay the Unicode the reader must recover.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from samples.layout import STYLES, layout_items
from samples.texts import Item, PageBreak, Para, Table

FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "right-half": WD_ALIGN_PARAGRAPH.CENTER}


def docx_pages(items: tuple[Item, ...]) -> list[list[int]]:
    """Split items (by index) into pages at item boundaries: a paragraph or table never
    straddles a page, and a page never starts with a table (its lead-in paragraph moves
    along)."""
    laid = layout_items(items, dpi=72, keep_together=True)
    groups: list[list[int]] = []
    for i, (it, page) in enumerate(zip(items, laid.starts)):
        if isinstance(it, PageBreak):
            continue
        while len(groups) < page:
            groups.append([])
        groups[page - 1].append(i)
    groups = [g for g in groups if g]
    for k in range(1, len(groups)):
        if isinstance(items[groups[k][0]], Table) and isinstance(items[groups[k - 1][-1]], Para):
            groups[k].insert(0, groups[k - 1].pop())
    return [g for g in groups if g]


def item_lines(it: Item) -> list[str]:
    if isinstance(it, Para):
        return [it.text]
    if isinstance(it, Table):
        return [" | ".join(cell.replace("\n", " ") for cell in row) for row in it.rows]
    return []


def page_texts(items: tuple[Item, ...], groups: list[list[int]], *, header: str | None = None,
               footer: str | None = None) -> list[str]:
    """Each page's text as the reader returns it; the running header opens page 1 and the
    footer closes it (once, not on every page)."""
    pages = [[line for i in g for line in item_lines(items[i])] for g in groups]
    if pages and header:
        pages[0].insert(0, header)
    if pages and footer:
        pages[0].append(footer)
    return ["\n".join(lines) for lines in pages]


class _Writer:
    def __init__(self, headings: str, legacy: str | None) -> None:
        self.headings = headings
        self.encode = None
        if legacy:
            from ingest.legacy import encode

            self.encode = lambda text: encode(text, legacy)
        self.doc = new_docx()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(13)
        normal.paragraph_format.space_after = Pt(3)
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(sec, side, Cm(2.5))
        sec.left_margin = Cm(3)
        sec.right_margin = Cm(2)

    def runs(self, paragraph, text: str, *, bold: bool = False, size: int | None = None) -> None:
        pieces = self.encode(text) if self.encode else [(text, None)]
        for piece, font_name in pieces:
            run = paragraph.add_run(piece)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
            if font_name:
                _set_font(run, font_name)

    def para(self, p: Para, page_break: bool) -> None:
        pt, bold, align, _ = STYLES[p.style]
        if p.style == "heading" and self.headings == "styles":
            par = self.doc.add_paragraph(style=f"Heading {p.level or 2}")
        else:
            par = self.doc.add_paragraph()
        par.alignment = ALIGN[align]
        if align == "right-half":
            par.paragraph_format.left_indent = Cm(8)
        if p.style in ("title", "heading") and not page_break:
            par.paragraph_format.space_before = Pt(6)
        if page_break:
            par.add_run().add_break(WD_BREAK.PAGE)
        size = pt if pt != 13 else None
        if p.label is not None and p.text.startswith(p.label):
            self.runs(par, p.label, bold=True, size=size)
            self.runs(par, p.text[len(p.label):], bold=bold, size=size)
        else:
            self.runs(par, p.text, bold=bold or par.style.name.startswith("Heading"), size=size)
        for run in par.runs:
            if par.style.name.startswith("Heading"):
                run.font.color.rgb = RGBColor(0, 0, 0)
                if not self.encode:
                    _set_font(run, "Times New Roman")
                run.font.size = Pt(13 if p.level != 1 else 14)

    def table(self, t: Table) -> None:
        tbl = self.doc.add_table(rows=len(t.rows), cols=len(t.widths))
        if t.border:
            tbl.style = self.doc.styles["Table Grid"]
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        total = 16.0
        for r, row in enumerate(t.rows):
            for c, cell_text in enumerate(row):
                cell = tbl.cell(r, c)
                cell.width = Cm(total * t.widths[c])
                lines = cell_text.split("\n")
                first = cell.paragraphs[0]
                for i, line in enumerate(lines):
                    par = first if i == 0 else cell.add_paragraph()
                    centred = r < t.header or c in t.center_cols or not t.border
                    par.alignment = ALIGN["center" if centred else "left"]
                    par.paragraph_format.space_after = Pt(0)
                    self.runs(par, line, bold=r < t.header, size=t.pt)

    def header_footer(self, header: str | None, footer: str | None) -> None:
        sec = self.doc.sections[0]
        if header:
            par = sec.header.paragraphs[0]
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.runs(par, header, size=10)
        if footer:
            par = sec.footer.paragraphs[0]
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.runs(par, footer, size=10)


def _set_font(run, name: str) -> None:
    run.font.name = name
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def write_docx(path: Path, items: tuple[Item, ...], groups: list[list[int]], *,
               headings: str = "bold",
               header: str | None = None, footer: str | None = None,
               legacy: str | None = None, title: str = "", author: str = "") -> None:
    w = _Writer(headings, legacy)
    for g, indices in enumerate(groups):
        pending_break = g > 0
        for it in (items[i] for i in indices):
            if isinstance(it, Para):
                w.para(it, pending_break)
                pending_break = False
            elif isinstance(it, Table):
                w.table(it)
    w.header_footer(header, footer)
    props = w.doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = FIXED_TIME
    props.comments = ""
    props.revision = 1
    w.doc.save(str(path))
    fix_zip_times(path)


def fix_zip_times(path: Path) -> None:
    """Rewrite a ZIP-based file with fixed entry times, so equal content gives equal bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
