import io
import zipfile
from pathlib import Path

import pytest

from ingest.intake import Limits, collect, collect_bytes
from tests.builders import write_tree as _write
from tests.builders import zip_bytes as _zip


def test_folder_of_files_is_one_dossier(tmp_path: Path) -> None:
    _write(tmp_path / "don-vi-a", {"don.pdf": b"%PDF-1", "mo-ta.docx": b"PK..", "Thumbs.db": b"x"})
    intake = collect([tmp_path / "don-vi-a"])
    assert [d.source for d in intake.dossiers] == ["don-vi-a"]
    assert sorted(f.name for f in intake.dossiers[0].files) == ["don.pdf", "mo-ta.docx"]


def test_batch_folder_subfolders_and_loose_files(tmp_path: Path) -> None:
    _write(tmp_path / "dot-1", {
        "a/don.pdf": b"%PDF-a", "a/phu-luc/anh.png": b"\x89PNG",
        "b/don.pdf": b"%PDF-b",
        "loose.pdf": b"%PDF-c",
    })
    intake = collect([tmp_path / "dot-1"])
    by_source = {d.source: d for d in intake.dossiers}
    assert set(by_source) == {"dot-1/a", "dot-1/b", "dot-1/loose.pdf"}
    assert {f.path for f in by_source["dot-1/a"].files} == {"dot-1/a/don.pdf",
                                                            "dot-1/a/phu-luc/anh.png"}
    assert by_source["dot-1/loose.pdf"].formed_by == "file"
    # every file on disk is kept as an original
    assert len(intake.originals) == 4


def test_zip_of_one_folder_is_that_folder_nested_zip_opened_in_place(tmp_path: Path) -> None:
    inner = _zip({"minh-chung.pdf": b"%PDF-inner"})
    data = _zip({"truong-thpt/don.pdf": b"%PDF-1", "truong-thpt/sub/mo-ta.docx": b"PK",
                 "truong-thpt/them.zip": inner, "__MACOSX/._don.pdf": b"junk"})
    (tmp_path / "hs.zip").write_bytes(data)
    intake = collect([tmp_path / "hs.zip"])
    assert len(intake.dossiers) == 1
    d = intake.dossiers[0]
    assert d.source == "hs.zip/truong-thpt" and d.formed_by == "zip"
    assert {f.name for f in d.files} == {"don.pdf", "mo-ta.docx", "minh-chung.pdf"}
    assert [o.name for o in intake.originals] == ["hs.zip"]


def test_zip_of_several_folders_is_several_dossiers() -> None:
    data = _zip({"a/don.pdf": b"%PDF-a", "b/don.pdf": b"%PDF-b", "c.pdf": b"%PDF-c"})
    intake = collect_bytes([("dot.zip", data)])
    assert sorted(d.source for d in intake.dossiers) == ["dot.zip/a", "dot.zip/b", "dot.zip/c.pdf"]


def test_unsafe_entries_are_skipped_and_reported_rest_kept() -> None:
    data = _zip({"../evil.txt": b"x", "/etc/passwd": b"y", "ok/don.pdf": b"%PDF-1"})
    intake = collect_bytes([("bad.zip", data)])
    files = [f for d in intake.dossiers for f in d.files]
    unsafe = [f for f in files if f.error is not None]
    assert {f.error.code for f in unsafe} == {"zip_path_unsafe"}
    assert len(unsafe) == 2
    assert any(f.name == "don.pdf" and f.error is None for f in files)


def test_zip_bomb_by_ratio_is_refused_without_inflating() -> None:
    data = _zip({"bomb.txt": b"\0" * 20_000_000})
    assert len(data) < 100_000
    intake = collect_bytes([("bomb.zip", data)], Limits(zip_max_ratio=100))
    (d,) = intake.dossiers
    assert d.files[0].error.code == "zip_bomb"


def test_zip_bomb_by_total_size_and_entries() -> None:
    many = _zip({f"f{i}.txt": b"a" for i in range(30)})
    assert collect_bytes([("m.zip", many)], Limits(zip_max_entries=10)).dossiers[0] \
        .files[0].error.code == "zip_bomb"
    big = _zip({"a.bin": b"x" * 5000, "b.bin": b"y" * 5000})
    assert collect_bytes([("b.zip", big)], Limits(zip_max_total_bytes=8000)).dossiers[0] \
        .files[0].error.code == "zip_bomb"


def test_nested_zip_depth_limited() -> None:
    data = b"%PDF-deep"
    for level in range(5):
        data = _zip({f"l{level}.zip" if level else "x.pdf": data})
    intake = collect_bytes([("deep.zip", data)], Limits(zip_max_depth=3))
    errors = [f.error.code for d in intake.dossiers for f in d.files if f.error]
    assert errors == ["zip_bomb"]


def test_damaged_zip_is_one_failed_dossier() -> None:
    data = _zip({"a/don.pdf": b"%PDF-1" * 100})
    intake = collect_bytes([("hong.zip", data[:40])])
    (d,) = intake.dossiers
    assert d.files[0].error.code == "corrupt_file"


def test_file_over_size_limit(tmp_path: Path) -> None:
    (tmp_path / "to.pdf").write_bytes(b"%PDF-" + b"0" * 2000)
    intake = collect([tmp_path / "to.pdf"], Limits(max_file_bytes=1000))
    assert intake.dossiers[0].files[0].error.code == "file_too_large"


def test_vietnamese_names_from_windows_zip_are_repaired() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("hồ sơ/đơn.pdf")
        zf.writestr(info, b"%PDF-1")
    raw = bytearray(buf.getvalue())
    # make it look like a zipper that wrote UTF-8 bytes without setting the UTF-8 flag
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        i = raw.find(sig)
        flag_at = i + (6 if sig == b"PK\x03\x04" else 8)
        raw[flag_at] &= ~0x08 & 0xFF
        raw[flag_at + 1] &= ~0x08 & 0xFF
    intake = collect_bytes([("vn.zip", bytes(raw))])
    assert intake.dossiers[0].source == "vn.zip/hồ sơ"


@pytest.mark.parametrize("name", ["~$don.docx", ".DS_Store", "desktop.ini"])
def test_junk_is_ignored(tmp_path: Path, name: str) -> None:
    _write(tmp_path / "hs", {"don.pdf": b"%PDF", name: b"junk"})
    assert [f.name for f in collect([tmp_path / "hs"]).dossiers[0].files] == ["don.pdf"]


def test_a_loose_word_file_is_a_document_not_a_zip(tmp_path) -> None:
    """A .docx is a ZIP by its bytes; given on its own it is still one dossier of one file."""
    from ingest.intake import collect, collect_bytes
    from tests.builders import docx_bytes

    data = docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN"])
    (tmp_path / "mo-ta.docx").write_bytes(data)
    for intake in (collect([tmp_path / "mo-ta.docx"]), collect_bytes([("mo-ta.docx", data)])):
        [dossier] = intake.dossiers
        assert dossier.formed_by == "file" and [f.name for f in dossier.files] == ["mo-ta.docx"]
        assert dossier.files[0].data == data
