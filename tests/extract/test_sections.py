"""Section segmentation: the sample truth as a whole, then each heading variant on small pages
built from known text."""

from __future__ import annotations

from collections import Counter

import pytest

from extract.sections import LABELS, find_sections
from models.domain import Line, Page, PageMethod
from models.understanding import DocView, Section
from samples import truth

BODY = "Nội dung trình bày đầy đủ, có số liệu và dẫn chứng cụ thể của đơn vị áp dụng."


def page(number: int, *lines: str, styled: tuple[Line, ...] = (),
         method: PageMethod = PageMethod.OCR) -> Page:
    return Page(number, "\n".join(lines), method, lines=styled)


def sections(*lines: str, kind: str = "mo_ta", **kw) -> tuple[Section, ...]:
    return find_sections(DocView("f.pdf", kind, (page(1, *lines),)), **kw)


def keys(found: tuple[Section, ...]) -> list[str]:
    return [s.key for s in found]


# --------------------------------------------------------------------------- the sample truth


def _truth_f1() -> float:
    got: Counter[tuple] = Counter()
    want: Counter[tuple] = Counter()
    for t in truth.load():
        for f in t["files"]:
            if not f.get("pages"):
                continue
            pages = tuple(Page(p["number"], p["text"], PageMethod.OCR) for p in f["pages"])
            ranges = f.get("documents") or [
                {"kind": f["kind"], "first_page": pages[0].number, "last_page": pages[-1].number}]
            for r in ranges:
                view = DocView(f["name"], r["kind"], tuple(
                    p for p in pages if r["first_page"] <= p.number <= r["last_page"]))
                got.update((s.file, s.document, s.key, s.page) for s in find_sections(view))
        want.update((s["file"], s["document"], s["key"], s["page"]) for s in t["sections"])
    hits = sum((got & want).values())
    precision, recall = hits / sum(got.values()), hits / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def test_sample_truth_keys_and_pages() -> None:
    assert _truth_f1() >= 0.98


# --------------------------------------------------------------------------- numbering, case


@pytest.mark.parametrize("heading", [
    "I. Lý do chọn sáng kiến", "1. Lý do chọn sáng kiến", "1.1. Lý do chọn sáng kiến",
    "2.3 Lý do chọn sáng kiến", "a. Lý do chọn sáng kiến", "a) Lý do chọn sáng kiến",
    "A. Lý do chọn sáng kiến", "Phần I Lý do chọn sáng kiến", "PHẦN I. LÝ DO CHỌN SÁNG KIẾN",
    "Chương 1. Lý do chọn sáng kiến", "CHƯƠNG I: LÝ DO CHỌN SÁNG KIẾN", "(1) Lý do chọn sáng kiến",
    "- Lý do chọn sáng kiến", "Lý do chọn sáng kiến", "LÝ DO CHỌN SÁNG KIẾN",
    "1. lý do chọn sáng kiến",
])
def test_every_numbering_style_and_case(heading: str) -> None:
    (s,) = sections("BẢN MÔ TẢ SÁNG KIẾN", heading, BODY)
    assert (s.key, s.heading, s.page, s.text) == ("ly_do", heading, 1, BODY)
    assert s.chars == len(BODY) and not s.empty and s.document == "mo_ta" and s.file == "f.pdf"


@pytest.mark.parametrize(("heading", "key"), [
    ("1. Lí do chọn đề tài", "ly_do"), ("1. Lý do chọn đề tài", "ly_do"),
    ("3. Cơ sở lí luận", "co_so_ly_luan"), ("3. Cơ sở lý luận và thực tiễn", "co_so_ly_luan"),
    ("III. Đối tượng, phạm vi nghiên cứu", "pham_vi"), ("2. Mục đích nghiên cứu", "muc_tieu"),
    ("c) Phạm vi áp dụng", "kha_nang_ap_dung"), ("V. PHẠM VI SÁNG KIẾN", "pham_vi"),
    ("c. Hiệu quả và phạm vi áp dụng", "ket_qua"), ("- Hiệu quả kinh tế, xã hội", "loi_ich"),
    ("1. Tình trạng giải pháp đã biết", "thuc_trang"), ("2. Khả năng áp dụng và lợi ích",
                                                         "kha_nang_ap_dung"),
    ("VIII. THẢO LUẬN, ĐÁNH GIÁ KẾT QUẢ THU ĐƯỢC", "danh_gia"), ("Điểm mới", "tinh_moi"),
    ("KẾT LUẬN VÀ KIẾN NGHỊ", "ket_luan"), ("Danh mục bảng, biểu đồ", "danh_muc_bang"),
    ("II. DANH MỤC TỪ VIẾT TẮT", "viet_tat"), ("PHỤ LỤC", "phu_luc"),
])
def test_cue_variants_and_spellings(heading: str, key: str) -> None:
    assert keys(sections(heading, BODY)) == [key]


