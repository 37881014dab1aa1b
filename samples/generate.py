"""Write the sample dossiers and their ground truth.

    python -m samples.generate [--out DIR] [--force] [--only NAME ...]

writes DIR/dossiers/ (folders, ZIPs and loose files as a secretariat receives them),
DIR/archive/ (initiatives recognised before, with the council's CSV: ``samples.archive``) and
DIR/truth/<dossier>.json (what each page says, where each section starts, the fields, and
what is deliberately missing or wrong). DIR defaults to this folder. Output is deterministic
except the bytes of LibreOffice's .doc files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

from samples import archive, broken, files
from samples.texts import Dossier, all_dossiers

HERE = Path(__file__).resolve().parent


def names() -> list[str]:
    return [d.name for d in all_dossiers()] + [broken.NAME]


def generate(out: Path, *, only: Iterable[str] | None = None) -> list[Path]:
    """Write the dossiers (all, or those named in ``only``) under out/dossiers and their
    truth under out/truth; return the paths written (files, folders and ZIPs)."""
    wanted = set(only) if only is not None else None
    unknown = (wanted or set()) - set(names())
    if unknown:
        raise KeyError(f"no such sample dossier: {', '.join(sorted(unknown))}")
    dossiers, truth = out / "dossiers", out / "truth"
    dossiers.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="hoso-samples-") as tmp:
        work = Path(tmp)
        for d in all_dossiers():
            if wanted is None or d.name in wanted:
                written.append(_write_dossier(d, dossiers, truth, work))
        if wanted is None or broken.NAME in wanted:
            written.append(broken.write(dossiers, truth, work))
    if wanted is None:
        written.append(archive.write(out / "archive"))
    return written


def _write_dossier(d: Dossier, dossiers: Path, truth_dir: Path, work: Path) -> Path:
    if d.container == "zip":
        stage = work / d.name
        root = stage / d.zip_root
        source = f"{d.name}.zip"
    elif d.container == "file":
        root = dossiers
        source = d.files[0].name
    else:
        root = dossiers / d.name
        source = d.name
    _clear(dossiers / source)
    root.mkdir(parents=True, exist_ok=True)
    entries, sections = [], []
    for spec in d.files:
        made, secs = files.write_file(d, spec, root, work)
        entries.extend(made)
        sections.extend(secs)
    if d.container == "zip":
        _zip_folder(stage, dossiers / source)
        for e in entries:
            e["path"] = f"{d.zip_root}/{e['path']}"
    truth = files.truth_of(d, source, entries, sections)
    (truth_dir / f"{d.name}.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return dossiers / source


def _clear(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def _zip_folder(stage: Path, target: Path) -> None:
    """Zip a staged dossier folder with fixed entry times (folders get their own entries)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(stage.rglob("*")):
            arc = p.relative_to(stage).as_posix() + ("/" if p.is_dir() else "")
            info = zipfile.ZipInfo(arc, date_time=(2024, 5, 20, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o40755 << 16) | 0x10 if p.is_dir() else 0o644 << 16
            z.writestr(info, b"" if p.is_dir() else p.read_bytes())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    ap.add_argument("--force", action="store_true", help="overwrite existing output")
    ap.add_argument("--only", nargs="+", metavar="NAME", choices=names(),
                    help="write only these dossiers")
    args = ap.parse_args(argv)
    dossiers = args.out / "dossiers"
    if dossiers.exists() and any(dossiers.iterdir()) and not args.force:
        print(f"{dossiers} exists; nothing written (use --force to regenerate)")
        return 0
    if args.force and args.only is None:
        for sub in ("dossiers", "truth", "archive"):
            _clear(args.out / sub)
    start = time.monotonic()
    written = generate(args.out, only=args.only)
    total = 0
    for p in written:
        size = sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) if p.is_dir() \
            else p.stat().st_size
        total += size
        print(f"{size / 1024:9.0f} KB  {p.relative_to(args.out)}")
    print(f"{len(written)} dossiers, {total / 1024 / 1024:.1f} MB, truth in "
          f"{args.out / 'truth'}, {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
