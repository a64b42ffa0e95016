"""The public portal, mounted at `openbaar/` (no login). The register of the response duty is
mounted beside it at `openbaar/register/` (namespace `register`), the beleid pages at
`openbaar/beleid/`."""

from django.urls import path

from . import views

app_name = "openbaar"

urlpatterns = [
    path("", views.home, name="home"),
    path("rechtenwijzer/", views.rechtenwijzer, name="rechtenwijzer"),
    path(
        "rechtenwijzer/levensgebeurtenissen/<slug:slug>/",
        views.levensgebeurtenis,
        name="levensgebeurtenis",
    ),
    path("rechtenwijzer/regelingen/<slug:code>/", views.regeling, name="regeling"),
    path("monitor/", views.monitor, name="monitor"),
    path("open-data/", views.open_data, name="open_data"),
]

for _dataset in ("rechten", "levensgebeurtenissen", "register", "monitor"):
    for _formaat in ("csv", "json"):
        urlpatterns.append(
            path(
                f"open-data/{_dataset}.{_formaat}",
                getattr(views, f"download_{_dataset}_{_formaat}"),
                name=f"download_{_dataset}_{_formaat}",
            )
        )
