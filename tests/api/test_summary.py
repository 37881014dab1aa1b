"""The council's summary of a round: counts by status, decision, field and unit; the score
distribution on the round's own sheet; the dossiers with duplicate warnings — through the API,
the page and the XLSX, on a world built here with known units, scores and decisions."""

from __future__ import annotations

import io
from datetime import datetime

import lxml.html
import openpyxl
import pytest
from sqlalchemy import event, select

from api.round_list import ListRow, WarningRow, round_list_xlsx, summarize
from api.summary import round_summary
from ingest.intake import collect
from ingest.jobs import register
from models.scoresheet import DEFAULT_SHEET, Criterion, Sheet
from models.tables import Dossier
from tests.api.web.world import NEW, OLD, OTHER, browser, build
from tests.builders import docx_bytes, run_all, write_tree
from tests.checks.dup_inputs import FARM, SCHOOL, SCHOOL_AGAIN, edit
from tests.ingest.test_duplicates import description

SHEET = {"criteria": [{"key": "moi", "label": "Tính mới", "max": 30, "min_to_pass": 10},
                      {"key": "hieu_qua", "label": "Hiệu quả", "max": 30}],
         "pass_total": 35}  # a total of 60 at most: six bands, the last 50–60
TAN_LAC, AN_PHU = "Trường THCS Tân Lạc", "HTX Nông nghiệp An Phú"


def request_form(title: str, unit: str, field: str) -> bytes:
    """A request form whose authors' table names ``unit`` and whose field is ``field``."""
    return docx_bytes([
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Kính gửi: Hội đồng sáng kiến tỉnh Hoà Bình", "Chúng tôi:",
        "Số TT Họ và tên Ngày sinh Nơi công tác Chức danh Trình độ chuyên môn Tỷ lệ (%)",
        f"1 Lê Văn Bình 03-08-1980 {unit} Giáo viên Cử nhân Toán 100 %",
        f"Là tác giả đề nghị xét công nhận sáng kiến: “{title}”.",
        f"- Lĩnh vực áp dụng sáng kiến: {field}"])


def _ok(r, status: int = 200) -> dict:
    assert r.status_code == status, r.text
    return r.json()


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    """The web world (OLD archived; NEW copying it; OTHER) plus, in round 2026, SCHOOL_COPY (a
    partial copy of OTHER: both warn, OTHER's warning then excluded) and BROKEN (a file that
    cannot be read: partial); in round 2025, FARM_COPY (a partial copy of OLD and NEW)."""
    tmp = tmp_path_factory.mktemp("summary")
    w = build(tmp)
    rt, api, people = w["rt"], w["api"], w["people"]
    admin, secretariat = people["admin"]["headers"], people["secretariat"]["headers"]
    _ok(api.post("/api/rounds", json={"name": "2026", "year": 2026, "sheet": SHEET}, headers=admin), 201)
    register(rt, collect([write_tree(tmp / "dot2026", {
        "d/don.docx": request_form("Sổ tay điện tử", TAN_LAC, "Giáo dục"),
        "d/mo-ta.docx": description("Sổ tay điện tử", edit(SCHOOL, 0.2)),
        "e/don.docx": request_form("Đọc kỹ đề toán", TAN_LAC, "giáo dục."),  # the same field
        "e/mo-ta.docx": description("Đọc kỹ đề toán", SCHOOL_AGAIN),
        "e/hong.pdf": b"%PDF-1.4 not really a PDF",
    })], rt.limits), round="2026")
    run_all(rt)
    register(rt, collect([write_tree(tmp / "dot2025", {
        "f/don.docx": request_form("Tưới nhỏ giọt", AN_PHU, "Nông nghiệp"),
        "f/mo-ta.docx": description("Tưới nhỏ giọt", edit(FARM, 0.1)),
    })], rt.limits), round="2025")
    run_all(rt)
    with rt.db.session() as s:
        ids = dict(s.execute(select(Dossier.source, Dossier.id)).all())
    w["ids"] = {"SCHOOL_COPY": ids["dot2026/d"], "BROKEN": ids["dot2026/e"], "FARM_COPY": ids["dot2025/f"]}
    copy = w["ids"]["SCHOOL_COPY"]
    for dossier in (NEW, OTHER, copy):  # BROKEN and FARM_COPY stay unassigned
        for login in ("reviewer", "reviewer2"):
            _ok(api.post(f"/api/dossiers/{dossier}/assignments", json={"reviewer": people[login]["id"]},
                         headers=secretariat), 201)
    for dossier, login, moi, hieu_qua, submit in (
            (NEW, "reviewer", 25, 20, True), (NEW, "reviewer2", 20, 15, True),  # 45, 35: mean 40
            (OTHER, "reviewer", 5, 10, True), (OTHER, "reviewer2", 10, 10, True),  # 15 (fails), 20
            (copy, "reviewer", 30, 30, True), (copy, "reviewer2", 0, 0, False)):  # 60; a draft
        _ok(api.put(f"/api/dossiers/{dossier}/score", headers=people[login]["headers"],
                    json={"scores": {"moi": moi, "hieu_qua": hieu_qua}, "submit": submit}))
    for dossier, decision in ((NEW, "accept"), (OTHER, "supplement"), (OTHER, "reject"), (copy, "accept")):
        _ok(api.post(f"/api/dossiers/{dossier}/decision", headers=people["reviewer"]["headers"],
                     json={"decision": decision, "reason": "Theo kết quả chấm của hội đồng"}), 201)
    _ok(api.post(f"/api/dossiers/{OTHER}/matches/{copy}/exclusion", headers=secretariat,
                 json={"reason": "Cùng tác giả, đã xét ở đợt trước"}))
    w["clients"] = {login: browser(w, login) for login in ("secretariat", "archivist", "admin", "reviewer")}
    return w


