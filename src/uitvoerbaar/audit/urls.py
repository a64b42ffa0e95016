from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("keten/", views.ketenkop, name="ketenkop"),
    path("inzage/", views.inzages, name="inzages"),
]
