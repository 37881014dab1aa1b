"""What changed between a dossier sent back and its resubmission (``models.revision``), from
understanding JSON and texts written here: sections added and removed, missing parts and
findings resolved, sections whose text changed, and nothing at all for the same dossier."""

from __future__ import annotations

import copy

from models.revision import revision, section_texts, similarity

REASON = ("Học sinh lớp bốn còn ngại giải toán có lời văn, chưa biết tóm tắt đề bài và hay nhầm "
          "giữa các dạng toán về tỉ số, trung bình cộng và chuyển động đều.")
CONTENT = ("Tôi xây dựng bộ thẻ sơ đồ đoạn thẳng cho từng dạng toán, mỗi thẻ có ví dụ gần gũi với "
           "đời sống học sinh vùng cao như đếm bao ngô, chia cây giống cho các hộ gia đình.")
BENEFIT = ("Sau một năm áp dụng, tỉ lệ học sinh giải đúng bài toán có lời văn tăng từ 46 % lên "
           "81 %, các em tự tin trình bày lời giải trước lớp.")
NEW_CONTENT = ("Mỗi tiết học chia thành ba bước: đọc đề và gạch chân dữ kiện, thảo luận nhóm đôi "
               "để chọn thẻ phù hợp, rồi tự trình bày lời giải và đổi vở kiểm tra chéo.")


def _section(key: str, heading: str, body: str, *, empty: bool = False) -> dict:
    return {"key": key, "heading": heading, "file": "a/mo-ta.docx", "page": 1,
            "chars": 0 if empty else len(body), "document": "mo_ta", "empty": empty}


def _dossier(sections: list[tuple[str, str, str]], missing: dict[str, str],
             findings: list[tuple[str, str]]) -> tuple[dict, str]:
    """Understanding JSON and the text of a description made of (key, heading, body)."""
    text = "\n".join(["BÁO CÁO MÔ TẢ SÁNG KIẾN", *(f"{h}\n{b}" for _, h, b in sections)])
    return {
        "sections": [_section(k, h, b, empty=not b) for k, h, b in sections],
        "completeness": {
            "complete": not missing,
            "missing": [{"key": k, "label": v} for k, v in missing.items()],
            "findings": [{"code": c, "severity": "error", "message": f"Lỗi {c} ({k})", "page": None,
                          "key": k} for c, k in findings]},
    }, text


SENT_BACK = _dossier(
    [("ly_do", "1. Lý do chọn sáng kiến", REASON), ("noi_dung", "2. Nội dung sáng kiến", CONTENT)],
    {"ket_qua": "Kết quả, hiệu quả đạt được", "xac_nhan": "Giấy xác nhận áp dụng sáng kiến"},
    [("missing_section", "ket_qua"), ("benefit_not_stated", "loi_ich"),
     ("missing_document", "xac_nhan")])


def test_a_section_added_resolves_its_missing_part_and_findings() -> None:
    new = _dossier(
        [("ly_do", "1. Lý do chọn sáng kiến", REASON), ("noi_dung", "2. Nội dung sáng kiến", CONTENT),
         ("ket_qua", "3. Hiệu quả của sáng kiến", BENEFIT)],
        {"xac_nhan": "Giấy xác nhận áp dụng sáng kiến", "tinh_moi": "Tính mới của sáng kiến"},
        [("missing_document", "xac_nhan"), ("novelty_not_stated", "tinh_moi")])
    r = revision(SENT_BACK[0], new[0], SENT_BACK[1], new[1])
    assert r["sections_added"] == [{"key": "ket_qua", "heading": "3. Hiệu quả của sáng kiến"}]
    assert r["sections_removed"] == [] and r["sections_changed"] == []
    assert r["missing_resolved"] == [{"key": "ket_qua", "label": "Kết quả, hiệu quả đạt được"}]
    assert r["missing_still"] == [{"key": "xac_nhan", "label": "Giấy xác nhận áp dụng sáng kiến"}]
    assert r["missing_new"] == [{"key": "tinh_moi", "label": "Tính mới của sáng kiến"}]
    assert [(f["code"], f["key"]) for f in r["findings_resolved"]] == [
        ("missing_section", "ket_qua"), ("benefit_not_stated", "loi_ich")]
    assert [(f["code"], f["key"]) for f in r["findings_new"]] == [("novelty_not_stated", "tinh_moi")]
    assert r["findings_resolved"][0]["message"] == "Lỗi missing_section (ket_qua)"
    assert 0.5 < r["similarity"] < 1 and r["changed"]


