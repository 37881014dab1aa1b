"""The dossier report: the JSON contract of DESIGN.md (``../shared/report.schema.json``).

The same object is printed by ``hoso ingest --json`` and ``hoso show --json`` and returned by
the API. Sections, completeness and duplicates stay empty until their stages exist.
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
    return {
        "id": dossier.id,
        "source": dossier.source,
        "status": dossier.status,
        "formed_by": dossier.formed_by,
        "round": dossier.round,
        "profile": dossier.profile,
        "prior": dossier.prior,
        "files": files,
        "fields": {"title": None, "authors": [], "unit": None, "field": None,
                   "first_applied": None, "year": None},
        "sections": [],
        "completeness": {"complete": False, "missing": [], "findings": []},
        "duplicates": [],
        "issues": issues,
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
    }
    if with_text:  # DESIGN.md: with --text, "pages" carries the pages themselves
        out["page_count"] = doc.page_count
        out["pages"] = [
            {"number": p.number, "text": p.text, "ocr": p.method == "ocr",
             "method": p.method, "confidence": p.confidence}
            for p in doc.pages
        ]
    return out
