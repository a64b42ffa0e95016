"""Public pages and open data of the beleid app, mounted at `openbaar/beleid/`."""

from django.urls import path

from . import views_openbaar

app_name = "beleid_openbaar"

urlpatterns = [
    path("", views_openbaar.overzicht, name="overzicht"),
    path("voorstellen/<int:pk>/", views_openbaar.voorstel, name="voorstel"),
    path("uitvoeringstoetsen/<int:pk>/", views_openbaar.toets, name="toets"),
    path("uitvoeringstoetsen.json", views_openbaar.toetsen_json, name="toetsen_json"),
    path("uitvoeringstoetsen.csv", views_openbaar.toetsen_csv, name="toetsen_csv"),
    path("opdrachten/", views_openbaar.opdrachten, name="opdrachten"),
    path("opdrachten/<int:pk>/", views_openbaar.opdracht, name="opdracht"),
    path("trackrecord/", views_openbaar.trackrecord, name="trackrecord"),
]
