from django.urls import path

from . import views

urlpatterns = [
    path("reactieverzoeken", views.ReactieverzoekList.as_view(), name="reactieverzoeken"),
    path("reactieverzoeken/<int:id>", views.ReactieverzoekDetail.as_view(), name="reactieverzoek"),
    path(
        "reactieverzoeken/<int:id>/pas-toe",
        views.PasToe.as_view(),
        name="reactieverzoek-pas-toe",
    ),
    path(
        "reactieverzoeken/<int:id>/leg-uit",
        views.LegUit.as_view(),
        name="reactieverzoek-leg-uit",
    ),
    path(
        "reactieverzoeken/<int:id>/aanvaarden",
        views.Aanvaarden.as_view(),
        name="reactieverzoek-aanvaarden",
    ),
    path(
        "reactieverzoeken/<int:id>/onvoldoende",
        views.Onvoldoende.as_view(),
        name="reactieverzoek-onvoldoende",
    ),
    path(
        "reactieverzoeken/<int:id>/opschorten",
        views.Opschorten.as_view(),
        name="reactieverzoek-opschorten",
    ),
    path(
        "reactieverzoeken/<int:id>/hervatten",
        views.Hervatten.as_view(),
        name="reactieverzoek-hervatten",
    ),
    path(
        "reactieverzoeken/<int:id>/verlengen",
        views.Verlengen.as_view(),
        name="reactieverzoek-verlengen",
    ),
    path(
        "reactieverzoeken/<int:id>/intrekken",
        views.Intrekken.as_view(),
        name="reactieverzoek-intrekken",
    ),
    path(
        "reactieverzoeken/<int:id>/openbaarheid-weigeren",
        views.OpenbaarheidWeigeren.as_view(),
        name="reactieverzoek-openbaarheid-weigeren",
    ),
    path("controles/<int:id>", views.ControleVaststellen.as_view(), name="controle"),
    path("meldingen", views.MeldingList.as_view(), name="meldingen"),
    path("meldingen/<int:id>/gelezen", views.MeldingGelezen.as_view(), name="melding-gelezen"),
    path("soorten", views.SoortList.as_view(), name="soorten"),
]
