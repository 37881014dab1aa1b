"""Near-duplicates through the real orchestrator and database: the archive is compared with
new dossiers, matches are stored both ways, confidential text of the other dossier is
withheld, the in-memory index catches up with entries other processes wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from ingest import duplicates
from ingest.duplicates import ArchiveIndex, archive_index, boilerplate, check_duplicates
from ingest.intake import collect
from ingest.jobs import dossiers_formed, register
from ingest.runtime import Runtime
from models.report import build_report
from models.settings import Settings
from models.tables import Dossier, DupEntry, DupMatch, TemplateText
from tests.builders import docx_bytes, run_all, write_tree
from tests.checks.dup_inputs import FARM, HEADER, LAW, PROVINCE_RULE, SCHOOL, SCHOOL_AGAIN, TITLE
from tests.fakes import FakeEngine

SECRET = ("Công thức pha dung dịch dinh dưỡng gồm 3 phần kali nitrat, 2 phần canxi nitrat và "
          "1 phần magie sunfat, hòa trong 1000 lít nước giếng đã lắng qua đêm.")


def description(title: str, paras: list[str], *, secret_section: list[str] | None = None) -> bytes:
    lines = [*HEADER, title, "Tác giả: Nguyễn Thị Mẫu – giáo viên", LAW,
             "1. Lý do chọn sáng kiến", *paras[:2], "2. Nội dung sáng kiến", *paras[2:-2]]
    if secret_section:
        lines += ["3. Giải pháp kỹ thuật (bảo mật)", *secret_section]
    lines += ["4. Hiệu quả của sáng kiến", *paras[-2:]]
    return docx_bytes(lines)


def ingest(rt: Runtime, root: Path, *, prior: bool = False) -> list[int]:
    registered = register(rt, collect([root], rt.limits), prior=prior)
    run_all(rt)
    return dossiers_formed(rt, registered)


def report(rt: Runtime, dossier_id: int, **kw) -> dict:
    with rt.db.session() as s:
        return build_report(s.get(Dossier, dossier_id), **kw)


def test_new_dossier_copying_an_archived_one_warns_both_ways(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    [old] = ingest(rt, write_tree(tmp_path / "kho", {"2021-a/mo-ta.docx": description(TITLE, SCHOOL)}),
                   prior=True)
    [other] = ingest(rt, write_tree(tmp_path / "kho2", {"2022-b/mo-ta.docx": description(
        "Ứng dụng tưới nhỏ giọt", FARM)}), prior=True)
    [new] = ingest(rt, write_tree(tmp_path / "moi", {"truong-c/mo-ta.docx": description(
        "Thẻ sơ đồ đoạn thẳng trong dạy toán", SCHOOL)}))
    dups = report(rt, new)["duplicates"]
    assert [d["dossier"] for d in dups] == [old]
    d = dups[0]
    assert d["prior"] is True and d["source"] == "kho/2021-a" and d["coverage"] > 0.95
    assert d["title"] == TITLE  # shown, though it never counted
    assert all(p["ours"]["page"] == 1 and p["theirs"]["page"] == 1 for p in d["passages"])
    assert {k for p in d["passages"] for k in p["ours"]["sections"]} >= {"ly_do", "noi_dung"}
    back = report(rt, old)["duplicates"]
    assert [b["dossier"] for b in back] == [new]
    assert report(rt, other)["duplicates"] == []


def test_two_new_dossiers_of_one_round_find_each_other(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    a, b = ingest(rt, write_tree(tmp_path / "dot", {
        "truong-a/mo-ta.docx": description("Biện pháp A", SCHOOL),
        "truong-b/mo-ta.docx": description("Biện pháp B", SCHOOL_AGAIN + SCHOOL[2:5]),
        "truong-c/mo-ta.docx": description("Biện pháp C", FARM)}))[:2]
    assert [d["dossier"] for d in report(rt, a)["duplicates"]] == [b]
    assert [d["dossier"] for d in report(rt, b)["duplicates"]] == [a]


def test_confidential_text_of_the_other_dossier_is_withheld(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    [old] = ingest(rt, write_tree(tmp_path / "kho", {"2021-a/mo-ta.docx": description(
        "Dinh dưỡng thủy canh", FARM, secret_section=[SECRET])}), prior=True)
    [new] = ingest(rt, write_tree(tmp_path / "moi", {"b/mo-ta.docx": description(
        "Rau thủy canh", FARM, secret_section=[SECRET])}))
    d = report(rt, new)["duplicates"][0]
    assert d["coverage"] > 0.95  # the match is reported, confidential part included
    secret = [p for p in d["passages"] if "kali nitrat" in p["ours"]["text"]]  # ours: shown
    assert secret and all(p["theirs"]["withheld"] for p in secret)
    assert all("kali nitrat" not in (p["theirs"]["text"] or "") for p in d["passages"])
    assert any("[…]" in p["theirs"]["text"] and "tưới nhỏ giọt" in p["theirs"]["text"]
               for p in secret)  # the rest of their passage is still shown
    shown = report(rt, new, may_see=lambda other: other.id == old)["duplicates"][0]
    assert any("kali nitrat" in (p["theirs"]["text"] or "") for p in shown["passages"])


def test_index_catches_up_with_entries_written_by_other_processes(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    [first] = ingest(rt, write_tree(tmp_path / "a", {"x/mo-ta.docx": description("X", FARM)}))
    mine = archive_index(rt)
    assert first in mine.index
    duplicates._ARCHIVES[rt.settings.db_url] = ArchiveIndex()  # another process: starts empty
    [second] = ingest(rt, write_tree(tmp_path / "b", {"y/mo-ta.docx": description("Y", FARM)}))
    assert [d["dossier"] for d in report(rt, second)["duplicates"]] == [first]
    fresh = archive_index(rt)
    assert first in fresh.index and second in fresh.index
    # checking again replaces the entry and the matches, never doubles them
    check_duplicates(rt, second)
    with rt.db.session() as s:
        assert s.query(DupEntry).filter_by(dossier_id=second).count() == 1
        pairs = s.execute(select(DupMatch.dossier_id, DupMatch.other_id)).all()
    assert sorted(pairs) == sorted([(first, second), (second, first)])


def test_registered_template_text_stops_a_match(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    rule_a = docx_bytes([*HEADER, "A", "1. Lý do chọn sáng kiến", PROVINCE_RULE, *SCHOOL_AGAIN])
    rule_b = docx_bytes([*HEADER, "B", "1. Lý do chọn sáng kiến", PROVINCE_RULE, *FARM])
    [a] = ingest(rt, write_tree(tmp_path / "a", {"a/mo-ta.docx": rule_a}))
    [b] = ingest(rt, write_tree(tmp_path / "b", {"b/mo-ta.docx": rule_b}))
    assert [d["dossier"] for d in report(rt, b)["duplicates"]] == [a]
    with rt.db.session() as s:
        s.add(TemplateText(name="Quy chế tỉnh", text=PROVINCE_RULE))
    with rt.db.session() as s:
        assert PROVINCE_RULE in boilerplate(rt, s).texts
    check_duplicates(rt, b)
    assert report(rt, b)["duplicates"] == [] and report(rt, a)["duplicates"] == []


@pytest.mark.services
def test_matches_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    """The distributed mode's database: entries (bytea), matches (JSON) and the catch-up read."""
    settings = Settings(home=tmp_path / "var", database_url=pg_url, _env_file=None)
    rt = Runtime(settings, engine=FakeEngine())
    [old] = ingest(rt, write_tree(tmp_path / "kho", {"a/mo-ta.docx": description(TITLE, SCHOOL)}),
                   prior=True)
    duplicates._ARCHIVES.pop(settings.db_url, None)  # a worker on another machine
    [new] = ingest(rt, write_tree(tmp_path / "moi", {"b/mo-ta.docx": description("Khác", SCHOOL)}))
    assert [d["dossier"] for d in report(rt, new)["duplicates"]] == [old]
    assert [d["dossier"] for d in report(rt, old)["duplicates"]] == [new]
