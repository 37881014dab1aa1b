"""Rule profiles: the shipped files, include, the admin's folder, errors with their line, and
choosing a profile (detection measured on the sample truth)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.profiles import (
    BUILTIN_DIR,
    ProfileError,
    choose_profile,
    common_profile,
    detect_profile,
    detect_scores,
    load_profile,
    load_profiles,
)
from models.domain import Page, PageMethod
from models.understanding import DocView
from samples import truth

REQUEST = ["co_so", "tac_gia", "ten_sang_kien", "linh_vuc", "ngay_ap_dung", "mo_ta_ban_chat", "dieu_kien",
           "loi_ich_tac_gia", "cam_doan"]
CONTRACT = {  # the brief's contract: profile -> (documents, mo_ta required, optional, conditions)
    "langson-291": (["don_yeu_cau", "mo_ta"],
                    ["tom_tat", "ly_do", "muc_tieu", "pham_vi", "co_so_ly_luan", "noi_dung", "danh_gia",
                     "ket_luan", "tai_lieu"],
                    ["muc_luc", "viet_tat", "danh_muc_bang", "thuc_trang", "ket_qua", "phu_luc"],
                    {"novelty": ("tinh_moi",), "applicability": ("kha_nang_ap_dung",),
                     "benefit": ("loi_ich",)}),
    "bao-cao-mo-ta": (["don_yeu_cau", "mo_ta"],
                      ["ten_sang_kien", "tac_gia", "linh_vuc", "thuc_trang", "noi_dung", "ket_qua"],
                      ["ngay_ap_dung"],
                      {"novelty": ("tinh_moi",), "applicability": ("kha_nang_ap_dung",),
                       "benefit": ("loi_ich", "ket_qua")}),
    "skkn": (["don_yeu_cau", "mo_ta"],
             ["ly_do", "muc_tieu", "pham_vi", "co_so_ly_luan", "thuc_trang", "noi_dung", "ket_qua",
              "ket_luan", "tai_lieu"],
             ["muc_luc", "phu_luc", "danh_gia"],
             {"novelty": ("tinh_moi",), "applicability": ("kha_nang_ap_dung",),
              "benefit": ("loi_ich", "ket_qua")}),
}

GOOD = """\
# a profile an admin wrote
key = "{key}"
name = "Mẫu thử"
include = "skkn"

