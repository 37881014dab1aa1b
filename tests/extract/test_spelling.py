"""OCR slips put right against the lexicon, and exact text left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.fields import extract_fields
from extract.spelling import attested, key, lexicon, respell
from models.domain import Page, PageMethod, Word
from models.understanding import DocView

TRUTH = Path(__file__).resolve().parents[2] / "samples" / "truth"


def test_the_lexicon_holds_words_and_place_names() -> None:
    lex = lexicon()
    assert len(lex.words) > 50_000
    for word in ("dự án", "nhân dân", "tiểu học", "y tế", "chi phí", "quyết thắng", "thanh hóa"):
        assert key(word.split()) in lex.words, word
    assert key(["được"]) in lex.syllables and key(["irung"]) not in lex.syllables


def test_one_key_wherever_the_tone_sits() -> None:
    assert key(["Ủy", "ban"]) == key(["uỷ", "ban"])
    assert key(["dư"]) != key(["dự"]) and key(["da"]) != key(["đa"])


@pytest.mark.parametrize(("ocr", "right"), [
    ("Thạc sĩ V học", "Thạc sĩ Y học"),  # V for Y
    ("V tế – chăm sóc sức khỏe bà mẹ, trẻ em", "Y tế – chăm sóc sức khỏe bà mẹ, trẻ em"),
    ("Phòng Tàichính—- Kế hoạch", "Phòng Tài chính – Kế hoạch"),  # glued, dashes doubled
    ("Công chức Tưpháp- Hộ tịch", "Công chức Tư pháp – Hộ tịch"),
    ("Trạm Vtếxã Quyết Thắng", "Trạm Y tế xã Quyết Thắng"),  # three syllables glued
    ("Trạmn Y tế xã", "Trạm Y tế xã"),  # a stray letter
    ("Kĩ Isư Kinh tế xây dựng", "Kĩ sư Kinh tế xây dựng"),  # a rule read as "I"
])
def test_what_is_no_syllable_is_read_on_the_lexicon_alone(ocr: str, right: str) -> None:
    assert respell(ocr) == right


@pytest.mark.parametrize(("ocr", "right", "elsewhere"), [
    ("Ban Quản lý dư án đầu tư", "Ban Quản lý dự án đầu tư", "Ban Quản lý dự án đầu tư huyện"),
    ("Ủy ban nhân dần xã Đồng Tâm", "Ủy ban nhân dân xã Đồng Tâm", "ỦY BAN NHÂN DÂN XÃ ĐỒNG TÂM"),
    ("Trường Tiếu học Tân Lập", "Trường Tiểu học Tân Lập", "tại Trường Tiểu học Tân Lập"),
    ("Trường THCS Quyết Thăng", "Trường THCS Quyết Thắng", "Trường THCS Quyết Thắng, năm học"),
    ("quản lý chỉ phí đầu tư", "quản lý chi phí đầu tư", "công tác quản lý chi phí đầu tư"),
    ("Tổ trưởng chuyền môn", "Tổ trưởng chuyên môn", "Tổ trưởng chuyên môn"),
    # no syllable, but spelt as the rules allow ("Irung" might be a loanword): evidence too
    ("Irung tâm Dịch vụ nông nghiệp", "Trung tâm Dịch vụ nông nghiệp", "Trung tâm Dịch vụ"),
    ("Gử nhân Sư phạm Vật lý", "Cử nhân Sư phạm Vật lý", "Cử nhân Sư phạm Toán"),
])
def test_a_real_syllable_changes_only_into_a_word_the_dossier_spells(
        ocr: str, right: str, elsewhere: str) -> None:
    """With the words beside it: "chuyển khoa" is no "chuyên khoa" because the dossier
    spells "Bác sĩ chuyên khoa" elsewhere."""
    assert respell(ocr) == ocr  # "dư", "dần", "Tiếu" are syllables: the lexicon alone is not enough
    assert respell(ocr, attested([ocr], [elsewhere.split(",")[0][:3]])) == ocr  # nothing like it
    assert respell(ocr, attested([ocr], [elsewhere])) == right  # typed elsewhere: twice the weight
    assert respell(ocr, attested([ocr, elsewhere])) == right  # scanned elsewhere too: as often
    assert respell(ocr, attested([ocr] * 3, [elsewhere])) == ocr  # spelt as read more often


def test_two_words_equally_close_leave_the_text_as_it_is() -> None:
    seen = attested([], ["tỉnh Thanh Hóa", "phường Thanh Hòa"])
    assert respell("thanh hoa", seen) == "thanh hoa"


def test_the_words_beside_must_agree() -> None:
    seen = attested([], ["Bác sĩ chuyên khoa cấp I", "chuyên khoa Nhi"])
    assert respell("bàn giao người bệnh khi chuyển khoa", seen) == "bàn giao người bệnh khi chuyển khoa"
    seen = attested([], ["khi chuyên khoa được"])  # the same words either side: evidence
    assert respell("khi chuyển khoa được", seen) == "khi chuyên khoa được"


@pytest.mark.parametrize("text", [
    "VIII. KẾT LUẬN", "Trường THCS Quyết Thắng", "Bác sĩ chuyên khoa cấp I Nhi khoa",
    "Những thông tin cần được bảo mật (nếu có): Không có.", "Ngày tháng năm sinh",
    "Sở Giáo dục và Đào tạo tỉnh Thanh Hóa", "Nguyễn Văn A", "HĐND xã 2024, 15%",
])
def test_exact_text_is_left_alone(text: str) -> None:
    assert respell(text, attested([text], [text, "nam sinh", "đước"])) == text


def test_the_samples_exact_texts_pass_unchanged() -> None:
    """Every line of the 13 sample dossiers' true texts, with the dossier's own words as the
    evidence: nothing a correct text says may be "corrected"."""
    changed, lines = [], 0
    for path in sorted(TRUTH.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        texts = [p["text"] for f in truth["files"] for p in f["pages"]]
        seen = attested([], texts)
        for text in texts:
            for line in filter(str.strip, text.splitlines()):
                lines += 1
                if respell(line, seen) != " ".join(line.split()):
                    changed.append((path.name, line, respell(line, seen)))
    assert lines > 1000
    assert changed == []


def _doc(file: str, kind: str, text: str, method: PageMethod) -> DocView:
    return DocView(file, kind, (Page(1, text, method),))


REQUEST = ("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN\nKính gửi: Hội đồng sáng kiến huyện Yên Lập\n"
           "- Lĩnh vực áp dụng sáng kiến: V tế – quản lý chất lượng khám, chữa bệnh.\n"
           "- Chủ đầu tư tạo ra sáng kiến: Ban Quản lý dư án đầu tư xây dựng huyện Yên Lập.\n")


def test_fields_read_by_ocr_are_respelled_and_exact_ones_are_not() -> None:
    scan = _doc("don.jpg", "don_yeu_cau", REQUEST, PageMethod.OCR)
    description = _doc("mo-ta.docx", "mo_ta", "BÁO CÁO MÔ TẢ SÁNG KIẾN\nBan Quản lý dự án đầu "
                       "tư xây dựng huyện Yên Lập là chủ đầu tư.\n", PageMethod.WORD)
    f = extract_fields([scan, description])
    assert f.field == "Y tế – quản lý chất lượng khám, chữa bệnh."
    assert f.investor == "Ban Quản lý dự án đầu tư xây dựng huyện Yên Lập."
    typed = extract_fields([_doc("don.docx", "don_yeu_cau", REQUEST, PageMethod.WORD), description])
    assert typed.field == "V tế – quản lý chất lượng khám, chữa bệnh."  # exact text: as typed
    assert typed.investor == "Ban Quản lý dư án đầu tư xây dựng huyện Yên Lập."


def _word(text: str, confidence: int | None) -> Word:
    return Word(text, 0, 0, 10, 10, 0, confidence)


def test_a_syllable_ocr_was_unsure_of_changes_on_the_lexicon_alone() -> None:
    value = "Cao đằng Điều dưỡng"
    unsure = attested([value], [], [_word("Cao", 96), _word("đằng", 75), _word("Điều", 95)])
    assert respell(value, unsure) == "Cao đẳng Điều dưỡng"
    sure = attested([value], [], [_word("Cao", 96), _word("đằng", 96), _word("Điều", 95)])
    assert respell(value, sure) == value
    # read surely elsewhere in the dossier, or typed in it: no guess
    elsewhere = attested([value, "đằng sau"], [], [_word("đằng", 75), _word("đằng", 95)])
    assert respell(value, elsewhere) == value
    typed = attested([value], ["Đằng sau"], [_word("đằng", 75)])
    assert respell(value, typed) == value


def test_unsure_here_is_a_guess_though_sure_elsewhere() -> None:
    """OCR's confidence belongs to one reading: "Cao đằng" read unsure in the table is a guess
    even if "đằng" was read surely in another line."""
    value = "Cao đằng Điều dưỡng"
    words = [_word("Cao", 96), _word("đằng", 75), _word("15", 96), _word("nói", 95), _word("đằng", 96)]
    assert respell(value, attested([value], [], words)) == "Cao đẳng Điều dưỡng"
    words = [_word("Cao", 96), _word("đằng", 96), _word("nói", 95), _word("đằng", 75)]
    assert respell(value, attested([value], [], words)) == value


def test_unsure_but_written_so_elsewhere_is_no_guess() -> None:
    value = "bằng bảng tính mẫu"  # "bằng bẵng" is in the word list, "bảng tính" is not
    words = [_word("bằng", 96), _word("bảng", 70), _word("tính", 95)]
    assert respell(value, attested([value], ["Bảng tính dự toán mẫu"], words)) == value
    assert respell(value, attested([value], [], words)) == "bằng bẵng tính mẫu"  # the risk it guards


@pytest.mark.parametrize("garbled", ["THCSP", "THƠCS", "THCGCS"])
def test_a_garbled_acronym_takes_the_one_the_dossier_writes_between_the_same_words(garbled: str) -> None:
    value = f"tại Trường {garbled} Yên Phú."
    seen = attested([value], ["Trường THCS Yên Phú", "học sinh THCS"])
    assert respell(value, seen) == "tại Trường THCS Yên Phú."
    assert respell(value, attested([value], ["học sinh THCS"])) == value  # not beside these words
    assert respell("tại Trường THCS Yên Phú.", seen) == "tại Trường THCS Yên Phú."


def test_a_real_acronym_is_not_taken_for_a_slip_of_another() -> None:
    seen = attested(["Trường THCS Yên Phú"], ["Trường THPT Yên Phú", "Trường THPT chuyên"])
    assert respell("Trường THCS Yên Phú", seen) == "Trường THCS Yên Phú"


def test_tesseracts_eth_is_the_vietnamese_d() -> None:
    assert respell("Bệnh viện Ðakhoa huyện Cẩm Khê") == "Bệnh viện Đa khoa huyện Cẩm Khê"
