"""The sample generator writes what its ground truth says.

A fast subset covering every input kind is generated once per module (about 10 s); the full
run (LibreOffice .doc files, size budget, byte-for-byte determinism) is marked slow.
"""

from __future__ import annotations

import io
import json
import shutil
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from PIL import Image

from samples import broken, render
from samples.generate import generate, main, names
from samples.layout import layout_items
from samples.pdfs import break_text_layer
from samples.texts import INPUT_KINDS, Para, Table, all_dossiers
from samples.truth import norm

FAST = (
    "thpt-hoa-binh-toan-thuc-te",  # docx
    "ttyt-tan-lac-ban-giao-sbar",  # born-digital + scanned 300 dpi
    "khuyen-nong-cao-loc-ca-chua",  # photo + mixed
    "lac-son-coppha-nhua",  # broken text layer
    "yen-thuy-phan-loai-rac",  # tiff
    "kho-bac-doi-chieu-so-du",  # rotated pages
    "tieu-hoc-kim-dong-doc-hieu",  # zip
    "thcs-muong-khen-tcvn3",
    "loc-binh-tiem-phong-vni",
    broken.NAME,
)
WORD = ("docx", "docx_tcvn3", "docx_vni")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("ingest.legacy", reason="legacy encoder needed for TCVN3/VNI samples")
    root = tmp_path_factory.mktemp("samples")
    generate(root, only=FAST)
    return root


def truths(root: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((root / "truth").glob("*.json"))]


def file_bytes(root: Path, truth: dict, entry: dict) -> bytes:
    source = root / "dossiers" / truth["source"]
    if truth["container"] == "zip":
        with zipfile.ZipFile(source) as z:
            return z.read(entry["path"])
    if truth["container"] == "file":
        return source.read_bytes()
    return (source / entry["path"]).read_bytes()


def entries(root: Path, *inputs: str):
    for t in truths(root):
        for f in t["files"]:
            if f["input"] in inputs:
                yield t, f


# ----------------------------------------------------------------------------- truth files


def test_truth_references_files_that_exist(out: Path) -> None:
    seen = {t["dossier"] for t in truths(out)}
    assert seen == set(FAST)
    for t in truths(out):
        assert (out / "dossiers" / t["source"]).exists(), t["source"]
        for f in t["files"]:
            file_bytes(out, t, f)  # raises when the file or ZIP entry is missing
            assert f["name"] == f["path"].split("/")[-1]
        names_in = {f["name"] for f in t["files"]}
        for s in t["sections"]:
            assert s["file"] in names_in, s


def test_truth_is_nfc_and_sections_sit_on_their_pages(out: Path) -> None:
    for t in truths(out):
        raw = json.dumps(t, ensure_ascii=False)
        assert unicodedata.is_normalized("NFC", raw), t["dossier"]
        pages = {(f["name"], p["number"]): p["text"] for f in t["files"] for p in f["pages"]}
        for s in t["sections"]:
            text = pages[(s["file"], s["page"])]
            assert norm(s["heading"])[:30] in norm(text), (t["dossier"], s)


def test_author_shares_sum_to_100_unless_marked(out: Path) -> None:
    for t in truths(out):
        if t["fields"] is None:
            continue
        total = round(sum(a["share_percent"] for a in t["fields"]["authors"]), 6)
        marked = any(d["code"] == "shares_not_100" for d in t["defects"])
        assert (total != 100) == marked, (t["dossier"], total)
        if t["complete"]:
            assert total == 100


# ----------------------------------------------------------------------------- PDFs


def test_born_digital_and_mixed_pdf_text_matches_truth(out: Path) -> None:
    checked = 0
    for t, f in entries(out, "born_digital_pdf", "mixed_pdf"):
        with pdfplumber.open(io.BytesIO(file_bytes(out, t, f))) as pdf:
            assert len(pdf.pages) == len(f["pages"])
            for page, truth in zip(pdf.pages, f["pages"]):
                got = page.extract_text() or ""
                if truth.get("image"):
                    assert got.strip() == "", (f["name"], truth["number"])
                else:
                    assert norm(got) == norm(truth["text"]), (f["name"], truth["number"])
                    checked += 1
    assert checked >= 5


