"""The web pages in a real browser (Debian's Chromium driven by Playwright), against a real
``hoso serve`` with its own worker, prepared the way an operator does it: accounts made with
``hoso user add``, the archive imported with ``hoso ingest --prior``.

One council's day, step by step: the secretariat signs in (a wrong password first), uploads a
ZIP of two dossiers — one copying an archived initiative under another title — and follows
the batch until it is read; the queue puts the copy first, both go to a reviewer; the reviewer
sees only those two, compares the duplicated passages, scores, submits and asks for a
supplement; the secretariat downloads the supplement letter naming the missing parts; another
reviewer is told the dossier does not exist. The archivist searches the archive with and
without diacritics.

Every page shown is saved as a full-page screenshot (``tests/api/web/browser.py`` says where);
a JavaScript error or an error in the console fails the test.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.api.web.browser import (
    ARTIFACTS,
    PEOPLE,
    REPO,
    Server,
    Tab,
    add_people,
    fold,
    hoso,
    server_env,
)
from tests.builders import write_tree, zip_bytes
from tests.checks.dup_inputs import FARM, SCHOOL
from tests.ingest.test_duplicates import description

pytestmark = pytest.mark.slow
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

ARCHIVED = "Dinh dưỡng thủy canh"  # "đ" and the diacritics matter to the search
COPY, OTHER = "Rau thủy canh", "Thẻ sơ đồ đoạn thẳng"
REVIEWER, REVIEWER_NAME = "cham1", PEOPLE["cham1"][1]
READ_TIMEOUT_MS = 180_000  # a ZIP of two DOCX read by the server's worker


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("browser")
    env = server_env(tmp / "var")
    add_people(env)
    kho = write_tree(tmp / "kho", {"2021-thuy-canh/mo-ta.docx": description(ARCHIVED, FARM)})
    lines = hoso(env, "ingest", str(kho), "--prior", "--json").splitlines()
    reports = [json.loads(line) for line in lines if line.startswith("{")]
    assert len(reports) == 1 and reports[0]["status"] == "done", reports
    served = Server.start(env, tmp / "serve.log")
    served.archived[ARCHIVED] = reports[0]["id"]
    yield served
    served.stop()


@pytest.fixture
def tabs(chromium, server: Server) -> Iterator[list[Tab]]:
    """Open tabs (one browser context each) of this test; their JavaScript errors fail it."""
    opened: list[Tab] = []
    yield opened
    for tab in opened:
        tab.close()
    for tab in opened:
        tab.check()


def open_tab(tabs: list[Tab], chromium, server: Server, test: str) -> Tab:
    tab = Tab(chromium, server.base, test)
    tabs.append(tab)
    return tab


def row_of(page, title: str):
    return page.locator("#queue tbody tr").filter(has=page.get_by_role("link", name=title, exact=True))


def letter_text(data: bytes) -> str:
    """Every paragraph of a DOCX (tables and headers included), one a line."""
    doc = Document(io.BytesIO(data))
    parts = [doc.element.body] + [s.header._element for s in doc.sections]
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                     for part in parts for p in part.iter(qn("w:p")))


def test_council_day_from_upload_to_supplement_letter(chromium, server: Server, tabs) -> None:
    # 1. the secretariat signs in, a wrong password first
    office = open_tab(tabs, chromium, server, "hoi-dong")
    page = office.page
    office.sign_in("thuky", "sai-mat-khau")
    expect(page.get_by_role("alert")).to_have_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    expect(page.get_by_label("Tên đăng nhập")).to_have_value("thuky")
    office.expected_errors(401)
    office.shot("01-dang-nhap-sai")
    office.sign_in("thuky")
    expect(page).to_have_url(re.compile(r"/hang-doi$"))
    expect(page.locator("header form.who")).to_contain_text(PEOPLE["thuky"][1])
    office.shot("02-hang-doi-trong")

    # 2. upload a ZIP of two folders, one copying the archived dossier under another title
    page.get_by_role("link", name="Tải lên").click()
    expect(page.get_by_role("heading", name="Tải lên hồ sơ")).to_be_visible()
    upload = zip_bytes({"rau-thuy-canh/mo-ta.docx": description(COPY, FARM),
                        "the-so-do/mo-ta.docx": description(OTHER, SCHOOL)})
    page.set_input_files("#files", files=[{"name": "dot-2026.zip", "mimeType": "application/zip",
                                           "buffer": upload}])
    expect(page.locator("#chosen")).to_have_text("dot-2026.zip")
    page.get_by_label("Đợt xét").fill("2026")
    office.shot("03-tai-len")
    page.get_by_role("button", name="Tải lên và xử lý").click()
    expect(page).to_have_url(re.compile(r"/tai-len/lo/\d+$"), timeout=30_000)
    expect(page.locator("#batch-state")).to_contain_text("Đã xử lý xong", timeout=READ_TIMEOUT_MS)
    files = page.locator("#batch-files tbody tr")
    expect(files).to_have_count(2)
    for i in range(2):
        expect(files.nth(i)).to_have_attribute("data-status", "done")
    expect(page.locator("#batch-dossiers tbody tr")).to_have_count(2)
    office.shot("04-lo-da-xu-ly")

    # 3. the queue: the copy first (risk order) with its warning; both go to the reviewer
    page.get_by_role("link", name="Hàng đợi chấm", exact=True).click()
    rows = page.locator("#queue tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(COPY)
    expect(rows.first.locator("td").nth(6)).to_have_text("1")  # the "Trùng" column: one warning
    expect(row_of(page, OTHER).locator("td").nth(6)).to_have_text("0")
    expect(page.locator("#count-duplicates")).to_have_text("1")
    copy_id = int(rows.first.get_attribute("data-id"))
    other_id = int(row_of(page, OTHER).get_attribute("data-id"))
    page.get_by_label(f"Chọn hồ sơ {copy_id}", exact=True).check()
    page.get_by_label(f"Chọn hồ sơ {other_id}", exact=True).check()
    page.locator("#bulk-reviewer").select_option(label=REVIEWER_NAME)
    office.shot("05-hang-doi-chon")
    with page.expect_navigation():  # the page reloads after assigning
        page.get_by_role("button", name="Giao chấm").click()
        expect(page.locator("#notice")).to_have_text("Đã giao 2/2 hồ sơ.")
    for title in (COPY, OTHER):
        expect(row_of(page, title).locator("td").nth(7)).to_have_text(REVIEWER_NAME)
    office.shot("06-hang-doi-da-giao")

    # 4. the reviewer sees exactly those two; the copy's duplicate, passages compared
    reviewer = open_tab(tabs, chromium, server, "hoi-dong")
    rpage = reviewer.page
    reviewer.sign_in(REVIEWER)
    expect(rpage).to_have_url(re.compile(r"/hang-doi$"))
    expect(rpage.locator("#queue tbody tr")).to_have_count(2)
    assert sorted(int(x) for x in rpage.locator("#queue tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.id)")) == sorted([copy_id, other_id])
    expect(rpage.locator("#queue tbody tr").first).to_contain_text(COPY)
    reviewer.shot("07-cham-hang-doi")
    rpage.get_by_role("link", name=COPY, exact=True).click()
    expect(rpage).to_have_url(re.compile(rf"/ho-so/{copy_id}$"))
    warning = rpage.locator(f"#trung-lap .result[data-other='{server.archived[ARCHIVED]}']")
    expect(warning).to_contain_text("Cảnh báo")
    expect(warning.get_by_role("link", name=ARCHIVED)).to_be_visible()
    reviewer.shot("08-cham-ho-so")
    warning.get_by_role("link", name="So sánh các đoạn trùng").click()
    expect(rpage).to_have_url(re.compile(rf"/ho-so/{copy_id}/so-sanh/{server.archived[ARCHIVED]}$"))
    ours, theirs = rpage.locator("#passages .ours"), rpage.locator("#passages .theirs")
    expect(ours.first.locator("mark").first).to_be_visible()
    assert ours.count() == theirs.count() > 0
    for i in range(ours.count()):
        left = " ".join(ours.nth(i).inner_text().split())
        right = " ".join(theirs.nth(i).inner_text().split())
        for side, other_side in ((ours.nth(i), right), (theirs.nth(i), left)):
            marks = [" ".join(m.split()) for m in side.locator("mark").all_inner_texts()]
            assert marks, f"passage {i}: a side without highlights"
            for mark in marks:
                assert fold(mark) in fold(other_side), f"passage {i}: “{mark}” is not on the other side"
    reviewer.shot("09-so-sanh")

    # 5. score: draft, then submit (a confirm dialog) -> locked; then ask for a supplement
    rpage.get_by_role("link", name=f"← {COPY}").click()
    expect(rpage).to_have_url(re.compile(rf"/ho-so/{copy_id}(#.*)?$"))
    form = rpage.locator("#score-form")
    marks_given = {"Tính mới": "35", "Khả năng áp dụng": "25", "Hiệu quả, lợi ích": "20"}
    for label, value in marks_given.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_label("Nhận xét").fill("Giải pháp giống hồ sơ lưu trữ năm 2021; cần làm rõ điểm mới.")
    with rpage.expect_navigation():
        form.get_by_role("button", name="Lưu nháp").click()
    for label, value in marks_given.items():  # kept as numbers ("35" may come back "35.0")
        expect(form.get_by_label(label, exact=True)).to_have_value(re.compile(rf"^{value}(\.0*)?$"))
    expect(rpage.locator("#sheets")).to_contain_text("Nháp")
    reviewer.shot("10-phieu-nhap")
    questions: list[str] = []

    def accept(dialog) -> None:
        questions.append(dialog.message)
        dialog.accept()

    rpage.once("dialog", accept)
    with rpage.expect_navigation():
        form.get_by_role("button", name="Nộp phiếu chấm").click()
    assert questions == ["Nộp phiếu chấm? Sau khi nộp không sửa được."]
    for label in marks_given:
        expect(form.get_by_label(label, exact=True)).to_be_disabled()
    expect(form.get_by_label("Nhận xét")).to_be_disabled()
    expect(form).to_contain_text("phiếu đã khoá")
    expect(form.get_by_role("button", name="Nộp phiếu chấm")).to_have_count(0)
    expect(rpage.locator("#result")).to_contain_text("80")
    expect(rpage.locator("#result")).to_contain_text("Đạt")
    reviewer.shot("11-phieu-da-nop")
    reason = "Thiếu đơn yêu cầu công nhận và giấy xác nhận áp dụng; đề nghị bổ sung."
    decision = rpage.locator("#decision-form")
    decision.get_by_label("Yêu cầu bổ sung").check()
    decision.get_by_label("Lý do (bắt buộc)").fill(reason)
    with rpage.expect_navigation():
        decision.get_by_role("button", name="Ghi quyết định").click()
    expect(rpage.locator("#decision-badge")).to_have_text("Yêu cầu bổ sung")
    expect(rpage.locator("#quyet-dinh")).to_contain_text(reason)
    history = rpage.locator("#lich-su tbody tr").filter(has_text="ra quyết định")
    expect(history).to_have_count(1)
    expect(history).to_contain_text(reason)
    reviewer.shot("12-quyet-dinh")

    # 6. the secretariat downloads the supplement letter: it names the missing parts
    page.goto(f"/ho-so/{copy_id}")
    expect(page.locator("#decision-badge")).to_have_text("Yêu cầu bổ sung")
    missing = [" ".join(x.split()) for x in page.locator("#missing li").all_inner_texts()]
    assert missing, "the copy (a description alone) should miss the request form and others"
    letter = page.locator("#letter-form")
    letter.get_by_label("Người ký").fill("Lê Thị Thư Ký")
    office.shot("13-ho-so-thu-ky")
    with page.expect_download() as got:
        letter.get_by_role("button", name="Tải phiếu").click()
    download = got.value
    data = Path(download.path()).read_bytes()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "hoi-dong-14-phieu.docx").write_bytes(data)
    assert download.suggested_filename.endswith(".docx")
    text = letter_text(data)
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "PHIẾU KIỂM TRA HỒ SƠ" in text
    assert "Lê Thị Thư Ký" in text
    for part in missing:
        assert part in " ".join(text.split()), f"the letter does not name the missing part “{part}”"

    # 7. another reviewer is told the dossier does not exist (ids say nothing)
    stranger = open_tab(tabs, chromium, server, "hoi-dong")
    spage = stranger.page
    stranger.sign_in("cham2")
    expect(spage).to_have_url(re.compile(r"/hang-doi$"))
    expect(spage.locator("#queue tbody")).to_contain_text("Không có hồ sơ nào")
    response = spage.goto(f"/ho-so/{copy_id}")
    assert response is not None and response.status == 404
    expect(spage.get_by_role("heading", level=1)).to_have_text("Không thực hiện được")
    expect(spage.get_by_role("alert")).to_have_text(f"Không có hồ sơ mã {copy_id}.")
    expect(spage.locator("main")).not_to_contain_text(COPY)
    stranger.expected_errors(404)
    stranger.shot("15-nguoi-cham-khac-404")


@pytest.mark.parametrize("query", ["dinh duong thuy canh", "dinh dưỡng", "Dinh dưỡng thủy canh"])
def test_archive_search_with_and_without_diacritics(chromium, server: Server, tabs, query: str) -> None:
    archivist = open_tab(tabs, chromium, server, "luu-tru")
    page = archivist.page
    archivist.sign_in("luutru")
    expect(page).to_have_url(re.compile(r"/luu-tru$"))  # the archivist's home
    response = page.goto("/luu-tru")
    assert response is not None and response.status == 200, f"/luu-tru answered {response.status}"
    archivist.shot("01-tra-cuu")
    box = page.locator("main input[name=q]")
    box.fill(query)
    box.press("Enter")
    found = page.locator(f"main a[href='/ho-so/{server.archived[ARCHIVED]}']")
    expect(found.first).to_be_visible()
    marks = page.locator("main mark")
    expect(marks.first).to_be_visible()
    words = fold(query).split()
    assert any(w in fold(m) for m in marks.all_inner_texts() for w in words), marks.all_inner_texts()
    archivist.shot(f"02-ket-qua-{fold(query).replace(' ', '-')}")


BLIND_SAMPLE = REPO / "samples" / "dossiers" / "thpt-hoa-binh-toan-thuc-te"
BLIND_NAMES = ("Nguyễn Thị Thu Hà", "Bùi Văn Khải", "THPT Hoà Bình")  # its authors and their unit


def test_blind_review_shows_no_author_name_on_the_reviewers_pages(chromium, server: Server, tabs) -> None:
    # the admin opens a blind round on the admin page
    admin = open_tab(tabs, chromium, server, "cham-kin")
    page = admin.page
    admin.sign_in("quantri")
    page.goto("/quan-tri")
    page.locator("#rounds summary").click()
    page.locator("#round-form input[name=name]").fill("kin-2026")
    page.get_by_label("Chấm kín (người chấm không thấy tên tác giả, đơn vị)").check()
    page.locator("#round-form button[type=submit]").click()
    expect(page.locator("#rounds")).to_contain_text("chấm kín")
    admin.shot("01-dot-cham-kin")

    # the secretariat uploads a bundled sample to it and gives it to the reviewer
    office = open_tab(tabs, chromium, server, "cham-kin")
    opage = office.page
    office.sign_in("thuky")
    opage.goto("/tai-len")
    files = {f"{BLIND_SAMPLE.name}/{p.name}": p.read_bytes() for p in BLIND_SAMPLE.iterdir()}
    opage.set_input_files("#files", files=[{"name": "kin.zip", "mimeType": "application/zip",
                                            "buffer": zip_bytes(files)}])
    opage.get_by_label("Đợt xét").fill("kin-2026")
    opage.get_by_role("button", name="Tải lên và xử lý").click()
    expect(opage.locator("#batch-state")).to_contain_text("Đã xử lý xong", timeout=READ_TIMEOUT_MS)
    opage.locator("#batch-dossiers a").first.click()
    dossier_url = opage.url
    expect(opage.locator("#authors")).to_contain_text(BLIND_NAMES[0])  # the secretariat sees them
    opage.locator("#giao-cham select[name=reviewer]").select_option(label=REVIEWER_NAME)
    with opage.expect_navigation():
        opage.get_by_role("button", name="Giao chấm").click()
    office.shot("02-thu-ky-giao")

    # every page the reviewer opens for it: no author name, no unit
    reviewer = open_tab(tabs, chromium, server, "cham-kin")
    rpage = reviewer.page
    reviewer.sign_in(REVIEWER)
    seen = {}
    rpage.goto("/hang-doi")
    seen["hang-doi"] = rpage.locator("body").inner_text()
    rpage.goto(dossier_url)
    expect(rpage.locator("main")).to_contain_text("Chấm kín")
    seen["ho-so"] = rpage.locator("body").inner_text()
    reviewer.shot("03-nguoi-cham-ho-so")
    pages = [a.get_attribute("href") for a in rpage.locator("#documents .pages a").all()]
    assert pages, "the dossier page lists no pages"
    for n, href in enumerate(pages):
        rpage.goto(href)
        seen[href] = rpage.locator("body").inner_text()
        if n == 0:
            reviewer.shot("04-nguoi-cham-trang")
    rpage.goto("/luu-tru?q=toan+thuc+te")
    seen["luu-tru"] = rpage.locator("body").inner_text()
    reviewer.shot("05-nguoi-cham-tra-cuu")
    for where, text in seen.items():
        for name in BLIND_NAMES:
            assert fold(name) not in fold(text), f"{where} shows “{name}”"
    assert "[…]" in seen["ho-so"] or "[…]" in "".join(seen.values())
