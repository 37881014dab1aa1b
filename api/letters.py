"""The paper the council's office sends back to a unit: the supplement letter (DOCX). (The
round's dossier list, XLSX, is ``api.round_list``.)

Pure functions: frozen dataclasses in, bytes out; no web framework, no database session (the
routes in ``api.exports`` gather the data).

- ``supplement_letter``: "Phiếu kiểm tra hồ sơ và đề nghị bổ sung", laid out the way Nghị định
  30/2020/NĐ-CP lays out an administrative document: A4; margins 2 cm top and bottom, 3 cm
  left, 1.5 cm right; Times New Roman 14 pt (13 in tables, 12 for the header's capitals, as
  the decree allows); the two-column header (agency, number | national motto, place and
  date); the title; the body; "Nơi nhận" and the signature block. Its fixed
  phrases are the fields of ``Wording``; ``letter_items`` turns a report's completeness into
  the rows of its table (missing parts first, then other errors, then warnings).

Dates are written the legal way (``vn_date``): days below 10 and the months January and
February take a leading zero ("ngày 05 tháng 01 năm 2027", "ngày 15 tháng 3 năm 2027").
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from models.dates import VN_TZ

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 12  # NĐ 30/2020: agency names and the national name 12-13 pt, in capitals
STATUS_VI = {"pending": "Chờ xử lý", "processing": "Đang xử lý", "done": "Đã xử lý",
             "partial": "Xử lý một phần", "failed": "Lỗi"}
DECISION_VI = {"accept": "Công nhận", "supplement": "Yêu cầu bổ sung", "reject": "Không công nhận"}
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def vn_date(d: date) -> str:
    """"ngày 05 tháng 01 năm 2027": a leading zero for days < 10 and months 1–2 (NĐ 30/2020)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def clean(text: str | None) -> str:
    """``text`` without the control characters that XML (DOCX, XLSX) cannot hold."""
    return _NOT_XML.sub("", text or "")


# ------------------------------------------------------------------------------ inputs


@dataclass(frozen=True)
class LetterItem:
    """One row of the letter's table: what to supplement or correct, and a note (a page)."""

    text: str
    note: str = ""
    severity: str = "error"  # "error" | "warning"


@dataclass(frozen=True)
class Wording:
    """The letter's fixed phrases. ``{deadline}``, ``{days}``, ``{org_name}`` and ``{code}``
    in them are filled in from the letter."""

    national: str = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    title: str = "PHIẾU KIỂM TRA HỒ SƠ VÀ ĐỀ NGHỊ BỔ SUNG"
    subtitle: str = "Hồ sơ đề nghị công nhận sáng kiến"
    to: str = "Kính gửi:"
    nobody: str = "…………………………………………"  # when neither unit nor authors are known
    intro: str = "Thư ký Hội đồng sáng kiến đã kiểm tra hồ sơ đề nghị công nhận sáng kiến sau:"
    label_title: str = "Tên sáng kiến:"
    label_authors: str = "Tác giả:"
    label_code: str = "Mã hồ sơ:"
    label_round: str = "Đợt xét:"
    label_received: str = "Ngày tiếp nhận:"
    unknown: str = "(chưa xác định)"
    result: str = "Kết quả kiểm tra: hồ sơ cần bổ sung, hoàn thiện các thành phần, nội dung sau:"
    columns: tuple[str, str, str] = ("STT", "Thành phần / nội dung cần bổ sung", "Ghi chú (trang …)")
    nothing: str = "Không có thành phần, nội dung cần bổ sung."
    ask_by_date: str = ("Đề nghị Quý đơn vị bổ sung, hoàn thiện hồ sơ theo các nội dung nêu trên và "
                        "gửi lại trước {deadline}.")
    ask_in_days: str = ("Đề nghị Quý đơn vị bổ sung, hoàn thiện hồ sơ theo các nội dung nêu trên "
                        "trong thời hạn {days} ngày làm việc kể từ ngày nhận phiếu này.")
    resubmit: str = ("Hồ sơ, tài liệu bổ sung gửi về Thư ký Hội đồng sáng kiến ({org_name}), nơi đã "
                     "tiếp nhận hồ sơ, ghi rõ mã hồ sơ {code}. Quá thời hạn trên mà không bổ sung, "
                     "hồ sơ không được đưa ra xem xét trong đợt này.")
    recipients_label: str = "Nơi nhận:"
    recipients: tuple[str, ...] = ("- Như trên;", "- Lưu: VT, HĐSK.")
    sign_note: str = "(Ký, ghi rõ họ tên)"


