"""The orchestrator on real files (fake OCR engine): one bad file never stops a batch,
the same bytes are never stored or registered twice, and re-running work is harmless."""

from pathlib import Path

from sqlalchemy import func, select

from ingest.intake import collect
from ingest.jobs import pending_documents, process_document, register
from ingest.runtime import Runtime
from models.report import build_report
from models.tables import Blob, Document, Dossier, PageRow
from tests.builders import docx_bytes, run_all, text_pdf, write_tree, zip_bytes
from tests.fakes import FakeEngine

DON = [["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Kính gửi: Hội đồng sáng kiến huyện Tân Lạc"]]


def test_batch_with_broken_files_goes_on(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    batch = write_tree(tmp_path / "dot", {
        "a/don.pdf": text_pdf(DON),
        "a/mo-ta.docx": docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", "1. Tên sáng kiến: Sổ tay điện tử"]),
        "a/trong.pdf": b"",
        "a/gia.pdf": "chỉ là văn bản".encode(),
        "b/hong.zip": zip_bytes({"x/don.pdf": text_pdf(DON)})[:60],
    })
    registered = register(rt, collect([batch], rt.limits))
    assert [r.new for r in registered] == [True, True]
    run_all(rt)
    with rt.db.session() as s:
        a = s.scalars(select(Dossier).where(Dossier.source == "dot/a")).one()
        report = build_report(a)
        assert a.status == "partial"
        codes = {(i["file"].rsplit("/", 1)[-1], i["code"]) for i in report["issues"]}
        assert codes == {("trong.pdf", "empty_file"), ("gia.pdf", "unsupported_type")}
        by_name = {f["name"]: f for f in report["files"]}
        assert by_name["don.pdf"]["pages"] == 1 and by_name["don.pdf"]["status"] == "done"
        assert "Sổ tay điện tử" in s.scalars(select(PageRow.text).join(Document).where(
            Document.name == "mo-ta.docx")).one()
        b = s.scalars(select(Dossier).where(Dossier.source == "dot/b")).one()
        assert b.status == "failed"
        assert [p.code for p in b.problems] == ["corrupt_file"]


def test_same_bytes_twice_no_second_copy(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    folder = write_tree(tmp_path / "hs", {"don.pdf": text_pdf(DON)})
    first = register(rt, collect([folder], rt.limits))
    run_all(rt)
    renamed = write_tree(tmp_path / "hs-lan-2", {"don-nop-lai.pdf": text_pdf(DON)})
    second = register(rt, collect([renamed], rt.limits))
    assert second[0].new is False and second[0].dossier_id == first[0].dossier_id
    assert second[0].files_already_stored == 1
    with rt.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 1
        assert s.scalar(select(func.count()).select_from(Blob)) == 1
    assert len([p for p in settings.store_dir.rglob("*") if p.is_file()]) == 1


def test_processing_twice_or_after_a_crash_is_harmless(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine())
    folder = write_tree(tmp_path / "hs", {"don.pdf": text_pdf(DON + DON)})
    register(rt, collect([folder], rt.limits))
    (doc_id,) = pending_documents(rt)
    with rt.db.session() as s:  # a worker died half-way: status left "running"
        s.get(Document, doc_id).status = "running"
    assert pending_documents(rt) == [doc_id]
    ctx = rt.read_context()
    assert process_document(rt, doc_id, ctx) == "done"
    assert process_document(rt, doc_id, ctx) == "done"  # a redelivered message: no-op
    with rt.db.session() as s:
        assert s.scalar(select(func.count()).select_from(PageRow)) == 2
        assert s.get(Document, doc_id).attempts == 1
