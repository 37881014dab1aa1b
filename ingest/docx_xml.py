"""WordprocessingML walked in document order: styles, paragraphs, runs, tables, text boxes.

python-docx's paragraph API skips what dossiers are full of (text boxes, content controls,
tables inside tables, page breaks in the middle of a paragraph), so ``ingest.word`` reads the
XML itself through this module:

- ``Styles.parse`` reads the few style facts we use (names, ``basedOn`` chains, run fonts,
  boldness and sizes, list numbering, ``pageBreakBefore``, document defaults) and ``resolve``
  gives a run its properties: direct, then character style, paragraph style, defaults;
- ``Collector`` turns a body, header, footer or text box into blocks: a ``Para`` per paragraph
  (its ``Run`` pieces, style, numbering "ilvl=0 numId=3" and part), a ``Row`` per table row
  (nested tables flattened into their cell), a ``Break`` at each explicit page break
  (``w:br w:type="page"``, ``pageBreakBefore``, a section break that starts a new page). Text
  boxes (``w:txbxContent``) follow the paragraph that anchors them; the VML fallback copy of
  each box, deleted and moved-away text are skipped.

The text stays as stored: legacy-font decoding, cleaning and pagination are ``ingest.word``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.styles import BabelFish
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def wtag(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: ``wtag("p")`` is ``{W}p``."""
    return f"{{{W}}}{tag}"


# Subtrees whose text is not the paragraph's own: deleted or moved-away text, the VML copy of a
# text box, and the text boxes themselves (read separately, as their own lines).
_SKIP = {wtag("del"), wtag("moveFrom"), f"{{{MC}}}Fallback", wtag("txbxContent"), wtag("pPr"),
         wtag("rPr")}
_OFF = {"0", "false", "off", "none"}


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Props:
    font: str | None = None
    bold: bool | None = None
    size: float | None = None


