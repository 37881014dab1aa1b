"""Industry (electricity), request form only, scanned at 300 dpi with the maximum 5° skew and
a seal. DELIBERATELY INCOMPLETE: the dossier has no description document at all."""

from samples.content._kit import D
from samples.forms import request_form
from samples.texts import Author, Defect, Dossier, FileSpec, FormStyle, Request, Scan

UNIT = "Đội Quản lý vận hành lưới điện khu vực Kim Bôi"
AUTHORS = (
    Author("Quách Văn Đức", D(1986, 12, 12), UNIT, "Đội trưởng", "Kỹ sư Hệ thống điện", 60),
    Author("Bạch Công Minh", D(1991, 6, 30), UNIT, "Công nhân quản lý vận hành",
           "Cao đẳng Điện công nghiệp", 40),
)
TITLE = ("Chế tạo sào cách điện gắn camera kiểm tra tiếp xúc đầu cốt trên lưới điện hạ áp "
         "không cần cắt điện")

REQUEST = Request(
    addressee="Hội đồng sáng kiến Công ty Điện lực Hoà Bình",
    authors=AUTHORS,
    title=TITLE,
    investor="Công ty Điện lực Hoà Bình",
    field="Quản lý vận hành lưới điện phân phối.",
    first_applied=D(2023, 11, 20),
    essence=(
        ("Gắn camera nội soi không dây có đèn chiếu sáng lên đầu sào cách điện 6 m; hình ảnh "
        "truyền về điện thoại của công nhân đứng dưới đất, cho phép quan sát các đầu cốt, kẹp "
        "cáp trên cột hạ áp mà không phải trèo cột hay cắt điện."),
        ("Kèm theo là bảng nhận dạng 6 dấu hiệu tiếp xúc kém (đổi màu, chảy nhựa, ôxy hóa, lỏng "
        "kẹp...) và quy trình kiểm tra định kỳ theo tuyến."),
    ),
    confidential=None,
    conditions=("Sào cách điện đạt tiêu chuẩn, camera nội soi chống nước; công nhân được đào "
                "tạo an toàn điện theo quy định."),
    benefit_author=(
        "Phát hiện sớm 57 điểm tiếp xúc kém trong 6 tháng, xử lý trước khi gây sự cố; giảm 9 "
        "lần cắt điện kiểm tra, tăng sản lượng điện thương phẩm khoảng 21.000 kWh."),
    benefit_org=None,
    helpers=(),
    place="Kim Bôi",
    signed=D(2024, 6, 3),
    style=FormStyle(title="PHIẾU YÊU CẦU CÔNG NHẬN SÁNG KIẾN", footnotes=True,
                    unit_confirm=("XÁC NHẬN CỦA ĐƠN VỊ", "(Ký, đóng dấu)")),
)

DOSSIER = Dossier(
    name="dien-luc-kim-boi-chi-co-don",
    profile=None,
    sector="điện lực",
    unit=UNIT,
    request=REQUEST,
    documents=(request_form(REQUEST),),
    files=(
        FileSpec("phieu-yeu-cau-scan.pdf", ("don_yeu_cau",), "scanned_pdf",
                 scan=Scan(dpi=300, skew=5.0, skews=((2, -4.0),), noise=0.001, blur=0.6,
                           jpeg=70, stamp_pages=(2,), color=True, seed=131)),
    ),
    missing=("mo_ta",),
    defects=(Defect("missing_document", "the dossier has no description (mo_ta)"),),
    purpose="A dossier missing its description document; 300 dpi scan at the maximum 5° skew; "
            "the 'Phiếu yêu cầu' title variant.",
    notes="Incomplete: request only, no description. No description profile applies "
          "(profile null); the request follows nd13-don.",
)
