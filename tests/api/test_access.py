"""Authorization: every route for every role (and for nobody), what a reviewer may open, and
confidential text withheld from whoever may not see it."""

from __future__ import annotations

import io
import itertools

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.intake import collect
from ingest.jobs import register
from ingest.runtime import Runtime
from tests.api.people import LOGINS, accounts
from tests.builders import docx_bytes, run_all, text_pdf, write_tree
from tests.checks.dup_inputs import FARM, SCHOOL
from tests.fakes import FakeEngine
from tests.ingest.test_duplicates import SECRET, description

OLD, NEW, OTHER = 1, 2, 3  # archive (confidential), submission copying it (confidential), other


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    from models.settings import Settings

    tmp = tmp_path_factory.mktemp("access")
    settings = Settings(home=tmp / "var", _env_file=None)
    rt = Runtime(settings, engine=FakeEngine())
    register(rt, collect([write_tree(tmp / "kho", {"2021-a/mo-ta.docx": description(
        "Dinh dưỡng thủy canh", FARM, secret_section=[SECRET])})], rt.limits), prior=True)
    run_all(rt)
    register(rt, collect([write_tree(tmp / "moi", {
        "b/mo-ta.docx": description("Rau thủy canh", FARM, secret_section=[SECRET]),
        "c/mo-ta.docx": description("Thẻ sơ đồ đoạn thẳng", SCHOOL),
        "c/don.pdf": text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Kính gửi: Hội đồng"]]),
    })], rt.limits), round="2026")
    run_all(rt)
    people = accounts(rt)
    client = TestClient(create_app(settings))
    r = client.post(f"/api/dossiers/{NEW}/assignments", json={"reviewer": people["reviewer"]["id"]},
                    headers=people["secretariat"]["headers"])
    assert r.status_code == 201, r.text
    report = client.get(f"/api/dossiers/{OTHER}/report", headers=people["admin"]["headers"]).json()
    pdf = next(i for i, f in enumerate(report["files"]) if f["path"].endswith("don.pdf"))
    return {"rt": rt, "client": client, "people": people, "pdf": pdf}


OK = "ok"  # 2xx, or 409 where the state (not the role) refuses a repeated action
UNFIT = "unfit"  # the role may; the file cannot take it (422 bad_input)
ALL = dict.fromkeys(LOGINS, OK)


def only(*logins: str, refused: int = 403, **special: int | str) -> dict[str, int | str]:
    return {x: special.get(x, OK if x in logins else refused) for x in LOGINS}


_n = itertools.count()


def _spare_token(w) -> int:
    r = w["client"].post("/api/auth/tokens", json={"name": "spare"},
                         headers=w["people"]["secretariat"]["headers"])
    return r.json()["id"]


def _assigned(w, dossier: int) -> str:
    """The path of an assignment of ``dossier`` to reviewer2, made now if there is none."""
    reviewer = w["people"]["reviewer2"]["id"]
    w["client"].post(f"/api/dossiers/{dossier}/assignments", json={"reviewer": reviewer},
                     headers=w["people"]["admin"]["headers"])
    return f"/api/dossiers/{dossier}/assignments/{reviewer}"


def _upload(prior: bool):
    return {"files": [("files", ("x.docx", docx_bytes(["Bản mô tả", f"lần {next(_n)}"])))],
            "data": {"prior": str(prior).lower()}}


