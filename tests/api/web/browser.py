"""What the browser tests need around Playwright: a real ``hoso serve`` prepared through the
command line (accounts, an archive), Debian's Chromium kept off the network, and a ``Tab``
that signs in, takes a full-page screenshot of every page it shows and fails the test on any
JavaScript error.

Screenshots go to ``test-artifacts/browser/`` under the repository root (``$HOSO_TEST_ARTIFACTS``
replaces ``test-artifacts``), named ``<test>-<step>.png``; the server's log goes there too.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = Path(os.environ.get("HOSO_TEST_ARTIFACTS") or REPO / "test-artifacts") / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "mat-khau-du-dai-1"
VIEWPORT = {"width": 1366, "height": 768}  # the office screen of the issue
# login -> (role, name shown on the pages)
PEOPLE = {
    "thuky": ("secretariat", "Lê Thị Thư Ký"),
    "cham1": ("reviewer", "Trần Văn Chấm"),
    "cham2": ("reviewer", "Phạm Thị Đánh Giá"),
    "luutru": ("archivist", "Hoàng Văn Lưu"),
    "quantri": ("admin", "Đỗ Quản Trị"),
}
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--password-store=basic",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",  # only the local server
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
    "CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
]


def fold(text: str) -> str:
    """Lower case, without diacritics, "đ" as "d", spaces collapsed: how search compares words."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hoso(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    """Run ``hoso ARGS`` as an operator would; its standard output."""
    done = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"hoso {' '.join(args)}: {done.stderr}"
    return done.stdout


def server_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "HOSO_HOME": str(home), "HOSO_WORKERS": "2"}
    env.pop("HOSO_DATABASE_URL", None)
    env.pop("HOSO_BROKER_URL", None)
    return env


def add_people(env: dict[str, str]) -> None:
    for login, (role, name) in PEOPLE.items():
        hoso(env, "user", "add", login, "--role", role, "--name", name, "--password-stdin",
             stdin=PASSWORD + "\n")


@dataclass
class Server:
    """``hoso serve`` in the embedded mode, in its own process group."""

    process: subprocess.Popen
    base: str
    log: Path
    archived: dict[str, int] = field(default_factory=dict)  # title -> archive dossier id

    @classmethod
    def start(cls, env: dict[str, str], log: Path) -> Server:
        port = free_port()
        with log.open("wb") as out:
            process = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
                                       cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        server = cls(process, f"http://127.0.0.1:{port}", log)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{server.base}/api/health", timeout=2).status_code == 200:
                    return server
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                server.stop()
                pytest.fail(f"hoso serve did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.log, ARTIFACTS / "serve.log")


def chromium_or_skip():
    """The Playwright ``chromium`` launcher's arguments, or a skip when the browser is absent."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium is not installed ({CHROMIUM}); `make test` installs it "
                    "(apt-get install chromium)")
    return {"executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


class Tab:
    """One signed-in person's page: screenshots per step, JavaScript errors collected.

    Console errors a step expects (the 401 of a wrong password, the 404 of a forbidden
    dossier) are taken back with ``expected_errors``; any other fails ``check``."""

    def __init__(self, browser, base: str, test: str) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, locale="vi-VN",
                                           timezone_id="Asia/Ho_Chi_Minh", accept_downloads=True,
                                           base_url=base)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.set_default_navigation_timeout(30_000)
        self.test = test
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(f"{self.page.url}: {exc}"))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(
            f"{self.page.url}: console: {msg.text} ({msg.location.get('url') or 'no address'})"))

    def shot(self, step: str) -> Path:
        """A full-page screenshot of the page as it is; the page must fit the screen's width
        (no sideways scrolling at 1366 px)."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.test}-{step}.png"
        self.page.evaluate("window.scrollTo(0, 0)")  # a sticky menu stays at the top of the shot
        self.page.screenshot(path=path, full_page=True)
        wide = self.page.evaluate("document.documentElement.scrollWidth")
        assert wide <= VIEWPORT["width"], f"{path.name}: the page is {wide} px wide, wider than the screen"
        return path

    def sign_in(self, login: str, password: str = PASSWORD) -> None:
        page = self.page
        page.goto("/dang-nhap")
        page.get_by_label("Tên đăng nhập").fill(login)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()

    def expected_errors(self, status: int) -> None:
        """Forget the console's note of a response with ``status`` the step asked for."""
        note = re.compile(rf"status of {status}\b")
        self.errors = [e for e in self.errors if not note.search(e)]

    def check(self) -> None:
        assert self.errors == [], "JavaScript errors:\n" + "\n".join(self.errors)

    def close(self) -> None:
        self.context.close()
