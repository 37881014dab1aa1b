"""Field extraction on the 13 sample dossiers' page texts and on small texts built here."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from extract.fields import extract_fields
from extract.nlp import find_labels, nlp
from models.domain import Page, PageMethod
from models.understanding import DocView, Fields
from samples.files import decisions_of
from samples.forms import request_form
from samples.layout import layout_items
from samples.texts import Author, all_dossiers, dossier

TRUTH = Path(__file__).resolve().parents[2] / "samples" / "truth"


def _views(truth: dict) -> list[DocView]:
    """The dossier's documents as DocViews: a file, or a page range of a stack scan."""
    out = []
    for f in truth["files"]:
        pages = [Page(p["number"], p["text"], PageMethod.OCR) for p in f["pages"]]
        whole = [{"kind": f["kind"], "first_page": 1, "last_page": len(pages)}] if pages else []
        for part in f.get("documents") or whole:
            span = pages[part["first_page"] - 1:part["last_page"]]
            out.append(DocView(f["path"], part["kind"], tuple(span)))
    return out


def _doc(text: str, kind: str = "don_yeu_cau", file: str = "don.pdf") -> DocView:
    pages = text.split("\f")
    return DocView(file, kind, tuple(Page(n, t, PageMethod.OCR) for n, t in enumerate(pages, 1)))


def _norm(s: str | None) -> str | None:
    return " ".join(s.split()) if s else s


# ---------------------------------------------------------------------------- sample dossiers


