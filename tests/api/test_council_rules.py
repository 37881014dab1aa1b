"""Council rules in the review: a closed round freezes, independent reviewers and the third one
called on disagreement, conflicts of interest, blind review. The dossier under review is a
bundled sample (two Word files, authors Nguyễn Thị Thu Hà and Bùi Văn Khải of Trường THPT Hoà
Bình), read through the real pipeline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import create_user
from ingest.intake import collect
from ingest.jobs import register
from ingest.runtime import Runtime
from models.settings import Settings
from models.tables import Assignment, AuditEntry
from tests.api.people import PASSWORD, accounts
from tests.builders import docx_bytes, run_all
from tests.fakes import FakeEngine

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "dossiers" / "thpt-hoa-binh-toan-thuc-te"
AUTHORS = ("Nguyễn Thị Thu Hà", "Bùi Văn Khải")
UNIT = "THPT Hoà Bình"
GOOD = {"novelty": 30, "applicability": 25, "benefit": 25}  # 80, passes


def _world(tmp: Path, rounds: dict[str, dict]) -> dict:
    settings = Settings(home=tmp / "var", _env_file=None)
    rt = Runtime(settings, engine=FakeEngine())
    people = accounts(rt)
    with rt.db.session() as s:
        third = create_user(s, "reviewer3", "reviewer", PASSWORD, name="Người chấm ba")
        colleague = create_user(s, "dongnghiep", "reviewer", PASSWORD, name="Lò Văn Đồng",
                                unit="Trường THPT Hoà Bình")
        author = create_user(s, "tacgia", "reviewer", PASSWORD, name="Nguyen Thi Thu Ha")
        extra = {"reviewer3": third.id, "dongnghiep": colleague.id, "tacgia": author.id}
    api = TestClient(create_app(settings))
    admin = people["admin"]["headers"]
    ids = {}
    for name, config in rounds.items():
        assert api.post("/api/rounds", json={"name": name, **config}, headers=admin).status_code == 201
        copy = tmp / "nop" / name / SAMPLE.name  # the same dossier, sent to each round
        shutil.copytree(SAMPLE, copy)
        (copy / "ghi-chu.docx").write_bytes(docx_bytes([f"Ghi chú gửi kèm hồ sơ, đợt {name}"]))
        registered = register(rt, collect([copy], rt.limits), round=name)
        ids[name] = registered[0].dossier_id
    run_all(rt)
    return {"rt": rt, "api": api, "people": people, "ids": ids, "extra": extra, "admin": admin}


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    return _world(tmp_path_factory.mktemp("rules"), {
        "2026": {}, "dong": {}, "cung-don-vi": {"same_unit_conflict": True},
        "kin": {"blind": True}, "tranh-chap": {}, "ba-phieu": {"reviewers": 3}})


def _assign(w, dossier: int, user_id: int):
    return w["api"].post(f"/api/dossiers/{dossier}/assignments", json={"reviewer": user_id},
                         headers=w["people"]["secretariat"]["headers"])


def _submit(w, login: str, dossier: int, scores: dict) -> dict:
    r = w["api"].put(f"/api/dossiers/{dossier}/score", json={"scores": scores, "submit": True},
                     headers=w["people"][login]["headers"])
    assert r.status_code == 200, r.text
    return r.json()


def test_the_sample_was_read_with_its_authors(world) -> None:
    report = world["api"].get(f"/api/dossiers/{world['ids']['2026']}/report", headers=world["admin"]).json()
    names = {a["name"] for a in report["fields"]["authors"]}
    assert set(AUTHORS) <= names
    assert any(UNIT in (a["unit"] or "") for a in report["fields"]["authors"])


def test_an_author_never_scores_their_own_initiative(world) -> None:
    r = _assign(world, world["ids"]["2026"], world["extra"]["tacgia"])  # the name typed unaccented
    assert r.status_code == 409
    assert "tác giả không chấm sáng kiến của mình" in r.json()["error"]["message"]


def test_a_colleague_of_the_same_unit_only_where_the_round_says_so(world) -> None:
    refused = _assign(world, world["ids"]["cung-don-vi"], world["extra"]["dongnghiep"])
    assert refused.status_code == 409
    message = refused.json()["error"]["message"]
    assert "cùng đơn vị" in message and "Trường THPT Hoà Bình" in message
    assert _assign(world, world["ids"]["2026"], world["extra"]["dongnghiep"]).status_code == 201


def test_a_third_reviewer_is_called_when_two_disagree(world) -> None:
    dossier, people = world["ids"]["tranh-chap"], world["people"]
    for login in ("reviewer", "reviewer2"):
        assert _assign(world, dossier, people[login]["id"]).status_code == 201
    _submit(world, "reviewer", dossier, GOOD)  # 80
    low = {"novelty": 20, "applicability": 20, "benefit": 15}  # 55: passes, but 25 points apart
    _submit(world, "reviewer2", dossier, low)
    with world["rt"].db.session() as s:
        given = set(s.scalars(Assignment.__table__.select().with_only_columns(
            Assignment.reviewer_id).where(Assignment.dossier_id == dossier)))
        why = s.scalars(AuditEntry.__table__.select().with_only_columns(AuditEntry.detail).where(
            AuditEntry.object_id == dossier, AuditEntry.action == "assigned",
            AuditEntry.login == "(hoso)")).all()
    assert given - {people["reviewer"]["id"], people["reviewer2"]["id"]} == {world["extra"]["reviewer3"]}
    assert why and why[0]["why"] == "disagreement"
    scores = world["api"].get(f"/api/dossiers/{dossier}/scores", headers=world["admin"]).json()
    assert scores["rules"]["disagreement"] is True and scores["rules"]["needed"] == 3
    assert scores["result"]["final"] is False and scores["result"]["mean"] == 67.5
    third = world["api"].put(f"/api/dossiers/{dossier}/score", json={"scores": GOOD, "submit": True},
                             headers={"Authorization": _token(world, "reviewer3")})
    assert third.status_code == 200, third.text
    scores = world["api"].get(f"/api/dossiers/{dossier}/scores", headers=world["admin"]).json()
    assert scores["result"] == {"mean": 71.67, "submitted": 3, "passed": True, "final": True}


def test_agreeing_reviewers_need_no_third_and_a_round_may_ask_for_three(world) -> None:
    people = world["people"]
    dossier = world["ids"]["dong"]
    for login in ("reviewer", "reviewer2"):
        assert _assign(world, dossier, people[login]["id"]).status_code == 201
    _submit(world, "reviewer", dossier, GOOD)
    _submit(world, "reviewer2", dossier, {"novelty": 25, "applicability": 20, "benefit": 20})  # 65
    scores = world["api"].get(f"/api/dossiers/{dossier}/scores", headers=world["admin"]).json()
    assert scores["rules"]["disagreement"] is False and scores["result"]["final"] is True
    assert len(world["api"].get("/api/review/queue?limit=500", headers=world["admin"]).json()["items"]) >= 1
    three = world["ids"]["ba-phieu"]
    for login in ("reviewer", "reviewer2"):
        _assign(world, three, people[login]["id"])
        _submit(world, login, three, GOOD)
    scores = world["api"].get(f"/api/dossiers/{three}/scores", headers=world["admin"]).json()
    assert scores["rules"]["needed"] == 3 and scores["result"]["final"] is False


def test_a_reviewer_sees_others_disagreeing_only_after_submitting(world) -> None:
    dossier = world["ids"]["tranh-chap"]
    mine = world["api"].get(f"/api/dossiers/{dossier}/scores", headers=world["people"]["reviewer"]["headers"])
    assert mine.json()["rules"]["disagreement"] is True  # theirs is in: they see everything
    other = world["ids"]["kin"]
    _assign(world, other, world["people"]["reviewer"]["id"])
    early = world["api"].get(f"/api/dossiers/{other}/scores", headers=world["people"]["reviewer"]["headers"])
    assert early.json()["rules"]["disagreement"] is None


def test_blind_review_shows_no_author_name_or_unit_to_reviewers(world) -> None:
    dossier, people = world["ids"]["kin"], world["people"]
    _assign(world, dossier, people["reviewer"]["id"])
    seen = []
    for path in (f"/api/dossiers/{dossier}/report", f"/api/dossiers/{dossier}/text",
                 "/api/review/queue?limit=500", "/api/dossiers?limit=500",
                 "/api/search?q=toan+thuc+te&round=kin"):
        r = world["api"].get(path, headers=people["reviewer"]["headers"])
        assert r.status_code == 200
        seen.append(json.dumps(r.json(), ensure_ascii=False))
    assert [x["id"] for x in r.json()["items"]] == [dossier]  # the search found it, masked
    everything = "\n".join(seen)
    for name in (*AUTHORS, "Nguyen Thi Thu Ha", UNIT):
        assert name not in everything, name
    text = world["api"].get(f"/api/dossiers/{dossier}/text", headers=people["reviewer"]["headers"]).json()
    assert text["blind"] is True and "[…]" in json.dumps(text, ensure_ascii=False)
    assert "hàm số bậc hai" in json.dumps(text, ensure_ascii=False)  # the rest of the text is there
    for path in (f"/api/dossiers/{dossier}/files/0/original",):
        assert world["api"].get(path, headers=people["reviewer"]["headers"]).status_code == 403
    page = TestClient(world["api"].app)
    page.post("/dang-nhap", data={"login": "reviewer", "password": PASSWORD})
    found = page.get("/luu-tru", params={"q": "toan thuc te", "round": "kin"}).text
    assert f'data-id="{dossier}"' in found and f"/api/dossiers/{dossier}/files/" not in found
    secretariat = world["api"].get(f"/api/dossiers/{dossier}/report",
                                   headers=people["secretariat"]["headers"]).json()
    assert AUTHORS[0] in json.dumps(secretariat, ensure_ascii=False)  # who assigns sees them
    # the same sample in a round that is not blind: the reviewer sees the names
    _assign(world, world["ids"]["2026"], people["reviewer"]["id"])
    open_round = world["api"].get(f"/api/dossiers/{world['ids']['2026']}/report",
                                  headers=people["reviewer"]["headers"]).json()
    assert AUTHORS[0] in json.dumps(open_round, ensure_ascii=False)


def test_closing_a_round_freezes_scores_decisions_assignments_and_uploads(tmp_path: Path) -> None:
    w = _world(tmp_path, {"2027": {}})
    dossier, people, admin = w["ids"]["2027"], w["people"], w["admin"]
    assert _assign(w, dossier, people["reviewer"]["id"]).status_code == 201
    draft = w["api"].put(f"/api/dossiers/{dossier}/score", json={"scores": GOOD},
                         headers=people["reviewer"]["headers"])
    assert draft.status_code == 200  # mid-review: a draft saved
    rid = w["api"].get("/api/rounds", headers=admin).json()["items"][0]["id"]
    assert w["api"].patch(f"/api/rounds/{rid}", json={"state": "reviewing"}, headers=admin).status_code == 200
    assert w["api"].patch(f"/api/rounds/{rid}", json={"state": "closed"}, headers=admin).status_code == 200
    frozen = [
        w["api"].put(f"/api/dossiers/{dossier}/score", json={"scores": GOOD, "submit": True},
                     headers=people["reviewer"]["headers"]),
        w["api"].post(f"/api/dossiers/{dossier}/decision", json={"decision": "accept", "reason": "Đạt"},
                      headers=people["reviewer"]["headers"]),
        _assign(w, dossier, people["reviewer2"]["id"]),
        w["api"].delete(f"/api/dossiers/{dossier}/assignments/{people['reviewer']['id']}",
                        headers=people["secretariat"]["headers"]),
        w["api"].post("/api/batches", data={"round": "2027"}, headers=people["secretariat"]["headers"],
                      files=[("files", ("x.docx", docx_bytes(["Bản mô tả sáng kiến", "muộn"])))]),
        w["api"].patch(f"/api/rounds/{rid}", json={"state": "open"}, headers=admin),
        w["api"].patch(f"/api/rounds/{rid}", json={"blind": True}, headers=admin),
    ]
    for r in frozen:
        assert r.status_code == 409, r.text
        assert "đã đóng" in r.json()["error"]["message"] or "Không chuyển" in r.json()["error"]["message"]
    sheets = w["api"].get(f"/api/dossiers/{dossier}/scores", headers=admin).json()["sheets"]
    assert [x["submitted"] for x in sheets] == [False]  # the draft stays a draft, frozen


def _token(w, login: str) -> str:
    from api.auth import issue_token
    from models.tables import User

    with w["rt"].db.session() as s:
        user = s.scalar(User.__table__.select().with_only_columns(User.id).where(User.login == login))
        _, secret = issue_token(s, s.get(User, user), "t")
    return f"Bearer {secret}"
