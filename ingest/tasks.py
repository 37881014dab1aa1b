"""Celery tasks: thin shells that take IDs and call ``ingest.jobs``.

Broker: ``HOSO_BROKER_URL`` (``redis://…`` in the distributed mode); by default kombu's
SQLAlchemy transport on a SQLite file under ``HOSO_HOME``, so the embedded mode needs no
server. Messages are JSON; tasks acknowledge late (after the work is saved), a worker takes
one task at a time, and a task whose worker dies is delivered again (``reject_on_worker_lost``
on brokers that support it; the embedded runner and ``hoso worker`` also re-queue documents
left unfinished, see ``ingest.runner``). Every task is idempotent, so a second delivery
does no harm.
"""

from __future__ import annotations

import logging

from celery import Celery, Task
from sqlalchemy.exc import OperationalError

from models.errors import ProcessingFailed
from models.settings import Settings

log = logging.getLogger(__name__)

QUEUE = "hoso"
MAX_RETRIES = 2


def make_app(settings: Settings) -> Celery:
    app = Celery("hoso", broker=settings.celery_broker_url, set_as_current=True)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=QUEUE,
        broker_connection_retry_on_startup=True,
        # kombu's SQLAlchemy transport hands its options to create_engine: Redis only
        broker_transport_options=(
            {"visibility_timeout": 3600} if settings.celery_broker_url.startswith("redis") else {}
        ),
        worker_hijack_root_logger=False,
        worker_max_tasks_per_child=200,
        task_soft_time_limit=None,
    )
    app.task(bind=True, name="hoso.process_document", max_retries=MAX_RETRIES)(_process_document)
    return app


def _process_document(self: Task, document_id: int) -> str:
    from ingest.jobs import process_document

    rt = _runtime()
    ctx = rt.read_context(ocr_workers=rt.settings.ocr_threads)
    try:
        return process_document(rt, document_id, ctx,
                                final_attempt=self.request.retries >= MAX_RETRIES)
    except (ProcessingFailed, OperationalError) as exc:  # tool failure, database busy
        raise self.retry(exc=exc, countdown=2 * 2 ** self.request.retries) from exc


_RUNTIME = None


def _runtime():
    global _RUNTIME
    if _RUNTIME is None:
        from ingest.runtime import Runtime

        _RUNTIME = Runtime(Settings())
    return _RUNTIME


app = make_app(Settings())
