import io

import olefile  # noqa: F401 - the OLE reader triage relies on
import pytest
from PIL import Image

from ingest.triage import triage
from models.domain import FileType
from models.errors import CorruptFile, EmptyFile, PasswordProtected, UnsupportedType
from tests.builders import docx_bytes, zip_bytes


def _image(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (20, 20), 255).save(buf, fmt)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "expected"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", FileType.PDF),
    (b"{\\rtf1\\ansi Hello}", FileType.RTF),
    (_image("PNG"), FileType.IMAGE),
    (_image("JPEG"), FileType.IMAGE),
    (_image("TIFF"), FileType.IMAGE),
    (zip_bytes({"a/don.pdf": b"%PDF-1.4"}), FileType.ZIP),
])
def test_type_comes_from_bytes_not_name(data: bytes, expected: FileType) -> None:
    assert triage(data, "misnamed.doc") is expected


def test_docx_named_pdf_is_docx() -> None:
    assert triage(docx_bytes(['Bản mô tả sáng kiến']), "don.pdf") is FileType.DOCX


def test_empty_file() -> None:
    with pytest.raises(EmptyFile) as e:
        triage(b"", "trong.pdf")
    assert e.value.code == "empty_file"


def test_text_file_named_pdf_is_unsupported() -> None:
    with pytest.raises(UnsupportedType) as e:
        triage("Đây là văn bản thường, không phải PDF.".encode(), "gia.pdf")
    assert e.value.code == "unsupported_type"
    assert "plain text" in e.value.detail


def test_spreadsheet_is_unsupported() -> None:
    xlsx = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"})
    with pytest.raises(UnsupportedType):
        triage(xlsx, "bang.xlsx")


def test_damaged_zip_is_corrupt() -> None:
    data = docx_bytes(['Bản mô tả sáng kiến'])
    with pytest.raises(CorruptFile):
        triage(data[: len(data) // 3], "cut.docx")


def test_encrypted_office_container_is_password_protected() -> None:
    # An encrypted .docx is an OLE2 compound file holding EncryptionInfo + EncryptedPackage.
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(docx_bytes(['Bản mô tả sáng kiến']))).encrypt("matkhau", out)
    with pytest.raises(PasswordProtected) as e:
        triage(out.getvalue(), "bao-mat.docx")
    assert e.value.code == "password_protected"
