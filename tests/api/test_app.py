"""The JSON API on a real database: the list and its filters, the report, one error shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.intake import collect
from ingest.jobs import register
from ingest.runtime import Runtime
from tests.api.people import accounts
from tests.builders import run_all, write_tree
from tests.checks.dup_inputs import SCHOOL, TITLE
from tests.fakes import FakeEngine
from tests.ingest.test_duplicates import description


@pytest.fixture
def client(settings, tmp_path: Path) -> TestClient:
    rt = Runtime(settings, engine=FakeEngine())
    register(rt, collect([write_tree(tmp_path / "kho", {"a/mo-ta.docx": description(TITLE, SCHOOL)})],
                         rt.limits), prior=True)
    register(rt, collect([write_tree(tmp_path / "moi", {"b/mo-ta.docx": description("Khác", SCHOOL),
                                                        "c/hong.pdf": b"%PDF-1.7 broken"})],
                         rt.limits), round="2026")
    run_all(rt)
    return TestClient(create_app(settings), headers=accounts(rt)["admin"]["headers"])


def test_list_filters_and_counts(client: TestClient) -> None:
    every = client.get("/api/dossiers").json()
    assert every["total"] == 3 and [d["id"] for d in every["items"]] == [3, 2, 1]
    by_source = {d["source"]: d for d in every["items"]}
    assert by_source["moi/b"]["duplicates"] == 1 and by_source["kho/a"]["duplicates"] == 1
    assert by_source["moi/c"]["status"] == "failed" and by_source["moi/c"]["duplicates"] == 0
    assert [d["source"] for d in client.get("/api/dossiers?prior=true").json()["items"]] == ["kho/a"]
    assert client.get("/api/dossiers?round=2026&duplicates=true").json()["total"] == 1
    assert client.get("/api/dossiers?status=failed").json()["total"] == 1
    assert client.get("/api/dossiers?limit=1&offset=1").json()["items"][0]["source"] == "moi/b"


def test_report_is_the_cli_report(client: TestClient) -> None:
    r = client.get("/api/dossiers/2/report")
    assert r.status_code == 200
    body = r.json()
    assert body["source"] == "moi/b" and body["duplicates"][0]["dossier"] == 1


@pytest.mark.parametrize("url, status, code", [
    ("/api/dossiers/99/report", 404, "not_found"),
    ("/api/dossiers/abc/report", 422, "invalid_request"),
    ("/api/dossiers?limit=0", 422, "invalid_request"),
    ("/api/dossiers?status=xong", 422, "invalid_request"),
    ("/api/khong-co", 404, "not_found"),
])
def test_every_error_has_one_shape(client: TestClient, url: str, status: int, code: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["code"] == code and err["message"]
    assert set(r.json()) == {"error"}


def test_openapi_documents_the_routes(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/health", "/api/dossiers", "/api/dossiers/{dossier_id}/report"} <= set(paths)
    assert client.get("/api/health").json() == {"status": "ok"}


def test_upload_answers_at_once_and_reports_progress(settings, tmp_path: Path) -> None:
    from tests.builders import docx_bytes, zip_bytes

    rt = Runtime(settings, engine=FakeEngine())
    client = TestClient(create_app(settings), headers=accounts(rt)["secretariat"]["headers"])
    files = [("files", ("mo-ta.docx", description(TITLE, SCHOOL))),
             ("files", ("ho-so-b.zip", zip_bytes({"b/mo-ta.docx": docx_bytes(["Bản mô tả"])}))),
             ("files", ("rong.pdf", b""))]
    r = client.post("/api/batches", files=files, data={"round": "2026"})
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["files"] == 3 and len(body["dossiers"]) == 3
    before = client.get(f"/api/batches/{body['batch']}").json()
    assert before["total"] == 3 and not before["complete"]
    assert {f["status"] for f in before["files"]} <= {"pending", "failed"}
    run_all(rt)  # what the workers do with the queued files
    after = client.get(f"/api/batches/{body['batch']}").json()
    assert after["complete"] and after["finished"] == 3
    assert after["pages"] == after["pages_done"] >= 2 and before["pages_done"] == 0
    by_path = {f["path"]: f["status"] for f in after["files"]}
    assert by_path["rong.pdf"] == "failed" and by_path["mo-ta.docx"] == "done"
    assert client.get("/api/dossiers?round=2026").json()["total"] == 3


def test_upload_refuses_what_it_must_with_the_error_shape(tmp_path: Path) -> None:
    from models.settings import Settings

    small = Settings(home=tmp_path / "var", max_file_bytes=1000, _env_file=None)
    client = TestClient(create_app(small), headers=accounts(Runtime(small))["admin"]["headers"])
    big = client.post("/api/batches", files=[("files", ("to.pdf", b"%PDF" + b"x" * 2000))])
    assert big.status_code == 413 and big.json()["error"]["code"] == "file_too_large"
    unknown = client.post("/api/batches", files=[("files", ("a.pdf", b"%PDF"))],
                          data={"profile": "khong-co"})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "profile_invalid"
    none = client.post("/api/batches")
    assert none.status_code == 422 and none.json()["error"]["code"] == "invalid_request"
    assert client.get("/api/batches/9").json()["error"]["code"] == "not_found"
    assert client.get("/api/dossiers").json()["total"] == 0  # nothing half-registered


def test_text_and_files_come_back_as_stored(client: TestClient, tmp_path: Path) -> None:
    text = client.get("/api/dossiers/2/text").json()
    [f] = text["files"]
    assert f["path"] == "moi/b/mo-ta.docx" and "Khác" in f["pages"][0]["text"]
    got = client.get("/api/dossiers/2/files/0/original")
    sent = (tmp_path / "moi" / "b" / "mo-ta.docx").read_bytes()  # a new DOCX has a new timestamp
    assert got.status_code == 200 and got.content == sent
    assert "wordprocessingml" in got.headers["content-type"]
    assert 'filename="mo-ta.docx"' in got.headers["content-disposition"]
    none = client.get("/api/dossiers/2/files/0/searchable.pdf")
    assert none.status_code == 404 and none.json()["error"]["code"] == "not_found"
    assert client.get("/api/dossiers/2/files/7/original").json()["error"]["code"] == "not_found"


def test_uploads_cut_off_by_a_killed_node_are_swept_at_start(settings) -> None:
    import os
    import time

    incoming = settings.home / "incoming"
    old, fresh = incoming / "old", incoming / "fresh"
    for folder in (old, fresh):
        folder.mkdir(parents=True)
        (folder / "nua-chung.pdf").write_bytes(b"%PDF-1.7 half")
    day_ago = time.time() - 86400
    os.utime(old, (day_ago, day_ago))
    with TestClient(create_app(settings)) as client:  # the lifespan runs
        assert client.get("/api/health").status_code == 200
    assert not old.exists() and fresh.exists()  # another node may be receiving into it
