"""Synthetic Vietnamese initiative dossiers (hồ sơ sáng kiến) as text, for the near-duplicate benchmark.

    .venv/bin/python -m bench.dupcorpus          # self-check: speed, body overlap, one example per case

``Generator(seed).dossier(key)`` writes an independent dossier: national header, request form,
title, 2–4 quoted laws (at least one long) and 6–9 template sections of body prose. Body prose
comes from a grammar: 72 sentence patterns (4–6 slots each) filled from per-topic vocabularies
(14 topics, six sectors), shared connectives and varying numbers, so two independent bodies on
one topic share only short phrases. The case methods derive benchmark dossiers from an archive
dossier and mark every body paragraph copied or edited from it with ``origin``. Everything is
invented; standard library only; deterministic for a seed and call order.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Para:
    text: str
    kind: str = "body"  # header, form, title, law, heading, body
    origin: tuple[str, int] | None = None  # (archive key, index in its paras) of a copied/derived body para


@dataclass(frozen=True)
class GenDossier:
    key: str
    title: str
    topic: str
    year: int
    unit: str
    authors: tuple[str, ...]
    paras: tuple[Para, ...]

    def pages(self, words_per_page: int = 380) -> list[str]:
        pages: list[str] = []
        cur: list[str] = []
        n = 0
        for p in self.paras:
            w = len(p.text.split())
            if cur and n + w > words_per_page:
                pages.append("\n".join(cur))
                cur, n = [], 0
            cur.append(p.text)
            n += w
        if cur:
            pages.append("\n".join(cur))
        return pages

    def body_words(self) -> int:
        return sum(len(p.text.split()) for p in self.paras if p.kind == "body")


# ---------------------------------------------------------------- vocabulary
# "KEY: a|b|c"; a line starting with "|" continues the previous key; "@name sector" starts a block.
# In fillers "#" becomes a digit and "&" an invented place name.

TOPICS_RAW = """
@gd_toan edu
F: Giáo dục và Đào tạo (dạy học môn Toán)
U: Trường THCS &|Trường Tiểu học và THCS &|Trường THCS thị trấn &
S: giáo viên bộ môn|tổ chuyên môn Toán – Tin|giáo viên chủ nhiệm lớp|nhóm giáo viên Toán khối 9
 |ban giám hiệu nhà trường|giáo viên phụ trách bồi dưỡng học sinh giỏi
B: học sinh lớp 9|học sinh lớp 8|học sinh khối 6|học sinh có học lực yếu|học sinh khá, giỏi
 |các em trong đội tuyển
V: tổ chức|hướng dẫn|thiết kế|xây dựng|lồng ghép|rèn luyện|củng cố|kiểm tra
O: các bài toán thực tế|phiếu học tập phân hóa|hoạt động học theo nhóm nhỏ|trò chơi học tập
 |hệ thống bài tập về phương trình|các tiết ôn tập cuối chương|kỹ năng vẽ hình và trình bày lời giải
 |bài kiểm tra ngắn đầu giờ|dạng toán chuyển động|chuyên đề bất đẳng thức
T: phần mềm GeoGebra|ứng dụng Quizizz|sơ đồ tư duy|bảng nhóm|phiếu học tập điện tử|nhóm Zalo của lớp
 |kho đề trực tuyến|máy chiếu vật thể
M: tỷ lệ học sinh đạt điểm khá, giỏi|điểm trung bình môn Toán|tỷ lệ học sinh hoàn thành bài tập về nhà
 |số học sinh tích cực phát biểu|tỷ lệ bài kiểm tra trên trung bình|số lượt học sinh đạt giải cấp huyện
R: tỷ lệ học sinh yếu, kém|số học sinh không làm bài tập|tỷ lệ bài kiểm tra dưới trung bình
 |số lỗi sai khi trình bày lời giải
P: học sinh còn ngại phát biểu|nhiều em bị hổng kiến thức lớp dưới|học sinh chưa biết vận dụng kiến thức
 |kỹ năng tính toán của học sinh còn chậm|giờ học còn nặng về thuyết giảng|thời gian luyện tập trên lớp còn ít
G: chất lượng dạy học môn Toán|kỹ năng giải toán|hứng thú học tập môn Toán|năng lực tư duy hình học
 |kết quả ôn thi vào lớp 10
L: lớp 9A#|lớp 8A#|khối 9 của trường|trường|các lớp khối 6|tổ Toán – Tin
@gd_tieng_viet edu
F: Giáo dục và Đào tạo (môn Tiếng Việt tiểu học)
U: Trường Tiểu học &|Trường Tiểu học số # &|Trường Phổ thông dân tộc bán trú Tiểu học &
S: giáo viên chủ nhiệm|giáo viên khối 3|tổ chuyên môn khối 2|cán bộ thư viện|ban giám hiệu
 |giáo viên dạy Tiếng Việt
B: học sinh lớp 3|học sinh lớp 2|học sinh lớp 1|học sinh dân tộc thiểu số|học sinh đọc chậm|các em khối 4
V: tổ chức|hướng dẫn|luyện|thiết kế|lồng ghép|rèn|xây dựng|phát triển
O: kỹ năng đọc hiểu|giờ đọc sách tại thư viện|các bài tập chính tả|hoạt động kể chuyện theo tranh
 |góc đọc trong lớp|trò chơi ghép vần|bài viết đoạn văn ngắn|kỹ năng viết đúng chính tả
 |phiếu đọc sách hằng tuần|câu lạc bộ đọc
T: thẻ từ|tranh minh họa|bảng phụ|sách điện tử|video bài đọc|tủ sách lớp học|phiếu luyện đọc|loa và máy chiếu
M: tỷ lệ học sinh đọc thông, viết thạo|số đầu sách học sinh mượn|tỷ lệ học sinh hoàn thành tốt môn Tiếng Việt
 |tốc độ đọc trung bình|số bài viết đạt yêu cầu
R: số lỗi chính tả mỗi bài viết|tỷ lệ học sinh đọc chậm|số học sinh chưa hoàn thành môn Tiếng Việt
 |số em còn đọc sai dấu thanh
P: học sinh còn đọc sai dấu thanh|vốn từ của học sinh còn hạn chế|nhiều em chưa có thói quen đọc sách
 |học sinh viết câu còn thiếu ý|phụ huynh ít quan tâm việc đọc ở nhà|học sinh dễ mất tập trung khi luyện đọc
G: chất lượng dạy học môn Tiếng Việt|kỹ năng đọc hiểu|văn hóa đọc trong nhà trường|kỹ năng viết đoạn văn
 |năng lực ngôn ngữ
L: lớp 3A#|lớp 2A#|điểm trường lẻ|trường|khối lớp 3|thư viện trường
@gd_mam_non edu
F: Giáo dục mầm non
U: Trường Mầm non &|Trường Mầm non Hoa Sen &|Trường Mẫu giáo &
S: giáo viên mầm non|giáo viên lớp mẫu giáo lớn|tổ chuyên môn mẫu giáo|nhân viên nuôi dưỡng
 |ban giám hiệu nhà trường|giáo viên phụ trách nhóm trẻ
B: trẻ 5 – 6 tuổi|trẻ mẫu giáo nhỡ|trẻ nhà trẻ|trẻ 3 – 4 tuổi|trẻ mới đến lớp|các cháu lớp lá
V: tổ chức|hướng dẫn|thiết kế|lồng ghép|xây dựng|rèn luyện|phát triển|duy trì
O: hoạt động trải nghiệm|trò chơi dân gian|góc chơi theo chủ đề|kỹ năng tự phục vụ|bữa ăn bán trú
 |hoạt động khám phá khoa học|giờ đón, trả trẻ|thói quen vệ sinh cá nhân|tiết học âm nhạc|đồ chơi tự làm
T: nguyên vật liệu tái chế|tranh ảnh theo chủ đề|bảng tuyên truyền|nhóm Zalo phụ huynh|bộ đồ chơi lắp ghép
 |sổ theo dõi sức khỏe|màn hình tương tác|góc thiên nhiên
M: tỷ lệ trẻ chuyên cần|tỷ lệ trẻ đạt chuẩn phát triển|số trẻ mạnh dạn giao tiếp
 |tỷ lệ trẻ có kỹ năng tự phục vụ|số phụ huynh tham gia hoạt động
R: tỷ lệ trẻ suy dinh dưỡng|số trẻ khóc khi đến lớp|tỷ lệ trẻ thấp còi|số buổi trẻ nghỉ học
P: trẻ còn nhút nhát|nhiều trẻ chưa biết tự xúc ăn|đồ dùng học tập còn thiếu|phụ huynh chưa phối hợp chặt chẽ
 |trẻ dễ mất tập trung|không gian lớp học còn chật
G: chất lượng chăm sóc, giáo dục|kỹ năng sống|khả năng ngôn ngữ|sự phát triển thể chất|kỹ năng giao tiếp
L: lớp mẫu giáo lớn A#|lớp nhỡ B#|nhóm trẻ 24 – 36 tháng|trường|điểm lẻ thôn #|bếp ăn bán trú
@gd_chu_nhiem edu
F: Giáo dục và Đào tạo (công tác chủ nhiệm)
U: Trường THPT &|Trường THPT Dân tộc nội trú &|Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên &
S: giáo viên chủ nhiệm|Đoàn trường|ban đại diện cha mẹ học sinh|tổ tư vấn tâm lý học đường|ban giám hiệu
 |ban cán sự lớp
B: học sinh lớp 10|học sinh lớp 11|học sinh lớp 12|học sinh nội trú|học sinh có hoàn cảnh khó khăn
 |học sinh cá biệt
V: tổ chức|duy trì|xây dựng|triển khai|hướng dẫn|theo dõi|đổi mới|phối hợp thực hiện
O: sinh hoạt lớp theo chủ đề|hoạt động tư vấn tâm lý|nề nếp tự quản|các buổi ngoại khóa kỹ năng sống
 |kế hoạch giáo dục cá nhân|phong trào đôi bạn cùng tiến|buổi họp phụ huynh|hoạt động tình nguyện
 |sổ theo dõi nề nếp|cuộc thi tìm hiểu pháp luật
T: nhóm Zalo phụ huynh|phần mềm quản lý học sinh|hộp thư điều em muốn nói|bảng thi đua hằng tuần
 |sổ liên lạc điện tử|phiếu khảo sát tâm lý|góc học tập của lớp|trang tin của Đoàn trường
