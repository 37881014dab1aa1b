"""Make a scanned page upright and level before OCR, cheaply.

Tesseract reads rotated pages badly and reads skewed ones worse the further they lean
(DOMAIN.md: above 3° its errors multiply). Its own orientation detector (OSD) would fix the
first, but costs about two thirds of a full OCR pass per page, and hoso's throughput must
stay within 10 % of bare ``tesseract``. So the page's geometry is measured here from ink
statistics on a small binarised copy (~100 DPI), in a few tens of milliseconds:

- **axis and skew** — projection profiles: ink points are projected onto lines leaning at
  each candidate angle; text lines make the profile spiky, so the angle with the largest
  sum of squared bin counts is the skew (coarse 1° steps over ±10°, then 0.1° steps around
  the best). Doing it for rows and for columns tells horizontal text from a page turned by
  90°/270°.
- **up or down** — in upright Latin and Vietnamese text the ink *above* each line's
  x-height band (ascenders, capitals and the tone and shape marks on most syllables) far
  outweighs the ink *below* it (descenders, the dot of nặng). A page upside down shows the
  mirror image. The log ratio is also the decision's certainty: ``ingest.ocr`` takes a
  second look only when it is weak.

One clean-up earned its place in the benchmark (``bench/ocr.py --ablations``): a 3×3
median filter, applied only to pages with scanner speckle (isolated dark or light pixels),
which cut the character error rate on speckled pages from ~5 % to ~0.1 %; on clean pages
it blurs thin strokes, so ``speckle`` decides per page from four small crops (~5 ms).
Binarisation, contrast stretching and dropping coloured ink (seals) changed nothing or
made things worse, and are not done.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

ANALYSIS_LONG_SIDE = 1200  # px of the long side of the analysis copy (~100 DPI for A4)
MAX_SKEW = 10.0  # degrees searched either way
MIN_SKEW = 0.15  # below this, rotating costs time and sharpness for nothing
MARGIN = 0.04  # share of each edge ignored: scanner borders and photo backgrounds
MIN_INK_POINTS = 400  # fewer ink pixels than this (at analysis size) = a blank page
SPECKLE_LIMIT = 0.0005  # share of isolated pixels above which a page is despeckled
HEAVY_SPECKLE = 0.004  # above this, every pixel gets the median (noise comes in clumps)
SPECKLE_CROP = 256  # px side of each of the four crops the speckle is counted on
# deskew resampling: bilinear reads as well as bicubic (bench/README.md) in a third of the time
RESAMPLE = Image.Resampling.BILINEAR


@dataclass(frozen=True)
class Geometry:
    """What it takes to make a page upright and level.

    ``rotation`` is clockwise degrees (as a PDF's /Rotate) that turn the page upright;
    ``skew`` is the page's lean after that, counter-clockwise degrees (as PIL's
    ``Image.rotate``), which ``straighten`` undoes. ``certainty`` is |log(above/below ink)|
    of the up/down test (0 = coin toss, > 0.4 = clear), and ``ink`` the share of dark
    pixels (a blank page has almost none).
    """

    rotation: int = 0
    skew: float = 0.0
    certainty: float = 0.0
    ink: float = 0.0

    @property
    def blank(self) -> bool:
        return self.ink < 0.002


def to_gray(image: Image.Image) -> Image.Image:
    """Any PIL mode -> 8-bit grey ('L'), or bilevel ('1') kept as is.

    Grey rather than colour because Tesseract thresholds colour per channel and calls a
    pixel ink when *any* channel is dark: a red seal is dark in green and blue, so it turns
    into black blobs over the signature block; in luminance it is a light grey.
    """
    if image.mode in ("1", "L"):
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):  # 16-bit scans: stretch to 8
        a = np.asarray(image, dtype=np.float64)
        lo, hi = float(a.min()), float(a.max())
        scale = 255.0 / (hi - lo) if hi > lo else 1.0
        return Image.fromarray(((a - lo) * scale).clip(0, 255).astype(np.uint8), "L")
    return _flatten(image).convert("L")


def to_display(image: Image.Image) -> Image.Image:
    """The page as it should be shown: bilevel, grey or RGB (alpha on white, 16-bit scaled)."""
    if image.mode in ("1", "L", "RGB"):
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F", "LA"):
        return to_gray(image)
    return _flatten(image).convert("RGB")


def speckle(image: Image.Image) -> float:
    """Share of isolated pixels — darker or lighter than all 8 neighbours by a wide margin.

    Counted at full resolution on four crops around the page's centre, where the text is.
    A thin stroke is never isolated (its own pixels are its neighbours); salt-and-pepper
    noise, dust and fax speckle are.
    """
    w, h = image.size
    side = SPECKLE_CROP
    if h < side + 2 or w < side + 2:
        boxes = [(0, 0, w, h)]
    else:
        boxes = [(x, y, x + side, y + side) for y in (h // 4, h // 2) for x in (w // 4, w // 2)]
    return max(_isolated(_grey_array(image.crop(box))) for box in boxes)


def _grey_array(image: Image.Image) -> np.ndarray:
    grey = to_gray(image)
    return np.asarray(grey.convert("L") if grey.mode == "1" else grey, dtype=np.int16)


def despeckle(image: Image.Image, level: float = 1.0) -> Image.Image:
    """Speckle out. Under ``HEAVY_SPECKLE`` (``level`` as ``speckle`` measures it), strokes and
    rules are kept: the 3×3 median is taken only where a pixel stands alone — ink with at
    most one ink neighbour of eight, or paper with ink on three of its four sides.

    A plain median filter also eats thin strokes and the 1–2 px rules of a table at
    200–240 DPI, and Tesseract then reads the broken rules as letters ("ãộộgh", "L- 4. -..")
    and loses the lines next to them; a pixel of a thin line always has two neighbours on it.
    Heavier speckle comes in clumps that the selective rule leaves, and there the plain
    median reads better (``bench/ocr.py``, "noisy": 0.03 % CER against 0.16 %).
    Bilevel pages are filtered in grey and thresholded back.
    """
    bilevel = image.mode == "1"
    work = image.convert("L") if bilevel else image
    median = work.filter(ImageFilter.MedianFilter(3))
    if level > HEAVY_SPECKLE or min(work.size) < 3:
        out = median
    else:
        a = np.asarray(work if work.mode == "L" else work.convert("L"))
        ink = a < (_otsu(a) or 128)
        around = _ink_around(ink, _EIGHT)
        alone = (ink & (around <= 1)) | (~ink & (_ink_around(ink, _FOUR) >= 3))
        pixels = np.array(work)
        pixels[alone] = np.asarray(median)[alone]
        out = Image.fromarray(pixels)
    if bilevel:
        out = out.point(lambda v: 255 if v >= 128 else 0).convert("1")
    out.info.update({k: v for k, v in image.info.items() if k == "dpi"})
    return out


def _isolated(a: np.ndarray, margin: int = 80) -> float:
    h, w = a.shape
    if h < 3 or w < 3:
        return 0.0
    centre = a[1:-1, 1:-1]
    around = [a[1 + dy:h - 1 + dy, 1 + dx:w - 1 + dx]
              for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx]
    lo, hi = np.minimum.reduce(around), np.maximum.reduce(around)
    return float(((centre < lo - margin) | (centre > hi + margin)).mean())


def analyse(image: Image.Image, *, orientation: bool = True, deskew: bool = True) -> Geometry:
    """Measure rotation and skew of a page image (any mode); never raises on odd images."""
    small = _analysis_copy(image)
    ys, xs = _ink_points(small)
    ink = len(ys) / max(1, small.shape[0] * small.shape[1])
    if len(ys) < MIN_INK_POINTS or not (orientation or deskew):
        return Geometry(ink=ink)
    limit = MAX_SKEW if deskew else 0.0
    row_angle, row_score = _best_angle(ys, xs, limit)
    rotation = 0
    if orientation:
        _, col_score = _best_angle(xs, -ys, limit)
        if col_score > row_score:  # lines run top-bottom: turn a quarter clockwise first
            rotation = 90
            small = np.rot90(small, k=-1)
            ys, xs = _ink_points(small)
    angle, _ = _best_angle(ys, xs, limit) if rotation else (row_angle, row_score)
    if deskew:
        angle = _refine(ys, xs, angle)
    certainty = 0.0
    if orientation:
        log_ratio = _up_down(ys, xs, angle)
        certainty = abs(log_ratio)
        if log_ratio < 0:  # upside down: a half turn more; the lean keeps its sign
            rotation = (rotation + 180) % 360
    skew = round(angle, 2) if deskew and abs(angle) >= MIN_SKEW else 0.0
    return Geometry(rotation=rotation, skew=skew, certainty=round(certainty, 3), ink=ink)


def straighten(image: Image.Image, geometry: Geometry) -> Image.Image:
    """Apply ``geometry``: quarter turns (lossless), then undo the skew around the centre.

    The page keeps its size (corners pushed out are cut, uncovered corners are filled with
    the paper's colour), so the searchable PDF keeps the scan's physical size. Bilevel
    images are rotated in grey and thresholded back, to stay small in the PDF.
    """
    out = image
    if geometry.rotation:
        out = out.transpose(_TRANSPOSE[geometry.rotation])
    if geometry.skew:
        bilevel = out.mode == "1"
        work = out.convert("L") if bilevel else out
        paper = _paper(work if work.mode == "L" else work.convert("L"))
        fill: int | tuple[int, ...] = paper if work.mode == "L" else (paper,) * len(work.mode)
        work = work.rotate(-geometry.skew, resample=RESAMPLE, fillcolor=fill)
        out = work.point(lambda v: 255 if v >= 128 else 0).convert("1") if bilevel else work
    if out is not image:
        out.info.update({k: v for k, v in image.info.items() if k == "dpi"})
    return out


def flipped(geometry: Geometry) -> Geometry:
    """The same page taken the other way up: the alternative when the up/down test was weak."""
    return Geometry(rotation=(geometry.rotation + 180) % 360, skew=geometry.skew,
                    certainty=geometry.certainty, ink=geometry.ink)


_TRANSPOSE = {
    90: Image.Transpose.ROTATE_270,  # PIL turns counter-clockwise
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


def _paper(grey: Image.Image) -> int:
    """The paper's grey level: the brightest well-populated histogram bin."""
    hist = grey.reduce(8).histogram() if min(grey.size) >= 64 else grey.histogram()
    total = sum(hist)
    acc = 0
    for level in range(255, -1, -1):
        acc += hist[level]
        if acc >= total * 0.2:
            return level
    return 255


def _analysis_copy(image: Image.Image) -> np.ndarray:
    """A small binary ink mask (True = ink) with the outer margins cut off.

    For colour pages the darkness of a pixel is its *brightest* channel: black print is dark
    in all three, while a red seal or a blue signature is bright in one and drops out of the
    measurement (not out of the page).
    """
    colour = image.mode not in ("1", "L", "I;16", "I;16B", "I;16L", "I", "F", "LA")
    base = _flatten(image) if colour else to_gray(image)
    factor = max(1, math.ceil(max(base.size) / ANALYSIS_LONG_SIDE))
    if base.mode == "1" or base.mode not in ("L", "RGB"):
        base = base.convert("RGB" if colour else "L")
    small = base.reduce(factor) if factor > 1 else base
    a = np.asarray(small)
    if colour:
        a = a.max(axis=2)
    h, w = a.shape
    my, mx = int(h * MARGIN), int(w * MARGIN)
    a = a[my:h - my, mx:w - mx]
    if a.size == 0:
        return np.zeros((1, 1), dtype=bool)
    return _despeckle(a < _otsu(a))


def _despeckle(mask: np.ndarray) -> np.ndarray:
    """Drop ink pixels with fewer than two ink neighbours: scanner speckle, not strokes.

    Speckle is spread evenly over the page, so it adds a floor under the line profile that
    glues all lines into one and blinds the up/down test.
    """
    return mask & (_ink_around(mask, _EIGHT) >= 2)


_EIGHT = tuple((dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
_FOUR = ((-1, 0), (1, 0), (0, -1), (0, 1))


def _ink_around(mask: np.ndarray, offsets: tuple[tuple[int, int], ...]) -> np.ndarray:
    """For every pixel, how many of its neighbours at ``offsets`` are ink."""
    padded = np.pad(mask, 1).astype(np.uint8)
    h, w = mask.shape
    return sum(padded[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy, dx in offsets)


def _flatten(image: Image.Image) -> Image.Image:
    if "A" in image.getbands() or image.mode == "P" and "transparency" in image.info:
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    return image


def _otsu(a: np.ndarray) -> int:
    hist = np.bincount(a.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256, dtype=np.float64)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    mean = m0[-1] / total
    w1 = total - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean * w0 - m0) ** 2 / (w0 * w1)
    between[~np.isfinite(between)] = 0
    t = int(np.argmax(between))
    # a page with little contrast (blank, or uniform noise) must not produce "ink"
    return t + 1 if a.max() - a.min() > 48 else 0


def _ink_points(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.nonzero(mask)
    return ys.astype(np.float64), xs.astype(np.float64)


def _score(ys: np.ndarray, xs: np.ndarray, angle: float) -> float:
    """Spikiness of the ink profile across lines leaning ``angle`` degrees counter-clockwise.

    A line leaning counter-clockwise rises to the right: y = y0 - x·tan(a); projecting on
    y + x·tan(a) collapses it onto one bin.
    """
    key = ys + xs * math.tan(math.radians(angle))
    key -= key.min()
    counts = np.bincount(key.astype(np.int64))
    return float(np.dot(counts, counts))


def _best_angle(ys: np.ndarray, xs: np.ndarray, limit: float) -> tuple[float, float]:
    if limit <= 0:
        return 0.0, _score(ys, xs, 0.0)
    steps = np.arange(-limit, limit + 0.5, 1.0)
    scores = [_score(ys, xs, a) for a in steps]
    best = int(np.argmax(scores))
    return float(steps[best]), scores[best]


def _refine(ys: np.ndarray, xs: np.ndarray, coarse: float) -> float:
    steps = np.arange(coarse - 0.9, coarse + 0.95, 0.1)
    scores = np.array([_score(ys, xs, a) for a in steps])
    best = int(np.argmax(scores))
    if 0 < best < len(steps) - 1:  # parabolic interpolation between the 0.1° steps
        s0, s1, s2 = scores[best - 1], scores[best], scores[best + 1]
        denom = s0 - 2 * s1 + s2
        offset = 0.5 * (s0 - s2) / denom if denom else 0.0
        return float(steps[best] + 0.1 * max(-0.5, min(0.5, offset)))
    return float(steps[best])


def _up_down(ys: np.ndarray, xs: np.ndarray, angle: float) -> float:
    """log(ink above the x-height bands / ink below them), summed over all text lines."""
    key = ys + xs * math.tan(math.radians(angle))
    key -= key.min()
    profile = np.bincount(key.astype(np.int64)).astype(np.float64)
    if profile.size < 8:
        return 0.0
    floor = max(1.0, 0.02 * float(profile.max()))
    on = np.concatenate(([False], profile > floor, [False])).astype(np.int8)
    edges = np.diff(on)
    runs = list(zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]))
    heights = [b - a for a, b in runs if b - a >= 4]
    if not heights:
        return 0.0
    typical = float(np.median(heights))
    above = below = 0.0
    for a, b in runs:
        # a run much taller than a text line is lines glued by a seal, a photo or a rule
        if not 0.6 * typical <= b - a <= 1.8 * typical or b - a < 4:
            continue
        seg = profile[a:b]
        core = np.nonzero(seg >= 0.5 * seg.max())[0]
        above += float(seg[:core[0]].sum())
        below += float(seg[core[-1] + 1:].sum())
    if above + below <= 0:
        return 0.0
    return math.log((above + 1.0) / (below + 1.0))
