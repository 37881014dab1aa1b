"""Write one file of a dossier in its input kind and describe it for the ground truth.

Every writer lays the documents out first (``samples.layout``), so the text of each page is
known before anything is drawn: born-digital PDFs at 72 dpi (points), everything that becomes
an image at 300 dpi (photos at 200), then resampled to the scanner's DPI. DOCX pages are the
groups between the explicit page breaks (``samples.docx_out``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from samples import docx_out
from samples.layout import Page, layout_items
from samples.pdfs import PdfPage, break_text_layer, write_pdf
from samples.scans import jpeg_bytes, scan_image, write_tiff
from samples.texts import Document, Dossier, FileSpec, Para, Scan, Table

RENDER_DPI = 300  # pages that become scans are drawn at this DPI, then resampled
PHOTO_DPI = 200  # phone photos are drawn a little coarser (the perspective warp is costly)
LEGACY = {"docx_tcvn3": "tcvn3", "docx_vni": "vni"}


def write_file(d: Dossier, spec: FileSpec, root: Path, work: Path) -> tuple[list[dict], list[dict]]:
    """Write ``spec`` under ``root``; return its truth file entries and sections."""
    docs = [d.document(k) for k in spec.docs]
    target = root / spec.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if spec.input in ("docx", "doc", *LEGACY):
        return _word(d, spec, docs, target, work)
    dpi = {"born_digital_pdf": 72, "photo": PHOTO_DPI}.get(spec.input, RENDER_DPI)
    pages, kinds, sections = [], [], []
    for doc in docs:
        laid = layout_items(doc.items, dpi=dpi)
        sections += _sections(doc, laid.starts, spec.name, len(pages))
        pages += laid.pages
        kinds += [doc.kind] * len(laid.pages)
    title = d.request.title if d.request else d.name
    author = ", ".join(a.name for a in d.request.authors) if d.request else ""
    scan = spec.scan or Scan()
    extra: list[dict] = [{} for _ in pages]
    if spec.input == "born_digital_pdf":
        write_pdf(target, [PdfPage(text=p) for p in pages], title=title, author=author)
    elif spec.input == "scanned_pdf":
        write_pdf(target, [_image_page(p, scan, n) for n, p in enumerate(pages, 1)])
        extra = [{"image": True} for _ in pages]
    elif spec.input == "mixed_pdf":
        out = []
        for n, p in enumerate(pages, 1):
            scanned = n in spec.scanned_pages
            out.append(_image_page(p, scan, n) if scanned else PdfPage(text=p))
            extra[n - 1] = {"image": scanned}
        write_pdf(target, out, title=title, author=author)
    elif spec.input == "broken_text_pdf":
        out = []
        for n, p in enumerate(pages, 1):
            img = _image_page(p, scan, n)
            out.append(PdfPage(text=p, image=img.image, image_px=img.image_px,
                               image_dpi=img.image_dpi, invisible=True,
                               transform=break_text_layer))
            extra[n - 1] = {"image": True, "text_layer": break_text_layer(p.text)}
        write_pdf(target, out, title=title, author=author)
    elif spec.input == "tiff":
        write_tiff(target, [scan_image(p, scan, n) for n, p in enumerate(pages, 1)], scan.dpi)
        extra = [{"image": True} for _ in pages]
    elif spec.input == "photo":
        return _photos(spec, pages, kinds, sections, root, scan)
    else:
        raise ValueError(f"unknown input kind {spec.input!r}")
    entry = _entry(spec, spec.name, docs, [p.text for p in pages], kinds, extra)
    return [entry], sections


def _image_page(page: Page, scan: Scan, n: int) -> PdfPage:
    img = scan_image(page, scan, n)
    return PdfPage(image=jpeg_bytes(img, scan.jpeg), image_px=img.size, image_dpi=scan.dpi)


def _photos(spec: FileSpec, pages: list[Page], kinds: list[str], sections: list[dict],
            root: Path, scan: Scan) -> tuple[list[dict], list[dict]]:
    """One JPEG per page, named from ``spec.name`` with {n} = page number."""
    entries = []
    for n, (page, kind) in enumerate(zip(pages, kinds), 1):
        name = spec.name.format(n=n)
        img = scan_image(page, scan, n)
        (root / name).write_bytes(jpeg_bytes(img, scan.jpeg))
        e = _entry(spec, name, [], [page.text], [kind], [{"image": True}])
        e["kind"] = kind
        e["page_of_document"] = n
        entries.append(e)
    for s in sections:
        s["file"] = PurePosixPath(spec.name.format(n=s["page"])).name
        s["page"] = 1
    return entries, sections


def _word(d: Dossier, spec: FileSpec, docs: list[Document], target: Path,
          work: Path) -> tuple[list[dict], list[dict]]:
    assert len(docs) == 1, "a Word file holds one document"
    doc = docs[0]
    groups = docx_out.docx_pages(doc.items)
    page_of = {i: n for n, g in enumerate(groups, 1) for i in g}
    starts = tuple(page_of.get(i, 0) for i in range(len(doc.items)))
    sections = _sections(doc, starts, spec.name, 0)
    texts = docx_out.page_texts(doc.items, groups, header=doc.header, footer=doc.footer)
    title = d.request.title if d.request else d.name
    author = d.request.authors[0].name if d.request else ""
    docx_path = target if spec.input != "doc" else work / (target.stem + ".docx")
    docx_out.write_docx(docx_path, doc.items, groups, headings=spec.headings,
                        header=doc.header, footer=doc.footer, legacy=LEGACY.get(spec.input),
                        title=title, author=author)
    if spec.input == "doc":
        convert_to_doc(docx_path, target)
    extra = [{} for _ in texts]
    entry = _entry(spec, spec.name, docs, texts, [doc.kind] * len(texts), extra)
    entry["headings"] = spec.headings
    if doc.header or doc.footer:
        entry["header"], entry["footer"] = doc.header, doc.footer
    if spec.input in LEGACY:
        entry["legacy_encoding"] = LEGACY[spec.input]
    return [entry], sections


def convert_to_doc(docx: Path, target: Path) -> None:
    """Word 97 .doc from a .docx with LibreOffice, in a private profile."""
    with tempfile.TemporaryDirectory(prefix="hoso-lo-") as tmp:
        out = Path(tmp) / "out"
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
               "--norestore", "--convert-to", "doc", "--outdir", str(out), str(docx)]
        env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
        subprocess.run(cmd, check=True, capture_output=True, timeout=180, env=env)
        made = out / (docx.stem + ".doc")
        if not made.exists():
            raise RuntimeError(f"LibreOffice did not convert {docx.name}")
        shutil.move(made, target)


def _sections(doc: Document, starts: tuple[int, ...], file: str, offset: int) -> list[dict]:
    out = []
    for it, page in zip(doc.items, starts):
        key = getattr(it, "key", None)
        if not key:
            continue
        heading = it.heading if not isinstance(it, Table) else it.rows[0][0]
        out.append({"key": key, "heading": heading, "file": PurePosixPath(file).name,
                    "page": page + offset, "document": doc.kind})
    return out


def _entry(spec: FileSpec, name: str, docs: list[Document], texts: list[str], kinds: list[str],
           extra: list[dict]) -> dict:
    kind_set = list(dict.fromkeys(kinds))
    e: dict = {
        "name": PurePosixPath(name).name,
        "path": name,
        "kind": kind_set[0] if len(kind_set) == 1 else None,
        "input": spec.input,
        "scan": scan_truth(spec.scan, len(texts)) if spec.scan else None,
        "pages": [{"number": n, "kind": k, "text": t, **x}
                  for n, (t, k, x) in enumerate(zip(texts, kinds, extra), 1)],
        "expect_problem": None,
    }
    if len(kind_set) > 1:
        e["documents"] = _ranges(kinds)
    return e


def _ranges(kinds: list[str]) -> list[dict]:
    out: list[dict] = []
    for n, k in enumerate(kinds, 1):
        if out and out[-1]["kind"] == k:
            out[-1]["last_page"] = n
        else:
            out.append({"kind": k, "first_page": n, "last_page": n})
    return out


def scan_truth(scan: Scan, pages: int) -> dict:
    return {
        "dpi": scan.dpi,
        "skew": {str(n): scan.skew_of(n) for n in range(1, pages + 1)},
        "noise": scan.noise, "blur": scan.blur, "jpeg": scan.jpeg,
        "stamp": list(scan.stamp_pages),
        "rotated": {str(n): r for n, r in scan.rotations},
        "photo": scan.photo,
    }


def truth_of(d: Dossier, source: str, entries: list[dict], sections: list[dict]) -> dict:
    kinds = sorted({f.input for f in d.files} | ({"zip"} if d.container == "zip" else set()))
    req = d.request
    fields = None
    if req is not None:
        fields = {
            "title": req.title,
            "authors": [{"name": a.name, "birth_date": a.birth_date.isoformat(), "unit": a.unit,
                         "position": a.position, "qualification": a.qualification,
                         "share_percent": a.share} for a in req.authors],
            "unit": d.unit,
            "field": req.field,
            "first_applied": req.first_applied.isoformat(),
            "investor": req.investor,
            "confidential": req.confidential,
            "year": req.signed.year,
            "signed": req.signed.isoformat(),
            "addressee": req.addressee,
            "decisions": decisions_of(d),
        }
    return {
        "dossier": d.name,
        "source": source,
        "container": d.container,
        "profile": d.profile,
        "sector": d.sector,
        "input_kinds": kinds,
        "files": entries,
        "sections": sections,
        "fields": fields,
        "missing": list(d.missing),
        "defects": [{"code": x.code, "detail": x.detail} for x in d.defects],
        "complete": not d.missing and not d.defects,
        "notes": d.notes,
    }


_DECISION = re.compile(r"Quyết định số\s+(\S+?)\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")


def decisions_of(d: Dossier) -> list[dict]:
    """The recognition decisions the dossier's documents cite ("Quyết định số 21/QĐ-BQLDA
    ngày 26/4/2024"). The data model has no field for them: the content writes them in the
    description's item "5. Hội đồng cơ sở đã xét công nhận", so they are read from its text."""
    out: list[dict] = []
    for doc in d.documents:
        for it in doc.items:
            texts = [it.text] if isinstance(it, Para) else [c for r in it.rows for c in r] \
                if isinstance(it, Table) else []
            for m in (m for t in texts for m in _DECISION.finditer(t)):
                day, month, year = (int(x) for x in m.group(2, 3, 4))
                found = {"number": m.group(1), "date": f"{year:04d}-{month:02d}-{day:02d}"}
                if found not in out:
                    out.append(found)
    return out
