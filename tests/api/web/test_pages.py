"""The web pages, through the web's own sign-in: every page renders for every role, what each
role may see and do, and a reviewer never opens a dossier not given to them."""

from __future__ import annotations

import re

import pytest

from checks.shingles import fold
from tests.api.web.world import NEW, OLD, OTHER, browser, build

ROLES = ("secretariat", "reviewer", "reviewer2", "archivist", "admin")


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    w = build(tmp_path_factory.mktemp("web"))
    secretariat = browser(w, "secretariat")
    r = secretariat.post(f"/api/dossiers/{NEW}/assignments",
                         json={"reviewer": w["people"]["reviewer"]["id"]})
    assert r.status_code == 201, r.text
    w["clients"] = {login: browser(w, login) for login in ROLES}
    return w


def _scan_position(w) -> int:
    report = w["api"].get(f"/api/dossiers/{OTHER}/report",
                          headers=w["people"]["admin"]["headers"]).json()
    return next(i for i, f in enumerate(report["files"]) if f["path"].endswith("quet.pdf"))


PAGES = [  # (path, {login: expected status}); missing logins expect 200
    ("/hang-doi", {"archivist": 403}),
    ("/tai-len", {"reviewer": 403, "reviewer2": 403}),
    ("/tai-len/lo/2", {"reviewer": 403, "reviewer2": 403}),
    ("/quan-tri", {"secretariat": 403, "reviewer": 403, "reviewer2": 403, "archivist": 403}),
    (f"/ho-so/{NEW}", {"reviewer2": 404}),
    (f"/ho-so/{OTHER}", {"reviewer": 404, "reviewer2": 404}),
    (f"/ho-so/{OLD}", {}),
    (f"/ho-so/{NEW}/so-sanh/{OLD}", {"reviewer2": 404}),
    (f"/ho-so/{NEW}/tep/0/trang/1", {"reviewer2": 404}),
    ("SCAN", {"reviewer": 404, "reviewer2": 404}),
    ("/luu-tru?q=thuy+canh", {}),
    ("/luu-tru?q=&year=&field=&unit=&round=&prior=1&status=&decision=", {}),
]


@pytest.mark.parametrize("path, refused", PAGES, ids=[p for p, _ in PAGES])
def test_every_page_renders_for_every_role(world, path, refused) -> None:
    if path == "SCAN":
        path = f"/ho-so/{OTHER}/tep/{_scan_position(world)}/trang/1"
    for login in ROLES:
        r = world["clients"][login].get(path)
        want = refused.get(login, 200)
        assert r.status_code == want, (login, path, r.status_code, r.text[-500:])
        assert r.headers["content-type"].startswith("text/html")
        assert '<html lang="vi">' in r.text
        if want != 200:  # the Vietnamese error page, never a stack trace
            assert "Không thực hiện được" in r.text and "Traceback" not in r.text


def test_a_reviewer_cannot_open_a_dossier_not_given_to_them(world) -> None:
    reviewer2 = world["clients"]["reviewer2"]
    for path in (f"/ho-so/{NEW}", f"/ho-so/{NEW}/so-sanh/{OLD}", f"/ho-so/{NEW}/tep/0/trang/1",
                 f"/ho-so/{NEW}/tep/0/trang/1/dau"):
        r = reviewer2.get(path)
        assert r.status_code == 404, path
        assert "Rau thủy canh" not in r.text  # not even the title leaks
    queue = reviewer2.get("/hang-doi").text
    assert f'data-id="{NEW}"' not in queue and "Không có hồ sơ nào" in queue
    mine = world["clients"]["reviewer"].get("/hang-doi").text
    assert f'data-id="{NEW}"' in mine and f'data-id="{OTHER}"' not in mine


