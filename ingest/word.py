"""Word documents to text: DOCX directly, DOC and RTF through LibreOffice.

DOCX is read with python-docx (package, parts, styles) and its XML walked in document order,
because python-docx's paragraph API skips what dossiers are full of: text boxes, content
controls, tables inside tables, page breaks in the middle of a paragraph. What comes out:

- one ``Line`` per paragraph (``part="body"``), with its style name, list numbering
  ("ilvl=0 numId=3"), boldness (every visible character bold, by run or by style) and font size
  (the size of most of its characters, run -> character style -> paragraph style -> defaults);
- one ``Line`` per table row, cells joined with " | " (``part="table"``; empty cells kept so
  columns stay in place; nested tables flattened into their cell);
- text boxes (``w:txbxContent``) as ``part="textbox"`` lines right after the paragraph that
  anchors them (the VML fallback copy of each box is skipped);
- headers at the start of page 1's lines and footers at the end of page 1's lines, each
  distinct paragraph once, whatever the number of sections;
- pages split at explicit breaks only: ``w:br w:type="page"``, ``pageBreakBefore`` (direct or
  by style) and section breaks that start a new page. Word's own pagination is not in the file.

Legacy fonts: every run's font (direct, character style, paragraph style, defaults) goes to
``ingest.legacy.decode_runs``. Text in fonts that name no encoding is decoded only when a
content probe over that text says it is legacy (fonts substituted on the way). A file whose
legacy-named runs already hold Unicode Vietnamese (re-published documents keep the old font
names) is left alone. DOC and RTF are converted to DOCX by LibreOffice and read the same way.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
import olefile
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.styles import BabelFish
from lxml import etree

from ingest import legacy
from models.domain import DocumentText, FileType, Line, Page, PageMethod
from models.errors import ConversionFailed, CorruptFile, PasswordProtected, UnsupportedType

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Subtrees whose text is not the paragraph's own: deleted or moved-away text, the VML copy of a
# text box, and the text boxes themselves (read separately, as their own lines).
_SKIP = {_w("del"), _w("moveFrom"), f"{{{MC}}}Fallback", _w("txbxContent"), _w("pPr"), _w("rPr")}
_OFF = {"0", "false", "off", "none"}


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Props:
    font: str | None = None
    bold: bool | None = None
    size: float | None = None


@dataclass
class _Styles:
    """The few style facts we use, resolved through ``basedOn`` chains."""

    names: dict[str, str] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    run_props: dict[str, _Props] = field(default_factory=dict)
    numbering: dict[str, str] = field(default_factory=dict)
    page_break_before: set[str] = field(default_factory=set)
    default_paragraph: str | None = None
    defaults: _Props = _Props()

    @classmethod
    def parse(cls, root: etree._Element | None) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        rpr = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        styles.defaults = _run_props(rpr)
        for style in root.iter(_w("style")):
            sid = style.get(_w("styleId"))
            if not sid:
                continue
            name = style.find(_w("name"))
            # "heading 1" in the file, "Heading 1" in Word's interface (and in python-docx)
            styles.names[sid] = BabelFish.internal2ui(name.get(_w("val"), sid)) \
                if name is not None else sid
            based = style.find(_w("basedOn"))
            if based is not None and based.get(_w("val")):
                styles.based_on[sid] = based.get(_w("val"))
            styles.run_props[sid] = _run_props(style.find(_w("rPr")))
            ppr = style.find(_w("pPr"))
            if ppr is not None:
                numbering = _numbering(ppr)
                if numbering:
                    styles.numbering[sid] = numbering
                if _flag(ppr.find(_w("pageBreakBefore"))):
                    styles.page_break_before.add(sid)
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true"):
                styles.default_paragraph = sid
        return styles

    def chain(self, sid: str | None) -> list[str]:
        out: list[str] = []
        while sid and sid not in out and len(out) < 32:
            out.append(sid)
            sid = self.based_on.get(sid)
        return out

    def resolve(self, direct: _Props, run_style: str | None, para_style: str | None) -> _Props:
        """Direct formatting, then character style, paragraph style, document defaults."""
        layers = [direct]
        layers += [self.run_props[s] for s in self.chain(run_style) if s in self.run_props]
        layers += [self.run_props[s] for s in self.chain(para_style) if s in self.run_props]
        layers.append(self.defaults)
        font = next((p.font for p in layers if p.font), None)
        bold = next((p.bold for p in layers if p.bold is not None), False)
        size = next((p.size for p in layers if p.size is not None), None)
        return _Props(font, bold, size)


def _flag(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(_w("val"), "true").lower() not in _OFF


def _run_props(rpr: etree._Element | None) -> _Props:
    if rpr is None:
        return _Props()
    fonts = rpr.find(_w("rFonts"))
    font = None
    if fonts is not None:  # Word draws characters above 0x7F in the hAnsi font
        font = fonts.get(_w("hAnsi")) or fonts.get(_w("ascii"))
    size_el = rpr.find(_w("sz"))
    size = None
    if size_el is not None:
        try:
            size = int(size_el.get(_w("val"), "")) / 2
        except ValueError:
            size = None
    return _Props(font, _flag(rpr.find(_w("b"))), size)


def _numbering(ppr: etree._Element) -> str | None:
    num = ppr.find(_w("numPr"))
    if num is None:
        return None
    ilvl = num.find(_w("ilvl"))
    num_id = num.find(_w("numId"))
    if num_id is None or num_id.get(_w("val")) in (None, "0"):
        return None
    level = ilvl.get(_w("val"), "0") if ilvl is not None else "0"
    return f"ilvl={level} numId={num_id.get(_w('val'))}"


# --------------------------------------------------------------------------- collecting


@dataclass
class _Run:
    text: str
    font: str | None
    bold: bool
    size: float | None


@dataclass
class _Para:
    runs: list[_Run]
    style: str | None
    numbering: str | None
    part: str


@dataclass
class _Row:
    cells: list[list[_Para]]


class _Break:
    """An explicit page break between blocks."""


_Block = _Para | _Row | _Break


@dataclass
class _Collector:
    """Walks WordprocessingML into blocks; text is decoded later, all runs at once."""

    styles: _Styles
    next_section: dict[etree._Element, etree._Element] = field(default_factory=dict)

    def body(self, container: etree._Element, part: str) -> list[_Block]:
        blocks: list[_Block] = []
        for child in container:
            if child.tag == _w("p"):
                blocks += self.paragraph(child, part)
            elif child.tag == _w("tbl"):
                blocks += self.table(child)
            elif child.tag in (_w("sdt"), _w("customXml")):
                content = child.find(_w("sdtContent"))
                blocks += self.body(content if content is not None else child, part)
        return blocks

    def table(self, tbl: etree._Element) -> list[_Block]:
        rows: list[_Block] = []
        boxes: list[_Block] = []
        for tr in tbl.iter(_w("tr")):
            if _enclosing(tr, _w("tbl")) is not tbl:
                continue  # a nested table's row: flattened into its cell below
            cells = []
            for tc in tr.iter(_w("tc")):
                if _enclosing(tc, _w("tr")) is not tr:
                    continue
                paras: list[_Para] = []
                for p in tc.iter(_w("p")):
                    if _enclosing(p, _w("txbxContent"), stop=tc) is not None:
                        continue
                    for block in self.paragraph(p, "table"):
                        if isinstance(block, _Para) and block.part == "table":
                            paras.append(block)
                        elif isinstance(block, _Para):
                            boxes.append(block)
                cells.append(paras)
            rows.append(_Row(cells))
        return rows + boxes

    def paragraph(self, p: etree._Element, part: str) -> list[_Block]:
        """A paragraph, split at page breaks inside it, then its text boxes."""
        ppr = p.find(_w("pPr"))
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style = style_el.get(_w("val")) if style_el is not None else self.styles.default_paragraph
        numbering = _numbering(ppr) if ppr is not None else None
        if numbering is None:
            numbering = next((self.styles.numbering[s] for s in self.styles.chain(style)
                              if s in self.styles.numbering), None)
        blocks: list[_Block] = []
        breaks_before = (_flag(ppr.find(_w("pageBreakBefore"))) if ppr is not None else None)
        if breaks_before is None:
            breaks_before = any(s in self.styles.page_break_before
                                for s in self.styles.chain(style))
        if breaks_before and part == "body":
            blocks.append(_Break())
        current = _Para([], style, numbering, part)
        boxes: list[etree._Element] = []
        for r in _runs(p, boxes):
            for piece in self.run_pieces(r, style):
                if isinstance(piece, _Break):
                    if part == "body":
                        blocks += [current, _Break()]
                        current = _Para([], style, None, part)
                else:
                    current.runs.append(piece)
        blocks.append(current)
        for box in boxes:
            blocks += [b for b in self.body(box, "textbox") if not isinstance(b, _Break)]
        sect = ppr.find(_w("sectPr")) if ppr is not None else None
        if sect is not None and part == "body" and self.new_page_after(sect):
            blocks.append(_Break())
        return blocks

    def new_page_after(self, sect: etree._Element) -> bool:
        """Does a new page follow the section this ``sectPr`` ends? The *next* section's
        ``w:type`` says how it starts; absent means a new page."""
        following = self.next_section.get(sect)
        kind = following.find(_w("type")) if following is not None else None
        return kind is None or kind.get(_w("val"), "nextPage") != "continuous"

    def run_pieces(self, r: etree._Element, para_style: str | None) -> list[_Run | _Break]:
        rpr = r.find(_w("rPr"))
        rstyle_el = rpr.find(_w("rStyle")) if rpr is not None else None
        rstyle = rstyle_el.get(_w("val")) if rstyle_el is not None else None
        props = self.styles.resolve(_run_props(rpr), rstyle, para_style)
        pieces: list[_Run | _Break] = []

        def add(text: str, font: str | None = props.font) -> None:
            last = pieces[-1] if pieces else None
            if isinstance(last, _Run) and last.font == font:
                last.text += text
            else:
                pieces.append(_Run(text, font, bool(props.bold), props.size))

        for child in r:
            tag = child.tag
            if tag == _w("t"):
                add(child.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                add("\t")
            elif tag == _w("br"):
                if child.get(_w("type")) == "page":
                    pieces.append(_Break())
                else:
                    add("\n")
            elif tag == _w("cr"):
                add("\n")
            elif tag == _w("softHyphen"):
                add("\u00ad")  # TCVN3 "ư": kept until the legacy decision is made
            elif tag == _w("noBreakHyphen"):
                add("-")
            elif tag == _w("sym"):
                code = _hex(child.get(_w("char")))
                if 0x20 <= code <= 0xFF or 0xF020 <= code <= 0xF0FF:
                    add(chr(code | 0xF000), child.get(_w("font")))
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
            if child.tag == _w("txbxContent"):
                if _enclosing(child, f"{{{MC}}}Fallback", stop=p) is None:
                    boxes.append(child)
                continue
            if child.tag in _SKIP:
                continue
            if child.tag == _w("r"):
                out.append(child)
                for sub in child:  # drawings inside the run may hold text boxes
                    if isinstance(sub.tag, str) and sub.tag != _w("rPr"):
                        walk_boxes(sub)
                continue
            walk(child)

    def walk_boxes(el: etree._Element) -> None:
        for box in el.iter(_w("txbxContent")):
            if _enclosing(box, f"{{{MC}}}Fallback", stop=p) is None and \
                    _enclosing(box, _w("txbxContent"), stop=p) is None:
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


# --------------------------------------------------------------------------- reading


RunDecoder = Callable[..., tuple[list[str], "str | None"]]


def read_docx(data: bytes, *, name: str = "",
              decode_runs: RunDecoder = legacy.decode_runs) -> DocumentText:
    """A .docx file's text, page by page, with legacy fonts converted to Unicode NFC.

    ``decode_runs`` is the legacy converter (``ingest.legacy.decode_runs``); the benchmark
    passes a do-nothing one to measure the text without conversion.
    """
    if data.startswith(OLE_MAGIC):
        _refuse_ole(data, name)
        raise CorruptFile(f"{name}: an OLE2 (Word 97-2003) file, not a DOCX")
    try:
        document = docx.Document(io.BytesIO(_as_plain_docx(data)))
        body = document.element.body
        styles = _Styles.parse(document.styles.element)
        headers, footers = _header_footer_parts(document)
    except Exception as exc:  # zipfile, lxml and python-docx raise many kinds
        raise CorruptFile(f"{name}: {type(exc).__name__}: {exc}") from exc
    if body is None:
        raise CorruptFile(f"{name}: word/document.xml has no body")
    sections = list(body.iter(_w("sectPr")))
    collector = _Collector(styles, dict(itertools.pairwise(sections)))
    main = collector.body(body, "body")
    top = [b for h in headers for b in collector.body(h, "header") if not isinstance(b, _Break)]
    bottom = [b for f in footers for b in collector.body(f, "footer") if not isinstance(b, _Break)]
    encoding = _decode_all(top + main + bottom, decode_runs)
    pages = _paginate(_dedupe(top), main, _dedupe(bottom), styles)
    return DocumentText(file_type=FileType.DOCX, pages=pages, legacy_encoding=encoding)


_OTHER_MAIN_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)
_DOCX_MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _as_plain_docx(data: bytes) -> bytes:
    """python-docx opens only .docx; a .docm or template is the same XML under another
    content type, so the type is rewritten (in memory) before opening."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml")
            if not any(t in types for t in _OTHER_MAIN_TYPES):
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for info in z.infolist():
                    body = z.read(info)
                    if info.filename == "[Content_Types].xml":
                        for t in _OTHER_MAIN_TYPES:
                            body = body.replace(t, _DOCX_MAIN_TYPE)
                    w.writestr(info, body)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return data  # python-docx will say what is wrong with it


