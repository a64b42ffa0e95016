from django.urls import path

from . import views

urlpatterns = [
    path("ik", views.IkView.as_view(), name="ik"),
    path("organisaties", views.OrganisatieList.as_view(), name="organisaties"),
    path("organisaties/<slug:slug>", views.OrganisatieDetail.as_view(), name="organisatie"),
    path(
        "organisaties/<slug:slug>/lidmaatschappen",
        views.LidmaatschapList.as_view(),
        name="organisatie-lidmaatschappen",
    ),
    path(
        "lidmaatschappen/<int:pk>/beeindigen",
        views.LidmaatschapBeeindigen.as_view(),
        name="lidmaatschap-beeindigen",
    ),
]
