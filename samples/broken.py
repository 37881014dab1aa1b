"""Files that must be refused with a clear problem code, each in dossiers/broken/:

| file | what it is | expected problem |
|---|---|---|
| rong.pdf | 0 bytes | empty_file |
| bi-cat-ngan.pdf | a valid PDF cut off after 40 % of its bytes | corrupt_file |
| co-mat-khau.pdf | a valid PDF encrypted with a user password (pypdf, RC4-128) | encrypted_pdf |
| khong-phai-pdf.pdf | plain UTF-8 text named .pdf | unsupported_type |
| duong-dan-nguy-hiem.zip | a ZIP with a "../evil.txt" entry beside a normal one | zip_path_unsafe |
"""

from __future__ import annotations

import io
import json
import random
import shutil
import zipfile
from pathlib import Path

import pypdf
import pypdf._writer

from samples.layout import layout_items
from samples.pdfs import PdfPage, write_pdf
from samples.texts import Para

NAME = "broken"
PASSWORD = "hoso@2024"
NOTICE = (
    Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center"),
    Para("Độc lập - Tự do - Hạnh phúc", "center"),
    Para("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "title"),
    Para("Kính gửi: Hội đồng sáng kiến cơ sở Trường THCS Đồng Tâm."),
    Para("Tôi là Phạm Thị Hồng Nhung, giáo viên Trường THCS Đồng Tâm, đề nghị xét công nhận sáng"
         " kiến “Một số biện pháp tổ chức câu lạc bộ đọc sách cho học sinh lớp 6”."),
)
TEXT_AS_PDF = (
    "Danh sách hồ sơ gửi kèm (bản nháp, chưa in ra PDF):\n"
    "1. Đơn yêu cầu công nhận sáng kiến\n2. Báo cáo mô tả sáng kiến\n3. Giấy xác nhận áp dụng\n"
)
FILES = (
    ("rong.pdf", "empty_file", "0 bytes"),
    ("bi-cat-ngan.pdf", "corrupt_file", "a valid PDF cut off after 40 % of its bytes"),
    ("co-mat-khau.pdf", "encrypted_pdf", f"encrypted with user password {PASSWORD!r}"),
    ("khong-phai-pdf.pdf", "unsupported_type", "plain text named .pdf"),
    ("duong-dan-nguy-hiem.zip", "zip_path_unsafe", "has a '../evil.txt' entry"),
)


class _SeededSecrets:
    """Stands in for ``secrets`` inside pypdf's writer so the file ID (and bytes) repeat."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)

    def token_bytes(self, n: int) -> bytes:
        return bytes(self._rng.getrandbits(8) for _ in range(n))


def _valid_pdf(work: Path) -> bytes:
    path = work / "notice.pdf"
    write_pdf(path, [PdfPage(text=p) for p in layout_items(NOTICE, dpi=72).pages],
              title="Đơn yêu cầu")
    return path.read_bytes()


def _encrypted(data: bytes) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    saved = pypdf._writer.secrets
    pypdf._writer.secrets = _SeededSecrets(2024)  # type: ignore[assignment]
    try:
        writer.encrypt(user_password=PASSWORD, owner_password="chu-so-huu",
                       algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
    finally:
        pypdf._writer.secrets = saved
    return out.getvalue()


def _evil_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for arc, text in (("hoso/ghi-chu.txt", "Hồ sơ sáng kiến – bản gửi kèm.\n"),
                          ("../evil.txt", "Tệp này cố ghi ra ngoài thư mục giải nén.\n")):
            info = zipfile.ZipInfo(arc, date_time=(2024, 5, 20, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def write(dossiers: Path, truth_dir: Path, work: Path) -> Path:
    folder = dossiers / NAME
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    valid = _valid_pdf(work)
    content = {
        "rong.pdf": b"",
        "bi-cat-ngan.pdf": valid[: len(valid) * 2 // 5],
        "co-mat-khau.pdf": _encrypted(valid),
        "khong-phai-pdf.pdf": TEXT_AS_PDF.encode("utf-8"),
        "duong-dan-nguy-hiem.zip": _evil_zip(),
    }
    entries = []
    for name, code, what in FILES:
        (folder / name).write_bytes(content[name])
        entries.append({"name": name, "path": name, "kind": None, "input": "broken",
                        "scan": None, "pages": [], "expect_problem": code, "what": what})
    truth = {
        "dossier": NAME, "source": NAME, "container": "folder", "profile": None,
        "sector": None, "input_kinds": ["broken"], "files": entries, "sections": [],
        "fields": None, "missing": [], "defects": [], "complete": False,
        "notes": "Every file here must be refused with its expect_problem code, as an issue on "
                 "that file, without stopping the batch. The encrypted PDF opens with the "
                 f"user password {PASSWORD!r}.",
    }
    (truth_dir / f"{NAME}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1)
                                            + "\n", encoding="utf-8")
    return folder
