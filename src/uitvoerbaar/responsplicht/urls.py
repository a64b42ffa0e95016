from django.urls import path

from . import views

app_name = "responsplicht"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("mijn-vragen/", views.mijn_vragen, name="mijn_vragen"),
    path("meldingen/", views.meldingen, name="meldingen"),
    path("meldingen/gelezen/", views.alle_gelezen, name="alle_gelezen"),
    path("meldingen/<int:pk>/gelezen/", views.melding_gelezen, name="melding_gelezen"),
    path("<int:pk>/", views.verzoek, name="verzoek"),
    path("<int:pk>/pas-toe/", views.pas_toe, name="pas_toe"),
    path("<int:pk>/leg-uit/", views.leg_uit, name="leg_uit"),
    path("<int:pk>/aanvaarden/", views.aanvaarden, name="aanvaarden"),
    path("<int:pk>/onvoldoende/", views.onvoldoende, name="onvoldoende"),
    path("<int:pk>/intrekken/", views.intrekken, name="intrekken"),
    path("<int:pk>/opschorten/", views.opschorten, name="opschorten"),
    path("<int:pk>/hervatten/", views.hervatten, name="hervatten"),
    path("<int:pk>/verlengen/", views.verlengen, name="verlengen"),
    path("<int:pk>/controle/", views.controle, name="controle"),
    path("<int:pk>/openbaarheid/", views.openbaarheid, name="openbaarheid"),
]
