"""Open data under /api/v1/openbaar/ (no login). The published uitvoeringstoetsen are served by
the beleid API itself (/api/v1/uitvoeringstoetsen); the dataset list names it."""

from django.urls import path

from . import views

urlpatterns = [
    path("datasets", views.DatasetList.as_view(), name="openbaar-datasets"),
    path("rechten", views.RechtenList.as_view(), name="openbaar-rechten"),
    path("rechten/<slug:code>", views.RechtenDetail.as_view(), name="openbaar-recht"),
    path(
        "levensgebeurtenissen",
        views.LevensgebeurtenisList.as_view(),
        name="openbaar-levensgebeurtenissen",
    ),
    path("register", views.RegisterList.as_view(), name="openbaar-register"),
    path("monitor", views.MonitorList.as_view(), name="openbaar-monitor"),
    path("auditketen", views.Auditketen.as_view(), name="openbaar-auditketen"),
]
