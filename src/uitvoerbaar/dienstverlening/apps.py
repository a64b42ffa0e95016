from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DienstverleningConfig(AppConfig):
    name = "uitvoerbaar.dienstverlening"
    label = "dienstverlening"
    verbose_name = _("Dienstverlening en middelen")
    default_auto_field = "django.db.models.BigAutoField"
