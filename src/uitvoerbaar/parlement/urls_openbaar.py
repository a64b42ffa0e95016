"""Public pages and open data of the parlement app: answered kamervragen, mounted at
`openbaar/kamervragen/`, and published reports of contact moments, mounted at
`openbaar/contactmomenten/` by urls_openbaar_contactmomenten.py."""

from django.urls import path

from . import views_openbaar

app_name = "parlement_openbaar"

urlpatterns = [
    path("", views_openbaar.kamervragen, name="kamervragen"),
    path("<int:pk>/", views_openbaar.kamervraag, name="kamervraag"),
    path("kamervragen.csv", views_openbaar.kamervragen_csv, name="kamervragen_csv"),
]
