"""Completeness: one dossier's documents, sections and fields judged against its profile.

Every problem is one :class:`Finding` with a stable code, a severity, a Vietnamese message in
the secretariat's words and, where there is one, the file and page it is about. The dossier is
complete when no finding is an error. ``Completeness.missing`` lists each missing document,
missing or empty section and unstated condition once, with its Vietnamese label.

    code                             severity  key          when
    missing_document                 error     kind         a required document kind is absent
    missing_section                  error     section key  a required section is not there
    empty_section                    error     section key  only empty headings of it are there
    novelty_not_stated               error     first key    no condition key has content
    applicability_not_stated         error     first key    (idem, in the description, or in
    benefit_not_stated               error     first key     the request for nd13-don)
    shares_not_100                   error     –            known shares do not sum to the total
    share_below_minimum              warning   –            one author below rules.min_share
    first_applied_missing            error     –            no first-application date
    first_applied_after_submission   error     –            first applied after the request date
    first_applied_too_early          warning   –            > first_applied_max_years before it
    applied_too_short                warning   –            < min_months_applied months before it
    signature_missing                error     kind         no signer and no date on the document
    date_missing                     warning   kind         a signer but no date line
    title_mismatch                   warning   –            request and description titles differ
    authors_mismatch                 warning   –            request and description authors differ
    profile_not_found                info      –            no profile: common ground only

Decisions kept simple on purpose:
- Sections are only checked in documents that exist; a missing description is one finding.
- A required key that is also one of an *unstated* condition's keys (``ket_qua`` of
  bao-cao-mo-ta, ``mo_ta_ban_chat`` of nd13-don) gets no finding of its own: the condition
  finding covers it (it is still listed in ``missing``).
- ``chu_dau_tu`` (the only conditional key) is required when ``fields.investor`` is set, is not
  "không", and matches no author's name (folded, fuzzy, or one contained in the other).
- Without a profile the dossier is checked against ``checks.profiles.common_profile``: what all
  description profiles require (a request and a description, the request's items, any way of
  stating the three conditions), and an info finding says no profile was chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from checks.profiles import Profile, Rules, common_profile
from extract.section_cues import LABELS
from ingest.vietnamese import fold
from models.understanding import Completeness, DocView, Fields, Finding, Missing, Section

CODES: dict[str, str] = {
    "missing_document": "a document kind the profile requires is not in the dossier",
    "missing_section": "a required section is not in its document",
    "empty_section": "a required section's headings all have no content",
    "novelty_not_stated": "no section stating novelty has content",
    "applicability_not_stated": "no section stating applicability has content",
    "benefit_not_stated": "no section stating the benefit has content",
    "shares_not_100": "the authors' contribution shares do not sum to the profile's total",
    "share_below_minimum": "an author's share is below the profile's minimum",
    "first_applied_missing": "no first-application date was found",
    "first_applied_after_submission": "the first application is dated after the request",
    "first_applied_too_early": "the first application is more years before the request than allowed",
    "applied_too_short": "fewer months of application before the request than required",
    "signature_missing": "a document that must be signed has neither signer nor date",
    "date_missing": "a signed document has no date line",
    "title_mismatch": "the request's and the description's titles differ",
    "authors_mismatch": "the request's and the description's authors differ",
    "profile_not_found": "no profile was given or detected; only common requirements were checked",
}
CONDITION_CODES = {"novelty": "novelty_not_stated", "applicability": "applicability_not_stated",
                   "benefit": "benefit_not_stated"}
CONDITION_LABELS = {"novelty": "tính mới", "applicability": "khả năng áp dụng",
                    "benefit": "lợi ích (hiệu quả) thu được"}
DOCUMENT_LABELS = {
    "don_yeu_cau": "Đơn yêu cầu công nhận sáng kiến", "mo_ta": "Bản mô tả sáng kiến",
    "xac_nhan": "Giấy xác nhận áp dụng sáng kiến", "bien_ban": "Biên bản họp xét sáng kiến",
    "to_trinh": "Tờ trình đề nghị công nhận sáng kiến", "quyet_dinh": "Quyết định công nhận sáng kiến",
    "khac": "Tài liệu khác",
}
SHARE_TOLERANCE = 0.5
SAME_TEXT = 90.0  # rapidfuzz ratio on folded text above which two titles or names are the same
NO_INVESTOR = {"khong", "khong co", "tac gia", "nhu tren", "chinh tac gia"}


def check_completeness(docs: Sequence[DocView], sections: Sequence[Section], fields: Fields,
                       profile: Profile | None, profiles: Mapping[str, Profile]) -> Completeness:
    """All findings of one dossier against ``profile`` (or the common ground of ``profiles``)."""
    used = profile or common_profile(profiles)
    d = _Dossier(tuple(docs), tuple(sections), fields, used)
    found: list[Finding | Missing] = []
    if profile is None:
        found.append(Finding("profile_not_found", "info", "Chưa xác định được mẫu hồ sơ (mẫu mô tả); "
                             "chỉ kiểm tra những phần mọi mẫu đều yêu cầu."))
    if used is not None:
        found += _documents(d)
        found += _sections_and_conditions(d)
    found += _shares(d)
    found += _first_applied(d)
    found += _signatures(d)
    if d.rules.compare_request:
        found += _comparison(d)
    findings = tuple(f for f in found if isinstance(f, Finding))
    missing = tuple({m.key: m for m in found if isinstance(m, Missing)}.values())
    return Completeness(not any(f.severity == "error" for f in findings), missing, findings)


@dataclass(frozen=True)
class _Dossier:
    docs: tuple[DocView, ...]
    sections: tuple[Section, ...]
    fields: Fields
    profile: Profile | None

    @property
    def rules(self) -> Rules:
        return self.profile.rules if self.profile else Rules()

    def doc(self, kind: str) -> DocView | None:
        return next((doc for doc in self.docs if doc.kind == kind), None)

    def of(self, kind: str, key: str) -> list[Section]:
        return [s for s in self.sections if s.document == kind and s.key == key]

    def where(self, name: str, kind: str = "don_yeu_cau") -> tuple[str | None, int | None]:
        """File and page of a field, else of the request's first page."""
        if name in self.fields.where:
            return self.fields.where[name].file, self.fields.where[name].page
        doc = self.doc(kind)
        return (doc.file, doc.first_page) if doc else (None, None)


