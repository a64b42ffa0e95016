from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language

from uitvoerbaar.core.admin_site import beheer_site
from uitvoerbaar.core.permissions import requires
from uitvoerbaar.openbaar import views as openbaar_views

urlpatterns = [
    path("", include("uitvoerbaar.core.urls")),
    path("kennisbank/", include("uitvoerbaar.kennisbank.urls")),
    path("audit/", include("uitvoerbaar.audit.urls")),
    path("verzoeken/", include("uitvoerbaar.responsplicht.urls")),
    # The register moved under the public portal; the old addresses redirect permanently.
    re_path(r"^register/(?P<rest>.*)$", openbaar_views.register_verhuisd, name="register_oud"),
    path("signalen/", include("uitvoerbaar.signalen.urls")),
    path("dienstverlening/", include("uitvoerbaar.dienstverlening.urls")),
    path("afwijkingen/", include("uitvoerbaar.afwijkingen.urls")),
    path("beleid/", include("uitvoerbaar.beleid.urls")),
    path("parlement/", include("uitvoerbaar.parlement.urls")),
    path("openbaar/beleid/", include("uitvoerbaar.beleid.urls_openbaar")),
    path("openbaar/kamervragen/", include("uitvoerbaar.parlement.urls_openbaar")),
    path(
        "openbaar/contactmomenten/",
        include("uitvoerbaar.parlement.urls_openbaar_contactmomenten"),
    ),
    path("openbaar/register/", include("uitvoerbaar.responsplicht.urls_openbaar")),
    path(
        "openbaar/stand-van-de-uitvoering/",
        include("uitvoerbaar.parlement.rapport_urls_openbaar"),
    ),
    path("openbaar/", include("uitvoerbaar.openbaar.urls")),
    path("api/v1/", include("uitvoerbaar.api.urls")),
    path("taal/", requires("publiek.bekijken")(set_language), name="set_language"),
    path("beheer/", beheer_site.urls),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "uitvoerbaar.core.errors.forbidden"
handler404 = "uitvoerbaar.core.errors.not_found"
handler500 = "uitvoerbaar.core.errors.server_error"
admin.site.site_header = "Uitvoerbaar"