def test_broken_text_layer_lost_stacked_marks(out: Path) -> None:
    (t, f), = entries(out, "broken_text_pdf")
    with pdfplumber.open(io.BytesIO(file_bytes(out, t, f))) as pdf:
        for page, truth in zip(pdf.pages, f["pages"]):
            got = norm(page.extract_text() or "")
            assert got == norm(truth["text_layer"]) == norm(break_text_layer(truth["text"]))
            assert got != norm(truth["text"])
    assert break_text_layer("Cộng hòa xã hội chủ nghĩa Việt Nam, công") == \
        "Cơng hòa xã hơi chủ nghĩa Viêt Nam, cơng"


def test_scanned_pages_record_their_dpi(out: Path) -> None:
    checked = 0
    for t, f in entries(out, "scanned_pdf", "mixed_pdf", "broken_text_pdf"):
        reader = pypdf.PdfReader(io.BytesIO(file_bytes(out, t, f)))
        for page, truth in zip(reader.pages, f["pages"]):
            if not truth.get("image"):
                continue
            (img,) = page.images
            width_in = float(page.mediabox.width) / 72
            dpi = img.image.width / width_in
            assert dpi == pytest.approx(f["scan"]["dpi"], rel=0.01), (f["name"], truth["number"])
            landscape = img.image.width > img.image.height
            rotated = f["scan"]["rotated"].get(str(truth["number"]), 0)
            assert landscape == (rotated in (90, 270))
            checked += 1
    assert checked >= 5
    for t, f in entries(out, "tiff"):
        with Image.open(io.BytesIO(file_bytes(out, t, f))) as im:
            assert im.n_frames == len(f["pages"]) > 1
            assert round(im.info["dpi"][0]) == f["scan"]["dpi"]
    rotations = Counter(r for _, f in entries(out, "scanned_pdf")
                        for r in f["scan"]["rotated"].values())
    assert rotations[90] and rotations[180]


# ----------------------------------------------------------------------------- Word files


def _docx_pages(data: bytes) -> list[str]:
    """Body paragraphs and table rows, split at explicit page breaks; legacy runs decoded."""
    from ingest import legacy

    def run_text(run) -> str:
        font = run.font.name
        enc = legacy.font_encoding(font)
        return legacy.decode(run.text, enc, caps=legacy.is_caps_font(font)) if enc else run.text

    def para_text(p) -> str:
        return "".join(run_text(r) for r in p.runs).strip()

    doc = open_docx(io.BytesIO(data))
    pages: list[list[str]] = [[]]
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            from docx.text.paragraph import Paragraph

            if el.xpath('.//w:br[@w:type="page"]'):
                pages.append([])
            pages[-1].append(para_text(Paragraph(el, doc)))
        elif el.tag == qn("w:tbl"):
            from docx.table import Table as DocxTable

            for row in DocxTable(el, doc).rows:
                pages[-1].append(" | ".join(" ".join(para_text(p) for p in c.paragraphs)
                                            for c in row.cells))
    sec = doc.sections[0]
    head = [para_text(p) for p in sec.header.paragraphs if para_text(p)]
    foot = [para_text(p) for p in sec.footer.paragraphs if para_text(p)]
    pages[0] = head + pages[0] + foot
    return ["\n".join(p) for p in pages]


def test_docx_text_matches_truth(out: Path) -> None:
    kinds = set()
    for t, f in entries(out, *WORD):
        got = [norm(p) for p in _docx_pages(file_bytes(out, t, f))]
        want = [norm(p["text"]) for p in f["pages"]]
        if f["input"] == "docx_tcvn3":  # case is ambiguous in TCVN3 bytes ("Sè TT": Số/SỐ TT)
            got, want = [p.casefold() for p in got], [p.casefold() for p in want]
        assert got == want, f["name"]
        kinds.add(f["input"])
    assert kinds == set(WORD)


def test_legacy_docx_runs_carry_legacy_fonts(out: Path) -> None:
    expected = {"docx_tcvn3": ".VnTime", "docx_vni": "VNI-Times"}
    for t, f in entries(out, "docx_tcvn3", "docx_vni"):
        doc = open_docx(io.BytesIO(file_bytes(out, t, f)))
        fonts = Counter(r.font.name for p in doc.paragraphs for r in p.runs if r.text.strip())
        assert fonts.most_common(1)[0][0] == expected[f["input"]]
        body = "".join(r.text for p in doc.paragraphs for r in p.runs)
        assert not any(c in body for c in "ươệ"), "legacy runs must not hold Unicode Vietnamese"


