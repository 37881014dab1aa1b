"""Health, administrative "BÁO CÁO MÔ TẢ SÁNG KIẾN" (profile bao-cao-mo-ta): request and
description as born-digital PDFs, proof of application scanned at 300 dpi with a red seal.
Three authors (50/30/20), footnote digits on the form labels, confidential information, an
investor other than the authors. Old district-level unit name. Complete."""

from samples.content._kit import SIGN, D, H, L, P, T
from samples.forms import proof, request_form
from samples.texts import (
    Author,
    Document,
    Dossier,
    FileSpec,
    FormStyle,
    Helper,
    Proof,
    Request,
    Scan,
)

UNIT = "Trung tâm Y tế huyện Tân Lạc"
AUTHORS = (
    Author("Hoàng Văn Tuấn", D(1979, 11, 2), UNIT, "Phó Giám đốc",
           "Bác sĩ chuyên khoa cấp I Nội khoa", 50),
    Author("Quách Thị Lan", D(1984, 6, 18), UNIT, "Điều dưỡng trưởng",
           "Cử nhân Điều dưỡng", 30),
    Author("Xa Văn Hùng", D(1993, 1, 27), UNIT, "Viên chức phụ trách công nghệ thông tin",
           "Kỹ sư Công nghệ thông tin", 20),
)
TITLE = ("Giải pháp chuẩn hóa bàn giao người bệnh giữa các khoa bằng phiếu SBAR điện tử tại "
         "Trung tâm Y tế huyện Tân Lạc")
CONFIDENTIAL = ("Mã nguồn biểu mẫu SBAR điện tử và tệp cấu hình kết nối với phần mềm quản lý "
                "bệnh viện (HIS) của Trung tâm, gồm địa chỉ máy chủ và tài khoản truy cập.")

REQUEST = Request(
    addressee="Hội đồng sáng kiến tỉnh Hoà Bình",
    authors=AUTHORS,
    title=TITLE,
    investor="Trung tâm Y tế huyện Tân Lạc (bố trí kinh phí mua máy tính bảng và cấu hình "
             "phần mềm).",
    field="Y tế – quản lý chất lượng bệnh viện và chăm sóc điều dưỡng.",
    first_applied=D(2023, 6, 1),
    essence=(
        ("Trước đây việc bàn giao người bệnh khi chuyển khoa được thực hiện bằng lời nói và ghi "
        "tay vào sổ, thông tin thường thiếu tiền sử dị ứng, thuốc đang dùng và các chỉ số cần "
        "theo dõi. Sáng kiến thiết kế phiếu bàn giao theo cấu trúc SBAR (Tình trạng – Bối cảnh – "
        "Đánh giá – Đề nghị) trên máy tính bảng, tự động lấy thông tin hành chính, chẩn đoán, "
        "thuốc và dấu hiệu sinh tồn gần nhất từ phần mềm HIS."),
        ("Điều dưỡng khoa chuyển chỉ bổ sung phần đánh giá và đề nghị; điều dưỡng khoa nhận đọc "
        "lại, xác nhận bằng chữ ký điện tử. Phiếu được lưu vào hồ sơ bệnh án, có thể tra cứu "
        "khi cần."),
    ),
    confidential=CONFIDENTIAL,
    conditions=("Có phần mềm HIS đang vận hành, mạng nội bộ không dây phủ các khoa lâm sàng, "
                "mỗi khoa ít nhất một máy tính bảng; điều dưỡng được tập huấn 02 buổi về SBAR."),
    benefit_author=(
        "Thời gian bàn giao trung bình giảm từ 11 phút xuống 6 phút mỗi lượt; tỷ lệ phiếu bàn "
        "giao thiếu thông tin quan trọng giảm từ 27% xuống 4%; không còn sự cố nhầm thuốc do "
        "bàn giao trong 9 tháng áp dụng. Tiết kiệm khoảng 18 triệu đồng tiền in sổ, phiếu mỗi "
        "năm."),
    benefit_org=(
        "Khoa Hồi sức cấp cứu, Khoa Nội và Khoa Ngoại đánh giá phiếu dễ sử dụng, giảm tranh "
        "cãi giữa các khoa khi có sai sót; Phòng Điều dưỡng dùng dữ liệu phiếu để giám sát chất"
        " lượng chăm sóc hằng tháng."),
    helpers=(
        Helper("Bùi Thị Hằng", D(1990, 8, 9), UNIT, "Điều dưỡng", "Cử nhân Điều dưỡng",
               "Áp dụng thử tại Khoa Hồi sức cấp cứu"),
        Helper("Đinh Văn Quân", D(1988, 3, 15), UNIT, "Điều dưỡng", "Cao đẳng Điều dưỡng",
               "Áp dụng thử tại Khoa Nội, tổng hợp số liệu"),
    ),
    place="Tân Lạc",
    signed=D(2024, 3, 20),
    style=FormStyle(agency=("SỞ Y TẾ TỈNH HOÀ BÌNH", "TRUNG TÂM Y TẾ HUYỆN TÂN LẠC"),
                    footnotes=True, unit_confirm=("XÁC NHẬN CỦA ĐƠN VỊ", "(Ký tên, đóng dấu)")),
)

