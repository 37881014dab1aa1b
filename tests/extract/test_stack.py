"""Stack splitting on stacks built from the sample dossiers' real page texts (truth JSON):
dossiers concatenated in a seeded random order, pages renumbered, separator sheets put
between them or not, OCR slips thrown on every line; every boundary and every document
kind is checked against what was put in."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from extract.stack import page_cue, segments, split_stack
from ingest.vietnamese import fold
from models.domain import Page, PageMethod

TRUTH = Path(__file__).resolve().parents[2] / "samples" / "truth"
Doc = tuple[str, list[str]]  # kind, page texts


def _dossiers() -> list[tuple[str, list[Doc]]]:
    """Each sample dossier as its documents in order; a document split over two files
    (the two photos of one request) is one document once the files are stacked."""
    out = []
    for path in sorted(TRUTH.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        docs: list[Doc] = []
        for f in truth["files"]:
            ranges = f.get("documents") or [
                {"kind": f["kind"], "first_page": 1, "last_page": len(f["pages"])}]
            for r in ranges if f["pages"] else []:
                texts = [p["text"] for p in f["pages"][r["first_page"] - 1:r["last_page"]]]
                if docs and docs[-1][0] == r["kind"]:
                    docs[-1] = (r["kind"], docs[-1][1] + texts)
                else:
                    docs.append((r["kind"], texts))
        if docs:
            out.append((path.stem, docs))
    return out


DOSSIERS = _dossiers()
Expected = tuple[int, int, list[tuple[str, int, int]]]


def separator_text(n: int) -> str:
    return f"TỜ PHÂN CÁCH HỒ SƠ\n\nHOSO-SEP-{n:04d}\n\nĐặt tờ này giữa hai hồ sơ khi quét."


def build(order: list[tuple[str, list[Doc]]], *, separators: bool = False
          ) -> tuple[list[Page], list[Expected]]:
    texts: list[str] = []
    expected: list[Expected] = []
    for k, (_, docs) in enumerate(order, start=1):
        if separators:
            texts.append(separator_text(k))
        first = len(texts) + 1
        segs = []
        for kind, pages in docs:
            segs.append((kind, len(texts) + 1, len(texts) + len(pages)))
            texts.extend(pages)
        expected.append((first, len(texts), segs))
    return [Page(i, t, PageMethod.OCR) for i, t in enumerate(texts, start=1)], expected


def found(parts: tuple) -> list[Expected]:
    return [(p.first, p.last, [(s.kind, s.first, s.last) for s in p.segments]) for p in parts]


def ocr_slips(text: str, rng: random.Random) -> str:
    """What OCR does to lines: diacritics lost, i/l confusion, stray marks, lost spaces."""
    out = []
    for line in text.split("\n"):
        if rng.random() < 0.3:
            line = fold(line)
        line = "".join("l" if c == "i" and rng.random() < 0.3 else c for c in line)
        if rng.random() < 0.15:
            line = rng.choice([". ", "' ", "- ", ", ", "| "]) + line
        if rng.random() < 0.1:
            line = line.replace(" ", "", 1)
        out.append(line)
    return "\n".join(out)


def test_samples_cover_enough_dossiers() -> None:
    assert len(DOSSIERS) >= 12
    assert sum(len(docs) > 1 for _, docs in DOSSIERS) >= 10


@pytest.mark.parametrize("name,docs", DOSSIERS, ids=[n for n, _ in DOSSIERS])
def test_one_dossier_is_one_part_with_its_documents(name: str, docs: list[Doc]) -> None:
    pages, expected = build([(name, docs)])
    parts = split_stack(pages, f"{name}.pdf")
    assert [p.how for p in parts] == ["start"] and parts[0].code is None
    assert found(parts) == expected


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_stack_splits_at_every_request(seed: int) -> None:
    order = DOSSIERS[:]
    random.Random(seed).shuffle(order)
    pages, expected = build(order)
    parts = split_stack(pages, "chong-ho-so.pdf")
    assert found(parts) == expected
    assert [p.how for p in parts] == ["start"] + ["request"] * (len(order) - 1)


def test_stack_with_separators_and_a_description_first() -> None:
    order = DOSSIERS[:6]
    name, docs = order[2]
    order[2] = (name, docs[::-1])  # the description before the request: only a sheet tells
    assert order[2][1][0][0] != "don_yeu_cau"
    pages, expected = build(order, separators=True)
    parts = split_stack(pages, "chong.pdf")
    assert found(parts) == expected
    assert [p.how for p in parts] == ["separator"] * 6
    assert [p.code for p in parts] == [f"HOSO-SEP-{k:04d}" for k in range(1, 7)]
    separator_pages = {p.number for p in pages} - {n for p in parts for n in range(p.first, p.last + 1)}
    assert separator_pages == {e[0] - 1 for e in expected}


@pytest.mark.parametrize("seed", range(8))
def test_ocr_slips_on_every_line(seed: int) -> None:
    rng = random.Random(seed)
    order = DOSSIERS[:]
    rng.shuffle(order)
    pages, expected = build(order, separators=seed % 2 == 1)
    noisy = [Page(p.number, ocr_slips(p.text, rng), p.method) for p in pages]
    assert found(split_stack(noisy)) == expected


def test_ocr_slips_in_the_titles_themselves() -> None:
    request = ("CONG HOA XA HOl CHU NGHlA VIET NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "ĐƠN YÊU CÂU CÔNG NHÂN SÁNG KlÊN\nKính gửi1: Hội đồng sáng kiến huyện Lạc Sơn")
    description = "BAO CAO MO TA SANG KlEN\n1. Tên sáng kiến: Giải pháp sử dụng cốp pha nhựa"
    minutes = "Số: 03/BB-HĐSK\nBIENBAN\nHỌP XÉT CÔNG NHẬN SÁNG KIẾN\nHôm nay, vào hồi 14 giờ"
    texts = [request, "tiếp trang 2 của đơn", description, "trang 2", minutes] * 2
    pages = [Page(i, t, PageMethod.OCR) for i, t in enumerate(texts, start=1)]
    parts = split_stack(pages)
    assert found(parts) == [
        (1, 5, [("don_yeu_cau", 1, 2), ("mo_ta", 3, 4), ("bien_ban", 5, 5)]),
        (6, 10, [("don_yeu_cau", 6, 7), ("mo_ta", 8, 9), ("bien_ban", 10, 10)]),
    ]


def test_stack_sample_xa_muong_dong() -> None:
    truth = json.loads((TRUTH / "xa-muong-dong-ma-qr-mot-cua.json").read_text(encoding="utf-8"))
    (f,) = truth["files"]
    pages = [Page(p["number"], p["text"], PageMethod.OCR) for p in f["pages"]]
    (part,) = split_stack(pages, f["name"])
    assert (part.first, part.last, part.how) == (1, len(pages), "start")
    assert [(s.kind, s.first, s.last) for s in part.segments] == [
        (d["kind"], d["first_page"], d["last_page"]) for d in f["documents"]]
    assert part.segments[0].evidence == "ĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN"
    assert segments(pages, f["name"]) == part.segments


def test_quoted_request_title_in_a_description_is_no_boundary() -> None:
    request, description = DOSSIERS[0][1][0][1], ["BẢN MÔ TẢ SÁNG KIẾN\nTên sáng kiến: Sào cách điện"]
    quoting = (
        "Đơn yêu cầu công nhận sáng kiến đã được Hội đồng cơ sở thông qua tháng 3, kèm theo "
        "biên bản và giấy xác nhận áp dụng của các đơn vị trong tỉnh.\n"
        + "Nội dung giải pháp được trình bày tiếp theo.\n" * 10
        + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN\n")
    texts = request + description + [quoting]
    pages = [Page(i, t, PageMethod.OCR) for i, t in enumerate(texts, start=1)]
    (part,) = split_stack(pages)
    assert [(s.kind, s.first, s.last) for s in part.segments] == [
        ("don_yeu_cau", 1, len(request)), ("mo_ta", len(request) + 1, len(texts))]


def test_running_header_does_not_start_documents() -> None:
    header = "Sáng kiến kinh nghiệm năm học 2023 – 2024 – Trường THPT Hoà Bình"
    texts = [f"{header}\nSÁNG KIẾN KINH NGHIỆM\nĐề tài: Một số biện pháp",
             f"{header}\nPHẦN I. ĐẶT VẤN ĐỀ", f"{header}\nPHẦN II. GIẢI QUYẾT VẤN ĐỀ"]
    pages = [Page(i, t, PageMethod.OCR) for i, t in enumerate(texts, start=1)]
    assert [(s.kind, s.first, s.last) for s in segments(pages)] == [("mo_ta", 1, 3)]


def test_two_requests_in_a_row_are_two_dossiers_even_without_header() -> None:
    one_page = "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN\nKính gửi: Hội đồng sáng kiến"
    pages = [Page(i, one_page, PageMethod.OCR) for i in (1, 2)]
    parts = split_stack(pages)
    assert [(p.first, p.last, p.how) for p in parts] == [(1, 1, "start"), (2, 2, "request")]


def test_cover_letter_before_the_request_stays_in_the_dossier() -> None:
    cover = ("UBND HUYỆN LẠC SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
             "TỜ TRÌNH\nVề việc đề nghị công nhận sáng kiến")
    request = DOSSIERS[0][1][0][1]
    texts = [cover, *request]
    pages = [Page(i, t, PageMethod.OCR) for i, t in enumerate(texts, start=1)]
    (part,) = split_stack(pages, "ho-so.pdf")
    assert [(s.kind, s.first, s.last) for s in part.segments] == [
        ("to_trinh", 1, 1), ("don_yeu_cau", 2, len(texts))]


def test_untitled_first_pages_take_the_file_name_kind() -> None:
    pages = [Page(1, "(nếu có)8: đánh giá của đơn vị áp dụng", PageMethod.OCR),
             Page(2, "BẢN MÔ TẢ SÁNG KIẾN\nTên sáng kiến", PageMethod.OCR)]
    assert [(s.kind, s.first, s.last) for s in segments(pages, "don-yeu-cau-trang-2.pdf")] == [
        ("don_yeu_cau", 1, 1), ("mo_ta", 2, 2)]
    assert segments(pages[:1], "scan.pdf")[0].kind == "khac"


def test_only_separators_or_nothing() -> None:
    assert split_stack([]) == ()
    sheets = [Page(i, separator_text(i), PageMethod.OCR) for i in (1, 2)]
    assert split_stack(sheets) == ()
    assert page_cue(sheets[0]).separator == "HOSO-SEP-0001"