def _header_footer_parts(
    document: DocxDocument,
) -> tuple[list[etree._Element], list[etree._Element]]:
    """Header and footer roots in section order, each part once."""
    seen: set[int] = set()
    headers: list[etree._Element] = []
    footers: list[etree._Element] = []
    rels = document.part.rels
    for sect in document.element.body.iter(_w("sectPr")):
        for ref in sect:
            if ref.tag not in (_w("headerReference"), _w("footerReference")):
                continue
            rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            rel = rels.get(rid) if rid else None
            if rel is None or rel.reltype not in (RT.HEADER, RT.FOOTER) or rel.is_external:
                continue
            part = rel.target_part
            if id(part) in seen:
                continue
            seen.add(id(part))
            root = getattr(part, "element", None)
            if root is None:
                root = etree.fromstring(part.blob)
            (headers if rel.reltype == RT.HEADER else footers).append(root)
    return headers, footers


def _all_runs(blocks: list[_Block]) -> list[_Run]:
    runs: list[_Run] = []
    for block in blocks:
        if isinstance(block, _Para):
            runs += block.runs
        elif isinstance(block, _Row):
            runs += [r for cell in block.cells for p in cell for r in p.runs]
    return runs


def _decode_all(blocks: list[_Block], decode_runs: RunDecoder) -> str | None:
    """Convert legacy-font text in place; return the encoding found (None if none)."""
    runs = _all_runs(blocks)
    named = [r for r in runs if legacy.font_encoding(r.font)]
    unnamed_text = " ".join(
        r.text for r in runs
        if not legacy.font_encoding(r.font) and not legacy.is_symbol_font(r.font))
    default = legacy.probe_encoding(unnamed_text)
    if named and default is None:
        named_text = " ".join(r.text for r in named)
        if legacy.has_unicode_vietnamese(named_text) and legacy.probe_encoding(named_text) is None:
            named = []  # re-published in Unicode; the old font names are only names
            runs = [r for r in runs if not legacy.font_encoding(r.font)]
    texts, found = decode_runs([(r.text, r.font) for r in runs], default=default)
    for run, text in zip(runs, texts, strict=True):
        run.text = _clean(text, run.font)
    return found


