"""The sample archive: four initiatives "recognised in earlier years", for the duplicate check.

    python -m samples.generate    writes them too: samples/archive/<entry>/ban-mo-ta.docx and
                                  samples/archive/danh-sach.csv (the council's records)

``make run`` imports this archive (``hoso import-archive``) before ingesting the sample
dossiers, so the run shows duplicate warnings, and one near miss that must not warn:

- ``2021-cao-loc-nha-luoi``: the description of khuyen-nong-cao-loc-ca-chua under another
  title, unit and year; that sample (whose pages 2–3 are scans) must warn of it.
- ``2020-muong-dong-ma-qr``: the description of the stack scan as a Word file; the scanned
  xa-muong-dong-ho-so-sang-kien-scan.pdf must warn of it (a scan of an archived Word file).
- ``2022-cop-pha-cong-thoat-nuoc``: a new description into which the "Nội dung" section of
  lac-son-coppha-nhua was lifted; that sample must warn of it (one section).
- ``2023-toan-thuc-te-lop-11``: a new description under a near-identical title to
  thpt-hoa-binh-toan-thuc-te; that sample must **not** warn of it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

from samples import docx_out
from samples.content._kit import SIGN, H, L, P, T
from samples.texts import Item, Para, dossier

CSV_NAME = "danh-sach.csv"


@dataclass(frozen=True)
class ArchiveSample:
    folder: str
    title: str
    year: int
    unit: str
    decision: str
    items: tuple[Item, ...]
    concerns: str  # the sample dossier it is compared with
    duplicate: bool  # whether that sample must be warned of it


def _retitled(name: str, new_title: str) -> tuple[Item, ...]:
    d = dossier(name)
    old = d.request.title
    return tuple(replace(it, text=it.text.replace(old, new_title))
                 if isinstance(it, Para) and old in it.text else it
                 for it in d.document("mo_ta").items)


def _section(name: str, key: str) -> tuple[Item, ...]:
    """The body paragraphs of one keyed section of a sample's description."""
    items = dossier(name).document("mo_ta").items
    start = next(i for i, it in enumerate(items) if isinstance(it, Para) and it.key == key)
    out = []
    for it in items[start + 1:]:
        if isinstance(it, Para) and it.style in ("heading", "title") or getattr(it, "key", None):
            break
        out.append(it)
    return tuple(out)


CONG_TITLE = ("Giải pháp dùng ván khuôn thép định hình cho cống hộp thoát nước trên các tuyến "
              "đường giao thông nông thôn huyện Kim Bôi")
COPPHA = (
    T("BÁO CÁO MÔ TẢ SÁNG KIẾN"),
    L("1. Tên sáng kiến", f"{CONG_TITLE}.", "ten_sang_kien"),
    L("2. Lĩnh vực áp dụng", "Xây dựng – giao thông nông thôn.", "linh_vuc"),
    H("3. Mô tả sáng kiến"),
    H("a) Khái quát tình hình trước khi có sáng kiến", "thuc_trang"),
    *P("Mỗi năm huyện làm mới khoảng 60 cống hộp nhỏ trên các tuyến đường xã, phần lớn do tổ "
       "đội của thôn tự thi công. Ván khuôn ghép bằng gỗ tạp nên thành cống thường bị phình, "
       "mạch nối giữa các đốt cống không kín, mùa mưa nước xói làm sụt nền đường hai đầu cống.",
       "Kiểm tra 14 cống làm năm 2021 cho thấy 6 cống phải sửa chữa sau mùa mưa đầu tiên, chi "
       "phí sửa chữa bình quân 9 triệu đồng mỗi cống, chưa kể thời gian tắc đường."),
    H("b) Nội dung sáng kiến", "noi_dung"),
    *_section("lac-son-coppha-nhua", "noi_dung"),
    H("c) Hiệu quả", "ket_qua"),
    *P("Áp dụng cho 18 cống hộp năm 2022: không cống nào phải sửa chữa sau mùa mưa; thời gian "
       "thi công một cống giảm từ 9 ngày xuống 6 ngày; bộ ván khuôn thép được ba xã dùng luân "
       "phiên, tiết kiệm khoảng 140 triệu đồng trong năm đầu."),
    *SIGN("Kim Bôi, ngày 12 tháng 9 năm 2022", "Tác giả", "Quách Văn Thịnh"),
)

TOAN_TITLE = ("Một số biện pháp rèn luyện kỹ năng giải bài toán thực tế cho học sinh lớp 11 "
              "thông qua chủ đề cấp số cộng và cấp số nhân")
