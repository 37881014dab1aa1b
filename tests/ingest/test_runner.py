"""The embedded runner under a crash: the Celery worker is killed with SIGKILL in the middle
of a batch; ``hoso ingest`` queues what was left, starts a new worker, and every file ends
done exactly once."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from ingest.runner import plan
from models.db import Database
from models.settings import Settings
from models.tables import Document, PageRow
from samples.render import Block, draw, layout_pages
from tests.builders import write_tree

REPO = Path(__file__).resolve().parents[2]


def test_plan_uses_every_core() -> None:
    assert plan(16, 100) == plan(16, 16)
    assert (plan(16, 100).processes, plan(16, 100).threads) == (16, 1)
    assert (plan(16, 1).processes, plan(16, 1).threads) == (1, 16)
    assert (plan(2, 1).processes, plan(2, 1).threads) == (1, 2)


def _scan(i: int) -> bytes:
    import io

    img = draw(layout_pages([Block(f"Trang quét số {i}: sáng kiến cải tiến quy trình tiếp "
                                   "nhận hồ sơ tại bộ phận một cửa của xã.")], dpi=200)[0])
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(200, 200))
    return buf.getvalue()


@pytest.mark.slow
def test_worker_killed_mid_batch_work_is_redone_not_lost(tmp_path: Path) -> None:
    batch = write_tree(tmp_path / "dot", {f"hs-{i}/anh-{i}.png": _scan(i) for i in range(8)})
    home = tmp_path / "var"
    env = {**os.environ, "HOSO_HOME": str(home), "HOSO_WORKERS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "ingest", str(batch), "--json"],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    db = None
    killed = False
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None and not killed:
        time.sleep(0.2)
        if not (home / "hoso.sqlite").exists():
            continue
        db = db or Database(Settings(home=home, _env_file=None).db_url)
        try:
            with db.session() as s:
                done = s.scalar(select(func.count()).select_from(Document)
                                .where(Document.status == "done"))
        except OperationalError:  # the file exists but the command is still migrating it
            continue
        pidfiles = list(home.glob("worker-*.pid"))
        if done >= 1 and pidfiles:
            os.kill(int(pidfiles[0].read_text().strip()), signal.SIGKILL)
            killed = True
    assert killed, "the batch finished before the worker could be killed"
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    reports = [json.loads(line) for line in out.splitlines()]
    assert len(reports) == 8 and all(r["status"] == "done" for r in reports)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(PageRow)) == 8  # once each
        assert s.scalar(select(func.max(Document.attempts))) >= 1


@pytest.mark.slow
def test_the_worker_is_stopped_only_after_the_work_that_follows_the_files(tmp_path: Path) -> None:
    """Files finished is not the end: grouping loose files and the duplicate checks run after
    the last one. The runner waits for them, so nothing is left for the caller's sweep."""
    from ingest.duplicates import unchecked
    from ingest.intake import collect
    from ingest.jobs import dossiers_formed, pending_documents, register
    from ingest.runner import run_embedded
    from ingest.runtime import Runtime
    from models.tables import Batch
    from tests.builders import docx_bytes

    rt = Runtime(Settings(home=tmp_path / "var", workers=2, _env_file=None))
    batch = write_tree(tmp_path / "dot", {
        **{f"d{i}/mo-ta.docx": docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", f"Sáng kiến số {i}",
                                          "Nội dung của sáng kiến. " * 20]) for i in range(4)},
        "le-1.docx": docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", "Tên sáng kiến: Sổ tay điện tử"]),
        "le-2.docx": docx_bytes(["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Tên sáng kiến: Sổ tay điện tử"]),
    })
    registered = register(rt, collect([batch], rt.limits))
    run_embedded(rt, pending_documents(rt))
    formed = dossiers_formed(rt, registered)
    assert formed and unchecked(rt, formed) == []
    with rt.db.session() as s:
        assert all(b.grouped for b in s.scalars(select(Batch)))
