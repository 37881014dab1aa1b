"""The words of section headings: every section key's Vietnamese label and the heading
cues that find it (DOMAIN.md's key table and the request form's items). Data only; the
matching is in ``extract.sections``; a rule profile adds cues of its own.
"""

from __future__ import annotations

import re

from ingest.vietnamese import fold

# section key -> Vietnamese label (for "missing" lists and messages)
LABELS: dict[str, str] = {
    "muc_luc": "Mục lục",
    "tom_tat": "Tóm tắt sáng kiến",
    "viet_tat": "Danh mục từ viết tắt",
    "danh_muc_bang": "Danh mục bảng, biểu đồ",
    "ly_do": "Lý do chọn sáng kiến",
    "muc_tieu": "Mục tiêu của sáng kiến",
    "pham_vi": "Đối tượng, phạm vi của sáng kiến",
    "co_so_ly_luan": "Cơ sở lý luận, cơ sở thực tiễn",
    "thuc_trang": "Thực trạng trước khi có sáng kiến",
    "noi_dung": "Nội dung sáng kiến (các giải pháp)",
    "ket_qua": "Kết quả, hiệu quả đạt được",
    "danh_gia": "Thảo luận, đánh giá kết quả",
    "tinh_moi": "Tính mới của sáng kiến",
    "kha_nang_ap_dung": "Khả năng áp dụng của sáng kiến",
    "loi_ich": "Lợi ích thiết thực của sáng kiến",
    "ket_luan": "Kết luận, kiến nghị",
    "tai_lieu": "Tài liệu tham khảo",
    "phu_luc": "Phụ lục",
    "co_so": "Kính gửi (cơ sở được đề nghị)",
    "tac_gia": "Tác giả (họ tên, nơi công tác, tỷ lệ đóng góp)",
    "ten_sang_kien": "Tên sáng kiến",
    "chu_dau_tu": "Chủ đầu tư tạo ra sáng kiến",
    "linh_vuc": "Lĩnh vực áp dụng sáng kiến",
    "ngay_ap_dung": "Ngày áp dụng lần đầu hoặc áp dụng thử",
    "mo_ta_ban_chat": "Mô tả bản chất của sáng kiến",
    "bao_mat": "Thông tin cần được bảo mật",
    "dieu_kien": "Điều kiện cần thiết để áp dụng sáng kiến",
    "loi_ich_tac_gia": "Lợi ích thu được theo ý kiến của tác giả",
    "loi_ich_to_chuc": "Lợi ích thu được theo ý kiến của tổ chức, cá nhân áp dụng",
    "ap_dung_thu": "Danh sách người tham gia áp dụng thử, áp dụng lần đầu",
    "cam_doan": "Lời cam đoan của người nộp đơn",
}

# Flags after "|": w = the label is the cue and nothing more, followed by ":" unless numbered
# ("Tôi:", "Nhóm tác giả: …", but not the signature's "Nhóm tác giả"), n = only when numbered
# (or styled), i = the cue alone is the heading even without ":" ("Tôi xin cam đoan …"),
# c=KEY = the heading also covers KEY (its sub-heading of that key is part of it).

DESCRIPTION_CUES: dict[str, tuple[str, ...]] = {
    "muc_luc": ("Mục lục",),
    "tom_tat": ("Tóm tắt sáng kiến", "Tóm tắt"),
    "viet_tat": ("Danh mục từ viết tắt", "Danh mục các từ viết tắt", "Danh mục chữ viết tắt",
                 "Danh mục các chữ viết tắt", "Danh mục chữ cái viết tắt", "Danh mục viết tắt",
                 "Bảng chữ viết tắt", "Các từ viết tắt", "Từ viết tắt"),
    "danh_muc_bang": ("Danh mục bảng", "Danh mục các bảng", "Danh mục bảng biểu",
                      "Danh mục biểu đồ", "Danh mục hình"),
    "ly_do": ("Lí do chọn sáng kiến", "Lí do chọn đề tài", "Lí do", "Đặt vấn đề",
              "Sự cần thiết", "Tính cấp thiết"),
    "muc_tieu": ("Mục tiêu", "Mục đích nghiên cứu", "Mục đích"),
    "pham_vi": ("Phạm vi", "Đối tượng và phạm vi", "Đối tượng, phạm vi", "Giới hạn"),
    "co_so_ly_luan": ("Cơ sở lí luận", "Cơ sở thực tiễn", "Cơ sở khoa học", "Cơ sở pháp lí"),
    "thuc_trang": ("Thực trạng", "Khái quát đặc điểm, tình hình trước khi có sáng kiến",
                   "Tình hình trước khi có sáng kiến", "Tình trạng giải pháp đã biết"),
    "noi_dung": ("Nội dung và kết quả nghiên cứu|c=ket_qua",
                 "Nội dung và những kết quả nghiên cứu|c=ket_qua",
                 "Nội dung sáng kiến", "Nội dung", "Các giải pháp", "Các biện pháp",
                 "Biện pháp thực hiện", "Giải pháp thực hiện", "Bản chất của giải pháp",
                 "Giải quyết vấn đề"),
    "ket_qua": ("Kết quả đạt được", "Kết quả thực hiện", "Kết quả", "Hiệu quả của sáng kiến",
                "Hiệu quả"),
    "danh_gia": ("Thảo luận, đánh giá kết quả", "Thảo luận", "Đánh giá kết quả"),
    "tinh_moi": ("Tính mới", "Tính mới, tính sáng tạo", "Điểm mới"),
    "kha_nang_ap_dung": ("Khả năng áp dụng", "Phạm vi áp dụng", "Khả năng nhân rộng"),
    "loi_ich": ("Lợi ích", "Lợi ích thiết thực", "Hiệu quả kinh tế, xã hội", "Hiệu quả kinh tế",
                "Hiệu quả xã hội", "Số tiền làm lợi"),
    "ket_luan": ("Kết luận", "Kết luận, kiến nghị", "Kết luận và kiến nghị", "Kết luận, đề xuất",
                 "Bài học kinh nghiệm"),
    "tai_lieu": ("Tài liệu tham khảo",),
    "phu_luc": ("Phụ lục",),
    # the request's items as the "bao-cao-mo-ta" template numbers them
    "ten_sang_kien": ("Tên sáng kiến|n",),
    "tac_gia": ("Tác giả|w", "Nhóm tác giả|w", "Đồng tác giả|w", "Họ và tên tác giả|n",
                "Họ tên tác giả|n"),
    "linh_vuc": ("Lĩnh vực áp dụng|n", "Lĩnh vực|n"),
    "ngay_ap_dung": ("Thời gian áp dụng|n", "Ngày áp dụng|n",
                     "Ngày sáng kiến được áp dụng lần đầu|n"),
}

