"""``hoso serve`` in the embedded mode, as a user starts it: nothing installed beyond the
project, its own worker, an upload read to the end and reported."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.builders import docx_bytes

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_reads_an_upload_to_the_end(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "HOSO_HOME": str(tmp_path / "var"), "HOSO_WORKERS": "1"}
    env.pop("HOSO_DATABASE_URL", None)
    env.pop("HOSO_BROKER_URL", None)
    for args in (["user", "add", "thuky", "--role", "secretariat"], ["user", "token", "thuky"]):
        made = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60)
        assert made.returncode == 0, made.stderr
    auth = {"Authorization": f"Bearer {made.stdout.strip()}"}  # as an operator sets it up
    server = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
                              cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "server did not start"
            time.sleep(0.5)
        files = [("files", ("mo-ta.docx", docx_bytes(["BẢN MÔ TẢ SÁNG KIẾN", "1. Lý do chọn sáng kiến",
                                                      "Nội dung " * 30]))),
                 ("files", ("hong.pdf", b"%PDF-1.7 broken"))]
        assert httpx.get(f"{base}/api/dossiers", timeout=5).status_code == 401
        r = httpx.post(f"{base}/api/batches", files=files, headers=auth, timeout=30)
        assert r.status_code == 202, r.text
        batch = r.json()["batch"]
        deadline = time.monotonic() + 180
        while not (p := httpx.get(f"{base}/api/batches/{batch}", headers=auth,
                                  timeout=5).json())["complete"]:
            assert time.monotonic() < deadline, p
            time.sleep(0.5)
        statuses = {f["path"]: f["status"] for f in p["files"]}
        assert statuses == {"mo-ta.docx": "done", "hong.pdf": "failed"}
        dossier = next(f["dossier"] for f in p["files"] if f["path"] == "mo-ta.docx")
        report = httpx.get(f"{base}/api/dossiers/{dossier}/report", headers=auth, timeout=5).json()
        assert report["status"] == "done" and report["files"][0]["kind"] == "mo_ta"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    left = subprocess.run(["pgrep", "-f", f"embedded-{server.pid}@"], capture_output=True, text=True)
    assert left.stdout == "", "the server's worker outlived it"
