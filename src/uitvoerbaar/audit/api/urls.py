from django.urls import path

from . import views

urlpatterns = [
    path("audit/ketenkop", views.KetenKopView.as_view(), name="audit-ketenkop"),
]
