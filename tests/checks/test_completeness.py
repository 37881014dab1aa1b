"""Completeness: each finding code with a case that raises it and a near miss that does not,
then the whole check measured on the sample truth (sections, fields and signature blocks are
built from the truth's page texts)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from checks.completeness import CODES, check_completeness
from checks.profiles import Profile, Rules, load_profiles
from extract.dates import find_dates
from models.domain import Page, PageMethod
from models.understanding import AuthorInfo, DocView, Fields, Section, SignatureBlock, Where
from samples import truth

PROFILES = load_profiles()


def _doc(kind: str, pages: int = 2) -> DocView:
    numbers = range(1, pages + 1)
    return DocView(f"{kind}.docx", kind, tuple(Page(n, f"trang {n}", PageMethod.WORD) for n in numbers))


def _sec(key: str, kind: str = "mo_ta", *, empty: bool = False, page: int = 1, heading: str = "") -> Section:
    return Section(key, heading or key, f"{kind}.docx", page, 0 if empty else 120, kind, empty,
                   "" if empty else "Nội dung của mục.")


def _dossier(profile: str) -> tuple[list[DocView], list[Section], Fields]:
    """A complete dossier for ``profile``: every required section, the conditions stated."""
    p = PROFILES[profile]
    docs = [_doc(kind) for kind in p.documents_required]
    sections = [_sec(key, kind) for kind, req in p.sections.items() for key in req.required]
    carrier = p.conditions_document
    sections += [_sec(keys[0], carrier) for keys in p.conditions.values()]
    fields = Fields(
        title="Giải pháp “sổ theo dõi” điện tử", description_title="GIẢI PHÁP SỔ THEO DÕI ĐIỆN TỬ.",
        authors=(AuthorInfo("Nguyễn Văn An", share_percent=33.3),
                 AuthorInfo("Lê Thị Bình", share_percent=33.3),
                 AuthorInfo("Trần Văn Cường", share_percent=33.4)),
        description_authors=("Nguyen Van An", "Lê Thị Bình", "Trần Văn Cường"),
        first_applied=date(2023, 3, 6), submitted=date(2024, 5, 8),
        signatures=(SignatureBlock("don_yeu_cau", "don_yeu_cau.docx", 2, date(2024, 5, 8), "Nguyễn Văn An"),),
        where={"authors": Where("don_yeu_cau.docx", 1), "first_applied": Where("don_yeu_cau.docx", 1)},
    )
    return docs, sections, fields


def _check(profile: str | None, docs: list[DocView], sections: list[Section], fields: Fields,
           profiles: dict[str, Profile] | None = None):
    profiles = PROFILES if profiles is None else profiles
    return check_completeness(docs, sections, fields, profiles[profile] if profile else None, profiles)


def _codes(result) -> list[str]:
    return [f.code for f in result.findings]


def _with_rules(profile: str, **rules: object) -> dict[str, Profile]:
    p = PROFILES[profile]
    return {**PROFILES, profile: replace(p, rules=replace(p.rules, **rules))}


@pytest.mark.parametrize("profile", ["nd13-don", "langson-291", "bao-cao-mo-ta", "skkn"])
def test_a_complete_dossier_has_no_findings(profile: str) -> None:
    result = _check(profile, *_dossier(profile))
    assert result.findings == () and result.missing == () and result.complete


def test_every_code_is_documented_in_the_module_docstring() -> None:
    import checks.completeness as module

    for code in CODES:
        assert re.search(rf"^\s+{code}\s", module.__doc__ or "", re.M), code


# ------------------------------------------------------------------------- documents, sections


def test_missing_document() -> None:
    docs, sections, fields = _dossier("skkn")
    result = _check("skkn", [d for d in docs if d.kind != "mo_ta"], sections, fields)
    assert _codes(result) == ["missing_document"]  # no section findings in an absent document
    f = result.findings[0]
    assert (f.key, f.severity) == ("mo_ta", "error") and "Bản mô tả sáng kiến" in f.message
    assert [m.key for m in result.missing] == ["mo_ta"] and not result.complete
    # near miss: the same dossier judged as a request alone
    assert _codes(_check("nd13-don", [d for d in docs if d.kind != "mo_ta"], sections, fields)) == []


def test_missing_section_and_near_miss_optional() -> None:
    docs, sections, fields = _dossier("langson-291")
    result = _check("langson-291", docs, [s for s in sections if s.key != "tai_lieu"], fields)
    assert _codes(result) == ["missing_section"]
    f = result.findings[0]
    assert (f.key, f.file) == ("tai_lieu", "mo_ta.docx") and "Tài liệu tham khảo" in f.message
    assert [m.key for m in result.missing] == ["tai_lieu"]
    # a section found only in the other document does not count for this one
    moved = [replace(s, document="don_yeu_cau") if s.key == "tai_lieu" else s for s in sections]
    assert _codes(_check("langson-291", docs, moved, fields)) == ["missing_section"]
    # near miss: an optional section (muc_luc) may be absent
    assert _codes(_check("langson-291", docs, sections, fields)) == []


def test_empty_section_names_its_heading_and_page() -> None:
    docs, sections, fields = _dossier("skkn")
    emptied = [_sec("ly_do", empty=True, page=2, heading="1. Lý do chọn đề tài") if s.key == "ly_do"
               and s.document == "mo_ta" else s for s in sections]
    result = _check("skkn", docs, emptied, fields)
    assert _codes(result) == ["empty_section"]
    f = result.findings[0]
    assert (f.key, f.page, f.file) == ("ly_do", 2, "mo_ta.docx") and "1. Lý do chọn đề tài" in f.message
    # near miss: an empty occurrence beside a real one is fine
    assert _codes(_check("skkn", docs, [*sections, _sec("ly_do", empty=True)], fields)) == []


def test_investor_section_only_when_the_investor_is_not_an_author() -> None:
    docs, sections, fields = _dossier("bao-cao-mo-ta")
    other = replace(fields, investor="Trung tâm Khuyến nông tỉnh Lạng Sơn")
    result = _check("bao-cao-mo-ta", docs, sections, other)
    assert _codes(result) == ["missing_section"] and result.findings[0].key == "chu_dau_tu"
    assert _codes(_check("bao-cao-mo-ta", docs, [*sections, _sec("chu_dau_tu", "don_yeu_cau")], other)) == []
    for investor in ("NGUYEN VAN AN", "Tác giả", "Không có", None):
        assert _codes(_check("bao-cao-mo-ta", docs, sections, replace(fields, investor=investor))) == []


# ---------------------------------------------------------------------------------- conditions


@pytest.mark.parametrize(("condition", "code"), [("novelty", "novelty_not_stated"),
                                                 ("applicability", "applicability_not_stated"),
                                                 ("benefit", "benefit_not_stated")])
def test_a_condition_not_stated(condition: str, code: str) -> None:
    docs, sections, fields = _dossier("langson-291")
    key = PROFILES["langson-291"].conditions[condition][0]
    result = _check("langson-291", docs, [s for s in sections if s.key != key], fields)
    assert _codes(result) == [code] and result.findings[0].key == key
    assert "không có mục" in result.findings[0].message and [m.key for m in result.missing] == [key]
    # near miss: stated, but in a sub-heading found on another page
    assert _codes(_check("langson-291", docs, [*sections, _sec(key, page=3)], fields)) == []


def test_a_benefit_heading_left_empty_and_no_results_section() -> None:
    """The mai-chau case: '- Lợi ích thu được:' with nothing under it, and no Hiệu quả section."""
    docs, sections, fields = _dossier("bao-cao-mo-ta")
    cut = [s for s in sections if s.key not in ("loi_ich", "ket_qua")]
    cut.append(_sec("loi_ich", empty=True, page=2, heading="- Lợi ích thu được"))
    result = _check("bao-cao-mo-ta", docs, cut, fields)
    assert _codes(result) == ["benefit_not_stated"]  # ket_qua is covered by the benefit finding
    f = result.findings[0]
    assert (f.key, f.page) == ("loi_ich", 2) and "để trống" in f.message and "Lợi ích thu được" in f.message
    assert {m.key for m in result.missing} == {"loi_ich", "ket_qua"}
    # near miss: results with content state the benefit for this profile, not for langson-291
    with_results = [*cut, _sec("ket_qua")]
    assert _codes(_check("bao-cao-mo-ta", docs, with_results, fields)) == []


def test_conditions_of_the_request_alone() -> None:
    docs, sections, fields = _dossier("nd13-don")
    result = _check("nd13-don", docs, [s for s in sections if s.key != "dieu_kien"], fields)
    assert _codes(result) == ["applicability_not_stated"] and result.findings[0].file == "don_yeu_cau.docx"
    # near miss: a description's applicability section does not count for the request form
    assert _codes(_check("nd13-don", docs, [s for s in sections if s.key != "dieu_kien"]
                         + [_sec("dieu_kien", "mo_ta")], fields)) == ["applicability_not_stated"]


# -------------------------------------------------------------------------------------- fields


def test_shares_not_100() -> None:
    docs, sections, fields = _dossier("skkn")
    def authors(*shares: float | None) -> Fields:
        people = tuple(AuthorInfo(f"Tác giả {i}", share_percent=x) for i, x in enumerate(shares, 1))
        return replace(fields, authors=people, description_authors=())

    result = _check("skkn", docs, sections, authors(40, 30, 20))
    assert _codes(result) == ["shares_not_100"]
    f = result.findings[0]
    assert (f.page, f.file) == (1, "don_yeu_cau.docx") and "90%" in f.message
    # near misses: 99.6 is within the tolerance; an unknown share means nothing is summed
    assert _codes(_check("skkn", docs, sections, authors(66.6, 33))) == []
    assert _codes(_check("skkn", docs, sections, authors(40, None))) == []


def test_share_below_minimum() -> None:
    docs, sections, fields = _dossier("skkn")
    authors = (AuthorInfo("A", share_percent=75), AuthorInfo("B", share_percent=25))
    fields = replace(fields, authors=authors, description_authors=())
    strict = _with_rules("skkn", min_share=30.0)
    result = _check("skkn", docs, sections, fields, strict)
    assert _codes(result) == ["share_below_minimum"] and result.findings[0].severity == "warning"
    assert "B" in result.findings[0].message and result.complete
    assert _codes(_check("skkn", docs, sections, fields)) == []  # min_share 0: not checked
    ok = replace(fields, authors=(AuthorInfo("A", share_percent=70), AuthorInfo("B", share_percent=30)))
    assert _codes(_check("skkn", docs, sections, ok, strict)) == []


def test_first_applied_missing_and_after_submission() -> None:
    docs, sections, fields = _dossier("skkn")
    result = _check("skkn", docs, sections, replace(fields, first_applied=None))
    assert _codes(result) == ["first_applied_missing"] and not result.complete
    late = _check("skkn", docs, sections, replace(fields, first_applied=date(2024, 5, 9)))
    assert _codes(late) == ["first_applied_after_submission"] and "09/05/2024" in late.findings[0].message
    same_day = replace(fields, first_applied=date(2024, 5, 8))
    assert _codes(_check("skkn", docs, sections, same_day)) == []
    assert _codes(_check("skkn", docs, sections, replace(fields, submitted=None))) == []


def test_first_applied_too_early() -> None:
    docs, sections, fields = _dossier("skkn")
    one_year = _with_rules("skkn", first_applied_max_years=1)
    early = replace(fields, first_applied=date(2023, 5, 7))
    assert _codes(_check("skkn", docs, sections, early, one_year)) == ["first_applied_too_early"]
    on_the_day = replace(fields, first_applied=date(2023, 5, 8))
    assert _codes(_check("skkn", docs, sections, on_the_day, one_year)) == []
    assert _codes(_check("skkn", docs, sections, early)) == []  # rule off


def test_applied_too_short() -> None:
    docs, sections, fields = _dossier("skkn")
    three = _with_rules("skkn", min_months_applied=3)
    short = replace(fields, first_applied=date(2024, 2, 9))
    result = _check("skkn", docs, sections, short, three)
    assert _codes(result) == ["applied_too_short"] and "2 tháng" in result.findings[0].message
    three_months = replace(fields, first_applied=date(2024, 2, 8))
    assert _codes(_check("skkn", docs, sections, three_months, three)) == []
    assert _codes(_check("skkn", docs, sections, short)) == []


def test_signature_missing_and_date_missing() -> None:
    docs, sections, fields = _dossier("skkn")
    docs = [*docs, _doc("xac_nhan", pages=1)]
    result = _check("skkn", docs, sections, fields)
    assert _codes(result) == ["signature_missing"]
    f = result.findings[0]
    assert (f.key, f.file, f.page) == ("xac_nhan", "xac_nhan.docx", 1)
    undated = SignatureBlock("xac_nhan", "xac_nhan.docx", 1, None, "Hiệu trưởng Phạm Văn Dũng")
    result = _check("skkn", docs, sections, replace(fields, signatures=(*fields.signatures, undated)))
    assert _codes(result) == ["date_missing"] and result.findings[0].severity == "warning"
    dated = replace(undated, date=date(2024, 4, 1))
    signed = replace(fields, signatures=(*fields.signatures, dated))
    assert _codes(_check("skkn", docs, sections, signed)) == []
    # a kind not in rules.signatures is not checked
    assert _codes(_check("skkn", [*docs[:-1], _doc("bien_ban")], sections, fields)) == []


def test_title_and_authors_mismatch() -> None:
    docs, sections, fields = _dossier("skkn")
    other = replace(fields, description_title="Một số biện pháp rèn kỹ năng đọc hiểu cho học sinh lớp 3")
    assert _codes(_check("skkn", docs, sections, other)) == ["title_mismatch"]
    slip = replace(fields, description_title="Giai phap so theo doi dien tu")  # OCR lost the marks
    assert _codes(_check("skkn", docs, sections, slip)) == []
    fewer = replace(fields, description_authors=("Nguyễn Văn An", "Lê Thị Bình"))
    assert _codes(_check("skkn", docs, sections, fewer)) == ["authors_mismatch"]
    assert _codes(_check("skkn", docs, sections, fewer, _with_rules("skkn", compare_request=False))) == []


def test_no_profile_checks_the_common_ground() -> None:
    docs, sections, fields = _dossier("bao-cao-mo-ta")
    request_only = [d for d in docs if d.kind == "don_yeu_cau"]
    result = _check(None, request_only, sections, fields)
    assert _codes(result) == ["profile_not_found", "missing_document"]
    assert result.findings[0].severity == "info" and [m.key for m in result.missing] == ["mo_ta"]
    assert _codes(_check(None, docs, sections, fields)) == ["profile_not_found"]
    assert _check(None, docs, sections, fields).complete
    # no profiles at all: the field checks still run, with the default rules
    empty = check_completeness(docs, sections, replace(fields, first_applied=None), None, {})
    assert _codes(empty) == ["profile_not_found", "first_applied_missing"]
    assert Rules().shares_total == 100


# ------------------------------------------------------------------------- the sample truth

NUMBERED = re.compile(r"^\s*([IVX]+|\d+(?:\.\d+)*|[a-zA-Z])[.)]\s", re.M)


def _truth_dossier(t: dict) -> tuple[list[DocView], list[Section], Fields]:
    """Documents, sections (with content read off the page text) and fields of one truth."""
    docs: list[DocView] = []
    for f in t["files"]:
        for p in f["pages"]:
            page = Page(p["number"], p["text"], PageMethod.WORD)
            if docs and docs[-1].file == f["name"] and docs[-1].kind == p["kind"]:
                docs[-1] = replace(docs[-1], pages=(*docs[-1].pages, page))
            else:
                docs.append(DocView(f["name"], p["kind"], (page,)))
    def at_line_start(heading: str) -> re.Pattern[str]:
        return re.compile(r"^\s*" + r"\s+".join(map(re.escape, heading.split())), re.M)

    headings = [at_line_start(h) for h in {s["heading"] for s in t["sections"]}]
    ends = [re.compile(r",\s*ngày \d+ tháng")]  # the place-and-date line
    sections = []
    for s in t["sections"]:
        # from the heading's page on, through the following files of that kind (a request
        # photographed page by page is one document in several files)
        pages = [(d.file, p) for d in docs if d.kind == s["document"] for p in d.pages]
        start = next(i for i, (file, p) in enumerate(pages) if file == s["file"] and p.number == s["page"])
        text = "\n".join(p.text for _, p in pages[start:])
        found = at_line_start(s["heading"]).search(text)
        assert found, (t["dossier"], s["heading"])
        rest = text[found.end():]
        own = re.match(r"\s*(?:Chương|PHẦN|Phần)?\s*([\dIVX.]+)", s["heading"])
        cuts = [m.start() for pattern in [*headings, *ends] if (m := pattern.search(rest))]
        cuts += [m.start() for m in NUMBERED.finditer(rest) if m.group(1) not in ("1", "a", "I")
                 and not (own and m.group(1).startswith(own.group(1)))]  # a sibling, not a child
        cut = min([*cuts, len(rest)])
        chars = len(" ".join(rest[:cut].strip(" :.\n").split()))
        sections.append(Section(s["key"], s["heading"], s["file"], s["page"], chars, s["document"],
                                chars == 0))
    fl = t["fields"]
    authors = tuple(AuthorInfo(a["name"], share_percent=a["share_percent"]) for a in fl["authors"])
    signatures = []
    for d in docs:
        last = d.pages[-1].text  # the signer's name ends the document; the date line may be
        dates = find_dates("\n".join(p.text for p in d.pages[-2:]))  # on the page before
        signer = [line for line in last.split("\n") if line.strip()][-1]
        signatures.append(SignatureBlock(d.kind, d.file, d.pages[-1].number,
                                         dates[-1].value if dates else None, signer))
    fields = Fields(title=fl["title"], authors=authors, investor=fl["investor"],
                    first_applied=date.fromisoformat(fl["first_applied"]),
                    submitted=date.fromisoformat(fl["signed"]), signatures=tuple(signatures))
    return docs, sections, fields


def test_the_sample_truth_is_judged_as_its_notes_say() -> None:
    samples = [t for t in truth.load() if t["fields"]]
    assert len(samples) == 13
    for t in samples:
        docs, sections, fields = _truth_dossier(t)
        result = _check(t["profile"], docs, sections, fields)
        errors = [f.code for f in result.findings if f.severity == "error"]
        assert result.complete == t["complete"], (t["dossier"], result.findings)
        assert sorted(m.key for m in result.missing) == sorted(t["missing"]), (t["dossier"], result.missing)
        assert len(errors) == len(t["defects"]), (t["dossier"], result.findings)
        assert not [f for f in result.findings if f.severity == "warning"], (t["dossier"], result.findings)