def _summary(w: dict, round_name: str | None = "2026", login: str = "secretariat") -> dict:
    params = {"round": round_name} if round_name else {}
    return _ok(w["api"].get("/api/rounds/summary", params=params, headers=w["people"][login]["headers"]))


def _counts(items: list[dict]) -> list[tuple[str | None, str, int]]:
    return [(c["key"], c["label"], c["count"]) for c in items]


# ------------------------------------------------------------------------------- the API


def test_the_counts_of_a_round(world) -> None:
    x = _summary(world)
    assert x["round"] == "2026" and x["total"] == 4
    assert _counts(x["by_status"]) == [("pending", "Chờ xử lý", 0), ("processing", "Đang xử lý", 0),
                                       ("done", "Đã xử lý", 3), ("partial", "Xử lý một phần", 1),
                                       ("failed", "Lỗi", 0)]
    assert _counts(x["by_decision"]) == [("accept", "Công nhận", 2), ("supplement", "Yêu cầu bổ sung", 0),
                                         ("reject", "Không công nhận", 1), (None, "Chưa quyết định", 1)]
    assert _counts(x["by_field"]) == [("Giáo dục", "Giáo dục", 2), (None, "Chưa xác định", 2)]
    assert _counts(x["by_unit"]) == [(TAN_LAC, TAN_LAC, 2), (None, "Chưa xác định", 2)]
    assert (x["assigned"], x["unassigned"], x["missing"], x["warned"]) == (3, 1, 4, 2)


def test_the_score_distribution_follows_the_rounds_sheet(world) -> None:
    x = _summary(world)
    assert (x["max_total"], x["pass_total"]) == (60, 35)
    assert [(b["label"], b["count"]) for b in x["bands"]] == [
        ("0–9", 0), ("10–19", 1), ("20–29", 0), ("30–39", 0), ("40–49", 1), ("50–60", 1)]
    assert (x["scored"], x["passed"], x["not_passed"], x["not_scored"]) == (3, 2, 1, 1)
    assert (x["mean"], x["median"]) == (39.17, 40)  # of 40, 17.5 and 60 (the draft does not count)


def test_the_warned_dossiers_closest_first(world) -> None:
    copy, farm = world["ids"]["SCHOOL_COPY"], world["ids"]["FARM_COPY"]
    warned = _summary(world)["warnings"]
    assert [w["dossier_id"] for w in warned] == [NEW, copy]  # OTHER's warning was excluded
    new, school = warned
    assert new["title"] == "Rau thủy canh" and new["unit"] is None
    assert [o["other_id"] for o in new["others"]] == [OLD, farm]  # another round's dossier too
    assert new["others"][0]["other_title"] == "Dinh dưỡng thủy canh"
    assert new["others"][0]["similarity"] > new["others"][1]["similarity"]
    assert school["title"] == "Sổ tay điện tử" and school["unit"] == TAN_LAC
    [other] = school["others"]
    assert other["other_id"] == OTHER and other["other_title"] == "Thẻ sơ đồ đoạn thẳng"
    assert 0.5 < other["similarity"] < new["others"][-1]["similarity"] <= 1
    assert 0 < other["coverage"] <= 1


