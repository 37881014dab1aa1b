"""A round of three submissions beside one archived dossier, for the review and letter tests:
one copies the archive (a duplicate warning), one is a different topic, one is thin (missing
parts). Ids: the archive 1, then 2, 3, 4 in that order."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from ingest.intake import collect
from ingest.jobs import register
from ingest.runtime import Runtime
from models.settings import Settings
from tests.api.people import accounts
from tests.builders import docx_bytes, run_all, write_tree
from tests.checks.dup_inputs import FARM, SCHOOL, TITLE
from tests.fakes import FakeEngine
from tests.ingest.test_duplicates import description


def round_world(settings: Settings, tmp_path: Path) -> tuple[TestClient, dict[str, dict]]:
    """The app over that round and the accounts of every role (``tests.api.people``)."""
    rt = Runtime(settings, engine=FakeEngine())
    register(rt, collect([write_tree(tmp_path / "kho", {"a/mo-ta.docx": description(TITLE, SCHOOL)})],
                         rt.limits), prior=True)
    run_all(rt)
    register(rt, collect([write_tree(tmp_path / "dot", {
        "b/mo-ta.docx": description("Thẻ sơ đồ trong dạy toán", SCHOOL),  # copies the archive
        "c/mo-ta.docx": description("Tưới nhỏ giọt cho rau", FARM),
        "d/mo-ta.docx": docx_bytes(["BÁO CÁO MÔ TẢ SÁNG KIẾN", "Tên sáng kiến: Sổ tay", "Ngắn."]),
    })], rt.limits), round="2026")
    run_all(rt)
    return TestClient(create_app(settings)), accounts(rt)
