"""The round's dossier list as XLSX, for the council: sheet "Danh sách" (one row per dossier:
status, missing parts, duplicate warnings, mean score, result, decision), sheet "Cảnh báo
trùng" (one row per duplicate warning), ready to filter and to print on A4 landscape, and,
given a summary, sheet "Tổng hợp" (the counts and the score distribution of the round).

Pure functions: frozen dataclasses in, bytes out; ``api.exports`` gathers the rows.
``summarize`` counts the submissions among the rows: the same ``RoundSummary`` feeds the
"Tổng hợp" sheet, the summary page and ``GET /api/rounds/summary`` (``api.summary``).
Text cells are always text, so a title beginning with "=" is never a formula.
"""

from __future__ import annotations

import io
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from api.letters import DECISION_VI, FONT, STATUS_VI, clean
from models.scoresheet import DEFAULT_SHEET, Sheet


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
    ``DECISION_VI``); ``score_mean``/``passed`` are None until a score sheet is submitted;
    ``assigned``: given to at least one reviewer; ``prior``: an archived dossier."""

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
    assigned: bool = False
    prior: bool = False


@dataclass(frozen=True)
class Count:
    """How many dossiers have one value: ``key`` is the code (status, decision) or the text as
    read (field, unit), None where there is none; ``label`` is what people read."""

    key: str | None
    label: str
    count: int


@dataclass(frozen=True)
class Band:
    """Dossiers whose mean score is at least ``low`` and under ``high`` (the last band: up to
    ``high``, the sheet's maximum, included)."""

    low: float
    high: float
    label: str
    count: int


@dataclass(frozen=True)
class Warned:
    """A dossier with duplicate warnings, the closest other dossier first."""

    dossier_id: int
    title: str | None
    unit: str | None
    others: tuple[WarningRow, ...]


@dataclass(frozen=True)
class RoundSummary:
    """The council's summary of a round's submissions (``round`` None: every submission).
    ``max_total``/``pass_total``: the score sheet's; ``pass_total`` is None when submissions
    of several rounds are scored on different sheets. ``mean``/``median``: of the dossiers'
    mean scores. ``warnings``: the warned dossiers, the closest match first."""

    round: str | None
    total: int
    by_status: tuple[Count, ...]
    by_decision: tuple[Count, ...]
    by_field: tuple[Count, ...]
    by_unit: tuple[Count, ...]
    missing: int
    warned: int
    assigned: int
    unassigned: int
    scored: int
    passed: int
    not_passed: int
    not_scored: int
    max_total: float
    pass_total: float | None
    bands: tuple[Band, ...]
    mean: float | None
    median: float | None
    warnings: tuple[Warned, ...]


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
SUMMARY_COLUMNS = (Column("Nội dung", 62), Column("Số liệu", 14))
LIST_SHEET, WARNING_SHEET, SUMMARY_SHEET = "Danh sách", "Cảnh báo trùng", "Tổng hợp"
UNKNOWN_VI, UNDECIDED_VI = "Chưa xác định", "Chưa quyết định"
BAND_WIDTH = 10
HEADER_ROW = 3
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def round_list_xlsx(rows: Sequence[ListRow], *, title: str, generated_at: datetime,
                    summary: RoundSummary | None = None) -> bytes:
    """The round's dossiers as XLSX: sheet "Danh sách", sheet "Cảnh báo trùng" and, given
    ``summary``, sheet "Tổng hợp"."""
    wb = Workbook()
    listed = wb.active
    listed.title = LIST_SHEET
    _sheet(listed, title, generated_at, LIST_COLUMNS, [_list_values(n, r) for n, r in enumerate(rows, 1)])
    warned = [(r, w) for r in rows for w in r.warnings]
    _sheet(wb.create_sheet(WARNING_SHEET), f"{title} – cảnh báo trùng", generated_at, WARNING_COLUMNS,
           [_warning_values(n, r, w) for n, (r, w) in enumerate(warned, 1)])
    if summary is not None:
        _summary_sheet(wb.create_sheet(SUMMARY_SHEET), summary, generated_at)
    wb.properties.creator = wb.properties.lastModifiedBy = "hoso"
    wb.properties.title = clean(title)
    wb.properties.created = wb.properties.modified = generated_at.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def summarize(rows: Sequence[ListRow], sheets: Mapping[str | None, Sheet],
              round_name: str | None) -> RoundSummary:
    """The summary of the submissions among ``rows`` (archived rows are left out); ``sheets``:
    the score sheet of each round that has its own (the others score on the default)."""
    rows = [r for r in rows if not r.prior]
    used = {sheets.get(r.round, DEFAULT_SHEET) for r in rows} or {sheets.get(round_name, DEFAULT_SHEET)}
    max_total = max(sum(c.max for c in sheet.criteria) for sheet in used)
    marks = {sheet.pass_total for sheet in used}
    means = [r.score_mean for r in rows if r.score_mean is not None]
    scored, assigned = len(means), sum(r.assigned for r in rows)
    return RoundSummary(
        round=round_name, total=len(rows),
        by_status=_coded([r.status for r in rows], STATUS_VI),
        by_decision=_coded([r.decision for r in rows], {**DECISION_VI, None: UNDECIDED_VI}),
        by_field=_written(r.field for r in rows), by_unit=_written(r.unit for r in rows),
        missing=sum(r.missing > 0 for r in rows), warned=sum(bool(r.warnings) for r in rows),
        assigned=assigned, unassigned=len(rows) - assigned,
        scored=scored, passed=sum(r.passed is True for r in rows),
        not_passed=sum(r.passed is False for r in rows), not_scored=len(rows) - scored,
        max_total=max_total, pass_total=marks.pop() if len(marks) == 1 else None,
        bands=_bands(means, max_total),
        mean=round(statistics.fmean(means), 2) if means else None,
        median=round(statistics.median(means), 2) if means else None,
        warnings=_warned(rows))


def _coded(values: Sequence[str | None], labels: Mapping[str | None, str]) -> tuple[Count, ...]:
    """Counts of codes: every known code in its order (zeros included), then any other."""
    seen: dict[str | None, int] = dict.fromkeys(labels, 0)
    for value in values:
        seen[value] = seen.get(value, 0) + 1
    return tuple(Count(key, labels.get(key, key or UNKNOWN_VI), n) for key, n in seen.items())


def _written(values: Iterable[str | None]) -> tuple[Count, ...]:
    """Counts of texts as read (a field, a unit): the same text however spaced, cased or ended
    is one; the most frequent first, those without one last."""
    labels: dict[str | None, str] = {}
    counts: dict[str | None, int] = {}
    for value in values:
        text = " ".join((value or "").split()).rstrip(" .,;:") or None
        key = text.casefold() if text else None
        labels.setdefault(key, text or UNKNOWN_VI)
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (k is None, -counts[k], k or ""))
    return tuple(Count(None if k is None else labels[k], labels[k], counts[k]) for k in order)


