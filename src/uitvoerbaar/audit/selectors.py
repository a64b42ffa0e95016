"""Reads of the audit log."""

from __future__ import annotations

from .models import KetenKop


def ketenkop() -> KetenKop:
    """The public chain head: count and hash of the newest event (genesis when empty)."""
    return KetenKop.objects.filter(pk=1).first() or KetenKop(volgnummer=0)
