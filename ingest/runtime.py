"""What a running hoso process holds: settings, database, file store, OCR engine.

Built once per process (CLI command, worker, web app) from the settings and passed down;
stages never reach for it, only the orchestration code (``ingest.jobs``) does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from checks.profiles import Profile, load_profiles
from ingest.chunks import ChunkStore
from ingest.intake import Limits
from ingest.ocr import OcrEngine, OcrOptions, TesseractEngine
from ingest.readers import ReadContext
from models.db import Database
from models.settings import Settings
from models.storage import FileStore


@dataclass
class Runtime:
    settings: Settings
    engine: OcrEngine = field(default_factory=TesseractEngine)

    @cached_property
    def db(self) -> Database:
        db = Database(self.settings.db_url)
        db.migrate()
        return db

    @cached_property
    def store(self) -> FileStore:
        return FileStore(self.settings.store_dir)

    @cached_property
    def chunks(self) -> ChunkStore:
        """The OCR chunks of long scans between their workers and their assembly."""
        return ChunkStore(self.settings.home / "chunks")

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        """The built-in rule profiles plus the admin's (``HOSO_PROFILES_DIR``)."""
        return load_profiles(self.settings.profiles_dir)

    @property
    def limits(self) -> Limits:
        s = self.settings
        return Limits(max_file_bytes=s.max_file_bytes, zip_max_entries=s.zip_max_entries,
                      zip_max_total_bytes=s.zip_max_total_bytes, zip_max_ratio=s.zip_max_ratio,
                      zip_max_depth=s.zip_max_depth)

    def read_context(self, *, ocr_workers: int = 1) -> ReadContext:
        s = self.settings
        model_dir = s.model_dir
        options = OcrOptions(lang=s.ocr_lang, tessdata_dir=str(model_dir) if model_dir else None,
                             timeout_s=s.ocr_timeout_s, low_confidence=s.ocr_low_confidence,
                             workers=ocr_workers)
        return ReadContext(engine=self.engine, ocr=options, max_pages=s.max_pages,
                           max_image_pixels=s.max_image_pixels,
                           soffice_timeout_s=s.soffice_timeout_s)
