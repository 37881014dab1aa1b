"""The authors table read from word boxes: hand-placed words, and a request form drawn with
wrapping cells then read by the real OCR engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from extract.authors import authors_table
from extract.table_geometry import table_rows
from ingest.ocr import OcrOptions, TesseractEngine, ocr_page
from ingest.pdf import read_pdf
from models.domain import PageMethod, Word
from samples.forms import request_form
from samples.layout import layout_items, render_page
from samples.pdfs import PdfPage, write_pdf
from samples.texts import Author, dossier
from tests.fakes import FakeEngine

CHAR = 7  # thousandths of the page width per character of a hand-placed word


def _place(rows: list[tuple[int, list[tuple[int, str]]]]) -> list[Word]:
    """Words from (y, [(x, text), …]) lines: each text's words laid left to right from x."""
    out = []
    for line, (y, cells) in enumerate(rows):
        for x, text in cells:
            for word in text.split():
                out.append(Word(word, x, y, x + CHAR * len(word), y + 10, line))
                x += CHAR * (len(word) + 1)
    return out


# columns of the form: x of the cell's left edge (body) and of its centred title
HEADER = [
    (100, [(112, "Số"), (180, "Họ và tên"), (300, "Ngày"), (400, "Nơi công tác (hoặc"), (560, "Chức danh"),
           (680, "Trình độ"), (800, "Tỷ lệ (%)")]),
    (115, [(112, "TT"), (290, "tháng năm"), (410, "nơi thường trú)"), (690, "chuyên"), (800, "đóng góp")]),
    (130, [(305, "sinh"), (700, "môn")]),
]
END = (300, [(60, "Là nhóm tác giả đề nghị xét công nhận sáng kiến: Quy trình 12/4/2023")])


def test_rows_come_from_the_columns_under_the_titles() -> None:
    words = _place(HEADER + [
        (160, [(112, "1"), (160, "Hoàng Văn"), (290, "14/07/1980"), (390, "Trạm Khuyến nông"),
               (540, "Trạm"), (660, "Kỹ sư Trồng"), (815, "50")]),
        (175, [(160, "Thắng"), (390, "huyện Cao Lộc"), (540, "trưởng"), (660, "trọt")]),
        (200, [(112, "2"), (160, "Lương Thị Huệ"), (290, "05/12/1988"), (390, "Trạm Khuyến nông"),
               (540, "Khuyến nông"), (660, "Cử nhân Sinh"), (815, "50")]),
        (215, [(390, "huyện Cao Lộc"), (540, "viên"), (660, "học")]),
        END,
        (330, [(60, "1"), (100, "Ngày áp dụng 05/09/2020")]),  # below the table: not a row
    ])
    assert table_rows(words) == [
        {"number": "1", "name": "Hoàng Văn Thắng", "birth_date": "14/07/1980",
         "unit": "Trạm Khuyến nông huyện Cao Lộc", "position": "Trạm trưởng",
         "qualification": "Kỹ sư Trồng trọt", "share": "50"},
        {"number": "2", "name": "Lương Thị Huệ", "birth_date": "05/12/1988",
         "unit": "Trạm Khuyến nông huyện Cao Lộc", "position": "Khuyến nông viên",
         "qualification": "Cử nhân Sinh học", "share": "50"},
    ]


def test_rows_are_anchored_by_dates_when_the_numbers_are_lost() -> None:
    words = _place(HEADER + [
        (160, [(160, "Vi Văn"), (290, "03/03/1992"), (390, "Phòng Kế"), (540, "Chuyên"),
               (660, "Kỹ sư"), (815, "20")]),
        (175, [(160, "Sáng"), (390, "hoạch"), (540, "viên"), (660, "Tin học")]),
        (190, [(160, "Đặng Quốc Bảo"), (290, "21/07/1988"), (390, "Bệnh viện"), (540, "Điều"),
               (660, "Cử nhân"), (815, "80")]),
        END,
    ])
    rows = table_rows(words)
    assert rows is not None
    assert [(r["name"], r["unit"], r["position"], r["share"]) for r in rows] == [
        ("Vi Văn Sáng", "Phòng Kế hoạch", "Chuyên viên", "20"), ("Đặng Quốc Bảo", "Bệnh viện", "Điều", "80")]


