"""Known text for the near-duplicate tests: dossiers built from hand-written paragraphs, so
every test knows which passage came from where. (The benchmark generates its own, larger
corpus: ``bench/dupcorpus.py``.)"""

from __future__ import annotations

import random

from checks.boilerplate import Boilerplate
from checks.dup_text import Body, body_of
from models.domain import Page, PageMethod
from models.understanding import DocView, Section

HEADER = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "BÁO CÁO MÔ TẢ SÁNG KIẾN"]
LAW = ("Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ "
       "Sáng kiến; Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ Khoa học và "
       "Công nghệ hướng dẫn thi hành một số quy định của Điều lệ Sáng kiến;")
# a provincial rule every unit of one province quotes: not in the built-in list
PROVINCE_RULE = (
    "Thực hiện Quy chế xét công nhận sáng kiến ban hành kèm theo Quyết định số 27/2024/QĐ-UBND "
    "ngày 14 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh, theo đó mỗi sáng kiến phải được hội đồng "
    "cấp cơ sở đánh giá về tính mới, khả năng áp dụng và hiệu quả mang lại trước khi đề nghị "
    "công nhận, hồ sơ gửi về Sở Khoa học và Công nghệ trước ngày 30 tháng 10 hằng năm. Hội đồng "
    "sáng kiến cấp tỉnh chỉ xem xét các sáng kiến có phạm vi ảnh hưởng từ cấp huyện trở lên, đã "
    "được áp dụng ít nhất sáu tháng và có xác nhận hiệu quả của cơ quan, đơn vị áp dụng; sáng kiến "
    "trùng với giải pháp đã được công nhận trước đó sẽ không được xét.")

SCHOOL = [
    "Trong những năm gần đây, kết quả học môn Toán của học sinh lớp 4 tại trường còn thấp, nhiều "
    "em ngại giải bài toán có lời văn, chưa biết tóm tắt đề bài và thường nhầm lẫn giữa các "
    "dạng toán về tỉ số, trung bình cộng và chuyển động đều.",
    "Giáo viên chủ yếu giảng giải trên bảng, học sinh làm bài theo mẫu nên khi gặp đề bài thay "
    "đổi cách hỏi thì lúng túng; phụ huynh ở các thôn xa ít có điều kiện kèm cặp con học ở nhà.",
    "Tôi xây dựng bộ thẻ sơ đồ đoạn thẳng cho từng dạng toán, mỗi thẻ có một ví dụ gần gũi với "
    "đời sống của học sinh vùng cao như đếm số bao ngô, chia số cây giống cho các hộ gia đình.",
    "Mỗi tiết học được chia thành ba bước: học sinh đọc đề và gạch chân dữ kiện, thảo luận nhóm "
    "đôi để chọn thẻ sơ đồ phù hợp, sau đó tự trình bày lời giải và đổi vở kiểm tra chéo cho nhau.",
    "Cuối mỗi tuần, lớp tổ chức trò chơi Rung chuông vàng với các bài toán do chính học sinh đặt "
    "ra từ tình huống ở gia đình, em nào đặt được đề hay được cộng điểm thi đua cho tổ của mình.",
    "Sau một năm học áp dụng, tỉ lệ học sinh giải đúng bài toán có lời văn tăng từ 46% lên 81%, "
    "số học sinh chưa hoàn thành môn Toán giảm từ 9 em xuống còn 2 em, các em tự tin phát biểu hơn.",
    "Giải pháp không tốn kinh phí, giáo viên các khối lớp khác có thể tự làm thẻ sơ đồ bằng bìa "
    "cứng trong một buổi sinh hoạt chuyên môn và điều chỉnh ví dụ cho phù hợp với địa phương.",
]
FARM = [
    "Trước đây bà con trong xã trồng cà chua theo kinh nghiệm, tưới nước bằng tay vào buổi chiều, "
    "bón phân đạm quá nhiều nên cây bị sâu bệnh, quả nứt và năng suất chỉ đạt khoảng 28 tấn mỗi héc ta.",
    "Trạm khuyến nông đã hướng dẫn các hộ lắp hệ thống tưới nhỏ giọt dùng ống nhựa mềm, mỗi gốc "
    "cà chua có một đầu nhỏ giọt, nước được dẫn từ bể chứa đặt trên cao nên không cần máy bơm điện.",
    "Phân bón được hòa vào nước tưới theo lịch từng giai đoạn sinh trưởng, giảm một phần ba lượng "
    "phân đạm so với trước và tăng phân kali trong thời kỳ cây ra hoa và nuôi quả.",
    "Mô hình được áp dụng thử trên diện tích 2 héc ta của 15 hộ tại thôn Bản Chang từ tháng 9 năm "
    "2023, các hộ được tập huấn hai buổi về cách vệ sinh đầu nhỏ giọt và ghi sổ nhật ký đồng ruộng.",
    "Kết quả năng suất bình quân đạt 41 tấn mỗi héc ta, tỉ lệ quả nứt giảm còn dưới 5%, công tưới "
    "giảm 70% và mỗi héc ta lãi thêm khoảng 62 triệu đồng so với cách làm cũ của bà con.",
    "Chi phí lắp đặt khoảng 18 triệu đồng mỗi héc ta, vật tư có sẵn ở các cửa hàng trong huyện, "
    "nên mô hình có thể nhân rộng cho các xã trồng rau màu có nguồn nước tự chảy.",
]
# written independently on the same topic as SCHOOL, under a near-identical title
SCHOOL_AGAIN = [
    "Học sinh lớp 4 ở trường tôi thường gặp khó khăn với bài toán có lời văn vì vốn tiếng Việt còn "
    "hạn chế, các em đọc đề chậm và hay bỏ sót điều kiện của bài.",
    "Tôi hướng dẫn học sinh đọc đề nhiều lần, dùng bút màu đánh dấu số liệu, rồi cùng cả lớp vẽ "
    "hình minh họa trên bảng con trước khi viết phép tính.",
    "Hằng tháng tôi phối hợp với phụ huynh qua nhóm Zalo của lớp, gửi các bài tập ngắn để gia đình "
    "cùng con luyện tập vào cuối tuần và nhắc nhở các em đọc kỹ đề bài.",
    "Sau học kỳ I, số học sinh giải được bài toán có lời văn tăng rõ rệt, giờ học sôi nổi hơn và "
    "các em mạnh dạn nêu cách giải của mình trước lớp.",
]
TITLE = "Một số biện pháp giúp học sinh lớp 4 giải toán có lời văn"
HEADINGS = ["1. Lý do chọn sáng kiến", "2. Nội dung sáng kiến", "3. Hiệu quả của sáng kiến"]


