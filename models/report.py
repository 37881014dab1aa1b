"""The dossier report: the JSON contract of DESIGN.md (``../shared/report.schema.json``).

The same object is printed by ``hoso ingest --json`` and ``hoso show --json`` and returned by
the API. Fields, sections and completeness come from the dossier's understanding
(``ingest.assemble``); duplicates stay empty until their stage exists.
"""

from __future__ import annotations

from typing import Any

from models.domain import DOCUMENT_KINDS
from models.tables import Document, Dossier


def build_report(dossier: Dossier, *, with_text: bool = False) -> dict[str, Any]:
    files = [_file(doc, with_text) for doc in dossier.documents if doc.sha256]
    names = {doc.id: doc.path for doc in dossier.documents}
    issues = [
        {"stage": p.stage, "file": names.get(p.document_id), "page": p.page, "code": p.code,
         "message": p.message, **({"detail": p.detail} if p.detail else {})}
        for p in dossier.problems
    ]
    understood = dossier.understanding or {}
    return {
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
        "duplicates": [],
        "issues": issues,
    }


EMPTY_FIELDS: dict[str, Any] = {
    "title": None, "authors": [], "unit": None, "field": None, "first_applied": None,
    "year": None, "addressee": None, "investor": None, "confidential": None, "decisions": [],
    "submitted": None, "description_title": None, "description_authors": [], "where": {},
}


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
