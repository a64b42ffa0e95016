"""Public pages of published Standen van de uitvoering, mounted at
`openbaar/stand-van-de-uitvoering/` (before the openbaar app's own include)."""

from django.urls import path

from . import rapport_views as views

app_name = "stand"

urlpatterns = [
    path("", views.openbaar_lijst, name="lijst"),
    path("<int:pk>/", views.openbaar_rapport, name="rapport"),
    path("<int:pk>/pdf/", views.openbaar_pdf, name="pdf"),
]
