from django.urls import path

from . import views

app_name = "dienstverlening"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.dienst_nieuw, name="dienst_nieuw"),
    path("<int:pk>/", views.dienst, name="dienst"),
    path("<int:pk>/indicatoren/nieuw/", views.indicator_nieuw, name="indicator_nieuw"),
    path("<int:pk>/importeren/", views.importeren, name="importeren"),
    path("<int:pk>/scenarios/nieuw/", views.scenario_nieuw, name="scenario_nieuw"),
    path("<int:pk>/keuzenotas/nieuw/", views.keuzenota_nieuw, name="keuzenota_nieuw"),
    path("indicatoren/<int:pk>/ondergrens/", views.ondergrens, name="ondergrens"),
    path("scenarios/<int:pk>/", views.scenario, name="scenario"),
    path("scenarios/<int:pk>/waardenafweging/", views.waardenafweging, name="waardenafweging"),
    path("keuzenotas/<int:pk>/", views.keuzenota, name="keuzenota"),
    path("keuzenotas/<int:pk>/pdf/", views.keuzenota_pdf, name="keuzenota_pdf"),
    path("arbeidsvoorwaarden/", views.arbeidsvoorwaarden, name="arbeidsvoorwaarden"),
    path(
        "arbeidsvoorwaarden/bijwerken/",
        views.arbeidsvoorwaarde_bewerken,
        name="arbeidsvoorwaarde_bewerken",
    ),
]
