"""The round's dossier list as XLSX, for the council: sheet "Danh sách" (one row per dossier:
status, missing parts, duplicate warnings, mean score, result, decision) and sheet "Cảnh báo
trùng" (one row per duplicate warning), ready to filter and to print on A4 landscape.

A pure function (``round_list_xlsx``): frozen dataclasses in, bytes out; ``api.exports``
gathers the rows. Text cells are always text, so a title beginning with "=" is never a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from api.letters import DECISION_VI, FONT, STATUS_VI, clean


@dataclass(frozen=True)
class WarningRow:
    """A duplicate warning (a match not excluded): the other dossier, similarity and coverage
    (the share of this dossier's text found in the other), both 0..1."""

    other_id: int
    other_title: str | None
    similarity: float
    coverage: float


@dataclass(frozen=True)
class ListRow:
    """One dossier of the round's list. ``status`` and ``decision`` are codes (``STATUS_VI``,
    ``DECISION_VI``); ``score_mean``/``passed`` are None until a score sheet is submitted."""

    dossier_id: int
    title: str | None
    authors: tuple[str, ...]
    unit: str | None
    field: str | None
    round: str | None
    status: str
    missing: int
    score_mean: float | None = None
    sheets: int = 0
    passed: bool | None = None
    decision: str | None = None
    reason: str | None = None
    warnings: tuple[WarningRow, ...] = ()


class Column(NamedTuple):
    header: str
    width: float
    number_format: str | None = None


LIST_COLUMNS = (
    Column("STT", 6), Column("Mã hồ sơ", 9), Column("Tên sáng kiến", 45), Column("Tác giả", 26),
    Column("Đơn vị", 26), Column("Lĩnh vực", 16), Column("Đợt", 9), Column("Trạng thái xử lý", 14),
    Column("Thiếu thành phần", 11), Column("Cảnh báo trùng", 10), Column("Điểm TB", 9, "0.00"),
    Column("Số phiếu đã nộp", 10), Column("Kết quả chấm", 11), Column("Quyết định", 16),
    Column("Lý do", 40),
)
WARNING_COLUMNS = (
    Column("STT", 6), Column("Mã hồ sơ", 9), Column("Tên sáng kiến", 45),
    Column("Mã hồ sơ trùng", 11), Column("Tên sáng kiến trùng", 45),
    Column("Độ tương đồng", 12, "0.0%"), Column("Tỷ lệ nội dung trùng", 13, "0.0%"),
)
LIST_SHEET, WARNING_SHEET = "Danh sách", "Cảnh báo trùng"
HEADER_ROW = 3
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def round_list_xlsx(rows: Sequence[ListRow], *, title: str, generated_at: datetime) -> bytes:
    """The round's dossiers as XLSX: sheet "Danh sách" and sheet "Cảnh báo trùng"."""
    wb = Workbook()
    listed = wb.active
    listed.title = LIST_SHEET
    _sheet(listed, title, generated_at, LIST_COLUMNS, [_list_values(n, r) for n, r in enumerate(rows, 1)])
    warned = [(r, w) for r in rows for w in r.warnings]
    _sheet(wb.create_sheet(WARNING_SHEET), f"{title} – cảnh báo trùng", generated_at, WARNING_COLUMNS,
           [_warning_values(n, r, w) for n, (r, w) in enumerate(warned, 1)])
    wb.properties.creator = wb.properties.lastModifiedBy = "hoso"
    wb.properties.title = clean(title)
    wb.properties.created = wb.properties.modified = generated_at.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _list_values(n: int, r: ListRow) -> list[Any]:
    result = None if r.passed is None else ("Đạt" if r.passed else "Không đạt")
    decision = DECISION_VI.get(r.decision, r.decision) if r.decision else None
    return [n, r.dossier_id, r.title, ", ".join(r.authors), r.unit, r.field, r.round,
            STATUS_VI.get(r.status, r.status), r.missing, len(r.warnings), r.score_mean, r.sheets,
            result, decision, r.reason]


def _warning_values(n: int, r: ListRow, w: WarningRow) -> list[Any]:
    return [n, r.dossier_id, r.title, w.other_id, w.other_title, w.similarity, w.coverage]


def _sheet(ws: Worksheet, title: str, generated_at: datetime, columns: Sequence[Column],
           values: Iterable[Sequence[Any]]) -> None:
    last = get_column_letter(len(columns))
    _banner(ws, 1, last, title, Font(name=FONT, bold=True, size=14))
    made = f"Ngày lập: {generated_at:%d/%m/%Y %H:%M}"
    _banner(ws, 2, last, made, Font(name=FONT, italic=True, size=11))
    for i, column in enumerate(columns, 1):
        cell = ws.cell(HEADER_ROW, i, column.header)
        cell.font, cell.fill, cell.border = Font(name=FONT, bold=True, size=11), _HEADER_FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = column.width
    row = HEADER_ROW
    for row, line in enumerate(values, HEADER_ROW + 1):
        for i, (column, value) in enumerate(zip(columns, line), 1):
            _value_cell(ws, row, i, value, column)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{row}"
    _print_setup(ws)


def _banner(ws: Worksheet, row: int, last: str, text: str, font: Font) -> None:
    cell = ws.cell(row, 1, clean(text))
    cell.data_type, cell.font = "s", font
    cell.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A{row}:{last}{row}")


def _value_cell(ws: Worksheet, row: int, col: int, value: Any, column: Column) -> None:
    text = isinstance(value, str)
    cell = ws.cell(row, col, clean(value) if text else value)
    if text:
        cell.data_type = "s"  # never a formula, whatever the text starts with
    cell.font, cell.border = Font(name=FONT, size=11), _BOX
    cell.alignment = Alignment(vertical="top", wrap_text=True,
                               horizontal="left" if text else "center")
    if column.number_format and value is not None:
        cell.number_format = column.number_format


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.horizontalCentered = True
