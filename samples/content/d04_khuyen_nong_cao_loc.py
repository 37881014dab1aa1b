"""Agriculture, Lạng Sơn guidance 291 (profile langson-291): request photographed with a
phone (one JPEG per page), description as a mixed PDF (text pages and scanned pages).
"Lí do" spelling, a table of contents whose entries repeat the headings. Complete."""

from samples.content._kit import SIGN, C, D, H, L, P, T
from samples.forms import request_form
from samples.texts import Author, Document, Dossier, FileSpec, FormStyle, Helper, Request, Scan

UNIT = "Trạm Khuyến nông huyện Cao Lộc"
AUTHORS = (
    Author("Hoàng Văn Thắng", D(1980, 7, 14), UNIT, "Trạm trưởng", "Kỹ sư Trồng trọt", 50),
    Author("Lương Thị Huệ", D(1988, 12, 5), UNIT, "Khuyến nông viên", "Kỹ sư Nông học", 50),
)
TITLE = ("Ứng dụng nhà lưới đơn giản khung tre trồng cà chua trái vụ cho hộ nông dân các xã "
         "vùng thấp huyện Cao Lộc")

REQUEST = Request(
    addressee="Hội đồng sáng kiến tỉnh Lạng Sơn",
    authors=AUTHORS,
    title=TITLE,
    investor="Trung tâm Khuyến nông tỉnh Lạng Sơn (hỗ trợ kinh phí xây dựng mô hình trình "
             "diễn).",
    field="Nông nghiệp – trồng trọt (sản xuất rau, quả trái vụ).",
    first_applied=D(2022, 8, 15),
    essence=(
        ("Sáng kiến thiết kế mẫu nhà lưới đơn giản diện tích 500 m², khung bằng tre, luồng sẵn có "
        "tại địa phương, mái lợp lưới chắn côn trùng 32 mắt kết hợp màng nilon tháo lắp theo "
        "mùa, chi phí chỉ bằng khoảng một phần năm nhà lưới khung thép."),
        ("Kèm theo là quy trình kỹ thuật trồng cà chua trái vụ (gieo tháng 7 – 8, thu hoạch tháng"
        " 11 – 1): chọn giống chịu nhiệt, ghép gốc cà tím, tưới nhỏ giọt, bón phân theo giai "
        "đoạn và phòng trừ sâu bệnh tổng hợp, hạn chế thuốc hóa học."),
    ),
    confidential=None,
    conditions=("Hộ có đất bằng, chủ động nước tưới, có tre hoặc luồng làm khung; được cán bộ "
                "khuyến nông hướng dẫn kỹ thuật dựng nhà lưới và chăm sóc trong vụ đầu."),
    benefit_author=(
        "Năng suất cà chua trái vụ đạt 42 tấn/ha, cao hơn 35% so với trồng ngoài đồng; giá bán "
        "trái vụ cao gấp 1,8 lần chính vụ; lợi nhuận bình quân 96 triệu đồng/ha/vụ. Giảm 3 – 4 "
        "lần phun thuốc bảo vệ thực vật mỗi vụ."),
    benefit_org=("Ủy ban nhân dân xã Gia Cát và xã Tân Liên đánh giá mô hình phù hợp điều kiện "
                 "địa phương, đề nghị nhân rộng trong chương trình xây dựng nông thôn mới."),
    helpers=(
        Helper("Vi Văn Lợi", D(1975, 4, 2), "Thôn Còn Quan, xã Gia Cát", "Nông dân",
               "Trung học cơ sở", "Dựng nhà lưới, áp dụng thử 500 m²"),
        Helper("Hoàng Thị Nga", D(1983, 10, 30), "Thôn Nà Làng, xã Tân Liên", "Nông dân",
               "Trung học phổ thông", "Áp dụng thử 1.000 m²"),
    ),
    place="Cao Lộc",
    signed=D(2023, 10, 10),
    style=FormStyle(footnotes=True),
)