def test_profile_cues_add_headings_and_fold_spellings() -> None:
    lines = ("1. Bối cảnh ra đời của sáng kiến", BODY, "2. Giải pháp kĩ thuật", BODY,
             "3. Ý kiến của đơn vị", BODY)
    assert keys(sections(*lines)) == []
    cues = {"ly_do": ["Bối cảnh ra đời"], "noi_dung": ["Giải pháp kỹ thuật"],
            "y_kien_don_vi": ["Ý kiến của đơn vị"]}
    assert keys(sections(*lines, cues=cues)) == ["ly_do", "noi_dung", "y_kien_don_vi"]
    hoa = sections("Mô hình hoà giải cơ sở", BODY, cues={"noi_dung": ["Mô hình hòa giải"]})
    assert keys(hoa) == ["noi_dung"]


def test_profile_cues_keep_the_rules_of_the_built_in_cue_they_repeat() -> None:
    cues = {"tac_gia": ["Nhóm tác giả"],
            "noi_dung": ["Nội dung và những kết quả nghiên cứu của sáng kiến"]}
    found = sections("4. Nội dung và những kết quả nghiên cứu của sáng kiến",
                     "4.3. Kết quả: năng suất bình quân 42 tấn/ha.",
                     "Cao Lộc, ngày 10 tháng 10 năm 2023", "Nhóm tác giả", "Hoàng Văn Thắng",
                     cues=cues)
    assert keys(found) == ["noi_dung"]


# --------------------------------------------------------------------------- OCR and inline


@pytest.mark.parametrize("heading", [
    "Tinh moi cua sang kien",  # no diacritics at all
    "Tình mới của sáng kiến",  # a wrong diacritic
    "Tnh mới của sáng kiến",  # a dropped letter
    "Tính mới của sáng klến",  # "l" for "i"
    "Tínhmới của sáng kiến",  # a lost space
])
def test_ocr_slips_inside_the_heading(heading: str) -> None:
    (s,) = sections("b) Nội dung sáng kiến", BODY, heading, BODY)[1:]
    assert (s.key, s.heading) == ("tinh_moi", heading)


def test_ocr_slips_inside_the_numbering() -> None:
    found = sections("PHẦN II. GIẢI QUYẾT VẤN ĐỀ", "L Cơ sở lí luận", BODY, "H. Thực trạng", BODY,
                     "HI. Các biện pháp thực hiện", BODY, "PHẦN III. KẾT LUẬN", BODY)
    assert [(s.key, s.heading) for s in found] == [
        ("co_so_ly_luan", "L Cơ sở lí luận"), ("thuc_trang", "H. Thực trạng"),
        ("noi_dung", "HI. Các biện pháp thực hiện"), ("ket_luan", "PHẦN III. KẾT LUẬN")]


def test_heading_and_content_on_one_line() -> None:
    found = sections("1. Tên sáng kiến: Ứng dụng mã QR tại Bộ phận Một cửa.",
                     "3. Lĩnh vực áp dụng: Tổ chức cán bộ.",
                     "Tính mới của sáng kiến: lần đầu tiên tại xã, người dân tự tra cứu hồ sơ.")
    assert [(s.key, s.heading, s.text) for s in found] == [
        ("ten_sang_kien", "1. Tên sáng kiến", "Ứng dụng mã QR tại Bộ phận Một cửa."),
        ("linh_vuc", "3. Lĩnh vực áp dụng", "Tổ chức cán bộ."),
        ("tinh_moi", "Tính mới của sáng kiến",
         "lần đầu tiên tại xã, người dân tự tra cứu hồ sơ.")]