def test_signing_in_and_out(world) -> None:
    from fastapi.testclient import TestClient

    c = TestClient(world["app"])
    r = c.get(f"/ho-so/{OLD}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/dang-nhap?next=%2Fho-so%2F{OLD}"
    bad = c.post("/dang-nhap", data={"login": "secretariat", "password": "sai-mat-khau-roi"})
    assert bad.status_code == 401 and "Tên đăng nhập hoặc mật khẩu không đúng" in bad.text
    r = c.post("/dang-nhap", data={"login": "archivist", "password": "mat-khau-du-dai-1",
                                   "next": f"/ho-so/{OLD}"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/ho-so/{OLD}"
    assert "httponly" in r.headers["set-cookie"].lower()
    # another site's address is never followed after signing in
    r = c.post("/dang-nhap", data={"login": "archivist", "password": "mat-khau-du-dai-1",
                                   "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/luu-tru"
    page = c.get(f"/ho-so/{OLD}")
    assert page.status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    assert c.post("/dang-xuat", data={}).status_code == 403  # no CSRF token: refused
    out = c.post("/dang-xuat", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/dang-nhap"
    assert c.get(f"/ho-so/{OLD}", follow_redirects=False).status_code == 303


def test_the_dossier_page_shows_the_evidence(world) -> None:
    page = world["clients"]["secretariat"].get(f"/ho-so/{NEW}").text
    assert "Rau thủy canh" in page
    assert f'href="/ho-so/{NEW}/so-sanh/{OLD}"' in page  # the duplicate, with its comparison
    assert f'href="/ho-so/{OLD}"' in page  # the other dossier may be opened by the secretariat
    assert 'id="outline"' in page and f'href="/ho-so/{NEW}/tep/0/trang/' in page
    assert 'id="letter-form"' in page  # the supplement letter, for the secretariat
    assert 'id="score-form"' not in page  # the secretariat does not score
    reviewer = world["clients"]["reviewer"].get(f"/ho-so/{NEW}").text
    assert 'id="score-form"' in reviewer and 'id="decision-form"' in reviewer
    assert 'id="letter-form"' not in reviewer
    archivist = world["clients"]["archivist"].get(f"/ho-so/{NEW}").text
    assert 'id="score-form"' not in archivist and 'id="decision-form"' not in archivist
    assert "/original" not in archivist  # confidential text: no originals for the archivist
    assert "Đã ẩn thông tin bảo mật" in archivist


def test_the_comparison_marks_the_words_both_dossiers_share(world) -> None:
    page = world["clients"]["secretariat"].get(f"/ho-so/{NEW}/so-sanh/{OLD}").text
    ours = re.findall(r'<div class="ours">(.*?)</div>', page, re.S)
    theirs = re.findall(r'<div class="theirs">(.*?)</div>', page, re.S)
    assert ours and theirs
    marked_ours = {m for x in ours for m in re.findall(r"<mark>(.*?)</mark>", x, re.S)}
    marked_theirs = {m for x in theirs for m in re.findall(r"<mark>(.*?)</mark>", x, re.S)}
    assert marked_ours & marked_theirs  # the same runs marked on both sides
    assert all(len(m.split()) >= 3 for m in marked_ours)


def test_the_page_viewer_flags_a_page_read_with_low_confidence(world) -> None:
    position = _scan_position(world)
    page = world["clients"]["secretariat"].get(f"/ho-so/{OTHER}/tep/{position}/trang/1").text
    assert "Trang tin cậy thấp" in page
    assert f'src="/api/dossiers/{OTHER}/files/{position}/pages/1.png' in page
    assert "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN" in page
    assert 'data-reocr="' in page  # the secretariat may have it read again
    listing = world["clients"]["secretariat"].get(f"/ho-so/{OTHER}").text
    assert 'class="low"' in listing and "trang tin cậy thấp" in listing
    image = world["clients"]["secretariat"].get(f"/api/dossiers/{OTHER}/files/{position}/pages/1.png")
    assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_queue_filters_and_counts(world) -> None:
    c = world["clients"]["secretariat"]
    everything = c.get("/hang-doi").text
    rows = re.findall(r'<tr class="[^"]*" data-id="(\d+)"', everything)
    assert rows[0] == str(NEW)  # the dossier with a duplicate warning first
    warned = c.get("/hang-doi?duplicates=1&status=&round=").text
    assert re.findall(r'data-id="(\d+)"', warned) == [str(NEW)]
    clean = c.get("/hang-doi?duplicates=0").text
    assert str(NEW) not in re.findall(r'data-id="(\d+)"', clean)
    bad = c.get("/hang-doi?status=nonsense")
    assert bad.status_code == 422 and "Giá trị lọc “status” không hợp lệ" in bad.text


def test_text_from_files_is_escaped(world) -> None:
    from ingest.intake import collect
    from ingest.jobs import register
    from tests.builders import docx_bytes, run_all, write_tree

    rt = world["rt"]
    evil = "<script>alert(1)</script> Sáng kiến <b>đậm</b>"
    register(rt, collect([write_tree(rt.settings.home.parent / "xss", {
        "x/mo-ta.docx": docx_bytes(["BÁO CÁO MÔ TẢ SÁNG KIẾN", f"Tên sáng kiến: {evil}", evil])})],
        rt.limits), round="2026")
    run_all(rt)
    c = world["clients"]["admin"]
    listing = c.get("/hang-doi").text
    assert "<script>alert(1)</script>" not in listing
    newest = max(int(x) for x in re.findall(r'data-id="(\d+)"', listing))
    page = c.get(f"/ho-so/{newest}/tep/0/trang/1").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unknown_pages_and_bad_ids_get_the_vietnamese_error_page(world) -> None:
    c = world["clients"]["admin"]
    for path, status in (("/khong-co", 404), ("/ho-so/999999", 404), ("/ho-so/abc", 422)):
        r = c.get(path)
        assert r.status_code == status and "Không thực hiện được" in r.text, path
    assert c.get("/api/ho-so").headers["content-type"].startswith("application/json")


def test_archive_search_with_and_without_diacritics(world) -> None:
    c = world["clients"]["archivist"]
    for q in ("dinh duong thuy canh", "Dinh dưỡng thủy canh", "DINH DUONG", '"dinh duong"'):
        page = c.get("/luu-tru", params={"q": q, "prior": "1"}).text
        found = re.findall(r'<div class="result" data-id="(\d+)"', page)
        assert found == [str(OLD)], (q, found)
        marks = re.findall(r"<mark>(.*?)</mark>", page)
        assert any("dinh duong" in fold(m) for m in marks), (q, marks)  # the words, as written
        assert all(set(fold(m).split()) <= {"dinh", "duong", "thuy", "canh"} for m in marks), marks
    assert re.findall(r'data-id="(\d+)"', c.get("/luu-tru", params={"q": "xyzkhongco"}).text) == []


def test_archive_search_keeps_to_what_the_reader_may_see(world) -> None:
    mine = world["clients"]["reviewer"].get("/luu-tru", params={"q": "thuy canh"}).text
    theirs = world["clients"]["reviewer2"].get("/luu-tru", params={"q": "thuy canh"}).text
    assert set(re.findall(r'<div class="result" data-id="(\d+)"', mine)) == {str(OLD), str(NEW)}
    assert set(re.findall(r'<div class="result" data-id="(\d+)"', theirs)) == {str(OLD)}
    everyone = world["clients"]["archivist"].get("/luu-tru", params={"q": "thuy canh"}).text
    assert "/original" not in everyone  # both hold confidential text: no originals for the archivist
    secretariat = world["clients"]["secretariat"].get("/luu-tru", params={"q": "thuy canh"}).text
    assert f"/api/dossiers/{OLD}/files/0/original" in secretariat
