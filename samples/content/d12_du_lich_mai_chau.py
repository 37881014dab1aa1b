"""Culture and tourism, profile bao-cao-mo-ta: request as a Word 97 .doc, description as
DOCX, unit council minutes scanned. DELIBERATELY INCOMPLETE: the benefit heading
("- Lợi ích thu được:") is present but followed by no content, so benefit counts as missing.
"""

from samples.content._kit import SIGN, D, H, L, P, T
from samples.forms import minutes, request_form
from samples.texts import (
    Author,
    Defect,
    Document,
    Dossier,
    FileSpec,
    FormStyle,
    Minutes,
    Para,
    Request,
    Scan,
)

UNIT = "Phòng Văn hóa và Thông tin huyện Mai Châu"
AUTHORS = (
    Author("Hà Thị Phương", D(1989, 1, 17), UNIT, "Chuyên viên", "Cử nhân Quản lý văn hóa", 70),
    Author("Lò Văn Thành", D(1994, 10, 2), "Trung tâm Văn hóa, Thể thao và Du lịch huyện Mai "
           "Châu", "Viên chức", "Kỹ sư Công nghệ thông tin", 30),
)
TITLE = ("Xây dựng bản đồ số và mã QR thuyết minh tự động tại các điểm du lịch cộng đồng "
         "huyện Mai Châu")

REQUEST = Request(
    addressee="Hội đồng sáng kiến huyện Mai Châu",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Văn hóa – du lịch.",
    first_applied=D(2023, 12, 1),
    essence=(
        ("Sáng kiến số hóa 18 điểm du lịch cộng đồng của huyện trên bản đồ số trực tuyến, mỗi "
        "điểm có ảnh, giờ mở cửa, số điện thoại chủ homestay và đường đi."),
        ("Tại mỗi điểm di tích, nhà sàn cổ, xưởng dệt thổ cẩm đặt một biển mã QR; du khách quét "
        "mã để nghe thuyết minh bằng tiếng Việt, tiếng Anh và tiếng Pháp do người dân địa "
        "phương thu âm."),
    ),
    confidential=None,
    conditions=("Có sóng điện thoại di động tại các điểm; người dân được hướng dẫn cập nhật "
                "thông tin điểm của mình trên bản đồ."),
    benefit_author=(
        "Lượt khách tra cứu bản đồ đạt 96.000 lượt sau 8 tháng; các hộ làm du lịch được quảng "
        "bá miễn phí; giảm chi phí in tờ gấp giới thiệu du lịch khoảng 60 triệu đồng/năm."),
    benefit_org=None,
    helpers=(),
    place="Mai Châu",
    signed=D(2024, 8, 12),
    style=FormStyle(title="ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN",
                    agency=("UBND HUYỆN MAI CHÂU", "PHÒNG VĂN HÓA VÀ THÔNG TIN"),
                    footnotes=True, share_suffix="%"),
)

