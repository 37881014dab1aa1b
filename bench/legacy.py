"""Benchmark: legacy-font Word files of the shared corpus, scored as its METRIC.md says.

    .venv/bin/python -m bench.legacy [--corpus PATH] [--workers 2] [--only SUBSTRING] [--per-file]

Reads every .doc, .rtf (``ingest.word.read_doc``, LibreOffice), .pdf (``ingest.pdf.read_pdf``)
and synthetic .docx (``read_docx``) of ``../shared/corpora/legacy-vn`` that has a transcript,
and prints per subset (public-domain / synthetic, never mixed) and file type: documents,
failures, and the mean diacritic, character and syllable accuracy — for hoso and for the same
text with NO legacy conversion (the baseline). The .xls/.ppt files belong to no reader of
ours; they are skipped and counted.

Two extra columns explain a gap that is the transcripts', not ours: the transcripts keep
text typed in TCVN3 capital fonts (".VnTimeH") in lowercase, as its bytes are, while hoso
restores the capitals the font displays. "dia/fold" is diacritic accuracy with case folded on
both sides; "dia/raw-case" scores hoso's text with the H-font capitalisation switched off.
Other known differences, all the transcripts': they put text boxes, headers and footers after
the body (Word's story order; hoso puts each where it is anchored); their VNI conversion reads
"ë" (ặ) as "ẵ" ("hoẵc", "chẵt"); they upper-case title-case words beside acronyms ("SỐ TT").

Each .doc/.rtf is converted twice (once by ``read_doc``, once for the two extra columns and the
baseline), so a full run takes 2.5-5 minutes on two cores.

The metric functions (``score``) are used by the corpus tests too.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpora/legacy-vn"

# --------------------------------------------------------------------------- the metric


def prepare(text: str) -> str:
    """METRIC.md preprocessing: NFC, whitespace runs collapsed to one space, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _base(c: str) -> str:
    if c in "đĐ":
        return "d" if c == "đ" else "D"
    nfd = unicodedata.normalize("NFD", c)
    stripped = "".join(x for x in nfd if unicodedata.category(x) != "Mn")
    return stripped[:1] or c


def _has_diacritic(c: str) -> bool:
    nfd = unicodedata.normalize("NFD", c)
    return c in "đĐ" or any(unicodedata.category(x) == "Mn" for x in nfd)


