"""DOC and RTF to DOCX through LibreOffice, after checking the .doc container.

- ``convert_to_docx`` runs ``soffice`` headless on the bytes, each call with a private
  profile (so calls can run in parallel), a timeout, and the whole process group killed when
  it runs past it. A missing binary, a non-zero exit, a run past the timeout or an empty output
  are ``ConversionFailed``; an RTF whose groups never close is ``CorruptFile``.
- A .doc is checked first, so that damaged and password-protected files get their own errors
  instead of a conversion failure: it must be an OLE2 container (``CorruptFile`` if not, or if
  damaged), not an encrypted Office package (``PasswordProtected``), hold a WordDocument
  stream (``UnsupportedType`` if not) whose FIB does not set ``fEncrypted``
  (``PasswordProtected``). ``check_ole`` is the encrypted-package check, which the DOCX reader
  also applies to an OLE2 file handed to it as a .docx.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import olefile

from models.errors import ConversionFailed, CorruptFile, PasswordProtected, UnsupportedType

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_rtf(data: bytes) -> bool:
    return data[:64].lstrip()[:5] == b"{\\rtf"


def convert_to_docx(data: bytes, *, name: str = "", timeout: float = 180.0,
                    soffice: str | None = None) -> bytes:
    """.doc or .rtf bytes -> .docx bytes, after checking the .doc container."""
    rtf = is_rtf(data)
    if not rtf:
        _check_doc(data, name)
    return _run_soffice(data, ".rtf" if rtf else ".doc", name, timeout, soffice)


def check_ole(data: bytes, name: str) -> None:
    """An OLE2 container holding an encrypted OOXML package is a password-protected
    .docx/.xlsx; say so instead of 'corrupt'."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                raise PasswordProtected(f"{name}: encrypted Office package")
    except PasswordProtected:
        raise
    except Exception as exc:  # olefile raises OSError, struct and index errors
        raise CorruptFile(f"{name}: damaged OLE2 container: {exc}") from exc


def _check_doc(data: bytes, name: str) -> None:
    """A .doc must be an OLE2 file with a WordDocument stream whose FIB is not encrypted."""
    if not data.startswith(OLE_MAGIC):
        raise CorruptFile(f"{name}: neither a Word 97-2003 (OLE2) file nor RTF")
    check_ole(data, name)
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise UnsupportedType(f"{name}: an OLE2 file without a WordDocument stream")
            fib = ole.openstream("WordDocument").read(0x20)
    except (UnsupportedType, PasswordProtected):
        raise
    except Exception as exc:  # olefile raises OSError, struct and index errors
        raise CorruptFile(f"{name}: damaged OLE2 container: {exc}") from exc
    if len(fib) < 0x0C:
        raise CorruptFile(f"{name}: WordDocument stream too short")
    flags = int.from_bytes(fib[0x0A:0x0C], "little")
    if flags & 0x0100:  # FIB.fEncrypted
        raise PasswordProtected(f"{name}: the Word document is encrypted")


def _soffice(binary: str | None) -> str:
    found = binary or shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ConversionFailed("LibreOffice (soffice) is not installed")
    return found


def _run_soffice(data: bytes, suffix: str, name: str, timeout: float,
                 binary: str | None) -> bytes:
    """Run LibreOffice headless on the bytes; each call has its own profile, so calls can
    run in parallel, and the whole process group is killed on timeout."""
    soffice = _soffice(binary)
    with tempfile.TemporaryDirectory(prefix="hoso-lo-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        outdir = work / "out"
        outdir.mkdir()
        profile = (work / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--nolockcheck", "--nodefault", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(outdir), str(source)]
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    stdin=subprocess.DEVNULL, cwd=tmp, start_new_session=True)
        except OSError as exc:
            raise ConversionFailed(f"{name}: cannot start LibreOffice: {exc}") from exc
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _kill_group(proc)
            raise ConversionFailed(f"{name}: LibreOffice ran past {timeout:.0f} s") from exc
        finally:
            if proc.poll() is None:
                _kill_group(proc)
        result = outdir / "input.docx"
        if proc.returncode != 0:
            raise ConversionFailed(f"{name}: LibreOffice exited {proc.returncode}: "
                                   f"{err.decode(errors='replace')[-500:]}")
        if not result.exists() or result.stat().st_size == 0:
            if suffix == ".rtf" and not _rtf_closed(data):
                raise CorruptFile(f"{name}: truncated RTF (its groups never close)")
            raise ConversionFailed(f"{name}: LibreOffice produced nothing: "
                                   f"{(out + err).decode(errors='replace')[-500:]}")
        return result.read_bytes()


def _rtf_closed(data: bytes) -> bool:
    """Does the RTF's outermost group close? A truncated file's does not."""
    depth = 0
    unescaped = re.sub(rb"\\.", b"", data)
    for byte in unescaped:
        if byte == 0x7B:
            depth += 1
        elif byte == 0x7D:
            depth -= 1
            if depth == 0:
                return True
    return False


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()
