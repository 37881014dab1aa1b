"""Run queued documents to the end with workers this process starts itself (embedded mode).

``hoso ingest`` registers a batch, puts one Celery message per file on the broker, starts a
``celery worker`` child process on the same broker (both queues: files, and the OCR chunks
of long scans) and watches the database until every file is finished. If the worker dies
(killed, out of memory), the files it left unfinished are queued again and a new worker is
started: work is redone, never dropped (a spread file goes on from the chunks it has). In the
distributed mode the same messages go to Redis and ``hoso worker`` processes on other
machines take them; ``resume`` is what such a worker does first. ``enqueue_reocr`` sends a
request to read pages of a finished file again (``ingest.reocr``) to the "ocr" queue, which
``hoso serve``'s own worker takes as well.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from ingest.progress import document_progress
from ingest.runtime import Runtime
from ingest.tasks import OCR_QUEUE, QUEUE, QUEUES, make_app, time_limits
from models.tables import Batch, Document, Dossier

if TYPE_CHECKING:
    from ingest.reocr import ReocrSettings

Progress = Callable[[int, int], None]
MAX_RESTARTS = 3
TAIL_S = 120.0  # after the last file: how long to wait for its grouping and duplicate checks


@dataclass(frozen=True)
class Plan:
    processes: int
    threads: int  # OCR pages at once inside one process


def plan(cores: int, documents: int) -> Plan:
    """One process per core, but when there are fewer files than cores the spare cores OCR
    pages of the same file in parallel (a 300-page stack scan still uses every core)."""
    processes = max(1, min(cores, documents))
    return Plan(processes, max(1, cores // processes))


def enqueue(rt: Runtime, document_ids: list[int]) -> None:
    rt.settings.home.mkdir(parents=True, exist_ok=True)  # the embedded queue lives there
    app = make_app(rt.settings)
    with app.producer_or_acquire() as producer:
        for doc_id in document_ids:
            app.send_task("hoso.process_document", args=[doc_id], queue=QUEUE, producer=producer)


def enqueue_reocr(rt: Runtime, document_id: int, chunks: Sequence[Sequence[int]],
                  settings: ReocrSettings, request: int | None = None) -> None:
    """One ``hoso.reocr`` message per chunk of pages (``ingest.reocr.plan_reocr``) of a
    request (its "reocr_requested" audit entry, which the chunks' entries close)."""
    rt.settings.home.mkdir(parents=True, exist_ok=True)
    app = make_app(rt.settings)
    with app.producer_or_acquire() as producer:
        for pages in chunks:
            app.send_task("hoso.reocr", args=[document_id, list(pages), settings.as_json(), request],
                          queue=OCR_QUEUE, producer=producer)


@dataclass(frozen=True)
class Resumed:
    queued: int  # unfinished documents put on the queue again
    compared: int  # finished dossiers whose duplicate check was run now
    cleared: int  # chunk folders of finished documents removed


def resume(rt: Runtime, *, compare: bool = True) -> Resumed:
    """What a worker does when it starts: work a killed worker left behind is redone. Every
    unfinished document is queued again (a spread file goes on from the chunks it has; a
    document another worker is reading now gets a second message, which does no harm);
    chunk folders a worker died before removing go; with ``compare``, finished dossiers whose
    duplicate check never ran are checked here (a loose file only once its batch is grouped,
    as the last file of the batch does it)."""
    from ingest.duplicates import check_duplicates, unchecked
    from ingest.jobs import pending_documents

    pending = pending_documents(rt)
    with rt.db.session() as s:
        folders = rt.chunks.documents()
        finished = set(s.scalars(select(Document.id).where(
            Document.id.in_(folders), Document.status.in_(("done", "failed"))))) if folders else set()
    for doc_id in sorted(finished):
        rt.chunks.drop(doc_id)
    enqueue(rt, pending)
    todo: list[int] = []
    if compare and (found := unchecked(rt)):
        with rt.db.session() as s:
            todo = list(s.scalars(select(Dossier.id).join(Batch).where(
                Dossier.id.in_(found), or_(Dossier.formed_by != "file", Batch.grouped.is_(True)))
                .order_by(Dossier.id)))
    for dossier_id in todo:
        check_duplicates(rt, dossier_id)
    return Resumed(len(pending), len(todo), len(finished))


def finished_count(rt: Runtime, document_ids: list[int]) -> int:
    with rt.db.session() as s:
        return s.scalar(select(func.count()).select_from(Document).where(
            Document.id.in_(document_ids), Document.status.in_(("done", "failed")))) or 0


def pages_done(rt: Runtime, document_ids: list[int]) -> int:
    """Pages read so far, chunks of spread files included: what shows a worker is alive."""
    with rt.db.session() as s:
        return sum(done for done, _ in document_progress(s, rt.chunks, document_ids).values())


def start_worker(rt: Runtime, p: Plan) -> subprocess.Popen:
    env = dict(os.environ)
    env.update({
        "HOSO_HOME": str(rt.settings.home.resolve()),
        "HOSO_OCR_THREADS": str(p.threads),
        "HOSO_OCR_CHUNK_PAGES": str(rt.settings.ocr_chunk_pages),
        "OMP_THREAD_LIMIT": "1",
    })
    if rt.settings.database_url:
        env["HOSO_DATABASE_URL"] = rt.settings.database_url
    if rt.settings.broker_url:
        env["HOSO_BROKER_URL"] = rt.settings.broker_url
    cmd = [sys.executable, "-m", "celery", "-A", "ingest.tasks:app", "worker",
           "--pool", "prefork", "--concurrency", str(p.processes), "--queues", ",".join(QUEUES),
           "--without-gossip", "--without-mingle", "--without-heartbeat",
           "--loglevel", "WARNING", "--hostname", f"embedded-{os.getpid()}@%h",
           "--pidfile", str(rt.settings.home / f"worker-{os.getpid()}.pid")]
    log = open(rt.settings.home / "worker.log", "ab")
    return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop_worker(proc: subprocess.Popen, *, idle: bool = False) -> None:
    """Stop a worker started by ``start_worker``. Busy: a warm shutdown (SIGTERM to the main
    process only, which lets its pool finish the tasks in hand; a signal to the whole group
    would kill them mid-task), then SIGKILL after 20 s. Idle (the caller saw every file and
    the work after it done): SIGKILL at once; a warm shutdown of an idle worker takes 4-5 s
    and nothing is left to save (a stray repeated message is redelivered, and is a no-op)."""
    if proc.poll() is not None:
        return
    if not idle:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
            return
        except subprocess.TimeoutExpired:
            pass
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def settled(rt: Runtime, document_ids: list[int]) -> bool:
    """The work after the files is done too: their batches' loose files grouped and every
    finished dossier of those batches checked for duplicates (a check that failed is
    recorded and left to the caller's sweep: ``run_embedded`` waits ``TAIL_S`` at most)."""
    from ingest.duplicates import unchecked

    with rt.db.session() as s:
        batches = set(s.scalars(select(Dossier.batch_id).join(Document)
                                .where(Document.id.in_(document_ids))))
        if s.scalar(select(Batch.id).where(Batch.id.in_(batches), Batch.grouped.is_(False))
                    .limit(1)) is not None:
            return False
        dossiers = list(s.scalars(select(Dossier.id).where(Dossier.batch_id.in_(batches))))
    return not unchecked(rt, dossiers)


def run_embedded(rt: Runtime, document_ids: list[int], *, on_progress: Progress | None = None,
                 poll_s: float = 0.3) -> None:
    """Process ``document_ids`` (and anything left unfinished before) to the end."""
    from ingest.jobs import pending_documents

    todo = sorted(set(document_ids) | set(pending_documents(rt)))
    if finished_count(rt, todo) >= len(todo):  # nothing to do: no worker to start
        if on_progress:
            on_progress(len(todo), len(todo))
        return
    p = plan(rt.settings.worker_count, len(todo))
    enqueue(rt, pending_documents(rt))
    proc = start_worker(rt, p)
    restarts = 0
    idle, tail_since = False, None
    last_seen, last_change = (-1, -1), time.monotonic()
    # no task runs longer than its hard time limit: past that with no file or chunk
    # finishing, the worker is stuck
    stall_s = max(hard for _, hard in time_limits(rt.settings).values()) + 60
    try:
        while True:
            done = finished_count(rt, todo)
            if on_progress:
                on_progress(done, len(todo))
            if done >= len(todo):
                tail_since = tail_since or time.monotonic()
                if settled(rt, todo) or time.monotonic() - tail_since > TAIL_S:
                    idle = True
                    return
            else:
                tail_since = None
            seen = (done, pages_done(rt, todo))
            if seen != last_seen:
                last_seen, last_change = seen, time.monotonic()
            died = proc.poll() is not None
            stalled = time.monotonic() - last_change > stall_s
            if died or stalled:  # queue what is left (tasks are idempotent), start anew
                restarts += 1
                if restarts > MAX_RESTARTS:
                    raise RuntimeError(f"files not finishing after {restarts - 1} restarts; "
                                       f"see {rt.settings.home / 'worker.log'}")
                stop_worker(proc)
                enqueue(rt, pending_documents(rt, None))
                proc = start_worker(rt, p)
                last_change = time.monotonic()
            time.sleep(poll_s)
    finally:
        stop_worker(proc, idle=idle)
