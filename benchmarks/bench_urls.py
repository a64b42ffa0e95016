"""The platform's routes plus the bare view of benchmarks/intake.py: one INSERT, 201."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from uitvoerbaar.urls import urlpatterns as platform


@csrf_exempt
def kaal(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_kaal (tekst) VALUES (%s)", [request.body[:200].decode()])
    return HttpResponse(status=201)


urlpatterns = [path("bench/kaal/", kaal), *platform]