def test_a_date_pushed_over_the_column_rule_stays_a_birth_date() -> None:
    # OCR's box for a date in a narrow cell can start past the rule (a skewed scan, a bracket)
    words = _place(HEADER + [
        (160, [(112, "1"), (160, "Hoàng Văn"), (290, "14/07/1980"), (390, "Trạm Khuyến nông"),
               (540, "Trạm"), (660, "Kỹ sư"), (815, "50")]),
        (175, [(160, "Thắng"), (390, "huyện Cao Lộc"), (540, "trưởng")]),
        (200, [(112, "2"), (160, "Lương Thị Huệ"), (372, "05/12/1988"), (456, "Bệnh viện"),
               (540, "Khuyến nông"), (660, "Cử nhân"), (815, "50")]),
        END,
    ])
    rows = table_rows(words)
    assert rows is not None and [(r["birth_date"], r["unit"]) for r in rows] == [
        ("14/07/1980", "Trạm Khuyến nông huyện Cao Lộc"), ("05/12/1988", "Bệnh viện")]


# a scanned request's table as OCR boxed it (seed 2300038 of bench/understanding.py): a narrow
# birth-date column, and a unit of short glued words whose widest gap lies inside its cell
GLUED_UNIT = [Word(t, x0, y0, x1, y1, ln) for t, x0, y0, x1, y1, ln in [
    ("Số", 137, 216, 155, 226, 5), ("Họ", 202, 217, 225, 228, 5), ("và", 230, 216, 248, 226, 5),
    ("tên", 254, 216, 278, 226, 5), ("Ngày", 338, 216, 379, 228, 5), ("Nơi", 419, 216, 447, 226, 5),
    ("công", 453, 216, 489, 228, 5), ("tác", 494, 216, 517, 226, 5), ("(hoặc", 523, 216, 565, 228, 5),
    ("Chứcdanh", 582, 216, 669, 226, 5), ("Trình", 694, 216, 738, 226, 5), ("độ", 744, 216, 763, 228, 5),
    ("Tỷ", 794, 216, 815, 228, 5), ("lệ", 821, 216, 833, 228, 5), ("(%)", 839, 216, 868, 228, 5),
    ("TT", 131, 232, 158, 247, 6), ("tháng", 317, 234, 361, 246, 6), ("năm", 367, 234, 401, 243, 6),
    ("nơi", 431, 234, 456, 243, 6), ("thường", 461, 234, 518, 246, 6), ("trú)", 523, 234, 553, 245, 6),
    ("chuyên", 680, 234, 737, 246, 6), ("môn", 742, 234, 776, 243, 6), ("đóng", 795, 234, 834, 246, 6),
    ("góp", 839, 234, 867, 246, 6), ("sinh", 342, 249, 376, 264, 7), ("1", 143, 307, 149, 316, 10),
    ("BùiThanh", 177, 306, 255, 316, 10), ("Mai", 260, 307, 289, 316, 10),
    ("18/04/1973", 326, 306, 413, 318, 10), ("Khobạc", 422, 306, 474, 318, 10),
    ("Nhànước", 480, 306, 552, 316, 10), ("Kế", 581, 306, 602, 316, 10), ("toán", 607, 306, 638, 316, 10),
    ("Cử", 680, 306, 703, 316, 10), ("nhân", 708, 306, 743, 316, 10), ("Kế", 748, 306, 769, 316, 10),
    ("100%", 811, 307, 852, 316, 10), ("khu", 414, 323, 440, 333, 11), ("vực", 446, 325, 472, 335, 11),
    ("Thái", 477, 323, 511, 333, 11), ("viên", 581, 323, 612, 333, 11), ("toán", 680, 323, 711, 333, 11),
    ("Nguyên", 414, 340, 466, 350, 12),
    ("Là", 120, 380, 140, 390, 13), ("tác", 145, 380, 170, 390, 13), ("giả", 175, 380, 200, 390, 13)]]


def test_the_birth_date_column_ends_right_after_its_dates() -> None:
    rows = table_rows(GLUED_UNIT)
    assert rows is not None and [(r["birth_date"], r["unit"]) for r in rows] == [
        ("18/04/1973", "Khobạc Nhànước khu vực Thái Nguyên")]


def test_words_that_make_no_table_give_none() -> None:
    prose = _place([(100 + 15 * i, [(60, "Tôi là tác giả của sáng kiến về trồng cà chua trái vụ")])
                    for i in range(10)])
    assert table_rows(prose) is None
    no_share_title = [w for w in _place(HEADER + [
        (160, [(112, "1"), (160, "Hoàng Văn"), (290, "14/07/1980"), (390, "Trạm"), (540, "Trạm"),
               (660, "Kỹ sư"), (815, "50")]), END]) if w.text not in ("Tỷ", "lệ", "(%)", "đóng", "góp")]
    assert table_rows(no_share_title) is None
    assert table_rows(_place(HEADER + [END])) is None  # a header without rows


