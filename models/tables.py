"""SQLAlchemy 2 tables. API schemas live elsewhere; these are what persists.

    Batch ──< Upload            every item given to one ``hoso ingest`` / one upload, by sha256
      └──< Dossier ──< Document ──< PageRow
                 └──< ProblemRow (dossier-, file- or page-level)
    Blob                         one row per stored original (content-addressed store)
    DupEntry                     a dossier's entry in the near-duplicate index (prints + body)
    DupMatch                     a near-duplicate found: dossier -> other, with its passages
    TemplateText                 template text an admin registered (never counts as similar)

    User ──< ApiToken, WebSession    accounts; secrets stored only as sha256 / argon2 hashes
    LoginAttempt                     for login throttling
    AuditEntry                       every state change, decision, download and login
    Assignment  dossier -> reviewer  (who may see and decide it)
    ScoreSheet  dossier x reviewer   criteria scores; locked once submitted
    Decision    dossier              accept / supplement / reject, with a reason; latest wins
    Dossier.supplement_of            a resubmission -> the dossier sent back for a supplement
    Round       a round (đợt xét) by name: its state and configuration (score sheet …)
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Blob(Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Batch(Base):
    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    round: Mapped[str | None] = mapped_column(String(100))
    profile: Mapped[str | None] = mapped_column(String(50))
    prior: Mapped[bool] = mapped_column(Boolean, default=False)
    grouped: Mapped[bool] = mapped_column(Boolean, default=False)  # loose files grouped once
    uploads: Mapped[list[Upload]] = relationship(back_populates="batch")
    dossiers: Mapped[list[Dossier]] = relationship(back_populates="batch")


class Upload(Base):
    """An item as received (a file, or a ZIP as a whole), kept byte for byte."""

    __tablename__ = "uploads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    name: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    already_stored: Mapped[bool] = mapped_column(Boolean, default=False)
    batch: Mapped[Batch] = relationship(back_populates="uploads")


class Dossier(Base):
    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    source: Mapped[str] = mapped_column(String(1000))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of sorted file hashes
    round: Mapped[str | None] = mapped_column(String(100))
    profile: Mapped[str | None] = mapped_column(String(50))
    prior: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    formed_by: Mapped[str] = mapped_column(String(20), default="folder")  # folder|file|zip|stack|group
    formation: Mapped[dict | None] = mapped_column(JSON)  # how: stack pages, grouped files …
    profile_how: Mapped[str | None] = mapped_column(String(20))  # round|detected|default|none
    understanding: Mapped[dict | None] = mapped_column(JSON)  # fields, sections, completeness
    # an archived dossier's record as imported: title, year, unit, status, decision …
    meta: Mapped[dict | None] = mapped_column(JSON)
    duplicates_checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision: Mapped[str | None] = mapped_column(String(20), index=True)  # the latest Decision
    missing: Mapped[int | None] = mapped_column(Integer)  # missing parts: the queue sorts by it
    search_text: Mapped[str | None] = mapped_column(Text)  # models.search.search_key
    # a resubmission: the dossier sent back for a supplement that this one replaces
    supplement_of: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"), index=True)
    supplement_due: Mapped[date | None] = mapped_column(Date)  # the deadline of a supplement asked
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    batch: Mapped[Batch] = relationship(back_populates="dossiers")
    documents: Mapped[list[Document]] = relationship(
        back_populates="dossier", order_by="Document.position"
    )
    problems: Mapped[list[ProblemRow]] = relationship(
        back_populates="dossier", order_by="ProblemRow.id"
    )
    matches: Mapped[list[DupMatch]] = relationship(
        foreign_keys="DupMatch.dossier_id", order_by="DupMatch.similarity.desc()",
        viewonly=True
    )
    supplement_of_dossier: Mapped[Dossier | None] = relationship(
        remote_side=[id], foreign_keys=[supplement_of], back_populates="resubmissions"
    )
    resubmissions: Mapped[list[Dossier]] = relationship(
        foreign_keys=[supplement_of], back_populates="supplement_of_dossier", order_by="Dossier.id"
    )


class Document(Base):
    """One file of a dossier and what reading it produced."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("dossier_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))  # file name, no folders
    path: Mapped[str] = mapped_column(String(1000))  # path inside the dossier folder / ZIP
    sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    file_type: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20), default="khac")
    # a page range of a stack scan: its pages first_page..last_page of the file (else null)
    first_page: Mapped[int | None] = mapped_column(Integer)
    last_page: Mapped[int | None] = mapped_column(Integer)
    segments: Mapped[list | None] = mapped_column(JSON)  # [{first,last,kind,evidence}]
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    ocr_pages: Mapped[int] = mapped_column(Integer, default=0)
    mean_confidence: Mapped[float | None] = mapped_column(Float)
    legacy_encoding: Mapped[str | None] = mapped_column(String(10))
    searchable_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    dossier: Mapped[Dossier] = relationship(back_populates="documents")
    pages: Mapped[list[PageRow]] = relationship(
        back_populates="document", order_by="PageRow.number", cascade="all, delete-orphan"
    )


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(10))
    confidence: Mapped[float | None] = mapped_column(Float)
    lines: Mapped[list | None] = mapped_column(JSON)  # [{text,size,bold,style,numbering,part}]
    words: Mapped[list | None] = mapped_column(JSON)  # OCR words [{t,x0,y0,x1,y1,ln}] (‰ of page)
    document: Mapped[Document] = relationship(back_populates="pages")


