"""Pages of the parlement app, mounted at `parlement/`."""

from django.urls import path

from . import rapport_views, views

app_name = "parlement"

urlpatterns = [
    path("kamervragen/", views.kamervragen, name="kamervragen"),
    path("kamervragen/nieuw/", views.kamervraag_nieuw, name="kamervraag_nieuw"),
    path("kamervragen/<int:pk>/", views.kamervraag, name="kamervraag"),
    path("vragen-uit-de-kamer/", views.vragen_uit_de_kamer, name="vragen_uit_de_kamer"),
    path("contactmomenten/", views.contactmomenten, name="contactmomenten"),
    path("contactmomenten/nieuw/", views.contactmoment_nieuw, name="contactmoment_nieuw"),
    path("contactmomenten/<int:pk>/", views.contactmoment, name="contactmoment"),
    path(
        "contactmomenten/<int:pk>/wijzigen/",
        views.contactmoment_wijzigen,
        name="contactmoment_wijzigen",
    ),
    path(
        "contactmomenten/<int:pk>/gehouden/",
        views.contactmoment_houden,
        name="contactmoment_houden",
    ),
    path(
        "contactmomenten/<int:pk>/annuleren/",
        views.contactmoment_annuleren,
        name="contactmoment_annuleren",
    ),
    path(
        "contactmomenten/<int:pk>/verslag/",
        views.contactmoment_verslag,
        name="contactmoment_verslag",
    ),
    path(
        "contactmomenten/<int:pk>/verslag/publiceren/",
        views.contactmoment_publiceren,
        name="contactmoment_publiceren",
    ),
]

# The Stand van de uitvoering (seed action P3).

urlpatterns += [
    path("rapporten/", rapport_views.rapporten, name="rapporten"),
    path("rapporten/<int:pk>/", rapport_views.rapport, name="rapport"),
    path("rapporten/<int:pk>/voortgang/", rapport_views.voortgang, name="rapport_voortgang"),
    path("rapporten/<int:pk>/pdf/", rapport_views.pdf, name="rapport_pdf"),
    path("rapporten/<int:pk>/publiceren/", rapport_views.publiceren, name="rapport_publiceren"),
]
