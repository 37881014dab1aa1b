"""Administrative reform, profile bao-cao-mo-ta, filed as ONE loose scanned PDF holding the
request and the description (a stack scan): 200 dpi, skew up to 4.5°, noise, blur, JPEG,
seal on the request's signature page. A 2025 commune after the merger: new unit name,
old names in the text. "a)"-style labels and an unlabelled "c." section. Complete."""

from samples.content._kit import SIGN, D, H, L, P, T
from samples.forms import request_form
from samples.texts import Author, Document, Dossier, FileSpec, FormStyle, Request, Scan

UNIT = "Ủy ban nhân dân xã Mường Động, tỉnh Phú Thọ"
AUTHORS = (
    Author("Bùi Thị Ngọc Ánh", D(1991, 5, 23), "Văn phòng HĐND và UBND xã Mường Động",
           "Chuyên viên", "Cử nhân Luật", 100),
)
TITLE = ("Ứng dụng mã QR để người dân tự tra cứu tình trạng hồ sơ thủ tục hành chính tại Bộ "
         "phận Một cửa xã Mường Động")

REQUEST = Request(
    addressee="Hội đồng sáng kiến xã Mường Động",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Cải cách hành chính, chuyển đổi số trong giải quyết thủ tục hành chính.",
    first_applied=D(2024, 10, 7),
    essence=(
        ("Mỗi giấy tiếp nhận hồ sơ và hẹn trả kết quả được in kèm một mã QR dẫn tới trang tra "
        "cứu của Hệ thống thông tin giải quyết thủ tục hành chính; người dân dùng điện thoại "
        "quét mã để biết hồ sơ đang ở bước nào, ai đang xử lý và ngày trả kết quả dự kiến."),
        ("Tại Bộ phận Một cửa, một tấm bảng in mã QR theo từng lĩnh vực (hộ tịch, chứng thực, "
        "đất đai, chính sách xã hội) giúp người dân xem trước thành phần hồ sơ, mẫu đơn và lệ "
        "phí. Công chức được hướng dẫn cách in mã khi tiếp nhận và giải thích cho người dân "
        "lớn tuổi."),
    ),
    confidential=None,
    conditions=("Bộ phận Một cửa có máy in và kết nối Internet; hồ sơ được tiếp nhận trên Hệ "
                "thống thông tin giải quyết thủ tục hành chính của tỉnh; người dân có điện "
                "thoại thông minh hoặc được công chức hỗ trợ tra cứu."),
    benefit_author=(
        "Số cuộc gọi điện, lượt đến hỏi tình trạng hồ sơ giảm khoảng 60%; công chức Một cửa có "
        "thêm thời gian tiếp nhận và hướng dẫn; người dân không phải đi lại nhiều lần, nhất là "
        "các thôn xa trung tâm xã 15 – 20 km. Chi phí thực hiện gần như bằng không."),
    benefit_org=None,
    helpers=(),
    place="Mường Động",
    signed=D(2025, 9, 15),
    style=FormStyle(title="ĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN", motto="Độc lập – Tự do – Hạnh phúc",
                    date_style="slash", essence_inline=True),
)

