"""Open data under /api/v1/openbaar/ (no login)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