class ProblemRow(Base):
    __tablename__ = "problems"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    page: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(50), index=True)
    message: Mapped[str] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    dossier: Mapped[Dossier] = relationship(back_populates="problems")


class DupEntry(Base):
    """A dossier as the near-duplicate index holds it. A new entry (new id) replaces the
    dossier's earlier one, so processes that cache the index catch up by reading ids."""

    __tablename__ = "dup_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), unique=True)
    prints: Mapped[bytes] = mapped_column(LargeBinary)  # uint32 little-endian, sorted, unique
    body: Mapped[bytes] = mapped_column(LargeBinary)  # checks.dup_text.pack
    own_tokens: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DupMatch(Base):
    __tablename__ = "dup_matches"
    __table_args__ = (UniqueConstraint("dossier_id", "other_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    similarity: Mapped[float] = mapped_column(Float)
    coverage: Mapped[float] = mapped_column(Float)  # share of this dossier's own text in other
    their_coverage: Mapped[float] = mapped_column(Float)
    passages: Mapped[list] = mapped_column(JSON)  # both texts kept; redacted when reported
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    excluded_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    other: Mapped[Dossier] = relationship(foreign_keys=[other_id])


class TemplateText(Base):
    __tablename__ = "template_texts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))  # secretariat|reviewer|archivist|admin
    unit: Mapped[str | None] = mapped_column(String(300))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    user: Mapped[User] = relationship()


class WebSession(Base):
    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[User] = relationship()


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(100), index=True)
    ip: Mapped[str | None] = mapped_column(String(64), index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    login: Mapped[str | None] = mapped_column(String(100))  # as typed, for failed logins too
    action: Mapped[str] = mapped_column(String(50), index=True)
    object_type: Mapped[str | None] = mapped_column(String(30))
    object_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict | None] = mapped_column(JSON)
    ip: Mapped[str | None] = mapped_column(String(64))


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("dossier_id", "reviewer_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    assigned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewer: Mapped[User] = relationship(foreign_keys=[reviewer_id])


class ScoreSheet(Base):
    __tablename__ = "score_sheets"
    __table_args__ = (UniqueConstraint("dossier_id", "reviewer_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scores: Mapped[dict] = mapped_column(JSON)  # criterion key -> points
    total: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # locked
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    reviewer: Mapped[User] = relationship(foreign_keys=[reviewer_id])


class Decision(Base):
    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    decided_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(String(20))  # accept|supplement|reject
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user: Mapped[User] = relationship()


class Round(Base):
    """A round of the council (``Dossier.round`` holds its name). ``config``: ``models.rounds``."""

    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    year: Mapped[int | None] = mapped_column(Integer)
    profile: Mapped[str | None] = mapped_column(String(50))
    state: Mapped[str] = mapped_column(String(20), default="open")  # open|reviewing|closed
    opens_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)
    config: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SearchEntry(Base):
    """A dossier as the full-text index holds it (``models.fulltext``): what filters and result
    lists need, as plain columns. The index itself is not here: an FTS5 table on SQLite, a
    tsvector column on PostgreSQL, both made by migration 0007."""

    __tablename__ = "search_entries"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"),
                                            primary_key=True, autoincrement=False)
    title: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    unit: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(Text)
    unit_key: Mapped[str | None] = mapped_column(Text, index=True)  # folded: the unit filter
    field_key: Mapped[str | None] = mapped_column(Text, index=True)
    round: Mapped[str | None] = mapped_column(String(100), index=True)
    prior: Mapped[bool] = mapped_column(Boolean, default=False)
    indexed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SearchText(Base):
    """The page texts of an indexed dossier, less its confidential lines: what snippets are cut
    from (JSON ``[[file, position, page, text], …]``). Apart from ``SearchEntry`` so that the
    filter rows stay narrow."""

    __tablename__ = "search_texts"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"),
                                            primary_key=True, autoincrement=False)
    pages: Mapped[list] = mapped_column(JSON)
