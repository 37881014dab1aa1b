"""Celery tasks: thin shells that take IDs and call ``ingest.jobs``.

    queue "hoso"  hoso.process_document(document_id)      read a file (a long scan: plan its
                                                          chunks and send them)
                  hoso.finish_document(document_id)       assemble a spread file from its chunks
                  hoso.check_duplicates(dossier_id)       a dossier's duplicate check again
    queue "ocr"   hoso.ocr_pages(document_id, first, last)   OCR one chunk of a spread file
                  hoso.reocr(document_id, pages, settings, request)
                                                          read pages of a finished file again
                                                          with other settings (``ingest.reocr``,
                                                          one chunk of a request; its last
                                                          sends ``check_duplicates``)

Every worker takes both queues by default (``hoso worker --queues ocr`` gives a machine to
OCR alone). A file with more pages to OCR than ``HOSO_OCR_CHUNK_PAGES`` is spread: its
chunks go to the "ocr" queue, so that a 300-page stack scan is read by every worker process
of every machine; the chunk that completes the set sends ``finish_document``.

Broker: ``HOSO_BROKER_URL`` (``redis://…`` in the distributed mode); by default kombu's
SQLAlchemy transport on a SQLite file under ``HOSO_HOME``, so the embedded mode needs no
server. Messages are JSON; tasks acknowledge late (after the work is saved), a worker takes
one task at a time, and a task whose worker dies is delivered again (``reject_on_worker_lost``
on brokers that support it; the embedded runner and ``hoso worker`` also re-queue documents
left unfinished, see ``ingest.runner``). Every task is idempotent, so a second delivery
does no harm.

Failures: a transient one — a tool crash (``ProcessingFailed``), the database busy or gone
(``OperationalError``), the broker unreachable, a step past its soft time limit — is tried
again after 2, 4, 8 s; the last of ``MAX_RETRIES`` + 1 tries records it on the file (a
chunk: on its pages, as lost pages) instead of raising. Each task type has its own time
limits (``time_limits``): the soft one raises inside the task and is handled as above; the
hard one, a minute later, kills the process for code the soft one cannot reach (the message
is delivered again; a file or chunk started ``jobs.MAX_ATTEMPTS`` times is recorded lost).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeout
from sqlalchemy.exc import OperationalError

from models.errors import HosoError, ProcessingFailed, StepTimeout
from models.settings import Settings

log = logging.getLogger(__name__)

QUEUE = "hoso"
OCR_QUEUE = "ocr"
QUEUES = (QUEUE, OCR_QUEUE)
MAX_RETRIES = 3
BACKOFF_S = 2.0  # first retry after 2 s, then 4, 8
GRACE_S = 60  # hard limit = soft limit + this
FINISH_S = 900  # assembling a file, understanding its dossier, the duplicate check
TRANSIENT = (ProcessingFailed, OperationalError, BrokerError, RedisConnectionError, RedisTimeout,
             SoftTimeLimitExceeded)


def time_limits(settings: Settings) -> dict[str, tuple[float, float]]:
    """(soft, hard) seconds per task. A chunk: every page read twice (the second look the
    other way up) at the OCR time limit. A file read in one task: as many OCR pages as a
    chunk, or a LibreOffice conversion, then what finishing it costs."""
    chunk = 2 * settings.ocr_timeout_s * settings.ocr_chunk_pages + 60
    read = max(chunk, settings.soffice_timeout_s) + FINISH_S
    return {name: (soft, soft + GRACE_S) for name, soft in (
        ("hoso.process_document", read), ("hoso.ocr_pages", chunk),
        ("hoso.finish_document", FINISH_S), ("hoso.reocr", chunk + FINISH_S),
        ("hoso.check_duplicates", FINISH_S))}


# The embedded broker (kombu's SQLAlchemy transport) is polled: an idle worker looks for the
# next message every ``polling_interval`` seconds, 1 s by default, which was a second lost
# between one file and the next (its transport options go to create_engine, so the class
# default is where to set it). Redis pushes messages and is not polled.
EMBEDDED_POLL_S = 0.1


def make_app(settings: Settings) -> Celery:
    if settings.celery_broker_url.startswith("sqla+"):
        from kombu.transport.sqlalchemy import Transport

        Transport.polling_interval = EMBEDDED_POLL_S
    app = Celery("hoso", broker=settings.celery_broker_url, set_as_current=True)
    limits = time_limits(settings)
    longest = max(hard for _, hard in limits.values())
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=QUEUE,
        task_routes={"hoso.ocr_pages": {"queue": OCR_QUEUE}, "hoso.reocr": {"queue": OCR_QUEUE}},
        broker_connection_retry_on_startup=True,
        # kombu's SQLAlchemy transport hands its options to create_engine: Redis only. An
        # unacknowledged message goes back to the queue after this long: longer than any task
        broker_transport_options=(
            {"visibility_timeout": max(3600, 2 * longest)}
            if settings.celery_broker_url.startswith("redis") else {}
        ),
        worker_hijack_root_logger=False,
        worker_max_tasks_per_child=200,
    )
    for name, fn in (("hoso.process_document", _process_document),
                     ("hoso.ocr_pages", _ocr_pages), ("hoso.finish_document", _finish_document),
                     ("hoso.reocr", _reocr), ("hoso.check_duplicates", _check_duplicates)):
        soft, hard = limits[name]
        app.task(bind=True, name=name, max_retries=MAX_RETRIES, soft_time_limit=soft,
                 time_limit=hard)(fn)
    return app


def _process_document(self: Task, document_id: int) -> str:
    from ingest.jobs import fail_document, process_document

    return _run(self, lambda rt, ctx, final, hand: process_document(
        rt, document_id, ctx, final_attempt=final, hand=hand),
        lambda rt, error: fail_document(rt, document_id, error))


def _ocr_pages(self: Task, document_id: int, first: int, last: int) -> str:
    from ingest.jobs import give_up_chunk, ocr_chunk

    return _run(self, lambda rt, ctx, final, hand: ocr_chunk(
        rt, document_id, first, last, ctx, final_attempt=final, hand=hand),
        lambda rt, error: give_up_chunk(rt, document_id, first, last, error,
                                        rt.read_context(), _handoff(self.app, rt.settings)))


def _finish_document(self: Task, document_id: int) -> str:
    from ingest.jobs import fail_document, finish_document

    return _run(self, lambda rt, ctx, final, hand: finish_document(
        rt, document_id, ctx, final_attempt=final, hand=hand),
        lambda rt, error: fail_document(rt, document_id, error))


def _reocr(self: Task, document_id: int, pages: list[int], settings: dict,
           request: int | None = None) -> str:
    from ingest.reocr import give_up_reocr, run_request

    def compare(dossier_id: int) -> None:  # on the "hoso" queue, where the archive index is
        self.app.send_task("hoso.check_duplicates", args=[dossier_id], queue=QUEUE)

    return _run(self, lambda rt, ctx, final, hand: run_request(
        rt, document_id, pages, settings, request, ctx=ctx, compare=compare),
        lambda rt, error: give_up_reocr(rt, document_id, pages, request, error, compare=compare))


def _check_duplicates(self: Task, dossier_id: int) -> str:
    from ingest.duplicates import check_duplicates

    # records its own failure on the dossier: nothing to give up
    return _run(self, lambda rt, ctx, final, hand: f"{len(check_duplicates(rt, dossier_id))} matches",
                lambda rt, error: "failed")


def _run(task: Task, job: Callable, give_up: Callable) -> str:
    """Run a job; retry a transient failure after a growing pause; on the last try, record
    it with ``give_up`` (the file failed, a chunk's pages lost) rather than lose it."""
    rt = _runtime()
    retries = task.request.retries
    final = retries >= MAX_RETRIES
    ctx = rt.read_context(ocr_workers=rt.settings.ocr_threads)
    try:
        return job(rt, ctx, final, _handoff(task.app, rt.settings))
    except TRANSIENT as exc:
        if not final:
            log.warning("%s%s: %s: %s; try %d of %d again shortly", task.name, task.request.args,
                        type(exc).__name__, exc, retries + 2, MAX_RETRIES + 1)
            raise task.retry(exc=exc, countdown=BACKOFF_S * 2 ** retries + random.random()) from exc
        log.error("%s%s failed on its last try: %s: %s", task.name, task.request.args,
                  type(exc).__name__, exc)
        error = exc if isinstance(exc, HosoError) else (
            StepTimeout(f"{task.name} ran past its time limit on every try")
            if isinstance(exc, SoftTimeLimitExceeded)
            else ProcessingFailed(f"{task.name}: {type(exc).__name__}: {exc}"))
        return give_up(rt, error)


def _handoff(app: Celery, settings: Settings):
    from ingest.jobs import Handoff

    def fan_out(document_id: int, ranges: list[tuple[int, int]]) -> None:
        with app.producer_or_acquire() as producer:
            for first, last in ranges:
                app.send_task("hoso.ocr_pages", args=[document_id, first, last],
                              queue=OCR_QUEUE, producer=producer)

    def finish(document_id: int) -> None:
        app.send_task("hoso.finish_document", args=[document_id], queue=QUEUE)

    return Handoff(fan_out=fan_out, finish=finish, chunk_pages=settings.ocr_chunk_pages,
                   interrupts=(SoftTimeLimitExceeded,))


_RUNTIME = None


def _runtime():
    global _RUNTIME
    if _RUNTIME is None:
        from ingest.runtime import Runtime

        _RUNTIME = Runtime(Settings())
    return _RUNTIME


app = make_app(Settings())
