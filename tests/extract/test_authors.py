"""The authors table read from OCR'd text: slips undone, rows found without their number."""

from __future__ import annotations

from datetime import date

import pytest

from extract.authors import _share, authors_table, tidy
from extract.units import confirm_unit, unit_candidates

HEADER = ("Số Họ và tên Ngày Nơi công tác (hoặc Chức danh Trình độ Tỷ lệ (%)\n"
          "TT tháng năm nơi thường trú) chuyên môn đóng góp\nsinh vào việc\n")
END = "\nLà nhóm tác giả đề nghị xét công nhận sáng kiến: “Sổ tay điện tử”."


@pytest.mark.parametrize(("ocr", "want"), [
    ("TrầnThuHạnh.", "Trần Thu Hạnh"),  # glued at case changes, stray full stop
    ("[Trường THPTGio", "Trường THPT Gio"),  # border mark, acronym glued to a word
    ("Tổtrưởng GCử nhân", "Tổ trưởng Cử nhân"),  # glued syllables, a lone letter of a border
    ("Cán bộkỹ . Kĩsư", "Cán bộ kỹ Kĩ sư"),  # punctuation-only token dropped
    ("chính—_|Kiểm (Kỹsư", "chính – Kiểm Kỹ sư"),  # border marks gone; a glued dash: the en dash
    ("Tài chính ~- Kế hoạch =", "Tài chính – Kế hoạch –"),  # OCR's readings of the en dash
    ("Trạm Y tế HĐND Internet", "Trạm Y tế HĐND Internet"),  # words, acronyms, no diacritic: kept
])
def test_tidy_undoes_ocr_slips(ocr: str, want: str) -> None:
    assert tidy(ocr) == want


def test_rows_found_without_their_number_or_with_a_colon() -> None:
    body = ("1 Lê Văn Bình 03/08/1980 Trường THCS Tân Lạc Giáo viên Cử nhân Toán 50\n"
            "2: TrầnThịMai 15/01/1990 Trường THCS Tân Lạc Giáo viên Cử nhân Văn 30\n"
            "Hà Văn Tâm 21/07/1988 Trường THCS Tân Lạc Giáo viên Cử nhân Sử 20%")
    got, at = authors_table(HEADER + body + END, [], "")
    assert at == len(HEADER)
    assert [(a.name, a.birth_date, a.share_percent) for a in got] == [
        ("Lê Văn Bình", date(1980, 8, 3), 50.0), ("Trần Thị Mai", date(1990, 1, 15), 30.0),
        ("Hà Văn Tâm", date(1988, 7, 21), 20.0)]
    assert {a.unit for a in got} == {"Trường THCS Tân Lạc"}


def test_a_stray_pipe_does_not_make_a_word_table() -> None:
    body = "3 l|Lục Xuân Long 09/01/1970 Trường Tiểu học PhóHiệu Cửnhân Sư 100\nThanh Lương trưởng phạm Toán"
    (a,), _ = authors_table(HEADER + body + END, [], "Trường Tiểu học Thanh Lương")
    assert (a.name, a.unit, a.position, a.qualification) == (
        "Lục Xuân Long", "Trường Tiểu học Thanh Lương", "Phó Hiệu trưởng", "Cử nhân Sư phạm Toán")


def test_a_unit_the_dossier_names_elsewhere_keeps_its_words() -> None:
    """"chuyên môn" could close the unit or the position; the title names the unit."""
    body = ("1 Bùi Minh Oanh 28/01/1979 Trường Tiểu học Tổtrưởng GCử nhân Sư 100\n"
            "Đồng Tâm chuyên phạm Tiếng\nmôn Anh")
    context = "tại Trường Tiểu học Đồng Tâm”."
    (a,), _ = authors_table(HEADER + body + END, [], context)
    assert (a.unit, a.position, a.qualification) == (
        "Trường Tiểu học Đồng Tâm", "Tổ trưởng chuyên môn", "Cử nhân Sư phạm Tiếng Anh")