# ------------------------------------------------------------------------ documents, sections


def _documents(d: _Dossier) -> Iterator[Finding | Missing]:
    assert d.profile is not None
    for kind in d.profile.documents_required:
        if d.doc(kind) is None:
            label = DOCUMENT_LABELS.get(kind, kind)
            yield Finding("missing_document", "error", f"Hồ sơ thiếu tài liệu: {label}.", key=kind)
            yield Missing(kind, label)


def _sections_and_conditions(d: _Dossier) -> Iterator[Finding | Missing]:
    assert d.profile is not None
    carrier = d.profile.conditions_document
    unstated = {name: keys for name, keys in d.profile.conditions.items()
                if keys and d.doc(carrier) and not any(not s.empty for k in keys for s in d.of(carrier, k))}
    covered = {k for keys in unstated.values() for k in keys}
    for kind, req in d.profile.sections.items():
        doc = d.doc(kind)
        if doc is None:
            continue
        keys = [*req.required, *(k for k in req.conditional if _conditional_applies(k, d.fields))]
        for key in keys:
            found = d.of(kind, key)
            if any(not s.empty for s in found):
                continue
            yield Missing(key, section_label(key))
            if kind == carrier and key in covered:
                continue
            doc_label = DOCUMENT_LABELS.get(kind, kind)
            if found:
                s = found[0]
                yield Finding("empty_section", "error", f"{doc_label}: mục “{s.heading}” (trang {s.page}) "
                              "có tiêu đề nhưng không có nội dung.", s.page, s.file, key)
            else:
                yield Finding("missing_section", "error",
                              f"{doc_label}: thiếu mục “{section_label(key)}”.", None, doc.file, key)
    for name, keys in unstated.items():
        doc = d.doc(carrier)
        assert doc is not None
        empty = [s for k in keys for s in d.of(carrier, k)]
        where = f"{DOCUMENT_LABELS.get(carrier, carrier)} không nêu {CONDITION_LABELS.get(name, name)}"
        if empty:
            s = empty[0]
            message = f"{where}: mục “{s.heading}” (trang {s.page}) có tiêu đề nhưng để trống."
            page, file = s.page, s.file
        else:
            names = ", ".join(f"“{section_label(k)}”" for k in keys)
            message = f"{where} (không có mục {names})."
            page, file = None, doc.file
        yield Finding(CONDITION_CODES.get(name, f"{name}_not_stated"), "error", message, page, file, keys[0])
        yield Missing(keys[0], section_label(keys[0]))


def _conditional_applies(key: str, fields: Fields) -> bool:
    if key != "chu_dau_tu" or not fields.investor or _norm(fields.investor) in NO_INVESTOR:
        return False
    return not any(_same_name(fields.investor, a.name) for a in fields.authors)


def section_label(key: str) -> str:
    """Vietnamese label of a section key (``extract.section_cues.LABELS``)."""
    return LABELS.get(key, key)


# ------------------------------------------------------------------------------ fields


