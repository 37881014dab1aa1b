"""Information technology, profile langson-291 with Roman numbering and a cover page:
request as DOCX, description as a Word 97 .doc (LibreOffice-converted), unit council minutes
as DOCX. Three authors with decimal-comma shares 33,3 / 33,3 / 33,4. New (2025) agency
names. Complete."""

from samples.content._kit import CP, SIGN, C, D, H, P, T
from samples.forms import minutes, request_form
from samples.texts import (
    Author,
    Document,
    Dossier,
    FileSpec,
    FormStyle,
    Helper,
    Minutes,
    PageBreak,
    Para,
    Request,
)

UNIT = "Trung tâm Dữ liệu và Chuyển đổi số, Sở Khoa học và Công nghệ tỉnh Lạng Sơn"
SHORT = "Trung tâm Dữ liệu và Chuyển đổi số"
AUTHORS = (
    Author("Nông Đức Mạnh", D(1987, 3, 9), SHORT, "Phó Giám đốc",
           "Thạc sĩ Hệ thống thông tin", 33.3),
    Author("Lăng Thị Phượng", D(1994, 8, 21), SHORT, "Viên chức",
           "Kỹ sư Khoa học máy tính", 33.3),
    Author("Triệu Văn Sơn", D(1996, 2, 11), SHORT, "Viên chức",
           "Cử nhân Công nghệ thông tin", 33.4),
)
TITLE = ("Xây dựng trợ lý ảo trả lời câu hỏi thường gặp về thủ tục hành chính trên Cổng dịch "
         "vụ công tỉnh Lạng Sơn bằng cơ sở tri thức mở")