DESCRIPTION = Document("mo_ta", (
    C("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH LẠNG SƠN"),
    C("TRẠM KHUYẾN NÔNG HUYỆN CAO LỘC"),
    T("BẢN MÔ TẢ SÁNG KIẾN"),
    C(TITLE),
    H("MỤC LỤC", "muc_luc"),
    *P("Tóm tắt sáng kiến .......... 1", "Danh mục từ viết tắt; danh mục bảng .......... 1",
       "1. Lí do chọn sáng kiến .......... 2", "2. Mục tiêu, phạm vi của sáng kiến .......... 2",
       "3. Cơ sở lý luận, cơ sở thực tiễn .......... 2",
       "4. Nội dung và những kết quả nghiên cứu của sáng kiến .......... 3",
       "5. Thảo luận, đánh giá kết quả thu được .......... 4",
       "6. Kết luận; Tài liệu tham khảo .......... 4"),
    H("TÓM TẮT SÁNG KIẾN", "tom_tat"),
    *P("Sáng kiến đưa ra mẫu nhà lưới đơn giản bằng khung tre, chi phí thấp, cùng quy trình "
       "trồng cà chua trái vụ phù hợp với các xã vùng thấp của huyện Cao Lộc. Mô hình đã được "
       "áp dụng trên 2,4 ha tại 2 xã trong hai vụ 2022 và 2023, năng suất đạt 42 tấn/ha, lợi "
       "nhuận bình quân 96 triệu đồng/ha/vụ."),
    H("DANH MỤC TỪ VIẾT TẮT", "viet_tat"),
    *P("BVTV: Bảo vệ thực vật; HTX: Hợp tác xã; NTM: Nông thôn mới; UBND: Ủy ban nhân dân."),
    H("DANH MỤC BẢNG", "danh_muc_bang"),
    *P("Bảng 1. So sánh chi phí nhà lưới khung tre và khung thép; Bảng 2. Năng suất và hiệu "
       "quả kinh tế của mô hình."),
    H("1. Lí do chọn sáng kiến", "ly_do"),
    *P("Cao Lộc có diện tích trồng rau trên 1.200 ha, nhưng sản xuất chủ yếu vào vụ đông xuân"
       " nên vào chính vụ rau quả rớt giá, còn từ tháng 9 đến tháng 12 thị trường thành phố Lạng"
       " Sơn lại phải nhập cà chua từ nơi khác. Trồng cà chua trái vụ ngoài đồng gặp mưa lớn, "
       "nắng nóng và sâu bệnh nên năng suất thấp, người dân phải phun thuốc nhiều lần.",
       "Nhà lưới khung thép có thể khắc phục những khó khăn đó nhưng chi phí đầu tư 250 – 300 "
       "nghìn đồng/m², vượt quá khả năng của hộ nông dân. Vì vậy cần một giải pháp rẻ, dễ làm,"
       " tận dụng vật liệu tại chỗ."),
    H("2. Mục tiêu, phạm vi của sáng kiến", "muc_tieu"),
    *P("Mục tiêu: xây dựng được mẫu nhà lưới chi phí dưới 60 nghìn đồng/m² và quy trình trồng "
       "cà chua trái vụ đạt năng suất trên 35 tấn/ha, giảm ít nhất một phần ba lượng thuốc "
       "BVTV so với trồng ngoài đồng."),
    L("Phạm vi", "các hộ trồng rau tại xã Gia Cát, xã Tân Liên (huyện Cao Lộc cũ), vụ thu đông "
      "năm 2022 và năm 2023.", "pham_vi"),
    H("3. Cơ sở lý luận, cơ sở thực tiễn", "co_so_ly_luan"),
    *P("Cà chua sinh trưởng tốt ở nhiệt độ 20 – 28 °C; mưa lớn và ẩm độ cao làm tăng bệnh "
       "mốc sương, héo xanh. Lưới chắn côn trùng 32 mắt giảm 70 – 80% bọ phấn, sâu đục quả; mái"
       " nilon che mưa giảm rõ bệnh hại lá. Ghép cà chua trên gốc cà tím giúp cây chống chịu "
       "bệnh héo xanh vi khuẩn và úng. Tre, luồng là vật liệu sẵn có, tuổi thọ khung 3 – 4 năm"
       " nếu được ngâm, xử lý trước khi dựng."),
    H("4. Nội dung và những kết quả nghiên cứu của sáng kiến", "noi_dung"),
    *P("4.1. Thiết kế nhà lưới: nhà rộng 10 m, dài 50 m, cao 3,2 m ở đỉnh; cột tre đường kính "
       "8 – 10 cm chôn sâu 0,5 m, khoảng cách 2,5 m; mái vòm bằng nan luồng, lợp lưới chắn côn "
       "trùng, phía trên căng màng nilon có thể cuộn lên khi trời nắng. Chi phí vật tư và công "
       "dựng là 52 nghìn đồng/m², bằng khoảng 19% nhà lưới khung thép (Bảng 1).",
       "4.2. Quy trình trồng: giống cà chua chịu nhiệt, cây giống ghép gốc cà tím, trồng hàng "
       "đôi mật độ 2,4 vạn cây/ha; tưới nhỏ giọt kết hợp bón phân hòa tan theo 4 giai đoạn; "
       "tỉa cành, buộc dây leo; dùng bẫy dính màu vàng và chế phẩm sinh học, chỉ dùng thuốc hóa"
       " học khi mật độ sâu bệnh vượt ngưỡng.",
       "4.3. Kết quả: vụ thu đông năm 2022 trên 0,8 ha và năm 2023 trên 1,6 ha, năng suất bình"
       " quân 42 tấn/ha (ngoài đồng 31 tấn/ha), số lần phun thuốc giảm từ 9 xuống 5 lần/vụ, "
       "giá bán bình quân 14.500 đồng/kg, lợi nhuận 96 triệu đồng/ha/vụ (Bảng 2)."),
    H("5. Thảo luận, đánh giá kết quả thu được", "danh_gia"),
    *P("Kết quả hai vụ cho thấy nhà lưới khung tre đủ bền cho 3 – 4 vụ, chống được mưa lớn và"
       " côn trùng; năng suất ổn định giữa các hộ. Hạn chế là khung tre cần kiểm tra, thay cột"
       " mục sau mỗi mùa mưa bão."),
    L("5.1. Tính mới, tính sáng tạo", "lần đầu tiên trên địa bàn huyện, nhà lưới trồng rau "
      "được dựng hoàn toàn bằng vật liệu tại chỗ với mái lưới kết hợp nilon tháo lắp theo mùa;"
      " quy trình trồng cà chua ghép gốc cà tím trong nhà lưới được điều chỉnh cho vụ thu đông "
      "của vùng núi phía Bắc.", "tinh_moi"),
    L("5.2. Khả năng áp dụng", "áp dụng được cho các huyện có điều kiện tương tự trong tỉnh "
      "như Văn Lãng, Chi Lăng, Hữu Lũng, và cho các loại rau ăn quả khác như dưa chuột, ớt.",
      "kha_nang_ap_dung"),
    L("5.3. Lợi ích thiết thực", "lợi nhuận tăng 38 triệu đồng/ha/vụ so với trồng ngoài đồng; "
      "giảm lượng thuốc BVTV, an toàn cho người sản xuất và người tiêu dùng; tận dụng lao "
      "động nông nhàn trong vụ thu đông.", "loi_ich"),
    H("6. Kết luận", "ket_luan"),
    *P("Mô hình nhà lưới khung tre trồng cà chua trái vụ có chi phí thấp, kỹ thuật đơn giản, "
       "hiệu quả kinh tế rõ rệt. Đề nghị Trung tâm Khuyến nông tỉnh tiếp tục hỗ trợ nhân rộng "
       "mô hình gắn với liên kết tiêu thụ sản phẩm qua hợp tác xã."),
    H("TÀI LIỆU THAM KHẢO", "tai_lieu"),
    *P("1. Bộ Nông nghiệp và Phát triển nông thôn (2019), Quy trình kỹ thuật sản xuất cà chua "
       "an toàn.",
       "2. Trung tâm Khuyến nông quốc gia (2020), Sổ tay kỹ thuật nhà lưới, nhà màng quy mô "
       "nông hộ."),
    *SIGN("Cao Lộc, ngày 10 tháng 10 năm 2023", "Nhóm tác giả", "Hoàng Văn Thắng",
          "Lương Thị Huệ"),
))

DOSSIER = Dossier(
    name="khuyen-nong-cao-loc-ca-chua",
    profile="langson-291",
    sector="nông nghiệp",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("anh-don-yeu-cau-trang-{n}.jpg", ("don_yeu_cau",), "photo",
                 scan=Scan(dpi=150, skew=2.0, skews=((2, -1.2),), photo=True, jpeg=78,
                           seed=41)),
        FileSpec("ban-mo-ta-sang-kien.pdf", ("mo_ta",), "mixed_pdf", scanned_pages=(2, 3),
                 scan=Scan(dpi=250, skew=-1.0, skews=((3, 0.8),), noise=0.001, blur=0.4,
                           jpeg=72, seed=42)),
    ),
    purpose="Phone photos of a request (uneven light, perspective, no DPI); a PDF whose middle "
            "pages are scans while the others carry text (OCR only the image pages); the "
            "full langson-291 outline incl. Mục lục whose lines repeat headings.",
    notes="Complete. Photos: one JPEG per request page, name ends with the page number. "
          "scan.dpi 150 for photos is the nominal resolution the page was drawn at.",
)
