"""The public portal, mounted at `openbaar/` (no login)."""

from django.urls import path  # noqa: F401

app_name = "openbaar"

urlpatterns: list = []
