"""Benchmark: dossier understanding on generated dossiers that are not the test fixtures.

    .venv/bin/python -m bench.understanding [--n 40] [--stacks 2] [--seed 1] [--out DIR]
                                            [--cache DIR] [--jobs N]

--cache defaults to bench/out/understanding-cache (git-ignored).

1. generate — ``samples.synth`` writes n random dossiers (four profiles, every input kind,
   heading variants, random removals and defects) into DIR/dossiers, and ``samples.synth_stack``
   writes stack scans (≥ 5 dossiers each, sometimes separator sheets) into DIR/stacks;
2. read — every file through ``ingest.pipeline.read_document`` in parallel processes (OCR
   with the project's model), the DocumentText cached per file sha256 in --cache (pickle), so
   a re-run after tuning extract/ or checks/ skips OCR;
3. understand — exactly as ``ingest.pipeline`` exposes it: ``split_file`` -> parts,
   ``documents_of`` -> DocViews, all of a folder's DocViews together (a stack: each part) into
   ``understand(docs, load_profiles(), profile=…, default_profile="bao-cao-mo-ta")``, the profile
   given for even-numbered dossiers and detected for the others; the files of 6 dossiers at a
   time go loose into ``group_files``;
4. score — against the generator's truth, for scanned / born-digital / all dossiers: section
   keys present with content in the request and description (P/R/F1 over (dossier, document,
   key)), missing-part findings (missing_document, missing_section, empty_section and
   *_not_stated, each with its key), other injected findings, document kinds per file and per stack page,
   stack boundaries, grouping, profile detection and each field (compared after whitespace
   normalisation, NFC, quotes and dashes folded and a trailing full stop dropped). The first
   --errors errors (default 30) follow the table, then the time ``understand`` took per dossier.

A dossier counts as scanned when its request or description is an image kind (scanned PDF,
photo, TIFF, mixed PDF, broken text layer); every stack is scanned. A dossier judged without
a profile is expected under its own profile when it has a description, else under the
default (a request alone cannot tell its template).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import random
import re
import statistics
import tempfile
import time
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from samples.synth import expected_findings, synth_case, write_case
from samples.synth_stack import synth_stack
from samples.synth_truth import Synth

IMAGE_INPUTS = {"scanned_pdf", "photo", "tiff", "mixed_pdf", "broken_text_pdf"}
MISSING_CODES = {"missing_document", "missing_section", "empty_section", "novelty_not_stated",
                 "applicability_not_stated", "benefit_not_stated"}
OTHER_CODES = {"shares_not_100", "first_applied_missing", "first_applied_after_submission",
               "title_mismatch", "authors_mismatch", "signature_missing", "date_missing"}
SCORED_DOCS = ("don_yeu_cau", "mo_ta")
DEFAULT_PROFILE = "bao-cao-mo-ta"
GROUP_SIZE = 6
QUOTES = str.maketrans("", "", "“”\"'‘’«»")

# ---------------------------------------------------------------------------- generate


def _write_one(args: tuple[int, Path]) -> tuple[int, dict]:
    seed, root = args
    with tempfile.TemporaryDirectory(prefix="hoso-synth-") as work:
        return seed, write_case(synth_case(seed), root, Path(work))


def _stack_one(args: tuple[int, Path]) -> tuple[int, str, tuple, tuple]:
    seed, root = args
    st = synth_stack(seed, 6)
    (root / st.name).write_bytes(st.pdf)
    return seed, st.name, st.starts, st.kinds


# ---------------------------------------------------------------------------- read

_CTX = None


def _init_reader() -> None:
    global _CTX
    from ingest.runtime import Runtime
    from models.settings import Settings

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    _CTX = Runtime(Settings(_env_file=None)).read_context(ocr_workers=1)


def _read_one(args: tuple[Path, str, Path]) -> tuple[str, object]:
    path, name, cache = args
    data = path.read_bytes()
    key = cache / f"{hashlib.sha256(data).hexdigest()}.pkl"
    if key.exists():
        return str(path), pickle.loads(key.read_bytes())
    from ingest.pipeline import read_document

    try:
        text = read_document(data, name, _CTX)
    except Exception as exc:  # a file that cannot be read is an error to report, not a crash
        return str(path), f"{type(exc).__name__}: {exc}"
    key.write_bytes(pickle.dumps(text))
    return str(path), text


# ---------------------------------------------------------------------------- score


DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")


def norm(value: object) -> object:
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).translate(QUOTES)
        text = DASHES.sub(" - ", text)  # OCR reads "–" as "—" or "-": the same dash to a reader
        return " ".join(text.split()).rstrip(" .;")
    if isinstance(value, float):
        return round(value, 2)
    return value


class Score:
    """Counts per group ("scanned", "born-digital", "all")."""

    def __init__(self) -> None:
        self.prf: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        self.acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        self.errors: list[str] = []
        self.timings: list[float] = []  # seconds per call of ingest.pipeline.understand

    def sets(self, metric: str, groups: tuple[str, ...], truth: set, got: set, where: str) -> None:
        for g in groups:
            c = self.prf[metric, g]
            c[0] += len(truth & got)
            c[1] += len(got - truth)
            c[2] += len(truth - got)
        if truth != got:
            self.errors.append(f"{where} {metric}: missed {sorted(truth - got, key=str)} "
                               f"extra {sorted(got - truth, key=str)}")

    def hit(self, metric: str, groups: tuple[str, ...], ok: bool, where: str, want: object,
            got: object) -> None:
        for g in groups:
            self.acc[metric, g][0] += ok
            self.acc[metric, g][1] += 1
        if not ok:
            self.errors.append(f"{where} {metric}: expected {want!r} found {got!r}")


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _findings(u: object) -> tuple[set, set]:
    missing, other = set(), set()
    for f in u.completeness.findings:  # type: ignore[attr-defined]
        if f.code in MISSING_CODES:
            missing.add((f.code, f.key))
        elif f.code in OTHER_CODES:
            other.add((f.code, f.key if f.code in ("signature_missing", "date_missing") else None))
    return missing, other


def _truth_findings(case: Synth, profile: str) -> tuple[set, set]:
    missing, other = set(), set()
    for code, key in expected_findings(case, profile):
        if code in MISSING_CODES:
            missing.add((code, key))
        else:
            other.add((code, key))
    return missing, other


def _fields(score: Score, groups: tuple[str, ...], want: dict, got: object, where: str) -> None:
    f = got.fields  # type: ignore[attr-defined]
    simple = {"title": f.title, "addressee": f.addressee, "field": f.field, "investor": f.investor,
              "confidential": f.confidential, "year": f.year, "unit": f.unit,
              "first_applied": f.first_applied and f.first_applied.isoformat(),
              "decisions": sorted([d.number, d.date and d.date.isoformat()] for d in f.decisions)}
    for name, value in simple.items():
        if name in want:
            expected = sorted(want[name]) if name == "decisions" else want[name]
            score.hit(name, groups, norm(expected) == norm(value), where, expected, value)
    authors = f.authors
    for i, a in enumerate(want["authors"]):
        have = authors[i] if i < len(authors) else None
        for attr, key in (("name", "name"), ("birth_date", "birth_date"), ("unit", "unit"),
                          ("position", "position"), ("qualification", "qualification"),
                          ("share_percent", "share_percent")):
            value = getattr(have, attr, None) if have else None
            if attr == "birth_date" and value is not None:
                value = value.isoformat()
            value = float(value) if attr == "share_percent" and value is not None else value
            score.hit(f"author {key}", groups, norm(a[key]) == norm(value), where, a[key], value)


def judge(score: Score, case: Synth, docs: list, groups: tuple[str, ...], given: bool,
          where: str, profiles: dict) -> None:
    from ingest.pipeline import understand

    profile = case.profile if given else (case.profile if "mo_ta" in case.kinds() else DEFAULT_PROFILE)
    t0 = time.perf_counter()
    u = understand(docs, profiles, profile=case.profile if given else None,
                   default_profile=DEFAULT_PROFILE)
    score.timings.append(time.perf_counter() - t0)
    if not given:
        score.hit("profile detected", groups, u.profile == profile, where, profile, u.profile)
    truth_sections = {(k, key) for k, key in case.content if k in SCORED_DOCS} - case.unscored
    got_sections = {(s.document, s.key) for s in u.sections
                    if not s.empty and s.document in SCORED_DOCS} - case.unscored
    score.sets("section keys", groups, truth_sections, got_sections, where)
    want_missing, want_other = _truth_findings(case, profile)
    got_missing, got_other = _findings(u)
    score.sets("missing parts", groups, want_missing, got_missing, where)
    score.sets("other findings", groups, want_other, got_other, where)
    _fields(score, groups, case.fields, u, where)


def _page_kinds(parts: tuple, n: int) -> list[str | None]:
    kinds: list[str | None] = [None] * n
    for part in parts:
        for seg in part.segments:
            for p in range(seg.first, seg.last + 1):
                if 1 <= p <= n:
                    kinds[p - 1] = seg.kind
    return kinds


def evaluate(out: Path, truths: dict[int, dict], stacks: list[tuple], texts: dict[str, object],
             score: Score, debug_groups: bool = False) -> None:
    from checks.profiles import load_profiles
    from ingest.pipeline import documents_of, group_files, split_file

    profiles = load_profiles()
    loose: list[tuple[int, list]] = []
    for n, (seed, truth) in enumerate(sorted(truths.items())):
        case = synth_case(seed)
        inputs = {e["kind"]: e["input"] for e in truth["files"] if e["kind"]}
        scanned = any(inputs.get(k) in IMAGE_INPUTS for k in SCORED_DOCS)
        groups = ("scanned" if scanned else "born-digital", "all")
        docs = []
        for e in truth["files"]:
            path = out / "dossiers" / truth["source"] / e["path"]
            where = f"seed {seed} {e['path']}"
            text = texts.get(str(path))
            if not hasattr(text, "pages"):
                score.errors.append(f"{where} read: {text}")
                continue
            pages = text.pages  # type: ignore[attr-defined]
            parts = split_file(e["path"], pages)
            file_docs = [d for p in parts for d in documents_of(e["path"], pages, p)]
            kinds = [k for k in _page_kinds(parts, len(pages)) if k]
            got = max(set(kinds), key=kinds.count) if kinds else None
            g = ("scanned" if e["input"] in IMAGE_INPUTS else "born-digital", "all")
            score.hit("kind per file", g, got == e["kind"], where, e["kind"], got)
            docs += file_docs
            loose.append((n, file_docs))
        judge(score, case, docs, groups, n % 2 == 0, f"seed {seed}", profiles)
    for start in range(0, len(truths) // GROUP_SIZE * GROUP_SIZE, GROUP_SIZE):
        batch = [(d, f) for d, f in loose if start <= d < start + GROUP_SIZE]
        random.Random(start).shuffle(batch)
        got = {frozenset(g) for g in group_files([f for _, f in batch])}
        if debug_groups:
            from ingest.pipeline import loose_files
            for i, (lf, (d, _)) in enumerate(zip(loose_files([f for _, f in batch]), batch)):
                print(f"group {start} #{i} dossier {d}: {lf}")
        want = defaultdict(set)
        for i, (d, _) in enumerate(batch):
            want[d].add(i)
        for d, members in want.items():
            score.hit("grouping", ("all",), frozenset(members) in got, f"dossiers {start}+{d - start}",
                      sorted(members), sorted(map(sorted, got)))
    for seed, name, starts, kinds in stacks:
        path = out / "stacks" / name
        text = texts.get(str(path))
        if not hasattr(text, "pages"):
            score.errors.append(f"stack {name} read: {text}")
            continue
        pages = text.pages  # type: ignore[attr-defined]
        parts = split_file(name, pages)
        got_starts = {p.first for p in parts}
        score.sets("stack starts", ("scanned", "all"), set(starts), got_starts, f"stack {name}")
        score.hit("stack exact", ("scanned", "all"), got_starts == set(starts), f"stack {name}",
                  starts, sorted(got_starts))
        for i, (want, got) in enumerate(zip(kinds, _page_kinds(parts, len(pages)), strict=False), 1):
            score.hit("kind per stack page", ("scanned", "all"), want == got, f"stack {name} p{i}",
                      want, got)
        for k, part in enumerate(parts):
            before = [j for j, first in enumerate(starts) if first <= part.first]
            if not before:
                continue
            i = before[-1]
            case = synth_case(seed * 1000 + i)
            docs = list(documents_of(name, pages, part))
            judge(score, case, docs, ("scanned", "all"), k % 2 == 0, f"stack {name} part {k + 1}",
                  profiles)


def table(score: Score) -> str:
    groups = ("scanned", "born-digital", "all")
    lines = [f"{'metric':28}" + "".join(f"{g:>26}" for g in groups)]
    for metric in ("section keys", "missing parts", "other findings", "stack starts"):
        row = f"{metric + ' P/R/F1':28}"
        for g in groups:
            c = score.prf.get((metric, g))
            row += f"{'%.3f/%.3f/%.3f' % _f1(*c) + ' (' + str(c[0] + c[2]) + ')':>26}" if c else f"{'-':>26}"
        lines.append(row)
    for metric in sorted({m for m, _ in score.acc}):
        row = f"{metric:28}"
        for g in groups:
            c = score.acc.get((metric, g))
            row += f"{'%.3f (%d/%d)' % (c[0] / c[1], c[0], c[1]):>26}" if c else f"{'-':>26}"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.understanding", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=40, help="dossiers to generate")
    ap.add_argument("--stacks", type=int, default=2, help="stack scans of 6 dossiers")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="where to write the dossiers (default: a temp dir)")
    ap.add_argument("--cache", type=Path, default=Path("bench/out/understanding-cache"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--errors", type=int, default=30, help="how many errors to print")
    ap.add_argument("--debug-groups", action="store_true",
                    help="print what grouping compares of every loose file")
    args = ap.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hoso-bench-") as tmp:
        out = args.out or Path(tmp)
        (out / "dossiers").mkdir(parents=True, exist_ok=True)
        (out / "stacks").mkdir(parents=True, exist_ok=True)
        args.cache.mkdir(parents=True, exist_ok=True)
        seeds = [args.seed * 100_000 + i for i in range(args.n)]
        with ProcessPoolExecutor(args.jobs) as pool:
            truths = dict(pool.map(_write_one, [(s, out / "dossiers") for s in seeds]))
            stacks = list(pool.map(_stack_one, [(args.seed * 100 + k, out / "stacks")
                                                for k in range(args.stacks)]))
        generated = time.monotonic() - started
        jobs = [(out / "dossiers" / t["source"] / e["path"], e["name"], args.cache)
                for t in truths.values() for e in t["files"]]
        jobs += [(out / "stacks" / name, name, args.cache) for _, name, _, _ in stacks]
        with ProcessPoolExecutor(args.jobs, initializer=_init_reader) as pool:
            texts = dict(pool.map(_read_one, jobs))
        read = time.monotonic() - started - generated
        pages = sum(len(t.pages) for t in texts.values() if hasattr(t, "pages"))
        score = Score()
        evaluate(out, truths, stacks, texts, score, args.debug_groups)
        print(table(score))
        print(f"\n{len(score.errors)} errors" + (f", the first {args.errors}:" if score.errors else ""))
        for e in score.errors[:args.errors]:
            print("  " + e)
        if score.timings:
            ms = sorted(t * 1000 for t in score.timings)
            print(f"\nunderstand (split excluded): median {statistics.median(ms):.0f} ms, "
                  f"p90 {ms[int(0.9 * (len(ms) - 1))]:.0f} ms per dossier")
        print(f"\n{args.n} dossiers + {args.stacks} stacks, {len(jobs)} files, {pages} pages; "
              f"generate {generated:.0f} s, read {read:.0f} s, total {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
