"""Pages of the parlement app, mounted at `parlement/`."""

from django.urls import path

app_name = "parlement"

urlpatterns: list = []

# The Stand van de uitvoering (seed action P3).
from . import rapport_views  # noqa: E402

urlpatterns += [
    path("rapporten/", rapport_views.rapporten, name="rapporten"),
    path("rapporten/<int:pk>/", rapport_views.rapport, name="rapport"),
    path("rapporten/<int:pk>/voortgang/", rapport_views.voortgang, name="rapport_voortgang"),
    path("rapporten/<int:pk>/pdf/", rapport_views.pdf, name="rapport_pdf"),
    path("rapporten/<int:pk>/publiceren/", rapport_views.publiceren, name="rapport_publiceren"),
]
