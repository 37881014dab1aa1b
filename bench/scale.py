"""Scaling: how `hoso ingest` of scanned dossiers speeds up with worker processes, against bare
``tesseract`` on the same pages with the same parallelism; and the time from upload to report
of one 20-page scanned dossier.

    .venv/bin/python -m bench.scale [--dossiers 8] [--pages 2] [--workers 1 2 4 ...]
                                    [--repeats 3] [--long-pages 20] [--long-workers N]
                                    [--dpi 200] [--seed 53] [--model-dir DIR]
                                    [--out FILE] [--keep DIR] [--quick]

hoso is driven only through its command line, as a user runs it: ``hoso ingest BATCH --json
--text`` in a subprocess with ``HOSO_HOME`` (a fresh, empty folder for every run: nothing is
cached, no dossier is known before) and ``HOSO_WORKERS=N``; other ``HOSO_*`` variables are
not passed on, and it runs outside the repository so that no ``.env`` applies. The clock runs
from the start of the command to its exit: from upload (files collected, stored, queued, the
embedded worker started) to every report printed (and the worker stopped).

**Pages.** Generated here (seeded): a batch folder of dossier folders, each holding one
image-only PDF, a description whose first page carries the national header and the title, the
rest headed paragraphs from the sentence pools of ``bench.ocr`` (fictional names). Each page
is laid out by ``samples.render.layout_pages`` (one full A4 page), scanned by
``samples.scans.scan_image`` (``--dpi``, 200 as the samples' scanner; a skew of up to ±1.5°
per page, light blur, JPEG 75) and written by ``samples.pdfs.write_pdf``, as the sample
scanned PDFs are. The same decoded JPEGs are saved as PNG for bare tesseract.

**Fixed cost.** What a run costs besides reading pages (CLI import, database and queue
set-up, starting and stopping the worker processes, polling, the report) is estimated by
ingesting, at each N, a trivial batch of as many dossiers as the batch keeps workers busy
(N, at most ``--dossiers``), each one born-digital page (no OCR): the same worker processes
start and stop. The "less fixed cost" rows subtract its median at that N. What remains is the
time that grows with pages; its speed-up is what a batch long enough to hide start-up would
get.

**Baseline.** ``tesseract PAGE.png - -l vie`` (``--tessdata-dir`` = the model hoso uses,
``Settings().model_dir`` unless ``--model-dir``; ``OMP_THREAD_LIMIT=1`` as hoso's worker has)
over the batch's pages, N processes at a time (N = 1: one after the other).

Each (engine, N) runs once per round; the order of the worker counts is reversed every other
round and hoso and bare tesseract alternate who goes first, so that load from other jobs falls
on all alike. Times are medians over rounds; speed-ups are medians of per-round paired ratios
(1 worker / N workers, same round). Efficiency = speed-up / N. Every hoso run is checked:
every dossier ``done``, all its pages there and OCR'd, the text near the truth (CER printed);
anything else stops the benchmark with the reason. The last line is the service's target:
2 workers at least 1.8× as fast as 1, end to end (PASS/FAIL).

The defaults (8 dossiers × 4 pages, 3 rounds, the 20-page dossier at all cores) take about
10 minutes on 2 cores; ``--quick`` (2 × 2 pages, workers 1 and 2, 1 round, a 3-page dossier)
about 2, to see that it runs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from bench.ocr import HEADINGS, UNITS, machine, sentence
from models.settings import Settings
from samples.layout import Page
from samples.pdfs import PdfPage, write_pdf
from samples.render import Block, layout_pages
from samples.scans import jpeg_bytes, scan_image
from samples.texts import Scan
from samples.truth import cer

JPEG = 75
MAX_CER = 0.05  # a run whose pages read worse than this is not a run of the real OCR
TIMEOUT_S = 3600

# --------------------------------------------------------------------------- dossiers


@dataclass
class BenchDossier:
    name: str  # folder name, the dossier's source in the report
    pdf: Path
    truth: list[str]  # text of each page
    pngs: list[Path] = field(default_factory=list)


def page_blocks(rng: random.Random, first: bool) -> list[Block]:
    """More than a page of a description: the first page opens with the national header and
    the title (a description only: no second request title that would split the file)."""
    blocks = []
    if first:
        blocks = [Block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center"),
                  Block("Độc lập - Tự do - Hạnh phúc", "center"),
                  Block("BÁO CÁO MÔ TẢ SÁNG KIẾN", "title"),
                  Block(f"Kính gửi: Hội đồng sáng kiến {rng.choice(UNITS)}")]
    for heading in rng.sample(HEADINGS, 6):
        blocks.append(Block(heading, "heading"))
        blocks.append(Block(" ".join(sentence(rng) for _ in range(rng.randint(3, 5)))))
    return blocks


def scanned_pdf(folder: Path, name: str, pages: int, seed: int, dpi: int,
                pngs: Path | None) -> BenchDossier:
    """``folder/name/mo-ta.pdf``: ``pages`` scanned pages; each page's PNG under ``pngs``."""
    rng = random.Random(seed)
    root = folder / name
    root.mkdir(parents=True)
    skews = tuple((n, round(rng.uniform(-1.5, 1.5), 2)) for n in range(1, pages + 1))
    scan = Scan(dpi=dpi, skews=skews, blur=0.3, jpeg=JPEG, seed=seed)
    d = BenchDossier(name, root / "mo-ta.pdf", [])
    out = []
    for n in range(1, pages + 1):
        drawn = layout_pages(page_blocks(rng, n == 1), dpi=300)[0]  # exactly one page
        page = Page(drawn, tuple(line.text for line in drawn.lines), ())
        img = scan_image(page, scan, n)
        data = jpeg_bytes(img, scan.jpeg)
        out.append(PdfPage(image=data, image_px=img.size, image_dpi=scan.dpi))
        d.truth.append(drawn.text)
        if pngs is not None:  # bare tesseract reads what the PDF holds
            png = pngs / f"{name}-{n:03d}.png"
            Image.open(io.BytesIO(data)).save(png, dpi=(dpi, dpi))
            d.pngs.append(png)
    write_pdf(d.pdf, out, title=name)
    return d


