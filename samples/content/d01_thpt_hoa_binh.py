"""Education, school "sáng kiến kinh nghiệm" (profile skkn), typed in Word: request with a
two-column header table and bold labels, description with Word heading styles, header and
footer. Two authors (70/30). Complete."""

from samples.content._kit import CP, C, D, H, L, P, T
from samples.forms import request_form
from samples.texts import Author, Document, Dossier, FileSpec, FormStyle, Helper, Request

UNIT = "Trường THPT Hoà Bình"
AUTHORS = (
    Author("Nguyễn Thị Thu Hà", D(1986, 4, 12), UNIT, "Giáo viên",
           "Thạc sĩ Lý luận và phương pháp dạy học bộ môn Toán", 70),
    Author("Bùi Văn Khải", D(1990, 9, 3), UNIT, "Tổ trưởng chuyên môn", "Cử nhân Sư phạm Toán",
           30),
)
TITLE = ("Một số biện pháp rèn luyện kỹ năng giải bài toán thực tế cho học sinh lớp 10 thông "
         "qua chủ đề hàm số bậc hai")

REQUEST = Request(
    addressee="Hội đồng sáng kiến Sở Giáo dục và Đào tạo tỉnh Hoà Bình",
    authors=AUTHORS,
    title=TITLE,
    investor=None,
    field="Giáo dục và đào tạo (dạy học môn Toán lớp 10).",
    first_applied=D(2023, 9, 11),
    essence=(
        ("Sáng kiến xây dựng hệ thống 24 bài toán thực tế gắn với chủ đề hàm số bậc hai, lấy "
        "bối cảnh từ đời sống của học sinh miền núi: tính diện tích vườn rau lớn nhất với số "
        "mét lưới cho trước, quỹ đạo quả bóng trong giờ thể dục, giá vé xe khách theo số "
        "người đi."),
        ("Mỗi bài được tổ chức dạy theo bốn bước: đọc hiểu tình huống, chuyển sang ngôn ngữ "
        "toán học, giải bài toán trên mô hình và trả lời lại bằng ngôn ngữ thực tế. Giáo viên "
        "sử dụng phiếu học tập có gợi ý theo ba mức độ để học sinh tự lựa chọn; phần mềm "
        "GeoGebra được dùng để học sinh kiểm tra kết quả bằng đồ thị."),
    ),
    confidential=None,
    conditions=("Giáo viên được tập huấn về dạy học gắn với thực tiễn; lớp học có máy chiếu và "
                "ít nhất một máy tính cài GeoGebra; học sinh được phát phiếu học tập in sẵn."),
    benefit_author=(
        "Tỉ lệ học sinh lớp thực nghiệm giải đúng bài toán thực tế trong bài kiểm tra cuối "
        "chủ đề tăng từ 38,5% lên 71,4%; học sinh hứng thú hơn, tự đặt được đề bài mới từ "
        "tình huống quanh mình. Bộ phiếu học tập được dùng lại cho các năm học sau mà không "
        "phát sinh chi phí."),
    benefit_org=(
        "Tổ Toán – Tin nhận xét sáng kiến dễ áp dụng, đã được dùng trong 6 lớp 10 của trường "
        "năm học 2023 – 2024 và đưa vào kế hoạch dạy học của tổ từ năm học sau."),
    helpers=(
        Helper("Đinh Thị Mai", D(1992, 2, 20), UNIT, "Giáo viên", "Cử nhân Sư phạm Toán",
               "Dạy thử nghiệm tại lớp 10A3, 10A5"),
    ),
    place="Hoà Bình",
    signed=D(2024, 4, 15),
    style=FormStyle(agency=("SỞ GD&ĐT HOÀ BÌNH", "TRƯỜNG THPT HOÀ BÌNH"),
                    republic="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    motto="Độc lập – Tự do – Hạnh phúc", share_suffix="%"),
)

DESCRIPTION = Document("mo_ta", (
    C("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HOÀ BÌNH"),
    C("TRƯỜNG THPT HOÀ BÌNH"),
    T("SÁNG KIẾN KINH NGHIỆM"),
    CP(f"Đề tài: {TITLE}"),
    H("PHẦN I. ĐẶT VẤN ĐỀ", level=1),
    H("1. Lý do chọn đề tài", "ly_do"),
    *P("Chương trình giáo dục phổ thông 2018 đặt mục tiêu hình thành cho học sinh năng lực mô "
       "hình hóa toán học, tức là biết chuyển một tình huống thực tế thành bài toán, giải nó "
       "rồi đối chiếu kết quả với thực tế. Tuy nhiên, khi dạy chủ đề hàm số bậc hai ở lớp 10, "
       "chúng tôi nhận thấy phần lớn học sinh chỉ quen vẽ đồ thị và tìm giá trị lớn nhất, nhỏ "
       "nhất theo công thức; gặp một bài toán có lời văn về diện tích, chi phí hay chuyển động "
       "thì các em lúng túng, không biết chọn ẩn và lập hàm số.",
       "Học sinh của trường phần đông là con em đồng bào dân tộc Mường ở các xã vùng cao, điều "
       "kiện tiếp cận tài liệu tham khảo còn hạn chế. Các bài toán thực tế trong sách giáo khoa "
       "lại thường lấy bối cảnh thành phố, xa lạ với các em. Vì vậy, chúng tôi chọn đề tài "
       "này với mong muốn giúp học sinh thấy toán học gần gũi và hữu ích."),
    H("2. Mục đích nghiên cứu", "muc_tieu"),
    *P("Đề xuất và thử nghiệm một số biện pháp giúp học sinh lớp 10 hình thành kỹ năng giải "
       "bài toán thực tế liên quan đến hàm số bậc hai, qua đó nâng cao chất lượng dạy học chủ "
       "đề và tạo hứng thú học tập môn Toán."),
    H("3. Đối tượng và phạm vi nghiên cứu", "pham_vi"),
    *P("Đối tượng nghiên cứu là quá trình dạy học chủ đề hàm số bậc hai theo hướng gắn với "
       "thực tiễn. Phạm vi thực nghiệm: học sinh các lớp 10A1, 10A3, 10A5 (thực nghiệm) và "
       "10A2, 10A4 (đối chứng) Trường THPT Hoà Bình, năm học 2023 – 2024."),
    H("4. Phương pháp nghiên cứu"),
    *P("Nghiên cứu tài liệu lý luận về dạy học mô hình hóa; điều tra bằng phiếu hỏi 212 học "
       "sinh; dự giờ, trao đổi với đồng nghiệp; thực nghiệm sư phạm và xử lý số liệu bằng "
       "thống kê mô tả."),
    H("PHẦN II. GIẢI QUYẾT VẤN ĐỀ", level=1),
    H("1. Cơ sở lý luận", "co_so_ly_luan"),
    *P("Theo quan điểm của dạy học mô hình hóa, quá trình giải một bài toán thực tế gồm bốn "
       "giai đoạn: hiểu tình huống, xây dựng mô hình toán học, giải quyết vấn đề trên mô hình "
       "và thông dịch kết quả trở lại tình huống ban đầu. Học sinh thường gặp khó khăn nhất ở "
       "giai đoạn thứ hai và thứ tư. Hàm số bậc hai là nội dung thuận lợi để rèn luyện các "
       "giai đoạn này vì nhiều hiện tượng quen thuộc có quy luật biến thiên dạng parabol."),
    H("2. Thực trạng của vấn đề", "thuc_trang"),
    *P("Kết quả khảo sát đầu năm học cho thấy chỉ 38,5% học sinh lớp 10 giải đúng bài toán "
       "tìm kích thước mảnh vườn có diện tích lớn nhất; 61% học sinh cho rằng các bài toán có "
       "lời văn “khó và không biết bắt đầu từ đâu”. Giáo viên trong tổ cũng thừa nhận thời "
       "lượng dành cho bài toán thực tế còn ít, chủ yếu dạy ở cuối tiết nếu còn thời gian."),
    H("3. Các biện pháp thực hiện", "noi_dung"),
    *P("Từ thực trạng trên, chúng tôi đề xuất và thực hiện ba biện pháp bổ trợ cho nhau."),
    H("3.1. Biện pháp 1: Xây dựng hệ thống bài toán gắn với đời sống địa phương", level=3),
    *P("Chúng tôi biên soạn 24 bài toán chia theo ba mức: nhận biết mô hình có sẵn, tự lập mô "
       "hình đơn giản và bài toán mở. Bối cảnh được lấy từ đời sống của học sinh: rào vườn "
       "rau bằng cuộn lưới 40 mét, tính giá vé xe khách Hoà Bình – Hà Nội theo số người đi "
       "chung, quỹ đạo quả cầu mây trong giờ thể dục, lợi nhuận của hợp tác xã trồng cam khi "
       "thay đổi giá bán."),
    H("3.2. Biện pháp 2: Dạy học theo bốn bước mô hình hóa với phiếu gợi ý ba mức", level=3),
    *P("Mỗi bài toán được tổ chức theo bốn bước: đọc và gạch chân dữ kiện; chọn ẩn, lập hàm "
       "số và nêu điều kiện; giải bài toán trên hàm số; trả lời bằng ngôn ngữ thực tế và kiểm "
       "tra tính hợp lý. Phiếu học tập có ba ô gợi ý được gấp kín, học sinh chỉ mở khi thật "
       "sự cần. Nhờ vậy, học sinh khá giỏi tự lực hoàn toàn, còn học sinh yếu vẫn theo kịp."),
    H("3.3. Biện pháp 3: Sử dụng GeoGebra để kiểm tra và mở rộng kết quả", level=3),
    *P("Sau khi giải bằng tay, học sinh nhập hàm số vào GeoGebra, dùng thanh trượt thay đổi "
       "số liệu và quan sát đỉnh parabol di chuyển. Hoạt động này giúp các em tự phát hiện sai "
       "sót và hiểu ý nghĩa của đỉnh parabol trong tình huống thực tế."),
    H("4. Hiệu quả của sáng kiến", "ket_qua"),
    *P("Sau một học kỳ áp dụng, bài kiểm tra chung cho thấy tỉ lệ học sinh lớp thực nghiệm "
       "giải đúng bài toán thực tế đạt 71,4%, trong khi lớp đối chứng là 44,2%. Điểm trung bình "
       "bài kiểm tra chủ đề của lớp thực nghiệm là 7,1, lớp đối chứng là 6,0. Phiếu hỏi cuối "
       "kỳ cho thấy 83% học sinh thực nghiệm thích các bài toán có bối cảnh quen thuộc."),
    H("PHẦN III. KẾT LUẬN, KIẾN NGHỊ", level=1),
    H("1. Kết luận", "ket_luan"),
    *P("Các biện pháp đề xuất đã giúp học sinh lớp 10 tiến bộ rõ rệt về kỹ năng giải bài toán "
       "thực tế và thái độ học tập môn Toán."),
    L("Tính mới của sáng kiến", "lần đầu tiên tại trường, hệ thống bài toán thực tế được biên "
      "soạn theo bối cảnh địa phương và tổ chức dạy theo quy trình bốn bước với phiếu gợi ý "
      "ba mức, khác với cách dạy trước đây chỉ dùng bài tập trong sách giáo khoa.", "tinh_moi"),
    L("Khả năng áp dụng", "sáng kiến có thể áp dụng cho các trường THPT trong tỉnh, đặc biệt là "
      "các trường vùng cao, và mở rộng sang các chủ đề hàm số mũ, lôgarit ở lớp 11.",
      "kha_nang_ap_dung"),
    L("Lợi ích thiết thực", "nâng cao chất lượng dạy học; bộ phiếu học tập dùng lại được nhiều "
      "năm, không tốn thêm kinh phí; giáo viên tiết kiệm thời gian chuẩn bị bài.", "loi_ich"),
    H("2. Kiến nghị"),
    *P("Đề nghị Sở Giáo dục và Đào tạo tổ chức chuyên đề cấp cụm về dạy học bài toán thực tế "
       "và xây dựng ngân hàng bài toán có bối cảnh địa phương dùng chung cho các trường."),
    H("TÀI LIỆU THAM KHẢO", "tai_lieu"),
    *P("1. Bộ Giáo dục và Đào tạo (2018), Chương trình giáo dục phổ thông môn Toán.",
       "2. Trần Vui (2014), Giải quyết vấn đề thực tế trong dạy học toán, NXB Đại học Huế.",
       "3. Sách giáo khoa Toán 10, tập một, bộ Kết nối tri thức với cuộc sống (2022)."),
), header="Sáng kiến kinh nghiệm năm học 2023 – 2024 – Trường THPT Hoà Bình",
    footer="Người thực hiện: Nguyễn Thị Thu Hà, Bùi Văn Khải")

DOSSIER = Dossier(
    name="thpt-hoa-binh-toan-thuc-te",
    profile="skkn",
    sector="giáo dục",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("don-yeu-cau-cong-nhan-sang-kien.docx", ("don_yeu_cau",), "docx"),
        FileSpec("sang-kien-kinh-nghiem.docx", ("mo_ta",), "docx", headings="styles"),
    ),
    purpose="DOCX reading: two-column header table, authors table, Word heading styles, "
            "running header/footer, explicit page breaks; skkn outline with PHẦN I/II/III.",
    notes="Complete. Part headings (PHẦN I/II/III) carry no key: keyed sub-headings follow. "
          "Novelty, applicability and benefit are inline labels inside '1. Kết luận'.",
)
