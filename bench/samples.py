"""Benchmark: the sample dossiers through the real command line, scored against their truth.

    .venv/bin/python -m bench.samples

Ingests ``samples/dossiers`` with ``hoso ingest --json --text`` into a temporary HOSO_HOME
(embedded Celery worker, the installed OCR model), then prints, per file, its input kind,
pages, OCR'd pages, CER against the ground truth (samples.truth) and the issue's bar
(0.5 % born-digital and Word, 2 % scanned), and the wall time of the whole ingest.
``tests/samples/test_accuracy.py`` asserts the same bars; this prints the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from samples import truth
from samples.truth import DIGITAL, SCANNED, edits

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="hoso-bench-") as home:
        started = time.monotonic()
        run = subprocess.run([sys.executable, "-m", "api.cli", "ingest", "samples/dossiers",
                              "--json", "--text"], cwd=REPO, capture_output=True, text=True,
                             env={**os.environ, "HOSO_HOME": home}, check=True)
        wall = time.monotonic() - started
    files = {f["path"]: f for line in run.stdout.splitlines() for f in json.loads(line)["files"]}
    print("| file | input | pages | OCR | CER % | bar % |\n|---|---|---:|---:|---:|---:|")
    for tf in truth.files(truth.load()):
        if tf.input not in DIGITAL | SCANNED:
            continue
        suffix = f"{tf.source}/{tf.path}" if tf.source != tf.path else tf.path
        got = next((f for p, f in files.items() if p.endswith(suffix)), None)
        if got is None:
            print(f"| {tf.path} | {tf.input} | – | – | missing | |")
            continue
        pairs = [edits(t, p["text"]) for t, p in zip(tf.pages, got["pages"], strict=False)]
        cer = sum(e for e, _ in pairs) / max(1, sum(n for _, n in pairs))
        bar = 0.5 if tf.input in DIGITAL else 2.0
        print(f"| {tf.path.rsplit('/', 1)[-1]} | {tf.input} | {len(got['pages'])} | "
              f"{got['ocr_pages']} | {100 * cer:.2f} | {bar} |")
    pages = sum(len(f["pages"]) for f in files.values())
    print(f"\n{len(files)} files, {pages} pages ingested in {wall:.0f} s (wall, embedded worker)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
