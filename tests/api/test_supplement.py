"""A supplement asked with a deadline, awaited, and received: through the API and the web
pages, with the real pipeline (a fake OCR engine only). The dossier is a description built
here that lacks its "Hiệu quả" section; the unit sends it again with the section written."""

from __future__ import annotations

import io
from datetime import date, timedelta

import lxml.html
import pytest
from docx import Document
from fastapi.testclient import TestClient

from api.app import create_app
from api.letters import vn_date
from ingest.runtime import Runtime
from models.dates import today_vn, working_days_after
from models.settings import Settings
from models.tables import Assignment, Dossier
from tests.api.people import accounts
from tests.api.web.world import browser
from tests.builders import docx_bytes, run_all
from tests.checks.dup_inputs import HEADER, LAW, SCHOOL
from tests.fakes import FakeEngine

TITLE = "Thẻ sơ đồ đoạn thẳng trong dạy toán lớp 4"
BENEFIT_HEADING = "4. Hiệu quả của sáng kiến"
WITHOUT = [*HEADER, TITLE, "Tác giả: Nguyễn Thị Mẫu – giáo viên", LAW,
           "1. Lý do chọn sáng kiến", *SCHOOL[:2], "2. Nội dung sáng kiến", *SCHOOL[2:-2],
           "3. Tính mới của sáng kiến", SCHOOL[-3]]
WITH = [*WITHOUT, BENEFIT_HEADING, *SCHOOL[-2:]]


@pytest.fixture
def office(tmp_path) -> dict:
    settings = Settings(home=tmp_path / "var", _env_file=None)
    rt = Runtime(settings, engine=FakeEngine())
    people = accounts(rt)
    app = create_app(settings)
    w = {"rt": rt, "app": app, "people": people,
         "as": {login: TestClient(app, headers=p["headers"]) for login, p in people.items()}}
    w["original"] = _upload(w, "mo-ta.docx", docx_bytes(WITHOUT), round="2026")
    assert _as(w, "secretariat").post(f"/api/dossiers/{w['original']}/assignments", json={
        "reviewer": people["reviewer"]["id"]}).status_code == 201
    return w


def _as(w: dict, login: str) -> TestClient:
    return w["as"][login]


def _upload(w: dict, name: str, data: bytes, **form) -> int:
    r = _post_files(w, [(name, data)], **form)
    assert r.status_code == 202, r.text
    run_all(w["rt"])  # what the workers do with the queued files
    [made] = r.json()["dossiers"]
    return made["id"]


def _post_files(w: dict, files: list[tuple[str, bytes]], **form):
    return _as(w, "secretariat").post("/api/batches", files=[("files", f) for f in files],
                                      data={k: str(v) for k, v in form.items()})


def _decide(w: dict, dossier: int, decision: str = "supplement", **extra):
    return _as(w, "reviewer").post(f"/api/dossiers/{dossier}/decision", json={
        "decision": decision, "reason": "Thiếu phần hiệu quả của sáng kiến", **extra})


def _report(w: dict, dossier: int) -> dict:
    return _as(w, "admin").get(f"/api/dossiers/{dossier}/report").json()


def _listed(w: dict, dossier: int, login: str = "secretariat") -> dict:
    items = _as(w, login).get("/api/dossiers?round=2026").json()["items"]
    return next(d for d in items if d["id"] == dossier)


def _letter_text(w: dict, dossier: int, **params) -> str:
    r = _as(w, "secretariat").get(f"/api/dossiers/{dossier}/letter.docx", params=params)
    assert r.status_code == 200, r.text
    return "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)


def test_a_dossier_waits_for_its_supplement_and_the_resubmission_says_what_changed(office) -> None:
    w, original = office, office["original"]
    assert "ket_qua" in [m["key"] for m in _report(w, original)["completeness"]["missing"]]
    due = today_vn() + timedelta(days=20)
    r = _decide(w, original, deadline=due.isoformat())
    assert r.status_code == 201, r.text
    assert r.json()["deadline"] == due.isoformat()
    waiting = {"due": due.isoformat(), "waiting": True, "overdue": False, "resubmitted_as": None}
    assert _listed(w, original)["supplement"] == waiting
    queue = _as(w, "reviewer").get("/api/review/queue").json()["items"]
    assert [d["supplement"] for d in queue if d["id"] == original] == [waiting]
    assert _report(w, original)["supplement"] == waiting
    assert f"gửi lại trước {vn_date(due)}." in _letter_text(w, original)  # the decision's deadline
    assert f"ngày {due.day:02d} tháng" in vn_date(due)

    new = _upload(w, "mo-ta-bo-sung.docx", docx_bytes(WITH), supplements=original)
    assert new != original
    report = _report(w, new)
    assert report["status"] == "done" and report["round"] == "2026"
    assert report["profile"] == _report(w, original)["profile"] is not None
    revision = report["revision"]
    assert revision["of"] == original and revision["changed"]
    assert revision["sections_added"] == [{"key": "ket_qua", "heading": BENEFIT_HEADING}]
    assert "ket_qua" in [m["key"] for m in revision["missing_resolved"]]
    assert "ket_qua" not in [m["key"] for m in report["completeness"]["missing"]]
    assert "benefit_not_stated" in [f["code"] for f in revision["findings_resolved"]]
    assert revision["sections_removed"] == [] and revision["findings_new"] == []
    assert 0.7 < revision["similarity"] < 1
    assert report["duplicates"] == [] and _report(w, original)["duplicates"] == []  # versions
    assert _listed(w, original)["supplement"] == {**waiting, "waiting": False, "resubmitted_as": new}
    assert _listed(w, new)["supplement_of"] == original and "supplement" not in _listed(w, new)


