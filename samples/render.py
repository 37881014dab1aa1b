"""Render known Vietnamese text onto page images, then degrade them like a real scan.

Used by the sample generator, the tests and the OCR benchmark, so that every OCR test knows
its ground truth: the text returned by ``layout_pages`` is exactly what was drawn, line by line.

Fonts must carry Vietnamese glyphs: Liberation Serif 2 (``fonts-liberation2``, metrically a
Times New Roman, the font of Vietnamese administrative documents) and DejaVu.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
FONTS = {
    "serif": "LiberationSerif-Regular.ttf",
    "serif-bold": "LiberationSerif-Bold.ttf",
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
}
A4_INCHES = (8.27, 11.69)


@lru_cache(maxsize=64)
def font(name: str, px: int) -> ImageFont.FreeTypeFont:
    for d in FONT_DIRS:
        path = d / FONTS[name]
        if path.exists():
            return ImageFont.truetype(str(path), px)
    raise FileNotFoundError(f"font {FONTS[name]} not found; install fonts-liberation2 and fonts-dejavu")


@dataclass(frozen=True)
class Block:
    """A paragraph to lay out. style: body | heading | title | center."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class DrawnLine:
    text: str
    x: int
    y: int
    font_name: str
    px: int


@dataclass(frozen=True)
class PageLayout:
    lines: tuple[DrawnLine, ...]
    dpi: int

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _style(style: str, dpi: int, family: str) -> tuple[str, int, bool]:
    pt = {"title": 15, "heading": 13, "center": 13, "body": 13}[style]
    bold = style in ("title", "heading", "center")
    name = f"{family}-bold" if bold else family
    return name, round(pt * dpi / 72), style in ("title", "center")


def _wrap(text: str, fnt: ImageFont.FreeTypeFont, width: int) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        trial = f"{cur} {w}" if cur else w
        if fnt.getlength(trial) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


def layout_pages(blocks: list[Block], *, dpi: int = 300, family: str = "serif") -> list[PageLayout]:
    """Wrap and paginate blocks on A4 pages (2.5 cm margins); return what goes where."""
    w, h = round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)
    margin = round(2.5 / 2.54 * dpi)
    width = w - 2 * margin
    pages: list[list[DrawnLine]] = [[]]
    y = margin
    for block in blocks:
        name, px, centered = _style(block.style, dpi, family)
        fnt = font(name, px)
        step = round(px * 1.45)
        if block.style in ("heading", "title") and pages[-1]:
            y += step // 2
        for text in _wrap(block.text, fnt, width):
            if y + step > h - margin:
                pages.append([])
                y = margin
            x = margin + (round((width - fnt.getlength(text)) / 2) if centered else 0)
            pages[-1].append(DrawnLine(text, x, y, name, px))
            y += step
    return [PageLayout(tuple(p), dpi) for p in pages if p]


def draw(layout: PageLayout) -> Image.Image:
    """A clean grayscale ('L') page image of the layout."""
    w, h = round(A4_INCHES[0] * layout.dpi), round(A4_INCHES[1] * layout.dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    for line in layout.lines:
        d.text((line.x, line.y), line.text, fill=0, font=font(line.font_name, line.px))
    return img


@dataclass(frozen=True)
class Degradation:
    """How to spoil a clean page. All defaults = no change."""

    skew: float = 0.0  # degrees, counter-clockwise
    rotate: int = 0  # 0, 90, 180, 270: page put in the scanner the wrong way
    noise: float = 0.0  # share of pixels flipped to salt/pepper, e.g. 0.01
    blur: float = 0.0  # Gaussian radius in pixels
    jpeg_quality: int | None = None  # re-encode as JPEG
    stamp: bool = False  # a red round seal over the lower part of the page
    photo: bool = False  # phone photo: uneven light, grey paper, slight perspective
    dpi: int | None = None  # resample to this DPI (from the layout's)
    seed: int = 0


def degrade(img: Image.Image, deg: Degradation, *, src_dpi: int = 300) -> Image.Image:
    rng = random.Random(deg.seed)
    out = img.convert("RGB") if (deg.stamp or deg.photo) else img.copy()
    if deg.stamp:
        out = _stamp(out, rng)
    if deg.photo:
        out = _photo(out, rng)
    if deg.skew:
        fill = (255, 255, 255) if out.mode == "RGB" else 255
        out = out.rotate(deg.skew, resample=Image.BICUBIC, expand=True, fillcolor=fill)
    if deg.dpi and deg.dpi != src_dpi:
        f = deg.dpi / src_dpi
        out = out.resize((round(out.width * f), round(out.height * f)), Image.LANCZOS)
    if deg.blur:
        out = out.filter(ImageFilter.GaussianBlur(deg.blur))
    if deg.noise:
        a = np.array(out)
        nrng = np.random.default_rng(deg.seed)
        mask = nrng.random(a.shape[:2])
        a[mask < deg.noise / 2] = 0
        a[mask > 1 - deg.noise / 2] = 255
        out = Image.fromarray(a)
    if deg.rotate:
        out = out.rotate(deg.rotate, expand=True)
    if deg.jpeg_quality:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=deg.jpeg_quality)
        out = Image.open(io.BytesIO(buf.getvalue()))
        out.load()
    return out


def _stamp(img: Image.Image, rng: random.Random) -> Image.Image:
    """A red seal (con dấu) in the lower right, where the signature block sits."""
    w, h = img.size
    r = round(w * 0.09)
    cx, cy = round(w * 0.72) + rng.randint(-r // 3, r // 3), round(h * 0.78)
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    red = (200, 30, 40, 150)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(3, r // 14))
    d.ellipse((cx - r * 0.78, cy - r * 0.78, cx + r * 0.78, cy + r * 0.78), outline=red,
              width=max(2, r // 25))
    star = font("sans-bold", r // 2)
    d.text((cx, cy), "★", fill=red, font=star, anchor="mm")
    return Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")


def _photo(img: Image.Image, rng: random.Random) -> Image.Image:
    """Grey, unevenly lit paper and a mild perspective, as a phone photo of a page."""
    w, h = img.size
    a = np.asarray(img.convert("RGB")).astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = rng.uniform(0.6, 1.0), rng.uniform(0.6, 1.0)
    light = 0.78 + 0.17 * (xx / w * gx + yy / h * gy) / (gx + gy)
    a = a * light[..., None] * np.array([1.0, 0.97, 0.9], np.float32)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = round(w * 0.02)
    coeffs = _perspective_coeffs(
        [(0, 0), (w, 0), (w, h), (0, h)],
        [(rng.randint(0, d), rng.randint(0, d)), (w - rng.randint(0, d), rng.randint(0, d)),
         (w - rng.randint(0, d), h - rng.randint(0, d)), (rng.randint(0, d), h - rng.randint(0, d))],
    )
    return out.transform(img.size, Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(90, 90, 90))


def _perspective_coeffs(dst: list[tuple[int, int]], src: list[tuple[int, int]]) -> list[float]:
    rows = []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(rows, dtype=np.float64)
    b = np.array([c for p in src for c in p], dtype=np.float64)
    return list(np.linalg.solve(a, b))