@dataclass
class Styles:
    """The few style facts we use, resolved through ``basedOn`` chains."""

    names: dict[str, str] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    run_props: dict[str, Props] = field(default_factory=dict)
    numbering: dict[str, str] = field(default_factory=dict)
    page_break_before: set[str] = field(default_factory=set)
    default_paragraph: str | None = None
    defaults: Props = Props()

    @classmethod
    def parse(cls, root: etree._Element | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        rpr = root.find(f"{wtag('docDefaults')}/{wtag('rPrDefault')}/{wtag('rPr')}")
        styles.defaults = _run_props(rpr)
        for style in root.iter(wtag("style")):
            sid = style.get(wtag("styleId"))
            if not sid:
                continue
            name = style.find(wtag("name"))
            # "heading 1" in the file, "Heading 1" in Word's interface (and in python-docx)
            styles.names[sid] = BabelFish.internal2ui(name.get(wtag("val"), sid)) \
                if name is not None else sid
            based = style.find(wtag("basedOn"))
            if based is not None and based.get(wtag("val")):
                styles.based_on[sid] = based.get(wtag("val"))
            styles.run_props[sid] = _run_props(style.find(wtag("rPr")))
            ppr = style.find(wtag("pPr"))
            if ppr is not None:
                numbering = _numbering(ppr)
                if numbering:
                    styles.numbering[sid] = numbering
                if _flag(ppr.find(wtag("pageBreakBefore"))):
                    styles.page_break_before.add(sid)
            if style.get(wtag("type")) == "paragraph" and \
                    style.get(wtag("default")) in ("1", "true"):
                styles.default_paragraph = sid
        return styles

    def chain(self, sid: str | None) -> list[str]:
        out: list[str] = []
        while sid and sid not in out and len(out) < 32:
            out.append(sid)
            sid = self.based_on.get(sid)
        return out

    def resolve(self, direct: Props, run_style: str | None, para_style: str | None) -> Props:
        """Direct formatting, then character style, paragraph style, document defaults."""
        layers = [direct]
        layers += [self.run_props[s] for s in self.chain(run_style) if s in self.run_props]
        layers += [self.run_props[s] for s in self.chain(para_style) if s in self.run_props]
        layers.append(self.defaults)
        font = next((p.font for p in layers if p.font), None)
        bold = next((p.bold for p in layers if p.bold is not None), False)
        size = next((p.size for p in layers if p.size is not None), None)
        return Props(font, bold, size)


def _flag(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(wtag("val"), "true").lower() not in _OFF


def _run_props(rpr: etree._Element | None) -> Props:
    if rpr is None:
        return Props()
    fonts = rpr.find(wtag("rFonts"))
    font = None
    if fonts is not None:  # Word draws characters above 0x7F in the hAnsi font
        font = fonts.get(wtag("hAnsi")) or fonts.get(wtag("ascii"))
    size_el = rpr.find(wtag("sz"))
    size = None
    if size_el is not None:
        try:
            size = int(size_el.get(wtag("val"), "")) / 2
        except ValueError:
            size = None
    return Props(font, _flag(rpr.find(wtag("b"))), size)


def _numbering(ppr: etree._Element) -> str | None:
    num = ppr.find(wtag("numPr"))
    if num is None:
        return None
    ilvl = num.find(wtag("ilvl"))
    num_id = num.find(wtag("numId"))
    if num_id is None or num_id.get(wtag("val")) in (None, "0"):
        return None
    level = ilvl.get(wtag("val"), "0") if ilvl is not None else "0"
    return f"ilvl={level} numId={num_id.get(wtag('val'))}"


# --------------------------------------------------------------------------- collecting


@dataclass
class Run:
    text: str
    font: str | None
    bold: bool
    size: float | None


@dataclass
class Para:
    runs: list[Run]
    style: str | None
    numbering: str | None
    part: str


@dataclass
class Row:
    cells: list[list[Para]]


class Break:
    """An explicit page break between blocks."""


Block = Para | Row | Break


@dataclass
class Collector:
    """Walks WordprocessingML into blocks; text is decoded later, all runs at once."""

    styles: Styles
    next_section: dict[etree._Element, etree._Element] = field(default_factory=dict)

    def body(self, container: etree._Element, part: str) -> list[Block]:
        blocks: list[Block] = []
        for child in container:
            if child.tag == wtag("p"):
                blocks += self.paragraph(child, part)
            elif child.tag == wtag("tbl"):
                blocks += self.table(child)
            elif child.tag in (wtag("sdt"), wtag("customXml")):
                content = child.find(wtag("sdtContent"))
                blocks += self.body(content if content is not None else child, part)
        return blocks

    def table(self, tbl: etree._Element) -> list[Block]:
        rows: list[Block] = []
        boxes: list[Block] = []
        for tr in tbl.iter(wtag("tr")):
            if _enclosing(tr, wtag("tbl")) is not tbl:
                continue  # a nested table's row: flattened into its cell below
            cells = []
            for tc in tr.iter(wtag("tc")):
                if _enclosing(tc, wtag("tr")) is not tr:
                    continue
                paras: list[Para] = []
                for p in tc.iter(wtag("p")):
                    if _enclosing(p, wtag("txbxContent"), stop=tc) is not None:
                        continue
                    for block in self.paragraph(p, "table"):
                        if isinstance(block, Para) and block.part == "table":
                            paras.append(block)
                        elif isinstance(block, Para):
                            boxes.append(block)
                cells.append(paras)
            rows.append(Row(cells))
        return rows + boxes

    def paragraph(self, p: etree._Element, part: str) -> list[Block]:
        """A paragraph, split at page breaks inside it, then its text boxes."""
        ppr = p.find(wtag("pPr"))
        style_el = ppr.find(wtag("pStyle")) if ppr is not None else None
        style = style_el.get(wtag("val")) if style_el is not None else self.styles.default_paragraph
        numbering = _numbering(ppr) if ppr is not None else None
        if numbering is None:
            numbering = next((self.styles.numbering[s] for s in self.styles.chain(style)
                              if s in self.styles.numbering), None)
        blocks: list[Block] = []
        breaks_before = (_flag(ppr.find(wtag("pageBreakBefore"))) if ppr is not None else None)
        if breaks_before is None:
            breaks_before = any(s in self.styles.page_break_before
                                for s in self.styles.chain(style))
        if breaks_before and part == "body":
            blocks.append(Break())
        current = Para([], style, numbering, part)
        boxes: list[etree._Element] = []
        for r in _runs(p, boxes):
            for piece in self.run_pieces(r, style):
                if isinstance(piece, Break):
                    if part == "body":
                        blocks += [current, Break()]
                        current = Para([], style, None, part)
                else:
                    current.runs.append(piece)
        blocks.append(current)
        for box in boxes:
            blocks += [b for b in self.body(box, "textbox") if not isinstance(b, Break)]
        sect = ppr.find(wtag("sectPr")) if ppr is not None else None
        if sect is not None and part == "body" and self.new_page_after(sect):
            blocks.append(Break())
        return blocks

    def new_page_after(self, sect: etree._Element) -> bool:
        """Does a new page follow the section this ``sectPr`` ends? The *next* section's
        ``w:type`` says how it starts; absent means a new page."""
        following = self.next_section.get(sect)
        kind = following.find(wtag("type")) if following is not None else None
        return kind is None or kind.get(wtag("val"), "nextPage") != "continuous"

    def run_pieces(self, r: etree._Element, para_style: str | None) -> list[Run | Break]:
        rpr = r.find(wtag("rPr"))
        rstyle_el = rpr.find(wtag("rStyle")) if rpr is not None else None
        rstyle = rstyle_el.get(wtag("val")) if rstyle_el is not None else None
        props = self.styles.resolve(_run_props(rpr), rstyle, para_style)
        pieces: list[Run | Break] = []

        def add(text: str, font: str | None = props.font) -> None:
            last = pieces[-1] if pieces else None
            if isinstance(last, Run) and last.font == font:
                last.text += text
            else:
                pieces.append(Run(text, font, bool(props.bold), props.size))

        for child in r:
            tag = child.tag
            if tag == wtag("t"):
                add(child.text or "")
            elif tag in (wtag("tab"), wtag("ptab")):
                add("\t")
            elif tag == wtag("br"):
                if child.get(wtag("type")) == "page":
                    pieces.append(Break())
                else:
                    add("\n")
            elif tag == wtag("cr"):
                add("\n")
            elif tag == wtag("softHyphen"):
                add("\u00ad")  # TCVN3 "ư": kept until the legacy decision is made
            elif tag == wtag("noBreakHyphen"):
                add("-")
            elif tag == wtag("sym"):
                code = _hex(child.get(wtag("char")))
                if 0x20 <= code <= 0xFF or 0xF020 <= code <= 0xF0FF:
                    add(chr(code | 0xF000), child.get(wtag("font")))
        return pieces


def _hex(value: str | None) -> int:
    try:
        return int(value or "", 16)
    except ValueError:
        return -1


def _runs(p: etree._Element, boxes: list[etree._Element]) -> list[etree._Element]:
    """The paragraph's runs in order (through hyperlinks, fields, insertions, content
    controls), collecting the text boxes met on the way into ``boxes``."""
    out: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == wtag("txbxContent"):
                if _enclosing(child, f"{{{MC}}}Fallback", stop=p) is None:
                    boxes.append(child)
                continue
            if child.tag in _SKIP:
                continue
            if child.tag == wtag("r"):
                out.append(child)
                for sub in child:  # drawings inside the run may hold text boxes
                    if isinstance(sub.tag, str) and sub.tag != wtag("rPr"):
                        walk_boxes(sub)
                continue
            walk(child)

    def walk_boxes(el: etree._Element) -> None:
        for box in el.iter(wtag("txbxContent")):
            if _enclosing(box, f"{{{MC}}}Fallback", stop=p) is None and \
                    _enclosing(box, wtag("txbxContent"), stop=p) is None:
                boxes.append(box)

    walk(p)
    return out


def _enclosing(el: etree._Element, tag: str,
               stop: etree._Element | None = None) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return parent
        parent = parent.getparent()
    return None
