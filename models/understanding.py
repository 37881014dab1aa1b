"""Typed values of dossier understanding: what ``extract`` finds and ``checks`` judges.

    DocView      one document of a dossier: a whole file, or a page range of a stack scan
    Segment      a page range of one file that is one document (kind + evidence)
    StackPart    a page range of one file that is one dossier, and why it starts there
    Section      a section of the description or the request (DOMAIN.md keys)
    Fields       title, authors, dates, … with the page each came from
    Finding      one completeness problem: stable code, severity, Vietnamese message, page
    Completeness all findings of one dossier against its profile

Frozen dataclasses only; nothing here touches a database, Celery or the web.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date

from models.domain import Page


@dataclass(frozen=True)
class DocView:
    """One document as later stages see it. ``pages`` keep their page numbers in the file
    (a document that starts on page 7 of a stack scan has a first page numbered 7)."""

    file: str  # path of the file in the dossier, as the report names it
    kind: str  # one of models.domain.DOCUMENT_KINDS
    pages: tuple[Page, ...]

    @property
    def first_page(self) -> int:
        return self.pages[0].number if self.pages else 1

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)


@dataclass(frozen=True)
class Segment:
    """Pages first..last (inclusive, 1-based) of a file form one document of this kind."""

    first: int
    last: int
    kind: str
    evidence: str = ""  # the title line that decided the kind, or ""


@dataclass(frozen=True)
class StackPart:
    """Pages first..last of a file form one dossier. ``how``: "start" (the file's first
    page), "request" (a request form's first page begins here), "separator" (the page
    before was a separator sheet; separator pages belong to no part)."""

    first: int
    last: int
    how: str
    segments: tuple[Segment, ...]
    code: str | None = None  # the separator sheet's code, when a separator started it


@dataclass(frozen=True)
class Section:
    key: str  # a section key of DOMAIN.md (or a request item key)
    heading: str  # as written, without the content that shares its line
    file: str
    page: int  # page of the heading
    chars: int  # length of the content under the heading (whitespace collapsed)
    document: str  # kind of the document it is in (mo_ta, don_yeu_cau, …)
    empty: bool = False  # no real content under the heading: counts as missing
    text: str = ""  # the content itself (not in the report; used by checks and duplicates)


@dataclass(frozen=True)
class Where:
    """Where a field's value was read: file and page."""

    file: str
    page: int


@dataclass(frozen=True)
class AuthorInfo:
    name: str
    birth_date: date | None = None
    unit: str | None = None
    position: str | None = None
    qualification: str | None = None
    share_percent: float | None = None


@dataclass(frozen=True)
class Decision:
    """A recognition decision cited in the dossier ("Quyết định số 21/QĐ-BQLDA ngày …")."""

    number: str
    date: date | None = None


@dataclass(frozen=True)
class SignatureBlock:
    """The place-and-date line and the signer lines at the end of a document."""

    document: str  # kind
    file: str
    page: int
    date: date | None  # the date of the "…, ngày … tháng … năm …" line, when present
    signer: str | None  # the signer's name as written, when present


@dataclass(frozen=True)
class Fields:
    title: str | None = None  # the request's title, else the description's
    authors: tuple[AuthorInfo, ...] = ()  # from the request's table, else the description
    addressee: str | None = None  # "Kính gửi: …", the establishment asked to recognise it
    unit: str | None = None  # the (first) author's unit
    field: str | None = None  # Lĩnh vực áp dụng
    first_applied: date | None = None
    investor: str | None = None  # Chủ đầu tư tạo ra sáng kiến
    confidential: str | None = None  # Những thông tin cần được bảo mật, when any
    decisions: tuple[Decision, ...] = ()
    year: int | None = None  # year of submission (the request's date, else the latest date)
    submitted: date | None = None  # the request's signing date
    # the same facts as the description states them, for the request/description comparison
    description_title: str | None = None
    description_authors: tuple[str, ...] = ()
    signatures: tuple[SignatureBlock, ...] = ()
    where: dict[str, Where] = _field(default_factory=dict)  # field name -> where it was read


@dataclass(frozen=True)
class Finding:
    code: str  # stable, see checks.completeness.CODES
    severity: str  # error | warning | info
    message: str  # Vietnamese, for people
    page: int | None = None
    file: str | None = None
    key: str | None = None  # the section key or document kind it is about


@dataclass(frozen=True)
class Missing:
    key: str  # a section key, or a document kind for a missing document
    label: str  # Vietnamese


@dataclass(frozen=True)
class Completeness:
    complete: bool
    missing: tuple[Missing, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Understanding:
    """Everything ``extract`` and ``checks`` say about one dossier."""

    profile: str | None
    profile_how: str  # "round" (given), "detected", or "none"
    sections: tuple[Section, ...]
    fields: Fields
    completeness: Completeness