def _clean(text: str, font: str | None) -> str:
    """After decoding: soft hyphens left are real ones (invisible); symbol-font codes become
    the characters they draw; LibreOffice's RTF import writes runs of spaces as
    "\u2006 \u2006 " where the file had plain spaces, so those spacers go."""
    text = text.replace("\u00ad", "")
    text = re.sub("\u2006(?= )|(?<= )\u2006", "", text)
    if legacy.is_symbol_font(font) or re.search("[\uf020-\uf0ff]", text):
        text = "".join(_symbol_char(c, font) for c in text)
    return unicodedata.normalize("NFC", text)


_SYMBOL_GREEK = dict(zip(
    "ABGDEZHQIKLMNXOPRSTUFCYWabgdezhqiklmnxoprstufcyw",
    "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω", strict=True))
_SYMBOL_OTHER = {0xB7: "•", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xA3: "≤", 0xB3: "≥", 0xB9: "≠",
                 0xBB: "≈", 0xA5: "∞", 0xAE: "→", 0xAC: "←", 0xB0: "°", 0xD6: "√", 0xE5: "∑"}


def _symbol_char(c: str, font: str | None) -> str:
    """Symbol-font private-use codes to Unicode; Wingdings pictures become a bullet."""
    cp = ord(c)
    if 0xF020 <= cp <= 0xF0FF:
        cp -= 0xF000
    elif not legacy.is_symbol_font(font) or cp > 0xFF:
        return c
    family = (font or "").lower()
    if family.startswith("symbol"):
        return _SYMBOL_GREEK.get(chr(cp)) or _SYMBOL_OTHER.get(cp) or chr(cp)
    if family.startswith(("wingdings", "webdings")):
        return "•" if cp > 0x20 else " "
    return chr(cp)


