"""The sample dossiers as data: who wrote what, which documents, and how each is filed.

Everything the generator writes comes from the objects here, so tests and benchmarks can
build their own variations (``dataclasses.replace`` a request, re-file a dossier as another
input kind, drop a section) and still know the ground truth.

- ``Para`` / ``Table`` / ``PageBreak``: the items of a document, in reading order. A ``Para``
  that starts a section carries its section ``key`` (DOMAIN.md) and, when the heading shares
  its line with content ("3. Lĩnh vực áp dụng: Giáo dục."), the ``label`` as written.
- ``Document``: one document of a dossier (kind = don_yeu_cau | mo_ta | xac_nhan | bien_ban).
- ``FileSpec`` / ``Scan``: how documents are filed (input kind, scan settings).
- ``Dossier``: all of the above plus the facts the truth records (fields, missing, defects).

The written content lives in ``samples/content/`` (one module per dossier); the request
form, proof of application and minutes are built from facts by ``samples/forms.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# ---------------------------------------------------------------------------- document items


@dataclass(frozen=True)
class Para:
    """A paragraph. style: body | heading | title | center | plain-center | right | sign |
    sign-plain | small. level: Word heading level (1-3) when a DOCX uses heading styles."""

    text: str
    style: str = "body"
    key: str | None = None
    label: str | None = None
    level: int = 0

    @property
    def heading(self) -> str:
        """The heading as written: the label when content follows on the same line."""
        return self.label if self.label is not None else self.text


@dataclass(frozen=True)
class Table:
    """Rows of cells; a cell's explicit lines are separated by "\\n". widths: fractions of
    the text width. header: how many leading rows are bold and centred."""

    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    header: int = 1
    border: bool = True
    pt: int = 11
    center_cols: tuple[int, ...] = ()
    key: str | None = None


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (after a cover page, before an appendix)."""


Item = Para | Table | PageBreak


@dataclass(frozen=True)
class Document:
    kind: str
    items: tuple[Item, ...]
    header: str | None = None  # DOCX running header
    footer: str | None = None  # DOCX running footer


# ---------------------------------------------------------------------------- the facts


@dataclass(frozen=True)
class Author:
    name: str
    birth_date: date
    unit: str
    position: str
    qualification: str
    share: float  # percent of the contribution


@dataclass(frozen=True)
class Helper:
    """A person who took part in the first or trial application (request item ap_dung_thu)."""

    name: str
    birth_date: date
    unit: str
    position: str
    qualification: str
    task: str


@dataclass(frozen=True)
class FormStyle:
    """How one unit typed the request form."""

    title: str = "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN"
    republic: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    agency: tuple[str, ...] = ()  # left column of a two-column header; empty = centred header
    footnotes: bool = False  # "Kính gửi1:", "sáng kiến2:" ...
    date_style: str = "words"  # words: "ngày 5 tháng 9 năm 2023"; slash: "05/9/2023"
    share_suffix: str = ""  # "" or "%"
    unit_confirm: tuple[str, ...] = ()  # "XÁC NHẬN CỦA ĐƠN VỊ" block lines, empty = none
    essence_inline: bool = False  # first essence paragraph on the label's line


@dataclass(frozen=True)
class Request:
    addressee: str
    authors: tuple[Author, ...]
    title: str
    investor: str | None
    field: str
    first_applied: date
    essence: tuple[str, ...]
    confidential: str | None
    conditions: str
    benefit_author: str
    benefit_org: str | None
    helpers: tuple[Helper, ...]
    place: str
    signed: date
    style: FormStyle = FormStyle()


@dataclass(frozen=True)
class Proof:
    """GIẤY XÁC NHẬN ÁP DỤNG SÁNG KIẾN: who confirms, since when, with what effect."""

    agency: tuple[str, ...]
    number: str
    place: str
    signed: date
    confirmer: str  # the unit confirming
    applied_at: str
    since: date
    effect: tuple[str, ...]
    signer_title: str
    signer: str


@dataclass(frozen=True)
class Minutes:
    """BIÊN BẢN HỌP XÉT SÁNG KIẾN of the unit's council."""

    agency: tuple[str, ...]
    number: str
    place: str
    held: date
    hour: str
    venue: str
    council: str
    members: tuple[tuple[str, str], ...]  # (name, role)
    present: int
    total: int
    votes_for: int
    opinions: tuple[str, ...]
    chair: str
    secretary: str


# ---------------------------------------------------------------------------- filing


@dataclass(frozen=True)
class Scan:
    """Scanner settings for one file. skews/rotations are per page (1-based); pages not
    listed use ``skew``. stamp_pages: pages that get the red seal."""

    dpi: int = 200
    skew: float = 0.0
    skews: tuple[tuple[int, float], ...] = ()
    noise: float = 0.0
    blur: float = 0.0
    jpeg: int = 75
    stamp_pages: tuple[int, ...] = ()
    rotations: tuple[tuple[int, int], ...] = ()
    photo: bool = False
    color: bool = False  # keep RGB (stamps are red); otherwise grayscale
    seed: int = 0

    def skew_of(self, page: int) -> float:
        return dict(self.skews).get(page, self.skew)

    def rotation_of(self, page: int) -> int:
        return dict(self.rotations).get(page, 0)


INPUT_KINDS = (
    "born_digital_pdf", "scanned_pdf", "photo", "tiff", "docx", "doc", "docx_tcvn3",
    "docx_vni", "mixed_pdf", "broken_text_pdf", "broken",
)


@dataclass(frozen=True)
class FileSpec:
    """One file of a dossier: its path inside the dossier folder (or ZIP), the documents it
    holds in order, and how it is made. For ``mixed_pdf``, ``scanned_pages`` lists the pages
    that are images (1-based); the others carry text. For ``photo`` each page is its own
    JPEG named ``name`` with ``{n}`` replaced by the page number."""

    name: str
    docs: tuple[str, ...]
    input: str
    scan: Scan | None = None
    scanned_pages: tuple[int, ...] = ()
    headings: str = "bold"  # DOCX: "styles" (Heading 1-3) or "bold"


@dataclass(frozen=True)
class Defect:
    code: str
    detail: str


@dataclass(frozen=True)
class Dossier:
    name: str
    profile: str | None
    sector: str
    unit: str
    documents: tuple[Document, ...]
    files: tuple[FileSpec, ...]
    request: Request | None = None
    container: str = "folder"  # folder | zip | file
    zip_root: str = ""  # the folder inside the ZIP
    missing: tuple[str, ...] = ()
    defects: tuple[Defect, ...] = ()
    notes: str = ""
    purpose: str = ""  # what behaviour this dossier exercises (README)

    def document(self, kind: str) -> Document:
        for d in self.documents:
            if d.kind == kind:
                return d
        raise KeyError(kind)


def all_dossiers() -> tuple[Dossier, ...]:
    """Every sample dossier, in order (imports the content modules)."""
    from samples.content import DOSSIERS

    return DOSSIERS


def dossier(name: str) -> Dossier:
    for d in all_dossiers():
        if d.name == name:
            return d
    raise KeyError(name)