def test_request_items_with_footnote_digits_and_wrapped_labels() -> None:
    found = sections(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN",
        "Kính gửl1: Hội đồng sáng kiến huyện Lạc Sơn",
        "Tôi2:",
        "Số TT | Họ và tên | Ngày tháng năm sinh | Tỷ lệ (%) đóng góp",
        "1 | Bùi Thị Lan | 04/04/1990 | 100%",
        "Là tác giả đề nghị xét công nhận sáng kiến3: “Sổ theo dõi điện tử”.",
        "- Lĩnh vực áp dụng sáng kiến5: Thú y.",
        "- Những thông tin cần được bảo mật (nếu có): Không có.",
        "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng kiến theo ý",
        "kiến của tác giả7: Giảm 40% vắc xin hư hỏng.",
        "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng kiến theo ý",
        "kiến của tổ chức, cá nhân đã tham gia áp dụng sáng kiến lần đầu, kể cả áp dụng thử",
        "(nếu có)8: Trạm Thú y đề nghị nhân rộng.",
        "Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực.",
        "Lộc Bình, ngày 20 tháng 10 năm 2021", kind="don_yeu_cau")
    assert [(s.key, s.heading) for s in found] == [
        ("co_so", "Kính gửl1"), ("tac_gia", "Tôi2"),
        ("ten_sang_kien", "Là tác giả đề nghị xét công nhận sáng kiến3"),
        ("linh_vuc", "- Lĩnh vực áp dụng sáng kiến5"),
        ("bao_mat", "- Những thông tin cần được bảo mật (nếu có)"),
        ("loi_ich_tac_gia", "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng "
                            "sáng kiến theo ý kiến của tác giả7"),
        ("loi_ich_to_chuc", "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng "
                            "sáng kiến theo ý kiến của tổ chức, cá nhân đã tham gia áp dụng sáng "
                            "kiến lần đầu, kể cả áp dụng thử (nếu có)8"),
        ("cam_doan", "Tôi (chúng tôi) xin cam đoan")]
    by_key = {s.key: s for s in found}
    assert by_key["bao_mat"].text == "Không có." and not by_key["bao_mat"].empty
    assert by_key["co_so"].text == "Hội đồng sáng kiến huyện Lạc Sơn"
    assert by_key["loi_ich_to_chuc"].text == "Trạm Thú y đề nghị nhân rộng."
    assert "Bùi Thị Lan" in by_key["tac_gia"].text


# --------------------------------------------------------------------------- structure


BAO_CAO = (
    "BÁO CÁO MÔ TẢ SÁNG KIẾN",
    "1. Tên sáng kiến: Bản đồ số du lịch cộng đồng.",
    "4. Mô tả sáng kiến",
    "a) Khái quát đặc điểm, tình hình trước khi có sáng kiến",
    BODY,
    "b) Nội dung sáng kiến",
    "- Bản đồ số: định vị 18 điểm du lịch, 64 homestay và 12 điểm ăn uống của huyện.",
    "Tính mới của sáng kiến",
    "Lần đầu tiên tại huyện, thông tin du lịch được số hóa tập trung trên một bản đồ.",
    "c) Phạm vi áp dụng",
    "Áp dụng cho tất cả điểm du lịch cộng đồng của huyện và các huyện lân cận.",
    "- Lợi ích thu được:",
    "5. Hội đồng cơ sở đã xét công nhận: Biên bản họp ngày 25/7/2024.",
    "6. Thời gian áp dụng: từ ngày 01/12/2023.",
    "Mai Châu, ngày 12 tháng 8 năm 2024",
    "Nhóm tác giả",
)


