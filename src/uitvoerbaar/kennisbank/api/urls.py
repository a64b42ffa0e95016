from django.urls import path

from . import views

urlpatterns = [
    path("beginselen", views.BeginselList.as_view(), name="beginselen"),
    path("beginselen/<slug:code>", views.BeginselDetail.as_view(), name="beginsel"),
    path("regelingen", views.RegelingList.as_view(), name="regelingen"),
    path("regelingen/<slug:code>", views.RegelingDetail.as_view(), name="regeling"),
]
