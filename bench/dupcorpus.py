"""Synthetic Vietnamese initiative dossiers (hồ sơ sáng kiến) as text, for the near-duplicate benchmark.

    .venv/bin/python -m bench.dupcorpus          # self-check: speed, body overlap, one example per case

``Generator(seed).dossier(key)`` writes an independent dossier: national header, request form,
title, 2–4 quoted laws (at least one of the three long ones) and 6–9 template sections of body
prose. The prose comes from a grammar, not a bank of sentences: 78 sentence patterns with 4–6
vocabulary slots each and inline phrasing variants "(a|b)", filled from per-topic vocabularies
(14 topics in six sectors), sector and shared lists, optional modifiers, synonyms and numbers, so
two independent bodies on one topic share only short phrases (the self-check measures it). The
case methods derive benchmark dossiers from an archive dossier and set ``origin`` on every body
paragraph copied or edited from it. Everything is invented; standard library only; deterministic
for a seed and call order.
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
# "@name sector" starts a block; inside it "K: a|b|c" lists fillers of slot K (lines are joined, so
# a list may wrap anywhere). Slots: S actors, B beneficiaries, V verbs, O objects, T tools, M metrics
# (good when up), R metrics (good when down), P problems, G goals, L places, U units, F field.
# In a filler "#" becomes a digit and "&" an invented place name.
TOPICS_RAW = """
@gd_toan edu
F: Giáo dục và Đào tạo (dạy học môn Toán) U: Trường THCS &|Trường Tiểu học và THCS &|Trường THCS thị trấn &
S: giáo viên bộ môn|tổ Toán – Tin|giáo viên chủ nhiệm|nhóm giáo viên khối 9|ban giám hiệu|giáo viên bồi
dưỡng học sinh giỏi|giáo viên dạy lớp 9A#|giáo viên Toán khối 8|tổ trưởng chuyên môn B: học sinh lớp 9|học
sinh lớp 8|học sinh khối 6|học sinh học lực yếu|học sinh khá, giỏi|các em trong đội tuyển|học sinh lớp 7|học
sinh lớp 9A#|nhóm học sinh yếu V: tổ chức|hướng dẫn|thiết kế|xây dựng|lồng ghép|rèn luyện|củng cố|kiểm tra
O: bài toán thực tế|phiếu học tập phân hóa|hoạt động nhóm nhỏ|trò chơi học tập|bài tập phương trình|tiết ôn
tập cuối chương|kỹ năng vẽ hình|bài kiểm tra ngắn|dạng toán chuyển động|chuyên đề bất đẳng thức|kỹ năng
trình bày lời giải|bài toán có lời văn|trò chơi ô chữ toán học T: phần mềm GeoGebra|ứng dụng Quizizz|sơ đồ
tư duy|bảng nhóm|phiếu học tập điện tử|nhóm Zalo của lớp|kho đề trực tuyến|máy chiếu vật thể|thước đo góc
điện tử|bảng tương tác M: tỷ lệ điểm khá, giỏi|điểm trung bình môn Toán|tỷ lệ làm bài tập về nhà|số em tích
cực phát biểu|tỷ lệ điểm trên trung bình|số giải cấp huyện|số em đạt điểm 10|tỷ lệ bài làm đúng R: tỷ lệ học
sinh yếu, kém|số em bỏ bài tập|tỷ lệ điểm dưới trung bình|số lỗi trình bày|số em ngồi chơi trong giờ|tỷ lệ
bài bỏ trống P: học sinh ngại phát biểu|nhiều em hổng kiến thức cũ|học sinh khó vận dụng kiến thức|học sinh
tính toán chậm|giờ học nặng thuyết giảng|thời gian luyện tập ít|sĩ số lớp đông|học sinh lười ghi chép G:
chất lượng dạy học môn Toán|kỹ năng giải toán|hứng thú học môn Toán|tư duy hình học|kết quả thi vào lớp
10|năng lực tự học môn Toán|kỹ năng tính nhẩm|chất lượng ôn tập cuối kỳ L: lớp 9A#|lớp 8A#|lớp 6A#|khối #
của trường|trường &|điểm trường &
@gd_tieng_viet edu
F: Giáo dục và Đào tạo (môn Tiếng Việt tiểu học) U: Trường Tiểu học &|Trường Tiểu học số # &|Trường Phổ
thông dân tộc bán trú Tiểu học & S: giáo viên chủ nhiệm|giáo viên khối 3|tổ chuyên môn khối 2|cán bộ thư
viện|ban giám hiệu|giáo viên dạy Tiếng Việt|giáo viên lớp 1A#|giáo viên lớp 3A#|tổ trưởng khối 4 B: học sinh
lớp 3|học sinh lớp 2|học sinh lớp 1|học sinh dân tộc thiểu số|học sinh đọc chậm|các em khối 4|học sinh lớp
5|học sinh lớp 3A#|nhóm đọc chậm V: tổ chức|hướng dẫn|luyện|thiết kế|lồng ghép|rèn|xây dựng|phát triển O: kỹ
năng đọc hiểu|giờ đọc thư viện|bài tập chính tả|giờ kể chuyện theo tranh|góc đọc trong lớp|trò chơi ghép
vần|bài viết đoạn văn|kỹ năng viết chính tả|phiếu đọc sách|câu lạc bộ đọc|giờ học vần|bài tập đặt câu T: thẻ
từ|tranh minh họa|bảng phụ|sách điện tử|video bài đọc|tủ sách lớp học|phiếu luyện đọc|loa và máy chiếu|bảng
chữ cái nam châm|truyện tranh song ngữ M: tỷ lệ đọc thông, viết thạo|số sách học sinh mượn|tỷ lệ hoàn thành
tốt|tốc độ đọc trung bình|số bài viết đạt yêu cầu|số em đọc trôi chảy|tỷ lệ viết đúng mẫu R: số lỗi chính
tả|tỷ lệ học sinh đọc chậm|số em chưa hoàn thành|số em đọc sai dấu thanh|số em viết sai mẫu|số lỗi dùng từ
P: học sinh đọc sai dấu thanh|vốn từ của học sinh hạn chế|nhiều em ngại đọc sách|câu văn còn thiếu ý|phụ
huynh ít kèm đọc ở nhà|học sinh dễ mất tập trung|chữ viết chưa đều|thư viện ít sách mới G: chất lượng môn
Tiếng Việt|kỹ năng đọc hiểu|văn hóa đọc|kỹ năng viết đoạn văn|năng lực ngôn ngữ|kỹ năng nói và nghe|chữ viết
của học sinh|hứng thú đọc sách L: lớp 3A#|lớp 2A#|lớp 1A#|điểm trường lẻ thôn #|trường &|thư viện trường
&|điểm trường &
@gd_mam_non edu
F: Giáo dục mầm non U: Trường Mầm non &|Trường Mầm non Hoa Sen &|Trường Mẫu giáo & S: giáo viên mầm non|giáo
viên lớp lá|tổ chuyên môn mẫu giáo|nhân viên nuôi dưỡng|ban giám hiệu|giáo viên nhóm trẻ|giáo viên lớp nhỡ
B#|giáo viên lớp lá A#|tổ trưởng mẫu giáo B: trẻ 5 – 6 tuổi|trẻ mẫu giáo nhỡ|trẻ nhà trẻ|trẻ 3 – 4 tuổi|trẻ
mới đến lớp|các cháu lớp lá|trẻ 4 – 5 tuổi|trẻ lớp lá A#|trẻ suy dinh dưỡng V: tổ chức|hướng dẫn|thiết
kế|lồng ghép|xây dựng|rèn luyện|phát triển|duy trì O: hoạt động trải nghiệm|trò chơi dân gian|góc chơi theo
chủ đề|kỹ năng tự phục vụ|bữa ăn bán trú|hoạt động khám phá|giờ đón, trả trẻ|thói quen vệ sinh|tiết học âm
nhạc|đồ chơi tự làm|giờ thể dục sáng|hoạt động làm quen chữ cái T: nguyên vật liệu tái chế|tranh ảnh theo
chủ đề|bảng tuyên truyền|nhóm Zalo phụ huynh|bộ đồ chơi lắp ghép|sổ theo dõi sức khỏe|màn hình tương tác|góc
thiên nhiên|bảng chấm công trẻ|đồ dùng bằng gỗ M: tỷ lệ trẻ chuyên cần|tỷ lệ trẻ đạt chuẩn|số trẻ mạnh dạn
giao tiếp|tỷ lệ trẻ tự phục vụ|số phụ huynh tham gia|số trẻ biết đọc thơ|tỷ lệ trẻ ăn hết suất R: tỷ lệ suy
dinh dưỡng|số trẻ khóc khi đến lớp|tỷ lệ trẻ thấp còi|số buổi trẻ nghỉ học|số trẻ biếng ăn|số trẻ ốm P: trẻ
còn nhút nhát|nhiều trẻ chưa tự xúc ăn|đồ dùng học tập thiếu|phụ huynh ít phối hợp|trẻ dễ mất tập trung|lớp
học còn chật|giáo viên kiêm nhiều việc|đồ chơi ngoài trời xuống cấp G: chất lượng chăm sóc, giáo dục|kỹ năng
sống|khả năng ngôn ngữ|phát triển thể chất|kỹ năng giao tiếp|khả năng vận động|nề nếp sinh hoạt|sự tự tin L:
lớp lá A#|lớp nhỡ B#|nhóm trẻ số #|trường &|điểm lẻ thôn #|bếp ăn điểm trường &|điểm trường &
@gd_chu_nhiem edu
F: Giáo dục và Đào tạo (công tác chủ nhiệm) U: Trường THPT &|Trường THPT Dân tộc nội trú &|Trung tâm Giáo
dục nghề nghiệp – Giáo dục thường xuyên & S: giáo viên chủ nhiệm|Đoàn trường|ban đại diện cha mẹ|tổ tư vấn
học đường|ban giám hiệu|ban cán sự lớp|giáo viên chủ nhiệm lớp 10A#|bí thư chi đoàn|giáo viên bộ môn B: học
sinh lớp 10|học sinh lớp 11|học sinh lớp 12|học sinh nội trú|học sinh khó khăn|học sinh cá biệt|đoàn
viên|học sinh lớp 11A#|ban cán sự lớp V: tổ chức|duy trì|xây dựng|triển khai|hướng dẫn|theo dõi|đổi mới|phối
hợp thực hiện O: sinh hoạt lớp theo chủ đề|hoạt động tư vấn tâm lý|nề nếp tự quản|buổi ngoại khóa kỹ năng|kế
hoạch giáo dục cá nhân|phong trào đôi bạn|buổi họp phụ huynh|hoạt động tình nguyện|sổ theo dõi nề nếp|cuộc
thi tìm hiểu pháp luật|giờ sinh hoạt dưới cờ|hoạt động trải nghiệm T: nhóm Zalo phụ huynh|phần mềm quản lý
học sinh|hộp thư góp ý|bảng thi đua tuần|sổ liên lạc điện tử|phiếu khảo sát tâm lý|góc học tập|trang tin
Đoàn trường|phần mềm điểm danh|bảng phân công trực nhật M: tỷ lệ rèn luyện tốt|số em tham gia tập thể|tỷ lệ
chuyên cần|điểm thi đua của lớp|số phụ huynh dự họp|số giờ học tốt|tỷ lệ đoàn viên xuất sắc R: số lượt vi
phạm nề nếp|tỷ lệ bỏ học|số buổi nghỉ không phép|số vụ mâu thuẫn|số em đi học muộn|số giờ học chưa tốt P:
học sinh vi phạm nội quy|liên hệ với gia đình thưa|học sinh thiếu kỹ năng ứng xử|nhiều em bị áp lực học
tập|ban cán sự lớp yếu|học sinh dùng điện thoại trong giờ|sĩ số lớp đông|phụ huynh đi làm xa G: hiệu quả
công tác chủ nhiệm|kỹ năng sống|ý thức tự quản|giáo dục đạo đức|gắn kết nhà trường và gia đình|tinh thần
đoàn kết|kỹ năng tự bảo vệ|phong trào thi đua L: lớp 10A#|lớp 11A#|lớp 12A#|khu nội trú số #|trường &|lớp
chủ nhiệm A#|phân hiệu &
@yt_dieu_duong health
F: Y tế (điều dưỡng, chăm sóc người bệnh) U: Bệnh viện Đa khoa huyện &|Trung tâm Y tế huyện &|Bệnh viện Đa
khoa khu vực & S: điều dưỡng trưởng khoa|nhóm điều dưỡng|bác sĩ điều trị|hộ lý|khoa Hồi sức|phòng Điều
dưỡng|điều dưỡng buồng #|điều dưỡng hành chính|nhóm kiểm soát nhiễm khuẩn B: người bệnh sau mổ|người bệnh
cao tuổi|người bệnh nằm lâu|bệnh nhân đái tháo đường|người nhà người bệnh|bệnh nhân nội trú|sản phụ|người
bệnh buồng #|bệnh nhân chấn thương V: theo dõi|thực hiện|chuẩn hóa|hướng dẫn|kiểm tra|cải tiến|giám sát|tư
vấn O: quy trình chăm sóc vết mổ|bảng kiểm an toàn|việc bàn giao người bệnh|quy trình tiêm an toàn|chế độ
dinh dưỡng|phòng ngừa loét tỳ đè|vệ sinh tay|chuẩn bị ra viện|quy trình chuyển bệnh|phiếu chăm sóc|theo dõi
dấu hiệu sinh tồn|chăm sóc người bệnh thở máy T: bảng kiểm điện tử|phần mềm bệnh viện|mã QR đầu giường|đệm
hơi chống loét|bảng nhắc việc|tờ rơi hướng dẫn|máy đo đường huyết|video hướng dẫn|xe tiêm di động|bảng theo
dõi điện tử M: tỷ lệ hài lòng|tỷ lệ tuân thủ vệ sinh tay|số ca chăm sóc đúng quy trình|điểm chất lượng chăm
sóc|tỷ lệ bệnh án đầy đủ|số ca phát hiện sớm|tỷ lệ dùng thuốc đúng giờ R: tỷ lệ nhiễm khuẩn vết mổ|số ca
loét tỳ đè|số sự cố y khoa|số ngày nằm viện|số ca té ngã|số lần nhầm lẫn thuốc P: điều dưỡng ghi chép thủ
công|người bệnh chưa hiểu chế độ ăn|bàn giao ca còn sót|điều dưỡng quá tải|trang thiết bị thiếu|người nhà
thiếu hướng dẫn|người bệnh nặng tăng|hồ sơ ghi trùng lặp G: chất lượng chăm sóc người bệnh|an toàn người
bệnh|hiệu quả điều dưỡng|sự hài lòng người bệnh|chất lượng khám, chữa bệnh|kỹ năng giao tiếp của điều
dưỡng|quản lý thuốc|tuân thủ điều trị L: khoa Ngoại tổng hợp #|khoa Nội #|khoa Hồi sức #|bệnh viện &|khoa
Ngoại chấn thương #|buồng bệnh số #|phòng khám khu vực &
@yt_du_phong health
F: Y tế dự phòng U: Trung tâm Y tế huyện &|Trạm Y tế xã &|Trung tâm Kiểm soát bệnh tật tỉnh S: trạm y tế
xã|y tế thôn bản|khoa Kiểm soát bệnh tật|cộng tác viên dân số|trung tâm y tế huyện|y tế học đường|trạm y tế
xã &|nhân viên trạm y tế|cán bộ dân số xã B: trẻ dưới 1 tuổi|phụ nữ mang thai|người cao tuổi|người dân vùng
sâu|học sinh tiểu học|người bệnh mạn tính|hộ gia đình|trẻ thôn #|người dân xã & V: tổ chức|quản lý|truyền
thông về|rà soát|giám sát|cập nhật|triển khai|vận động O: tiêm chủng mở rộng|phòng chống sốt xuất huyết|danh
sách đối tượng tiêm|sàng lọc tăng huyết áp|vệ sinh môi trường|phòng dịch mùa mưa|hồ sơ sức khỏe điện
tử|chiến dịch diệt lăng quăng|dinh dưỡng trẻ nhỏ|tư vấn sức khỏe|giám sát ca bệnh|khám sức khỏe người cao
tuổi T: phần mềm tiêm chủng|loa truyền thanh thôn|tin nhắn nhắc lịch|bản đồ dịch tễ|sổ theo dõi điện tử|tờ
rơi tuyên truyền|nhóm Zalo cộng tác viên|bảng phân công theo thôn|phần mềm quản lý bệnh mạn tính|túi thuốc
cấp cứu M: tỷ lệ tiêm chủng đầy đủ|số người được sàng lọc|tỷ lệ nhà tiêu hợp vệ sinh|số buổi truyền thông|tỷ
lệ bệnh nhân được quản lý|số hộ được tư vấn|tỷ lệ người dân khám định kỳ R: số ca sốt xuất huyết|tỷ lệ bỏ
mũi tiêm|số ổ dịch|tỷ lệ suy dinh dưỡng|số ca biến chứng|tỷ lệ tiêm muộn P: người dân chủ quan|danh sách đối
tượng cũ|địa bàn rộng, đi lại khó|nhân lực y tế mỏng|nhắc lịch tiêm chậm|số liệu báo cáo chồng chéo|người
dân đi làm ăn xa|dịch bệnh theo mùa G: hiệu quả y tế dự phòng|tỷ lệ tiêm chủng|sức khỏe cộng đồng|quản lý
bệnh không lây nhiễm|công tác phòng chống dịch|quản lý đối tượng tiêm|vệ sinh môi trường|chăm sóc sức khỏe
ban đầu L: xã &|thôn #|trạm y tế xã &|địa bàn huyện &|điểm tiêm số #|cụm dân cư số #|khu phố &
@nn_lua agri
F: Nông nghiệp (trồng trọt, khuyến nông) U: Trạm Khuyến nông huyện &|Phòng Nông nghiệp và Môi trường huyện
&|Hợp tác xã nông nghiệp & S: cán bộ khuyến nông|hợp tác xã|tổ hợp tác sản xuất|trạm bảo vệ thực vật|nhóm
nông dân nòng cốt|chi hội nông dân|tổ khuyến nông thôn #|trưởng thôn #|ban quản trị hợp tác xã B: hộ nông
dân|xã viên|hộ trồng lúa|nông dân vùng trũng|hộ tham gia mô hình|người sản xuất nhỏ|hộ liên kết|hộ thôn
#|nông dân xã & V: áp dụng|hướng dẫn|tổ chức|chuyển giao|theo dõi|cải tiến|nhân rộng|thử nghiệm O: kỹ thuật
sạ thưa|bón phân cân đối|mô hình cánh đồng lớn|quản lý dịch hại tổng hợp|lịch thời vụ|tưới ngập khô xen
kẽ|giống lúa chất lượng|làm đất bằng máy|thu hoạch và phơi sấy|sổ nhật ký đồng ruộng|xử lý rơm rạ|cấy máy
khay mạ T: máy cấy|bẫy đèn|phân hữu cơ vi sinh|chế phẩm sinh học|ứng dụng dự báo thời tiết|máy bay phun
thuốc|bảng lịch thời vụ|ống đo mực nước|máy gặt đập liên hợp|nhật ký điện tử M: năng suất lúa|lợi nhuận mỗi
héc-ta|diện tích áp dụng|số hộ liên kết|giá lúa hàng hóa|sản lượng lúa|tỷ lệ lúa đạt chuẩn R: chi phí phân
bón|lượng thuốc bảo vệ thực vật|lượng giống gieo sạ|tỷ lệ hao hụt|chi phí thuê lao động|lượng nước tưới P:
nông dân sạ quá dày|sâu bệnh phức tạp|giá vật tư tăng|đồng ruộng manh mún|lạm dụng phân đạm|thời tiết thất
thường|thiếu nước cuối vụ|lao động nông thôn thiếu G: hiệu quả sản xuất lúa|năng suất, chất lượng lúa|thu
nhập nông dân|liên kết sản xuất lúa|hiệu quả khuyến nông|giá trị trên đơn vị diện tích|cơ giới hóa đồng
ruộng|sản xuất lúa an toàn L: cánh đồng thôn #|xã &|cánh đồng mẫu xã &|vùng chuyên canh &|hợp tác xã &|ruộng
thí điểm số #
@nn_chan_nuoi agri
F: Nông nghiệp (chăn nuôi, thú y) U: Trạm Chăn nuôi và Thú y huyện &|Trung tâm Dịch vụ nông nghiệp huyện
&|Hợp tác xã chăn nuôi & S: cán bộ thú y xã|trạm thú y|tổ hợp tác chăn nuôi|thú y cơ sở|hội nông dân
xã|khuyến nông viên|thú y viên thôn #|trưởng thôn #|chủ trang trại B: hộ nuôi lợn|hộ nuôi gà thả vườn|hộ
nuôi bò sinh sản|trang trại nhỏ|hộ nuôi thủy sản|người chăn nuôi|hộ nuôi vịt|hộ chăn nuôi thôn #|trang trại
xã & V: hướng dẫn|tổ chức|giám sát|áp dụng|xây dựng|thực hiện|kiểm soát|cải tiến O: lịch tiêm phòng|chuồng
trại hợp vệ sinh|khẩu phần thức ăn|đệm lót sinh học|tiêu độc khử trùng|chăn nuôi an toàn sinh học|sổ theo
dõi đàn|ủ thức ăn thô xanh|xử lý chất thải|công tác kiểm dịch|chọn con giống|trồng cỏ chăn nuôi T: chế phẩm
vi sinh|hầm biogas|máy băm cỏ|phần mềm quản lý đàn|vắc-xin dự trữ|sổ tay thú y|bình phun khử trùng|nhóm Zalo
thú y|máy ép viên thức ăn|cân điện tử M: tổng đàn|tỷ lệ tiêm phòng|trọng lượng xuất chuồng|thu nhập hộ chăn
nuôi|số hộ an toàn sinh học|số con xuất chuồng|tỷ lệ nuôi sống R: tỷ lệ vật nuôi mắc bệnh|chi phí thức ăn|số
ổ dịch|mùi hôi chuồng trại|tỷ lệ hao hụt đàn|chi phí thú y P: người nuôi chủ quan|chuồng gần khu dân cư|dịch
bệnh phức tạp|giá thức ăn tăng|tiêm phòng chưa đủ|chất thải chưa xử lý|con giống kém chất lượng|thiếu bác sĩ
thú y G: hiệu quả chăn nuôi|phòng chống dịch bệnh|thu nhập người chăn nuôi|an toàn sinh học|chất lượng đàn
vật nuôi|chăn nuôi tuần hoàn|tỷ lệ tiêm phòng|vệ sinh môi trường chăn nuôi L: xã &|thôn #|trang trại thí
điểm &|địa bàn huyện &|vùng chăn nuôi &|khu chăn nuôi số #
@hc_mot_cua admin
F: Hành chính (cải cách thủ tục hành chính) U: Ủy ban nhân dân xã &|Ủy ban nhân dân phường &|Trung tâm Phục
vụ hành chính công huyện & S: bộ phận một cửa|công chức tư pháp|Ủy ban nhân dân xã|văn phòng đăng ký đất
đai|công chức địa chính|tổ công nghệ số|công chức quầy số #|công chức văn hóa – xã hội|phó chủ tịch xã B:
người dân|tổ chức, doanh nghiệp|người cao tuổi|hộ kinh doanh|người lao động|công dân|doanh nghiệp nhỏ|người
dân xã &|hộ gia đình thôn # V: tiếp nhận|giải quyết|số hóa|hướng dẫn|công khai|rà soát|đơn giản hóa|theo dõi
O: hồ sơ thủ tục hành chính|hồ sơ hộ tịch|dịch vụ công trực tuyến|chứng thực bản sao|hồ sơ đất đai|quy trình
nội bộ|kết quả giải quyết|ý kiến phản ánh|thu phí, lệ phí|lịch tiếp công dân|trả kết quả qua bưu điện|hồ sơ
chứng thực điện tử T: cổng dịch vụ công|mã QR tra cứu|kiosk hướng dẫn|phần mềm một cửa|chữ ký số|máy lấy
số|trang thông tin điện tử|tổng đài hỗ trợ|màn hình tra cứu|phiếu hẹn điện tử M: tỷ lệ hồ sơ đúng hạn|số hồ
sơ trực tuyến|chỉ số hài lòng|tỷ lệ số hóa|số lượt tra cứu|số lượt phục vụ|tỷ lệ trả kết quả sớm R: số hồ sơ
trễ hạn|thời gian chờ|số lần đi lại|số hồ sơ bổ sung|số phản ánh tiêu cực|tỷ lệ hồ sơ trả lại P: người dân
chưa quen nộp trực tuyến|hồ sơ bổ sung nhiều lần|lưu trữ thủ công|công chức kiêm nhiệm|quy trình chồng
chéo|hướng dẫn chưa rõ|trang thiết bị cũ|đường truyền chập chờn G: cải cách hành chính|giải quyết thủ tục
hành chính|sự hài lòng của người dân|chất lượng phục vụ|chuyển đổi số|kỷ cương hành chính|công khai, minh
bạch|thái độ phục vụ L: xã &|bộ phận một cửa xã &|phường &|trụ sở ủy ban xã &|địa bàn xã &|quầy tiếp nhận số
#
@hc_van_thu admin
F: Hành chính (văn thư, lưu trữ) U: Văn phòng Ủy ban nhân dân huyện &|Văn phòng Sở Nội vụ|Văn phòng Hội đồng
nhân dân và Ủy ban nhân dân huyện & S: văn thư cơ quan|phòng Hành chính – Tổng hợp|cán bộ lưu trữ|văn phòng
ủy ban|tổ số hóa|chánh văn phòng|văn thư phòng số #|nhân viên văn thư|phó chánh văn phòng B: cán bộ, công
chức|các phòng chuyên môn|lãnh đạo|người khai thác tài liệu|nhân viên mới|đơn vị trực thuộc|chuyên
viên|phòng số #|chuyên viên mới V: quản lý|số hóa|phân loại|chỉnh lý|lập|tra cứu|chuẩn hóa|bảo quản O: văn
bản đến, đi|hồ sơ lưu trữ|danh mục hồ sơ|tài liệu tồn đọng|sổ đăng ký văn bản|hồ sơ công việc|thể thức văn
bản|tài liệu giấy|kho lưu trữ|mục lục hồ sơ|hồ sơ nhân sự|tài liệu điện tử T: phần mềm quản lý văn bản|chữ
ký số|máy quét tài liệu|cơ sở dữ liệu lưu trữ|mã vạch hồ sơ|hộp bìa tiêu chuẩn|giá kệ di động|ổ lưu trữ
chung|máy hút ẩm|phần mềm số hóa M: tỷ lệ văn bản điện tử|số hồ sơ chỉnh lý|tỷ lệ nộp lưu đúng hạn|số lượt
khai thác|số mét giá sắp xếp|số văn bản ký số|số hồ sơ số hóa R: thời gian tra tìm|số văn bản sai thể
thức|chi phí in ấn|tài liệu tồn đọng|số lượt tìm không thấy|số văn bản trả lại P: tài liệu tồn đọng|văn bản
sai thể thức|kho lưu trữ chật|tra tìm mất thời gian|cán bộ chưa thạo phần mềm|hồ sơ công việc thiếu|thiếu
biên chế văn thư|giá kệ xuống cấp G: công tác văn thư, lưu trữ|quản lý văn bản|khai thác tài liệu|tính
chuyên nghiệp|chuyển đổi số|bảo quản tài liệu|an toàn thông tin|chất lượng tham mưu L: cơ quan &|kho lưu trữ
số #|văn phòng khu &|phòng chuyên môn số #|đơn vị &|phòng lưu trữ số #|chi nhánh &
@tc_thue finance
F: Tài chính (quản lý thuế) U: Chi cục Thuế khu vực &|Đội Thuế liên xã &|Chi cục Thuế huyện & S: đội kiểm
tra thuế|chi cục thuế|công chức quản lý thuế|đội hỗ trợ người nộp thuế|đội quản lý nợ|tổ liên ngành|đội thuế
số #|kiểm tra viên thuế|đội trưởng đội thuế B: hộ kinh doanh|doanh nghiệp nhỏ|người nộp thuế|cá nhân cho
thuê nhà|hộ khoán|doanh nghiệp mới|hộ kinh doanh online|hộ kinh doanh chợ &|doanh nghiệp khu & V: quản lý|rà
soát|đôn đốc|hướng dẫn|kiểm tra|phân loại|theo dõi|đối chiếu O: nợ đọng thuế|hồ sơ khai thuế|hóa đơn điện
tử|hoàn thuế|doanh thu hộ kinh doanh|danh sách người nộp thuế|thuế đất|hồ sơ miễn, giảm thuế|nộp thuế điện
tử|thông báo thuế|thuế thu nhập cá nhân|kê khai thuế lần đầu T: phần mềm quản lý thuế|ứng dụng thuế điện
tử|dữ liệu hóa đơn|tin nhắn nhắc nợ|bảng phân tích rủi ro|cổng thông tin thuế|chữ ký số|tổng đài hỗ trợ|hóa
đơn khởi tạo từ máy tính tiền|bản đồ số hộ kinh doanh M: số thu ngân sách|tỷ lệ khai thuế đúng hạn|tỷ lệ nộp
thuế điện tử|số thuế truy thu|số lượt hỗ trợ|số hộ kê khai mới|tỷ lệ thu nợ R: số nợ thuế|tỷ lệ hồ sơ sai|số
hộ chưa kê khai|thời gian hoàn thuế|số hồ sơ chậm nộp|số tiền chậm nộp P: nợ thuế kéo dài|người nộp thuế
chưa rõ chính sách|dữ liệu phân tán|hộ kinh doanh biến động|đối chiếu thủ công|thiếu cán bộ thuế|kinh doanh
trên mạng tăng|địa chỉ kinh doanh thay đổi G: quản lý thuế|thu ngân sách|hỗ trợ người nộp thuế|quản lý nợ
thuế|tuân thủ thuế|chống thất thu|kê khai thuế điện tử|cải cách thủ tục thuế L: chi cục thuế &|phường &|chợ
&|khu công nghiệp &|địa bàn huyện &|đội thuế liên xã số #
@tc_ke_toan finance
F: Tài chính (kế toán, ngân sách) U: Kho bạc Nhà nước khu vực &|Phòng Tài chính – Kế hoạch huyện &|Bệnh viện
Đa khoa huyện & S: bộ phận kế toán|kế toán trưởng|phòng Tài chính – Kế toán|thủ quỹ|kế toán viên|ban kiểm
soát|kế toán đơn vị số #|kế toán tổng hợp|kế toán thanh toán B: các khoa, phòng|viên chức|đơn vị dự toán|nhà
cung cấp|người lao động|các đơn vị trực thuộc|hợp đồng viên|khoa số #|đơn vị & V: lập|quản lý|kiểm soát|đối
chiếu|quyết toán|theo dõi|thanh toán|tổng hợp O: dự toán ngân sách|chứng từ kế toán|tài sản công|khoản thu,
chi|công nợ|báo cáo tài chính|tiền lương, phụ cấp|quỹ tiền mặt|hợp đồng mua sắm|kho vật tư|đối chiếu kho
bạc|kiểm kê tài sản T: phần mềm kế toán|dịch vụ công kho bạc|bảng tính tự động|mã hóa tài khoản|chữ ký
số|ngân hàng điện tử|sổ theo dõi tài sản|phần mềm tài sản|mẫu biểu tự động|máy đếm tiền M: tỷ lệ giải
ngân|số chứng từ xử lý|tỷ lệ tiết kiệm chi|số báo cáo đúng hạn|nguồn thu sự nghiệp|số tài sản kiểm kê|tỷ lệ
thanh toán điện tử R: sai sót chứng từ|thời gian thanh toán|công nợ quá hạn|chi phí văn phòng phẩm|số chứng
từ trả lại|số ngày chờ duyệt P: chứng từ luân chuyển chậm|số liệu chưa khớp|đối chiếu thủ công|nghiệp vụ
tăng nhanh|quy định thay đổi liên tục|tài sản theo dõi lỏng lẻo|chứng từ giấy nhiều|thiếu kế toán viên G:
quản lý tài chính|công tác kế toán|minh bạch thu, chi|sử dụng ngân sách|quản lý tài sản công|kiểm soát
chi|công khai tài chính|thanh toán không dùng tiền mặt L: đơn vị &|phòng Tài chính – Kế toán số #|bệnh viện
&|trường &|kho bạc &|khoa, phòng số #
@cn_xay_dung industry
F: Xây dựng (quản lý dự án, thi công) U: Ban Quản lý dự án đầu tư xây dựng huyện &|Công ty Cổ phần Xây dựng
&|Phòng Kinh tế – Hạ tầng huyện & S: ban quản lý dự án|tư vấn giám sát|đội thi công|kỹ sư hiện trường|phòng
Kinh tế – Hạ tầng|chỉ huy trưởng|đội thi công số #|cán bộ kỹ thuật|giám sát an toàn B: nhà thầu|công
nhân|chủ đầu tư|người dân vùng dự án|đơn vị tư vấn|tổ đội thi công|thầu phụ|công nhân đội #|nhà thầu gói #
V: kiểm soát|giám sát|lập|nghiệm thu|quản lý|tối ưu|điều phối|thẩm định O: tiến độ thi công|chất lượng bê
tông|hồ sơ hoàn công|khối lượng phát sinh|biện pháp thi công|an toàn lao động|hồ sơ thanh toán|vật liệu đầu
vào|bản vẽ thiết kế|giải phóng mặt bằng|lấy mẫu vật liệu|nhật ký công trường T: phần mềm dự toán|mô hình
BIM|máy toàn đạc|nhật ký thi công điện tử|camera giám sát|bảng tiến độ trực tuyến|máy đo độ ẩm|cốp pha định
hình|máy thủy bình|phần mềm quản lý hồ sơ M: tỷ lệ đúng tiến độ|giá trị giải ngân|số hồ sơ nghiệm thu đạt|tỷ
lệ mẫu đạt chuẩn|giá trị tiết kiệm|số hạng mục hoàn thành|tỷ lệ hồ sơ đầy đủ R: số sự cố kỹ thuật|số ngày
chậm tiến độ|khối lượng phát sinh|số tai nạn lao động|số lần sửa hồ sơ|chi phí phát sinh P: tiến độ hay bị
chậm|hoàn công chậm|phát sinh khó kiểm soát|mặt bằng chật hẹp|giám sát còn mỏng|thời tiết bất lợi|vật liệu
tăng giá|hồ sơ thiết kế sai sót G: chất lượng công trình|quản lý dự án|tiến độ thi công|an toàn lao
động|hiệu quả vốn đầu tư|kiểm soát chi phí|chất lượng hồ sơ hoàn công|bảo vệ môi trường thi công L: công
trình trường &|đường giao thông xã &|gói thầu số #|công trường &|cầu &|khu tái định cư &
@cn_dien industry
F: Công nghiệp (điện lực) U: Điện lực &|Công ty Điện lực tỉnh|Xí nghiệp Lưới điện cao thế & S: đội quản lý
vận hành|tổ sửa chữa điện nóng|kỹ sư vận hành|điện lực khu vực|tổ thao tác lưu động|phòng Kỹ thuật|tổ quản
lý điện số #|tổ trưởng tổ đường dây|trực ban vận hành B: khách hàng|công nhân vận hành|hộ dân vùng sâu|doanh
nghiệp sản xuất|các trạm biến áp|người lao động|khách hàng lớn|khách hàng xã &|hộ dân thôn # V: kiểm tra|vận
hành|bảo dưỡng|xử lý|giám sát|cải tạo|cải tiến|thay thế O: đường dây trung áp|trạm biến áp phân phối|sự cố
lưới điện|tổn thất điện năng|thiết bị đóng cắt|công tơ điện tử|hành lang lưới điện|tủ điện hạ thế|lịch cắt
điện|mối nối dây dẫn|phát quang hành lang|đo nhiệt độ mối nối T: camera nhiệt|thiết bị bay|phần mềm đo xa|hệ
thống SCADA|dụng cụ cách điện|sổ tay vận hành|bản đồ lưới điện số|ứng dụng chăm sóc khách hàng|sào cách
điện|máy đo điện trở M: độ tin cậy cấp điện|số khách hàng ổn định|tỷ lệ thu tiền đúng hạn|năng suất lao
động|chỉ số hài lòng|sản lượng điện thương phẩm|số lần thao tác an toàn R: tổn thất điện năng|số lần mất
điện|thời gian xử lý sự cố|chi phí sửa chữa|số lần nhảy máy cắt|thời gian mất điện P: lưới điện cũ|địa hình
đồi núi|phụ tải tăng nhanh|sự cố mùa mưa|công tơ cũ|thiếu người trực|cây xanh lấn hành lang|thiếu vật tư dự
phòng G: độ tin cậy cấp điện|vận hành lưới điện|an toàn thao tác|dịch vụ khách hàng|kinh doanh điện|giảm tổn
thất điện năng|an toàn lưới điện|năng suất lao động L: tuyến 47#|trạm biến áp &|điện lực &|miền núi &|xã
&|xưởng sửa chữa số #"""

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