def _dedupe(blocks: list[_Block]) -> list[_Block]:
    seen: set[str] = set()
    out: list[_Block] = []
    for block in blocks:
        key = _text_of(block)
        if key and key not in seen:
            seen.add(key)
            out.append(block)
    return out


def _para_text(p: _Para) -> str:
    return "".join(r.text for r in p.runs).strip()


def _text_of(block: _Block) -> str:
    if isinstance(block, _Para):
        return _para_text(block)
    if isinstance(block, _Row):
        return " | ".join("\n".join(filter(None, (_para_text(p) for p in cell)))
                          for cell in block.cells)
    return ""


def _line(block: _Para | _Row, styles_name: Callable[[str | None], str | None]) -> Line | None:
    """One paragraph or table row as a ``Line``: bold when every visible character is, size
    of most of its characters."""
    text = _text_of(block)
    if not text.strip(" |"):
        return None
    paras = [block] if isinstance(block, _Para) else [p for c in block.cells for p in c]
    runs = [r for p in paras for r in p.runs]
    visible = [(r, len(r.text.strip())) for r in runs if r.text.strip()]
    bold = bool(visible) and all(r.bold for r, _ in visible)
    sizes: Counter[float] = Counter()
    for r, n in visible:
        if r.size:
            sizes[r.size] += n
    first = paras[0] if paras else None
    style = styles_name(first.style) if first is not None else None
    part = block.part if isinstance(block, _Para) else "table"
    numbering = block.numbering if isinstance(block, _Para) else None
    size = sizes.most_common(1)[0][0] if sizes else None
    return Line(unicodedata.normalize("NFC", text), size=size, bold=bold, style=style,
                numbering=numbering, part=part)


