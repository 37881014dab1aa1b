"""OCR benchmark: accuracy and speed of hoso's OCR against bare ``tesseract`` on the same pages.

    .venv/bin/python -m bench.ocr [--pages-per-case 4] [--rounds 2] [--workers N]
                                  [--model-dir DIR] [--cases clean,skew3,...]
                                  [--out bench/out/ocr.json] [--keep DIR] [--ablations]

Pages are generated here, not taken from the tests: realistic Vietnamese administrative and
initiative paragraphs drawn from sentence pools with a seeded RNG (all names fictional),
laid out and degraded with ``samples.render``. For each degradation case it reports the
character and word error rates (Levenshtein distance / reference length, on NFC text with
whitespace collapsed) of hoso (``ingest.ocr.ocr_pages``) and of ``tesseract IMG - -l vie``.
Then it times both on every page with the same parallelism — N pages at once, hoso through
``ocr_pages(workers=N)``, bare tesseract as N processes — interleaved batch by batch so that
a noisy neighbour hurts both alike, and reports pages per second (medians) and their ratio.
Both sides start from the same PNG file on disk; hoso's time includes decoding it, and
hoso also writes each page's searchable PDF (its default), which bare tesseract does not.

``--ablations`` instead runs hoso one page at a time with one step changed (deskew off,
despeckling off, bicubic resampling, binarisation, ...) and prints CER per case and CPU
seconds per page of each variant: that table decided which clean-ups ``ingest.preprocess``
does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from unittest.mock import patch

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from bench.machine import cpu_model
from ingest import preprocess
from ingest.ocr import OcrEngine, OcrOptions, OcrResult, TesseractEngine, ocr_pages
from samples.render import Block, Degradation, degrade, draw, layout_pages
from samples.truth import cer, wer

# --------------------------------------------------------------------------- page texts

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mạc"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thuý", "Xuân",
           "Hoài", "Khánh", "Diệu", "Bảo", "Gia"]
GIVEN = ["Hường", "Tuấn", "Lan", "Dũng", "Phượng", "Khoa", "Nhung", "Quyết", "Thắm", "Hiếu",
         "Yến", "Lộc", "Trường", "Nguyệt", "Sơn", "Hạnh", "Tiến", "Loan", "Khải", "Duyên"]
UNITS = ["Trường Tiểu học Hòa Phú", "Trung tâm Y tế huyện Tân Lạc", "Phòng Tài chính - Kế hoạch",
         "Ủy ban nhân dân xã Quỳnh Sơn", "Bệnh viện Đa khoa khu vực Bắc Yên",
         "Trường Trung học cơ sở Nghĩa Đồng", "Chi cục Thủy lợi tỉnh", "Công ty Điện lực Lạc Dương",
         "Văn phòng Đăng ký đất đai chi nhánh Đông Hưng", "Trung tâm Phục vụ hành chính công",
         "Phòng Giáo dục và Đào tạo", "Đội Quản lý thị trường số 4"]
FIELDS = ["cải cách hành chính", "giáo dục tiểu học", "y tế dự phòng", "quản lý tài chính công",
          "chuyển đổi số", "nông nghiệp công nghệ cao", "quản lý đất đai", "an toàn lao động",
          "công tác văn thư, lưu trữ", "kỹ thuật điện"]
ACTIONS = ["số hóa toàn bộ hồ sơ đầu vào", "xây dựng phần mềm theo dõi tiến độ",
           "tổ chức lại quy trình tiếp nhận", "áp dụng bảng kiểm tra hằng ngày",
           "thiết kế sổ tay hướng dẫn nghiệp vụ", "lập nhóm hỗ trợ trực tuyến qua Zalo",
           "chuẩn hóa biểu mẫu báo cáo", "bố trí lịch trực luân phiên",
           "ứng dụng mã QR để tra cứu", "tổ chức sinh hoạt chuyên đề hằng tháng",
           "cải tiến khuôn đúc bằng thép không gỉ", "lắp đặt cảm biến đo mực nước"]
GOALS = ["rút ngắn thời gian giải quyết thủ tục", "nâng cao chất lượng dạy và học",
         "giảm tỷ lệ hồ sơ trễ hạn", "tiết kiệm chi phí văn phòng phẩm",
         "bảo đảm an toàn cho người lao động", "tăng sự hài lòng của người dân",
         "phát hiện sớm các sai sót nghiệp vụ", "giảm tổn thất điện năng",
         "phòng, chống dịch bệnh hiệu quả hơn", "giúp học sinh yếu tiến bộ rõ rệt"]
PROBLEMS = ["hồ sơ được lưu trữ thủ công, khó tra cứu", "người dân phải đi lại nhiều lần",
            "số liệu giữa các bộ phận không thống nhất", "thiết bị thường xuyên hư hỏng",
            "giáo viên mất nhiều thời gian soạn giảng", "việc tổng hợp báo cáo chậm trễ",
            "tỷ lệ học sinh đọc chậm còn cao", "chi phí bảo trì tăng qua từng năm"]
TEMPLATES = [
    "Trước khi có sáng kiến, tại {unit} {problem}, ảnh hưởng trực tiếp đến hiệu quả công việc.",
    "Nhóm tác giả đã {action} nhằm {goal}.",
    "Sáng kiến được áp dụng lần đầu từ ngày {day}/{month}/{year} tại {unit}.",
    "Sau {n} tháng áp dụng, thời gian xử lý trung bình giảm từ {a} ngày xuống còn {b} ngày.",
    "Tổng số tiền làm lợi ước tính khoảng {money} triệu đồng mỗi năm.",
    "Ông (bà) {name}, chức danh {role}, chịu trách nhiệm theo dõi và tổng hợp kết quả.",
    "Giải pháp có thể nhân rộng cho các đơn vị cùng lĩnh vực {field} trong toàn tỉnh.",
    "Căn cứ Quyết định số {num}/QĐ-UBND ngày {day}/{month}/{year} của Ủy ban nhân dân tỉnh.",
    "Điểm mới của sáng kiến là {action}, điều mà trước đây đơn vị chưa thực hiện.",
    "Kết quả khảo sát cho thấy {pct}% cán bộ, viên chức đánh giá giải pháp dễ thực hiện.",
    "Điều kiện cần thiết để áp dụng là có máy tính kết nối mạng và cán bộ được tập huấn.",
    "Qua thực tiễn, {unit} nhận thấy cần tiếp tục {action} để {goal}.",
    "Tỷ lệ hồ sơ trễ hạn giảm từ {pct}% xuống dưới {small}% so với cùng kỳ năm trước.",
    "Những thông tin cần được bảo mật: không có.",
    "Tôi xin cam đoan mọi thông tin nêu trong đơn là trung thực, đúng sự thật.",
]
HEADINGS = ["1. Tên sáng kiến", "2. Lĩnh vực áp dụng", "3. Mô tả bản chất của sáng kiến",
            "a) Tình trạng giải pháp đã biết", "b) Nội dung giải pháp đề nghị công nhận",
            "4. Những điều kiện cần thiết để áp dụng", "5. Đánh giá lợi ích thu được",
            "6. Tính mới, tính sáng tạo", "7. Khả năng áp dụng, nhân rộng"]
ROLES = ["giáo viên", "chuyên viên", "kế toán", "điều dưỡng trưởng", "kỹ sư", "phó trưởng phòng"]


def fictional_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"


def sentence(rng: random.Random) -> str:
    a = rng.randint(5, 15)
    return rng.choice(TEMPLATES).format(
        unit=rng.choice(UNITS), problem=rng.choice(PROBLEMS), action=rng.choice(ACTIONS),
        goal=rng.choice(GOALS), field=rng.choice(FIELDS), name=fictional_name(rng),
        role=rng.choice(ROLES), day=rng.randint(1, 28), month=rng.randint(1, 12),
        year=rng.randint(2019, 2025), n=rng.randint(3, 18), a=a, b=rng.randint(1, a - 1),
        money=rng.randint(12, 480), num=rng.randint(101, 2999), pct=rng.randint(12, 95),
        small=rng.randint(1, 9))


def page_blocks(seed: int) -> list[Block]:
    """About one A4 page of a dossier: national header, a title, headed paragraphs."""
    rng = random.Random(seed)
    blocks = [Block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center"),
              Block("Độc lập - Tự do - Hạnh phúc", "center"),
              Block(rng.choice(["BÁO CÁO MÔ TẢ SÁNG KIẾN", "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN",
                                "THUYẾT MINH SÁNG KIẾN"]), "title"),
              Block(f"Kính gửi: Hội đồng sáng kiến {rng.choice(UNITS)}")]
    for heading in rng.sample(HEADINGS, 4):
        blocks.append(Block(heading, "heading"))
        blocks.append(Block(" ".join(sentence(rng) for _ in range(rng.randint(3, 5)))))
    return blocks


# --------------------------------------------------------------------------- cases

CASES: dict[str, Degradation] = {
    "clean": Degradation(),
    "noisy": Degradation(noise=0.02, blur=0.6),
    "skew3": Degradation(skew=3.0),
    "skew6": Degradation(skew=-6.0),
    "rot90": Degradation(rotate=90),
    "rot180": Degradation(rotate=180, skew=1.5),
    "dpi200": Degradation(dpi=200),
    "stamp": Degradation(stamp=True),
    "blur_jpeg": Degradation(blur=1.0, jpeg_quality=45),
    "photo": Degradation(photo=True, skew=2.0),
    "lowres": Degradation(dpi=150, blur=0.5, jpeg_quality=50),  # a cheap scan, e-mailed
}

UPRIGHT = ("clean", "noisy", "dpi200", "stamp", "blur_jpeg", "lowres")


@dataclass
class BenchPage:
    case: str
    seed: int
    path: Path
    truth: str


def make_pages(cases: Sequence[str], per_case: int, folder: Path, base_seed: int = 7000,
               dpi: int = 300, kinds: Mapping[str, Degradation] = CASES) -> list[BenchPage]:
    """Render ``per_case`` pages per case, each from its own text, saved as PNG with DPI."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for ci, case in enumerate(cases):
        for k in range(per_case):
            seed = base_seed + 100 * ci + k
            layout = layout_pages(page_blocks(seed), dpi=dpi)[0]  # first page only: ~1 page
            deg = kinds[case]
            img = degrade(draw(layout), Degradation(**{**asdict(deg), "seed": seed}), src_dpi=dpi)
            out_dpi = deg.dpi or dpi
            path = folder / f"{case}-{k}.png"
            img.save(path, dpi=(out_dpi, out_dpi))
            out.append(BenchPage(case, seed, path, layout.text))
    return out