# (method, route template, concrete path or a function of the world, request kwargs, expected)
MATRIX = [
    ("GET", "/api/health", "/api/health", {}, ALL),
    ("POST", "/api/auth/logout", "/api/auth/logout", {}, ALL),
    ("GET", "/api/auth/me", "/api/auth/me", {}, ALL),
    ("POST", "/api/auth/tokens", "/api/auth/tokens", {"json": {"name": "t"}}, ALL),
    ("DELETE", "/api/auth/tokens/{token_id}", lambda w: f"/api/auth/tokens/{_spare_token(w)}", {},
     only("secretariat", "admin", refused=404)),
    ("GET", "/api/users", "/api/users", {}, only("admin")),
    ("POST", "/api/users", "/api/users",
     lambda: {"json": {"login": f"moi{next(_n)}", "role": "reviewer", "password": "x" * 12}},
     only("admin")),
    ("PATCH", "/api/users/{user_id}", lambda w: f"/api/users/{w['people']['reviewer2']['id']}",
     {"json": {"name": "Thành viên hai"}}, only("admin")),
    ("GET", "/api/reviewers", "/api/reviewers", {}, only("secretariat", "admin")),
    ("GET", "/api/audit", "/api/audit", {}, only("admin")),
    ("POST", "/api/batches", "/api/batches", lambda: _upload(False), only("secretariat", "admin")),
    ("POST", "/api/batches", "/api/batches", lambda: _upload(True),
     only("secretariat", "archivist", "admin")),
    ("GET", "/api/batches/{batch_id}", "/api/batches/1", {},
     only("secretariat", "archivist", "admin")),
    ("GET", "/api/dossiers", "/api/dossiers", {}, ALL),
    ("GET", "/api/search", "/api/search?q=sang+kien&limit=5", {}, ALL),
    ("GET", "/api/dossiers/{dossier_id}/report", f"/api/dossiers/{NEW}/report", {},
     only("secretariat", "archivist", "admin", "reviewer", refused=404)),
    ("GET", "/api/dossiers/{dossier_id}/report", f"/api/dossiers/{OLD}/report", {}, ALL),
    ("GET", "/api/dossiers/{dossier_id}/text", f"/api/dossiers/{OTHER}/text", {},
     only("secretariat", "archivist", "admin", refused=404)),
    ("GET", "/api/dossiers/{dossier_id}/files/{position}/original",
     f"/api/dossiers/{NEW}/files/0/original", {},
     only("secretariat", "admin", "reviewer", refused=404, archivist=403)),
    ("GET", "/api/dossiers/{dossier_id}/files/{position}/original",
     lambda w: f"/api/dossiers/{OTHER}/files/{w['pdf']}/original", {},
     only("secretariat", "archivist", "admin", refused=404)),
    ("GET", "/api/dossiers/{dossier_id}/files/{position}/searchable.pdf",
     f"/api/dossiers/{NEW}/files/0/searchable.pdf", {},  # a Word file: there is none
     only(refused=404, archivist=403)),
    ("GET", "/api/dossiers/{dossier_id}/files/{position}/pages/{number}.png",
     lambda w: f"/api/dossiers/{OTHER}/files/{w['pdf']}/pages/1.png", {},
     only("secretariat", "archivist", "admin", refused=404)),
    ("POST", "/api/dossiers/{dossier_id}/files/{position}/reocr", f"/api/dossiers/{NEW}/files/0/reocr",
     {"json": {"page": 1}},  # a Word file: nothing to read again for those who may ask
     only(refused=404, archivist=403, secretariat=UNFIT, admin=UNFIT, reviewer=UNFIT)),
    ("GET", "/api/review/queue", "/api/review/queue", {},
     only("secretariat", "admin", "reviewer", "reviewer2")),
    ("POST", "/api/dossiers/{dossier_id}/assignments", f"/api/dossiers/{OTHER}/assignments",
     lambda: {"json": {"reviewer": 5}}, only("secretariat", "admin")),  # 5: reviewer2
    ("DELETE", "/api/dossiers/{dossier_id}/assignments/{reviewer_id}", lambda w: _assigned(w, OTHER),
     {}, only("secretariat", "admin")),
    ("GET", "/api/score-sheet", "/api/score-sheet", {}, ALL),
    ("GET", "/api/rounds", "/api/rounds", {}, ALL),
    ("GET", "/api/rounds/summary", "/api/rounds/summary?round=2026", {},
     only("secretariat", "archivist", "admin")),
    ("POST", "/api/rounds", "/api/rounds", lambda: {"json": {"name": f"Đợt {next(_n)}"}}, only("admin")),
    ("PATCH", "/api/rounds/{round_id}", "/api/rounds/1", {"json": {"year": 2026}}, only("admin")),
    ("PUT", "/api/dossiers/{dossier_id}/score", f"/api/dossiers/{NEW}/score",
     {"json": {"scores": {"novelty": 20, "applicability": 15, "benefit": 15}}},
     only("reviewer", reviewer2=404)),
    ("GET", "/api/dossiers/{dossier_id}/scores", f"/api/dossiers/{NEW}/scores", {},
     only("secretariat", "archivist", "admin", "reviewer", refused=404)),
    ("POST", "/api/dossiers/{dossier_id}/decision", f"/api/dossiers/{NEW}/decision",
     {"json": {"decision": "supplement", "reason": "Thiếu phần đánh giá hiệu quả"}},
     only("admin", "reviewer", reviewer2=404)),
    ("POST", "/api/dossiers/{dossier_id}/matches/{other_id}/exclusion",
     f"/api/dossiers/{NEW}/matches/{OLD}/exclusion", {"json": {"reason": "Cùng tác giả, đã xét"}},
     only("secretariat", "admin", "reviewer", reviewer2=404)),
    ("DELETE", "/api/dossiers/{dossier_id}/matches/{other_id}/exclusion",
     f"/api/dossiers/{NEW}/matches/{OLD}/exclusion", {},
     only("secretariat", "admin", "reviewer", reviewer2=404)),
    ("GET", "/api/dossiers/{dossier_id}/history", f"/api/dossiers/{NEW}/history", {},
     only("secretariat", "archivist", "admin", "reviewer", refused=404)),
    ("GET", "/api/exports/dossiers.csv", "/api/exports/dossiers.csv", {},
     only("secretariat", "archivist", "admin")),
    ("GET", "/api/exports/dossiers.xlsx", "/api/exports/dossiers.xlsx", {},
     only("secretariat", "archivist", "admin")),
    ("GET", "/api/dossiers/{dossier_id}/letter.docx", f"/api/dossiers/{OTHER}/letter.docx", {},
     only("secretariat", "admin")),
]
PUBLIC = {("GET", "/api/health"), ("POST", "/api/auth/login")}