DESCRIPTION = Document("mo_ta", (
    T("BÁO CÁO MÔ TẢ SÁNG KIẾN"),
    L("1. Tên sáng kiến", f"{TITLE}.", "ten_sang_kien"),
    L("2. Nhóm tác giả", "Hà Thị Phương – Chuyên viên Phòng Văn hóa và Thông tin; Lò Văn Thành "
      "– Viên chức Trung tâm Văn hóa, Thể thao và Du lịch huyện Mai Châu.", "tac_gia"),
    L("3. Lĩnh vực áp dụng", "Văn hóa – du lịch.", "linh_vuc"),
    H("4. Mô tả sáng kiến"),
    H("a) Khái quát đặc điểm, tình hình trước khi có sáng kiến", "thuc_trang"),
    *P("Mai Châu có 18 điểm du lịch cộng đồng ở các bản Lác, Pom Coọng, Văn, Xô Lo..., đón "
       "khoảng 400.000 lượt khách mỗi năm, trong đó 30% là khách quốc tế. Thông tin về các "
       "điểm du lịch chủ yếu nằm trên tờ gấp in sẵn và bảng giới thiệu bằng tiếng Việt; du "
       "khách tự đi thường không tìm được đường vào các bản xa, không hiểu ý nghĩa của nhà sàn"
       " cổ, hoa văn thổ cẩm. Huyện không đủ hướng dẫn viên biết ngoại ngữ."),
    *P("Qua phiếu hỏi 350 du khách tại bản Lác và bản Pom Coọng năm 2023, 64% du khách cho"
       " biết khó tìm thông tin về các điểm ngoài trung tâm, 58% muốn được nghe giới thiệu"
       " về phong tục, nghề truyền thống của đồng bào Thái nhưng không có người thuyết "
       "minh. Nhiều homestay ở các bản xa như Xô Lo, Pù Bin gần như không có khách dù cảnh"
       " quan đẹp, vì không xuất hiện trên các trang thông tin du lịch. Tờ gấp giới thiệu "
       "in mỗi năm 20.000 bản, thông tin nhanh chóng lỗi thời khi các cơ sở thay đổi số "
       "điện thoại, giá dịch vụ."),
    H("b) Nội dung sáng kiến", "noi_dung"),
    *P("- Bản đồ số: nhóm tác giả khảo sát, chụp ảnh, định vị 18 điểm du lịch, 64 homestay, "
       "12 điểm ăn uống; xây dựng bản đồ số trên nền tảng bản đồ trực tuyến miễn phí, có lộ "
       "trình gợi ý 1 ngày, 2 ngày.",
       "- Biển mã QR thuyết minh: tại mỗi điểm đặt biển mã QR làm bằng tôn in UV; mã dẫn tới "
       "trang thuyết minh có tệp âm thanh 2 – 3 phút. Lời thuyết minh do nghệ nhân, người cao "
       "tuổi trong bản kể, được dịch và thu âm bởi học sinh, sinh viên người địa phương.",
       "- Cập nhật: mỗi chủ homestay được cấp quyền đề xuất sửa thông tin của mình; Phòng Văn "
       "hóa và Thông tin duyệt trước khi hiển thị."),
    *P("- Tổ chức thực hiện: tháng 10 – 11/2023 nhóm tác giả đi khảo sát thực địa tại 11 "
       "bản, làm việc với trưởng bản, nghệ nhân và chủ cơ sở; chọn nội dung thuyết minh "
       "cho từng điểm (lịch sử bản, kiến trúc nhà sàn, nghề dệt, ẩm thực, lễ hội). Bản "
       "thuyết minh tiếng Việt được nghệ nhân duyệt, giáo viên tiếng Anh, tiếng Pháp của "
       "Trường THPT Mai Châu dịch và hướng dẫn học sinh người Thái thu âm tại phòng thu "
       "của Trung tâm Văn hóa, Thể thao và Du lịch huyện.",
       "- Biển mã QR được thiết kế thống nhất, có biểu tượng của huyện, kích thước 30 × 40"
       " cm, gắn ở vị trí dễ thấy; mỗi biển có dòng chữ hướng dẫn bằng ba thứ tiếng. Trang"
       " thuyết minh dùng được cả khi sóng yếu vì tệp âm thanh được nén dung lượng nhỏ."),
    H("Tính mới của sáng kiến", "tinh_moi"),
    *P("Lần đầu tiên tại huyện, thông tin du lịch được số hóa tập trung trên một bản đồ, kết "
       "hợp thuyết minh tự động đa ngôn ngữ do chính cộng đồng địa phương thực hiện."),
    *P("Nội dung thuyết minh do người trong bản kể lại, giữ được giọng nói, cách diễn đạt "
       "riêng, khác với các bảng giới thiệu in sẵn trước đây."),
    H("c) Phạm vi áp dụng", "kha_nang_ap_dung"),
    *P("Áp dụng cho tất cả điểm du lịch cộng đồng của huyện; có thể mở rộng cho các huyện có "
       "du lịch cộng đồng trong tỉnh như Đà Bắc, Tân Lạc, Lạc Sơn."),
    *P("Giải pháp cũng dùng được cho các di tích lịch sử, văn hóa cấp tỉnh, các bảo tàng, "
       "nhà truyền thống muốn có thuyết minh tự động mà không cần đầu tư thiết bị tại chỗ."),
    Para("- Lợi ích thu được:", key="loi_ich", label="- Lợi ích thu được"),
    L("5. Hội đồng cơ sở đã xét công nhận", "Biên bản họp ngày 25/7/2024."),
    L("6. Thời gian áp dụng", "từ ngày 01/12/2023.", "ngay_ap_dung"),
    *SIGN("Mai Châu, ngày 12 tháng 8 năm 2024", "Nhóm tác giả", "Hà Thị Phương",
          "Lò Văn Thành"),
))

MINUTES = Minutes(
    agency=("UBND HUYỆN MAI CHÂU", "HỘI ĐỒNG SÁNG KIẾN CƠ SỞ"),
    number="05/BB-HĐSK",
    place="Mai Châu",
    held=D(2024, 7, 25),
    hour="08 giờ 30 phút",
    venue="Hội trường Ủy ban nhân dân huyện Mai Châu",
    council="Hội đồng sáng kiến cơ sở Phòng Văn hóa và Thông tin",
    members=(("Vì Văn Chiến", "Trưởng phòng, Chủ tịch Hội đồng"),
             ("Hà Văn Dũng", "Phó Trưởng phòng, thành viên"),
             ("Đinh Thị Thoa", "Chuyên viên, Thư ký Hội đồng")),
    present=3,
    total=3,
    votes_for=3,
    opinions=("Sáng kiến thiết thực, đã được du khách và người dân đón nhận.",
              "Đề nghị nhóm tác giả bổ sung số liệu về hiệu quả kinh tế khi hoàn thiện hồ sơ."),
    chair="Vì Văn Chiến",
    secretary="Đinh Thị Thoa",
)

DOSSIER = Dossier(
    name="mai-chau-ban-do-so-du-lich",
    profile="bao-cao-mo-ta",
    sector="văn hóa – du lịch",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION,
               minutes(MINUTES, TITLE, tuple(a.name for a in AUTHORS))),
    files=(
        FileSpec("don-yeu-cau.doc", ("don_yeu_cau",), "doc"),
        FileSpec("bao-cao-mo-ta.docx", ("mo_ta",), "docx"),
        FileSpec("bien-ban-hop-hoi-dong.pdf", ("bien_ban",), "scanned_pdf",
                 scan=Scan(dpi=200, skew=-3.2, noise=0.002, blur=0.8, jpeg=70, seed=121)),
    ),
    missing=("loi_ich", "ket_qua"),
    defects=(Defect("empty_section", "'- Lợi ích thu được:' has no content under it"),),
    purpose="An empty heading must count as missing (benefit); a .doc request with footnote "
            "digits; a scanned minutes document with 3.2° skew.",
    notes="Incomplete: the benefit heading is present but empty, and no other benefit "
          "statement appears in the description ('c) Phạm vi áp dụng' states only scope, so "
          "there is no results/hiệu quả section either). "
          "The minutes even ask for the missing figures.",
)
