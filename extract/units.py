"""What the authors table's cells say: their vocabulary, and the unit confirmed elsewhere.

The word lists (surnames, positions, degrees, fields of study) tell ``extract.authors`` how
a wrapped row's words fall into its cells.

A drawn table's unit cell is often cut by the column edge ("Kho bạc Nhà nước khu"), glued
with a neighbour column's words ("Trường Mầm non Vĩnh Lộc chuyên môn") or hit by OCR debris.
The same unit is usually written elsewhere in one piece:

- the agency lines of a document's two-column header, in capitals and often split over two
  lines ("KHO BẠC NHÀ NƯỚC KHU" / "VỰC PHÚ THỌ"), the national motto glued on their right;
- the prose, after "tại" ("… tại Trường THPT Ngọc Lặc, …"), up to a punctuation mark.

``unit_candidates`` collects these names; ``confirm_unit`` swaps a cell for the candidate it
is a close partial of (folded, rapidfuzz), written in normal case: a mixed-case occurrence as
the dossier writes it, else the cell's own casing for the words they share and a sensible
title case for the rest ("TRƯỜNG THCS HỒNG QUANG" -> "Trường THCS Hồng Quang").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from extract.nlp import folded

# ---------------------------------------------------------------------------- the cells' words

SURNAMES = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh quách bạch hà lò
lương nông lăng triệu chu la xa vi vì lộc mã vy cầm sầm lục hứa tô đàm mạc thái trịnh tạ kiều
khuất lại giáp đoàn lâm cao tăng mai trương từ văn âu ninh phùng tống khổng tôn lưu hầu kha
thạch quang nghiêm châu điêu tiêu hoa an bế lù lạc ông vương diệp cù thiều liêu sùng giang
đào doãn lã kim hoàng lành mông hoàng ma lầu hứa
""".split())
MIDDLE = frozenset({"van", "thi"})


def _phrases(text: str) -> tuple[list[str], ...]:  # "a b, c" -> (["a", "b"], ["c"])
    return tuple(p.split() for p in " ".join(text.split()).split(", "))


DEGREES = _phrases("""
cu nhan, thac si, tien si, ky su, bac si, duoc si, cao dang, trung cap, dai hoc, trung hoc, so cap, kien
truc su, ky thuat vien, giao su, pho giao su, ths, ts, bsck, y si, dieu duong vien, luat su
""")
POSITIONS = _phrases("""
giao vien, to truong, to pho, doi truong, doi pho, tram truong, truong tram, pho tram truong, truong
phong, pho truong phong, giam doc, pho giam doc, ke toan vien, ke toan truong, ke toan, chuyen vien,
chuyen vien chinh, cong nhan, can bo, vien chuc, cong chuc, nhan vien, dieu duong, dieu duong truong,
khuyen nong vien, hieu truong, pho hieu truong, chu tich, pho chu tich, bac si, ky su, ky thuat vien,
thu ky, chanh van phong, pho chanh van phong, truong khoa, pho truong khoa, truong ban, pho truong ban,
giang vien, nghien cuu vien, van thu, y si, duoc si, ho sinh, thu y vien, nong dan, lai xe, bao ve, kiem
soat vien, thanh tra vien, tong phu trach, nhan vien, tro ly, thu quy, chi huy truong, doi vien, quan
doc, pho quan doc, truong thon, bi thu, pho bi thu, thu truong, truong doan, phu trach
""")

# common fields of study and work, whose word pairs help to rejoin wrapped table cells
SUBJECTS = _phrases("""
cong nghiep, cong nghe thong tin, he thong dien, he thong thong tin, xay dung dan dung, kinh te xay
dung, tai chinh ngan hang, ke toan, nong nghiep, nong hoc, chan nuoi, thu y, trong trot, lam nghiep,
thuy san, su pham, dieu duong, y te cong cong, khoa hoc moi truong, khoa hoc may tinh, quan ly nha nuoc,
quan ly giao duc, quan ly van hoa, hanh chinh, luat kinh te, co khi, tu dong hoa, dien tu vien thong,
giao duc tieu hoc, giao duc mam non, van hanh, ky thuat, chuyen khoa, noi khoa, ngoai khoa, duoc hoc,
quan tri kinh doanh, tieng anh, ngu van, lich su, dia ly, hoa hoc, vat ly, sinh hoc, the duc, am nhac,
my thuat, tin hoc
""")


# ---------------------------------------------------------------------------- the unit

# the right column of the header, glued to the agency lines by OCR or text extraction
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc"
                    r"|cong hoa|doc lap.*$", re.I)
_AT = re.compile(r"\btại\s+((?:[A-ZĐÀ-Ỹ][^\s,.;:()“”\"]*)(?:\s+[^\s,.;:()“”\"]+){1,11})")
_HEAD_LINES = 6  # lines of a page's top that may hold the header
# words of a unit name that stay in lower case after its first word
_LOWER = frozenset("""
huyen xa tinh thi tran thanh pho phuong khu vuc va non hoc co so nha nuoc nong nghiep dich vu du an
dau tu xay dung ky thuat
""".split())
_HEADS = frozenset("truong phong tram ban ubnd uy kho chi cuc benh vien cong ty trung".split())
_SHORT = 3  # at most this many words added to or dropped from a cell


