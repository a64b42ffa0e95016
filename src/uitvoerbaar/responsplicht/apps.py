from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponsplichtConfig(AppConfig):
    name = "uitvoerbaar.responsplicht"
    label = "responsplicht"
    verbose_name = _("Responsplicht (pas toe of leg uit)")
    default_auto_field = "django.db.models.BigAutoField"
