from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeleidConfig(AppConfig):
    name = "uitvoerbaar.beleid"
    label = "beleid"
    verbose_name = _("Beleid (voorstellen, uitvoeringstoetsen, opdrachten)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Subjects of the response duty engine follow their request's outcome.
        from uitvoerbaar.responsplicht import onderwerpen

        from . import volgers

        onderwerpen.registreer(volgers.BETROKKENHEID, volgers.betrokkenheid_volgt_verzoek)
        onderwerpen.registreer(volgers.VOORWAARDE, volgers.voorwaarde_volgt_verzoek)
        onderwerpen.registreer(volgers.TERUGGAVE, volgers.teruggave_volgt_verzoek)