TOAN = (
    T("SÁNG KIẾN KINH NGHIỆM"),
    L("Tên sáng kiến", TOAN_TITLE, "ten_sang_kien"),
    H("1. Lý do chọn đề tài", "ly_do"),
    *P("Chương trình Toán 11 mới yêu cầu học sinh vận dụng cấp số cộng, cấp số nhân vào các "
       "tình huống như lãi suất tiết kiệm, tăng dân số hay khấu hao máy móc, nhưng sách giáo "
       "khoa chỉ có ít bài tập loại này và học sinh vùng cao chưa quen đọc các tình huống tài "
       "chính.",
       "Khảo sát đầu năm ở hai lớp 11 cho thấy chỉ 18% học sinh lập được công thức số hạng tổng "
       "quát từ một bài toán có lời, phần đông các em dừng lại ở việc tính vài số hạng đầu."),
    H("2. Các biện pháp thực hiện", "noi_dung"),
    *P("Tôi sưu tầm các tình huống từ chính địa phương: số tiền gửi tiết kiệm của hội phụ nữ "
       "xã, số đàn gà của một gia đình nhân lên sau mỗi lứa, giá trị chiếc máy cày giảm dần "
       "qua từng năm; mỗi tình huống có bảng số liệu để học sinh tự tìm quy luật.",
       "Trong tiết học, học sinh làm việc theo nhóm bốn người, điền bảng tính trên giấy rồi "
       "kiểm tra lại bằng bảng tính điện tử trên máy chiếu; nhóm nào tìm ra công thức sớm sẽ "
       "trình bày và trả lời câu hỏi phản biện của các nhóm khác.",
       "Cuối mỗi chủ đề, học sinh viết một đoạn ngắn giải thích ý nghĩa của công bội hoặc công "
       "sai trong tình huống đã học, giáo viên chấm theo thang ba mức và phản hồi trong tuần."),
    H("3. Hiệu quả của sáng kiến", "ket_qua"),
    *P("Sau một học kỳ, 64% học sinh hai lớp thực nghiệm lập đúng công thức số hạng tổng quát "
       "từ bài toán có lời, so với 31% ở hai lớp đối chứng; nhiều em chủ động tính lãi tiết "
       "kiệm giúp gia đình."),
    *SIGN("Mai Châu, ngày 20 tháng 4 năm 2023", "Người viết", "Hà Thị Ngọc Ánh"),
)

QR_TITLE = ("Tra cứu tình trạng hồ sơ thủ tục hành chính bằng mã QR tại Bộ phận một cửa xã "
            "Mường Động")


def entries() -> tuple[ArchiveSample, ...]:
    nha_luoi = ("Nhà lưới khung tre trồng cà chua trái vụ cho nông hộ vùng núi huyện Cao Lộc")
    return (
        ArchiveSample("2021-cao-loc-nha-luoi", nha_luoi, 2021, "Trạm Khuyến nông huyện Cao Lộc",
                      "45/QĐ-HĐSK", _retitled("khuyen-nong-cao-loc-ca-chua", nha_luoi),
                      "khuyen-nong-cao-loc-ca-chua", True),
        ArchiveSample("2020-muong-dong-ma-qr", QR_TITLE, 2020, "UBND xã Mường Động",
                      "112/QĐ-UBND", _retitled("xa-muong-dong-ma-qr-mot-cua", QR_TITLE),
                      "xa-muong-dong-ma-qr-mot-cua", True),
        ArchiveSample("2022-cop-pha-cong-thoat-nuoc", CONG_TITLE, 2022,
                      "Phòng Kinh tế và Hạ tầng huyện Kim Bôi", "87/QĐ-HĐSK", COPPHA,
                      "lac-son-coppha-nhua", True),
        ArchiveSample("2023-toan-thuc-te-lop-11", TOAN_TITLE, 2023, "Trường THPT Mai Châu",
                      "30/QĐ-SGDĐT", TOAN, "thpt-hoa-binh-toan-thuc-te", False),
    )


def write(out: Path) -> Path:
    """Write the archive under ``out`` (one folder per entry, plus the CSV); return ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    rows = io.StringIO()
    w = csv.writer(rows, lineterminator="\n")
    w.writerow(["path", "title", "year", "unit", "status", "decision"])
    for e in entries():
        folder = out / e.folder
        folder.mkdir(exist_ok=True)
        docx_out.write_docx(folder / "ban-mo-ta.docx", e.items, docx_out.docx_pages(e.items),
                            title=e.title)
        w.writerow([e.folder, e.title, e.year, e.unit, "Đã công nhận", e.decision])
    (out / CSV_NAME).write_text(rows.getvalue(), encoding="utf-8")
    return out
