"""Descriptions of synthetic dossiers: the outline of each profile as blocks, and the heading
variants a real file shows (numbering styles, case, Lí/Lý and kĩ/kỹ, heading and content on
one line, un-numbered sub-headings).

A ``Block`` is one section (or a grouping part heading) before it is written out: its key,
its heading wording, its level and its paragraphs. ``samples.synth`` removes or empties
blocks, then ``render`` turns them into ``samples.texts`` items with the dossier's ``Style``.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

from samples import synth_bank as bank
from samples.content._kit import CP, H, L, P, T
from samples.forms import dmy
from samples.synth_bank import Topic
from samples.texts import Item, Para

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")
LETTERS = "abcdeghiklmn"

WORDINGS: dict[str, tuple[str, ...]] = {
    "muc_luc": ("Mục lục",),
    "tom_tat": ("Tóm tắt sáng kiến", "Tóm tắt"),
    "viet_tat": ("Danh mục từ viết tắt", "Danh mục chữ cái viết tắt"),
    "danh_muc_bang": ("Danh mục bảng, biểu đồ", "Danh mục bảng biểu"),
    "ly_do": ("Lí do chọn sáng kiến", "Lý do chọn sáng kiến", "Sự cần thiết của sáng kiến"),
    "muc_tieu": ("Mục tiêu sáng kiến", "Mục tiêu của sáng kiến"),
    "pham_vi": ("Phạm vi sáng kiến", "Đối tượng và phạm vi", "Phạm vi thực hiện sáng kiến"),
    "co_so_ly_luan": ("Cơ sở lý luận, cơ sở thực tiễn", "Cơ sở lí luận và thực tiễn",
                      "Cơ sở khoa học, pháp lý"),
    "noi_dung": ("Nội dung và những kết quả nghiên cứu của sáng kiến", "Nội dung sáng kiến",
                 "Nội dung và giải pháp kĩ thuật", "Nội dung và giải pháp kỹ thuật"),
    "danh_gia": ("Thảo luận, đánh giá kết quả thu được", "Thảo luận và đánh giá kết quả"),
    "tinh_moi": ("Tính mới, tính sáng tạo", "Tính mới của sáng kiến", "Điểm mới của sáng kiến"),
    "kha_nang_ap_dung": ("Khả năng áp dụng", "Khả năng áp dụng, nhân rộng", "Khả năng nhân rộng"),
    "loi_ich": ("Lợi ích thiết thực", "Lợi ích thu được", "Lợi ích"),
    "ket_luan": ("Kết luận", "Kết luận và kiến nghị", "Bài học kinh nghiệm"),
    "tai_lieu": ("Tài liệu tham khảo",),
}
SKKN_WORDINGS: dict[str, tuple[str, ...]] = {
    "ly_do": ("Lí do chọn đề tài", "Lý do chọn đề tài", "Tính cấp thiết của đề tài"),
    "muc_tieu": ("Mục đích nghiên cứu", "Mục tiêu nghiên cứu"),
    "pham_vi": ("Đối tượng và phạm vi nghiên cứu", "Đối tượng, phạm vi nghiên cứu",
                "Giới hạn của đề tài"),
    "co_so_ly_luan": ("Cơ sở lý luận", "Cơ sở lí luận"),
    "thuc_trang": ("Thực trạng của vấn đề", "Thực trạng", "Thực trạng trước khi áp dụng sáng kiến"),
    "noi_dung": ("Các biện pháp thực hiện", "Các giải pháp đã thực hiện",
                 "Nội dung và giải pháp kĩ thuật"),
    "ket_qua": ("Hiệu quả của sáng kiến", "Kết quả đạt được", "Kết quả thực hiện"),
    "ket_luan": ("Kết luận",),
}
BCMT_WORDINGS: dict[str, tuple[str, ...]] = {
    "thuc_trang": ("Khái quát đặc điểm, tình hình trước khi có sáng kiến",
                   "Tình trạng giải pháp đã biết"),
    "noi_dung": ("Nội dung sáng kiến", "Bản chất của giải pháp"),
    "ket_qua": ("Hiệu quả và phạm vi áp dụng", "Hiệu quả của sáng kiến"),
    "loi_ich": ("Lợi ích", "Hiệu quả kinh tế, xã hội", "Lợi ích thu được"),
    "kha_nang_ap_dung": ("Phạm vi áp dụng", "Khả năng áp dụng"),
}
SKKN_PARTS = (("ĐẶT VẤN ĐỀ", "MỞ ĐẦU"), ("GIẢI QUYẾT VẤN ĐỀ", "NỘI DUNG"),
              ("KẾT LUẬN, KIẾN NGHỊ", "KẾT LUẬN VÀ KIẾN NGHỊ"))
CONDITION_KEYS = ("tinh_moi", "kha_nang_ap_dung", "loi_ich")


@dataclass
class Block:
    key: str | None
    heading: str  # wording without numbering
    level: int  # 1 part, 2 section, 3 sub-heading
    body: list[str] = field(default_factory=list)
    label: str | None = None  # a fixed label ("1. Tên sáng kiến"): numbering is not applied
    inline: bool = False  # first paragraph on the heading's line
    upper: bool = False  # this heading in capitals


@dataclass(frozen=True)
class Style:
    """How one description writes its headings."""

    part: str  # skkn parts: phan | Phan | abc | chuong | roman
    section: str  # roman | arabic | dotted | letter | paren | none
    sub: str  # arabic | dotted | paren | dash | none
    upper: bool  # level-2 headings in capitals
    slip: bool  # drop one diacritic from one heading (born-digital stand-in for OCR slips)


def pick_style(rng: random.Random, profile: str, digital: bool) -> Style:
    part = rng.choice(("phan", "Phan", "abc", "chuong", "roman"))
    if profile == "skkn":
        section = rng.choice(("arabic", "dotted", "roman", "paren") if part != "roman"
                             else ("arabic", "dotted", "paren"))
    else:
        section = rng.choice(("roman", "arabic", "arabic", "none"))
    sub = rng.choice(("arabic", "dotted", "paren", "dash", "none"))
    return Style(part, section, sub, rng.random() < 0.4, digital and rng.random() < 0.35)


def wording(rng: random.Random, profile: str, key: str) -> str:
    table = {"skkn": SKKN_WORDINGS, "bao-cao-mo-ta": BCMT_WORDINGS}.get(profile, {})
    return rng.choice(table.get(key) or WORDINGS[key])


def _number(style: str, n: int, parent: str) -> str:
    if style == "roman":
        return f"{ROMAN[n - 1]}. "
    if style == "arabic":
        return f"{n}. "
    if style == "dotted":
        return f"{parent}.{n}. " if parent else f"{n}. "
    if style == "letter":
        return f"{LETTERS[n - 1]}. "
    if style == "paren":
        return f"{LETTERS[n - 1]}) "
    if style == "dash":
        return "- "
    return ""


def _part_label(style: str, n: int, text: str) -> str:
    if style == "phan":
        return f"PHẦN {ROMAN[n - 1]}. {text}"
    if style == "Phan":
        return f"Phần {ROMAN[n - 1]}: {text}"
    if style == "abc":
        return f"{'ABCDE'[n - 1]}. {text}"
    if style == "chuong":
        return f"Chương {n}. {text}" if n > 1 else text
    return f"{ROMAN[n - 1]}. {text}"


def render(blocks: list[Block], style: Style, variants: set[str]) -> list[Item]:
    """Blocks -> items: numbering per level, case, inline content, paragraphs."""
    items: list[Item] = []
    counts = {1: 0, 2: 0, 3: 0}
    numbers = {1: "", 2: ""}
    for b in blocks:
        counts[b.level] += 1
        for deeper in range(b.level + 1, 4):
            counts[deeper] = 0
        if b.label is not None:
            text = b.label
        elif b.level == 1:
            text = _part_label(style.part, counts[1], b.heading.upper())
            numbers[1] = str(counts[1])
        elif b.level == 2:
            num = _number(style.section, counts[2], numbers[1])
            numbers[2] = num.strip(" .)")
            text = num + (b.heading.upper() if style.upper or b.upper else b.heading)
        else:
            num = _number(style.sub, counts[3], numbers[2])
            text = num + b.heading
            if not num:
                variants.add("unnumbered_sub")
        body = list(b.body)
        if b.inline and body:
            variants.add("inline")
            items.append(L(text, body.pop(0), b.key))
        elif b.inline:  # an empty inline item: "- Lợi ích:" and nothing after it
            items.append(Para(f"{text}:", key=b.key, label=text))
        else:
            items.append(H(text, b.key, level=min(b.level, 3)))
        items.extend(P(*body))
    return items


def slip(text: str, rng: random.Random) -> str:
    """Drop one diacritic (the tone or hat of one letter), as an OCR slip would."""
    chars = list(text)
    marked = [i for i, c in enumerate(chars) if len(unicodedata.normalize("NFD", c)) > 1]
    if not marked:
        return text
    i = rng.choice(marked)
    parts = unicodedata.normalize("NFD", chars[i])
    chars[i] = unicodedata.normalize("NFC", parts[:-1])
    return "".join(chars)


def apply_slip(items: list[Item], rng: random.Random) -> list[Item]:
    """One keyed heading loses a diacritic (its label and the truth heading change alike)."""
    keyed = [i for i, it in enumerate(items) if isinstance(it, Para) and it.key]
    if not keyed:
        return items
    i = rng.choice(keyed)
    it = items[i]
    assert isinstance(it, Para)
    if it.label is not None:
        new_label = slip(it.label, rng)
        items[i] = replace(it, text=new_label + it.text[len(it.label):], label=new_label)
    else:
        items[i] = replace(it, text=slip(it.text, rng))
    return items


def cover(kind_title: str, title: str, authors_line: str | None) -> list[Item]:
    items: list[Item] = [T(kind_title), CP(title)]
    if authors_line:  # "Nhóm tác giả: …" states the authors: a tac_gia item of the description
        label = authors_line.split(":", 1)[0]
        items.append(Para(authors_line, "plain-center", key="tac_gia", label=label))
    return items


def outline(rng: random.Random, profile: str, topic: Topic, slots: dict[str, str], field_: str,
            first_applied: date, title: str, names: list[str], decision: tuple[str, date] | None,
            variants: set[str]) -> list[Block]:
    """The profile's outline as blocks, each with its wording and body."""
    def sec(key: str, level: int = 2, **kw: object) -> Block:
        return Block(key, wording(rng, profile, key), level,
                        bank.body(rng, key, slots, topic), **kw)  # type: ignore[arg-type]

    def conditions(inline_p: float) -> list[Block]:
        return [sec(k, 3, inline=rng.random() < inline_p) for k in CONDITION_KEYS]

    if profile == "langson-291":
        fixed = [Block(k, "", 2, bank.body(rng, k, slots, topic), label=w)
                 for k, w in (("viet_tat", "DANH MỤC TỪ VIẾT TẮT"), ("danh_muc_bang", "DANH MỤC BẢNG"))
                 if rng.random() < 0.4]
        out = [sec("tom_tat"), *fixed]
        out += [sec(k) for k in ("ly_do", "muc_tieu", "pham_vi", "co_so_ly_luan", "noi_dung")]
        out += [sec("danh_gia"), *conditions(0.4), sec("ket_luan"), sec("tai_lieu")]
        if rng.random() < 0.2:
            variants.add("muc_luc")
            toc = [f"{b.label or b.heading} ........ {i + 2}" for i, b in enumerate(out) if b.level == 2]
            out.insert(0, Block("muc_luc", "", 2, toc, label="MỤC LỤC"))
        return out
    if profile == "skkn":
        parts = [Block(None, rng.choice(p), 1) for p in SKKN_PARTS]
        out = [parts[0], sec("ly_do"), sec("muc_tieu"), sec("pham_vi")]
        if rng.random() < 0.5:
            out.append(Block(None, "Phương pháp nghiên cứu", 2,
                                ["Khảo sát, thống kê, so sánh số liệu trước và sau khi áp dụng."]))
        out += [parts[1], *(sec(k) for k in ("co_so_ly_luan", "thuc_trang", "noi_dung", "ket_qua"))]
        out += [parts[2], sec("ket_luan"), *conditions(0.6),
                Block(None, "Kiến nghị", 2, ["Đề nghị cấp trên tạo điều kiện nhân rộng cách làm."])]
        out.append(Block("tai_lieu", "", 2, bank.body(rng, "tai_lieu", slots, topic),
                            label="TÀI LIỆU THAM KHẢO"))
        return out
    # bao-cao-mo-ta: fixed numbered items, sub-items a./b./c. or a)/b)/c)
    roman = rng.random() < 0.3
    top = (lambda n: f"{ROMAN[n - 1]}. ") if roman else (lambda n: f"{n}. ")
    upper = roman and rng.random() < 0.7

    def item(n: int, text: str) -> str:
        return top(n) + (text.upper() if upper else text)
    sub = rng.choice(("letter", "paren"))
    lab = (lambda i: f"{'abc'[i]}. ") if sub == "letter" else (lambda i: f"{'abc'[i]}) ")
    who = rng.choice(("Họ và tên tác giả, chức danh, trình độ chuyên môn", "Tác giả", "Nhóm tác giả"))
    authors_text = "; ".join(names) + "."
    return [
        Block("ten_sang_kien", "", 2, [f"{title}."], label=item(1, "Tên sáng kiến"), inline=True),
        Block("tac_gia", "", 2, [authors_text], label=item(2, who), inline=True),
        Block("linh_vuc", "", 2, [field_], label=item(3, "Lĩnh vực áp dụng"), inline=True),
        Block(None, "", 2, [], label=item(4, "Mô tả sáng kiến")),
        sec("thuc_trang", 3, label=lab(0) + wording(rng, profile, "thuc_trang")),
        sec("noi_dung", 3, label=lab(1) + wording(rng, profile, "noi_dung")),
        sec("tinh_moi", 3, label=wording(rng, "", "tinh_moi"), inline=rng.random() < 0.4),
        sec("ket_qua", 3, label=("" if rng.random() < 0.3 else lab(2)) + wording(rng, profile, "ket_qua")),
        sec("loi_ich", 3, label="- " + wording(rng, profile, "loi_ich"), inline=True),
        sec("kha_nang_ap_dung", 3, label="- " + wording(rng, profile, "kha_nang_ap_dung"), inline=True),
        Block(None, "", 2, [f"Quyết định số {decision[0]} ngày {dmy(decision[1])}." if decision
                               else "chưa."], label=item(5, "Hội đồng cơ sở đã xét công nhận"), inline=True),
        Block("ngay_ap_dung", "", 2, [f"từ ngày {dmy(first_applied)} đến nay."],
                 label=item(6, "Thời gian áp dụng"), inline=True),
    ]
