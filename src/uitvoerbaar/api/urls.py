"""/api/v1: each app contributes its own `api/urls.py`; the schema is served here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from uitvoerbaar.core.permissions import requires

app_name = "api"

schema_view = requires("publiek.bekijken")(SpectacularAPIView.as_view())

urlpatterns = [
    path("schema", schema_view, name="schema"),
    path("", include("uitvoerbaar.core.api.urls")),
    path("", include("uitvoerbaar.kennisbank.api.urls")),
    path("", include("uitvoerbaar.audit.api.urls")),
    path("", include("uitvoerbaar.responsplicht.api.urls")),
    path("", include("uitvoerbaar.signalen.api.urls")),
    path("", include("uitvoerbaar.dienstverlening.api.urls")),
    path("", include("uitvoerbaar.afwijkingen.api.urls")),
    path("", include("uitvoerbaar.beleid.api.urls")),
    path("", include("uitvoerbaar.parlement.api.urls")),
    path("openbaar/", include("uitvoerbaar.openbaar.api.urls")),
]
