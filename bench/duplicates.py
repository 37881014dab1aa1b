"""Near-duplicate detection: accuracy per case, and speed and size at 1k, 10k and 100k dossiers.

    python -m bench.duplicates [--seed 41] [--archive 1000] [--per-case 40] [--scanned 20]
                               [--sizes 1000 10000 100000] [--queries 40] [--skip-accuracy]

**Accuracy.** An archive of generated dossiers (``bench/dupcorpus.py``: independent bodies from
a grammar, never the test fixtures) and, per case, submissions made from archived dossiers:
exact re-upload; same body under a new title, authors, unit and year; 5/10/20 % of words
edited; paragraphs reordered; one or two sections lifted into an otherwise new dossier; a
scanned copy (pages rendered, degraded and read by real Tesseract); and the negatives: same
topic under a near-identical title written independently, and dossiers sharing only template
text and quoted laws. Each submission goes through what the service runs: sections and title
from ``ingest.pipeline.understand``, its body, the archive's print index, alignment. The
archive itself goes through the same ``understand`` + ``body_of``.
Document level: a submission's true match is the archived dossier it was made from; any other
warning is a false positive. Passage level (characters of our text): a predicted passage is
right where it lies in a paragraph copied from that dossier (paragraph provenance is known);
recall is the share of copied paragraph text inside predicted passages. Scanned copies have no
character truth (OCR text) and report document level only.

**Speed and size.** Archives of N generated dossiers (body ~2 000 words plus template,
indexed through the fast path: no section outline, which only names sections in passages);
bodies packed and stored in SQLite as the service stores them; 20-page queries (half copies
of archived dossiers with 10 % edits, half new). Time to check = body + retrieval + loading
candidates from SQLite + alignment. Baseline: rapidfuzz ``fuzz.ratio`` of the query's text
against every archived dossier's text (what a brute-force check must do), timed on a sample
of the archive and extrapolated to N, said so in the table.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from bench.dupcorpus import GenDossier, Generator
from checks.boilerplate import Boilerplate
from checks.dup_index import PrintIndex
from checks.dup_text import Body, body_of, pack, unpack
from checks.duplicates import find_duplicates
from checks.profiles import load_profiles
from ingest.pipeline import understand
from models.domain import Page, PageMethod
from models.understanding import DocView

KEEP_EVERY = 100
POSITIVE = ("exact", "renamed", "edited_5", "edited_10", "edited_20", "reordered", "lifted_1",
            "lifted_2", "scanned")
NEGATIVE = ("same_topic", "template_only")


# ---------------------------------------------------------------------------- bodies


def views(d: GenDossier, *, ocr_pages: list[str] | None = None) -> list[DocView]:
    texts = ocr_pages if ocr_pages is not None else d.pages()
    method = PageMethod.OCR if ocr_pages is not None else PageMethod.WORD
    pages = tuple(Page(n, t, method, 90.0 if ocr_pages is not None else None)
                  for n, t in enumerate(texts, 1))
    return [DocView(f"{d.key}/ban-mo-ta.docx", "mo_ta", pages)]


def full_body(d: GenDossier, boilerplate: Boilerplate, profiles, *,
              ocr_pages: list[str] | None = None) -> Body:
    """As the service does it: understand (sections, title), then the body."""
    docs = views(d, ocr_pages=ocr_pages)
    u = understand(docs, profiles)
    title = u.fields.title or u.fields.description_title
    return body_of(docs, u.sections, boilerplate, title=title, confidential=u.fields.confidential)


def fast_body(d: GenDossier, boilerplate: Boilerplate) -> Body:
    return body_of(views(d), [], boilerplate, title=d.title)


# ---------------------------------------------------------------------------- accuracy


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pchars_ok: int = 0
    pchars: int = 0
    tchars_hit: int = 0
    tchars: int = 0
    n: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def make_case(g: Generator, case: str, src: GenDossier, key: str) -> GenDossier:
    if case == "exact" or case == "scanned":
        return g.exact(src, key)
    if case == "renamed":
        return g.renamed(src, key)
    if case.startswith("edited_"):
        return g.edited(src, key, int(case.split("_")[1]) / 100)
    if case == "reordered":
        return g.reordered(src, key)
    if case.startswith("lifted_"):
        return g.lifted(src, key, int(case.split("_")[1]))
    if case == "same_topic":
        return g.same_topic(src, key)
    if case == "template_only":
        return g.template_only(src, key)
    raise ValueError(case)


def copied_spans(d: GenDossier, body: Body, src_key: str) -> list[tuple[int, int]]:
    """Character spans of ``body.text`` holding paragraphs copied from ``src_key``."""
    spans, cursor = [], 0
    for para in d.paras:
        at = body.text.find(para.text, cursor)
        if at < 0:
            continue
        cursor = at + len(para.text)
        if para.origin and para.origin[0] == src_key:
            spans.append((at, cursor))
    return spans


def ocr_copy(d: GenDossier, seed: int) -> list[str]:
    """The dossier's pages rendered, degraded like a scanner does, read by real Tesseract
    (through ``ingest.ocr``, as the service reads scans)."""
    from ingest.ocr import OcrOptions, TesseractEngine, ocr_pages
    from models.settings import Settings
    from samples.render import Block, Degradation, degrade, draw, layout_pages

    model_dir = Settings().model_dir
    options = OcrOptions(tessdata_dir=str(model_dir) if model_dir else None,
                         workers=os.cpu_count() or 1)
    images, owner = [], []
    for n, text in enumerate(d.pages(words_per_page=300)):
        for k, page in enumerate(layout_pages([Block(line) for line in text.split("\n")], dpi=200)):
            img = degrade(draw(page), Degradation(skew=1.2, noise=0.002, blur=0.4,
                                                  seed=seed * 100 + n * 10 + k), src_dpi=200)
            img.info["dpi"] = (200, 200)
            images.append((len(images) + 1, img))
            owner.append(n)
    read = ocr_pages(images, engine=TesseractEngine(), options=options)
    out = [""] * (max(owner) + 1 if owner else 0)
    for n, page in zip(owner, read):
        out[n] = (out[n] + "\n" + page.page.text).strip("\n")
    return out


def accuracy(args, profiles, boilerplate: Boilerplate) -> dict[str, Tally]:
    g = Generator(args.seed)
    t0 = time.monotonic()
    archive = [g.dossier(f"A{i:05d}", words=random.Random(i).randint(1500, 3000))
               for i in range(args.archive)]
    bodies = {i: full_body(d, boilerplate, profiles) for i, d in enumerate(archive)}
    index = PrintIndex()
    index.add_many((i, b.prints()[1]) for i, b in bodies.items())
    print(f"archive: {len(archive)} dossiers understood and indexed in "
          f"{time.monotonic() - t0:.0f} s", file=sys.stderr)
    rng = random.Random(args.seed)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in args.cases or POSITIVE + NEGATIVE:
        n = args.scanned if case == "scanned" else args.per_case
        for k in range(n):
            src_i = rng.randrange(len(archive))
            src = archive[src_i]
            sub = make_case(g, case, src, f"{case}-{k}")
            ocr = ocr_copy(sub, k) if case == "scanned" else None
            body = full_body(sub, boilerplate, profiles, ocr_pages=ocr)
            found = find_duplicates(body, index, bodies.get)
            t = tallies[case]
            t.n += 1
            flagged = {m.other for m in found}
            truth = {src_i} if case in POSITIVE else set()
            t.tp += len(flagged & truth)
            t.fp += len(flagged - truth)
            t.fn += len(truth - flagged)
            for m in found:
                if m.other not in truth and args.verbose:
                    print(f"    false positive {sub.key} -> {archive[m.other].key}: " + "; ".join(
                        f"{p.tokens} words at {p.agreement:.0f}: {p.ours.text[:160]!r} / "
                        f"{p.theirs.text[:160]!r}" for p in m.passages),
                        file=sys.stderr)
            if case in POSITIVE and case != "scanned":
                _passages(t, sub, body, src.key, [m for m in found if m.other == src_i])
        print(f"  {case}: {tallies[case].prf()}", file=sys.stderr)
    return tallies


def _passages(t: Tally, sub: GenDossier, body: Body, src_key: str, matches) -> None:
    truth = np.zeros(len(body.text), dtype=bool)
    for a, b in copied_spans(sub, body, src_key):
        truth[a:b] = True
    pred = np.zeros(len(body.text), dtype=bool)
    for m in matches:
        for p in m.passages:
            at = body.text.find(p.ours.text)
            if at >= 0:
                pred[at:at + len(p.ours.text)] = True
    t.pchars += int(pred.sum())
    t.pchars_ok += int((pred & truth).sum())
    t.tchars += int(truth.sum())
    t.tchars_hit += int((pred & truth).sum())


def print_accuracy(tallies: dict[str, Tally]) -> None:
    print("\n| case | dossiers | doc precision | doc recall | doc F1 | passage precision | "
          "passage recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total = Tally()
    for case in [c for c in POSITIVE + NEGATIVE if c in tallies]:
        t = tallies[case]
        total.tp, total.fp, total.fn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn
        total.n += t.n
        p, r, f = t.prf()
        pp = f"{t.pchars_ok / t.pchars:.3f}" if t.pchars else "—"
        pr = f"{t.tchars_hit / t.tchars:.3f}" if t.tchars else "—"
        if case in NEGATIVE:
            print(f"| {case} (negative) | {t.n} | — | — | — | false positives: {t.fp} | |")
        else:
            print(f"| {case} | {t.n} | {p:.3f} | {r:.3f} | {f:.3f} | {pp} | {pr} |")
    p, r, f = total.prf()
    print(f"| **all** | {total.n} | {p:.3f} | {r:.3f} | {f:.3f} | | |")


# ---------------------------------------------------------------------------- speed


def current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def speed(args, profiles, boilerplate: Boilerplate) -> list[dict]:
    rows = []
    g = Generator(args.seed + 1)
    kept: dict[int, GenDossier] = {}  # the archived dossiers queries will copy (not all: memory)
    count = 0
    texts: list[str] = []
    index = PrintIndex()
    tmp = Path(tempfile.mkdtemp(prefix="hoso-dup-bench-"))
    db = sqlite3.connect(tmp / "entries.sqlite")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE dup_entries (dossier_id INTEGER PRIMARY KEY, prints BLOB, body BLOB)")
    build_s = 0.0
    for size in sorted(args.sizes):
        t0 = time.monotonic()
        batch = []
        for i in range(count, size):
            d = g.dossier(f"S{i:06d}", words=2000)
            if i % KEEP_EVERY == 7:
                kept[i] = d
            if len(texts) < args.baseline_sample:
                texts.append(" ".join(d.pages()))
            b = fast_body(d, boilerplate)
            prints = np.unique(b.prints()[1])
            batch.append((i, prints))
            db.execute("INSERT INTO dup_entries VALUES (?, ?, ?)",
                       (i, prints.astype("<u4").tobytes(), pack(b)))
            if len(batch) >= 5000:
                index.add_many(batch)
                batch = []
                db.commit()
        index.add_many(batch)
        db.commit()
        count = size
        build_s += time.monotonic() - t0
        gc.collect()

        def load(k: int) -> Body | None:
            row = db.execute("SELECT body FROM dup_entries WHERE dossier_id = ?", (k,)).fetchone()
            return unpack(row[0]) if row else None

        qrng = random.Random(size)
        times, found_right = [], 0
        for q in range(args.queries):
            if q % 2 == 0:
                src_i = qrng.choice(sorted(kept))
                query = g.edited(_long(g, kept[src_i], f"Q{q}"), f"Q{q}", 0.10)
            else:
                src_i, query = None, g.dossier(f"Q{q}", words=7000)
            t1 = time.perf_counter()
            body = fast_body(query, boilerplate)
            matches = find_duplicates(body, index, load)
            times.append(time.perf_counter() - t1)
            if src_i is None or any(m.other == src_i for m in matches):
                found_right += 1
        pages = len(query.pages())
        with get_context("spawn").Pool(1) as pool:  # a fresh process, as a worker starts
            read_s, sort_s, peak_mb = pool.apply(load_from_storage, (str(tmp / "entries.sqlite"),))
        base_per_pair = baseline_pair_seconds(" ".join(query.pages()), texts)
        rows.append({
            "size": size, "build_s": build_s, "postings": index.postings,
            "index_mb": index.nbytes / 2**20, "rss_mb": current_rss_mb(),
            "db_mb": (tmp / "entries.sqlite").stat().st_size / 2**20,
            "p50": statistics.median(times), "p95": float(np.percentile(times, 95)),
            "right": found_right / args.queries, "pages": pages,
            "baseline_s": base_per_pair * size,
            "load_s": read_s + sort_s, "load_peak_mb": peak_mb,
        })
        r = rows[-1]
        print(f"  {size}: build {build_s:.0f} s, p50 {r['p50'] * 1000:.0f} ms, "
              f"p95 {r['p95'] * 1000:.0f} ms, index {r['index_mb']:.0f} MB, rss {r['rss_mb']:.0f} MB",
              file=sys.stderr)
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)  # 650 MB at 100 000 dossiers
    return rows


def load_from_storage(path: str) -> tuple[float, float, float]:
    """What a process starting on this archive does (``ingest.duplicates.ArchiveIndex``):
    read every entry's prints, build the index. Seconds reading, seconds building, and the
    peak memory of the process doing it (MB)."""
    t0 = time.perf_counter()
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT dossier_id, prints FROM dup_entries").fetchall()
    t1 = time.perf_counter()
    index = PrintIndex()
    index.add_many((d, np.frombuffer(p, dtype="<u4")) for d, p in rows)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _long(g: Generator, src: GenDossier, key: str) -> GenDossier:
    """A 20-page submission that copies ``src``: its body followed by new text."""
    extra = g.dossier(key + "x", words=5000)
    body = [p for p in extra.paras if p.kind == "body"]
    return GenDossier(key, src.title, src.topic, src.year, src.unit, src.authors,
                      src.paras + tuple(body))


def baseline_pair_seconds(query: str, texts: list[str]) -> float:
    """Median seconds of one rapidfuzz ratio between the query and an archived dossier."""
    times = []
    for t in texts:
        t0 = time.perf_counter()
        fuzz.ratio(query, t)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def print_speed(rows: list[dict]) -> None:
    print("\n| archive | index build | postings | index in memory | process RSS | stored entries "
          "| index from storage (peak) | check p50 | check p95 | copies found "
          "| brute-force rapidfuzz (per check) | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['size']:,} | {r['build_s']:.0f} s | {r['postings'] / 1e6:.1f} M | "
              f"{r['index_mb']:.0f} MB | {r['rss_mb']:.0f} MB | {r['db_mb']:.0f} MB | "
              f"{r['load_s']:.1f} s ({r['load_peak_mb']:.0f} MB) | "
              f"{r['p50'] * 1000:.0f} ms | {r['p95'] * 1000:.0f} ms | {r['right']:.2f} | "
              f"{r['baseline_s']:.0f} s (extrapolated) | {r['baseline_s'] / r['p50']:.0f}× |")
    print(f"\n(queries: {rows[-1]['pages']} pages each; build time is cumulative: generating, "
          "reading into bodies, storing and indexing)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.duplicates", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--archive", type=int, default=1000)
    ap.add_argument("--per-case", type=int, default=40)
    ap.add_argument("--scanned", type=int, default=20)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--baseline-sample", type=int, default=200)
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--cases", nargs="*", choices=POSITIVE + NEGATIVE, help="accuracy cases to run")
    ap.add_argument("--verbose", action="store_true", help="print every false positive")
    args = ap.parse_args(argv)
    profiles = load_profiles()
    boilerplate = Boilerplate.for_profiles(profiles)
    print(f"machine: {os.cpu_count()} CPU, python {sys.version.split()[0]}")
    if not args.skip_accuracy:
        print_accuracy(accuracy(args, profiles, boilerplate))
    if args.sizes:
        print_speed(speed(args, profiles, boilerplate))
    return 0


if __name__ == "__main__":
    sys.exit(main())
