from django.urls import path

from . import views

urlpatterns = [
    path("signalen", views.SignaalList.as_view(), name="signalen"),
    path("signalen/mijn", views.EigenSignaalList.as_view(), name="eigen-signalen"),
    path("signalen/mijn/<int:id>", views.EigenSignaalDetail.as_view(), name="eigen-signaal"),
    path(
        "signalen/mijn/<int:id>/aanvullingen",
        views.EigenAanvullingen.as_view(),
        name="eigen-signaal-aanvullingen",
    ),
    path("signalen/ontvangstcode", views.Ontvangstcode.as_view(), name="signaal-ontvangstcode"),
    path(
        "signalen/ontvangstcode/aanvullingen",
        views.OntvangstcodeAanvullingen.as_view(),
        name="signaal-ontvangstcode-aanvullingen",
    ),
    path("signalen/<int:id>", views.SignaalDetail.as_view(), name="signaal"),
    path(
        "signalen/<int:id>/in-behandeling",
        views.InBehandeling.as_view(),
        name="signaal-in-behandeling",
    ),
    path("signalen/<int:id>/berichten", views.Berichten.as_view(), name="signaal-berichten"),
    path("signalen/<int:id>/afsluiten", views.Afsluiten.as_view(), name="signaal-afsluiten"),
    path("signalen/<int:id>/heropenen", views.Heropenen.as_view(), name="signaal-heropenen"),
    path(
        "signalen/<int:id>/onthullingen",
        views.Onthullingen.as_view(),
        name="signaal-onthullingen",
    ),
    path("signalen/<int:id>/identiteit", views.Identiteit.as_view(), name="signaal-identiteit"),
    path(
        "onthullingen/<int:id>/besluit",
        views.OnthullingBesluit.as_view(),
        name="onthulling-besluit",
    ),
    path(
        "signalen/<int:id>/gelijkend",
        views.GelijkendeSignalen.as_view(),
        name="signaal-gelijkend",
    ),
    path(
        "signalen/<int:id>/bijlagen/<int:bijlage>",
        views.SignaalBijlage.as_view(),
        name="signaal-bijlage",
    ),
    path("noodremmen", views.NoodremList.as_view(), name="noodremmen"),
    path("noodremmen/<uuid:id>", views.NoodremDetail.as_view(), name="noodrem"),
    path(
        "noodremmen/<uuid:id>/aanvullingen",
        views.NoodremAanvullingen.as_view(),
        name="noodrem-aanvullingen",
    ),
    path("knelpunten", views.KnelpuntList.as_view(), name="knelpunten"),
]