def test_a_section_dropped_or_left_empty_is_removed() -> None:
    new = _dossier([("ly_do", "1. Lý do chọn sáng kiến", REASON), ("noi_dung", "2. Nội dung sáng kiến", "")],
                   {}, [])
    r = revision(SENT_BACK[0], new[0], SENT_BACK[1], new[1])
    assert r["sections_removed"] == [{"key": "noi_dung", "heading": "2. Nội dung sáng kiến"}]
    assert r["sections_added"] == []


def test_a_section_rewritten_to_the_same_length_has_changed() -> None:
    rewritten = NEW_CONTENT[:len(CONTENT)].ljust(len(CONTENT), ".")
    new = _dossier([("ly_do", "1. Lý do chọn sáng kiến", REASON),
                    ("noi_dung", "2. Nội dung sáng kiến", rewritten)], {}, [])
    r = revision(SENT_BACK[0], new[0], SENT_BACK[1], new[1])
    [changed] = r["sections_changed"]
    assert changed["key"] == "noi_dung" and changed["chars_before"] == changed["chars_after"]
    assert changed["similarity"] < 0.9
    assert "Tôi xây dựng" not in str(r) and "Mỗi tiết học" not in str(r)  # never the text itself


def test_a_section_that_grew_has_changed_even_with_the_same_words_first() -> None:
    new = _dossier([("ly_do", "1. Lý do chọn sáng kiến", REASON),
                    ("noi_dung", "2. Nội dung sáng kiến", CONTENT + " " + NEW_CONTENT)], {}, [])
    r = revision(SENT_BACK[0], new[0], SENT_BACK[1], new[1])
    assert [(x["key"], x["chars_before"] < x["chars_after"]) for x in r["sections_changed"]] == [
        ("noi_dung", True)]


def test_a_small_correction_is_not_a_change_of_section() -> None:
    fixed = CONTENT.replace("bao ngô", "bao lúa")
    new = _dossier([("ly_do", "1. Lý do chọn sáng kiến", REASON),
                    ("noi_dung", "2. Nội dung sáng kiến", fixed)], {}, [])
    r = revision(SENT_BACK[0], new[0], SENT_BACK[1], new[1])
    assert r["sections_changed"] == []
    assert 0.95 < r["similarity"] < 1 and r["changed"]


def test_the_same_dossier_changed_nothing() -> None:
    r = revision(SENT_BACK[0], copy.deepcopy(SENT_BACK[0]), SENT_BACK[1], SENT_BACK[1])
    assert r["similarity"] == 1.0 and not r["changed"]
    for key in ("sections_added", "sections_removed", "sections_changed", "missing_resolved",
                "missing_new", "findings_resolved", "findings_new"):
        assert r[key] == [], key
    assert [m["key"] for m in r["missing_still"]] == ["ket_qua", "xac_nhan"]


def test_section_texts_run_between_headings_whatever_the_spacing_and_case() -> None:
    understanding, text = SENT_BACK
    texts = section_texts(understanding["sections"], text.replace("2. Nội dung", "2.  NỘI DUNG"))
    assert texts["ly_do"] == REASON.casefold()
    assert texts["noi_dung"] == CONTENT.casefold()
    assert section_texts([{"key": "x", "heading": "Không có ở đây"}], text) == {}


def test_similarity_compares_words_not_spacing() -> None:
    assert similarity("Hiệu quả  của\nsáng kiến", "hiệu quả của sáng kiến") == 1.0
    assert similarity("", "") == 1.0 and similarity("một hai", "") == 0.0
