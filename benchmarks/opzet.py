"""Shared by the benchmarks: point Django at a scratch database with the test settings."""

from __future__ import annotations

import os


def django_opzetten(database_url: str | None, data_dir: str) -> None:
    """Test settings (fast password hashing, fixed keys), `data_dir` for files, and the given
    database (SQLite in `data_dir` when None is given)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "uitvoerbaar.conf.test"
    os.environ["UITVOERBAAR_DATA_DIR"] = data_dir
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
