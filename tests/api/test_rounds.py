"""Rounds and their score sheets: a province's own criteria and pass rule, used when scoring."""

from __future__ import annotations

import pytest

from tests.api.web.world import NEW, browser, build

SHEET = {"criteria": [{"label": "Tính mới, sáng tạo", "max": 30, "min_to_pass": 15},
                      {"label": "Khả năng nhân rộng", "max": 30},
                      {"label": "Hiệu quả kinh tế - xã hội", "max": 40, "min_to_pass": 20}],
         "pass_total": 70}


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    w = build(tmp_path_factory.mktemp("rounds"))
    admin = w["people"]["admin"]["headers"]
    r = w["api"].post(f"/api/dossiers/{NEW}/assignments",
                      json={"reviewer": w["people"]["reviewer"]["id"]}, headers=admin)
    assert r.status_code == 201, r.text
    return w


def test_a_round_scores_on_its_own_sheet(world) -> None:
    api, people = world["api"], world["people"]
    admin, reviewer = people["admin"]["headers"], people["reviewer"]["headers"]
    default = api.get("/api/score-sheet?round=2026", headers=reviewer).json()
    assert [c["key"] for c in default["criteria"]] == ["novelty", "applicability", "benefit"]
    r = api.post("/api/rounds", json={"name": "2026", "year": 2026, "sheet": SHEET}, headers=admin)
    assert r.status_code == 201, r.text
    sheet = api.get("/api/score-sheet?round=2026", headers=reviewer).json()
    keys = [c["key"] for c in sheet["criteria"]]
    assert keys == ["tinh_moi_sang_tao", "kha_nang_nhan_rong", "hieu_qua_kinh_te_xa_hoi"]
    assert sheet["pass_total"] == 70
    old = api.put(f"/api/dossiers/{NEW}/score", headers=reviewer,
                  json={"scores": {"novelty": 30, "applicability": 20, "benefit": 20}})
    assert old.status_code == 422 and "không có tiêu chí" in old.json()["error"]["message"]
    low = dict(zip(keys, (14, 30, 40)))  # a total of 84, but the first criterion under 15
    r = api.put(f"/api/dossiers/{NEW}/score", json={"scores": low}, headers=reviewer)
    assert r.status_code == 200 and r.json()["total"] == 84 and r.json()["passed"] is False
    good = dict(zip(keys, (20, 20, 30)))
    r = api.put(f"/api/dossiers/{NEW}/score", json={"scores": good, "submit": True}, headers=reviewer)
    assert r.json()["passed"] is True
    result = api.get(f"/api/dossiers/{NEW}/scores", headers=admin).json()
    assert result["sheet"]["pass_total"] == 70 and result["result"]["passed"] is True
    over = dict(zip(keys, (31, 0, 0)))
    r = api.put(f"/api/dossiers/{NEW}/score", json={"scores": over}, headers=people["admin"]["headers"])
    assert r.status_code in (403, 409, 422)
    # a sheet already scored on cannot change under the reviewers
    rid = next(x["id"] for x in api.get("/api/rounds", headers=admin).json()["items"] if x["name"] == "2026")
    r = api.patch(f"/api/rounds/{rid}", json={"sheet": SHEET}, headers=admin)
    assert r.status_code == 409
    page = browser(world, "reviewer").get(f"/ho-so/{NEW}").text
    assert "Khả năng nhân rộng" in page and "Tính mới" in page


@pytest.mark.parametrize("sheet, problem", [
    ({"criteria": [], "pass_total": 0}, None),
    ({"criteria": [{"label": "A", "max": 10, "min_to_pass": 11}], "pass_total": 5}, "tối thiểu"),
    ({"criteria": [{"label": "A", "max": 10}], "pass_total": 11}, "Điểm đạt"),
    ({"criteria": [{"label": "A", "max": 10}, {"label": "a", "max": 5}], "pass_total": 1}, "trùng"),
])
def test_a_broken_sheet_is_refused_when_saved(world, sheet, problem) -> None:
    admin = world["people"]["admin"]["headers"]
    r = world["api"].post("/api/rounds", json={"name": f"hỏng {problem}", "sheet": sheet}, headers=admin)
    assert r.status_code == 422, r.text
    if problem:
        assert problem in r.json()["error"]["message"]


def test_round_names_are_unique_and_only_admins_make_rounds(world) -> None:
    api, people = world["api"], world["people"]
    admin = people["admin"]["headers"]
    assert api.post("/api/rounds", json={"name": "2025"}, headers=admin).status_code == 201
    again = api.post("/api/rounds", json={"name": "2025"}, headers=admin)
    assert again.status_code == 409
    assert api.post("/api/rounds", json={"name": "2024"},
                    headers=people["secretariat"]["headers"]).status_code == 403
    listed = api.get("/api/rounds", headers=people["archivist"]["headers"]).json()["items"]
    assert {"2025"} <= {x["name"] for x in listed}
