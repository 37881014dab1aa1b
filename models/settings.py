"""The one settings object. Nothing else in hoso reads ``os.environ``.

Every value can be set with an environment variable prefixed ``HOSO_`` (``HOSO_HOME``,
``HOSO_DATABASE_URL``, ``HOSO_BROKER_URL`` …) or in a ``.env`` file.
Embedded mode needs none of them: the defaults put a SQLite database, the file store and
the broker queue under ``./var``.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOSO_", env_file=".env", extra="ignore")

    home: Path = Field(Path("var"), description="data folder: database, file store, queue")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default SQLite in home")
    broker_url: str | None = Field(
        None, description="Celery broker; default kombu's SQLAlchemy transport on SQLite in home"
    )
    workers: int = Field(0, description="worker processes (0 = one per CPU core)")
    ocr_threads: int = Field(1, description="pages of one file OCR'd at once by one worker")
    ocr_chunk_pages: int = Field(
        4, ge=1, description="pages to OCR per task: a file with more is spread over the workers "
                             "in chunks of this many pages (queue 'ocr')"
    )
    ocr_lang: str = "vie"
    tessdata_dir: Path | None = Field(
        None, description="folder holding the vie model chosen by the benchmark (make installs it)"
    )
    ocr_timeout_s: float = 180.0
    ocr_low_confidence: float = 70.0
    soffice_timeout_s: float = 180.0
    profiles_dir: Path | None = Field(
        None, description="folder of extra rule profiles (*.toml) added by an admin"
    )
    default_profile: str | None = Field(
        "bao-cao-mo-ta", description="profile used when none is given and none is detected"
    )
    max_file_bytes: int = 512 * 1024 * 1024
    max_upload_files: int = Field(2000, description="files in one upload request")
    secure_cookies: bool = Field(
        False, description="send the session cookie over HTTPS only (set behind a TLS proxy)"
    )
    host: str = Field("127.0.0.1", description="address `hoso serve` listens on")
    max_pages: int = 2000
    max_image_pixels: int = 200_000_000
    zip_max_entries: int = 5000
    zip_max_total_bytes: int = 2 * 1024 * 1024 * 1024
    zip_max_ratio: float = 200.0
    zip_max_depth: int = 3
    org_parent: str = Field("UBND TỈNH HÒA BÌNH", description="the body above the Department, "
                            "first line of a letter's header (upper case)")
    org_name: str = Field("SỞ KHOA HỌC VÀ CÔNG NGHỆ", description="the Department issuing the "
                          "council's letters, second line of their header")
    org_place: str = Field("Hòa Bình", description="place written before a letter's date")
    supplement_days: int = Field(10, ge=1, le=365, description="working days a unit has to supplement "
                                 "a dossier when the decision asking for it names no deadline")

    @property
    def store_dir(self) -> Path:
        return self.home / "store"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.home / 'hoso.sqlite').resolve()}"

    @property
    def celery_broker_url(self) -> str:
        return self.broker_url or f"sqla+sqlite:///{(self.home / 'queue.sqlite').resolve()}"

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1

    @property
    def model_dir(self) -> Path | None:
        """The tessdata folder to use: the configured one, else ``.models/tessdata`` if make
        installed a model there, else Tesseract's own."""
        if self.tessdata_dir:
            return self.tessdata_dir
        local = Path(__file__).resolve().parent.parent / ".models" / "tessdata"
        return local if (local / f"{self.ocr_lang}.traineddata").exists() else None