def _sample_scores() -> tuple[dict[str, list[bool]], list[str]]:
    facts = {d.name: d for d in all_dossiers()}
    score: dict[str, list[bool]] = {}
    misses: list[str] = []

    def mark(field: str, got: object, want: object, where: str) -> None:
        score.setdefault(field, []).append(got == want)
        if got != want:
            misses.append(f"{where} {field}: {got!r} != {want!r}")

    for path in sorted(TRUTH.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        want = truth["fields"]
        if want is None:  # the "broken" dossier
            continue
        name = truth["dossier"]
        got: Fields = extract_fields(_views(truth))
        mark("title", _norm(got.title), _norm(want["title"]), name)
        if got.description_title is not None:
            mark("description_title", _norm(got.description_title), _norm(want["title"]), name)
        mark("author_count", len(got.authors), len(want["authors"]), name)
        for a, w in zip(got.authors, want["authors"]):
            mark("author_name", a.name, w["name"], name)
            mark("author_birth_date", a.birth_date, date.fromisoformat(w["birth_date"]), name)
            mark("author_share", a.share_percent, float(w["share_percent"]), name)
            mark("author_unit", a.unit, w["unit"], name)
            mark("author_position", a.position, w["position"], name)
            mark("author_qualification", a.qualification, w["qualification"], name)
        mark("unit", got.unit, want["authors"][0]["unit"], name)
        mark("addressee", got.addressee, facts[name].request.addressee, name)  # type: ignore[union-attr]
        mark("field", got.field, want["field"], name)
        mark("first_applied", got.first_applied, date.fromisoformat(want["first_applied"]), name)
        mark("investor", got.investor, want["investor"], name)
        mark("confidential", got.confidential, want["confidential"], name)
        mark("year", got.year, want["year"], name)
        mark("submitted", got.submitted, date.fromisoformat(want["signed"]), name)
        decisions = [{"number": d.number, "date": d.date.isoformat() if d.date else None}
                     for d in got.decisions]
        mark("decisions", decisions, decisions_of(facts[name]), name)
        signers = [s for s in got.signatures if s.document == "don_yeu_cau"]
        mark("request_signed", bool(signers) and signers[-1].signer is not None, True, name)
    return score, misses


def test_sample_dossiers_every_field() -> None:
    score, misses = _sample_scores()
    assert len(score["title"]) == 13
    exact = ("title", "description_title", "author_count", "author_name", "author_birth_date",
             "author_share", "author_unit", "unit", "addressee", "field", "first_applied", "investor",
             "confidential", "year", "submitted", "decisions", "request_signed")
    accuracy = {f: sum(v) / len(v) for f, v in score.items()}
    assert all(accuracy[f] == 1.0 for f in exact), misses
    assert accuracy["author_position"] >= 0.9 and accuracy["author_qualification"] >= 0.9, misses


def test_sample_where_points_at_the_page_read() -> None:
    truth = json.loads((TRUTH / "ttyt-tan-lac-ban-giao-sbar.json").read_text(encoding="utf-8"))
    got = extract_fields(_views(truth))
    assert (got.where["title"].file, got.where["title"].page) == ("01-don-yeu-cau.pdf", 1)
    assert (got.where["confidential"].page, got.where["submitted"].page) == (1, 2)
    assert got.where["decisions"].file == "02-bao-cao-mo-ta.pdf"
    kinds = {s.document: s for s in got.signatures}
    assert kinds["xac_nhan"].signer == "Đinh Công Thành" and kinds["xac_nhan"].date == date(2024, 3, 18)
    assert got.description_authors == ("Hoàng Văn Tuấn", "Quách Thị Lan", "Xa Văn Hùng")


# ---------------------------------------------------------------------------- tables drawn anew

NEW_AUTHORS = (
    (Author("Lò Thị Hồng Nhung", date(1990, 2, 14), "Trường Phổ thông Dân tộc Nội trú huyện Mai Châu",
            "Phó Hiệu trưởng", "Thạc sĩ Quản lý giáo dục", 60),
     Author("Hà Văn Tâm", date(1985, 11, 30), "Trường Phổ thông Dân tộc Nội trú huyện Mai Châu",
            "Tổ trưởng chuyên môn", "Cử nhân Sư phạm Ngữ văn", 40)),
    (Author("Nguyễn Thị Minh Nguyệt", date(1979, 1, 5), "Bệnh viện Đa khoa tỉnh Hoà Bình",
            "Trưởng khoa Hồi sức tích cực", "Bác sĩ chuyên khoa cấp II Hồi sức cấp cứu", 50),
     Author("Đặng Quốc Bảo", date(1988, 7, 21), "Bệnh viện Đa khoa tỉnh Hoà Bình", "Điều dưỡng viên",
            "Cử nhân Điều dưỡng", 30),
     Author("Vi Văn Sáng", date(1992, 3, 3), "Phòng Kế hoạch tổng hợp, Bệnh viện Đa khoa tỉnh Hoà Bình",
            "Chuyên viên", "Kỹ sư Công nghệ thông tin", 20)),
)


@pytest.mark.parametrize("authors", NEW_AUTHORS, ids=["school", "hospital"])
@pytest.mark.parametrize("dpi", [72, 300])
def test_wrapped_authors_table_of_a_form_drawn_anew(authors: tuple[Author, ...], dpi: int) -> None:
    """The sample form laid out with other authors: cells wrap differently than in any sample."""
    req = replace(dossier("khuyen-nong-cao-loc-ca-chua").request, authors=authors)  # type: ignore[arg-type]
    laid = layout_items(request_form(req).items, dpi=dpi)
    text = "\f".join(p.text for p in laid.pages)
    assert any(a.unit not in text.replace("\n", " ") for a in authors)  # some cell did wrap
    got = extract_fields([_doc(text)]).authors
    assert [(a.name, a.birth_date, a.unit, a.position, a.qualification, a.share_percent) for a in got] == \
        [(a.name, a.birth_date, a.unit, a.position, a.qualification, float(a.share)) for a in authors]


# ---------------------------------------------------------------------------- hand-built texts

FORM = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN
{addressee}
Tôi:
Số TT | Họ và tên | Ngày tháng năm sinh | Nơi công tác | Chức danh | Trình độ chuyên môn | Tỷ lệ (%)
1 | Nguyễn Văn An | 03/08/1980 | Trường THCS Hợp Thành | Giáo viên | Cử nhân Toán | 100
Là tác giả đề nghị xét công nhận sáng kiến: Dạy học hình học bằng
giấy gấp cho học sinh lớp 6.
{body}
Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực.
{signing}
Người nộp đơn
(Ký và ghi rõ họ tên)
Nguyễn Văn An"""


def _form(addressee: str = "Kính gửi: Hội đồng sáng kiến huyện Kỳ Sơn", body: str = "",
          signing: str = "Kỳ Sơn, ngày 10 tháng 4 năm 2021") -> DocView:
    return _doc(FORM.format(addressee=addressee, body=body, signing=signing))


def test_request_labels_survive_ocr_slips() -> None:
    body = ("- Chu dau tư tạo ra sáng kiến4: Phòng Giáo dục huyện Kỳ Sơn\n"
            "- Linh vục áp dụng sáng kiến5: Giáo dục trung học\ncơ sở.\n"
            "- Ngay sáng kiên được áp dụng lần đầu hoặc áp dụng thử: 05/9/2020.\n"
            "- Những thông tin cần được bảo mật (nếu có): Không.")
    got = extract_fields([_form("Kính gửl1: Hội đồng sáng kiến huyện Kỳ Sơn", body)])
    assert got.addressee == "Hội đồng sáng kiến huyện Kỳ Sơn"
    assert got.investor == "Phòng Giáo dục huyện Kỳ Sơn"
    assert got.field == "Giáo dục trung học cơ sở."
    assert got.first_applied == date(2020, 9, 5)
    assert got.confidential is None and "confidential" not in got.where
    assert got.title == "Dạy học hình học bằng giấy gấp cho học sinh lớp 6"
    assert (got.submitted, got.year) == (date(2021, 4, 10), 2021)


@pytest.mark.parametrize("written", ["03/8/2020", "03-08-2020", "ngày 03 tháng 8 năm 2020",
                                     "ngay 03 thang 8 nam 2020"])
def test_first_applied_in_every_date_form(written: str) -> None:
    body = f"- Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử: {written}."
    assert extract_fields([_form(body=body)]).first_applied == date(2020, 8, 3)


def test_request_without_a_date_line() -> None:
    got = extract_fields([_form(signing="")])
    (sig,) = got.signatures
    assert (sig.date, sig.signer, sig.document) == (None, "Nguyễn Văn An", "don_yeu_cau")
    assert got.submitted is None and got.year is None


def test_confidential_text_is_kept_over_two_pages() -> None:
    body = "- Những thông tin cần được bảo mật (nếu có): Mã nguồn phần mềm và\f tài khoản quản trị."
    got = extract_fields([_form(body=body)])
    assert got.confidential == "Mã nguồn phần mềm và tài khoản quản trị."
    assert got.where["confidential"].page == 1


def test_glued_row_with_share_written_50_space_percent() -> None:
    text = ("Kính gửi: Hội đồng sáng kiến tỉnh Hoà Bình\nChúng tôi:\n"
            "Số TT Họ và tên Ngày sinh Nơi công tác Chức danh Trình độ chuyên môn Tỷ lệ (%)\n"
            "1 Lê Văn Bình 03-08-1980 Trường THCS Tân Lạc Giáo viên Cử nhân Toán 50 %\n"
            "2 Trần Thị Mai 15.01.1990 Trường THCS Tân Lạc Tổng phụ trách Cao đẳng Sư phạm 50 %\n"
            "Là nhóm tác giả đề nghị xét công nhận sáng kiến: “Trò chơi học toán”.")
    got = extract_fields([_doc(text)])
    unit = "Trường THCS Tân Lạc"
    assert [(a.name, a.birth_date, a.unit, a.position, a.qualification, a.share_percent)
            for a in got.authors] == [
        ("Lê Văn Bình", date(1980, 8, 3), unit, "Giáo viên", "Cử nhân Toán", 50.0),
        ("Trần Thị Mai", date(1990, 1, 15), unit, "Tổng phụ trách", "Cao đẳng Sư phạm", 50.0)]
    assert got.unit == "Trường THCS Tân Lạc" and got.title == "Trò chơi học toán"


def test_only_recognition_decisions_are_cited() -> None:
    text = ("BÁO CÁO MÔ TẢ SÁNG KIẾN\n1. Tên sáng kiến: Sổ tay điện tử.\n"
            "Căn cứ Quyết định số 5/QĐ-UBND ngày 01/02/2020 về việc thành lập Hội đồng sáng kiến;\n"
            "5. Hội đồng cơ sở đã xét công nhận: Quyết định số 12/QĐ-UBND ngày 03 tháng 8 năm 2020.")
    got = extract_fields([_doc(text, "mo_ta", "mo-ta.pdf")])
    assert [(d.number, d.date) for d in got.decisions] == [("12/QĐ-UBND", date(2020, 8, 3))]
    assert got.title == got.description_title == "Sổ tay điện tử"


def test_description_alone_gives_title_authors_and_year() -> None:
    text = ("TRƯỜNG TIỂU HỌC KIM ĐỒNG\nSÁNG KIẾN KINH NGHIỆM\nMột số trò chơi dạy\nchữ cho học sinh lớp 1\n"
            "Người thực hiện: Trần Thị Lan\nA. ĐẶT VẤN ĐỀ\nNội dung.\n"
            "6. Thời gian áp dụng: từ ngày 05/9/2022.\n"
            "Đà Bắc, ngày 02 tháng 4 năm 2023\nNgười viết\nTrần Thị Lan")
    got = extract_fields([_doc(text, "mo_ta", "skkn.pdf")])
    assert got.description_title == got.title == "Một số trò chơi dạy chữ cho học sinh lớp 1"
    assert got.description_authors == ("Trần Thị Lan",) and [a.name for a in got.authors] == ["Trần Thị Lan"]
    assert (got.first_applied, got.submitted, got.year) == (date(2022, 9, 5), None, 2023)


def test_two_signers_glued_from_two_columns() -> None:
    text = ("BIÊN BẢN\nHỌP XÉT CÔNG NHẬN SÁNG KIẾN\nHội đồng thống nhất.\n"
            "Mai Châu, ngày 25 tháng 7 năm 2024\nTHƯ KÝ CHỦ TỊCH HỘI ĐỒNG\nĐinh Thị Thoa Vì Văn Chiến")
    (sig,) = extract_fields([_doc(text, "bien_ban", "bb.pdf")]).signatures
    assert (sig.signer, sig.date) == ("Đinh Thị Thoa, Vì Văn Chiến", date(2024, 7, 25))


# ---------------------------------------------------------------------------- spaCy


def test_tokenizer_keeps_the_text_and_folds_the_norms() -> None:
    text = "Kính gửi1: Hội đồng\n  (60%)."
    doc = nlp()(text)
    assert doc.text == text and doc.lang_ == "vi"
    words = [t.text for t in doc if not t.is_space]
    assert words[:4] == ["Kính", "gửi", "1", ":"] and words[-5:] == ["(", "60", "%", ")", "."]
    assert [t.norm_ for t in doc[:2]] == ["kinh", "gui"]


def test_labels_match_folded_and_with_one_slip_but_not_loosely() -> None:
    text = "- LINH VUC AP DUNG SANG KIEN: Y tế\n- Lĩnh vục áp dụng: Y tế\nTôi là tác giả của bài báo"
    labels = [(lab.name, lab.line_start) for lab in find_labels(text)]
    assert labels[:2] == [("field", True), ("field", True)]
    assert ("authors", True) not in labels


def test_signature_beside_a_unit_confirmation_block_and_an_ocr_slip_in_the_signer() -> None:
    request = _doc("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN\nKính gửi: Hội đồng sáng kiến huyện\n"
                   "Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực.\n"
                   "Gio Linh, ngày 04 tháng 6 năm 2024\n\n"
                   "XÁC NHẬN CỦA ĐƠN VỊ Người nộp đơn\n(Ký tên, đóng dấu) (Ký và ghi rõ họ tên)\n"
                   "Vĩ Thanh Hoa\n\nMai Bích Giang")
    proof = _doc("GIẤY XÁC NHẬN\nSố: 112/XN-TTYT Tân Lạc, ngày 18 tháng 3 năm 2024\n"
                 "Xác nhận trên là đúng sự thật.\nGIÁM ĐỐC\n(Ký tên, đóng dấu)\nĐỉnh Công Thành",
                 kind="xac_nhan", file="xac-nhan.pdf")
    signed = {s.document: s for s in extract_fields([request, proof]).signatures}
    assert signed["don_yeu_cau"].date == date(2024, 6, 4)
    assert signed["don_yeu_cau"].signer == "Vĩ Thanh Hoa, Mai Bích Giang"
    assert (signed["xac_nhan"].date, signed["xac_nhan"].signer) == (date(2024, 3, 18),
                                                                    "Đỉnh Công Thành")


def test_a_blank_item_does_not_take_the_next_label_and_ocr_dashes_are_en_dashes() -> None:
    text = ("Kính gửi: Hội đồng sáng kiến huyện Đại Từ\n"
            "- Lĩnh vực áp dụng sáng kiến5:\n"
            "- Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử: 24/12/2017.\n"
            "- Chủ đầu tư tạo ra sáng kiến: Phòng Tài chính ~- Kế hoạch huyện Đại Từ\n"
            "- Mô tả bản chất của sáng kiến: Lập bảng tính.\n")
    desc = "BẢN MÔ TẢ SÁNG KIẾN\n1. Lĩnh vực áp dụng: Xây dựng = quản lý chi phí đầu tư.\n2. Mô tả: x\n"
    got = extract_fields([_doc(text), _doc(desc, "mo_ta", "mo_ta.pdf")])
    assert got.first_applied == date(2017, 12, 24)
    assert got.investor == "Phòng Tài chính – Kế hoạch huyện Đại Từ"
    assert got.field == "Xây dựng – quản lý chi phí đầu tư."
    assert got.where["field"].file == "mo_ta.pdf"



def test_a_title_and_names_read_twice_keep_the_reading_without_ocr() -> None:
    request = DocView("don.jpg", "don_yeu_cau", (Page(1, (
        "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN\nKính gửi: Hội đồng sáng kiến huyện Tân Lập\n"
        "Là tác giả đề nghị xét công nhận sáng kiến: “Sử dụng thí nghiệm ảo tại Trường "
        "Tiếu học Tân Lập”.\nTân Lập, ngày 10 tháng 8 năm 2024\nNgười nộp đơn\nTrân Bích Nga"),
        PageMethod.OCR),))
    description = DocView("mo-ta.docx", "mo_ta", (Page(1, (
        "BẢN MÔ TẢ SÁNG KIẾN\n1. Tên sáng kiến: Sử dụng thí nghiệm ảo tại Trường Tiểu học Tân "
        "Lập.\n2. Tác giả: Trần Bích Nga, giáo viên."), PageMethod.WORD),))
    f = extract_fields([request, description])
    assert f.title == "Sử dụng thí nghiệm ảo tại Trường Tiểu học Tân Lập"
    # read only by OCR: the request's own reading stays
    alone = extract_fields([request])
    assert alone.title == "Sử dụng thí nghiệm ảo tại Trường Tiếu học Tân Lập"


def test_a_labelled_value_read_twice_keeps_the_reading_without_ocr() -> None:
    request = DocView("don.jpg", "don_yeu_cau", (Page(1, (
        "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN\nKính gửi: Hội đồng sáng kiến huyện Yên Lập\n"
        "- Lĩnh vực áp dụng sáng kiến: Xây dựng – quản lý chỉ phí đầu tư.\n"),
        PageMethod.OCR),))
    description = DocView("mo-ta.docx", "mo_ta", (Page(1, (
        "BÁO CÁO MÔ TẢ SÁNG KIẾN\n3. Lĩnh vực áp dụng: Xây dựng – quản lý chi phí đầu tư.\n"),
        PageMethod.WORD),))
    f = extract_fields([request, description])
    assert f.field == "Xây dựng – quản lý chi phí đầu tư."
    assert f.where["field"].file == "mo-ta.docx"
    assert extract_fields([request]).field == "Xây dựng – quản lý chỉ phí đầu tư."
