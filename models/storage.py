"""Content-addressed file store: every original is kept byte for byte under its sha256.

Layout: ``<root>/ab/cd/abcd…`` (two levels of fan-out keep folders small on any file
system). Writes go to a temporary file in the same folder and are renamed into place, so
a crash never leaves a half-written blob under a real name, and two workers storing the
same bytes at once both succeed. The same bytes stored twice make no second copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int
    created: bool  # False: these bytes were already in the store


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def put_bytes(self, data: bytes) -> Stored:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.exists():
            return Stored(sha, len(data), False)
        return self._commit(sha, len(data), lambda f: f.write(data))

    def put_stream(self, src: BinaryIO) -> Stored:
        """Store a stream without holding it in memory (large scans, uploads)."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".in-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path(sha)
            if target.exists():
                return Stored(sha, size, False)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
            return Stored(sha, size, True)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def put_file(self, path: Path) -> Stored:
        with open(path, "rb") as f:
            return self.put_stream(f)

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def copy_to(self, sha256: str, dest: Path) -> None:
        shutil.copyfile(self.path(sha256), dest)

    def _commit(self, sha: str, size: int, write) -> Stored:
        target = self.path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".in-")
        try:
            with os.fdopen(fd, "wb") as out:
                write(out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return Stored(sha, size, True)
