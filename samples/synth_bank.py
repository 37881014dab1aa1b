"""The phrase bank of the synthetic dossiers (``samples.synth``): places, people, units and
the topics of initiatives in six sectors, plus sentence templates per section key.

Everything is invented for the generator: place names are real provinces and districts
(none of those the 13 sample dossiers use), communes and people are fictional combinations.
A ``Topic`` carries the slots the templates fill ({subject}, {tool}, {metric}, {problem} …),
so one template reads right in every sector. Templates never start with a heading cue
("Tính mới", "Lợi ích", "Kết luận" …), so body text cannot pass for a heading.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PLACES: dict[str, tuple[str, ...]] = {
    "Tuyên Quang": ("Sơn Dương", "Hàm Yên", "Chiêm Hóa"),
    "Thái Nguyên": ("Đại Từ", "Phú Lương", "Định Hóa"),
    "Phú Thọ": ("Thanh Sơn", "Yên Lập", "Cẩm Khê"),
    "Nghệ An": ("Quỳ Hợp", "Con Cuông", "Anh Sơn"),
    "Quảng Trị": ("Gio Linh", "Hướng Hóa", "Cam Lộ"),
    "Bắc Giang": ("Lục Ngạn", "Sơn Động", "Yên Thế"),
    "Thanh Hóa": ("Bá Thước", "Ngọc Lặc", "Như Xuân"),
}
COMMUNES = ("Phú Xuân", "Đồng Tâm", "Tiến Bộ", "Quyết Thắng", "Hợp Thành", "Yên Phú",
            "Thanh Lương", "Bình Yên", "Minh Khai", "Tân Lập", "Hồng Quang", "Vĩnh Lộc")

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
            "Lý", "Đinh", "Mai", "Triệu", "Nông", "Lương", "Hà", "Lò", "Chu", "Vi", "Lục")
MALE = (("Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Ngọc"),
        ("Hùng", "Tuấn", "Dũng", "Sơn", "Quyết", "Trung", "Khánh", "Bình", "Cường", "Thắng",
         "Hải", "Toàn", "Kiên", "Long", "Phong"))
FEMALE = (("Thị", "Thu", "Ngọc", "Kim", "Thanh", "Minh", "Bích"),
          ("Lan", "Hoa", "Hạnh", "Phương", "Thảo", "Hiền", "Nga", "Yến", "Huyền", "Oanh",
           "Giang", "Ly", "Trang", "Mai", "Hằng"))


@dataclass(frozen=True)
class Topic:
    core: str  # the title without its formula: "nâng cao … cho …"
    subject: str  # who or what gains
    tool: str  # the means the initiative brings
    metric: str  # what is measured before and after
    problem: str  # the situation before
    steps: tuple[str, ...]  # what was done, step by step
    field: str  # Lĩnh vực áp dụng


@dataclass(frozen=True)
class Sector:
    key: str
    name: str
    units: tuple[str, ...]  # templates: {d} district, {c} commune, {p} province
    agencies: tuple[str, ...]  # the line above the unit in a two-column header
    positions: tuple[str, ...]
    qualifications: tuple[str, ...]
    addressees: tuple[str, ...]
    topics: tuple[Topic, ...]


SECTORS: tuple[Sector, ...] = (
    Sector(
        "education", "giáo dục",
        ("Trường Tiểu học {c}", "Trường THCS {c}", "Trường THPT {d}", "Trường Mầm non {c}"),
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN {D}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH {P}"),
        ("Giáo viên", "Tổ trưởng chuyên môn", "Phó Hiệu trưởng", "Hiệu trưởng"),
        ("Cử nhân Sư phạm Toán", "Thạc sĩ Ngữ văn", "Cử nhân Giáo dục Tiểu học",
         "Cử nhân Sư phạm Vật lý", "Cao đẳng Sư phạm Mầm non", "Cử nhân Sư phạm Tiếng Anh"),
        ("Hội đồng sáng kiến ngành Giáo dục huyện {d}", "Hội đồng sáng kiến tỉnh {p}",
         "Hội đồng sáng kiến Sở Giáo dục và Đào tạo tỉnh {p}"),
        (
            Topic("rèn kỹ năng đọc hiểu văn bản cho học sinh lớp 4", "học sinh lớp 4",
                  "bộ phiếu đọc hiểu theo ba mức độ", "tỉ lệ học sinh trả lời đúng câu hỏi suy luận",
                  "nhiều em đọc trôi chảy nhưng không nêu được ý chính của đoạn văn",
                  ("phân loại học sinh theo mức độ đọc hiểu qua bài khảo sát đầu năm",
                   "biên soạn phiếu đọc hiểu với câu hỏi nhận biết, hiểu và vận dụng",
                   "tổ chức đọc theo cặp và trao đổi câu hỏi trong giờ học",
                   "lập góc đọc sách ở lớp và sổ theo dõi tiến bộ của từng em"),
                  "Giáo dục tiểu học (môn Tiếng Việt)"),
            Topic("tổ chức hoạt động trải nghiệm gắn với nghề truyền thống địa phương cho học "
                  "sinh THCS", "học sinh THCS", "chuỗi chủ đề trải nghiệm tại làng nghề",
                  "số học sinh tham gia tích cực các buổi trải nghiệm",
                  "hoạt động trải nghiệm chủ yếu diễn ra trong lớp, nặng về lý thuyết",
                  ("khảo sát các làng nghề và cơ sở sản xuất gần trường",
                   "xây dựng bốn chủ đề trải nghiệm theo học kỳ, có phiếu nhiệm vụ cho từng nhóm",
                   "phối hợp với nghệ nhân hướng dẫn học sinh thực hành tại chỗ",
                   "tổ chức triển lãm sản phẩm và đánh giá theo tiêu chí công khai"),
                  "Giáo dục trung học cơ sở (hoạt động trải nghiệm, hướng nghiệp)"),
            Topic("sử dụng thí nghiệm ảo trong dạy học Vật lý lớp 10", "học sinh lớp 10",
                  "bộ thí nghiệm mô phỏng trên máy tính", "điểm trung bình bài kiểm tra thực hành",
                  "phòng thí nghiệm thiếu dụng cụ, nhiều thí nghiệm chỉ được mô tả bằng lời",
                  ("chọn các bài có thí nghiệm khó thực hiện bằng dụng cụ thật",
                   "thiết kế phiếu học tập đi kèm từng thí nghiệm mô phỏng",
                   "hướng dẫn học sinh tự thay đổi thông số và ghi lại kết quả",
                   "so sánh kết quả mô phỏng với số liệu đo thực tế khi có dụng cụ"),
                  "Giáo dục trung học phổ thông (môn Vật lý)"),
        ),
    ),
    Sector(
        "health", "y tế",
        ("Trung tâm Y tế huyện {d}", "Bệnh viện Đa khoa huyện {d}", "Trạm Y tế xã {c}"),
        ("SỞ Y TẾ TỈNH {P}", "TRUNG TÂM Y TẾ HUYỆN {D}"),
        ("Bác sĩ", "Điều dưỡng", "Trưởng khoa", "Dược sĩ", "Phó Giám đốc", "Trạm trưởng"),
        ("Bác sĩ đa khoa", "Cử nhân Điều dưỡng", "Dược sĩ đại học", "Thạc sĩ Y học",
         "Bác sĩ chuyên khoa cấp I Nhi khoa", "Cao đẳng Điều dưỡng"),
        ("Hội đồng sáng kiến ngành Y tế tỉnh {p}", "Hội đồng sáng kiến tỉnh {p}",
         "Hội đồng sáng kiến Trung tâm Y tế huyện {d}"),
        (
            Topic("quản lý người bệnh tăng huyết áp tại tuyến xã bằng sổ theo dõi điện tử",
                  "người bệnh tăng huyết áp", "sổ theo dõi điện tử dùng chung giữa trạm và "
                  "trung tâm", "tỉ lệ người bệnh được kiểm soát huyết áp",
                  "người bệnh bỏ điều trị giữa chừng, trạm không biết để nhắc lịch tái khám",
                  ("lập danh sách người bệnh theo thôn, bản và cập nhật lên sổ điện tử",
                   "cài đặt nhắc lịch tái khám và cấp thuốc theo tháng",
                   "giao nhân viên y tế thôn bản gọi điện cho người bệnh quá hẹn",
                   "tổng hợp số liệu hằng quý gửi về khoa Kiểm soát bệnh tật"),
                  "Y tế – quản lý bệnh không lây nhiễm"),
            Topic("giảm thời gian chờ lấy máu xét nghiệm tại khoa Khám bệnh",
                  "người bệnh đến khám", "quy trình lấy máu theo số thứ tự tự động",
                  "thời gian chờ trung bình từ khi có chỉ định đến khi lấy máu",
                  "người bệnh xếp hàng lâu, phiếu chỉ định dễ nhầm lẫn vào giờ cao điểm",
                  ("đo thời gian chờ của người bệnh trong hai tuần liên tục",
                   "bố trí lại bàn lấy máu và in số thứ tự kèm mã vạch",
                   "tăng một vị trí lấy máu từ 7 giờ đến 9 giờ sáng",
                   "giám sát hằng tuần và phản hồi cho nhân viên"),
                  "Y tế – quản lý chất lượng khám, chữa bệnh"),
            Topic("hướng dẫn bà mẹ chăm sóc trẻ sơ sinh bằng video ngắn tại khoa Sản",
                  "bà mẹ sau sinh", "bộ video hướng dẫn bằng tiếng phổ thông và tiếng dân tộc",
                  "tỉ lệ bà mẹ thực hiện đúng các kỹ năng chăm sóc trẻ",
                  "tư vấn bằng lời nhanh, bà mẹ không nhớ và ít hỏi lại",
                  ("xác định tám kỹ năng chăm sóc trẻ sơ sinh cần hướng dẫn",
                   "quay video ngắn dưới ba phút cho từng kỹ năng",
                   "chiếu video tại buồng bệnh và gửi đường dẫn cho gia đình",
                   "kiểm tra kỹ năng của bà mẹ trước khi ra viện"),
                  "Y tế – chăm sóc sức khỏe bà mẹ, trẻ em"),
        ),
    ),
    Sector(
        "agriculture", "nông nghiệp",
        ("Trạm Khuyến nông huyện {d}", "Trung tâm Dịch vụ nông nghiệp huyện {d}",
         "Hợp tác xã nông nghiệp {c}"),
        ("UBND HUYỆN {D}", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH {P}"),
        ("Kỹ thuật viên", "Viên chức", "Trạm trưởng", "Phó Giám đốc", "Giám đốc"),
        ("Kỹ sư Nông học", "Kỹ sư Chăn nuôi", "Thạc sĩ Khoa học cây trồng", "Kỹ sư Lâm sinh",
         "Trung cấp Thú y"),
        ("Hội đồng sáng kiến huyện {d}", "Hội đồng sáng kiến tỉnh {p}"),
        (
            Topic("ủ phân hữu cơ từ phụ phẩm cây sắn cho các hộ trồng chè",
                  "hộ trồng chè", "quy trình ủ phân bằng chế phẩm vi sinh", "năng suất chè búp tươi",
                  "phụ phẩm bị đốt bỏ ngoài đồng, đất chè bạc màu do bón nhiều phân hóa học",
                  ("thu gom thân lá sắn sau thu hoạch và băm nhỏ",
                   "trộn chế phẩm vi sinh, ủ đống có che phủ trong 45 ngày",
                   "bón phân ủ cho nương chè theo hai đợt trong năm",
                   "theo dõi năng suất trên các ô đối chứng"),
                  "Nông nghiệp – trồng trọt"),
            Topic("phòng bệnh cho đàn lợn bản địa bằng lịch tiêm chủng theo thôn",
                  "hộ chăn nuôi lợn bản địa", "lịch tiêm chủng in theo từng thôn",
                  "tỉ lệ đàn lợn được tiêm phòng đủ mũi",
                  "người chăn nuôi quên lịch tiêm, dịch bệnh bùng phát vào mùa mưa",
                  ("lập danh sách hộ chăn nuôi và số đầu con theo thôn",
                   "in lịch tiêm chủng dán tại nhà văn hóa thôn",
                   "cán bộ thú y tiêm lưu động theo lịch cố định hằng tháng",
                   "ghi nhận và báo cáo ca bệnh qua nhóm tin nhắn của xã"),
                  "Nông nghiệp – chăn nuôi, thú y"),
            Topic("tưới nhỏ giọt tiết kiệm nước cho vườn cam trên đất dốc",
                  "hộ trồng cam", "hệ thống tưới nhỏ giọt tự chế từ ống nhựa",
                  "lượng nước tưới mỗi vụ", "mùa khô thiếu nước, tưới tràn làm xói mòn đất dốc",
                  ("khảo sát nguồn nước và độ dốc của từng vườn",
                   "lắp bể chứa trên cao và đường ống chính theo đường đồng mức",
                   "đục lỗ nhỏ giọt cho từng gốc cam, lắp van chia khu",
                   "hướng dẫn hộ dân vận hành và vệ sinh đường ống"),
                  "Nông nghiệp – trồng trọt, thủy lợi nội đồng"),
        ),
    ),
    Sector(
        "administration", "hành chính",
        ("Ủy ban nhân dân xã {c}", "Văn phòng HĐND và UBND huyện {d}", "Phòng Nội vụ huyện {d}"),
        ("UBND HUYỆN {D}", "UBND TỈNH {P}"),
        ("Chuyên viên", "Công chức Văn phòng – Thống kê", "Phó Chánh Văn phòng",
         "Công chức Tư pháp – Hộ tịch", "Trưởng phòng"),
        ("Cử nhân Luật", "Cử nhân Hành chính học", "Thạc sĩ Quản lý công",
         "Cử nhân Quản trị văn phòng"),
        ("Hội đồng sáng kiến huyện {d}", "Hội đồng sáng kiến tỉnh {p}"),
        (
            Topic("số hóa sổ hộ tịch lưu trữ tại Ủy ban nhân dân xã",
                  "người dân đến làm thủ tục hộ tịch", "kho dữ liệu hộ tịch tra cứu theo tên",
                  "thời gian tra cứu một trích lục hộ tịch",
                  "sổ hộ tịch giấy từ nhiều năm bị ẩm mốc, tra cứu mất nhiều thời gian",
                  ("kiểm đếm, phân loại sổ hộ tịch theo năm và loại việc",
                   "quét từng trang sổ và nhập các trường thông tin chính",
                   "đối chiếu dữ liệu nhập với bản giấy theo tỉ lệ kiểm tra",
                   "phân quyền tra cứu cho công chức tư pháp – hộ tịch"),
                  "Cải cách hành chính – hộ tịch"),
            Topic("theo dõi tiến độ giải quyết văn bản đến bằng bảng điều hành dùng chung",
                  "các phòng, ban chuyên môn", "bảng điều hành tiến độ văn bản",
                  "tỉ lệ văn bản giải quyết đúng hạn",
                  "văn bản quá hạn chỉ được phát hiện khi có phản ánh",
                  ("thống nhất mẫu theo dõi văn bản đến có hạn xử lý",
                   "cập nhật bảng điều hành hằng ngày tại bộ phận văn thư",
                   "gửi cảnh báo trước hạn ba ngày cho người xử lý",
                   "báo cáo tỉ lệ đúng hạn tại giao ban hằng tuần"),
                  "Hành chính – văn phòng"),
            Topic("hướng dẫn người cao tuổi nộp hồ sơ trực tuyến tại bộ phận một cửa",
                  "người cao tuổi và người dân vùng xa", "tổ hỗ trợ nộp hồ sơ trực tuyến",
                  "tỉ lệ hồ sơ nộp trực tuyến", "người dân ngại thao tác trên điện thoại, "
                  "hồ sơ trực tuyến bị trả lại vì thiếu thành phần",
                  ("thành lập tổ hỗ trợ gồm công chức và đoàn viên thanh niên",
                   "in hướng dẫn từng bước cho các thủ tục thường gặp",
                   "bố trí máy tính và máy quét tại bộ phận một cửa",
                   "theo dõi hồ sơ bị trả lại và hướng dẫn bổ sung"),
                  "Cải cách hành chính – dịch vụ công trực tuyến"),
        ),
    ),
    Sector(
        "construction", "xây dựng",
        ("Ban Quản lý dự án đầu tư xây dựng huyện {d}", "Phòng Kinh tế và Hạ tầng huyện {d}",
         "Trung tâm Phát triển quỹ đất huyện {d}"),
        ("UBND HUYỆN {D}", "SỞ XÂY DỰNG TỈNH {P}"),
        ("Kỹ sư giám sát", "Cán bộ kỹ thuật", "Phó Trưởng phòng", "Phó Giám đốc Ban"),
        ("Kỹ sư Xây dựng dân dụng và công nghiệp", "Kỹ sư Cầu đường",
         "Thạc sĩ Kỹ thuật xây dựng", "Kĩ sư Kinh tế xây dựng"),
        ("Hội đồng sáng kiến huyện {d}", "Hội đồng sáng kiến tỉnh {p}"),
        (
            Topic("kiểm soát chất lượng bê tông đường giao thông nông thôn bằng phiếu nghiệm thu "
                  "điện tử", "các công trình đường giao thông nông thôn",
                  "phiếu nghiệm thu điện tử có ảnh và tọa độ", "số lỗi phát hiện khi nghiệm thu",
                  "hồ sơ nghiệm thu giấy thiếu ảnh hiện trường, khó truy vết khi có hư hỏng",
                  ("xây dựng biểu mẫu nghiệm thu theo từng công đoạn",
                   "yêu cầu chụp ảnh có tọa độ tại mỗi mốc nghiệm thu",
                   "lấy mẫu bê tông theo lô và ghi mã mẫu vào phiếu",
                   "tổng hợp lỗi thường gặp để nhắc nhà thầu"),
                  "Xây dựng – quản lý chất lượng công trình"),
            Topic("lập dự toán nhanh cho công trình nhà văn hóa thôn bằng bảng tính mẫu",
                  "các công trình nhà văn hóa thôn", "bảng tính dự toán mẫu",
                  "thời gian lập một dự toán",
                  "mỗi thôn thuê tư vấn riêng, dự toán chênh lệch lớn dù quy mô giống nhau",
                  ("chuẩn hóa ba mẫu thiết kế nhà văn hóa theo quy mô",
                   "lập bảng khối lượng và đơn giá liên kết theo mẫu",
                   "cập nhật giá vật liệu theo công bố giá hằng quý",
                   "hướng dẫn cán bộ xã điều chỉnh theo địa hình thực tế"),
                  "Xây dựng – quản lý chi phí đầu tư"),
            Topic("giảm nứt tường nhà lớp học bằng giải pháp giằng tường và khe co giãn",
                  "các nhà lớp học hai tầng", "chi tiết giằng tường và khe co giãn điển hình",
                  "số vết nứt phát sinh sau một năm sử dụng",
                  "tường xây gạch không nung bị nứt sau mùa khô, phải sửa chữa nhiều lần",
                  ("khảo sát vị trí và hình dạng vết nứt ở các công trình cũ",
                   "bổ sung giằng tường bê tông cốt thép ở cao độ bệ cửa",
                   "bố trí khe co giãn cách nhau không quá sáu mét",
                   "kiểm tra độ ẩm gạch trước khi xây và bảo dưỡng tường"),
                  "Xây dựng dân dụng"),
        ),
    ),
    Sector(
        "finance", "tài chính",
        ("Kho bạc Nhà nước khu vực {p}", "Chi cục Thuế khu vực {d}",
         "Phòng Tài chính – Kế hoạch huyện {d}"),
        ("BỘ TÀI CHÍNH", "UBND HUYỆN {D}"),
        ("Kế toán viên", "Kiểm soát viên", "Chuyên viên", "Phó Trưởng phòng"),
        ("Cử nhân Kế toán", "Cử nhân Tài chính – Ngân hàng", "Thạc sĩ Kinh tế",
         "Cử nhân Quản trị kinh doanh"),
        ("Hội đồng sáng kiến tỉnh {p}", "Hội đồng sáng kiến huyện {d}"),
        (
            Topic("kiểm soát hồ sơ thanh toán vốn đầu tư bằng danh mục kiểm tra điện tử",
                  "các chủ đầu tư giao dịch", "danh mục kiểm tra hồ sơ điện tử",
                  "số hồ sơ phải trả lại để bổ sung",
                  "hồ sơ thanh toán thường thiếu chứng từ, trả đi trả lại nhiều lần",
                  ("liệt kê các lỗi thường gặp trong hồ sơ thanh toán",
                   "xây dựng danh mục kiểm tra theo từng loại hồ sơ",
                   "gửi danh mục cho chủ đầu tư tự kiểm tra trước khi nộp",
                   "thống kê lỗi hằng tháng và hướng dẫn lại"),
                  "Tài chính – kiểm soát chi ngân sách"),
            Topic("nhắc nợ thuế hộ kinh doanh qua tin nhắn theo lịch",
                  "hộ kinh doanh nộp thuế khoán", "lịch nhắc nợ thuế tự động",
                  "số tiền nợ thuế quá hạn", "nhiều hộ quên hạn nộp, bị tính tiền chậm nộp",
                  ("rà soát danh bạ và số điện thoại của các hộ kinh doanh",
                   "lập lịch nhắc trước hạn nộp năm ngày",
                   "gửi thông báo kèm số tiền và cách nộp qua ngân hàng",
                   "theo dõi phản hồi và gọi điện cho hộ chưa nộp"),
                  "Tài chính – quản lý thuế"),
            Topic("tổng hợp báo cáo quyết toán ngân sách xã bằng mẫu biểu liên kết",
                  "kế toán ngân sách các xã", "bộ mẫu biểu quyết toán liên kết",
                  "số lỗi lệch số liệu giữa các biểu", "các biểu quyết toán lập rời, "
                  "số liệu giữa các biểu không khớp, phải sửa nhiều lần",
                  ("chuẩn hóa danh mục mã nội dung kinh tế dùng chung",
                   "liên kết các biểu tổng hợp với biểu chi tiết",
                   "thêm các ô kiểm tra tự động báo lệch số liệu",
                   "tập huấn kế toán xã sử dụng mẫu biểu"),
                  "Tài chính – ngân sách xã"),
        ),
    ),
)

TITLE_FORMULAS = ("Một số biện pháp {core}", "Giải pháp {core}", "Sáng kiến {core}",
                  "Nâng cao hiệu quả công tác: {core}")

# section key -> sentence templates; slots: subject tool metric problem unit place year n a b
SENTENCES: dict[str, tuple[str, ...]] = {
    "tom_tat": (
        "Sáng kiến giới thiệu {tool} nhằm cải thiện {metric} đối với {subject} tại {unit}.",
        "Sau {n} tháng thực hiện, {metric} thay đổi từ {a}% lên {b}%, được đồng nghiệp ghi nhận.",
        "Báo cáo trình bày thực trạng, các bước thực hiện và kết quả đạt được trong năm {year}.",
    ),
    "ly_do": (
        "Trong những năm gần đây, {problem}.",
        "Qua theo dõi tại {unit}, {metric} chỉ đạt khoảng {a}%, thấp hơn yêu cầu đặt ra.",
        "Xuất phát từ thực tế đó, chúng tôi lựa chọn nghiên cứu và áp dụng {tool}.",
        "Việc tìm một cách làm phù hợp với điều kiện của địa phương là yêu cầu cấp bách.",
    ),
    "muc_tieu": (
        "Sáng kiến hướng tới cải thiện {metric} đối với {subject}.",
        "Xây dựng và hoàn thiện {tool} để có thể duy trì lâu dài tại đơn vị.",
        "Góp phần nâng cao chất lượng công việc chuyên môn của {unit}.",
    ),
    "pham_vi": (
        "Sáng kiến áp dụng cho {subject} thuộc địa bàn {place}.",
        "Sáng kiến được thực hiện từ tháng {m1} năm {y0} đến tháng {m2} năm {year}.",
        "Số liệu được thu thập tại {unit} và một số đơn vị lân cận.",
    ),
    "co_so_ly_luan": (
        "Các văn bản hướng dẫn chuyên môn hiện hành đều nhấn mạnh yêu cầu nâng cao chất lượng "
        "phục vụ {subject}.",
        "Về thực tiễn, {problem}.",
        "Kinh nghiệm của một số đơn vị bạn cho thấy {tool} có thể áp dụng trong điều kiện còn "
        "nhiều khó khăn về kinh phí.",
    ),
    "thuc_trang": (
        "Trước khi có sáng kiến, {problem}.",
        "Số liệu khảo sát tháng {m1} năm {y0} cho thấy {metric} chỉ đạt {a}%.",
        "Nguyên nhân chủ yếu là chưa có công cụ thống nhất và việc theo dõi còn làm thủ công.",
    ),
    "noi_dung": (
        "Sáng kiến được triển khai theo các bước sau.",
        "Bước {i}: {step}.",
    ),
    "ket_qua": (
        "Sau {n} tháng áp dụng, {metric} tăng từ {a}% lên {b}%.",
        "Các đơn vị phối hợp đánh giá cách làm mới rõ ràng, dễ thực hiện.",
        "Khối lượng công việc ghi chép thủ công giảm đáng kể so với trước.",
    ),
    "danh_gia": (
        "Các số liệu thu được được so sánh với số liệu cùng kỳ năm trước và với các đơn vị chưa "
        "áp dụng.",
        "Nhìn chung, các chỉ số theo dõi đều chuyển biến theo hướng tích cực.",
    ),
    "tinh_moi": (
        "Lần đầu tiên tại {unit}, {tool} được xây dựng và áp dụng một cách đồng bộ.",
        "Cách làm này chưa được thực hiện trước đây tại địa phương.",
    ),
    "kha_nang_ap_dung": (
        "Cách làm này có thể áp dụng rộng rãi cho các đơn vị có điều kiện tương tự trên địa bàn "
        "tỉnh {p}.",
        "Chi phí thực hiện thấp, không đòi hỏi trang thiết bị đắt tiền.",
    ),
    "loi_ich": (
        "Sáng kiến giúp tiết kiệm khoảng {money} triệu đồng mỗi năm cho đơn vị.",
        "{subject_cap} được phục vụ tốt hơn, thời gian thực hiện công việc rút ngắn rõ rệt.",
    ),
    "ket_luan": (
        "Qua thời gian thực hiện, sáng kiến đã chứng minh được hiệu quả trong điều kiện thực "
        "tế của {unit}.",
        "Chúng tôi đề nghị các cấp quan tâm nhân rộng cách làm này trong thời gian tới.",
    ),
    "tai_lieu": (
        "1. Bộ Khoa học và Công nghệ (2013), Thông tư số 18/2013/TT-BKHCN hướng dẫn thi hành "
        "Điều lệ Sáng kiến.",
        "2. Chính phủ (2012), Nghị định số 13/2012/NĐ-CP ban hành Điều lệ Sáng kiến.",
        "3. Tài liệu tập huấn chuyên môn năm {y0} của ngành.",
    ),
    "viet_tat": ("UBND: Ủy ban nhân dân; HĐND: Hội đồng nhân dân; CNTT: Công nghệ thông tin.",),
    "danh_muc_bang": ("Bảng 1. Số liệu trước và sau khi áp dụng sáng kiến.",),
}


def fill(rng: random.Random, text: str, slots: dict[str, str]) -> str:
    a = rng.randint(35, 68)
    nums = {"a": str(a), "b": str(min(98, a + rng.randint(12, 30))), "n": str(rng.randint(6, 18)),
            "m1": str(rng.randint(1, 6)), "m2": str(rng.randint(7, 12)),
            "money": str(rng.randint(8, 95))}
    return text.format(**slots, **nums)


def body(rng: random.Random, key: str, slots: dict[str, str], topic: Topic) -> list[str]:
    if key == "noi_dung":
        intro = fill(rng, SENTENCES["noi_dung"][0], slots)
        return [intro] + [f"Bước {i}: {s[0].upper()}{s[1:]}." for i, s in enumerate(topic.steps, 1)]
    pool = SENTENCES[key]
    if key == "tai_lieu":
        return [fill(rng, s, slots) for s in pool]
    chosen = [pool[i] for i in sorted(rng.sample(range(len(pool)), k=min(len(pool), rng.randint(2, 3))))]
    text = " ".join(fill(rng, s, slots) for s in chosen)
    return [text] if key in ("viet_tat", "danh_muc_bang") or rng.random() < 0.5 \
        else [fill(rng, s, slots) for s in chosen]
