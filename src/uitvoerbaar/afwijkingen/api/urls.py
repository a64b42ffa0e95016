from django.urls import path

from . import views

urlpatterns = [
    path("afwijkingen", views.AfwijkingList.as_view(), name="afwijkingen"),
    path("afwijkingen/<int:id>", views.AfwijkingDetail.as_view(), name="afwijking"),
    path(
        "afwijkingen/<int:id>/precedenten",
        views.AfwijkingPrecedenten.as_view(),
        name="afwijking-precedenten",
    ),
    path("afwijkingen/<int:id>/wijzigen", views.Wijzigen.as_view(), name="afwijking-wijzigen"),
    path(
        "afwijkingen/<int:id>/perspectieven",
        views.Perspectieven.as_view(),
        name="afwijking-perspectieven",
    ),
    path("afwijkingen/<int:id>/indienen", views.Indienen.as_view(), name="afwijking-indienen"),
    path(
        "afwijkingen/<int:id>/goedkeuren", views.Goedkeuren.as_view(), name="afwijking-goedkeuren"
    ),
    path("afwijkingen/<int:id>/afwijzen", views.Afwijzen.as_view(), name="afwijking-afwijzen"),
    path("afwijkingen/<int:id>/afronden", views.Afronden.as_view(), name="afwijking-afronden"),
    path("afwijkingen/<int:id>/intrekken", views.Intrekken.as_view(), name="afwijking-intrekken"),
    path("precedenten", views.PrecedentZoeken.as_view(), name="precedenten"),
    path("aanvechtingen", views.AanvechtingList.as_view(), name="aanvechtingen"),
    path("aanvechtingen/<int:id>", views.AanvechtingDetail.as_view(), name="aanvechting"),
    path("casusberaden", views.CasusberaadList.as_view(), name="casusberaden"),
    path("casusberaden/<int:id>", views.CasusberaadDetail.as_view(), name="casusberaad"),
]