NAMES = ", ".join(f"{a.name} – {a.position}, {a.qualification}" for a in AUTHORS)

DESCRIPTION = Document("mo_ta", (
    T("BÁO CÁO MÔ TẢ SÁNG KIẾN"),
    L("1. Tên sáng kiến", f"{TITLE}.", "ten_sang_kien"),
    L("2. Họ và tên tác giả, chức danh, trình độ chuyên môn", f"{NAMES}.", "tac_gia"),
    L("3. Lĩnh vực áp dụng", "Y tế – quản lý chất lượng bệnh viện và chăm sóc điều dưỡng.",
      "linh_vuc"),
    H("4. Mô tả sáng kiến"),
    H("a. Khái quát đặc điểm, tình hình trước khi có sáng kiến", "thuc_trang"),
    *P("Trung tâm Y tế huyện Tân Lạc có 180 giường bệnh kế hoạch, mỗi ngày trung bình 25 – 30 "
       "lượt người bệnh chuyển giữa Khoa Khám bệnh, Khoa Hồi sức cấp cứu và các khoa lâm sàng. "
       "Việc bàn giao người bệnh giữa các khoa được thực hiện chủ yếu bằng lời nói và ghi tay "
       "vào sổ bàn giao, không theo một cấu trúc thống nhất.",
       "Kết quả rà soát 300 lượt bàn giao trong quý I năm 2023 cho thấy 27% lượt bàn giao thiếu "
       "ít nhất một thông tin quan trọng như tiền sử dị ứng, thuốc đã dùng trong 6 giờ gần "
       "nhất hoặc chỉ số cần theo dõi; thời gian bàn giao trung bình 11 phút, kéo dài hơn vào "
       "ca đêm. Trong năm 2022 Trung tâm ghi nhận 03 sự cố liên quan đến bàn giao thiếu thông "
       "tin, trong đó 01 sự cố dùng lặp thuốc kháng sinh."),
    H("b. Nội dung sáng kiến", "noi_dung"),
    *P("Sáng kiến xây dựng phiếu bàn giao người bệnh điện tử theo cấu trúc SBAR, chạy trên "
       "máy tính bảng kết nối với phần mềm HIS. Giải pháp gồm các bước sau:",
       "Bước 1. Thiết kế nội dung phiếu: nhóm tác giả cùng điều dưỡng trưởng các khoa thống "
       "nhất 4 phần của phiếu và 22 trường thông tin bắt buộc, trong đó 15 trường được lấy tự "
       "động từ HIS (hành chính, chẩn đoán, y lệnh thuốc, dấu hiệu sinh tồn gần nhất, kết quả "
       "xét nghiệm bất thường).",
       "Bước 2. Lập trình biểu mẫu điện tử: biểu mẫu được xây dựng trên nền web, hiển thị tốt "
       "trên máy tính bảng; trường bắt buộc chưa nhập thì không cho gửi phiếu; phần “Đề nghị” "
       "có danh sách gợi ý theo từng nhóm bệnh thường gặp.",
       "Bước 3. Quy trình bàn giao: điều dưỡng khoa chuyển mở phiếu, kiểm tra thông tin tự "
       "động, bổ sung phần đánh giá, đề nghị rồi bàn giao trực tiếp tại giường bệnh; điều "
       "dưỡng khoa nhận đọc lại các nội dung chính và xác nhận bằng chữ ký điện tử.",
       "Bước 4. Giám sát: hằng tuần Phòng Điều dưỡng trích xuất danh sách phiếu, kiểm tra ngẫu "
       "nhiên 10% số phiếu và phản hồi cho các khoa."),
    *P("Bước 5. Đào tạo: tổ chức 02 buổi tập huấn cho 86 điều dưỡng, hộ sinh về kỹ năng "
       "giao tiếp theo SBAR và cách sử dụng biểu mẫu; mỗi khoa cử một điều dưỡng làm đầu "
       "mối hỗ trợ đồng nghiệp trong tháng đầu áp dụng."),
    H("Tính mới của sáng kiến", "tinh_moi"),
    *P("Trước sáng kiến, tại Trung tâm và các trung tâm y tế trong tỉnh chưa có quy trình bàn "
       "giao người bệnh theo cấu trúc SBAR, cũng chưa có phiếu bàn giao điện tử lấy dữ liệu tự "
       "động từ HIS. Sáng kiến kết hợp một công cụ truyền thông chuẩn hóa với dữ liệu sẵn có "
       "của bệnh án điện tử, nên điều dưỡng không phải ghi lại những thông tin đã có."),
    H("c. Hiệu quả và phạm vi áp dụng", "ket_qua"),
    *P("Sau 9 tháng áp dụng (tháng 6/2023 đến tháng 2/2024) tại 5 khoa lâm sàng với 6.214 lượt "
       "bàn giao, thời gian bàn giao trung bình còn 6 phút; tỷ lệ bàn giao thiếu thông tin "
       "quan trọng còn 4%; không xảy ra sự cố nào liên quan đến bàn giao."),
    L("- Hiệu quả kinh tế, xã hội", "Trung tâm không phải in sổ và phiếu bàn giao, tiết kiệm "
      "khoảng 18 triệu đồng mỗi năm; quan trọng hơn là giảm nguy cơ sai sót chuyên môn, tăng "
      "sự hài lòng của người bệnh và sự phối hợp giữa các khoa.", "loi_ich"),
    L("- Phạm vi áp dụng", "có thể áp dụng tại các trung tâm y tế và bệnh viện đang dùng phần "
      "mềm HIS có giao diện kết nối; với đơn vị chưa có HIS vẫn có thể dùng phiếu SBAR bản "
      "giấy theo mẫu kèm theo.", "kha_nang_ap_dung"),
    L("5. Hội đồng cơ sở đã xét công nhận", "Quyết định số 58/QĐ-TTYT ngày 05/3/2024 của Giám "
      "đốc Trung tâm Y tế huyện Tân Lạc về việc công nhận sáng kiến cấp cơ sở năm 2024."),
    L("6. Thời gian áp dụng", "từ ngày 01/6/2023 đến nay.", "ngay_ap_dung"),
    *P("Chúng tôi xin cam đoan nội dung báo cáo là đúng sự thật và không sao chép của người "
       "khác."),
    *SIGN("Tân Lạc, ngày 20 tháng 3 năm 2024", "Nhóm tác giả", *(a.name for a in AUTHORS)),
))

