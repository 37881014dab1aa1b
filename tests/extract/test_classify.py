import pytest

from extract.classify import classify_document, name_kind, title_kind
from extract.stack import split_stack
from models.domain import Page, PageMethod
from samples import truth

HEADER = ["UBND HUYỆN TÂN LẠC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "TRƯỜNG THCS MƯỜNG KHẾN Độc lập - Tự do - Hạnh phúc", "Số: 12/XN-THCS"]


def _doc(*lines: str) -> list[Page]:
    return [Page(1, "\n".join(lines), PageMethod.TEXT_LAYER)]


@pytest.mark.parametrize(("title", "kind"), [
    ("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "don_yeu_cau"),
    ("Đơn đề nghị công nhận sáng kiến", "don_yeu_cau"),
    ("PHIẾU YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "don_yeu_cau"),
    ("DON YEU CAU CONG NHAN SANG KlEN", "don_yeu_cau"),  # OCR slip, no diacritics
    ("BẢN MÔ TẢ SÁNG KIẾN", "mo_ta"),
    ("BÁO CÁO MÔ TẢ SÁNG KIẾN", "mo_ta"),
    ("Thuyết minh sáng kiến", "mo_ta"),
    ("SÁNG KIẾN KINH NGHIỆM", "mo_ta"),
    ("GIẤY XÁC NHẬN HIỆU QUẢ ÁP DỤNG SÁNG KIẾN", "xac_nhan"),
    ("BIÊN BẢN HỌP XÉT CÔNG NHẬN SÁNG KIẾN", "bien_ban"),
    ("TỜ TRÌNH", "to_trinh"),
    ("CÔNG VĂN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN", "to_trinh"),
])
def test_title_under_the_national_header(title: str, kind: str) -> None:
    c = classify_document(_doc(*HEADER, title, "Kính gửi: Hội đồng sáng kiến huyện"))
    assert (c.kind, c.evidence) == (kind, title)


def test_decision_must_be_about_an_initiative() -> None:
    about = _doc(*HEADER, "QUYẾT ĐỊNH", "Về việc công nhận sáng kiến cấp cơ sở năm 2024")
    assert classify_document(about).kind == "quyet_dinh"
    other = _doc(*HEADER, "QUYẾT ĐỊNH", "Về việc cử cán bộ đi công tác")
    assert classify_document(other).kind == "khac"


def test_a_mention_in_a_sentence_is_not_a_title() -> None:
    assert title_kind("kèm theo bản mô tả sáng kiến và giấy xác nhận") is None
    assert title_kind("Biên bản được lập thành hai bản có giá trị như nhau") is None
    assert classify_document(_doc("Ảnh chụp hiện trường", "Biên bản nghiệm thu kèm theo")).kind \
        == "khac"


def test_file_name_decides_when_no_title() -> None:
    page = _doc("(nếu có)8: Ủy ban nhân dân xã đánh giá mô hình phù hợp")
    c = classify_document(page, "hs/anh-don-yeu-cau-trang-2.jpg")
    assert c.kind == "don_yeu_cau" and c.evidence.startswith("file name")
    assert name_kind("SKKN_TranThiLan_2024.pdf") == "mo_ta"
    assert name_kind("anh-hien-truong.jpg") is None


CASES = [(t["dossier"], f) for t in truth.load() for f in t["files"] if f.get("pages")]


@pytest.mark.parametrize(("dossier", "f"), CASES, ids=[f["path"][-30:] for _, f in CASES])
def test_every_sample_file_by_its_true_text(dossier: str, f: dict) -> None:
    pages = [Page(p["number"], p["text"], PageMethod.OCR) for p in f["pages"]]
    expected = f["kind"] or f["documents"][0]["kind"]  # a stack: its first document
    assert classify_document(pages, f["path"]).kind == expected


def test_a_wrapped_header_word_on_the_title_line_is_no_other_title() -> None:
    # the unit's name in the header wraps, and its last words join the title's line: that
    # line is no title at all ("LƯƠNG ĐƠN ĐỀ NGHỊ…" is not "CÔNG VĂN ĐỀ NGHỊ…")
    assert title_kind("LƯƠNG ĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN") is None
    assert title_kind("THANH SƠN ĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN") is None
    assert title_kind("CÔNG VĂN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN") == "to_trinh"
    assert title_kind("ĐON ĐÉ NGHỊ CÔNG NHẬN SÁNG KIÉN") == "don_yeu_cau"  # OCR's slips still match
    page = Page(1, "SỞ Y TẾ TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTRẠM Y TẾ XÃ THANH "
                   "Độc lập – Tự do – Hạnh phúc\nLƯƠNG\nĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN\n"
                   "Kính gửi: Hội đồng sáng kiến", PageMethod.TEXT_LAYER)
    assert classify_document([page]).kind == "don_yeu_cau"
    assert [s.kind for p in split_stack([page], "don.pdf") for s in p.segments] == ["don_yeu_cau"]
