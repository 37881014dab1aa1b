"""The dossier report: the JSON contract of DESIGN.md (``../shared/report.schema.json``).

The same object is printed by ``hoso ingest --json`` and ``hoso show --json`` and returned by
the API. Fields, sections and completeness come from the dossier's understanding
(``ingest.assemble``); duplicates from its matches (``ingest.duplicates``). A resubmission
(``Dossier.supplement_of``) adds ``revision``: what changed since the dossier sent back for a
supplement (``models.revision``: headings, labels, codes and counts, never text); a dossier
sent back for a supplement adds ``supplement`` (``supplement_json``: the deadline, overdue,
resubmitted as).

Confidentiality (DOMAIN.md): a passage of the *other* dossier that runs through text its
authors marked confidential is reported with those words left out ("[…]", and
``"withheld": true``) unless the reader may see that dossier (``may_see``, decided by the
caller from the reader's role); the match itself is always reported. Our own passages are
shown; a reader who may read the dossier but not its confidential text (an archivist, another
dossier's reviewer) gets the report through ``withhold``: the confidential field emptied, its
lines in the page texts replaced by "[…]", and ``"withheld": true``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from models.dates import today_vn
from models.domain import DOCUMENT_KINDS
from models.revision import revision
from models.tables import Document, Dossier, DupMatch


def build_report(dossier: Dossier, *, with_text: bool = False,
                 may_see: Callable[[Dossier], bool] | None = None) -> dict[str, Any]:
    files = [_file(doc, with_text) for doc in dossier.documents if doc.sha256]
    names = {doc.id: doc.path for doc in dossier.documents}
    issues = [
        {"stage": p.stage, "file": names.get(p.document_id), "page": p.page, "code": p.code,
         "message": p.message, **({"detail": p.detail} if p.detail else {})}
        for p in dossier.problems
    ]
    understood = dossier.understanding or {}
    out: dict[str, Any] = {
        "id": dossier.id,
        "source": dossier.source,
        "status": dossier.status,
        "formed_by": dossier.formed_by,
        "formation": dossier.formation,
        "round": dossier.round,
        "profile": dossier.profile,
        "profile_how": dossier.profile_how,
        "prior": dossier.prior,
        "files": files,
        "fields": understood.get("fields", EMPTY_FIELDS),
        "sections": understood.get("sections", []),
        "completeness": understood.get("completeness",
                                       {"complete": False, "missing": [], "findings": []}),
        "duplicates": [duplicate_json(m, may_see, see_ours=may_see is None or may_see(dossier))
                       for m in dossier.matches],
        "issues": issues,
    }
    if (waiting := supplement_json(dossier)) is not None:
        out["supplement"] = waiting
    if dossier.supplement_of_dossier is not None:  # a resubmission: what changed
        out["revision"] = revision_json(dossier.supplement_of_dossier, dossier)
    return out


def supplement_json(dossier: Dossier, today: date | None = None) -> dict[str, Any] | None:
    """A dossier sent back for a supplement (its latest decision): the deadline, whether it
    has passed (``today``: Vietnam's date by default) with nothing resubmitted, and the
    resubmission, if any; ``None`` for any other dossier. ``waiting``: "chờ bổ sung"."""
    if dossier.decision != "supplement":
        return None
    due = dossier.supplement_due
    resubmitted = dossier.resubmissions[-1].id if dossier.resubmissions else None
    waiting = resubmitted is None
    return {"due": due.isoformat() if due else None, "waiting": waiting,
            "overdue": waiting and due is not None and due < (today or today_vn()),
            "resubmitted_as": resubmitted}


def revision_json(old: Dossier, new: Dossier) -> dict[str, Any]:
    """``models.revision`` of a resubmission ``new`` against the dossier ``old`` sent back."""
    return {"of": old.id, "of_source": old.source,
            **revision(old.understanding or {}, new.understanding or {}, full_text(old),
                       full_text(new))}


def full_text(dossier: Dossier) -> str:
    """Every page's text of the dossier, in file and page order."""
    return "\n\n".join(p.text for doc in dossier.documents for p in doc.pages)


EMPTY_FIELDS: dict[str, Any] = {
    "title": None, "authors": [], "unit": None, "field": None, "first_applied": None,
    "year": None, "addressee": None, "investor": None, "confidential": None, "decisions": [],
    "submitted": None, "description_title": None, "description_authors": [], "where": {},
}


def shown_title(dossier: Dossier) -> str | None:
    """The title people see: the council's record for an archived dossier, else the one read."""
    fields = (dossier.understanding or {}).get("fields", {})
    return (dossier.meta or {}).get("title") or fields.get("title") or fields.get("description_title")


def duplicate_json(m: DupMatch, may_see: Callable[[Dossier], bool] | None, *,
                   see_ours: bool = True) -> dict[str, Any]:
    other = m.other
    fields = (other.understanding or {}).get("fields", {})
    meta = other.meta or {}
    see_all = bool(may_see and may_see(other))
    return {
        "dossier": other.id,
        "source": other.source,
        "title": shown_title(other),
        "year": meta.get("year") or fields.get("year"),
        "unit": meta.get("unit") or fields.get("unit"),
        "prior": other.prior,
        "round": other.round,
        "status": meta.get("status") or other.status,
        "similarity": m.similarity,
        "coverage": m.coverage,
        "their_coverage": m.their_coverage,
        "excluded": m.excluded,
        "excluded_reason": m.excluded_reason,
        "passages": [_passage(p, see_all, see_ours) for p in m.passages],
    }


def _passage(p: dict, see_all: bool, see_ours: bool = True) -> dict[str, Any]:
    theirs = {k: v for k, v in p["theirs"].items() if k != "public_text"}
    if theirs.pop("confidential", False) and not see_all:  # their confidential words left out
        theirs["text"], theirs["withheld"] = p["theirs"].get("public_text"), True
    ours = {k: v for k, v in p["ours"].items() if k not in ("confidential", "public_text")}
    if p["ours"].get("confidential") and not see_ours:
        ours["text"], ours["withheld"] = p["ours"].get("public_text"), True
    return {"ours": ours, "theirs": theirs, "score": p["score"], "label": p["label"],
            "words": p.get("tokens")}


def _file(doc: Document, with_text: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": doc.name,
        "path": doc.path,
        "sha256": doc.sha256,
        "size": doc.size,
        "type": doc.file_type,
        "kind": doc.kind if doc.kind in DOCUMENT_KINDS else "khac",
        "status": doc.status,
        "pages": doc.page_count,
        "ocr_pages": doc.ocr_pages,
        "mean_confidence": doc.mean_confidence,
        "legacy_encoding": doc.legacy_encoding,
        "searchable_pdf": doc.searchable_sha256,
        "first_page": doc.first_page,  # a page range of a stack scan (else null: whole file)
        "last_page": doc.last_page,
        "documents": doc.segments or [],  # page ranges of this file and the kind of each
    }
    if with_text:  # DESIGN.md: with --text, "pages" carries the pages themselves
        out["page_count"] = doc.page_count
        out["pages"] = [
            {"number": p.number, "text": p.text, "ocr": p.method == "ocr",
             "method": p.method, "confidence": p.confidence}
            for p in doc.pages
        ]
    return out


WITHHELD = "[…]"


def withhold(report: dict[str, Any], lines: dict[tuple[str, int], set[str]]) -> dict[str, Any]:
    """``report`` without the dossier's own confidential text (``lines``: by file and page)."""
    fields = dict(report["fields"])
    secret = bool(fields.get("confidential")) or bool(lines)
    if fields.get("confidential"):
        fields["confidential"] = WITHHELD
    files = []
    for f in report["files"]:
        if isinstance(f.get("pages"), list):  # with the page texts
            f = {**f, "pages": [
                {**p, "text": "\n".join(WITHHELD if ln in lines.get((f["path"], p["number"]), ())
                                        else ln for ln in p["text"].split("\n"))}
                for p in f["pages"]]}
        files.append(f)
    return {**report, "fields": fields, "files": files, "withheld": secret}
