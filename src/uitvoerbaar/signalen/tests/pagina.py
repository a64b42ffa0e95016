"""Reading the signalen screens in HTTP tests: the page text, the message next to a field
(includes/veld.html) and the message above a form (includes/formfouten.html)."""

from __future__ import annotations

import re
from typing import Any


def html(response: Any) -> str:
    return str(response.content.decode())


def _tekst(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def veldfout(response: Any, veld_id: str) -> str:
    """The error text shown next to a field (`<id>_error`)."""
    gevonden = re.search(rf'id="{re.escape(veld_id)}_error">(.*?)</div>', html(response), re.S)
    assert gevonden, f"no error next to {veld_id}"
    return _tekst(gevonden.group(1))


def formfouten(response: Any) -> list[str]:
    """The messages above the forms of a page (role="alert")."""
    return [
        _tekst(m)
        for m in re.findall(r'utrecht-alert--error" role="alert">(.*?)</div>', html(response), re.S)
    ]