REQUEST = Request(
    addressee="Hội đồng sáng kiến tỉnh Lạng Sơn",
    authors=AUTHORS,
    title=TITLE,
    investor="Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
    field="Công nghệ thông tin, chuyển đổi số trong cơ quan nhà nước.",
    first_applied=D(2024, 11, 1),
    essence=(
        ("Trợ lý ảo được xây dựng trên nền tảng mã nguồn mở, sử dụng cơ sở tri thức gồm 1.460 "
        "cặp câu hỏi – trả lời do nhóm tác giả tổng hợp từ bộ thủ tục hành chính của tỉnh và "
        "từ 3.200 câu hỏi thực tế người dân gửi qua đường dây nóng trong hai năm."),
        ("Câu hỏi của người dân được chuẩn hóa (bỏ dấu, sửa lỗi chính tả thường gặp, nhận diện "
        "tên thủ tục viết tắt), sau đó tìm câu trả lời gần nhất; nếu độ tin cậy thấp, trợ lý "
        "chuyển câu hỏi cho cán bộ trực và ghi lại để bổ sung cơ sở tri thức hằng tuần."),
    ),
    confidential=("Bộ dữ liệu câu hỏi gốc của người dân (có số điện thoại, họ tên) và khóa "
                  "truy cập giao diện lập trình của Cổng dịch vụ công."),
    conditions=("Máy chủ ảo 8 nhân, 16 GB bộ nhớ tại Trung tâm dữ liệu của tỉnh; cán bộ quản "
                "trị cập nhật cơ sở tri thức khi thủ tục hành chính thay đổi."),
    benefit_author=(
        "Trong 6 tháng, trợ lý ảo trả lời tự động 41.500 lượt câu hỏi, 86% được người dùng đánh "
        "giá hữu ích; số cuộc gọi đến đường dây nóng giảm 52%. Không phải thuê phần mềm thương "
        "mại, tiết kiệm khoảng 350 triệu đồng mỗi năm."),
    benefit_org=("Trung tâm Phục vụ hành chính công tỉnh xác nhận giảm tải rõ rệt cho bộ phận "
                 "hỗ trợ, người dân được trả lời cả ngoài giờ hành chính."),
    helpers=(
        Helper("Hoàng Thị Thu", D(1990, 12, 1), "Trung tâm Phục vụ hành chính công tỉnh",
               "Viên chức", "Cử nhân Luật", "Rà soát nội dung trả lời về thủ tục"),
    ),
    place="Lạng Sơn",
    signed=D(2025, 5, 12),
    style=FormStyle(agency=("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "TRUNG TÂM DỮ LIỆU VÀ CHUYỂN ĐỔI SỐ"),
                    date_style="slash"),
)

DESCRIPTION = Document("mo_ta", (
    C("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LẠNG SƠN"),
    C("TRUNG TÂM DỮ LIỆU VÀ CHUYỂN ĐỔI SỐ"),
    T("BẢN MÔ TẢ SÁNG KIẾN"),
    CP(TITLE),
    Para("Nhóm tác giả: Nông Đức Mạnh, Lăng Thị Phượng, Triệu Văn Sơn", "plain-center",
         key="tac_gia", label="Nhóm tác giả"),
    CP("Lạng Sơn, tháng 5 năm 2025"),
    PageBreak(),
    H("MỤC LỤC", "muc_luc"),
    *P("I. Tóm tắt sáng kiến – 2", "II. Danh mục từ viết tắt; danh mục bảng, biểu đồ – 2",
       "III. Lý do chọn sáng kiến – 2", "IV. Mục tiêu sáng kiến – 3", "V. Phạm vi sáng kiến – 3",
       "VI. Cơ sở lý luận, cơ sở thực tiễn – 3",
       "VII. Nội dung và những kết quả nghiên cứu của sáng kiến – 3",
       "VIII. Thảo luận, đánh giá kết quả thu được – 4", "IX. Kết luận – 5",
       "X. Tài liệu tham khảo – 5"),
    H("I. TÓM TẮT SÁNG KIẾN", "tom_tat"),
    *P("Sáng kiến xây dựng trợ lý ảo trả lời tự động các câu hỏi thường gặp về thủ tục hành "
       "chính trên Cổng dịch vụ công tỉnh, dùng phần mềm mã nguồn mở và cơ sở tri thức do cán "
       "bộ của tỉnh tự biên soạn, cập nhật."),
    H("II. DANH MỤC TỪ VIẾT TẮT", "viet_tat"),
    *P("TTHC: thủ tục hành chính; CSTT: cơ sở tri thức; DVC: dịch vụ công."),
    H("Danh mục bảng, biểu đồ", "danh_muc_bang"),
    *P("Bảng 1: Kết quả trả lời theo lĩnh vực; Biểu đồ 1: Số cuộc gọi đường dây nóng theo "
       "tháng."),
    H("III. LÝ DO CHỌN SÁNG KIẾN", "ly_do"),
    *P("Mỗi tháng đường dây nóng của Trung tâm Phục vụ hành chính công nhận khoảng 2.300 cuộc "
       "gọi, phần lớn hỏi lại những nội dung đã công khai: cần giấy tờ gì, nộp ở đâu, lệ phí "
       "bao nhiêu, bao lâu có kết quả. Cán bộ trực chỉ có 4 người nên nhiều cuộc gọi bị nhỡ, "
       "người dân phải gọi lại nhiều lần. Các giải pháp trợ lý ảo thương mại có chi phí thuê "
       "bao cao và dữ liệu câu hỏi nằm ở máy chủ của nhà cung cấp."),
    H("IV. MỤC TIÊU SÁNG KIẾN", "muc_tieu"),
    *P("Trả lời tự động, chính xác ít nhất 80% câu hỏi thường gặp về TTHC, hoạt động 24/7, do "
       "cán bộ của tỉnh làm chủ dữ liệu và tự cập nhật."),
    H("V. PHẠM VI SÁNG KIẾN", "pham_vi"),
    *P("Các TTHC thuộc thẩm quyền giải quyết của các sở, ngành và cấp xã trên Cổng dịch vụ "
       "công tỉnh Lạng Sơn; thời gian áp dụng từ tháng 11/2024."),
    H("VI. CƠ SỞ LÝ LUẬN, CƠ SỞ THỰC TIỄN", "co_so_ly_luan"),
    *P("Về pháp lý, Nghị định số 42/2022/NĐ-CP quy định việc cung cấp thông tin và dịch vụ công"
       " trực tuyến, khuyến khích ứng dụng trợ lý ảo hỗ trợ người dân. Về kỹ thuật, các mô hình"
       " tìm kiếm ngữ nghĩa mã nguồn mở cho tiếng Việt đã đủ tốt để so khớp câu hỏi viết tự do "
       "với câu hỏi mẫu, kể cả khi người dân gõ không dấu hoặc viết tắt."),
    H("VII. NỘI DUNG VÀ NHỮNG KẾT QUẢ NGHIÊN CỨU CỦA SÁNG KIẾN", "noi_dung"),
    *P("1. Xây dựng cơ sở tri thức: nhóm tác giả phân loại 3.200 câu hỏi thực tế theo 18 lĩnh "
       "vực, gộp các câu cùng ý, viết câu trả lời ngắn gọn kèm đường dẫn tới thủ tục tương ứng"
       " trên Cổng; kết quả là 1.460 cặp câu hỏi – trả lời được cán bộ chuyên môn rà soát.",
       "2. Xử lý câu hỏi: câu hỏi được chuẩn hóa chữ thường, thêm dấu tiếng Việt cho câu gõ "
       "không dấu, thay từ viết tắt (“gcn”, “sổ đỏ”, “khai sinh lại”) bằng tên thủ tục; sau đó "
       "tìm 3 câu hỏi mẫu gần nhất theo độ tương đồng ngữ nghĩa.",
       "3. Chuyển cán bộ trực: khi độ tương đồng thấp hơn ngưỡng 0,72, trợ lý đề nghị người "
       "dân để lại câu hỏi; cán bộ trực trả lời trong giờ hành chính và bổ sung vào cơ sở tri "
       "thức mỗi thứ Sáu.",
       "4. Kết quả: sau 6 tháng vận hành, trợ lý ảo trả lời 41.500 lượt, tỷ lệ trả lời đúng "
       "qua kiểm tra ngẫu nhiên 1.000 lượt là 88,6%; 86% lượt được người dùng bấm “hữu ích”."),
    H("VIII. THẢO LUẬN, ĐÁNH GIÁ KẾT QUẢ THU ĐƯỢC", "danh_gia"),
    *P("Kết quả vận hành cho thấy trợ lý ảo trả lời tốt các câu hỏi về thành phần hồ sơ, lệ "
       "phí, thời hạn; còn hạn chế với câu hỏi về tình huống cụ thể của từng hồ sơ, vốn vẫn "
       "cần cán bộ trả lời. Nhóm tác giả đánh giá sáng kiến như sau."),
    H("1. Tính mới, tính sáng tạo", "tinh_moi"),
    *P("Đây là trợ lý ảo đầu tiên về TTHC trong tỉnh do cán bộ của tỉnh tự xây dựng, dữ liệu "
       "đặt tại Trung tâm dữ liệu của tỉnh; điểm sáng tạo là bộ chuẩn hóa câu hỏi xử lý cách "
       "nói, cách viết tắt riêng của người dân địa phương."),
    H("2. Khả năng áp dụng", "kha_nang_ap_dung"),
    *P("Có thể triển khai trên Cổng thông tin điện tử của các sở, ngành và ứng dụng công dân "
       "số của tỉnh; các tỉnh khác có thể dùng lại phần mềm và quy trình, chỉ cần thay cơ sở "
       "tri thức."),
    H("3. Lợi ích thiết thực", "loi_ich"),
    *P("Số cuộc gọi đường dây nóng giảm 52%, cán bộ trực tập trung vào những trường hợp phức "
       "tạp; tiết kiệm khoảng 350 triệu đồng/năm tiền thuê phần mềm; người dân được hỗ trợ "
       "ngoài giờ hành chính."),
    H("IX. KẾT LUẬN", "ket_luan"),
    *P("Sáng kiến đã đạt mục tiêu đề ra, vận hành ổn định. Nhóm tác giả kiến nghị tích hợp trợ "
       "lý ảo vào ứng dụng công dân số của tỉnh và giao Trung tâm duy trì cơ sở tri thức."),
    H("X. TÀI LIỆU THAM KHẢO", "tai_lieu"),
    *P("1. Chính phủ (2022), Nghị định số 42/2022/NĐ-CP về cung cấp thông tin và dịch vụ công "
       "trực tuyến của cơ quan nhà nước trên môi trường mạng.",
       "2. Bộ thủ tục hành chính tỉnh Lạng Sơn công bố trên Cổng dịch vụ công tỉnh, cập nhật "
       "tháng 10/2024."),
    *SIGN("Lạng Sơn, ngày 12 tháng 5 năm 2025", "Nhóm tác giả",
          *(a.name for a in AUTHORS)),
), header="Bản mô tả sáng kiến – Trung tâm Dữ liệu và Chuyển đổi số",
    footer="Lạng Sơn 2025")

MINUTES = Minutes(
    agency=("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "HỘI ĐỒNG SÁNG KIẾN CƠ SỞ"),
    number="03/BB-HĐSK",
    place="Lạng Sơn",
    held=D(2025, 4, 25),
    hour="14 giờ 00 phút",
    venue="phòng họp tầng 3, Sở Khoa học và Công nghệ",
    council="Hội đồng sáng kiến cơ sở Sở Khoa học và Công nghệ",
    members=(("Lộc Văn Bình", "Phó Giám đốc Sở, Chủ tịch Hội đồng"),
             ("Vy Thị Hạnh", "Trưởng phòng Quản lý khoa học, Phó Chủ tịch Hội đồng"),
             ("Mã Văn Tùng", "Chánh Văn phòng Sở, thành viên"),
             ("Dương Thị Liên", "Chuyên viên Phòng Quản lý khoa học, Thư ký Hội đồng")),
    present=4,
    total=5,
    votes_for=4,
    opinions=(
        ("Sáng kiến có tính mới trong phạm vi tỉnh, đã được áp dụng thực tế và có số liệu hiệu "
        "quả rõ ràng."),
        "Đề nghị nhóm tác giả bổ sung quy trình cập nhật cơ sở tri thức khi thủ tục thay đổi.",
    ),
    chair="Lộc Văn Bình",
    secretary="Dương Thị Liên",
)

DOSSIER = Dossier(
    name="lang-son-tro-ly-ao-tthc",
    profile="langson-291",
    sector="công nghệ thông tin",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION,
               minutes(MINUTES, TITLE, tuple(a.name for a in AUTHORS))),
    files=(
        FileSpec("Don yeu cau cong nhan sang kien.docx", ("don_yeu_cau",), "docx"),
        FileSpec("Ban mo ta sang kien.doc", ("mo_ta",), "doc"),
        FileSpec("Bien ban hop xet.docx", ("bien_ban",), "docx"),
    ),
    purpose="Word 97 .doc reading through LibreOffice; a cover page (explicit page break); "
            "Roman-numbered langson-291 outline with Lý spelling and a Mục lục; decimal-comma "
            "shares that sum to 100; unit council minutes.",
    notes="Complete. Shares are 33.3 + 33.3 + 33.4 = 100, written '33,3'. File names contain "
          "spaces.",
)