M: tỷ lệ học sinh xếp loại rèn luyện tốt|số học sinh tham gia hoạt động tập thể|tỷ lệ học sinh chuyên cần
 |điểm thi đua của lớp|số phụ huynh dự họp đầy đủ
R: số lượt học sinh vi phạm nề nếp|tỷ lệ học sinh bỏ học|số buổi nghỉ học không phép|số vụ mâu thuẫn trong lớp
P: học sinh còn vi phạm nội quy|mối liên hệ với gia đình chưa thường xuyên|học sinh thiếu kỹ năng ứng xử
 |áp lực học tập làm nhiều em căng thẳng|ban cán sự lớp hoạt động chưa hiệu quả
 |tình trạng sử dụng điện thoại trong giờ học
G: hiệu quả công tác chủ nhiệm lớp|kỹ năng sống|ý thức tự quản|chất lượng giáo dục đạo đức
 |sự gắn kết giữa nhà trường và gia đình
L: lớp 10A#|lớp 11A#|khu nội trú|trường|khối 12|lớp chủ nhiệm
@yt_dieu_duong health
F: Y tế (điều dưỡng, chăm sóc người bệnh)
U: Bệnh viện Đa khoa huyện &|Trung tâm Y tế huyện &|Bệnh viện Đa khoa khu vực &
S: điều dưỡng trưởng khoa|nhóm điều dưỡng|bác sĩ điều trị|hộ lý|khoa Hồi sức tích cực|phòng Điều dưỡng
B: người bệnh sau phẫu thuật|người bệnh cao tuổi|người bệnh nằm lâu|bệnh nhân đái tháo đường
 |người nhà người bệnh|bệnh nhân nội trú
V: theo dõi|thực hiện|chuẩn hóa|hướng dẫn|kiểm tra|cải tiến|giám sát|tư vấn
O: quy trình chăm sóc vết mổ|bảng kiểm an toàn người bệnh|việc bàn giao người bệnh|quy trình tiêm an toàn
 |chế độ dinh dưỡng|phòng ngừa loét tỳ đè|công tác vệ sinh tay|giáo dục sức khỏe trước khi ra viện
 |quy trình chuyển bệnh|phiếu chăm sóc
T: bảng kiểm điện tử|phần mềm quản lý bệnh viện|mã QR trên giường bệnh|đệm hơi chống loét|bảng nhắc việc
 |tờ rơi hướng dẫn|máy đo đường huyết cầm tay|video hướng dẫn
M: tỷ lệ người bệnh hài lòng|tỷ lệ tuân thủ vệ sinh tay|số ca được chăm sóc đúng quy trình
 |điểm đánh giá chất lượng chăm sóc|tỷ lệ hồ sơ bệnh án ghi chép đầy đủ
R: tỷ lệ nhiễm khuẩn vết mổ|số ca loét tỳ đè|số sự cố y khoa|thời gian nằm viện trung bình
P: điều dưỡng còn ghi chép thủ công|người bệnh chưa hiểu chế độ ăn|việc bàn giao ca còn sót thông tin
 |khối lượng công việc của điều dưỡng lớn|trang thiết bị còn thiếu|người nhà chưa được hướng dẫn đầy đủ
G: chất lượng chăm sóc người bệnh|an toàn người bệnh|hiệu quả công tác điều dưỡng|sự hài lòng của người bệnh
 |chất lượng khám, chữa bệnh
L: khoa Ngoại tổng hợp|khoa Nội|khoa Hồi sức tích cực|bệnh viện|khoa Ngoại chấn thương|buồng bệnh số #
@yt_du_phong health
F: Y tế dự phòng
U: Trung tâm Y tế huyện &|Trạm Y tế xã &|Trung tâm Kiểm soát bệnh tật tỉnh
S: trạm y tế xã|cán bộ y tế thôn bản|khoa Kiểm soát bệnh tật|nhóm cộng tác viên dân số|trung tâm y tế huyện
 |nhân viên y tế học đường
B: trẻ dưới 1 tuổi|phụ nữ mang thai|người cao tuổi|người dân vùng sâu|học sinh tiểu học
 |hộ gia đình có người mắc bệnh mạn tính
V: tổ chức|quản lý|truyền thông về|rà soát|giám sát|cập nhật|triển khai|vận động
O: tiêm chủng mở rộng|phòng chống sốt xuất huyết|danh sách đối tượng tiêm|khám sàng lọc tăng huyết áp
 |vệ sinh môi trường|phòng chống dịch bệnh mùa mưa|hồ sơ sức khỏe điện tử|chiến dịch diệt lăng quăng
 |dinh dưỡng cho trẻ nhỏ|buổi tư vấn sức khỏe cộng đồng
T: phần mềm tiêm chủng|loa truyền thanh thôn|tin nhắn nhắc lịch|bản đồ dịch tễ|sổ theo dõi điện tử
 |tờ rơi tuyên truyền|nhóm Zalo cộng tác viên|bảng phân công theo thôn
M: tỷ lệ tiêm chủng đầy đủ|số người được khám sàng lọc|tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh
 |số buổi truyền thông|tỷ lệ người bệnh được quản lý
R: số ca mắc sốt xuất huyết|tỷ lệ trẻ bỏ mũi tiêm|số ổ dịch phát sinh|tỷ lệ trẻ suy dinh dưỡng
P: người dân còn chủ quan với dịch bệnh|danh sách đối tượng chưa được cập nhật|địa bàn rộng, đi lại khó khăn
 |nhân lực y tế cơ sở còn mỏng|việc nhắc lịch tiêm chưa kịp thời|số liệu báo cáo còn chồng chéo
G: hiệu quả công tác y tế dự phòng|tỷ lệ tiêm chủng|sức khỏe cộng đồng|chất lượng quản lý bệnh không lây nhiễm
 |công tác phòng chống dịch
L: xã &|thôn #|trạm y tế|địa bàn huyện|các điểm tiêm|cụm dân cư số #
@nn_lua agri
F: Nông nghiệp (trồng trọt, khuyến nông)
U: Trạm Khuyến nông huyện &|Phòng Nông nghiệp và Môi trường huyện &|Hợp tác xã nông nghiệp &
S: cán bộ khuyến nông|hợp tác xã nông nghiệp|tổ hợp tác sản xuất|trạm bảo vệ thực vật|nhóm nông dân nòng cốt
 |chi hội nông dân
B: hộ nông dân|xã viên hợp tác xã|hộ sản xuất lúa|nông dân vùng trũng|các hộ tham gia mô hình
 |người sản xuất nhỏ
V: áp dụng|hướng dẫn|tổ chức|chuyển giao|theo dõi|cải tiến|nhân rộng|thử nghiệm
O: kỹ thuật gieo sạ thưa|quy trình bón phân cân đối|mô hình cánh đồng lớn|biện pháp quản lý dịch hại tổng hợp
 |lịch thời vụ|kỹ thuật tưới ngập khô xen kẽ|giống lúa chất lượng cao|việc làm đất bằng máy
 |khâu thu hoạch và phơi sấy|sổ nhật ký đồng ruộng
T: máy cấy|bẫy đèn|phân bón hữu cơ vi sinh|chế phẩm sinh học|ứng dụng dự báo thời tiết
 |máy bay không người lái phun thuốc|bảng tra lịch thời vụ|ống đo mực nước
M: năng suất lúa|lợi nhuận trên mỗi héc-ta|diện tích áp dụng|số hộ tham gia liên kết|giá bán lúa hàng hóa
R: chi phí phân bón|lượng thuốc bảo vệ thực vật|lượng giống gieo sạ|tỷ lệ hao hụt sau thu hoạch
P: nông dân còn gieo sạ quá dày|sâu bệnh phát sinh phức tạp|giá vật tư nông nghiệp tăng cao
 |đồng ruộng manh mún|nông dân lạm dụng phân đạm|thời tiết diễn biến bất thường
G: hiệu quả sản xuất lúa|năng suất và chất lượng lúa|thu nhập của nông dân|chuỗi liên kết sản xuất lúa
 |hiệu quả công tác khuyến nông
L: cánh đồng thôn #|xã &|cánh đồng mẫu xã &|vùng chuyên canh|hợp tác xã|khu ruộng thí điểm
@nn_chan_nuoi agri
F: Nông nghiệp (chăn nuôi, thú y)
U: Trạm Chăn nuôi và Thú y huyện &|Trung tâm Dịch vụ nông nghiệp huyện &|Hợp tác xã chăn nuôi &
S: cán bộ thú y xã|trạm chăn nuôi và thú y|tổ hợp tác chăn nuôi|nhân viên thú y cơ sở|hội nông dân xã
 |khuyến nông viên
B: hộ chăn nuôi lợn|hộ nuôi gà thả vườn|người nuôi bò sinh sản|trang trại quy mô nhỏ|hộ nuôi trồng thủy sản
 |người chăn nuôi
V: hướng dẫn|tổ chức|giám sát|áp dụng|xây dựng|thực hiện|kiểm soát|cải tiến
O: lịch tiêm phòng vắc-xin|chuồng trại hợp vệ sinh|khẩu phần thức ăn|đệm lót sinh học|việc tiêu độc khử trùng
 |quy trình chăn nuôi an toàn sinh học|việc ghi chép sổ theo dõi đàn|kỹ thuật ủ thức ăn thô xanh
 |việc xử lý chất thải|công tác kiểm dịch
T: chế phẩm vi sinh|hầm biogas|máy băm cỏ|phần mềm quản lý đàn|vắc-xin dự trữ|sổ tay thú y
 |bình phun khử trùng|nhóm Zalo thú y
M: tổng đàn|tỷ lệ tiêm phòng|trọng lượng xuất chuồng|thu nhập của hộ chăn nuôi
 |số hộ đạt tiêu chí an toàn sinh học
R: tỷ lệ vật nuôi mắc bệnh|chi phí thức ăn|số ổ dịch|mùi hôi từ chuồng trại
P: người chăn nuôi còn chủ quan|chuồng trại gần khu dân cư|dịch bệnh diễn biến phức tạp
 |giá thức ăn chăn nuôi tăng|việc tiêm phòng chưa đầy đủ|chất thải chưa được xử lý
G: hiệu quả chăn nuôi|công tác phòng chống dịch bệnh|thu nhập của người chăn nuôi
 |an toàn sinh học trong chăn nuôi|chất lượng đàn vật nuôi