def test_every_submission_when_no_round_is_named(world) -> None:
    farm = world["ids"]["FARM_COPY"]
    x = _summary(world, None)
    assert x["round"] is None and x["total"] == 5  # the archived dossier is not a submission
    assert _counts(x["by_field"]) == [("Giáo dục", "Giáo dục", 2), ("Nông nghiệp", "Nông nghiệp", 1),
                                      (None, "Chưa xác định", 2)]
    assert (x["max_total"], x["pass_total"]) == (100, None)  # round 2025 scores on the default sheet
    assert len(x["bands"]) == 10 and x["bands"][-1]["label"] == "90–100"
    assert [b["label"] for b in x["bands"] if b["count"]] == ["10–19", "40–49", "60–69"]
    assert (x["unassigned"], x["not_scored"], x["warned"]) == (2, 2, 3)
    tops = [w["others"][0]["similarity"] for w in x["warnings"]]
    assert farm in [w["dossier_id"] for w in x["warnings"]] and tops == sorted(tops, reverse=True)
    assert _summary(world, "2025")["total"] == 1 and _summary(world, "không có")["total"] == 0


def test_reviewers_may_not_see_the_summary(world) -> None:
    for login in ("reviewer", "reviewer2"):
        r = world["api"].get("/api/rounds/summary", params={"round": "2026"},
                             headers=world["people"][login]["headers"])
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert _summary(world, login="archivist") == _summary(world, login="admin") == _summary(world)


def test_the_summary_takes_the_same_queries_for_any_number_of_dossiers(world) -> None:
    statements: list[str] = []
    rt = world["rt"]

    def listen(conn, cursor, sql: str, *rest) -> None:
        statements.append(sql)

    event.listen(rt.db.engine, "before_cursor_execute", listen)
    try:
        counts = []
        for name in ("2025", "2026", None):  # 1, 4 and 5 dossiers
            statements.clear()
            with rt.db.session() as s:
                round_summary(s, name)
            counts.append(len([x for x in statements if x.lstrip().upper().startswith("SELECT")]))
    finally:
        event.remove(rt.db.engine, "before_cursor_execute", listen)
    assert counts[0] == counts[1] == counts[2] <= 5, counts


# ------------------------------------------------------------------------------ the page


def _page(world, login: str, round_name: str | None = "2026"):
    r = world["clients"][login].get("/tong-hop", params={"round": round_name or ""})
    assert r.status_code == 200, r.text[-500:]
    return lxml.html.fromstring(r.text)


def _number(doc, xpath: str) -> str:
    [text] = doc.xpath(xpath)
    return text.strip()


def test_the_page_shows_the_numbers(world) -> None:
    for login in ("secretariat", "archivist", "admin"):
        doc = _page(world, login)
        assert doc.xpath('//select[@name="round"]/option[@selected]/text()') == ["2026"]
        got = {b.get("data-count"): b.text_content() for b in doc.xpath("//*[@data-count]")}
        assert got == {"total": "4", "warned": "2", "missing": "4", "assigned": "3", "unassigned": "1",
                       "scored": "3", "passed": "2", "not_passed": "1", "not_scored": "1"}
        assert doc.xpath('//nav/a[@href="/tong-hop"]/text()') == ["Tổng hợp"]
    rows = {tr.get("data-key"): tr.xpath("string(td[2])").strip()
            for tr in doc.xpath('//section[@id="by-decision"]//tr')}
    assert rows == {"accept": "2", "supplement": "0", "reject": "1", "": "1"}
    units = [tr.xpath("string(td[1])").strip() for tr in doc.xpath('//section[@id="by-unit"]//tr')]
    assert units == [TAN_LAC, "Chưa xác định"]
    bands = {c.get("data-band"): c.text_content() for c in doc.xpath("//*[@data-band]")}
    assert bands == {"0–9": "0", "10–19": "1", "20–29": "0", "30–39": "0", "40–49": "1", "50–60": "1"}
    widths = [f.get("style") for f in doc.xpath('//div[contains(@class, "bar-fill")]')]
    assert widths == [f"width: {w}%" for w in (0.0, 100.0, 0.0, 0.0, 100.0, 100.0)]
    assert _number(doc, '//*[@id="score-mean"]/text()') == "39,17"
    assert _number(doc, '//*[@id="xlsx"]/@href') == "/api/exports/dossiers.xlsx?round=2026"


