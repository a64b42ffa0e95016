"""The public register of the response duty, mounted at `register/`."""

from django.urls import path

from . import views_openbaar

app_name = "register"

urlpatterns = [
    path("", views_openbaar.overzicht, name="overzicht"),
    path("organisaties/<slug:slug>/", views_openbaar.organisatie, name="organisatie"),
    path("<str:kenmerk>/", views_openbaar.verzoek, name="verzoek"),
]
