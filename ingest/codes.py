"""Machine-readable codes on a page image: QR codes only, read with zxing-cpp.

The codes we look for are big (the separator sheet's QR fills a fifth of an A4 page), so a
scan is first shrunk to at most ``MAX_SIDE`` pixels on its long side and turned grey: the
decoder then costs a few milliseconds per page instead of tens. A code that is small on the
page (a QR in a letterhead) may be lost by the shrinking; that is accepted.

``zxingcpp`` is imported here and nowhere else. Decoding never raises: a decoder failure
gives no codes, so that reading codes can never break the OCR of a page.
"""

from __future__ import annotations

import logging

import zxingcpp
from PIL import Image

log = logging.getLogger(__name__)

MAX_SIDE = 1400  # px; a 300-DPI A4 scan becomes ~120 DPI, a separator QR keeps >8 px a module


def read_codes(image: Image.Image) -> tuple[str, ...]:
    """The texts of the QR codes found on the image, in the decoder's order, without repeats."""
    try:
        small = _prepared(image)
        found = zxingcpp.read_barcodes(small, formats=zxingcpp.BarcodeFormat.QRCode,
                                       try_invert=False)
    except Exception as exc:  # a decoder surprise must not sink the page
        log.warning("QR decoding failed: %s: %s", type(exc).__name__, exc)
        return ()
    texts = [b.text.strip() for b in found if b.valid and b.text and b.text.strip()]
    return tuple(dict.fromkeys(texts))


def _prepared(image: Image.Image) -> Image.Image:
    grey = image if image.mode == "L" else image.convert("L")
    long_side = max(grey.size)
    if long_side > MAX_SIDE:
        scale = MAX_SIDE / long_side
        size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
        grey = grey.resize(size, Image.Resampling.BILINEAR)
    return grey
