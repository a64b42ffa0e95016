from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AfwijkingenConfig(AppConfig):
    name = "uitvoerbaar.afwijkingen"
    label = "afwijkingen"
    verbose_name = _("Afwijkingen, aanvechtingen en casusberaden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # An aanvechting follows the outcome of its request on the response duty engine.
        from uitvoerbaar.kennisbank import voorbeelden
        from uitvoerbaar.responsplicht import onderwerpen

        from . import selectors, services

        onderwerpen.registreer(services.ONDERWERP_AANVECHTING, services.volg_verzoek)
        # Principle pages show anonymised examples from practice (seed action F4).
        voorbeelden.registreer("afwijkingen", selectors.voorbeelden_bij_beginsel)
