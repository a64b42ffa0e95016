"""/api/v1 routes of the parlement app (kamervragen, contactmomenten, rapporten)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