L: xã &|thôn #|trang trại thí điểm|địa bàn huyện|vùng chăn nuôi tập trung|khu chăn nuôi xa dân cư
@hc_mot_cua admin
F: Hành chính (cải cách thủ tục hành chính)
U: Ủy ban nhân dân xã &|Ủy ban nhân dân phường &|Trung tâm Phục vụ hành chính công huyện &
S: bộ phận một cửa|công chức tư pháp – hộ tịch|Ủy ban nhân dân xã|văn phòng đăng ký đất đai
 |công chức địa chính|tổ công nghệ số cộng đồng
B: người dân|tổ chức, doanh nghiệp|người cao tuổi|hộ kinh doanh|người lao động|công dân đến giao dịch
V: tiếp nhận|giải quyết|số hóa|hướng dẫn|công khai|rà soát|đơn giản hóa|theo dõi
O: hồ sơ thủ tục hành chính|hồ sơ đăng ký hộ tịch|dịch vụ công trực tuyến|việc chứng thực bản sao
 |hồ sơ đất đai|quy trình nội bộ|kết quả giải quyết|ý kiến phản ánh của người dân|việc thu phí, lệ phí
 |lịch tiếp công dân
T: cổng dịch vụ công|mã QR tra cứu|kiosk hướng dẫn|phần mềm một cửa điện tử|chữ ký số|máy lấy số tự động
 |trang thông tin điện tử|tổng đài hỗ trợ
M: tỷ lệ hồ sơ giải quyết đúng hạn|số hồ sơ nộp trực tuyến|chỉ số hài lòng của người dân
 |tỷ lệ hồ sơ được số hóa|số lượt tra cứu kết quả
R: số hồ sơ trễ hạn|thời gian chờ đợi|số lần người dân phải đi lại|số hồ sơ phải bổ sung
P: người dân chưa quen nộp hồ sơ trực tuyến|hồ sơ phải bổ sung nhiều lần|việc lưu trữ còn thủ công
 |công chức kiêm nhiệm nhiều việc|quy trình còn chồng chéo|thông tin hướng dẫn chưa rõ ràng
G: chất lượng cải cách hành chính|hiệu quả giải quyết thủ tục hành chính|sự hài lòng của người dân
 |chất lượng phục vụ người dân|hiệu quả chuyển đổi số
L: xã &|bộ phận một cửa xã &|phường &|trụ sở ủy ban|địa bàn xã|quầy tiếp nhận số #
@hc_van_thu admin
F: Hành chính (văn thư, lưu trữ)
U: Văn phòng Ủy ban nhân dân huyện &|Văn phòng Sở Nội vụ|Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện &
S: văn thư cơ quan|phòng Hành chính – Tổng hợp|cán bộ lưu trữ|văn phòng ủy ban|tổ số hóa tài liệu
 |chánh văn phòng
B: cán bộ, công chức|các phòng chuyên môn|lãnh đạo đơn vị|người khai thác tài liệu|nhân viên mới
 |các đơn vị trực thuộc
V: quản lý|số hóa|phân loại|chỉnh lý|lập|tra cứu|chuẩn hóa|bảo quản
O: văn bản đến và đi|hồ sơ lưu trữ|danh mục hồ sơ|tài liệu tồn đọng|sổ đăng ký văn bản|hồ sơ công việc
 |thể thức văn bản|tài liệu giấy|kho lưu trữ|mục lục hồ sơ
T: phần mềm quản lý văn bản|chữ ký số|máy quét tài liệu|cơ sở dữ liệu lưu trữ|mã vạch hồ sơ
 |hộp bìa tiêu chuẩn|giá kệ di động|ổ lưu trữ dùng chung
M: tỷ lệ văn bản được xử lý trên môi trường mạng|số hồ sơ được chỉnh lý|tỷ lệ hồ sơ nộp lưu đúng hạn
 |số lượt khai thác tài liệu|số mét giá tài liệu được sắp xếp
R: thời gian tra tìm tài liệu|số văn bản sai thể thức|chi phí in ấn|lượng tài liệu tồn đọng
P: tài liệu còn tồn đọng, chưa chỉnh lý|văn bản sai thể thức còn nhiều|kho lưu trữ chật hẹp
 |việc tra tìm mất nhiều thời gian|cán bộ chưa thành thạo phần mềm|hồ sơ công việc lập chưa đầy đủ
G: hiệu quả công tác văn thư, lưu trữ|chất lượng quản lý văn bản|hiệu quả khai thác tài liệu
 |tính chuyên nghiệp của văn phòng|hiệu quả chuyển đổi số
L: cơ quan|kho lưu trữ|văn phòng|các phòng chuyên môn|đơn vị|phòng lưu trữ số #
@tc_thue finance
F: Tài chính (quản lý thuế)
U: Chi cục Thuế khu vực &|Đội Thuế liên xã &|Chi cục Thuế huyện &
S: đội kiểm tra thuế|chi cục thuế khu vực|công chức quản lý thuế|đội tuyên truyền hỗ trợ người nộp thuế
 |đội quản lý nợ|tổ công tác liên ngành
B: hộ kinh doanh|doanh nghiệp nhỏ và vừa|người nộp thuế|cá nhân cho thuê tài sản|hộ khoán
 |doanh nghiệp mới thành lập
V: quản lý|rà soát|đôn đốc|hướng dẫn|kiểm tra|phân loại|theo dõi|đối chiếu
O: nợ đọng thuế|hồ sơ khai thuế|hóa đơn điện tử|việc hoàn thuế|doanh thu hộ kinh doanh
 |danh sách người nộp thuế|nghĩa vụ thuế đất|hồ sơ miễn, giảm thuế|việc nộp thuế điện tử|thông báo thuế
T: phần mềm quản lý thuế|ứng dụng thuế điện tử|dữ liệu hóa đơn|tin nhắn nhắc nợ|bảng phân tích rủi ro
 |cổng thông tin thuế|chữ ký số|tổng đài hỗ trợ
M: số thu ngân sách|tỷ lệ hồ sơ khai thuế đúng hạn|tỷ lệ nộp thuế điện tử|số thuế truy thu
 |số người nộp thuế được hỗ trợ
R: số nợ thuế|tỷ lệ hồ sơ sai sót|số hộ kinh doanh chưa kê khai|thời gian giải quyết hoàn thuế
P: nợ thuế kéo dài|người nộp thuế chưa nắm rõ chính sách|dữ liệu quản lý còn phân tán
 |số hộ kinh doanh biến động|việc đối chiếu số liệu còn thủ công|nhân lực quản lý thuế còn thiếu
G: hiệu quả quản lý thuế|hiệu quả thu ngân sách|chất lượng hỗ trợ người nộp thuế|công tác quản lý nợ thuế
 |tính tuân thủ của người nộp thuế
L: chi cục thuế|địa bàn phường &|chợ trung tâm|khu công nghiệp &|địa bàn huyện|đội thuế liên xã số #
@tc_ke_toan finance
F: Tài chính (kế toán, ngân sách)
U: Kho bạc Nhà nước khu vực &|Phòng Tài chính – Kế hoạch huyện &|Bệnh viện Đa khoa huyện &
S: bộ phận kế toán|kế toán trưởng|phòng Tài chính – Kế toán|thủ quỹ|kế toán viên|ban kiểm soát nội bộ
B: các khoa, phòng|cán bộ, viên chức|đơn vị dự toán|nhà cung cấp|người lao động|các đơn vị trực thuộc
V: lập|quản lý|kiểm soát|đối chiếu|quyết toán|theo dõi|thanh toán|tổng hợp
O: dự toán ngân sách|chứng từ kế toán|tài sản công|các khoản thu, chi|công nợ|báo cáo tài chính
 |tiền lương và phụ cấp|quỹ tiền mặt|hợp đồng mua sắm|kho vật tư
T: phần mềm kế toán|dịch vụ công kho bạc|bảng tính tự động|mã hóa tài khoản|chữ ký số|ngân hàng điện tử
 |sổ theo dõi tài sản|phần mềm quản lý tài sản
M: tỷ lệ giải ngân|số chứng từ được xử lý|tỷ lệ tiết kiệm chi thường xuyên|số báo cáo nộp đúng hạn
 |nguồn thu sự nghiệp
R: số sai sót chứng từ|thời gian thanh toán|công nợ quá hạn|chi phí văn phòng phẩm
P: chứng từ luân chuyển chậm|số liệu giữa các bộ phận chưa khớp|việc đối chiếu còn thủ công
 |khối lượng nghiệp vụ tăng|quy định tài chính thay đổi thường xuyên|tài sản chưa được theo dõi chặt chẽ
G: hiệu quả quản lý tài chính|chất lượng công tác kế toán|tính minh bạch trong thu, chi
 |hiệu quả sử dụng ngân sách|công tác quản lý tài sản công
L: đơn vị|phòng Tài chính – Kế toán|bệnh viện|trường|kho bạc|các khoa, phòng
@cn_xay_dung industry
F: Xây dựng (quản lý dự án, thi công)
U: Ban Quản lý dự án đầu tư xây dựng huyện &|Công ty Cổ phần Xây dựng &|Phòng Kinh tế – Hạ tầng huyện &
S: ban quản lý dự án|tư vấn giám sát|đội thi công|kỹ sư hiện trường|phòng Kinh tế – Hạ tầng
 |chỉ huy trưởng công trình
B: nhà thầu thi công|công nhân|chủ đầu tư|người dân vùng dự án|đơn vị tư vấn|tổ đội thi công
V: kiểm soát|giám sát|lập|nghiệm thu|quản lý|tối ưu|điều phối|thẩm định
O: tiến độ thi công|chất lượng bê tông|hồ sơ hoàn công|khối lượng phát sinh|biện pháp thi công
 |an toàn lao động|hồ sơ thanh toán|vật liệu đầu vào|bản vẽ thiết kế|công tác giải phóng mặt bằng
T: phần mềm dự toán|mô hình thông tin công trình|máy toàn đạc điện tử|nhật ký thi công điện tử
 |camera giám sát|bảng tiến độ trực tuyến|thiết bị đo độ ẩm|cốp pha định hình
M: tỷ lệ hạng mục đúng tiến độ|giá trị giải ngân|số hồ sơ nghiệm thu đạt yêu cầu
 |tỷ lệ mẫu vật liệu đạt chuẩn|giá trị tiết kiệm sau thẩm định
