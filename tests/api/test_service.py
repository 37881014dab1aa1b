"""The web node in the distributed mode, against the real PostgreSQL and Redis: 50 uploads at
once, all accepted or refused with a clear error and none lost; a web node killed in the middle
of an upload loses none of the uploads it had accepted."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from api.auth import create_user, issue_token
from ingest.runtime import Runtime
from models.settings import Settings
from models.tables import Batch, Document, Upload
from tests.builders import docx_bytes

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.services]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def node(tmp_path: Path, pg_url: str, redis_url: str):
    """Environment of one distributed deployment, an admin token, and a way to start pieces."""
    import redis

    broker = redis_url.rsplit("/", 1)[0] + "/13"
    redis.Redis.from_url(broker).flushdb()
    env = {**os.environ, "HOSO_HOME": str(tmp_path / "var"), "HOSO_DATABASE_URL": pg_url,
           "HOSO_BROKER_URL": broker, "HOSO_WORKERS": "1"}
    rt = Runtime(Settings(home=tmp_path / "var", database_url=pg_url, broker_url=broker,
                          _env_file=None))
    with rt.db.session() as s:
        _, token = issue_token(s, create_user(s, "thuky", "secretariat", "mat-khau-thu-ky"))
    procs: list[subprocess.Popen] = []

    def start(*args: str) -> subprocess.Popen:
        p = subprocess.Popen([sys.executable, "-m", "api.cli", *args], cwd=REPO, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        procs.append(p)
        return p

    yield {"rt": rt, "headers": {"Authorization": f"Bearer {token}"}, "start": start}
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def _serve(node, port: int) -> subprocess.Popen:
    server = node["start"]("serve", "--no-workers", "--port", str(port))
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline and server.poll() is None, "server did not start"
        time.sleep(0.3)


def _wait_done(rt: Runtime, total: int, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        with rt.db.session() as s:
            done = s.scalar(select(func.count()).select_from(Document)
                            .where(Document.status.in_(("done", "failed")))) or 0
        if done >= total:
            return
        assert time.monotonic() < deadline, f"{done} of {total} files finished"
        time.sleep(0.5)


def _stored(rt: Runtime, sha: str, data: bytes) -> bool:
    return rt.store.read(sha) == data and hashlib.sha256(data).hexdigest() == sha


def test_fifty_uploads_at_once_none_lost(node) -> None:
    port = _free_port()
    _serve(node, port)
    base = f"http://127.0.0.1:{port}"
    # 45 different files, and 5 uploads of the very same bytes (one blob, five uploads)
    payloads = [docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", f"Sáng kiến số {i}", "Nội dung. " * 40])
                for i in range(45)]
    payloads += [docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", "Cùng một tệp", "Nội dung. " * 40])] * 5

    def upload(i: int) -> tuple[int, httpx.Response]:
        files = [("files", (f"don-vi-{i}.docx", payloads[i]))]
        return i, httpx.post(f"{base}/api/batches", files=files, data={"round": "2026"},
                             headers=node["headers"], timeout=120)

    with ThreadPoolExecutor(50) as pool:
        answers = list(pool.map(upload, range(50)))
    accepted = {}
    for i, r in answers:
        if r.status_code == 202:
            accepted[i] = r.json()["batch"]
        else:  # refused: with the one error shape, and a reason a person can read
            assert r.status_code in (413, 429, 503), r.text
            assert r.json()["error"]["code"] and r.json()["error"]["message"]
    assert len(accepted) == 50  # nothing here is a reason to refuse
    rt = node["rt"]
    with rt.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Batch)) == 50
        for i, batch in accepted.items():
            [up] = s.scalars(select(Upload).where(Upload.batch_id == batch)).all()
            assert up.name == f"don-vi-{i}.docx" and _stored(rt, up.sha256, payloads[i])
    node["start"]("worker", "--concurrency", "2")
    _wait_done(rt, 46, timeout_s=240)  # 45 dossiers + the 5 copies, registered once
    with rt.db.session() as s:
        statuses = s.scalars(select(Document.status)).all()
    assert len(statuses) == 46 and set(statuses) == {"done"}


def _slow_upload(port: int, headers: dict, sent: list[int]) -> None:
    """Start a multipart upload of ~8 MB and send it slowly, until the server goes away."""
    boundary = "hosoboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
            f"filename=\"lon.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    total = len(head) + 8_000_000 + len(f"\r\n--{boundary}--\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall((f"POST /api/batches HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      f"Authorization: {headers['Authorization']}\r\n"
                      f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                      f"Content-Length: {total}\r\n\r\n").encode() + head + b"%PDF-1.7\n")
        try:
            for _ in range(8000):
                sock.sendall(b"0" * 1000)
                sent[0] += 1000
                time.sleep(0.002)
        except OSError:
            return  # the server died under us: this upload was never accepted


def test_a_web_node_killed_mid_upload_loses_nothing_it_accepted(node) -> None:
    import threading

    port = _free_port()
    server = _serve(node, port)
    base = f"http://127.0.0.1:{port}"
    files = {f"tep-{i}.docx": docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", f"Sáng kiến {i}", "Nội dung. " * 30])
             for i in range(3)}
    r = httpx.post(f"{base}/api/batches", headers=node["headers"], timeout=60,
                   files=[("files", (name, data)) for name, data in files.items()])
    assert r.status_code == 202, r.text
    sent = [0]
    slow = threading.Thread(target=_slow_upload, args=(port, node["headers"], sent))
    slow.start()
    while sent[0] < 500_000:  # well into the second upload
        time.sleep(0.05)
    os.killpg(server.pid, signal.SIGKILL)  # the node dies: no shutdown, no clean-up
    server.wait()
    slow.join(timeout=60)
    _serve(node, port)  # back up
    rt = node["rt"]
    with rt.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Batch)) == 1  # the cut upload: none
        ups = s.scalars(select(Upload)).all()
        assert {u.name for u in ups} == set(files)
        assert all(_stored(rt, u.sha256, files[u.name]) for u in ups)
    node["start"]("worker", "--concurrency", "1")
    _wait_done(rt, 3, timeout_s=120)
    got = httpx.get(f"{base}/api/batches/{r.json()['batch']}", headers=node["headers"]).json()
    assert got["complete"] and {f["status"] for f in got["files"]} == {"done"}