def _call(w, method, path, kwargs, headers):
    path = path(w) if callable(path) else path
    kwargs = kwargs() if callable(kwargs) else kwargs
    return w["client"].request(method, path, headers=headers, **kwargs)


@pytest.mark.parametrize("method, route, path, kwargs, expected", MATRIX,
                         ids=[f"{m} {r}" for m, r, *_ in MATRIX])
def test_every_route_for_every_role(world, method, route, path, kwargs, expected) -> None:
    for login, want in expected.items():
        r = _call(world, method, path, kwargs, world["people"][login]["headers"])
        if want == OK:
            assert r.status_code < 300 or r.status_code == 409, (login, r.status_code, r.text)
        elif want == UNFIT:
            assert r.status_code == 422 and r.json()["error"]["code"] == "bad_input", (login, r.text)
        else:
            assert r.status_code == want, (login, r.status_code, r.text)
            assert r.json()["error"]["code"] in ("forbidden", "not_found"), r.text
    if (method, route) not in PUBLIC:
        anon = _call(world, method, path, kwargs, {})
        assert anon.status_code == 401 and anon.json()["error"]["code"] == "not_authenticated"
        assert anon.headers["www-authenticate"] == "Bearer"


def test_the_matrix_covers_every_route(world) -> None:
    spec = world["client"].get("/api/openapi.json").json()["paths"]
    documented = {(m.upper(), p) for p, ops in spec.items() for m in ops}
    assert documented - PUBLIC == {(m, r) for m, r, *_ in MATRIX} - PUBLIC


