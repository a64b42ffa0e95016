from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalenConfig(AppConfig):
    name = "uitvoerbaar.signalen"
    verbose_name = _("Signalen en noodrem")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from uitvoerbaar.responsplicht import onderwerpen

        from . import services

        onderwerpen.registreer(services.ONDERWERP_SIGNAAL, services.volg_verzoek)
