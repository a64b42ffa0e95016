from django.urls import path

from . import views

urlpatterns = [
    path("diensten", views.DienstList.as_view(), name="diensten"),
    path("diensten/<int:id>", views.DienstDetail.as_view(), name="dienst"),
    path("diensten/<int:id>/ondergrenzen", views.Ondergrenzen.as_view(), name="ondergrenzen"),
    path("diensten/<int:id>/scenarios", views.Scenarios.as_view(), name="scenarios"),
    path("diensten/<int:id>/import", views.Importeren.as_view(), name="dienst-import"),
    path("diensten/<int:id>/keuzenotas", views.Keuzenotas.as_view(), name="keuzenotas"),
    path("arbeidsvoorwaarden", views.Arbeidsvoorwaarden.as_view(), name="arbeidsvoorwaarden"),
    path(
        "arbeidsvoorwaarden/vergelijking",
        views.Vergelijking.as_view(),
        name="arbeidsvoorwaarden-vergelijking",
    ),
]
