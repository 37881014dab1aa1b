"""Machine-readable codes on a page image: QR codes only, read with zxing-cpp.

The codes we look for are big (the separator sheet's QR is 7 cm wide), so a scan is first
turned grey and shrunk by a whole factor to at most ``MAX_SIDE`` pixels on its long side:
reading then costs about 5 ms for a 300-DPI A4 page (13-20 ms with resampling instead).
A code that is small on the page (a QR in a letterhead) may be lost by the shrinking;
that is accepted.

``zxingcpp`` is imported here and nowhere else. Decoding never raises: a decoder failure
gives no codes, so that reading codes can never break the OCR of a page.
"""

from __future__ import annotations

import logging

import zxingcpp
from PIL import Image

log = logging.getLogger(__name__)

MAX_SIDE = 1400  # px; a 300-DPI A4 scan is read at 100 DPI, the 7 cm QR keeps ~9 px a module


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
    """Grey, and shrunk by a whole factor (box averaging: a few ms, where resampling a
    300-DPI page costs ~20 ms) until the long side is at most ``MAX_SIDE``."""
    grey = image if image.mode == "L" else image.convert("L")
    factor = -(-max(grey.size) // MAX_SIDE)
    return grey.reduce(factor) if factor > 1 else grey
