"""Decide what a file really is from its bytes, never from its name.

Secretariats receive ".pdf" files that are Word documents, ".doc" files that are RTF, and
photos named "scan.pdf". The extension is only used in messages. A file we cannot read is
refused here with a specific error (empty, password-protected Office file, spreadsheet…),
so that no reader ever sees it.
"""

from __future__ import annotations

import io
import zipfile

import olefile

from models.domain import FileType
from models.errors import CorruptFile, EmptyFile, PasswordProtected, UnsupportedType

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"II*\x00",  # TIFF little-endian
    b"MM\x00*",  # TIFF big-endian
    b"BM",  # BMP
    b"GIF87a",
    b"GIF89a",
)


def triage(data: bytes, name: str = "") -> FileType:
    """The file's real type, or raise a BadInput error that names the problem."""
    if not data:
        raise EmptyFile(name)
    head = data[:2048]
    if head.startswith(b"%PDF-"):
        return FileType.PDF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, name)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(data, name)
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return FileType.RTF
    if head.startswith(IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return FileType.IMAGE
    if b"%PDF-" in head[:1024]:  # readers accept junk (a mail header…) before the PDF header
        return FileType.PDF
    raise UnsupportedType(f"{name}: {_describe(head)}")


def _zip_kind(data: bytes, name: str) -> FileType:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise CorruptFile(f"{name}: damaged ZIP container ({exc})") from exc
    if "word/document.xml" in names:
        return FileType.DOCX
    if "[Content_Types].xml" in names:
        what = "Excel" if any(n.startswith("xl/") for n in names) else "PowerPoint/Office"
        raise UnsupportedType(f"{name}: {what} file")
    if "mimetype" in names and any(n == "content.xml" for n in names):
        raise UnsupportedType(f"{name}: OpenDocument file (save it as .docx)")
    return FileType.ZIP


def _ole_kind(data: bytes, name: str) -> FileType:
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError) as exc:  # olefile raises OSError on bad headers
        raise CorruptFile(f"{name}: damaged Office file ({exc})") from exc
    try:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise PasswordProtected(f"{name}: encrypted Office container")
        if ole.exists("WordDocument"):
            return FileType.DOC
        if ole.exists("Workbook") or ole.exists("Book"):
            raise UnsupportedType(f"{name}: Excel 97-2003 file")
        if ole.exists("PowerPoint Document"):
            raise UnsupportedType(f"{name}: PowerPoint 97-2003 file")
        raise UnsupportedType(f"{name}: unknown Office (OLE2) file")
    finally:
        ole.close()


def _describe(head: bytes) -> str:
    text = head.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= 2 and all(c.isprintable() or c.isspace() for c in text[:-1]):
        return "plain text, not a document format we read"
    return f"unknown binary format (starts {head[:8].hex()})"
