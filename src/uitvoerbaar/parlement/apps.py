from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParlementConfig(AppConfig):
    name = "uitvoerbaar.parlement"
    label = "parlement"
    verbose_name = _("Parlement en uitvoering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A kamervraag follows its request on the response duty engine.
        from uitvoerbaar.responsplicht import onderwerpen

        from . import volgers

        onderwerpen.registreer(volgers.KAMERVRAAG, volgers.kamervraag_volgt_verzoek)
