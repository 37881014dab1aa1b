"""Primary education, profile skkn in the A./B./C. variant with "Lí do": a ZIP of the
teacher's dossier folder with a nested evidence folder (request DOCX with a Unicode file
name, description as a born-digital PDF, proof of application photographed). Complete."""

from samples.content._kit import CP, SIGN, C, D, H, L, P, T
from samples.forms import proof, request_form
from samples.texts import Author, Document, Dossier, FileSpec, FormStyle, Proof, Request, Scan

UNIT = "Trường Tiểu học Kim Đồng"
AUTHORS = (
    Author("Trần Thị Lan", D(1985, 8, 30), UNIT, "Giáo viên", "Cử nhân Giáo dục Tiểu học", 100),
)
TITLE = ("Một số biện pháp giúp học sinh lớp 3 đọc hiểu văn bản thông tin trong môn Tiếng "
         "Việt")

REQUEST = Request(
    addressee="Hội đồng sáng kiến Phòng Giáo dục và Đào tạo huyện Đà Bắc",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Giáo dục tiểu học (môn Tiếng Việt lớp 3).",
    first_applied=D(2023, 9, 18),
    essence=(
        ("Sáng kiến gồm bốn biện pháp: dạy học sinh nhận biết đặc điểm của văn bản thông tin qua "
        "“thẻ nhận diện”; hướng dẫn đọc theo sơ đồ ba bước “Nhìn – Hỏi – Ghi”; tổ chức góc đọc "
        "văn bản thông tin từ tờ rơi, nhãn thuốc, thời khóa biểu, bản tin của xã; và đánh giá "
        "bằng phiếu đọc hiểu ngắn sau mỗi tuần."),
    ),
    confidential=None,
    conditions=("Giáo viên chuẩn bị thẻ nhận diện, phiếu đọc hiểu; lớp học có góc đọc với các "
                "văn bản thông tin sưu tầm tại địa phương."),
    benefit_author=(
        "Tỉ lệ học sinh lớp 3A đạt yêu cầu đọc hiểu văn bản thông tin tăng từ 46% lên 89%; học "
        "sinh tự tin hơn khi đọc các loại giấy tờ trong đời sống hằng ngày."),
    benefit_org=None,
    helpers=(),
    place="Đà Bắc",
    signed=D(2024, 4, 2),
    style=FormStyle(agency=("PHÒNG GD&ĐT ĐÀ BẮC", "TRƯỜNG TIỂU HỌC KIM ĐỒNG"),
                    republic="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
)

DESCRIPTION = Document("mo_ta", (
    C("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐÀ BẮC"),
    C("TRƯỜNG TIỂU HỌC KIM ĐỒNG"),
    T("SÁNG KIẾN KINH NGHIỆM"),
    CP(TITLE),
    CP("Người thực hiện: Trần Thị Lan – Giáo viên lớp 3A"),
    H("A. ĐẶT VẤN ĐỀ", level=1),
    H("I. Lí do chọn đề tài", "ly_do"),
    *P("Chương trình Tiếng Việt lớp 3 mới đưa vào nhiều văn bản thông tin như bản hướng dẫn, "
       "thông báo, bảng biểu, mục lục sách. Đây là kiểu văn bản học sinh gặp hằng ngày nhưng "
       "các em thường đọc như đọc truyện, không biết tìm thông tin chính, không hiểu vai trò của"
       " tiêu đề, hình ảnh, số liệu. Lớp 3A do tôi chủ nhiệm có 31 học sinh, 27 em là người dân"
       " tộc Tày, Mường, vốn từ tiếng Việt còn hạn chế nên khó khăn càng lớn."),
    H("II. Mục đích nghiên cứu", "muc_tieu"),
    *P("Tìm ra những biện pháp đơn giản, phù hợp với học sinh vùng khó khăn, giúp các em đọc "
       "hiểu văn bản thông tin và vận dụng vào đời sống."),
    H("III. Đối tượng, phạm vi nghiên cứu", "pham_vi"),
    *P("Học sinh lớp 3A Trường Tiểu học Kim Đồng năm học 2023 – 2024; các bài đọc văn bản "
       "thông tin trong sách Tiếng Việt 3."),
    H("B. GIẢI QUYẾT VẤN ĐỀ", level=1),
    H("I. Cơ sở lí luận", "co_so_ly_luan"),
    *P("Văn bản thông tin là văn bản chủ yếu dùng để cung cấp thông tin về hiện tượng, sự "
       "vật. Đọc hiểu văn bản thông tin đòi hỏi học sinh nhận ra mục đích của văn bản, tìm ý "
       "chính, hiểu mối quan hệ giữa chữ viết với hình ảnh, số liệu. Học sinh lớp 3 tư duy còn"
       " gắn với trực quan, nên cần các công cụ hỗ trợ cụ thể, lặp lại đều đặn."),
    H("II. Thực trạng", "thuc_trang"),
    *P("Khảo sát đầu năm bằng bài đọc “Lịch tiêm chủng của trạm y tế xã” cho thấy chỉ 46% học "
       "sinh trả lời đúng từ 3/5 câu hỏi trở lên; 35% học sinh không tìm được thông tin nằm "
       "trong bảng; nhiều em chưa từng chú ý đến tiêu đề và chú thích ảnh."),
    H("III. Các biện pháp đã thực hiện", "noi_dung"),
    *P("1. Thẻ nhận diện văn bản thông tin: mỗi học sinh có một thẻ nhỏ in 5 câu hỏi: Văn bản "
       "nói về cái gì? Để làm gì? Có những phần nào? Thông tin nào quan trọng nhất? Em dùng "
       "thông tin này vào việc gì? Học sinh dùng thẻ trước và sau mỗi bài đọc.",
       "2. Sơ đồ ba bước “Nhìn – Hỏi – Ghi”: nhìn tiêu đề, hình ảnh, bảng biểu; tự đặt câu "
       "hỏi; ghi từ khóa vào sơ đồ. Ban đầu giáo viên làm mẫu, sau đó học sinh làm theo nhóm "
       "đôi và cuối cùng làm cá nhân.",
       "3. Góc đọc văn bản thông tin: tôi cùng phụ huynh sưu tầm tờ rơi của trạm y tế, nhãn "
       "thuốc, thời khóa biểu, bản tin của xã, thực đơn bữa ăn bán trú để học sinh đọc trong "
       "giờ ra chơi và giờ đọc thư viện.",
       "4. Phiếu đọc hiểu cuối tuần: phiếu 5 câu hỏi ngắn theo ba mức, giúp giáo viên theo dõi"
       " sự tiến bộ và kịp thời hỗ trợ học sinh còn chậm."),
    H("IV. Hiệu quả", "ket_qua"),
    *P("Cuối học kỳ II, 89% học sinh lớp 3A trả lời đúng từ 3/5 câu hỏi trở lên trong bài đọc "
       "hiểu văn bản thông tin (đầu năm 46%); 100% học sinh biết tìm thông tin trong bảng đơn "
       "giản. Phụ huynh phản ánh các em đã tự đọc được hướng dẫn sử dụng thuốc, lịch tiêm "
       "chủng cho gia đình nghe."),
    H("C. KẾT LUẬN VÀ KIẾN NGHỊ", "ket_luan", level=1),
    *P("Qua một năm học áp dụng, tôi rút ra kết luận: học sinh lớp 3 hoàn toàn có thể đọc hiểu"
       " tốt văn bản thông tin nếu được cung cấp công cụ cụ thể và được đọc những văn bản gần "
       "gũi với cuộc sống của các em."),
    H("1. Tính mới của sáng kiến", "tinh_moi"),
    *P("Sáng kiến lần đầu được áp dụng tại trường, sử dụng nguồn văn bản thông tin thật của "
       "địa phương và công cụ thẻ nhận diện, sơ đồ ba bước do tác giả tự thiết kế."),
    H("2. Khả năng áp dụng và lợi ích", "kha_nang_ap_dung"),
    *P("Các biện pháp dễ làm, không tốn kém, áp dụng được cho học sinh lớp 3 – 5 ở các trường "
       "tiểu học vùng dân tộc thiểu số; giúp học sinh hình thành kỹ năng đọc cần thiết cho "
       "cuộc sống."),
    L("3. Kiến nghị", "đề nghị nhà trường bổ sung văn bản thông tin của địa phương vào thư viện"
      " lớp học; Phòng Giáo dục và Đào tạo tổ chức chuyên đề về dạy đọc hiểu văn bản thông "
      "tin."),
    H("TÀI LIỆU THAM KHẢO", "tai_lieu"),
    *P("1. Bộ Giáo dục và Đào tạo (2018), Chương trình môn Ngữ văn (Tiếng Việt) cấp Tiểu học.",
       "2. Sách giáo viên Tiếng Việt 3, bộ Chân trời sáng tạo (2022)."),
    *SIGN("Đà Bắc, ngày 02 tháng 4 năm 2024", "Người viết", "Trần Thị Lan"),
))

PROOF = Proof(
    agency=("PHÒNG GD&ĐT ĐÀ BẮC", "TRƯỜNG TIỂU HỌC KIM ĐỒNG"),
    number="17/XN-THKĐ",
    place="Đà Bắc",
    signed=D(2024, 3, 29),
    confirmer="Trường Tiểu học Kim Đồng",
    applied_at="lớp 3A và lớp 3B của Trường Tiểu học Kim Đồng",
    since=D(2023, 9, 18),
    effect=(("- Học sinh tiến bộ rõ về đọc hiểu văn bản thông tin; tỉ lệ đạt yêu cầu tăng từ "
            "46% lên 89%."),),
    signer_title="HIỆU TRƯỞNG",
    signer="Xa Thị Hoà",
)

DOSSIER = Dossier(
    name="tieu-hoc-kim-dong-doc-hieu",
    profile="skkn",
    sector="giáo dục",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION, proof(PROOF, TITLE, ("Trần Thị Lan",))),
    files=(
        FileSpec("Đơn yêu cầu công nhận sáng kiến.docx", ("don_yeu_cau",), "docx"),
        FileSpec("SKKN_TranThiLan_2024.pdf", ("mo_ta",), "born_digital_pdf"),
        FileSpec("Minh chung/anh-giay-xac-nhan-{n}.jpg", ("xac_nhan",), "photo",
                 scan=Scan(dpi=150, skew=-2.5, photo=True, jpeg=75, stamp_pages=(1,),
                           seed=91)),
    ),
    container="zip",
    zip_root="HoSo_SKKN_TranThiLan",
    purpose="ZIP intake: a dossier folder with a nested folder ('Minh chung/'), a UTF-8 file "
            "name with diacritics; skkn A./B./C. outline with Lí spelling; a photographed "
            "proof with a seal.",
    notes="Complete. files[].path is the path inside the ZIP, below 'HoSo_SKKN_TranThiLan/'. "
          "The kiến nghị line is an inline heading without a key.",
)
