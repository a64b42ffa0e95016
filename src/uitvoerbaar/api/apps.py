from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "uitvoerbaar.api"
    label = "api"
    verbose_name = "API v1"