def test_a_position_keeps_its_last_syllable_and_a_dash_ends_a_line() -> None:
    """"viên" completes "Kế toán viên" (not "Cử nhân viên"); "Tài chính –" wraps after the
    dash, whose OCR reading "=" is the en dash."""
    body = ("1 Lê Thanh Nga 26/03/1971 Phòng Tài chính— Kế toán Cử nhân Tài 20\n"
            "Kế hoạch huyện viên chính =\nHàm Yên Ngân hàng\n"
            "2 Mai Minh Toàn 14/06/1976 Phòng Tài chính— Kế toán Cử nhân 80\n"
            "Kế hoạch huyện viên Quản trị\nHàm Yên kinh doanh")
    a, b = authors_table(HEADER + body + END, [], "")[0]
    assert (a.unit, a.position, a.qualification) == (
        "Phòng Tài chính – Kế hoạch huyện Hàm Yên", "Kế toán viên", "Cử nhân Tài chính – Ngân hàng")
    assert (b.position, b.qualification) == ("Kế toán viên", "Cử nhân Quản trị kinh doanh")


# ---------------------------------------------------------------------------- the unit confirmed elsewhere

PHU_THO = ("BỘ TÀI CHÍNH CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "KHO BẠC NHÀ NƯỚC KHU Độc lập - Tự do - Hạnh phúc\nVỰC PHÚ THỌ\n"
           "ĐƠN ĐĂNG KÝ SÁNG KIẾN\nKính gửi: Hội đồng sáng kiến tỉnh Phú Thọ")


def test_unit_candidates_join_header_lines_and_read_the_prose() -> None:
    got = unit_candidates([PHU_THO, "Đề tài ở trường\nLần đầu tiên tại Trường THPT Ngọc Lặc, chuỗi chủ đề",
                           "… cho học sinh tại Trường Mầm non Yên\nPhú\nTác giả: Đặng Kim Giang",
                           "ở tại Trường Tiểu học Đồng Tâm\nPHẦN I. MỞ ĐẦU"])
    assert "KHO BẠC NHÀ NƯỚC KHU VỰC PHÚ THỌ" in got  # the motto cut off, two lines joined
    assert "ĐƠN ĐĂNG KÝ SÁNG KIẾN" not in got  # the document's title is below the header
    # the name ends before "Tác giả" and a heading in capitals that open the next line
    assert {"Trường THPT Ngọc Lặc", "Trường Mầm non Yên Phú", "Trường Tiểu học Đồng Tâm"} <= set(got)
    assert not [c for c in got if "Tác" in c or "chuỗi" in c or "PHẦN" in c]


