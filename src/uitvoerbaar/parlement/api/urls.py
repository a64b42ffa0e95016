"""/api/v1 routes of the parlement app (kamervragen, contactmomenten, rapporten)."""

from django.urls import path

urlpatterns: list = []

# The Stand van de uitvoering (seed action P3).
from . import rapport_views  # noqa: E402

urlpatterns += [
    path("rapporten", rapport_views.Rapporten.as_view(), name="rapporten"),
    path("rapporten/<int:id>", rapport_views.RapportDetail.as_view(), name="rapport"),
    path("rapporten/<int:id>/pdf", rapport_views.RapportPdf.as_view(), name="rapport-pdf"),
    path("rapporten/<int:id>/html", rapport_views.RapportHtml.as_view(), name="rapport-html"),
]
