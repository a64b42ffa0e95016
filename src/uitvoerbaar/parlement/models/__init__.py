"""Models of the parlement app, one module per subject (kamervragen, contactmomenten, rapporten)."""

from .rapporten import Rapport, Rapportstatus

__all__ = ["Rapport", "Rapportstatus"]