def _paginate(top: list[_Block], main: list[_Block], bottom: list[_Block],
              styles: _Styles) -> tuple[Page, ...]:
    """Blocks to pages at explicit breaks; headers open page 1, footers close it. Pages with
    no text are dropped (and the rest numbered in order); there is always at least one."""
    groups: list[list[_Block]] = [[]]
    for block in main:
        if isinstance(block, _Break):
            groups.append([])
        else:
            groups[-1].append(block)
    groups[0] = top + groups[0] + bottom

    def style_name(sid: str | None) -> str | None:
        return styles.names.get(sid, sid) if sid else None

    pages: list[Page] = []
    for group in groups:
        lines = [line for b in group if (line := _line(b, style_name)) is not None]
        if not lines and (pages or len(groups) > 1):
            continue
        text = unicodedata.normalize("NFC", "\n".join(line.text for line in lines))
        pages.append(Page(len(pages) + 1, text, PageMethod.WORD, lines=tuple(lines)))
    return tuple(pages) or (Page(1, "", PageMethod.WORD),)


# --------------------------------------------------------------------------- DOC and RTF


def read_doc(data: bytes, *, name: str = "", timeout: float = 180.0,
             soffice: str | None = None,
             decode_runs: RunDecoder = legacy.decode_runs) -> DocumentText:
    """A Word 97-2003 .doc or an .rtf file, converted to DOCX by LibreOffice and read as one.

    The bytes are checked first, so that damaged and password-protected files get their own
    errors instead of a conversion failure. ``soffice`` names the LibreOffice binary (tests
    pass a fake one); by default it is found on PATH.
    """
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):  # a .docx named .doc
        return read_docx(data, name=name, decode_runs=decode_runs)
    converted = convert_to_docx(data, name=name, timeout=timeout, soffice=soffice)
    result = read_docx(converted, name=name, decode_runs=decode_runs)
    return DocumentText(file_type=FileType.RTF if is_rtf(data) else FileType.DOC,
                        pages=result.pages, problems=result.problems,
                        legacy_encoding=result.legacy_encoding,
                        meta={"converted_with": "libreoffice"})