# --------------------------------------------------------------------------- metrics

# CER/WER: samples.truth (NFC, whitespace collapsed, Levenshtein over the reference length)


# --------------------------------------------------------------------------- engines

def bare_tesseract(path: Path, model_dir: str | None, timeout: float = 300) -> str:
    """``tesseract IMG - -l vie``, one thread, as a user would run it."""
    cmd = ["tesseract", str(path), "-", "-l", "vie"]
    if model_dir:
        cmd += ["--tessdata-dir", model_dir]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(cmd, capture_output=True, env=env, timeout=timeout, check=True)
    return done.stdout.decode("utf-8")


def load(path: Path) -> Image.Image:
    img = Image.open(path)
    img.load()
    return img


def hoso_pages(paths: Sequence[Path], options: OcrOptions, engine: OcrEngine) -> list[str]:
    """hoso from the same files: decode, then ``ocr_pages`` with ``options.workers``."""
    results = ocr_pages(((i + 1, load(p)) for i, p in enumerate(paths)),
                        engine=engine, options=options)
    return [r.page.text for r in results]


def bare_pages(paths: Sequence[Path], model_dir: str | None, workers: int) -> list[str]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda p: bare_tesseract(p, model_dir), paths))


def cpu_seconds() -> float:
    """CPU time of this process (all threads) and of its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(fn: Callable[[], list[str]]) -> tuple[list[str], float, float]:
    """(result, wall seconds, CPU seconds)."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0, cpu_seconds() - c0