def born_digital(folder: Path, name: str, seed: int) -> BenchDossier:
    """``folder/name/mo-ta.pdf``: one page with a text layer (nothing to OCR)."""
    root = folder / name
    root.mkdir(parents=True)
    drawn = layout_pages(page_blocks(random.Random(seed), True), dpi=72)[0]
    d = BenchDossier(name, root / "mo-ta.pdf", [drawn.text])
    write_pdf(d.pdf, [PdfPage(text=Page(drawn, tuple(ln.text for ln in drawn.lines), ()))])
    return d


@dataclass
class Inputs:
    batch: Path  # a folder of dossier folders
    dossiers: list[BenchDossier]
    trivial: dict[int, tuple[Path, list[BenchDossier]]]  # N -> a batch of N one-page dossiers
    long: Path | None  # a dossier folder with one long scanned PDF (--long-pages 0: none)
    long_dossier: list[BenchDossier]

    @property
    def pngs(self) -> list[Path]:
        return [p for d in self.dossiers for p in d.pngs]


def make_inputs(work: Path, dossiers: int, pages: int, long_pages: int, seed: int,
                dpi: int, workers: Sequence[int]) -> Inputs:
    pngs = work / "png"
    pngs.mkdir(parents=True)
    batch = work / "batch"
    ds = [scanned_pdf(batch, f"ho-so-{i + 1:02d}", pages, seed * 1000 + i, dpi, pngs)
          for i in range(dossiers)]
    trivial = {}
    for n in workers:  # each its own text: the same bytes twice would be one dossier
        folder = work / f"trivial-{n}"
        trivial[n] = (folder, [born_digital(folder, f"ho-so-1-trang-{k + 1:02d}", seed + k)
                               for k in range(min(n, dossiers))])
    if not long_pages:
        return Inputs(batch, ds, trivial, None, [])
    long = scanned_pdf(work / "long", f"ho-so-{long_pages}-trang", long_pages, seed * 1000 + 999,
                       dpi, None)
    return Inputs(batch, ds, trivial, long.pdf.parent, [long])


# --------------------------------------------------------------------------- runs