def _bands(means: Sequence[float], top: float) -> tuple[Band, ...]:
    """10-point bands from 0 to the sheet's maximum ``top``; a mean of ``top`` is in the last."""
    n = max(1, math.ceil(top / BAND_WIDTH))
    counts = [0] * n
    for mean in means:
        counts[min(max(int(mean // BAND_WIDTH), 0), n - 1)] += 1
    return tuple(_band(i * BAND_WIDTH, top if i == n - 1 else None, count)
                 for i, count in enumerate(counts))


def _band(low: int, top: float | None, count: int) -> Band:
    """The band from ``low``: "10–19" (under 20), or the last one, "90–100" (up to ``top``)."""
    if top is None:
        return Band(low, low + BAND_WIDTH, f"{low}–{low + BAND_WIDTH - 1}", count)
    return Band(low, top, f"{low}–{_points(top)}", count)


def _warned(rows: Sequence[ListRow]) -> tuple[Warned, ...]:
    """The warned dossiers, the one with the closest match first; its matches likewise."""
    out = [Warned(r.dossier_id, r.title, r.unit,
                  tuple(sorted(r.warnings, key=lambda w: (-w.similarity, -w.coverage, w.other_id))))
           for r in rows if r.warnings]
    return tuple(sorted(out, key=lambda w: (-w.others[0].similarity, -w.others[0].coverage, w.dossier_id)))


def _points(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _list_values(n: int, r: ListRow) -> list[Any]:
    result = None if r.passed is None else ("Đạt" if r.passed else "Không đạt")
    decision = DECISION_VI.get(r.decision, r.decision) if r.decision else None
    return [n, r.dossier_id, r.title, ", ".join(r.authors), r.unit, r.field, r.round,
            STATUS_VI.get(r.status, r.status), r.missing, len(r.warnings), r.score_mean, r.sheets,
            result, decision, r.reason]


def _warning_values(n: int, r: ListRow, w: WarningRow) -> list[Any]:
    return [n, r.dossier_id, r.title, w.other_id, w.other_title, w.similarity, w.coverage]


def _summary_sheet(ws: Worksheet, x: RoundSummary, generated_at: datetime) -> None:
    """Sheet "Tổng hợp": one small table per count, then the score distribution."""
    title = "TỔNG HỢP HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN" + (f" – ĐỢT {x.round}" if x.round else "")
    _banner(ws, 1, "B", title, Font(name=FONT, bold=True, size=14))
    _banner(ws, 2, "B", f"Ngày lập: {generated_at:%d/%m/%Y %H:%M}", Font(name=FONT, italic=True, size=11))
    for i, column in enumerate(SUMMARY_COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    row = HEADER_ROW
    for heading, lines in _summary_tables(x):
        row = _summary_table(ws, row, heading, lines) + 1
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _summary_tables(x: RoundSummary) -> list[tuple[str, list[tuple[str, Any]]]]:
    """(heading, [(label, value)]) of each table of sheet "Tổng hợp"."""
    def counts(items: Sequence[Count]) -> list[tuple[str, Any]]:
        return [(c.label, c.count) for c in items]

    overall = [("Tổng số hồ sơ", x.total), ("Có cảnh báo trùng lặp", x.warned),
               ("Thiếu thành phần", x.missing), ("Đã giao chấm", x.assigned),
               ("Chưa giao chấm", x.unassigned), ("Đã có phiếu chấm nộp", x.scored),
               ("Đạt", x.passed), ("Không đạt", x.not_passed), ("Chưa chấm", x.not_scored),
               ("Điểm trung bình", x.mean), ("Trung vị điểm", x.median),
               ("Tổng điểm tối đa của phiếu chấm", x.max_total), ("Điểm đạt", x.pass_total)]
    return [("Chỉ tiêu chung", overall),
            ("Theo trạng thái xử lý", counts(x.by_status)),
            ("Theo quyết định", counts(x.by_decision)),
            ("Theo lĩnh vực", counts(x.by_field)),
            ("Theo đơn vị", counts(x.by_unit)),
            ("Phân bố điểm trung bình", [(f"{b.label} điểm", b.count) for b in x.bands])]


def _summary_table(ws: Worksheet, row: int, heading: str, lines: Sequence[tuple[str, Any]]) -> int:
    """A header row (``heading`` | "Số liệu") and ``lines`` from ``row``; the last row written."""
    for i, text in enumerate((heading, SUMMARY_COLUMNS[1].header), 1):
        cell = ws.cell(row, i, text)
        cell.font, cell.fill, cell.border = Font(name=FONT, bold=True, size=11), _HEADER_FILL, _BOX
        cell.alignment = Alignment(horizontal="left" if i == 1 else "center", vertical="center")
    for label, value in lines:
        row += 1
        number = Column("", 0, "0.00" if isinstance(value, float) and not value.is_integer() else None)
        _value_cell(ws, row, 1, label, SUMMARY_COLUMNS[0])
        _value_cell(ws, row, 2, value, number)
    return row


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