@dataclass(frozen=True)
class SupplementLetter:
    """What one supplement letter says. ``number`` empty: a blank the office fills in from its
    register; ``deadline`` None: "within ``days`` working days of receiving this letter"."""

    code: str  # the dossier's id as the office quotes it
    title: str | None
    authors: tuple[str, ...]
    unit: str | None
    round: str | None
    received: date | None
    issued: date
    items: tuple[LetterItem, ...]
    number: str = ""
    deadline: date | None = None
    days: int = 10
    signer: str = ""
    signer_position: tuple[str, ...] = ("TM. HỘI ĐỒNG SÁNG KIẾN", "THƯ KÝ")
    org_parent: str = "UBND TỈNH HÒA BÌNH"
    org_name: str = "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    place: str = "Hòa Bình"
    number_suffix: str = "PKT-SKHCN"
    made_at: datetime | None = None  # the file's creation time; default: the issue date
    wording: Wording = field(default_factory=Wording)


def letter_items(completeness: Mapping[str, Any], *, file_note: str = "Tệp {file}",
                 page_note: str = "trang {page}") -> tuple[LetterItem, ...]:
    """The rows of a letter from a report's ``completeness``: each missing part (its label; the
    file and page its finding names, if any), then the other errors, then the warnings (their
    messages); info left out."""
    missing = list(completeness.get("missing") or [])
    keys = {m.get("key") for m in missing}
    findings = list(completeness.get("findings") or [])
    covering = {f.get("key"): f for f in findings if f.get("key") in keys}

    def note(finding: Mapping[str, Any] | None) -> str:
        file, page = (finding or {}).get("file"), (finding or {}).get("page")
        parts = (file_note.format(file=file.rsplit("/", 1)[-1]) if file else "",
                 page_note.format(page=page) if page else "")
        return ", ".join(x for x in parts if x)

    parts = [LetterItem(m.get("label") or m.get("key") or "", note(covering.get(m.get("key"))))
             for m in missing]
    rest = [f for f in findings if f.get("key") not in keys]
    others = [LetterItem(f.get("message") or f.get("code") or "", note(f), severity)
              for severity in ("error", "warning") for f in rest if f.get("severity") == severity]
    return (*parts, *others)


# ------------------------------------------------------------------ the supplement letter


def supplement_letter(data: SupplementLetter) -> bytes:
    """The letter as DOCX bytes."""
    doc = Document()
    _page(doc)
    _fonts(doc)
    _header(doc, data)
    _heading(doc, data)
    _dossier(doc, data)
    _items(doc, data)
    _request(doc, data)
    _signature(doc, data)
    _properties(doc, data)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


TEXT_WIDTH_CM = 21 - 3 - 1.5


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)


