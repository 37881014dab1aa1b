"""The distributed mode on the real engines: PostgreSQL, Redis and ``hoso worker`` processes.

Each test has its own PostgreSQL schema (``pg_url``) and its own Redis database, flushed at
the start, so that no test takes another's messages. Workers run as ``hoso worker
--concurrency 1`` subprocesses, each in a process group of its own (killed as a group).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ingest.intake import collect
from ingest.jobs import register
from ingest.pipeline import process_file
from ingest.runner import enqueue
from ingest.runtime import Runtime
from models.settings import Settings
from models.tables import Document, Dossier, PageRow, ProblemRow, Upload
from samples.render import Block, draw, layout_pages
from tests.builders import docx_bytes, image_pdf, text_pdf, write_tree

pytestmark = [pytest.mark.slow, pytest.mark.services]

REPO = Path(__file__).resolve().parents[2]
CHUNK_PAGES = 2


def _page(text: str, dpi: int = 150):
    return draw(layout_pages([Block(text)], dpi=dpi)[0])


def _png(text: str) -> bytes:
    buf = io.BytesIO()
    _page(text).save(buf, "PNG", dpi=(150, 150))
    return buf.getvalue()


def _stack(pages: int) -> bytes:
    """A scanned PDF of ``pages`` pages, each with its own known sentence."""
    return image_pdf([_page(f"Trang {n}: sáng kiến cải tiến quy trình tiếp nhận hồ sơ tại bộ "
                            f"phận một cửa, bản quét số {n}.") for n in range(1, pages + 1)], 150)


def _broker(redis_url: str, db: int) -> str:
    import redis

    url = f"{redis_url.rsplit('/', 1)[0]}/{db}"
    redis.Redis.from_url(url).flushdb()
    return url


def _env(home: Path, pg_url: str, broker: str) -> dict[str, str]:
    return {**os.environ, "HOSO_HOME": str(home), "HOSO_DATABASE_URL": pg_url,
            "HOSO_BROKER_URL": broker, "HOSO_OCR_CHUNK_PAGES": str(CHUNK_PAGES),
            "OMP_THREAD_LIMIT": "1"}


class Workers:
    """``hoso worker`` subprocesses and their logs."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env, self.logs = env, logs
        self.procs: list[subprocess.Popen] = []
        logs.mkdir(parents=True, exist_ok=True)

    def start(self) -> int:
        n = len(self.procs)
        log = open(self.logs / f"worker-{n}.log", "wb")
        self.procs.append(subprocess.Popen(
            [sys.executable, "-m", "api.cli", "worker", "--concurrency", "1"], cwd=REPO,
            env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        return n

    def log(self, n: int) -> str:
        return (self.logs / f"worker-{n}.log").read_text(errors="replace")

    def wait_ready(self, n: int, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while " ready." not in self.log(n):
            assert self.procs[n].poll() is None, self.log(n)[-3000:]
            assert time.monotonic() < deadline, self.log(n)[-3000:]
            time.sleep(0.2)

    def succeeded(self, n: int) -> list[str]:
        """The tasks worker ``n`` finished, by name, from its log (Celery, INFO)."""
        return re.findall(r"Task (hoso\.\w+)\[[^\]]+\] succeeded", self.log(n))

    def kill(self, n: int) -> None:
        os.killpg(self.procs[n].pid, signal.SIGKILL)
        self.procs[n].wait()

    def stop_all(self) -> None:
        for p in self.procs:  # warm shutdown: the main process lets a running task end
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()


@contextmanager
def workers(env: dict[str, str], logs: Path) -> Iterator[Workers]:
    w = Workers(env, logs)
    try:
        yield w
    finally:
        w.stop_all()


def _wait_finished(rt: Runtime, total: int, timeout_s: float, w: Workers) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        with rt.db.session() as s:
            docs = s.scalar(select(func.count()).select_from(Document).where(
                Document.status.in_(("done", "failed"))))
            busy = s.scalar(select(func.count()).select_from(Dossier).where(
                Dossier.status.in_(("pending", "processing"))))
            unchecked = s.scalar(select(func.count()).select_from(Dossier).where(
                Dossier.duplicates_checked_at.is_(None)))
        if docs >= total and not busy and not unchecked:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"{docs}/{total} files finished after {timeout_s} s; logs:\n" +
                        "\n".join(w.log(n)[-2000:] for n in range(len(w.procs))))
        time.sleep(0.3)


def _runtime(home: Path, pg_url: str, broker: str) -> Runtime:
    return Runtime(Settings(home=home, database_url=pg_url, broker_url=broker,
                            ocr_chunk_pages=CHUNK_PAGES, _env_file=None))


def test_two_workers_share_a_batch_and_a_spread_scan(tmp_path: Path, pg_url: str,
                                                     redis_url: str) -> None:
    broker = _broker(redis_url, 10)
    home = tmp_path / "var"  # the shared storage of both workers
    stack = _stack(8)
    batch = write_tree(tmp_path / "dot", {
        "hs-quet/ho-so-quet.pdf": stack,
        "hs-a/don.pdf": text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Tên sáng kiến: Sổ tay"]]),
        "hs-a/mo-ta.docx": docx_bytes(["BÁO CÁO MÔ TẢ SÁNG KIẾN", "1. Tên sáng kiến: Sổ tay"]),
        "hs-b/anh.png": _png("Giấy xác nhận áp dụng sáng kiến tại trường tiểu học."),
        "hs-c/don.pdf": text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Tên: Vườn rau"]]),
    })
    with workers(_env(home, pg_url, broker), tmp_path / "logs") as w:
        w.start()
        w.start()  # both migrate the empty schema at once, then wait for work
        w.wait_ready(0)
        w.wait_ready(1)
        rt = _runtime(home, pg_url, broker)
        registered = register(rt, collect([batch], rt.limits))
        with rt.db.session() as s:
            doc_ids = list(s.scalars(select(Document.id)))
        enqueue(rt, doc_ids)  # as the API does after an upload
        _wait_finished(rt, len(doc_ids), 80, w)
        done = [w.succeeded(0), w.succeeded(1)]
    assert all(done), f"a worker did nothing: {done}"
    assert sum(t.count("hoso.ocr_pages") for t in done) >= 4  # 8 pages in chunks of 2
    assert sum(t.count("hoso.finish_document") for t in done) >= 1
    with rt.db.session() as s:
        assert {d.status for d in s.scalars(select(Dossier))} == {"done"}
        assert len(registered) == s.scalar(select(func.count()).select_from(Dossier)) == 4
        doc = s.scalars(select(Document).where(Document.name == "ho-so-quet.pdf")).one()
        spread = [(p.number, p.text, p.method, p.confidence) for p in doc.pages]
        problems = sorted((p.page or 0, p.code) for p in
                          s.scalars(select(ProblemRow).where(ProblemRow.document_id == doc.id)))
        assert doc.attempts == 1 and doc.ocr_pages == 8
        assert s.get(Document, doc.id).searchable_sha256 is not None
    one = process_file(stack, doc.path, rt.read_context()).text  # the single-task path
    assert spread == [(p.number, p.text, p.method.value, p.confidence) for p in one.pages]
    assert problems == sorted((p.page or 0, p.code) for p in one.problems)
    assert "bản quét số 8" in " ".join(spread[7][1].split())
    assert not (home / "chunks" / str(doc.id)).exists()


def test_worker_killed_mid_batch_then_another_finishes_it_once(tmp_path: Path, pg_url: str,
                                                               redis_url: str) -> None:
    broker = _broker(redis_url, 11)
    home = tmp_path / "var"
    files = {"hs-0/ho-so-quet.pdf": _stack(6)}
    for i in range(1, 7):
        files[f"hs-{i}/anh-{i}.png"] = _png(f"Trang quét số {i}: sáng kiến cải tiến quy trình "
                                            "tiếp nhận hồ sơ tại bộ phận một cửa của xã.")
    batch = write_tree(tmp_path / "dot", files)
    rt = _runtime(home, pg_url, broker)
    registered = register(rt, collect([batch], rt.limits))
    with rt.db.session() as s:
        doc_ids = list(s.scalars(select(Document.id).order_by(Document.id)))
    enqueue(rt, doc_ids)
    killed_on: int | None = None
    with workers(_env(home, pg_url, broker), tmp_path / "logs") as w:
        w.start()
        deadline = time.monotonic() + 60
        while killed_on is None:
            assert time.monotonic() < deadline, "the worker never got half way: " + w.log(0)[-2000:]
            with rt.db.session() as s:
                rows = s.execute(select(Document.id, Document.status)).all()
            done = [i for i, st in rows if st == "done"]
            running = [i for i, st in rows if st == "running" and rt.chunks.plan(i) is None]
            if done and len(done) < len(rows) and running:
                w.kill(0)  # the whole process group: main process and its pool
                killed_on = running[0]
            time.sleep(0.05)
        with rt.db.session() as s:
            assert s.get(Document, killed_on).status == "running"  # left behind
        w.start()  # finds what is left and does it
        _wait_finished(rt, len(doc_ids), 80, w)
    with rt.db.session() as s:
        dossiers = list(s.scalars(select(Dossier)))
        assert len(dossiers) == len(registered) == 7  # none made twice
        assert {d.status for d in dossiers} == {"done"}
        for doc in s.scalars(select(Document)):
            assert doc.status == "done" and doc.attempts >= 1
            numbers = [p.number for p in doc.pages]
            assert numbers == list(range(1, doc.page_count + 1)), (doc.name, numbers)
        assert s.get(Document, killed_on).attempts == 2  # read by the killed worker, then again
        assert s.scalar(select(func.count()).select_from(PageRow)) == 6 + 6
        uploads = [u.sha256 for u in s.scalars(select(Upload))]
    assert len(uploads) == len(files)
    originals = {hashlib.sha256(data).hexdigest() for data in files.values()}
    assert set(uploads) == originals
    for sha in originals:  # every original byte for byte
        assert hashlib.sha256(rt.store.read(sha)).hexdigest() == sha
    assert rt.chunks.documents() == []
