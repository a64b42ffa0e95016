from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "uitvoerbaar.audit"
    label = "audit"
    verbose_name = _("Auditlog")

    def ready(self) -> None:
        # The project uses SimpleAdminConfig (no autodiscovery): register on the beheer site.
        from . import admin  # noqa: F401
