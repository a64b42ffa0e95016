"""/api/v1: each app contributes its own `api/urls.py`; the schema is served here."""

from django.urls import include, path
from django.views.decorators.cache import cache_page
from django.views.decorators.vary import vary_on_headers
from drf_spectacular.views import SpectacularAPIView

from uitvoerbaar.core.permissions import requires

app_name = "api"

# The schema is the same until the next deployment; generating it takes about 400 ms, so it is
# kept an hour in the cache (per language, and per format: ?format= or the Accept header).
schema_view = requires("publiek.bekijken")(
    cache_page(60 * 60)(vary_on_headers("Accept")(SpectacularAPIView.as_view()))
)

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
