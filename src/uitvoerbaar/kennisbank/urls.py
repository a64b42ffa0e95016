from django.urls import path

from . import views

app_name = "kennisbank"

urlpatterns = [
    path("beginselen/", views.beginselen, name="beginselen"),
    path("regelingen/", views.regelingen, name="regelingen"),
]
