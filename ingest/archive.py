"""Bulk import of a historical archive: a folder of dossiers plus a CSV of their records.

    path,title,year,unit,status,decision
    2021/truong-thpt-a,Một số biện pháp …,2021,Trường THPT A,cong_nhan,123/QĐ-SKHCN

``path`` (required) names a dossier folder, ZIP or file relative to the archive folder; the
other columns are what the council recorded and are kept as the dossier's ``meta`` (they win
over what is read from the pages when a match is shown). Without a CSV every entry directly
under the folder is one dossier. A row whose path is missing is reported and skipped: the rest
of the archive is imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from models.errors import BadArchiveList

COLUMNS = ("title", "year", "unit", "status", "decision", "authors", "field")


@dataclass(frozen=True)
class ArchiveEntry:
    path: Path
    meta: dict
    error: str | None = None


def archive_entries(folder: Path, metadata: Path | None) -> list[ArchiveEntry]:
    if metadata is None:
        return [ArchiveEntry(p, {}) for p in sorted(folder.iterdir()) if not p.name.startswith(".")]
    try:
        text = metadata.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadArchiveList(f"{metadata}: {exc}") from exc
    rows = _rows(text, str(metadata))
    out = []
    root = folder.resolve()
    for n, row in enumerate(rows, 2):
        rel = (row.get("path") or "").strip()
        path = (folder / rel).resolve()
        meta = {k: _value(k, row.get(k)) for k in COLUMNS if (row.get(k) or "").strip()}
        if not rel or not path.is_relative_to(root):
            out.append(ArchiveEntry(path, meta, f"dòng {n}: đường dẫn “{rel}” không hợp lệ"))
        elif not path.exists():
            out.append(ArchiveEntry(path, meta, f"dòng {n}: không có “{rel}” trong {folder}"))
        else:
            out.append(ArchiveEntry(path, meta))
    return out


def archive_list(data: bytes, name: str = "danh-sach.csv") -> dict[str, dict]:
    """The records of an archive list sent with an upload: dossier path -> record."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadArchiveList(f"{name}: {exc}") from exc
    out = {}
    for row in _rows(text, name):
        rel = (row.get("path") or "").strip().strip("/")
        if rel:
            out[rel] = {k: _value(k, row.get(k)) for k in COLUMNS if (row.get(k) or "").strip()}
    return out


def record_for(source: str, records: dict[str, dict]) -> dict | None:
    """The record of the dossier formed from ``source`` ("kho/2021/a" has "2021/a"'s)."""
    for rel, meta in records.items():
        if source == rel or source.endswith("/" + rel) or source.removesuffix(".zip") == rel:
            return meta
    return None


def _rows(text: str, name: str) -> list[dict]:
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        raise BadArchiveList(f"{name}: {exc}") from exc
    if not rows or "path" not in rows[0]:
        raise BadArchiveList(f"{name}: no 'path' column")
    return rows


def _value(key: str, raw: str | None) -> str | int:
    value = " ".join((raw or "").split())
    if key == "year" and value.isdigit():
        return int(value)
    return value