def test_a_reviewer_sees_only_their_dossiers_and_the_archive(world) -> None:
    c, people = world["client"], world["people"]
    c.delete(f"/api/dossiers/{OTHER}/assignments/{people['reviewer2']['id']}",  # as it was
             headers=people["admin"]["headers"])

    def listed(login: str) -> set[int]:
        body = c.get("/api/dossiers?limit=500", headers=people[login]["headers"]).json()
        assert all(d["prior"] for d in body["items"] if d["id"] not in (NEW, OTHER))
        return {d["id"] for d in body["items"]}

    assert listed("reviewer") & {OLD, NEW, OTHER} == {OLD, NEW}  # the archive, and theirs
    assert listed("reviewer2") & {OLD, NEW, OTHER} == {OLD}
    assert c.get(f"/api/dossiers/{NEW}/report",
                 headers=people["reviewer2"]["headers"]).status_code == 404
    queue = c.get("/api/review/queue", headers=people["reviewer2"]["headers"]).json()
    assert queue["total"] == 0
    r = c.post(f"/api/dossiers/{OTHER}/assignments", json={"reviewer": people["reviewer2"]["id"]},
               headers=people["secretariat"]["headers"])
    assert r.status_code in (201, 409)
    assert c.get(f"/api/dossiers/{OTHER}/report",
                 headers=people["reviewer2"]["headers"]).status_code == 200
    assert OTHER in listed("reviewer2")
    queue = c.get("/api/review/queue", headers=people["reviewer2"]["headers"]).json()
    assert [d["id"] for d in queue["items"]] == [OTHER]


def test_confidential_text_only_for_those_entitled(world) -> None:
    c, people = world["client"], world["people"]

    def text(login: str, dossier: int) -> dict:
        r = c.get(f"/api/dossiers/{dossier}/text", headers=people[login]["headers"])
        assert r.status_code == 200, r.text
        return r.json()

    def joined(body: dict) -> str:
        return "\n".join(p["text"] for f in body["files"] for p in f["pages"])

    for login in ("secretariat", "admin", "reviewer"):  # the dossier's own reviewer included
        assert "kali nitrat" in joined(text(login, NEW))
    archivist = text("archivist", NEW)
    assert archivist["withheld"] and "kali nitrat" not in joined(archivist)
    assert "[…]" in joined(archivist) and "Rau thủy canh" in joined(archivist)
    # the archive dossier's confidential text: not for a reviewer of another dossier
    assert "kali nitrat" not in joined(text("reviewer", OLD))
    report = c.get(f"/api/dossiers/{NEW}/report", headers=people["reviewer"]["headers"]).json()
    [match] = [d for d in report["duplicates"] if d["dossier"] == OLD]
    secret = [p for p in match["passages"] if "kali nitrat" in p["ours"]["text"]]
    assert secret and all(p["theirs"]["withheld"] for p in secret)
    assert all("kali nitrat" not in (p["theirs"]["text"] or "") for p in match["passages"])
    archivist = c.get(f"/api/dossiers/{NEW}/report", headers=people["archivist"]["headers"]).json()
    assert archivist["withheld"] is True
    assert all("kali nitrat" not in (p["ours"]["text"] or "")
               for d in archivist["duplicates"] for p in d["passages"])
    refused = c.get(f"/api/dossiers/{NEW}/files/0/original", headers=people["archivist"]["headers"])
    assert refused.status_code == 403 and "bảo mật" in refused.json()["error"]["message"]


def test_a_page_image_is_a_png_of_the_page(world) -> None:
    c, people = world["client"], world["people"]
    r = c.get(f"/api/dossiers/{OTHER}/files/{world['pdf']}/pages/1.png?width=600",
              headers=people["admin"]["headers"])
    assert r.status_code == 200 and r.content.startswith(b"\x89PNG")
    from PIL import Image

    assert Image.open(io.BytesIO(r.content)).width == 600
    none = c.get(f"/api/dossiers/{OTHER}/files/{world['pdf']}/pages/9.png",
                 headers=people["admin"]["headers"])
    assert none.status_code == 404 and none.json()["error"]["code"] == "not_found"


def test_downloads_are_audited(world) -> None:
    c, people = world["client"], world["people"]
    c.get(f"/api/dossiers/{OTHER}/files/{world['pdf']}/original",
          headers=people["archivist"]["headers"])
    log = c.get("/api/audit?action=download_original", headers=people["admin"]["headers"]).json()
    assert any(e["login"] == "archivist" and e["object_id"] == OTHER for e in log["items"])


def test_reviewer_cannot_act_on_the_archive(world) -> None:
    c, people = world["client"], world["people"]
    r = c.post(f"/api/dossiers/{OLD}/decision", json={"decision": "reject", "reason": "không"},
               headers=people["reviewer"]["headers"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