def test_bao_cao_outline_with_an_unnumbered_sub_heading_and_an_empty_one() -> None:
    found = sections(*BAO_CAO)
    assert keys(found) == ["ten_sang_kien", "thuc_trang", "noi_dung", "tinh_moi",
                           "kha_nang_ap_dung", "loi_ich", "ngay_ap_dung"]
    by_key = {s.key: s for s in found}
    assert by_key["loi_ich"].empty and by_key["loi_ich"].chars == 0  # ended by "5. Hội đồng…"
    assert by_key["thuc_trang"].text == BODY  # "b) Nội dung" ends it, "4. Mô tả" starts none
    assert by_key["ngay_ap_dung"].text == "từ ngày 01/12/2023."  # the signature is no content
    assert not any(s.empty for s in found if s.key != "loi_ich")


@pytest.mark.parametrize("content", ["", "(nếu có)", "....................", "– – –", "…",
                                     "Không có."])
def test_a_heading_without_real_content_is_empty(content: str) -> None:
    (s,) = sections("Tính mới của sáng kiến", content, "KẾT LUẬN", BODY)[:1]
    assert s.key == "tinh_moi" and s.empty


def test_a_request_item_needs_only_an_answer() -> None:
    found = sections("- Những thông tin cần được bảo mật (nếu có): Không", "- Những điều kiện "
                     "cần thiết để áp dụng sáng kiến: ...........", kind="don_yeu_cau")
    assert [(s.key, s.empty) for s in found] == [("bao_mat", False), ("dieu_kien", True)]


def test_content_spans_pages_and_a_key_may_recur() -> None:
    doc = DocView("mo-ta.docx", "mo_ta", (
        page(3, "1. Thực trạng", "Trước đây việc bàn giao người bệnh"),
        page(4, "chủ yếu bằng lời nói.", "2. Thực trạng sau khi áp dụng thử",
             "Thời gian bàn giao giảm còn 6 phút.")))
    found = find_sections(doc)
    assert [(s.key, s.page, s.text) for s in found] == [
        ("thuc_trang", 3, "Trước đây việc bàn giao người bệnh chủ yếu bằng lời nói."),
        ("thuc_trang", 4, "Thời gian bàn giao giảm còn 6 phút.")]
    assert found[0].chars == len(found[0].text) and found[0].file == "mo-ta.docx"


def test_part_titles_are_outline_not_sections() -> None:
    found = sections("PHẦN I. ĐẶT VẤN ĐỀ", "1. Lý do chọn đề tài", BODY,
                     "PHẦN II. GIẢI QUYẾT VẤN ĐỀ", "1. Cơ sở lý luận", BODY,
                     "2. Các biện pháp thực hiện", BODY,
                     "Chương 3. KẾT LUẬN", "1. Kết luận", BODY)
    assert [(s.key, s.heading) for s in found] == [
        ("ly_do", "1. Lý do chọn đề tài"), ("co_so_ly_luan", "1. Cơ sở lý luận"),
        ("noi_dung", "2. Các biện pháp thực hiện"), ("ket_luan", "1. Kết luận")]
    assert found[0].text == BODY  # the part title below ends the section
    with_content = sections("C. KẾT LUẬN VÀ KIẾN NGHỊ", BODY, "1. Tính mới của sáng kiến", BODY)
    assert keys(with_content) == ["ket_luan", "tinh_moi"]


def test_a_parent_title_that_covers_results_keeps_them() -> None:
    found = sections("4. Nội dung và những kết quả nghiên cứu của sáng kiến",
                     "4.1. Thiết kế: nhà lưới rộng 10 m, dài 50 m, cao 3,2 m ở đỉnh.",
                     "4.3. Kết quả: năng suất bình quân 42 tấn/ha.",
                     "5. Thảo luận, đánh giá kết quả thu được", BODY,
                     "5.1. Tính mới, tính sáng tạo: lần đầu tiên trên địa bàn huyện.")
    assert keys(found) == ["noi_dung", "danh_gia", "tinh_moi"]
    assert found[0].text.endswith("42 tấn/ha.")
    sub = sections("c) Hiệu quả và phạm vi áp dụng", BODY, "- Phạm vi áp dụng: các xã vùng cao.")
    assert keys(sub) == ["ket_qua", "kha_nang_ap_dung"]