def hoso_env(home: Path, workers: int, model_dir: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOSO_")}
    env.update({"HOSO_HOME": str(home), "HOSO_WORKERS": str(workers)})
    if model_dir:
        env["HOSO_TESSDATA_DIR"] = str(model_dir)
    return env


@dataclass
class HosoRun:
    seconds: float
    cer: float  # over all pages of the run


def run_hoso(hoso: str, target: Path, expected: list[BenchDossier], workers: int,
             model_dir: Path | None, work: Path, ocr: bool) -> HosoRun:
    """``hoso ingest TARGET --json --text`` in a fresh HOSO_HOME; checked against the truth."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen([hoso, "ingest", str(target), "--json", "--text"], cwd=work,
                                env=hoso_env(home, workers, model_dir), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            out, errs = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)  # Ctrl-C: hoso stops the worker it started
            out, errs = proc.communicate(timeout=120)
            raise SystemExit(f"hoso ingest {target} (HOSO_WORKERS={workers}) took more than "
                             f"{TIMEOUT_S} s:\n{errs[-3000:]}") from None
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            log = home / "worker.log"
            raise SystemExit(f"hoso ingest {target} (HOSO_WORKERS={workers}) exited "
                             f"{proc.returncode}:\n{errs[-3000:]}\n"
                             + (log.read_text(errors="replace")[-3000:] if log.exists() else ""))
        what = f"{target.name}, {workers} workers"
        return HosoRun(seconds, check_reports(out, expected, ocr, what))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def check_reports(stdout: str, expected: list[BenchDossier], ocr: bool, what: str) -> float:
    """Every dossier reported once, ``done``, with all its pages (OCR'd when scanned) and text
    near the truth; returns the CER over all pages. Anything else stops the benchmark."""
    reports = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    problems = []
    if len(reports) != len(expected):
        problems.append(f"{len(reports)} reports for {len(expected)} dossiers")
    by_source = {Path(r["source"]).name: r for r in reports}
    errors = chars = 0
    for d in expected:
        r = by_source.get(d.name)
        if r is None:
            problems.append(f"{d.name}: no report")
            continue
        if r["status"] != "done":
            problems.append(f"{d.name}: status {r['status']!r}, issues "
                            f"{[i['code'] for i in r.get('issues', [])]}")
        # with --text, files[].pages holds the pages and files[].page_count their number
        pages = [p for f in r["files"] for p in f["pages"]]
        count = sum(f["page_count"] for f in r["files"])
        ocr_pages = sum(f["ocr_pages"] for f in r["files"])
        if count != len(d.truth) or len(pages) != len(d.truth):
            problems.append(f"{d.name}: {count} pages reported, {len(d.truth)} sent")
        if ocr and ocr_pages != len(d.truth):
            problems.append(f"{d.name}: {ocr_pages} of {len(d.truth)} pages OCR'd")
        for truth, page in zip(d.truth, pages):
            e = cer(truth, page["text"])
            errors, chars = errors + e * len(truth), chars + len(truth)
    rate = errors / chars if chars else float("nan")
    if chars and rate > MAX_CER:
        problems.append(f"CER {rate:.1%} (more than {MAX_CER:.0%})")
    if problems:
        raise SystemExit(f"hoso ingest ({what}) did not read the batch as expected:\n  "
                         + "\n  ".join(problems))
    return rate


def run_bare(pngs: Sequence[Path], workers: int, model_dir: Path | None) -> float:
    """Wall seconds of ``tesseract PNG - -l vie`` over every page, ``workers`` at a time."""
    tessdata = ["--tessdata-dir", str(model_dir)] if model_dir else []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(png: Path) -> None:
        subprocess.run(["tesseract", str(png), "-", "-l", "vie", *tessdata], env=env,
                       capture_output=True, timeout=600, check=True)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:  # each thread waits on its process
        list(pool.map(one, pngs))
    return time.perf_counter() - t0


# --------------------------------------------------------------------------- rounds


@dataclass
class Results:
    pages: int
    long_pages: int
    workers: list[int]
    long_workers: int
    hoso: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    fixed: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    bare: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    long: list[float] = field(default_factory=list)
    cers: list[float] = field(default_factory=list)


def measure(inputs: Inputs, args: argparse.Namespace, model_dir: Path | None,
            work: Path) -> Results:
    res = Results(sum(len(d.truth) for d in inputs.dossiers), args.long_pages, args.workers,
                  args.long_workers)
    for r in range(args.repeats):
        for n in args.workers if r % 2 == 0 else args.workers[::-1]:
            for engine in ("hoso", "bare") if (r + n) % 2 == 0 else ("bare", "hoso"):
                if engine == "hoso":
                    run = run_hoso(args.hoso, inputs.batch, inputs.dossiers, n, model_dir, work,
                                   ocr=True)
                    res.hoso[n].append(run.seconds)
                    res.cers.append(run.cer)
                else:
                    res.bare[n].append(run_bare(inputs.pngs, n, model_dir))
                seconds = (res.hoso if engine == "hoso" else res.bare)[n][-1]
                _log(f"round {r + 1}/{args.repeats}: {engine} {n} workers: {seconds:.1f} s")
            res.fixed[n].append(run_hoso(args.hoso, *inputs.trivial[n], n, model_dir, work,
                                         ocr=False).seconds)
            _log(f"round {r + 1}/{args.repeats}: fixed cost {n} workers: {res.fixed[n][-1]:.1f} s")
        if inputs.long is not None:
            run = run_hoso(args.hoso, inputs.long, inputs.long_dossier, args.long_workers,
                           model_dir, work, ocr=True)
            res.long.append(run.seconds)
            res.cers.append(run.cer)
            _log(f"round {r + 1}/{args.repeats}: {args.long_pages}-page dossier, "
                 f"{args.long_workers} workers: {run.seconds:.1f} s")
    return res


def _log(msg: str) -> None:
    print(f"  {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- tables


def speedups(times: dict[int, list[float]], n: int, less: dict[int, float] | None = None,
             ) -> list[float]:
    """Per-round paired ratios: the 1-worker time over the N-worker time of the same round,
    each less ``less`` at its worker count (the fixed cost)."""
    minus = less or {}
    pairs = [(one - minus.get(1, 0.0), many - minus.get(n, 0.0))
             for one, many in zip(times[1], times[n])]
    return [one / many if many > 0 else float("nan") for one, many in pairs]


def fixed_costs(res: Results) -> dict[int, float]:
    return {n: statistics.median(res.fixed[n]) for n in res.workers}


def _row(label: str, n: int, pages: int, runs: list[float], less: float, up: float) -> str:
    s = statistics.median(runs) - less
    cells = f"| {label} | {n} | {pages} | {s:.1f} ({min(runs) - less:.1f}–{max(runs) - less:.1f}) |"
    if s <= 0:  # the fixed cost's noise is larger than the work
        return f"{cells} — | — | — |"
    return f"{cells} {60 * pages / s:.1f} | {up:.2f}× | {up / n:.0%} |"


def table(res: Results) -> tuple[str, dict[str, object]]:
    rows = ["| engine | workers | pages | median s (min–max) | pages/min | speed-up vs 1 | "
            "efficiency |", "|---|---:|---:|---:|---:|---:|---:|"]
    fixed = fixed_costs(res)
    summary: dict[str, object] = {"fixed_s": fixed}
    engines = [("hoso ingest, end to end", res.hoso, None),
               ("hoso ingest, less fixed cost", res.hoso, fixed),
               ("bare tesseract", res.bare, None)]
    for label, times, less in engines:
        for n in res.workers:
            up = statistics.median(speedups(times, n, less)) if 1 in res.workers else float("nan")
            minus = less[n] if less else 0.0
            rows.append(_row(label, n, res.pages, times[n], minus, up))
            summary[f"{label} @{n}"] = {"seconds": statistics.median(times[n]) - minus,
                                        "speedup": up}
    rows += ["", "| workers | fixed cost s, median (runs) | hoso / bare pages/min, end to end | "
                 "less fixed cost |", "|---:|---|---:|---:|"]
    for n in res.workers:
        bare, e2e = statistics.median(res.bare[n]), statistics.median(res.hoso[n])
        net = f"{bare / (e2e - fixed[n]):.2f}" if e2e > fixed[n] else "—"
        runs = ", ".join(f"{x:.1f}" for x in res.fixed[n])
        rows.append(f"| {n} | {fixed[n]:.1f} ({runs}) | {bare / e2e:.2f} | {net} |")
    if res.long:
        s = statistics.median(res.long)
        rows += ["", f"Upload to report, one {res.long_pages}-page scanned dossier, "
                     f"HOSO_WORKERS={res.long_workers}: median {s:.1f} s, "
                     f"{60 * res.long_pages / s:.1f} pages/min (runs: "
                     + ", ".join(f"{x:.1f}" for x in res.long) + " s)."]
        if res.long_workers in res.bare:
            bare = statistics.median(res.bare[res.long_workers]) * res.long_pages / res.pages
            rows.append(f"For scale: bare tesseract, {res.long_workers} at a time, reads "
                        f"{res.long_pages} such pages in about {bare:.1f} s (the batch's rate).")
        summary["long"] = {"seconds": s, "runs": res.long}
    if res.cers:
        rows.append(f"CER of hoso's text against the truth: median {statistics.median(res.cers):.2%}"
                    f" over {len(res.cers)} runs (worst {max(res.cers):.2%}).")
    return "\n".join(rows), summary


def check_line(res: Results) -> str:
    if not {1, 2} <= set(res.workers):
        return "CHECK 2 workers ≥ 1.8× 1 worker: NOT RUN (needs --workers 1 2)"
    up = statistics.median(speedups(res.hoso, 2))
    net = statistics.median(speedups(res.hoso, 2, fixed_costs(res)))
    bare = statistics.median(speedups(res.bare, 2))
    verdict = "PASS" if up >= 1.8 else "FAIL"
    note = ""
    if (os.cpu_count() or 1) < 2:
        note = " (this machine has 1 core)"
    elif bare < 1.8:
        note = " (the machine itself gave less: other jobs share its cores)"
    net_text = f"{net:.2f}×" if net == net else "—"  # nan: fixed cost above the N-worker time
    return (f"CHECK 2 workers ≥ 1.8× 1 worker: {verdict} — hoso {up:.2f}× end to end, "
            f"{net_text} less fixed cost; bare tesseract {bare:.2f}× on the same pages{note}")


# --------------------------------------------------------------------------- main


def default_workers() -> list[int]:
    cores = os.cpu_count() or 1
    out, n = [1, 2], 4
    while n <= cores:
        out.append(n)
        n *= 2
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dossiers", type=int, default=8, help="dossiers in the batch")
    ap.add_argument("--pages", type=int, default=4, help="scanned pages per dossier")
    ap.add_argument("--workers", type=int, nargs="+", default=default_workers(),
                    help="HOSO_WORKERS values (default: 1, 2 and powers of two up to the cores)")
    ap.add_argument("--repeats", type=int, default=3, help="rounds over every worker count")
    ap.add_argument("--long-pages", type=int, default=20,
                    help="pages of the one-dossier upload-to-report run (0: skip it)")
    ap.add_argument("--long-workers", type=int, default=os.cpu_count() or 1,
                    help="HOSO_WORKERS for that run (default: all cores)")
    ap.add_argument("--seed", type=int, default=53)
    ap.add_argument("--dpi", type=int, default=200, help="scan resolution of the pages")
    ap.add_argument("--model-dir", type=Path, default=None,
                    help="tessdata folder for both engines (default: Settings().model_dir)")
    ap.add_argument("--hoso", default=str(Path(sys.executable).parent / "hoso"),
                    help="the hoso command (default: the one beside this Python)")
    ap.add_argument("--out", type=Path, default=None, help="write the timings as JSON here")
    ap.add_argument("--keep", type=Path, default=None,
                    help="generate into this (new or empty) folder and keep it")
    ap.add_argument("--quick", action="store_true",
                    help="a smoke run: 2 dossiers of 2 pages, workers 1 2, 1 round, 3-page dossier")
    args = ap.parse_args(argv)
    if args.quick:
        args.dossiers, args.pages, args.workers, args.repeats = 2, 2, [1, 2], 1
        args.long_pages = min(args.long_pages, 3)
    args.workers = sorted(set(args.workers))
    if args.dossiers < 1 or args.pages < 1 or args.repeats < 1 or min(args.workers) < 1:
        ap.error("--dossiers, --pages, --repeats and --workers must be at least 1")
    if not Path(args.hoso).exists() and not shutil.which(args.hoso):
        ap.error(f"{args.hoso} not found (make setup installs .venv/bin/hoso)")
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        ap.error(f"--keep {args.keep}: the folder is not empty")
    model_dir = args.model_dir or Settings().model_dir
    work = args.keep or Path(tempfile.mkdtemp(prefix="hoso-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    m = machine()
    try:
        t0 = time.monotonic()
        inputs = make_inputs(work, args.dossiers, args.pages, args.long_pages, args.seed,
                             args.dpi, args.workers)
        _log(f"generated {args.dossiers} × {args.pages} pages and a {args.long_pages}-page "
             f"dossier in {time.monotonic() - t0:.0f} s under {work}")
        t0 = time.monotonic()
        res = measure(inputs, args, model_dir, work)
        took = time.monotonic() - t0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text, summary = table(res)
    print(f"\nMachine: {m['cpu']}, {m['cores']} cores (load {m['load_at_start']} at start, "
          f"{os.getloadavg()[0]:.1f} at end); {m['tesseract']}; Python {m['python']}; model: "
          f"{model_dir or 'tesseract default'}.")
    print(f"Batch: {args.dossiers} dossiers × {args.pages} scanned pages ({args.dpi} DPI, JPEG "
          f"{JPEG}); {args.repeats} rounds; measured in {took / 60:.1f} min.\n")
    print(text)
    print("\n" + check_line(res))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({
            "machine": m, "model_dir": str(model_dir) if model_dir else None,
            "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
            "hoso": res.hoso, "fixed": res.fixed, "bare": res.bare, "long": res.long,
            "cers": res.cers, "summary": summary}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
