"""Construction, profile bao-cao-mo-ta: request as a born-digital PDF, description as a PDF
whose text layer is broken (page images are right; the invisible text lost the second mark of
stacked diacritics). DELIBERATELY INCOMPLETE: the description never states its novelty
(no "Tính mới" section or statement)."""

from samples.content._kit import SIGN, D, H, L, P, T
from samples.forms import request_form
from samples.texts import Author, Defect, Document, Dossier, FileSpec, FormStyle, Request, Scan

UNIT = "Ban Quản lý dự án đầu tư xây dựng huyện Lạc Sơn"
AUTHORS = (
    Author("Đinh Văn Tới", D(1978, 9, 19), UNIT, "Phó Giám đốc Ban",
           "Kỹ sư Xây dựng dân dụng và công nghiệp", 60),
    Author("Bùi Thị Thu Trang", D(1990, 4, 4), UNIT, "Cán bộ kỹ thuật",
           "Kỹ sư Kinh tế xây dựng", 40),
)
TITLE = ("Giải pháp sử dụng cốp pha nhựa tổ hợp thay cốp pha gỗ cho cột và dầm tại các công "
         "trình trường học trên địa bàn huyện Lạc Sơn")

REQUEST = Request(
    addressee="Hội đồng sáng kiến huyện Lạc Sơn",
    authors=AUTHORS,
    title=TITLE,
    investor="Ban Quản lý dự án đầu tư xây dựng huyện Lạc Sơn",
    field="Xây dựng – thi công và giám sát công trình dân dụng.",
    first_applied=D(2023, 3, 6),
    essence=(
        ("Sáng kiến đưa cốp pha nhựa tổ hợp (tấm nhựa ABS kích thước module 50 × 50 cm, liên kết "
        "bằng chốt khóa) vào thi công cột và dầm bê tông cốt thép của các nhà lớp học 2 – 3 tầng"
        ", thay cho cốp pha gỗ ghép truyền thống."),
        ("Ban đã lập bản vẽ tổ hợp cốp pha cho 4 loại tiết diện cột và 3 loại tiết diện dầm phổ "
        "biến trong thiết kế mẫu trường học, quy định trình tự lắp dựng, kiểm tra và tháo dỡ, "
        "và đưa yêu cầu sử dụng cốp pha tổ hợp vào hồ sơ mời thầu thi công."),
    ),
    confidential=None,
    conditions=("Nhà thầu có bộ cốp pha nhựa tổ hợp (mua hoặc thuê), công nhân được hướng dẫn "
                "lắp dựng 01 ngày; thiết kế cột, dầm theo module 5 cm."),
    benefit_author=(
        "Cốp pha quay vòng 40 – 50 lần thay vì 3 – 5 lần với gỗ; chi phí cốp pha cho mỗi m³ bê "
        "tông cột, dầm giảm khoảng 22%; bề mặt bê tông phẳng, không phải trát lại; thời gian "
        "lắp dựng giảm 30%; giảm khai thác gỗ và rác thải xây dựng."),
    benefit_org=("Công ty TNHH Xây dựng Thành Đạt (nhà thầu áp dụng thử tại Trường Tiểu học Yên"
                 " Phú) xác nhận tiết kiệm 46 triệu đồng chi phí cốp pha cho công trình."),
    helpers=(),
    place="Lạc Sơn",
    signed=D(2024, 5, 8),
    style=FormStyle(footnotes=True, share_suffix="%"),
)