# shared by every topic; S P M R T V G Q are appended to the topic's own lists (titles use the topic's only)
SHARED_RAW = """
A: một cách thường xuyên|theo định kỳ|có kế hoạch|đúng quy trình|từng bước|linh hoạt|chặt chẽ|đồng bộ|thống
nhất|nghiêm túc|có hệ thống|bài bản|kịp thời|cụ thể, rõ ràng|công khai, minh bạch|sát thực tế|có trọng tâm
X: tiết kiệm thời gian, công sức|chủ động hơn|nắm vững yêu cầu|giảm áp lực|tự tin hơn|tiếp cận thông tin dễ
hơn|hạn chế sai sót|nâng cao trách nhiệm|phát huy tính tích cực|hình thành thói quen tốt|giảm chi phí|đạt kết
quả cao hơn|hiểu rõ quyền lợi|phối hợp nhịp nhàng hơn|yên tâm hơn|làm việc khoa học hơn
Y: khảo sát|thống kê|rà soát|theo dõi|đối chiếu|tổng hợp|phân tích|đánh giá|kiểm đếm
Z: sổ theo dõi|biên bản kiểm tra|bảng tổng hợp|báo cáo định kỳ|phiếu khảo sát|sổ nhật ký|bảng đánh giá|báo
cáo sơ kết|phiếu góp ý|kế hoạch tháng|báo cáo tổng kết|biên bản họp
E: rõ rệt|đáng kể|tích cực|khả quan|vững chắc|ổn định|rất đáng ghi nhận|tốt
H: hiệu quả|phù hợp|khả thi|đồng bộ|thiết thực|hợp lý|bài bản|khoa học
ord: hai|ba|tư|năm
C: bên cạnh đó|ngoài ra|mặt khác|trên thực tế|nhìn chung|đáng chú ý|hơn nữa|tuy nhiên|vì vậy|do đó|từ
đó|qua theo dõi|theo đánh giá chung|không những thế|đặc biệt|trong thực tiễn|như vậy|song song với đó
S: tác giả sáng kiến|nhóm tác giả|lãnh đạo đơn vị|tổ công tác|bộ phận chuyên môn|cán bộ phụ trách
P: kinh phí hạn chế|cơ sở vật chất thiếu|phối hợp chưa chặt chẽ|ứng dụng công nghệ còn yếu|chưa có quy trình
chung|thiếu tài liệu hướng dẫn|nhận thức chưa đầy đủ
M: tỷ lệ hoàn thành kế hoạch|mức độ hài lòng|tỷ lệ việc đúng hạn|số ý kiến tích cực
R: số sai sót|thời gian xử lý|số ý kiến phản ánh|chi phí phát sinh
T: bảng tính Excel|nhóm Zalo|mã QR|sổ tay hướng dẫn|biểu mẫu chuẩn hóa|bảng theo dõi trực quan|phần mềm
trình chiếu
V: thực hiện|triển khai|chuẩn hóa|rà soát
G: hiệu quả công việc|chất lượng phục vụ|uy tín của đơn vị
Q: lãnh đạo đơn vị|cấp ủy|công đoàn cơ sở|hội đồng thi đua|ban chỉ đạo|lãnh đạo cấp trên|ban thi đua
"""

