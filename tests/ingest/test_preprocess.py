"""Page geometry on rendered pages of known skew and rotation (no Tesseract here: fast)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from ingest import preprocess
from samples.render import Block, Degradation, degrade, draw, layout_pages

DPI = 150
TEXT = [
    Block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center"),
    Block("Độc lập - Tự do - Hạnh phúc", "center"),
    Block("BẢN MÔ TẢ SÁNG KIẾN", "title"),
    Block("1. Tên sáng kiến: Ứng dụng bảng tính điện tử trong theo dõi công văn đến tại "
          "Văn phòng Ủy ban nhân dân phường Tân Mỹ."),
    Block("2. Tác giả: Đoàn Thị Mỹ Duyên, chuyên viên văn thư, trình độ cử nhân lưu trữ học."),
    Block("3. Nội dung: trước đây việc vào sổ công văn làm thủ công, mỗi lần tìm lại một văn "
          "bản mất nhiều thời gian; nay mỗi công văn được nhập một dòng với số, ngày, trích yếu "
          "và người xử lý, lọc được theo hạn giải quyết, nhắc việc trước ba ngày."),
    Block("4. Hiệu quả: thời gian tra cứu giảm từ mười lăm phút xuống dưới một phút; không còn "
          "văn bản quá hạn chưa xử lý trong sáu tháng áp dụng thử."),
]


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return draw(layout_pages(TEXT, dpi=DPI)[0])


def spoil(page: Image.Image, **kw: object) -> Image.Image:
    return degrade(page, Degradation(**kw), src_dpi=DPI)  # type: ignore[arg-type]


@pytest.mark.parametrize("skew", [3.0, -3.0, 6.0, -6.0, 9.5])
def test_skew_estimated_within_half_a_degree(page: Image.Image, skew: float) -> None:
    g = preprocess.analyse(spoil(page, skew=skew))
    assert g.rotation == 0
    assert abs(g.skew - skew) <= 0.5


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turned_pages_found_and_turned_back(page: Image.Image, turn: int) -> None:
    g = preprocess.analyse(spoil(page, rotate=turn, skew=2.0))
    assert g.rotation == turn  # render turns counter-clockwise; we turn back clockwise
    assert abs(g.skew - 2.0) <= 0.5
    assert g.certainty > 0.3


def test_upright_page_left_alone(page: Image.Image) -> None:
    g = preprocess.analyse(page)
    assert (g.rotation, g.skew) == (0, 0.0)
    assert preprocess.straighten(page, g) is page  # nothing to do costs nothing


@pytest.mark.parametrize("kind", ["stamp", "photo", "noise"])
def test_degraded_pages_still_measured(page: Image.Image, kind: str) -> None:
    spoilt = {"stamp": {"stamp": True, "rotate": 180}, "photo": {"photo": True, "skew": -2.0},
              "noise": {"noise": 0.03, "blur": 0.8, "skew": 4.0}}[kind]
    g = preprocess.analyse(spoil(page, **spoilt))
    assert g.rotation == spoilt.get("rotate", 0)
    assert abs(g.skew - float(spoilt.get("skew", 0.0))) <= 0.7  # a photo's lines bend a little


def test_blank_and_noise_only_pages_are_blank() -> None:
    blank = Image.new("L", (1240, 1754), 250)
    assert preprocess.analyse(blank).blank
    rng = np.random.default_rng(1)
    grain = Image.fromarray((rng.normal(235, 6, (1754, 1240))).clip(0, 255).astype(np.uint8))
    g = preprocess.analyse(grain)
    assert g.blank and (g.rotation, g.skew) == (0, 0.0)


def test_straighten_keeps_size_dpi_and_bilevel(page: Image.Image) -> None:
    skewed = spoil(page, skew=5.0).convert("1")
    skewed.info["dpi"] = (DPI, DPI)
    g = preprocess.analyse(skewed)
    out = preprocess.straighten(skewed, g)
    assert out.size == skewed.size and out.mode == "1" and out.info["dpi"] == (DPI, DPI)
    assert abs(preprocess.analyse(out).skew) <= 0.3


def test_quarter_turn_swaps_sides(page: Image.Image) -> None:
    turned = spoil(page, rotate=90)
    out = preprocess.straighten(turned, preprocess.analyse(turned))
    assert out.size == page.size
    assert np.mean(np.abs(np.asarray(out, dtype=int) - np.asarray(page, dtype=int))) < 1


def test_switches_off(page: Image.Image) -> None:
    turned = spoil(page, rotate=90, skew=4.0)
    assert preprocess.analyse(turned, orientation=False).rotation == 0
    assert preprocess.analyse(turned, deskew=False).skew == 0.0


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P", "CMYK", "I;16", "I", "F", "1"])
def test_every_mode_becomes_grey_or_bilevel(page: Image.Image, mode: str) -> None:
    src = page.convert("RGB").convert(mode) if mode != "I;16" else page.convert("I").convert(mode)
    grey = preprocess.to_gray(src)
    assert grey.mode in ("L", "1") and grey.size == page.size
    assert preprocess.to_display(src).mode in ("L", "1", "RGB")
    preprocess.analyse(src)  # never raises on odd modes


def test_red_seal_is_light_in_grey() -> None:
    seal = Image.new("RGB", (10, 10), (200, 30, 40))
    assert preprocess.to_gray(seal).getpixel((5, 5)) > 70  # ink stays near 0


def _ruled_with_speckle(density: float) -> tuple[Image.Image, np.ndarray, np.ndarray]:
    """A white page with 1-px rules (a table's grid) and salt-and-pepper dots off the rules."""
    a = np.full((400, 600), 255, dtype=np.uint8)
    rules = np.zeros_like(a, dtype=bool)
    rules[50::60, 20:580] = True  # horizontal rules, 1 px thick
    rules[20:380, 40::90] = True  # vertical rules
    a[rules] = 0
    rng = np.random.default_rng(3)
    dots = (rng.random(a.shape) < density) & ~rules
    dots &= ~np.roll(rules, 1, 0) & ~np.roll(rules, -1, 0) & ~np.roll(rules, 1, 1) & ~np.roll(rules, -1, 1)
    a[dots] = 0
    img = Image.fromarray(a)
    img.info["dpi"] = (240, 240)
    return img, rules, dots


def test_light_speckle_goes_and_thin_rules_stay() -> None:
    img, rules, dots = _ruled_with_speckle(0.001)
    level = preprocess.speckle(img)
    assert preprocess.SPECKLE_LIMIT < level < preprocess.HEAVY_SPECKLE
    out = np.asarray(preprocess.despeckle(img, level))
    lost = rules & (out >= 128)
    ends = rules & (np.pad(rules, 1)[2:, 1:-1].astype(int) + np.pad(rules, 1)[:-2, 1:-1]
                    + np.pad(rules, 1)[1:-1, 2:] + np.pad(rules, 1)[1:-1, :-2] == 1)
    assert not (lost & ~ends).any()  # a rule loses at most its end pixel
    assert (out[dots] < 128).mean() < 0.02  # the lone dots are gone
    assert out.shape == rules.shape and preprocess.despeckle(img, level).info["dpi"] == (240, 240)


def test_a_plain_median_would_have_broken_the_rules() -> None:
    # the reason for the selective filter: the same page through the heavy-speckle path
    img, rules, _ = _ruled_with_speckle(0.001)
    out = np.asarray(preprocess.despeckle(img, 1.0))
    assert (out[rules] < 128).mean() < 0.1


def test_pepper_inside_a_stroke_is_filled() -> None:
    a = np.full((60, 60), 255, dtype=np.uint8)
    a[20:40, 10:50] = 0  # a thick stroke
    a[30, 30] = 255  # one white hole in it
    out = np.asarray(preprocess.despeckle(Image.fromarray(a), 0.001))
    assert out[30, 30] < 128 and (out[20:40, 10:50] < 128).all()
