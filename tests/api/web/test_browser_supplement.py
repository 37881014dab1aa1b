"""Receiving a supplement in a real browser (Debian's Chromium driven by Playwright) against a
real ``hoso serve``: a dossier lacking its "Hiệu quả" section was sent back with a deadline;
the secretariat sees it waiting, presses "Nhận hồ sơ bổ sung", picks the unit's files, lands on
the batch page, and the new dossier's page says what changed. A JavaScript error fails it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from models.dates import today_vn
from tests.api.web.browser import Server, Tab, add_people, hoso, server_env
from tests.builders import docx_bytes, write_tree
from tests.checks.dup_inputs import HEADER, LAW, SCHOOL

pytestmark = pytest.mark.slow
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

TITLE = "Thẻ sơ đồ đoạn thẳng trong dạy toán lớp 4"
HEADING = "4. Hiệu quả của sáng kiến"
WITHOUT = [*HEADER, TITLE, "Tác giả: Nguyễn Thị Mẫu – giáo viên", LAW, "1. Lý do chọn sáng kiến",
           *SCHOOL[:2], "2. Nội dung sáng kiến", *SCHOOL[2:-2], "3. Tính mới của sáng kiến", SCHOOL[-3]]
READ_TIMEOUT_MS = 180_000


@pytest.fixture(scope="module")
def sent_back(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, int]]:
    """The server, with one submission of round 2026 sent back for a supplement (by an admin,
    through the API) 15 days from today."""
    tmp = tmp_path_factory.mktemp("supplement")
    env = server_env(tmp / "var")
    add_people(env)
    root = write_tree(tmp / "nop", {"truong-a/mo-ta.docx": docx_bytes(WITHOUT)})
    [report] = [json.loads(x) for x in hoso(env, "ingest", str(root), "--round", "2026", "--json")
                .splitlines() if x.startswith("{")]
    token = hoso(env, "user", "token", "quantri").strip()
    served = Server.start(env, tmp / "serve.log")
    r = httpx.post(f"{served.base}/api/dossiers/{report['id']}/decision", timeout=30,
                   headers={"Authorization": f"Bearer {token}"},
                   json={"decision": "supplement", "reason": "Thiếu phần hiệu quả",
                         "deadline": (today_vn() + timedelta(days=15)).isoformat()})
    assert r.status_code == 201, r.text
    yield served, report["id"]
    served.stop()


def test_the_secretariat_receives_the_supplement(chromium, sent_back, tmp_path) -> None:
    server, original = sent_back
    tab = Tab(chromium, server.base, "bo-sung")
    try:
        page = tab.page
        tab.sign_in("thuky")
        expect(page).to_have_url(re.compile(r"/hang-doi$"))
        due = f"{today_vn() + timedelta(days=15):%d/%m/%Y}"
        expect(page.locator(f"#queue tr[data-id='{original}'] .waiting")).to_have_text(
            f"Chờ bổ sung (hạn {due})")
        page.goto(f"/ho-so/{original}")
        expect(page.locator("#supplement-badge")).to_have_text(f"Chờ bổ sung (hạn {due})")
        tab.shot("01-cho-bo-sung")
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Nhận hồ sơ bổ sung").click()
        files = write_tree(tmp_path / "bo-sung", {
            "mo-ta.docx": docx_bytes([*WITHOUT, HEADING, *SCHOOL[-2:]]),
            "xac-nhan.docx": docx_bytes(["GIẤY XÁC NHẬN ÁP DỤNG SÁNG KIẾN", f"Sáng kiến “{TITLE}”."])})
        assert chooser.value.is_multiple()
        chooser.value.set_files([files / "mo-ta.docx", files / "xac-nhan.docx"])
        expect(page).to_have_url(re.compile(r"/tai-len/lo/\d+$"), timeout=30_000)
        expect(page.locator("#batch-state")).to_contain_text("Đã xử lý xong", timeout=READ_TIMEOUT_MS)
        made = page.locator("#batch-dossiers tbody tr")
        expect(made).to_have_count(1)  # the two files are one dossier
        expect(made.locator(".supplement-of")).to_have_text(f"Bổ sung cho hồ sơ {original}")
        tab.shot("02-lo-bo-sung")
        made.locator("td").nth(1).get_by_role("link").first.click()
        expect(page.locator("#supplement-of")).to_have_text(f"Bổ sung cho hồ sơ {original}")
        expect(page.locator("#rev-added li")).to_have_text([HEADING])
        tab.shot("03-thay-doi")
        page.locator("#supplement-of").get_by_role("link").click()
        expect(page).to_have_url(re.compile(rf"/ho-so/{original}$"))
        expect(page.locator("#resubmitted-as")).to_contain_text("Đã bổ sung: hồ sơ")
        expect(page.locator("#supplement-badge")).to_have_count(0)
    finally:
        tab.close()
    tab.check()