def _char_pairs(a: str, b: str) -> Iterator[tuple[int, int]]:
    """Aligned (index in a, index in b) pairs of equal characters.

    Two levels, because difflib is quadratic on whole documents: words are aligned first,
    then characters inside each differing stretch.
    """
    wa, wb = _tokens_with_offsets(a), _tokens_with_offsets(b)
    sm = SequenceMatcher(None, [w for w, _ in wa], [w for w, _ in wb], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if i1 == i2 or j1 == j2:
            continue
        sa, ea = wa[i1][1], wa[i2 - 1][1] + len(wa[i2 - 1][0])
        sb, eb = wb[j1][1], wb[j2 - 1][1] + len(wb[j2 - 1][0])
        if op == "equal":
            yield from ((sa + k, sb + k) for k in range(ea - sa))
            continue
        inner = SequenceMatcher(None, a[sa:ea], b[sb:eb], autojunk=False)
        for block in inner.get_matching_blocks():
            yield from ((sa + block.a + k, sb + block.b + k) for k in range(block.size))


def _tokens_with_offsets(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in re.finditer(r"\S+ ?", text)]


@dataclass(frozen=True)
class Score:
    char_accuracy: float
    diacritic_accuracy: float
    syllable_accuracy: float


def score(predicted: str, truth: str) -> Score:
    """The three METRIC.md numbers for one document."""
    pred, gt = prepare(predicted), prepare(truth)
    if not gt:
        return Score(1.0, 1.0, 1.0)
    char = sum(1 for _ in _char_pairs(gt, pred)) / len(gt)
    base_gt = "".join(_base(c) for c in gt)
    base_pred = "".join(_base(c) for c in pred)
    marked = [i for i, c in enumerate(gt) if _has_diacritic(c)]
    if marked:
        aligned = dict(_char_pairs(base_gt, base_pred))
        right = sum(1 for i in marked if i in aligned and pred[aligned[i]] == gt[i])
        diacritic = right / len(marked)
    else:
        diacritic = 1.0
    tg, tp = gt.split(" "), pred.split(" ")
    sm = SequenceMatcher(None, tg, tp, autojunk=False)
    syllable = sum(b.size for b in sm.get_matching_blocks()) / len(tg)
    return Score(char, diacritic, syllable)


# --------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class Result:
    subset: str
    kind: str
    stem: str
    ours: Score | None
    fold: float | None
    raw_case: float | None
    baseline: Score | None
    error: str | None
    seconds: float


def _documents(corpus: Path) -> tuple[list[tuple[str, str, Path, Path]], dict[str, int]]:
    docs: list[tuple[str, str, Path, Path]] = []
    skipped: dict[str, int] = {}
    for path in sorted((corpus / "corpus/public-domain").rglob("*.*")):
        kind = path.suffix.lower().lstrip(".")
        truth = corpus / "ground-truth" / f"{path.stem}.txt"
        if kind in ("doc", "rtf", "pdf") and truth.exists():
            docs.append(("public-domain", kind, path, truth))
        elif not path.name.startswith("."):
            skipped[kind] = skipped.get(kind, 0) + 1
    for path in sorted((corpus / "corpus/synthetic").glob("*.docx")):
        truth = corpus / "ground-truth-synthetic" / f"{path.stem}.txt"
        if truth.exists():
            docs.append(("synthetic", "docx", path, truth))
    return docs, skipped


def _document_text(doc) -> str:
    return "\n".join(page.text for page in doc.pages)


def _one(job: tuple[str, str, Path, Path]) -> Result:
    from ingest.word import convert_to_docx, read_doc, read_docx

    subset, kind, path, truth_path = job
    truth = truth_path.read_text(encoding="utf-8")
    if kind == "pdf":
        return _one_pdf(subset, path, truth)
    started = time.monotonic()
    try:
        data = path.read_bytes()
        doc = read_docx(data, name=path.name) if kind == "docx" else read_doc(data, name=path.name)
        seconds = time.monotonic() - started
        docx_bytes = data if kind == "docx" else convert_to_docx(data, name=path.name)
        raw = read_docx(docx_bytes, name=path.name, decode_runs=_no_conversion)
        plain = read_docx(docx_bytes, name=path.name, decode_runs=_no_caps)
    except Exception as exc:
        return Result(subset, kind, path.stem, None, None, None, None,
                      f"{type(exc).__name__}: {exc}", time.monotonic() - started)
    text = _document_text(doc)
    return Result(
        subset, kind, path.stem, score(text, truth),
        score(text.casefold(), truth.casefold()).diacritic_accuracy,
        score(_document_text(plain), truth).diacritic_accuracy,
        score(_document_text(raw), truth), None, seconds)


def _one_pdf(subset: str, path: Path, truth: str) -> Result:
    """A text-layer PDF through ``ingest.pdf`` (pages without text go to real OCR); the
    baseline is pdfplumber's text as stored."""
    import pdfplumber

    from ingest.ocr import OcrOptions, TesseractEngine
    from ingest.pdf import read_pdf

    started = time.monotonic()
    try:
        doc = read_pdf(path.read_bytes(), name=path.name, engine=TesseractEngine(),
                       options=OcrOptions(searchable_pdf=False))
        seconds = time.monotonic() - started
        with pdfplumber.open(path) as pdf:
            raw = "\n".join(page.extract_text() or "" for page in pdf.pages)
    except Exception as exc:
        return Result(subset, "pdf", path.stem, None, None, None, None,
                      f"{type(exc).__name__}: {exc}", time.monotonic() - started)
    text = _document_text(doc)
    return Result(subset, "pdf", path.stem, score(text, truth),
                  score(text.casefold(), truth.casefold()).diacritic_accuracy, None,
                  score(raw, truth), None, seconds)


def _no_conversion(runs, default=None):
    """The baseline: legacy text left as it is stored."""
    return [text for text, _ in runs], None


def _no_caps(runs, default=None):
    """hoso's conversion with TCVN3 capital fonts read as their lowercase sisters."""
    from ingest import legacy

    renamed = [(text, font[:-1] if legacy.is_caps_font(font) and font.endswith("H") else font)
               for text, font in runs]
    return legacy.decode_runs(renamed, default=default)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("--per-file", action="store_true", help="print one line per file")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    docs, skipped = _documents(args.corpus)
    docs = [d for d in docs if args.only in d[2].name]
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(_one, docs))
    if args.per_file:
        _print_files(results)
    _print_table(results)
    print(f"\nskipped (not read by ingest.word): {skipped}; "
          f"{len(docs)} documents in {time.monotonic() - started:.0f} s, {args.workers} workers")
    return 0


def _mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):.4f}" if values else "-"


def _print_files(results: list[Result]) -> None:
    for r in sorted(results, key=lambda r: (r.subset, r.kind, r.stem)):
        if r.ours is None:
            print(f"{r.subset:13} {r.kind:4} {r.stem:40} FAILED {r.error}")
            continue
        print(f"{r.subset:13} {r.kind:4} {r.stem:40} dia {r.ours.diacritic_accuracy:.4f} "
              f"fold {r.fold:.4f} char {r.ours.char_accuracy:.4f} "
              f"syl {r.ours.syllable_accuracy:.4f} base {r.baseline.diacritic_accuracy:.4f} "
              f"{r.seconds:.1f}s")


def _print_table(results: list[Result]) -> None:
    header = (f"{'subset':13} {'type':4} {'docs':>4} {'fail':>4} | {'diacritic':>9} "
              f"{'dia/fold':>8} {'dia/raw-case':>12} {'char':>7} {'syllable':>8} | "
              f"{'base dia':>8} {'base char':>9} {'base syl':>8}")
    print(header)
    print("-" * len(header))
    groups = sorted({(r.subset, r.kind) for r in results})
    for subset, kind in groups:
        rows = [r for r in results if (r.subset, r.kind) == (subset, kind)]
        ok = [r for r in rows if r.ours is not None]
        raw_case = [r.raw_case for r in ok if r.raw_case is not None]
        print(f"{subset:13} {kind:4} {len(rows):>4} {len(rows) - len(ok):>4} | "
              f"{_mean([r.ours.diacritic_accuracy for r in ok]):>9} "
              f"{_mean([r.fold for r in ok]):>8} {_mean(raw_case):>12} "
              f"{_mean([r.ours.char_accuracy for r in ok]):>7} "
              f"{_mean([r.ours.syllable_accuracy for r in ok]):>8} | "
              f"{_mean([r.baseline.diacritic_accuracy for r in ok]):>8} "
              f"{_mean([r.baseline.char_accuracy for r in ok]):>9} "
              f"{_mean([r.baseline.syllable_accuracy for r in ok]):>8}")


if __name__ == "__main__":
    raise SystemExit(main())
