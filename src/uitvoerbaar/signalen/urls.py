from django.urls import path

from . import views

app_name = "signalen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("melden/", views.melden, name="melden"),
    path("anoniem/", views.anoniem_melden, name="anoniem"),
    path("ontvangstcode/", views.ontvangstcode, name="ontvangstcode"),
    path("ontvangstcode/signaal/", views.anoniem_signaal, name="anoniem_signaal"),
    path("ontvangstcode/aanvullen/", views.anoniem_aanvullen, name="anoniem_aanvullen"),
    path("ontvangstcode/sluiten/", views.anoniem_sluiten, name="anoniem_sluiten"),
    path("ontvangstcode/bijlagen/<int:bijlage_pk>/", views.anoniem_bijlage, name="anoniem_bijlage"),
    path("artikelen/", views.artikelen_zoeken, name="artikelen"),
    path("gelijkend/", views.gelijkend_bij_melden, name="gelijkend"),
    path("mijn/", views.mijn, name="mijn"),
    path("mijn/<int:pk>/", views.mijn_signaal, name="mijn_signaal"),
    path("mijn/<int:pk>/aanvullen/", views.mijn_aanvullen, name="mijn_aanvullen"),
    path("mijn/<int:pk>/bijlagen/<int:bijlage_pk>/", views.mijn_bijlage, name="mijn_bijlage"),
    path("<int:pk>/", views.signaal, name="signaal"),
    path("<int:pk>/in-behandeling/", views.in_behandeling, name="in_behandeling"),
    path("<int:pk>/bericht/", views.bericht, name="bericht"),
    path("<int:pk>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<int:pk>/heropenen/", views.heropenen, name="heropenen"),
    path("<int:pk>/bijlagen/<int:bijlage_pk>/", views.bijlage, name="bijlage"),
    path("<int:pk>/identiteit/", views.identiteit, name="identiteit"),
    path("<int:pk>/onthulling/", views.onthulling_vragen, name="onthulling_vragen"),
    path("onthulling/<int:pk>/", views.onthulling_beslissen, name="onthulling_beslissen"),
    path("knelpunten/", views.knelpunten, name="knelpunten"),
    path("knelpunten/nieuw/", views.knelpunt_nieuw, name="knelpunt_nieuw"),
    path("knelpunten/<int:pk>/", views.knelpunt, name="knelpunt"),
    path("knelpunten/<int:pk>/doorgeven/", views.knelpunt_doorgeven, name="knelpunt_doorgeven"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("noodrem/", views.noodremmen, name="noodremmen"),
    path("noodrem/trekken/", views.noodrem_trekken, name="noodrem_trekken"),
    path("noodrem/<uuid:pk>/", views.noodrem, name="noodrem"),
    path("noodrem/<uuid:pk>/aanvullen/", views.noodrem_aanvullen, name="noodrem_aanvullen"),
]