PROOF = Proof(
    agency=("SỞ Y TẾ TỈNH HOÀ BÌNH", "TRUNG TÂM Y TẾ HUYỆN TÂN LẠC"),
    number="112/XN-TTYT",
    place="Tân Lạc",
    signed=D(2024, 3, 18),
    confirmer="Trung tâm Y tế huyện Tân Lạc",
    applied_at="Khoa Hồi sức cấp cứu, Khoa Nội, Khoa Ngoại, Khoa Sản và Khoa Nhi của Trung tâm",
    since=D(2023, 6, 1),
    effect=(
        ("- Thời gian bàn giao người bệnh giữa các khoa giảm gần một nửa; thông tin bàn giao đầy "
        "đủ, thống nhất, tra cứu lại được."),
        ("- Không xảy ra sự cố chuyên môn liên quan đến bàn giao người bệnh trong thời gian áp "
        "dụng."),
    ),
    signer_title="GIÁM ĐỐC",
    signer="Đinh Công Thành",
)

DOSSIER = Dossier(
    name="ttyt-tan-lac-ban-giao-sbar",
    profile="bao-cao-mo-ta",
    sector="y tế",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION,
               proof(PROOF, TITLE, tuple(a.name for a in AUTHORS))),
    files=(
        FileSpec("01-don-yeu-cau.pdf", ("don_yeu_cau",), "born_digital_pdf"),
        FileSpec("02-bao-cao-mo-ta.pdf", ("mo_ta",), "born_digital_pdf"),
        FileSpec("03-giay-xac-nhan-ap-dung.pdf", ("xac_nhan",), "scanned_pdf",
                 scan=Scan(dpi=300, skew=1.2, noise=0.0015, blur=0.5, jpeg=72, stamp_pages=(1,),
                           color=True, seed=21)),
    ),
    purpose="Born-digital PDF text layer (two-column header glued on one line, ruled tables "
            "whose cells wrap); footnote digits on labels; confidential item; a scanned proof "
            "with a red seal at 300 dpi.",
    notes="Complete. The confidential text must never appear in other dossiers' duplicate "
          "passages or public search.",
)