def is_rtf(data: bytes) -> bool:
    return data[:64].lstrip()[:5] == b"{\\rtf"


def convert_to_docx(data: bytes, *, name: str = "", timeout: float = 180.0,
                    soffice: str | None = None) -> bytes:
    """.doc or .rtf bytes -> .docx bytes, after checking the .doc container."""
    rtf = is_rtf(data)
    if not rtf:
        _check_doc(data, name)
    return _run_soffice(data, ".rtf" if rtf else ".doc", name, timeout, soffice)


def _refuse_ole(data: bytes, name: str) -> None:
    """An OLE2 container holding an encrypted OOXML package is a password-protected
    .docx/.xlsx; say so instead of 'corrupt'."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                raise PasswordProtected(f"{name}: encrypted Office package")
    except PasswordProtected:
        raise
    except Exception as exc:  # olefile raises OSError, struct and index errors
        raise CorruptFile(f"{name}: damaged OLE2 container: {exc}") from exc


def _check_doc(data: bytes, name: str) -> None:
    """A .doc must be an OLE2 file with a WordDocument stream whose FIB is not encrypted."""
    if not data.startswith(OLE_MAGIC):
        raise CorruptFile(f"{name}: neither a Word 97-2003 (OLE2) file nor RTF")
    _refuse_ole(data, name)
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise UnsupportedType(f"{name}: an OLE2 file without a WordDocument stream")
            fib = ole.openstream("WordDocument").read(0x20)
    except (UnsupportedType, PasswordProtected):
        raise
    except Exception as exc:  # olefile raises OSError, struct and index errors
        raise CorruptFile(f"{name}: damaged OLE2 container: {exc}") from exc
    if len(fib) < 0x0C:
        raise CorruptFile(f"{name}: WordDocument stream too short")
    flags = int.from_bytes(fib[0x0A:0x0C], "little")
    if flags & 0x0100:  # FIB.fEncrypted
        raise PasswordProtected(f"{name}: the Word document is encrypted")


def _soffice(binary: str | None) -> str:
    found = binary or shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ConversionFailed("LibreOffice (soffice) is not installed")
    return found


def _run_soffice(data: bytes, suffix: str, name: str, timeout: float,
                 binary: str | None) -> bytes:
    """Run LibreOffice headless on the bytes; each call has its own profile, so calls can
    run in parallel, and the whole process group is killed on timeout."""
    soffice = _soffice(binary)
    with tempfile.TemporaryDirectory(prefix="hoso-lo-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        outdir = work / "out"
        outdir.mkdir()
        profile = (work / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--nolockcheck", "--nodefault", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(outdir), str(source)]
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    stdin=subprocess.DEVNULL, cwd=tmp, start_new_session=True)
        except OSError as exc:
            raise ConversionFailed(f"{name}: cannot start LibreOffice: {exc}") from exc
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _kill_group(proc)
            raise ConversionFailed(f"{name}: LibreOffice ran past {timeout:.0f} s") from exc
        finally:
            if proc.poll() is None:
                _kill_group(proc)
        result = outdir / "input.docx"
        if proc.returncode != 0:
            raise ConversionFailed(f"{name}: LibreOffice exited {proc.returncode}: "
                                   f"{err.decode(errors='replace')[-500:]}")
        if not result.exists() or result.stat().st_size == 0:
            if suffix == ".rtf" and not _rtf_closed(data):
                raise CorruptFile(f"{name}: truncated RTF (its groups never close)")
            raise ConversionFailed(f"{name}: LibreOffice produced nothing: "
                                   f"{(out + err).decode(errors='replace')[-500:]}")
        return result.read_bytes()


def _rtf_closed(data: bytes) -> bool:
    """Does the RTF's outermost group close? A truncated file's does not."""
    depth = 0
    unescaped = re.sub(rb"\\.", b"", data)
    for byte in unescaped:
        if byte == 0x7B:
            depth += 1
        elif byte == 0x7D:
            depth -= 1
            if depth == 0:
                return True
    return False


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()
