from django.urls import path

from . import views

app_name = "beleid"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("nieuw/", views.voorstel_nieuw, name="voorstel_nieuw"),
    path("<int:pk>/", views.voorstel, name="voorstel"),
    path("<int:pk>/volgende-stap/", views.volgende_stap, name="volgende_stap"),
    path("<int:pk>/uitleg/<int:betrokkenheid>/", views.uitleg, name="uitleg"),
    path("<int:pk>/stappen/<int:stap>/", views.stap_inrichten, name="stap_inrichten"),
    path("<int:pk>/betrokkenen/", views.betrokkene, name="betrokkene"),
    path("<int:pk>/beloften/", views.belofte, name="belofte"),
    path("<int:pk>/documenten/", views.bijlage, name="bijlage"),
    path("<int:pk>/toets/<slug:org>/", views.toets, name="toets"),
    path("opdrachten/nieuw/", views.opdracht_nieuw, name="opdracht_nieuw"),
    path("opdrachten/<int:pk>/", views.opdracht, name="opdracht"),
    path("opdrachten/<int:pk>/teruggeven/", views.teruggeven, name="teruggeven"),
    path("opdrachten/<int:pk>/wijzigen/", views.opdracht_wijzigen, name="opdracht_wijzigen"),
    path("opdrachten/<int:pk>/afronden/", views.opdracht_afronden, name="opdracht_afronden"),
]
