"""Secondary school, profile skkn in the "Chương" variant, typed in 2014 with the legacy
TCVN3 fonts (.VnTime, capitals in .VnTimeH): request and description as DOCX whose runs
carry TCVN3 bytes. Single author. Complete."""

from samples.content._kit import CP, SIGN, C, D, H, L, P, T
from samples.forms import request_form
from samples.texts import Author, Document, Dossier, FileSpec, FormStyle, Request

UNIT = "Trường THCS Thị trấn Mường Khến"
AUTHORS = (
    Author("Bùi Thị Thanh Hương", D(1976, 3, 22), UNIT, "Giáo viên", "Cử nhân Sư phạm Hóa học",
           100),
)
TITLE = ("Một số kinh nghiệm hướng dẫn học sinh lớp 8 làm thí nghiệm thực hành Hóa học bằng "
         "dụng cụ tự tạo")

REQUEST = Request(
    addressee="Hội đồng sáng kiến ngành Giáo dục huyện Tân Lạc",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Giáo dục trung học cơ sở (môn Hóa học lớp 8).",
    first_applied=D(2013, 9, 16),
    essence=(
        ("Hướng dẫn học sinh tự làm 9 bộ dụng cụ thí nghiệm từ vật liệu rẻ tiền (chai nhựa, ống "
        "hút, ống tiêm không kim, bóng đèn sợi đốt hỏng) thay cho dụng cụ bị thiếu hoặc hỏng; "
        "xây dựng phiếu hướng dẫn thí nghiệm theo nhóm và quy tắc an toàn riêng cho từng bộ."),
    ),
    confidential=None,
    conditions="Có phòng học bộ môn hoặc lớp học có bàn nhóm; hóa chất cơ bản theo danh mục.",
    benefit_author=(
        "100% bài thực hành trong chương trình Hóa học 8 được thực hiện đủ; tỉ lệ học sinh khá,"
        " giỏi môn Hóa học tăng từ 31% lên 47%; tiết kiệm khoảng 4 triệu đồng mua sắm dụng cụ "
        "mỗi năm học."),
    benefit_org=None,
    helpers=(),
    place="Tân Lạc",
    signed=D(2014, 4, 10),
    style=FormStyle(footnotes=False),
)