DESCRIPTION = Document("mo_ta", (
    T("BÁO CÁO MÔ TẢ SÁNG KIẾN"),
    L("1. Tên sáng kiến", f"{TITLE}.", "ten_sang_kien"),
    L("2. Tác giả", "Bùi Thị Ngọc Ánh, chuyên viên Văn phòng HĐND và UBND xã Mường Động, trình "
      "độ Cử nhân Luật.", "tac_gia"),
    L("3. Lĩnh vực áp dụng", "Cải cách hành chính.", "linh_vuc"),
    H("4. Mô tả sáng kiến"),
    H("a) Khái quát đặc điểm, tình hình trước khi có sáng kiến", "thuc_trang"),
    *P("Xã Mường Động được thành lập từ ngày 01/7/2025 trên cơ sở sáp nhập thị trấn Bo và các "
       "xã Vĩnh Tiến, Đú Sáng, Hùng Sơn của huyện Kim Bôi cũ (tỉnh Hoà Bình trước đây). Bộ phận "
       "Một cửa của xã mỗi tháng tiếp nhận trên 900 hồ sơ thủ tục hành chính, nhiều nhất là "
       "chứng thực, hộ tịch và đất đai. Từ tháng 10/2024, khi còn là Ủy ban nhân dân thị trấn "
       "Bo, tác giả đã thử nghiệm giải pháp này và tiếp tục áp dụng sau khi hợp nhất.",
       "Trước khi có sáng kiến, muốn biết hồ sơ đã giải quyết đến đâu, người dân phải gọi điện "
       "hoặc đến trực tiếp Bộ phận Một cửa. Qua theo dõi trong tháng 9/2024, trung bình mỗi ngày"
       " có 35 – 40 lượt hỏi tình trạng hồ sơ, chiếm khoảng một phần ba thời gian làm việc của "
       "công chức tiếp nhận. Trang tra cứu hồ sơ trên Cổng dịch vụ công đã có nhưng rất ít "
       "người dân biết và nhập đúng mã hồ sơ gồm 18 ký tự."),
    H("b) Nội dung sáng kiến", "noi_dung"),
    *P("Sáng kiến không xây dựng phần mềm mới mà tận dụng chức năng tra cứu sẵn có, rút ngắn "
       "thao tác của người dân xuống còn một lần quét mã. Cụ thể:",
       "- Tạo mã QR cho từng hồ sơ: tác giả lập một mẫu in giấy tiếp nhận có ô mã QR; đường "
       "dẫn trong mã chứa sẵn mã hồ sơ nên người dân không phải gõ ký tự nào. Việc tạo mã "
       "dùng công cụ miễn phí, thực hiện cùng lúc với thao tác in giấy hẹn.",
       "- Bảng mã QR theo lĩnh vực: 12 mã QR dẫn tới danh mục thủ tục, thành phần hồ sơ, mẫu "
       "đơn điện tử và lệ phí của các lĩnh vực thường gặp, được in khổ A3 và dán tại khu vực "
       "chờ, nhà văn hóa các thôn.",
       "- Hướng dẫn và hỗ trợ: công chức Một cửa và đoàn viên thanh niên hướng dẫn người dân "
       "cách quét mã; với người cao tuổi, công chức gửi tin nhắn thông báo khi có kết quả."),
    *P("- Theo dõi, điều chỉnh: hằng tháng tác giả thống kê số lượt quét mã theo lĩnh vực,"
       " số lượt hỏi qua điện thoại và trực tiếp, báo cáo lãnh đạo xã; các mã QR ít được "
       "dùng được đổi vị trí dán hoặc thay nội dung cho dễ hiểu hơn. Sau khi hợp nhất xã, "
       "các mã QR in tên đơn vị cũ được thay bằng mẫu mới trong tuần đầu tiên của tháng "
       "7/2025."),
    H("Tính mới của sáng kiến", "tinh_moi"),
    *P("Lần đầu tiên tại địa phương, giấy tiếp nhận hồ sơ được gắn mã QR dẫn thẳng tới trạng "
       "thái của từng hồ sơ. Giải pháp khác với cách làm trước đây là người dân phải tự nhập "
       "mã hồ sơ dài trên Cổng dịch vụ công hoặc gọi điện hỏi công chức."),
    H("Hiệu quả và phạm vi áp dụng", "ket_qua"),
    *P("Sau 11 tháng áp dụng, đã có trên 8.600 giấy tiếp nhận được in kèm mã QR; số lượt hỏi "
       "tình trạng hồ sơ giảm từ 35 – 40 lượt xuống còn 12 – 15 lượt mỗi ngày. Kết quả khảo sát"
       " 200 người dân cho thấy 87% hài lòng với cách tra cứu mới. Chỉ số hài lòng về phục vụ "
       "hành chính của xã năm 2025 tăng 6,2 điểm so với năm trước."),
    L("- Lợi ích", "giảm thời gian đi lại của người dân, nhất là các thôn vùng cao; công chức "
      "tập trung vào tiếp nhận và giải quyết hồ sơ; không phát sinh kinh phí đầu tư.", "loi_ich"),
    L("- Khả năng áp dụng", "giải pháp áp dụng được ngay tại tất cả các xã, phường đang sử "
      "dụng Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.", "kha_nang_ap_dung"),
    L("5. Hội đồng cơ sở đã xét công nhận", "chưa."),
    L("6. Thời gian áp dụng", "từ ngày 07/10/2024 đến nay.", "ngay_ap_dung"),
    *SIGN("Mường Động, ngày 15 tháng 9 năm 2025", "Tác giả", "Bùi Thị Ngọc Ánh"),
))

DOSSIER = Dossier(
    name="xa-muong-dong-ma-qr-mot-cua",
    profile="bao-cao-mo-ta",
    sector="cải cách hành chính",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("xa-muong-dong-ho-so-sang-kien-scan.pdf", ("don_yeu_cau", "mo_ta"),
                 "scanned_pdf",
                 scan=Scan(dpi=200, skews=((1, 1.5), (2, -2.0), (3, 4.5), (4, -3.0), (5, 2.5)),
                           noise=0.002, blur=0.7, jpeg=70, stamp_pages=(2,), color=True,
                           seed=31)),
    ),
    container="file",
    purpose="A stack scan: one loose PDF holding two documents (split at the description's "
            "title); OCR with skew up to 4.5° (deskew needed), noise, blur, a seal; 'a)' labels, "
            "un-numbered 'Tính mới' and 'Hiệu quả' headings; old and new commune names.",
    notes="Complete. One file holds two documents: see files[0].documents. Single author "
          "(100 %).",
)
