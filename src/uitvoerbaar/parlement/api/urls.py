"""/api/v1 routes of the parlement app (kamervragen, contactmomenten, rapporten). The open data
lives under /api/v1/openbaar/ too; these routes come before the openbaar app's include."""

from django.urls import path

from . import rapport_views, views

urlpatterns = [
    path("kamervragen", views.KamervraagList.as_view(), name="kamervragen"),
    path("kamervragen/<int:id>", views.KamervraagDetail.as_view(), name="kamervraag"),
    path("contactmomenten", views.ContactmomentList.as_view(), name="contactmomenten"),
    path("contactmomenten/<int:id>", views.ContactmomentDetail.as_view(), name="contactmoment"),
    path(
        "contactmomenten/<int:id>/gehouden",
        views.ContactmomentGehouden.as_view(),
        name="contactmoment-gehouden",
    ),
    path(
        "contactmomenten/<int:id>/annuleren",
        views.ContactmomentAnnuleren.as_view(),
        name="contactmoment-annuleren",
    ),
    path(
        "contactmomenten/<int:id>/verslag",
        views.ContactmomentVerslag.as_view(),
        name="contactmoment-verslag",
    ),
    path(
        "contactmomenten/<int:id>/verslag/publiceren",
        views.ContactmomentPubliceren.as_view(),
        name="contactmoment-verslag-publiceren",
    ),
    path(
        "openbaar/kamervragen",
        views.OpenbareKamervraagList.as_view(),
        name="openbaar-kamervragen",
    ),
    path(
        "openbaar/kamervragen/<int:id>",
        views.OpenbareKamervraagDetail.as_view(),
        name="openbaar-kamervraag",
    ),
    path(
        "openbaar/contactmomenten",
        views.OpenbaarContactmomentList.as_view(),
        name="openbaar-contactmomenten",
    ),
]

# The Stand van de uitvoering (seed action P3).

urlpatterns += [
    path("rapporten", rapport_views.Rapporten.as_view(), name="rapporten"),
    path("rapporten/<int:id>", rapport_views.RapportDetail.as_view(), name="rapport"),
    path("rapporten/<int:id>/pdf", rapport_views.RapportPdf.as_view(), name="rapport-pdf"),
    path("rapporten/<int:id>/html", rapport_views.RapportHtml.as_view(), name="rapport-html"),
]