# --------------------------------------------------------------------------- run

@dataclass
class Timing:
    case: str
    pages: int
    hoso_wall: float
    bare_wall: float
    hoso_cpu: float
    bare_cpu: float


@dataclass
class Report:
    machine: dict[str, str]
    model_dir: str | None
    workers: int
    pages_per_case: int
    rounds: int
    accuracy: dict[str, dict[str, float]] = field(default_factory=dict)
    speed: dict[str, dict[str, float]] = field(default_factory=dict)
    pages: list[dict[str, object]] = field(default_factory=list)


def machine() -> dict[str, str]:
    cpu = cpu_model()
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True,
                             check=False)
    load1 = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"cpu": cpu, "cores": str(os.cpu_count()),
            "tesseract": (version.stdout or version.stderr).splitlines()[0],
            "python": sys.version.split()[0], "load_at_start": f"{load1:.1f}"}


def run(cases: Sequence[str], per_case: int, workers: int, model_dir: str | None,
        rounds: int, folder: Path) -> Report:
    pages = make_pages(cases, per_case, folder)
    options = OcrOptions(tessdata_dir=model_dir, workers=workers)
    engine = TesseractEngine()
    report = Report(machine(), model_dir, workers, per_case, rounds)
    timings: list[Timing] = []
    texts: dict[str, dict[Path, str]] = {"hoso": {}, "bare": {}}
    # batches of `workers` pages of one case; the engines alternate batch by batch (and
    # who goes first alternates too) so that load from other jobs falls on both alike
    batches = [[p for p in pages if p.case == c][i:i + workers]
               for c in cases for i in range(0, per_case, workers)]
    for r in range(rounds):
        for b, batch in enumerate(batches):
            paths = [p.path for p in batch]
            got: dict[str, tuple[list[str], float, float]] = {}
            runs = {"hoso": partial(hoso_pages, paths, options, engine),
                    "bare": partial(bare_pages, paths, model_dir, workers)}
            for who in (("hoso", "bare") if (b + r) % 2 == 0 else ("bare", "hoso")):
                got[who] = measure(runs[who])
                if r == 0:
                    texts[who].update(zip(paths, got[who][0]))
            timings.append(Timing(batch[0].case, len(batch), got["hoso"][1], got["bare"][1],
                                  got["hoso"][2], got["bare"][2]))
    groups = {c: [c] for c in cases} | {"overall": list(cases)}
    for name, cs in groups.items():
        mine = [p for p in pages if p.case in cs]
        report.accuracy[name] = {
            f"{who}_{m.__name__}": statistics.fmean(m(p.truth, texts[who][p.path]) for p in mine)
            for who in ("hoso", "bare") for m in (cer, wer)}
    report.speed = speed(timings, cases)
    report.pages = [{"case": p.case, "seed": p.seed,
                     "hoso_cer": round(cer(p.truth, texts["hoso"][p.path]), 4),
                     "bare_cer": round(cer(p.truth, texts["bare"][p.path]), 4)} for p in pages]
    return report


