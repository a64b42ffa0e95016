"""Fixtures shared by the tests outside the apps (browser tests, language switch)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "uitvoerbaar" / "locale"


@pytest.fixture(scope="session")
def vertalingen() -> None:
    """Compile the .po catalogues when their .mo is missing or older (`make test` already did
    it through `make messages`; this keeps a plain `pytest` run honest). Written to a temporary
    file and moved into place, so two xdist workers never read a half-written catalogue."""
    gecompileerd = False
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        gecompileerd = True
        fd, tmp = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
        os.close(fd)
        try:
            subprocess.run(["msgfmt", "--check-format", "-o", tmp, str(po)], check=True)
            os.replace(tmp, mo)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    if gecompileerd:
        # Catalogues already loaded in this process were read without the new .mo files.
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None