def test_the_resubmission_keeps_the_reviewers_and_is_audited(office) -> None:
    w, original = office, office["original"]
    assert _decide(w, original).status_code == 201
    new = _upload(w, "mo-ta.docx", docx_bytes(WITH), supplements=original)
    with w["rt"].db.session() as s:
        assert [a.reviewer_id for a in s.query(Assignment).filter_by(dossier_id=new)] == [
            w["people"]["reviewer"]["id"]]
        assert s.get(Dossier, new).supplement_of == original
    mine = [d["id"] for d in _as(w, "reviewer").get("/api/review/queue").json()["items"]]
    assert sorted(mine) == sorted([original, new])
    assert _as(w, "reviewer").get(f"/api/dossiers/{new}/report").status_code == 200
    log = _as(w, "admin").get("/api/audit?action=supplement_received").json()["items"]
    assert sorted((e["object_id"], e["login"]) for e in log) == [(original, "secretariat"),
                                                                 (new, "secretariat")]
    by_id = {e["object_id"]: e["detail"] for e in log}
    assert by_id[new]["of"] == original and by_id[original]["as"] == [new]
    assigned = _as(w, "admin").get("/api/audit?action=assigned").json()["items"]
    assert [(e["object_id"], e["detail"]["why"]) for e in assigned if e["detail"].get("why")] == [
        (new, "supplement")]


def test_only_a_waiting_submission_takes_a_resubmission(office) -> None:
    w, original = office, office["original"]
    again = docx_bytes(WITH)
    refused = _post_files(w, [("mo-ta.docx", again)], supplements=original)  # no decision yet
    assert refused.status_code == 409 and "chờ bổ sung" in refused.json()["error"]["message"]
    assert _decide(w, original, "accept").status_code == 201
    assert _post_files(w, [("mo-ta.docx", again)], supplements=original).status_code == 409
    assert _decide(w, original).status_code == 201  # now it waits
    archive = _post_files(w, [("mo-ta.docx", again)], supplements=original, prior="true")
    assert archive.status_code == 409 and "kho lưu trữ" in archive.json()["error"]["message"]
    same = _post_files(w, [("mo-ta.docx", docx_bytes([*WITHOUT, ""]))], supplements=original)
    assert same.status_code == 202  # other bytes, the same words: a new version, unchanged
    run_all(w["rt"])
    [made] = same.json()["dossiers"]
    assert _report(w, made["id"])["revision"]["changed"] is False
    twice = _post_files(w, [("mo-ta.docx", again)], supplements=original)
    assert twice.status_code == 409 and f"mã {made['id']}" in twice.json()["error"]["message"]
    missing = _post_files(w, [("mo-ta.docx", again)], supplements=999)
    assert missing.status_code == 404


def test_the_same_files_again_are_no_resubmission(office) -> None:
    w, original = office, office["original"]
    with w["rt"].db.session() as s:  # the bytes the original was made of
        doc = s.get(Dossier, original).documents[0]
        name, data = doc.name, w["rt"].store.read(doc.sha256)
    assert _decide(w, original).status_code == 201
    r = _post_files(w, [(name, data)], supplements=original)
    assert r.status_code == 409 and "giống hệt" in r.json()["error"]["message"]
    assert _listed(w, original)["supplement"]["waiting"] is True


def test_a_resubmission_of_several_files_is_one_dossier(office) -> None:
    w, original = office, office["original"]
    assert _decide(w, original).status_code == 201
    r = _post_files(w, [("mo-ta.docx", docx_bytes(WITH)),
                        ("xac-nhan.docx", docx_bytes(["GIẤY XÁC NHẬN ÁP DỤNG SÁNG KIẾN",
                                                      f"Xác nhận sáng kiến “{TITLE}” đã được áp dụng."]))],
                    supplements=original)
    assert r.status_code == 202, r.text
    [made] = r.json()["dossiers"]
    run_all(w["rt"])
    report = _report(w, made["id"])
    assert len(report["files"]) == 2 and report["revision"]["of"] == original