def speed(timings: Sequence[Timing], cases: Sequence[str]) -> dict[str, dict[str, float]]:
    """Pages per second and hoso/bare ratios, per case and pooled.

    pages/s = pages of a batch / its wall time, median over batches. The ratio is the median
    of paired ratios (each batch timed for both engines back to back), by wall time and by
    CPU time; CPU time is steadier when other jobs share the machine. "upright" pools the
    cases where bare tesseract does the same work as hoso: on turned or strongly skewed
    pages it often finds no text at all ("Empty page!!") and is fast for it.
    """
    groups = {c: [c] for c in cases}
    groups["upright"] = [c for c in cases if c in UPRIGHT]
    groups["all"] = list(cases)
    out = {}
    for name, cs in groups.items():
        ts = [t for t in timings if t.case in cs]
        if not ts:
            continue
        out[name] = {
            "hoso_pps": round(statistics.median(t.pages / t.hoso_wall for t in ts), 3),
            "bare_pps": round(statistics.median(t.pages / t.bare_wall for t in ts), 3),
            "ratio_wall": round(statistics.median(t.bare_wall / t.hoso_wall for t in ts), 3),
            "ratio_cpu": round(statistics.median(t.bare_cpu / t.hoso_cpu for t in ts), 3),
            "batches": len(ts),
        }
    return out


def table(report: Report) -> str:
    rows = ["| case | hoso CER % | bare CER % | hoso WER % | bare WER % |",
            "|---|---:|---:|---:|---:|"]
    for case, m in report.accuracy.items():
        name = f"**{case}**" if case == "overall" else case
        rows.append(f"| {name} | {m['hoso_cer']*100:.2f} | {m['bare_cer']*100:.2f} | "
                    f"{m['hoso_wer']*100:.2f} | {m['bare_wer']*100:.2f} |")
    rows += ["", (f"| pages ({report.workers} at once) | hoso pages/s | bare pages/s | "
                  "ratio (wall) | ratio (CPU) |"), "|---|---:|---:|---:|---:|"]
    for name, s in report.speed.items():
        b = "**" if name in ("upright", "all") else ""
        rows.append(f"| {b}{name}{b} | {s['hoso_pps']:.3f} | {s['bare_pps']:.3f} | "
                    f"{b}{s['ratio_wall']:.2f}{b} | {s['ratio_cpu']:.2f} |")
    m = report.machine
    rows += ["", (f"Machine: {m['cpu']}, {m['cores']} cores (load {m['load_at_start']} at "
                  f"start); {m['tesseract']}; Python {m['python']}; model: "
                  f"{report.model_dir or 'tesseract default'}; {report.pages_per_case} pages "
                  f"per case, {report.rounds} timing rounds.")]
    return "\n".join(rows)


# --------------------------------------------------------------------------- ablations

class Cleanup:
    """An engine that spoils or cleans the upright page before the real engine reads it."""

    def __init__(self, inner: OcrEngine, fn: Callable[[Image.Image], Image.Image]) -> None:
        self.inner, self.fn = inner, fn

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        cleaned = self.fn(image)
        cleaned.info["dpi"] = image.info.get("dpi", (300, 300))
        return self.inner.recognize(cleaned, options=options, want_pdf=want_pdf)


