"""Environment, profile bao-cao-mo-ta with Roman numbering: request and description each a
multi-page bilevel TIFF (CCITT G4, 300 dpi) as an office scanner writes them. Single author.
Complete."""

from samples.content._kit import SIGN, D, H, L, P, T
from samples.forms import request_form
from samples.texts import Author, Document, Dossier, FileSpec, FormStyle, Helper, Request, Scan

UNIT = "Phòng Tài nguyên và Môi trường huyện Yên Thủy"
AUTHORS = (
    Author("Nguyễn Văn Hiếu", D(1983, 10, 8), UNIT, "Phó Trưởng phòng",
           "Thạc sĩ Khoa học môi trường", 100),
)
TITLE = ("Mô hình phân loại rác thải sinh hoạt tại nguồn gắn với ủ phân hữu cơ quy mô hộ gia "
         "đình tại xã Phú Lai, huyện Yên Thủy")

REQUEST = Request(
    addressee="Hội đồng sáng kiến huyện Yên Thủy",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Môi trường – quản lý chất thải rắn sinh hoạt ở nông thôn.",
    first_applied=D(2023, 4, 1),
    essence=(
        ("Các hộ gia đình được hướng dẫn phân rác thành ba loại: rác hữu cơ dễ phân hủy, rác tái"
        " chế được và rác còn lại. Rác hữu cơ được ủ ngay tại hộ trong thùng ủ 120 lít cải tạo "
        "từ thùng nhựa cũ, dùng chế phẩm vi sinh; sau 35 – 45 ngày cho phân bón cây trồng."),
        ("Rác tái chế được chi hội phụ nữ thu gom mỗi tháng một lần để bán, tiền dùng cho quỹ "
        "hoạt động của thôn; chỉ rác còn lại được tổ vệ sinh môi trường thu gom đưa đi xử lý."),
    ),
    confidential=None,
    conditions=("Hộ có vườn hoặc khoảng đất trống để đặt thùng ủ; thôn có tổ tự quản môi "
                "trường; Ủy ban nhân dân xã hỗ trợ chế phẩm vi sinh trong năm đầu."),
    benefit_author=(
        "Lượng rác phải thu gom, vận chuyển giảm 58%; mỗi hộ có 250 – 300 kg phân hữu cơ mỗi "
        "năm; xã tiết kiệm khoảng 120 triệu đồng/năm chi phí vận chuyển, xử lý rác."),
    benefit_org=("Ủy ban nhân dân xã Phú Lai xác nhận mô hình được 412/530 hộ của 4 thôn áp "
                 "dụng, đường làng, kênh mương sạch hơn rõ rệt."),
    helpers=(
        Helper("Bạch Thị Lụa", D(1972, 1, 16), "Hội Liên hiệp Phụ nữ xã Phú Lai",
               "Chủ tịch Hội", "Trung cấp", "Vận động hội viên, tổ chức thu gom rác tái chế"),
    ),
    place="Yên Thủy",
    signed=D(2024, 2, 26),
    style=FormStyle(agency=("UBND HUYỆN YÊN THỦY", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
                    republic="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", footnotes=True),
)

DESCRIPTION = Document("mo_ta", (
    T("BÁO CÁO MÔ TẢ SÁNG KIẾN"),
    L("I. TÊN SÁNG KIẾN", f"{TITLE}.", "ten_sang_kien"),
    L("II. TÁC GIẢ", "Nguyễn Văn Hiếu, Phó Trưởng phòng Tài nguyên và Môi trường huyện Yên "
      "Thủy, Thạc sĩ Khoa học môi trường.", "tac_gia"),
    L("III. LĨNH VỰC ÁP DỤNG", "Môi trường.", "linh_vuc"),
    H("IV. MÔ TẢ SÁNG KIẾN"),
    H("1. Tình trạng giải pháp đã biết", "thuc_trang"),
    *P("Xã Phú Lai có 1.960 hộ, lượng rác thải sinh hoạt khoảng 4,2 tấn mỗi ngày. Trước năm "
       "2023, rác được để chung trong bao, túi và đổ ra các điểm tập kết ven đường; tổ thu gom "
       "chỉ thu được 3 lần mỗi tuần nên rác tồn đọng, bốc mùi, nhiều hộ tự đốt hoặc vứt xuống "
       "kênh mương. Chi phí thu gom, vận chuyển về bãi xử lý của huyện ngày càng tăng, trong "
       "khi hơn một nửa khối lượng rác là thức ăn thừa, rau, lá cây có thể tận dụng làm phân."),
    *P("Kết quả cân, phân loại mẫu rác của 40 hộ tại 4 thôn trong tháng 2/2023 cho thấy "
       "rác hữu cơ chiếm 61%, rác tái chế được (giấy, nhựa cứng, chai lọ, kim loại) chiếm "
       "14%, phần còn lại là túi ni lông, tã bỉm, sành sứ. Phần lớn người dân chưa biết "
       "cách phân loại, cho rằng phân loại xong rồi cũng bị đổ chung lên xe thu gom. Các "
       "mô hình phân loại rác được triển khai trước đây ở một số xã chỉ duy trì được vài "
       "tháng vì thiếu chỗ xử lý rác hữu cơ sau khi phân loại và không có lợi ích trực "
       "tiếp cho người dân."),
    H("2. Nội dung giải pháp", "noi_dung"),
    *P("- Tuyên truyền, tập huấn: tổ chức 8 buổi tập huấn tại 4 thôn, phát tờ rơi hướng dẫn "
       "phân loại rác bằng hình ảnh, in song ngữ Việt – Mường; mỗi thôn chọn 10 hộ làm mẫu.",
       "- Thùng ủ hộ gia đình: thùng nhựa cũ 120 lít được khoan lỗ thoáng khí, đáy lót trấu; "
       "mỗi lớp rác hữu cơ dày 10 – 15 cm rắc một lượt chế phẩm vi sinh và tro bếp; đậy kín, "
       "đảo trộn 7 ngày một lần. Chi phí cải tạo một thùng khoảng 70 nghìn đồng.",
       "- Thu gom rác tái chế: chi hội phụ nữ mỗi thôn lập “ngày hội đổi rác” hằng tháng, gom "
       "giấy, nhựa, kim loại để bán; số tiền thu được đưa vào quỹ của chi hội.",
       "- Kiểm tra, đánh giá: tổ tự quản chấm điểm hằng quý, công khai các hộ làm tốt trên loa"
       " truyền thanh của thôn."),
    *P("- Sử dụng sản phẩm: phân ủ sau 35 – 45 ngày được các hộ dùng bón rau, cây ăn quả "
       "trong vườn; hộ không có vườn góp phân cho tổ hợp tác trồng rau an toàn của thôn để"
       " đổi lấy rau. Tổ tự quản hướng dẫn cách nhận biết phân đã hoai: không còn mùi hôi,"
       " màu nâu sẫm, tơi xốp.",
       "- Phối hợp với tổ thu gom: lịch thu gom được điều chỉnh chỉ thu rác còn lại vào "
       "thứ Hai và thứ Năm; xe thu gom không nhận túi rác có lẫn rác hữu cơ, người thu gom"
       " ghi lại và báo tổ tự quản để nhắc nhở hộ gia đình."),
    H("Tính mới, tính sáng tạo", "tinh_moi"),
    *P("Khác với các mô hình trước chỉ dừng ở phân loại rồi vẫn thu gom toàn bộ, sáng kiến xử"
       " lý rác hữu cơ ngay tại hộ bằng thùng ủ tái sử dụng và gắn việc thu gom rác tái chế với"
       " quỹ của tổ chức hội, tạo động lực duy trì lâu dài."),
    H("3. Hiệu quả và phạm vi áp dụng", "ket_qua"),
    *P("Sau 10 tháng, 412/530 hộ của 4 thôn thí điểm áp dụng; khối lượng rác phải thu gom của "
       "4 thôn giảm từ 1,1 tấn xuống 0,46 tấn mỗi ngày (58%); các chi hội thu được 26 triệu "
       "đồng từ bán rác tái chế; không còn điểm tập kết rác tự phát ven đường."),
    *P("Kết quả kiểm tra ngẫu nhiên 60 thùng ủ vào tháng 12/2023 cho thấy 52 thùng vận "
       "hành đúng kỹ thuật, không có mùi hôi, không phát sinh ruồi nhặng; 8 thùng bị ướt "
       "do đặt nơi trũng đã được hướng dẫn khắc phục. Điều tra 120 hộ cho thấy 91% hộ muốn"
       " tiếp tục duy trì mô hình, 76% hộ đã dùng phân ủ thay một phần phân bón hóa học "
       "cho rau trong vườn."),
    L("Hiệu quả kinh tế", "xã giảm khoảng 120 triệu đồng/năm chi phí thu gom, vận chuyển; mỗi "
      "hộ tiết kiệm 300 – 400 nghìn đồng/năm tiền mua phân bón.", "loi_ich"),
    L("Khả năng nhân rộng", "áp dụng được ở các xã nông thôn có vườn hộ, đã được Ủy ban nhân dân"
      " huyện chọn nhân rộng ra 5 xã trong năm 2024.", "kha_nang_ap_dung"),
    L("V. THỜI GIAN ÁP DỤNG", "từ ngày 01/4/2023.", "ngay_ap_dung"),
    *SIGN("Yên Thủy, ngày 26 tháng 02 năm 2024", "Người báo cáo", "Nguyễn Văn Hiếu"),
))

DOSSIER = Dossier(
    name="yen-thuy-phan-loai-rac",
    profile="bao-cao-mo-ta",
    sector="môi trường",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("don-yeu-cau.tif", ("don_yeu_cau",), "tiff",
                 scan=Scan(dpi=300, skew=0.8, skews=((2, -1.1),), noise=0.002, seed=71)),
        FileSpec("bao-cao-mo-ta.tif", ("mo_ta",), "tiff",
                 scan=Scan(dpi=300, skew=-0.6, skews=((2, 1.4), (3, 0.3)), noise=0.002,
                           blur=0.5, seed=72)),
    ),
    purpose="Multi-page TIFF (bilevel G4) reading; Roman-numbered outline with inline headings "
            "('I. TÊN SÁNG KIẾN: …'); 'Tình trạng giải pháp đã biết' as the situation cue.",
    notes="Complete. Single author (100 %).",
)