# sentence patterns by section group: {slot}, (variant|variant); "!" = takes no leading connective;
# an indented line continues the pattern above
PATTERNS_RAW = """
[ly_do]
{W}, {S} (nhận thấy|nhận ra|ghi nhận) {P}, (điều này|tình trạng đó|thực tế này) (ảnh hưởng|tác động) (trực
  tiếp|không nhỏ|rõ rệt) (đến|tới) {G} (tại|ở) {L}.
(qua|thông qua|từ kết quả) {Y} {B} (tại|ở) {L}, (có tới|có|ghi nhận) {pct} (gặp khó khăn|còn lúng túng|chưa
  đạt yêu cầu) (do|vì) {P}.
(xuất phát từ|trước|đứng trước) yêu cầu (nâng cao|cải thiện|bảo đảm) {G} {W}, {S} (cần có|phải tìm) (cách
  làm|hướng đi|giải pháp) mới để {V} {O} cho {B}.
(thực tế|thực trạng|tình hình) (tại|ở) {L} cho thấy {P}, (trong khi|trong lúc|nhưng|song) (yêu cầu|mục
  tiêu|kỳ vọng) về {G} (ngày càng cao|ngày một tăng|ngày càng khắt khe) {W}.
!(vì vậy|chính vì thế|từ những lý do trên), (tôi|chúng tôi|nhóm tác giả) (chọn|quyết định|lựa chọn) (nghiên
  cứu|thực hiện) (việc|giải pháp) {V} {O} (bằng|thông qua|nhờ) {T} (nhằm giúp|để giúp) {B} {X}.
(nếu không sớm|nếu chưa kịp thời|nếu không) (khắc phục|giải quyết) (tình trạng|thực trạng) {P}, {M} (khó
  đạt|khó có thể đạt|sẽ không đạt) mức {pct} (như kế hoạch|đã đề ra) {W}.
(nhiều năm|nhiều năm liền|mấy năm gần đây) (làm công tác|trực tiếp|được giao) {V} {O} (tại|ở) {L},
  (tôi|chúng tôi) (luôn trăn trở|luôn suy nghĩ|luôn băn khoăn|thường tự hỏi) (làm thế nào|làm sao|bằng cách
  nào) để {B} {X}.
{S} (đã nhiều lần|từng|nhiều lần) (nêu|phản ánh|đề cập) {P} (trong|tại) {Z} {W}, (nhưng|song) (chưa có|vẫn
  chưa có|chưa tìm được) giải pháp {H} (cho|đối với) {B}.
[thuc_trang]
(trước khi áp dụng|trước đây|khi chưa có giải pháp), {M} (tại|ở) {L} (chỉ đạt|mới đạt|chỉ ở mức) {pct},
  (thấp hơn|chưa đạt) (mục tiêu|chỉ tiêu|yêu cầu) {W}.
(kết quả|số liệu) {Y} {B} {W} (cho thấy|chỉ ra|phản ánh) {P} (ở|tại) {L}.
việc {V} {O} (tại|ở) {L} (chủ yếu|phần lớn|vẫn) (làm thủ công|theo cách cũ), (mất|tốn) {k} đến {n} giờ (mỗi
  đợt|mỗi tháng|mỗi lần).
{S} (chưa khai thác tốt|chưa tận dụng|chưa dùng hiệu quả|ít sử dụng) {T} (tại|ở) {L}, (nên|vì vậy|do đó) {R}
  (còn|vẫn) ở mức {pct} {W}.
(theo|căn cứ) {Z} (của|tại) {L}, {W} (có|đã có|phát sinh) {n} (trường hợp|lượt|vụ việc) (do|liên quan
  đến|xuất phát từ) {P}.
!(bên cạnh thuận lợi là|mặc dù|dù) (đã có|được trang bị|sẵn có) {T} {W}, {S} (vẫn gặp|còn gặp|vẫn còn) (khó
  khăn|vướng mắc) (vì|do) {P}, (nhất là với|đặc biệt với) {B}.
{R} {W} (tăng|tăng thêm|cao hơn) {pct} (so với cùng kỳ|so với năm trước), (cho thấy|chứng tỏ) {P}.
(phần lớn|đa số|không ít) {B} (tại|ở) {L} (chưa được|còn chưa được) {V} {O} (bài bản|đầy đủ|thường xuyên)
  {W}.
[muc]
(sáng kiến hướng tới|mục tiêu là|sáng kiến đặt mục tiêu) nâng {M} {up} {W}, (đồng thời|kết hợp|song song
  với) (giảm|hạ) {R} {down}.
(mục tiêu cụ thể là|sáng kiến nhằm|giải pháp hướng đến việc) giúp {B} {X}, (tạo điều kiện|tạo thuận lợi) để
  {S} {V} {O} {W}.
(giải pháp|sáng kiến) (dựa trên|căn cứ vào) (các quy định|hướng dẫn|quy định) (hiện hành|của ngành|của cấp
  trên) về {G} (và kinh nghiệm|cùng kinh nghiệm|và thực tiễn) {V} {O} (tại|ở) {L}.
sáng kiến (tập trung vào|gồm|chia thành) {k} (nhóm nội dung|nội dung chính|nhóm việc): {V} {O}, (ứng
  dụng|khai thác|sử dụng) {T} và {Y} (kết quả|số liệu) {W}.
(đối tượng áp dụng gồm|phạm vi áp dụng là|sáng kiến áp dụng cho) {B} (tại|thuộc) {L} {W}, (được|có) {Y} {M}
  (trước và sau khi|trong suốt quá trình) áp dụng.
!(về lý luận|về cơ sở lý luận|về mặt lý thuyết), {G} (phụ thuộc nhiều vào|gắn liền với|chịu tác động của)
  (cách|việc|mức độ) {S} {V} {O} (tại|ở) {L}.
[noi_dung]
!bước {k}, {S} {V} {O} (theo từng nhóm|theo từng đợt|theo lịch), mỗi nhóm (khoảng|từ|gồm) {k} (thành
  viên|người) {W}, (có phân công|được giao việc|có nhóm trưởng) (cụ thể|rõ ràng|hợp lý).
{S} (sử dụng|tận dụng|khai thác|áp dụng) {T} (để|nhằm) {V} {O}, (qua đó giúp|nhờ đó|từ đó giúp) {B} {X}.
(trong quá trình|khi) {V} {O} (tại|ở) {L}, {S} (thường xuyên|định kỳ|liên tục) {Y} {Z} (để điều chỉnh|nhằm
  điều chỉnh|để rút kinh nghiệm).
(mỗi tuần|hằng tuần|mỗi tháng), {S} (dành khoảng|bố trí) {k} (giờ|buổi) để {V} {O} (cho|cùng) {B} (tại|ở)
  {L}.
(khi|trong khi) {V} {O} (cho|với) {B}, (cần chú ý|phải lưu ý|cần bảo đảm) (làm|thực hiện) {A} (để tránh|nhằm
  hạn chế) (tình trạng|việc) {P}.
{T} (được cập nhật|được bổ sung|được rà soát) {A} {W}, (giúp|để) {B} (dễ dàng theo dõi|nắm được|chủ động
  kiểm soát) {M}.
!(cụ thể|trên thực tế|chẳng hạn), {S} (phân công|bố trí|cử) {k} (thành viên|cán bộ|người) (phụ trách|đảm
  nhận|theo dõi) {V} {O} (tại|ở) {L} {W}.
(sau mỗi đợt|kết thúc mỗi đợt|sau từng lần) {V} {O} (tại|ở) {L}, (kết quả|số liệu) (được ghi vào|được cập
  nhật vào|được tổng hợp trong) {Z} (và báo cáo|gửi|để báo cáo|rồi chuyển) {Q}.
(giải pháp|biện pháp|nội dung) thứ {ord} (là|gồm việc) {V} {O} (gắn với|kết hợp với|dựa trên|có sử dụng)
  {T}, (áp dụng cho|triển khai với) {B} {W}.
(điều kiện|yêu cầu tối thiểu) (để thực hiện|để áp dụng) là {L} có {T} và {S} (được tập huấn|được hướng
  dẫn|nắm vững cách làm) {W}.
!(ví dụ|chẳng hạn|minh chứng là) {W}, tại {L}, {S} (đã|đã kịp|bước đầu) {V} {O} cho {B} (chỉ trong|trong)
  (hai|ba|vài) (tuần|tháng|đợt).
{S} (lập|xây dựng|chuẩn bị) kế hoạch {A} {W}, (nêu rõ|xác định rõ|ghi rõ) (người thực hiện|thời hạn|nguồn
  lực|sản phẩm) (và cách|cùng cách|và phương thức) {Y} (kết quả|số liệu|tiến độ) {V} {O}.
(nội dung này|bước này|khâu này) (được triển khai|được thực hiện|được tổ chức) {A} (tại|ở) {L}, (bảo đảm|để)
  {B} (nắm được|hiểu rõ) yêu cầu (trước khi|ngay khi) {V} {O}.
(để|nhằm) (theo dõi sát|nắm chắc|kiểm soát) tiến độ, {S} (kết hợp|gắn) {V} {O} với {Y} {M} (hằng tháng|định
  kỳ|theo quý) {W}.
[tinh_moi]
(điểm mới|cái mới|điểm khác biệt) (của sáng kiến|ở đây) là {V} {O} (bằng|thông qua) {T}, (điều mà|việc mà)
  (trước đây|từ trước đến nay) {L} (chưa thực hiện|chưa làm được|chưa áp dụng).
!(so với cách làm cũ|so với trước đây), thời gian {V} {O} (giảm|rút ngắn) {cut}, (giúp|tạo điều kiện để) {S}
  {X}.
(sáng kiến|giải pháp|nội dung này) (không trùng với|khác với|chưa trùng lặp với) (giải pháp|sáng kiến|cách
  làm|đề tài) (đã được công nhận|đã áp dụng|đã có) (tại|ở) {L} {W}, (cũng chưa được|và chưa từng được) {S}
  áp dụng cho {B}.
(lần đầu tiên|đây là lần đầu) {S} (kết hợp|gắn) {T} với việc {Y} {M} (tại|ở) {L} (một cách|theo hướng) {H}.
(tính sáng tạo|sáng tạo của giải pháp) (thể hiện ở chỗ|là) {B} (được chủ động|được trực tiếp|có cơ hội) {V}
  {O} (với sự hỗ trợ của|nhờ|thông qua) {T} (tại|ở) {L}.
(cách tiếp cận này|giải pháp này|cách làm mới) (khắc phục được|giải quyết được|hạn chế được) (tình
  trạng|việc) {P} (tại|ở) {L}, (với chi phí|chi phí|với kinh phí) (chỉ khoảng|khoảng|chưa đến) {money} {W}.
(khác với|thay cho) {Z} (truyền thống|giấy|trước đây), {T} (cho phép|giúp) {S} {V} {O} (cho|với) {B}.
[kha_nang]
(sáng kiến|giải pháp|cách làm này) (có thể|hoàn toàn có thể) (áp dụng|triển khai|nhân rộng) {A} (cho|đối
  với) {B} (tại|ở) (các đơn vị|những nơi) (tương tự|giống như) {L}, (nhất là|đặc biệt là) nơi {P}.
(chi phí triển khai thấp|kinh phí không lớn), (chủ yếu|phần lớn) (dành cho|để mua) {T}, (chỉ khoảng|khoảng)
  {money} cho {B}, (nên dễ nhân rộng|nên có thể áp dụng rộng rãi|phù hợp để nhân rộng) {W}.
{S} (ở các đơn vị khác|ở đơn vị bạn|tại các địa phương lân cận) (có thể|hoàn toàn có thể) {V} {O} sau {k}
  (buổi tập huấn|buổi hướng dẫn) về {T} {W}.
(giải pháp|sáng kiến) đã được (áp dụng thử|triển khai thử) tại {n} (đơn vị|điểm) {W} và (cho kết quả|đạt kết
  quả) {E}, {M} (đạt|lên tới) {pct}.
(yêu cầu|điều kiện) (đặt ra|cần có) (chỉ là|là) {T} và sự phối hợp (giữa|của) {S} với {B} (trong việc|khi)
  {V} {O}.
(với|dựa trên) {Z} đã (chuẩn hóa|hoàn thiện) {W}, {Q} (có thể|hoàn toàn có thể|nên) (chỉ đạo nhân rộng|hướng
  dẫn áp dụng|cho phép áp dụng|giới thiệu cách làm) để {V} {O} (tại|ở) {L}.
[loi_ich]
(sau khi áp dụng|sau một thời gian áp dụng|từ khi triển khai), {M} (tại|ở) {L} (tăng|đã tăng|được nâng) {up}
  {W}.
{R} (tại|ở) {L} (giảm|đã giảm) {down}, (nhờ|do|vì) {S} (đã|kịp thời|chủ động) {V} {O}.
(số tiền làm lợi|giá trị làm lợi) (ước tính|khoảng|ước đạt) {money} (mỗi năm|mỗi vụ|mỗi đợt|mỗi quý), (chưa
  kể|ngoài ra còn có|bên cạnh) (lợi ích|hiệu quả|tác động tốt) (về|đối với) {G} (cho|của) {B} (tại|ở) {L}.
!(nhờ giải pháp|nhờ áp dụng sáng kiến|với giải pháp này), {B} {X}, {M} (đạt|lên tới|đạt mức) {pct} {W}.
thời gian {V} {O} (giảm|được rút ngắn) {cut}, {S} (có thêm điều kiện|có thêm thời gian|có thêm nguồn lực)
  (tập trung vào|chăm lo cho|đầu tư cho) {G} (tại|ở) {L}.
(kết quả|số liệu) {Y} {B} (cho thấy|chỉ ra) {pct} (đánh giá|nhận xét) giải pháp {H} và (dễ thực hiện|dễ áp
  dụng) {W}.
{S} (tiết kiệm|giảm được) (khoảng|gần) {n} giờ làm việc (mỗi năm|mỗi quý) (nhờ|khi) {V} {O} (bằng|với) {T}.
!(về mặt xã hội|về hiệu quả xã hội|ở góc độ xã hội), (sáng kiến|giải pháp) góp phần (nâng cao|cải thiện)
  {G}, (tạo sự đồng thuận của|được sự ủng hộ của|được sự hưởng ứng của) {B} (tại|ở) {L} {W}.
[ket_luan]
(qua|sau) {k} năm (áp dụng|triển khai) (tại|ở) {L}, (sáng kiến|giải pháp) (đã góp phần|đã giúp) (nâng
  cao|cải thiện) {G} và giảm {R} {down}.
(đề nghị|kính đề nghị|kiến nghị) {Q} (tạo điều kiện|quan tâm hỗ trợ|bố trí nguồn lực) (để|giúp) {S} (duy
  trì|mở rộng việc) {V} {O} (tại|ở) {L} {W}.
(bài học rút ra là|kinh nghiệm cho thấy cần) phải {V} {O} {A} và (thường xuyên|định kỳ) {Y} {M} (tại|ở) {L}.
(tôi|chúng tôi|nhóm tác giả) (mong nhận được|rất mong nhận được|mong được) (ý kiến góp ý|sự góp ý|sự chỉ
  đạo|sự hướng dẫn) (của|từ) {Q} để việc {V} {O} (bằng|với) {T} (được hoàn thiện hơn|ngày càng hiệu quả)
  {W}.
(thời gian tới|trong giai đoạn tiếp theo|tới đây), {S} sẽ (mở rộng việc ứng dụng|áp dụng rộng rãi) {T} cho
  {B} (tại|ở) {L} {W}.
(kiến nghị|đề xuất) {Q} (bố trí|hỗ trợ) kinh phí khoảng {money} để (trang bị thêm|bổ sung) {T} cho {L}.
(sáng kiến|giải pháp) (chỉ|sẽ) (phát huy hiệu quả|đạt kết quả tốt|thành công) (khi|nếu) {S} (và|với) {B}
  (cùng|đồng thời) {V} {O} {W}.
[general]
{S} (luôn chú trọng|đặc biệt quan tâm|coi trọng việc) {V} {O} {W}, (coi đây là|xem đây là|đây là) (khâu then
  chốt|yếu tố quyết định|việc quan trọng|nhiệm vụ trọng tâm) (để|nhằm|giúp) (nâng cao|cải thiện|bảo đảm)
  {G}.
việc {V} {O} (bằng|thông qua|kết hợp với) {T} (giúp|đã giúp|tạo điều kiện cho) {B} {X} {W}.
{S} (phối hợp với|cùng với|báo cáo) {Q} (để|nhằm|rồi) {Y} {M} (tại|ở) {L} {W}.
!(nhìn chung|tính chung|nhìn tổng thể|nhìn lại) {W}, {M} (tại|ở) {L} có (chuyển biến|thay đổi|bước tiến)
  {E}, {R} (giảm|đã giảm) {down}.
(trong|qua) {Z} (gửi|trình) {Q}, {S} (đã nêu rõ|đã chỉ ra|nêu) {P} (cùng|và) (hướng|đề xuất|kiến nghị) {V}
  {O}.
(để|muốn|nhằm giúp) {B} {X}, {S} (cần|phải|nên) {V} {O} (tại|ở) {L}.
{M} (của nhóm áp dụng|ở nhóm thực nghiệm|ở lớp thực nghiệm) đạt {pct}, (cao hơn|vượt) (nhóm|lớp) đối chứng
  (tại|ở) {L} (khoảng|gần|tới) {gap} {W}.
(thực hiện chỉ đạo của|theo hướng dẫn của|được sự đồng ý của) {Q} {W}, {S} (đã|bước đầu|đã kịp thời) {V} {O}
  (cho|với) {B}.
!(song song với đó|cùng với đó|bên cạnh đó), {S} (chú trọng|quan tâm|đẩy mạnh) (việc|công tác) {Y} {M} {W}
  (để|nhằm) (kịp thời|sớm) hỗ trợ {B}.
(số liệu|kết quả|thống kê) {W} (cho thấy|chỉ ra) {M} (tại|ở) {L} (đạt|lên tới|ở mức) {pct}, (cao hơn|vượt)
  {k} điểm phần trăm (so với năm trước|so với kỳ trước|so với cùng kỳ).
{T} (được đưa vào sử dụng|được áp dụng|được triển khai) {W} (tại|ở) {L}, (giúp|hỗ trợ) {S} {V} {O} (nhanh
  hơn|thuận lợi hơn|chính xác hơn).
(hằng tháng|mỗi quý|định kỳ), {S} (tổ chức|duy trì) {k} (buổi|đợt) (trao đổi|sinh hoạt|gặp gỡ) với {B}
  (tại|ở) {L} (để|nhằm) (nắm bắt|ghi nhận|lắng nghe) {P}.
!(điều đáng ghi nhận|điểm đáng chú ý|kết quả nổi bật) là {B} (đã|bước đầu) {X}, (trong khi|còn) {R} (giảm|đã
  giảm) {down} {W}.
(qua|sau) {k} (đợt|lần|vòng) {Y}, {S} (đã|kịp thời) (điều chỉnh|bổ sung|hoàn thiện) (cách|quy trình) {V} {O}
  (cho|với) {B}.
"""