def _fonts(doc: DocxDocument) -> None:
    """Times New Roman everywhere (the template's theme fonts replaced), 14 pt, Vietnamese."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)
    rpr.find(qn("w:lang")).set(qn("w:val"), "vi-VN")
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _header(doc: DocxDocument, data: SupplementLetter) -> None:
    left, right = 6.9, TEXT_WIDTH_CM - 6.9  # the national name fits on one line at 12 pt
    table = _bare_table(doc, 2, (left, right))
    agency, nation = table.cell(0, 0), table.cell(0, 1)
    _line(agency, data.org_parent.upper(), size=HEADER_PT)
    _line(agency, data.org_name.upper(), size=HEADER_PT, bold=True)
    _rule(agency, left, 2.5)
    _line(nation, data.wording.national, size=HEADER_PT, bold=True)
    _line(nation, data.wording.motto, size=13, bold=True)
    _rule(nation, right, 6.0)
    number = f"Số: {data.number}/" if data.number else "Số:" + " " * 6 + "/"
    _line(table.cell(1, 0), number + data.number_suffix, size=13)
    _line(table.cell(1, 1), f"{data.place}, {vn_date(data.issued)}", italic=True)


def _heading(doc: DocxDocument, data: SupplementLetter) -> None:
    w = data.wording
    _body(doc, w.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=0)
    _body(doc, w.subtitle, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    to = data.unit or ", ".join(data.authors) or w.nobody
    _body(doc, f"{w.to} {to}", align=WD_ALIGN_PARAGRAPH.CENTER, after=12)


def _dossier(doc: DocxDocument, data: SupplementLetter) -> None:
    w = data.wording
    _body(doc, w.intro, indent=True)
    received = data.received.strftime("%d/%m/%Y") if data.received else None
    for label, value in ((w.label_title, data.title), (w.label_authors, ", ".join(data.authors)),
                         (w.label_code, data.code), (w.label_round, data.round),
                         (w.label_received, received)):
        p = _body(doc, "", indent=True, after=3)
        _run(p, f"- {label} ", bold=True)
        _run(p, value or w.unknown)


def _items(doc: DocxDocument, data: SupplementLetter) -> None:
    w = data.wording
    _body(doc, w.result, indent=True, before=6)
    widths = (1.3, 10.2, TEXT_WIDTH_CM - 11.5)
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    _repeat_header(table)
    for cell, text in zip(table.rows[0].cells, w.columns):
        _line(cell, text, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    rows = data.items or (LetterItem(w.nothing),)
    for n, item in enumerate(rows, 1):
        cells = table.add_row().cells
        _line(cells[0], str(n) if data.items else "", size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
        _line(cells[1], item.text, size=13, align=WD_ALIGN_PARAGRAPH.LEFT)
        _line(cells[2], item.note, size=13, align=WD_ALIGN_PARAGRAPH.LEFT)
    _widths(table, widths)


def _request(doc: DocxDocument, data: SupplementLetter) -> None:
    w = data.wording
    values = {"deadline": vn_date(data.deadline) if data.deadline else "", "days": data.days,
              "org_name": data.org_name, "code": data.code}
    ask = w.ask_by_date if data.deadline else w.ask_in_days
    _body(doc, _fill(ask, values), indent=True, before=12)
    _body(doc, _fill(w.resubmit, values), indent=True)


def _signature(doc: DocxDocument, data: SupplementLetter) -> None:
    w = data.wording
    left, right = 7.0, TEXT_WIDTH_CM - 7.0
    _body(doc, "")
    table = _bare_table(doc, 1, (left, right))
    whom, signer = table.cell(0, 0), table.cell(0, 1)
    _line(whom, w.recipients_label, size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in w.recipients:
        _line(whom, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in data.signer_position:
        _line(signer, line.upper(), bold=True)
    _line(signer, w.sign_note, italic=True, size=13)
    for _ in range(4):  # room for the signature
        _line(signer, "")
    _line(signer, data.signer, bold=True)


def _properties(doc: DocxDocument, data: SupplementLetter) -> None:
    made = data.made_at or datetime.combine(data.issued, time(), VN_TZ)
    if made.tzinfo is not None:  # python-docx writes the time as UTC
        made = made.astimezone(UTC).replace(tzinfo=None)
    props = doc.core_properties
    props.title = f"{data.wording.title.capitalize()} – hồ sơ {data.code}"
    props.author = props.last_modified_by = "hoso"
    props.created = props.modified = made
    props.language = "vi-VN"


# ------------------------------------------------------------------------- docx helpers


def _fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with the known ``{names}`` filled; any other braces left as they are."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m[1], m[0])), template)


def _run(p: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
         size: float | None = None) -> None:
    run = p.add_run(clean(text))
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)


def _body(doc: DocxDocument, text: str, *, bold: bool = False, indent: bool = False,
          align: int = WD_ALIGN_PARAGRAPH.JUSTIFY, before: float = 0, after: float = 6) -> Paragraph:
    p = doc.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(1)
    if text:
        _run(p, text, bold=bold)
    return p


def _line(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
          align: int = WD_ALIGN_PARAGRAPH.CENTER) -> Paragraph:
    """A paragraph in ``cell`` (its first, empty one first)."""
    untouched = len(cell.paragraphs) == 1 and len(cell.paragraphs[0]._p) == 0
    p = cell.paragraphs[0] if untouched else cell.add_paragraph()
    p.alignment = align  # a paragraph used once has properties: the next line is a new one
    if text:
        _run(p, text, bold=bold, italic=italic, size=size)
    return p


def _rule(cell: _Cell, cell_cm: float, line_cm: float) -> None:
    """A short centred line under the last text of ``cell`` (the header's underlines)."""
    p = cell.add_paragraph()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p._p.get_or_add_pPr().append(borders)  # first in a fresh pPr: its schema order holds
    side = max((cell_cm - line_cm) / 2, 0)
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(side)
    fmt.space_after, fmt.line_spacing = Pt(6), Pt(3)  # a thin empty line: only its border shows


def _bare_table(doc: DocxDocument, rows: int, widths: Sequence[float]) -> Table:
    table = doc.add_table(rows=rows, cols=len(widths))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar",
                                           "w:tblLook", "w:tblCaption", "w:tblDescription")
    _widths(table, widths)
    return table


def _widths(table: Table, widths: Sequence[float]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def _repeat_header(table: Table) -> None:
    """The table's first row printed again at the top of every page it runs onto."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