def test_the_page_links_the_warned_dossiers_and_their_comparisons(world) -> None:
    copy, farm = world["ids"]["SCHOOL_COPY"], world["ids"]["FARM_COPY"]
    doc = _page(world, "secretariat")
    pairs = [(int(tr.get("data-id")), int(tr.get("data-other")))
             for tr in doc.xpath('//*[@id="warned"]//tr[@data-id]')]
    assert pairs == [(NEW, OLD), (NEW, farm), (copy, OTHER)]
    links = doc.xpath('//*[@id="warned"]//a/@href')
    for dossier, other in pairs:
        assert f"/ho-so/{dossier}" in links and f"/ho-so/{dossier}/so-sanh/{other}" in links
    everything = _page(world, "admin", None)
    assert everything.xpath('//select[@name="round"]/option[@selected]') == []
    assert _number(everything, '//*[@data-count="total"]/text()') == "5"
    assert _number(everything, '//*[@id="xlsx"]/@href') == "/api/exports/dossiers.xlsx?prior=false"


def test_a_reviewer_gets_the_refusal_page(world) -> None:
    r = world["clients"]["reviewer"].get("/tong-hop?round=2026")
    assert r.status_code == 403 and "Không thực hiện được" in r.text
    page = lxml.html.fromstring(world["clients"]["reviewer"].get("/hang-doi").text)
    assert page.xpath('//nav/a[@href="/tong-hop"]') == []


# ------------------------------------------------------------------------------ the XLSX


def _summary_sheet(ws) -> dict[str, dict[str, object]]:
    """Sheet "Tổng hợp" as {table heading: {label: value}}."""
    tables: dict[str, dict[str, object]] = {}
    current: dict[str, object] = {}
    for label, value in ws.iter_rows(min_row=3, values_only=True):
        if value == "Số liệu":
            current = tables.setdefault(label, {})
        elif label is not None:
            current[label] = value
    return tables


def test_the_xlsx_has_the_summary_sheet(world) -> None:
    r = world["api"].get("/api/exports/dossiers.xlsx", params={"round": "2026"},
                         headers=world["people"]["archivist"]["headers"])
    assert r.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["Danh sách", "Cảnh báo trùng", "Tổng hợp"]
    ws = wb["Tổng hợp"]
    assert ws["A1"].value == "TỔNG HỢP HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN – ĐỢT 2026"
    tables = _summary_sheet(ws)
    assert tables["Chỉ tiêu chung"] == {
        "Tổng số hồ sơ": 4, "Có cảnh báo trùng lặp": 2, "Thiếu thành phần": 4, "Đã giao chấm": 3,
        "Chưa giao chấm": 1, "Đã có phiếu chấm nộp": 3, "Đạt": 2, "Không đạt": 1, "Chưa chấm": 1,
        "Điểm trung bình": 39.17, "Trung vị điểm": 40, "Tổng điểm tối đa của phiếu chấm": 60,
        "Điểm đạt": 35}
    assert tables["Theo trạng thái xử lý"] == {"Chờ xử lý": 0, "Đang xử lý": 0, "Đã xử lý": 3,
                                               "Xử lý một phần": 1, "Lỗi": 0}
    assert tables["Theo quyết định"] == {"Công nhận": 2, "Yêu cầu bổ sung": 0, "Không công nhận": 1,
                                         "Chưa quyết định": 1}
    assert tables["Theo lĩnh vực"] == {"Giáo dục": 2, "Chưa xác định": 2}
    assert tables["Theo đơn vị"] == {TAN_LAC: 2, "Chưa xác định": 2}
    assert tables["Phân bố điểm trung bình"] == {"0–9 điểm": 0, "10–19 điểm": 1, "20–29 điểm": 0,
                                                 "30–39 điểm": 0, "40–49 điểm": 1, "50–60 điểm": 1}
    listed = [row[1] for row in wb["Danh sách"].iter_rows(min_row=4, values_only=True)]
    assert len(listed) == tables["Chỉ tiêu chung"]["Tổng số hồ sơ"]