# section key -> pattern groups; relative length of a section
GROUPS = {"ly_do": ("ly_do",), "muc_tieu": ("muc",), "pham_vi": ("muc",), "co_so_ly_luan": ("muc",),
          "thuc_trang": ("thuc_trang",), "noi_dung": ("noi_dung",), "tinh_moi": ("tinh_moi",),
          "kha_nang_ap_dung": ("kha_nang",), "loi_ich": ("loi_ich",), "ket_luan": ("ket_luan",),
          "danh_gia": ("tinh_moi", "kha_nang", "loi_ich")}
WEIGHT = {"noi_dung": 1.5, "thuc_trang": 1.1, "loi_ich": 1.2, "ket_luan": 0.7, "muc_tieu": 0.7,
          "pham_vi": 0.6}

# heading templates (numbering style, [(level, key, text, required)]); a section is a heading + its body
TEMPLATES = (
    ("arabic", ((1, "ly_do", "Lý do chọn sáng kiến", 1), (1, "muc_tieu", "Mục tiêu của sáng kiến", 0),
                (1, "thuc_trang", "Thực trạng trước khi áp dụng sáng kiến", 1),
                (1, "noi_dung", "Nội dung sáng kiến", 1), (2, "noi_dung", "Các bước thực hiện giải pháp", 0),
                (2, "noi_dung", "Điều kiện cần thiết để áp dụng", 0), (1, "tinh_moi", "Tính mới", 1),
                (1, "kha_nang_ap_dung", "Khả năng áp dụng", 1),
                (1, "loi_ich", "Hiệu quả, lợi ích thu được", 1),
                (1, "ket_luan", "Kết luận và kiến nghị", 1))),
    ("arabic", ((1, "ly_do", "Lý do chọn đề tài", 1), (1, "muc_tieu", "Mục đích nghiên cứu", 0),
                (1, "pham_vi", "Đối tượng và phạm vi nghiên cứu", 0),
                (1, "co_so_ly_luan", "Cơ sở lý luận", 0),
                (1, "thuc_trang", "Thực trạng vấn đề", 1), (1, "noi_dung", "Các biện pháp đã tiến hành", 1),
                (1, "loi_ich", "Hiệu quả của sáng kiến", 1), (1, "tinh_moi", "Tính mới, tính sáng tạo", 1),
                (1, "kha_nang_ap_dung", "Khả năng áp dụng, nhân rộng", 1),
                (1, "ket_luan", "Kết luận, kiến nghị", 1))),
    ("roman", ((1, "ly_do", "Lí do chọn sáng kiến", 1), (1, "muc_tieu", "Mục tiêu sáng kiến", 0),
               (1, "pham_vi", "Phạm vi sáng kiến", 0),
               (1, "co_so_ly_luan", "Cơ sở lý luận, cơ sở thực tiễn", 0),
               (1, "noi_dung", "Nội dung và những kết quả nghiên cứu của sáng kiến", 1),
               (1, "danh_gia", "Thảo luận, đánh giá kết quả thu được", 1),
               (2, "tinh_moi", "Tính mới, tính sáng tạo", 1), (2, "kha_nang_ap_dung", "Khả năng áp dụng", 1),
               (2, "loi_ich", "Lợi ích thiết thực", 1), (1, "ket_luan", "Kết luận", 1))),
    ("alpha", ((1, "ly_do", "Sự cần thiết của sáng kiến", 0),
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
REQUEST_TITLES = ("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "ĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN",
                  "ĐƠN ĐĂNG KÝ SÁNG KIẾN")
ADDRESSEES = ("Kính gửi: Hội đồng sáng kiến cấp cơ sở", "Kính gửi: Hội đồng xét công nhận sáng kiến cấp tỉnh",
              "Kính gửi: Hội đồng sáng kiến của đơn vị")
DESC_TITLES = ("BÁO CÁO MÔ TẢ SÁNG KIẾN", "BẢN MÔ TẢ SÁNG KIẾN", "THUYẾT MINH SÁNG KIẾN")
PLEDGE = ("Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực, đúng sự thật và hoàn "
          "toàn chịu trách nhiệm trước pháp luật.")

LAWS = (  # the first three are the long ones (>= 120 words); every dossier quotes at least one
    "Theo Điều 3 Điều lệ Sáng kiến ban hành kèm theo Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm "
    "2012 của Chính phủ, giải pháp kỹ thuật, giải pháp quản lý, giải pháp tác nghiệp hoặc giải pháp ứng "
    "dụng tiến bộ kỹ thuật được công nhận là sáng kiến nếu đáp ứng đủ các điều kiện sau đây: có tính mới "
    "trong phạm vi một cơ sở; đã được áp dụng hoặc áp dụng thử tại cơ sở đó và có khả năng mang lại lợi "
    "ích thiết thực; không thuộc các đối tượng bị loại trừ, gồm giải pháp mà việc công bố, áp dụng trái "
    "với trật tự công cộng hoặc đạo đức xã hội và giải pháp là đối tượng đang được bảo hộ quyền sở hữu "
    "trí tuệ theo quy định của pháp luật tại thời điểm xét công nhận sáng kiến. Giải pháp kỹ thuật là "
    "cách thức kỹ thuật, phương tiện kỹ thuật nhằm giải quyết một nhiệm vụ xác định, bao gồm sản phẩm "
    "dưới các dạng vật thể, chất, vật liệu sinh học hoặc quy trình; giải pháp quản lý là cách thức tổ "
    "chức, điều hành công việc trong bất kỳ lĩnh vực hoạt động nào.",
    "Điều 4 Điều lệ Sáng kiến quy định một giải pháp được coi là có tính mới trong phạm vi một cơ sở nếu "
    "tính đến trước ngày nộp đơn yêu cầu công nhận sáng kiến, hoặc ngày bắt đầu áp dụng thử hoặc áp dụng "
    "lần đầu, trong phạm vi cơ sở đó, giải pháp đáp ứng các điều kiện sau: không trùng với nội dung của "
    "giải pháp trong đơn đăng ký sáng kiến nộp trước; chưa bị bộc lộ công khai trong các văn bản, sách "
    "báo, tài liệu kỹ thuật đến mức căn cứ vào đó có thể thực hiện ngay được; không trùng với giải pháp "
    "của người khác đã được áp dụng hoặc áp dụng thử, hoặc đưa vào kế hoạch áp dụng, phổ biến hoặc chuẩn "
    "bị các điều kiện để áp dụng, phổ biến; chưa được quy định thành tiêu chuẩn, quy trình, quy phạm bắt "
    "buộc phải thực hiện. Trường hợp nhiều người cùng tạo ra một giải pháp một cách độc lập với nhau thì "
    "sáng kiến chỉ được công nhận cho người đầu tiên nộp đơn, hoặc người đầu tiên áp dụng thử hoặc áp "
    "dụng lần đầu giải pháp đó.",
    "Theo Quy chế xét công nhận sáng kiến ban hành kèm theo Quyết định số 15/2021/QĐ-UBND của Ủy ban nhân "
    "dân tỉnh, sáng kiến được đánh giá theo thang điểm 100 với ba nhóm tiêu chí: tính mới và tính sáng tạo "
    "của giải pháp tối đa 30 điểm; khả năng áp dụng, nhân rộng trong phạm vi cơ sở, ngành hoặc toàn tỉnh "
    "tối đa 30 điểm; hiệu quả kinh tế, xã hội mang lại tối đa 40 điểm. Sáng kiến đạt từ 50 điểm trở lên, "
    "trong đó không có tiêu chí nào bị chấm 0 điểm, thì được Hội đồng đề nghị công nhận. Sáng kiến có "
    "phạm vi ảnh hưởng cấp tỉnh phải được áp dụng có hiệu quả tại ít nhất hai đơn vị trên địa bàn tỉnh "
    "và có số tiền làm lợi hoặc lợi ích xã hội được cơ quan có thẩm quyền xác nhận. Hồ sơ đề nghị gồm "
    "đơn yêu cầu công nhận sáng kiến, báo cáo mô tả sáng kiến, giấy xác nhận hiệu quả áp dụng và biên bản "
    "họp xét của hội đồng sáng kiến cấp cơ sở.",
    "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;",
    "Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ Khoa học và Công nghệ hướng dẫn "
    "thi hành một số quy định của Điều lệ Sáng kiến;",
    "Căn cứ Luật Khoa học và Công nghệ số 29/2013/QH13 ngày 18 tháng 6 năm 2013;",
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 và Nghị định số "
    "98/2023/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ Quyết định số 15/2021/QĐ-UBND của Ủy ban nhân dân tỉnh ban hành Quy chế xét công nhận sáng "
    "kiến và đánh giá phạm vi ảnh hưởng, hiệu quả áp dụng của sáng kiến trên địa bàn tỉnh;",
    "Căn cứ Quyết định số 27/2019/QĐ-UBND của Ủy ban nhân dân tỉnh ban hành Quy định quản lý hoạt động "
    "sáng kiến, đề tài khoa học và công nghệ cấp cơ sở;",
    "Thực hiện Kế hoạch số 112/KH-UBND của Ủy ban nhân dân tỉnh về phát động phong trào thi đua lao động "
    "sáng tạo, đổi mới trong cán bộ, công chức, viên chức và người lao động;",
    "Thực hiện Chỉ thị số 05/CT-UBND của Chủ tịch Ủy ban nhân dân tỉnh về đẩy mạnh ứng dụng công nghệ "
    "thông tin và chuyển đổi số trong hoạt động của các cơ quan nhà nước;",
    "Căn cứ Hướng dẫn số 291/HD-SKHCN của Sở Khoa học và Công nghệ về trình tự, thủ tục và mẫu hồ sơ đề "
    "nghị công nhận sáng kiến;",
)

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
PLACES = tuple(f"{a} {b}" for a in "Tân Phú Hòa An Bình Thạnh Vĩnh Đông Tây Kim Ngọc Hưng Thuận Yên".split()
               for b in "Lâm Sơn Phong Thịnh Lộc Xuân Hà Thủy Trung Khê Điền Lợi Tiến Hải".split() if a != b)
_PLACE_SET = frozenset(PLACES)
COUNTS = tuple(str(i) for i in range(6, 420))
DIGITS = tuple(str(i) for i in range(1, 13))
_E3 = ("",) * 3
_MODS = (  # optional modifiers multiplied into slot fillers: (slot, prefixes, suffixes)
    ("V", _E3 + ("từng bước ", "chủ động ", "tiếp tục ", "thường xuyên ", "kịp thời ", "kiên trì ",
                 "đồng loạt "), ("",)),
    ("O", ("",), _E3 + (" theo kế hoạch", " ở từng khâu", " theo từng nhóm", " hiện có", " hằng tuần",
                        " theo hướng mới", " trong từng tháng")),
    ("S", ("",), _E3 + (" của đơn vị", " được phân công", " trực tiếp phụ trách", " có kinh nghiệm",
                        " cùng đồng nghiệp")),
    ("P", ("",), _E3 + (" ở một số nơi", " trong nhiều năm", " nhất là cuối năm", " ở nhiều khâu", " kéo dài",
                        " vào mùa cao điểm")),
    ("T", ("",), _E3 + (" sẵn có", " tự thiết kế", " đơn giản", " hiện đại", " dễ sử dụng", " mới trang bị")),
    ("G", ("",), _E3 + (" hiện nay", " ở cơ sở", " trong giai đoạn mới", " một cách bền vững",
                        " trong tình hình mới")),
    ("M", ("",), _E3 + (" chung", " trên địa bàn", " bình quân", " toàn đơn vị", " thực tế")),
    ("R", ("",), _E3 + (" chung", " trên địa bàn", " bình quân", " thực tế", " hằng năm")),
    ("X", _E3 + ("dần ", "từng bước ", "ngày càng ", "bước đầu ", "thực sự ", "phần nào "), ("",)),
    ("Z", ("",), _E3 + (" hằng tháng", " từng quý", " năm trước", " mới nhất", " cuối kỳ")),
)

# word-level edits: interchangeable words and syllable pairs (never a syllable that also sits inside
# another word of the vocabulary); deletable words; words inserted before the first syllable of a verb
SYN_RAW = """nâng cao|cải thiện|tăng cường;thực hiện|triển khai|tiến hành;áp dụng|vận dụng;hướng dẫn|chỉ dẫn
theo dõi|giám sát;xây dựng|thiết lập;khó khăn|vướng mắc;nhanh chóng|kịp thời;thường xuyên|định kỳ|liên tục
rõ rệt|đáng kể;chủ động|tự giác;phối hợp|kết hợp;đánh giá|nhận xét;khảo sát|điều tra|thống kê
công việc|nhiệm vụ;giải pháp|biện pháp|cách làm|phương án;phương pháp|cách thức;đơn vị|cơ quan
đạt|đạt được;các|những;rất|hết sức;mỗi|từng;cần|phải;cho thấy|chứng tỏ;bảo đảm|đảm bảo
trước đây|trước kia;người dân|bà con;mục tiêu|mục đích;người bệnh|bệnh nhân
phù hợp|thích hợp;đầy đủ|hoàn chỉnh;tăng|tăng lên;giảm|giảm bớt;nhiều|không ít;quy trình|trình tự
tình trạng|hiện tượng;tham gia|cùng tham gia;lợi ích|ích lợi;nhân rộng|phổ biến rộng rãi"""
DELETABLE = frozenset("các những đã rất cũng đều luôn thêm sẽ".split())
_NO_INSERT = frozenset("nhằm để việc sẽ cần phải cũng đều không chưa được mà".split())
_BEFORE_NUMBER = frozenset("cho đạt với gồm có tới mất tốn".split())
INSERTS = {  # word or syllable pair -> words that may be inserted before it
    "đã": ("cũng", "đều"), "sẽ": ("cũng", "chắc chắn"), "cần": ("cũng", "rất"), "giúp": ("cũng", "đã"),
    "góp phần": ("đã", "cũng"), "nâng cao": ("từng bước", "góp phần"), "cải thiện": ("từng bước", "dần"),
    "tăng cường": ("từng bước", "tiếp tục"), "rõ rệt": ("khá", "rất"), "đáng kể": ("khá", "rất"),
    "ổn định": ("khá", "tương đối"), "thực hiện": ("chủ động", "tiếp tục"),
    "triển khai": ("đồng loạt", "kịp thời"),
}


def _blocks(raw: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """'@name' blocks of 'K: a|b' lists (no '@': one block named ''); lines are joined."""
    text = raw.strip() if raw.strip().startswith("@") else "@\n" + raw.strip()
    out = {}
    for block in re.split(r"^@", text, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        parts = re.split(r"(?:^|\s)([A-Z]+|ord):\s", " ".join(body.split()))
        out[head.strip()] = {k: tuple(x.strip() for x in v.split("|"))
                             for k, v in zip(parts[1::2], parts[2::2])}
    return out


def _pct(x: float) -> str:
    return f"{x:.1f}".replace(".", ",") + "%"


def _numbers() -> dict[str, tuple[str, ...]]:
    r = random.Random(7)  # fixed tables; which entry is used follows the Generator's seed
    up, down, money, cut = [], [], [], []
    for _ in range(3000):
        a, b = r.uniform(12, 72), r.uniform(8, 45)
        up.append(f"từ {_pct(a)} lên {_pct(min(99.5, a + r.uniform(6, 35)))}")
        down.append(f"từ {_pct(b)} xuống còn {_pct(b * r.uniform(0.1, 0.7))}")
        money.append(r.choice(("", "hơn ", "gần ", "trên ")) + r.choice((
            f"{r.randint(3, 480)},{r.randint(1, 9)} triệu đồng", f"{r.randint(3, 480)} triệu",
            f"{r.randint(2, 90)}.{r.randint(1, 9)}00.000 đồng")))
    for unit in ("ngày", "giờ", "phút", "tuần"):
        cut += [f"từ {a} {unit} xuống còn {b} {unit}" for a in range(3, 31) for b in range(1, a * 2 // 3 + 1)]
    return {"pct": tuple(_pct(x / 10) for x in range(50, 990)), "up": tuple(up), "down": tuple(down),
            "money": tuple(money), "cut": tuple(cut), "n": tuple(str(i) for i in range(6, 420)),
            "k": tuple(str(i) for i in range(2, 7)),
            "gap": tuple(f"{x / 10:.1f}".replace(".", ",") + " điểm phần trăm" for x in range(20, 350))}


def _times(edu: bool, year: int) -> tuple[str, ...]:
    """Time phrases of the 6 years up to a dossier's year."""
    out = [f"sau {k} tháng {w}" for k in range(2, 13) for w in ("triển khai", "áp dụng", "thực hiện")]
    for y in range(year - 6, year + 1):
        out += [f"trong năm {y}", f"năm {y}", f"trong quý {ROMAN[y % 4]}/{y}", f"từ năm {y} đến nay",
                f"trong 6 tháng đầu năm {y}", f"cuối năm {y}"] + [f"giai đoạn {y - 2}-{y}"] * 2
        out += [f"{p} tháng {m}/{y}" for m in range(1, 13) for p in ("từ", "trong", "đến")]
        if edu:
            out += [f"{p} năm học {y - 1}-{y}" for p in ("trong", "từ", "cuối", "đầu", "suốt")] * 4
            out += [f"{p} học kỳ {s} năm học {y - 1}-{y}" for p in ("trong", "hết", "")
                    for s in ("I", "II")] * 2
    return tuple(w.strip() for w in out)


YEARS = range(2015, 2026)


def _syn() -> dict[str, tuple[str, ...]]:
    syn: dict[str, set[str]] = {}
    for grp in SYN_RAW.replace("\n", ";").split(";"):
        words = grp.split("|")
        for w in words:
            syn.setdefault(w, set()).update(x for x in words if x != w)
    return {w: tuple(sorted(a)) for w, a in syn.items()}


SYN = _syn()
_SYN_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, SYN), key=len, reverse=True)) + r")(?!\w)")


def _variants(phrase: str, n: int = 0) -> tuple[str, ...]:
    """The phrase with its SYN words varied (every combination); n > 0: exactly n of them, cycling."""
    outs = [""]
    for j, piece in enumerate(_SYN_RE.split(phrase)):
        outs = [o + c for o in outs for c in ((piece,) + SYN[piece] if j % 2 else (piece,))]
    return tuple(outs[i % len(outs)] for i in range(n)) if n else tuple(outs)


def _parts(text: str, v: dict[str, tuple[str, ...]], syn: bool = True) -> tuple:
    """'lit {K} lit (a|b) lit' -> (lit, options, lit, options, ..., lit): slots resolved to their fillers,
    and every SYN word of a literal or variant made a choice of its synonyms too."""
    bits = re.split(r"\{(\w+)\}|\(([^()]*\|[^()]*)\)", text)
    out: list = [""]
    for i in range(0, len(bits), 3):
        for j, piece in enumerate(_SYN_RE.split(bits[i]) if syn else [bits[i]]):
            if j % 2:
                out += [(piece,) + SYN[piece], ""]
            else:
                out[-1] += piece
        if i + 1 < len(bits):
            if bits[i + 1]:
                out += [v[bits[i + 1]], ""]
            else:
                out += [tuple(x for o in bits[i + 2].split("|") for x in _variants(o)), ""]
    return tuple(out)


@dataclass(frozen=True)
class _Topic:
    id: str
    sector: str
    field: str
    v: dict[str, tuple[str, ...]]  # slot -> fillers
    pats: dict[str, tuple[tuple[tuple, bool], ...]]  # group -> ((parts, takes a connective), ...)
    titles: tuple[tuple, ...]
    when: dict[int, tuple[str, ...]]  # year -> time phrases; patterns hold v["W"], replaced by the year's


def _compile() -> tuple[dict[str, _Topic], list[int]]:
    shared = {k: fs if k == "C" else tuple(x for f in fs for x in _variants(f, 4))
              for k, fs in _blocks(SHARED_RAW)[""].items()}
    shared |= _numbers()
    sectors = _blocks(SECTORS_RAW)
    raw_pats: dict[str, list[str]] = {}
    group = ""
    for line in PATTERNS_RAW.strip().splitlines():
        if line.startswith("["):
            group = line.strip("[]")
        elif line.startswith(" "):
            raw_pats[group][-1] += " " + line.strip()
        else:
            raw_pats.setdefault(group, []).append(line)
    topics = {}
    for head, own in _blocks(TOPICS_RAW).items():
        if not head:
            continue
        tid, sector = head.split()
        own = {k: own[k] if k in "FU" else tuple(x for f in own[k] for x in _variants(f, 4)) for k in own}
        when = {y: _times(sector == "edu", y) for y in YEARS}
        v = shared | sectors[sector] | own | {"W": when[YEARS[-1]]}
        v |= {k: own.get(k, ()) + shared[k] for k in "SPMRTVGQ"} | {"Q": sectors[sector]["Q"] + shared["Q"]}
        v["Q"] += tuple("lãnh đạo " + q for q in v["Q"] if q[0].isupper() and not q.startswith("Hội"))
        v["B"] = own["B"] + tuple(re.sub("^(các|những) ", "~ ", b) if b.startswith(("các ", "những "))
                                  else "~ " + b for b in own["B"]) * 2  # "~": a count
        for key, pre, post in _MODS:
            v[key] = tuple(a + x + b for x in v[key] for a in pre for b in post)
        pats = {g: tuple((_parts(p.lstrip("!"), v), not p.startswith("!")) for p in ps)
                for g, ps in raw_pats.items()}
        titles = tuple(_parts(t, own, syn=False) for t in TITLE_FORMS)
        topics[tid] = _Topic(tid, sector, own["F"][0], v, pats, titles, when)
    return topics, [len(re.findall(r"\{\w+\}", p)) for ps in raw_pats.values() for p in ps]


TOPICS, SLOTS = _compile()  # SLOTS: named slots per sentence pattern
_DROPPABLE = frozenset({(w,) for w in DELETABLE} | {tuple(m.split()) for _, pre, post in _MODS
                                                    for m in pre + post if m.strip()})
TOPIC_IDS = tuple(TOPICS)
_PUNCT = ",.;:"


def _swap_digit(token: str, rng: random.Random) -> str:
    """Another number in place of the first one (a month stays 1-12)."""
    m = re.search(r"\d+", token)
    if not m:
        return token
    n = max(1, int(m.group()) + rng.choice((-2, -1, 1, 2, 3)))
    if token[m.end():m.end() + 1] == "/":
        n = (n - 1) % 12 + 1
    return token[:m.start()] + str(n) + token[m.end():]


def _cap(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word


def _sections(d: GenDossier) -> list[tuple[int, Para, list[tuple[int, Para]]]]:
    """(heading index, heading, [(index, body para)]) in reading order."""
    out: list[tuple[int, Para, list[tuple[int, Para]]]] = []
    for i, p in enumerate(d.paras):
        if p.kind == "heading":
            out.append((i, p, []))
        elif p.kind == "body" and out:
            out[-1][2].append((i, p))
    return out


def _head_key(heading: str) -> str:
    return HEAD_KEY[heading.split(" ", 1)[1]]


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self._w: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # (topic's v["W"], the dossier year's)

    # ------------------------------------------------------------ pieces
    def _fill(self, parts: tuple) -> str:
        ch = self.rng.choice
        out = list(parts)
        w_any, w_year = self._w
        for i in range(1, len(parts), 2):
            s = ch(w_year if parts[i] is w_any else parts[i])
            if "#" in s or "&" in s or "~" in s:
                s = s.replace("#", ch(DIGITS)).replace("&", ch(PLACES)).replace("~", ch(COUNTS))
            out[i] = s
        return "".join(out)

    def _para(self, tp: _Topic, groups: tuple[str, ...], target: float) -> str:
        rnd, ch = self.rng.random, self.rng.choice
        general, conns = tp.pats["general"], tp.v["C"]
        sents: list[str] = []
        n = 0
        while True:
            parts, conn = ch(tp.pats[ch(groups)] if rnd() < 0.75 else general)
            s = self._fill(parts)
            if conn and rnd() < 0.22:
                s = ch(conns) + ", " + s
            w = s.count(" ") + 1
            if n >= 40 and (n + w > 160 or n + w - target > target - n):
                break
            sents.append(s[0].upper() + s[1:])
            n += w
            if n >= target:
                break
        return " ".join(sents)

    def _headings(self, words: int) -> list[tuple[str, str]]:
        """A template's headings, numbered: its required sections and some optional ones, 6-9 in all
        (the fewest below 1200 body words, the most from 4500)."""
        rng = self.rng
        style, heads = rng.choice(TEMPLATES)
        req = [h for h in heads if h[3]]
        opt = [h for h in heads if not h[3]]
        lo, hi = max(6, len(req)), min(9, len(heads))
        n = lo if words < 1200 else hi if words >= 4500 else rng.randint(lo, hi)
        keep = set(req) | set(rng.sample(opt, n - len(req)))
        out, top, sub = [], 0, 0
        for h in heads:
            if h not in keep:
                continue
            if h[0] == 1:
                top, sub = top + 1, 0
                num = {"arabic": f"{top}.", "roman": f"{ROMAN[top - 1]}.", "alpha": f"{ALPHA[top - 1]})"}
            else:
                sub += 1
                num = {"arabic": f"{top}.{sub}.", "roman": f"{sub}.", "alpha": f"{ALPHA[top - 1]}{sub})"}
            out.append((f"{num[style]} {h[2]}", h[1]))
        return out

    def _body(self, tp: _Topic, heads: list[tuple[str, str]], words: int) -> list[tuple[str, list[Para]]]:
        rnd = self.rng.random
        weights = [WEIGHT.get(k, 1.0) for _, k in heads]
        total = sum(weights)
        out = []
        for (head, key), wt in zip(heads, weights):
            tw = words * wt / total
            npar = max(1, min(6, round(tw / (75 + 45 * rnd()))))
            targets = [max(45.0, min(150.0, tw / npar * (0.8 + 0.4 * rnd()))) for _ in range(npar)]
            out.append((head, [Para(self._para(tp, GROUPS[key], x)) for x in targets]))
        return out

    def _title(self, tp: _Topic, avoid: str = "") -> str:
        prefix = " ".join(avoid.split()[:2])
        for _ in range(50):
            t = self._fill(self.rng.choice(tp.titles))
            if not avoid or (t != avoid and not t.startswith(prefix)):
                break
        return t

    def _near_title(self, title: str) -> str:
        """Same formula and fillers, one formula word swapped, sometimes a number too: <= 2 words differ."""
        for old, new in TITLE_SWAPS:
            if title.startswith(old):
                title = new + title[len(old):]
                break
        toks = title.split()
        digits = [i for i, t in enumerate(toks) if any(c.isdigit() for c in t)]
        if digits and self.rng.random() < 0.5:
            i = self.rng.choice(digits)
            toks[i] = _swap_digit(toks[i], self.rng)
        return " ".join(toks)

    def _front(self, tp: _Topic, title: str, style: tuple[str, str, str] | None = None,
               laws: list[str] | None = None) -> tuple[int, str, tuple[str, ...], list[Para]]:
        """Header, request form, description title, title and quoted laws."""
        rng = self.rng
        ch = rng.choice
        year = rng.choice(YEARS)
        self._w = (tp.v["W"], tp.when[year])
        unit = self._fill(("", tp.v["U"], ""))
        names: list[str] = []
        na = ch((1, 1, 2, 2, 3))
        while len(names) < na:
            g = rng.random() < 0.5
            name = f"{ch(FAMILY)} {ch(MIDDLE[g])} {ch(GIVEN[g])}"
            if name not in names:
                names.append(name)
        shares = ch({1: ((100,),), 2: ((60, 40), (50, 50), (70, 30)), 3: ((40, 30, 30), (34, 33, 33))}[na])
        if style is None:
            desc = DESC_TITLES + ("SÁNG KIẾN KINH NGHIỆM",) * (tp.sector == "edu")
            style = (ch(REQUEST_TITLES), ch(ADDRESSEES), ch(desc))
        if laws is None:
            picks = [rng.randrange(3)] + rng.sample(range(3, len(LAWS)), rng.randint(1, 3))
            laws = [LAWS[i] for i in sorted(picks)]
        paras = [Para(h, "header") for h in HEADER] + [Para(style[0], "form"), Para(style[1], "form")]
        for name, share in zip(names, shares):
            paras.append(Para(f"Họ và tên tác giả: {name}; ngày sinh: {rng.randint(1, 28):02d}/"
                              f"{rng.randint(1, 12):02d}/{year - rng.randint(24, 55)}; nơi công tác: {unit}; "
                              f"chức danh: {ch(tp.v['POS'])}; trình độ chuyên môn: {ch(tp.v['QUAL'])}; "
                              f"tỷ lệ đóng góp: {share}%", "form"))
        first = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year - 1}"
        paras += [Para(f"Tên sáng kiến: {title}", "form"), Para(f"Lĩnh vực áp dụng: {tp.field}", "form"),
                  Para(f"Ngày sáng kiến được áp dụng lần đầu: {first}", "form"), Para(PLEDGE, "form"),
                  Para(style[2], "form"), Para(title, "title")] + [Para(t, "law") for t in laws]
        return year, unit, tuple(names), paras

    @staticmethod
    def _make(key: str, tp: _Topic, title: str, sections: list[tuple[str, list[Para]]],
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
        tp = TOPICS[topic or self.rng.choice(TOPIC_IDS)]
        title = self._title(tp)
        front = self._front(tp, title)
        return self._make(key, tp, title, self._body(tp, self._headings(words), words), front)

    # ------------------------------------------------------------ positive cases
    def exact(self, src: GenDossier, key: str) -> GenDossier:
        """The same paragraphs; body paragraphs get their origin."""
        return replace(src, key=key, paras=tuple(Para(p.text, p.kind, (src.key, i)) if p.kind == "body" else p
                                                 for i, p in enumerate(src.paras)))

    def renamed(self, src: GenDossier, key: str) -> GenDossier:
        """The same body under a new title of the same topic, new authors, unit, year, form and laws."""
        tp = TOPICS[src.topic]
        title = self._title(tp, avoid=src.title)
        front = self._front(tp, title)
        while front[0] == src.year or front[1] == src.unit:
            front = self._front(tp, title)
        secs = [(h.text, [Para(p.text, "body", (src.key, i)) for i, p in b]) for _, h, b in _sections(src)]
        return self._make(key, tp, title, secs, front)

    def edited(self, src: GenDossier, key: str, rate: float) -> GenDossier:
        """Word-level edits at positions drawn uniformly over the body until the edited words reach
        rate * body words: about half substitutions (a synonym word or syllable pair, another number),
        a quarter insertions (an adverb before a verb or adjective), a quarter deletions (a function word)."""
        rng = self.rng
        body = [(i, p) for i, p in enumerate(src.paras) if p.kind == "body"]
        toks = [p.text.split() for _, p in body]
        flat = [(a, j) for a, t in enumerate(toks) for j in range(len(t))]
        target = round(rate * len(flat))
        touched: set[tuple[int, int]] = set()
        done = tries = 0
        while done < target and tries < 100 * target + 100:
            tries += 1
            a, j = flat[int(rng.random() * len(flat))]
            op = rng.random()
            t = toks[a]
            for jj in range(j, min(j + (6 if op < 0.45 else 30), len(t))):
                if (a, jj) in touched or (jj + 1 < len(t) and (a, jj + 1) in touched):
                    continue
                n = (self._substitute if op < 0.45 else self._insert if op < 0.8 else self._delete)(t, jj)
                if n:
                    touched.update(((a, jj), (a, jj + 1)))
                    done += n
                    break
        new = {i: Para(" ".join(w for w in toks[a] if w), "body", (src.key, i))
               for a, (i, _) in enumerate(body)}
        return replace(src, key=key, paras=tuple(new.get(i, p) for i, p in enumerate(src.paras)))

    def _substitute(self, t: list[str], j: int) -> int:
        core = t[j].rstrip(_PUNCT)
        nxt = t[j + 1].rstrip(_PUNCT) if j + 1 < len(t) and core == t[j] else ""
        if nxt and ((core + " " + nxt).lower() in SYN or core + " " + nxt in _PLACE_SET):
            old, tail, t[j + 1] = [core, nxt], t[j + 1][len(nxt):], ""
        else:
            old, tail = [core], t[j][len(core):]
        alts = SYN.get(" ".join(old).lower()) or (PLACES if " ".join(old) in _PLACE_SET else None)
        if core == "tại":
            new = ["ở"]
        elif alts:
            new = _cap(self.rng.choice(alts), core).split()
        elif (len(old) == 1 and any(c.isdigit() for c in core) and not re.search(r"-|\d{4}$", core)
              and "–" not in t[max(0, j - 1):j + 2]):  # not inside a range "5 – 6 tuổi"
            new = [_swap_digit(core, self.rng)]
        else:
            return 0
        t[j] = " ".join(new) + tail
        p = s = 0
        while p < min(len(new), len(old)) and new[p].lower() == old[p].lower():
            p += 1
        while s < min(len(new), len(old)) - p and new[-1 - s].lower() == old[-1 - s].lower():
            s += 1
        return max(1, max(len(new), len(old)) - p - s)  # words that differ: "đạt" -> "đạt được" is one

    def _insert(self, t: list[str], j: int) -> int:
        pair = t[j] + " " + t[j + 1].rstrip(_PUNCT) if j + 1 < len(t) else ""
        prev = t[j - 1] if j else ""
        if t[j][:1].isdigit() and prev in _BEFORE_NUMBER and not re.search(r"[-/]", t[j]):
            ins = ("khoảng", "gần", "hơn", "trên")
        else:
            ins = INSERTS.get(t[j]) or INSERTS.get(pair)
        if not ins or not prev or prev[-1] in ".:," or prev in ins or prev in INSERTS or prev in _NO_INSERT:
            return 0
        w = self.rng.choice(ins)
        t[j] = w + " " + t[j]
        return w.count(" ") + 1

    @staticmethod
    def _delete(t: list[str], j: int) -> int:
        """Delete a function word or an optional modifier ("theo kế hoạch", "từng bước")."""
        if not j or t[j - 1] == "không" or t[j - 1][-1:] in ".:":
            return 0
        for k in (4, 3, 2, 1):
            words = t[j:j + k]
            if len(words) == k and tuple(w.rstrip(_PUNCT) for w in words) in _DROPPABLE:
                t[j - 1] += words[-1][len(words[-1].rstrip(_PUNCT)):]
                t[j:j + k] = [""] * k
                return k
        return 0

    def reordered(self, src: GenDossier, key: str) -> GenDossier:
        """Body paragraphs shuffled across sections; headings and everything else stay."""
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
        """A new dossier on another topic; the bodies of `sections` sections of src replace the bodies of
        as many of its sections (one with the same key when there is one)."""
        rng = self.rng
        tp = self._other_topic(src.topic)
        title = self._title(tp)
        front = self._front(tp, title)
        secs = self._body(tp, self._headings(2500), 2500)
        ssecs = _sections(src)
        cands = [s for s in ssecs if sum(len(p.text.split()) for _, p in s[2]) >= 100] or ssecs
        taken: set[int] = set()
        for _, h, body in sorted(rng.sample(cands, min(sections, len(cands))), key=lambda s: s[0]):
            free = [k for k in range(len(secs)) if k not in taken]
            same = [k for k in free if _head_key(secs[k][0]) == _head_key(h.text)]
            k = rng.choice(same or free)
            taken.add(k)
            secs[k] = (secs[k][0], [Para(p.text, "body", (src.key, i)) for i, p in body])
        return self._make(key, tp, title, secs, front)

    # ------------------------------------------------------------ negative cases
    def same_topic(self, src: GenDossier, key: str) -> GenDossier:
        """Negative: an independent body on src's topic under a near-identical title."""
        tp = TOPICS[src.topic]
        title = self._near_title(src.title)
        front = self._front(tp, title)
        words = src.body_words()
        return self._make(key, tp, title, self._body(tp, self._headings(words), words), front)

    def template_only(self, src: GenDossier, key: str) -> GenDossier:
        """Negative: another topic's body with src's header, form labels, headings and quoted laws."""
        tp = self._other_topic(src.topic)
        title = self._title(tp)
        ti = next(i for i, p in enumerate(src.paras) if p.kind == "title")
        style = (src.paras[2].text, src.paras[3].text, src.paras[ti - 1].text)
        front = self._front(tp, title, style, [p.text for p in src.paras if p.kind == "law"])
        heads = [(h.text, _head_key(h.text)) for _, h, _ in _sections(src)]
        return self._make(key, tp, title, self._body(tp, heads, src.body_words()), front)


# ---------------------------------------------------------------- self-check
def _words(d: GenDossier) -> list[str]:
    return [w.strip(_PUNCT).lower() for p in d.paras if p.kind == "body" for w in p.text.split()]


def longest_common_run(a: list[str], b: list[str]) -> int:
    """Length of the longest run of words found in both lists (binary search over n-gram sets)."""
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
    import difflib
    import statistics
    import time

    gen = Generator(1)
    t0 = time.perf_counter()
    docs = [gen.dossier(f"a{i}", words=2500) for i in range(500)]
    ms = (time.perf_counter() - t0) * 1000 / 500
    bw = [d.body_words() for d in docs]
    print(f"dossier(words=2500): {ms:.2f} ms mean over 500; body words {min(bw)}-{max(bw)} "
          f"(mean {statistics.mean(bw):.0f}); {len(TOPICS)} topics, {len(SLOTS)} sentence patterns with "
          f"{min(SLOTS)}-{max(SLOTS)} vocabulary slots each")
    bad = sum(not 40 <= len(p.text.split()) <= 160 for d in docs for p in d.paras if p.kind == "body")
    nsec = [len(_sections(d)) for d in docs]
    nfc = all(unicodedata.is_normalized("NFC", p.text) for d in docs[:100] for p in d.paras)
    print(f"body paragraphs outside 40-160 words: {bad}; sections per dossier {min(nsec)}-{max(nsec)}; "
          f"all NFC: {nfc}")
    runs = []
    for i in range(50):
        topic = TOPIC_IDS[i % len(TOPIC_IDS)]
        runs.append(longest_common_run(_words(gen.dossier(f"p{i}", topic=topic)),
                                       _words(gen.dossier(f"q{i}", topic=topic))))
    print(f"longest common run of words (lower-cased, punctuation stripped) between the bodies of 50 "
          f"same-topic independent pairs: max {max(runs)}, median {statistics.median(runs)}, "
          f">= 12 in {sum(r >= 12 for r in runs)}/50: {sorted(runs)}")

    src = docs[0]
    sw = _words(src)
    cases = {"exact": gen.exact(src, "c1"), "renamed": gen.renamed(src, "c2"),
             "edited 0.05": gen.edited(src, "c3", 0.05), "edited 0.10": gen.edited(src, "c4", 0.10),
             "edited 0.20": gen.edited(src, "c5", 0.20), "reordered": gen.reordered(src, "c6"),
             "lifted 1": gen.lifted(src, "c7", 1), "lifted 2": gen.lifted(src, "c8", 2),
             "same_topic": gen.same_topic(src, "c9"), "template_only": gen.template_only(src, "c10")}
    print(f"\nsource {src.key}: {src.title!r} ({src.topic}, {src.year}, {src.unit}; "
          f"{src.body_words()} words)")
    for name, d in cases.items():
        info = f"{sum(p.origin is not None for p in d.paras)} paras with origin"
        if name.startswith("edited"):
            ops = difflib.SequenceMatcher(None, sw, _words(d), autojunk=False).get_opcodes()
            changed = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")
            info += f"; diff-measured edited words {changed / len(sw):.3f} of body"
        if name in ("same_topic", "template_only"):
            info += f"; longest run with src body {longest_common_run(sw, _words(d))}"
        if name == "same_topic":
            diff = sum(x != y for x, y in zip(src.title.split(), d.title.split()))
            info += f"; title words differing {diff}"
        if name == "template_only":
            laws = [p for p in d.paras if p.kind == "law" and p in src.paras]
            same = [h.text for _, h, _ in _sections(d)] == [h.text for _, h, _ in _sections(src)]
            info += (f"; laws shared {len(laws)} (longest {max(len(p.text.split()) for p in laws)} words); "
                     f"headings identical {same}")
        print(f"\n== {name}: {d.title!r} ({d.topic}, {d.year}, {d.unit}); {d.body_words()} words; {info}")
        for p in [p for p in d.paras if p.kind == "body"][:3]:
            print(f"  {p.origin} {p.text}")


if __name__ == "__main__":
    _main()
