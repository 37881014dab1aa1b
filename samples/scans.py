"""Turn laid-out pages into scanner and phone images: draw at the layout's DPI, spoil with
``samples.render.degrade`` (per-page skew, rotation, seal), resample to the scan DPI and
crop back to an A4 sheet, then encode (JPEG for PDFs and photos, CCITT G4 for TIFF).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from samples.layout import Page, page_size, render_page
from samples.render import Degradation, degrade
from samples.texts import Scan


def scan_image(page: Page, scan: Scan, number: int) -> Image.Image:
    """Page ``number`` (1-based) of a file scanned with ``scan``."""
    rotation = scan.rotation_of(number)
    deg = Degradation(
        skew=scan.skew_of(number), rotate=rotation, noise=scan.noise, blur=scan.blur,
        stamp=number in scan.stamp_pages, photo=scan.photo, dpi=scan.dpi,
        seed=scan.seed * 100 + number,
    )
    img = degrade(render_page(page), deg, src_dpi=page.dpi)
    if not scan.photo:
        w, h = page_size(scan.dpi)
        if rotation in (90, 270):
            w, h = h, w
        img = _crop_centre(img, w, h)
    if not (scan.photo or (scan.color and number in scan.stamp_pages)):
        img = img.convert("L")
    return img


def _crop_centre(img: Image.Image, w: int, h: int) -> Image.Image:
    """Centre the image on a white w x h sheet (crops what a skew pushed past the edges)."""
    fill = (255, 255, 255) if img.mode == "RGB" else 255
    sheet = Image.new(img.mode, (w, h), fill)
    sheet.paste(img, ((w - img.width) // 2, (h - img.height) // 2))
    return sheet


def jpeg_bytes(img: Image.Image, quality: int, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(buf, "JPEG", quality=quality, optimize=True, **kw)
    return buf.getvalue()


def write_tiff(path: Path, images: list[Image.Image], dpi: int) -> None:
    """A multi-page bilevel TIFF (CCITT Group 4), as office scanners write them."""
    pages = [im.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1")
             for im in images]
    pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="group4",
                  dpi=(dpi, dpi))