def test_a_label_repeating_its_heading_belongs_to_it() -> None:
    found = sections("2. Mục tiêu, phạm vi của sáng kiến", "Mục tiêu: nhà lưới dưới 60 nghìn đồng/m².",
                     "Phạm vi: các hộ trồng rau tại xã Gia Cát.")
    assert [(s.key, s.heading) for s in found] == [
        ("muc_tieu", "2. Mục tiêu, phạm vi của sáng kiến"), ("pham_vi", "Phạm vi")]
    assert found[0].text == "Mục tiêu: nhà lưới dưới 60 nghìn đồng/m²."


def test_a_numbered_reference_list_does_not_end_the_references() -> None:
    found = sections("10. Kết luận", BODY, "11. Tài liệu tham khảo", "1. Luật Thú y số 79/2015/QH13",
                     "2. Thông tư số 07/2016/TT-BNNPTNT", "Lộc Bình, ngày 20 tháng 10 năm 2021")
    assert keys(found) == ["ket_luan", "tai_lieu"]
    assert found[1].text == "1. Luật Thú y số 79/2015/QH13 2. Thông tư số 07/2016/TT-BNNPTNT"


def test_the_next_number_ends_a_section_without_a_key() -> None:
    found = sections("1. Kết luận", BODY, "Lợi ích thiết thực: dùng lại được nhiều năm liền.",
                     "2. Kiến nghị", "Đề nghị Sở tổ chức chuyên đề cấp cụm cho các trường.")
    assert [(s.key, s.text) for s in found] == [
        ("ket_luan", BODY), ("loi_ich", "dùng lại được nhiều năm liền.")]


# --------------------------------------------------------------------------- not headings


def test_body_sentences_are_not_headings() -> None:
    found = sections(
        "5. Thảo luận, đánh giá kết quả thu được",
        "Kết quả hai vụ cho thấy nhà lưới khung tre đủ bền cho 3 – 4 vụ, chống được mưa lớn và",
        "côn trùng; hội đồng đánh giá cao tính mới và lợi ích của sáng kiến đối với nông dân.",
        "Nội dung thuyết minh do người trong bản kể lại, giữ được giọng nói riêng của bản.",
        "Kết quả cụ thể như sau:",
        "tính mới của sáng kiến.")
    assert keys(found) == ["danh_gia"]


def test_table_of_contents_lists_headings_without_creating_them() -> None:
    doc = DocView("mo-ta.pdf", "mo_ta", (
        page(1, "MỤC LỤC", "Tóm tắt sáng kiến .......... 1", "1. Lí do chọn sáng kiến .......... 2",
             "2. Mục tiêu – 2", "3. Kết luận", "4. Tài liệu tham khảo"),
        page(2, "TÓM TẮT SÁNG KIẾN", BODY, "1. Lí do chọn sáng kiến", BODY, "2. Mục tiêu", BODY,
             "3. Kết luận", BODY, "4. Tài liệu tham khảo", "Bộ Giáo dục và Đào tạo (2018).")))
    found = find_sections(doc)
    assert [(s.key, s.page) for s in found] == [
        ("muc_luc", 1), ("tom_tat", 2), ("ly_do", 2), ("muc_tieu", 2), ("ket_luan", 2),
        ("tai_lieu", 2)]
    assert "Tài liệu tham khảo" in found[0].text and not found[0].empty