def description(title: str, paras: list[str], *, law: bool = True, rule: bool = False,
                name: str = "mo-ta.docx", ocr: bool = False) -> DocView:
    """A one-page-per-section description: header, title, quoted law, then sections."""
    pages = []
    first = [*HEADER, title]
    if law:
        first.append(LAW)
    if rule:
        first.append(PROVINCE_RULE)
    thirds = [paras[: len(paras) // 3], paras[len(paras) // 3: 2 * len(paras) // 3],
              paras[2 * len(paras) // 3:]]
    for n, (heading, part) in enumerate(zip(HEADINGS, thirds), 1):
        lines = (first if n == 1 else []) + [heading, *part]
        pages.append(Page(n, "\n".join(lines), PageMethod.OCR if ocr else PageMethod.WORD,
                          90.0 if ocr else None))
    return DocView(name, "mo_ta", tuple(pages))


def sections_of(doc: DocView) -> list[Section]:
    keys = ["ly_do", "noi_dung", "ket_qua"]
    return [Section(k, h, doc.file, n, 100, "mo_ta") for n, (k, h) in enumerate(zip(keys, HEADINGS), 1)]


def body(doc: DocView, *, title: str | None = None, confidential: str | None = None,
         boilerplate: Boilerplate | None = None, sections: list[Section] | None = None) -> Body:
    return body_of([doc], sections_of(doc) if sections is None else sections,
                   boilerplate or Boilerplate.standard(), title=title, confidential=confidential)


def edit(paras: list[str], rate: float, seed: int = 1) -> list[str]:
    """Replace ``rate`` of the words by other words of the same texts."""
    rng = random.Random(seed)
    pool = " ".join(FARM).split()
    out = []
    for p in paras:
        words = p.split()
        for k in rng.sample(range(len(words)), round(rate * len(words))):
            words[k] = rng.choice(pool)
        out.append(" ".join(words))
    return out
