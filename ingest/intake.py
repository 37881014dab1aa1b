"""Turn what a secretariat hands over (files, folders, ZIPs) into dossiers of files.

Rules, the same for a folder on disk and for the inside of a ZIP:

- a folder that holds only files is one dossier;
- a folder that holds sub-folders is a batch: each sub-folder is one dossier (with every file
  below it), and each loose file next to them is a dossier of its own;
- a ZIP whose content is one folder is one dossier (whatever that folder holds); a ZIP of
  several folders is a batch like a folder on disk; a ZIP of loose files is one dossier;
- a ZIP found inside a dossier is opened in place (up to ``zip_max_depth`` levels) and its
  files belong to that dossier.
- a resubmission after a supplement was asked is one dossier, whatever it holds
  (``as_one_dossier``, applied by the upload that says so).

ZIPs are read defensively: entry count, total size and compression ratio are limited before
anything is inflated (``zip_bomb``), entries with absolute paths, ``..`` or symlinks are
skipped with ``zip_path_unsafe``, and every entry is inflated through a counting reader
that stops at its declared size. Junk that operating systems leave behind (``__MACOSX``,
``Thumbs.db``, ``~$`` lock files, dot files) is ignored.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from models.errors import BadInput, CorruptFile, FileTooLarge, ZipBomb, ZipPathUnsafe

JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 512 * 1024 * 1024
    zip_max_entries: int = 5000
    zip_max_total_bytes: int = 2 * 1024 * 1024 * 1024
    zip_max_ratio: float = 200.0
    zip_max_depth: int = 3


@dataclass(frozen=True)
class IncomingFile:
    """One file of a dossier. ``error`` set means it could not even be taken in."""

    name: str  # file name only
    path: str  # path as received, e.g. "hoso.zip/don/don-yeu-cau.pdf"
    data: bytes = b""
    error: BadInput | None = None


@dataclass(frozen=True)
class DossierInput:
    source: str  # the folder, ZIP entry or file the dossier was formed from
    formed_by: str  # folder | file | zip
    files: tuple[IncomingFile, ...]


@dataclass(frozen=True)
class Original:
    """An item exactly as received (a file on disk, a ZIP as a whole)."""

    name: str
    data: bytes


@dataclass
class Intake:
    dossiers: list[DossierInput] = field(default_factory=list)
    originals: list[Original] = field(default_factory=list)


# --- a tiny tree that folders and ZIPs both become -----------------------------------------

@dataclass
class _Node:
    files: dict[str, IncomingFile] = field(default_factory=dict)
    dirs: dict[str, _Node] = field(default_factory=dict)

    def all_files(self) -> list[IncomingFile]:
        out = list(self.files.values())
        for d in self.dirs.values():
            out.extend(d.all_files())
        return out


def collect(paths: Sequence[Path], limits: Limits = Limits()) -> Intake:
    """Everything given on a command line or in one upload, as dossiers."""
    intake = Intake()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            node = _read_dir(path, path.name, limits, intake)
            _form(node, path.name, intake, limits, formed_by="folder", top=True)
        else:
            item = _read_file(path, path.name, limits)
            if not item.error:
                intake.originals.append(Original(path.name, item.data))
            _loose(item, path.name, intake, limits)
    return intake


def collect_bytes(items: Iterable[tuple[str, bytes]], limits: Limits = Limits()) -> Intake:
    """The same for uploaded items held in memory (name, bytes)."""
    intake = Intake()
    for name, data in items:
        intake.originals.append(Original(name, data))
        _loose(IncomingFile(PurePosixPath(name).name, name, data), name, intake, limits)
    return intake


def as_one_dossier(intake: Intake) -> Intake:
    """The intake's files as one dossier (a resubmission is one dossier, however its files came:
    loose, in a ZIP, in folders), ``formed_by="group"``; an intake of one dossier as it is."""
    if len(intake.dossiers) <= 1:
        return intake
    files = tuple(f for d in intake.dossiers for f in d.files)
    source = " + ".join(d.source for d in intake.dossiers)[:1000]
    return Intake([DossierInput(source, "group", files)], intake.originals)


def _loose(item: IncomingFile, source: str, intake: Intake, limits: Limits) -> None:
    """A file given on its own: a ZIP is opened by the ZIP rule, anything else is a dossier."""
    if item.error is None and _is_zip(item.data) and not _is_office(item.data):
        try:
            node = _read_zip(item.data, item.path, limits, depth=1)
        except BadInput as exc:
            intake.dossiers.append(DossierInput(source, "zip", (_failed(item, exc),)))
            return
        only_dir = len(node.dirs) == 1 and not node.files
        if only_dir:
            (dname, sub), = node.dirs.items()
            _form(sub, f"{source}/{dname}", intake, limits, formed_by="zip", top=False)
        else:
            _form(node, source, intake, limits, formed_by="zip", top=True)
        return
    intake.dossiers.append(DossierInput(source, "file", (item,)))


def _form(node: _Node, source: str, intake: Intake, limits: Limits, *, formed_by: str,
          top: bool) -> None:
    if not node.dirs or not top:
        files = tuple(node.all_files())
        if files:
            intake.dossiers.append(DossierInput(source, formed_by, files))
        return
    for dname, sub in sorted(node.dirs.items()):
        _form(sub, f"{source}/{dname}", intake, limits, formed_by=formed_by, top=False)
    for fname, item in sorted(node.files.items()):
        _loose(item, f"{source}/{fname}", intake, limits)


def _failed(item: IncomingFile, exc: BadInput) -> IncomingFile:
    return IncomingFile(item.name, item.path, item.data, exc)


def _is_junk(name: str) -> bool:
    low = name.lower()
    return low in JUNK_NAMES or low.startswith(("~$", ".")) or low == "__macosx"


# --- folders on disk --------------------------------------------------------------------------

def _read_file(path: Path, shown: str, limits: Limits) -> IncomingFile:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            return IncomingFile(path.name, shown, b"", FileTooLarge(f"{shown}: {size} bytes"))
        return IncomingFile(path.name, shown, path.read_bytes())
    except OSError as exc:
        return IncomingFile(path.name, shown, b"", CorruptFile(f"{shown}: cannot read ({exc})"))


def _read_dir(root: Path, shown: str, limits: Limits, intake: Intake) -> _Node:
    node = _Node()
    for child in sorted(root.iterdir()):
        if _is_junk(child.name) or child.is_symlink():
            continue
        if child.is_dir():
            node.dirs[child.name] = _read_dir(child, f"{shown}/{child.name}", limits, intake)
        elif child.is_file():
            item = _read_file(child, f"{shown}/{child.name}", limits)
            if not item.error:
                intake.originals.append(Original(item.path, item.data))
            if item.error is None and _is_zip(item.data) and not _is_office(item.data):
                # a ZIP inside a folder: its content joins the folder's tree
                try:
                    inner = _read_zip(item.data, item.path, limits, depth=1)
                    node.dirs[child.name] = inner
                    continue
                except BadInput as exc:
                    item = _failed(item, exc)
            node.files[child.name] = item
    return node


# --- ZIPs -------------------------------------------------------------------------------------

def _is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def _is_office(data: bytes) -> bool:
    """A DOCX/XLSX is a ZIP too, but a document, not a folder."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "[Content_Types].xml" in zf.namelist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        return False


