"""Agriculture (veterinary), profile langson-291, typed in 2021 with the legacy VNI fonts
(VNI-Times: base letter followed by mark bytes): request and description as DOCX with VNI
runs. Two authors (70/30). Complete."""

from samples.content._kit import CP, SIGN, C, D, H, L, P, T
from samples.forms import request_form
from samples.texts import Author, Document, Dossier, FileSpec, FormStyle, Helper, Request

UNIT = "Trạm Chăn nuôi và Thú y huyện Lộc Bình"
AUTHORS = (
    Author("Chu Văn Khoa", D(1977, 5, 5), UNIT, "Trạm trưởng", "Bác sĩ Thú y", 70),
    Author("La Thị Xuân", D(1992, 9, 25), UNIT, "Nhân viên", "Kỹ sư Chăn nuôi", 30),
)
TITLE = ("Tổ chức tiêm phòng vắc xin cho đàn trâu, bò theo lịch cuốn chiếu từng thôn kết hợp "
         "sổ theo dõi điện tử tại huyện Lộc Bình")

REQUEST = Request(
    addressee="Hội đồng sáng kiến tỉnh Lạng Sơn",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Nông nghiệp – thú y, phòng chống dịch bệnh gia súc.",
    first_applied=D(2020, 3, 2),
    essence=(
        ("Thay vì tiêm phòng đồng loạt toàn huyện trong 15 ngày, sáng kiến chia 21 xã, thị trấn "
        "thành 6 cụm, tiêm cuốn chiếu theo lịch cố định từng thôn; mỗi con trâu, bò được gắn "
        "số tai và ghi vào sổ theo dõi điện tử trên điện thoại của thú y viên cơ sở, đồng bộ về"
        " Trạm mỗi tối."),
    ),
    confidential=None,
    conditions=("Thú y viên cơ sở có điện thoại thông minh; trạm có máy tính quản lý dữ liệu; "
                "ủy ban nhân dân cấp xã phối hợp thông báo lịch tiêm đến từng thôn."),
    benefit_author=(
        "Tỷ lệ tiêm phòng lở mồm long móng và tụ huyết trùng đạt 86% tổng đàn (trước đây 62%); "
        "không có ổ dịch trên trâu, bò trong 2 năm; giảm 40% vắc xin hư hỏng do bảo quản."),
    benefit_org=("Ủy ban nhân dân xã Khánh Xuân xác nhận người dân chủ động đưa trâu, bò đến "
                 "điểm tiêm đúng lịch, không còn tình trạng tiêm sót."),
    helpers=(
        Helper("Hoàng Văn Pìn", D(1981, 6, 6), "Xã Khánh Xuân", "Thú y viên cơ sở", "Trung cấp"
               " Thú y", "Tiêm phòng, nhập sổ theo dõi điện tử"),
    ),
    place="Lộc Bình",
    signed=D(2021, 10, 20),
    style=FormStyle(footnotes=True, date_style="slash"),
)