# ----------------------------------------------------------------------------- broken files


def test_broken_files_are_really_broken(out: Path) -> None:
    folder = out / "dossiers" / broken.NAME
    assert (folder / "rong.pdf").stat().st_size == 0
    with pytest.raises(pypdf.errors.PdfReadError):
        pypdf.PdfReader(folder / "bi-cat-ngan.pdf", strict=True).pages[0].extract_text()
    enc = pypdf.PdfReader(folder / "co-mat-khau.pdf")
    assert enc.is_encrypted
    assert enc.decrypt(broken.PASSWORD)
    assert not (folder / "khong-phai-pdf.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(folder / "duong-dan-nguy-hiem.zip") as z:
        assert any(n.startswith("../") for n in z.namelist())
    (t,) = [t for t in truths(out) if t["dossier"] == broken.NAME]
    codes = {f["name"]: f["expect_problem"] for f in t["files"]}
    assert set(codes.values()) == {"empty_file", "corrupt_file", "encrypted_pdf",
                                   "unsupported_type", "zip_path_unsafe"}


# ----------------------------------------------------------------------------- content data


def test_every_input_kind_and_profile_is_covered() -> None:
    kinds = {f.input for d in all_dossiers() for f in d.files} | {"broken"}
    assert kinds == set(INPUT_KINDS)
    containers = {d.container for d in all_dossiers()}
    assert containers == {"folder", "zip", "file"}
    profiles = Counter(d.profile for d in all_dossiers())
    assert all(profiles[p] >= 3 for p in ("langson-291", "bao-cao-mo-ta", "skkn"))
    assert len(all_dossiers()) >= 12
    assert sum(1 for d in all_dossiers() if d.missing or d.defects) >= 3


def test_keyed_headings_are_followed_by_content() -> None:
    for d in all_dossiers():
        for doc in d.documents:
            items = [it for it in doc.items if isinstance(it, (Para, Table))]
            for it, nxt in zip(items, items[1:] + [None]):
                if not isinstance(it, Para) or not it.key or it.label is not None:
                    continue
                if it.key in d.missing:
                    continue
                has_content = isinstance(nxt, Table) or (
                    isinstance(nxt, Para) and nxt.style == "body" and nxt.label is None)
                assert has_content, (d.name, it.text)


def test_layout_matches_render_for_plain_blocks() -> None:
    blocks = [render.Block("BÁO CÁO MÔ TẢ SÁNG KIẾN", "title"),
              render.Block("1. Lý do chọn sáng kiến", "heading")]
    blocks += [render.Block("Nội dung đoạn văn có dấu tiếng Việt đầy đủ. " * 9)] * 8
    items = [Para(b.text, b.style) for b in blocks]
    for dpi in (72, 300):
        ours = layout_items(items, dpi=dpi, keep_with_next=False).pages
        theirs = render.layout_pages(blocks, dpi=dpi)
        assert [p.drawn for p in ours] == theirs
        assert [p.text for p in ours] == [p.text for p in theirs]


def test_cli_skips_existing_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path), "--only", broken.NAME]) == 0
    target = tmp_path / "dossiers" / broken.NAME / "rong.pdf"
    target.unlink()
    assert main(["--out", str(tmp_path), "--only", broken.NAME]) == 0
    assert "exists" in capsys.readouterr().out
    assert not target.exists()
    assert main(["--out", str(tmp_path), "--only", broken.NAME, "--force"]) == 0
    assert target.exists()


# ----------------------------------------------------------------------------- full run


@pytest.mark.slow
def test_full_generation_is_small_and_deterministic(out: Path, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is needed for the .doc samples")
    generate(tmp_path)
    files = sorted(p for p in (tmp_path / "dossiers").rglob("*") if p.is_file())
    assert sum(p.stat().st_size for p in files) < 15 * 1024 * 1024
    assert {p.stem for p in (tmp_path / "truth").glob("*.json")} == set(names())
    assert any(p.suffix == ".doc" and p.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
               for p in files)
    for p in files:  # the fast subset was generated separately: same bytes (but .doc)
        twin = out / p.relative_to(tmp_path)
        if twin.exists() and p.suffix != ".doc":
            assert p.read_bytes() == twin.read_bytes(), p
    for p in (out / "truth").glob("*.json"):
        assert p.read_bytes() == (tmp_path / "truth" / p.name).read_bytes()
