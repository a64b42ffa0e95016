"""Local secrets for development and the demo, kept in a file outside the database."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet


def lokale_geheimen(data_dir: Path) -> dict[str, str]:
    """Read (or make once, readable by the owner only) DATA_DIR/geheimen/signalen.json."""
    pad = data_dir / "geheimen" / "signalen.json"
    if not pad.exists():
        pad.parent.mkdir(parents=True, exist_ok=True)
        inhoud = {"sleutel": Fernet.generate_key().decode(), "bonzout": secrets.token_hex(32)}
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(inhoud, f)
    return dict(json.loads(pad.read_text()))