@pytest.mark.parametrize(("cell", "candidates", "want"), [
    ("Kho bạc Nhà nước khu", unit_candidates([PHU_THO]), ("Kho bạc Nhà nước khu vực Phú Thọ", "")),  # cut
    ("Trường THCS Hồng", ["TRƯỜNG THCS HỒNG QUANG"], ("Trường THCS Hồng Quang", "")),  # title case
    ("Trung tầm Dịch vụ nông nghiệp huyện", ["TRUNG TÂM DỊCH VỤ NÔNG NGHIỆP HUYỆN ANH SƠN"],
     ("Trung tâm Dịch vụ nông nghiệp huyện Anh Sơn", "")),  # the cell's casing, the header's letters
    ("Phòng Tài chính Kế hoạch", ["PHÒNG TÀI CHÍNH – KẾ HOẠCH HUYỆN HÀM YÊN"],
     ("Phòng Tài chính – Kế hoạch huyện Hàm Yên", "")),
    ("Trường Mầm non Vĩnh Lộc chuyên môn", ["Trường Mầm non Vĩnh Lộc"],
     ("Trường Mầm non Vĩnh Lộc", "chuyên môn")),  # a neighbour column's words glued on
    ("Trường THPT Ngọc", ["TRƯỜNG THPT NGỌC", "Trường THPT Ngọc Lặc"], ("Trường THPT Ngọc Lặc", "")),
    # no over-reach: a longer cell that goes on with a name, another unit, a header's next unit
    ("Ủy ban nhân dân xã Bình Yên", ["ỦY BAN NHÂN DÂN XÃ BÌNH"], ("Ủy ban nhân dân xã Bình Yên", "")),
    ("Trường THCS Tân Lạc", ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"], ("Trường THCS Tân Lạc", "")),
    ("Phòng Giáo dục và Đào tạo", ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO TRƯỜNG THCS AN"],
     ("Phòng Giáo dục và Đào tạo", "")),
])
def test_confirm_unit(cell: str, candidates: list[str], want: tuple[str, str]) -> None:
    assert confirm_unit(cell, candidates) == want


def test_a_header_split_over_two_lines_names_the_whole_unit() -> None:
    """The header's first line alone ("VĂN PHÒNG HĐND VÀ UBND") would pull the unit short."""
    page = ("UBND TỈNH BẮC GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "VĂN PHÒNG HĐND VÀ UBND Độc lập - Tự do - Hạnh phúc\nHUYỆN SƠN ĐỘNG\n"
            "PHIẾU YÊU CẦU CÔNG NHẬN SÁNG KIẾN\nKính gửi: Hội đồng sáng kiến huyện Sơn Động\n")
    body = ("1 Nông Thị Mai 14/05/1995 Văn phòng HĐND Chuyên Cử nhân 100\n"
            "và UBND huyện viên Luật\nSơn Động")
    text = page + HEADER + body + END
    (a,), _ = authors_table(text, [], text, unit_candidates([page]))
    assert (a.unit, a.position, a.qualification) == (
        "Văn phòng HĐND và UBND huyện Sơn Động", "Chuyên viên", "Cử nhân Luật")


def test_a_co_authors_unit_sends_glued_words_back_to_the_position() -> None:
    body = ("1 Vi Thanh Hoa 05/12/1976 Trường Mầm non Tổ trưởng . Cao đẳng Sư 45%\n"
            "Vĩnh Lộc chuyên phạm Mầm\nmôn non\n"
            "2 Đặng Thị Trang 19/10/1969 Trường Mầm non Hiệu Thạc sĩ Ngữ 55%\nVĩnh Lộc trưởng văn")
    a, b = authors_table(HEADER + body + END, [], "")[0]
    assert (a.unit, a.position, a.qualification) == (
        "Trường Mầm non Vĩnh Lộc", "Tổ trưởng chuyên môn", "Cao đẳng Sư phạm Mầm non")
    assert (b.unit, b.position) == ("Trường Mầm non Vĩnh Lộc", "Hiệu trưởng")


def test_a_header_whose_words_ocr_glued_still_opens_the_authors_table() -> None:
    from extract.authors import authors_table

    text = ("Chúng tôi2:\n"
            "Số Hgvàtên Ngày Nơicôngtác(hoặc Chứcdanh Trình độ ` Tỷ lệ (%)\n"
            "TT tháng năm nơi thường trú) chuyên đóng góp\n"
            "1 Vũ Xuân Khánh 15/02/1990 Trường Tiểu học Giáo viên Cử nhân 60%\n"
            "2 Lý Ngọc Trung 23/03/1996 Trường Tiểu học Giáo viên Cử nhân 40%\n"
            "Là nhóm tác giả đề nghị xét công nhận sáng kiến3: “Sổ tay điện tử”.\n"
            "- Danh sách những người đã tham gia áp dụng thử:\n"
            "Số TT Họ và tên Ngày tháng năm sinh Nơi công tác Chức danh Trình độ Nội dung\n"
            "1 Đặng Đức Dũng 02/01/1985 Trường Tiểu học Giáo viên Cử nhân Dạy thử\n")
    authors, _ = authors_table(text, [], text)
    assert [(a.name, a.share_percent) for a in authors] == [("Vũ Xuân Khánh", 60.0),
                                                              ("Lý Ngọc Trung", 40.0)]


@pytest.mark.parametrize(("cell", "share"), [
    ("40%", 40.0), ("33,3 %", 33.3), ("100", 100.0), ("109", 10.0), ("259", 25.0), ("359", 35.0),
    ("999", 99.0), ("150", 150.0), ("2009", None), ("", None)])
def test_a_percent_sign_read_as_a_nine_is_no_digit(cell: str, share: float | None) -> None:
    # a share is at most 100: "109" is "10%" with its "%" read as "9" in a ruled cell; a
    # share over 100 not ending in 9 stays as read, for the shares check to flag
    assert _share(cell) == share
