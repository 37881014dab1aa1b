"""Every kind of bad input, each inside a batch with a good file: the bad file gets its own
specific problem code in the report, the good file next to it is processed, and the
original bytes of both are kept."""

import io
import struct
import zlib
from pathlib import Path

import pypdf
import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from sqlalchemy import select

from ingest.intake import collect
from ingest.jobs import pending_documents, process_document, register
from ingest.runtime import Runtime
from models.report import build_report
from models.settings import Settings
from models.tables import Dossier
from tests.builders import docx_bytes, text_pdf, write_tree, zip_bytes
from tests.fakes import FakeEngine

GOOD = docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", "Tính mới: lần đầu áp dụng tại đơn vị."])


def _encrypted_pdf() -> bytes:
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(text_pdf([["Bảo mật"]]))))
    w.encrypt(user_password="123", owner_password="456")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _password_docx() -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(GOOD)).encrypt("matkhau", out)
    return out.getvalue()


def _png_bomb() -> bytes:
    """A valid PNG header claiming 100 000 × 100 000 pixels; no pixel data worth the name."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) \
        + chunk(b"IEND", b"")


def _zip_bomb() -> bytes:
    return zip_bytes({"bomb.bin": b"\0" * 50_000_000})


CASES = {
    "empty_file": ("rong.pdf", b""),
    "truncated_pdf": ("cut.pdf", text_pdf([["Trang một"], ["Trang hai"]])[:400]),
    "corrupt_docx": ("hong.docx", GOOD[: len(GOOD) // 2]),
    "encrypted_pdf": ("khoa.pdf", _encrypted_pdf()),
    "password_protected": ("mat-khau.docx", _password_docx()),
    "unsupported_type": ("bang.pdf", "Họ và tên;Đơn vị\nA;B\n".encode()),
    "zip_bomb": ("bom.zip", _zip_bomb()),
    "zip_path_unsafe": ("nguy-hiem.zip", zip_bytes({"../../evil.pdf": b"%PDF-1.4"})),
    "image_too_large": ("anh.png", _png_bomb()),
    "too_many_pages": ("dai.pdf", text_pdf([["trang"]] * 6)),
}
EXPECTED = {"truncated_pdf": "corrupt_file", "corrupt_docx": "corrupt_file"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_gets_its_code_and_the_rest_of_the_batch_goes_on(case: str, tmp_path: Path) -> None:
    name, data = CASES[case]
    settings = Settings(home=tmp_path / "var", max_pages=5, zip_max_ratio=100, _env_file=None)
    rt = Runtime(settings, engine=FakeEngine())
    batch = write_tree(tmp_path / "dot", {f"hs/{name}": data, "hs/mo-ta.docx": GOOD,
                                          "khac/don.pdf": text_pdf([["ĐƠN YÊU CẦU"]])})
    register(rt, collect([batch], rt.limits))
    ctx = rt.read_context()
    for doc_id in pending_documents(rt):
        process_document(rt, doc_id, ctx)
    with rt.db.session() as s:
        reports = {d.source: build_report(d) for d in s.scalars(select(Dossier))}
    hs = reports["dot/hs"]
    codes = {i["code"] for i in hs["issues"]}
    assert EXPECTED.get(case, case) in codes, codes
    assert hs["status"] == "partial"
    good = next(f for f in hs["files"] if f["name"] == "mo-ta.docx")
    assert good["status"] == "done" and good["pages"] == 1
    assert reports["dot/khac"]["status"] == "done"
    # originals kept byte for byte, the bad one included
    assert rt.store.read(next(f["sha256"] for f in hs["files"] if f["name"] == "mo-ta.docx")) == GOOD
    if data and case not in ("zip_path_unsafe",):
        assert any(u.read_bytes() == data for u in settings.store_dir.rglob("*") if u.is_file())
