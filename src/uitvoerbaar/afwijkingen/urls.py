from django.urls import path

from . import views

app_name = "afwijkingen"

urlpatterns = [
    path("", views.register, name="register"),
    path("wijzer/", views.wijzer, name="wijzer"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.afwijking, name="afwijking"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<int:pk>/perspectieven/", views.perspectieven, name="perspectieven"),
    path("<int:pk>/indienen/", views.indienen, name="indienen"),
    path("<int:pk>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("<int:pk>/afronden/", views.afronden, name="afronden"),
    path("<int:pk>/intrekken/", views.intrekken, name="intrekken"),
    path("consistentie/<slug:code>/", views.consistentie, name="consistentie"),
    path("aanvechtingen/", views.aanvechtingen, name="aanvechtingen"),
    path("aanvechtingen/nieuw/", views.aanvechting_nieuw, name="aanvechting_nieuw"),
    path("aanvechtingen/<int:pk>/", views.aanvechting, name="aanvechting"),
    path("casusberaden/", views.casusberaden, name="casusberaden"),
    path("casusberaden/nieuw/", views.casusberaad_nieuw, name="casusberaad_nieuw"),
    path("casusberaden/<int:pk>/", views.casusberaad, name="casusberaad"),
    path("instellingen/<slug:slug>/", views.instellingen, name="instellingen"),
]
