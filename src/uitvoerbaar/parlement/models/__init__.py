"""Models of the parlement app, one module per subject (kamervragen, contactmomenten, rapporten)."""

from .contactmomenten import Contactmoment
from .kamervragen import Kamervraag

__all__ = ["Contactmoment", "Kamervraag"]
