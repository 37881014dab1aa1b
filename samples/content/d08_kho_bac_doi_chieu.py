"""Finance, profile bao-cao-mo-ta: request as DOCX, description scanned with one page fed
sideways (rotated 90°) and one upside down (180°). New 2025 treasury names. DELIBERATELY
DEFECTIVE: the three authors' shares sum to 90 %."""

from samples.content._kit import SIGN, D, H, L, P, T
from samples.forms import request_form
from samples.texts import (
    Author,
    Defect,
    Document,
    Dossier,
    FileSpec,
    FormStyle,
    Request,
    Scan,
    Table,
)

UNIT = "Phòng Giao dịch số 5 – Kho bạc Nhà nước khu vực VII"
AUTHORS = (
    Author("Phạm Thị Hải Yến", D(1982, 2, 28), UNIT, "Trưởng Phòng Giao dịch",
           "Thạc sĩ Tài chính – Ngân hàng", 40),
    Author("Lê Quang Vinh", D(1989, 7, 7), UNIT, "Kế toán viên", "Cử nhân Kế toán", 30),
    Author("Đỗ Thị Minh Thư", D(1995, 11, 13), UNIT, "Kế toán viên", "Cử nhân Kế toán", 20),
)
TITLE = ("Giải pháp đối chiếu số dư tài khoản dự toán với đơn vị sử dụng ngân sách bằng bảng "
         "tính dùng chung có kiểm tra tự động")

REQUEST = Request(
    addressee="Hội đồng sáng kiến Kho bạc Nhà nước khu vực VII",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Tài chính – kiểm soát chi ngân sách nhà nước.",
    first_applied=D(2025, 3, 3),
    essence=(
        ("Mỗi đơn vị sử dụng ngân sách được cấp một bảng tính trực tuyến dùng chung với Phòng "
        "Giao dịch, trong đó số liệu dự toán, số đã thanh toán và số dư được Kho bạc cập nhật "
        "hằng ngày từ báo cáo của hệ thống TABMIS; đơn vị nhập số liệu theo sổ kế toán của mình."
        " Bảng tính tự động tô màu các dòng chênh lệch và liệt kê nguyên nhân thường gặp."),
        ("Cuối tháng, hai bên chỉ cần xác nhận các dòng đã khớp thay vì lập, gửi và ký lại bảng "
        "đối chiếu giấy như trước."),
    ),
    confidential=("Số liệu chi tiết theo tài khoản của từng đơn vị sử dụng ngân sách trong bảng"
                  " tính dùng chung."),
    conditions=("Đơn vị sử dụng ngân sách có kết nối Internet và tài khoản truy cập do Kho bạc "
                "cấp; cán bộ kế toán hai bên được hướng dẫn sử dụng trong 01 buổi."),
    benefit_author=(
        "Thời gian đối chiếu cuối tháng giảm từ 2 – 3 ngày xuống nửa ngày; sai lệch được phát "
        "hiện ngay trong tháng; giảm khoảng 2.400 trang giấy in mỗi năm tại Phòng Giao dịch."),
    benefit_org=None,
    helpers=(),
    place="Bắc Mê",
    signed=D(2025, 10, 6),
    style=FormStyle(title="ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", share_suffix="%",
                    essence_inline=True),
)