NEW_AUTHORS = (
    Author("Nguyễn Thị Minh Nguyệt", date(1979, 1, 5), "Bệnh viện Đa khoa tỉnh Hoà Bình",
           "Trưởng khoa Hồi sức tích cực", "Bác sĩ chuyên khoa cấp II Hồi sức cấp cứu", 50),
    Author("Đặng Quốc Bảo", date(1988, 7, 21), "Bệnh viện Đa khoa tỉnh Hoà Bình", "Điều dưỡng viên",
           "Cử nhân Điều dưỡng", 30),
    Author("Vi Văn Sáng", date(1992, 3, 3), "Phòng Kế hoạch tổng hợp, Bệnh viện Đa khoa tỉnh Hoà Bình",
           "Chuyên viên", "Kỹ sư Công nghệ thông tin", 20),
)


@pytest.fixture(scope="module")
def scanned_form() -> tuple[str, tuple[Word, ...]]:
    """The sample request form with wrapping authors, drawn at 200 DPI and OCR'd."""
    req = replace(dossier("khuyen-nong-cao-loc-ca-chua").request, authors=NEW_AUTHORS)  # type: ignore[arg-type]
    page = layout_items(request_form(req).items, dpi=200).pages[0]
    img = render_page(page)
    img.info["dpi"] = (200, 200)
    read = ocr_page(img, 1, engine=TesseractEngine(), options=OcrOptions(searchable_pdf=False)).page
    return read.text, read.words


def test_a_drawn_and_ocred_form_gives_its_rows(scanned_form: tuple[str, tuple[Word, ...]]) -> None:
    rows = table_rows(scanned_form[1])
    assert rows is not None and [r["number"].strip("._") for r in rows] == ["1", "2", "3"]
    assert [(r["name"], r["birth_date"], r["share"]) for r in rows] == \
        [(a.name, a.birth_date.strftime("%d/%m/%Y"), str(a.share)) for a in NEW_AUTHORS]
    assert [r["unit"] for r in rows] == [a.unit for a in NEW_AUTHORS]


def test_authors_table_reads_the_geometry_first(scanned_form: tuple[str, tuple[Word, ...]]) -> None:
    text, words = scanned_form
    got, at = authors_table(text, [], text, (), words)
    assert [(a.name, a.birth_date, a.unit, a.position, a.qualification, a.share_percent) for a in got] == \
        [(a.name, a.birth_date, a.unit, a.position, a.qualification, float(a.share)) for a in NEW_AUTHORS]
    assert at is not None and text[at:].lstrip().startswith("1")


def test_a_born_digital_form_gives_its_rows_from_the_text_layer(tmp_path) -> None:
    """A Word-made PDF flattens the table into lines as OCR does; pdfplumber's boxes say
    which column each word is in ("Quản lý công" wraps to "công" under the position)."""
    req = replace(dossier("khuyen-nong-cao-loc-ca-chua").request, authors=NEW_AUTHORS)  # type: ignore[arg-type]
    path = tmp_path / "don.pdf"
    write_pdf(path, [PdfPage(text=p) for p in layout_items(request_form(req).items).pages])
    page = read_pdf(path.read_bytes(), name="don.pdf", engine=FakeEngine(),
                    options=OcrOptions(searchable_pdf=False)).pages[0]
    assert page.method is PageMethod.TEXT_LAYER and page.words
    assert all(0 <= w.x0 < w.x1 <= 1000 and 0 <= w.y0 < w.y1 <= 1000 for w in page.words)
    got, _ = authors_table(page.text, [], page.text, (), page.words)
    assert [(a.name, a.unit, a.position, a.qualification, a.share_percent) for a in got] == \
        [(a.name, a.unit, a.position, a.qualification, float(a.share)) for a in NEW_AUTHORS]


def test_a_title_wider_than_its_neighbour_does_not_break_the_columns() -> None:
    # OCR glued a title's words to the next column's ("thángnămNơi"): its centre passes the
    # next title's, and there is no gap between them to look in (seed 2500076 crashed here)
    from extract.table_geometry import _boundaries

    ext = {"number": (100, 130), "name": (180, 260), "birth_date": (300, 540), "unit": (400, 420),
           "position": (560, 620), "qualification": (680, 760), "share": (800, 860)}
    bounds = _boundaries(ext, [Word("Mai", 200, 300, 230, 310, 1)])
    assert [c for c, _ in bounds] == list(ext) and bounds[2][1] == 415.0
