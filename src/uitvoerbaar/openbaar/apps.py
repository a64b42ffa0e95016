from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenbaarConfig(AppConfig):
    """The public portal: no models of its own, it reads through other apps' selectors."""

    name = "uitvoerbaar.openbaar"
    label = "openbaar"
    verbose_name = _("Openbaar portaal")
    default_auto_field = "django.db.models.BigAutoField"
