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

The XML walking is ``ingest.docx_xml``; LibreOffice and the .doc container checks are
``ingest.soffice`` (``convert_to_docx`` and ``is_rtf`` stay importable from here). This module
decodes the collected runs, turns blocks into lines and pages, and reads DOC and RTF.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ingest import legacy
from ingest.docx_xml import Block, Break, Collector, Para, Row, Run, Styles, wtag
from ingest.soffice import OLE_MAGIC, check_ole, convert_to_docx, is_rtf
from models.domain import DocumentText, FileType, Line, Page, PageMethod
from models.errors import CorruptFile

# --------------------------------------------------------------------------- reading


RunDecoder = Callable[..., tuple[list[str], "str | None"]]


def read_docx(data: bytes, *, name: str = "",
              decode_runs: RunDecoder = legacy.decode_runs) -> DocumentText:
    """A .docx file's text, page by page, with legacy fonts converted to Unicode NFC.

    ``decode_runs`` is the legacy converter (``ingest.legacy.decode_runs``); the benchmark
    passes a do-nothing one to measure the text without conversion.
    """
    if data.startswith(OLE_MAGIC):
        check_ole(data, name)
        raise CorruptFile(f"{name}: an OLE2 (Word 97-2003) file, not a DOCX")
    try:
        document = docx.Document(io.BytesIO(_as_plain_docx(data)))
        body = document.element.body
        styles = Styles.parse(document.styles.element)
        headers, footers = _header_footer_parts(document)
    except Exception as exc:  # zipfile, lxml and python-docx raise many kinds
        raise CorruptFile(f"{name}: {type(exc).__name__}: {exc}") from exc
    if body is None:
        raise CorruptFile(f"{name}: word/document.xml has no body")
    sections = list(body.iter(wtag("sectPr")))
    collector = Collector(styles, dict(itertools.pairwise(sections)))
    main = collector.body(body, "body")
    top = [b for h in headers for b in collector.body(h, "header") if not isinstance(b, Break)]
    bottom = [b for f in footers for b in collector.body(f, "footer") if not isinstance(b, Break)]
    encoding = _decode_all(top + main + bottom, decode_runs)
    pages = _paginate(_dedupe(top), main, _dedupe(bottom), styles)
    return DocumentText(file_type=FileType.DOCX, pages=pages, legacy_encoding=encoding)


_OTHER_MAIN_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)
_DOCX_MAIN_TYPE = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")


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
    for sect in document.element.body.iter(wtag("sectPr")):
        for ref in sect:
            if ref.tag not in (wtag("headerReference"), wtag("footerReference")):
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


def _all_runs(blocks: list[Block]) -> list[Run]:
    runs: list[Run] = []
    for block in blocks:
        if isinstance(block, Para):
            runs += block.runs
        elif isinstance(block, Row):
            runs += [r for cell in block.cells for p in cell for r in p.runs]
    return runs


def _decode_all(blocks: list[Block], decode_runs: RunDecoder) -> str | None:
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


def _dedupe(blocks: list[Block]) -> list[Block]:
    seen: set[str] = set()
    out: list[Block] = []
    for block in blocks:
        key = _text_of(block)
        if key and key not in seen:
            seen.add(key)
            out.append(block)
    return out


def _para_text(p: Para) -> str:
    return "".join(r.text for r in p.runs).strip()


def _text_of(block: Block) -> str:
    if isinstance(block, Para):
        return _para_text(block)
    if isinstance(block, Row):
        return " | ".join("\n".join(filter(None, (_para_text(p) for p in cell)))
                          for cell in block.cells)
    return ""


def _line(block: Para | Row, styles_name: Callable[[str | None], str | None]) -> Line | None:
    """One paragraph or table row as a ``Line``: bold when every visible character is, size
    of most of its characters."""
    text = _text_of(block)
    if not text.strip(" |"):
        return None
    paras = [block] if isinstance(block, Para) else [p for c in block.cells for p in c]
    runs = [r for p in paras for r in p.runs]
    visible = [(r, len(r.text.strip())) for r in runs if r.text.strip()]
    bold = bool(visible) and all(r.bold for r, _ in visible)
    sizes: Counter[float] = Counter()
    for r, n in visible:
        if r.size:
            sizes[r.size] += n
    first = paras[0] if paras else None
    style = styles_name(first.style) if first is not None else None
    part = block.part if isinstance(block, Para) else "table"
    numbering = block.numbering if isinstance(block, Para) else None
    size = sizes.most_common(1)[0][0] if sizes else None
    return Line(unicodedata.normalize("NFC", text), size=size, bold=bold, style=style,
                numbering=numbering, part=part)


def _paginate(top: list[Block], main: list[Block], bottom: list[Block],
              styles: Styles) -> tuple[Page, ...]:
    """Blocks to pages at explicit breaks; headers open page 1, footers close it. Pages with
    no text are dropped (and the rest numbered in order); there is always at least one."""
    groups: list[list[Block]] = [[]]
    for block in main:
        if isinstance(block, Break):
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