R: số sự cố kỹ thuật|thời gian chậm tiến độ|khối lượng phát sinh|số tai nạn lao động
P: tiến độ thi công thường bị chậm|hồ sơ hoàn công lập chậm|khối lượng phát sinh khó kiểm soát
 |mặt bằng thi công chật hẹp|nhân lực giám sát còn mỏng|thời tiết ảnh hưởng đến thi công
G: chất lượng công trình|hiệu quả quản lý dự án|tiến độ thi công|an toàn lao động trên công trường
 |hiệu quả vốn đầu tư công
L: công trình trường học &|dự án đường giao thông xã &|gói thầu số #|công trường|hạng mục cầu &
 |khu tái định cư &
@cn_dien industry
F: Công nghiệp (điện lực)
U: Điện lực &|Công ty Điện lực tỉnh|Xí nghiệp Lưới điện cao thế &
S: đội quản lý vận hành lưới điện|tổ sửa chữa điện nóng|kỹ sư vận hành|điện lực khu vực|tổ thao tác lưu động
 |phòng Kỹ thuật
B: khách hàng sử dụng điện|công nhân vận hành|hộ dân vùng sâu|doanh nghiệp sản xuất|các trạm biến áp
 |người lao động
V: kiểm tra|vận hành|bảo dưỡng|xử lý|giám sát|cải tạo|cải tiến|thay thế
O: đường dây trung áp|trạm biến áp phân phối|sự cố lưới điện|tổn thất điện năng|thiết bị đóng cắt
 |công tơ điện tử|hành lang an toàn lưới điện|tủ điện hạ thế|lịch cắt điện|mối nối dây dẫn
T: camera nhiệt|thiết bị bay không người lái|phần mềm đo xa|hệ thống SCADA|dụng cụ thao tác cách điện
 |sổ tay vận hành|bản đồ lưới điện số|ứng dụng chăm sóc khách hàng
M: độ tin cậy cung cấp điện|số khách hàng được cấp điện ổn định|tỷ lệ thu tiền điện đúng hạn
 |năng suất lao động|chỉ số hài lòng khách hàng
R: tỷ lệ tổn thất điện năng|số lần mất điện|thời gian xử lý sự cố|chi phí sửa chữa
P: lưới điện vận hành lâu năm|địa hình đồi núi khó kiểm tra|phụ tải tăng nhanh
 |sự cố thường xảy ra vào mùa mưa|thiết bị đo đếm cũ|nhân lực trực vận hành mỏng
G: độ tin cậy cung cấp điện|hiệu quả vận hành lưới điện|an toàn trong thao tác|chất lượng dịch vụ khách hàng
 |hiệu quả sản xuất kinh doanh điện
L: tuyến đường dây 47#|trạm biến áp &|điện lực &|khu vực miền núi|xã &|xưởng sửa chữa
"""

SECTORS_RAW = """
@edu
POS: Giáo viên|Tổ trưởng chuyên môn|Phó Hiệu trưởng|Hiệu trưởng|Tổng phụ trách Đội
QUAL: Đại học Sư phạm|Thạc sĩ Quản lý giáo dục|Cao đẳng Sư phạm|Thạc sĩ Lý luận và phương pháp dạy học
Q: Phòng Giáo dục và Đào tạo|Sở Giáo dục và Đào tạo|ban giám hiệu nhà trường|hội đồng sáng kiến cấp cơ sở
@health
POS: Điều dưỡng|Bác sĩ|Trưởng khoa|Điều dưỡng trưởng|Y sĩ
QUAL: Cử nhân Điều dưỡng|Bác sĩ chuyên khoa I|Thạc sĩ Y học|Cử nhân Y tế công cộng
Q: Sở Y tế|ban giám đốc|hội đồng khoa học kỹ thuật|Trung tâm Kiểm soát bệnh tật tỉnh
@agri
POS: Khuyến nông viên|Trạm trưởng|Chuyên viên|Kỹ thuật viên
QUAL: Kỹ sư Nông học|Bác sĩ Thú y|Thạc sĩ Khoa học cây trồng|Kỹ sư Chăn nuôi
Q: Sở Nông nghiệp và Môi trường|Ủy ban nhân dân huyện|Trung tâm Khuyến nông tỉnh|lãnh đạo đơn vị
@admin
POS: Công chức Văn phòng – Thống kê|Chánh Văn phòng|Chuyên viên|Văn thư|Phó Chủ tịch
QUAL: Cử nhân Luật|Cử nhân Hành chính|Thạc sĩ Quản lý công|Cử nhân Lưu trữ học
Q: Ủy ban nhân dân huyện|Sở Nội vụ|lãnh đạo cơ quan|hội đồng sáng kiến cấp cơ sở
@finance
POS: Kiểm tra viên thuế|Kế toán trưởng|Chuyên viên|Đội trưởng|Kế toán viên
QUAL: Cử nhân Kế toán|Thạc sĩ Tài chính – Ngân hàng|Cử nhân Kinh tế|Thạc sĩ Kế toán
Q: Cục Thuế tỉnh|Sở Tài chính|lãnh đạo đơn vị|Kho bạc Nhà nước tỉnh
@industry
POS: Kỹ sư|Đội trưởng|Phó Giám đốc|Công nhân vận hành bậc 5|Trưởng phòng Kỹ thuật
QUAL: Kỹ sư Xây dựng|Kỹ sư Điện|Thạc sĩ Kỹ thuật|Cao đẳng Điện công nghiệp
Q: Sở Xây dựng|ban giám đốc công ty|chủ đầu tư|Sở Công Thương
"""

SHARED_RAW = """
A: một cách thường xuyên|theo định kỳ|có kế hoạch|đúng quy trình|từng bước|linh hoạt|chặt chẽ|đồng bộ
 |thống nhất|nghiêm túc|có hệ thống|bài bản|kịp thời|cụ thể, rõ ràng|công khai, minh bạch
X: tiết kiệm thời gian và công sức|chủ động hơn trong công việc|nắm vững yêu cầu|giảm áp lực|tự tin hơn
 |tiếp cận thông tin dễ dàng hơn|hạn chế sai sót|nâng cao ý thức trách nhiệm|phát huy tính tích cực
 |hình thành thói quen tốt|giảm chi phí phát sinh|đạt kết quả cao hơn|hiểu rõ quyền lợi của mình
 |phối hợp nhịp nhàng hơn
Y: khảo sát|thống kê|rà soát|theo dõi|đối chiếu|tổng hợp|phân tích|đánh giá
Z: sổ theo dõi|biên bản kiểm tra|bảng tổng hợp|báo cáo định kỳ|phiếu khảo sát|sổ nhật ký|bảng đánh giá
 |báo cáo sơ kết|phiếu góp ý|kế hoạch tháng
E: rõ rệt|đáng kể|tích cực|khả quan|vững chắc|ổn định|rất đáng ghi nhận|tốt
H: hiệu quả|phù hợp|khả thi|đồng bộ|thiết thực|hợp lý|bài bản|khoa học
ord: hai|ba|tư|năm
C: bên cạnh đó|ngoài ra|mặt khác|trên thực tế|nhìn chung|đáng chú ý|hơn nữa|tuy nhiên|vì vậy|do đó|từ đó
 |qua theo dõi|theo đánh giá chung|không những thế|đặc biệt|trong thực tiễn|như vậy|song song với đó
