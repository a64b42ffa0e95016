"""Pages of the parlement app, mounted at `parlement/`."""

from django.urls import path  # noqa: F401

app_name = "parlement"

urlpatterns: list = []
