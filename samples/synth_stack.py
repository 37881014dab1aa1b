"""Stack scans of synthetic dossiers: several dossiers scanned back to back into one PDF, as a
secretariat feeds a pile of paper through the scanner, sometimes with a separator sheet
(``extract.separator.separator_pdf``) between two dossiers.

``synth_stack(seed, n)`` takes n dossiers from ``samples.synth.synth_case`` (seeds derived
from ``seed``), lays every document out at 300 dpi, scans each page with mild settings
(skew ≤ 2°, 200–300 dpi) and returns the PDF bytes with the truth: where each dossier starts,
the kind of every page (None for separator sheets), and each dossier's sections with their
page numbers in the stack. A dossier after a separator sometimes starts with its description.
"""

from __future__ import annotations

import io
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from samples.files import RENDER_DPI, _sections
from samples.layout import layout_items
from samples.pdfs import PdfPage, write_pdf
from samples.render import Degradation, degrade
from samples.scans import jpeg_bytes, scan_image
from samples.synth import synth_case
from samples.synth_truth import Synth
from samples.texts import Scan

ORDER = {"don_yeu_cau": 0, "mo_ta": 1, "xac_nhan": 2, "bien_ban": 3}


@dataclass(frozen=True)
class Stack:
    seed: int
    name: str
    pdf: bytes
    cases: tuple[Synth, ...]
    starts: tuple[int, ...]  # first page (1-based) of each dossier, in order
    kinds: tuple[str | None, ...]  # kind of every page; None = separator sheet
    sections: tuple[tuple[dict, ...], ...]  # per dossier, pages numbered in the stack


def _separator_pages(count: int) -> list[bytes]:
    """PDF pages of the separator sheets ``hoso separator`` prints."""
    from extract.separator import separator_pdf

    return [separator_pdf(1, i + 1) for i in range(count)]


def _raster(pdf: bytes, dpi: int, skew: float, seed: int) -> PdfPage:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    img = doc[0].render(scale=RENDER_DPI / 72).to_pil().convert("L")
    img = degrade(img, Degradation(skew=skew, noise=0.0005, dpi=dpi, seed=seed), src_dpi=RENDER_DPI)
    return PdfPage(image=jpeg_bytes(img, 80), image_px=img.size, image_dpi=dpi)


def synth_stack(seed: int, n: int = 6) -> Stack:
    """n ≥ 5 synthetic dossiers scanned back to back into one PDF, with the truth."""
    rng = random.Random(seed)
    cases = tuple(synth_case(seed * 1000 + i) for i in range(n))
    name = f"stack-{seed:03d}.pdf"
    separated = rng.random() < 0.5
    seps = _separator_pages(n - 1) if separated else None
    pages: list[PdfPage] = []
    kinds: list[str | None] = []
    starts: list[int] = []
    sections: list[tuple[dict, ...]] = []
    for i, case in enumerate(cases):
        after_sep = bool(seps) and i > 0
        if after_sep:
            assert seps is not None
            pages.append(_raster(seps[i - 1], 200, rng.uniform(-1.5, 1.5), seed * 100 + i))
            kinds.append(None)
        docs = sorted(case.dossier.documents, key=lambda d: ORDER[d.kind])
        if after_sep and len(docs) > 1 and rng.random() < 0.3:
            docs[0], docs[1] = docs[1], docs[0]
        scan = Scan(dpi=rng.choice((200, 240, 300)), skew=round(rng.uniform(-2, 2), 1),
                    noise=round(rng.uniform(0, 0.001), 4), blur=round(rng.uniform(0, 0.5), 1),
                    jpeg=rng.randint(72, 88), seed=seed * 100 + i)
        starts.append(len(pages) + 1)
        secs: list[dict] = []
        for doc in docs:
            laid = layout_items(doc.items, dpi=RENDER_DPI)
            secs += _sections(doc, laid.starts, name, len(pages))
            for page in laid.pages:
                img = scan_image(page, scan, len(pages) + 1)
                pages.append(PdfPage(image=jpeg_bytes(img, scan.jpeg), image_px=img.size,
                                     image_dpi=scan.dpi))
                kinds.append(doc.kind)
        sections.append(tuple(secs))
    with tempfile.TemporaryDirectory(prefix="hoso-stack-") as tmp:
        path = Path(tmp) / name
        write_pdf(path, pages)
        pdf = path.read_bytes()
    return Stack(seed, name, pdf, cases, tuple(starts), tuple(kinds), tuple(sections))


def page_count(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
