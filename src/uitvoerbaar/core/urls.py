from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.welkom, name="welkom"),
    path("inloggen/", views.inloggen, name="login"),
    path("inloggen/tweede-factor/", views.tweede_factor, name="tweede_factor"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("start/", views.home, name="home"),
    path("organisaties/", views.organisaties, name="organisaties"),
    path("organisaties/<slug:slug>/", views.organisatie, name="organisatie"),
]