DESCRIPTION = Document("mo_ta", (
    T("BÁO CÁO MÔ TẢ SÁNG KIẾN"),
    L("1. Tên sáng kiến", f"{TITLE}.", "ten_sang_kien"),
    L("2. Nhóm tác giả", "Phạm Thị Hải Yến, Trưởng Phòng Giao dịch, Thạc sĩ Tài chính – Ngân "
      "hàng; Lê Quang Vinh, Kế toán viên, Cử nhân Kế toán; Đỗ Thị Minh Thư, Kế toán viên, Cử "
      "nhân Kế toán.", "tac_gia"),
    L("3. Lĩnh vực áp dụng", "Tài chính, kiểm soát chi ngân sách.", "linh_vuc"),
    H("4. Mô tả sáng kiến"),
    H("a. Khái quát đặc điểm, tình hình trước khi có sáng kiến", "thuc_trang"),
    *P("Phòng Giao dịch số 5 (trước ngày 01/7/2025 là Kho bạc Nhà nước huyện Bắc Mê) quản lý "
       "tài khoản của 146 đơn vị sử dụng ngân sách. Theo quy định, cuối mỗi tháng, quý và năm, "
       "Kho bạc và đơn vị phải đối chiếu số dư tài khoản dự toán, tài khoản tiền gửi. Trước "
       "đây việc đối chiếu làm bằng giấy: Kho bạc in bảng số liệu, đơn vị đối chiếu với sổ của"
       " mình, ký, đóng dấu rồi gửi lại; khi có chênh lệch, hai bên phải gọi điện, in lại.",
       "Mỗi kỳ đối chiếu kéo dài 2 – 3 ngày làm việc, có tháng hơn 20% đơn vị gửi bảng đối chiếu"
       " chậm; nhiều chênh lệch chỉ được phát hiện vào cuối năm, khi việc điều chỉnh đã khó "
       "khăn."),
    *P("Nguyên nhân chủ yếu là số liệu của hai bên chỉ gặp nhau một lần vào cuối kỳ; kế "
       "toán đơn vị, nhất là các trường học, trạm y tế xã, thường kiêm nhiệm nhiều việc, "
       "không kịp đối chiếu thường xuyên. Năm 2024 có 9 trường hợp phải điều chỉnh hạch "
       "toán sau ngày 31 tháng 12, kéo dài thời gian chỉnh lý quyết toán của cả đơn vị và "
       "Kho bạc."),
    H("b. Nội dung sáng kiến", "noi_dung"),
    *P("(1) Bảng tính dùng chung: mỗi đơn vị có một bảng tính trực tuyến riêng, chia sẻ quyền "
       "xem, nhập giữa đơn vị và kế toán viên phụ trách; cột số liệu của Kho bạc được khóa, "
       "chỉ kế toán Kho bạc cập nhật từ báo cáo TABMIS.",
       "(2) Kiểm tra tự động: công thức so sánh từng tài khoản, từng mã nội dung kinh tế, tô màu"
       " đỏ dòng chênh lệch, màu vàng dòng chưa nhập; một bảng tổng hợp liệt kê các đơn vị còn "
       "chênh lệch để kế toán viên chủ động liên hệ.",
       "(3) Gợi ý nguyên nhân: dựa trên kinh nghiệm, nhóm tác giả lập danh mục 14 nguyên nhân "
       "chênh lệch thường gặp (chứng từ đi đường, hạch toán sai mã, rút dự toán tạm ứng chưa "
       "thanh toán...) hiển thị cạnh dòng chênh lệch.",
       "(4) Xác nhận: cuối kỳ, hai bên đánh dấu xác nhận trên bảng tính; bảng đối chiếu giấy "
       "chỉ in cho kỳ quyết toán năm theo quy định."),
    H("Tính mới của sáng kiến", "tinh_moi"),
    *P("Lần đầu tiên việc đối chiếu số dư được thực hiện liên tục trong tháng trên một bảng "
       "tính chung có kiểm tra tự động, thay cho đối chiếu giấy một lần vào cuối kỳ."),
    *P("Điểm sáng tạo của giải pháp là tận dụng công cụ bảng tính trực tuyến sẵn có, không"
       " phải đầu tư phần mềm mới, nhưng vẫn bảo đảm phân quyền: cột số liệu của Kho bạc "
       "được khóa, đơn vị chỉ nhập số liệu của mình; danh mục nguyên nhân chênh lệch là "
       "kinh nghiệm thực tế của Phòng Giao dịch được hệ thống hóa, giúp kế toán đơn vị tự "
       "xử lý phần lớn chênh lệch mà không cần liên hệ Kho bạc.",
       "Giải pháp khác với việc đối chiếu qua Dịch vụ công trực tuyến của Kho bạc ở chỗ số"
       " liệu được so sánh liên tục trong tháng, theo từng mã nội dung kinh tế, chứ không "
       "chỉ xác nhận số dư tổng hợp vào cuối kỳ."),
    *P("(5) Triển khai: tháng 2/2025 nhóm tác giả thử nghiệm với 12 đơn vị khối giáo dục, "
       "hoàn thiện công thức và danh mục nguyên nhân; từ tháng 3/2025 mở rộng cho toàn bộ đơn "
       "vị. Mỗi kế toán viên của Phòng Giao dịch phụ trách khoảng 50 bảng tính; Trưởng phòng "
       "xem được bảng tổng hợp tình hình đối chiếu của tất cả đơn vị theo thời gian thực.",
       "(6) An toàn dữ liệu: bảng tính chỉ chia sẻ cho tài khoản đã đăng ký của đơn vị và kế "
       "toán viên phụ trách, không chia sẻ công khai; lịch sử chỉnh sửa được lưu đầy đủ để "
       "tra soát; cuối năm toàn bộ bảng tính được xuất, lưu trữ cùng hồ sơ quyết toán."),
    H("c. Hiệu quả và phạm vi áp dụng", "ket_qua"),
    *P("Áp dụng từ tháng 3/2025 với 146 đơn vị: 100% đơn vị hoàn thành đối chiếu đúng hạn; "
       "thời gian đối chiếu cuối tháng giảm còn nửa ngày; 37 trường hợp chênh lệch được phát "
       "hiện và xử lý ngay trong tháng phát sinh. Kết quả cụ thể như sau:"),
    Table(rows=(("Chỉ tiêu", "Trước khi áp dụng (năm 2024)", "Sau khi áp dụng (tháng 3 – 9/2025)"),
                ("Số ngày đối chiếu cuối tháng", "2 – 3 ngày", "0,5 ngày"),
                ("Tỷ lệ đơn vị đối chiếu đúng hạn", "78%", "100%"),
                ("Chênh lệch phát hiện trong tháng", "9 trường hợp/năm", "37 trường hợp/7 tháng"),
                ("Số trang giấy in đối chiếu", "khoảng 3.500 trang/năm", "khoảng 1.100 trang/năm")),
          widths=(0.4, 0.3, 0.3), center_cols=(1, 2)),
    *P("Bảng 1. So sánh công tác đối chiếu trước và sau khi áp dụng sáng kiến.",
       "Các đơn vị sử dụng ngân sách đánh giá cao việc chủ động theo dõi số dư dự toán trong "
       "tháng, tránh tình trạng cuối năm mới phát hiện rút vượt hoặc còn dư dự toán lớn."),
    L("- Lợi ích kinh tế, xã hội", "giảm chi phí in ấn, đi lại của đơn vị; giảm áp lực công "
      "việc cuối kỳ cho kế toán hai bên.", "loi_ich"),
    L("- Phạm vi áp dụng", "áp dụng được tại các phòng giao dịch khác của Kho bạc Nhà nước "
      "khu vực VII.", "kha_nang_ap_dung"),
    L("5. Thời gian áp dụng", "từ ngày 03/3/2025.", "ngay_ap_dung"),
    *SIGN("Bắc Mê, ngày 06 tháng 10 năm 2025", "Nhóm tác giả", *(a.name for a in AUTHORS)),
))

DOSSIER = Dossier(
    name="kho-bac-doi-chieu-so-du",
    profile="bao-cao-mo-ta",
    sector="tài chính",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("don-yeu-cau.docx", ("don_yeu_cau",), "docx"),
        FileSpec("bao-cao-mo-ta-scan.pdf", ("mo_ta",), "scanned_pdf",
                 scan=Scan(dpi=200, skew=0.7, skews=((2, -1.8),), noise=0.0015, blur=0.6,
                           jpeg=70, rotations=((2, 90), (3, 180)), seed=81)),
    ),
    defects=(Defect("shares_not_100", "author shares 40 + 30 + 20 = 90 %"),),
    purpose="Page orientation detection (a page rotated 90° and one 180° in a scanned PDF); "
            "the author-share check (90 %).",
    notes="Defective: author shares sum to 90 %, not 100 %. scan.rotated gives the angle the "
          "page content was turned counter-clockwise; turn it back clockwise to read it.",
)
