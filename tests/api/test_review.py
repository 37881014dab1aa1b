"""The review through the API: the queue by risk, score sheets (hidden, then locked), the
result, decisions with reasons, excluding a duplicate warning, the history, the CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.api.round_world import round_world

OLD, COPY, FINE, THIN = 1, 2, 3, 4


@pytest.fixture
def review(settings, tmp_path: Path):
    client, people = round_world(settings, tmp_path)

    def as_(login: str):
        return people[login]["headers"]

    return client, people, as_


def test_the_queue_puts_duplicates_then_missing_parts_first(review) -> None:
    client, _, as_ = review
    queue = client.get("/api/review/queue", headers=as_("secretariat")).json()
    ids = [d["id"] for d in queue["items"]]
    assert ids[0] == COPY and OLD not in ids  # the archive is not reviewed
    by_id = {d["id"]: d for d in queue["items"]}
    assert by_id[COPY]["duplicates"] == 1
    assert by_id[THIN]["missing"] > by_id[FINE]["missing"]
    assert ids.index(THIN) < ids.index(FINE)
    assert queue["total"] == 3 and sum(queue["counts"].values()) == 3


def test_scores_are_hidden_until_submitted_then_locked(review) -> None:
    client, people, as_ = review
    for reviewer in ("reviewer", "reviewer2"):
        r = client.post(f"/api/dossiers/{FINE}/assignments", headers=as_("secretariat"),
                        json={"reviewer": people[reviewer]["id"]})
        assert r.status_code == 201
    again = client.post(f"/api/dossiers/{FINE}/assignments", headers=as_("secretariat"),
                        json={"reviewer": people["reviewer"]["id"]})
    assert again.status_code == 409
    bad = client.put(f"/api/dossiers/{FINE}/score", headers=as_("reviewer"),
                     json={"scores": {"novelty": 41, "applicability": 10, "benefit": 10}})
    assert bad.status_code == 422 and "Tính mới" in bad.json()["error"]["message"]
    draft = client.put(f"/api/dossiers/{FINE}/score", headers=as_("reviewer"),
                       json={"scores": {"novelty": 30, "applicability": 20, "benefit": 20}})
    assert draft.status_code == 200 and draft.json()["total"] == 70 and not draft.json()["submitted"]
    sent = client.put(f"/api/dossiers/{FINE}/score", headers=as_("reviewer2"), json={
        "scores": {"novelty": 20, "applicability": 15, "benefit": 5}, "submit": True})
    assert sent.json()["passed"] is False  # 40 < 50, and benefit under its minimum of 10
    # reviewer has not submitted: sees only their own sheet
    seen = client.get(f"/api/dossiers/{FINE}/scores", headers=as_("reviewer")).json()
    assert [x["login"] for x in seen["sheets"]] == ["reviewer"] and seen["result"] is None
    history = client.get(f"/api/dossiers/{FINE}/history", headers=as_("reviewer")).json()
    assert all(e["login"] != "reviewer2" for e in history["items"] if e["action"].startswith("score"))
    client.put(f"/api/dossiers/{FINE}/score", headers=as_("reviewer"), json={
        "scores": {"novelty": 30, "applicability": 20, "benefit": 20}, "submit": True})
    locked = client.put(f"/api/dossiers/{FINE}/score", headers=as_("reviewer"),
                        json={"scores": {"novelty": 40, "applicability": 30, "benefit": 30}})
    assert locked.status_code == 409
    both = client.get(f"/api/dossiers/{FINE}/scores", headers=as_("reviewer")).json()
    assert {x["login"] for x in both["sheets"]} == {"reviewer", "reviewer2"}
    assert both["result"] == {"mean": 55.0, "submitted": 2, "passed": False, "final": False}
    assert both["rules"]["disagreement"] is True and both["rules"]["needed"] == 3  # 70 vs 40
    gone = client.delete(f"/api/dossiers/{FINE}/assignments/{people['reviewer']['id']}",
                         headers=as_("secretariat"))
    assert gone.status_code == 409  # a submitted sheet keeps its reviewer


def test_decisions_need_a_reason_and_are_kept(review) -> None:
    client, people, as_ = review
    client.post(f"/api/dossiers/{THIN}/assignments", headers=as_("admin"),
                json={"reviewer": people["reviewer"]["id"]})
    none = client.post(f"/api/dossiers/{THIN}/decision", headers=as_("reviewer"),
                       json={"decision": "reject", "reason": ""})
    assert none.status_code == 422 and none.json()["error"]["code"] == "invalid_request"
    for decision, reason in (("supplement", "Thiếu phần đánh giá hiệu quả"),
                             ("accept", "Đã bổ sung đủ")):
        r = client.post(f"/api/dossiers/{THIN}/decision", headers=as_("reviewer"),
                        json={"decision": decision, "reason": reason})
        assert r.status_code == 201, r.text
    listed = client.get("/api/dossiers?decision=accept", headers=as_("admin")).json()
    assert [d["id"] for d in listed["items"]] == [THIN]
    history = client.get(f"/api/dossiers/{THIN}/history", headers=as_("secretariat")).json()
    assert [d["decision"] for d in history["decisions"]] == ["supplement", "accept"]
    assert {"assigned", "decision"} <= {e["action"] for e in history["items"]}
    assert all(e["login"] and e["at"] for e in history["items"])


def test_an_excluded_match_stops_counting_and_says_why(review) -> None:
    client, _, as_ = review
    no_reason = client.post(f"/api/dossiers/{COPY}/matches/{OLD}/exclusion",
                            headers=as_("secretariat"), json={"reason": ""})
    assert no_reason.status_code == 422
    r = client.post(f"/api/dossiers/{COPY}/matches/{OLD}/exclusion", headers=as_("secretariat"),
                    json={"reason": "Cùng tác giả, phiên bản mở rộng đã được hội đồng chấp nhận"})
    assert r.status_code == 200 and r.json()["excluded"]
    [match] = client.get(f"/api/dossiers/{COPY}/report", headers=as_("admin")).json()["duplicates"]
    assert match["excluded"] and match["excluded_reason"].startswith("Cùng tác giả")
    assert client.get("/api/dossiers?duplicates=true&prior=false",
                      headers=as_("admin")).json()["total"] == 0
    client.delete(f"/api/dossiers/{COPY}/matches/{OLD}/exclusion", headers=as_("secretariat"))
    assert client.get("/api/dossiers?duplicates=true&prior=false",
                      headers=as_("admin")).json()["total"] == 1


def test_search_finds_titles_with_or_without_diacritics(review) -> None:
    client, _, as_ = review
    for q in ("tưới nhỏ giọt", "tuoi nho giot", "TUOI   Nho"):
        found = client.get("/api/dossiers", params={"q": q}, headers=as_("archivist")).json()
        assert [d["id"] for d in found["items"]] == [FINE], q
    assert client.get("/api/dossiers", params={"q": "100%_"},
                      headers=as_("archivist")).json()["total"] == 0


def test_the_export_lists_every_dossier_for_excel(review) -> None:
    client, _, as_ = review
    r = client.get("/api/exports/dossiers.csv?round=2026", headers=as_("archivist"))
    assert r.status_code == 200 and r.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [int(x["id"]) for x in rows] == [COPY, FINE, THIN]
    by_id = {int(x["id"]): x for x in rows}
    assert by_id[COPY]["duplicates"] == "1" and by_id[FINE]["title"] == "Tưới nhỏ giọt cho rau"
    log = client.get("/api/audit?action=export", headers=as_("admin")).json()
    assert log["items"][0]["login"] == "archivist" and log["items"][0]["detail"]["rows"] == 3