def _shares(d: _Dossier) -> Iterator[Finding]:
    authors = d.fields.authors
    if not authors or any(a.share_percent is None for a in authors):
        return
    file, page = d.where("authors")
    total = sum(a.share_percent or 0.0 for a in authors)
    if abs(total - d.rules.shares_total) > SHARE_TOLERANCE:
        parts = " + ".join(_pct(a.share_percent) for a in authors)
        yield Finding("shares_not_100", "error", f"Tổng tỷ lệ đóng góp của các tác giả là {parts} = "
                      f"{_pct(total)}%, phải bằng {_pct(d.rules.shares_total)}%.", page, file)
    if d.rules.min_share > 0:
        for a in authors:
            if (a.share_percent or 0.0) < d.rules.min_share:
                yield Finding("share_below_minimum", "warning", f"Tỷ lệ đóng góp của {a.name} là "
                              f"{_pct(a.share_percent)}%, thấp hơn mức tối thiểu {_pct(d.rules.min_share)}%.",
                              page, file)


def _first_applied(d: _Dossier) -> Iterator[Finding]:
    first, submitted, rules = d.fields.first_applied, d.fields.submitted, d.rules
    file, page = d.where("first_applied")
    if first is None:
        yield Finding("first_applied_missing", "error", "Không tìm thấy ngày sáng kiến được áp dụng lần "
                      "đầu hoặc áp dụng thử.", page, file, "ngay_ap_dung")
        return
    if submitted is None:
        return
    if first > submitted:
        yield Finding("first_applied_after_submission", "error", f"Ngày áp dụng lần đầu ({_d(first)}) "
                      f"sau ngày nộp đơn ({_d(submitted)}).", page, file, "ngay_ap_dung")
        return
    years = rules.first_applied_max_years
    if years > 0 and first < _years_before(submitted, years):
        yield Finding("first_applied_too_early", "warning", f"Sáng kiến áp dụng lần đầu từ {_d(first)}, "
                      f"sớm hơn {years} năm trước ngày nộp đơn ({_d(submitted)}).", page, file,
                      "ngay_ap_dung")
    months = _months_between(first, submitted)
    if rules.min_months_applied > 0 and months < rules.min_months_applied:
        yield Finding("applied_too_short", "warning", f"Sáng kiến mới áp dụng {months} tháng (từ {_d(first)} "
                      f"đến ngày nộp đơn {_d(submitted)}); cần ít nhất {rules.min_months_applied} tháng.",
                      page, file, "ngay_ap_dung")


def _signatures(d: _Dossier) -> Iterator[Finding]:
    for kind in d.rules.signatures:
        doc = d.doc(kind)
        if doc is None:
            continue
        label = DOCUMENT_LABELS.get(kind, kind)
        blocks = [b for b in d.fields.signatures if b.document == kind]
        if not any(b.signer or b.date for b in blocks):
            last = doc.pages[-1].number if doc.pages else None
            yield Finding("signature_missing", "error", f"{label} không có chữ ký, họ tên người ký và "
                          "ngày ký.", last, doc.file, kind)
        elif not any(b.date for b in blocks):
            b = next(b for b in blocks if b.signer)
            yield Finding("date_missing", "warning", f"{label} có chữ ký ({b.signer}) nhưng không ghi "
                          "ngày, tháng, năm.", b.page, b.file, kind)


def _comparison(d: _Dossier) -> Iterator[Finding]:
    f = d.fields
    if f.title and f.description_title and fuzz.ratio(_norm(f.title), _norm(f.description_title)) < SAME_TEXT:
        file, page = d.where("description_title", "mo_ta")
        yield Finding("title_mismatch", "warning", f"Tên sáng kiến trong đơn (“{f.title}”) khác với tên "
                      f"trong bản mô tả (“{f.description_title}”).", page, file)
    names = [a.name for a in f.authors]
    if names and f.description_authors and not (
            all(any(_same_name(a, b) for b in f.description_authors) for a in names)
            and all(any(_same_name(b, a) for a in names) for b in f.description_authors)):
        file, page = d.where("description_authors", "mo_ta")
        yield Finding("authors_mismatch", "warning", f"Tác giả trong đơn ({', '.join(names)}) khác với "
                      f"tác giả trong bản mô tả ({', '.join(f.description_authors)}).", page, file)


# ------------------------------------------------------------------------------- helpers


def _norm(text: str) -> str:
    """Folded, lower-case, letters and digits only: quotes, punctuation and case do not count."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text).lower()).split())


def _same_name(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    return fuzz.ratio(na, nb) >= SAME_TEXT or f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


def _pct(x: float | None) -> str:
    return f"{round(x or 0.0, 2):g}".replace(".", ",")


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _months_between(first: date, last: date) -> int:
    """Whole months from ``first`` to ``last``."""
    return (last.year - first.year) * 12 + last.month - first.month - (last.day < first.day)
