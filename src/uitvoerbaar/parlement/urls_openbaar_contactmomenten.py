"""Published reports of contact moments, mounted at `openbaar/contactmomenten/`."""

from django.urls import path

from . import views_openbaar

app_name = "contactmomenten_openbaar"

urlpatterns = [
    path("", views_openbaar.contactmomenten, name="contactmomenten"),
    path("<int:pk>/", views_openbaar.contactmoment, name="contactmoment"),
]
