"""Reading an archive import's folder and CSV: records kept, bad rows named, nothing outside."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.archive import archive_entries
from models.errors import BadArchiveList


def test_rows_become_entries_with_their_records(tmp_path: Path) -> None:
    (tmp_path / "2021-a").mkdir()
    (tmp_path / "b.docx").write_bytes(b"x")
    csv = tmp_path / "ds.csv"
    csv.write_text("\ufeffpath,title,year,unit,status\n2021-a,Sáng kiến A,2021,Trường A,Đã công nhận\n"
                   "b.docx,  Sáng kiến   B ,,,\nthieu,C,2020,,\n../ngoai,D,2020,,\n", encoding="utf-8")
    a, b, missing, outside = archive_entries(tmp_path, csv)
    assert a.path == (tmp_path / "2021-a").resolve() and a.error is None
    assert a.meta == {"title": "Sáng kiến A", "year": 2021, "unit": "Trường A",
                      "status": "Đã công nhận"}
    assert b.meta == {"title": "Sáng kiến B"} and b.error is None
    assert "dòng 4" in missing.error and "thieu" in missing.error
    assert outside.error and "không hợp lệ" in outside.error


def test_without_a_list_every_entry_of_the_folder_is_a_dossier(tmp_path: Path) -> None:
    for name in ("b", "a", ".an"):
        (tmp_path / name).mkdir()
    assert [e.path.name for e in archive_entries(tmp_path, None)] == ["a", "b"]


@pytest.mark.parametrize("content", [b"title,year\nA,2020\n", b"", b"\xff\xfe\x00bad"])
def test_a_list_without_paths_is_refused(tmp_path: Path, content: bytes) -> None:
    csv = tmp_path / "ds.csv"
    csv.write_bytes(content)
    with pytest.raises(BadArchiveList):
        archive_entries(tmp_path, csv)
