"""The project's URLconf with single sign-on switched on (as when OIDC_ENABLED is set)."""

from django.urls import include, path

from uitvoerbaar.urls import handler403, handler404
from uitvoerbaar.urls import urlpatterns as project_urls

urlpatterns = [*project_urls, path("oidc/", include("mozilla_django_oidc.urls"))]

__all__ = ["handler403", "handler404", "urlpatterns"]
