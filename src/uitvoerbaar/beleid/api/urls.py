from django.urls import path

from . import views

urlpatterns = [
    path("beleidsvoorstellen", views.BeleidsvoorstelList.as_view(), name="beleidsvoorstellen"),
    path(
        "beleidsvoorstellen/<int:id>",
        views.BeleidsvoorstelDetail.as_view(),
        name="beleidsvoorstel",
    ),
    path(
        "beleidsvoorstellen/<int:id>/volgende-stap",
        views.VolgendeStap.as_view(),
        name="beleidsvoorstel-volgende-stap",
    ),
    path(
        "beleidsvoorstellen/<int:id>/zonder-inbreng",
        views.ZonderInbreng.as_view(),
        name="beleidsvoorstel-zonder-inbreng",
    ),
    path(
        "beleidsvoorstellen/<int:id>/uitvoeringstoetsen/<slug:organisatie>",
        views.ToetsOpslaan.as_view(),
        name="uitvoeringstoets-opslaan",
    ),
    path(
        "beleidsvoorstellen/<int:id>/uitvoeringstoetsen/<slug:organisatie>/publiceren",
        views.ToetsPubliceren.as_view(),
        name="uitvoeringstoets-publiceren",
    ),
    path(
        "beleidsvoorstellen/<int:id>/beloften",
        views.Beloften.as_view(),
        name="beleidsvoorstel-beloften",
    ),
    path("uitvoeringstoetsen", views.UitvoeringstoetsList.as_view(), name="uitvoeringstoetsen"),
    path(
        "uitvoeringstoetsen/<int:id>",
        views.UitvoeringstoetsDetail.as_view(),
        name="uitvoeringstoets",
    ),
    path("opdrachten", views.OpdrachtList.as_view(), name="opdrachten"),
    path("opdrachten/<int:id>", views.OpdrachtDetail.as_view(), name="opdracht"),
    path("opdrachten/<int:id>/teruggave", views.Teruggeven.as_view(), name="opdracht-teruggave"),
    path("opdrachten/<int:id>/afronden", views.Afronden.as_view(), name="opdracht-afronden"),
]