def _otsu_bilevel(img: Image.Image) -> Image.Image:
    grey = preprocess.to_gray(img)
    if grey.mode == "1":
        return grey
    t = preprocess._otsu(np.asarray(grey))
    return grey.point(lambda v: 255 if v >= t else 0).convert("1")


def _median3(img: Image.Image) -> Image.Image:
    return preprocess.to_gray(img).filter(ImageFilter.MedianFilter(3))


def _red_out(img: Image.Image) -> Image.Image:
    """Colour pages: each pixel's brightest channel, so red seals and blue ink drop out."""
    if img.mode != "RGB":
        return img
    return Image.fromarray(np.asarray(img).max(axis=2), "L")


def _autocontrast(img: Image.Image) -> Image.Image:
    return ImageOps.autocontrast(preprocess.to_gray(img), cutoff=1)


Variant = tuple[OcrEngine, OcrOptions, dict[str, object]]


def variants(model_dir: str | None) -> dict[str, Variant]:
    """hoso as shipped, and with one thing changed: an option, an engine setting, a clean-up
    wrapped around the engine, or a ``preprocess`` constant set for that variant only."""
    base = OcrOptions(tessdata_dir=model_dir, workers=1, searchable_pdf=True)
    real = TesseractEngine()
    return {
        "hoso": (real, base, {}),
        "no deskew": (real, replace(base, deskew=False), {}),
        "no orientation": (real, replace(base, orientation=False), {}),
        "no despeckle": (real, base, {"SPECKLE_LIMIT": 1.0}),
        "no searchable PDF": (real, replace(base, searchable_pdf=False), {}),
        "bicubic deskew": (real, base, {"RESAMPLE": Image.Resampling.BICUBIC}),
        "tessedit_do_invert=0": (TesseractEngine(config=("-c", "tessedit_do_invert=0")), base,
                                 {}),
        "+ Otsu bilevel": (Cleanup(real, _otsu_bilevel), base, {}),
        "+ median 3x3 always": (Cleanup(real, _median3), base, {}),
        "+ red/blue ink out": (Cleanup(real, _red_out), base, {}),
        "+ autocontrast": (Cleanup(real, _autocontrast), base, {}),
    }


def ablate(cases: Sequence[str], per_case: int, model_dir: str | None, folder: Path) -> str:
    """CER and CPU seconds per page of hoso with one thing changed at a time (1 worker)."""
    pages = make_pages(cases, per_case, folder, base_seed=8000)
    vs = variants(model_dir)
    cers: dict[str, dict[str, list[float]]] = {v: {c: [] for c in cases} for v in vs}
    cpus: dict[str, list[float]] = {v: [] for v in vs}
    for page in pages:  # variants interleaved page by page
        for name, (engine, options, constants) in vs.items():
            with ExitStack() as stack:
                for key, value in constants.items():
                    stack.enter_context(patch.object(preprocess, key, value))
                c0 = cpu_seconds()
                result = ocr_pages([(1, load(page.path))], engine=engine, options=options)[0]
                cpus[name].append(cpu_seconds() - c0)
            cers[name][page.case].append(cer(page.truth, result.page.text))
    rows = ["| variant | " + " | ".join(f"{c} CER %" for c in cases) + " | CPU s/page |",
            "|---|" + "---:|" * (len(cases) + 1)]
    for name in vs:
        cells = " | ".join(f"{statistics.fmean(cers[name][c]) * 100:.2f}" for c in cases)
        rows.append(f"| {name} | {cells} | {statistics.median(cpus[name]):.2f} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages-per-case", type=int, default=4)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--model-dir", default=None, help="tessdata folder with vie.traineddata")
    ap.add_argument("--cases", default=",".join(CASES), help="comma-separated subset")
    ap.add_argument("--rounds", type=int, default=2, help="timing rounds over all pages")
    ap.add_argument("--out", default=None, help="write the report as JSON here")
    ap.add_argument("--keep", default=None, help="keep the generated pages in this folder")
    ap.add_argument("--ablations", action="store_true",
                    help="instead: hoso with one preprocessing step changed at a time")
    args = ap.parse_args(argv)
    cases = [c for c in args.cases.split(",") if c]
    unknown = set(cases) - set(CASES)
    if unknown:
        ap.error(f"unknown cases: {', '.join(sorted(unknown))}")
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hoso-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if args.ablations:
            print(ablate(cases, args.pages_per_case, args.model_dir, folder))
            return 0
        report = run(cases, args.pages_per_case, args.workers, args.model_dir, args.rounds,
                     folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(table(report))
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
