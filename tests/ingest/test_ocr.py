"""OCR of rendered pages of known text, through the real tesseract binary; fault handling
through a fake engine that raises what the real one raises.

Pages are rendered at 150–200 DPI with a few paragraphs, so that a page costs well under a
second of Tesseract; thresholds are on the character error rate (CER), never equality.
"""

from __future__ import annotations

import io
import random
import unicodedata

import pdfplumber
import pytest
from PIL import Image, ImageDraw

from ingest.ocr import (
    OcrOptions,
    OcrResult,
    OcrWord,
    TesseractEngine,
    clean_text,
    ocr_page,
    ocr_pages,
    page_dpi,
    parse_tsv,
    strip_rule_marks,
    words_to_text,
)
from models.domain import PageMethod
from models.errors import OcrFailed, OcrTimeout
from samples.render import Block, Degradation, PageLayout, degrade, draw, layout_pages
from samples.truth import cer

DPI = 200
TEXT = [
    Block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center"),
    Block("Độc lập - Tự do - Hạnh phúc", "center"),
    Block("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "title"),
    Block("Kính gửi: Hội đồng sáng kiến Sở Nông nghiệp và Phát triển nông thôn."),
    Block("Tôi là Lâm Thị Ngọc Hà, kỹ sư trồng trọt tại Trạm Khuyến nông xã Phước Hưng, đề "
          "nghị xét công nhận sáng kiến: Quy trình ủ phân hữu cơ từ phụ phẩm rơm rạ bằng chế "
          "phẩm vi sinh cho hộ trồng lúa."),
    Block("Lĩnh vực áp dụng: nông nghiệp. Ngày áp dụng lần đầu: 12/4/2023. Sau một vụ, lượng "
          "phân bón hóa học giảm khoảng hai mươi phần trăm, năng suất lúa giữ ổn định, người "
          "dân không còn đốt rơm ngoài đồng."),
]
ENGINE = TesseractEngine()
FAST = OcrOptions(searchable_pdf=False)


@pytest.fixture(scope="module")
def layout() -> PageLayout:
    return layout_pages(TEXT, dpi=DPI)[0]


def scan(layout: PageLayout, **kw: object) -> Image.Image:
    img = degrade(draw(layout), Degradation(**kw), src_dpi=DPI)  # type: ignore[arg-type]
    img.info["dpi"] = (DPI, DPI)
    return img


# --------------------------------------------------------------------------- real tesseract

def test_clean_page_reads_with_confidence_and_lines(layout: PageLayout) -> None:
    result = ocr_page(scan(layout), 1, engine=ENGINE, options=FAST)
    page = result.page
    assert cer(layout.text, page.text) <= 0.01
    assert page.method is PageMethod.OCR and page.number == 1
    assert page.confidence is not None and page.confidence > 85
    assert result.problems == () and (result.rotation, result.skew) == (0, 0.0)
    assert unicodedata.is_normalized("NFC", page.text)
    assert all(line == line.rstrip() for line in page.text.splitlines())
    assert len(page.lines) >= len(layout.lines) - 1
    body = [ln.size for ln in page.lines if ln.size and "Lĩnh vực" in ln.text]
    assert body and 10 <= body[0] <= 16  # estimated from box heights; drawn at 13 pt


def test_ocr_pages_carry_their_words_boxes(layout: PageLayout) -> None:
    """Every word of the text comes with a box, in thousandths of the page, where it was drawn."""
    img = scan(layout)
    page = ocr_page(img, 1, engine=ENGINE, options=FAST).page
    assert [w.text for w in page.words] == page.text.split()
    assert all(0 <= w.x0 < w.x1 <= 1000 and 0 <= w.y0 < w.y1 <= 1000 for w in page.words)
    for drawn in layout.lines:  # each drawn line's first word starts where it was drawn
        first = drawn.text.split()[0]
        x, y = drawn.x * 1000 / img.width, drawn.y * 1000 / img.height
        assert any(w.text == first and abs(w.x0 - x) <= 8 and abs(w.y0 - y) <= 15 for w in page.words), drawn
    ids = [w.line for w in page.words]
    assert ids == sorted(ids) and len(set(ids)) == len(page.text.split("\n")) - page.text.count("\n\n")


@pytest.mark.parametrize("skew", [3.0, -6.0])
def test_skewed_pages_are_deskewed(layout: PageLayout, skew: float) -> None:
    result = ocr_page(scan(layout, skew=skew), 1, engine=ENGINE, options=FAST)
    assert abs(result.skew - skew) <= 0.5
    assert cer(layout.text, result.page.text) <= 0.02


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turned_pages_come_back_upright(layout: PageLayout, turn: int) -> None:
    result = ocr_page(scan(layout, rotate=turn), 1, engine=ENGINE, options=FAST)
    assert result.rotation == turn
    assert cer(layout.text, result.page.text) <= 0.02


def test_page_under_a_seal(layout: PageLayout) -> None:
    result = ocr_page(scan(layout, stamp=True), 1, engine=ENGINE, options=FAST)
    assert cer(layout.text, result.page.text) <= 0.03


def test_phone_photo_of_a_page(layout: PageLayout) -> None:
    result = ocr_page(scan(layout, photo=True, skew=-2.0), 1, engine=ENGINE, options=FAST)
    assert cer(layout.text, result.page.text) <= 0.03


def test_real_pages_in_parallel_stay_in_order(layout: PageLayout) -> None:
    pages = [(1, scan(layout, rotate=180)), (2, scan(layout)), (3, scan(layout, skew=4.0))]
    results = ocr_pages(pages, engine=ENGINE, options=OcrOptions(workers=2))
    assert [(r.page.number, r.rotation) for r in results] == [(1, 180), (2, 0), (3, 0)]
    assert all(cer(layout.text, r.page.text) <= 0.02 and r.pdf for r in results)


@pytest.mark.slow
def test_speckled_page_is_cleaned(layout: PageLayout) -> None:
    result = ocr_page(scan(layout, noise=0.02, blur=0.5), 1, engine=ENGINE, options=FAST)
    assert cer(layout.text, result.page.text) <= 0.03


def test_scribbles_get_low_confidence() -> None:
    rng = random.Random(0)
    img = Image.new("L", (1240, 1754), 255)
    d = ImageDraw.Draw(img)
    for _ in range(900):
        x, y = rng.randint(100, 1100), rng.randint(100, 1600)
        d.line((x, y, x + rng.randint(-25, 25), y + rng.randint(-25, 25)), fill=0,
               width=rng.randint(1, 4))
    img.info["dpi"] = (150, 150)
    result = ocr_page(img, 4, engine=ENGINE, options=FAST)
    assert result.page.confidence is None or result.page.confidence < 70
    assert [(p.code, p.page) for p in result.problems] == [("low_confidence", 4)]


def test_blank_page_is_no_problem() -> None:
    img = Image.new("L", (1240, 1754), 250)
    result = ocr_page(img, 1, engine=ENGINE, options=FAST)
    assert result.page.text == "" and result.problems == ()


def test_searchable_page_has_image_and_words_at_physical_size(layout: PageLayout) -> None:
    result = ocr_page(scan(layout, rotate=90), 1, engine=ENGINE, options=OcrOptions())
    assert result.pdf is not None
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        (page,) = pdf.pages
        assert abs(page.width - 8.27 * 72) < 2 and abs(page.height - 11.69 * 72) < 2  # A4, upright
        assert len(page.images) == 1
        text = page.extract_text()
    assert "SÁNG KIẾN" in text and "Phước Hưng" in text


def test_timeout_and_failure_become_our_errors(layout: PageLayout) -> None:
    img = scan(layout)
    with pytest.raises(OcrTimeout) as timeout:
        ENGINE.recognize(img, options=OcrOptions(timeout_s=0.01), want_pdf=False)
    assert timeout.value.__cause__ is not None
    with pytest.raises(OcrFailed) as failed:
        ENGINE.recognize(img, options=OcrOptions(lang="khong_co_ngon_ngu_nay"), want_pdf=False)
    assert failed.value.__cause__ is not None


# --------------------------------------------------------------------------- fakes

class FlakyEngine:
    """Implements OcrEngine; raises for chosen pages as the real engine would."""

    def __init__(self, fail: dict[int, Exception], confidence: float = 93.0) -> None:
        self.fail, self.confidence = fail, confidence
        self.seen: list[int] = []

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        number = image.width - 200  # pages are told apart by their width
        self.seen.append(number)
        if number in self.fail:
            raise self.fail[number]
        text = unicodedata.normalize("NFD", f"Trang số {number}   \nDòng hai  ")
        return OcrResult(text, self.confidence, None)


def numbered(n: int) -> list[tuple[int, Image.Image]]:
    pages = []
    for i in range(1, n + 1):
        pages.append((i, Image.new("L", (200 + i, 280), 255)))
    return pages


def test_a_page_that_times_out_becomes_a_problem_not_a_crash() -> None:
    engine = FlakyEngine({2: OcrTimeout("tesseract ran past 120 s")})
    results = ocr_pages(numbered(3), engine=engine, options=OcrOptions(workers=2))
    assert [r.page.number for r in results] == [1, 2, 3]
    assert [r.page.text for r in results] == ["Trang số 1\nDòng hai", "", "Trang số 3\nDòng hai"]
    assert results[1].page.confidence is None
    assert [(p.code, p.page, p.stage) for p in results[1].problems] == [("ocr_timeout", 2, "ocr")]
    assert results[0].problems == results[2].problems == ()


def test_crash_and_surprise_are_ocr_failed() -> None:
    engine = FlakyEngine({1: OcrFailed("tesseract exited -11"), 3: ValueError("bug")})
    results = ocr_pages(iter(numbered(4)), engine=engine, options=OcrOptions(workers=3))
    assert [[p.code for p in r.problems] for r in results] == [["ocr_failed"], [], ["ocr_failed"], []]
    assert results[3].page.text.startswith("Trang số 4")


def test_low_mean_confidence_flagged_once() -> None:
    results = ocr_pages(numbered(1), engine=FlakyEngine({}, confidence=55.0),
                        options=OcrOptions(low_confidence=70))
    assert [(p.code, p.page) for p in results[0].problems] == [("low_confidence", 1)]
    assert results[0].page.confidence == 55.0


def test_many_pages_in_order_with_workers() -> None:
    results = ocr_pages(numbered(9), engine=FlakyEngine({}), options=OcrOptions(workers=4))
    assert [r.page.number for r in results] == list(range(1, 10))


# --------------------------------------------------------------------------- text helpers

TSV_ROWS = [
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t",
    "5\t1\t1\t1\t1\t1\t10\t10\t90\t40\t96.5\tCỘNG",
    "5\t1\t1\t1\t1\t2\t110\t10\t60\t40\t91.0\tHÒA",
    "5\t1\t1\t1\t2\t1\t10\t60\t90\t40\t88.0\tĐộc",
    "5\t1\t2\t1\t1\t1\t10\t200\t90\t40\t-1\t ",
    "5\t1\t2\t1\t1\t2\t10\t200\t90\t40\t40.5\tlập",
]
TSV = "\n".join(TSV_ROWS)


def test_tsv_to_text_and_confidence() -> None:
    words = parse_tsv(TSV)
    assert [w.text for w in words] == ["CỘNG", "HÒA", "Độc", "lập"]
    assert words_to_text(words) == "CỘNG HÒA\nĐộc\n\nlập"


def test_clean_text() -> None:
    raw = unicodedata.normalize("NFD", "  Việt Nam  \n\n\n\nHạnh phúc \n\n")
    assert clean_text(raw) == "  Việt Nam\n\nHạnh phúc"


@pytest.mark.parametrize(("info", "size", "dpi"), [
    ({"dpi": (300, 300)}, (2480, 3508), 300),
    ({"dpi": (72, 72)}, (2480, 3508), 300),  # a phone's placeholder: guessed as A4
    ({}, (1654, 2339), 200),
])
def test_page_dpi(info: dict, size: tuple[int, int], dpi: int) -> None:
    img = Image.new("1", size)
    img.info.update(info)
    assert page_dpi(img) == dpi


def test_table_rules_read_as_bars_are_dropped() -> None:
    words = [OcrWord(t, 90.0, 1, 1, 1, 30) for t in ("|", "|Nguyễn", "Văn", "môn|", "¦", "A|B")]
    assert words_to_text(strip_rule_marks(words)) == "Nguyễn Văn môn A B"


def test_a_rule_inside_a_word_makes_two_words_with_their_own_boxes() -> None:
    glued = OcrWord("27/04/1995|Trungtâm", 80.0, 1, 1, 10, 30, left=321, top=306, width=190)
    date, unit = strip_rule_marks([glued])
    assert (date.text, unit.text) == ("27/04/1995", "Trungtâm")
    assert date.left == 321 and date.width == 100  # 10 of 19 letters, 10 px each
    assert unit.left == 431 and unit.width == 80 and unit.left + unit.width == 511
    assert (date.top, unit.line, unit.confidence) == (306, 10, 80.0)
