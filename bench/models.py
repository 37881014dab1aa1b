"""Which ``vie`` model should hoso use? Accuracy and speed of each on the benchmark pages.

    .venv/bin/python -m bench.models [--pages-per-case 2] [--package-dir DIR] [--out FILE]

Candidates: Debian's ``tesseract-ocr-vie`` (tessdata_fast, an 8-bit LSTM) and the two
models in the npm package ``@tesseract.js-data/vie``: ``4.0.0`` (tessdata: legacy engine +
a larger integer LSTM) and ``4.0.0_best_int`` (tessdata_best converted to integers). The
package is fetched with ``npm pack`` unless ``--package-dir`` points at an unpacked one.
Every page is read by every model, models interleaved page by page; one worker, so the
seconds per page are comparable (CPU time, steadier than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.ocr import CASES as BENCH_CASES
from bench.ocr import cer, cpu_seconds, load, machine, make_pages, wer
from ingest.ocr import OcrOptions, TesseractEngine, ocr_pages
from samples.render import Degradation

DEBIAN_TESSDATA = Path("/usr/share/tesseract-ocr/5/tessdata")
NPM_PACKAGE = "@tesseract.js-data/vie"
NPM_MODELS = ("4.0.0", "4.0.0_best_int")
# the OCR benchmark's upright cases, and two harsher ones where the models part ways
KINDS = {**{c: BENCH_CASES[c] for c in ("clean", "noisy", "skew3", "dpi200", "stamp",
                                         "blur_jpeg", "photo", "lowres")},
         "fax": Degradation(dpi=120, blur=0.6, jpeg_quality=40),
         "phone": Degradation(photo=True, blur=1.5, jpeg_quality=60, skew=1.0)}
CASES = tuple(KINDS)


def fetch_package(dest: Path) -> Path:
    """``npm pack`` the package into ``dest`` and unpack it; returns the package folder."""
    subprocess.run(["npm", "pack", NPM_PACKAGE, "--pack-destination", str(dest)], check=True,
                   capture_output=True)
    tgz = next(dest.glob("*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def model_dirs(package: Path, work: Path) -> dict[str, Path]:
    """One tessdata folder per candidate: its vie.traineddata (gunzipped) + Debian's osd."""
    dirs = {"debian (tessdata_fast)": DEBIAN_TESSDATA}
    for name in NPM_MODELS:
        folder = work / name
        folder.mkdir(parents=True, exist_ok=True)
        src = package / name / "vie.traineddata.gz"
        if not src.exists():
            src = package / name / "vie.traineddata"
            shutil.copyfile(src, folder / "vie.traineddata")
        else:
            with gzip.open(src) as fin, open(folder / "vie.traineddata", "wb") as fout:
                shutil.copyfileobj(fin, fout)
        shutil.copyfile(DEBIAN_TESSDATA / "osd.traineddata", folder / "osd.traineddata")
        dirs[f"npm {name}"] = folder
    return dirs


def bare_seconds(path: Path, model_dir: Path) -> float:
    c0 = cpu_seconds()
    subprocess.run(["tesseract", str(path), "-", "-l", "vie", "--tessdata-dir", str(model_dir)],
                   capture_output=True, check=True, env={"OMP_THREAD_LIMIT": "1",
                                                         "PATH": "/usr/bin:/bin"})
    return cpu_seconds() - c0


def compare(dirs: dict[str, Path], cases: Sequence[str], per_case: int,
            folder: Path) -> dict[str, dict[str, float]]:
    pages = make_pages(cases, per_case, folder, base_seed=9100, kinds=KINDS)
    engine = TesseractEngine()
    rows: dict[str, dict[str, list[float]]] = {m: {} for m in dirs}
    for page in pages:
        for model, tessdata in dirs.items():
            options = OcrOptions(tessdata_dir=str(tessdata), workers=1)
            c0 = cpu_seconds()
            text = ocr_pages([(1, load(page.path))], engine=engine, options=options)[0].page.text
            r = rows[model]
            r.setdefault("hoso_s", []).append(cpu_seconds() - c0)
            r.setdefault("bare_s", []).append(bare_seconds(page.path, tessdata))
            r.setdefault(f"cer_{page.case}", []).append(cer(page.truth, text))
            r.setdefault("cer", []).append(cer(page.truth, text))
            r.setdefault("wer", []).append(wer(page.truth, text))
    out: dict[str, dict[str, float]] = {}
    for model, r in rows.items():
        out[model] = {k: (statistics.median(v) if k.endswith("_s") else statistics.fmean(v))
                      for k, v in r.items()}
        out[model]["mb"] = (dirs[model] / "vie.traineddata").stat().st_size / 1e6
    return out


def table(results: dict[str, dict[str, float]], cases: Sequence[str]) -> str:
    head = ("| model | MB | " + " | ".join(f"{c} CER %" for c in cases)
            + " | **CER %** | **WER %** | hoso s/page | bare s/page |")
    rows = [head, "|---|---:|" + "---:|" * (len(cases) + 4)]
    for model, r in results.items():
        cells = " | ".join(f"{r[f'cer_{c}'] * 100:.2f}" for c in cases)
        rows.append(f"| {model} | {r['mb']:.1f} | {cells} | **{r['cer'] * 100:.2f}** | "
                    f"**{r['wer'] * 100:.2f}** | {r['hoso_s']:.2f} | {r['bare_s']:.2f} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages-per-case", type=int, default=2)
    ap.add_argument("--package-dir", default=None, help="an unpacked @tesseract.js-data/vie")
    ap.add_argument("--cases", default=",".join(CASES), help="comma-separated subset")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    cases = [c for c in args.cases.split(",") if c]
    if set(cases) - set(KINDS):
        ap.error(f"unknown cases: {', '.join(sorted(set(cases) - set(KINDS)))}")
    work = Path(tempfile.mkdtemp(prefix="hoso-models-"))
    try:
        package = Path(args.package_dir) if args.package_dir else fetch_package(work)
        results = compare(model_dirs(package, work / "models"), cases, args.pages_per_case,
                          work / "pages")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(results, cases))
    m = machine()
    print(f"\nMachine: {m['cpu']}, {m['cores']} cores; {m['tesseract']}; "
          f"{args.pages_per_case} pages per case; CPU seconds, median, one page at a time.")
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
