"""Reading the ground truth and scoring text against it (tests and benchmarks share this).

CER and WER are Levenshtein distances (rapidfuzz) divided by the truth's length, after NFC
and whitespace collapsing on both sides: where a line breaks is layout, not recognition.
Nothing else is normalised: case, punctuation and every diacritic count.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

SAMPLES = Path(__file__).resolve().parent
DIGITAL = {"born_digital_pdf", "docx", "doc", "docx_tcvn3", "docx_vni"}
SCANNED = {"scanned_pdf", "photo", "tiff", "mixed_pdf", "broken_text_pdf"}


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def edits(truth: str, hyp: str) -> tuple[int, int]:
    """(character edits, truth length) after normalisation."""
    t, h = norm(truth), norm(hyp)
    return Levenshtein.distance(t, h), len(t)


def cer(truth: str, hyp: str) -> float:
    e, n = edits(truth, hyp)
    return e / n if n else float(bool(norm(hyp)))


def wer(truth: str, hyp: str) -> float:
    t, h = norm(truth).split(), norm(hyp).split()
    return Levenshtein.distance(t, h) / len(t) if t else float(bool(h))


@dataclass(frozen=True)
class TruthFile:
    dossier: str
    source: str  # dossier source relative to samples/dossiers
    path: str  # file path inside the dossier (or the ZIP)
    input: str
    pages: tuple[str, ...]
    expect_problem: str | None


def load(truth_dir: Path = SAMPLES / "truth") -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(truth_dir.glob("*.json"))]


def files(truths: Iterable[dict]) -> list[TruthFile]:
    out = []
    for t in truths:
        for f in t["files"]:
            out.append(TruthFile(t["dossier"], t["source"], f["path"], f["input"],
                                 tuple(p["text"] for p in f.get("pages", ()) if isinstance(p, dict)),
                                 f.get("expect_problem")))
    return out
