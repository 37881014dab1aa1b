"""Every setting is documented in the README (as Datasette does for its settings), and the
embedded defaults need no server."""

from pathlib import Path

from models.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"HOSO_{name.upper()}" not in text]
    assert missing == [], f"settings missing from README.md: {missing}"


def test_embedded_defaults(tmp_path) -> None:
    s = Settings(home=tmp_path, _env_file=None)
    assert s.db_url.startswith("sqlite:///") and str(tmp_path) in s.db_url
    assert s.celery_broker_url.startswith("sqla+sqlite:///")
    assert s.worker_count >= 1


def test_environment_prefix(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOSO_HOME", str(tmp_path))
    monkeypatch.setenv("HOSO_BROKER_URL", "redis://127.0.0.1:6379/0")
    s = Settings(_env_file=None)
    assert s.home == tmp_path and s.celery_broker_url == "redis://127.0.0.1:6379/0"
