"""The JSON API on a real database: the list and its filters, the report, one error shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.intake import collect
from ingest.jobs import register
from ingest.runtime import Runtime
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
    return TestClient(create_app(settings))


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
