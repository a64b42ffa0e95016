"""A URLconf with routes that declare no policy action, to prove the coverage check fails."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.generic import TemplateView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from uitvoerbaar.core.permissions import requires


def zonder_actie(request: HttpRequest) -> HttpResponse:
    return HttpResponse("open")


@requires("publiek.bekijken")
def met_actie(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


class ApiZonderActie(APIView):
    def get(self, request: Request) -> Response:
        return Response({})


class ApiMetActie(APIView):
    policy_actie = "account.eigen"

    def get(self, request: Request) -> Response:
        return Response({})


binnen = (
    [path("diep/", zonder_actie, name="diep"), path("goed/", met_actie, name="goed")],
    "binnen",
)

urlpatterns = [
    path("open/", zonder_actie, name="open"),
    path("api/open", ApiZonderActie.as_view(), name="api-open"),
    path("api/goed", ApiMetActie.as_view(), name="api-goed"),
    path("sjabloon/", TemplateView.as_view(template_name="404.html"), name="sjabloon"),
    path("genest/", include(binnen)),
]
