"""Where the OCR of a long scan waits, between its chunks and its assembly.

A file with more pages to OCR than one chunk holds is read in parts on any worker of any
machine (``ingest.jobs``). What they share lives in the shared store under ``HOSO_HOME``,
one folder per document, next to the originals:

    <home>/chunks/<document id>/plan.json            which pages, which chunks (written once)
    <home>/chunks/<document id>/00005-00008.json     one chunk's OCR result (``OcrPart``)
    <home>/chunks/<document id>/00005-00008.tries    one byte per time a worker took it

Every file is written to a temporary name in the same folder and renamed into place, so a
reader sees a whole result or none; the plan is linked into place, so of two workers
planning the same document at once the first plan wins and both use it. A result written
twice (a redelivered chunk) is the same result. The folder goes once the document is
finished. Page PDFs travel base64-encoded inside the JSON: a chunk is a few pages.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ingest.ocr import OcrPage, OcrPart
from models.domain import FileType, Line, Page, PageMethod, Problem, Word


def chunk_ranges(numbers: Iterable[int], size: int) -> tuple[tuple[int, int], ...]:
    """The pages to OCR cut into chunks of ``size`` pages each, as (first, last) page
    numbers; a chunk holds the pages to OCR from first to last (a PDF's text pages between
    them are not OCR'd)."""
    ordered = sorted(set(numbers))
    size = max(1, size)
    return tuple((ordered[i], ordered[min(i + size, len(ordered)) - 1])
                 for i in range(0, len(ordered), size))


@dataclass(frozen=True)
class Plan:
    """How one document's OCR is spread: made once, from the stored bytes ``sha256``."""

    document_id: int
    sha256: str
    file_type: FileType
    pages: int  # pages in the file
    ocr: Mapping[int, int]  # page number -> DPI to rasterise at (0: an image frame's own)
    chunks: tuple[tuple[int, int], ...]

    def dpis(self, first: int, last: int) -> dict[int, int]:
        """The pages of chunk ``first``..``last`` and their DPI."""
        return {n: dpi for n, dpi in sorted(self.ocr.items()) if first <= n <= last}

    def to_json(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "sha256": self.sha256,
                "file_type": self.file_type.value, "pages": self.pages,
                "ocr": {str(n): dpi for n, dpi in sorted(self.ocr.items())},
                "chunks": [list(c) for c in self.chunks]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Plan:
        return cls(d["document_id"], d["sha256"], FileType(d["file_type"]), d["pages"],
                   {int(n): dpi for n, dpi in d["ocr"].items()},
                   tuple((a, b) for a, b in d["chunks"]))


class ChunkStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def folder(self, document_id: int) -> Path:
        return self.root / str(document_id)

    # ------------------------------------------------------------------------ plan

    def plan(self, document_id: int) -> Plan | None:
        data = _read_json(self.folder(document_id) / "plan.json")
        return Plan.from_json(data) if data is not None else None

    def put_plan(self, plan: Plan) -> Plan:
        """Write ``plan`` unless one is there already; return the one that stands."""
        target = self.folder(plan.document_id) / "plan.json"
        tmp = _write_tmp(target, plan.to_json())
        try:
            os.link(tmp, target)  # fails when a plan is there: the first one stands
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
        return self.plan(plan.document_id) or plan

    # ------------------------------------------------------------------------ parts

    def _part_path(self, document_id: int, first: int, last: int) -> Path:
        return self.folder(document_id) / f"{first:05d}-{last:05d}.json"

    def has(self, document_id: int, first: int, last: int) -> bool:
        return self._part_path(document_id, first, last).exists()

    def put_part(self, document_id: int, part: OcrPart) -> None:
        target = self._part_path(document_id, part.first, part.last)
        os.replace(_write_tmp(target, part_json(part)), target)

    def part(self, document_id: int, first: int, last: int) -> OcrPart | None:
        data = _read_json(self._part_path(document_id, first, last))
        return part_from_json(data) if data is not None else None

    def missing(self, plan: Plan) -> list[tuple[int, int]]:
        """The plan's chunks with no result yet."""
        return [c for c in plan.chunks if not self.has(plan.document_id, *c)]

    def parts(self, plan: Plan) -> list[OcrPart] | None:
        """Every chunk's result, in page order; None while any is missing."""
        out = []
        for first, last in plan.chunks:
            part = self.part(plan.document_id, first, last)
            if part is None:
                return None
            out.append(part)
        return out

    def pages_done(self, plan: Plan) -> int:
        """Pages of the plan's chunks that have a result (no file is read)."""
        return sum(len(plan.dpis(*c)) for c in plan.chunks if self.has(plan.document_id, *c))

    def tried(self, document_id: int, first: int, last: int) -> int:
        """Count one more try at a chunk; return how many there have been, this one
        included. (A byte appended per try: a worker killed mid-chunk cannot undo it.)"""
        path = self._part_path(document_id, first, last).with_suffix(".tries")
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "ab") as f:
            f.write(b".")
        return path.stat().st_size

    # ------------------------------------------------------------------------ cleanup

    def drop(self, document_id: int) -> None:
        shutil.rmtree(self.folder(document_id), ignore_errors=True)

    def documents(self) -> list[int]:
        """Documents that have a folder here."""
        if not self.root.is_dir():
            return []
        return sorted(int(p.name) for p in self.root.iterdir() if p.is_dir() and p.name.isdigit())


def _write_tmp(target: Path, data: dict[str, Any]) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".in-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


# ---------------------------------------------------------------------------- JSON


def part_json(part: OcrPart) -> dict[str, Any]:
    return {"first": part.first, "last": part.last,
            "pages": [_ocr_page_json(p) for p in part.pages],
            "stopped": asdict(part.stopped) if part.stopped else None}


def part_from_json(d: dict[str, Any]) -> OcrPart:
    return OcrPart(d["first"], d["last"], tuple(_ocr_page(p) for p in d["pages"]),
                   Problem(**d["stopped"]) if d["stopped"] else None)


def _ocr_page_json(r: OcrPage) -> dict[str, Any]:
    p = r.page
    return {"page": {"number": p.number, "text": p.text, "method": p.method.value,
                     "confidence": p.confidence, "lines": [asdict(x) for x in p.lines],
                     "codes": list(p.codes), "words": [asdict(w) for w in p.words]},
            "pdf": base64.b64encode(r.pdf).decode("ascii") if r.pdf is not None else None,
            "problems": [asdict(x) for x in r.problems], "rotation": r.rotation, "skew": r.skew}


def _ocr_page(d: dict[str, Any]) -> OcrPage:
    p = d["page"]
    page = Page(p["number"], p["text"], PageMethod(p["method"]), p["confidence"],
                tuple(Line(**x) for x in p["lines"]), tuple(p["codes"]),
                tuple(Word(**w) for w in p["words"]))
    pdf = base64.b64decode(d["pdf"]) if d["pdf"] is not None else None
    return OcrPage(page, pdf, tuple(Problem(**x) for x in d["problems"]), d["rotation"],
                   d["skew"])