def test_two_column_headers_and_table_rows_neither_count_nor_hide() -> None:
    found = sections("UBND HUYỆN MAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "PHÒNG VĂN HÓA Độc lập - Tự do - Hạnh phúc",
                     "Tên sáng kiến | Ứng dụng bản đồ số trong quảng bá du lịch",
                     "Lĩnh vực áp dụng | Du lịch",
                     "1. Tên sáng kiến: Ứng dụng bản đồ số trong quảng bá du lịch.")
    assert [(s.key, s.heading) for s in found] == [("ten_sang_kien", "1. Tên sáng kiến")]
    request = sections("SỞ GD&ĐT HOÀ BÌNH TRƯỜNG THPT | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "Kính gửi: Hội đồng sáng kiến Sở Giáo dục và Đào tạo", kind="don_yeu_cau")
    assert keys(request) == ["co_so"]


def test_a_signature_role_is_not_an_author_heading() -> None:
    found = sections("2. Tác giả: Bùi Thị Ngọc Ánh, chuyên viên.", "6. Thời gian áp dụng: từ 2024.",
                     "Mường Động, ngày 15 tháng 9 năm 2025", "Tác giả", "Bùi Thị Ngọc Ánh")
    assert keys(found) == ["tac_gia", "ngay_ap_dung"]
    cover = sections("BẢN MÔ TẢ SÁNG KIẾN", "Nhóm tác giả: Nông Đức Mạnh, Lăng Thị Phượng",
                     "Tên sáng kiến: Trợ lý ảo", "Nhóm tác giả")
    assert [(s.key, s.text) for s in cover] == [
        ("tac_gia", "Nông Đức Mạnh, Lăng Thị Phượng Tên sáng kiến: Trợ lý ảo Nhóm tác giả")]


# --------------------------------------------------------------------------- Word and PDF cues


def test_bold_or_heading_style_is_extra_evidence() -> None:
    lines = ("Kết quả xếp loại", BODY)
    assert keys(sections(*lines)) == []
    for cue in (Line("Kết quả xếp loại", bold=True), Line("Kết quả xếp loại", style="Heading 2")):
        doc = DocView("a.docx", "mo_ta", (page(1, *lines, styled=(cue, Line(BODY)),
                                               method=PageMethod.WORD),))
        assert keys(find_sections(doc)) == ["ket_qua"]


def test_running_header_and_footer_are_no_content() -> None:
    header = Line("Sáng kiến kinh nghiệm năm học 2023 – 2024", part="header")
    footer = Line("Người thực hiện: Nguyễn Thị Thu Hà", part="footer")
    doc = DocView("skkn.docx", "mo_ta", (
        page(1, header.text, "1. Cơ sở lý luận", footer.text, styled=(header, footer),
             method=PageMethod.WORD),
        page(2, BODY, method=PageMethod.WORD)))
    (s,) = find_sections(doc)
    assert (s.key, s.page, s.text) == ("co_so_ly_luan", 1, BODY)


# --------------------------------------------------------------------------- kinds and labels


def test_other_documents_have_no_sections() -> None:
    for kind in ("xac_nhan", "bien_ban", "to_trinh", "quyet_dinh", "khac"):
        assert sections("1. Lý do chọn sáng kiến", BODY, "III. KẾT LUẬN", BODY, kind=kind) == ()


def test_the_request_form_keys_only_in_the_request() -> None:
    lines = ("Kính gửi: Hội đồng sáng kiến", "- Mô tả bản chất của sáng kiến:", BODY,
             "1. Lý do chọn sáng kiến", BODY)
    assert keys(sections(*lines, kind="don_yeu_cau")) == ["co_so", "mo_ta_ban_chat"]
    assert keys(sections(*lines, kind="mo_ta")) == ["ly_do"]


DOMAIN_KEYS = (
    "muc_luc tom_tat viet_tat danh_muc_bang ly_do muc_tieu pham_vi co_so_ly_luan thuc_trang "
    "noi_dung ket_qua danh_gia tinh_moi kha_nang_ap_dung loi_ich ket_luan tai_lieu phu_luc "
    "co_so tac_gia ten_sang_kien chu_dau_tu linh_vuc ngay_ap_dung mo_ta_ban_chat bao_mat "
    "dieu_kien loi_ich_tac_gia loi_ich_to_chuc ap_dung_thu cam_doan").split()


def test_every_key_has_a_vietnamese_label() -> None:
    assert set(LABELS) == set(DOMAIN_KEYS)
    assert all(label and label[0].isupper() for label in LABELS.values())


def test_roman_numerals_as_ocr_reads_them() -> None:
    body = "Nội dung đủ dài để được tính là một phần có thật của bản mô tả sáng kiến."
    found = sections("L Tóm tắt", body, "LH. Lí do chọn sáng kiến", body,
                     "II Lĩnh vực áp dụng: Xây dựng dân dụng và công nghiệp.",
                     "III TÁC GIẢ: Nguyễn Văn Hiếu, Phó Trưởng phòng Tài nguyên và Môi trường.",
                     "VI. Ngi dung và giải pháp kỹ thuật", body, "VIH. Kết luận", body,
                     "IX, Tài liệu tham khảo", body,
                     "L1. Điểm mới của sáng kiến: Lần đầu tiên tại trường, bộ thí nghiệm được dùng.",
                     "I2. Khả năng nhân rộng: Cách làm này có thể áp dụng cho các trường khác.",
                     "TI. Phạm vi áp dụng: các trường trung học cơ sở trong toàn tỉnh.",
                     "I.3. Lợi ích", body, "XL TÀI LIỆU THAM KHẢO", body,
                     "I.CƠ SỞ LÍ LUẬN", body, "JV. Mục tiêu của sáng kiến", body,
                     "a.1. Tính mới của sáng kiến: Lần đầu tiên tại hợp tác xã, quy trình được áp dụng.",
                     "VIIL2. Lợi ích thu được", body,
                     "3: Lĩnh vực áp dụng: Nông nghiệp – chăn nuôi, thú y",
                     "2.2.THỰC TRẠNG", body)
    assert keys(found) == ["tom_tat", "ly_do", "linh_vuc", "tac_gia", "noi_dung", "ket_luan",
                           "tai_lieu", "tinh_moi", "kha_nang_ap_dung", "kha_nang_ap_dung",
                           "loi_ich", "tai_lieu", "co_so_ly_luan", "muc_tieu", "tinh_moi",
                           "loi_ich", "linh_vuc", "thuc_trang"]
    # a capitalised heading whose first word looks like a numeral is not stripped of it
    assert keys(sections("LÍ DO CHỌN SÁNG KIẾN", body, "MỤC TIÊU SÁNG KIẾN", body)) == [
        "ly_do", "muc_tieu"]


def test_an_empty_heading_right_after_the_table_of_contents_is_kept_as_empty() -> None:
    body = "Trong những năm gần đây, hồ sơ nghiệm thu giấy thiếu ảnh hiện trường, khó truy vết."
    toc = ["MỤC LỤC", "Tóm tắt sáng kiến ........ 2", "Sự cần thiết của sáng kiến ........ 3"]
    found = sections(*toc, "Tóm tắt sáng kiến", "Sự cần thiết của sáng kiến", body)
    assert [(s.key, s.empty) for s in found] == [("muc_luc", False), ("tom_tat", True),
                                                  ("ly_do", False)]


def test_request_authors_label_whose_colon_ocr_lost() -> None:
    found = sections("Kính gửi: Hội đồng sáng kiến tỉnh Quảng Trị", "Chúng tôi",
                     "số . Họ vàtên [ Ngày Nơi công tác (hoặc Chức danh ¡ Trình độ Tỷ lệ (%) ]",
                     "1 Lê Văn An 12/03/1980 Trường THCS Hải Lăng Giáo viên Cử nhân 100%",
                     kind="don_yeu_cau")
    assert keys(found) == ["co_so", "tac_gia"]
    # the signature's "Chúng tôi" with names under it is not the authors item
    assert keys(sections("Kính gửi: Hội đồng sáng kiến tỉnh", "Chúng tôi", "Lê Văn An",
                         kind="don_yeu_cau")) == ["co_so"]


def test_authors_table_stands_for_the_authors_item_when_its_label_is_lost() -> None:
    found = sections("Kinh gửi1: Hội đồng sáng kiến Sở Giáo dục và Đào tạo",
                     "Số ! Họ và tên 1 Ngày h Nơi công tác (hoặc Chức danh “Trình độ Tỷ lệ (%) [",
                     "1 Vũ Ngọc Hằng 18/08/1975 Trường THPT Sơn Dương Giáo viên Cao đẳng 25",
                     "- Lĩnh vực áp dụng sáng kiến5: Giáo dục trung học phổ thông.",
                     kind="don_yeu_cau")
    assert keys(found) == ["co_so", "tac_gia", "linh_vuc"]
    assert not found[1].empty and "Vũ Ngọc Hằng" in found[1].text