"""

# sentence patterns by section group; "!" = takes no leading connective
PATTERNS_RAW = """
[ly_do]
{W}, {S} nhận thấy {P}, điều này ảnh hưởng trực tiếp đến {G} tại {L}.
qua {Y} {n} {B} tại {L}, có tới {pct} gặp khó khăn do {P}.
xuất phát từ yêu cầu nâng cao {G}, {S} cần có cách làm mới để {V} {O} {A}.
thực tế tại {L} cho thấy {P}, trong khi yêu cầu về {G} ngày càng cao {W}.
!vì vậy, tôi chọn nghiên cứu việc {V} {O} bằng {T} nhằm giúp {B} {X}.
nếu không sớm khắc phục tình trạng {P}, {M} khó đạt mức {pct} như kế hoạch {W}.
nhiều năm làm công tác {V} {O} tại {L}, tôi luôn trăn trở làm thế nào để {B} {X}.
{S} đã nhiều lần nêu {P} trong {Z}, nhưng chưa có giải pháp {H} cho {B}.
[thuc_trang]
trước khi áp dụng sáng kiến, {M} tại {L} chỉ đạt {pct}, thấp hơn so với mục tiêu {W}.
kết quả {Y} {n} {B} {W} cho thấy {P}.
việc {V} {O} tại {L} chủ yếu vẫn làm thủ công, mất {k} đến {n} giờ cho mỗi đợt.
{S} chưa khai thác tốt {T}, nên {P} và {R} còn ở mức cao.
theo {Z} của {L}, {W} có {n} trường hợp phát sinh do {P}.
!bên cạnh thuận lợi là đã có {T}, {S} vẫn gặp khó khăn vì {P}, nhất là với {B}.
{R} {W} tăng {pct} so với cùng kỳ, cho thấy {P}.
phần lớn {B} tại {L} chưa được {V} {O} một cách bài bản.
[muc]
sáng kiến hướng tới mục tiêu nâng {M} {up} {W}, đồng thời giảm {R}.
mục tiêu cụ thể là giúp {B} {X}, tạo điều kiện để {S} {V} {O} {A}.
cơ sở của giải pháp là các quy định hiện hành về {G} và kinh nghiệm {V} {O} tại {L}.
sáng kiến tập trung vào {k} nhóm nội dung: {V} {O}, ứng dụng {T} và {Y} kết quả định kỳ.
đối tượng áp dụng gồm {n} {B} tại {L} {W}.
!về lý luận, {G} phụ thuộc nhiều vào cách {S} {V} {O} và mức độ sử dụng {T}.
[noi_dung]
!bước {k}, {S} {V} {O} theo từng nhóm, mỗi nhóm khoảng {k} thành viên, có phân công {A}.
{S} sử dụng {T} để {V} {O}, qua đó giúp {B} {X}.
trong quá trình {V} {O}, {S} thường xuyên {Y} {Z} để điều chỉnh kịp thời.
mỗi tuần, {S} dành khoảng {k} giờ để {V} {O} cho {B} tại {L}.
khi {V} {O}, cần chú ý thực hiện {A} để tránh tình trạng {P}.
{T} được cập nhật {A}, giúp {B} và {S} dễ dàng theo dõi {M}.
!cụ thể, {S} phân công {k} thành viên phụ trách {V} {O} tại {L} {W}.
sau mỗi đợt {V} {O}, kết quả được ghi vào {Z} và báo cáo {Q}.
giải pháp thứ {ord} là {V} {O} gắn với {T}, áp dụng cho {B} {W}.
điều kiện để thực hiện là {L} có {T} và {S} được tập huấn {A}.
!ví dụ, tại {L}, {S} đã {V} {O} cho {n} {B} chỉ trong vài tuần.
{S} lập kế hoạch {A}, nêu rõ người thực hiện và cách {Y} kết quả {V} {O}.
nội dung này được triển khai {A}, bảo đảm {B} nắm được yêu cầu trước khi {V} {O}.
để {X}, {S} kết hợp {V} {O} với {Y} {M} hằng tháng.
[tinh_moi]
điểm mới của sáng kiến là {V} {O} bằng {T}, điều mà trước đây {L} chưa thực hiện.
!so với cách làm cũ, thời gian {V} {O} giảm {cut}, giúp {S} {X}.
sáng kiến không trùng với giải pháp đã được công nhận tại {L} {W}, cũng chưa được {S} áp dụng cho {B}.
lần đầu tiên {S} kết hợp {T} với việc {Y} {M} một cách {H}.
tính sáng tạo thể hiện ở chỗ {B} được chủ động {V} {O} với sự hỗ trợ của {T} tại {L}.
cách tiếp cận này khắc phục được {P} tại {L}, với chi phí chỉ khoảng {money} {W}.
khác với {Z} truyền thống, {T} cho phép {S} {V} {O} {A}.
[kha_nang]
sáng kiến có thể áp dụng {A} cho {B} tại các đơn vị có điều kiện tương tự {L}, nhất là nơi {P}.
chi phí triển khai thấp, chỉ khoảng {money} cho {n} {B}, nên dễ nhân rộng {W}.
{S} ở các đơn vị khác có thể {V} {O} sau {k} buổi tập huấn về {T}.
giải pháp đã được áp dụng thử tại {n} đơn vị {W} và cho kết quả {E}, {M} đạt {pct}.
yêu cầu đặt ra chỉ là có {T} và sự phối hợp giữa {S} với {B} trong việc {V} {O}.
với {Z} đã chuẩn hóa, {Q} có thể chỉ đạo nhân rộng để {V} {O} tại {L}.
[loi_ich]
sau khi áp dụng, {M} tại {L} tăng {up} {W}.
{R} giảm {down}, nhờ {S} {V} {O} {A}.
số tiền làm lợi ước tính {money} mỗi năm, chưa kể lợi ích về {G} đối với {B} tại {L}.
!nhờ giải pháp, {B} {X}, {M} đạt {pct} {W}.
thời gian {V} {O} giảm {cut}, {S} có thêm điều kiện tập trung vào {G}.
kết quả {Y} {n} {B} cho thấy {pct} đánh giá giải pháp {H} và dễ thực hiện.
{S} tiết kiệm khoảng {k} giờ làm việc mỗi tuần nhờ {V} {O} bằng {T}.
!về mặt xã hội, sáng kiến góp phần nâng cao {G}, tạo sự đồng thuận của {B} tại {L} {W}.
[ket_luan]
qua {k} năm áp dụng tại {L}, sáng kiến đã góp phần nâng cao {G} và giảm {R}.
đề nghị {Q} tạo điều kiện để {S} tiếp tục {V} {O} {W}.
bài học rút ra là phải {V} {O} {A} và thường xuyên {Y} {M}.
tôi mong nhận được ý kiến góp ý của {Q} để việc {V} {O} bằng {T} được hoàn thiện hơn.
thời gian tới, {S} sẽ mở rộng việc ứng dụng {T} cho {B} tại {L} {W}.
kiến nghị {Q} bố trí kinh phí khoảng {money} để trang bị thêm {T} cho {L}.
sáng kiến chỉ phát huy hiệu quả khi {S} và {B} cùng {V} {O} {A}.
[general]
{S} luôn chú trọng {V} {O} {A}, coi đây là khâu then chốt để nâng cao {G}.
việc {V} {O} bằng {T} giúp {B} {X}.
{S} phối hợp với {Q} để {Y} {M} tại {L} {W}.
!nhìn chung, {M} tại {L} có chuyển biến {E} {W}, {R} giảm {down}.
trong {Z} gửi {Q}, {S} đã nêu rõ {P} cùng hướng {V} {O}.
để {B} {X}, {S} cần {V} {O} {A}.
{M} của nhóm áp dụng đạt {pct}, trong khi nhóm đối chứng tại {L} chỉ đạt {pct} {W}.
thực hiện chỉ đạo của {Q}, {S} đã {V} {O} cho {n} {B}.
"""

# section key -> pattern groups
GROUPS = {"ly_do": ("ly_do",), "muc_tieu": ("muc",), "pham_vi": ("muc",), "co_so_ly_luan": ("muc",),
          "thuc_trang": ("thuc_trang",), "noi_dung": ("noi_dung",), "tinh_moi": ("tinh_moi",),
          "kha_nang_ap_dung": ("kha_nang",), "loi_ich": ("loi_ich",), "ket_luan": ("ket_luan",),
          "danh_gia": ("tinh_moi", "kha_nang", "loi_ich")}
WEIGHT = {"noi_dung": 1.5, "thuc_trang": 1.1, "loi_ich": 1.2, "ket_luan": 0.7, "muc_tieu": 0.7, "pham_vi": 0.6}

# heading templates: (level, key, text, required); numbering style first
TEMPLATES = (
    ("arabic", ((1, "ly_do", "Lý do chọn sáng kiến", 1), (1, "muc_tieu", "Mục tiêu của sáng kiến", 0),
                (1, "thuc_trang", "Thực trạng trước khi áp dụng sáng kiến", 1),
                (1, "noi_dung", "Nội dung sáng kiến", 1), (2, "noi_dung", "Các bước thực hiện giải pháp", 0),
                (2, "noi_dung", "Điều kiện cần thiết để áp dụng", 0), (1, "tinh_moi", "Tính mới", 1),
                (1, "kha_nang_ap_dung", "Khả năng áp dụng", 1), (1, "loi_ich", "Hiệu quả, lợi ích thu được", 1),
                (1, "ket_luan", "Kết luận và kiến nghị", 1))),
    ("arabic", ((1, "ly_do", "Lý do chọn đề tài", 1), (1, "muc_tieu", "Mục đích nghiên cứu", 0),
                (1, "pham_vi", "Đối tượng và phạm vi nghiên cứu", 0), (1, "co_so_ly_luan", "Cơ sở lý luận", 0),
                (1, "thuc_trang", "Thực trạng vấn đề", 1), (1, "noi_dung", "Các biện pháp đã tiến hành", 1),
                (1, "loi_ich", "Hiệu quả của sáng kiến", 1), (1, "tinh_moi", "Tính mới, tính sáng tạo", 1),
                (1, "kha_nang_ap_dung", "Khả năng áp dụng, nhân rộng", 1), (1, "ket_luan", "Kết luận, kiến nghị", 1))),
    ("roman", ((1, "ly_do", "Lí do chọn sáng kiến", 1), (1, "muc_tieu", "Mục tiêu sáng kiến", 0),
               (1, "pham_vi", "Phạm vi sáng kiến", 0), (1, "co_so_ly_luan", "Cơ sở lý luận, cơ sở thực tiễn", 0),
               (1, "noi_dung", "Nội dung và những kết quả nghiên cứu của sáng kiến", 1),
               (1, "danh_gia", "Thảo luận, đánh giá kết quả thu được", 1),
               (2, "tinh_moi", "Tính mới, tính sáng tạo", 1), (2, "kha_nang_ap_dung", "Khả năng áp dụng", 1),
               (2, "loi_ich", "Lợi ích thiết thực", 1), (1, "ket_luan", "Kết luận", 1))),
    ("alpha", ((1, "ly_do", "Sự cần thiết của sáng kiến", 1),
               (1, "thuc_trang", "Khái quát đặc điểm, tình hình trước khi có sáng kiến", 1),
               (1, "noi_dung", "Nội dung sáng kiến", 1), (2, "noi_dung", "Các bước tiến hành", 0),
               (2, "noi_dung", "Những điều kiện cần thiết để áp dụng", 0),
               (1, "tinh_moi", "Tính mới của sáng kiến", 1), (1, "loi_ich", "Hiệu quả và phạm vi áp dụng", 1),
               (1, "kha_nang_ap_dung", "Khả năng nhân rộng", 1), (1, "ket_luan", "Kết luận, đề xuất", 1))),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ALPHA = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k")
HEAD_KEY = {text: key for _, heads in TEMPLATES for _, key, text, _ in heads}

HEADER = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
REQUEST_TITLES = ("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "ĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN", "ĐƠN ĐĂNG KÝ SÁNG KIẾN")
ADDRESSEES = ("Kính gửi: Hội đồng sáng kiến cấp cơ sở", "Kính gửi: Hội đồng xét công nhận sáng kiến cấp tỉnh",
              "Kính gửi: Hội đồng sáng kiến của đơn vị")
DESC_TITLES = ("BÁO CÁO MÔ TẢ SÁNG KIẾN", "BẢN MÔ TẢ SÁNG KIẾN", "THUYẾT MINH SÁNG KIẾN")
PLEDGE = ("Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực, đúng sự thật và hoàn toàn "
          "chịu trách nhiệm trước pháp luật.")

LAWS_LONG = (
    "Theo Điều 3 Điều lệ Sáng kiến ban hành kèm theo Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của "
    "Chính phủ, giải pháp kỹ thuật, giải pháp quản lý, giải pháp tác nghiệp hoặc giải pháp ứng dụng tiến bộ kỹ "
    "thuật được công nhận là sáng kiến nếu đáp ứng đủ các điều kiện sau đây: có tính mới trong phạm vi một cơ "
    "sở; đã được áp dụng hoặc áp dụng thử tại cơ sở đó và có khả năng mang lại lợi ích thiết thực; không thuộc "
    "các đối tượng bị loại trừ, gồm giải pháp mà việc công bố, áp dụng trái với trật tự công cộng hoặc đạo đức "
    "xã hội và giải pháp là đối tượng đang được bảo hộ quyền sở hữu trí tuệ theo quy định của pháp luật tại "
    "thời điểm xét công nhận sáng kiến. Giải pháp kỹ thuật là cách thức kỹ thuật, phương tiện kỹ thuật nhằm "
    "giải quyết một nhiệm vụ xác định, bao gồm sản phẩm dưới các dạng vật thể, chất, vật liệu sinh học hoặc "
    "quy trình; giải pháp quản lý là cách thức tổ chức, điều hành công việc trong bất kỳ lĩnh vực hoạt động nào.",
    "Điều 4 Điều lệ Sáng kiến quy định một giải pháp được coi là có tính mới trong phạm vi một cơ sở nếu tính "
    "đến trước ngày nộp đơn yêu cầu công nhận sáng kiến, hoặc ngày bắt đầu áp dụng thử hoặc áp dụng lần đầu, "
    "trong phạm vi cơ sở đó, giải pháp đáp ứng các điều kiện sau: không trùng với nội dung của giải pháp trong "
    "đơn đăng ký sáng kiến nộp trước; chưa bị bộc lộ công khai trong các văn bản, sách báo, tài liệu kỹ thuật "
    "đến mức căn cứ vào đó có thể thực hiện ngay được; không trùng với giải pháp của người khác đã được áp dụng "
    "hoặc áp dụng thử, hoặc đưa vào kế hoạch áp dụng, phổ biến hoặc chuẩn bị các điều kiện để áp dụng, phổ "
    "biến; chưa được quy định thành tiêu chuẩn, quy trình, quy phạm bắt buộc phải thực hiện. Trường hợp nhiều "
    "người cùng tạo ra một giải pháp một cách độc lập với nhau thì sáng kiến chỉ được công nhận cho người đầu "
    "tiên nộp đơn, hoặc người đầu tiên áp dụng thử hoặc áp dụng lần đầu giải pháp đó.",
    "Theo Quy chế xét công nhận sáng kiến ban hành kèm theo Quyết định số 15/2021/QĐ-UBND của Ủy ban nhân dân "
    "tỉnh, sáng kiến được đánh giá theo thang điểm 100 với ba nhóm tiêu chí: tính mới và tính sáng tạo của giải "
    "pháp tối đa 30 điểm; khả năng áp dụng, nhân rộng trong phạm vi cơ sở, ngành hoặc toàn tỉnh tối đa 30 điểm; "
    "hiệu quả kinh tế, xã hội mang lại tối đa 40 điểm. Sáng kiến đạt từ 50 điểm trở lên, trong đó không có tiêu "
    "chí nào bị chấm 0 điểm, thì được Hội đồng đề nghị công nhận. Sáng kiến có phạm vi ảnh hưởng cấp tỉnh phải "
    "được áp dụng có hiệu quả tại ít nhất hai đơn vị trên địa bàn tỉnh và có số tiền làm lợi hoặc lợi ích xã hội "
    "được cơ quan có thẩm quyền xác nhận. Hồ sơ đề nghị gồm đơn yêu cầu công nhận sáng kiến, báo cáo mô tả sáng "
    "kiến, giấy xác nhận hiệu quả áp dụng và biên bản họp xét của hội đồng sáng kiến cấp cơ sở.",
)
LAWS_SHORT = (
    "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;",
    "Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ Khoa học và Công nghệ hướng dẫn thi "
    "hành một số quy định của Điều lệ Sáng kiến;",
    "Căn cứ Luật Khoa học và Công nghệ số 29/2013/QH13 ngày 18 tháng 6 năm 2013;",
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 và Nghị định số 98/2023/NĐ-CP "
    "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ Quyết định số 15/2021/QĐ-UBND của Ủy ban nhân dân tỉnh ban hành Quy chế xét công nhận sáng kiến và "
    "đánh giá phạm vi ảnh hưởng, hiệu quả áp dụng của sáng kiến trên địa bàn tỉnh;",
    "Căn cứ Quyết định số 27/2019/QĐ-UBND của Ủy ban nhân dân tỉnh ban hành Quy định quản lý hoạt động sáng "
    "kiến, đề tài khoa học và công nghệ cấp cơ sở;",
    "Thực hiện Kế hoạch số 112/KH-UBND của Ủy ban nhân dân tỉnh về phát động phong trào thi đua lao động sáng "
    "tạo, đổi mới trong cán bộ, công chức, viên chức và người lao động;",
    "Thực hiện Chỉ thị số 05/CT-UBND của Chủ tịch Ủy ban nhân dân tỉnh về đẩy mạnh ứng dụng công nghệ thông tin "
    "và chuyển đổi số trong hoạt động của các cơ quan nhà nước;",
    "Căn cứ Hướng dẫn số 291/HD-SKHCN của Sở Khoa học và Công nghệ về trình tự, thủ tục và mẫu hồ sơ đề nghị "
    "công nhận sáng kiến;",
)
LAWS = LAWS_LONG + LAWS_SHORT

TITLE_FORMS = ("Một số biện pháp nâng cao {G} cho {B}", "Giải pháp nâng cao {G} tại {L}",
               "Ứng dụng {T} trong {V} {O}", "Một số kinh nghiệm {V} {O} cho {B}",
               "Biện pháp {V} {O} nhằm nâng cao {G}", "Sử dụng {T} để {V} {O} tại {L}")
TITLE_SWAPS = (("Một số biện pháp", "Một số giải pháp"), ("Một số kinh nghiệm", "Một vài kinh nghiệm"),
               ("Giải pháp nâng cao", "Biện pháp nâng cao"), ("Biện pháp", "Giải pháp"),
               ("Ứng dụng", "Vận dụng"), ("Sử dụng", "Ứng dụng"))

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Phan Võ Trịnh Đinh Lương Mai Tạ".split()
MIDDLE = ("Văn Đức Minh Quang Hữu Thanh Công Xuân".split(), "Thị Ngọc Thu Thanh Phương Hồng Kim Mỹ".split())
GIVEN = ("Hùng Dũng Tuấn Nam Long Hải Sơn Trung Khoa Bình Phong Quân Thắng Hiếu Lâm Tùng Khánh".split(),
         "Lan Hương Mai Hoa Thảo Hà Linh Trang Yến Nhung Oanh Hằng Vân Thủy Ngân Huyền Loan".split())
PLACES = tuple(a + " " + b for a in "Tân Phú Hòa An Bình Thạnh Vĩnh Đông Tây Kim Ngọc Hưng Thuận Quảng Yên".split()
               for b in "Lâm Sơn Phong Thịnh Lộc Xuân Hà Thủy Trung Khê Điền Lợi Tiến Hải Cát".split() if a != b)

# word-level edits: interchangeable words and syllable pairs; deletable and insertable words
SYN_RAW = """nâng cao|cải thiện|tăng cường;thực hiện|triển khai|tiến hành;áp dụng|vận dụng;hướng dẫn|chỉ dẫn
kiểm tra|rà soát|kiểm soát;theo dõi|giám sát;xây dựng|thiết lập;khó khăn|hạn chế|vướng mắc;kịp thời|nhanh chóng
thường xuyên|định kỳ|liên tục;rõ rệt|đáng kể|khả quan;chủ động|tự giác;phối hợp|kết hợp;đánh giá|nhận xét
khảo sát|điều tra|thống kê;thời gian|thời lượng;công việc|nhiệm vụ;giải pháp|biện pháp|cách làm|phương án
phương pháp|cách thức;đơn vị|cơ quan|cơ sở;góp phần|giúp;đạt|đạt được;các|những;rất|khá|hết sức;mỗi|từng
cần|phải;cho thấy|chứng tỏ;bảo đảm|đảm bảo;cụ thể|chi tiết;trước đây|trước kia;hiện nay|hiện tại
người dân|bà con|nhân dân;học sinh|học trò;người bệnh|bệnh nhân;mục tiêu|mục đích;yêu cầu|đòi hỏi
phù hợp|thích hợp;đầy đủ|hoàn chỉnh;kết quả|thành quả;hiệu quả|tác dụng;tổ chức|triển khai;tăng|tăng lên
giảm|giảm bớt;sử dụng|dùng;nhiều|không ít;quy trình|trình tự;kế hoạch|lộ trình;chất lượng|hiệu quả
tình trạng|hiện tượng;tham gia|cùng tham gia;thành viên|người;lợi ích|ích lợi;nhân rộng|phổ biến rộng rãi"""
DELETABLE = frozenset("các những đã rất cũng đều luôn này thêm khá sẽ một".split())
INSERTS = ("cũng", "đều", "rất", "thêm", "luôn", "đã", "thực sự", "bước đầu", "cơ bản", "nhìn chung", "khá")


def _lists(raw: str) -> dict[str, dict[str, tuple[str, ...]]]:
    blocks: dict[str, dict[str, list[str]]] = {"": {}}
    cur, key = blocks[""], ""
    for line in raw.strip().splitlines():
        line = line.strip()
        if line.startswith("@"):
            cur = blocks.setdefault(line[1:], {})
        elif line.startswith("|"):
            cur[key] += line[1:].split("|")
        else:
            key, _, rest = line.partition(": ")
            cur[key] = rest.split("|")
    return {name: {k: tuple(v) for k, v in b.items()} for name, b in blocks.items()}


def _pct(x: float) -> str:
    return f"{x:.1f}".replace(".", ",") + "%"


def _numbers() -> dict[str, tuple[str, ...]]:
    r = random.Random(7)  # fixed tables; the choices from them follow the Generator's seed
    up, down, money, cut = [], [], [], []
    for _ in range(3000):
        a = r.uniform(12, 72)
        up.append(f"từ {_pct(a)} lên {_pct(min(99.5, a + r.uniform(6, 35)))}")
        b = r.uniform(8, 45)
        down.append(f"từ {_pct(b)} xuống còn {_pct(b * r.uniform(0.1, 0.7))}")
        money.append(f"{r.randint(3, 480)},{r.randint(1, 9)} triệu đồng")
    for unit in ("ngày", "giờ", "phút", "tuần"):
        cut += [f"từ {a} {unit} xuống còn {b} {unit}" for a in range(3, 31) for b in range(1, a * 2 // 3 + 1)]
    return {"pct": tuple(_pct(x / 10) for x in range(50, 990)), "up": tuple(up), "down": tuple(down),
            "money": tuple(money), "cut": tuple(cut), "n": tuple(str(i) for i in range(6, 420)),
            "k": tuple(str(i) for i in range(2, 7))}


def _times(edu: bool) -> tuple[str, ...]:
    out = []
    for y in range(2016, 2025):
        out += [f"trong năm {y}", f"trong quý {ROMAN[y % 4]} năm {y}", f"giai đoạn {y}-{y + 2}",
                f"từ năm {y} đến nay", f"trong 6 tháng đầu năm {y}"]
        out += [f"từ tháng {m} năm {y}" for m in range(1, 13)]
        if edu:
            out += [f"trong năm học {y}-{y + 1}", f"trong học kỳ I năm học {y}-{y + 1}",
                    f"trong học kỳ II năm học {y}-{y + 1}", f"từ đầu năm học {y}-{y + 1}"] * 3
    return tuple(out + [f"sau {k} tháng triển khai" for k in range(2, 13)])


@dataclass(frozen=True)
class _Pattern:
    parts: tuple[str, ...]  # literal, slot, literal, ...
    conn: bool


@dataclass(frozen=True)
class _Topic:
    id: str
    sector: str
    field: str
    v: dict[str, tuple[str, ...]]  # slot -> fillers (topic, sector and shared)


def _compile() -> tuple[dict[str, _Topic], dict[str, tuple[_Pattern, ...]], dict[str, tuple[str, ...]]]:
    shared = _lists(SHARED_RAW)[""] | _numbers()
    sectors = _lists(SECTORS_RAW)
    topics = {}
    for head, lists in _lists(TOPICS_RAW).items():
        if head:
            tid, sector = head.split()
            v = shared | sectors[sector] | lists | {"W": _times(sector == "edu")}
            topics[tid] = _Topic(tid, sector, lists["F"][0], v)
    patterns: dict[str, list[_Pattern]] = {}
    group = ""
    for line in PATTERNS_RAW.strip().splitlines():
        if line.startswith("["):
            group = line.strip("[]")
            continue
        patterns.setdefault(group, []).append(_Pattern(tuple(re.split(r"\{(\w+)\}", line.lstrip("!"))),
                                                       not line.startswith("!")))
    syn: dict[str, set[str]] = {}
    for grp in SYN_RAW.replace("\n", ";").split(";"):
        words = grp.split("|")
        for w in words:
            syn.setdefault(w, set()).update(x for x in words if x != w)
    return (topics, {g: tuple(p) for g, p in patterns.items()},
            {w: tuple(sorted(alts)) for w, alts in syn.items()})


TOPICS, PATTERNS, SYN = _compile()
TOPIC_IDS = tuple(TOPICS)
_PUNCT = ",.;:"


def _swap_digit(token: str, rng: random.Random) -> str:
    m = re.search(r"\d+", token)
    if not m:
        return token
    n = max(1, int(m.group()) + rng.choice((-2, -1, 1, 2, 3)))
    return token[:m.start()] + str(n) + token[m.end():]


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    # ------------------------------------------------------------ pieces
    def _fill(self, parts: tuple[str, ...], v: dict[str, tuple[str, ...]]) -> str:
        ch = self.rng.choice
        out = list(parts)
        for i in range(1, len(parts), 2):
            s = ch(v[parts[i]])
            if "#" in s or "&" in s:
                s = s.replace("#", ch("123456789")).replace("&", ch(PLACES))
            out[i] = s
        return "".join(out)

    def _para(self, tp: _Topic, groups: tuple[str, ...], target: float) -> str:
        rnd, ch, v = self.rng.random, self.rng.choice, tp.v
        own = PATTERNS[groups[0]] if len(groups) == 1 else PATTERNS[ch(groups)]
        sents: list[str] = []
        n = 0
        while True:
            pat = ch(own) if rnd() < 0.75 else ch(PATTERNS["general"])
            s = self._fill(pat.parts, v)
            if pat.conn and rnd() < 0.22:
                s = ch(v["C"]) + ", " + s
            w = s.count(" ") + 1
            if n >= 40 and (n + w > 160 or n + w - target > target - n):
                break
            sents.append(s[0].upper() + s[1:])
            n += w
            if n >= target:
                break
            if len(groups) > 1:
                own = PATTERNS[ch(groups)]
        return " ".join(sents)

    def _headings(self) -> list[tuple[str, str]]:
        rng = self.rng
        style, heads = rng.choice(TEMPLATES)
        req = [h for h in heads if h[3]]
        opt = [h for h in heads if not h[3]]
        n = rng.randint(max(6, len(req)), min(9, len(heads)))
        keep = set(req) | set(rng.sample(opt, n - len(req)))
        out, top, sub = [], 0, 0
        for h in heads:
            if h not in keep:
                continue
            if h[0] == 1:
                top, sub = top + 1, 0
                num = {"arabic": f"{top}.", "roman": f"{ROMAN[top - 1]}.", "alpha": f"{ALPHA[top - 1]})"}[style]
            else:
                sub += 1
                num = {"arabic": f"{top}.{sub}.", "roman": f"{sub}.", "alpha": f"{ALPHA[top - 1]}{sub})"}[style]
            out.append((f"{num} {h[2]}", h[1]))
        return out

    def _body(self, tp: _Topic, heads: list[tuple[str, str]], words: int) -> list[tuple[str, list[Para]]]:
        rnd = self.rng.random
        weights = [WEIGHT.get(k, 1.0) for _, k in heads]
        total = sum(weights)
        out = []
        for (head, key), wt in zip(heads, weights):
            tw = words * wt / total
            npar = max(1, min(6, round(tw / (75 + 45 * rnd()))))
            each = tw / npar
            groups = GROUPS[key]
            out.append((head, [Para(self._para(tp, groups, max(45.0, min(150.0, each * (0.8 + 0.4 * rnd())))))
                               for _ in range(npar)]))
        return out

    def _title(self, tp: _Topic, avoid: str = "") -> str:
        prefix = " ".join(avoid.split()[:2])
        for _ in range(50):
            t = self._fill(tuple(re.split(r"\{(\w+)\}", self.rng.choice(TITLE_FORMS))), tp.v)
            if not avoid or (t != avoid and not t.startswith(prefix)):
                return t
        return t

    def _near_title(self, title: str) -> str:
        rng = self.rng
        for old, new in TITLE_SWAPS:
            if title.startswith(old):
                title = new + title[len(old):]
                break
        else:
            title = "Một vài" + title[len(title.split()[0]):]
        toks = title.split()
        digits = [i for i, t in enumerate(toks) if any(c.isdigit() for c in t)]
        if digits and rng.random() < 0.5:
            i = rng.choice(digits)
            toks[i] = _swap_digit(toks[i], rng)
        return " ".join(toks)

    def _front(self, tp: _Topic, title: str, style: tuple[str, str, str] | None = None,
               laws: list[str] | None = None) -> tuple[int, str, tuple[str, ...], list[Para]]:
        rng = self.rng
        ch = rng.choice
        year = rng.randint(2015, 2025)
        unit = self._fill(("", "U", ""), tp.v)
        names: list[str] = []
        while len(names) < (na := ch((1, 1, 2, 2, 3))):
            g = rng.random() < 0.5
            name = f"{ch(FAMILY)} {ch(MIDDLE[g])} {ch(GIVEN[g])}"
            if name not in names:
                names.append(name)
        shares = ch({1: ((100,),), 2: ((60, 40), (50, 50), (70, 30)), 3: ((40, 30, 30), (34, 33, 33))}[na])
        if style is None:
            style = (ch(REQUEST_TITLES), ch(ADDRESSEES), ch(DESC_TITLES + ("SÁNG KIẾN KINH NGHIỆM",) * (tp.sector == "edu")))
        if laws is None:
            picks = [rng.randrange(3)] + rng.sample(range(3, len(LAWS)), rng.randint(1, 3))
            laws = [LAWS[i] for i in sorted(picks)]
        paras = [Para(h, "header") for h in HEADER] + [Para(style[0], "form"), Para(style[1], "form")]
        for name, share in zip(names, shares):
            paras.append(Para(f"Họ và tên tác giả: {name}; ngày sinh: {rng.randint(1, 28):02d}/"
                              f"{rng.randint(1, 12):02d}/{year - rng.randint(24, 55)}; nơi công tác: {unit}; "
                              f"chức danh: {ch(tp.v['POS'])}; trình độ chuyên môn: {ch(tp.v['QUAL'])}; "
                              f"tỷ lệ đóng góp: {share}%", "form"))
        paras += [Para(f"Tên sáng kiến: {title}", "form"), Para(f"Lĩnh vực áp dụng: {tp.field}", "form"),
                  Para(f"Ngày sáng kiến được áp dụng lần đầu: {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
                       f"{year - 1}", "form"), Para(PLEDGE, "form"),
                  Para(style[2], "form"), Para(title, "title")]
        paras += [Para(t, "law") for t in laws]
        return year, unit, tuple(names), paras

    def _make(self, key: str, tp: _Topic, title: str, sections: list[tuple[str, list[Para]]],
              front: tuple[int, str, tuple[str, ...], list[Para]]) -> GenDossier:
        year, unit, names, paras = front
        paras = list(paras)
        for head, body in sections:
            paras.append(Para(head, "heading"))
            paras += body
        return GenDossier(key, title, tp.id, year, unit, names, tuple(paras))

    def _other_topic(self, topic: str) -> _Topic:
        return TOPICS[self.rng.choice([t for t in TOPIC_IDS if t != topic])]

    # ------------------------------------------------------------ archive
    def dossier(self, key: str, *, topic: str | None = None, words: int = 2500) -> GenDossier:
        tp = TOPICS[topic] if topic else TOPICS[self.rng.choice(TOPIC_IDS)]
        title = self._title(tp)
        front = self._front(tp, title)
        return self._make(key, tp, title, self._body(tp, self._headings(), words), front)

    # ------------------------------------------------------------ positive cases
    def exact(self, src: GenDossier, key: str) -> GenDossier:
        return replace(src, key=key, paras=tuple(Para(p.text, p.kind, (src.key, i)) if p.kind == "body" else p
                                                 for i, p in enumerate(src.paras)))

    def renamed(self, src: GenDossier, key: str) -> GenDossier:
        tp = TOPICS[src.topic]
        title = self._title(tp, avoid=src.title)
        front = self._front(tp, title)
        while front[0] == src.year or front[1] == src.unit:
            front = self._front(tp, title)
        secs = [(h.text, [Para(p.text, "body", (src.key, i)) for i, p in body]) for _, h, body in _sections(src)]
        return self._make(key, tp, title, secs, front)

    def edited(self, src: GenDossier, key: str, rate: float) -> GenDossier:
        rng = self.rng
        body = [(i, p) for i, p in enumerate(src.paras) if p.kind == "body"]
        toks = [p.text.split() for _, p in body]
        flat = [(a, j) for a, t in enumerate(toks) for j in range(len(t))]
        target = round(rate * len(flat))
        touched: set[tuple[int, int]] = set()
        done = tries = 0
        while done < target and tries < 50 * target + 100:
            tries += 1
            a, j = flat[int(rng.random() * len(flat))]
            t = toks[a]
            op = rng.random()
            if op < 0.55:  # substitute the first substitutable word within a few words
                for jj in range(j, min(j + 6, len(t))):
                    if (a, jj) in touched:
                        break
                    core = t[jj].rstrip(_PUNCT)
                    low = core.lower()
                    if core == t[jj] and jj + 1 < len(t) and (a, jj + 1) not in touched:
                        nxt = t[jj + 1].rstrip(_PUNCT)
                        alts = SYN.get(low + " " + nxt.lower())
                        if alts:
                            alt = rng.choice(alts)
                            t[jj] = (alt[0].upper() + alt[1:] if core[0].isupper() else alt) + t[jj + 1][len(nxt):]
                            t[jj + 1] = ""
                            touched.update(((a, jj), (a, jj + 1)))
                            done += max(2, alt.count(" ") + 1)
                            break
                    alts = SYN.get(low)
                    if alts or any(c.isdigit() for c in core) and "-" not in core and "/" not in core:
                        alt = rng.choice(alts) if alts else _swap_digit(core, rng)
                        alt = alt[0].upper() + alt[1:] if core[0].isupper() else alt
                        t[jj] = alt + t[jj][len(core):]
                        touched.add((a, jj))
                        done += alt.count(" ") + 1
                        break
            elif op < 0.78:  # insert a short word before a lower-case word
                if (a, j) not in touched and t[j][:1].islower() and j > 0:
                    w = rng.choice(INSERTS)
                    t[j] = w + " " + t[j]
                    touched.add((a, j))
                    done += w.count(" ") + 1
            else:  # delete a function word nearby
                for jj in range(j, min(j + 8, len(t))):
                    if t[jj] in DELETABLE and (a, jj) not in touched and jj > 0:
                        t[jj] = ""
                        touched.add((a, jj))
                        done += 1
                        break
        new = {i: Para(" ".join(w for w in toks[a] if w), "body", (src.key, i)) for a, (i, _) in enumerate(body)}
        return replace(src, key=key, paras=tuple(new.get(i, p) for i, p in enumerate(src.paras)))

    def reordered(self, src: GenDossier, key: str) -> GenDossier:
        secs = _sections(src)
        body = [(i, p) for _, _, b in secs for i, p in b]
        perm = body[:]
        while len(perm) > 1 and perm == body:
            self.rng.shuffle(perm)
        it = iter(perm)
        paras = list(src.paras[:secs[0][0]])
        for _, h, b in secs:
            paras.append(h)
            paras += [Para(p.text, "body", (src.key, i)) for i, p in (next(it) for _ in b)]
        return replace(src, key=key, paras=tuple(paras))

    def lifted(self, src: GenDossier, key: str, sections: int) -> GenDossier:
        rng = self.rng
        tp = self._other_topic(src.topic)
        title = self._title(tp)
        front = self._front(tp, title)
        secs = self._body(tp, self._headings(), 2500)
        ssecs = _sections(src)
        cands = [s for s in ssecs if sum(len(p.text.split()) for _, p in s[2]) >= 100] or ssecs
        taken: set[int] = set()
        for _, h, body in sorted(rng.sample(cands, min(sections, len(cands))), key=lambda s: s[0]):
            skey = HEAD_KEY.get(h.text.split(" ", 1)[1])
            free = [k for k in range(len(secs)) if k not in taken]
            same = [k for k in free if HEAD_KEY.get(secs[k][0].split(" ", 1)[1]) == skey]
            k = rng.choice(same or free)
            taken.add(k)
            secs[k] = (secs[k][0], [Para(p.text, "body", (src.key, i)) for i, p in body])
        return self._make(key, tp, title, secs, front)

    # ------------------------------------------------------------ negative cases
    def same_topic(self, src: GenDossier, key: str) -> GenDossier:
        tp = TOPICS[src.topic]
        title = self._near_title(src.title)
        return self._make(key, tp, title, self._body(tp, self._headings(), src.body_words()),
                          self._front(tp, title))

    def template_only(self, src: GenDossier, key: str) -> GenDossier:
        tp = self._other_topic(src.topic)
        title = self._title(tp)
        ti = next(i for i, p in enumerate(src.paras) if p.kind == "title")
        style = (src.paras[2].text, src.paras[3].text, src.paras[ti - 1].text)
        front = self._front(tp, title, style, [p.text for p in src.paras if p.kind == "law"])
        heads = [(h.text, HEAD_KEY[h.text.split(" ", 1)[1]]) for _, h, _ in _sections(src)]
        return self._make(key, tp, title, self._body(tp, heads, src.body_words()), front)


def _sections(d: GenDossier) -> list[tuple[int, Para, list[tuple[int, Para]]]]:
    """(heading index, heading, [(index, body para)]) in reading order."""
    out: list[tuple[int, Para, list[tuple[int, Para]]]] = []
    for i, p in enumerate(d.paras):
        if p.kind == "heading":
            out.append((i, p, []))
        elif p.kind == "body" and out:
            out[-1][2].append((i, p))
    return out


# ---------------------------------------------------------------- self-check
def _words(d: GenDossier) -> list[str]:
    return [w.strip(_PUNCT).lower() for p in d.paras if p.kind == "body" for w in p.text.split()]


def longest_common_run(a: list[str], b: list[str]) -> int:
    """Length of the longest run of words that occurs in both lists (binary search over n-gram sets)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        grams = {tuple(a[i:i + mid]) for i in range(len(a) - mid + 1)}
        if any(tuple(b[i:i + mid]) in grams for i in range(len(b) - mid + 1)):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _main() -> None:
    import statistics
    import time

    gen = Generator(1)
    t0 = time.perf_counter()
    docs = [gen.dossier(f"a{i}", words=2500) for i in range(500)]
    ms = (time.perf_counter() - t0) * 1000 / 500
    bw = [d.body_words() for d in docs]
    print(f"dossier(words=2500): {ms:.2f} ms mean over 500; body words {min(bw)}–{max(bw)} "
          f"(mean {statistics.mean(bw):.0f}); topics {len(TOPICS)}; patterns "
          f"{sum(map(len, PATTERNS.values()))}, slots per pattern "
          f"{min(len(p.parts) // 2 for g in PATTERNS.values() for p in g)}–"
          f"{max(len(p.parts) // 2 for g in PATTERNS.values() for p in g)}")
    bad = [p for d in docs for p in d.paras if p.kind == "body" and not 40 <= len(p.text.split()) <= 160]
    texts = [p.text for d in docs[:50] for p in d.paras]
    print(f"body paragraphs outside 40–160 words: {len(bad)}; sections per dossier "
          f"{min(len(_sections(d)) for d in docs)}–{max(len(_sections(d)) for d in docs)}; "
          f"all NFC: {all(unicodedata.is_normalized('NFC', t) for t in texts)}")
    runs = []
    for i in range(50):
        topic = TOPIC_IDS[i % len(TOPIC_IDS)]
        a, b = gen.dossier(f"p{i}a", topic=topic), gen.dossier(f"p{i}b", topic=topic)
        runs.append(longest_common_run(_words(a), _words(b)))
    print(f"longest common word run, 50 same-topic independent pairs: max {max(runs)}, "
          f"median {statistics.median(runs)}, ≥12 in {sum(r >= 12 for r in runs)}/50; {sorted(runs)}")

    src = docs[0]
    cases = {"exact": gen.exact(src, "c1"), "renamed": gen.renamed(src, "c2"),
             "edited 0.05": gen.edited(src, "c3", 0.05), "edited 0.10": gen.edited(src, "c4", 0.10),
             "edited 0.20": gen.edited(src, "c5", 0.20), "reordered": gen.reordered(src, "c6"),
             "lifted 1": gen.lifted(src, "c7", 1), "lifted 2": gen.lifted(src, "c8", 2),
             "same_topic": gen.same_topic(src, "c9"), "template_only": gen.template_only(src, "c10")}
    print(f"\nsource {src.key}: {src.title!r} ({src.topic}, {src.year}, {src.unit}; {src.body_words()} words)")
    sw = _words(src)
    for name, d in cases.items():
        marked = sum(p.origin is not None for p in d.paras)
        extra = ""
        if name.startswith("edited"):
            dw = _words(d)
            import difflib
            sm = difflib.SequenceMatcher(None, sw, dw, autojunk=False)
            changed = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
            extra = f"; edited words ≈ {changed / len(sw):.3f} of body"
        if name == "same_topic":
            extra = f"; title words differing: {sum(x != y for x, y in zip(src.title.split(), d.title.split()))}"
        if name == "template_only":
            shared = [p for p in d.paras if p.kind == "law" and p in src.paras]
            extra = (f"; shared laws {len(shared)}, longest {max(len(p.text.split()) for p in shared)} words; "
                     f"headings equal: {[h.text for _, h, _ in _sections(d)] == [h.text for _, h, _ in _sections(src)]}"
                     f"; body run vs src {longest_common_run(sw, _words(d))}")
        if name in ("same_topic", "lifted 1"):
            extra += f"; body run vs src {longest_common_run(sw, _words(d))}"
        print(f"\n== {name}: {d.title!r} ({d.topic}, {d.year}); {d.body_words()} words, "
              f"{marked} paras with origin{extra}")
        for p in [p for p in d.paras if p.kind == "body"][:3]:
            print(f"  [{p.origin}] {p.text}")


if __name__ == "__main__":
    _main()
