"""A small world for the web pages' tests: an archived dossier, a new one copying it (a
duplicate warning with confidential text), another new one with a request form and a
scanned page, accounts of every role signed in through the login page."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from PIL import Image, ImageDraw, ImageFont

from api.app import create_app
from ingest.intake import collect
from ingest.jobs import register
from ingest.runtime import Runtime
from models.settings import Settings
from tests.api.people import LOGINS, PASSWORD, accounts
from tests.builders import FONT_DIRS, FONTS, image_pdf, run_all, text_pdf, write_tree
from tests.checks.dup_inputs import FARM, SCHOOL
from tests.fakes import FakeEngine
from tests.ingest.test_duplicates import SECRET, description

OLD, NEW, OTHER = 1, 2, 3  # archive (confidential), submission copying it, a third one
SCAN_LINES = ["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Kính gửi: Hội đồng sáng kiến tỉnh"]


def scanned_page(lines: list[str]) -> bytes:
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    path = next(d / FONTS["serif"] for d in FONT_DIRS if (d / FONTS["serif"]).exists())
    font = ImageFont.truetype(str(path), 34)
    for i, line in enumerate(lines):
        draw.text((120, 160 + 60 * i), line, font=font, fill=0)
    return image_pdf([image], 150)


def build(tmp: Path) -> dict:
    settings = Settings(home=tmp / "var", _env_file=None)
    rt = Runtime(settings, engine=FakeEngine("\n".join(SCAN_LINES), confidence=41.0))
    register(rt, collect([write_tree(tmp / "kho", {"2021-a/mo-ta.docx": description(
        "Dinh dưỡng thủy canh", FARM, secret_section=[SECRET])})], rt.limits), prior=True)
    run_all(rt)
    register(rt, collect([write_tree(tmp / "moi", {
        "b/mo-ta.docx": description("Rau thủy canh", FARM, secret_section=[SECRET]),
        "c/mo-ta.docx": description("Thẻ sơ đồ đoạn thẳng", SCHOOL),
        "c/don.pdf": text_pdf([SCAN_LINES]),
        "c/quet.pdf": scanned_page(SCAN_LINES),
    })], rt.limits), round="2026")
    run_all(rt)
    people = accounts(rt)
    app = create_app(settings)
    return {"rt": rt, "app": app, "people": people, "api": TestClient(app)}


def browser(world: dict, login: str) -> TestClient:
    """A client signed in through the login page, as a person would be (cookie + CSRF)."""
    client = TestClient(world["app"])
    r = client.post("/dang-nhap", data={"login": login, "password": PASSWORD, "next": ""},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    client.headers["X-CSRF-Token"] = client.get("/api/auth/me").json()["csrf_token"]
    return client


__all__ = ["LOGINS", "NEW", "OLD", "OTHER", "browser", "build"]
