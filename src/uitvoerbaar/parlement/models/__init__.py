"""Models of the parlement app, one module per subject (kamervragen, contactmomenten, rapporten)."""

from .contactmomenten import Contactmoment
from .kamervragen import Kamervraag
from .rapporten import Rapport, Rapportstatus

__all__ = ["Contactmoment", "Kamervraag", "Rapport", "Rapportstatus"]