def test_the_archive_list_has_no_summary(world) -> None:
    r = world["api"].get("/api/exports/dossiers.xlsx", params={"prior": "true"},
                         headers=world["people"]["admin"]["headers"])
    assert openpyxl.load_workbook(io.BytesIO(r.content)).sheetnames == ["Danh sách", "Cảnh báo trùng"]
    everything = world["api"].get("/api/exports/dossiers.xlsx", headers=world["people"]["admin"]["headers"])
    tables = _summary_sheet(openpyxl.load_workbook(io.BytesIO(everything.content))["Tổng hợp"])
    assert tables["Chỉ tiêu chung"]["Tổng số hồ sơ"] == 5  # the archived dossier listed, not counted


# --------------------------------------------------------------------- summarize, built rows


def _row(dossier_id: int, mean: float | None, **kw) -> ListRow:
    given = {"title": f"Sáng kiến {dossier_id}", "authors": (), "unit": None, "field": None,
             "round": "A", "status": "done", "missing": 0, **kw}
    return ListRow(dossier_id, score_mean=mean, sheets=0 if mean is None else 1,
                   passed=None if mean is None else mean >= 50, **given)


@pytest.mark.parametrize("top, labels", [
    (100, ["0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90–100"]),
    (95, ["0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90–95"]),
    (25, ["0–9", "10–19", "20–25"]),
    (7.5, ["0–7,5"]),
])
def test_bands_reach_the_sheets_maximum(top: float, labels: list[str]) -> None:
    sheet = Sheet((Criterion("a", "A", top),), pass_total=0)
    x = summarize([_row(1, top), _row(2, 0), _row(3, 9.99)], {"A": sheet}, "A")
    assert [b.label for b in x.bands] == labels and x.max_total == top
    assert x.bands[-1].count == (1 if top > 10 else 3) and x.bands[0].count == (2 if top > 10 else 3)


def test_summarize_counts_submissions_only_and_orders_the_warned() -> None:
    near, far = WarningRow(7, "Bảy", 0.9, 0.5), WarningRow(8, "Tám", 0.6, 0.9)
    rows = [_row(1, 80, warnings=(far,), assigned=True), _row(2, 30, warnings=(far, near)),
            _row(3, None, prior=True, warnings=(near,)), _row(4, None)]
    x = summarize(rows, {}, "A")
    assert (x.total, x.assigned, x.unassigned, x.warned) == (3, 1, 2, 2)
    assert (x.scored, x.passed, x.not_passed, x.not_scored) == (2, 1, 1, 1)
    assert (x.mean, x.median, x.max_total, x.pass_total) == (55, 55, 100, DEFAULT_SHEET.pass_total)
    assert [(w.dossier_id, [o.other_id for o in w.others]) for w in x.warnings] == [(2, [7, 8]), (1, [8])]
    empty = summarize([], {}, None)
    assert (empty.total, empty.mean, len(empty.bands), sum(b.count for b in empty.bands)) == (0, None, 10, 0)


def test_the_summary_sheet_of_built_rows() -> None:
    x = summarize([_row(1, 72.5, field="Y tế"), _row(2, None, field="y tế ")], {}, "A")
    made = round_list_xlsx([], title="Đợt A", generated_at=datetime(2026, 12, 6), summary=x)
    wb = openpyxl.load_workbook(io.BytesIO(made))
    ws = wb["Tổng hợp"]
    tables = _summary_sheet(ws)
    assert tables["Theo lĩnh vực"] == {"Y tế": 2}
    assert tables["Chỉ tiêu chung"]["Điểm trung bình"] == 72.5
    [mean] = [row[1] for row in ws.iter_rows(min_row=3) if row[0].value == "Điểm trung bình"]
    assert mean.number_format == "0.00" and mean.data_type == "n"
    assert tables["Phân bố điểm trung bình"]["70–79 điểm"] == 1