DESCRIPTION = Document("mo_ta", (
    T("BÁO CÁO MÔ TẢ SÁNG KIẾN"),
    L("1. Tên sáng kiến", f"{TITLE}.", "ten_sang_kien"),
    L("2. Họ và tên tác giả, chức danh, trình độ chuyên môn", "Đinh Văn Tới – Phó Giám đốc Ban, "
      "Kỹ sư Xây dựng dân dụng và công nghiệp; Bùi Thị Thu Trang – Cán bộ kỹ thuật, Kỹ sư Kinh "
      "tế xây dựng.", "tac_gia"),
    L("3. Lĩnh vực áp dụng", "Xây dựng.", "linh_vuc"),
    H("4. Mô tả sáng kiến"),
    H("a) Khái quát đặc điểm, tình hình trước khi có sáng kiến", "thuc_trang"),
    *P("Giai đoạn 2021 – 2025, Ban Quản lý dự án đầu tư xây dựng huyện Lạc Sơn được giao làm "
       "chủ đầu tư 27 công trình trường học, chủ yếu là nhà lớp học 2 – 3 tầng khung bê tông cốt"
       " thép. Các nhà thầu đều dùng cốp pha gỗ ghép cho cột và dầm. Cốp pha gỗ chỉ dùng được "
       "3 – 5 lần, dễ cong vênh, hở mạch làm mất nước xi măng; bề mặt cấu kiện sau khi tháo "
       "cốp pha thường rỗ, lồi lõm, phải đục và trát bù, tốn thêm vật liệu và nhân công.",
       "Qua kiểm tra 9 công trình năm 2022, tổ giám sát của Ban ghi nhận 31% số cột có khuyết "
       "tật bề mặt phải xử lý; lượng gỗ cốp pha thải bỏ sau mỗi công trình 8 – 12 m³, gây lãng"
       " phí và ô nhiễm tại trường học đang hoạt động."),
    *P("Nhiều công trình thi công trong thời gian học sinh vẫn học tập, mặt bằng chật; gỗ "
       "cốp pha có đinh, xếp đống ngay cạnh lớp học là nguy cơ mất an toàn. Các nhà thầu "
       "địa phương quy mô nhỏ, ít có điều kiện đầu tư cốp pha thép định hình vì nặng, cần "
       "máy cẩu và chi phí mua ban đầu lớn, trong khi nhiều công trình nằm ở xã vùng cao, "
       "đường vào hẹp."),
    H("b) Nội dung sáng kiến", "noi_dung"),
    *P("Bước 1. Thống kê tiết diện: nhóm tác giả rà soát thiết kế mẫu của 27 công trình, xác "
       "định 4 loại tiết diện cột (22 × 22, 22 × 30, 22 × 40, 30 × 30 cm) và 3 loại tiết diện "
       "dầm chiếm 92% khối lượng; đề nghị đơn vị tư vấn thiết kế điều chỉnh kích thước theo "
       "module 5 cm.",
       "Bước 2. Lập bản vẽ tổ hợp: với mỗi loại tiết diện, lập bản vẽ tổ hợp tấm cốp pha, gông"
       " cột, cây chống và thanh giằng, kèm bảng thống kê số tấm cần cho một tầng để nhà thầu "
       "chuẩn bị đủ vật tư.",
       "Bước 3. Quy trình lắp dựng, kiểm tra, tháo dỡ: quy định trình tự lắp, mômen siết chốt "
       "khóa, dung sai cho phép, thời điểm tháo cốp pha theo cường độ bê tông; biểu mẫu nghiệm"
       " thu cốp pha được đưa vào nhật ký giám sát.",
       "Bước 4. Đưa vào hồ sơ mời thầu: từ năm 2023, hồ sơ mời thầu các công trình trường học"
       " của Ban yêu cầu nhà thầu sử dụng cốp pha tổ hợp cho cột, dầm, kèm bản vẽ tổ hợp."),
    *P("Bước 5. Hướng dẫn tại hiện trường: cán bộ kỹ thuật của Ban hướng dẫn tổ công nhân "
       "của nhà thầu lắp thử một cột, một nhịp dầm ngay trong ngày đầu tiên; lập danh mục "
       "kiểm tra gồm 12 nội dung (độ thẳng đứng, kích thước tiết diện, độ kín khít mạch "
       "ghép, vị trí chốt khóa, cây chống...) để giám sát viên và chỉ huy trưởng cùng ký "
       "trước khi đổ bê tông.",
       "Cốp pha nhựa tổ hợp nhẹ (khoảng 12 kg/m²), hai công nhân có thể mang vác, lắp dựng"
       " mà không cần cẩu; tấm nhựa không hút nước, không cong vênh, vệ sinh bằng nước "
       "sạch sau mỗi lần dùng; tấm hỏng được nhà cung cấp thu hồi để tái chế."),
    H("c) Hiệu quả và phạm vi áp dụng", "ket_qua"),
    *P("Áp dụng thử tại công trình Nhà lớp học 3 tầng 12 phòng Trường Tiểu học Yên Phú (tháng "
       "3/2023) và áp dụng chính thức tại 6 công trình tiếp theo: tỷ lệ cột có khuyết tật bề "
       "mặt giảm từ 31% xuống 4%; thời gian lắp dựng cốp pha một tầng giảm từ 5 ngày xuống 3,5"
       " ngày; chi phí cốp pha cho 1 m³ bê tông cột, dầm giảm khoảng 22%.",
       "Tổng số tiền làm lợi tại 7 công trình ước tính 318 triệu đồng. Không còn gỗ cốp pha "
       "thải bỏ, mặt bằng thi công trong trường học gọn gàng, an toàn hơn cho học sinh."),
    L("- Phạm vi áp dụng", "các công trình dân dụng có kết cấu khung bê tông cốt thép, tiết "
      "diện cột, dầm lặp lại nhiều, đặc biệt là trường học, trạm y tế, trụ sở xã.",
      "kha_nang_ap_dung"),
    L("- Lợi ích", "tiết kiệm chi phí, rút ngắn tiến độ, nâng cao chất lượng bề mặt bê tông, "
      "giảm khai thác gỗ rừng.", "loi_ich"),
    L("5. Hội đồng cơ sở đã xét công nhận", "Quyết định số 21/QĐ-BQLDA ngày 26/4/2024."),
    L("6. Thời gian áp dụng", "từ ngày 06/3/2023 đến nay.", "ngay_ap_dung"),
    *SIGN("Lạc Sơn, ngày 08 tháng 5 năm 2024", "Nhóm tác giả", "Đinh Văn Tới",
          "Bùi Thị Thu Trang"),
))

DOSSIER = Dossier(
    name="lac-son-coppha-nhua",
    profile="bao-cao-mo-ta",
    sector="xây dựng",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST), DESCRIPTION),
    files=(
        FileSpec("don-yeu-cau.pdf", ("don_yeu_cau",), "born_digital_pdf"),
        FileSpec("bao-cao-mo-ta.pdf", ("mo_ta",), "broken_text_pdf",
                 scan=Scan(dpi=200, skew=0.0, noise=0.0, blur=0.3, jpeg=75, seed=61)),
    ),
    missing=("tinh_moi",),
    defects=(Defect("missing_section", "the description states no novelty (tinh_moi)"),),
    purpose="A PDF that 'has text' but whose text layer is wrong ('cơng', 'Viêt'): the reader "
            "must notice and OCR the page images. Missing-novelty check (an error).",
    notes="Incomplete: no 'Tính mới' anywhere in the description. Each page of the description "
          "records the broken text layer in pages[].text_layer; pages[].text is what the page "
          "shows.",
)