DESCRIPTION = Document("mo_ta", (
    C("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN LẠC"),
    C("TRƯỜNG THCS THỊ TRẤN MƯỜNG KHẾN"),
    T("SÁNG KIẾN KINH NGHIỆM"),
    CP(TITLE),
    H("MỞ ĐẦU", level=1),
    H("1. Lý do chọn đề tài", "ly_do"),
    *P("Hóa học là môn khoa học thực nghiệm; thí nghiệm giúp học sinh hiểu sâu bản chất của "
       "hiện tượng và hứng thú với môn học. Tuy nhiên, thiết bị thí nghiệm của trường được cấp"
       " từ năm 2004, nhiều dụng cụ thủy tinh đã vỡ, hỏng; có bài thực hành cả lớp chỉ có một "
       "bộ dụng cụ nên giáo viên phải làm biểu diễn, học sinh chỉ ngồi xem."),
    H("2. Mục đích nghiên cứu", "muc_tieu"),
    *P("Giúp học sinh lớp 8 được trực tiếp làm thí nghiệm thực hành bằng dụng cụ tự tạo an "
       "toàn, dễ làm, qua đó nâng cao chất lượng dạy học môn Hóa học."),
    H("3. Đối tượng và phạm vi nghiên cứu", "pham_vi"),
    *P("Học sinh các lớp 8A, 8B, 8C Trường THCS Thị trấn Mường Khến, năm học 2013 – 2014; các "
       "bài thực hành trong chương trình Hóa học 8."),
    H("Chương 1. CƠ SỞ LÝ LUẬN VÀ THỰC TIỄN", level=1),
    H("1.1. Cơ sở lý luận", "co_so_ly_luan"),
    *P("Theo lý luận dạy học bộ môn, thí nghiệm do học sinh tự làm có giá trị hơn thí nghiệm "
       "biểu diễn vì học sinh vừa rèn kỹ năng vừa tự phát hiện kiến thức. Dụng cụ tự tạo, nếu "
       "đảm bảo an toàn, không làm giảm giá trị khoa học của thí nghiệm."),
    H("1.2. Thực trạng", "thuc_trang"),
    *P("Đầu năm học, kiểm kê cho thấy phòng thiết bị chỉ còn 2 bộ dụng cụ điều chế khí, 5 đèn "
       "cồn, ống nghiệm thiếu khoảng 40%. Khảo sát 112 học sinh lớp 8: 78% chưa từng tự tay làm"
       " thí nghiệm ở lớp 6, 7; 64% cho rằng môn Hóa học khó nhớ."),
    H("Chương 2. CÁC BIỆN PHÁP THỰC HIỆN", "noi_dung", level=1),
    *P("2.1. Chế tạo dụng cụ: cùng học sinh làm 9 bộ dụng cụ: bình điều chế khí hiđro bằng chai"
       " nhựa và ống hút; giá đỡ ống nghiệm bằng gỗ vụn; đèn cồn từ lọ mực cũ; ống đong từ ống "
       "tiêm không kim 20 ml; bình cầu từ bóng đèn sợi đốt đã tháo dây tóc.",
       "2.2. Phiếu hướng dẫn thí nghiệm: mỗi bài có phiếu ghi rõ mục tiêu, dụng cụ, hóa chất, "
       "các bước tiến hành và câu hỏi quan sát; nhóm trưởng phân công mỗi thành viên một việc.",
       "2.3. Quy tắc an toàn: lượng hóa chất được chia sẵn vào lọ nhỏ; chỉ dùng dung dịch axit "
       "loãng; học sinh đeo kính, găng tay; giáo viên kiểm tra dụng cụ trước mỗi giờ thực hành."),
    *P("2.4. Tổ chức giờ thực hành: lớp chia 7 – 8 nhóm, mỗi nhóm có một bộ dụng cụ tự "
       "tạo; đầu giờ nhóm trưởng nhận dụng cụ, hóa chất theo phiếu; trong giờ các nhóm ghi"
       " hiện tượng quan sát được vào bảng; cuối giờ đại diện nhóm báo cáo, các nhóm khác "
       "nhận xét, giáo viên chốt kiến thức và chấm điểm thực hành theo tiêu chí công khai "
       "từ đầu năm.",
       "2.5. Câu lạc bộ “Nhà hóa học nhỏ”: học sinh yêu thích môn học tham gia chế tạo "
       "thêm dụng cụ, sửa chữa dụng cụ hỏng và làm trợ giảng cho các nhóm bạn trong giờ "
       "thực hành."),
    H("Chương 3. HIỆU QUẢ CỦA SÁNG KIẾN", "ket_qua", level=1),
    *P("Trong năm học 2013 – 2014, toàn bộ 7 bài thực hành Hóa học 8 được học sinh tự làm theo "
       "nhóm 4 – 5 em; không xảy ra sự cố mất an toàn. Tỉ lệ học sinh khá, giỏi môn Hóa học "
       "cuối năm đạt 47% (năm trước 31%); 3 học sinh đạt giải trong kỳ thi học sinh giỏi cấp "
       "huyện."),
    H("KẾT LUẬN VÀ KIẾN NGHỊ", "ket_luan", level=1),
    *P("Sử dụng dụng cụ tự tạo là giải pháp thiết thực cho các trường còn thiếu thiết bị."),
    L("- Tính mới", "lần đầu tiên tại trường, học sinh được hướng dẫn tự chế tạo và sử dụng bộ"
      " dụng cụ thí nghiệm thay thế cho toàn bộ các bài thực hành lớp 8.", "tinh_moi"),
    L("- Khả năng áp dụng", "áp dụng được ở các trường THCS trong huyện, nhất là các trường "
      "vùng khó khăn.", "kha_nang_ap_dung"),
    L("- Lợi ích", "tiết kiệm kinh phí mua sắm, học sinh hứng thú và nắm vững kiến thức.",
      "loi_ich"),
    H("TÀI LIỆU THAM KHẢO", "tai_lieu"),
    *P("1. Sách giáo khoa Hóa học 8, Nhà xuất bản Giáo dục Việt Nam (2012).",
       "2. Nguyễn Cương (2007), Phương pháp dạy học hóa học ở trường phổ thông."),
    *SIGN("Mường Khến, ngày 10 tháng 4 năm 2014", "Người viết", "Bùi Thị Thanh Hương"),
), header="Sáng kiến kinh nghiệm năm học 2013 – 2014")

DOSSIER = Dossier(
    name="thcs-muong-khen-tcvn3",
    profile="skkn",
    sector="giáo dục",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("don-yeu-cau.docx", ("don_yeu_cau",), "docx_tcvn3"),
        FileSpec("sang-kien-kinh-nghiem.docx", ("mo_ta",), "docx_tcvn3"),
    ),
    purpose="Legacy TCVN3 fonts in DOCX runs (case carried by the .VnTimeH font name; 'ư' as "
            "byte 0xAD, a soft hyphen); skkn 'Chương' outline with a MỞ ĐẦU part.",
    notes="Complete. pages[].text is the Unicode the reader must recover; the files hold "
          "TCVN3 bytes in .VnTime/.VnTimeH runs.",
)