REQUEST_CUES: dict[str, tuple[str, ...]] = {
    "co_so": ("Kính gửi",),
    "tac_gia": ("Tôi|w", "Chúng tôi|w", "Tác giả|w", "Nhóm tác giả|w", "Họ và tên tác giả",
                "Tên tôi là|w"),
    # the form's sentence is unmistakable: a heading even when OCR moved its ":" away
    "ten_sang_kien": ("Là tác giả đề nghị xét công nhận sáng kiến|i",
                      "Là nhóm tác giả đề nghị xét công nhận sáng kiến|i",
                      "Là tác giả (nhóm tác giả) đề nghị xét công nhận sáng kiến|i",
                      "Là đồng tác giả đề nghị xét công nhận sáng kiến|i", "Tên sáng kiến"),
    "chu_dau_tu": ("Chủ đầu tư tạo ra sáng kiến", "Chủ đầu tư"),
    "linh_vuc": ("Lĩnh vực áp dụng sáng kiến", "Lĩnh vực áp dụng", "Lĩnh vực"),
    "ngay_ap_dung": ("Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử",
                     "Ngày sáng kiến được áp dụng lần đầu", "Ngày áp dụng lần đầu",
                     "Thời gian áp dụng"),
    "mo_ta_ban_chat": ("Mô tả bản chất của sáng kiến", "Mô tả bản chất"),
    "bao_mat": ("Những thông tin cần được bảo mật", "Thông tin cần được bảo mật",
                "Thông tin cần bảo mật"),
    "dieu_kien": ("Những điều kiện cần thiết để áp dụng sáng kiến",
                  "Điều kiện cần thiết để áp dụng sáng kiến", "Điều kiện áp dụng"),
    "loi_ich_tac_gia": ("Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng "
                        "kiến theo ý kiến của tác giả",
                        "Lợi ích thu được theo ý kiến của tác giả"),
    "loi_ich_to_chuc": ("Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng "
                        "kiến theo ý kiến của tổ chức, cá nhân đã tham gia áp dụng sáng kiến lần "
                        "đầu, kể cả áp dụng thử",
                        "Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng "
                        "kiến theo ý kiến của tổ chức, cá nhân",
                        "Lợi ích thu được theo ý kiến của tổ chức"),
    "ap_dung_thu": ("Danh sách những người đã tham gia áp dụng thử hoặc áp dụng sáng kiến lần "
                    "đầu", "Danh sách những người đã tham gia áp dụng",
                    "Danh sách người tham gia áp dụng"),
    "cam_doan": ("Tôi (chúng tôi) xin cam đoan|i", "Tôi xin cam đoan|i",
                 "Chúng tôi xin cam đoan|i"),
}

REQUEST_KEYS = frozenset(REQUEST_CUES)
DESCRIPTION_KEYS = frozenset(DESCRIPTION_CUES)
# words that may stand in a heading beside its cue ("… của sáng kiến", "… và …")
FILLER = frozenset(
    "cua sang kien va de tai thu duoc nghien cuu da nhung cac trong ve voi cho khi co thuc hien "
    "giai phap bien van neu nhom tac gia chuc danh trinh do chuyen mon".split())

# the request's authors table column titles, letters only (folded): three on one line make
# its header even when OCR glues or garbles some ("Hgvàtên", "Nơicôngtác(hoặc")
AUTHORS_TABLE_TITLES = ("hovaten", "ngay", "congtac", "chucdanh", "trinhdo", "tyle")


def letters(text: str) -> str:
    """Folded, lower case, letters only: what survives OCR gluing or splitting words."""
    return re.sub(r"[^a-z]", "", fold(text).lower())


def authors_table_header(line: str) -> bool:
    """The header row of the request's authors table (three of its column titles)."""
    compact = letters(line)
    return sum(w in compact for w in AUTHORS_TABLE_TITLES) >= 3
