"""``hoso`` end to end, as a user runs it: real Celery worker on the embedded broker,
real Tesseract, real LibreOffice-free inputs; every report validated against the contract."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from samples.render import Block, Degradation, degrade, draw, layout_pages
from tests.builders import docx_bytes, text_pdf, write_tree
from tests.conftest import SHARED

SCHEMA_PATH = SHARED / "report.schema.json"
HOSO = [sys.executable, "-m", "api.cli"]
SCAN_TEXT = ["Sáng kiến giúp giảm thời gian tiếp nhận hồ sơ của người dân.",
             "Hiệu quả: tiết kiệm hai mươi triệu đồng mỗi năm cho đơn vị."]


def _hoso(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOSO_HOME": str(home), "HOSO_WORKERS": "2"}
    return subprocess.run([*HOSO, *args], capture_output=True, text=True, env=env,
                          timeout=300, cwd=Path(__file__).resolve().parents[2])


@pytest.fixture(scope="module")
def schema() -> dict:
    if not SCHEMA_PATH.exists():
        pytest.skip(f"{SCHEMA_PATH} is absent (shared/ not beside the checkout)")
    return json.loads(SCHEMA_PATH.read_text())


@pytest.mark.slow
def test_ingest_show_and_reingest(tmp_path: Path, schema: dict) -> None:
    page = draw(layout_pages([Block(t) for t in SCAN_TEXT], dpi=200)[0])
    scan = degrade(page, Degradation(skew=2.0, noise=0.002, seed=3), src_dpi=200)
    scan_path = tmp_path / "anh.png"
    scan.save(scan_path, dpi=(200, 200))
    batch = write_tree(tmp_path / "dot-1", {
        "truong-a/don.pdf": text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN"]]),
        "truong-a/mo-ta.docx": docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", "Tính mới của sáng kiến"]),
        "truong-a/anh-chup.png": scan_path.read_bytes(),
        "truong-b/hong.pdf": b"%PDF-1.7\n1 0 obj <<",
    })
    home = tmp_path / "var"
    run = _hoso(home, "ingest", str(batch), "--json")
    assert run.returncode == 0, run.stderr
    reports = [json.loads(line) for line in run.stdout.splitlines()]
    for r in reports:
        jsonschema.validate(r, schema)
    by_source = {r["source"]: r for r in reports}
    assert set(by_source) == {"dot-1/truong-a", "dot-1/truong-b"}
    a, b = by_source["dot-1/truong-a"], by_source["dot-1/truong-b"]
    assert a["status"] == "done" and b["status"] == "failed"
    assert [i["code"] for i in b["issues"]] == ["corrupt_file"]
    photo = next(f for f in a["files"] if f["name"] == "anh-chup.png")
    assert photo["ocr_pages"] == 1 and photo["mean_confidence"] > 70

    shown = _hoso(home, "show", str(a["id"]), "--json", "--text")
    assert shown.returncode == 0, shown.stderr
    files = {f["name"]: f for f in json.loads(shown.stdout)["files"]}
    assert files["mo-ta.docx"]["pages"][0]["text"].startswith("BẢN MÔ TẢ SÁNG KIẾN")
    ocr_text = files["anh-chup.png"]["pages"][0]["text"]
    assert files["anh-chup.png"]["pages"][0]["ocr"] is True
    assert "tiết kiệm hai mươi triệu đồng" in " ".join(ocr_text.split())

    again = _hoso(home, "ingest", str(batch))
    assert again.returncode == 0, again.stderr
    assert "đã có trong hệ thống" in again.stderr
    assert "dot-1/truong-a" in again.stdout  # the table names the existing dossier


def test_show_unknown_dossier_is_a_clear_error(tmp_path: Path) -> None:
    run = _hoso(tmp_path / "var", "show", "999")
    assert run.returncode == 2
    assert "not_found" in run.stderr


@pytest.mark.slow
@pytest.mark.services
def test_distributed_mode_on_postgresql_and_redis(tmp_path: Path, pg_url: str, redis_url: str,
                                                  schema: dict) -> None:
    batch = write_tree(tmp_path / "hs", {
        "don.pdf": text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN"]]),
        "mo-ta.docx": docx_bytes(["BÁO CÁO MÔ TẢ SÁNG KIẾN"]),
    })
    env = {**os.environ, "HOSO_HOME": str(tmp_path / "var"), "HOSO_DATABASE_URL": pg_url,
           "HOSO_BROKER_URL": redis_url.rsplit("/", 1)[0] + "/9"}
    run = subprocess.run([*HOSO, "ingest", str(batch), "--json"], capture_output=True,
                         text=True, env=env, timeout=300, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    (report,) = [json.loads(line) for line in run.stdout.splitlines()]
    jsonschema.validate(report, schema)
    assert report["status"] == "done" and len(report["files"]) == 2
    # nothing was written to the embedded SQLite queue or database
    assert not (tmp_path / "var" / "queue.sqlite").exists()
    assert not (tmp_path / "var" / "hoso.sqlite").exists()


def _sample_pdfs(root: Path, name: str) -> Path:
    from samples.layout import layout_items
    from samples.pdfs import PdfPage, write_pdf
    from samples.texts import dossier

    d = dossier(name)
    folder = root / name
    folder.mkdir(parents=True)
    for doc in d.documents:
        write_pdf(folder / f"{doc.kind}.pdf",
                  [PdfPage(text=p) for p in layout_items(doc.items, dpi=72).pages])
    return folder


@pytest.mark.slow
def test_ingest_shows_profile_sections_and_missing_parts(tmp_path: Path, schema: dict) -> None:
    folder = _sample_pdfs(tmp_path, "lac-son-coppha-nhua")
    run = _hoso(tmp_path / "var", "ingest", str(folder))
    assert run.returncode == 0, run.stderr
    assert "mẫu: bao-cao-mo-ta (tự nhận)" in run.stdout
    assert "Thiếu: Tính mới của sáng kiến (tinh_moi)" in run.stdout
    assert "thuc_trang" in run.stdout and "co_so" in run.stdout
    again = _hoso(tmp_path / "var2", "ingest", str(folder), "--profile", "skkn", "--json")
    report = json.loads(again.stdout)
    jsonschema.validate(report, schema)
    assert (report["profile"], report["profile_how"]) == ("skkn", "round")
    missing = {m["key"] for m in report["completeness"]["missing"]}
    assert {"ly_do", "muc_tieu", "tai_lieu"} <= missing  # judged by the skkn outline
    assert report["fields"]["title"] == dossier_title("lac-son-coppha-nhua")


def dossier_title(name: str) -> str:
    from samples.texts import dossier

    return dossier(name).request.title


def test_unknown_profile_is_refused_before_anything_is_stored(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "hs", {"don.pdf": text_pdf([["ĐƠN YÊU CẦU"]])})
    run = _hoso(tmp_path / "var", "ingest", str(folder), "--profile", "khong-co")
    assert run.returncode == 2
    assert "Không có mẫu hồ sơ “khong-co”" in run.stderr
    assert not (tmp_path / "var" / "store").exists()


def test_a_broken_admin_profile_stops_ingest_with_its_line(tmp_path: Path) -> None:
    extra = tmp_path / "mau"
    extra.mkdir()
    (extra / "so-gd.toml").write_text('key = "so-gd"\nname = "Mẫu của Sở"\n[documents]\n'
                                      'required = ["don_yeu_cau", "ban_ve"]\n', encoding="utf-8")
    folder = write_tree(tmp_path / "hs", {"don.pdf": text_pdf([["ĐƠN YÊU CẦU"]])})
    env = {**os.environ, "HOSO_HOME": str(tmp_path / "var"), "HOSO_PROFILES_DIR": str(extra)}
    run = subprocess.run([*HOSO, "ingest", str(folder)], capture_output=True, text=True, env=env,
                         timeout=300, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 2, run.stderr
    assert "so-gd.toml" in run.stderr and "dòng 4" in run.stderr


def test_worker_refuses_an_unknown_queue(tmp_path: Path) -> None:
    run = _hoso(tmp_path / "var", "worker", "--queues", "ocr,nhanh")
    assert run.returncode == 2
    assert "Hàng đợi không hợp lệ" in run.stderr and "hoso, ocr" in run.stderr


def test_separator_command_writes_sheets_with_codes(tmp_path: Path) -> None:
    import pypdf

    target = tmp_path / "phan-cach.pdf"
    run = _hoso(tmp_path / "var", "separator", "-o", str(target), "--count", "3", "--first", "7")
    assert run.returncode == 0, run.stderr
    reader = pypdf.PdfReader(target)
    texts = [p.extract_text() for p in reader.pages]
    assert len(texts) == 3
    assert ["HOSO-SEP-0007" in texts[0], "HOSO-SEP-0009" in texts[2]] == [True, True]
