"""Build the fixed-template documents from facts: the request form (Thông tư 18/2013, Phụ lục
I; DOMAIN.md's item table), the proof of application and the unit council's minutes.

Each request item paragraph carries its ``nd13-don`` section key, so the ground truth knows
where every item starts.
"""

from __future__ import annotations

from datetime import date

from samples.texts import Author, Document, FormStyle, Item, Minutes, Para, Proof, Request, Table

AUTHOR_HEAD = (
    "Số TT", "Họ và tên", "Ngày tháng năm sinh", "Nơi công tác (hoặc nơi thường trú)",
    "Chức danh", "Trình độ chuyên môn", "Tỷ lệ (%) đóng góp vào việc tạo ra sáng kiến",
)
AUTHOR_WIDTHS = (0.07, 0.18, 0.13, 0.22, 0.13, 0.14, 0.13)
HELPER_HEAD = (
    "Số TT", "Họ và tên", "Ngày tháng năm sinh", "Nơi công tác (hoặc nơi thường trú)",
    "Chức danh", "Trình độ chuyên môn", "Nội dung công việc hỗ trợ",
)
HELPER_WIDTHS = (0.07, 0.17, 0.13, 0.2, 0.12, 0.13, 0.18)
PLEDGE = (
    "Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực, đúng sự thật và "
    "hoàn toàn chịu trách nhiệm trước pháp luật."
)


def dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def in_words(d: date) -> str:
    """Dates as official documents write them: day below 10 and months 1-2 get a zero."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def share_text(share: float, suffix: str) -> str:
    s = f"{share:g}".replace(".", ",")
    return s + suffix


def national_header(style: FormStyle) -> list[Item]:
    """The national header, centred, or in two columns with the agency on the left."""
    if style.agency:
        return [Table(rows=(("\n".join(style.agency), f"{style.republic}\n{style.motto}"),),
                      widths=(0.4, 0.6), header=1, border=False, pt=12)]
    return [Para(style.republic, "center"), Para(style.motto, "center")]


def _fn(style: FormStyle, n: int) -> str:
    return str(n) if style.footnotes else ""


def _item(label: str, content: str, key: str) -> Para:
    return Para(f"{label}: {content}", key=key, label=label)


def author_rows(authors: tuple[Author, ...], suffix: str) -> tuple[tuple[str, ...], ...]:
    rows = [AUTHOR_HEAD]
    for i, a in enumerate(authors, 1):
        rows.append((str(i), a.name, dmy(a.birth_date), a.unit, a.position, a.qualification,
                     share_text(a.share, suffix)))
    return tuple(rows)


def request_form(req: Request) -> Document:
    st = req.style
    first = dmy(req.first_applied) if st.date_style == "slash" else in_words(req.first_applied)
    items: list[Item] = national_header(st)
    items.append(Para(st.title, "title"))
    items.append(_item(f"Kính gửi{_fn(st, 1)}", req.addressee, "co_so"))
    label = "Tôi" if len(req.authors) == 1 else "Chúng tôi"
    items.append(Para(f"{label}{_fn(st, 2)}:", key="tac_gia", label=f"{label}{_fn(st, 2)}"))
    items.append(Table(rows=author_rows(req.authors, st.share_suffix), widths=AUTHOR_WIDTHS,
                       center_cols=(0, 2, 6)))
    who = "tác giả" if len(req.authors) == 1 else "nhóm tác giả"
    items.append(_item(f"Là {who} đề nghị xét công nhận sáng kiến{_fn(st, 3)}",
                       f"“{req.title}”.", "ten_sang_kien"))
    if req.investor:
        items.append(_item(f"- Chủ đầu tư tạo ra sáng kiến{_fn(st, 4)}", req.investor,
                           "chu_dau_tu"))
    items.append(_item(f"- Lĩnh vực áp dụng sáng kiến{_fn(st, 5)}", req.field, "linh_vuc"))
    items.append(_item("- Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử", f"{first}.",
                       "ngay_ap_dung"))
    label = f"- Mô tả bản chất của sáng kiến{_fn(st, 6)}"
    essence = list(req.essence)
    if st.essence_inline:
        items.append(_item(label, essence.pop(0), "mo_ta_ban_chat"))
    else:
        items.append(Para(f"{label}:", key="mo_ta_ban_chat", label=label))
    items.extend(Para(p) for p in essence)
    items.append(_item("- Những thông tin cần được bảo mật (nếu có)",
                       req.confidential or "Không có.", "bao_mat"))
    items.append(_item("- Những điều kiện cần thiết để áp dụng sáng kiến", req.conditions,
                       "dieu_kien"))
    items.append(_item(
        "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng kiến theo ý "
        f"kiến của tác giả{_fn(st, 7)}", req.benefit_author, "loi_ich_tac_gia"))
    if req.benefit_org:
        items.append(_item(
            "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng kiến theo "
            "ý kiến của tổ chức, cá nhân đã tham gia áp dụng sáng kiến lần đầu, kể cả áp dụng "
            f"thử (nếu có){_fn(st, 8)}", req.benefit_org, "loi_ich_to_chuc"))
    if req.helpers:
        label = ("- Danh sách những người đã tham gia áp dụng thử hoặc áp dụng sáng kiến lần đầu"
                 " (nếu có)")
        items.append(Para(f"{label}:", key="ap_dung_thu", label=label))
        rows = [HELPER_HEAD] + [
            (str(i), h.name, dmy(h.birth_date), h.unit, h.position, h.qualification, h.task)
            for i, h in enumerate(req.helpers, 1)]
        items.append(Table(rows=tuple(rows), widths=HELPER_WIDTHS, center_cols=(0, 2)))
    items.append(Para(PLEDGE, key="cam_doan", label="Tôi (chúng tôi) xin cam đoan"))
    items.extend(signature(req.place, req.signed, "Người nộp đơn", "(Ký và ghi rõ họ tên)",
                           tuple(a.name for a in req.authors), st.unit_confirm))
    return Document("don_yeu_cau", tuple(items))


def signature(place: str, signed: date, role: str, hint: str, names: tuple[str, ...],
              left: tuple[str, ...] = ()) -> list[Item]:
    """Place and date on the right, then the signer block (and a unit's block on the left)."""
    items: list[Item] = [Para(f"{place}, {in_words(signed)}", "right")]
    if left:
        items.append(Table(rows=(("\n".join(left), f"{role}\n{hint}"),), widths=(0.5, 0.5),
                           header=1, border=False, pt=13))
    else:
        items.append(Para(role, "sign"))
        items.append(Para(hint, "sign-plain"))
    items.extend(Para(n, "sign") for n in names)
    return items


def proof(p: Proof, title: str, authors: tuple[str, ...]) -> Document:
    st = FormStyle(agency=p.agency)
    items: list[Item] = national_header(st)
    items.append(Table(rows=((f"Số: {p.number}", f"{p.place}, {in_words(p.signed)}"),),
                       widths=(0.4, 0.6), header=0, border=False, pt=12))
    items.append(Para("GIẤY XÁC NHẬN", "title"))
    items.append(Para("HIỆU QUẢ ÁP DỤNG SÁNG KIẾN", "center"))
    who = "Tác giả" if len(authors) == 1 else "Nhóm tác giả"
    items += [
        Para(f"{p.confirmer} xác nhận:"),
        Para(f"Sáng kiến: “{title}”."),
        Para(f"{who}: {', '.join(authors)}."),
        Para(f"Đã được áp dụng tại {p.applied_at} từ {in_words(p.since)} đến nay."),
        Para("Hiệu quả đạt được:"),
    ]
    items.extend(Para(e) for e in p.effect)
    items.append(Para("Xác nhận trên là đúng sự thật, cấp cho tác giả để hoàn thiện hồ sơ đề nghị"
                      " công nhận sáng kiến."))
    items.append(Para(p.signer_title, "sign"))
    items.append(Para("(Ký tên, đóng dấu)", "sign-plain"))
    items.append(Para(p.signer, "sign"))
    return Document("xac_nhan", tuple(items))


def minutes(m: Minutes, title: str, authors: tuple[str, ...]) -> Document:
    st = FormStyle(agency=m.agency)
    items: list[Item] = national_header(st)
    items.append(Table(rows=((f"Số: {m.number}", f"{m.place}, {in_words(m.held)}"),),
                       widths=(0.4, 0.6), header=0, border=False, pt=12))
    items.append(Para("BIÊN BẢN", "title"))
    items.append(Para("HỌP XÉT CÔNG NHẬN SÁNG KIẾN", "center"))
    items.append(Para(
        f"Hôm nay, vào hồi {m.hour} {in_words(m.held)}, tại {m.venue}, {m.council} tổ chức họp "
        "xét công nhận sáng kiến."))
    items.append(Para("I. THÀNH PHẦN", "heading"))
    items.append(Para(f"Có mặt {m.present}/{m.total} thành viên Hội đồng, gồm:"))
    items.extend(Para(f"- Ông (bà) {n} – {r};") for n, r in m.members)
    items.append(Para("II. NỘI DUNG", "heading"))
    who = "tác giả" if len(authors) == 1 else "nhóm tác giả"
    items.append(Para(f"Hội đồng xem xét hồ sơ sáng kiến “{title}” của {who} "
                      f"{', '.join(authors)}. Ý kiến của các thành viên Hội đồng:"))
    items.extend(Para(f"- {o}") for o in m.opinions)
    items.append(Para("III. KẾT LUẬN", "heading"))
    items.append(Para(
        f"Kết quả bỏ phiếu: {m.votes_for}/{m.present} phiếu đồng ý. Hội đồng thống nhất đề nghị "
        "công nhận sáng kiến và đề nghị Hội đồng sáng kiến cấp trên xem xét. Cuộc họp kết thúc "
        "cùng ngày, biên bản đã được thông qua trước Hội đồng."))
    items.append(Table(rows=(("THƯ KÝ", "CHỦ TỊCH HỘI ĐỒNG"), (m.secretary, m.chair)),
                       widths=(0.5, 0.5), header=2, border=False, pt=13))
    return Document("bien_ban", tuple(items))