def test_the_deadline_must_be_after_today(office) -> None:
    w, original = office, office["original"]
    for day in (today_vn(), today_vn() - timedelta(days=3)):
        r = _decide(w, original, deadline=day.isoformat())
        assert r.status_code == 422 and r.json()["error"]["code"] == "bad_input"
        assert "phải sau ngày hôm nay" in r.json()["error"]["message"]
    odd = _decide(w, original, "accept", deadline=(today_vn() + timedelta(days=5)).isoformat())
    assert odd.status_code == 422 and "chỉ ghi khi yêu cầu bổ sung" in odd.json()["error"]["message"]
    assert _decide(w, original, deadline="2099-02-30").status_code == 422
    assert "supplement" not in _listed(w, original)  # nothing was decided


def test_the_default_deadline_is_in_working_days(office) -> None:
    w, original = office, office["original"]
    r = _decide(w, original, deadline="")  # the web form's date left empty
    assert r.status_code == 201, r.text
    due = working_days_after(today_vn(), w["rt"].settings.supplement_days)
    assert r.json()["deadline"] == due.isoformat() and due.weekday() < 5
    assert _listed(w, original)["supplement"]["due"] == due.isoformat()
    history = _as(w, "admin").get(f"/api/dossiers/{original}/history").json()["items"]
    assert [e["detail"]["deadline"] for e in history if e["action"] == "decision"] == [due.isoformat()]
    other = today_vn() + timedelta(days=40)  # a date given for the letter wins
    assert f"trước {vn_date(other)}." in _letter_text(w, original, deadline=other.isoformat())


def test_a_deadline_passed_with_nothing_received_is_overdue(office) -> None:
    w, original = office, office["original"]
    assert _decide(w, original).status_code == 201
    with w["rt"].db.session() as s:  # as if the deadline given had passed
        s.get(Dossier, original).supplement_due = today_vn() - timedelta(days=1)
    assert _listed(w, original)["supplement"]["overdue"] is True
    page = lxml.html.fromstring(browser(w, "secretariat").get("/hang-doi").text)
    [row] = page.xpath(f'//tr[@data-id="{original}"]')
    assert row.xpath('.//span[contains(@class, "overdue")]')[0].text_content() == "Quá hạn"


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 12, 4)
    assert working_days_after(friday, 1) == date(2026, 12, 7)  # Monday
    assert working_days_after(friday, 10) == date(2026, 12, 18)
    assert working_days_after(date(2026, 12, 5), 1) == date(2026, 12, 7)  # from a Saturday


def _page(client: TestClient, path: str):
    r = client.get(path)
    assert r.status_code == 200, r.text[-500:]
    return lxml.html.fromstring(r.text)


def test_the_pages_show_the_wait_and_the_change(office) -> None:
    w, original = office, office["original"]
    due = today_vn() + timedelta(days=12)
    assert _decide(w, original, deadline=due.isoformat()).status_code == 201
    secretariat, reviewer = browser(w, "secretariat"), browser(w, "reviewer")
    page = _page(secretariat, f"/ho-so/{original}")
    badge = page.get_element_by_id("supplement-badge")
    assert badge.text_content() == f"Chờ bổ sung (hạn {due:%d/%m/%Y})"
    assert "bad" not in badge.get("class").split()  # not overdue
    button = page.get_element_by_id("resubmit")
    assert button.text_content() == "Nhận hồ sơ bổ sung" and button.get("data-supplements") == str(original)
    assert page.xpath('//*[@id="letter-form"]//input[@name="deadline"]/@value') == [due.isoformat()]
    assert _page(reviewer, f"/ho-so/{original}").xpath('//*[@id="resubmit"]') == []  # not theirs
    queue = _page(secretariat, "/hang-doi")
    [row] = queue.xpath(f'//tr[@data-id="{original}"]')
    assert [b.text_content() for b in row.xpath('.//span[contains(@class, "waiting")]')] == [
        f"Chờ bổ sung (hạn {due:%d/%m/%Y})"]
    assert row.xpath('.//span[contains(@class, "overdue")]') == []

    new = _upload(w, "mo-ta.docx", docx_bytes(WITH), supplements=original)
    page = _page(secretariat, f"/ho-so/{new}")
    link = page.get_element_by_id("supplement-of")
    assert link.text_content() == f"Bổ sung cho hồ sơ {original}"
    assert link.xpath(".//a/@href") == [f"/ho-so/{original}"]
    change = page.get_element_by_id("thay-doi")
    assert [li.text_content() for li in change.xpath('.//*[@id="rev-added"]/li')] == [BENEFIT_HEADING]
    assert "Kết quả, hiệu quả đạt được" in [li.text_content() for li in change.xpath(
        './/*[@id="rev-resolved"]/li')]
    old = _page(secretariat, f"/ho-so/{original}")
    assert old.get_element_by_id("resubmitted-as").text_content() == f"Đã bổ sung: hồ sơ {new}"
    assert old.xpath('//*[@id="supplement-badge"]') == [] and old.xpath('//*[@id="resubmit"]') == []
    batch = _page(secretariat, f"/tai-len/lo/{_batch_of(w, new)}")
    assert batch.xpath('//*[contains(@class, "supplement-of")]//a/@href') == [f"/ho-so/{original}"]


def _batch_of(w: dict, dossier: int) -> int:
    with w["rt"].db.session() as s:
        return s.get(Dossier, dossier).batch_id

