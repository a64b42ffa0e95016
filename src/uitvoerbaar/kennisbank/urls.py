from django.urls import path

from . import views

app_name = "kennisbank"

urlpatterns = [
    path("beginselen/", views.beginselen, name="beginselen"),
    path("beginselen/<slug:code>/", views.beginsel, name="beginsel"),
    path("regelingen/", views.regelingen, name="regelingen"),
    path("regelingen/<slug:code>/", views.regeling, name="regeling"),
    path("regelingen/<slug:code>/artikelen/<str:nummer>/", views.artikel, name="artikel"),
]
