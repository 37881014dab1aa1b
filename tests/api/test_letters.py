"""The papers the council's office prints: the supplement letter (DOCX, NĐ 30/2020 layout)
and the round's dossier list (XLSX), built from known data and opened again with python-docx
and openpyxl; then through the API, with who may have them."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from sqlalchemy import event

from api.letters import (
    DECISION_VI,
    STATUS_VI,
    VN_TZ,
    LetterItem,
    SupplementLetter,
    letter_items,
    supplement_letter,
    vn_date,
)
from api.round_list import ListRow, WarningRow, round_list_xlsx
from tests.api.round_world import round_world
from tests.checks.dup_inputs import TITLE

OLD, COPY, FINE, THIN = 1, 2, 3, 4
HEADERS = ["STT", "Mã hồ sơ", "Tên sáng kiến", "Tác giả", "Đơn vị", "Lĩnh vực", "Đợt",
           "Trạng thái xử lý", "Thiếu thành phần", "Cảnh báo trùng", "Điểm TB", "Số phiếu đã nộp",
           "Kết quả chấm", "Quyết định", "Lý do"]


def _letter(**changes) -> SupplementLetter:
    base = dict(code="17", title="Thẻ sơ đồ đoạn thẳng trong dạy toán lớp 2",
                authors=("Nguyễn Thị Mẫu", "Trần Văn Hai"), unit="Trường Tiểu học Kim Đồng",
                round="2026", received=date(2026, 11, 20), issued=date(2027, 1, 5),
                items=(LetterItem("Tính mới của sáng kiến", "Tệp mo-ta.docx"),
                       LetterItem("Giấy xác nhận áp dụng sáng kiến"),
                       LetterItem("Đơn yêu cầu không ghi ngày.", "trang 2", "warning")))
    return SupplementLetter(**{**base, **changes})


def _open(data: bytes):
    return Document(io.BytesIO(data))


def _texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def _body(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


# ------------------------------------------------------------------------------ the letter


@pytest.mark.parametrize("day, written", [
    (date(2027, 1, 5), "ngày 05 tháng 01 năm 2027"),
    (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
    (date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
    (date(2026, 12, 6), "ngày 06 tháng 12 năm 2026"),
])
def test_dates_are_written_the_legal_way(day: date, written: str) -> None:
    assert vn_date(day) == written


def test_the_letter_has_the_administrative_header() -> None:
    doc = _open(supplement_letter(_letter(org_parent="Ubnd tỉnh Lạng Sơn", place="Lạng Sơn")))
    header = doc.tables[0]
    assert _texts(header.cell(0, 0)) == ["UBND TỈNH LẠNG SƠN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    assert [r.bold for p in header.cell(0, 0).paragraphs for r in p.runs if r.text] == [None, True]
    assert _texts(header.cell(0, 1)) == ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(r.bold for p in header.cell(0, 1).paragraphs for r in p.runs if r.text)
    assert header.cell(1, 0).text == "Số:      /PKT-SKHCN"  # a blank for the office's register
    date_line = header.cell(1, 1).paragraphs[0]
    assert date_line.text == "Lạng Sơn, ngày 05 tháng 01 năm 2027"
    assert all(r.italic for r in date_line.runs)
    rules = [p for cell in (header.cell(0, 0), header.cell(0, 1)) for p in cell.paragraphs
             if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None]
    assert len(rules) == 2  # a short line under the agency and under the motto
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"} and len(borders) == 6


def test_the_letter_names_its_number_title_and_dossier() -> None:
    doc = _open(supplement_letter(_letter(number="125")))
    assert doc.tables[0].cell(1, 0).text == "Số: 125/PKT-SKHCN"
    title = next(p for p in doc.paragraphs if p.text == "PHIẾU KIỂM TRA HỒ SƠ VÀ ĐỀ NGHỊ BỔ SUNG")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in title.runs)
    text = _body(doc)
    assert "Hồ sơ đề nghị công nhận sáng kiến" in text
    assert "Kính gửi: Trường Tiểu học Kim Đồng" in text
    for line in ("- Tên sáng kiến: Thẻ sơ đồ đoạn thẳng trong dạy toán lớp 2",
                 "- Tác giả: Nguyễn Thị Mẫu, Trần Văn Hai", "- Mã hồ sơ: 17", "- Đợt xét: 2026",
                 "- Ngày tiếp nhận: 20/11/2026"):
        assert line in text.split("\n"), line


def test_the_letter_lists_its_items_in_a_table() -> None:
    doc = _open(supplement_letter(_letter()))
    rows = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    assert rows == [["STT", "Thành phần / nội dung cần bổ sung", "Ghi chú (trang …)"],
                    ["1", "Tính mới của sáng kiến", "Tệp mo-ta.docx"],
                    ["2", "Giấy xác nhận áp dụng sáng kiến", ""],
                    ["3", "Đơn yêu cầu không ghi ngày.", "trang 2"]]
    assert doc.tables[1].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # on every page
    none = _open(supplement_letter(_letter(items=())))
    assert [c.text for c in none.tables[1].rows[1].cells][1].startswith("Không có")


def test_the_deadline_is_a_date_or_a_number_of_working_days() -> None:
    dated = _body(_open(supplement_letter(_letter(deadline=date(2027, 2, 3)))))
    assert "gửi lại trước ngày 03 tháng 02 năm 2027." in dated and "ngày làm việc" not in dated
    within = _body(_open(supplement_letter(_letter(days=7))))
    assert "trong thời hạn 7 ngày làm việc kể từ ngày nhận phiếu này" in within
    assert "gửi về Thư ký Hội đồng sáng kiến (SỞ KHOA HỌC VÀ CÔNG NGHỆ)" in within
    assert "ghi rõ mã hồ sơ 17" in within


def test_the_letter_ends_with_recipients_and_the_signer() -> None:
    doc = _open(supplement_letter(_letter(signer="Lê Thị Thư", signer_position=("tm. hội đồng", "thư ký"))))
    whom, signer = doc.tables[-1].cell(0, 0), doc.tables[-1].cell(0, 1)
    assert _texts(whom) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, HĐSK."]
    label = whom.paragraphs[0].runs[0]
    assert label.bold and label.italic
    assert _texts(signer) == ["TM. HỘI ĐỒNG", "THƯ KÝ", "(Ký, ghi rõ họ tên)", "Lê Thị Thư"]
    assert all(r.bold for p in signer.paragraphs[:2] for r in p.runs)


def test_the_page_and_the_font_follow_decree_30() -> None:
    doc = _open(supplement_letter(_letter(made_at=datetime(2027, 1, 5, 9, 30, tzinfo=VN_TZ))))
    section = doc.sections[0]
    for got, want in ((section.page_width, Mm(210)), (section.page_height, Mm(297)),
                      (section.top_margin, Cm(2)), (section.bottom_margin, Cm(2)),
                      (section.left_margin, Cm(3)), (section.right_margin, Cm(1.5))):
        assert abs(got - want) < Mm(0.1), (got, want)  # Word keeps twentieths of a point
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size == Pt(14)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = defaults.find(qn("w:rFonts"))
    assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:ascii")) == "Times New Roman"
    sizes = {r.font.size for p in doc.paragraphs for r in p.runs if r.font.size is not None}
    assert sizes <= {Pt(13), Pt(14)}
    props = doc.core_properties
    assert props.author == "hoso" and "17" in props.title
    assert props.created == datetime(2027, 1, 5, 2, 30, tzinfo=UTC)  # 9:30 in Hanoi


def test_control_characters_do_not_break_the_letter() -> None:
    doc = _open(supplement_letter(_letter(title="Sổ tay\x0bđiện tử\x00")))
    assert "- Tên sáng kiến: Sổ tayđiện tử" in _body(doc).split("\n")


def test_letter_items_put_missing_parts_first_then_errors_then_warnings() -> None:
    completeness = {
        "missing": [{"key": "tinh_moi", "label": "Tính mới của sáng kiến"},
                    {"key": "xac_nhan", "label": "Giấy xác nhận áp dụng sáng kiến"}],
        "findings": [
            {"code": "date_missing", "severity": "warning", "message": "Đơn không ghi ngày.",
             "page": 2, "file": "dot/a/don.pdf", "key": "don_yeu_cau"},
            {"code": "empty_section", "severity": "error", "message": "Mục “Tính mới” để trống.",
             "page": 4, "file": "dot/a/mo-ta.docx", "key": "tinh_moi"},
            {"code": "profile_not_found", "severity": "info", "message": "Chưa xác định mẫu.",
             "page": None},
            {"code": "missing_document", "severity": "error", "message": "Thiếu giấy xác nhận.",
             "page": None, "key": "xac_nhan"},
            {"code": "shares_not_100", "severity": "error", "message": "Tỷ lệ đóng góp là 90%.",
             "page": None},
        ]}
    assert letter_items(completeness) == (
        LetterItem("Tính mới của sáng kiến", "Tệp mo-ta.docx, trang 4"),
        LetterItem("Giấy xác nhận áp dụng sáng kiến", ""),
        LetterItem("Tỷ lệ đóng góp là 90%.", ""),
        LetterItem("Đơn không ghi ngày.", "Tệp don.pdf, trang 2", "warning"),
    )
    assert letter_items({"complete": True, "missing": [], "findings": []}) == ()


# ------------------------------------------------------------------------------- the list


def _rows() -> list[ListRow]:
    return [
        ListRow(5, "=HYPERLINK(\"x\")", ("Nguyễn Thị Mẫu", "Trần Văn Hai"), "Trường A", "Giáo dục",
                "2026", "done", 2, score_mean=72.5, sheets=2, passed=True, decision="accept",
                reason="Đủ điều kiện", warnings=(WarningRow(1, "Thẻ sơ đồ", 0.8312, 0.64),
                                                 WarningRow(3, None, 0.41, 0.2))),
        ListRow(8, "Tưới nhỏ giọt", (), None, None, "2026", "partial", 0),
    ]


def _sheet_values(ws, first: int) -> list[list]:
    return [list(r) for r in ws.iter_rows(min_row=first, values_only=True)]


def test_the_list_has_a_title_headers_and_numbers_as_numbers() -> None:
    made = datetime(2026, 12, 6, 14, 5, tzinfo=VN_TZ)
    wb = openpyxl.load_workbook(io.BytesIO(round_list_xlsx(_rows(), title="DANH SÁCH ĐỢT 2026",
                                                           generated_at=made)))
    assert wb.sheetnames == ["Danh sách", "Cảnh báo trùng"]
    ws = wb["Danh sách"]
    assert ws["A1"].value == "DANH SÁCH ĐỢT 2026" and "A1:O1" in ws.merged_cells
    assert ws["A2"].value == "Ngày lập: 06/12/2026 14:05"
    assert [c.value for c in ws[3]] == HEADERS
    assert all(c.font.b and c.fill.fgColor.rgb.endswith("DDEBF7") for c in ws[3])
    first, second = _sheet_values(ws, 4)
    assert first == [1, 5, '=HYPERLINK("x")', "Nguyễn Thị Mẫu, Trần Văn Hai", "Trường A", "Giáo dục",
                     "2026", STATUS_VI["done"], 2, 2, 72.5, 2, "Đạt", DECISION_VI["accept"], "Đủ điều kiện"]
    assert second == [2, 8, "Tưới nhỏ giọt", None, None, None, "2026", "Xử lý một phần", 0, 0, None, 0,
                      None, None, None]
    assert ws["C4"].data_type == "s"  # text that looks like a formula stays text
    assert {ws.cell(4, col).data_type for col in (1, 2, 9, 10, 11, 12)} == {"n"}
    assert ws["K4"].number_format == "0.00" and ws["C4"].alignment.wrap_text
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width


def test_the_list_filters_freezes_and_prints_on_a4_landscape() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(round_list_xlsx(_rows(), title="Đợt 2026",
                                                           generated_at=datetime(2026, 12, 6))))
    ws = wb["Danh sách"]
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:O5"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == "$3:$3"
    assert wb.properties.creator == "hoso"


def test_the_warnings_sheet_lists_every_duplicate_warning() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(round_list_xlsx(_rows(), title="Đợt 2026",
                                                           generated_at=datetime(2026, 12, 6))))
    ws = wb["Cảnh báo trùng"]
    assert [c.value for c in ws[3]] == ["STT", "Mã hồ sơ", "Tên sáng kiến", "Mã hồ sơ trùng",
                                        "Tên sáng kiến trùng", "Độ tương đồng", "Tỷ lệ nội dung trùng"]
    assert _sheet_values(ws, 4) == [[1, 5, '=HYPERLINK("x")', 1, "Thẻ sơ đồ", 0.8312, 0.64],
                                    [2, 5, '=HYPERLINK("x")', 3, None, 0.41, 0.2]]
    assert ws["F4"].number_format == "0.0%" and ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:G5"


# ------------------------------------------------------------------------ through the API


@pytest.fixture
def office(settings, tmp_path: Path):
    return round_world(settings, tmp_path)


def _missing_labels(client, people, dossier: int) -> list[str]:
    report = client.get(f"/api/dossiers/{dossier}/report", headers=people["admin"]["headers"]).json()
    return [m["label"] for m in report["completeness"]["missing"]]


def test_a_letter_lists_exactly_the_missing_parts(office) -> None:
    client, people = office
    deadline = datetime.now(VN_TZ).date() + timedelta(days=20)
    for dossier in (THIN, FINE):
        labels = _missing_labels(client, people, dossier)
        r = client.get(f"/api/dossiers/{dossier}/letter.docx", headers=people["secretariat"]["headers"],
                       params={"number": "15", "deadline": deadline.isoformat(), "signer": "Lê Thị Thư"})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == ("application/vnd.openxmlformats-officedocument."
                                             "wordprocessingml.document")
        assert r.headers["content-disposition"] == f'attachment; filename="phieu-bo-sung-{dossier}.docx"'
        doc = _open(r.content)
        listed = [row.cells[1].text for row in doc.tables[1].rows[1:]]
        assert listed[:len(labels)] == labels and not set(listed[len(labels):]) & set(labels)
        assert doc.tables[0].cell(1, 0).text == "Số: 15/PKT-SKHCN"
        assert re.fullmatch(r"Hòa Bình, ngày \d\d tháng (0[12]|[3-9]|1[012]) năm 20\d\d",
                            doc.tables[0].cell(1, 1).text)
        assert f"trước {vn_date(deadline)}." in _body(doc)
        assert f"- Mã hồ sơ: {dossier}" in _body(doc) and "- Đợt xét: 2026" in _body(doc)
    assert len(_missing_labels(client, people, THIN)) > len(_missing_labels(client, people, FINE))
    log = client.get("/api/audit?action=letter_issued", headers=people["admin"]["headers"]).json()
    assert [(e["object_id"], e["login"]) for e in log["items"]] == [(FINE, "secretariat"),
                                                                     (THIN, "secretariat")]
    assert log["items"][0]["detail"]["number"] == "15"
    assert log["items"][0]["detail"]["deadline"] == deadline.isoformat()


def test_letters_are_for_the_secretariat_and_admins(office) -> None:
    client, people = office
    client.post(f"/api/dossiers/{THIN}/assignments", headers=people["admin"]["headers"],
                json={"reviewer": people["reviewer"]["id"]})
    for login in ("reviewer", "archivist"):  # the dossier's own reviewer included
        r = client.get(f"/api/dossiers/{THIN}/letter.docx", headers=people[login]["headers"])
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    admin = people["admin"]["headers"]
    assert client.get(f"/api/dossiers/{THIN}/letter.docx", headers=admin).status_code == 200
    assert client.get(f"/api/dossiers/{OLD}/letter.docx", headers=admin).status_code == 409
    assert client.get("/api/dossiers/99/letter.docx", headers=admin).status_code == 404
    today = datetime.now(VN_TZ).date().isoformat()
    late = client.get(f"/api/dossiers/{THIN}/letter.docx", params={"deadline": today}, headers=admin)
    assert late.status_code == 422 and "Hạn bổ sung" in late.json()["error"]["message"]
    odd = client.get(f"/api/dossiers/{THIN}/letter.docx", params={"number": "1\x0b2"}, headers=admin)
    assert odd.status_code == 422
    no_such_day = client.get(f"/api/dossiers/{THIN}/letter.docx", params={"deadline": "2099-02-30"},
                             headers=admin)
    assert no_such_day.status_code == 422 and "không phải ngày" in no_such_day.json()["error"]["message"]
    cleared = client.get(f"/api/dossiers/{THIN}/letter.docx", headers=admin,  # the web form, date cleared
                         params={"number": "", "deadline": "", "signer": ""})
    assert cleared.status_code == 200 and "10 ngày làm việc" in _body(_open(cleared.content))


def _score_and_decide(client, people) -> None:
    secretariat = people["secretariat"]["headers"]
    for login, scores in (("reviewer", {"novelty": 30, "applicability": 20, "benefit": 20}),
                          ("reviewer2", {"novelty": 20, "applicability": 15, "benefit": 5})):
        client.post(f"/api/dossiers/{FINE}/assignments", headers=secretariat,
                    json={"reviewer": people[login]["id"]})
        r = client.put(f"/api/dossiers/{FINE}/score", headers=people[login]["headers"],
                       json={"scores": scores, "submit": True})
        assert r.status_code == 200, r.text
    for decision, reason in (("supplement", "Thiếu minh chứng"), ("reject", "Lợi ích chưa rõ ràng")):
        r = client.post(f"/api/dossiers/{FINE}/decision", headers=people["reviewer"]["headers"],
                        json={"decision": decision, "reason": reason})
        assert r.status_code == 201, r.text


def test_the_round_list_has_scores_decisions_and_warnings(office) -> None:
    client, people = office
    _score_and_decide(client, people)
    r = client.get("/api/exports/dossiers.xlsx?round=2026", headers=people["archivist"]["headers"])
    assert r.status_code == 200 and r.headers["content-type"].endswith("spreadsheetml.sheet")
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    rows = {row[1]: dict(zip(HEADERS, row)) for row in _sheet_values(wb["Danh sách"], 4)}
    assert list(rows) == [COPY, FINE, THIN]
    fine = rows[FINE]
    assert (fine["Điểm TB"], fine["Số phiếu đã nộp"], fine["Kết quả chấm"]) == (55.0, 2, "Không đạt")
    assert (fine["Quyết định"], fine["Lý do"]) == ("Không công nhận", "Lợi ích chưa rõ ràng")
    assert fine["Tên sáng kiến"] == "Tưới nhỏ giọt cho rau" and fine["Đợt"] == "2026"
    assert rows[THIN]["Thiếu thành phần"] > 0 and rows[THIN]["Điểm TB"] is None
    assert rows[THIN]["Quyết định"] is None and rows[THIN]["Kết quả chấm"] is None
    assert rows[COPY]["Cảnh báo trùng"] == 1 and rows[FINE]["Cảnh báo trùng"] == 0
    [warning] = _sheet_values(wb["Cảnh báo trùng"], 4)
    assert warning[1] == COPY and warning[3] == OLD and warning[4] == TITLE
    assert 0.5 < warning[5] <= 1 and 0 < warning[6] <= 1
    log = client.get("/api/audit?action=export", headers=people["admin"]["headers"]).json()
    assert log["items"][0]["login"] == "archivist"
    assert log["items"][0]["detail"] == {"what": "dossiers.xlsx", "rows": 3, "round": "2026"}


def test_the_round_list_takes_the_same_queries_for_any_number_of_dossiers(office) -> None:
    client, people = office
    _score_and_decide(client, people)
    statements: list[str] = []  # reads of the export's tables (not the sign-in's)
    engine = client.app.state.rt.db.engine

    def listen(conn, cursor, sql: str, *rest) -> None:
        if sql.startswith("SELECT") and re.search(r"FROM (dossiers|score_sheets|decisions|dup_matches"
                                                  r"|rounds)\b", sql):
            statements.append(sql)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        counts = []
        for params in ({"round": "2026", "prior": "false"}, {}):  # 3 dossiers, then 4
            statements.clear()
            r = client.get("/api/exports/dossiers.xlsx", params=params, headers=people["admin"]["headers"])
            assert r.status_code == 200
            counts.append(len(statements))
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert counts == [5, 5], statements  # dossiers, sheets, decisions, warnings, rounds