DESCRIPTION = Document("mo_ta", (
    C("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH LẠNG SƠN"),
    T("BẢN MÔ TẢ SÁNG KIẾN"),
    CP(TITLE),
    H("Mục lục", "muc_luc"),
    *P("1. Tóm tắt sáng kiến; 2. Danh mục từ viết tắt; 3. Danh mục bảng; 4. Lý do chọn sáng "
       "kiến; 5. Mục tiêu; 6. Phạm vi; 7. Cơ sở lý luận, thực tiễn; 8. Nội dung và kết quả; "
       "9. Thảo luận, đánh giá; 10. Kết luận; 11. Tài liệu tham khảo."),
    H("1. Tóm tắt sáng kiến", "tom_tat"),
    *P("Sáng kiến tổ chức lại cách tiêm phòng vắc xin cho trâu, bò: tiêm cuốn chiếu theo cụm "
       "xã và lịch từng thôn, quản lý từng con bằng số tai và sổ điện tử, giúp nâng tỷ lệ tiêm"
       " phòng từ 62% lên 86% tổng đàn."),
    H("2. Danh mục từ viết tắt", "viet_tat"),
    *P("LMLM: lở mồm long móng; THT: tụ huyết trùng; TYV: thú y viên."),
    H("3. Danh mục bảng", "danh_muc_bang"),
    *P("Bảng 1. Tỷ lệ tiêm phòng theo cụm xã năm 2020 và 2021."),
    H("4. Lý do chọn sáng kiến", "ly_do"),
    *P("Lộc Bình có khoảng 24.000 con trâu, bò, chăn thả chủ yếu trên đồi. Mỗi đợt tiêm phòng "
       "đồng loạt, thú y viên phải đi nhiều thôn cùng lúc, người dân không kịp lùa gia súc về,"
       " nhiều con bị tiêm sót hoặc tiêm trùng; vắc xin chuyển đi, chuyển lại nhiều lần nên hư"
       " hỏng. Sổ sách ghi tay, cuối đợt tổng hợp mất cả tuần và khó biết con nào chưa tiêm."),
    H("5. Mục tiêu", "muc_tieu"),
    *P("Đạt tỷ lệ tiêm phòng trên 80% tổng đàn trâu, bò; quản lý được lịch sử tiêm của từng "
       "con; giảm vắc xin hư hỏng."),
    H("6. Phạm vi", "pham_vi"),
    *P("21 xã, thị trấn của huyện Lộc Bình; các đợt tiêm phòng năm 2020 và năm 2021."),
    H("7. Cơ sở lý luận, cơ sở thực tiễn", "co_so_ly_luan"),
    *P("Miễn dịch đàn chỉ có tác dụng ngăn dịch khi trên 80% gia súc được tiêm; vắc xin phải "
       "bảo quản 2 – 8 °C và dùng hết trong ngày sau khi mở. Thực tiễn các đợt trước cho thấy "
       "tiêm dàn trải làm cả hai điều kiện này khó bảo đảm."),
    H("8. Nội dung và những kết quả nghiên cứu của sáng kiến", "noi_dung"),
    *P("- Chia 6 cụm xã theo đường giao thông; mỗi cụm có một điểm trữ lạnh; thú y viên tiêm "
       "cuốn chiếu từng thôn theo lịch thông báo trước 7 ngày trên loa truyền thanh.",
       "- Gắn số tai cho trâu, bò; sổ điện tử trên điện thoại ghi số tai, chủ hộ, loại vắc xin,"
       " ngày tiêm; dữ liệu đồng bộ về Trạm mỗi tối, lập ngay danh sách con chưa tiêm để tiêm "
       "bù."),
    *P("- Tập huấn cho 42 thú y viên cơ sở cách dùng sổ điện tử, bấm số tai, bảo quản vắc "
       "xin trong hộp lạnh khi đi tiêm; mỗi cụm có một nhóm nhắn tin để báo lịch, báo số "
       "liều còn lại cuối ngày.",
       "- Kết quả: năm 2021 tỷ lệ tiêm LMLM đạt 86%, THT đạt 84%; lượng vắc xin hư hỏng giảm "
       "40%; không phát sinh ổ dịch trên địa bàn."),
    H("9. Thảo luận, đánh giá kết quả thu được", "danh_gia"),
    *P("Việc tiêm cuốn chiếu kéo dài thời gian mỗi đợt lên 30 ngày nhưng bảo đảm tiêm đủ và "
       "đúng kỹ thuật."),
    L("- Tính mới, tính sáng tạo", "lần đầu tiên trong tỉnh quản lý tiêm phòng trâu, bò đến "
      "từng con bằng số tai và sổ điện tử đồng bộ hằng ngày.", "tinh_moi"),
    L("- Khả năng áp dụng", "áp dụng được cho các huyện miền núi có đàn gia súc chăn thả.",
      "kha_nang_ap_dung"),
    L("- Lợi ích thiết thực", "giảm thiệt hại do dịch bệnh, tiết kiệm vắc xin, bảo vệ sinh kế "
      "của người chăn nuôi.", "loi_ich"),
    H("10. Kết luận", "ket_luan"),
    *P("Sáng kiến đã được áp dụng hiệu quả trong hai năm, đề nghị nhân rộng ra toàn tỉnh."),
    H("11. Tài liệu tham khảo", "tai_lieu"),
    *P("1. Luật Thú y số 79/2015/QH13.",
       "2. Thông tư số 07/2016/TT-BNNPTNT quy định về phòng, chống dịch bệnh động vật trên cạn."),
    *SIGN("Lộc Bình, ngày 20 tháng 10 năm 2021", "Nhóm tác giả", "Chu Văn Khoa", "La Thị Xuân"),
))

DOSSIER = Dossier(
    name="loc-binh-tiem-phong-vni",
    profile="langson-291",
    sector="nông nghiệp",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("don-yeu-cau.docx", ("don_yeu_cau",), "docx_vni"),
        FileSpec("ban-mo-ta.docx", ("mo_ta",), "docx_vni", headings="styles"),
    ),
    purpose="Legacy VNI fonts in DOCX runs (base letters followed by mark bytes); "
            "langson-291 outline with decimal numbering and a one-line Mục lục.",
    notes="Complete. pages[].text is the Unicode the reader must recover; the files hold VNI "
          "bytes in VNI-Times runs.",
)