def _header_lines(page: str) -> list[str]:
    """The agency lines at the top of a page: capitals beside the national motto, and the
    one line below the motto's last line (a name on three lines); the motto cut away."""
    lines = page.split("\n")[:_HEAD_LINES]
    motto = [i for i, line in enumerate(lines) if _MOTTO.search(folded(line))]
    out = []
    for line in lines[: motto[-1] + 2] if motto else ():
        line = " ".join(w.strip(".,;:") for w in line.split("|")[0].split())  # a Word header's cells
        f = folded(line)
        cut = _MOTTO.search(f)
        words = line.split()
        if cut:  # folded text keeps the word count: cut the same words off the line
            words = words[: len(f[: cut.start()].split())]
        text = " ".join(words)
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            out.append(text)
    return out


def unit_candidates(pages: Sequence[str]) -> list[str]:
    """Unit names the dossier writes outside the authors table: every run of one to three
    header lines of a page, and the name after "tại" in its prose."""
    out: list[str] = []
    for page in pages:
        head = _header_lines(page)
        out += [" ".join(head[i:j]) for i in range(len(head))
                for j in range(i + 1, min(len(head), i + 3) + 1)]
        out += [_name_end(m.group(1)) for m in _AT.finditer(page)]
    return [c for c in dict.fromkeys(out) if len(c.split()) >= 2]


def _name_end(text: str) -> str:
    """A unit name out of the prose after "tại": it ends before the first small-letter word
    that no unit name uses, and on a capitalised word."""
    words = text.replace("\n", " \n").split(" ")
    for i, w in enumerate(words[1:], 1):
        if w.startswith("\n") and w.strip().isupper() and len(w.strip()) > 1:
            words = words[:i]  # a heading in capitals on the next line ("PHẦN I", "TÓM TẮT")
            break
        w = w.strip()
        if not w.isalpha() or w[0].islower() and folded(w) not in _LOWER:
            # a capitalised word that opens a line before it opens a sentence ("Tác giả")
            words = words[: i - 1 if words[i - 1].startswith("\n") else i]
            break
    words = [w.strip() for w in words if w.strip()]
    while words and words[-1][0].islower():
        words.pop()
    return " ".join(words)


def _words(text: str) -> list[str]:  # the words, past dashes and marks between them
    return [w for w in text.split() if any(ch.isalpha() for ch in w)]


def _close(cell: str, cand: str) -> float:
    """How well the cell stands for the candidate: it is the candidate cut short, or the
    candidate with a few words of a neighbour column glued on (0 when neither)."""
    c, k = (_words(folded(x)) for x in (cell, cand))
    if not c or not k or abs(len(c) - len(k)) > _SHORT or len(c) < 2:
        return 0.0
    n = min(len(c), len(k))
    head = fuzz.ratio(" ".join(c[:n]), " ".join(k[:n]))
    if len(c) < len(k):  # cut: only the candidate's first words are in the cell
        more = k[n:]
        capitals = not cand.isupper() and any(w.isupper() for w in _words(cand)[n:])  # a heading
        if any(w in _HEADS for w in more) or capitals or n < 3 or head < 90:
            return 0.0  # another unit's name follows (a header's next line)
        return head
    extra = _words(cell)[len(k):]  # glued on: a neighbour column's small words, OCR debris
    return head if head >= 92 and not any(w[:1].isupper() and w.isalpha() for w in extra) else 0.0


def _cased(cand: str, cell: str, mixed: dict[str, str]) -> str:
    """The candidate in normal case: as the dossier writes it in mixed case, else with the
    cell's casing where the words agree and title case for a name's other words."""
    if not cand.isupper():
        return cand
    if folded(cand) in mixed:
        return mixed[folded(cand)]
    have = _words(cell)  # dashes skipped: words align
    out: list[str] = []
    for word in cand.split():
        f, i = folded(word), sum(any(c.isalpha() for c in w) for w in out)
        if i < len(have) and folded(have[i]) == f and not have[i].isupper():
            # the cell's casing on the letters the header writes
            out.append(word.capitalize() if have[i][:1].isupper() else word.lower())
        elif not re.search(r"[aeiouy]", f) or len(word) > 1 and f in ("ubnd", "hdnd", "thpt", "thcs"):
            out.append(word)  # an acronym: "THCS", "UBND"
        elif out and f in _LOWER:
            out.append(word.lower())
        else:
            out.append(word.capitalize())
    return " ".join(out)


def confirm_unit(cell: str | None, candidates: Sequence[str]) -> tuple[str | None, str]:
    """The unit the cell stands for among the candidates, in normal case (the cell itself
    when no candidate is a close match), and the words glued on that it drops."""
    if not cell:
        return cell, ""
    mixed = {folded(c): c for c in candidates if not c.isupper()}
    best, score = None, (0, 0.0, False)
    for cand in candidates:  # the longest close candidate, the closest, one in mixed case
        s = (len(cand.split()), _close(cell, cand), not cand.isupper())
        if s[1] and s > score:
            best, score = cand, s
    if best is None:
        return cell, ""
    glued = _words(cell)[len(_words(best)):]
    return _cased(best, cell, mixed), " ".join(w for w in glued if w.isalpha())
