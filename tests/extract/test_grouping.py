"""Grouping loose files into dossiers: the sample dossiers' files, mixed into one upload
with their real titles and authors (as the request and the description would state them,
OCR slips included), must come back as their dossiers; formulaic titles that differ in the
tail must stay apart, and so must two initiatives of the same author."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from extract.grouping import LooseFile, group_loose
from ingest.vietnamese import fold

TRUTH = Path(__file__).resolve().parents[2] / "samples" / "truth"


def _sample_files() -> list[tuple[str, LooseFile]]:
    """(dossier, file) for every sample file. The request carries the title and authors;
    the description the title as descriptions write it ("Đề tài: …", a final period),
    its first author only, and on scans the title without diacritics; other documents
    (minutes, proofs) carry authors but no title; a page-2 photo carries nothing."""
    out = []
    for path in sorted(TRUTH.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        fields = truth["fields"] or {}
        title, authors = fields.get("title"), [a["name"] for a in fields.get("authors") or []]
        for f in truth["files"]:
            if not f["pages"]:
                continue
            kind = f["kind"] or "khac"
            if kind == "don_yeu_cau" and "trang-2" not in f["name"]:
                loose = LooseFile(f["name"], kind, title, tuple(authors))
            elif kind == "mo_ta":
                written = f"Đề tài: {title}." if "scan" not in f["name"] else fold(title).upper()
                loose = LooseFile(f["name"], kind, written, tuple(authors[:1]))
            elif kind in ("bien_ban", "xac_nhan"):
                loose = LooseFile(f["name"], kind, None, tuple(reversed(authors)))
            else:
                loose = LooseFile(f["name"], kind, None, ())
            out.append((path.stem, loose))
    return out


SAMPLES = _sample_files()


def as_sets(groups: list[list[int]]) -> set[frozenset[int]]:
    return {frozenset(g) for g in groups}


def check_partition(groups: list[list[int]], n: int) -> None:
    flat = [i for g in groups for i in g]
    assert sorted(flat) == list(range(n))
    assert all(g == sorted(g) for g in groups) and [g[0] for g in groups] == sorted(g[0] for g in groups)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_sample_dossiers_come_back_together(seed: int) -> None:
    mixed = SAMPLES[:]
    random.Random(seed).shuffle(mixed)
    groups = group_loose([f for _, f in mixed])
    check_partition(groups, len(mixed))
    expected: dict[str, set[int]] = {}
    for i, (dossier, _) in enumerate(mixed):
        expected.setdefault(dossier, set()).add(i)
    assert as_sets(groups) == {frozenset(s) for s in expected.values()}


def test_formulaic_titles_that_differ_in_the_tail_stay_apart() -> None:
    titles = [
        "Một số biện pháp nâng cao chất lượng dạy học môn Toán lớp 5",
        "Một số biện pháp nâng cao chất lượng dạy học môn Tiếng Việt lớp 5",
        "Một số biện pháp nâng cao hiệu quả công tác chủ nhiệm lớp 6",
        "Một số biện pháp nâng cao hiệu quả công tác chủ nhiệm lớp 9",
        "Giải pháp nâng cao chất lượng phục vụ người bệnh tại khoa Nội",
        "Giải pháp nâng cao chất lượng phục vụ người bệnh tại khoa Ngoại",
        "Một số biện pháp nâng cao chất lượng dạy học",
    ]
    files = [LooseFile(f"don-{i}.docx", "don_yeu_cau", t, ()) for i, t in enumerate(titles)]
    files += [LooseFile(f"mo-ta-{i}.pdf", "mo_ta", t.upper() + ".", ()) for i, t in enumerate(titles)]
    groups = group_loose(files)
    n = len(titles)
    assert as_sets(groups) == {frozenset({i, i + n}) for i in range(n)}


def test_same_author_two_initiatives_are_two_dossiers() -> None:
    lan = ("Trần Thị Lan",)
    files = [
        LooseFile("don-1.docx", "don_yeu_cau", "Một số biện pháp giúp học sinh lớp 3 đọc hiểu văn bản "
                  "thông tin trong môn Tiếng Việt", lan),
        LooseFile("don-2.docx", "don_yeu_cau", "Một số biện pháp rèn chữ viết đẹp cho học sinh lớp 1",
                  lan),
        LooseFile("skkn-2.pdf", "mo_ta", "MOT SO BIEN PHAP REN CHU VIET DEP CHO HOC SINH LOP 1", lan),
        LooseFile("skkn-1.pdf", "mo_ta", "Một số biện pháp giúp học sinh lớp 3 đọc hiểu văn bản "
                  "thông tin trong môn Tiếng Việt", ("Tran Thi Lan",)),
        LooseFile("xac-nhan.jpg", "xac_nhan", None, ("TRẦN THỊ LAN",)),
    ]
    groups = group_loose(files)
    check_partition(groups, 5)
    assert {0, 3} in [set(g) for g in groups] or {0, 3, 4} in [set(g) for g in groups]
    assert {1, 2} <= next(set(g) for g in groups if 1 in g)
    assert not {0, 1} <= next(set(g) for g in groups if 0 in g)


def test_authors_alone_join_a_file_without_title() -> None:
    files = [
        LooseFile("don.pdf", "don_yeu_cau", "Mô hình phân loại rác thải sinh hoạt tại nguồn",
                  ("Nguyễn Văn Hiếu", "Lê Thị Mai")),
        LooseFile("mo-ta.pdf", "mo_ta", None, ("Nguyen Van Hieu",)),
        LooseFile("khac.pdf", "mo_ta", None, ("Phạm Văn Long",)),
    ]
    assert group_loose(files) == [[0, 1], [2]]


def test_files_with_nothing_follow_their_name_or_stay_alone() -> None:
    files = [
        LooseFile("ho-so-A/anh-don-trang-1.jpg", "don_yeu_cau", "Sáng kiến A về quản lý kho", ("An",)),
        LooseFile("ho-so-B/don.docx", "don_yeu_cau", "Sáng kiến B về phân loại rác", ("Bình",)),
        LooseFile("ho-so-A/anh-don-trang-2.jpg", "khac", None, ()),
        LooseFile("ho-so-B/phu-luc.pdf", "khac", "", ()),
        LooseFile("IMG_2041.jpg", "khac", None, ()),
    ]
    assert group_loose(files) == [[0, 2], [1, 3], [4]]


def test_name_tie_between_two_dossiers_stays_alone() -> None:
    files = [
        LooseFile("don-yeu-cau-a.docx", "don_yeu_cau", "Sáng kiến về quản lý kho vật tư", ("An",)),
        LooseFile("don-yeu-cau-b.docx", "don_yeu_cau", "Sáng kiến về phân loại rác tại nguồn", ("Bình",)),
        LooseFile("don-yeu-cau-trang-2.jpg", "don_yeu_cau", None, ()),
    ]
    assert group_loose(files) == [[0], [1], [2]]


def test_empty_and_single() -> None:
    assert group_loose([]) == []
    assert group_loose([LooseFile("a.pdf", "khac", None, ())]) == [[0]]


def test_proof_and_minutes_name_the_initiative_they_are_about() -> None:
    from extract.grouping import mentioned

    proof = ("GIẤY XÁC NHẬN\nHIỆU QUẢ ÁP DỤNG SÁNG KIẾN\nTrường THCS Mường Khến xác nhận:\n"
             "Sáng kiến: “Một số biện pháp rèn kỹ năng đọc hiểu\ncho học sinh lớp 4”.\n"
             "Nhóm tác giả: Trần Thị Lan, Lò Văn Hùng.\nĐã được áp dụng tại trường.")
    assert mentioned(proof) == ("Một số biện pháp rèn kỹ năng đọc hiểu cho học sinh lớp 4",
                                ("Trần Thị Lan", "Lò Văn Hùng"))
    assert mentioned("BIÊN BẢN\nHội đồng họp thường kỳ.") == (None, ())


def test_one_title_two_dossiers_and_a_retitled_description() -> None:
    from extract.grouping import LooseFile, group_loose

    title = "Sáng kiến giảm nứt tường nhà lớp học bằng giằng tường và khe co giãn"
    files = [
        LooseFile("a-bien-ban.pdf", "bien_ban", title, ("Mai Bích Nga",)),
        LooseFile("b-don.pdf", "don_yeu_cau", title, ("Vi Thu Thảo",)),
        LooseFile("a-don.pdf", "don_yeu_cau", title, ("Mai Bích Nga",)),
        LooseFile("b-mo-ta.pdf", "mo_ta", title, ("Vi Thu Thảo",)),
        # the same authors' description under another title completes their request
        LooseFile("c-don.pdf", "don_yeu_cau", "Giải pháp quản lý người bệnh tăng huyết áp",
                  ("Đinh Kim Huyền", "Lò Văn Sáng")),
        LooseFile("c-mo-ta.pdf", "mo_ta", "Sáng kiến hướng dẫn bà mẹ chăm sóc trẻ sơ sinh",
                  ("Đinh Kim Huyền", "Lò Văn Sáng")),
    ]
    assert group_loose(files) == [[0, 2], [1, 3], [4, 5]]