[rules]
min_share = 30
"""


def _write(folder: Path, key: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ shipped


def test_the_four_shipped_profiles_load_with_the_contract_contents() -> None:
    profiles = load_profiles()
    assert set(profiles) == {"nd13-don", "langson-291", "bao-cao-mo-ta", "skkn"}
    nd13 = profiles["nd13-don"]
    assert nd13.documents_required == ("don_yeu_cau",)
    assert list(nd13.sections["don_yeu_cau"].required) == REQUEST
    assert set(nd13.sections["don_yeu_cau"].optional) == {"bao_mat", "loi_ich_to_chuc", "ap_dung_thu"}
    assert nd13.sections["don_yeu_cau"].conditional == ("chu_dau_tu",)
    assert nd13.conditions == {"novelty": ("mo_ta_ban_chat",), "applicability": ("dieu_kien",),
                               "benefit": ("loi_ich_tac_gia",)}
    assert nd13.conditions_document == "don_yeu_cau"
    for key, (documents, required, optional, conditions) in CONTRACT.items():
        p = profiles[key]
        assert p.include == "nd13-don" and p.path == BUILTIN_DIR / f"{key}.toml"
        assert list(p.documents_required) == documents
        assert list(p.sections["mo_ta"].required) == required
        assert set(p.sections["mo_ta"].optional) == set(optional)
        assert p.conditions == conditions
        assert p.conditions_document == "mo_ta"
        # the request's items come from nd13-don
        assert p.sections["don_yeu_cau"] == nd13.sections["don_yeu_cau"]
        assert p.detect_titles and p.detect_keys
        assert p.rules.shares_total == 100 and p.rules.signatures == ("don_yeu_cau", "xac_nhan")
        # condition keys are never also required, except where the contract says so (ket_qua)
        condition_keys = {k for keys in conditions.values() for k in keys}
        assert condition_keys & set(required) <= {"ket_qua"}


def test_cues_merge_over_documents_and_include() -> None:
    p = load_profiles()["bao-cao-mo-ta"]
    assert "Khái quát đặc điểm, tình hình trước khi có sáng kiến" in p.cues["thuc_trang"]
    assert "Mô tả bản chất của sáng kiến" in p.cues["mo_ta_ban_chat"]  # from nd13-don's request table


def test_load_profile_resolves_include_from_the_shipped_folder(tmp_path: Path) -> None:
    p = load_profile(_write(tmp_path, "so-gd", GOOD.format(key="so-gd")))
    skkn = load_profiles()["skkn"]
    assert p.key == "so-gd" and p.include == "skkn"
    assert p.sections == skkn.sections  # both the description's and (through skkn) the request's
    assert p.conditions == {}  # conditions and detect belong to a template; never inherited
    assert p.rules.min_share == 30 and p.rules.signatures == skkn.rules.signatures


def test_admin_folder_adds_and_replaces_profiles(tmp_path: Path) -> None:
    _write(tmp_path, "so-gd", GOOD.format(key="so-gd"))
    replaced = (BUILTIN_DIR / "nd13-don.toml").read_text(encoding="utf-8").replace(
        "min_share = 0", "min_share = 30")
    _write(tmp_path, "nd13-don", replaced)
    profiles = load_profiles(tmp_path)
    assert set(profiles) == {"nd13-don", "langson-291", "bao-cao-mo-ta", "skkn", "so-gd"}
    assert profiles["nd13-don"].rules.min_share == 30
    assert profiles["skkn"].rules.min_share == 30  # the replaced request profile flows into includes
    assert load_profiles()["skkn"].rules.min_share == 0


def test_common_profile_is_what_every_description_profile_requires() -> None:
    p = common_profile(load_profiles())
    assert p is not None
    assert p.documents_required == ("don_yeu_cau", "mo_ta")
    assert list(p.sections["don_yeu_cau"].required) == REQUEST
    assert p.sections["mo_ta"].required == ("noi_dung",)
    assert set(p.conditions["benefit"]) == {"loi_ich", "ket_qua"}
    assert common_profile({}) is None


# ------------------------------------------------------------------------------- errors

BROKEN = {  # name -> (file text, the text on the line the error must name, words of the message)
    "syntax": ('key = "bad"\nname = "x"\n[documents]\nrequired = ["mo_ta"] x\n', None, "cú pháp"),
    "unclosed": ('key = "bad"\nname = "x"\n[documents]\nrequired = ["mo_ta"\n', None, "cú pháp"),
    "section_key": ('key = "bad"\n[sections.mo_ta]\nrequired = ["ly_do",\n  "ly_doo"]\n', '"ly_doo"]',
                    "ly_doo"),
    "document_kind": ('key = "bad"\n[documents]\nrequired = ["don_yeu_cau", "mo_taa"]\n', "mo_taa", "mo_taa"),
    "sections_kind": ('key = "bad"\n\n[sections.mo_taa]\nrequired = ["ly_do"]\n', "[sections.mo_taa]",
                      "mo_taa"),
    "top_table": ('key = "bad"\n[documents]\nrequired = ["mo_ta"]\n[rule]\nmin_share = 3\n', "[rule]",
                  "rule"),
    "rule_name": ('key = "bad"\n[rules]\nshares_total = 100\nmin_shares = 30\n', "min_shares", "min_shares"),
    "wrong_type": ('key = "bad"\n[rules]\nshares_total = "100"\n', "shares_total", "số"),
    "list_type": ('key = "bad"\n[sections.mo_ta]\noptional = []\nrequired = "ly_do"\n', 'required =',
                  "danh sách"),
    "key_mismatch": ('# x\nname = "x"\nkey = "khac-ten"\n', 'key = "khac-ten"', "trùng tên tệp"),
    "include": ('key = "bad"\nname = "x"\ninclude = "khong-co"\n', "include", "khong-co"),
    "condition": ('key = "bad"\n[conditions]\nnovelty = ["tinh_moi"]\nnovel = ["x"]\n', "novel =", "novel"),
    "cue_key": ('key = "bad"\n[sections.mo_ta.cues]\ntinh_moii = ["Điểm mới"]\n', "tinh_moii", "tinh_moii"),
    "conditional": ('key = "bad"\n[sections.don_yeu_cau]\nconditional = ["bao_mat"]\n', "bao_mat", "bao_mat"),
    "signatures": ('key = "bad"\n[rules]\nsignatures = ["don"]\n', "signatures", "don"),
    "bool_rule": ('key = "bad"\n[rules]\ncompare_request = 1\n', "compare_request", "true/false"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_profile_names_its_file_and_line(tmp_path: Path, case: str) -> None:
    text, marker, words = BROKEN[case]
    path = _write(tmp_path, "bad", text)
    with pytest.raises(ProfileError) as info:
        load_profiles(tmp_path)
    err = info.value
    lines = text.split("\n")
    expected = 4 if marker is None else next(i for i, line in enumerate(lines, 1) if marker in line)
    assert err.line == expected
    assert err.path == path
    assert f"bad.toml, dòng {expected}" in err.message and words in err.message
    assert err.code == "profile_invalid" and f"bad.toml:{expected}" in (err.detail or "")


def test_an_include_cycle_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "a", 'key = "a"\ninclude = "b"\n')
    _write(tmp_path, "b", 'key = "b"\n\ninclude = "a"\n')
    with pytest.raises(ProfileError) as info:
        load_profiles(tmp_path)
    assert info.value.line in (2, 3) and "vòng lặp" in info.value.message


def test_a_good_profile_with_every_table_loads(tmp_path: Path) -> None:
    text = (BUILTIN_DIR / "bao-cao-mo-ta.toml").read_text(encoding="utf-8").replace(
        'key = "bao-cao-mo-ta"', 'key = "full"')
    text += "\n[rules]\nmin_share = 30\nfirst_applied_max_years = 1\nmin_months_applied = 3\n"
    _write(tmp_path, "full", text)
    p = load_profiles(tmp_path)["full"]
    assert (p.rules.min_share, p.rules.first_applied_max_years, p.rules.min_months_applied) == (30, 1, 3)
    assert p.rules.signatures == ("don_yeu_cau", "xac_nhan")


# ------------------------------------------------------------------------------ choosing


def _page(text: str) -> Page:
    return Page(1, text, PageMethod.WORD)


def test_the_rounds_profile_wins_and_an_unknown_one_is_refused() -> None:
    profiles = load_profiles()
    request = DocView("don.docx", "don_yeu_cau", (_page("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN"),))
    chosen = choose_profile([request], profiles, given="skkn", default="nd13-don")
    assert chosen == (profiles["skkn"], "round")
    with pytest.raises(ProfileError) as info:
        choose_profile([request], profiles, given="skkn-2030", default=None)
    assert "skkn-2030" in info.value.message


def test_a_request_alone_gets_the_default_or_none() -> None:
    profiles = load_profiles()
    request = DocView("don.docx", "don_yeu_cau", (_page("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN"),))
    assert choose_profile([request], profiles, given=None, default="nd13-don") == (
        profiles["nd13-don"], "default")
    assert choose_profile([request], profiles, given=None, default=None) == (None, "none")


def _sample_descriptions() -> list[tuple[str, list[str], set[str]]]:
    """(truth profile, the description's first lines, its section keys) per sample dossier."""
    out = []
    for t in truth.load():
        if not t["profile"]:
            continue
        pages = [p for f in t["files"] for p in f["pages"] if p.get("kind") == "mo_ta"]
        lines = [line for line in pages[0]["text"].split("\n") if line.strip()][:15]
        keys = {s["key"] for s in t["sections"] if s["document"] == "mo_ta"}
        out.append((t["profile"], lines, keys))
    return out


def _detected(lines: list[str], keys: set[str]) -> str | None:
    p = detect_profile(lines, keys, load_profiles())
    return p.key if p else None


def test_detection_on_the_sample_truth_is_right_for_every_dossier() -> None:
    samples = _sample_descriptions()
    assert len(samples) == 12
    for expected, lines, keys in samples:
        assert _detected(lines, keys) == expected
        # the sections alone, or the title alone, are enough as well
        assert _detected([], keys) == expected
        assert _detected(lines[:6], set()) == expected


def test_detection_reads_ocr_slips_in_the_title_and_refuses_weak_evidence() -> None:
    assert _detected(["BAO CAO MO TA SANG KlEN"], set()) == "bao-cao-mo-ta"
    assert _detected(["1. Bản mô tả sáng kiến – Trung tâm"], set()) == "langson-291"
    assert _detected(["Sang kien kinh nghiem nam hoc 2023"], set()) == "skkn"
    assert _detected([], {"ly_do", "thuc_trang", "ket_qua", "ket_luan", "noi_dung"}) == "skkn"
    # a title that names no template, a passing mention, two sections: nothing is detected
    assert _detected(["THUYẾT MINH ĐỀ ÁN"], {"noi_dung"}) is None
    assert _detected(["Căn cứ bản mô tả sáng kiến đã nộp"], set()) is None
    assert _detected([], {"noi_dung"}) is None


LANGSON_FOUND = {"co_so_ly_luan", "ket_luan", "kha_nang_ap_dung", "loi_ich", "ly_do", "muc_tieu",
                 "noi_dung", "pham_vi", "tac_gia", "tai_lieu", "tinh_moi", "tom_tat"}


def test_keys_every_profile_knows_do_not_tell_profiles_apart() -> None:
    # a 291 description that lost its "Thảo luận, đánh giá", under a generic title: "Lý do"
    # and "Kết luận" (typical of skkn, but required by 291 too) must not outweigh "Tóm tắt"
    assert _detected(["THUYẾT MINH SÁNG KIẾN"], LANGSON_FOUND) == "langson-291"
    scores = detect_scores(["THUYẾT MINH SÁNG KIẾN"], LANGSON_FOUND, load_profiles())
    assert scores["langson-291"] > scores["skkn"] > scores["bao-cao-mo-ta"]


def test_a_generic_title_gives_no_profile_its_points() -> None:
    # "BÁO CÁO SÁNG KIẾN" heads descriptions of any template (DOMAIN.md)
    assert _detected(["BÁO CÁO SÁNG KIẾN"], LANGSON_FOUND | {"viet_tat"}) == "langson-291"
    assert _detected(["BÁO CÁO MÔ TẢ SÁNG KIẾN"], set()) == "bao-cao-mo-ta"