def _entry_name(info: zipfile.ZipInfo) -> str:
    """Windows zippers store Vietnamese names in a code page without saying so."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name.replace("\\", "/")


def _unsafe(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return (
        name.startswith("/")
        or (len(name) > 1 and name[1] == ":")
        or any(p == ".." for p in parts)
    )


def _read_zip(data: bytes, shown: str, limits: Limits, depth: int) -> _Node:
    if depth > limits.zip_max_depth:
        raise ZipBomb(f"{shown}: ZIPs nested deeper than {limits.zip_max_depth}")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise CorruptFile(f"{shown}: damaged ZIP ({exc})") from exc
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > limits.zip_max_entries:
            raise ZipBomb(f"{shown}: {len(infos)} entries > {limits.zip_max_entries}")
        total = sum(i.file_size for i in infos)
        if total > limits.zip_max_total_bytes:
            raise ZipBomb(f"{shown}: {total} bytes uncompressed > {limits.zip_max_total_bytes}")
        for i in infos:
            if i.file_size > 1_000_000 and i.file_size > limits.zip_max_ratio * max(i.compress_size, 1):
                raise ZipBomb(f"{shown}: entry {i.filename!r} inflates "
                              f"{i.file_size / max(i.compress_size, 1):.0f}×")
        root = _Node()
        for info in infos:
            name = _entry_name(info)
            path = f"{shown}/{name}"
            leaf = PurePosixPath(name).name
            if _unsafe(name) or stat.S_ISLNK(info.external_attr >> 16):
                root.files[f"!{name}"] = IncomingFile(leaf, path, b"", ZipPathUnsafe(path))
                continue
            parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
            if not parts or any(_is_junk(p) for p in parts):
                continue
            node = root
            for p in parts[:-1]:
                node = node.dirs.setdefault(p, _Node())
            item = _inflate(zf, info, path, leaf, limits)
            if item.error is None and _is_zip(item.data) and not _is_office(item.data):
                try:
                    node.dirs[parts[-1]] = _read_zip(item.data, path, limits, depth + 1)
                    continue
                except BadInput as exc:
                    item = _failed(item, exc)
            node.files[parts[-1]] = item
        return root


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, leaf: str,
             limits: Limits) -> IncomingFile:
    if info.flag_bits & 0x1:
        return IncomingFile(leaf, path, b"", CorruptFile(f"{path}: password-protected ZIP entry"))
    cap = min(info.file_size, limits.max_file_bytes)
    try:
        with zf.open(info) as f:
            data = f.read(cap + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        return IncomingFile(leaf, path, b"", CorruptFile(f"{path}: {exc}"))
    if len(data) > cap:
        err = FileTooLarge(path) if info.file_size > limits.max_file_bytes else ZipBomb(
            f"{path}: inflates past its declared size")
        return IncomingFile(leaf, path, b"", err)
    return IncomingFile(leaf, path, data)
