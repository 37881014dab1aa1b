import io

import pypdf
import pytest

from ingest.ocr import OcrOptions
from ingest.pdf import read_pdf
from ingest.vietnamese import drop_stacked_tones, nfc
from models.domain import PageMethod
from models.errors import CorruptFile, EncryptedFile, TooManyPages
from samples.render import Block, draw, layout_pages
from tests.builders import image_pdf, text_pdf
from tests.fakes import FakeEngine

OPTS = OcrOptions(deskew=False, orientation=False, searchable_pdf=False)
P1 = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Kính gửi: Hội đồng sáng kiến Sở Y tế tỉnh Hoà Bình"]
P2 = ["1. Lý do chọn sáng kiến", "Việc quản lý hồ sơ bệnh án bằng giấy gây chậm trễ và sai sót,",
      "nhất là khi người bệnh chuyển tuyến; quy trình mới rút ngắn thời gian tiếp nhận."]


def test_text_layer_read_page_by_page_without_ocr() -> None:
    engine = FakeEngine()
    doc = read_pdf(text_pdf([P1, P2]), name="don.pdf", engine=engine, options=OPTS)
    assert [p.text for p in doc.pages] == [nfc("\n".join(P1)), nfc("\n".join(P2))]
    assert all(p.method is PageMethod.TEXT_LAYER for p in doc.pages)
    assert engine.calls == [] and doc.searchable_pdf is None
    assert doc.pages[0].lines[0].size == pytest.approx(13, abs=0.5)


def test_scanned_and_broken_pages_go_to_ocr_per_page() -> None:
    scan = draw(layout_pages([Block(t) for t in P2], dpi=200)[0])
    broken = drop_stacked_tones(nfc("\n".join(P2 + P2)))
    mixed = pypdf.PdfWriter()
    for part in (text_pdf([P1]), image_pdf([scan], 200), image_pdf([scan], 200, hidden_text=[broken])):
        mixed.append(pypdf.PdfReader(io.BytesIO(part)))
    buf = io.BytesIO()
    mixed.write(buf)
    engine = FakeEngine(text="Trang quét")
    doc = read_pdf(buf.getvalue(), name="mixed.pdf", engine=engine, options=OPTS)
    assert [p.method for p in doc.pages] == [PageMethod.TEXT_LAYER, PageMethod.OCR, PageMethod.OCR]
    assert doc.pages[1].text == "Trang quét" and doc.ocr_pages == 2
    assert [(p.code, p.page) for p in doc.problems] == [("broken_text_layer", 3)]
    # rasterised at the scan's own resolution
    assert engine.calls[0] == pytest.approx(scan.size, abs=3)


def test_encrypted_pdf() -> None:
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(text_pdf([P1]))))
    w.encrypt(user_password="matkhau", owner_password="chu")
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(EncryptedFile) as e:
        read_pdf(buf.getvalue(), name="khoa.pdf", engine=FakeEngine(), options=OPTS)
    assert e.value.code == "encrypted_pdf"


def test_owner_password_only_pdf_is_read() -> None:
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(text_pdf([P1]))))
    w.encrypt(user_password="", owner_password="chu")
    buf = io.BytesIO()
    w.write(buf)
    doc = read_pdf(buf.getvalue(), name="han-che.pdf", engine=FakeEngine(), options=OPTS)
    assert "ĐƠN YÊU CẦU" in doc.pages[0].text


def test_truncated_and_garbage_pdf_are_corrupt() -> None:
    data = text_pdf([P1, P2])
    for bad in (data[:300], b"%PDF-1.7\n" + b"\x00garbage" * 50):
        with pytest.raises(CorruptFile) as e:
            read_pdf(bad, name="hong.pdf", engine=FakeEngine(), options=OPTS)
        assert e.value.code == "corrupt_file"


def test_absurd_page_count() -> None:
    with pytest.raises(TooManyPages) as e:
        read_pdf(text_pdf([["a"]] * 6), name="dai.pdf", engine=FakeEngine(), options=OPTS,
                 max_pages=5)
    assert e.value.code == "too_many_pages"


# The TCVN3 text-layer PDFs of the real corpus (bench/legacy.py measures all five): decoded
# without OCR, by font runs inside words (a word's "ư" often sits in another font subset).
CORPUS_PDFS = ["2006-19412_QD115.04TTg_BLTch_DNNVV", "2007-1AF57_02-2007",
               "2006-16EZE_TT01.06GopvonDNNVV"]


@pytest.mark.corpus
@pytest.mark.parametrize("stem", CORPUS_PDFS)
def test_corpus_tcvn3_text_layer(stem: str) -> None:
    from bench.legacy import score
    from tests.conftest import CORPUS

    path = CORPUS / "corpus/public-domain/tcvn3" / f"{stem}.pdf"
    if not path.exists():
        pytest.skip(f"corpus file absent: {path} (shared/corpora/legacy-vn not beside the repo)")
    doc = read_pdf(path.read_bytes(), name=path.name, engine=FakeEngine(text=""), options=OPTS)
    assert doc.legacy_encoding == "tcvn3"
    text = "\n".join(p.text for p in doc.pages if not p.ocr)
    truth = (CORPUS / "ground-truth" / f"{stem}.txt").read_text(encoding="utf-8")
    assert score(text.casefold(), truth.casefold()).diacritic_accuracy >= 0.99
    assert score(text, truth).diacritic_accuracy >= 0.98
