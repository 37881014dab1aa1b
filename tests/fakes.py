"""Fakes at seams only: an OCR engine that returns known text without running Tesseract.

Used by tests of the stages *around* OCR (PDF page routing, jobs, the batch); the OCR engine
itself is tested against the real binary in tests/ingest/test_ocr.py.
"""

from __future__ import annotations

from PIL import Image

from ingest.ocr import OcrOptions, OcrResult
from models.errors import OcrTimeout


class FakeEngine:
    def __init__(self, text: str = "Văn bản nhận dạng giả.", confidence: float = 95.0,
                 timeout_on_call: int | None = None) -> None:
        self.text, self.confidence = text, confidence
        self.timeout_on_call = timeout_on_call
        self.calls: list[tuple[int, int]] = []  # image sizes seen

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        self.calls.append(image.size)
        if self.timeout_on_call is not None and len(self.calls) == self.timeout_on_call:
            raise OcrTimeout("fake engine: page took too long")
        return OcrResult(text=self.text, confidence=self.confidence, pdf=None)
